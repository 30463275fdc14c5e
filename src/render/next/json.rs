//! `cse next --format json`: version 1, documented in docs/due.md.

use serde::Serialize;

use crate::views::next::NextQueue;

/// Bumped on any incompatible change to this document.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    /// Every item before `--limit`, so a digest can say how many more there are.
    total: usize,
    items: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Item<'a> {
    rank: usize,
    kind: &'static str,
    element: &'a str,
    unit: Option<&'a str>,
    file: &'a str,
    owner: Option<&'a str>,
    what: String,
    why: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<String>,
}

pub fn render(queue: &NextQueue) -> String {
    crate::render::to_string_with(|out| {
        crate::render::json::write(
            &Doc {
                version: SCHEMA_VERSION,
                total: queue.total,
                items: queue
                    .items
                    .iter()
                    .map(|i| Item {
                        rank: i.rank,
                        kind: i.kind.as_str(),
                        element: &i.element,
                        unit: i.unit.as_deref(),
                        file: &i.file,
                        owner: i.owner.as_deref(),
                        what: super::what(i),
                        why: super::why(i),
                        due: i.due.map(|d| d.to_string()),
                    })
                    .collect(),
            },
            out,
        )
    })
}
