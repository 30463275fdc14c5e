//! Evidence files: decoding, front matter, and the typed model.

mod fast;
pub mod frontmatter;
mod parse;
mod raw;
mod status;

use jiff::civil::Date;

pub(crate) use parse::parse_date;
pub use parse::{Decoded, decode, normalize_line_endings, parse_front_matter};
pub use raw::FIELDS;
pub use status::Status;

/// A value with its 1-based position in the `.md` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub line: u32,
    pub column: u32,
}

/// Typed front matter of one evidence file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub element: Located<String>,
    /// `None` when the status word is not one of [`Status::ALL`].
    pub status: Option<Located<Status>>,
    pub owner: Option<String>,
    /// `None` when absent or not a real date (the latter also gives a diagnostic).
    pub reviewed: Option<Located<Date>>,
    /// Whether `reviewed` is written at all, even as something that is not a date.
    pub has_reviewed: bool,
    pub evidence: Vec<EvidenceItem>,
    pub actions: Vec<Action>,
    /// Line of the closing `---`, for diagnostics about the block as a whole.
    pub close_line: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceItem {
    pub title: Located<String>,
    pub path: Option<Located<String>>,
    pub url: Option<Located<String>>,
    /// Kept inside the organisation: listed in an evidence pack as withheld, never copied.
    pub internal: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub action: Located<String>,
    pub owner: Option<String>,
    pub due: Option<Located<Date>>,
    pub done: bool,
}

impl Action {
    pub fn is_open(&self) -> bool {
        !self.done
    }
}

/// What a rated element's next review is reckoned from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewBasis {
    /// Its `reviewed` date.
    Reviewed,
    /// No `reviewed` at all: the evidence file's last commit stands in for it.
    LastCommit,
}

/// When a rated element's evidence falls due for review. Judged once, as the file is checked
/// (`checks::judge_review`); `cse check` (W001, W002), `cse next`, `cse due` and the report
/// all read it from here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewDue {
    pub basis: ReviewBasis,
    /// The day it is reckoned from: the `reviewed` date, or the last commit's.
    pub since: Date,
    /// `since` plus `review_max_age`.
    pub due: Date,
    /// Whether `due` has passed: the review is stale.
    pub stale: bool,
}

/// One evidence file as read and parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceFile {
    /// Repository-relative path with `/` separators.
    pub path: String,
    /// The element id taken from the file name.
    pub element: String,
    /// `None` when the front matter cannot be read: the element counts as invalid.
    pub front: Option<FrontMatter>,
    /// The markdown body, kept only when asked for (the HTML report needs it).
    pub body: Option<String>,
    /// When the element falls due for review; `None` when it is not rated, its `reviewed` is
    /// not a date, nothing stands in for a missing one, or only the front matter was read.
    pub review: Option<ReviewDue>,
}

impl EvidenceFile {
    pub fn status(&self) -> Option<Status> {
        self.front.as_ref()?.status.as_ref().map(|s| s.value)
    }
}
