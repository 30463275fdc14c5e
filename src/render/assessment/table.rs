//! `cse assessment` for the terminal.

use std::io::{self, Write};

use crate::assessment::visit::VisitReport;
use crate::render::escape::terminal;
use crate::render::table;
use crate::render::text::{Terminal, Tone, paint, plural, strong, wrap};

pub fn write(r: &VisitReport, term: &Terminal, out: &mut dyn Write) -> io::Result<()> {
    let heading = |text: &str| format!("\n{}\n", paint(text, Tone::Strong, term.color));
    write!(out, "{}", strong(&super::title(&r.visit), term))?;
    writeln!(out)?;
    if let Some(by) = super::by(&r.visit) {
        writeln!(out, "By {}", terminal(&by))?;
    }
    writeln!(out)?;

    let mut header = vec!["Criterion"];
    header.extend(super::count_headers());
    let mut t = table::new(term, &header);
    for c in &r.criteria {
        let mut cells = vec![table::cell(format!("{} {}", c.id, terminal(&c.title)))];
        cells.extend(super::count_cells(&c.counts).into_iter().map(table::cell));
        t.add_row(cells);
    }
    let mut total = vec![table::cell("All elements")];
    total.extend(super::count_cells(&r.counts).into_iter().map(table::cell));
    t.add_row(total);
    table::align_right(&mut t, 1..header.len());
    table::write(out, &t)?;

    write!(
        out,
        "{}",
        heading(&format!("Compliance Plus ({})", r.compliance_plus.len()))
    )?;
    write!(out, "{}", list(&r.compliance_plus, term))?;

    write!(
        out,
        "{}",
        heading(&format!("Partials ({})", r.partials.len()))
    )?;
    if r.partials.is_empty() {
        writeln!(out, "None.")?;
    }
    for p in &r.partials {
        let state = super::partial_state(p);
        let state = if p.overdue {
            paint(&state, Tone::Bad, term.color)
        } else {
            state
        };
        writeln!(out, "  {}  {state}", p.id)?;
        if let Some(note) = &p.note {
            write!(out, "{}", wrap(note, term.width, "      ", "      "))?;
        }
    }

    if let Some(c) = &r.since_previous {
        let previous = c.previous.map(|d| d.to_string()).unwrap_or_default();
        write!(
            out,
            "{}",
            heading(&format!("Since the visit on {previous}"))
        )?;
        for (label, ids) in super::change_lines(c) {
            let first = format!("  {label} ({}): ", ids.len());
            let rest = " ".repeat(4);
            let text = if ids.is_empty() {
                "none".to_owned()
            } else {
                ids.join(", ")
            };
            write!(out, "{}", wrap(&text, term.width, &first, &rest))?;
        }
    }

    write!(
        out,
        "{}",
        heading(&format!(
            "Your self-assessment against the assessor ({})",
            plural(r.differences.len(), "difference")
        ))
    )?;
    if r.differences.is_empty() {
        writeln!(
            out,
            "None: every rated element has the status the assessor gave it."
        )?;
    }
    for d in &r.differences {
        write!(
            out,
            "{}",
            wrap(
                &super::describe(d),
                term.width,
                &format!("  {:<7}", d.id),
                &" ".repeat(9),
            )
        )?;
    }

    if !r.visit.areas_for_development.is_empty() {
        write!(out, "{}", heading("Areas for development"))?;
        for area in &r.visit.areas_for_development {
            write!(out, "{}", wrap(area, term.width, "  - ", "    "))?;
        }
    }
    Ok(())
}

fn list(ids: &[String], term: &Terminal) -> String {
    if ids.is_empty() {
        "None.\n".to_owned()
    } else {
        wrap(&ids.join(", "), term.width, "  ", "  ")
    }
}
