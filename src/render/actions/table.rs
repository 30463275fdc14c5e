//! `cse actions` for the terminal: due date first, overdue ones flagged.

use std::io::{self, Write};

use crate::render::table::{self, toned};
use crate::render::text::{Terminal, Tone, cut, strong};

/// Longer unit names are cut (to a fifth of the width, at least 8), so the action keeps its
/// room.
const MAX_UNIT: usize = 20;
use crate::views::actions::ActionPlan;

/// The action text never gets narrower than this, nor the owner (when longer) than [`MIN_OWNER`].
const MIN_ACTION: usize = 16;
const MIN_OWNER: usize = 12;

pub fn write(plan: &ActionPlan, term: &Terminal, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}\n", strong(&super::summary_line(plan), term))?;
    if let Some(message) = super::empty_message(plan) {
        return writeln!(out, "{message}");
    }
    let units = super::has_units(plan);
    let mut header = vec!["Due", "", "Element", "Action", "Owner"];
    if units {
        header.insert(0, "Unit");
    }
    let mut t = table::new(term, &header);
    for r in &plan.rows {
        let mut cells = vec![
            table::cell(
                r.due
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "no date".into()),
            ),
            if r.overdue {
                toned("overdue", Tone::Bad)
            } else {
                table::cell("")
            },
            table::cell(&r.element),
            table::cell(&r.action),
            table::cell(r.owner.as_deref().unwrap_or("")),
        ];
        if units {
            let unit_width = (term.width / 5).clamp(8, MAX_UNIT);
            cells.insert(
                0,
                table::cell(cut(r.unit.as_deref().unwrap_or(""), unit_width)),
            );
        }
        t.add_row(cells);
    }
    let action = if units { 4 } else { 3 };
    let owner = action + 1;
    let room = table::room_for(&t, &[action, owner], term.width);
    // The least widths give way when the terminal has no room for them.
    let (min_owner, min_action) = if room >= MIN_OWNER + MIN_ACTION {
        (MIN_OWNER, MIN_ACTION)
    } else {
        (0, 0)
    };
    let owner_width = table::content_width(&t, owner).min(min_owner.max(room / 3));
    let action_width = room
        .saturating_sub(owner_width)
        .max(min_action)
        .min(table::content_width(&t, action));
    table::set_width(&mut t, owner, owner_width);
    table::set_width(&mut t, action, action_width);
    table::write(out, &t)
}
