//! `cse diff` output: a terminal summary, a markdown pull-request comment, and JSON.

use comfy_table::{CellAlignment, ContentArrangement, Table};
use serde::Serialize;

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
    fn label(&self, code: bool) -> String {
        let q = |s: &str| if code { format!("`{s}`") } else { s.to_owned() };
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

fn pct(v: f64) -> String {
    format!("{v:.1}%")
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
pub fn table(delta: &Delta, sides: &Sides, gate: bool, width: Option<u16>, color: bool) -> String {
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    };
    let mut out = format!(
        "Readiness {} from {} to {}\n\n",
        headline(delta),
        sides.before.label(false),
        sides.after.label(false)
    );
    let mut t = Table::new();
    t.load_style(super::history::TABLE_STYLE).force_no_tty();
    match width {
        Some(w) => {
            t.set_width(w)
                .set_content_arrangement(ContentArrangement::Dynamic);
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    t.set_header(vec!["Criterion", "Before", "After", "Change"]);
    for c in &delta.criteria {
        t.add_row(vec![
            format!("{} {}", c.id, c.title),
            pct(c.change.before.readiness),
            pct(c.change.after.readiness),
            signed(c.change.change),
        ]);
    }
    t.add_row(vec![
        "Overall".into(),
        pct(delta.overall.before.readiness),
        pct(delta.overall.after.readiness),
        signed(delta.overall.change),
    ]);
    for i in 1..4 {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    out.push_str(&super::history::trim_lines(&t.to_string()));
    out.push('\n');

    if delta.elements.is_empty() {
        out.push_str("No element changed status or readiness.\n");
    } else {
        out.push_str(&format!(
            "Elements that changed ({}):\n",
            delta.elements.len()
        ));
        let name_w = delta
            .elements
            .iter()
            .map(|e| element_name(e).chars().count())
            .max()
            .unwrap_or(0);
        for e in &delta.elements {
            let note = readiness_note(e);
            let note = match note {
                "now ready" => format!("  {}", paint("32", note)),
                "no longer ready" => format!("  {}", paint("31", note)),
                _ => String::new(),
            };
            out.push_str(&format!(
                "  {:name_w$}  {} → {}{note}\n",
                element_name(e),
                side(&e.before),
                side(&e.after)
            ));
        }
    }
    for (title, list) in [
        ("New errors", &delta.new_errors),
        ("Fixed errors", &delta.fixed_errors),
    ] {
        if list.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{title} ({}):\n", list.len()));
        for d in list {
            out.push_str(&format!(
                "  {}  {}  {}\n",
                location(d),
                d.code.id(),
                d.message
            ));
        }
    }
    out.push('\n');
    if delta.regressions.is_empty() {
        out.push_str(&paint("32", "No regression."));
        out.push('\n');
    } else {
        let verdict = if gate {
            "Readiness went down, so the no-regression gate fails:"
        } else {
            "Readiness went down:"
        };
        out.push_str(&paint("31", verdict));
        out.push('\n');
        for r in &delta.regressions {
            out.push_str(&format!("  - {}\n", super::words::regression(r)));
        }
    }
    out
}

fn md(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Markdown fit for a pull-request comment.
pub fn markdown(delta: &Delta, sides: &Sides, gate: bool) -> String {
    let mut out = format!("### CSE readiness: {}\n\n", headline(delta));
    out.push_str(&format!(
        "Comparing {} with {}.\n\n",
        sides.before.label(true),
        sides.after.label(true)
    ));
    out.push_str("| Criterion | Before | After | Change |\n|:--|--:|--:|--:|\n");
    for c in &delta.criteria {
        let change = signed(c.change.change);
        let change = if c.change.change != 0.0 {
            format!("**{change}**")
        } else {
            change
        };
        out.push_str(&format!(
            "| {} {} | {} | {} | {change} |\n",
            md(&c.id),
            md(&c.title),
            pct(c.change.before.readiness),
            pct(c.change.after.readiness)
        ));
    }
    out.push_str(&format!(
        "| **Overall** | **{}** | **{}** | **{}** |\n\n",
        pct(delta.overall.before.readiness),
        pct(delta.overall.after.readiness),
        signed(delta.overall.change)
    ));
    if delta.elements.is_empty() {
        out.push_str("No element changed status or readiness.\n");
    } else {
        out.push_str(&format!(
            "#### Elements that changed ({})\n\n",
            delta.elements.len()
        ));
        out.push_str("| Element | Before | After | |\n|:--|:--|:--|:--|\n");
        for e in &delta.elements {
            let note = match readiness_note(e) {
                "now ready" => "✅ now ready",
                "no longer ready" => "⚠️ no longer ready",
                _ => "",
            };
            out.push_str(&format!(
                "| {} | {} | {} | {note} |\n",
                md(&element_name(e)),
                md(&side(&e.before)),
                md(&side(&e.after))
            ));
        }
    }
    for (title, list) in [
        ("New errors", &delta.new_errors),
        ("Fixed errors", &delta.fixed_errors),
    ] {
        if list.is_empty() {
            continue;
        }
        out.push_str(&format!("\n#### {title} ({})\n\n", list.len()));
        for d in list {
            out.push_str(&format!(
                "- `{}` **{}** {}\n",
                location(d).replace('`', "'"),
                d.code.id(),
                d.message.replace('\n', " ")
            ));
        }
    }
    out.push('\n');
    if delta.regressions.is_empty() {
        out.push_str("✅ **No regression.**\n");
    } else {
        out.push_str(if gate {
            "❌ **Readiness went down, so the no-regression gate fails:**\n\n"
        } else {
            "⚠️ **Readiness went down:**\n\n"
        });
        for r in &delta.regressions {
            out.push_str(&format!("- {}\n", md(&super::words::regression(r))));
        }
    }
    out
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
pub fn json(delta: &Delta, sides: &Sides) -> String {
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
    let mut s =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    s.push('\n');
    s
}
