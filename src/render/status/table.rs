//! `cse status` for the terminal: a comfy-table fitted to the width, then the verdicts.

use comfy_table::Cell;

use super::{COUNT_MEANINGS, errors_note, priority_line};
use crate::readiness::{Counts, Scope};
use crate::render::table::{self, toned};
use crate::render::text::{Terminal, Tone, bar, paint, percent, wrap};
use crate::views::status::{Grouping, StatusReport};

/// The title column never gets narrower than this; it wraps instead.
const MIN_TITLE: usize = 12;

/// Short headers for the count columns, in [`crate::readiness::Counts::NAMES`] order.
const COUNT_HEADERS: [&str; 7] = ["C+", "C", "P", "NC", "NA", "M", "I"];

pub fn render(report: &StatusReport, term: &Terminal) -> String {
    let r = &report.readiness;
    let mut out = paint(&report.heading(), Tone::Strong, term.color);
    out.push_str("\n\n");

    let first = match report.grouping {
        Grouping::Criterion => "Criterion",
        Grouping::Subcriterion => "Sub-criterion",
    };
    let mut header = vec!["#", first, "Elements"];
    header.extend(COUNT_HEADERS);
    header.push("Readiness");
    let mut t = table::new(term, &header);
    for scope in report.rows() {
        t.add_row(row(scope, false));
    }
    t.add_row(row(&r.overall, true));
    table::align_right(&mut t, 2..=10);
    table::fit(&mut t, 1, term.width, MIN_TITLE);
    out.push_str(&table::finish(&t));

    let legend: Vec<String> = COUNT_HEADERS
        .iter()
        .zip(Counts::NAMES)
        .zip(COUNT_MEANINGS)
        .map(|((h, name), m)| match m {
            Some(m) => format!("{h} {name} ({m})"),
            None => format!("{h} {name}"),
        })
        .collect();
    out.push_str(&paint(
        wrap(&legend.join(" · "), term.width, "", "").trim_end(),
        Tone::Dim,
        term.color,
    ));
    out.push_str("\n\n");

    out.push_str(&priority_line(report));
    out.push('\n');
    if r.assessment.ready {
        out.push_str(&format!(
            "assessment-ready: {}\n",
            paint("yes", Tone::Good, term.color)
        ));
    } else {
        out.push_str(&format!(
            "assessment-ready: {}\n",
            paint("no", Tone::Bad, term.color)
        ));
        for reason in &r.assessment.reasons {
            out.push_str(&wrap(reason, term.width, "  - ", "    "));
        }
    }
    if let Some(note) = errors_note(r.not_ready_by_errors) {
        out.push('\n');
        out.push_str(&paint(
            wrap(&note, term.width, "", "").trim_end(),
            Tone::Warning,
            term.color,
        ));
        out.push('\n');
    }
    out
}

fn row(s: &Scope, total: bool) -> Vec<Cell> {
    let tone = Tone::of_readiness(s.readiness);
    let plain = |text: String| {
        if total {
            toned(text, Tone::Strong)
        } else {
            Cell::new(text)
        }
    };
    let mut cells = vec![
        Cell::new(if total {
            ""
        } else {
            s.id.as_deref().unwrap_or("")
        }),
        plain(if total {
            "Total".into()
        } else {
            s.title.clone().unwrap_or_default()
        }),
        plain(s.elements.to_string()),
    ];
    cells.extend(s.counts.values().iter().map(|n| {
        if *n == 0 {
            toned("0", Tone::Dim)
        } else {
            plain(n.to_string())
        }
    }));
    cells.push(toned(
        format!("{} {}", percent(s.readiness), bar(s.readiness)),
        tone,
    ));
    cells
}
