//! JSON documents, shared by the `--format json` emitters: pretty, with a final newline.

use std::io::{self, Write};

use serde::Serialize;

/// Writes `doc` as pretty JSON and a newline. A document that cannot be serialised is an
/// error for the caller, never a different document.
pub fn write<T: Serialize>(doc: &T, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, doc)?;
    out.write_all(b"\n")
}
