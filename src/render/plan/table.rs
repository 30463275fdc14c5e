//! `cse plan` for the terminal.

use std::io::{self, Write};

use crate::assessment::plan::Plan;
use crate::render::text::{Terminal, strong, wrap};

pub fn write(plan: &Plan, term: &Terminal, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}\n", strong(&super::summary_line(plan), term))?;
    for item in &plan.items {
        let id = format!("  {:<7}", crate::render::escape::terminal(&item.id));
        for (i, reason) in item.reasons.iter().enumerate() {
            let first = if i == 0 { id.clone() } else { " ".repeat(9) };
            let text = wrap(
                &super::describe(reason),
                term.width,
                &first,
                &" ".repeat(11),
            );
            out.write_all(text.as_bytes())?;
        }
    }
    if !plan.items.is_empty() {
        writeln!(out)?;
    }
    out.write_all(wrap(&super::rotation_note(plan), term.width, "", "").as_bytes())
}
