//! `--format json`: the versioned schema documented in docs/json.md.

use serde::Serialize;

use super::Render;
use crate::diagnostic::{Diagnostic, Summary};

/// Bumped on any incompatible change to the JSON output.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    summary: &'a Summary,
    diagnostics: &'a [Diagnostic],
}

impl Render for Json {
    fn render(&self, diagnostics: &[Diagnostic], summary: &Summary) -> String {
        let doc = Document {
            version: SCHEMA_VERSION,
            summary,
            diagnostics,
        };
        let mut s =
            serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
        s.push('\n');
        s
    }
}
