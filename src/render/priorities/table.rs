//! `cse priorities` for the terminal. Each row stays on one line when the terminal allows:
//! the owner (or, with several units, the units not ready) and the element text are cut to
//! the room the other columns leave.

use std::io::{self, Write};

use comfy_table::Cell;

use crate::render::table::{self, toned};
use crate::render::text::{Terminal, Tone, cut, paint, wrap};
use crate::views::priorities::{PrioritiesReport, PriorityRow};

/// Columns that are cut to fit: the text, and the owner or the units not ready.
const TEXT: usize = 1;
const SHARED: usize = 4;
/// The text never gets narrower than this, nor the owner (when longer) than [`MIN_OWNER`].
const MIN_TEXT: usize = 16;
const MIN_OWNER: usize = 12;

pub fn write(report: &PrioritiesReport, term: &Terminal, out: &mut dyn Write) -> io::Result<()> {
    let summary = wrap(&super::summary_line(report), term.width, "", "");
    writeln!(
        out,
        "{}\n",
        paint(summary.trim_end(), Tone::Strong, term.color)
    )?;
    if let Some(message) = super::empty_message(report) {
        return writeln!(out, "{message}");
    }

    let institution = report.is_institution();
    let mut header = if institution {
        vec![
            "#",
            "Element",
            "Status",
            "Ready",
            "Not ready in",
            "Open\nactions",
        ]
    } else {
        vec![
            "#",
            "Element",
            "Status",
            "Ready",
            "Owner",
            "Reviewed",
            "Open\nactions",
        ]
    };
    if report.has_tiers {
        header.push("Tier");
    }
    let actions_column = header.len() - 1 - usize::from(report.has_tiers);

    // Measure with whole texts, then share what the fixed columns leave: the owner gets up
    // to a third (the units not ready, up to half), the text the rest.
    let shared = |r: &PriorityRow, width: usize| {
        if institution {
            // Names are listed whole: as many as fit, then "and N more".
            let names = names_fitting(&r.not_ready_in, width);
            cut(&super::not_ready_in(report, r, names), width)
        } else {
            cut(r.owner.as_deref().unwrap_or(""), width)
        }
    };
    let mut measure = table::new(term, &header);
    for r in &report.rows {
        measure.add_row(row(report, r, &r.text, &shared(r, usize::MAX)));
    }
    let room = table::room_for(&measure, &[TEXT, SHARED], term.width);
    let share = if institution { room / 2 } else { room / 3 };
    let shared_width = table::content_width(&measure, SHARED).min(MIN_OWNER.max(share));
    let text_width = room.saturating_sub(shared_width).max(MIN_TEXT);

    let mut t = table::new(term, &header);
    for r in &report.rows {
        t.add_row(row(
            report,
            r,
            &cut(&r.text, text_width),
            &shared(r, shared_width),
        ));
    }
    table::fit(&mut t, TEXT, term.width, MIN_TEXT);
    table::align_right(&mut t, [actions_column]);
    table::write(out, &t)?;
    if institution {
        let note = wrap(super::INSTITUTION_NOTE, term.width, "", "");
        writeln!(out, "{}", paint(note.trim_end(), Tone::Dim, term.color))?;
    }
    Ok(())
}

/// A row; `shared` is the owner, or with several units the units where it is not ready.
fn row(report: &PrioritiesReport, r: &PriorityRow, text: &str, shared: &str) -> Vec<Cell> {
    let mut cells = vec![
        table::cell(&r.id),
        table::cell(text),
        toned(r.status.as_str(), super::status_tone(r.status)),
        toned(
            super::yes_no(r.ready),
            if r.ready { Tone::Good } else { Tone::Bad },
        ),
        table::cell(shared),
    ];
    if !report.is_institution() {
        cells.push(table::cell(
            r.reviewed.map(|d| d.to_string()).unwrap_or_default(),
        ));
    }
    cells.push(table::cell(r.open_actions));
    if report.has_tiers {
        cells.push(table::cell(r.tier.map_or("", |t| t.as_str())));
    }
    cells
}

/// How many of `names` fit in `width` columns as "a, b and N more"; 0 when not even one does.
fn names_fitting(names: &[String], width: usize) -> usize {
    let mut used = 0;
    let mut fits = 0;
    for (k, name) in names.iter().enumerate() {
        used += name.chars().count() + if k > 0 { 2 } else { 0 };
        let rest = names.len() - k - 1;
        let more = if rest > 0 {
            format!(" and {rest} more").len()
        } else {
            0
        };
        if used + more > width {
            break;
        }
        fits = k + 1;
    }
    fits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fit_whole() {
        let names: Vec<String> = ["central-library", "mobile-library", "registration"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        assert_eq!(names_fitting(&names, 200), 3);
        // "central-library, mobile-library, registration" is 45 wide.
        assert_eq!(names_fitting(&names, 45), 3);
        // "central-library, mobile-library and 1 more" is 42 wide.
        assert_eq!(names_fitting(&names, 44), 2);
        assert_eq!(names_fitting(&names, 42), 2);
        assert_eq!(names_fitting(&names, 41), 1);
        // "central-library and 2 more" is 26 wide.
        assert_eq!(names_fitting(&names, 26), 1);
        assert_eq!(names_fitting(&names, 25), 0);
        assert_eq!(names_fitting(&names[..1], 15), 1);
        assert_eq!(names_fitting(&names[..1], 14), 0);
        assert_eq!(names_fitting(&[], 10), 0);
    }
}
