//! Emitters turn core results into one output format each, writing to an `io::Write`
//! (stdout, or a buffer for a file). They never decide where output goes or how to exit.

pub mod actions;
pub mod assessment;
pub mod diagnostics;
pub mod docs;
pub mod due;
pub mod element;
pub mod escape;
pub mod gates;
pub mod next;
pub mod priorities;
pub mod sheet;
pub mod status;
pub mod text;
pub mod words;

pub mod csv;
pub(crate) mod json;
pub(crate) mod markdown;
pub mod table;

pub mod delta;
pub mod history;
pub mod pack;
pub mod plan;

/// How a command's output is written: the formats of `status`, `priorities` and `actions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A table for the terminal, fitted to its width.
    Table,
    /// A versioned JSON document (schemas in docs/json.md).
    Json,
    /// GitHub-flavoured markdown, for reports and pull-request comments.
    Markdown,
    /// CSV with a header row, for spreadsheets.
    Csv,
}

/// What an emitter writes, as a string (for the renderers that build their text first).
pub fn to_string_with(
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write(&mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}
