//! Changes to an evidence file made in place: the lines of the fields that change are
//! rewritten, and every other line (unknown fields, comments, the narrative) is kept as it is.
//! An edit is checked by parsing the result: if it does not say exactly what was meant, it
//! is refused rather than written.

use jiff::civil::Date;

use super::collapse;
use crate::evidence::{self, FrontMatter, Status, frontmatter};

/// The heading imported narratives are added under.
pub const NARRATIVE_HEADING: &str = "## Imported from the spreadsheet";

/// What to change in one file. `None` and empty lists change nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Edits {
    pub status: Option<Status>,
    pub owner: Option<String>,
    pub reviewed: Option<Date>,
    /// Titles of evidence items to add, without path or url.
    pub add_evidence: Vec<String>,
    /// Text to add at the end of the narrative, under [`NARRATIVE_HEADING`].
    pub narrative: Option<String>,
}

impl Edits {
    pub fn is_empty(&self) -> bool {
        *self == Edits::default()
    }
}

/// Why a file cannot be edited in place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("its front matter cannot be read; fix it first (`cse check` shows how)")]
    Unreadable,
    #[error("`{0}:` is written over several lines or as a block; change it by hand")]
    Complex(&'static str),
    #[error("the edit did not give the values planned; change it by hand")]
    NotVerified,
}

/// `text` with `edits` made, or why that cannot be done safely.
pub fn apply(path: &str, text: &str, edits: &Edits) -> Result<String, EditError> {
    let bom = if text.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let original = &text[bom.len()..];
    let eol = line_ending(original);
    let text = evidence::normalize_line_endings(original);
    let (before, _, _, _) = evidence::parse_front_matter(path, &text);
    let before = before.ok_or(EditError::Unreadable)?;
    let split = frontmatter::split(&text).map_err(|_| EditError::Unreadable)?;
    let mut lines: Vec<String> = split.yaml.lines().map(str::to_owned).collect();
    if let Some(s) = edits.status {
        set_scalar(&mut lines, "status", s.as_str())?;
    }
    if let Some(o) = &edits.owner {
        set_scalar(&mut lines, "owner", &yaml_string(o))?;
    }
    if let Some(d) = edits.reviewed {
        set_scalar(&mut lines, "reviewed", &d.to_string())?;
    }
    if !edits.add_evidence.is_empty() {
        add_evidence(&mut lines, &edits.add_evidence)?;
    }
    let mut front = String::from("---\n");
    for line in &lines {
        front.push_str(line);
        front.push('\n');
    }
    front.push_str("---\n");
    // Normalising changes no lengths, so the body starts at the same place in the original:
    // it is kept byte for byte, whatever its line endings.
    let body = &original[text.len() - split.body.len()..];
    let added = edits.narrative.as_ref().map(|n| {
        let n = n.replace("\r\n", "\n").replace('\r', "\n");
        let gap = if body.trim_end().is_empty() {
            ""
        } else {
            "\n\n"
        };
        format!("{gap}{NARRATIVE_HEADING}\n\n{}\n", n.trim())
    });
    let kept = if added.is_some() {
        body.trim_end()
    } else {
        body
    };
    let added = added.unwrap_or_default();
    let checked = format!(
        "{front}{}{added}",
        evidence::normalize_line_endings(kept).replace("\r\n", "\n")
    );
    let (after, _, _, _) = evidence::parse_front_matter(path, &checked);
    if !says_what_was_meant(&before, after.as_ref(), edits) {
        return Err(EditError::NotVerified);
    }
    let in_file = |s: &str| {
        if eol == "\n" {
            s.to_owned()
        } else {
            s.replace('\n', eol)
        }
    };
    Ok(format!("{bom}{}{kept}{}", in_file(&front), in_file(&added)))
}

/// The file's own line ending: CRLF (Windows), a lone CR (old Mac) or LF.
fn line_ending(text: &str) -> &'static str {
    match text.find('\r') {
        Some(i) if text.as_bytes().get(i + 1) == Some(&b'\n') => "\r\n",
        Some(_) => "\r",
        None => "\n",
    }
}

/// Whether `after` is `before` with exactly `edits` made.
fn says_what_was_meant(before: &FrontMatter, after: Option<&FrontMatter>, edits: &Edits) -> bool {
    let Some(after) = after else { return false };
    let status = |f: &FrontMatter| f.status.as_ref().map(|s| s.value);
    let reviewed = |f: &FrontMatter| f.reviewed.as_ref().map(|d| d.value);
    let item = |i: &evidence::EvidenceItem| {
        (
            i.title.value.clone(),
            i.path.as_ref().map(|p| p.value.clone()),
            i.url.as_ref().map(|u| u.value.clone()),
        )
    };
    let action = |a: &evidence::Action| {
        (
            a.action.value.clone(),
            a.owner.clone(),
            a.due.as_ref().map(|d| d.value),
            a.done,
        )
    };
    let mut items: Vec<_> = before.evidence.iter().map(item).collect();
    items.extend(edits.add_evidence.iter().map(|t| (t.clone(), None, None)));
    after.element.value == before.element.value
        && status(after) == edits.status.or(status(before))
        && after.owner.as_deref().map(str::trim)
            == edits
                .owner
                .as_deref()
                .or(before.owner.as_deref())
                .map(str::trim)
        && reviewed(after) == edits.reviewed.or(reviewed(before))
        && after.evidence.iter().map(item).collect::<Vec<_>>() == items
        && after.actions.iter().map(action).collect::<Vec<_>>()
            == before.actions.iter().map(action).collect::<Vec<_>>()
}

/// A string as a YAML scalar: plain when that reads back as the same string, else quoted.
pub fn yaml_string(value: &str) -> String {
    let plain = value.chars().next().is_some_and(|c| c.is_alphabetic())
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || " &'().,/-".contains(c))
        && !value.ends_with(' ')
        && !matches!(
            value.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n" | "nan" | "inf"
        );
    if plain {
        value.to_owned()
    } else {
        // A JSON string is a valid YAML double-quoted scalar.
        serde_json::Value::String(value.to_owned()).to_string()
    }
}

/// Whether a line starts the top-level key `key`.
fn is_key(line: &str, key: &str) -> bool {
    line.strip_prefix(key)
        .and_then(|rest| rest.strip_prefix(':'))
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
}

/// Whether a line holds a top-level key's value: indented, or a `- ` item at column 0.
fn continues(line: &str) -> bool {
    let content = !line.trim().is_empty() && !line.trim_start().starts_with('#');
    content && (line.starts_with([' ', '\t']) || line == "-" || line.starts_with("- "))
}

/// The lines of top-level key `key`: its own line, and the last line of its value.
fn span(lines: &[String], key: &str) -> Option<(usize, usize)> {
    let start = lines.iter().position(|l| is_key(l, key))?;
    let mut end = start;
    for (i, line) in lines.iter().enumerate().skip(start + 1) {
        if continues(line) {
            end = i;
        } else if !line.trim().is_empty() && !line.trim_start().starts_with('#') {
            break;
        }
    }
    Some((start, end))
}

/// A value's text and its trailing comment (with the space before it), from after `key:`.
fn value_and_comment(rest: &str) -> (&str, &str) {
    let trimmed = rest.trim_start();
    let quote = trimmed.chars().next().filter(|c| *c == '"' || *c == '\'');
    let value_end = match quote {
        Some(q) => {
            let mut escaped = false;
            let mut end = None;
            for (i, c) in trimmed.char_indices().skip(1) {
                if q == '"' && c == '\\' && !escaped {
                    escaped = true;
                    continue;
                }
                if c == q && !escaped {
                    end = Some(i + 1);
                    break;
                }
                escaped = false;
            }
            end.unwrap_or(trimmed.len())
        }
        None => trimmed
            .find(" #")
            .or_else(|| trimmed.find("\t#"))
            .unwrap_or(trimmed.len()),
    };
    let value = trimmed[..value_end].trim_end();
    let comment = &trimmed[value.len()..];
    let comment = if comment.trim().starts_with('#') {
        comment
    } else {
        ""
    };
    (value, comment)
}

/// Sets top-level scalar `key`, keeping a comment after it; adds the key when missing.
fn set_scalar(lines: &mut Vec<String>, key: &'static str, value: &str) -> Result<(), EditError> {
    match span(lines, key) {
        Some((start, end)) => {
            let rest = &lines[start][key.len() + 1..];
            let (old, comment) = value_and_comment(rest);
            if end > start || old.starts_with(['|', '>', '[', '{', '&', '*', '!']) {
                return Err(EditError::Complex(key));
            }
            lines[start] = format!("{key}: {value}{comment}");
        }
        None => {
            let order = ["element", "status", "owner", "reviewed"];
            let at = order
                .iter()
                .take_while(|k| **k != key)
                .filter_map(|k| span(lines, k))
                .map(|(_, end)| end + 1)
                .max()
                .unwrap_or(0);
            lines.insert(at, format!("{key}: {value}"));
        }
    }
    Ok(())
}

/// Adds evidence items with a title only, after the existing ones.
fn add_evidence(lines: &mut Vec<String>, titles: &[String]) -> Result<(), EditError> {
    let item = |indent: &str, t: &String| format!("{indent}- title: {}", yaml_string(t));
    match span(lines, "evidence") {
        Some((start, end)) => {
            let (old, comment) = value_and_comment(&lines[start]["evidence".len() + 1..]);
            let empty = matches!(old, "" | "[]" | "~" | "null");
            if !empty || (end > start && !old.is_empty()) {
                return Err(EditError::Complex("evidence"));
            }
            let indent = lines[start + 1..=end]
                .iter()
                .find(|l| l.trim_start().starts_with('-'))
                .map(|l| l[..l.len() - l.trim_start().len()].to_owned())
                .unwrap_or_else(|| "  ".to_owned());
            lines[start] = format!("evidence:{comment}");
            let new: Vec<String> = titles.iter().map(|t| item(&indent, t)).collect();
            lines.splice(end + 1..end + 1, new);
        }
        None => {
            let at = lines
                .iter()
                .position(|l| is_key(l, "actions"))
                .unwrap_or(lines.len());
            let mut new = vec!["evidence:".to_owned()];
            new.extend(titles.iter().map(|t| item("  ", t)));
            lines.splice(at..at, new);
        }
    }
    Ok(())
}

/// Whether `body` already holds `narrative` (spacing aside), so it need not be added again.
pub fn has_narrative(body: &str, narrative: &str) -> bool {
    collapse(body).contains(&collapse(narrative))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = concat!(
        "---\n",
        "element: 1.1.1\n",
        "status: partial   # agreed at the March meeting\n",
        "owner: \"\"\n",
        "reviewed:\n",
        "# our own note\n",
        "evidence:\n",
        "  - title: Survey\n",
        "    path: ../docs/survey.md\n",
        "  # more to come\n",
        "actions: []\n",
        "---\n",
        "# 1.1.1\n\nWe do things.\n",
    );

    fn edits() -> Edits {
        Edits {
            status: Some(Status::Compliant),
            owner: Some("Head of Libraries".into()),
            reviewed: Some(Date::new(2026, 11, 20).unwrap()),
            add_evidence: vec!["Board minutes: May".into()],
            narrative: Some("We survey every year.".into()),
        }
    }

    #[test]
    fn changes_only_the_planned_lines() {
        let out = apply("evidence/1.1.1.md", FILE, &edits()).unwrap();
        assert_eq!(
            out,
            concat!(
                "---\n",
                "element: 1.1.1\n",
                "status: compliant   # agreed at the March meeting\n",
                "owner: Head of Libraries\n",
                "reviewed: 2026-11-20\n",
                "# our own note\n",
                "evidence:\n",
                "  - title: Survey\n",
                "    path: ../docs/survey.md\n",
                "  - title: \"Board minutes: May\"\n",
                "  # more to come\n",
                "actions: []\n",
                "---\n",
                "# 1.1.1\n\nWe do things.\n\n## Imported from the spreadsheet\n\nWe survey every year.\n",
            )
        );
    }

    #[test]
    fn fills_a_fresh_template_and_keeps_crlf() {
        let template = "---\r\nelement: 1.1.1\r\nstatus: not-assessed\r\nowner: \"\"\r\nreviewed:\r\nevidence: []\r\nactions: []\r\n---\r\n# x\r\n";
        let out = apply("evidence/1.1.1.md", template, &edits()).unwrap();
        assert!(
            out.contains("evidence:\r\n  - title: \"Board minutes: May\"\r\nactions: []\r\n"),
            "{out}"
        );
        assert!(!out.replace("\r\n", "").contains('\n'));
        let with_bom = apply(
            "evidence/1.1.1.md",
            &format!("\u{feff}{template}"),
            &edits(),
        )
        .unwrap();
        assert_eq!(with_bom, format!("\u{feff}{out}"));
    }

    #[test]
    fn keeps_the_body_byte_for_byte_whatever_its_line_endings() {
        let owner_only = Edits {
            owner: Some("New".into()),
            ..Edits::default()
        };
        for eol in ["\r\n", "\r", "\n"] {
            let file =
                "---\nelement: 1.2.3\nstatus: partial\nowner: Old\n---\nLine one\nLine two\n"
                    .replace('\n', eol);
            let out = apply("evidence/1.2.3.md", &file, &owner_only).unwrap();
            assert_eq!(out, file.replace("owner: Old", "owner: New"), "{eol:?}");
        }
        // A body with mixed endings is not touched either; what is added follows the file.
        let mixed = "---\r\nelement: 1.2.3\r\nstatus: partial\r\n---\r\nOne\nTwo\r\n";
        let added = Edits {
            narrative: Some("Three\r\nFour".into()),
            ..Edits::default()
        };
        let out = apply("evidence/1.2.3.md", mixed, &added).unwrap();
        assert_eq!(
            out,
            "---\r\nelement: 1.2.3\r\nstatus: partial\r\n---\r\nOne\nTwo\r\n\r\n## Imported from the spreadsheet\r\n\r\nThree\r\nFour\r\n"
        );
    }

    #[test]
    fn adds_missing_keys_in_order() {
        let file = "---\nelement: 1.1.1\nstatus: partial\n---\n";
        let out = apply("evidence/1.1.1.md", file, &edits()).unwrap();
        assert!(out.starts_with(
            "---\nelement: 1.1.1\nstatus: compliant\nowner: Head of Libraries\nreviewed: 2026-11-20\nevidence:\n  - title: \"Board minutes: May\"\n---\n"
        ), "{out}");
    }

    #[test]
    fn refuses_what_it_cannot_edit_safely() {
        let block = "---\nelement: 1.1.1\nstatus: partial\nowner: >\n  Head of\n  Libraries\n---\n";
        assert_eq!(
            apply("evidence/1.1.1.md", block, &edits()),
            Err(EditError::Complex("owner"))
        );
        let flow = "---\nelement: 1.1.1\nstatus: partial\nevidence: [{title: a, url: 'https://x.org'}]\n---\n";
        let only_evidence = Edits {
            add_evidence: vec!["b".into()],
            ..Edits::default()
        };
        assert_eq!(
            apply("evidence/1.1.1.md", flow, &only_evidence),
            Err(EditError::Complex("evidence"))
        );
        assert_eq!(
            apply("evidence/1.1.1.md", "no front matter", &only_evidence),
            Err(EditError::Unreadable)
        );
    }

    #[test]
    fn strings_read_back_as_written() {
        for s in [
            "Head of Libraries",
            "yes",
            "12",
            "a: b",
            "x # y",
            "\"q\"",
            "- dash",
            "Café",
        ] {
            let yaml = format!("v: {}", yaml_string(s));
            let v: std::collections::BTreeMap<String, String> =
                crate::yaml::from_str(&yaml).unwrap();
            assert_eq!(v["v"], s, "{yaml}");
        }
    }
}
