//! `--format junit`: one test case per file or element, for GitLab and other CI test reports.

use std::collections::BTreeMap;

use std::io::{self, Write};

use super::{Emit, summary_line};
use crate::diagnostic::{Diagnostic, Severity, Summary};

#[derive(Debug, Clone, Copy, Default)]
pub struct Junit;

/// Text for XML content or attributes, cleaned for the terminal first (a CI log shows it).
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::render::escape::terminal(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot hold at all, even escaped.
            '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

fn describe(d: &Diagnostic) -> String {
    let place = match (&d.file, d.line, d.column) {
        (Some(f), Some(l), Some(c)) => format!("{f}:{l}:{c}: "),
        (Some(f), _, _) => format!("{f}: "),
        _ => String::new(),
    };
    let help = d
        .help
        .as_ref()
        .map(|h| format!("\nhelp: {h}"))
        .unwrap_or_default();
    format!("{place}{} [{}]{help}", d.message, d.code.id())
}

impl Emit for Junit {
    fn emit(
        &self,
        diagnostics: &[Diagnostic],
        summary: &Summary,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        // One case per file (or per element when there is no file), in a stable order.
        let mut cases: BTreeMap<String, Vec<&Diagnostic>> = BTreeMap::new();
        for d in diagnostics {
            let key = match (&d.file, &d.element) {
                (Some(f), _) => f.clone(),
                (None, Some(e)) => format!("element {e}"),
                (None, None) => "repository".to_owned(),
            };
            let key = match &d.unit {
                Some(u) => format!("{u}: {key}"),
                None => key,
            };
            cases.entry(key).or_default().push(d);
        }
        let failures = cases
            .values()
            .filter(|ds| ds.iter().any(|d| d.severity == Severity::Error))
            .count();
        let tests = cases.len().max(1);
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(
            out,
            "<testsuites name=\"cse check\" tests=\"{tests}\" failures=\"{failures}\">\n  <testsuite name=\"cse check\" tests=\"{tests}\" failures=\"{failures}\">"
        )?;
        if cases.is_empty() {
            writeln!(out, "    <testcase classname=\"cse\" name=\"evidence\"/>")?;
        }
        for (name, ds) in &cases {
            writeln!(
                out,
                "    <testcase classname=\"cse\" name=\"{}\">",
                xml(name)
            )?;
            let errors: Vec<_> = ds
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            if !errors.is_empty() {
                let text: Vec<String> = errors.iter().map(|d| describe(d)).collect();
                writeln!(
                    out,
                    "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                    xml(&errors[0].message),
                    errors[0].code.id(),
                    xml(&text.join("\n"))
                )?;
            }
            let warnings: Vec<String> = ds
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .map(|d| format!("warning: {}", describe(d)))
                .collect();
            if !warnings.is_empty() {
                writeln!(
                    out,
                    "      <system-out>{}</system-out>",
                    xml(&warnings.join("\n"))
                )?;
            }
            writeln!(out, "    </testcase>")?;
        }
        writeln!(
            out,
            "  </testsuite>\n</testsuites>\n<!-- {} -->",
            xml(&summary_line(summary))
        )?;
        Ok(())
    }
}
