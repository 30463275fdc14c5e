//! `cse plan --format csv`: one row per element and reason.

use std::io::{self, Write};

use crate::assessment::plan::Plan;
use crate::render::csv::record;

pub fn write(plan: &Plan, out: &mut dyn Write) -> io::Result<()> {
    record(out, ["element", "rule", "reason"])?;
    for item in &plan.items {
        for reason in &item.reasons {
            record(
                out,
                [item.id.as_str(), reason.rule(), &super::describe(reason)],
            )?;
        }
    }
    Ok(())
}
