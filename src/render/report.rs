//! The output formats shared by the reports (`status`, `priorities`, `actions`).

/// How a report is written.
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

/// Serialises a report document as pretty JSON with a final newline.
pub fn json<T: serde::Serialize>(doc: &T) -> String {
    let mut s = serde_json::to_string_pretty(doc)
        .unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()));
    s.push('\n');
    s
}
