//! `cse show ELEMENT`: one element as text for the terminal.

use std::io::{self, Write};

use super::diagnostics::{Emit, Human};
use super::text::{Terminal, Tone, list_upto, paint, plural, strong, wrap};
use crate::checks::ElementStatus;
use crate::diagnostic::Summary;
use crate::views::element::{ElementView, EvidenceView};

/// Width of the label column: two spaces, the longest label (`Sub-criterion`), a gap.
const LABEL: usize = 17;

pub fn write(view: &ElementView, term: &Terminal, out: &mut dyn Write) -> io::Result<()> {
    let indent = " ".repeat(view.id.chars().count() + 1);
    let text = wrap(&view.text, term.width, &indent, &indent);
    write!(out, "{}", paint(&view.id, Tone::Strong, term.color))?;
    write!(out, " ")?;
    write!(out, "{}", text.trim_start())?;
    writeln!(out)?;

    let (cid, ctitle) = &view.criterion;
    let (sid, stitle) = &view.subcriterion;
    write!(
        out,
        "{}",
        field("Criterion", &format!("{cid} {ctitle}"), term)
    )?;
    write!(
        out,
        "{}",
        field("Sub-criterion", &format!("{sid} {stitle}"), term)
    )?;
    let priority = match &view.priority {
        Some((list, Some(tier))) => format!("yes, on the {list} list (tier {})", tier.as_str()),
        Some((list, None)) => format!("yes, on the {list} list"),
        None => "no".into(),
    };
    write!(out, "{}", field("Priority", &priority, term))?;
    if let Some(note) = &view.note {
        write!(out, "{}", field("Note", note, term))?;
    }
    if view.evidence.len() > 1 {
        write!(out, "{}", institution(view, term))?;
    }
    for evidence in &view.evidence {
        writeln!(out)?;
        unit_section(out, evidence, term)?;
    }
    Ok(())
}

/// Names listed on the institution line before "and N more".
const LISTED_UNITS: usize = 12;

/// "ready in all 3 units", or "not ready in mobile-library (1 of 2 units ready)": an element
/// is ready for the institution only when it is ready in every unit.
fn institution(view: &ElementView, term: &Terminal) -> String {
    let units = view.evidence.len();
    let not_ready: Vec<String> = view
        .evidence
        .iter()
        .filter(|e| !e.ready)
        .map(|e| e.unit.clone().unwrap_or_default())
        .collect();
    let (verdict, tone, value) = if not_ready.is_empty() {
        let every = if units == 2 {
            "both units".to_owned()
        } else {
            format!("all {units} units")
        };
        ("ready", Tone::Good, format!("ready in {every}"))
    } else {
        (
            "not ready",
            Tone::Bad,
            format!(
                "not ready in {} ({} of {units} units ready)",
                list_upto(&not_ready, LISTED_UNITS),
                units - not_ready.len()
            ),
        )
    };
    let line = field("Institution", &value, term);
    line.replacen(verdict, &paint(verdict, tone, term.color), 1)
}

fn unit_section(out: &mut dyn Write, e: &EvidenceView, term: &Terminal) -> io::Result<()> {
    if let Some(unit) = &e.unit {
        write!(out, "{}", strong(&format!("Unit {unit}"), term))?;
        writeln!(out)?;
    }
    let errors = e.diagnostics.iter().filter(|d| d.is_error()).count();
    let (readiness, tone) = if e.ready {
        ("ready".to_owned(), Tone::Good)
    } else if errors > 0 && e.file.is_some() {
        (
            format!("not ready: {} (see below)", plural(errors, "error")),
            Tone::Bad,
        )
    } else {
        ("not ready".to_owned(), Tone::Bad)
    };
    let status = match e.status {
        ElementStatus::Rated(s) => format!("{s} ({}), {readiness}", s.label()),
        ElementStatus::Missing => format!("missing, {readiness}"),
        ElementStatus::Invalid => format!("invalid (the front matter cannot be read), {readiness}"),
    };
    let file = match &e.file {
        Some(file) => field("Evidence file", file, term),
        None => field(
            "Evidence file",
            &format!("none yet: create {}", e.expected_file),
            term,
        ),
    };
    write!(out, "{file}")?;
    // Wrap the plain words, then colour the verdict where it sits whole on one line.
    let status = field("Status", &status, term);
    write!(
        out,
        "{}",
        status.replacen(&readiness, &paint(&readiness, tone, term.color), 1)
    )?;
    if e.file.is_some() {
        write!(
            out,
            "{}",
            field("Owner", e.owner.as_deref().unwrap_or("not given"), term,)
        )?;
        let reviewed = e
            .reviewed
            .map_or_else(|| "not given".into(), |d| d.to_string());
        write!(out, "{}", field("Reviewed", &reviewed, term))?;
    }

    if e.file.is_some() {
        writeln!(out)?;
        write!(out, "{}", paint("Evidence", Tone::Strong, term.color))?;
        writeln!(out)?;
        if e.items.is_empty() {
            writeln!(out, "  none listed")?;
        }
        for item in &e.items {
            let (mark, tone) = if item.resolution.resolves() {
                ("✓", Tone::Good)
            } else {
                ("✗", Tone::Bad)
            };
            let line = match &item.target {
                Some(t) => format!("{}: {t} ({})", item.title, item.resolution.describe()),
                None => format!("{} ({})", item.title, item.resolution.describe()),
            };
            let wrapped = wrap(&line, term.width, "    ", "    ");
            write!(
                out,
                "  {} {}",
                paint(mark, tone, term.color),
                wrapped.trim_start()
            )?;
        }

        writeln!(out)?;
        write!(out, "{}", paint("Actions", Tone::Strong, term.color))?;
        writeln!(out)?;
        if e.actions.is_empty() {
            writeln!(out, "  none")?;
        }
        for a in &e.actions {
            let mut details = Vec::new();
            if let Some(owner) = &a.owner {
                details.push(owner.clone());
            }
            if let Some(due) = a.due {
                details.push(format!("due {due}"));
            }
            let mut line = a.action.clone();
            if !details.is_empty() {
                line = format!("{line} ({})", details.join(", "));
            }
            let mark = if a.done { "[x]" } else { "[ ]" };
            let wrapped = wrap(&line, term.width, &format!("  {mark} "), "      ");
            write!(out, "{}", wrapped.trim_end())?;
            if a.overdue {
                write!(out, " ")?;
                write!(out, "{}", paint("overdue", Tone::Bad, term.color))?;
            }
            writeln!(out)?;
        }
    }

    writeln!(out)?;
    write!(out, "{}", paint("Diagnostics", Tone::Strong, term.color))?;
    writeln!(out)?;
    if e.diagnostics.is_empty() {
        writeln!(
            out,
            "  none: `cse check` finds nothing wrong with this element"
        )?;
    } else {
        let files = usize::from(e.file.is_some());
        let summary = Summary::of(&e.diagnostics, files);
        Human {
            color: term.color,
            width: term.width,
            ..Human::default()
        }
        .emit(&e.diagnostics, &summary, out)?;
    }
    Ok(())
}

/// "  Label          value", the value wrapped under itself.
fn field(label: &str, value: &str, term: &Terminal) -> String {
    let first = format!("  {label:<w$}", w = LABEL - 2);
    wrap(value, term.width, &first, &" ".repeat(LABEL))
}
