//! From bytes to a typed [`FrontMatter`], with diagnostics for whatever is wrong.

use jiff::civil::Date;

use super::fast;
use super::frontmatter::{self, SplitError};
use super::raw::{PlainAction, PlainEvidenceItem, RawFrontMatter};
use super::{Action, EvidenceItem, FrontMatter, Located, Status};
use crate::diagnostic::{Code, Diagnostic};
use crate::suggest;
use crate::yaml::{self, YamlErrorKind};

/// The text of a file, or why it has none.
pub enum Decoded<'a> {
    Text(&'a str),
    Unreadable(Diagnostic),
}

/// Decodes UTF-8 (dropping a BOM). Binary, UTF-16 and invalid UTF-8 are unreadable.
pub fn decode<'a>(path: &str, bytes: &'a [u8]) -> Decoded<'a> {
    let unreadable = |message: String, help: &str| {
        Decoded::Unreadable(
            Diagnostic::new(Code::UnreadableFile, message)
                .file(path)
                .help(help),
        )
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return unreadable(
            "the file is UTF-16 text".into(),
            "save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)",
        );
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return unreadable(
            "the file is binary, not markdown text".into(),
            "evidence files must be UTF-8 markdown; link binary documents from `evidence:` instead",
        );
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded::Text(text),
        Err(e) => {
            let before = &bytes[..e.valid_up_to()];
            let line = before.iter().filter(|b| **b == b'\n').count() + 1;
            unreadable(
                format!("the file is not valid UTF-8 (first bad byte on line {line})"),
                "save the file as UTF-8",
            )
        }
    }
}

/// Parses the front matter of `text`. Returns the typed front matter when it can be read,
/// the body and its first line, and diagnostics (without `element` or `unit` set).
pub fn parse_front_matter<'t>(
    path: &str,
    text: &'t str,
) -> (Option<FrontMatter>, &'t str, u32, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let split = match frontmatter::split(text) {
        Ok(s) => s,
        Err(SplitError::NoFrontMatter) => {
            diags.push(
                Diagnostic::new(Code::NoFrontMatter, "the file has no front matter")
                    .file(path)
                    .at(text, 1, 1)
                    .help("start the file with a `---` line, the YAML fields, then another `---` line"),
            );
            return (None, text, 1, diags);
        }
        Err(SplitError::Unclosed) => {
            diags.push(
                Diagnostic::new(
                    Code::UnclosedFrontMatter,
                    "the front matter is never closed",
                )
                .file(path)
                .at(text, 1, 1)
                .span_chars(3)
                .help("add a line holding only `---` after the last YAML field"),
            );
            return (None, "", 1, diags);
        }
    };
    let offset = split.yaml_line - 1;
    let parsed = match fast::parse(split.yaml, offset) {
        Some(plain) => Ok(plain),
        None => yaml::from_str::<RawFrontMatter>(split.yaml)
            .map(|raw| raw.into_plain(offset, split.open_line)),
    };
    let fields = match parsed {
        Ok(fields) => fields,
        Err(e) => {
            let code = match e.kind {
                YamlErrorKind::UnknownField => Code::UnknownField,
                YamlErrorKind::InvalidValue => Code::InvalidValue,
                YamlErrorKind::Syntax | YamlErrorKind::DuplicateKey | YamlErrorKind::Budget => {
                    Code::YamlSyntax
                }
            };
            let key_len = match e.kind {
                YamlErrorKind::UnknownField | YamlErrorKind::DuplicateKey => {
                    e.message.split('`').nth(1).map(|k| k.chars().count())
                }
                _ => None,
            };
            let mut d = Diagnostic::new(code, e.message).file(path);
            if let Some(n) = key_len {
                d = d.span_chars(n);
            }
            d = match (e.line, e.column) {
                (Some(l), Some(c)) => d.at(text, l + offset, c),
                _ => d.at(text, split.open_line, 1),
            };
            if let Some(help) = e.help {
                d = d.help(help);
            }
            diags.push(d);
            return (None, split.body, split.body_line, diags);
        }
    };

    let date = |s: Option<Located<String>>, field: &str, diags: &mut Vec<Diagnostic>| {
        let s = s?;
        let (line, column) = (s.line, s.column);
        match parse_date(&s.value) {
            Some(value) => Some(Located {
                value,
                line,
                column,
            }),
            None => {
                diags.push(
                    Diagnostic::new(
                        Code::InvalidDate,
                        format!("`{field}` is not a real date: `{}`", s.value),
                    )
                    .file(path)
                    .at(text, line, column)
                    .span_chars(s.value.chars().count())
                    .help("write dates as YYYY-MM-DD, for example 2026-05-14"),
                );
                None
            }
        }
    };

    let (sl, sc) = (fields.status.line, fields.status.column);
    let status = match Status::parse(fields.status.value.trim()) {
        Some(value) => Some(Located {
            value,
            line: sl,
            column: sc,
        }),
        None => {
            let word = fields.status.value.trim();
            let help = match suggest::closest(word, Status::words()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!(
                    "use one of: {}",
                    Status::words().collect::<Vec<_>>().join(", ")
                ),
            };
            diags.push(
                Diagnostic::new(Code::InvalidStatus, format!("`{word}` is not a status"))
                    .file(path)
                    .at(text, sl, sc)
                    .span_chars(fields.status.value.chars().count())
                    .help(help),
            );
            None
        }
    };
    let reviewed = date(fields.reviewed, "reviewed", &mut diags);
    let evidence = fields
        .evidence
        .into_iter()
        .map(|PlainEvidenceItem { title, path, url }| EvidenceItem { title, path, url })
        .collect();
    let actions = fields
        .actions
        .into_iter()
        .map(
            |PlainAction {
                 action,
                 owner,
                 due,
                 done,
             }| Action {
                action,
                owner: owner.filter(|o| !o.trim().is_empty()),
                due: date(due, "due", &mut diags),
                done,
            },
        )
        .collect();
    let front = FrontMatter {
        element: fields.element,
        status,
        owner: fields.owner.filter(|o| !o.trim().is_empty()),
        reviewed,
        evidence,
        actions,
        close_line: split.body_line - 1,
    };
    (Some(front), split.body, split.body_line, diags)
}

/// A calendar date, `YYYY-MM-DD`, or the date part of a YAML timestamp.
fn parse_date(value: &str) -> Option<Date> {
    let value = value.trim();
    let date_part = value.get(..10)?;
    let rest = &value[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    let bytes = date_part.as_bytes();
    if bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    date_part.parse::<Date>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2026-05-14"),
            Some(jiff::civil::date(2026, 5, 14))
        );
        assert_eq!(
            parse_date("2026-05-14T10:00:00Z"),
            Some(jiff::civil::date(2026, 5, 14))
        );
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("14/05/2026"), None);
        assert_eq!(parse_date("2026-5-14"), None);
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("2026-05-14x"), None);
    }

    #[test]
    fn parses_the_documented_format() {
        let text = "---\nelement: 1.2.2\nstatus: compliant\nowner: Manager\nreviewed: 2026-05-14\nevidence:\n  - title: Report\n    path: ../docs/r.pdf\nactions:\n  - action: Publish\n    due: 2026-12-31\n    done: false\n---\nBody\n";
        let (front, body, body_line, diags) = parse_front_matter("evidence/1.2.2.md", text);
        assert!(diags.is_empty(), "{diags:?}");
        let front = front.unwrap();
        assert_eq!(front.element.value, "1.2.2");
        assert_eq!((front.element.line, front.element.column), (2, 10));
        assert_eq!(front.status.unwrap().value, Status::Compliant);
        assert_eq!(front.evidence[0].path.as_ref().unwrap().line, 8);
        assert_eq!(
            front.actions[0].due.as_ref().unwrap().value,
            jiff::civil::date(2026, 12, 31)
        );
        assert_eq!((body, body_line), ("Body\n", 14));
    }

    #[test]
    fn positions_are_in_the_md_file() {
        let text = "---\nelement: 1.1.1\nstatus: complaint\n---\n";
        let (_, _, _, diags) = parse_front_matter("f.md", text);
        assert_eq!(diags[0].code, Code::InvalidStatus);
        assert_eq!((diags[0].line, diags[0].column), (Some(3), Some(9)));
        assert_eq!(diags[0].help.as_deref(), Some("did you mean `compliant`?"));
    }

    #[test]
    fn unknown_field_suggests() {
        let text = "---\nelement: 1.1.1\nstatus: compliant\nownr: X\n---\n";
        let (front, _, _, diags) = parse_front_matter("f.md", text);
        assert!(front.is_none());
        assert_eq!(diags[0].code, Code::UnknownField);
        assert_eq!(diags[0].line, Some(4));
        assert_eq!(diags[0].help.as_deref(), Some("did you mean `owner`?"));
    }

    #[test]
    fn loose_scalars_are_accepted() {
        let text = "---\nelement: 1.1.1\nstatus: partial\nowner: 42\nreviewed: \"2026-05-14\"\nactions:\n  - action: A\n    done: yes\n  - action: B\n    done: off\n---\n";
        let (front, _, _, diags) = parse_front_matter("f.md", text);
        assert!(diags.is_empty(), "{diags:?}");
        let front = front.unwrap();
        assert_eq!(front.owner.as_deref(), Some("42"));
        assert!(front.actions[0].done && !front.actions[1].done);
        assert_eq!(
            front.reviewed.unwrap().value,
            jiff::civil::date(2026, 5, 14)
        );
    }

    #[test]
    fn element_written_as_a_number() {
        let text = "---\nelement: 1.2\nstatus: partial\n---\n";
        let (front, _, _, diags) = parse_front_matter("f.md", text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(front.unwrap().element.value, "1.2");
    }
}
