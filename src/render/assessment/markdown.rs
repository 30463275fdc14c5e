//! `cse assessment --format markdown`, for a report or a wiki.

use std::io::{self, Write};

use crate::assessment::visit::VisitReport;
use crate::render::escape;
use crate::render::markdown;

pub fn write(r: &VisitReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## {}\n", escape::markdown(&super::title(&r.visit)))?;
    if let Some(by) = super::by(&r.visit) {
        write!(out, "By {}.\n\n", escape::markdown(&by))?;
    }
    let mut header = vec!["Criterion"];
    header.extend(super::count_headers());
    let right: Vec<bool> = header.iter().enumerate().map(|(i, _)| i > 0).collect();
    let mut rows: Vec<Vec<String>> = r
        .criteria
        .iter()
        .map(|c| {
            let mut row = vec![escape::markdown(&format!("{} {}", c.id, c.title))];
            row.extend(super::count_cells(&c.counts));
            row
        })
        .collect();
    let mut total = vec!["**All elements**".to_owned()];
    total.extend(super::count_cells(&r.counts));
    rows.push(total);
    markdown::table(out, &header, &right, &rows)?;

    writeln!(
        out,
        "\n### Compliance Plus ({})\n\n{}",
        r.compliance_plus.len(),
        ids(&r.compliance_plus)
    )?;

    write!(out, "\n### Partials ({})\n\n", r.partials.len())?;
    if r.partials.is_empty() {
        writeln!(out, "None.")?;
    } else {
        let rows: Vec<Vec<String>> = r
            .partials
            .iter()
            .map(|p| {
                let state = super::partial_state(p);
                vec![
                    escape::markdown(&p.id),
                    if p.overdue {
                        format!("**{state}**")
                    } else {
                        state
                    },
                    escape::markdown(p.note.as_deref().unwrap_or_default()),
                ]
            })
            .collect();
        markdown::table(out, &["Element", "Due", "Note"], &[], &rows)?;
    }

    if let Some(c) = &r.since_previous {
        let previous = c.previous.map(|d| d.to_string()).unwrap_or_default();
        write!(out, "\n### Since the visit on {previous}\n\n")?;
        for (label, list) in super::change_lines(c) {
            writeln!(out, "- {label} ({}): {}", list.len(), ids(list))?;
        }
    }

    write!(
        out,
        "\n### Your self-assessment against the assessor ({})\n\n",
        r.differences.len()
    )?;
    if r.differences.is_empty() {
        writeln!(
            out,
            "None: every rated element has the status the assessor gave it."
        )?;
    }
    for d in &r.differences {
        writeln!(
            out,
            "- **{}**: {}",
            escape::markdown(&d.id),
            super::describe(d)
        )?;
    }

    if !r.visit.areas_for_development.is_empty() {
        write!(out, "\n### Areas for development\n\n")?;
        for area in &r.visit.areas_for_development {
            writeln!(out, "- {}", escape::markdown(area))?;
        }
    }
    Ok(())
}

fn ids(list: &[String]) -> String {
    if list.is_empty() {
        "none".to_owned()
    } else {
        list.iter()
            .map(|id| escape::markdown(id))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
