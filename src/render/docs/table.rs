//! `cse docs` for the terminal: a short block per document (long paths and lists of elements
//! do not fit table columns).

use crate::documents::DocsReport;
use crate::render::escape::terminal;
use crate::render::text::{Terminal, Tone, paint, strong, wrap};

pub fn render(report: &DocsReport, term: &Terminal) -> String {
    let mut out = strong(&super::summary_line(report), term);
    out.push('\n');
    if report.documents.is_empty() {
        out.push_str("\nNo evidence file cites a document by `path:`.\n");
    }
    for d in &report.documents {
        out.push('\n');
        // Wrapped, so a line break in a path becomes a space, as everywhere in a title.
        out.push_str(&strong(&d.path, term));
        if !d.exists {
            out.push_str(&paint(" (missing)", Tone::Bad, term.color));
        }
        out.push('\n');
        let lines = [
            format!("last change: {}", super::last_change(d)),
            format!("cited by: {}", super::cited_by(d)),
        ];
        for line in lines {
            out.push_str(&wrap(&terminal(&line), term.width, "  ", "    "));
        }
        let changed = super::changed_since_review(d);
        if !changed.is_empty() {
            let line = wrap(
                &format!("changed since review: {changed}"),
                term.width,
                "  ",
                "    ",
            );
            out.push_str(&paint(line.trim_end(), Tone::Warning, term.color));
            out.push('\n');
        }
    }
    if let Some(dir) = &report.dir
        && !report.uncited.is_empty()
    {
        out.push('\n');
        out.push_str(&wrap(
            &format!("Cited by no element, under {dir}/:"),
            term.width,
            "",
            "  ",
        ));
        for path in &report.uncited {
            out.push_str(&wrap(path, term.width, "  ", "    "));
        }
    }
    for note in super::notes(report) {
        out.push('\n');
        out.push_str(&wrap(&note, term.width, "", ""));
    }
    out
}
