//! One renderer per output format of `cse check`, all over the same [`Diagnostic`]s.

mod github;
mod human;
mod json;
mod junit;

pub use github::Github;
pub use human::Human;
pub use json::{Json, SCHEMA_VERSION};
pub use junit::Junit;

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
