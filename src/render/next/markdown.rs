//! `cse next --format markdown`: the queue as a numbered list.

use crate::render::escape;
use crate::views::next::NextQueue;

pub fn render(queue: &NextQueue) -> String {
    let mut out = format!("### {}\n\n", escape::markdown(&super::summary_line(queue)));
    if queue.items.is_empty() {
        out.push_str(&escape::markdown(&super::empty(queue)));
        out.push('\n');
        return out;
    }
    for item in &queue.items {
        let owner = item
            .owner
            .as_deref()
            .map(|o| format!("; owner: {}", escape::markdown(o)))
            .unwrap_or_default();
        out.push_str(&format!(
            "{}. **{}** ({}): {}. Why: {}. File: {}{owner}\n",
            item.rank,
            escape::markdown(&super::element_label(item)),
            item.kind.as_str(),
            escape::markdown(&super::what(item)),
            escape::markdown(&super::why(item)),
            escape::markdown(&item.file),
        ));
    }
    out
}
