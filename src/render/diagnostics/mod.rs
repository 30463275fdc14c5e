//! One renderer per output format of `cse check`, all over the same [`Diagnostic`]s.

mod github;
mod gitlab;
mod human;
mod json;
mod junit;
mod sarif;

pub use github::Github;
pub use gitlab::Gitlab;
pub use human::{Detail, Human};
pub use json::{Json, SCHEMA_VERSION};
pub use junit::Junit;
pub use sarif::Sarif;

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Summary};

/// Every output format of diagnostics implements this: it writes them all, then the summary.
pub trait Emit {
    fn emit(
        &self,
        diagnostics: &[Diagnostic],
        summary: &Summary,
        out: &mut dyn Write,
    ) -> io::Result<()>;
}

/// "[unit] message", then "help: …" on a line of its own: for the formats with one text field.
pub fn message_with_help(d: &Diagnostic) -> String {
    let mut message = match &d.unit {
        Some(unit) => format!("[{unit}] {}", d.message),
        None => d.message.clone(),
    };
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    message
}

/// "2 errors, 1 warning in 57 files"
pub fn summary_line(summary: &Summary) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {} in {}",
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning"),
        plural(summary.files, "file")
    )
}
