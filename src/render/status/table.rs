//! `cse status` for the terminal: a comfy-table fitted to the width, then the verdicts.

use std::io::{self, Write};

use comfy_table::Cell;

use super::{COUNT_MEANINGS, assessment_label, errors_note, priority_line, reasons};
use crate::readiness::{Counts, Scope};
use crate::render::table::{self, toned};
use crate::render::text::{Terminal, Tone, bar, longest_word, paint, percent, wrap};
use crate::views::status::{Grouping, StatusReport};

/// The title column never gets narrower than this; it wraps instead.
const MIN_TITLE: usize = 12;

/// Short headers for the count columns, in [`crate::readiness::Counts::NAMES`] order.
pub(super) const COUNT_HEADERS: [&str; 7] = ["C+", "C", "P", "NC", "NA", "M", "I"];

pub fn write(report: &StatusReport, term: &Terminal, out: &mut dyn Write) -> io::Result<()> {
    let r = &report.readiness;
    heading(report, term, out)?;

    let first = match report.grouping {
        Grouping::Criterion | Grouping::Unit => "Criterion",
        Grouping::Subcriterion => "Sub-criterion",
    };
    let mut header = vec!["#", first, "Elements"];
    header.extend(COUNT_HEADERS);
    header.push("Readiness");
    let build = |bars: bool| {
        let mut t = table::new(term, &header);
        for scope in report.rows() {
            t.add_row(row(scope, false, bars));
        }
        t.add_row(row(&r.overall, true, bars));
        table::align_right(&mut t, 2..=10);
        t
    };
    // The readiness bars go when they would leave too little room for whole titles.
    let longest = report
        .rows()
        .iter()
        .filter_map(|s| s.title.as_deref())
        .map(longest_word)
        .max()
        .unwrap_or(0)
        .min(MIN_TITLE + 4);
    let mut t = build(true);
    if table::room_for(&t, &[1], term.width) < longest {
        t = build(false);
    }
    table::fit(&mut t, 1, term.width);
    table::write(out, &t)?;
    writeln!(out, "{}\n", legend_text(&count_legend(), term))?;
    verdicts(report, term, out)
}

/// The report's heading in bold, wrapped to the width (it holds the organisation's name),
/// then a blank line.
pub(super) fn heading(
    report: &StatusReport,
    term: &Terminal,
    out: &mut dyn Write,
) -> io::Result<()> {
    let heading = wrap(&report.heading(), term.width, "", "");
    writeln!(
        out,
        "{}\n",
        paint(heading.trim_end(), Tone::Strong, term.color)
    )
}

/// The priority line, the assessment verdict with its reasons, and the errors note.
pub(super) fn verdicts(
    report: &StatusReport,
    term: &Terminal,
    out: &mut dyn Write,
) -> io::Result<()> {
    let r = &report.readiness;
    writeln!(out, "{}", priority_line(report))?;
    let label = assessment_label(report);
    if r.assessment.ready {
        writeln!(out, "{label}: {}", paint("yes", Tone::Good, term.color))?;
    } else {
        writeln!(out, "{label}: {}", paint("no", Tone::Bad, term.color))?;
        let (reasons, more) = reasons(report);
        for reason in reasons.iter().map(String::as_str).chain(more.as_deref()) {
            write!(out, "{}", wrap(reason, term.width, "  - ", "    "))?;
        }
    }
    if let Some(note) = errors_note(r.not_ready_by_errors) {
        writeln!(out)?;
        write!(
            out,
            "{}",
            paint(
                wrap(&note, term.width, "", "").trim_end(),
                Tone::Warning,
                term.color,
            )
        )?;
        writeln!(out)?;
    }
    Ok(())
}

/// A legend under a table: wrapped and dim.
pub(super) fn legend_text(text: &str, term: &Terminal) -> String {
    paint(
        wrap(text, term.width, "", "").trim_end(),
        Tone::Dim,
        term.color,
    )
}

/// The legend of the count columns.
pub(super) fn count_legend() -> String {
    COUNT_HEADERS
        .iter()
        .zip(Counts::NAMES)
        .zip(COUNT_MEANINGS)
        .map(|((h, name), m)| match m {
            Some(m) => format!("{h} {name} ({m})"),
            None => format!("{h} {name}"),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

fn row(s: &Scope, total: bool, bars: bool) -> Vec<Cell> {
    let mut cells = vec![
        table::cell(if total {
            ""
        } else {
            s.id.as_deref().unwrap_or("")
        }),
        strong_if(
            total,
            if total {
                "Total".into()
            } else {
                s.title.clone().unwrap_or_default()
            },
        ),
    ];
    cells.extend(figure_cells(s, total, bars));
    cells
}

/// Bold on the total row.
pub(super) fn strong_if(total: bool, text: String) -> Cell {
    if total {
        toned(text, Tone::Strong)
    } else {
        table::cell(text)
    }
}

/// The elements, the counts by status, and the readiness (with its bar when `bars`).
pub(super) fn figure_cells(s: &Scope, total: bool, bars: bool) -> Vec<Cell> {
    let mut cells = vec![strong_if(total, s.tally.elements.to_string())];
    cells.extend(s.counts.values().iter().map(|n| {
        if *n == 0 {
            toned("0", Tone::Dim)
        } else {
            strong_if(total, n.to_string())
        }
    }));
    let readiness = if bars {
        format!("{} {}", percent(s.tally.readiness), bar(s.tally.readiness))
    } else {
        percent(s.tally.readiness)
    };
    cells.push(toned(readiness, Tone::of_readiness(s.tally.readiness)));
    cells
}
