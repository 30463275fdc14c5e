//! rustc-style snippets, via annotate-snippets, then one summary line.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use std::io::{self, Write};

use super::{Emit, summary_line};
use crate::render::escape::terminal;
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
        };
        let mut shown: BTreeMap<Code, usize> = BTreeMap::new();
        let visible: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|d| {
                let count = shown.entry(d.code).or_default();
                *count += 1;
                *count <= MAX_SHOWN_PER_CODE
            })
            .collect();
        // Snippets are the costly part of a big report; render them on every core.
        let rendered = crate::parallel::map(&visible, |d| renderer.render(&[group(d)]));
        for r in rendered {
            writeln!(out, "{r}\n")?;
        }
        for (code, count) in shown {
            if let Some(hidden) = count.checked_sub(MAX_SHOWN_PER_CODE).filter(|n| *n > 0) {
                write!(
                    out,
                    "note: {hidden} more {} {} not shown (the first {MAX_SHOWN_PER_CODE} are above; `--format json` lists every one)\n\n",
                    code.id(),
                    code.name()
                )?;
            }
        }
        writeln!(out, "{}", summary_line(summary))
    }
}

fn title(d: &Diagnostic) -> String {
    let t = match &d.unit {
        Some(unit) => format!("[{unit}] {}", d.message),
        None => d.message.clone(),
    };
    printable(&t)
}

/// Text fit for one line of a terminal: cleaned (file names may hold control characters),
/// and a line break, which would break the snippet's layout, shown as U+FFFD.
fn printable(s: &str) -> String {
    terminal(s).replace('\n', "\u{fffd}")
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
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(terminal(help)));
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
                        Human { color }
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
