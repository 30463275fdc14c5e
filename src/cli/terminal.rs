//! What the terminal can show: colour, and the width tables must fit.

use std::io::IsTerminal;

use cse::render::text::Terminal;

use super::args::ColorChoice;
use super::output;

/// Narrowest width tables are fitted to, whatever the terminal says.
const MIN_WIDTH: usize = 20;

/// Colour and width for stdout.
pub fn terminal(choice: ColorChoice) -> Terminal {
    Terminal {
        color: output::use_color(choice),
        width: width(),
    }
}

/// `COLUMNS` when set to a number; else the terminal's width on a TTY; else 80.
pub fn width() -> usize {
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|w| *w > 0);
    let width = from_env.or_else(|| {
        std::io::stdout()
            .is_terminal()
            .then(|| comfy_table::Table::new().width().map(usize::from))
            .flatten()
    });
    width.unwrap_or(80).max(MIN_WIDTH)
}

/// The width, without colour (history).
pub fn plain() -> Terminal {
    Terminal {
        color: false,
        width: width(),
    }
}
