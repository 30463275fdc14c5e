//! At most [`MAX_PER_FILE`] diagnostics per file; the rest become one "and N more" note, so
//! a hostile file cannot flood the output or the memory.

use crate::diagnostic::{self, Code, Diagnostic, Severity};

/// Most diagnostics reported about one file.
pub const MAX_PER_FILE: usize = 100;

/// Keeps the first [`MAX_PER_FILE`] of `diags` (all about `path`) by position, and replaces
/// the rest, plus `not_built` errors that a rule counted without building, by one note.
pub(super) fn cap(path: &str, diags: &mut Vec<Diagnostic>, not_built: usize) {
    if diags.len() <= MAX_PER_FILE && not_built == 0 {
        return;
    }
    diagnostic::sort(diags);
    let hidden = diags.split_off(diags.len().min(MAX_PER_FILE));
    let severity = if not_built > 0 || hidden.iter().any(Diagnostic::is_error) {
        Severity::Error
    } else {
        Severity::Warning
    };
    let count = hidden.len() + not_built;
    let mut note = Diagnostic::new(
        Code::MoreDiagnostics,
        format!(
            "and {count} more {} in this file, not shown (cse reports at most {MAX_PER_FILE} per file)",
            if count == 1 { "finding" } else { "findings" }
        ),
    )
    .file(path)
    .help("fix the ones above and run the check again to see the rest");
    note.severity = severity;
    // Where the ones not shown start, so it sorts after the ones shown.
    if let Some(at) = hidden.first().or(diags.last()) {
        note.line = at.line;
        note.column = at.column;
    }
    diags.push(note);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(code: Code, line: u32) -> Diagnostic {
        let mut d = Diagnostic::new(code, "x").file("f.md");
        d.line = Some(line);
        d.column = Some(1);
        d
    }

    #[test]
    fn keeps_the_first_and_counts_the_rest() {
        let mut diags: Vec<_> = (1..=150)
            .rev()
            .map(|l| at(Code::OverdueAction, l))
            .collect();
        cap("f.md", &mut diags, 0);
        assert_eq!(diags.len(), MAX_PER_FILE + 1);
        assert_eq!(diags[0].line, Some(1));
        let note = diags.last().unwrap();
        assert_eq!(note.code, Code::MoreDiagnostics);
        assert_eq!(note.severity, Severity::Warning);
        assert!(
            note.message.starts_with("and 50 more findings"),
            "{}",
            note.message
        );
        let mut few: Vec<_> = (1..=3).map(|l| at(Code::BrokenLink, l)).collect();
        cap("f.md", &mut few, 0);
        assert_eq!(few.len(), 3);
        cap("f.md", &mut few, 1);
        assert_eq!(few.last().unwrap().severity, Severity::Error);
        assert!(
            few.last()
                .unwrap()
                .message
                .starts_with("and 1 more finding ")
        );
    }
}
