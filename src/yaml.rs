//! serde-saphyr with this project's budgets, and its errors turned into plain facts.

use serde::de::DeserializeOwned;
use serde_saphyr::{Budget, DuplicateKeyPolicy, Error, Options};

use crate::suggest;

/// Deepest nesting accepted in front matter or a catalogue.
pub const MAX_DEPTH: usize = 32;
/// Most YAML aliases (`*name`) accepted in one document.
pub const MAX_ALIASES: usize = 64;
/// Most anchors (`&name`) accepted in one document.
pub const MAX_ANCHORS: usize = 64;
/// Most parser events (scalars, sequence and mapping starts and ends) in one document.
pub const MAX_EVENTS: usize = 200_000;

/// What went wrong, where (1-based, in the YAML text), and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub kind: YamlErrorKind,
    pub message: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub help: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlErrorKind {
    Syntax,
    UnknownField,
    DuplicateKey,
    InvalidValue,
    Budget,
}

fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_aliases = MAX_ALIASES;
    budget.max_anchors = MAX_ANCHORS;
    budget.max_events = MAX_EVENTS;
    budget.max_nodes = MAX_EVENTS;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.duplicate_keys = DuplicateKeyPolicy::Error;
    options.with_snippet = false;
    options
}

pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    // A completely empty document is an empty mapping for our purposes.
    let text = if text.trim().is_empty() { "{}" } else { text };
    serde_saphyr::from_str_with_options(text, options()).map_err(|e| convert(&e))
}

fn convert(error: &Error) -> YamlError {
    let error = error.without_snippet();
    let location = error.location();
    let (line, column) = match location {
        Some(l) if l.line() > 0 => (Some(l.line() as u32), Some(l.column().max(1) as u32)),
        _ => (None, None),
    };
    let (kind, message, help) = match error {
        Error::SerdeUnknownField {
            field, expected, ..
        } => {
            let help = match suggest::closest(field, expected.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("expected one of: {}", expected.join(", ")),
            };
            (
                YamlErrorKind::UnknownField,
                format!("unknown field `{field}`"),
                Some(help),
            )
        }
        Error::DuplicateMappingKey { key, .. } => (
            YamlErrorKind::DuplicateKey,
            match key {
                Some(k) => format!("duplicate key `{k}`"),
                None => "duplicate key".to_owned(),
            },
            Some("each key may appear once; remove or merge the repeated entry".to_owned()),
        ),
        Error::SerdeMissingField { field, .. } => (
            YamlErrorKind::InvalidValue,
            format!("missing required field `{field}`"),
            None,
        ),
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => (
            YamlErrorKind::InvalidValue,
            format!("expected {expected}, found {unexpected}"),
            None,
        ),
        Error::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => (
            YamlErrorKind::InvalidValue,
            format!("invalid value {unexpected}, expected {expected}"),
            None,
        ),
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => (
            YamlErrorKind::InvalidValue,
            format!("unknown value `{variant}`"),
            Some(match suggest::closest(variant, expected.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("expected one of: {}", expected.join(", ")),
            }),
        ),
        Error::Budget { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => (
            YamlErrorKind::Budget,
            format!(
                "YAML exceeds a safety limit: {}",
                strip_location(&error.to_string())
            ),
            Some(budget_help()),
        ),
        other => {
            let message = strip_location(&other.to_string());
            if message.contains("budget breached") {
                (
                    YamlErrorKind::Budget,
                    "YAML exceeds a safety limit: aliases expand to too much data".to_owned(),
                    Some(budget_help()),
                )
            } else if message.starts_with("expected ") || message.starts_with("invalid type") {
                (
                    YamlErrorKind::InvalidValue,
                    message,
                    Some(wrong_kind_help()),
                )
            } else {
                (YamlErrorKind::Syntax, message, None)
            }
        }
    };
    YamlError {
        kind,
        message,
        line,
        column,
        help,
    }
}

fn wrong_kind_help() -> String {
    "a list or a mapping was given where a single value belongs, or the other way round".to_owned()
}

fn budget_help() -> String {
    format!(
        "front matter may nest at most {MAX_DEPTH} levels, use at most {MAX_ALIASES} aliases and hold at most {MAX_EVENTS} values; see the README's limits"
    )
}

/// serde-saphyr appends " at line N, column M" to some messages; we report positions separately.
fn strip_location(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    match first.rfind(" at line ") {
        Some(i) => first[..i].trim_end_matches(',').to_owned(),
        None => first.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn duplicate_keys_are_errors() {
        let e = from_str::<BTreeMap<String, String>>("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!(e.kind, YamlErrorKind::DuplicateKey);
        assert_eq!(e.line, Some(3));
    }

    #[test]
    fn deep_nesting_hits_the_budget() {
        let deep = format!("a: {}1{}", "[".repeat(200), "]".repeat(200));
        let e = from_str::<serde::de::IgnoredAny>(&deep).unwrap_err();
        assert!(
            matches!(e.kind, YamlErrorKind::Budget | YamlErrorKind::Syntax),
            "{e:?}"
        );
    }

    #[test]
    fn alias_bombs_hit_the_budget() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..9 {
            let prev = if i == 0 {
                "a".to_owned()
            } else {
                format!("l{}", i - 1)
            };
            bomb.push_str(&format!(
                "l{i}: &l{i} [{}]\n",
                vec![format!("*{prev}"); 10].join(", ")
            ));
        }
        let e = from_str::<serde::de::IgnoredAny>(&bomb).unwrap_err();
        assert_eq!(e.kind, YamlErrorKind::Budget, "{e:?}");
    }
}
