//! A sheet's rows below the header, read as field values. Errors name the cell.

use std::collections::HashMap;

use jiff::civil::Date;

use super::cells::{Cell, Sheet};
use super::columns::{Columns, Field};
use super::{address, collapse, values};
use crate::catalogue::Catalogue;
use crate::diagnostic::excerpt;
use crate::evidence::Status;

/// What one row says about one element. `None` and empty lists are blank cells: no change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    /// 0-based row in the sheet.
    pub row: usize,
    /// The unit's name as cse.toml spells it; `None` without a unit column.
    pub unit: Option<String>,
    pub element: String,
    pub status: Option<Status>,
    pub owner: Option<String>,
    pub reviewed: Option<Date>,
    pub narrative: Option<String>,
    /// Evidence titles, one per line of the cell.
    pub evidence: Vec<String>,
}

/// A cell that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    /// Such as `Elements!B7`.
    pub address: String,
    /// The cell's value, cleaned for the terminal.
    pub value: String,
    pub expected: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rows {
    pub rows: Vec<SheetRow>,
    pub errors: Vec<CellError>,
}

/// Reads the rows under the header. Blank rows, and rows that name no element and give no
/// values (titles, criterion headings), are skipped. `units` are the names from cse.toml.
pub fn read(sheet: &Sheet, columns: &Columns, catalogue: &Catalogue, units: &[String]) -> Rows {
    let mut out = Rows::default();
    let mut seen: HashMap<(Option<String>, String), usize> = HashMap::new();
    let element_column = columns.column(Field::Element).unwrap_or(0);
    for row in columns.header_row + 1..sheet.rows.len() {
        let cell = |field| columns.column(field).map(|c| (c, sheet.cell(row, c)));
        let mut errors = Vec::new();
        let mut error = |column: usize, cell: &Cell, expected: &str| {
            errors.push(CellError {
                address: address(&sheet.name, row, column),
                value: excerpt(cell.shown().trim()),
                expected: expected.to_owned(),
            });
        };
        let has_values = columns
            .found
            .iter()
            .filter(|(f, _)| !matches!(f, Field::Element | Field::Unit))
            .any(|(_, c)| !sheet.cell(row, *c).is_blank());
        let element_cell = sheet.cell(row, element_column);
        let Some(element) = values::element(element_cell, catalogue) else {
            if has_values {
                error(element_column, element_cell, values::ELEMENT_EXPECTED);
                out.errors.append(&mut errors);
            }
            continue;
        };
        let unit = match cell(Field::Unit) {
            Some((c, value)) => match unit_of(value, units) {
                Some(u) => Some(u),
                None => {
                    let expected = format!("one of the units in cse.toml: {}", units.join(", "));
                    error(c, value, &expected);
                    None
                }
            },
            None => None,
        };
        let mut take = |field, read: &dyn Fn(&Cell) -> Result<(), values::Unreadable>| {
            if let Some((c, value)) = cell(field)
                && let Err(e) = read(value)
            {
                error(c, value, &e.expected);
            }
        };
        let status = std::cell::Cell::new(None);
        take(Field::Status, &|v| values::status(v).map(|s| status.set(s)));
        let reviewed = std::cell::Cell::new(None);
        take(Field::Reviewed, &|v| {
            values::date(v).map(|d| reviewed.set(d))
        });
        let text = |field| cell(field).map(|(_, v)| v.shown()).unwrap_or_default();
        let owner = Some(collapse(&text(Field::Owner))).filter(|o| !o.is_empty());
        let narrative = Some(text(Field::Narrative).trim().to_owned()).filter(|n| !n.is_empty());
        let evidence: Vec<String> = text(Field::Evidence)
            .lines()
            .map(collapse)
            .filter(|t| !t.is_empty())
            .collect();
        let key = (unit.clone(), element.clone());
        if let Some(first) = seen.get(&key) {
            let expected = format!("one row per element; this one is also in row {}", first + 1);
            error(element_column, element_cell, &expected);
        }
        if errors.is_empty() {
            seen.insert(key, row);
            out.rows.push(SheetRow {
                row,
                unit,
                element,
                status: status.get(),
                owner,
                reviewed: reviewed.get(),
                narrative,
                evidence,
            });
        } else {
            out.errors.append(&mut errors);
        }
    }
    out
}

/// The unit a cell names, as cse.toml spells it (case and spaces aside).
fn unit_of(cell: &Cell, units: &[String]) -> Option<String> {
    let written = collapse(&cell.shown());
    units
        .iter()
        .find(|u| u.eq_ignore_ascii_case(&written))
        .cloned()
}
