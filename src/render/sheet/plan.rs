//! `cse import`: the plan as text, one line per element, then the unreadable cells.

use crate::diagnostic::excerpt;
use crate::sheet::columns::Field;
use crate::sheet::edit::NARRATIVE_HEADING;
use crate::sheet::plan::{Change, ElementPlan, Outcome, Plan};

/// The plan, its unreadable cells and a closing count.
pub fn render(plan: &Plan) -> String {
    let mut out = String::new();
    for e in &plan.elements {
        out.push_str(&element(e));
    }
    if !plan.errors.is_empty() {
        out.push_str(&format!(
            "\n{} could not be read:\n",
            count(plan.errors.len(), "cell")
        ));
        for e in &plan.errors {
            let value = if e.value.is_empty() {
                "blank".to_owned()
            } else {
                format!("\"{}\"", e.value)
            };
            out.push_str(&format!(
                "  {}: {value}; expected {}\n",
                excerpt(&e.address),
                e.expected
            ));
        }
    }
    out.push('\n');
    out.push_str(&summary(plan));
    out.push('\n');
    out
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

fn element(e: &ElementPlan) -> String {
    let unit = e
        .unit
        .as_deref()
        .map(|u| format!("[{}] ", excerpt(u)))
        .unwrap_or_default();
    let mut out = format!("{:<9} {unit}{}", e.outcome.as_str(), excerpt(&e.element));
    if matches!(e.outcome, Outcome::Create | Outcome::Update) || e.refused.is_some() {
        out.push_str(&format!("  {}", excerpt(&e.path)));
    }
    out.push('\n');
    if let Some(why) = &e.refused {
        out.push_str(&format!("    left alone: {why}\n"));
    }
    for c in &e.changes {
        out.push_str(&format!("    {}\n", change(c)));
    }
    for c in &e.conflicts {
        out.push_str(&format!(
            "    {}: the file says {}, the sheet {}; kept (--overwrite replaces it)\n",
            c.field.name(),
            quoted(c.old.as_deref()),
            quoted(Some(&c.new))
        ));
    }
    out
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
