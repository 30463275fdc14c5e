//! serde-saphyr with this project's budgets, and its errors turned into plain facts.
//!
//! Every limit here is set on purpose, for YAML that people write by hand: front matter a
//! few dozen lines long, or a catalogue of a few hundred. Input never exceeds
//! [`crate::tree::MAX_FILE_BYTES`], because files are read through the tree with that limit.
//! docs/limits.md lists them; keep the two in step.

use serde::de::DeserializeOwned;
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::options::AliasLimits;
use serde_saphyr::{Budget, DuplicateKeyPolicy, Error, Options};

use crate::diagnostic::{Code, Diagnostic, IndexedText, excerpt};
use crate::suggest;

/// Deepest nesting accepted in front matter or a catalogue. Front matter needs 3 levels
/// (the fields, the `evidence:` list, an item), the catalogue 7.
pub const MAX_DEPTH: usize = 32;
/// Most YAML aliases (`*name`) accepted in one document.
pub const MAX_ALIASES: usize = 64;
/// Most anchors (`&name`) accepted in one document.
pub const MAX_ANCHORS: usize = 64;
/// Most parser events (scalars, sequence and mapping starts and ends) in one document.
/// A 1 MiB file of short list items holds about 100,000.
pub const MAX_EVENTS: usize = 200_000;
/// Most events that aliases may replay in one document, all aliases together. An alias of a
/// list of 100 evidence items replays about 500; a "billion laughs" bomb needs billions.
pub const MAX_ALIAS_REPLAY_EVENTS: usize = 10_000;
/// Deepest chain of aliases inside anchored values inside aliases.
pub const MAX_ALIAS_NESTING: usize = 8;
/// Most bytes of text in one document's values, counting each alias's copy again.
pub const MAX_TEXT_BYTES: usize = 4 * 1024 * 1024;

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
    /// A value of the wrong kind (a list for text, `maybe` for a boolean), or a missing field.
    InvalidValue,
    Budget,
}

fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.flow_nesting_limit = MAX_DEPTH;
    budget.max_aliases = MAX_ALIASES;
    budget.max_anchors = MAX_ANCHORS;
    budget.max_events = MAX_EVENTS;
    budget.max_nodes = MAX_EVENTS;
    budget.max_documents = 1;
    budget.max_total_scalar_bytes = MAX_TEXT_BYTES;
    budget.max_recorded_anchor_events = MAX_ALIAS_REPLAY_EVENTS;
    budget.max_recorded_anchor_bytes = MAX_TEXT_BYTES;
    budget.max_merge_keys = MAX_ALIASES;
    let mut alias_limits = AliasLimits::default();
    alias_limits.max_total_replayed_events = MAX_ALIAS_REPLAY_EVENTS;
    alias_limits.max_replay_stack_depth = MAX_ALIAS_NESTING;
    alias_limits.max_alias_expansions_per_anchor = MAX_ALIASES;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.alias_limits = alias_limits;
    options.duplicate_keys = DuplicateKeyPolicy::Error;
    options.with_snippet = false;
    options
}

pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    // A completely empty document is an empty mapping for our purposes.
    let text = if text.trim().is_empty() { "{}" } else { text };
    serde_saphyr::from_str_with_options(text, options()).map_err(|e| convert(&e, text))
}

/// `error` as a diagnostic with `code` on `path`, whose YAML starts after line `offset` of
/// `text`; an error without a position points at `fallback_line`.
pub fn diagnostic(
    error: YamlError,
    code: Code,
    path: &str,
    text: &IndexedText,
    offset: u32,
    fallback_line: u32,
) -> Diagnostic {
    let key_len = match error.kind {
        YamlErrorKind::UnknownField | YamlErrorKind::DuplicateKey => {
            error.message.split('`').nth(1).map(|k| k.chars().count())
        }
        _ if error.message.starts_with("a tab") => Some(1),
        _ => None,
    };
    let mut d = Diagnostic::new(code, error.message).file(path);
    if let Some(n) = key_len {
        d = d.span_chars(n);
    }
    d = match (error.line, error.column) {
        (Some(l), Some(c)) => d.at(text, l + offset, c),
        _ => d.at(text, fallback_line, 1),
    };
    match error.help {
        Some(help) => d.help(help),
        None => d,
    }
}

/// Where an error points, as a person reads the line: the mapping key written before the
/// error's `column` on `line` of `text` (both 1-based), or on the line above when the value
/// starts on a line of its own, and whether the error points at a `- ` list item.
struct Place {
    key: Option<String>,
    list_item: bool,
}

fn place(text: &str, line: u32, column: u32) -> Place {
    let lines: Vec<&str> = text.split('\n').take(line as usize).collect();
    let Some(this) = lines.last().filter(|_| lines.len() == line as usize) else {
        return Place {
            key: None,
            list_item: false,
        };
    };
    let this = this.trim_end_matches('\r');
    let upto: String = this.chars().take(column as usize).collect();
    let before: String = this
        .chars()
        .take(column.saturating_sub(1) as usize)
        .collect();
    let list_item = before.trim_end().ends_with('-') && before.trim_matches([' ', '-']).is_empty();
    let key_of = |s: &str| -> Option<String> {
        let s = s.trim_start().trim_start_matches(['-', ' ']);
        let end = s
            .find(": ")
            .or_else(|| s.trim_end().strip_suffix(':').map(str::len))?;
        let key = s[..end].trim().trim_matches(['"', '\'']);
        (!key.is_empty()).then(|| excerpt(key))
    };
    let mut key = key_of(&upto);
    if key.is_none() && before.trim_matches([' ', '-']).is_empty() {
        // `status:` with the value on the next line(s).
        key = lines[..lines.len() - 1]
            .iter()
            .rev()
            .map(|l| l.trim_end_matches('\r'))
            .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .and_then(|l| key_of(l).filter(|_| l.trim_end().ends_with(':')));
    }
    Place { key, list_item }
}

fn convert(error: &Error, text: &str) -> YamlError {
    let error = error.without_snippet();
    let location = error.location();
    let (line, column) = match location {
        Some(l) if l.line() > 0 => (Some(l.line() as u32), Some(l.column().max(1) as u32)),
        _ => (None, None),
    };
    let Place { key, list_item } = match line {
        Some(l) => place(text, l, column.unwrap_or(1)),
        None => Place {
            key: None,
            list_item: false,
        },
    };
    let named = |what: &str| match &key {
        Some(k) => format!("`{k}` {what}"),
        None => format!("this value {what}"),
    };
    let invalid =
        |message: String, help: &str| (YamlErrorKind::InvalidValue, message, Some(help.to_owned()));
    let (kind, message, help) = match error {
        Error::SerdeUnknownField {
            field, expected, ..
        } => {
            let links = ["file", "link", "document", "doc", "href", "attachment"];
            let item = expected.contains(&"path") && expected.contains(&"url");
            let help = match suggest::closest(field, expected.iter().copied()) {
                _ if item && links.contains(&field.to_ascii_lowercase().as_str()) => {
                    "did you mean `path:` (a file in the repository) or `url:` (a web page)?"
                        .to_owned()
                }
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("expected one of: {}", expected.join(", ")),
            };
            (
                YamlErrorKind::UnknownField,
                format!("unknown field `{}`", excerpt(field)),
                Some(help),
            )
        }
        Error::DuplicateMappingKey { key, .. } => (
            YamlErrorKind::DuplicateKey,
            match key {
                Some(k) => format!("duplicate key `{}`", excerpt(k)),
                None => "duplicate key".to_owned(),
            },
            Some("each key may appear once; remove or merge the repeated entry".to_owned()),
        ),
        Error::SerdeMissingField { field, .. } => invalid(
            format!("missing required field `{field}`"),
            &format!("add a line `{field}: ...`"),
        ),
        Error::Unexpected { expected, .. } => match *expected {
            "string scalar" | "scalar" => invalid(
                named("should be a single value, not a list or a mapping"),
                "write the value after the colon; put it in quotes if it starts with `[` or `{`",
            ),
            "sequence start" => invalid(
                named("should be a list, one `- ` line per item"),
                "write each item on its own line starting with `- `",
            ),
            "mapping start" => invalid(
                match (&key, list_item) {
                    (Some(k), true) => format!("each item of `{k}` should be `name: value` lines"),
                    (Some(k), false) => format!("`{k}` should hold `name: value` lines"),
                    (None, _) => "expected `name: value` lines here".to_owned(),
                },
                "write fields as `name: value`, one per line; list items as `- title: ...`",
            ),
            other => (
                YamlErrorKind::Syntax,
                format!("unexpected YAML here (expected {other})"),
                None,
            ),
        },
        Error::NullIntoString { .. } => invalid(
            named("is empty"),
            "give it a value, or remove the line if the field is optional",
        ),
        Error::InvalidScalar { ty: "boolean", .. } | Error::InvalidBooleanStrict { .. } => {
            invalid(named("should be true or false"), "write `true` or `false`")
        }
        Error::InvalidScalar { ty, .. } => invalid(
            named(&format!("is not a valid {ty}")),
            "check the value against the format in docs/evidence-format.md",
        ),
        Error::TaggedScalarCannotDeserializeIntoString { .. }
        | Error::BinaryNotUtf8 { .. }
        | Error::InvalidBinaryBase64 { .. } => invalid(
            named("has a YAML tag (`!!...`) that does not fit this field"),
            "remove the tag and write the plain value",
        ),
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => invalid(
            named(&format!(
                "should be {expected}, not {}",
                excerpt(unexpected)
            )),
            "check the value against the format in docs/evidence-format.md",
        ),
        Error::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => invalid(
            named(&format!(
                "has the invalid value {}, expected {expected}",
                excerpt(unexpected)
            )),
            "check the value against the format in docs/evidence-format.md",
        ),
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => (
            YamlErrorKind::InvalidValue,
            format!("unknown value `{}`", excerpt(variant)),
            Some(match suggest::closest(variant, expected.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("expected one of: {}", expected.join(", ")),
            }),
        ),
        Error::MultipleDocuments { .. } => (
            YamlErrorKind::Syntax,
            "a second YAML document starts here".to_owned(),
            Some(
                "the front matter is one block between two `---` lines; remove this `---` marker"
                    .to_owned(),
            ),
        ),
        Error::Budget {
            breach: BudgetBreach::Documents { .. },
            ..
        } => (
            YamlErrorKind::Syntax,
            "a second YAML document starts here".to_owned(),
            Some(
                "the front matter is one block between two `---` lines; remove this `---` marker"
                    .to_owned(),
            ),
        ),
        Error::Budget { breach, .. } => (
            YamlErrorKind::Budget,
            format!(
                "the YAML exceeds a safety limit: {}",
                describe_breach(breach)
            ),
            Some(budget_help()),
        ),
        Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. }
        | Error::AliasReplayCounterOverflow { .. } => (
            YamlErrorKind::Budget,
            "the YAML exceeds a safety limit: its aliases (`*name`) expand to too much data"
                .to_owned(),
            Some(budget_help()),
        ),
        other => {
            let message = strip_location(&other.to_string());
            if message.contains("recursion limit") {
                (
                    YamlErrorKind::Budget,
                    format!(
                        "the YAML exceeds a safety limit: it nests deeper than {MAX_DEPTH} levels"
                    ),
                    Some(budget_help()),
                )
            } else if message.starts_with("expected ") || message.starts_with("invalid type") {
                (
                    YamlErrorKind::InvalidValue,
                    message,
                    Some(wrong_kind_help()),
                )
            } else if message.contains("budget breached") {
                (
                    YamlErrorKind::Budget,
                    format!("the YAML exceeds a safety limit: {message}"),
                    Some(budget_help()),
                )
            } else if message.contains("mapping values are not allowed") {
                (
                    YamlErrorKind::Syntax,
                    named("holds `: `, which YAML reads as the start of another field"),
                    syntax_help(&message),
                )
            } else if message.contains("tab") {
                (
                    YamlErrorKind::Syntax,
                    "a tab where YAML needs spaces".to_owned(),
                    Some("indent with spaces: YAML does not allow tabs for indentation".to_owned()),
                )
            } else {
                let help = syntax_help(&message);
                (YamlErrorKind::Syntax, message, help)
            }
        }
    };
    // Point at the offending tab itself, not just after it.
    let column = match (line, column) {
        (Some(l), Some(c)) if message.starts_with("a tab") => text
            .split('\n')
            .nth(l as usize - 1)
            .and_then(|t| {
                t.chars()
                    .take(c as usize)
                    .enumerate()
                    .filter(|(_, ch)| *ch == '\t')
                    .last()
            })
            .map_or(Some(c), |(i, _)| Some(i as u32 + 1)),
        _ => column,
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

fn describe_breach(breach: &BudgetBreach) -> String {
    match breach {
        BudgetBreach::Depth { .. } => format!("it nests deeper than {MAX_DEPTH} levels"),
        BudgetBreach::Aliases { .. } => {
            format!("it uses more than {MAX_ALIASES} aliases (`*name`)")
        }
        BudgetBreach::Anchors { .. } => {
            format!("it defines more than {MAX_ANCHORS} anchors (`&name`)")
        }
        BudgetBreach::Events { .. } | BudgetBreach::Nodes { .. } => {
            format!("it holds more than {MAX_EVENTS} values")
        }
        BudgetBreach::ScalarBytes { .. } | BudgetBreach::RecordedAnchorBytes { .. } => {
            format!(
                "its values hold more than {} MiB of text",
                MAX_TEXT_BYTES >> 20
            )
        }
        BudgetBreach::AliasAnchorRatio { .. }
        | BudgetBreach::RecordedAnchorEvents { .. }
        | BudgetBreach::MergeKeys { .. } => {
            "its aliases (`*name`) expand to too much data".to_owned()
        }
        other => format!("{other:?}"),
    }
}

fn budget_help() -> String {
    format!(
        "front matter may nest at most {MAX_DEPTH} levels, use at most {MAX_ALIASES} aliases and hold at most {MAX_EVENTS} values; see docs/limits.md"
    )
}

/// A hint for the YAML mistakes people make most when writing by hand.
fn syntax_help(message: &str) -> Option<String> {
    let help = if message.contains("mapping values are not allowed") {
        "a value holding `: ` must be quoted, such as `title: \"Survey: 2026\"`"
    } else if message.contains("unclosed quote")
        || message.contains("found unexpected end of stream")
    {
        "close the quote on the same value, or remove it"
    } else if message.contains("anchor") {
        "an alias `*name` must follow an anchor `&name` defined earlier in the front matter"
    } else if message.contains("did not find expected") || message.contains("while parsing") {
        "check the indentation and quoting of this line and the one before it"
    } else {
        return None;
    };
    Some(help.to_owned())
}

/// serde-saphyr appends " at line N, column M" to some messages; we report positions separately.
fn strip_location(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    let first = match first.rfind(" at line ") {
        Some(i) => first[..i].trim_end_matches(','),
        None => first,
    };
    // Some carry a "line N column M: " prefix instead.
    let first = match first.strip_prefix("error: ") {
        Some(rest) => rest,
        None => first,
    };
    match first.split_once(": ") {
        Some((head, rest)) if head.starts_with("line ") && head.contains(" column ") => {
            rest.to_owned()
        }
        _ => first.to_owned(),
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

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        name: String,
        items: Option<Vec<Item>>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        title: String,
        #[serde(default)]
        done: bool,
    }

    fn error(text: &str) -> YamlError {
        from_str::<Doc>(text).unwrap_err()
    }

    #[test]
    fn wrong_kinds_name_their_field_in_plain_words() {
        let cases = [
            (
                "name: [a]\n",
                "`name` should be a single value, not a list or a mapping",
                1,
            ),
            (
                "name:\n  - a\n",
                "`name` should be a single value, not a list or a mapping",
                2,
            ),
            ("name:\n", "`name` is empty", 1),
            (
                "name: a\nitems: x\n",
                "`items` should be a list, one `- ` line per item",
                2,
            ),
            (
                "name: a\nitems:\n  - x\n",
                "each item of `items` should be `name: value` lines",
                3,
            ),
            (
                "name: a\nitems:\n  - title: t\n    done: maybe\n",
                "`done` should be true or false",
                4,
            ),
            (
                "name: !!int a\n",
                "`name` has a YAML tag (`!!...`) that does not fit this field",
                1,
            ),
            ("- a\n", "expected `name: value` lines here", 1),
            ("items: []\n", "missing required field `name`", 1),
        ];
        for (text, message, line) in cases {
            let e = error(text);
            assert_eq!(e.kind, YamlErrorKind::InvalidValue, "{text:?}: {e:?}");
            assert_eq!(
                (e.message.as_str(), e.line),
                (message, Some(line)),
                "{text:?}"
            );
            assert!(e.help.is_some(), "{text:?}");
        }
    }

    #[test]
    fn syntax_errors_come_with_a_hint() {
        let e = error("name: a\nitems:\n\t- title: t\n");
        assert_eq!(e.kind, YamlErrorKind::Syntax);
        assert!(e.help.unwrap().contains("indent with spaces"));
        let e = error("name: Survey: 2026\n");
        assert_eq!(
            e.message,
            "`name` holds `: `, which YAML reads as the start of another field"
        );
        assert!(
            e.help.as_deref().unwrap().contains("must be quoted"),
            "{e:?}"
        );
        let e = error("name: a\n--- x\n");
        assert_eq!(e.message, "a second YAML document starts here");
    }

    #[test]
    fn every_alias_counts() {
        let mut text = String::from("name: a\nitems:\n  - &a {title: t}\n");
        text.push_str(&"  - *a\n".repeat(MAX_ALIASES));
        assert!(from_str::<Doc>(&text).is_ok());
        text.push_str("  - *a\n");
        let e = error(&text);
        assert_eq!(e.kind, YamlErrorKind::Budget, "{e:?}");
        assert!(e.message.contains("aliases"), "{e:?}");
    }

    #[test]
    fn nesting_up_to_the_limit_is_fine() {
        let ok = format!(
            "a: {}1{}",
            "[".repeat(MAX_DEPTH - 1),
            "]".repeat(MAX_DEPTH - 1)
        );
        assert!(from_str::<serde::de::IgnoredAny>(&ok).is_ok());
        let deep = format!(
            "a: {}1{}",
            "[".repeat(MAX_DEPTH + 1),
            "]".repeat(MAX_DEPTH + 1)
        );
        let e = from_str::<serde::de::IgnoredAny>(&deep).unwrap_err();
        assert_eq!(e.kind, YamlErrorKind::Budget, "{e:?}");
        assert!(e.message.contains("nests deeper than 32 levels"), "{e:?}");
    }
}
