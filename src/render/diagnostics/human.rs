//! rustc-style snippets, via annotate-snippets, then one summary line.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{Render, summary_line};
use crate::diagnostic::{Diagnostic, Severity, Summary};

/// Lines longer than this are not shown as snippets.
const MAX_SNIPPET_CHARS: usize = 300;

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
        // Snippets are the costly part of a big report; render them on every core.
        let rendered = crate::parallel::map(diagnostics, |d| renderer.render(&[group(d)]));
        let mut out =
            String::with_capacity(rendered.iter().map(|r| r.len() + 2).sum::<usize>() + 64);
        for r in rendered {
            out.push_str(&r);
            out.push_str("\n\n");
        }
        out.push_str(&summary_line(summary));
        out.push('\n');
        out
    }
}

fn title(d: &Diagnostic) -> String {
    let mut t = d.message.clone();
    if let Some(unit) = &d.unit {
        t = format!("[{unit}] {t}");
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
                    .path(file.as_str())
                    .annotation(AnnotationKind::Primary.span(start..end)),
            );
        }
        (Some(file), line, _) => {
            let mut origin = Origin::path(file.as_str());
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
