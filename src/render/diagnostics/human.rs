//! rustc-style snippets, via annotate-snippets, then one summary line.
//!
//! Errors come first. Repeats of one warning code are folded: the first is shown whole,
//! the next few by their place only, and the rest in one line with their count and ids.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use std::io::{self, Write};

use super::{Emit, summary_line};
use crate::render::escape::terminal;
use crate::render::text::{Terminal, wrap};
use std::collections::BTreeMap;

use crate::diagnostic::{Code, Diagnostic, Severity, Summary};

/// Lines longer than this are not shown as snippets.
const MAX_SNIPPET_CHARS: usize = 300;

/// Most diagnostics shown for one code; the rest are counted in one line. A folder of
/// thousands of stray files would otherwise bury everything else. The JSON output lists all.
pub const MAX_SHOWN_PER_CODE: usize = 100;

/// Warnings of one code shown before the rest are folded into one line.
pub const FOLD_WARNINGS_AFTER: usize = 5;

/// Widest line of folded ids, so the list wraps inside an 80-column terminal.
const IDS_LINE_CHARS: usize = 76;

/// How much of the findings to print.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Detail {
    /// Errors only (`-q`); the summary still counts every finding.
    Quiet,
    /// Errors, then warnings folded per code.
    #[default]
    Folded,
    /// Every finding in full (`--verbose`).
    All,
}

#[derive(Debug, Clone, Copy)]
pub struct Human {
    pub color: bool,
    pub detail: Detail,
    /// Columns to fit: titles, help and notes wrap to it, long source lines are trimmed.
    pub width: usize,
}

impl Default for Human {
    fn default() -> Self {
        Human {
            color: false,
            detail: Detail::default(),
            width: Terminal::PLAIN.width,
        }
    }
}

/// How one diagnostic is printed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Full,
    /// Title and place only: a repeat of the warning just above, whose help was given once.
    Brief,
}

impl Emit for Human {
    fn emit(
        &self,
        diagnostics: &[Diagnostic],
        summary: &Summary,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let renderer = if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        }
        .term_width(self.width);
        let ordered = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .chain(diagnostics.iter().filter(|d| !d.is_error()));
        let mut shown: BTreeMap<Code, usize> = BTreeMap::new();
        // Per code, the ids (element, else file) of the warnings folded away.
        let mut folded: BTreeMap<Code, Vec<&str>> = BTreeMap::new();
        let mut visible: Vec<(&Diagnostic, Shape)> = Vec::new();
        for d in ordered {
            if self.detail == Detail::Quiet && !d.is_error() {
                continue;
            }
            let count = shown.entry(d.code).or_default();
            *count += 1;
            let limit = match (self.detail, d.severity) {
                (Detail::All, _) => usize::MAX,
                (Detail::Folded, Severity::Warning) => FOLD_WARNINGS_AFTER,
                _ => MAX_SHOWN_PER_CODE,
            };
            if *count > limit {
                if limit == FOLD_WARNINGS_AFTER {
                    folded.entry(d.code).or_default().push(id_of(d));
                }
                continue;
            }
            let shape = match visible.last() {
                Some((prev, _))
                    if self.detail == Detail::Folded
                        && !d.is_error()
                        && prev.code == d.code
                        && prev.help == d.help =>
                {
                    Shape::Brief
                }
                _ => Shape::Full,
            };
            visible.push((d, shape));
        }
        // Snippets are the costly part of a big report; render them on every core.
        let rendered = crate::parallel::map(&visible, |(d, shape)| {
            renderer.render(&[group(d, *shape, self.width)])
        });
        for r in rendered {
            writeln!(out, "{r}\n")?;
        }
        for (code, ids) in &folded {
            out.write_all(fold_line(*code, ids, self.width).as_bytes())?;
        }
        for (code, count) in shown {
            if folded.contains_key(&code) {
                continue;
            }
            if let Some(hidden) = count.checked_sub(MAX_SHOWN_PER_CODE).filter(|n| *n > 0) {
                let note = format!(
                    "note: {hidden} more {} {} not shown (the first {MAX_SHOWN_PER_CODE} are above; `--format json` lists every one)",
                    code.id(),
                    code.name()
                );
                writeln!(out, "{}", wrap(&note, self.width, "", "      "))?;
            }
        }
        write!(out, "{}", wrap(&summary_line(summary), self.width, "", ""))
    }
}

/// What a folded warning is listed by: its element, else its file.
fn id_of(d: &Diagnostic) -> &str {
    d.element
        .as_deref()
        .or(d.file.as_deref())
        .unwrap_or(d.code.id())
}

/// "… and 52 more W004 not-assessed: 1.2.3, 1.2.4, …", ids wrapped to fit `width` (and at
/// most 80) columns.
fn fold_line(code: Code, ids: &[&str], width: usize) -> String {
    let head = format!(
        "… and {} more {} {} (`--verbose` shows every one):",
        ids.len(),
        code.id(),
        code.name()
    );
    let mut out = wrap(&head, width, "", "  ");
    let ids: Vec<String> = ids.iter().map(|id| printable(id)).collect();
    out.push_str(&wrap(
        &ids.join(", "),
        width.min(IDS_LINE_CHARS + 4),
        "    ",
        "    ",
    ));
    out.push('\n');
    out
}

/// The title, wrapped to `width` after the `warning[W003]: ` that leads it; annotate-snippets
/// indents the lines after the first under the first.
fn title(d: &Diagnostic, width: usize) -> String {
    let t = match &d.unit {
        Some(unit) => format!("[{unit}] {}", d.message),
        None => d.message.clone(),
    };
    let lead = d.severity.as_str().len() + d.code.id().len() + 4;
    hang(&printable(&t), width, lead)
}

/// `text` wrapped to `width` when `lead` columns come before every line, without that lead.
fn hang(text: &str, width: usize, lead: usize) -> String {
    let indent = " ".repeat(lead);
    let wrapped = wrap(text, width.max(lead + 20), &indent, &indent);
    wrapped
        .lines()
        .map(|l| l.get(lead..).unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text fit for one line of a terminal: cleaned (file names may hold control characters),
/// and a line break, which would break the snippet's layout, shown as U+FFFD.
fn printable(s: &str) -> String {
    terminal(s).replace('\n', "\u{fffd}")
}

fn group(d: &Diagnostic, shape: Shape, width: usize) -> Group<'_> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let mut group = Group::with_title(level.primary_title(title(d, width)).id(d.code.id()));
    let snippet_line = d
        .source_line
        .as_deref()
        .filter(|l| shape == Shape::Full && l.chars().count() <= MAX_SNIPPET_CHARS);
    match (&d.file, d.line, snippet_line) {
        (Some(file), Some(line), Some(text)) => {
            let column = (d.column.unwrap_or(1) as usize).saturating_sub(1);
            let start = byte_offset(text, column);
            let end = match d.span_chars {
                Some(n) => byte_offset(text, column.saturating_add(n)),
                None => text.trim_end().len().max(start),
            };
            // At least the character under the column, whole: a byte too few inside a
            // multi-byte character (such as U+2028, which `trim_end` removes) would panic.
            let end = if end <= start {
                text[start..]
                    .chars()
                    .next()
                    .map_or(start, |c| start + c.len_utf8())
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
    if let Some(help) = d.help.as_ref().filter(|_| shape == Shape::Full) {
        // "  = help: " after the gutter, as wide as the line numbers.
        let gutter = d.line.map_or(1, |l| l.to_string().len());
        let help = terminal(help)
            .split('\n')
            .map(|l| hang(l, width, gutter + 9))
            .collect::<Vec<_>>()
            .join("\n");
        group = group.element(Level::HELP.message(help));
    }
    group
}

fn byte_offset(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;

    #[test]
    fn any_line_column_and_span_render() {
        // Found by the property test: a line holding only U+2028 panicked the renderer.
        let lines = [
            "",
            "\u{2028}",
            "a\u{2028}b",
            "\u{2029} ",
            "\u{85}x",
            "\t\u{feff}x",
            "é",
            "日本語 ",
            "  ",
            "\u{200b}",
        ];
        for text in lines {
            for column in 0..6 {
                for span in [None, Some(0), Some(1), Some(3), Some(100)] {
                    let mut d = Diagnostic::new(Code::InvalidStatus, "m").file("f.md");
                    d.line = Some(1);
                    d.column = Some(column);
                    d.source_line = Some(text.to_owned());
                    d.span_chars = span;
                    for color in [false, true] {
                        let mut out = Vec::new();
                        Human {
                            color,
                            detail: Detail::All,
                            ..Human::default()
                        }
                        .emit(&[d.clone()], &Summary::of(&[], 1), &mut out)
                        .unwrap();
                        let out = String::from_utf8(out).unwrap();
                        assert!(out.contains("error[E008]"), "{text:?} {column} {span:?}");
                    }
                }
            }
        }
    }
}
