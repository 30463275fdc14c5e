//! The report's "Assessor's findings": the latest visit's counts, where the self-assessment
//! and the assessor differ, the areas for development, and each visit's Compliance Plus.

use std::io::{self, Write};

use maud::{Markup, html};

use super::Findings;
use super::html::{NL, Text};
use crate::render::assessment::{by, count_cells, count_headers, describe, title};
use crate::render::escape::markdown as md;

/// "3 (commit 1a2b3c4)", or "unknown".
fn own_count(m: &crate::assessment::VisitMark) -> String {
    match &m.self_compliance_plus {
        Some((n, short)) => format!("{n} (commit {short})"),
        None => "unknown".to_owned(),
    }
}

pub fn html(f: &Findings) -> Markup {
    let r = &f.latest;
    let rows: Vec<(String, &_)> = r
        .criteria
        .iter()
        .map(|c| (format!("{} {}", c.id, c.title), &c.counts))
        .chain([("All elements".to_owned(), &r.counts)])
        .collect();
    html! {
        section id="assessor" aria-labelledby="assessor-h" {
            h2 id="assessor-h" { "Assessor's findings" } (NL)
            p.lede {
                (Text(&title(&r.visit)))
                @if let Some(by) = by(&r.visit) { ", by " (Text(&by)) }
                "."
            }
            (NL)
            div.table-scroll { table {
                caption { "The assessor's ratings by criterion" }
                thead { tr {
                    th scope="col" { "Criterion" }
                    @for h in count_headers() { th scope="col" class="num" { (Text(h)) } }
                } }
                tbody {
                    @for (name, counts) in &rows {
                        tr {
                            th scope="row" { (Text(name)) }
                            @for n in count_cells(counts) { td.num { (n) } }
                        }
                    }
                }
            } }
            (NL)
            h3 { "Where your self-assessment differs" } (NL)
            @if r.differences.is_empty() {
                p { "Nowhere: every rated element has the status the assessor gave it." } (NL)
            } @else {
                ul {
                    @for d in &r.differences {
                        li { strong { (Text(&d.id)) } ": " (Text(&describe(d))) }
                    }
                }
                (NL)
            }
            @if !r.visit.areas_for_development.is_empty() {
                h3 { "Areas for development" } (NL)
                ul { @for area in &r.visit.areas_for_development { li { (Text(area)) } } }
                (NL)
            }
            @if !f.visits.is_empty() {
                div.table-scroll { table {
                    caption { "Compliance Plus at each visit" }
                    thead { tr {
                        th scope="col" { "Visit" }
                        th scope="col" class="num" { "By the assessor" }
                        th scope="col" class="num" { "Self-assessed" }
                    } }
                    tbody {
                        @for m in &f.visits {
                            tr {
                                th scope="row" class="date" { (m.date) }
                                td.num { (m.assessor_compliance_plus) }
                                td.num { (Text(&own_count(m))) }
                            }
                        }
                    }
                } }
                (NL)
            }
        }
        (NL)
    }
}

pub fn markdown(out: &mut dyn Write, f: &Findings) -> io::Result<()> {
    let r = &f.latest;
    write!(out, "## Assessor's findings\n\n{}", md(&title(&r.visit)))?;
    if let Some(by) = by(&r.visit) {
        write!(out, ", by {}", md(&by))?;
    }
    out.write_all(b".\n\n")?;
    let mut header = vec!["Criterion"];
    header.extend(count_headers());
    let right: Vec<bool> = (0..header.len()).map(|i| i > 0).collect();
    let rows: Vec<Vec<String>> = r
        .criteria
        .iter()
        .map(|c| (format!("{} {}", c.id, c.title), &c.counts))
        .chain([("All elements".to_owned(), &r.counts)])
        .map(|(name, counts)| {
            let mut row = vec![md(&name)];
            row.extend(count_cells(counts));
            row
        })
        .collect();
    crate::render::markdown::table(out, &header, &right, &rows)?;
    out.write_all(b"\n### Where your self-assessment differs\n\n")?;
    if r.differences.is_empty() {
        writeln!(
            out,
            "Nowhere: every rated element has the status the assessor gave it."
        )?;
    }
    for d in &r.differences {
        writeln!(out, "- **{}**: {}", md(&d.id), md(&describe(d)))?;
    }
    if !r.visit.areas_for_development.is_empty() {
        out.write_all(b"\n### Areas for development\n\n")?;
        for area in &r.visit.areas_for_development {
            writeln!(out, "- {}", md(area))?;
        }
    }
    if !f.visits.is_empty() {
        out.write_all(b"\n### Compliance Plus at each visit\n\n")?;
        let rows: Vec<Vec<String>> = f
            .visits
            .iter()
            .map(|m| {
                vec![
                    m.date.to_string(),
                    m.assessor_compliance_plus.to_string(),
                    md(&own_count(m)),
                ]
            })
            .collect();
        crate::render::markdown::table(
            out,
            &["Visit", "By the assessor", "Self-assessed"],
            &[false, true, true],
            &rows,
        )?;
    }
    writeln!(out)
}
