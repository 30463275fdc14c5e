//! rustc-style snippets, via annotate-snippets, then one summary line.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{Render, summary_line};
use std::collections::BTreeMap;

use crate::diagnostic::{Code, Diagnostic, Severity, Summary};

/// Lines longer than this are not shown as snippets.
const MAX_SNIPPET_CHARS: usize = 300;

/// Most diagnostics shown for one code; the rest are counted in one line. A folder of
/// thousands of stray files would otherwise bury everything else. The JSON output lists all.
pub const MAX_SHOWN_PER_CODE: usize = 100;

#[derive(Debug, Clone, Copy, Default)]
pub struct Human {
    pub color: bool,
}

impl Render for Human {
    fn render(&self, diagnostics: &[Diagnostic], summary: &Summary) -> String {
        let renderer = if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let mut out = String::new();
        let mut shown: BTreeMap<Code, usize> = BTreeMap::new();
        for d in diagnostics {
            let count = shown.entry(d.code).or_default();
            *count += 1;
            if *count > MAX_SHOWN_PER_CODE {
                continue;
            }
            out.push_str(&renderer.render(&[group(d)]));
            out.push_str("\n\n");
        }
        for (code, count) in shown {
            if let Some(hidden) = count.checked_sub(MAX_SHOWN_PER_CODE).filter(|n| *n > 0) {
                out.push_str(&format!(
                    "note: {hidden} more {} {} not shown (the first {MAX_SHOWN_PER_CODE} are above; `--format json` lists every one)\n\n",
                    code.id(),
                    code.name()
                ));
            }
        }
        out.push_str(&summary_line(summary));
        out.push('\n');
        out
    }
}

fn title(d: &Diagnostic) -> String {
    let mut t = d.message.clone();
    if let Some(unit) = &d.unit {
        t = format!("[{}] {t}", printable(unit));
    }
    t
}

/// A file name or unit fit for a terminal: control characters (possible in file names)
/// become U+FFFD, so they cannot move the cursor or change colours.
fn printable(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

fn group(d: &Diagnostic) -> Group<'_> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let mut group = Group::with_title(level.primary_title(title(d)).id(d.code.id()));
    let snippet_line = d
        .source_line
        .as_deref()
        .filter(|l| l.chars().count() <= MAX_SNIPPET_CHARS);
    match (&d.file, d.line, snippet_line) {
        (Some(file), Some(line), Some(text)) => {
            let column = d.column.unwrap_or(1) as usize;
            let start = byte_offset(text, column - 1);
            let end = match d.span_chars {
                Some(n) => byte_offset(text, column - 1 + n),
                None => text.trim_end().len().max(start),
            };
            let end = if end <= start {
                (start + 1).min(text.len())
            } else {
                end
            };
            group = group.element(
                Snippet::source(text)
                    .line_start(line as usize)
                    .path(printable(file))
                    .annotation(AnnotationKind::Primary.span(start..end)),
            );
        }
        (Some(file), line, _) => {
            let mut origin = Origin::path(printable(file));
            if let Some(line) = line {
                origin = origin.line(line as usize);
                if let Some(col) = d.column {
                    origin = origin.char_column(col as usize);
                }
            }
            group = group.element(origin);
        }
        (None, _, _) => {}
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    group
}

fn byte_offset(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}
