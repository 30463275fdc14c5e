//! The terminal's width, for tables: `COLUMNS` when set, else the terminal's own, else none.

pub fn width() -> Option<u16> {
    if let Some(w) = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<u16>().ok())
        .filter(|w| *w > 0)
    {
        return Some(w);
    }
    // comfy-table asks the terminal when stdout is one.
    comfy_table::Table::new().width()
}
