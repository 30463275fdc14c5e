//! Review dates: rated elements need a recent `reviewed`; not-assessed elements are flagged.

use jiff::civil::Date;

use super::FileContext;
use crate::diagnostic::{Code, Diagnostic};
use crate::evidence::{FrontMatter, Located, ReviewBasis, ReviewDue, Status};

/// When the evidence of `front` falls due for review, `max_age` after its `reviewed` date or,
/// with no `reviewed` at all, after the file's last commit (`last_commit`, asked only then).
/// `None` for an element not rated (no status, or not assessed), a `reviewed` that is not a
/// date, no date to stand in, or a due day past year 9999.
pub fn judge_review(
    front: &FrontMatter,
    last_commit: impl FnOnce() -> Option<Date>,
    max_age: jiff::Span,
    today: Date,
) -> Option<ReviewDue> {
    if front.status.as_ref()?.value == Status::NotAssessed {
        return None;
    }
    let (basis, since) = match &front.reviewed {
        Some(reviewed) => (ReviewBasis::Reviewed, reviewed.value),
        None if front.has_reviewed => return None,
        None => (ReviewBasis::LastCommit, last_commit()?),
    };
    let due = review_due(since, max_age)?;
    Some(ReviewDue {
        basis,
        since,
        due,
        stale: is_overdue(due, today),
    })
}

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
    let Some(reviewed) = &cx.front.reviewed else {
        // Written but not a date: that already has its own diagnostic.
        if !cx.front.has_reviewed {
            missing_review(cx, status, out);
        }
        return;
    };
    if reviewed.value > cx.options.today {
        out.push(
            Diagnostic::new(
                Code::FutureReview,
                format!(
                    "`reviewed` is {}, after today ({}), so this review would never go stale",
                    reviewed.value, cx.options.today
                ),
            )
            .file(cx.path)
            .at(cx.text, reviewed.line, reviewed.column)
            .span_chars(10)
            .help("check the year, then write the day the evidence was last checked: `reviewed: YYYY-MM-DD`"),
        );
    } else if cx.review.is_some_and(|r| r.stale) {
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

/// No `reviewed` date. The date of the file's last commit, when known, stands in for it:
/// W001 when even that is too old, otherwise W002 naming it.
fn missing_review(cx: &FileContext<'_>, status: &Located<Status>, out: &mut Vec<Diagnostic>) {
    // With no `reviewed` at all, the judgement is reckoned from the last commit, if any.
    let changed = cx.review.map(|r| (r.since, r.stale));
    let diagnostic = match changed {
        Some((changed, true)) => Diagnostic::new(
            Code::StaleReview,
            format!(
                "`reviewed` is missing, and the file last changed in git on {changed}, more than {} ago",
                describe(cx.options.review_max_age)
            ),
        )
        .help("review the evidence, then add `reviewed: YYYY-MM-DD`"),
        Some((changed, false)) => Diagnostic::new(
            Code::MissingReview,
            format!(
                "status is {} but `reviewed` is missing (the file's last change in git, on {changed}, stands in for it)",
                status.value
            ),
        )
        .help("add `reviewed: YYYY-MM-DD` with the date the evidence was last checked"),
        None => Diagnostic::new(
            Code::MissingReview,
            format!("status is {} but `reviewed` is missing", status.value),
        )
        .help("add `reviewed: YYYY-MM-DD` with the date the evidence was last checked"),
    };
    out.push(
        diagnostic
            .file(cx.path)
            .at(cx.text, status.line, status.column)
            .span_chars(status.value.as_str().len()),
    );
}

/// The day a review made on `reviewed` falls due: `review_max_age` later (`None` past year 9999).
pub fn review_due(reviewed: jiff::civil::Date, max_age: jiff::Span) -> Option<jiff::civil::Date> {
    reviewed.checked_add(max_age).ok()
}

/// Whether something due on `due` is overdue on `today`: the review is stale, the action late.
pub fn is_overdue(due: jiff::civil::Date, today: jiff::civil::Date) -> bool {
    due < today
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
