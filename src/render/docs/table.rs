//! `cse docs` for the terminal: a short block per document (long paths and lists of elements
//! do not fit table columns).

use crate::documents::DocsReport;
use crate::render::escape::{terminal, terminal_line};
use crate::render::text::{Terminal, Tone, paint, wrap};

pub fn render(report: &DocsReport, term: &Terminal) -> String {
    let mut out = paint(&super::summary_line(report), Tone::Strong, term.color);
    out.push('\n');
    if report.documents.is_empty() {
        out.push_str("\nNo evidence file cites a document by `path:`.\n");
    }
    for d in &report.documents {
        out.push('\n');
        let mut title = terminal_line(&d.path).into_owned();
        if !d.exists {
            title.push_str(&paint(" (missing)", Tone::Bad, term.color));
        }
        out.push_str(&paint(&title, Tone::Strong, term.color));
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
        out.push_str(&format!(
            "\nCited by no element, under {}/:\n",
            terminal_line(dir).into_owned()
        ));
        for path in &report.uncited {
            out.push_str(&format!("  {}\n", terminal_line(path)));
        }
    }
    for note in super::notes(report) {
        out.push('\n');
        out.push_str(&note);
        out.push('\n');
    }
    out
}
