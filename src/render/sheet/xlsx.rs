//! `cse export --out FILE.xlsx`: a real workbook (rust_xlsxwriter) with three sheets:
//! Elements, Actions and Summary. Dates are date cells, counts are numbers.

use jiff::civil::Date;
use rust_xlsxwriter::{
    Color, ConditionalFormatText, ConditionalFormatTextRule, ExcelDateTime, Format, FormatBorder,
    Workbook, Worksheet, XlsxError,
};

use super::{ELEMENT_COLUMNS, element_texts, yes_no};
use crate::readiness::{Counts, Scope};
use crate::render::status::{assessment_label, errors_note, priority_line, reasons};
use crate::sheet::matrix::Matrix;
use crate::views::status::StatusReport;

/// Excel's longest text in one cell.
const MAX_CELL_CHARS: usize = 32_767;

/// Status words and the fill and font colours of their cells.
const STATUS_COLOURS: [(&str, u32, u32); 7] = [
    ("compliance-plus", 0xA9D08E, 0x375623),
    ("compliant", 0xC6EFCE, 0x006100),
    ("partial", 0xFFEB9C, 0x9C5700),
    ("non-compliant", 0xFFC7CE, 0x9C0006),
    ("not-assessed", 0xEDEDED, 0x595959),
    ("missing", 0xFFC7CE, 0x9C0006),
    ("invalid", 0xFFC7CE, 0x9C0006),
];

struct Formats {
    header: Format,
    wrap: Format,
    top: Format,
    date: Format,
    percent: Format,
    bold: Format,
}

impl Formats {
    fn new() -> Formats {
        let top = Format::new().set_align(rust_xlsxwriter::FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0xD9E1F2))
                .set_border_bottom(FormatBorder::Thin),
            wrap: top.clone().set_text_wrap(),
            date: top.clone().set_num_format("yyyy-mm-dd"),
            percent: Format::new().set_num_format("0.0%"),
            bold: Format::new().set_bold(),
            top,
        }
    }
}

/// The workbook's bytes.
pub fn render(matrix: &Matrix, summary: &StatusReport) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut book = Workbook::new();
    elements(book.add_worksheet().set_name("Elements")?, matrix, &formats)?;
    actions(book.add_worksheet().set_name("Actions")?, matrix, &formats)?;
    summary_sheet(book.add_worksheet().set_name("Summary")?, summary, &formats)?;
    book.save_to_buffer()
}

/// Text cut to what one cell holds.
fn fit(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().count() <= MAX_CELL_CHARS {
        text.into()
    } else {
        let mut cut: String = text.chars().take(MAX_CELL_CHARS - 1).collect();
        cut.push('…');
        cut.into()
    }
}

fn text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    f: &Format,
) -> Result<(), XlsxError> {
    if !value.is_empty() {
        sheet.write_string_with_format(row, col, fit(value), f)?;
    }
    Ok(())
}

fn date(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<Date>,
    f: &Formats,
) -> Result<(), XlsxError> {
    let Some(d) = value else { return Ok(()) };
    match ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8) {
        Ok(dt) => sheet.write_datetime_with_format(row, col, &dt, &f.date)?,
        // Excel has no dates before 1900: write the date as text.
        Err(_) => sheet.write_string_with_format(row, col, d.to_string(), &f.top)?,
    };
    Ok(())
}

/// Headers in row 0, frozen, with an autofilter over `rows` rows below and column widths.
fn header(
    sheet: &mut Worksheet,
    columns: &[(&str, f64, bool)],
    rows: usize,
    f: &Formats,
) -> Result<(), XlsxError> {
    headings(sheet, 0, columns, f)?;
    sheet.set_freeze_panes(1, 0)?;
    let last = columns.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, rows as u32, last)?;
    Ok(())
}

/// Column headings on row `row`, and the columns' widths.
fn headings(
    sheet: &mut Worksheet,
    row: u32,
    columns: &[(&str, f64, bool)],
    f: &Formats,
) -> Result<(), XlsxError> {
    for (c, (name, width, _)) in columns.iter().enumerate() {
        let c = c as u16;
        sheet.write_string_with_format(row, c, *name, &f.header)?;
        sheet.set_column_width(c, *width)?;
    }
    Ok(())
}

fn with_unit(units: bool, columns: &[(&'static str, f64, bool)]) -> Vec<(&'static str, f64, bool)> {
    let mut out = Vec::with_capacity(columns.len() + 1);
    if units {
        out.push(("Unit", 16.0, true));
    }
    out.extend_from_slice(columns);
    out
}

fn elements(sheet: &mut Worksheet, matrix: &Matrix, f: &Formats) -> Result<(), XlsxError> {
    let columns = with_unit(matrix.units, &ELEMENT_COLUMNS);
    header(sheet, &columns, matrix.elements.len(), f)?;
    let offset = u16::from(matrix.units);
    for (i, row) in matrix.elements.iter().enumerate() {
        let r = i as u32 + 1;
        if matrix.units {
            text(sheet, r, 0, row.unit.as_deref().unwrap_or(""), &f.wrap)?;
        }
        let texts = element_texts(row);
        for (c, (value, (name, _, wrap))) in texts.iter().zip(ELEMENT_COLUMNS).enumerate() {
            let col = c as u16 + offset;
            match name {
                "Reviewed" => date(sheet, r, col, row.reviewed, f)?,
                "Next due" => date(sheet, r, col, row.next_due, f)?,
                "Open actions" => {
                    sheet.write_number_with_format(r, col, row.open_actions as f64, &f.top)?;
                }
                "Errors" => {
                    sheet.write_number_with_format(r, col, row.errors as f64, &f.top)?;
                }
                _ => text(sheet, r, col, value, if wrap { &f.wrap } else { &f.top })?,
            }
        }
    }
    let status_col = offset
        + ELEMENT_COLUMNS
            .iter()
            .position(|c| c.0 == "Status")
            .unwrap_or(5) as u16;
    let last_row = matrix.elements.len().max(1) as u32;
    for (word, fill, font) in STATUS_COLOURS {
        // No status word begins with another, so "begins with" picks exactly one.
        let rule = ConditionalFormatText::new()
            .set_rule(ConditionalFormatTextRule::BeginsWith(word.to_owned()))
            .set_format(
                Format::new()
                    .set_background_color(Color::RGB(fill))
                    .set_font_color(Color::RGB(font)),
            );
        sheet.add_conditional_format(1, status_col, last_row, status_col, &rule)?;
    }
    Ok(())
}

const ACTION_COLUMNS: [(&str, f64, bool); 5] = [
    ("Element", 10.0, false),
    ("Action", 60.0, true),
    ("Owner", 24.0, true),
    ("Due", 12.0, false),
    ("Done", 8.0, false),
];

fn actions(sheet: &mut Worksheet, matrix: &Matrix, f: &Formats) -> Result<(), XlsxError> {
    let columns = with_unit(matrix.units, &ACTION_COLUMNS);
    header(sheet, &columns, matrix.actions.len(), f)?;
    let o = u16::from(matrix.units);
    for (i, a) in matrix.actions.iter().enumerate() {
        let r = i as u32 + 1;
        if matrix.units {
            text(sheet, r, 0, a.unit.as_deref().unwrap_or(""), &f.wrap)?;
        }
        text(sheet, r, o, &a.element, &f.top)?;
        text(sheet, r, o + 1, &a.action, &f.wrap)?;
        text(sheet, r, o + 2, a.owner.as_deref().unwrap_or(""), &f.wrap)?;
        date(sheet, r, o + 3, a.due, f)?;
        text(sheet, r, o + 4, yes_no(a.done), &f.top)?;
    }
    Ok(())
}

fn summary_sheet(
    sheet: &mut Worksheet,
    report: &StatusReport,
    f: &Formats,
) -> Result<(), XlsxError> {
    let title = match &report.organisation {
        Some(org) => format!("{org}: readiness for {}", report.standard),
        None => format!("Readiness for {}", report.standard),
    };
    text(sheet, 0, 0, &title, &f.bold)?;
    let mut columns: Vec<(&str, f64, bool)> = vec![
        ("Criterion", 10.0, false),
        ("Title", 40.0, true),
        ("Elements", 10.0, false),
        ("Ready", 8.0, false),
        ("Readiness", 11.0, false),
    ];
    columns.extend(Counts::NAMES.iter().map(|n| (*n, 14.0, false)));
    headings(sheet, 2, &columns, f)?;
    let mut r = 3;
    let readiness = &report.readiness;
    for scope in readiness.criteria.iter().chain([&readiness.overall]) {
        scope_row(sheet, r, scope, f)?;
        r += 1;
    }
    r += 1;
    text(sheet, r, 0, &priority_line(report), &f.top)?;
    r += 1;
    let verdict = yes_no(readiness.assessment.ready);
    text(
        sheet,
        r,
        0,
        &format!("{}: {verdict}", assessment_label(report)),
        &f.bold,
    )?;
    let (reasons, more) = reasons(report);
    for reason in reasons.into_iter().chain(more) {
        r += 1;
        text(sheet, r, 0, &format!("- {reason}"), &f.top)?;
    }
    if let Some(note) = errors_note(readiness.not_ready_by_errors) {
        r += 2;
        text(sheet, r, 0, &note, &f.top)?;
    }
    Ok(())
}

fn scope_row(sheet: &mut Worksheet, r: u32, scope: &Scope, f: &Formats) -> Result<(), XlsxError> {
    text(
        sheet,
        r,
        0,
        scope.id.as_deref().unwrap_or("Overall"),
        &f.top,
    )?;
    text(sheet, r, 1, scope.title.as_deref().unwrap_or(""), &f.wrap)?;
    sheet.write_number(r, 2, scope.tally.elements as f64)?;
    sheet.write_number(r, 3, scope.tally.ready as f64)?;
    sheet.write_number_with_format(r, 4, scope.tally.readiness / 100.0, &f.percent)?;
    for (c, n) in scope.counts.values().iter().enumerate() {
        sheet.write_number(r, 5 + c as u16, *n as f64)?;
    }
    Ok(())
}
