//! `cse status --format markdown`: for a report or a pull-request comment.

use super::{COUNT_MEANINGS, errors_note, priority_line};
use crate::readiness::{Counts, Scope};
use crate::render::markdown;
use crate::render::text::percent;
use crate::views::status::{Grouping, StatusReport};

pub fn render(report: &StatusReport) -> String {
    let r = &report.readiness;
    let mut out = format!("### {}\n\n", report.heading());
    let first = match report.grouping {
        Grouping::Criterion => "Criterion",
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
    let meanings: Vec<String> = Counts::NAMES
        .iter()
        .zip(COUNT_MEANINGS)
        .filter_map(|(name, meaning)| meaning.map(|m| format!("{name}: {m}")))
        .collect();
    out.push_str(&format!("<sub>{}.</sub>\n\n", meanings.join("; ")));
    out.push_str(&format!("**{}**\n\n", capitalise(&priority_line(report))));
    if r.assessment.ready {
        out.push_str("**Assessment-ready: yes.** Every element is at least partial, and every partial element has an action plan.\n");
    } else {
        out.push_str("**Assessment-ready: no.**\n\n");
        for reason in &r.assessment.reasons {
            out.push_str(&format!("- {}\n", markdown::cell(reason)));
        }
    }
    if let Some(note) = errors_note(r.not_ready_by_errors) {
        out.push_str(&format!("\n> {note}\n"));
    }
    out
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
        strong(s.elements.to_string()),
    ];
    cells.extend(s.counts.values().iter().map(|n| strong(n.to_string())));
    cells.push(strong(percent(s.readiness)));
    cells
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
