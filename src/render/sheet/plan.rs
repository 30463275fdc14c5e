//! `cse import`: the plan as text, one line per element, then the unreadable cells.

use std::io::{self, Write};

use crate::diagnostic::excerpt;
use crate::sheet::columns::Field;
use crate::sheet::edit::NARRATIVE_HEADING;
use crate::sheet::plan::{Change, ElementPlan, Outcome, Plan};

/// Writes the plan, its unreadable cells and a closing count.
pub fn write(plan: &Plan, out: &mut dyn Write) -> io::Result<()> {
    for e in &plan.elements {
        element(e, out)?;
    }
    if !plan.errors.is_empty() {
        writeln!(
            out,
            "\n{} could not be read:",
            count(plan.errors.len(), "cell")
        )?;
        for e in &plan.errors {
            let value = if e.value.is_empty() {
                "blank".to_owned()
            } else {
                format!("\"{}\"", excerpt(&e.value))
            };
            writeln!(
                out,
                "  {}: {value}; expected {}",
                excerpt(&e.address),
                e.expected
            )?;
        }
    }
    writeln!(out, "\n{}", summary(plan))
}

/// "Plan: 2 to create, 5 to update, 48 unchanged, 2 with conflicts."
pub fn summary(plan: &Plan) -> String {
    let conflicts = plan.conflicts();
    format!(
        "Plan: {} to create, {} to update, {} unchanged, {} with {}.",
        plan.count(Outcome::Create),
        plan.count(Outcome::Update),
        plan.count(Outcome::Unchanged),
        conflicts,
        if conflicts == 1 {
            "a conflict"
        } else {
            "conflicts"
        }
    )
}

fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

fn element(e: &ElementPlan, out: &mut dyn Write) -> io::Result<()> {
    let unit = e
        .unit
        .as_deref()
        .map(|u| format!("[{}] ", excerpt(u)))
        .unwrap_or_default();
    write!(
        out,
        "{:<9} {unit}{}",
        e.outcome.as_str(),
        excerpt(&e.element)
    )?;
    if matches!(e.outcome, Outcome::Create | Outcome::Update) || e.refused.is_some() {
        write!(out, "  {}", excerpt(&e.path))?;
    }
    writeln!(out)?;
    if let Some(why) = &e.refused {
        writeln!(out, "    left alone: {why}")?;
    }
    for c in &e.changes {
        writeln!(out, "    {}", change(c))?;
    }
    for c in &e.conflicts {
        writeln!(
            out,
            "    {}: the file says {}, the sheet {}; kept (--overwrite replaces it)",
            c.field.name(),
            quoted(c.old.as_deref()),
            quoted(Some(&c.new))
        )?;
    }
    Ok(())
}

fn quoted(value: Option<&str>) -> String {
    match value {
        None => "(empty)".to_owned(),
        Some(v) => format!("\"{}\"", excerpt(v)),
    }
}

fn change(c: &Change) -> String {
    match c.field {
        Field::Evidence => format!(
            "evidence: + \"{}\" (title only: add its path or url)",
            excerpt(&c.new)
        ),
        Field::Narrative => format!(
            "narrative: + {} under \"{NARRATIVE_HEADING}\"",
            count(c.new.split_whitespace().count(), "word")
        ),
        field => format!(
            "{}: {} → {}",
            field.name(),
            quoted(c.old.as_deref()),
            quoted(Some(&c.new))
        ),
    }
}
