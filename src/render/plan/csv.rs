//! `cse plan --format csv`: one row per element and reason.

use crate::assessment::plan::Plan;
use crate::render::csv::record;

pub fn render(plan: &Plan) -> String {
    let mut out = record(["element", "rule", "reason"]);
    for item in &plan.items {
        for reason in &item.reasons {
            out.push_str(&record([
                item.id.as_str(),
                reason.rule(),
                &super::describe(reason),
            ]));
        }
    }
    out
}
