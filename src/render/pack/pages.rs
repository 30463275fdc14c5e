//! The pack's HTML pages: `index.html` and `elements/<id>.html`. Static pages with relative
//! links, so the unzipped folder opens offline; no scripts, and a policy that forbids them and
//! any fetch. Maud escapes every value; narratives go through the report's allow-list.

use maud::{DOCTYPE, Markup, PreEscaped, html};
use pulldown_cmark::HeadingLevel;

use crate::catalogue::Catalogue;
use crate::pack::{Plan, Target, WithheldReason, element_page};
use crate::report::html::Text;
use crate::report::{ElementRow, Report, narrative, theme};

/// No script, style or fetch from anywhere but inline styles: a second lock behind the escaping.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// Extra rules for the pack's pages, on top of the report's stylesheet.
const PACK_CSS: &str = "nav.crumbs{margin:1rem 0}ol.tree,ol.tree ol{list-style:none;padding-left:1.2rem}\
ol.tree>li{margin:.8rem 0}ol.tree a{font-weight:600}dl.facts dt{font-weight:600}";

fn page(title: &str, to_root: &str, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="en-GB" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="Content-Security-Policy" content=(CONTENT_SECURITY_POLICY);
                meta name="referrer" content="no-referrer";
                meta name="generator" content=(concat!("cse ", env!("CARGO_PKG_VERSION")));
                title { (Text(title)) }
                style { (PreEscaped(theme::stylesheet())) (PreEscaped(PACK_CSS)) }
            }
            body {
                main id="main" { div class="wrap" {
                    nav class="crumbs" aria-label="Pack" {
                        a href={ (to_root) "index.html" } { "Evidence pack" }
                        " · "
                        a href={ (to_root) "report.html" } { "Readiness report" }
                    }
                    (body)
                } }
            }
        }
    }
    .into_string()
}

fn heading(plan: &Plan, catalogue: &Catalogue) -> String {
    match plan.organisation.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => format!("{name}: {} evidence", catalogue.name),
        _ => format!("{} evidence", catalogue.name),
    }
}

/// `index.html`: who, which commit, the figures and verdict, and every element as a link.
pub fn index(plan: &Plan, report: &Report, catalogue: &Catalogue) -> String {
    let title = heading(plan, catalogue);
    let r = &report.readiness;
    let body = html! {
        h1 { (Text(&title)) }
        p {
            "Packed from "
            @match &plan.commit {
                Some(c) => { "commit " code { (c.id.get(..12).unwrap_or(&c.id)) } " of " (c.date) ": " (Text(&c.subject)) }
                None => { "the working tree on " (plan.generated) }
            }
            ". "
            a href="manifest.json" { "manifest.json" }
            " lists every file with its SHA-256."
        }
        section aria-labelledby="summary-h" {
            h2 id="summary-h" { "Readiness" }
            p {
                strong { (format!("{:.1}%", r.overall.tally.readiness)) }
                " ready: " (r.overall.tally.ready) " of " (r.overall.tally.elements) " elements."
            }
            @if r.assessment.ready {
                p { strong { "Assessment-ready." } }
            } @else {
                p { strong { "Not assessment-ready yet:" } }
                ul { @for reason in &r.assessment.reasons { li { (crate::render::words::reason(reason)) } } }
            }
            @if !plan.withheld.is_empty() {
                p { (plan.withheld.len()) " cited files are withheld: they stay with the organisation (see "
                    a href="manifest.json" { "manifest.json" } ")." }
            }
        }
        section aria-labelledby="elements-h" {
            h2 id="elements-h" { "Criteria and elements" }
            ol class="tree" {
                @for c in &catalogue.criteria {
                    li { (Text(&c.id)) " " (Text(&c.title))
                        ol { @for s in &c.subcriteria {
                            li { (Text(&s.id)) " " (Text(&s.title))
                                ol { @for e in &s.elements {
                                    li {
                                        a href=(Text(&element_page(&e.id))) { (Text(&e.id)) }
                                        " " (Text(&e.text)) " "
                                        @for row in rows(report, &e.id) {
                                            (crate::report::html::status_cell(row.status, row.errors)) " "
                                        }
                                    }
                                } }
                            }
                        } }
                    }
                }
            }
        }
    };
    page(&title, "", body)
}

fn rows<'r>(report: &'r Report, id: &'r str) -> impl Iterator<Item = &'r ElementRow> {
    report.elements().filter(move |e| e.id == id)
}

/// `elements/<id>.html`: the element's text, then for each unit its status, owner, review,
/// open actions, evidence (linked to the copies in the pack) and narrative.
pub fn element(plan: &Plan, report: &Report, catalogue: &Catalogue, id: &str) -> String {
    let text = catalogue
        .element(id)
        .map(|e| e.element.text.clone())
        .unwrap_or_default();
    let title = format!("{id} · {}", heading(plan, catalogue));
    // This element's actions, gathered once rather than once per unit.
    let element_actions: Vec<_> = report.actions.iter().filter(|a| a.element == id).collect();
    let body = html! {
        h1 { (Text(id)) }
        p class="lede" { (Text(&text)) }
        @for row in rows(report, id) {
            section {
                @if let Some(unit) = row.unit.as_deref().filter(|_| report.multi_unit) {
                    h2 { "Unit " (Text(unit)) }
                }
                dl class="facts" {
                    dt { "Status" } dd { (crate::report::html::status_cell(row.status, row.errors)) }
                    dt { "Owner" } dd { (Text(row.owner.as_deref().unwrap_or("Not recorded"))) }
                    dt { "Reviewed" } dd { @match row.reviewed { Some(d) => (d), None => "Not recorded" } }
                    @if let Some(file) = plan.element(row.unit.as_deref(), id).and_then(|e| e.file.as_deref()) {
                        dt { "Evidence file" } dd { a href={ "../" (href(file)) } { (Text(file)) } }
                    }
                }
                h3 { "Open actions" }
                @let actions: Vec<_> = element_actions.iter()
                    .filter(|a| !report.multi_unit || a.unit == row.unit)
                    .collect();
                @if actions.is_empty() {
                    p { "None." }
                } @else {
                    ul { @for a in actions {
                        li { (Text(&a.action))
                            @if let Some(o) = &a.owner { " (" (Text(o)) ")" }
                            @if let Some(d) = a.due { ", due " (d) @if a.overdue { ", overdue" } }
                        }
                    } }
                }
                h3 { "Evidence" }
                @let items = plan.items(row.unit.as_deref(), id);
                @if items.is_empty() {
                    p { "None listed." }
                } @else {
                    ul { @for item in items { li { (evidence_item(&item.title, &item.target)) } } }
                }
                h3 { "Narrative" }
                @match &row.narrative {
                    Some(md) => (PreEscaped(narrative::to_html(md, row.path.as_deref().unwrap_or(""), HeadingLevel::H4))),
                    None => p { "No narrative written yet." },
                }
            }
        }
    };
    page(&title, "../", body)
}

fn evidence_item(title: &str, target: &Target) -> Markup {
    html! {
        @match target {
            Target::Url(url) if crate::checks::items::is_web_url(url) => {
                a href=(Text(url)) rel="noreferrer" { (Text(title)) } " (web page)"
            }
            Target::Url(url) => { (Text(title)) " (" code { (Text(url)) } ")" }
            Target::Copied { path, entries } => {
                @match &entries[..] {
                    [one] => { a href={ "../" (href(one)) } { (Text(title)) } " (" code { (Text(path)) } ")" }
                    many => { (Text(title)) " (folder " code { (Text(path)) } "):"
                        ul { @for e in many { li { a href={ "../" (href(e)) } { (Text(e)) } } } } }
                }
            }
            Target::Withheld { path, reason } => {
                (Text(title)) " (" code { (Text(path)) } "): withheld, "
                @match reason {
                    WithheldReason::Internal => "internal to the organisation",
                    WithheldReason::Withheld => "kept back by the pack settings",
                }
            }
            Target::None => { (Text(title)) }
        }
    }
}

/// A zip entry as a relative link: each path segment percent-encoded, so names with spaces,
/// `#` or `?` still lead to the file.
pub fn href(entry: &str) -> String {
    let mut out = String::with_capacity(entry.len());
    for b in entry.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::href;

    #[test]
    fn links_are_percent_encoded() {
        assert_eq!(href("documents/a b#1?.pdf"), "documents/a%20b%231%3F.pdf");
        assert_eq!(href("documents/café.md"), "documents/caf%C3%A9.md");
    }
}
