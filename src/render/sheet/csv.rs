//! `cse export --out FILE.csv`: the Elements sheet, every field guarded against formulas
//! (by the shared CSV record writer).

use std::io::{self, Write};

use super::{ELEMENT_COLUMNS, element_texts};
use crate::render::csv::record;
use crate::sheet::matrix::Matrix;

pub fn write(matrix: &Matrix, out: &mut dyn Write) -> io::Result<()> {
    let units = matrix.units;
    let mut header: Vec<&str> = ELEMENT_COLUMNS.iter().map(|c| c.0).collect();
    if units {
        header.insert(0, "Unit");
    }
    record(out, header)?;
    for row in &matrix.elements {
        let mut fields: Vec<String> = element_texts(row).into_iter().collect();
        if units {
            fields.insert(0, row.unit.clone().unwrap_or_default());
        }
        record(out, fields)?;
    }
    Ok(())
}
