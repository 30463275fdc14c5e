//! rustc-style snippets, via annotate-snippets, then one summary line.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{Render, summary_line};
use std::collections::BTreeMap;

use crate::diagnostic::{Code, Diagnostic, Severity, Summary};
use crate::render::text::printable;

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
        let mut out =
            String::with_capacity(rendered.iter().map(|r| r.len() + 2).sum::<usize>() + 64);
        for r in rendered {
            out.push_str(&r);
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
        group = group.element(Level::HELP.message(help.as_str()));
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
                        let out = Human { color }.render(&[d.clone()], &Summary::of(&[], 1));
                        assert!(out.contains("error[E008]"), "{text:?} {column} {span:?}");
                    }
                }
            }
        }
    }
}
