//! `cse priorities --format markdown`: whole element texts, for a report.

use std::io::{self, Write};

use crate::render::escape::markdown as esc;
use crate::render::markdown;
use crate::views::priorities::PrioritiesReport;

pub fn write(report: &PrioritiesReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "### {}\n", esc(&report.name))?;
    writeln!(out, "**{}**\n", esc(&super::counts_line(report)))?;
    if let Some(message) = super::empty_message(report) {
        return writeln!(out, "{}", esc(&message));
    }
    let institution = report.is_institution();
    let mut header = if institution {
        vec![
            "Element",
            "Text",
            "Status",
            "Ready",
            "Not ready in",
            "Open actions",
        ]
    } else {
        vec![
            "Element",
            "Text",
            "Status",
            "Ready",
            "Owner",
            "Reviewed",
            "Open actions",
        ]
    };
    let mut right = vec![false; header.len() - 1];
    right.push(true);
    if report.has_tiers {
        header.push("Tier");
        right.push(false);
    }
    let rows: Vec<Vec<String>> = report
        .rows
        .iter()
        .map(|r| {
            let mut cells = vec![
                esc(&r.id),
                esc(&r.text),
                esc(r.status.as_str()),
                super::yes_no(r.ready).to_owned(),
            ];
            if institution {
                cells.push(esc(&super::not_ready_in(report, r, super::LISTED_NAMES)));
            } else {
                cells.push(esc(r.owner.as_deref().unwrap_or_default()));
                cells.push(r.reviewed.map(|d| d.to_string()).unwrap_or_default());
            }
            cells.push(r.open_actions.to_string());
            if report.has_tiers {
                cells.push(esc(r.tier.map(|t| t.as_str()).unwrap_or_default()));
            }
            cells
        })
        .collect();
    markdown::table(out, &header, &right, &rows)?;
    if institution {
        writeln!(out, "\n<sub>{}</sub>", super::INSTITUTION_NOTE)?;
    }
    Ok(())
}
