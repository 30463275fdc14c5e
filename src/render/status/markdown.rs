//! `cse status --format markdown`: for a report or a pull-request comment.

use std::io::{self, Write};

use super::{COUNT_MEANINGS, assessment_label, errors_note, priority_line, reasons};
use crate::readiness::{Counts, Scope};
use crate::render::escape::markdown as esc;
use crate::render::markdown;
use crate::render::text::percent;
use crate::views::status::{Grouping, StatusReport};

pub fn write(report: &StatusReport, out: &mut dyn Write) -> io::Result<()> {
    let r = &report.readiness;
    writeln!(out, "### {}\n", esc(&report.heading()))?;
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
    markdown::table(out, &header, &right, &rows)?;
    writeln!(out, "\n<sub>{}.</sub>\n", count_meanings())?;
    verdicts(report, out)
}

/// The priority line, the assessment verdict with its reasons as a list, and the errors note.
pub(super) fn verdicts(report: &StatusReport, out: &mut dyn Write) -> io::Result<()> {
    let r = &report.readiness;
    writeln!(out, "**{}**\n", capitalise(&priority_line(report)))?;
    let label = capitalise(assessment_label(report));
    if r.assessment.ready {
        let what = if report.is_institution() {
            "Every unit is assessment-ready: every element is at least partial, and every partial element has an action plan."
        } else {
            "Every element is at least partial, and every partial element has an action plan."
        };
        writeln!(out, "**{label}: yes.** {what}")?;
    } else {
        writeln!(out, "**{label}: no.**\n")?;
        let (reasons, more) = reasons(report);
        for reason in reasons.iter().map(String::as_str).chain(more.as_deref()) {
            writeln!(out, "- {}", esc(reason))?;
        }
    }
    if let Some(note) = errors_note(r.not_ready_by_errors) {
        writeln!(out, "\n> {note}")?;
    }
    Ok(())
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
            esc(s.id.as_deref().unwrap_or_default())
        },
        if total {
            "**Total**".into()
        } else {
            esc(s.title.as_deref().unwrap_or_default())
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
