//! Dates as people write them. `cse` reads only `YYYY-MM-DD`; for a day-first or written date
//! (`20/11/2026`, `20 November 2026`) it says how to write it, when that is unambiguous.

use jiff::civil::Date;

/// A date `cse` could not read, with the `YYYY-MM-DD` it most likely means.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{}` is not a date in YYYY-MM-DD form", crate::diagnostic::excerpt(.input))]
pub struct DateError {
    pub input: String,
    /// The date meant, when the input names one day unambiguously.
    pub meant: Option<Date>,
}

impl DateError {
    /// "dates are written YYYY-MM-DD: 2026-11-20", or an example when the date is unclear.
    pub fn hint(&self) -> String {
        match self.meant {
            Some(d) => format!("dates are written YYYY-MM-DD: {d}"),
            None => "dates are written YYYY-MM-DD, for example 2026-05-14".into(),
        }
    }
}

/// Reads a `YYYY-MM-DD` date: the one function for dates in front matter, flags and
/// `CSE_TODAY`.
pub fn parse(input: &str) -> Result<Date, DateError> {
    let value = input.trim();
    let strict = value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if strict && let Ok(date) = value.parse::<Date>() {
        return Ok(date);
    }
    Err(DateError {
        input: input.to_owned(),
        meant: meant(value),
    })
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month by its name or its first three letters (`Nov`, `november`, `Sept`).
fn month_named(word: &str) -> Option<i8> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&word) || (word == "sept" && *m == "september"))
        .map(|i| i as i8 + 1)
}

fn number(word: &str) -> Option<i32> {
    let digits = word
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .trim_end_matches(',');
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn real(year: i32, month: i32, day: i32) -> Option<Date> {
    if !(1000..=9999).contains(&year) {
        return None;
    }
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// The one day `value` names, if it names exactly one.
fn meant(value: &str) -> Option<Date> {
    let words: Vec<&str> = value
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    // Written: "20 November 2026", "20th Nov 2026", "November 20, 2026".
    if let [a, b, c] = words.as_slice() {
        if let (Some(day), Some(month), Some(year)) = (number(a), month_named(b), number(c)) {
            return real(year, month.into(), day);
        }
        if let (Some(month), Some(day), Some(year)) = (month_named(a), number(b), number(c)) {
            return real(year, month.into(), day);
        }
        return None;
    }
    let parts: Vec<&str> = value.split(['/', '.', '-']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let (a, b, c) = (number(a)?, number(b)?, number(c)?);
    if parts[0].len() == 4 {
        // Year first: 2026/11/20, 2026-11-5.
        return real(a, b, c);
    }
    if parts[2].len() != 4 {
        return None;
    }
    // Day first (as in the UK) or month first: only clear when one reading is impossible.
    match (real(c, b, a), real(c, a, b)) {
        (Some(day_first), Some(month_first)) if day_first == month_first => Some(day_first),
        (Some(day_first), None) => Some(day_first),
        (None, Some(month_first)) => Some(month_first),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(s: &str) -> String {
        parse(s).unwrap_err().hint()
    }

    #[test]
    fn iso_dates_are_read() {
        assert_eq!(parse("2026-11-20"), Ok(jiff::civil::date(2026, 11, 20)));
        assert_eq!(parse(" 2026-11-20 "), Ok(jiff::civil::date(2026, 11, 20)));
        assert!(parse("2026-02-30").is_err());
        assert!(parse("+2026-11-20").is_err());
    }

    #[test]
    fn clear_dates_get_their_iso_form() {
        for s in [
            "20/11/2026",
            "20.11.2026",
            "20-11-2026",
            "11/20/2026",
            "2026/11/20",
            "20 November 2026",
            "20th Nov 2026",
            "November 20, 2026",
            "2026-11-20 ",
        ] {
            if s.trim() == "2026-11-20" {
                continue;
            }
            assert_eq!(hint(s), "dates are written YYYY-MM-DD: 2026-11-20", "{s}");
        }
        assert_eq!(hint("2026-3-1"), "dates are written YYYY-MM-DD: 2026-03-01");
        assert_eq!(
            hint("05/05/2026"),
            "dates are written YYYY-MM-DD: 2026-05-05"
        );
    }

    #[test]
    fn unclear_dates_get_an_example() {
        for s in [
            "03/04/2026",
            "31/02/2026",
            "tomorrow",
            "",
            "2026",
            "20/11/26",
        ] {
            assert_eq!(
                hint(s),
                "dates are written YYYY-MM-DD, for example 2026-05-14",
                "{s}"
            );
        }
        assert_eq!(
            parse("20/11/2026").unwrap_err().to_string(),
            "`20/11/2026` is not a date in YYYY-MM-DD form"
        );
    }
}
