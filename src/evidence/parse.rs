//! From bytes to a typed [`FrontMatter`], with diagnostics for whatever is wrong.

use std::borrow::Cow;

use jiff::civil::Date;

use super::fast;
use super::frontmatter::{self, SplitError};
use super::raw::{PlainAction, PlainEvidenceItem, RawFrontMatter};
use super::{Action, EvidenceItem, FrontMatter, Located, Status};
use crate::diagnostic::{Code, Diagnostic, IndexedText, excerpt};
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

/// Turns each lone carriage return (old Mac line endings, or a stray one in a mixed file) into a
/// line feed, as editors and YAML treat it, so that every line number `cse` reports is the line
/// an editor shows. CRLF and LF are left as they are.
pub fn normalize_line_endings(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    // `match_indices` of a char finds each `\r` with `memchr`: most files have none.
    let lone_cr = |(i, _): (usize, &str)| bytes.get(i + 1) != Some(&b'\n');
    if !text.match_indices('\r').any(lone_cr) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Parses the front matter of `text`. Returns the typed front matter when it can be read,
/// the body and its first line, and diagnostics (without `element` or `unit` set).
pub fn parse_front_matter<'t>(
    path: &str,
    text: &'t str,
) -> (Option<FrontMatter>, &'t str, u32, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let indexed = IndexedText::new(text);
    let split = match frontmatter::split(text) {
        Ok(s) => s,
        Err(SplitError::NoFrontMatter) => {
            let (message, help) = if text.trim().is_empty() {
                (
                    "the file is empty",
                    "start the file with a `---` line, the YAML fields, then another `---` line (`cse init` writes a template)",
                )
            } else if text.lines().skip(1).any(|l| l.trim_end() == "---") {
                (
                    "the front matter does not start on the first line",
                    "move the `---` block to the very top of the file: nothing may come before it",
                )
            } else {
                (
                    "the file has no front matter",
                    "start the file with a `---` line, the YAML fields, then another `---` line",
                )
            };
            diags.push(
                Diagnostic::new(Code::NoFrontMatter, message)
                    .file(path)
                    .at(&indexed, 1, 1)
                    .help(help),
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
                .at(&indexed, 1, 1)
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
            let d = yaml::diagnostic(e, code, path, &indexed, offset, split.open_line);
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
                        format!("`{field}` is not a real date: `{}`", excerpt(&s.value)),
                    )
                    .file(path)
                    .at(&indexed, line, column)
                    .span_chars(s.value.chars().count())
                    .help(crate::dates::parse(&s.value).err().map_or_else(
                        || "write dates as YYYY-MM-DD, for example 2026-05-14".to_owned(),
                        |e| e.hint(),
                    )),
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
            let help = match (
                Status::from_wording(word),
                suggest::closest(word, Status::words()),
            ) {
                (Some(s), _) => {
                    format!("write `{s}`: the status words are lower case, joined by `-`")
                }
                (None, Some(s)) => format!("did you mean `{s}`?"),
                (None, None) => format!(
                    "use one of: {}",
                    Status::words().collect::<Vec<_>>().join(", ")
                ),
            };
            diags.push(
                Diagnostic::new(
                    Code::InvalidStatus,
                    format!("`{}` is not a status", excerpt(word)),
                )
                .file(path)
                .at(&indexed, sl, sc)
                .span_chars(fields.status.value.chars().count())
                .help(help),
            );
            None
        }
    };
    let has_reviewed = fields.reviewed.is_some();
    let reviewed = date(fields.reviewed, "reviewed", &mut diags);
    let evidence = fields
        .evidence
        .into_iter()
        .map(
            |PlainEvidenceItem {
                 title,
                 path,
                 url,
                 internal,
             }| EvidenceItem {
                title,
                path,
                url,
                internal,
            },
        )
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
        has_reviewed,
        evidence,
        actions,
        close_line: split.body_line - 1,
    };
    (Some(front), split.body, split.body_line, diags)
}

/// A calendar date, `YYYY-MM-DD`, or the date part of a YAML timestamp whose time is real.
pub(crate) fn parse_date(value: &str) -> Option<Date> {
    let value = value.trim();
    let date_part = value.get(..10)?;
    let rest = &value[10..];
    let bytes = date_part.as_bytes();
    if bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    if !rest.is_empty() {
        let time = rest
            .strip_prefix(['T', 't'])
            .or_else(|| rest.starts_with([' ', '\t']).then(|| rest.trim_start()))?;
        if !is_time(time) {
            return None;
        }
    }
    crate::dates::parse(date_part).ok()
}

/// A YAML timestamp's time: `H:MM`, `HH:MM:SS`, optional fraction, optional `Z` or offset.
fn is_time(time: &str) -> bool {
    let number = |s: &str, max: u32| -> bool {
        (1..=2).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|n| n <= max)
    };
    let end = time
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(time.len());
    let (clock, zone) = time.split_at(end);
    let (clock, fraction) = clock.split_once('.').unwrap_or((clock, "0"));
    let parts: Vec<&str> = clock.split(':').collect();
    let clock_ok = match parts[..] {
        [h, m] => number(h, 23) && m.len() == 2 && number(m, 59),
        [h, m, s] => {
            number(h, 23) && m.len() == 2 && number(m, 59) && s.len() == 2 && number(s, 60)
        }
        _ => false,
    };
    let fraction_ok = !fraction.is_empty() && fraction.bytes().all(|b| b.is_ascii_digit());
    let zone = zone.trim_start_matches([' ', '\t']);
    let zone_ok = match zone.as_bytes().first() {
        None => true,
        Some(b'Z' | b'z') => zone.len() == 1,
        Some(b'+' | b'-') => {
            let (h, m) = zone[1..].split_once(':').unwrap_or((&zone[1..], "00"));
            number(h, 14) && m.len() == 2 && number(m, 59)
        }
        Some(_) => false,
    };
    clock_ok && fraction_ok && zone_ok
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
        assert_eq!(parse_date("2026-05-14T25:00:00Z"), None);
        assert_eq!(parse_date("2026-05-14T10:99"), None);
        assert_eq!(parse_date("2026-05-14Tlunchtime"), None);
        assert_eq!(parse_date("2026-05-14T"), None);
        for ok in [
            "2026-05-14 10:00",
            "2026-05-14t10:00:00.5",
            "2026-05-14T10:00:00+01:00",
            "2026-05-14 21:59:43.10 -5",
            "2026-05-14T23:59:60z",
        ] {
            assert_eq!(parse_date(ok), Some(jiff::civil::date(2026, 5, 14)), "{ok}");
        }
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
