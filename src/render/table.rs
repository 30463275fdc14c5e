//! The look shared by every terminal table: comfy-table, fitted to the terminal width.

use std::io::{self, Write};

use comfy_table::{
    Attribute, Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, LineStyle, Table,
    TableStyle, Width,
};

use super::escape::terminal;
use super::text::{Terminal, Tone, longest_word};

/// No vertical lines, a rule under the header, one space between columns: easy to read,
/// and cheap in width so 80 columns hold a lot.
const STYLE: TableStyle = TableStyle::new().header_separator(LineStyle::none().fill('─'));

/// An empty table that fits `term.width` and is coloured only when `term.color` is on.
/// comfy-table is never left to look at the terminal itself.
pub fn new(term: &Terminal, header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .force_no_tty()
        .load_style(STYLE)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(term.width).unwrap_or(u16::MAX));
    if term.color {
        table.enforce_styling();
    }
    table.set_header(header.iter().map(|h| {
        let cell = cell(h);
        if term.color {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    }));
    let last = header.len().saturating_sub(1);
    for (i, column) in table.column_iter_mut().enumerate() {
        column.set_padding((0, u16::from(i != last)));
    }
    table
}

/// A header is wrapped only at spaces, so its column is never narrower than its longest word
/// (up to [`MAX_HEADER_WORD`]).
fn header_least(header: &str) -> usize {
    longest_word(header).min(MAX_HEADER_WORD)
}

/// Header words (a unit's name) wider than this may be broken.
const MAX_HEADER_WORD: usize = 24;

/// The least width of column `index`: see [`header_least`].
fn header_word(table: &Table, index: usize) -> usize {
    table
        .header()
        .and_then(|h| h.cell_iter().nth(index))
        .map_or(0, |c| header_least(&c.content()))
}

/// A cell holding `text`, cleaned for the terminal. Every cell of a terminal table is made
/// here or by [`toned`].
pub fn cell(text: impl ToString) -> Cell {
    Cell::new(terminal(&text.to_string()))
}

/// A cell in the colour of `tone` (the colour shows only on a styled table).
pub fn toned(text: impl ToString, tone: Tone) -> Cell {
    let cell = cell(text);
    match tone {
        Tone::Good => cell.fg(Color::Green),
        Tone::Warning => cell.fg(Color::Yellow),
        Tone::Bad => cell.fg(Color::Red),
        Tone::Dim => cell.add_attribute(Attribute::Dim),
        Tone::Strong => cell.add_attribute(Attribute::Bold),
    }
}

/// Right-aligns the given columns (numbers).
pub fn align_right(table: &mut Table, columns: impl IntoIterator<Item = usize>) {
    for i in columns {
        if let Some(c) = table.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
}

/// Characters left for the `flex` columns of a table `width` wide when every other column
/// keeps its content on one line. Columns are separated by one space.
pub fn room_for(table: &Table, flex: &[usize], width: usize) -> usize {
    let widths = table.column_max_content_widths();
    let others: usize = widths
        .iter()
        .enumerate()
        .filter(|(i, _)| !flex.contains(i))
        .map(|(_, w)| usize::from(*w))
        .sum();
    width.saturating_sub(others + widths.len().saturating_sub(1))
}

/// The widest content of column `index`, header included.
pub fn content_width(table: &Table, index: usize) -> usize {
    table
        .column_max_content_widths()
        .get(index)
        .map_or(0, |w| usize::from(*w))
}

/// Gives column `flex` the room left by the others (at most its content, at least its
/// header's longest word), so the table uses the width it has and no more; its text wraps.
pub fn fit(table: &mut Table, flex: usize, width: usize) {
    let room = room_for(table, &[flex], width);
    let content = content_width(table, flex);
    set_width(table, flex, room.min(content));
}

/// Fixes the content width of column `index`; its text wraps within it.
/// Never narrower than the longest word of its header.
pub fn set_width(table: &mut Table, index: usize, width: usize) {
    let width = width.max(header_word(table, index));
    if let Some(c) = table.column_mut(index) {
        // comfy-table counts the padding in an absolute width.
        let fixed = u16::try_from(width)
            .unwrap_or(u16::MAX)
            .saturating_add(c.padding_width());
        c.set_constraint(ColumnConstraint::Absolute(Width::Fixed(fixed)));
    }
}

/// Columns whose content is at most this wide are never wrapped (dates, figures, ids).
const SHORT_COLUMN: usize = 15;

/// Gives every column not fixed by [`set_width`] its least width: a short column its
/// content, any other the longest word of its header. comfy-table fixes a column at that
/// width when the table is tight, so it must not be less than what reads well.
fn settle(table: &mut Table) {
    let widths = table.column_max_content_widths();
    let least: Vec<usize> = (0..widths.len())
        .map(|i| {
            let content = usize::from(widths[i]);
            if content <= SHORT_COLUMN {
                content
            } else {
                header_word(table, i)
            }
        })
        .collect();
    for (column, least) in table.column_iter_mut().zip(least) {
        if matches!(column.constraint(), Some(ColumnConstraint::Absolute(_))) {
            continue;
        }
        // comfy-table counts the padding in a boundary.
        let least = least.saturating_add(usize::from(column.padding_width()));
        column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
            u16::try_from(least).unwrap_or(u16::MAX),
        )));
    }
}

/// Writes the table's lines with trailing spaces removed, each ending in a newline.
pub fn write(out: &mut dyn Write, table: &Table) -> io::Result<()> {
    let mut table = table.clone();
    settle(&mut table);
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
