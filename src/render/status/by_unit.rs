//! `cse status --by unit`: a row per unit with its readiness, counts by status, priority
//! readiness and verdict, then the institution.

use std::io::{self, Write};

use super::markdown::{capitalise, count_meanings};
use super::table::{COUNT_HEADERS, count_legend, figure_cells, legend_text, strong_if};
use super::{INSTITUTION_COUNTS, INSTITUTION_RULE};
use crate::readiness::{Counts, Readiness};
use crate::render::csv::record;
use crate::render::escape::markdown as esc;
use crate::render::markdown as md;
use crate::render::table::{self, toned};
use crate::render::text::{Terminal, Tone, bar, percent, width};
use crate::views::status::StatusReport;

/// The rows: each unit, then the institution when there are several units.
fn rows(report: &StatusReport) -> Vec<(&str, &Readiness, bool)> {
    let mut rows: Vec<(&str, &Readiness, bool)> = report
        .units
        .iter()
        .map(|u| (u.name.as_str(), &u.readiness, false))
        .collect();
    if report.is_institution() {
        rows.push(("Institution", &report.readiness, true));
    }
    rows
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

pub fn table(report: &StatusReport, term: &Terminal, out: &mut dyn Write) -> io::Result<()> {
    super::table::heading(report, term, out)?;
    // The readiness bars go when they would leave too little room for whole unit names.
    let longest = rows(report)
        .iter()
        .map(|(name, _, _)| width(name))
        .max()
        .unwrap_or(0);
    let mut t = unit_table(report, term, true);
    if table::room_for(&t, &[0], term.width) < longest {
        t = unit_table(report, term, false);
    }
    table::fit(&mut t, 0, term.width);
    table::write(out, &t)?;
    let mut legend = count_legend();
    legend.push_str(" · Priority: readiness of the priority elements · Ready: assessment-ready");
    if report.is_institution() {
        legend.push_str(&format!(
            " · {}; {INSTITUTION_COUNTS}",
            capitalise(INSTITUTION_RULE)
        ));
    }
    writeln!(out, "{}\n", legend_text(&legend, term))?;
    super::table::verdicts(report, term, out)
}

fn unit_table(report: &StatusReport, term: &Terminal, bars: bool) -> comfy_table::Table {
    let mut header = vec!["Unit", "Elements"];
    header.extend(COUNT_HEADERS);
    header.extend(["Priority", "Ready", "Readiness"]);
    let mut t = table::new(term, &header);
    for (name, r, institution) in rows(report) {
        let mut cells = vec![strong_if(institution, name.to_owned())];
        cells.extend(figure_cells(&r.overall, institution, false));
        cells.pop();
        let p = r.priorities.readiness;
        cells.push(toned(percent(p), Tone::of_readiness(p)));
        let ready = r.assessment.ready;
        cells.push(toned(
            yes_no(ready),
            if ready { Tone::Good } else { Tone::Bad },
        ));
        let o = r.overall.tally.readiness;
        let readiness = if bars {
            format!("{} {}", percent(o), bar(o))
        } else {
            percent(o)
        };
        cells.push(toned(readiness, Tone::of_readiness(o)));
        t.add_row(cells);
    }
    table::align_right(&mut t, 1..=9);
    t
}

pub fn markdown(report: &StatusReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "### {}\n", esc(&report.heading()))?;
    let mut header = vec!["Unit", "Elements"];
    header.extend(Counts::NAMES);
    header.extend(["Readiness", "Priority readiness", "Assessment-ready"]);
    let mut right = vec![false];
    right.resize(header.len() - 1, true);
    right.push(false);
    let rows: Vec<Vec<String>> = rows(report)
        .into_iter()
        .map(|(name, r, institution)| {
            let strong = |t: String| if institution { format!("**{t}**") } else { t };
            let mut cells = vec![
                strong(esc(name)),
                strong(r.overall.tally.elements.to_string()),
            ];
            cells.extend(
                r.overall
                    .counts
                    .values()
                    .iter()
                    .map(|n| strong(n.to_string())),
            );
            cells.push(strong(percent(r.overall.tally.readiness)));
            cells.push(strong(percent(r.priorities.readiness)));
            cells.push(strong(yes_no(r.assessment.ready).to_owned()));
            cells
        })
        .collect();
    md::table(out, &header, &right, &rows)?;
    writeln!(out)?;
    let mut notes = count_meanings();
    if report.is_institution() {
        notes.push_str(&format!("; {INSTITUTION_RULE}; {INSTITUTION_COUNTS}"));
    }
    writeln!(out, "<sub>{notes}.</sub>\n")?;
    super::markdown::verdicts(report, out)
}

/// A row per unit, then `institution` (with an empty `unit`) when there are several.
pub fn csv(report: &StatusReport, out: &mut dyn Write) -> io::Result<()> {
    let mut header = vec!["scope", "unit", "elements", "ready", "readiness"];
    header.extend(Counts::NAMES);
    header.extend([
        "priority_elements",
        "priority_ready",
        "priority_readiness",
        "assessment_ready",
    ]);
    record(out, header)?;
    for (name, r, institution) in rows(report) {
        let o = &r.overall;
        let mut fields = if institution {
            vec!["institution".to_owned(), String::new()]
        } else {
            vec!["unit".to_owned(), name.to_owned()]
        };
        fields.extend([
            o.tally.elements.to_string(),
            o.tally.ready.to_string(),
            format!("{:.1}", o.tally.readiness),
        ]);
        fields.extend(o.counts.values().iter().map(usize::to_string));
        let p = &r.priorities;
        fields.extend([
            p.elements.to_string(),
            p.ready.to_string(),
            format!("{:.1}", p.readiness),
            yes_no(r.assessment.ready).to_owned(),
        ]);
        record(out, fields)?;
    }
    Ok(())
}
