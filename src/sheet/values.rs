//! What people type in a sheet, as the values evidence files hold.

use jiff::civil::Date;

use super::cells::Cell;
use crate::catalogue::Catalogue;
use crate::evidence::Status;

/// A value that could not be read, with what was expected instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub expected: String,
}

fn unreadable(expected: &str) -> Unreadable {
    Unreadable {
        expected: expected.to_owned(),
    }
}

/// Words as compared: lower case, punctuation made spaces, spaces collapsed.
fn words(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub const STATUS_EXPECTED: &str = "a status such as Compliance Plus (CP), Compliant (C), Partial (PC), Non-compliant (NC), or blank";

/// A status, or `None` for a blank cell (and for `not assessed`, `missing` and `invalid`,
/// which say nothing to write).
pub fn status(cell: &Cell) -> Result<Option<Status>, Unreadable> {
    if cell.is_blank() {
        return Ok(None);
    }
    let Cell::Text(text) = cell else {
        return Err(unreadable(STATUS_EXPECTED));
    };
    // `+` carries meaning: `C+` is cse's own short form of Compliance Plus.
    let status = match words(&text.replace('+', " plus ")).as_str() {
        "compliance plus" | "cp" | "compliant plus" | "c plus" => Status::CompliancePlus,
        "full" | "full compliance" | "fully compliant" | "compliance" | "compliant" | "c" => {
            Status::Compliant
        }
        "partial" | "partial compliance" | "partially compliant" | "pc" | "p" => Status::Partial,
        "non compliant" | "non compliance" | "noncompliant" | "not compliant" | "nc" => {
            Status::NonCompliant
        }
        "not assessed" | "missing" | "invalid" => return Ok(None),
        _ => return Err(unreadable(STATUS_EXPECTED)),
    };
    Ok(Some(status))
}

pub const DATE_EXPECTED: &str =
    "a date: a date cell, 20/11/2026 (day first), 2026-11-20 or 20 Nov 2026, or blank";

/// Excel's serial day numbers that are plausible dates (1900 to 9999).
const SERIALS: std::ops::RangeInclusive<f64> = 1.0..=2_958_465.0;

/// A date, or `None` for a blank cell.
pub fn date(cell: &Cell) -> Result<Option<Date>, Unreadable> {
    match cell {
        c if c.is_blank() => Ok(None),
        Cell::Date(d) => Ok(Some(*d)),
        Cell::Number(n) if n.fract() == 0.0 && SERIALS.contains(n) => Ok(excel_serial(*n)),
        Cell::Text(t) => date_text(t.trim())
            .map(Some)
            .ok_or_else(|| unreadable(DATE_EXPECTED)),
        _ => Err(unreadable(DATE_EXPECTED)),
    }
}

/// A day number as Excel counts them (1900 date system: day 1 is 1900-01-01, and Excel's
/// invented 1900-02-29 is day 60).
fn excel_serial(serial: f64) -> Option<Date> {
    let days = serial as i64 - if serial >= 61.0 { 1 } else { 0 };
    Date::new(1899, 12, 31)
        .ok()?
        .checked_add(jiff::Span::new().days(days))
        .ok()
}

fn date_text(text: &str) -> Option<Date> {
    // Year 0026 is a typo for 2026, never a review date.
    date_any_year(text).filter(|d| d.year() >= 1900)
}

fn date_any_year(text: &str) -> Option<Date> {
    if let Ok(d) = text.parse::<Date>() {
        return Some(d);
    }
    // An ISO date-time written as text: take its date.
    if let Some(d) = text.get(..10).and_then(|d| d.parse::<Date>().ok())
        && text[10..].starts_with(['T', ' '])
    {
        return Some(d);
    }
    // Day first, as in the UK: 20/11/2026, 20-11-2026, 20.11.2026.
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    if let [d, m, y] = parts.as_slice()
        && y.len() == 4
        && let (Ok(d), Ok(m), Ok(y)) = (d.parse::<i8>(), m.parse::<i8>(), y.parse::<i16>())
    {
        return Date::new(y, m, d).ok();
    }
    ["%d %b %Y", "%d %B %Y", "%e %b %Y", "%e %B %Y"]
        .iter()
        .find_map(|f| Date::strptime(f, text).ok())
}

pub const ELEMENT_EXPECTED: &str = "an element of the standard, such as 1.1.1";

/// The catalogue's id for an element written `1.1.1`, `1.1.1.`, `Element 1.1.1` or `1.1.1 Text`.
/// `None` when the cell names no element at all.
pub fn element(cell: &Cell, catalogue: &Catalogue) -> Option<String> {
    let text = match cell {
        Cell::Text(t) => t.trim().to_owned(),
        Cell::Number(_) => cell.shown(),
        _ => return None,
    };
    let lower = text.to_lowercase();
    let rest = lower
        .strip_prefix("element")
        .map(|r| r.trim_start_matches([' ', ':', '\u{a0}']))
        .unwrap_or(&lower);
    let first = rest.split_whitespace().next()?;
    let id = first.trim_end_matches(['.', ':', ',', ')']);
    catalogue
        .element_ids()
        .find(|e| e.eq_ignore_ascii_case(id))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Cell {
        Cell::Text(t.into())
    }

    #[test]
    fn statuses_as_people_write_them() {
        for (written, want) in [
            ("Compliance Plus", Some(Status::CompliancePlus)),
            ("CP", Some(Status::CompliancePlus)),
            ("C+", Some(Status::CompliancePlus)),
            ("C +", Some(Status::CompliancePlus)),
            ("Compliance+", Some(Status::CompliancePlus)),
            ("compliant+", Some(Status::CompliancePlus)),
            ("compliance-plus", Some(Status::CompliancePlus)),
            ("Full Compliance", Some(Status::Compliant)),
            ("Compliant ", Some(Status::Compliant)),
            ("c", Some(Status::Compliant)),
            ("Partial", Some(Status::Partial)),
            ("PC", Some(Status::Partial)),
            ("Non Compliance", Some(Status::NonCompliant)),
            ("non-compliant", Some(Status::NonCompliant)),
            ("NC", Some(Status::NonCompliant)),
            ("", None),
            ("not-assessed", None),
        ] {
            assert_eq!(status(&text(written)), Ok(want), "{written}");
        }
        assert!(status(&text("Green")).is_err());
        assert!(status(&text("NC+")).is_err());
        assert!(status(&Cell::Number(3.0)).is_err());
    }

    #[test]
    fn dates_as_people_write_them() {
        let day = Date::new(2026, 11, 20).unwrap();
        let want = Some(day);
        assert_eq!(date(&text("20/11/2026")), Ok(want));
        assert_eq!(date(&text("2026-11-20")), Ok(want));
        assert_eq!(date(&text("20 Nov 2026")), Ok(want));
        assert!(date(&text("20/11/0026")).is_err());
        assert!(date(&text("0026-11-20")).is_err());
        assert_eq!(date(&text("20 November 2026")), Ok(want));
        assert_eq!(date(&text("2026-11-20T00:00:00")), Ok(want));
        assert_eq!(date(&Cell::Number(46346.0)), Ok(want));
        assert_eq!(date(&Cell::Date(day)), Ok(want));
        assert_eq!(
            date(&Cell::Number(1.0)),
            Ok(Some(Date::new(1900, 1, 1).unwrap()))
        );
        assert_eq!(
            date(&Cell::Number(61.0)),
            Ok(Some(Date::new(1900, 3, 1).unwrap()))
        );
        assert_eq!(date(&text(" ")), Ok(None));
        assert!(date(&text("31/02/2026")).is_err());
        assert!(date(&text("next week")).is_err());
        assert!(date(&Cell::Number(1.5)).is_err());
    }

    #[test]
    fn element_refs() {
        let c = Catalogue::builtin().unwrap();
        for written in [
            "1.1.1",
            "1.1.1.",
            "Element 1.1.1",
            "element: 1.1.1",
            "1.1.1 We have...",
        ] {
            assert_eq!(
                element(&text(written), &c).as_deref(),
                Some("1.1.1"),
                "{written}"
            );
        }
        assert_eq!(element(&text("Criterion 1"), &c), None);
        assert_eq!(element(&text("9.9.9"), &c), None);
    }
}
