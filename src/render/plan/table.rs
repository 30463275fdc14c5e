//! `cse plan` for the terminal.

use crate::assessment::plan::Plan;
use crate::render::text::{Terminal, Tone, clean, paint, wrap};

pub fn render(plan: &Plan, term: &Terminal) -> String {
    let mut out = paint(&super::summary_line(plan), Tone::Strong, term.color);
    out.push_str("\n\n");
    for item in &plan.items {
        let id = format!("  {:<7}", clean(&item.id));
        for (i, reason) in item.reasons.iter().enumerate() {
            let first = if i == 0 { id.clone() } else { " ".repeat(9) };
            out.push_str(&wrap(
                &super::describe(reason),
                term.width,
                &first,
                &" ".repeat(11),
            ));
        }
    }
    if !plan.items.is_empty() {
        out.push('\n');
    }
    out.push_str(&wrap(&super::rotation_note(plan), term.width, "", ""));
    out
}
