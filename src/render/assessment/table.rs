//! `cse assessment` for the terminal.

use comfy_table::Cell;

use crate::assessment::visit::VisitReport;
use crate::render::table;
use crate::render::text::{Terminal, Tone, clean, paint, plural, wrap};

pub fn render(r: &VisitReport, term: &Terminal) -> String {
    let heading = |text: &str| format!("\n{}\n", paint(text, Tone::Strong, term.color));
    let mut out = paint(&super::title(&r.visit), Tone::Strong, term.color);
    out.push('\n');
    if let Some(by) = super::by(&r.visit) {
        out.push_str(&format!("By {}\n", clean(&by)));
    }
    out.push('\n');

    let mut header = vec!["Criterion"];
    header.extend(super::count_headers());
    let mut t = table::new(term, &header);
    for c in &r.criteria {
        let mut cells = vec![Cell::new(format!("{} {}", c.id, clean(&c.title)))];
        cells.extend(super::count_cells(&c.counts).into_iter().map(Cell::new));
        t.add_row(cells);
    }
    let mut total = vec![Cell::new("All elements")];
    total.extend(super::count_cells(&r.counts).into_iter().map(Cell::new));
    t.add_row(total);
    table::align_right(&mut t, 1..header.len());
    out.push_str(&table::finish(&t));

    out.push_str(&heading(&format!(
        "Compliance Plus ({})",
        r.compliance_plus.len()
    )));
    out.push_str(&list(&r.compliance_plus, term));

    out.push_str(&heading(&format!("Partials ({})", r.partials.len())));
    if r.partials.is_empty() {
        out.push_str("None.\n");
    }
    for p in &r.partials {
        let state = super::partial_state(p);
        let state = if p.overdue {
            paint(&state, Tone::Bad, term.color)
        } else {
            state
        };
        out.push_str(&format!("  {}  {state}\n", p.id));
        if let Some(note) = &p.note {
            out.push_str(&wrap(&clean(note), term.width, "      ", "      "));
        }
    }

    if let Some(c) = &r.since_previous {
        let previous = c.previous.map(|d| d.to_string()).unwrap_or_default();
        out.push_str(&heading(&format!("Since the visit on {previous}")));
        for (label, ids) in super::change_lines(c) {
            let first = format!("  {label} ({}): ", ids.len());
            let rest = " ".repeat(4);
            let text = if ids.is_empty() {
                "none".to_owned()
            } else {
                ids.join(", ")
            };
            out.push_str(&wrap(&text, term.width, &first, &rest));
        }
    }

    out.push_str(&heading(&format!(
        "Your self-assessment against the assessor ({})",
        plural(r.differences.len(), "difference")
    )));
    if r.differences.is_empty() {
        out.push_str("None: every rated element has the status the assessor gave it.\n");
    }
    for d in &r.differences {
        out.push_str(&wrap(
            &super::describe(d),
            term.width,
            &format!("  {:<7}", d.id),
            &" ".repeat(9),
        ));
    }

    if !r.visit.areas_for_development.is_empty() {
        out.push_str(&heading("Areas for development"));
        for area in &r.visit.areas_for_development {
            out.push_str(&wrap(&clean(area), term.width, "  - ", "    "));
        }
    }
    out
}

fn list(ids: &[String], term: &Terminal) -> String {
    if ids.is_empty() {
        "None.\n".to_owned()
    } else {
        wrap(&ids.join(", "), term.width, "  ", "  ")
    }
}
