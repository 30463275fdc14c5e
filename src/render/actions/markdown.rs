//! `cse actions --format markdown`: the action plan for a report.

use std::io::{self, Write};

use crate::render::escape::markdown as esc;
use crate::render::markdown;
use crate::views::actions::ActionPlan;

pub fn write(plan: &ActionPlan, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "### {}\n", esc(&super::summary_line(plan)))?;
    if let Some(message) = super::empty_message(plan) {
        return writeln!(out, "{}", esc(message));
    }
    let units = super::has_units(plan);
    let mut header = vec!["Due", "Element", "Action", "Owner"];
    if units {
        header.insert(0, "Unit");
    }
    let rows: Vec<Vec<String>> = plan
        .rows
        .iter()
        .map(|r| {
            let due = r
                .due
                .map(|d| d.to_string())
                .unwrap_or_else(|| "no date".into());
            let mut cells = vec![
                if r.overdue {
                    format!("**{due} (overdue)**")
                } else {
                    due
                },
                esc(&r.element),
                esc(&r.action),
                esc(r.owner.as_deref().unwrap_or_default()),
            ];
            if units {
                cells.insert(0, esc(r.unit.as_deref().unwrap_or_default()));
            }
            cells
        })
        .collect();
    markdown::table(out, &header, &[], &rows)
}
