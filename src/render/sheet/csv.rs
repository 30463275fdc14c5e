//! `cse export --out FILE.csv`: the Elements sheet, every field guarded against formulas.

use super::{ELEMENT_COLUMNS, element_texts};
use crate::render::csv::{guard, record};
use crate::sheet::matrix::Matrix;

pub fn render(matrix: &Matrix) -> String {
    let units = matrix.units;
    let mut header: Vec<&str> = ELEMENT_COLUMNS.iter().map(|c| c.0).collect();
    if units {
        header.insert(0, "Unit");
    }
    let mut out = record(header);
    for row in &matrix.elements {
        let mut fields: Vec<String> = element_texts(row).into_iter().collect();
        if units {
            fields.insert(0, row.unit.clone().unwrap_or_default());
        }
        out.push_str(&record(fields.iter().map(|f| guard(f))));
    }
    out
}
