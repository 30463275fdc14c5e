//! Reports over several units, until the institution roll-up exists.

use anyhow::{Result, bail};
use cse::checks::UnitCheck;
use cse::render::report::Format;

/// JSON and CSV describe one unit: refuse them when `cse.toml` configures several.
pub fn require_one_for(format: Format, checks: &[UnitCheck]) -> Result<()> {
    if checks.len() > 1 && matches!(format, Format::Json | Format::Csv) {
        let names: Vec<&str> = checks
            .iter()
            .filter_map(|c| c.unit.name.as_deref())
            .collect();
        bail!(
            "cse.toml configures {} units ({}); this format reports a single unit\n\
             hint: use `--format table` or `--format markdown`, which show each unit in turn",
            checks.len(),
            names.join(", ")
        );
    }
    Ok(())
}
