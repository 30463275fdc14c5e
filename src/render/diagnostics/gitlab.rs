//! `--format gitlab`: a GitLab Code Quality report, shown on merge requests.

use std::collections::HashMap;

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::sarif::REPOSITORY_FILE;
use std::io::{self, Write};

use super::{Emit, message_with_help};
use crate::diagnostic::{Diagnostic, Severity, Summary};

#[derive(Debug, Clone, Copy, Default)]
pub struct Gitlab;

/// The same finding gets the same fingerprint on every run, so GitLab can tell new findings
/// from old. Lines are left out (editing above a finding must not make it new); identical
/// findings in one file are told apart by their order.
fn fingerprint(d: &Diagnostic, occurrence: usize) -> String {
    let mut hash = Sha256::new();
    for part in [
        d.code.id(),
        d.unit.as_deref().unwrap_or(""),
        d.file.as_deref().unwrap_or(""),
        d.element.as_deref().unwrap_or(""),
        &d.message,
        &occurrence.to_string(),
    ] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    hash.finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Emit for Gitlab {
    fn emit(
        &self,
        diagnostics: &[Diagnostic],
        _summary: &Summary,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        let issues: Vec<Value> = diagnostics
            .iter()
            .map(|d| {
                let first = fingerprint(d, 0);
                let occurrence = seen.entry(first.clone()).or_default();
                let print = if *occurrence == 0 {
                    first
                } else {
                    fingerprint(d, *occurrence)
                };
                *occurrence += 1;
                let description = message_with_help(d);
                json!({
                    "description": description,
                    "check_name": d.code.id(),
                    "fingerprint": print,
                    "severity": match d.severity {
                        Severity::Error => "major",
                        Severity::Warning => "minor",
                    },
                    "location": {
                        "path": d.file.as_deref().unwrap_or(REPOSITORY_FILE),
                        "lines": { "begin": d.line.unwrap_or(1) },
                    },
                })
            })
            .collect();
        crate::render::json::write(&issues, out)
    }
}
