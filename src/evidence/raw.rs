//! The front matter exactly as serde reads it, with spans relative to the YAML text.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::Located;

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
    #[serde(default)]
    pub internal: bool,
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

/// The front matter as either parser reads it, before any checking: values with their
/// 1-based positions in the `.md` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PlainFrontMatter {
    pub element: Located<String>,
    pub status: Located<String>,
    pub owner: Option<String>,
    pub reviewed: Option<Located<String>>,
    pub evidence: Vec<PlainEvidenceItem>,
    pub actions: Vec<PlainAction>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PlainEvidenceItem {
    pub title: Located<String>,
    pub path: Option<Located<String>>,
    pub url: Option<Located<String>>,
    pub internal: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PlainAction {
    pub action: Located<String>,
    pub owner: Option<String>,
    pub due: Option<Located<String>>,
    pub done: bool,
}

impl RawFrontMatter {
    /// Positions made relative to the `.md` file: YAML line 1 is file line `offset + 1`;
    /// a value without a position points at `open_line`.
    pub fn into_plain(self, offset: u32, open_line: u32) -> PlainFrontMatter {
        let located = |s: Spanned<String>| {
            let line = s.referenced.line() as u32;
            let (line, column) = if line == 0 {
                (open_line, 1)
            } else {
                (line + offset, (s.referenced.column() as u32).max(1))
            };
            Located {
                value: s.value,
                line,
                column,
            }
        };
        PlainFrontMatter {
            element: located(self.element),
            status: located(self.status),
            owner: self.owner,
            reviewed: self.reviewed.map(located),
            evidence: self
                .evidence
                .unwrap_or_default()
                .into_iter()
                .map(|i| PlainEvidenceItem {
                    title: located(i.title),
                    path: i.path.map(located),
                    url: i.url.map(located),
                    internal: i.internal,
                })
                .collect(),
            actions: self
                .actions
                .unwrap_or_default()
                .into_iter()
                .map(|a| PlainAction {
                    action: located(a.action),
                    owner: a.owner,
                    due: a.due.map(located),
                    done: a.done,
                })
                .collect(),
        }
    }
}
