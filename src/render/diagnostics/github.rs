//! `--format github`: GitHub Actions workflow commands, which annotate the pull request.

use super::{Render, message_with_help, summary_line};
use crate::diagnostic::{Diagnostic, Severity, Summary};

#[derive(Debug, Clone, Copy, Default)]
pub struct Github;

/// Escapes a message as GitHub requires.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value, which also may not hold `:` or `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Render for Github {
    fn render(&self, diagnostics: &[Diagnostic], summary: &Summary) -> String {
        let mut out = String::new();
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
            out.push_str(&format!(
                "::{command} {}::{}\n",
                props.join(","),
                escape_data(&message)
            ));
        }
        out.push_str(&summary_line(summary));
        out.push('\n');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50%\r\nnext"), "50%25%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
