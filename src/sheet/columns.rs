//! Which column holds what, found by the headers people give them.

use super::cells::{Cell, Sheet};

/// The fields `cse import` reads from a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Unit,
    Element,
    Status,
    Owner,
    Reviewed,
    Narrative,
    Evidence,
}

/// Rows above the header that may hold titles and notes.
pub const HEADER_SEARCH_ROWS: usize = 30;

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Unit,
        Field::Element,
        Field::Status,
        Field::Owner,
        Field::Reviewed,
        Field::Narrative,
        Field::Evidence,
    ];

    /// The name used in `--map` and in the plan.
    pub fn name(self) -> &'static str {
        match self {
            Field::Unit => "unit",
            Field::Element => "element",
            Field::Status => "status",
            Field::Owner => "owner",
            Field::Reviewed => "reviewed",
            Field::Narrative => "narrative",
            Field::Evidence => "evidence",
        }
    }

    pub fn parse(name: &str) -> Option<Field> {
        let name = normalise(name);
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Headers that name this field, best first.
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            Field::Unit => &["Unit"],
            Field::Element => &["Element", "Ref", "Reference", "Element ref", "No."],
            Field::Status => &["Status", "Rating", "Compliance", "Self-assessment"],
            Field::Owner => &["Owner", "Lead", "Lead officer", "Responsible"],
            Field::Reviewed => &["Reviewed", "Date reviewed", "Last reviewed", "Date"],
            Field::Narrative => &[
                "Narrative",
                "Evidence summary",
                "How we meet it",
                "Comments",
            ],
            Field::Evidence => &["Evidence", "Evidence titles", "Documents"],
        }
    }
}

/// A header as compared: lower case, letters and digits only ("Lead officer:" is "leadofficer").
pub fn normalise(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `--map FIELD=HEADER`: the column headed HEADER holds FIELD, whatever it is called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    pub field: Field,
    pub header: String,
}

/// The header row of a sheet and the column of each field found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// 0-based row of the headers.
    pub header_row: usize,
    /// Field and 0-based column, in field order.
    pub found: Vec<(Field, usize)>,
}

impl Columns {
    pub fn column(&self, field: Field) -> Option<usize> {
        self.found
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| *c)
    }
}

/// How well `header` names `field`: `Some(rank)`, lower is better, or `None`.
fn rank(field: Field, header: &str, maps: &[Mapping]) -> Option<usize> {
    let mapped: Vec<&Mapping> = maps.iter().filter(|m| m.field == field).collect();
    if !mapped.is_empty() {
        return mapped.iter().position(|m| normalise(&m.header) == header);
    }
    // A header another field is mapped to is that field's alone.
    if maps.iter().any(|m| normalise(&m.header) == header) {
        return None;
    }
    field.headers().iter().position(|h| normalise(h) == header)
}

/// The columns found in one row, when it names the element column.
fn columns_in(sheet: &Sheet, row: usize, maps: &[Mapping]) -> Option<Columns> {
    let cells = sheet.rows.get(row)?;
    let headers: Vec<(usize, String)> = cells
        .iter()
        .enumerate()
        .filter_map(|(c, cell)| match cell {
            Cell::Text(t) => Some((c, normalise(t))),
            _ => None,
        })
        .filter(|(_, h)| !h.is_empty())
        .collect();
    let mut found = Vec::new();
    for field in Field::ALL {
        let best = headers
            .iter()
            .filter(|(c, _)| !found.iter().any(|(_, taken)| taken == c))
            .filter_map(|(c, h)| rank(field, h, maps).map(|r| (r, *c)))
            .min();
        if let Some((_, c)) = best {
            found.push((field, c));
        }
    }
    found
        .iter()
        .any(|(f, _)| *f == Field::Element)
        .then_some(Columns {
            header_row: row,
            found,
        })
}

/// The header row: among the first [`HEADER_SEARCH_ROWS`] rows, the one that names the
/// element column and the most other fields (the first such row on a tie).
pub fn find(sheet: &Sheet, maps: &[Mapping]) -> Option<Columns> {
    (0..sheet.rows.len().min(HEADER_SEARCH_ROWS))
        .filter_map(|row| columns_in(sheet, row, maps))
        .fold(None, |best: Option<Columns>, c| match best {
            Some(b) if b.found.len() >= c.found.len() => Some(b),
            _ => Some(c),
        })
}

/// What a sheet's first non-blank row says, for an error when no header row is found.
pub fn first_row_shown(sheet: &Sheet) -> Vec<String> {
    sheet
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .position(|r| r.iter().any(|c| !c.is_blank()))
        .map(|row| headers_shown(sheet, row))
        .unwrap_or_default()
}

/// The non-blank cells of `row`, as written, for messages.
pub fn headers_shown(sheet: &Sheet, row: usize) -> Vec<String> {
    sheet
        .rows
        .get(row)
        .map(|r| {
            r.iter()
                .filter(|c| !c.is_blank())
                .map(|c| c.shown().trim().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            name: "S".into(),
            rows: rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|t| {
                            if t.is_empty() {
                                Cell::Empty
                            } else {
                                Cell::Text((*t).into())
                            }
                        })
                        .collect()
                })
                .collect(),
        }
    }

    #[test]
    fn finds_the_header_under_a_title_whatever_its_case_and_punctuation() {
        let s = sheet(&[
            &["CSE self-assessment 2026"],
            &[],
            &[
                "ELEMENT REF ",
                "Rating:",
                "Lead Officer",
                "Date",
                "Comments",
            ],
            &["1.1.1", "C"],
        ]);
        let c = find(&s, &[]).unwrap();
        assert_eq!(c.header_row, 2);
        assert_eq!(
            c.found,
            vec![
                (Field::Element, 0),
                (Field::Status, 1),
                (Field::Owner, 2),
                (Field::Reviewed, 3),
                (Field::Narrative, 4)
            ]
        );
    }

    #[test]
    fn prefers_the_row_with_more_fields_and_better_names() {
        let s = sheet(&[
            &["Element", "Self-assessment", "Self-assessment"],
            &["Element", "Status", "Date", "Reviewed"],
        ]);
        let c = find(&s, &[]).unwrap();
        assert_eq!(c.header_row, 1);
        assert_eq!(c.column(Field::Reviewed), Some(3));
    }

    #[test]
    fn a_mapping_overrides_the_guess() {
        let s = sheet(&[&["Ref", "Status", "Our RAG"]]);
        let maps = [Mapping {
            field: Field::Status,
            header: "our rag".into(),
        }];
        let c = find(&s, &maps).unwrap();
        assert_eq!(c.column(Field::Status), Some(2));
        assert!(find(&sheet(&[&["Title", "Status"]]), &[]).is_none());
    }
}
