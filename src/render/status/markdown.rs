//! `cse status --format markdown`: for a report or a pull-request comment.

use super::{COUNT_MEANINGS, assessment_label, errors_note, priority_line, reasons};
use crate::readiness::{Counts, Scope};
use crate::render::markdown;
use crate::render::text::percent;
use crate::views::status::{Grouping, StatusReport};

pub fn render(report: &StatusReport) -> String {
    let r = &report.readiness;
    let mut out = format!("### {}\n\n", report.heading());
    let first = match report.grouping {
        Grouping::Criterion | Grouping::Unit => "Criterion",
        Grouping::Subcriterion => "Sub-criterion",
    };
    let mut header = vec![first, "Title", "Elements"];
    header.extend(Counts::NAMES);
    header.push("Readiness");
    let mut right = vec![false, false, true];
    right.extend([true; 8]);
    let mut rows: Vec<Vec<String>> = report.rows().iter().map(|s| row(s, false)).collect();
    rows.push(row(&r.overall, true));
    out.push_str(&markdown::table(&header, &right, &rows));
    out.push('\n');
    out.push_str(&format!("<sub>{}.</sub>\n\n", count_meanings()));
    out.push_str(&verdicts(report));
    out
}

/// The priority line, the assessment verdict with its reasons as a list, and the errors note.
pub(super) fn verdicts(report: &StatusReport) -> String {
    let r = &report.readiness;
    let mut out = format!("**{}**\n\n", capitalise(&priority_line(report)));
    let label = capitalise(assessment_label(report));
    if r.assessment.ready {
        let what = if report.is_institution() {
            "Every unit is assessment-ready: every element is at least partial, and every partial element has an action plan."
        } else {
            "Every element is at least partial, and every partial element has an action plan."
        };
        out.push_str(&format!("**{label}: yes.** {what}\n"));
    } else {
        out.push_str(&format!("**{label}: no.**\n\n"));
        let (reasons, more) = reasons(report);
        for reason in reasons.iter().map(String::as_str).chain(more.as_deref()) {
            // `[unit]` at the start of a list item must not read as a task-list box.
            out.push_str(&format!(
                "- {}\n",
                markdown::cell(reason).replace('[', "\\[")
            ));
        }
    }
    if let Some(note) = errors_note(r.not_ready_by_errors) {
        out.push_str(&format!("\n> {note}\n"));
    }
    out
}

/// The meanings of the count names that are not status words, as a footnote.
pub(super) fn count_meanings() -> String {
    let meanings: Vec<String> = Counts::NAMES
        .iter()
        .zip(COUNT_MEANINGS)
        .filter_map(|(name, meaning)| meaning.map(|m| format!("{name}: {m}")))
        .collect();
    meanings.join("; ")
}

fn row(s: &Scope, total: bool) -> Vec<String> {
    let strong = |t: String| if total { format!("**{t}**") } else { t };
    let mut cells = vec![
        if total {
            String::new()
        } else {
            s.id.clone().unwrap_or_default()
        },
        if total {
            "**Total**".into()
        } else {
            s.title.clone().unwrap_or_default()
        },
        strong(s.tally.elements.to_string()),
    ];
    cells.extend(s.counts.values().iter().map(|n| strong(n.to_string())));
    cells.push(strong(percent(s.tally.readiness)));
    cells
}

pub(super) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
