//! `cse priorities` for the terminal. Each row stays on one line when the terminal allows:
//! the owner and the element text are cut to the room the other columns leave.

use comfy_table::Cell;

use crate::render::table::{self, toned};
use crate::render::text::{Terminal, Tone, cut, paint, wrap};
use crate::views::priorities::{PrioritiesReport, PriorityRow};

/// Columns that are cut to fit: the text and the owner.
const TEXT: usize = 1;
const OWNER: usize = 4;
/// The text never gets narrower than this, nor the owner (when longer) than [`MIN_OWNER`].
const MIN_TEXT: usize = 16;
const MIN_OWNER: usize = 12;

pub fn render(report: &PrioritiesReport, term: &Terminal) -> String {
    let summary = wrap(&super::summary_line(report), term.width, "", "");
    let mut out = paint(summary.trim_end(), Tone::Strong, term.color);
    out.push_str("\n\n");
    if let Some(message) = super::empty_message(report) {
        out.push_str(&message);
        out.push('\n');
        return out;
    }

    let mut header = vec![
        "#",
        "Element",
        "Status",
        "Ready",
        "Owner",
        "Reviewed",
        "Open\nactions",
    ];
    if report.has_tiers {
        header.push("Tier");
    }

    // Measure with whole texts, then share what the fixed columns leave: the owner gets up
    // to a third, the text the rest.
    let mut measure = table::new(term, &header);
    for r in &report.rows {
        measure.add_row(row(report, r, &r.text, r.owner.as_deref().unwrap_or("")));
    }
    let room = table::room_for(&measure, &[TEXT, OWNER], term.width);
    let owner_width = table::content_width(&measure, OWNER).min(MIN_OWNER.max(room / 3));
    let text_width = room.saturating_sub(owner_width).max(MIN_TEXT);

    let mut t = table::new(term, &header);
    for r in &report.rows {
        let owner = cut(r.owner.as_deref().unwrap_or(""), owner_width);
        t.add_row(row(report, r, &cut(&r.text, text_width), &owner));
    }
    table::fit(&mut t, TEXT, term.width, MIN_TEXT);
    table::align_right(&mut t, [6]);
    out.push_str(&table::finish(&t));
    out
}

fn row(report: &PrioritiesReport, r: &PriorityRow, text: &str, owner: &str) -> Vec<Cell> {
    let mut cells = vec![
        Cell::new(&r.id),
        Cell::new(text),
        toned(r.status.as_str(), super::status_tone(r.status)),
        toned(
            super::yes_no(r.ready),
            if r.ready { Tone::Good } else { Tone::Bad },
        ),
        Cell::new(owner),
        Cell::new(r.reviewed.map(|d| d.to_string()).unwrap_or_default()),
        Cell::new(r.open_actions),
    ];
    if report.has_tiers {
        cells.push(Cell::new(r.tier.map_or("", |t| t.as_str())));
    }
    cells
}
