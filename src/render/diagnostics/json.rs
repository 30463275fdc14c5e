//! `--format json`: the versioned schema documented in docs/json.md.

use std::io::{self, Write};

use serde::Serialize;

use super::Emit;
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

impl Emit for Json {
    fn emit(
        &self,
        diagnostics: &[Diagnostic],
        summary: &Summary,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let doc = Document {
            version: SCHEMA_VERSION,
            summary,
            diagnostics,
        };
        crate::render::json::write(&doc, out)
    }
}
