//! `cse next` for the terminal: a numbered entry per item (what, why, where, who), which
//! reads better than a table when the reasons are sentences.

use crate::render::text::{Terminal, Tone, paint, strong, wrap};
use crate::views::next::{NextItem, NextQueue};

pub fn render(queue: &NextQueue, term: &Terminal) -> String {
    let mut out = strong(&super::summary_line(queue), term);
    out.push('\n');
    if queue.items.is_empty() {
        out.push('\n');
        out.push_str(&crate::render::escape::terminal(&super::empty(queue)));
        out.push('\n');
        return out;
    }
    let width = queue.items.last().map_or(1, |i| i.rank.to_string().len());
    for item in &queue.items {
        out.push('\n');
        out.push_str(&entry(item, width, term));
    }
    out
}

/// One item: what (bold), why, where and who, wrapped to the terminal; `width` is that of
/// the widest rank.
pub fn entry(item: &NextItem, width: usize, term: &Terminal) -> String {
    let indent = " ".repeat(width + 2);
    let head = format!(
        "{:>width$}. {}: {}",
        item.rank,
        super::element_label(item),
        super::what(item)
    );
    let head = wrap(&head, term.width, "", &indent);
    let mut out = paint(head.trim_end(), Tone::Strong, term.color);
    out.push('\n');
    out.push_str(&wrap(
        &format!("why: {}", super::why(item)),
        term.width,
        &indent,
        &format!("{indent}  "),
    ));
    let mut place = format!("file: {}", item.file);
    if let Some(owner) = &item.owner {
        place.push_str(&format!("; owner: {owner}"));
    }
    out.push_str(&wrap(&place, term.width, &indent, &format!("{indent}  ")));
    out
}
