//! `cse docs --format csv`: a row per document and citing element; uncited files last.

use crate::documents::DocsReport;
use crate::render::csv;

/// One CSV record as text.
fn record<S: AsRef<str>>(fields: impl IntoIterator<Item = S>) -> String {
    let fields: Vec<S> = fields.into_iter().collect();
    crate::render::to_string_with(|out| csv::record(out, fields))
}

pub fn render(report: &DocsReport) -> String {
    let mut out = record([
        "path",
        "exists",
        "last_changed",
        "commit",
        "unit",
        "element",
        "reviewed",
        "changed_since_review",
    ]);
    for d in &report.documents {
        let (date, commit) = match &d.last_changed {
            Some(c) => (c.date.to_string(), c.commit.clone()),
            None => (String::new(), String::new()),
        };
        for c in &d.citations {
            let changed = d.is_changed_since(c);
            out.push_str(&record([
                d.path.as_str(),
                if d.exists { "true" } else { "false" },
                &date,
                &commit,
                c.unit.as_deref().unwrap_or(""),
                &c.element,
                &c.reviewed
                    .as_ref()
                    .map(|r| r.value.to_string())
                    .unwrap_or_default(),
                if changed { "true" } else { "false" },
            ]));
        }
    }
    for path in &report.uncited {
        out.push_str(&record([
            path.as_str(),
            "true",
            "",
            "",
            "",
            "",
            "",
            "false",
        ]));
    }
    out
}
