//! `cse status` with several units: a row per criterion (or sub-criterion), a column per unit
//! with its readiness, and a column for the institution.

use std::io::{self, Write};

use crate::render::escape::markdown as esc;
use std::ops::Range;

use comfy_table::Cell;

use super::INSTITUTION_RULE;
use super::csv::scope_kind;
use super::markdown::capitalise;
use super::table::{legend_text, strong_if};
use crate::readiness::Readiness;
use crate::render::csv::record;
use crate::render::markdown as md;
use crate::render::table::{self, toned};
use crate::render::text::{Terminal, Tone, paint, percent};
use crate::views::status::{Grouping, StatusReport};

/// The title column never gets narrower than this; it wraps instead.
const MIN_TITLE: usize = 12;
/// The widest readiness figure, `100.0%`.
const FIGURE: usize = 6;
const INSTITUTION: &str = "Institution";

fn first_header(report: &StatusReport) -> &'static str {
    match report.grouping {
        Grouping::Criterion | Grouping::Unit => "Criterion",
        Grouping::Subcriterion => "Sub-criterion",
    }
}

/// One row of the matrix: a scope of the institution, then the same scope in each unit.
struct Row<'a> {
    /// The total row: every element.
    total: bool,
    id: &'a str,
    title: &'a str,
    units: Vec<f64>,
    institution: f64,
}

/// The rows, then the total row.
fn rows(report: &StatusReport) -> Vec<Row<'_>> {
    let scope_of =
        |r: &Readiness, i: usize| report.scopes(r).get(i).map_or(0.0, |s| s.tally.readiness);
    let mut rows: Vec<Row<'_>> = report
        .rows()
        .iter()
        .enumerate()
        .map(|(i, s)| Row {
            total: false,
            id: s.id.as_deref().unwrap_or(""),
            title: s.title.as_deref().unwrap_or(""),
            units: report
                .units
                .iter()
                .map(|u| scope_of(&u.readiness, i))
                .collect(),
            institution: s.tally.readiness,
        })
        .collect();
    rows.push(Row {
        total: true,
        id: "",
        title: "Total",
        units: report
            .units
            .iter()
            .map(|u| u.readiness.overall.tally.readiness)
            .collect(),
        institution: report.readiness.overall.tally.readiness,
    });
    rows
}

/// Splits the unit columns into runs that fit `width` beside the row labels and the
/// institution column, like a wide matrix printed in blocks. Every run holds one unit at least.
fn blocks(report: &StatusReport, width: usize) -> Vec<Range<usize>> {
    let widest = |texts: &mut dyn Iterator<Item = &str>| texts.map(|t| t.chars().count()).max();
    let rows = report.rows();
    let id = widest(&mut rows.iter().filter_map(|s| s.id.as_deref())).unwrap_or(0);
    let title = widest(&mut rows.iter().filter_map(|s| s.title.as_deref()))
        .unwrap_or(0)
        .max(first_header(report).len());
    let labels = id.max(1) + 1 + title.min(MIN_TITLE) + 1 + INSTITUTION.len();
    let mut blocks = Vec::new();
    let mut start = 0;
    let mut used = labels;
    for (i, u) in report.units.iter().enumerate() {
        let column = u.name.chars().count().max(FIGURE) + 1;
        if i > start && used + column > width {
            blocks.push(start..i);
            start = i;
            used = labels;
        }
        used += column;
    }
    blocks.push(start..report.units.len());
    blocks
}

fn figure(value: f64) -> Cell {
    toned(percent(value), Tone::of_readiness(value))
}

pub fn table(report: &StatusReport, term: &Terminal, out: &mut dyn Write) -> io::Result<()> {
    super::table::heading(report, term, out)?;
    let rows = rows(report);
    let blocks = blocks(report, term.width);
    for (n, block) in blocks.iter().enumerate() {
        if blocks.len() > 1 {
            if n > 0 {
                writeln!(out)?;
            }
            let label = if block.len() == 1 {
                format!("Unit {} of {}", block.end, report.units.len())
            } else {
                format!(
                    "Units {}–{} of {}",
                    block.start + 1,
                    block.end,
                    report.units.len()
                )
            };
            writeln!(out, "{}", paint(&label, Tone::Dim, term.color))?;
        }
        let mut header = vec!["#", first_header(report)];
        header.extend(report.units[block.clone()].iter().map(|u| u.name.as_str()));
        header.push(INSTITUTION);
        let mut t = table::new(term, &header);
        for row in &rows {
            let mut cells = vec![
                table::cell(row.id),
                strong_if(row.total, row.title.to_owned()),
            ];
            cells.extend(row.units[block.clone()].iter().map(|v| figure(*v)));
            cells.push(figure(row.institution));
            t.add_row(cells);
        }
        table::align_right(&mut t, 2..header.len());
        table::fit(&mut t, 1, term.width);
        table::write(out, &t)?;
    }
    writeln!(
        out,
        "{}.\n",
        legend_text(&capitalise(INSTITUTION_RULE), term)
    )?;
    super::table::verdicts(report, term, out)
}

pub fn markdown(report: &StatusReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "### {}\n", esc(&report.heading()))?;
    let mut header = vec![first_header(report), "Title"];
    header.extend(report.units.iter().map(|u| u.name.as_str()));
    header.push(INSTITUTION);
    let mut right = vec![false, false];
    right.resize(header.len(), true);
    let rows: Vec<Vec<String>> = rows(report)
        .iter()
        .map(|row| {
            let strong = |t: String| if row.total { format!("**{t}**") } else { t };
            let mut cells = vec![esc(row.id), strong(esc(row.title))];
            cells.extend(row.units.iter().map(|v| strong(percent(*v))));
            cells.push(strong(percent(row.institution)));
            cells
        })
        .collect();
    md::table(out, &header, &right, &rows)?;
    writeln!(out)?;
    writeln!(out, "<sub>{}.</sub>\n", capitalise(INSTITUTION_RULE))?;
    super::markdown::verdicts(report, out)
}

/// A row per scope, then `overall`: the readiness (0 to 100) in each unit, then the institution.
pub fn csv(report: &StatusReport, out: &mut dyn Write) -> io::Result<()> {
    let mut header = vec!["scope", "id", "title"];
    header.extend(report.units.iter().map(|u| u.name.as_str()));
    header.push("institution");
    record(out, header)?;
    let kind = scope_kind(report.grouping);
    for row in rows(report) {
        let mut fields = if row.total {
            vec!["overall".to_owned(), String::new(), String::new()]
        } else {
            vec![kind.to_owned(), row.id.to_owned(), row.title.to_owned()]
        };
        fields.extend(row.units.iter().map(|v| format!("{v:.1}")));
        fields.push(format!("{:.1}", row.institution));
        record(out, fields)?;
    }
    Ok(())
}
