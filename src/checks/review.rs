//! Review dates: rated elements need a recent `reviewed`; not-assessed elements are flagged.

use super::FileContext;
use crate::diagnostic::{Code, Diagnostic};
use crate::evidence::Status;

pub(super) fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(status) = &cx.front.status else {
        return;
    };
    if status.value == Status::NotAssessed {
        out.push(
            Diagnostic::new(Code::NotAssessed, "this element has not been assessed yet")
                .file(cx.path)
                .at(cx.text, status.line, status.column)
                .span_chars(status.value.as_str().len())
                .help("gather the evidence, then set `status:` to the rating it supports"),
        );
        return;
    }
    match &cx.front.reviewed {
        // Written but not a date: that already has its own diagnostic.
        None if cx.front.has_reviewed => {}
        None => out.push(
            Diagnostic::new(
                Code::MissingReview,
                format!("status is {} but `reviewed` is missing", status.value),
            )
            .file(cx.path)
            .at(cx.text, status.line, status.column)
            .span_chars(status.value.as_str().len())
            .help("add `reviewed: YYYY-MM-DD` with the date the evidence was last checked"),
        ),
        Some(reviewed) => {
            let due = reviewed.value.checked_add(cx.options.review_max_age).ok();
            if due.is_some_and(|due| due < cx.options.today) {
                out.push(
                    Diagnostic::new(
                        Code::StaleReview,
                        format!(
                            "evidence last reviewed on {}, more than {} ago",
                            reviewed.value,
                            describe(cx.options.review_max_age)
                        ),
                    )
                    .file(cx.path)
                    .at(cx.text, reviewed.line, reviewed.column)
                    .span_chars(10)
                    .help("review the evidence, then update `reviewed:`"),
                );
            }
        }
    }
}

/// A short human form of a span such as `12 months`.
pub fn describe(span: jiff::Span) -> String {
    let mut parts = Vec::new();
    for (n, unit) in [
        (span.get_years() as i64, "year"),
        (span.get_months() as i64, "month"),
        (span.get_weeks() as i64, "week"),
        (span.get_days() as i64, "day"),
    ] {
        if n != 0 {
            parts.push(format!("{n} {unit}{}", if n == 1 { "" } else { "s" }));
        }
    }
    if parts.is_empty() {
        "0 days".into()
    } else {
        parts.join(" ")
    }
}
