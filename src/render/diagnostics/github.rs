//! `--format github`: GitHub Actions workflow commands, which annotate the pull request.

use std::io::{self, Write};

use super::{Emit, message_with_help, summary_line};
use crate::diagnostic::{Diagnostic, Severity, Summary};

#[derive(Debug, Clone, Copy, Default)]
pub struct Github;

/// Escapes a message as GitHub requires, after cleaning it for the terminal (the log shows it).
pub fn escape_data(s: &str) -> String {
    crate::render::escape::terminal(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value, which also may not hold `:` or `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Emit for Github {
    fn emit(
        &self,
        diagnostics: &[Diagnostic],
        summary: &Summary,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        for d in diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let mut props = Vec::new();
            if let Some(file) = &d.file {
                props.push(format!("file={}", escape_property(file)));
            }
            if let Some(line) = d.line {
                props.push(format!("line={line}"));
            }
            if let Some(col) = d.column {
                props.push(format!("col={col}"));
            }
            props.push(format!(
                "title={}",
                escape_property(&format!("{} {}", d.code.id(), d.code.name()))
            ));
            let message = message_with_help(d);
            writeln!(
                out,
                "::{command} {}::{}",
                props.join(","),
                escape_data(&message)
            )?;
        }
        writeln!(out, "{}", summary_line(summary))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50%\nnext"), "50%25%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(escape_property("a\x1b]0;x\x07b\r"), "ab\u{fffd}");
    }
}
