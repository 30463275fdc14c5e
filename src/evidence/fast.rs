//! A fast path for the plain front matter nearly every evidence file has.
//!
//! Full YAML parsing is most of the time `cse check` spends. This reader accepts only a strict
//! subset whose meaning is never in doubt: known keys at fixed indentation, one-line plain
//! values, `evidence:` and `actions:` lists of one-line `key: value` entries, blank lines and
//! comments. On anything else (quotes, flow style, multi-line values, anchors, tabs, CR,
//! duplicate or unknown keys, missing fields, values YAML could read as a number, bool or
//! null) it returns `None` and the caller uses the full YAML parser, which also reports errors.
//! A property test checks that whenever this answers, the full parser gives the same answer.

use super::Located;
use super::raw::{PlainAction, PlainEvidenceItem, PlainFrontMatter};

/// Longer front matter goes to the full parser, which enforces the YAML budgets.
const MAX_LINES: usize = 2_000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    Evidence,
    Actions,
}

/// One `key: value` entry of a list item, still untyped, borrowed from its line.
type Entry<'a> = (&'static str, Located<&'a str>);

/// A value kept: copied out of the line it was read from.
fn owned(value: &Located<&str>) -> Located<String> {
    Located {
        value: value.value.to_owned(),
        line: value.line,
        column: value.column,
    }
}

/// Parses `yaml` (the text between the fences), whose first line is line `offset + 1` of the file.
pub(super) fn parse(yaml: &str, offset: u32) -> Option<PlainFrontMatter> {
    if yaml.contains(['\t', '\r']) || yaml.lines().count() > MAX_LINES {
        return None;
    }
    let mut element = None;
    let mut status = None;
    let mut owner = None;
    let mut reviewed = None;
    let mut evidence: Option<Vec<PlainEvidenceItem>> = None;
    let mut actions: Option<Vec<PlainAction>> = None;
    // The open list, its dash indentation once known, and the item being read.
    let mut list: Option<List> = None;
    let mut dash_indent: Option<usize> = None;
    let mut item: Option<Vec<Entry>> = None;

    for (index, line) in yaml.split('\n').enumerate() {
        let number = offset + index as u32 + 1;
        let content = line.trim_start_matches(' ');
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        if line.chars().any(not_plain_text) {
            return None;
        }
        let indent = line.len() - content.len();
        let is_item = content.starts_with("- ");
        if let (Some(kind), true) = (list, is_item)
            && dash_indent.is_none_or(|d| d == indent)
        {
            dash_indent = Some(indent);
            if let Some(entries) = item.take() {
                push_item(kind, entries, &mut evidence, &mut actions)?;
            }
            let mut entries = Vec::new();
            add_entry(kind, line, indent + 2, number, &mut entries)?;
            item = Some(entries);
        } else if indent == 0 {
            if let (Some(kind), Some(entries)) = (list, item.take()) {
                push_item(kind, entries, &mut evidence, &mut actions)?;
            }
            list = None;
            dash_indent = None;
            let (key, value) = key_value(line, 0, number)?;
            let slot = match key {
                "element" => &mut element,
                "status" => &mut status,
                "reviewed" => &mut reviewed,
                "owner" => {
                    if owner.is_some() {
                        return None;
                    }
                    owner = Some(value?.value.to_owned());
                    continue;
                }
                "evidence" | "actions" => {
                    let kind = if key == "evidence" {
                        List::Evidence
                    } else {
                        List::Actions
                    };
                    let seen = match kind {
                        List::Evidence => evidence.replace(Vec::new()).is_some(),
                        List::Actions => actions.replace(Vec::new()).is_some(),
                    };
                    if seen || value.is_some() {
                        return None;
                    }
                    list = Some(kind);
                    continue;
                }
                _ => return None,
            };
            if slot.replace(owned(&value?)).is_some() {
                return None;
            }
        } else {
            let (Some(kind), Some(entries), Some(dash)) = (list, item.as_mut(), dash_indent) else {
                return None;
            };
            if indent != dash + 2 {
                return None;
            }
            add_entry(kind, line, indent, number, entries)?;
        }
    }
    if let (Some(kind), Some(entries)) = (list, item.take()) {
        push_item(kind, entries, &mut evidence, &mut actions)?;
    }
    // An empty list is YAML null, which the full parser handles.
    if evidence.as_ref().is_some_and(Vec::is_empty) || actions.as_ref().is_some_and(Vec::is_empty) {
        return None;
    }
    Some(PlainFrontMatter {
        element: element?,
        status: status?,
        owner,
        reviewed,
        evidence: evidence.unwrap_or_default(),
        actions: actions.unwrap_or_default(),
    })
}

/// Characters YAML does not allow, treats as line breaks, or that we would rather not judge.
fn not_plain_text(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'
        )
}

/// Reads the `key: value` of a list item starting at byte `at` of `line` into `entries`.
fn add_entry<'a>(
    kind: List,
    line: &'a str,
    at: usize,
    number: u32,
    entries: &mut Vec<Entry<'a>>,
) -> Option<()> {
    let (key, value) = key_value(line, at, number)?;
    let keys: &[&'static str] = match kind {
        List::Evidence => &["title", "path", "url"],
        List::Actions => &["action", "owner", "due", "done"],
    };
    let key = keys.iter().copied().find(|k| *k == key)?;
    if entries.iter().any(|(k, _)| *k == key) {
        return None;
    }
    entries.push((key, value?));
    Some(())
}

fn push_item(
    kind: List,
    entries: Vec<Entry<'_>>,
    evidence: &mut Option<Vec<PlainEvidenceItem>>,
    actions: &mut Option<Vec<PlainAction>>,
) -> Option<()> {
    let find = |key: &str| entries.iter().find(|(k, _)| *k == key).map(|(_, v)| v);
    let get = |key: &str| find(key).map(owned);
    match kind {
        List::Evidence => evidence.as_mut()?.push(PlainEvidenceItem {
            title: get("title")?,
            path: get("path"),
            url: get("url"),
            // `internal:` is left to the full parser.
            internal: false,
        }),
        List::Actions => actions.as_mut()?.push(PlainAction {
            action: get("action")?,
            owner: find("owner").map(|o| o.value.to_owned()),
            due: get("due"),
            done: match find("done").map(|d| d.value) {
                None | Some("false") => false,
                Some("true") => true,
                Some(_) => return None,
            },
        }),
    }
    Some(())
}

/// `key: value` with the key starting at byte `at` of `line`: the key, and the value with its
/// position (`None` when nothing follows the colon). `None` when the line is not that simple.
fn key_value(line: &str, at: usize, number: u32) -> Option<(&str, Option<Located<&str>>)> {
    let rest = line.get(at..)?;
    let key_len = rest.bytes().take_while(u8::is_ascii_lowercase).count();
    let (key, after) = rest.split_at(key_len);
    let after = after.strip_prefix(':')?;
    if key.is_empty() || !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    let value_part = match after.find('#') {
        // A comment starts at a `#` after a space; any other `#` goes to the full parser.
        Some(i) if after[..i].ends_with(' ') => &after[..i],
        Some(_) => return None,
        None => after,
    };
    let value = value_part.trim_matches(' ');
    if value.is_empty() {
        return Some((key, None));
    }
    let simple = if key == "done" {
        matches!(value, "true" | "false")
    } else {
        is_plain_string(value)
    };
    if !simple {
        return None;
    }
    let start = at + key_len + 1 + (value_part.len() - value_part.trim_start_matches(' ').len());
    Some((
        key,
        Some(Located {
            value,
            line: number,
            column: start as u32 + 1,
        }),
    ))
}

/// A one-line plain scalar that YAML reads as exactly this text.
fn is_plain_string(value: &str) -> bool {
    let first = value.as_bytes()[0];
    if b"-?:,[]{}#&*!|>'\"%@`".contains(&first) || value.contains(": ") || value.ends_with(':') {
        return false;
    }
    if might_be_number(value) {
        // Numbers go to the full parser; element ids and dates are common and safe.
        return is_element_id(value) || is_date(value);
    }
    !matches!(
        value.to_ascii_lowercase().as_str(),
        "~" | "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
    )
}

/// Starts like a YAML number (`12`, `+1`, `.5`, `.inf`); paths such as `../docs` do not.
fn might_be_number(value: &str) -> bool {
    let unsigned = value.strip_prefix('+').unwrap_or(value);
    let b = unsigned.as_bytes();
    match b.first() {
        Some(c) if c.is_ascii_digit() => true,
        Some(b'.') => {
            b.get(1).is_some_and(u8::is_ascii_digit)
                || matches!(unsigned.to_ascii_lowercase().as_str(), ".inf" | ".nan")
        }
        _ => unsigned.len() != value.len(),
    }
}

/// `1.2.3`: digits with at least two dots, never a YAML number.
fn is_element_id(value: &str) -> bool {
    let parts: Vec<&str> = value.split('.').collect();
    parts.len() >= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// `YYYY-MM-DD`.
fn is_date(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::evidence::raw::RawFrontMatter;

    /// What the full YAML parser makes of `yaml`.
    fn full(yaml: &str, offset: u32) -> Option<PlainFrontMatter> {
        crate::yaml::from_str::<RawFrontMatter>(yaml)
            .ok()
            .map(|raw| raw.into_plain(offset, 1))
    }

    fn agree(yaml: &str) -> Option<PlainFrontMatter> {
        let fast = parse(yaml, 1);
        if let Some(f) = &fast {
            assert_eq!(
                Some(f),
                full(yaml, 1).as_ref(),
                "the parsers disagree on:\n{yaml}"
            );
        }
        fast
    }

    #[test]
    fn reads_the_documented_format() {
        let yaml = "element: 1.2.2\nstatus: compliant        # not-assessed | compliant\nowner: Service Development Manager\nreviewed: 2026-05-14\nevidence:\n  - title: Consultation report 2026\n    path: ../docs/consultation-2026.pdf   # relative\n  - title: Web page\n    url: https://example.org/you-said-we-did\nactions:\n  - action: Publish the survey results on the website\n    owner: Web team\n    due: 2026-12-31\n    done: false\n";
        let f = agree(yaml).expect("the fast path takes the documented format");
        assert_eq!(
            (f.element.value.as_str(), f.element.line, f.element.column),
            ("1.2.2", 2, 10)
        );
        assert_eq!(f.status.value, "compliant");
        assert_eq!(f.evidence.len(), 2);
        assert_eq!(
            f.evidence[0].path.as_ref().unwrap().value,
            "../docs/consultation-2026.pdf"
        );
        assert_eq!(f.evidence[1].url.as_ref().unwrap().line, 10);
        assert_eq!(f.actions[0].owner.as_deref(), Some("Web team"));
        assert!(!f.actions[0].done);
    }

    #[test]
    fn lists_may_start_at_the_margin() {
        let f = agree(
            "element: 1.1.1\nstatus: partial\nactions:\n- action: Do it\n  done: true\nowner: Me\n",
        )
        .unwrap();
        assert!(f.actions[0].done);
        assert_eq!(f.owner.as_deref(), Some("Me"));
    }

    #[test]
    fn leaves_anything_unusual_to_the_full_parser() {
        for yaml in [
            "element: 1.1.1\nstatus: compliant\nowner: \"Quoted\"\n",
            "element: 1.1.1\nstatus: compliant\nowner: 42\n",
            "element: 1.2\nstatus: compliant\n",
            "element: 1.1.1\nstatus: compliant\nowner: Two\n  lines\n",
            "element: 1.1.1\nstatus: compliant\nstatus: partial\n",
            "element: 1.1.1\nstatus: compliant\nownr: X\n",
            "element: 1.1.1\n",
            "element: 1.1.1\r\nstatus: compliant\r\n",
            "element: 1.1.1\nstatus:\tcompliant\n",
            "element: 1.1.1\nstatus: compliant\nevidence: []\n",
            "element: 1.1.1\nstatus: compliant\nevidence:\n",
            "element: 1.1.1\nstatus: compliant\nactions:\n  - action: A\n    done: yes\n",
            "element: 1.1.1\nstatus: compliant\nowner: null\n",
            "element: &a 1.1.1\nstatus: compliant\n",
            "element: 1.1.1\nstatus: compliant\nevidence:\n  - title: A\n     path: x\n",
            "element: 1.1.1\nstatus: compliant\nevidence:\n  - path: x\n",
            "element: 1.1.1\nstatus: compliant\nowner: a: b\n",
            "element: 1.1.1\nstatus: compliant\nowner: C#\n",
            "",
        ] {
            assert_eq!(agree(yaml), None, "{yaml}");
        }
    }

    /// Mostly values the fast path takes, sometimes ones it must leave alone.
    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            19 => safe_value(),
            1 => tricky_value(),
        ]
    }

    fn safe_value() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("1.2.2".to_owned()),
            Just("2026-05-14".to_owned()),
            Just("2026-02-30".to_owned()),
            Just("compliant".to_owned()),
            Just("not-assessed".to_owned()),
            Just("https://example.org/a?b=1".to_owned()),
            Just("../docs/a b.pdf".to_owned()),
            Just("./x.md".to_owned()),
            Just("Library Manager".to_owned()),
            Just("café, \"quoted\" [x] {y}".to_owned()),
            Just("a #comment".to_owned()),
            Just("1:20".to_owned()),
            "[A-Za-z][A-Za-z0-9 ./,()'\"-]{0,15}",
            "[a-zé][\\PC&&[^:#]]{0,8}",
        ]
    }

    fn tricky_value() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("true".to_owned()),
            Just("false".to_owned()),
            Just("x: y".to_owned()),
            Just("0x1F".to_owned()),
            Just("1_000".to_owned()),
            Just("1.10".to_owned()),
            Just("~".to_owned()),
            Just("No".to_owned()),
            Just(".5".to_owned()),
            Just("+1".to_owned()),
            Just("- item".to_owned()),
            Just("C#".to_owned()),
            Just("".to_owned()),
            Just("\"quoted\"".to_owned()),
            Just("'single'".to_owned()),
            Just("&anchor x".to_owned()),
            Just("*alias".to_owned()),
            Just("!tag x".to_owned()),
            Just("|".to_owned()),
            Just("trailing:".to_owned()),
            "[ -~]{0,12}",
            "\\PC{1,6}",
        ]
    }

    fn noise() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("   ".to_owned()),
            Just("# a comment".to_owned()),
            Just("    # indented comment".to_owned()),
            Just("  continued words".to_owned()),
            (value(), 0usize..7).prop_map(|(v, n)| format!("{}{v}", " ".repeat(n))),
            (value(), value()).prop_map(|(k, v)| format!("{k}: {v}")),
            "[ -~]{0,16}",
        ]
    }

    /// Mostly well-formed front matter with tricky values, odd indentation and stray lines.
    fn document() -> impl Strategy<Value = String> {
        use proptest::collection::vec;
        use proptest::option::of;
        use proptest::sample::select;
        let done = prop_oneof![
            3 => Just("true".to_owned()),
            3 => Just("false".to_owned()),
            1 => value(),
        ];
        // Each item's entries, the first one on the dash line; sometimes with a misspelt key.
        let evidence_item = (value(), of(value()), of(value()), 0usize..3, any::<bool>()).prop_map(
            |(t, p, u, rotate, typo)| {
                let mut e = vec![("title", t)];
                e.extend(p.map(|p| ("path", p)));
                e.extend(u.map(|u| ("url", u)));
                if typo && rotate == 0 {
                    e.push(("titl", "x".to_owned()));
                }
                let n = rotate % e.len();
                e.rotate_left(n);
                e
            },
        );
        let action_item = (value(), of(value()), of(value()), of(done), 0usize..4).prop_map(
            |(a, o, due, done, rotate)| {
                let mut e = vec![("action", a)];
                e.extend(o.map(|o| ("owner", o)));
                e.extend(due.map(|d| ("due", d)));
                e.extend(done.map(|d| ("done", d)));
                let n = rotate % e.len();
                e.rotate_left(n);
                e
            },
        );
        (
            (value(), value(), of(value()), of(value())),
            of(vec(evidence_item, 0..4)),
            of(vec(action_item, 0..4)),
            (select(&[0usize, 2, 4][..]), select(&[0usize, 0, 0, 1][..])),
            vec((0usize..40, noise()), 0..2),
        )
            .prop_map(|((e, s, o, r), evidence, actions, (dash, skew), noise)| {
                let mut lines = vec![format!("element: {e}"), format!("status: {s}")];
                if let Some(o) = o {
                    lines.push(format!("owner: {o}"));
                }
                if let Some(r) = r {
                    lines.push(format!("reviewed: {r}"));
                }
                for (name, list) in [("evidence", evidence), ("actions", actions)] {
                    let Some(list) = list else { continue };
                    lines.push(format!("{name}:"));
                    for item in list {
                        for (i, (k, v)) in item.iter().enumerate() {
                            let lead = if i == 0 {
                                format!("{}- ", " ".repeat(dash))
                            } else {
                                " ".repeat(dash + 2 + skew)
                            };
                            lines.push(format!("{lead}{k}: {v}"));
                        }
                    }
                }
                for (at, l) in noise {
                    let at = at % (lines.len() + 1);
                    lines.insert(at, l);
                }
                lines.join("\n") + "\n"
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// Whenever the fast path answers, the full YAML parser gives the same answer.
        #[test]
        fn fast_path_agrees_with_the_full_parser(yaml in document()) {
            agree(&yaml);
        }
    }
}
