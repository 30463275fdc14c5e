//! `--format sarif`: a SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers.

use serde_json::{Value, json};

use std::io::{self, Write};

use super::{Emit, message_with_help};
use crate::diagnostic::{Code, Diagnostic, Severity, Summary};

/// Where findings with no file of their own (an element with no evidence file) are placed:
/// code scanning needs a location for every result.
pub const REPOSITORY_FILE: &str = "cse.toml";

#[derive(Debug, Clone, Copy, Default)]
pub struct Sarif;

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn rule(code: Code) -> Value {
    json!({
        "id": code.id(),
        "name": code.name(),
        "shortDescription": { "text": code.summary() },
        "defaultConfiguration": { "level": level(code.severity()) },
    })
}

fn result(d: &Diagnostic) -> Value {
    let text = message_with_help(d);
    let mut physical = json!({
        "artifactLocation": { "uri": d.file.as_deref().unwrap_or(REPOSITORY_FILE) },
    });
    if let Some(line) = d.line {
        let mut region = json!({ "startLine": line });
        if let Some(column) = d.column {
            region["startColumn"] = json!(column);
        }
        physical["region"] = region;
    }
    let index = Code::ALL.iter().position(|c| *c == d.code).unwrap_or(0);
    let mut result = json!({
        "ruleId": d.code.id(),
        "ruleIndex": index,
        "level": level(d.severity),
        "message": { "text": text },
        "locations": [ { "physicalLocation": physical } ],
    });
    if let Some(element) = &d.element {
        result["properties"] = json!({ "element": element });
    }
    result
}

impl Emit for Sarif {
    fn emit(
        &self,
        diagnostics: &[Diagnostic],
        _summary: &Summary,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let log = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "cse",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://www.gov.uk/government/publications/customer-service-excellence-standard",
                    "rules": Code::ALL.iter().map(|c| rule(*c)).collect::<Vec<_>>(),
                }},
                "columnKind": "unicodeCodePoints",
                "results": diagnostics.iter().map(result).collect::<Vec<_>>(),
            }],
        });
        crate::render::json::write(&log, out)
    }
}
