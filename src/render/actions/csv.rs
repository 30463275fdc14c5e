//! `cse actions --format csv`: one row per open action.

use crate::render::csv::record;
use crate::views::actions::ActionPlan;

pub fn render(plan: &ActionPlan) -> String {
    let units = super::has_units(plan);
    let mut header = vec![
        "due", "overdue", "element", "action", "owner", "file", "line",
    ];
    if units {
        header.insert(0, "unit");
    }
    let mut out = record(header);
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
        out.push_str(&record(fields));
    }
    out
}
