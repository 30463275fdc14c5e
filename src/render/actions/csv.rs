//! `cse actions --format csv`: one row per open action.

use std::io::{self, Write};

use crate::render::csv::record;
use crate::views::actions::ActionPlan;

pub fn write(plan: &ActionPlan, out: &mut dyn Write) -> io::Result<()> {
    let units = super::has_units(plan);
    let mut header = vec![
        "due", "overdue", "element", "action", "owner", "file", "line",
    ];
    if units {
        header.insert(0, "unit");
    }
    record(out, header)?;
    for r in &plan.rows {
        let mut fields = vec![
            r.due.map(|d| d.to_string()).unwrap_or_default(),
            if r.overdue { "yes" } else { "no" }.to_owned(),
            r.element.clone(),
            r.action.clone(),
            r.owner.clone().unwrap_or_default(),
            r.file.clone(),
            r.line.to_string(),
        ];
        if units {
            fields.insert(0, r.unit.clone().unwrap_or_default());
        }
        record(out, fields)?;
    }
    Ok(())
}
