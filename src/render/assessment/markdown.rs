//! `cse assessment --format markdown`, for a report or a wiki.

use crate::assessment::visit::VisitReport;
use crate::render::markdown;
use crate::report::escape;

pub fn render(r: &VisitReport) -> String {
    let mut out = format!("## {}\n\n", super::title(&r.visit));
    if let Some(by) = super::by(&r.visit) {
        out.push_str(&format!("By {}.\n\n", escape::markdown(&by)));
    }
    let mut header = vec!["Criterion"];
    header.extend(super::count_headers());
    let right: Vec<bool> = header.iter().enumerate().map(|(i, _)| i > 0).collect();
    let mut rows: Vec<Vec<String>> = r
        .criteria
        .iter()
        .map(|c| {
            let mut row = vec![format!("{} {}", c.id, c.title)];
            row.extend(super::count_cells(&c.counts));
            row
        })
        .collect();
    let mut total = vec!["**All elements**".to_owned()];
    total.extend(super::count_cells(&r.counts));
    rows.push(total);
    out.push_str(&markdown::table(&header, &right, &rows));

    out.push_str(&format!(
        "\n### Compliance Plus ({})\n\n{}\n",
        r.compliance_plus.len(),
        ids(&r.compliance_plus)
    ));

    out.push_str(&format!("\n### Partials ({})\n\n", r.partials.len()));
    if r.partials.is_empty() {
        out.push_str("None.\n");
    } else {
        let rows: Vec<Vec<String>> = r
            .partials
            .iter()
            .map(|p| {
                let state = super::partial_state(p);
                vec![
                    p.id.clone(),
                    if p.overdue {
                        format!("**{state}**")
                    } else {
                        state
                    },
                    p.note.clone().unwrap_or_default(),
                ]
            })
            .collect();
        out.push_str(&markdown::table(&["Element", "Due", "Note"], &[], &rows));
    }

    if let Some(c) = &r.since_previous {
        let previous = c.previous.map(|d| d.to_string()).unwrap_or_default();
        out.push_str(&format!("\n### Since the visit on {previous}\n\n"));
        for (label, list) in super::change_lines(c) {
            out.push_str(&format!("- {label} ({}): {}\n", list.len(), ids(list)));
        }
    }

    out.push_str(&format!(
        "\n### Your self-assessment against the assessor ({})\n\n",
        r.differences.len()
    ));
    if r.differences.is_empty() {
        out.push_str("None: every rated element has the status the assessor gave it.\n");
    }
    for d in &r.differences {
        out.push_str(&format!(
            "- **{}**: {}\n",
            escape::markdown(&d.id),
            super::describe(d)
        ));
    }

    if !r.visit.areas_for_development.is_empty() {
        out.push_str("\n### Areas for development\n\n");
        for area in &r.visit.areas_for_development {
            out.push_str(&format!("- {}\n", escape::markdown(area)));
        }
    }
    out
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
