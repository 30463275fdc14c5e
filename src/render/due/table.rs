//! `cse due` for the terminal: a table per owner.

use comfy_table::Cell;

use crate::render::escape::terminal;
use crate::render::table::{self, toned};
use crate::render::text::{Terminal, Tone, strong};
use crate::views::due::DueReport;

pub fn render(report: &DueReport, term: &Terminal) -> String {
    let mut out = strong(&super::summary_line(report), term);
    out.push('\n');
    if report.groups.is_empty() {
        out.push('\n');
        out.push_str(&terminal(&super::empty(report)));
        out.push('\n');
        return out;
    }
    for group in &report.groups {
        out.push('\n');
        // `strong` wraps, so a line break in the name becomes a space.
        out.push_str(&strong(super::owner_name(group.owner.as_deref()), term));
        out.push('\n');
        let mut t = table::new(term, &["Due", "", "Element", "What", "File"]);
        for item in &group.items {
            t.add_row(vec![
                Cell::new(item.due),
                if item.overdue {
                    toned("overdue", Tone::Bad)
                } else {
                    Cell::new("")
                },
                Cell::new(terminal(&super::element_label(item))),
                Cell::new(terminal(&super::what(item))),
                Cell::new(terminal(&format!("{}:{}", item.file, item.line))),
            ]);
        }
        table::fit(&mut t, 3, term.width);
        out.push_str(&crate::render::to_string_with(|w| table::write(w, &t)));
    }
    out
}
