//! Any workbook (.xlsx, .xls, .ods, with calamine) or CSV file as sheets of cells.

use std::path::Path;

use calamine::{Data, Reader, Sheets};
use jiff::civil::Date;

/// Largest spreadsheet file read: an evidence matrix is a few hundred kilobytes.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Most rows read from one sheet (one per element and unit, plus headings).
pub const MAX_ROWS: usize = 100_000;
/// Most columns read from one sheet.
pub const MAX_COLUMNS: usize = 1_000;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A cell the workbook formats as a date (or an ISO date-time from an .ods file).
    Date(Date),
    Bool(bool),
    /// A formula error such as `#REF!`.
    Error(String),
}

impl Cell {
    /// Empty, or text that is only whitespace.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as a person would read it in the sheet.
    pub fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => format_number(*n),
            Cell::Date(d) => d.to_string(),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// A number without a useless `.0`: `3`, `1.5`.
fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// One sheet: `rows[r][c]` is the cell at 0-based row `r`, column `c` of the sheet itself
/// (so addresses are right even when the used range starts below or right of A1).
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    pub fn cell(&self, row: usize, column: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .unwrap_or(&Cell::Empty)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read {path}: {message}")]
    Unreadable { path: String, message: String },
    #[error("{path} is {size} bytes, more than the {limit} bytes cse reads from a spreadsheet")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("sheet `{sheet}` of {path} has more than {limit} {what}")]
    TooBig {
        path: String,
        sheet: String,
        what: &'static str,
        limit: usize,
    },
    #[error(
        "{path}: cse reads .xlsx, .xlsm, .xls, .ods and .csv files; save the sheet in one of those formats"
    )]
    UnknownFormat { path: String },
}

/// Reads every sheet of the workbook or CSV file at `path`, by its extension.
pub fn read(path: &Path) -> Result<Vec<Sheet>, ReadError> {
    let shown = path.display().to_string();
    let unreadable = |message: String| ReadError::Unreadable {
        path: shown.clone(),
        message,
    };
    let meta = std::fs::metadata(path).map_err(|e| unreadable(e.to_string()))?;
    if !meta.is_file() {
        return Err(unreadable("it is not a file".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            path: shown,
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "csv" => {
            let bytes = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "csv".into());
            Ok(vec![read_csv(&name, &bytes, &shown)?])
        }
        "xlsx" | "xlsm" | "xls" | "ods" => read_workbook(path, &shown),
        _ => Err(ReadError::UnknownFormat { path: shown }),
    }
}

fn read_workbook(path: &Path, shown: &str) -> Result<Vec<Sheet>, ReadError> {
    let unreadable = |message: String| ReadError::Unreadable {
        path: shown.to_owned(),
        message,
    };
    let mut book = calamine::open_workbook_auto(path).map_err(|e| unreadable(e.to_string()))?;
    let names = book.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| unreadable(format!("sheet `{name}`: {e}")))?;
        let too_big = |what, limit| ReadError::TooBig {
            path: shown.to_owned(),
            sheet: name.clone(),
            what,
            limit,
        };
        let (top, left) = range.start().unwrap_or((0, 0));
        let (top, left) = (top as usize, left as usize);
        if top + range.height() > MAX_ROWS {
            return Err(too_big("rows", MAX_ROWS));
        }
        if left + range.width() > MAX_COLUMNS {
            return Err(too_big("columns", MAX_COLUMNS));
        }
        let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); top];
        for row in range.rows() {
            let mut cells = vec![Cell::Empty; left];
            cells.extend(row.iter().map(cell_of));
            rows.push(cells);
        }
        let merges = match &mut book {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            _ => Vec::new(),
        };
        for m in merges {
            fill_merged(&mut rows, m.start, m.end);
        }
        sheets.push(Sheet { name, rows });
    }
    Ok(sheets)
}

/// Gives every cell of a merged region the value of its top-left cell, as people read it.
fn fill_merged(rows: &mut [Vec<Cell>], start: (u32, u32), end: (u32, u32)) {
    let (r0, c0) = (start.0 as usize, start.1 as usize);
    let value = match rows.get(r0).and_then(|r| r.get(c0)) {
        Some(v) if !v.is_blank() => v.clone(),
        _ => return,
    };
    let last_row = (end.0 as usize).min(rows.len().saturating_sub(1));
    for row in rows.iter_mut().take(last_row + 1).skip(r0) {
        let last_column = (end.1 as usize).min(MAX_COLUMNS - 1);
        if row.len() <= last_column {
            row.resize(last_column + 1, Cell::Empty);
        }
        for cell in row.iter_mut().take(last_column + 1).skip(c0) {
            if cell.is_blank() {
                *cell = value.clone();
            }
        }
    }
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Date::new(y as i16, m as i8, d as i8)
                .map_or_else(|_| Cell::Number(dt.as_f64()), Cell::Date)
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| d.parse::<Date>().ok())
            .map_or_else(|| Cell::Text(s.clone()), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(format!("{e}")),
    }
}

/// A CSV file as one sheet named after the file. Undoes the formula guard `cse export`
/// writes (see [`super::unguard`]), so an exported file reads back as it was.
fn read_csv(name: &str, bytes: &[u8], shown: &str) -> Result<Sheet, ReadError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for record in reader.byte_records() {
        let record = record.map_err(|e| ReadError::Unreadable {
            path: shown.to_owned(),
            message: e.to_string(),
        })?;
        if rows.len() >= MAX_ROWS {
            return Err(ReadError::TooBig {
                path: shown.to_owned(),
                sheet: name.to_owned(),
                what: "rows",
                limit: MAX_ROWS,
            });
        }
        let cells = record
            .iter()
            .take(MAX_COLUMNS)
            .map(|field| {
                let text = String::from_utf8_lossy(field);
                let text = super::unguard(&text);
                if text.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(text.to_owned())
                }
            })
            .collect();
        rows.push(cells);
    }
    Ok(Sheet {
        name: name.to_owned(),
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_reads_quoted_fields_and_undoes_the_guard() {
        let sheet = read_csv(
            "m.csv",
            b"\xef\xbb\xbfElement,Owner\r\n1.1.1,\"Smith, J\"\r\n1.1.2,'=SUM(A1)\r\n",
            "m.csv",
        )
        .unwrap();
        assert_eq!(sheet.cell(0, 0), &Cell::Text("Element".into()));
        assert_eq!(sheet.cell(1, 1), &Cell::Text("Smith, J".into()));
        assert_eq!(sheet.cell(2, 1), &Cell::Text("=SUM(A1)".into()));
        assert_eq!(sheet.cell(9, 9), &Cell::Empty);
    }

    #[test]
    fn merged_regions_take_their_first_value() {
        let mut rows = vec![
            vec![Cell::Text("Element".into()), Cell::Text("Rating".into())],
            vec![Cell::Empty, Cell::Empty, Cell::Empty],
        ];
        fill_merged(&mut rows, (0, 0), (1, 0));
        fill_merged(&mut rows, (0, 1), (0, 2));
        assert_eq!(rows[1][0], Cell::Text("Element".into()));
        assert_eq!(rows[0][2], Cell::Text("Rating".into()));
        assert_eq!(rows[1][1], Cell::Empty);
    }
}
