//! The report as one self-contained HTML page: inline CSS and SVG, no scripts, no fonts or
//! images to fetch. Every string from evidence or config is escaped on the way in.

use std::fmt::Write;

use jiff::civil::Date;
use pulldown_cmark::HeadingLevel;

use super::escape::html as esc;
use super::model::{ElementRow, EvidenceLink, Report};
use super::svg::{self, Bar, Series};
use super::{narrative, theme};
use crate::checks::ElementStatus;

/// No script, style or fetch from anywhere: inline styles only. A second lock behind the escaping.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// Renders the whole page.
pub fn render(report: &Report) -> String {
    let mut out = String::with_capacity(256 * 1024);
    head(&mut out, report);
    out.push_str("<main id=\"main\"><div class=\"wrap\">\n");
    summary(&mut out, report);
    criteria(&mut out, report);
    if report.units.len() >= 2 {
        units(&mut out, report);
    }
    if !report.history.is_empty() {
        history(&mut out, report);
    }
    if let Some(findings) = &report.findings {
        super::findings::html(&mut out, findings);
    }
    priorities(&mut out, report);
    actions(&mut out, report);
    elements(&mut out, report);
    narratives(&mut out, report);
    out.push_str("</div></main>\n");
    footer(&mut out, report);
    out.push_str("</body>\n</html>\n");
    out
}

/// "28 November 2026"
fn long_date(d: Date) -> String {
    d.strftime("%-d %B %Y").to_string()
}

/// "28 Nov 2026"
fn short_date(d: Date) -> String {
    d.strftime("%-d %b %Y").to_string()
}

fn pct(v: f64) -> String {
    format!("{v:.1}%")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub(super) fn status_badge(status: ElementStatus) -> String {
    format!(
        r#"<span class="status {}">{}</span>"#,
        theme::status_class(status),
        theme::status_label(status)
    )
}

fn optional(text: Option<&str>) -> String {
    match text.map(str::trim) {
        Some(t) if !t.is_empty() => esc(t),
        _ => r#"<span class="none">Not recorded</span>"#.to_owned(),
    }
}

fn head(out: &mut String, report: &Report) {
    let heading = report.heading();
    let title = match &report.meta.organisation {
        Some(_) => format!("{heading}: {} readiness report", report.meta.standard),
        None => format!("{} readiness report", report.meta.standard),
    };
    let _ = write!(
        out,
        r##"<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="cse {version}">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<header class="masthead"><div class="wrap">
<p class="eyebrow">{standard} · readiness report</p>
<h1>{heading}</h1>
<p class="built">{built}</p>
</div></header>
"##,
        version = env!("CARGO_PKG_VERSION"),
        title = esc(&title),
        css = theme::stylesheet(),
        standard = esc(&report.meta.standard),
        heading = esc(&heading),
        built = built_line(report),
    );
    let mut links = vec![
        ("summary", "Summary"),
        ("criteria", "Readiness by criterion"),
    ];
    if report.units.len() >= 2 {
        links.push(("units", "By unit"));
    }
    if !report.history.is_empty() {
        links.push(("history", "Over time"));
    }
    links.extend([
        ("priorities", "Priority elements"),
        ("actions", "Action plan"),
        ("elements", "All elements"),
        ("narratives", "Narratives"),
    ]);
    out.push_str("<nav class=\"contents\" aria-label=\"Contents\"><div class=\"wrap\"><ul>");
    for (id, label) in links {
        let _ = write!(out, "<li><a href=\"#{id}\">{label}</a></li>");
    }
    out.push_str("</ul></div></nav>\n");
}

fn built_line(report: &Report) -> String {
    let mut s = format!(
        "Built on <time datetime=\"{}\">{}</time>",
        report.meta.date,
        long_date(report.meta.date)
    );
    if let Some(commit) = &report.meta.commit {
        let _ = write!(s, " from commit <code>{}</code>", esc(commit));
    }
    s
}

fn tile(out: &mut String, label: &str, figure: &str, detail: &str) {
    // A figure in words ("Not yet ready") is set smaller than a number.
    let class = if figure.starts_with(|c: char| c.is_ascii_digit()) {
        "figure"
    } else {
        "figure words"
    };
    let _ = write!(
        out,
        r#"<div class="tile"><p class="label">{label}</p><p class="{class}">{figure}</p><p class="detail">{detail}</p></div>"#
    );
}

fn summary(out: &mut String, report: &Report) {
    let r = &report.readiness;
    out.push_str(
        "<section id=\"summary\" aria-labelledby=\"summary-h\"><h2 id=\"summary-h\">Summary</h2>\n",
    );
    let _ = write!(
        out,
        "<p class=\"lede\">An element is <strong>ready</strong> when its evidence file has no errors and its status is Compliance or Compliance Plus.{}</p>",
        if report.units.len() >= 2 {
            format!(
                " With {} units, an element counts as ready only when it is ready in every unit.",
                report.units.len()
            )
        } else {
            String::new()
        }
    );
    out.push_str("<div class=\"tiles\">");
    tile(
        out,
        "Overall readiness",
        &pct(r.overall.tally.readiness),
        &format!(
            "{} of {} elements ready",
            r.overall.tally.ready, r.overall.tally.elements
        ),
    );
    tile(
        out,
        "Cohort priority elements",
        &pct(r.priorities.readiness),
        &format!("{} of {} ready", r.priorities.ready, r.priorities.elements),
    );
    tile(
        out,
        "Assessment",
        if r.assessment.ready {
            "Ready"
        } else {
            "Not yet ready"
        },
        if r.assessment.ready {
            "the evidence could go to an assessor"
        } else {
            "see the reasons below"
        },
    );
    tile(
        out,
        "Open actions",
        &report.actions.len().to_string(),
        &format!(
            "{} overdue · {} done",
            report.overdue_actions(),
            report.actions_done
        ),
    );
    tile(
        out,
        "Reviews out of date",
        &report.stale_reviews().to_string(),
        &format!("of {} elements", report.elements().count()),
    );
    out.push_str("</div>\n");
    if r.assessment.ready {
        out.push_str(
            "<div class=\"verdict ready\"><p>Ready for assessment</p><ul><li>Every element has readable evidence, none is non-compliant or unassessed, and every partial element has an open action.</li></ul></div>\n",
        );
    } else {
        out.push_str("<div class=\"verdict not-ready\"><p>Not yet ready for assessment</p><ul>");
        for reason in &r.assessment.reasons {
            let _ = write!(
                out,
                "<li>{}</li>",
                esc(&crate::render::words::reason(reason))
            );
        }
        out.push_str("</ul></div>\n");
    }
    out.push_str("</section>\n");
}

fn criteria(out: &mut String, report: &Report) {
    let r = &report.readiness;
    out.push_str("<section id=\"criteria\" aria-labelledby=\"criteria-h\"><h2 id=\"criteria-h\">Readiness by criterion</h2>\n");
    let mut bars = vec![Bar {
        label: "All elements".into(),
        value: r.overall.tally.readiness,
        detail: format!("{} of {}", r.overall.tally.ready, r.overall.tally.elements),
        emphasis: true,
    }];
    bars.extend(r.criteria.iter().map(|c| Bar {
        label: scope_label(c.id.as_deref(), c.title.as_deref()),
        value: c.tally.readiness,
        detail: format!("{} of {}", c.tally.ready, c.tally.elements),
        emphasis: false,
    }));
    out.push_str("<div class=\"figure-pair\"><figure>");
    out.push_str(&svg::bar_chart(
        "chart-criteria",
        "Readiness by criterion",
        &bars
            .iter()
            .map(|b| format!("{}: {}", b.label, pct(b.value)))
            .collect::<Vec<_>>()
            .join("; "),
        &bars,
    ));
    out.push_str("<figcaption>Share of elements ready in each criterion. The figures are in the table.</figcaption></figure>\n");
    out.push_str("<div class=\"table-scroll\"><table><caption>Readiness by criterion</caption><thead><tr><th scope=\"col\">Criterion</th><th scope=\"col\" class=\"num\">Ready</th><th scope=\"col\" class=\"num\">Readiness</th></tr></thead><tbody>");
    for b in &bars {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&b.label),
            esc(&b.detail),
            pct(b.value)
        );
    }
    out.push_str("</tbody></table></div></div>\n");
    // Status counts per criterion.
    out.push_str("<h3>Elements by status</h3><div class=\"table-scroll\"><table><caption>Number of elements at each status, by criterion</caption><thead><tr><th scope=\"col\">Criterion</th>");
    let columns = theme::status_columns(&r.overall.counts);
    for &i in &columns {
        let _ = write!(
            out,
            "<th scope=\"col\" class=\"num\">{}</th>",
            theme::status_label(ElementStatus::ALL[i])
        );
    }
    out.push_str("</tr></thead><tbody>");
    for c in r.criteria.iter().chain(std::iter::once(&r.overall)) {
        let label = if c.id.is_some() {
            scope_label(c.id.as_deref(), c.title.as_deref())
        } else {
            "All elements".to_owned()
        };
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", esc(&label));
        let values = c.counts.values();
        for &i in &columns {
            let _ = write!(out, "<td class=\"num\">{}</td>", values[i]);
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div></section>\n");
}

fn scope_label(id: Option<&str>, title: Option<&str>) -> String {
    match (id, title) {
        (Some(id), Some(t)) => format!("{id} {t}"),
        (Some(id), None) => id.to_owned(),
        (None, Some(t)) => t.to_owned(),
        (None, None) => String::new(),
    }
}

fn units(out: &mut String, report: &Report) {
    let criteria = &report.readiness.criteria;
    let mut columns: Vec<String> = criteria
        .iter()
        .map(|c| scope_label(c.id.as_deref(), c.title.as_deref()))
        .collect();
    columns.push("All elements".into());
    // Each unit, then the institution.
    let rows: Vec<(String, Vec<f64>)> = report
        .units
        .iter()
        .map(|u| (u.name.as_str(), &u.readiness))
        .chain([("Institution", &report.readiness)])
        .map(|(name, r)| {
            let mut values: Vec<f64> = criteria
                .iter()
                .map(|c| {
                    r.criteria
                        .iter()
                        .find(|uc| uc.id == c.id)
                        .map_or(0.0, |uc| uc.tally.readiness)
                })
                .collect();
            values.push(r.overall.tally.readiness);
            (name.to_owned(), values)
        })
        .collect();
    out.push_str("<section id=\"units\" aria-labelledby=\"units-h\"><h2 id=\"units-h\">Readiness by unit</h2>\n");
    let _ = write!(
        out,
        "<p class=\"lede\">Each cell is the share of a unit's elements that are ready in one criterion; darker is readier. {}; the last row is the institution, where an element is ready only when it is ready in every unit.</p>",
        plural(report.units.len(), "unit", "units")
    );
    out.push_str("<div class=\"figure-pair stacked\"><figure>");
    out.push_str(&svg::heat_map(
        "chart-units",
        "Readiness by unit and criterion",
        &rows
            .iter()
            .map(|(name, v)| format!("{name}: {} overall", pct(*v.last().unwrap_or(&0.0))))
            .collect::<Vec<_>>()
            .join("; "),
        &columns,
        &rows,
    ));
    out.push_str("<figcaption>Unit × criterion heat map. The figures are in the table.</figcaption></figure>\n");
    out.push_str("<div class=\"table-scroll\"><table><caption>Readiness by unit and criterion</caption><thead><tr><th scope=\"col\">Unit</th>");
    for c in &columns {
        let _ = write!(out, "<th scope=\"col\" class=\"num\">{}</th>", esc(c));
    }
    out.push_str("</tr></thead><tbody>");
    for (name, values) in &rows {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", esc(name));
        for v in values {
            let _ = write!(out, "<td class=\"num\">{}</td>", pct(*v));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div></div></section>\n");
}

fn history(out: &mut String, report: &Report) {
    let points = &report.history;
    let criteria = &report.readiness.criteria;
    let dates: Vec<(Date, String)> = points.iter().map(|p| (p.date, p.commit.clone())).collect();
    let mut series = vec![Series {
        label: "All".into(),
        name: "All elements".into(),
        values: points.iter().map(|p| Some(p.overall)).collect(),
    }];
    for c in criteria {
        let id = c.id.clone().unwrap_or_default();
        series.push(Series {
            label: id.clone(),
            name: scope_label(c.id.as_deref(), c.title.as_deref()),
            values: points.iter().map(|p| p.criterion(&id)).collect(),
        });
    }
    let (first, last) = (&points[0], &points[points.len() - 1]);
    out.push_str("<section id=\"history\" aria-labelledby=\"history-h\"><h2 id=\"history-h\">Readiness over time</h2>\n");
    let _ = write!(
        out,
        "<p class=\"lede\">Readiness at {} from {} to {}: overall {} then, {} now. Each line is labelled at its end: <strong>All</strong> for all elements, a number for each criterion.</p>",
        plural(points.len(), "commit", "commits"),
        long_date(first.date),
        long_date(last.date),
        pct(first.overall),
        pct(last.overall)
    );
    out.push_str("<div class=\"figure-pair stacked\"><figure>");
    out.push_str(&svg::line_chart(
        "chart-history",
        "Readiness over time",
        &format!(
            "Overall readiness went from {} on {} to {} on {}.",
            pct(first.overall),
            first.date,
            pct(last.overall),
            last.date
        ),
        &dates,
        &series,
    ));
    out.push_str("<figcaption>Readiness at each commit, overall and by criterion. The figures are in the table.</figcaption></figure>\n");
    out.push_str("<div class=\"table-scroll\"><table><caption>Readiness at each commit</caption><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Commit</th><th scope=\"col\" class=\"num\">All elements</th>");
    for c in criteria {
        let _ = write!(
            out,
            "<th scope=\"col\" class=\"num\">{}</th>",
            esc(&scope_label(c.id.as_deref(), c.title.as_deref()))
        );
    }
    out.push_str("</tr></thead><tbody>");
    for p in points {
        let _ = write!(
            out,
            "<tr><th scope=\"row\" class=\"date\">{}</th><td><code>{}</code></td><td class=\"num\">{}</td>",
            short_date(p.date),
            esc(&p.commit),
            pct(p.overall)
        );
        for c in criteria {
            let v = c.id.as_deref().and_then(|id| p.criterion(id));
            let _ = write!(
                out,
                "<td class=\"num\">{}</td>",
                v.map_or("—".to_owned(), pct)
            );
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div></div></section>\n");
}

fn unit_names(report: &Report) -> Vec<String> {
    report
        .priorities
        .rows
        .first()
        .map(|r| {
            r.statuses
                .iter()
                .map(|s| s.unit.clone().unwrap_or_default())
                .collect()
        })
        .unwrap_or_default()
}

fn priorities(out: &mut String, report: &Report) {
    let p = &report.priorities;
    let title = if p.name.trim().is_empty() {
        "Cohort priority elements".to_owned()
    } else {
        p.name.clone()
    };
    let _ = write!(
        out,
        "<section id=\"priorities\" aria-labelledby=\"priorities-h\"><h2 id=\"priorities-h\">{}</h2>\n<p class=\"lede\">{} <strong>{} of {} ready ({}).</strong></p>",
        esc(&title),
        esc(&p.description),
        p.scope.ready,
        p.scope.elements,
        pct(p.scope.readiness)
    );
    if p.rows.is_empty() {
        out.push_str("<p>The catalogue lists no priority elements.</p></section>\n");
        return;
    }
    let has_tiers = p.rows.iter().any(|r| r.tier.is_some());
    out.push_str("<div class=\"table-scroll\"><table><caption>Priority elements and their status</caption><thead><tr><th scope=\"col\">Element</th><th scope=\"col\">What it asks</th>");
    if has_tiers {
        out.push_str("<th scope=\"col\">Tier</th>");
    }
    if report.multi_unit {
        for name in unit_names(report) {
            let _ = write!(out, "<th scope=\"col\">{}</th>", esc(&name));
        }
    } else {
        out.push_str("<th scope=\"col\">Status</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for row in &p.rows {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td>",
            esc(&row.id),
            esc(&row.text)
        );
        if has_tiers {
            let _ = write!(out, "<td>{}</td>", row.tier.map_or("", |t| t.as_str()));
        }
        for s in &row.statuses {
            let _ = write!(out, "<td>{}</td>", status_badge(s.status));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div></section>\n");
}

fn actions(out: &mut String, report: &Report) {
    out.push_str("<section id=\"actions\" aria-labelledby=\"actions-h\"><h2 id=\"actions-h\">Action plan</h2>\n");
    let overdue = report.overdue_actions();
    let _ = write!(
        out,
        "<p class=\"lede\">{}, soonest due first; {} overdue on {}. {} marked done.</p>",
        plural(report.actions.len(), "open action", "open actions"),
        overdue,
        long_date(report.meta.date),
        plural(report.actions_done, "action", "actions")
    );
    if report.actions.is_empty() {
        out.push_str("<p>There are no open actions.</p></section>\n");
        return;
    }
    out.push_str("<div class=\"table-scroll\"><table><caption>Open actions by due date</caption><thead><tr><th scope=\"col\">Due</th><th scope=\"col\">Element</th>");
    if report.multi_unit {
        out.push_str("<th scope=\"col\">Unit</th>");
    }
    out.push_str("<th scope=\"col\">Action</th><th scope=\"col\">Owner</th></tr></thead><tbody>");
    for a in &report.actions {
        let due = match a.due {
            Some(d) if a.overdue => format!(
                "<time datetime=\"{d}\">{}</time><span class=\"flag\">Overdue</span>",
                short_date(d)
            ),
            Some(d) => format!("<time datetime=\"{d}\">{}</time>", short_date(d)),
            None => "<span class=\"none\">No date</span>".to_owned(),
        };
        let _ = write!(
            out,
            "<tr><td class=\"date\">{due}</td><th scope=\"row\">{}</th>",
            esc(&a.element)
        );
        if report.multi_unit {
            let _ = write!(out, "<td>{}</td>", esc(a.unit.as_deref().unwrap_or("")));
        }
        let _ = write!(
            out,
            "<td>{}</td><td>{}</td></tr>",
            esc(&a.action),
            optional(a.owner.as_deref())
        );
    }
    out.push_str("</tbody></table></div></section>\n");
}

fn status_cell(e: &ElementRow) -> String {
    let mut s = status_badge(e.status);
    if e.errors > 0 && e.status != ElementStatus::Missing {
        let _ = write!(
            s,
            "<span class=\"note\">{}: not counted as ready</span>",
            plural(e.errors, "error", "errors")
        );
    }
    s
}

fn reviewed_cell(e: &ElementRow) -> String {
    match e.reviewed {
        Some(d) => {
            let mut s = format!("<time datetime=\"{d}\">{}</time>", short_date(d));
            if e.stale {
                s.push_str("<span class=\"flag\">Review overdue</span>");
            }
            s
        }
        None => "<span class=\"none\">—</span>".to_owned(),
    }
}

fn elements(out: &mut String, report: &Report) {
    let count = report.elements().count();
    out.push_str("<section id=\"elements\" aria-labelledby=\"elements-h\"><h2 id=\"elements-h\">All elements</h2>\n");
    let _ = write!(
        out,
        "<p class=\"lede\">{}; {} with a review older than the repository allows.</p>",
        plural(count, "element", "elements"),
        report.stale_reviews()
    );
    let columns = if report.multi_unit { 6 } else { 5 };
    out.push_str("<div class=\"table-scroll\"><table class=\"elements\"><caption>Every element with its status, owner and last review</caption><thead><tr><th scope=\"col\">Element</th>");
    if report.multi_unit {
        out.push_str("<th scope=\"col\">Unit</th>");
    }
    out.push_str("<th scope=\"col\">What it asks</th><th scope=\"col\">Status</th><th scope=\"col\">Owner</th><th scope=\"col\">Reviewed</th></tr></thead>");
    for c in &report.criteria {
        let _ = write!(
            out,
            "<tbody><tr><th scope=\"rowgroup\" colspan=\"{columns}\">{}</th></tr>",
            esc(&scope_label(Some(&c.id), Some(&c.title)))
        );
        for e in &c.elements {
            let _ = write!(out, "<tr><th scope=\"row\">{}</th>", esc(&e.id));
            if report.multi_unit {
                let _ = write!(out, "<td>{}</td>", esc(e.unit.as_deref().unwrap_or("")));
            }
            let _ = write!(
                out,
                "<td>{}</td><td>{}</td><td>{}</td><td class=\"date\">{}</td></tr>",
                esc(&e.text),
                status_cell(e),
                if e.path.is_some() {
                    optional(e.owner.as_deref())
                } else {
                    "<span class=\"none\">—</span>".to_owned()
                },
                reviewed_cell(e)
            );
        }
        out.push_str("</tbody>");
    }
    out.push_str("</table></div></section>\n");
}

/// An evidence item: a link for a web address, the title and path for a file.
pub(super) fn evidence_item(item: &EvidenceLink) -> String {
    let lower = item.target.to_ascii_lowercase();
    if item.is_url && (lower.starts_with("https://") || lower.starts_with("http://")) {
        format!("<a href=\"{}\">{}</a>", esc(&item.target), esc(&item.title))
    } else {
        format!("{} (<code>{}</code>)", esc(&item.title), esc(&item.target))
    }
}

fn narratives(out: &mut String, report: &Report) {
    out.push_str("<section id=\"narratives\" class=\"narratives\" aria-labelledby=\"narratives-h\"><h2 id=\"narratives-h\">Element narratives</h2>\n");
    out.push_str("<p class=\"lede\">How each element is met, in the service's own words. Open an element to read its narrative and evidence.</p>");
    for c in &report.criteria {
        let _ = writeln!(
            out,
            "<h3>{}</h3>",
            esc(&scope_label(Some(&c.id), Some(&c.title)))
        );
        for e in &c.elements {
            let unit = e
                .unit
                .as_deref()
                .map(|u| format!("{} · ", esc(u)))
                .unwrap_or_default();
            let _ = write!(
                out,
                "<details><summary><span class=\"id\">{}</span><span>{unit}{}</span>{}</summary><div class=\"narrative\">",
                esc(&e.id),
                esc(&e.text),
                status_badge(e.status)
            );
            if e.path.is_none() {
                out.push_str("<p class=\"none\">No evidence file yet.</p></div></details>\n");
                continue;
            }
            let _ = write!(
                out,
                "<dl><dt>Owner</dt><dd>{}</dd><dt>Reviewed</dt><dd>{}</dd><dt>File</dt><dd><code>{}</code></dd><dt>Evidence</dt><dd>",
                optional(e.owner.as_deref()),
                reviewed_cell(e),
                esc(e.path.as_deref().unwrap_or(""))
            );
            if e.evidence.is_empty() {
                out.push_str("<span class=\"none\">None listed</span>");
            } else {
                out.push_str("<ul>");
                for item in &e.evidence {
                    let _ = write!(out, "<li>{}</li>", evidence_item(item));
                }
                out.push_str("</ul>");
            }
            out.push_str("</dd></dl>");
            match &e.narrative {
                Some(md) => out.push_str(&narrative::to_html(
                    md,
                    e.path.as_deref().unwrap_or(""),
                    HeadingLevel::H4,
                )),
                None => out.push_str("<p class=\"none\">No narrative written yet.</p>"),
            }
            out.push_str("</div></details>\n");
        }
    }
    out.push_str("</section>\n");
}

fn footer(out: &mut String, report: &Report) {
    let _ = writeln!(
        out,
        "<footer><div class=\"wrap\"><p>Generated by cse {} on {}{}. Statuses use the assessor's wording: Compliance Plus, Compliance, Partial Compliance and Non-Compliance; elements still to be rated are Not assessed.</p></div></footer>",
        env!("CARGO_PKG_VERSION"),
        long_date(report.meta.date),
        report
            .meta
            .commit
            .as_deref()
            .map(|c| format!(" from commit {}", esc(c)))
            .unwrap_or_default()
    );
}
