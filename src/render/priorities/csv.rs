//! `cse priorities --format csv`: one row per element, whole text, fixed columns; with several
//! units, a last column with the units where the element is not ready.

use std::io::{self, Write};

use crate::render::csv::record;
use crate::views::priorities::PrioritiesReport;

pub fn write(report: &PrioritiesReport, out: &mut dyn Write) -> io::Result<()> {
    let institution = report.is_institution();
    let mut header = vec![
        "id",
        "text",
        "criterion",
        "status",
        "ready",
        "owner",
        "reviewed",
        "tier",
        "open_actions",
    ];
    if institution {
        header.push("units_not_ready");
    }
    record(out, header)?;
    for r in &report.rows {
        let mut fields = vec![
            r.id.clone(),
            r.text.clone(),
            r.criterion.clone(),
            r.status.as_str().to_owned(),
            super::yes_no(r.ready).to_owned(),
            r.owner.clone().unwrap_or_default(),
            r.reviewed.map(|d| d.to_string()).unwrap_or_default(),
            r.tier.map(|t| t.as_str().to_owned()).unwrap_or_default(),
            r.open_actions.to_string(),
        ];
        if institution {
            // Unit names hold no spaces or semicolons.
            fields.push(r.not_ready_in.join("; "));
        }
        record(out, fields)?;
    }
    Ok(())
}
