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
/// Most cells kept from one sheet, counting the empty ones left of a row's last value.
pub const MAX_CELLS: usize = 2_000_000;

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
        "{path} is not UTF-8 text: line {line} has a character in another encoding, such as Windows-1252; in Excel, save it with Save As > \"CSV UTF-8 (Comma delimited)\", or import the .xlsx workbook itself"
    )]
    NotUtf8 { path: String, line: usize },
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
    let mut book = calamine::open_workbook_auto(path).map_err(|e| {
        unreadable(match disguise(path) {
            Some(what) => what.to_owned(),
            None => e.to_string(),
        })
    })?;
    let names = book.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let mut grid = Grid::new(shown, &name);
        if let Sheets::Xlsx(x) = &mut book {
            // Cell by cell: a stray cell far from the table costs one cell, not the whole
            // rectangle calamine's `worksheet_range` would allocate up to it.
            let mut cells = x
                .worksheet_cells_reader(&name)
                .map_err(|e| unreadable(format!("sheet `{name}`: {e}")))?;
            while let Some(cell) = cells
                .next_cell()
                .map_err(|e| unreadable(format!("sheet `{name}`: {e}")))?
            {
                let (row, column) = cell.get_position();
                let value = Data::from(cell.get_value().clone());
                grid.put(row as usize, column as usize, cell_of(&value))?;
            }
        } else {
            let range = book
                .worksheet_range(&name)
                .map_err(|e| unreadable(format!("sheet `{name}`: {e}")))?;
            let (top, left) = range.start().unwrap_or((0, 0));
            for (r, row) in range.rows().enumerate() {
                for (c, value) in row.iter().enumerate() {
                    grid.put(top as usize + r, left as usize + c, cell_of(value))?;
                }
            }
        }
        let merges = match &mut book {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            _ => Vec::new(),
        };
        for m in merges {
            grid.fill_merged(m.start, m.end)?;
        }
        let rows = grid.rows;
        sheets.push(Sheet { name, rows });
    }
    Ok(sheets)
}

/// What a file that will not open as a workbook really is, when its first bytes say.
fn disguise(path: &Path) -> Option<&'static str> {
    let mut start = [0u8; 8];
    let n = std::io::Read::read(&mut std::fs::File::open(path).ok()?, &mut start).ok()?;
    let start = &start[..n];
    let zip = start.starts_with(b"PK\x03\x04");
    let ole = start.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]);
    (!zip && !ole).then_some(
        "it is not a workbook: its contents are not those of an Excel or OpenDocument file (is it a CSV file with another name? then name it .csv)",
    )
}

/// A sheet's rows as they are read, kept within [`MAX_ROWS`], [`MAX_COLUMNS`] and
/// [`MAX_CELLS`] whatever the workbook declares. Empty cells take no room past a row's
/// last value.
struct Grid<'a> {
    path: &'a str,
    sheet: &'a str,
    rows: Vec<Vec<Cell>>,
    cells: usize,
    merged: usize,
}

impl<'a> Grid<'a> {
    fn new(path: &'a str, sheet: &'a str) -> Self {
        Grid {
            path,
            sheet,
            rows: Vec::new(),
            cells: 0,
            merged: 0,
        }
    }

    fn too_big(&self, what: &'static str, limit: usize) -> ReadError {
        ReadError::TooBig {
            path: self.path.to_owned(),
            sheet: self.sheet.to_owned(),
            what,
            limit,
        }
    }

    fn put(&mut self, row: usize, column: usize, cell: Cell) -> Result<(), ReadError> {
        if cell == Cell::Empty {
            return Ok(());
        }
        if row >= MAX_ROWS {
            return Err(self.too_big("rows", MAX_ROWS));
        }
        if column >= MAX_COLUMNS {
            return Err(self.too_big("columns", MAX_COLUMNS));
        }
        if self.rows.len() <= row {
            self.rows.resize_with(row + 1, Vec::new);
        }
        let cells = &mut self.rows[row];
        if cells.len() <= column {
            let grown = column + 1 - cells.len();
            if self.cells + grown > MAX_CELLS {
                return Err(self.too_big("cells", MAX_CELLS));
            }
            self.cells += grown;
            cells.resize(column + 1, Cell::Empty);
        }
        cells[column] = cell;
        Ok(())
    }

    /// Gives every cell of a merged region the value of its top-left cell, as people read it.
    fn fill_merged(&mut self, start: (u32, u32), end: (u32, u32)) -> Result<(), ReadError> {
        let (r0, c0) = (start.0 as usize, start.1 as usize);
        let value = match self.rows.get(r0).and_then(|r| r.get(c0)) {
            Some(v) if !v.is_blank() => v.clone(),
            _ => return Ok(()),
        };
        let last_row = (end.0 as usize).min(self.rows.len().saturating_sub(1));
        let last_column = (end.1 as usize).min(MAX_COLUMNS - 1);
        // Overlapping merges could otherwise revisit the same cells without end.
        let area = (last_row + 1).saturating_sub(r0) * (last_column + 1).saturating_sub(c0);
        self.merged = self.merged.saturating_add(area);
        if self.merged > MAX_CELLS {
            return Err(self.too_big("merged cells", MAX_CELLS));
        }
        for row in r0..=last_row {
            for column in c0..=last_column {
                if self.rows[row].get(column).is_none_or(Cell::is_blank) {
                    self.put(row, column, value.clone())?;
                }
            }
        }
        Ok(())
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
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(ReadError::Unreadable {
            path: shown.to_owned(),
            message: "it is a workbook saved with a .csv name; name it .xlsx (or .ods)".into(),
        });
    }
    // Decoding another encoding as UTF-8 would write U+FFFD into the evidence.
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        return Err(ReadError::NotUtf8 {
            path: shown.to_owned(),
            line,
        });
    }
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
        let mut grid = Grid::new("t.xlsx", "S");
        grid.put(0, 0, Cell::Text("Element".into())).unwrap();
        grid.put(0, 1, Cell::Text("Rating".into())).unwrap();
        grid.put(1, 3, Cell::Text("x".into())).unwrap();
        grid.fill_merged((0, 0), (1, 0)).unwrap();
        grid.fill_merged((0, 1), (0, 2)).unwrap();
        assert_eq!(grid.rows[1][0], Cell::Text("Element".into()));
        assert_eq!(grid.rows[0][2], Cell::Text("Rating".into()));
        assert_eq!(grid.rows[1][1], Cell::Empty);
    }

    #[test]
    fn a_sheet_keeps_within_its_cell_budget() {
        let mut grid = Grid::new("t.xlsx", "S");
        grid.put(0, 0, Cell::Text("top".into())).unwrap();
        // Empty cells take no room, wherever they are.
        grid.put(MAX_ROWS - 1, MAX_COLUMNS - 1, Cell::Empty)
            .unwrap();
        assert_eq!(grid.rows.len(), 1);
        let mut stopped = None;
        for row in 0..MAX_ROWS {
            if let Err(e) = grid.put(row, MAX_COLUMNS - 1, Cell::Bool(true)) {
                stopped = Some((row, e.to_string()));
                break;
            }
        }
        let (row, message) = stopped.expect("the budget stops a sheet");
        assert_eq!(row, MAX_CELLS / MAX_COLUMNS);
        assert!(message.ends_with("more than 2000000 cells"), "{message}");
        let mut merges = Grid::new("t.xlsx", "S");
        merges.put(0, 0, Cell::Text("v".into())).unwrap();
        merges.put(1999, 0, Cell::Text("w".into())).unwrap();
        let whole = ((0, 0), (1999, 999));
        assert!(merges.fill_merged(whole.0, whole.1).is_ok());
        assert!(merges.fill_merged(whole.0, whole.1).is_err());
    }
}
