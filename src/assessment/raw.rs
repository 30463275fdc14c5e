//! An assessment record exactly as serde reads it, with spans in the YAML text.

use std::fmt;

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};
use serde_saphyr::Spanned;

use crate::evidence::Located;

/// Top-level keys of a record, for docs and the JSON Schema.
pub const FIELDS: &[&str] = &[
    "date",
    "kind",
    "body",
    "assessor",
    "outcome",
    "ratings",
    "areas_for_development",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAssessment {
    pub date: Spanned<String>,
    pub kind: Spanned<String>,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub assessor: Option<String>,
    pub outcome: Spanned<String>,
    #[serde(default)]
    pub ratings: Option<RawRatings>,
    #[serde(default)]
    pub areas_for_development: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRating {
    pub rating: Spanned<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub due: Option<Spanned<String>>,
}

/// `ratings:` in the order written, each element id with its position.
#[derive(Debug, Default)]
pub(super) struct RawRatings(pub Vec<(Spanned<String>, RawRating)>);

impl<'de> Deserialize<'de> for RawRatings {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = RawRatings;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("element ids, each with `rating:`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawRatings, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(RawRatings(entries))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

/// A value with its 1-based position; a value without one points at line 1.
pub(super) fn located(s: Spanned<String>) -> Located<String> {
    let line = s.referenced.line() as u32;
    let (line, column) = if line == 0 {
        (1, 1)
    } else {
        (line, (s.referenced.column() as u32).max(1))
    };
    Located {
        value: s.value,
        line,
        column,
    }
}
