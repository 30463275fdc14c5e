//! `cse diff` output: a terminal summary, a markdown pull-request comment, and JSON.

use std::io::{self, Write};

use serde::Serialize;

use super::escape::{markdown as md, markdown_code, terminal};
use super::table;
use super::text::{Terminal, line as text_line, pad, percent as pct, width as text_width, wrap};
use crate::delta::{Delta, ElementChange, ElementSide};
use crate::diagnostic::Diagnostic;

/// Bumped on any incompatible change to the JSON output.
pub const SCHEMA_VERSION: u32 = 1;

/// What the two sides are, for people: "origin/main (1a2b3c4)", "the working tree".
#[derive(Debug, Clone, Serialize)]
pub struct Sides {
    pub before: Revision,
    pub after: Revision,
}

/// One side of a comparison.
#[derive(Debug, Clone, Serialize)]
pub struct Revision {
    /// What the user typed, such as `origin/main`; `None` for the working tree.
    pub rev: Option<String>,
    /// The commit, full hash; `None` for the working tree.
    pub commit: Option<String>,
    #[serde(skip)]
    pub short: Option<String>,
}

impl Revision {
    /// The label, for the terminal or (`code`) as markdown with the revisions in code spans.
    fn label(&self, code: bool) -> String {
        let q = |s: &str| {
            if code {
                markdown_code(s)
            } else {
                terminal(s).into_owned()
            }
        };
        match (&self.rev, &self.short) {
            (Some(rev), Some(short)) if rev.starts_with(short.as_str()) => q(short),
            (Some(rev), Some(short)) => format!("{} ({short})", q(rev)),
            (Some(rev), None) => q(rev),
            _ => "the working tree".into(),
        }
    }
}

fn signed(v: f64) -> String {
    if v > 0.0 {
        format!("+{v:.1}")
    } else if v < 0.0 {
        format!("{v:.1}")
    } else {
        "0.0".into()
    }
}

fn side(s: &Option<ElementSide>) -> String {
    match s {
        None => "not in the catalogue".into(),
        Some(s) if s.errors > 0 => format!(
            "{} ({} error{})",
            s.status.as_str(),
            s.errors,
            if s.errors == 1 { "" } else { "s" }
        ),
        Some(s) => s.status.as_str().to_owned(),
    }
}

/// "now ready", "no longer ready", or nothing when readiness did not change.
fn readiness_note(e: &ElementChange) -> &'static str {
    let ready = |s: &Option<ElementSide>| s.as_ref().is_some_and(|s| s.ready);
    match (ready(&e.before), ready(&e.after)) {
        (false, true) => "now ready",
        (true, false) => "no longer ready",
        _ => "",
    }
}

fn element_name(e: &ElementChange) -> String {
    match &e.unit {
        Some(u) => format!("{u}: {}", e.element),
        None => e.element.clone(),
    }
}

fn location(d: &Diagnostic) -> String {
    let mut s = d.file.clone().unwrap_or_else(|| {
        d.element
            .as_ref()
            .map_or_else(String::new, |e| format!("element {e}"))
    });
    if let Some(line) = d.line {
        s.push_str(&format!(":{line}"));
    }
    if let Some(unit) = &d.unit {
        s = format!("[{unit}] {s}");
    }
    s
}

fn headline(delta: &Delta) -> String {
    let change = if delta.overall.change == 0.0 {
        "no change".to_owned()
    } else {
        signed(delta.overall.change)
    };
    format!(
        "{} → {} ({change})",
        pct(delta.overall.before.readiness),
        pct(delta.overall.after.readiness),
    )
}

/// The terminal summary. `gate` says whether the no-regression gate is on.
pub fn table(
    delta: &Delta,
    sides: &Sides,
    gate: bool,
    term: &Terminal,
    out: &mut dyn Write,
) -> io::Result<()> {
    let color = term.color;
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    };
    let title = format!(
        "Readiness {} from {} to {}",
        headline(delta),
        sides.before.label(false),
        sides.after.label(false)
    );
    writeln!(out, "{}", wrap(&title, term.width, "", "  "))?;
    let mut t = table::new(term, &["Criterion", "Before", "After", "Change"]);
    for c in &delta.criteria {
        t.add_row([
            table::cell(format!("{} {}", c.id, c.title)),
            table::cell(pct(c.change.before.readiness)),
            table::cell(pct(c.change.after.readiness)),
            table::cell(signed(c.change.change)),
        ]);
    }
    t.add_row([
        table::cell("Overall"),
        table::cell(pct(delta.overall.before.readiness)),
        table::cell(pct(delta.overall.after.readiness)),
        table::cell(signed(delta.overall.change)),
    ]);
    table::align_right(&mut t, 1..4);
    table::fit(&mut t, 0, term.width);
    table::write(out, &t)?;
    writeln!(out)?;

    if delta.elements.is_empty() {
        writeln!(out, "No element changed status or readiness.")?;
    } else {
        writeln!(out, "Elements that changed ({}):", delta.elements.len())?;
        let name_w = delta
            .elements
            .iter()
            .map(|e| text_width(&terminal(&element_name(e))))
            .max()
            .unwrap_or(0);
        for e in &delta.elements {
            let note = readiness_note(e);
            let line = format!(
                "{}  {} → {}",
                pad(&element_name(e), name_w),
                side(&e.before),
                side(&e.after)
            );
            let (line, note) = match note {
                "now ready" => (format!("{line}  {note}"), paint("32", note)),
                "no longer ready" => (format!("{line}  {note}"), paint("31", note)),
                _ => (line, String::new()),
            };
            // The plain line is measured; its note is then coloured in place.
            let line = text_line(&line, term.width, "  ", "    ");
            let plain_note = readiness_note(e);
            match line.rfind(plain_note).filter(|_| !note.is_empty()) {
                Some(at) => write!(
                    out,
                    "{}{note}{}",
                    &line[..at],
                    &line[at + plain_note.len()..]
                )?,
                None => write!(out, "{line}")?,
            }
        }
    }
    for (title, list) in [
        ("New errors", &delta.new_errors),
        ("Fixed errors", &delta.fixed_errors),
    ] {
        if list.is_empty() {
            continue;
        }
        writeln!(out, "\n{title} ({}):", list.len())?;
        for d in list {
            let line = format!("{}  {}  {}", location(d), d.code.id(), d.message);
            write!(out, "{}", text_line(&line, term.width, "  ", "    "))?;
        }
    }
    writeln!(out)?;
    if delta.regressions.is_empty() {
        write!(out, "{}", paint("32", "No regression."))?;
        writeln!(out)?;
    } else {
        let verdict = if gate {
            "Readiness went down, so the no-regression gate fails:"
        } else {
            "Readiness went down:"
        };
        write!(out, "{}", paint("31", verdict))?;
        writeln!(out)?;
        for r in &delta.regressions {
            let line = super::words::regression(r);
            write!(out, "{}", text_line(&line, term.width, "  - ", "    "))?;
        }
    }
    Ok(())
}

/// Markdown fit for a pull-request comment.
pub fn markdown(delta: &Delta, sides: &Sides, gate: bool, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "### CSE readiness: {}\n", headline(delta))?;
    write!(
        out,
        "Comparing {} with {}.\n\n",
        sides.before.label(true),
        sides.after.label(true)
    )?;
    writeln!(
        out,
        "| Criterion | Before | After | Change |\n|:--|--:|--:|--:|"
    )?;
    for c in &delta.criteria {
        let change = signed(c.change.change);
        let change = if c.change.change != 0.0 {
            format!("**{change}**")
        } else {
            change
        };
        writeln!(
            out,
            "| {} {} | {} | {} | {change} |",
            md(&c.id),
            md(&c.title),
            pct(c.change.before.readiness),
            pct(c.change.after.readiness)
        )?;
    }
    write!(
        out,
        "| **Overall** | **{}** | **{}** | **{}** |\n\n",
        pct(delta.overall.before.readiness),
        pct(delta.overall.after.readiness),
        signed(delta.overall.change)
    )?;
    if delta.elements.is_empty() {
        writeln!(out, "No element changed status or readiness.")?;
    } else {
        write!(
            out,
            "#### Elements that changed ({})\n\n",
            delta.elements.len()
        )?;
        writeln!(out, "| Element | Before | After | |\n|:--|:--|:--|:--|")?;
        for e in &delta.elements {
            let note = match readiness_note(e) {
                "now ready" => "✅ now ready",
                "no longer ready" => "⚠️ no longer ready",
                _ => "",
            };
            writeln!(
                out,
                "| {} | {} | {} | {note} |",
                md(&element_name(e)),
                md(&side(&e.before)),
                md(&side(&e.after))
            )?;
        }
    }
    for (title, list) in [
        ("New errors", &delta.new_errors),
        ("Fixed errors", &delta.fixed_errors),
    ] {
        if list.is_empty() {
            continue;
        }
        write!(out, "\n#### {title} ({})\n\n", list.len())?;
        for d in list {
            writeln!(
                out,
                "- {} **{}** {}",
                markdown_code(&location(d)),
                d.code.id(),
                md(&d.message)
            )?;
        }
    }
    writeln!(out)?;
    if delta.regressions.is_empty() {
        writeln!(out, "✅ **No regression.**")?;
    } else {
        write!(
            out,
            "{}",
            if gate {
                "❌ **Readiness went down, so the no-regression gate fails:**\n\n"
            } else {
                "⚠️ **Readiness went down:**\n\n"
            }
        )?;
        for r in &delta.regressions {
            writeln!(out, "- {}", md(&super::words::regression(r)))?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    before: &'a Revision,
    after: &'a Revision,
    #[serde(flatten)]
    delta: &'a Delta,
    /// Why this counts as a regression, one sentence each.
    regressions: Vec<String>,
    regression: bool,
}

/// The versioned JSON document.
pub fn json(delta: &Delta, sides: &Sides, out: &mut dyn Write) -> io::Result<()> {
    let doc = Document {
        version: SCHEMA_VERSION,
        before: &sides.before,
        after: &sides.after,
        delta,
        regressions: delta
            .regressions
            .iter()
            .map(super::words::regression)
            .collect(),
        regression: delta.is_regression(),
    };
    super::json::write(&doc, out)
}
