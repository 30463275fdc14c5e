//! `cse due --format ics`: an RFC 5545 calendar with one all-day event per item.
//!
//! Each event's UID is derived from what the item is (kind, unit, element, action text and
//! the organisation), never from its date, so importing a newer calendar updates events
//! rather than adding copies. Text is escaped (RFC 5545 3.3.11) and lines are folded at
//! 75 octets (3.1).

use crate::render::escape::ics as text;
use crate::views::due::{DueItem, DueKind, DueReport};

const MAX_LINE_OCTETS: usize = 75;

pub fn render(report: &DueReport, name: Option<&str>) -> String {
    let mut out = String::new();
    let calendar = match name {
        Some(n) => format!("CSE due dates: {n}"),
        None => "CSE due dates".to_owned(),
    };
    for line in [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//cse//cse due//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        format!("X-WR-CALNAME:{}", text(&calendar)),
    ] {
        push_line(&mut out, &line);
    }
    let stamp = format!("{}T000000Z", compact(report.today));
    let items: Vec<&DueItem> = report.items().collect();
    for (item, uid) in items.iter().zip(uids(&items, name)) {
        event(&mut out, item, &stamp, &uid);
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

fn event(out: &mut String, item: &DueItem, stamp: &str, uid: &str) {
    let element = super::element_label(item);
    let owner = super::owner_name(item.owner.as_deref());
    let summary = match item.kind {
        DueKind::Review => format!("Review evidence for {element}"),
        DueKind::Action => format!("{element}: {}", item.what),
    };
    let summary = if item.overdue {
        format!("Overdue: {summary}")
    } else {
        summary
    };
    let description = format!(
        "{}\nElement: {element}\nOwner: {owner}\nFile: {}:{}",
        super::what(item),
        item.file,
        item.line
    );
    let end = item.due.tomorrow().unwrap_or(item.due);
    for line in [
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{uid}"),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{}", compact(item.due)),
        format!("DTEND;VALUE=DATE:{}", compact(end)),
        format!("SUMMARY:{}", text(&summary)),
        format!("DESCRIPTION:{}", text(&description)),
        format!("CATEGORIES:{}", item.kind.as_str()),
        "TRANSP:TRANSPARENT".to_owned(),
        "END:VEVENT".to_owned(),
    ] {
        push_line(out, &line);
    }
}

/// `20261231`.
fn compact(date: jiff::civil::Date) -> String {
    date.strftime("%Y%m%d").to_string()
}

/// Each item's UID, unique in the calendar: when one element lists the same action twice (a
/// newsletter each quarter), the later ones in the file get `-2`, `-3`, … so no calendar
/// drops one as a copy of another.
fn uids(items: &[&DueItem], name: Option<&str>) -> Vec<String> {
    let bases: Vec<String> = items.iter().map(|item| uid(item, name)).collect();
    let mut same: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (i, base) in bases.iter().enumerate() {
        same.entry(base).or_default().push(i);
    }
    let mut out: Vec<String> = bases.iter().map(|b| format!("{b}@cse")).collect();
    for mut group in same.into_values().filter(|g| g.len() > 1) {
        group.sort_by_key(|&i| (&items[i].file, items[i].line));
        for (n, &i) in group.iter().enumerate().skip(1) {
            out[i] = format!("{}-{}@cse", bases[i], n + 1);
        }
    }
    out
}

/// An id (before `@cse`) that stays the same while the item is the same thing to do.
fn uid(item: &DueItem, name: Option<&str>) -> String {
    let what = match item.kind {
        DueKind::Review => "",
        DueKind::Action => item.what.as_str(),
    };
    let key = [
        name.unwrap_or(""),
        item.kind.as_str(),
        item.unit.as_deref().unwrap_or(""),
        &item.element,
        what,
    ]
    .join("\u{1f}");
    // The element id comes from a file name: only its plain characters go into the id.
    let element: String = item
        .element
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
        .collect();
    format!(
        "{}-{element}-{:016x}",
        item.kind.as_str(),
        fnv1a(key.as_bytes())
    )
}

/// FNV-1a, 64 bits: stable across runs, platforms and versions (unlike `std`'s hasher).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Writes a content line folded at 75 octets (never inside a character), ending in CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
        // Escape sequences go whole, as on the terminal.
        assert_eq!(
            text("RED\x1b[31m]8;x\x1b]8;;http://x\x1b\\link"),
            "RED]8\\;xlink"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "é".repeat(60));
        push_line(&mut out, &line);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.trim_end().replace("\r\n ", "");
        assert_eq!(unfolded, line);
    }

    #[test]
    fn a_repeated_action_gets_its_own_uid() {
        let action = |line: u32, due: &str| DueItem {
            kind: DueKind::Action,
            unit: None,
            element: "4.3.6".into(),
            file: "evidence/4.3.6.md".into(),
            line,
            what: "Send the newsletter".into(),
            owner: None,
            due: due.parse().unwrap(),
            overdue: false,
        };
        // Listed by date, the later line first: the file's order decides the suffix.
        let (late, early) = (action(20, "2026-12-05"), action(12, "2026-12-20"));
        let uids = uids(&[&late, &early], None);
        assert_eq!(uids[1], format!("{}@cse", uid(&early, None)));
        assert_eq!(uids[0], format!("{}-2@cse", uid(&late, None)));
    }

    #[test]
    fn uids_do_not_depend_on_the_date() {
        let item = |due: &str| DueItem {
            kind: DueKind::Review,
            unit: None,
            element: "4.3.1".into(),
            file: "evidence/4.3.1.md".into(),
            line: 5,
            what: "Review".into(),
            owner: None,
            due: due.parse().unwrap(),
            overdue: false,
        };
        assert_eq!(
            uid(&item("2026-01-01"), None),
            uid(&item("2027-01-01"), None)
        );
        assert_ne!(
            uid(&item("2026-01-01"), None),
            uid(&item("2026-01-01"), Some("Other"))
        );
    }
}
