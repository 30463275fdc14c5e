//! The report's "Assessor's findings": the latest visit's counts, where the self-assessment
//! and the assessor differ, the areas for development, and each visit's Compliance Plus.

use std::fmt::Write;

use super::Findings;
use super::escape::{html as esc, markdown as md};
use crate::render::assessment::{by, count_cells, count_headers, describe, title};

/// "3 (commit 1a2b3c4)", or "unknown".
fn own_count(m: &crate::assessment::VisitMark) -> String {
    match &m.self_compliance_plus {
        Some((n, short)) => format!("{n} (commit {short})"),
        None => "unknown".to_owned(),
    }
}

pub fn html(out: &mut String, f: &Findings) {
    let r = &f.latest;
    out.push_str("<section id=\"assessor\" aria-labelledby=\"assessor-h\"><h2 id=\"assessor-h\">Assessor's findings</h2>\n");
    let _ = write!(out, "<p class=\"lede\">{}", esc(&title(&r.visit)));
    if let Some(by) = by(&r.visit) {
        let _ = write!(out, ", by {}", esc(&by));
    }
    out.push_str(".</p>\n<div class=\"table-scroll\"><table><caption>The assessor's ratings by criterion</caption><thead><tr><th scope=\"col\">Criterion</th>");
    for h in count_headers() {
        let _ = write!(out, "<th scope=\"col\" class=\"num\">{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>");
    let rows = r
        .criteria
        .iter()
        .map(|c| (format!("{} {}", c.id, c.title), &c.counts))
        .chain([("All elements".to_owned(), &r.counts)]);
    for (name, counts) in rows {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", esc(&name));
        for n in count_cells(counts) {
            let _ = write!(out, "<td class=\"num\">{n}</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>\n<h3>Where your self-assessment differs</h3>\n");
    if r.differences.is_empty() {
        out.push_str("<p>Nowhere: every rated element has the status the assessor gave it.</p>\n");
    } else {
        out.push_str("<ul>");
        for d in &r.differences {
            let _ = write!(
                out,
                "<li><strong>{}</strong>: {}</li>",
                esc(&d.id),
                esc(&describe(d))
            );
        }
        out.push_str("</ul>\n");
    }
    if !r.visit.areas_for_development.is_empty() {
        out.push_str("<h3>Areas for development</h3>\n<ul>");
        for area in &r.visit.areas_for_development {
            let _ = write!(out, "<li>{}</li>", esc(area));
        }
        out.push_str("</ul>\n");
    }
    if !f.visits.is_empty() {
        out.push_str("<div class=\"table-scroll\"><table><caption>Compliance Plus at each visit</caption><thead><tr><th scope=\"col\">Visit</th><th scope=\"col\" class=\"num\">By the assessor</th><th scope=\"col\" class=\"num\">Self-assessed</th></tr></thead><tbody>");
        for m in &f.visits {
            let _ = write!(
                out,
                "<tr><th scope=\"row\" class=\"date\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                m.date,
                m.assessor_compliance_plus,
                esc(&own_count(m))
            );
        }
        out.push_str("</tbody></table></div>\n");
    }
    out.push_str("</section>\n");
}

pub fn markdown(out: &mut String, f: &Findings) {
    let r = &f.latest;
    let _ = write!(out, "## Assessor's findings\n\n{}", md(&title(&r.visit)));
    if let Some(by) = by(&r.visit) {
        let _ = write!(out, ", by {}", md(&by));
    }
    out.push_str(".\n\n");
    let mut header = vec!["Criterion"];
    header.extend(count_headers());
    let right: Vec<bool> = (0..header.len()).map(|i| i > 0).collect();
    let rows: Vec<Vec<String>> = r
        .criteria
        .iter()
        .map(|c| (format!("{} {}", c.id, c.title), &c.counts))
        .chain([("All elements".to_owned(), &r.counts)])
        .map(|(name, counts)| {
            let mut row = vec![name];
            row.extend(count_cells(counts));
            row
        })
        .collect();
    out.push_str(&crate::render::markdown::table(&header, &right, &rows));
    out.push_str("\n### Where your self-assessment differs\n\n");
    if r.differences.is_empty() {
        out.push_str("Nowhere: every rated element has the status the assessor gave it.\n");
    }
    for d in &r.differences {
        let _ = writeln!(out, "- **{}**: {}", md(&d.id), describe(d));
    }
    if !r.visit.areas_for_development.is_empty() {
        out.push_str("\n### Areas for development\n\n");
        for area in &r.visit.areas_for_development {
            let _ = writeln!(out, "- {}", md(area));
        }
    }
    if !f.visits.is_empty() {
        out.push_str("\n### Compliance Plus at each visit\n\n");
        let rows: Vec<Vec<String>> = f
            .visits
            .iter()
            .map(|m| {
                vec![
                    m.date.to_string(),
                    m.assessor_compliance_plus.to_string(),
                    own_count(m),
                ]
            })
            .collect();
        out.push_str(&crate::render::markdown::table(
            &["Visit", "By the assessor", "Self-assessed"],
            &[false, true, true],
            &rows,
        ));
    }
    out.push('\n');
}
