//! Spreadsheets in and out: the evidence matrix `cse export` writes, and the plan `cse import`
//! makes from a workbook or CSV file that people filled in.
//!
//! Reading is [`cells`] (any workbook or CSV as rows of cells), [`columns`] (which column is
//! which, from the headers), [`values`] (what people type, as statuses, dates and element ids),
//! [`rows`] (a sheet's rows as field values, with errors naming cells), [`plan`] (each row against
//! the evidence: create, update, unchanged or conflict) and [`edit`] (front-matter changes made
//! in place). [`matrix`] is the export's model.

pub mod cells;
pub mod columns;
pub mod edit;
pub mod matrix;
pub mod plan;
pub mod rows;
pub mod values;
pub mod write;

/// A cell's address as a spreadsheet shows it: `Elements!B7` for 0-based row 6, column 1.
pub fn address(sheet: &str, row: usize, column: usize) -> String {
    format!("{sheet}!{}{}", column_letters(column), row + 1)
}

/// Spreadsheet column letters for a 0-based column: 0 is A, 25 is Z, 26 is AA.
pub fn column_letters(column: usize) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Characters that make a spreadsheet read a cell as a formula when they start it.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A CSV value as it was before `crate::render::csv::guard` added a `'` to keep a spreadsheet
/// from running it as a formula: reads an exported file back as it was.
pub fn unguard(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => value,
    }
}

/// Text with every run of whitespace made one space and the ends trimmed, for comparing
/// what a sheet says with what a file says.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(address("Elements", 6, 1), "Elements!B7");
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
