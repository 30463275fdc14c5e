//! `cse plan --format markdown`.

use crate::assessment::plan::Plan;
use crate::render::markdown;

pub fn render(plan: &Plan) -> String {
    let mut out = format!("### {}\n\n", super::summary_line(plan));
    let rows: Vec<Vec<String>> = plan
        .items
        .iter()
        .map(|item| {
            let reasons: Vec<String> = item.reasons.iter().map(super::describe).collect();
            vec![item.id.clone(), reasons.join("; ")]
        })
        .collect();
    if !rows.is_empty() {
        out.push_str(&markdown::table(&["Element", "Why"], &[], &rows));
        out.push('\n');
    }
    out.push_str(&format!("_{}_\n", super::rotation_note(plan)));
    out
}
