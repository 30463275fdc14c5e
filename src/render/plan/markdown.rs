//! `cse plan --format markdown`.

use std::io::{self, Write};

use crate::assessment::plan::Plan;
use crate::render::escape::markdown as esc;
use crate::render::markdown;

pub fn write(plan: &Plan, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "### {}\n", esc(&super::summary_line(plan)))?;
    let rows: Vec<Vec<String>> = plan
        .items
        .iter()
        .map(|item| {
            let reasons: Vec<String> = item.reasons.iter().map(super::describe).collect();
            vec![esc(&item.id), esc(&reasons.join("; "))]
        })
        .collect();
    if !rows.is_empty() {
        markdown::table(out, &["Element", "Why"], &[], &rows)?;
        writeln!(out)?;
    }
    writeln!(out, "_{}_", super::rotation_note(plan))
}
