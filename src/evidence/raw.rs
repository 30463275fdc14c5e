//! The front matter exactly as serde reads it, with spans relative to the YAML text.

use serde::Deserialize;
use serde_saphyr::Spanned;

/// Top-level front-matter fields, for docs and the JSON Schema.
pub const FIELDS: &[&str] = &[
    "element", "status", "owner", "reviewed", "evidence", "actions",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFrontMatter {
    pub element: Spanned<String>,
    pub status: Spanned<String>,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub reviewed: Option<Spanned<String>>,
    #[serde(default)]
    pub evidence: Option<Vec<RawEvidenceItem>>,
    #[serde(default)]
    pub actions: Option<Vec<RawAction>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEvidenceItem {
    pub title: Spanned<String>,
    #[serde(default)]
    pub path: Option<Spanned<String>>,
    #[serde(default)]
    pub url: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAction {
    pub action: Spanned<String>,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub due: Option<Spanned<String>>,
    #[serde(default)]
    pub done: bool,
}
