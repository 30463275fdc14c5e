//! `cse docs --format markdown`.

use crate::documents::DocsReport;
use crate::render::escape;
use crate::render::markdown;

pub fn render(report: &DocsReport) -> String {
    let mut out = format!(
        "### Documents: {}\n\n",
        escape::markdown(&super::summary_line(report))
    );
    if !report.documents.is_empty() {
        let rows: Vec<Vec<String>> = report
            .documents
            .iter()
            .map(|d| {
                vec![
                    if d.exists {
                        d.path.clone()
                    } else {
                        format!("{} (missing)", d.path)
                    },
                    super::last_change(d),
                    super::cited_by(d),
                    super::changed_since_review(d),
                ]
            })
            .collect();
        let header = [
            "Document",
            "Last change",
            "Cited by",
            "Changed since review",
        ];
        out.push_str(&crate::render::to_string_with(|w| {
            markdown::table(w, &header, &[], &rows)
        }));
    }
    if let Some(dir) = &report.dir
        && !report.uncited.is_empty()
    {
        out.push_str(&format!(
            "\nCited by no element, under `{}/`:\n\n",
            dir.replace('`', "'")
        ));
        for path in &report.uncited {
            out.push_str(&format!("- {}\n", escape::markdown(path)));
        }
    }
    for note in super::notes(report) {
        out.push('\n');
        out.push_str(&escape::markdown(&note));
        out.push('\n');
    }
    out
}
