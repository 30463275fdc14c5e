//! `cse priorities` for the terminal. The element's text takes two lines, so each row says
//! which element it is; the owner (or, with several units, the units not ready) and the text
//! are cut to the room the other columns leave.

use std::io::{self, Write};

use comfy_table::Cell;

use crate::render::table::{self, toned};
use crate::render::text::{Terminal, Tone, clip, cut, longest_word, paint, width, wrap};
use crate::views::priorities::{PrioritiesReport, PriorityRow};

/// Columns that are cut to fit: the text, and the owner or the units not ready.
const TEXT: usize = 1;
const SHARED: usize = 4;
/// The text never gets narrower than this, nor the owner (when longer) than [`MIN_OWNER`].
const MIN_TEXT: usize = 16;
const MIN_OWNER: usize = 12;
/// Lines of the element's text shown in its cell.
const TEXT_LINES: usize = 2;

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
    // The review date goes first when the terminal is too narrow for it.
    let mut layout = Layout {
        institution,
        reviewed: !institution,
        tiers: report.has_tiers,
    };
    let shared = |r: &PriorityRow, width: usize| {
        if institution {
            // Names are listed whole: as many as fit, then "and N more".
            let names = names_fitting(&r.not_ready_in, width);
            cut(&super::not_ready_in(report, r, names), width)
        } else {
            clip(r.owner.as_deref().unwrap_or(""), width, TEXT_LINES)
        }
    };
    // Measure with the text and the owner left out, then share what the other columns
    // leave: the owner gets up to a third (the units not ready, up to half), the text the
    // rest, on two lines, so each element is known by its words.
    let measure = |layout: &Layout| {
        let mut t = table::new(term, &layout.header());
        for r in &report.rows {
            t.add_row(row(layout, r, "", ""));
        }
        table::room_for(&t, &[TEXT, SHARED], term.width)
    };
    let mut room = measure(&layout);
    if layout.reviewed && room < MIN_TEXT + MIN_OWNER {
        layout.reviewed = false;
        room = measure(&layout);
    }
    let owners = report
        .rows
        .iter()
        .map(|r| width(&shared(r, usize::MAX)))
        .max()
        .unwrap_or(0)
        .max(longest_word(layout.header()[SHARED]));
    // An owner on two lines takes about half its width.
    let owners = if institution {
        owners
    } else {
        owners.div_ceil(2) + 4
    };
    let share = if institution { room / 2 } else { room / 3 };
    let shared_width = owners
        .min(MIN_OWNER.max(share))
        .min(room.saturating_sub(MIN_TEXT));
    let text_width = room.saturating_sub(shared_width).max(MIN_TEXT);

    let mut t = table::new(term, &layout.header());
    for r in &report.rows {
        t.add_row(row(
            &layout,
            r,
            &clip(&r.text, text_width, TEXT_LINES),
            &shared(r, shared_width),
        ));
    }
    table::set_width(&mut t, TEXT, text_width);
    table::set_width(&mut t, SHARED, shared_width);
    table::align_right(&mut t, [layout.actions_column()]);
    table::write(out, &t)?;
    if institution {
        let note = wrap(super::INSTITUTION_NOTE, term.width, "", "");
        writeln!(out, "{}", paint(note.trim_end(), Tone::Dim, term.color))?;
    }
    Ok(())
}

/// Which columns the table has.
struct Layout {
    institution: bool,
    reviewed: bool,
    tiers: bool,
}

impl Layout {
    fn header(&self) -> Vec<&'static str> {
        let mut header = vec![
            "#",
            "Element",
            "Status",
            "Ready",
            if self.institution {
                "Not ready in"
            } else {
                "Owner"
            },
        ];
        if self.reviewed {
            header.push("Reviewed");
        }
        header.push("Open\nactions");
        if self.tiers {
            header.push("Tier");
        }
        header
    }

    fn actions_column(&self) -> usize {
        self.header().len() - 1 - usize::from(self.tiers)
    }
}

/// A row; `shared` is the owner, or with several units the units where it is not ready.
fn row(layout: &Layout, r: &PriorityRow, text: &str, shared: &str) -> Vec<Cell> {
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
    if layout.reviewed {
        cells.push(table::cell(
            r.reviewed.map(|d| d.to_string()).unwrap_or_default(),
        ));
    }
    cells.push(table::cell(r.open_actions));
    if layout.tiers {
        cells.push(table::cell(r.tier.map_or("", |t| t.as_str())));
    }
    cells
}

/// How many of `names` fit in `width` columns as "a, b and N more"; 0 when not even one does.
fn names_fitting(names: &[String], room: usize) -> usize {
    let mut used = 0;
    let mut fits = 0;
    for (k, name) in names.iter().enumerate() {
        used += width(name) + if k > 0 { 2 } else { 0 };
        let rest = names.len() - k - 1;
        let more = if rest > 0 {
            format!(" and {rest} more").len()
        } else {
            0
        };
        if used + more > room {
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
