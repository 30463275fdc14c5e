//! `cse priorities --format csv`: one row per element, whole text, fixed columns.

use crate::render::csv::record;
use crate::views::priorities::PrioritiesReport;

pub fn render(report: &PrioritiesReport) -> String {
    let mut out = record([
        "id",
        "text",
        "criterion",
        "status",
        "ready",
        "owner",
        "reviewed",
        "tier",
        "open_actions",
    ]);
    for r in &report.rows {
        out.push_str(&record([
            r.id.clone(),
            r.text.clone(),
            r.criterion.clone(),
            r.status.as_str().to_owned(),
            super::yes_no(r.ready).to_owned(),
            r.owner.clone().unwrap_or_default(),
            r.reviewed.map(|d| d.to_string()).unwrap_or_default(),
            r.tier.map(|t| t.as_str().to_owned()).unwrap_or_default(),
            r.open_actions.to_string(),
        ]));
    }
    out
}
