//! The report as one self-contained HTML page: inline CSS and SVG, no scripts, no fonts or
//! images to fetch. The page is a maud template, so every value is escaped on the way in:
//! text from evidence or config goes through [`Text`] (the shared HTML escape), and the only
//! markup spliced in whole is cse's own: the stylesheet, the SVG charts (which escape their
//! labels) and the narratives (built from an allow-list in `narrative`).

use jiff::civil::Date;
use maud::{DOCTYPE, Markup, PreEscaped, Render, html};
use pulldown_cmark::HeadingLevel;

use super::svg::{self, Bar, Series};
use super::{narrative, theme};
use crate::checks::ElementStatus;
use crate::render::text::{percent as pct, plural};
use crate::render::{escape, words};
use crate::views::report::{CriterionSection, ElementRow, EvidenceLink, PriorityRow, Report};

/// No script, style or fetch from anywhere: inline styles only. A second lock behind the escaping.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// Text from a repository, escaped (quotes too) and cleaned by [`escape::html`].
pub(crate) struct Text<'a>(pub(crate) &'a str);

impl Render for Text<'_> {
    fn render_to(&self, buffer: &mut String) {
        buffer.push_str(&escape::html(self.0));
    }
}

/// A line break in the page's source, so it reads one block a line.
pub(super) const NL: PreEscaped<&str> = PreEscaped("\n");

/// Writes the whole page.
///
/// The narratives, most of a large report, are written one element at a time, so the page
/// is never held in memory whole.
pub fn write(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    // Text from a repository never holds a NUL: [`Text`] cleans control characters out.
    const MARK: &str = "\0narratives\0";
    let page = page(report, PreEscaped(MARK.to_owned())).into_string();
    let (before, after) = page.split_once(MARK).unwrap_or((&page, ""));
    out.write_all(before.as_bytes())?;
    out.write_all(narratives_lede().into_string().as_bytes())?;
    for c in &report.criteria {
        out.write_all(narratives_heading(c).into_string().as_bytes())?;
        for e in &c.elements {
            out.write_all(narrative_details(e).into_string().as_bytes())?;
        }
    }
    out.write_all(after.as_bytes())
}

/// The whole page, with `narratives` as the narratives section's content.
fn page(report: &Report, narratives: Markup) -> Markup {
    let page = html! {
        (DOCTYPE) (NL)
        html lang="en-GB" {
            (NL)
            (head(report))
            body {
                (NL)
                (masthead(report))
                (contents(report))
                main #main { div.wrap {
                    (NL)
                    (summary(report))
                    (criteria(report))
                    @if report.units.len() >= 2 { (units(report)) }
                    @if !report.history.is_empty() { (history(report)) }
                    @if let Some(findings) = &report.findings { (super::findings::html(findings)) }
                    (priorities(report))
                    (actions(report))
                    (elements(report))
                    (narratives_section(narratives))
                } }
                (NL)
                (footer(report))
            }
            (NL)
        }
        (NL)
    };
    page
}

/// "28 November 2026"
fn long_date(d: Date) -> String {
    d.strftime("%-d %B %Y").to_string()
}

/// "28 Nov 2026"
fn short_date(d: Date) -> String {
    d.strftime("%-d %b %Y").to_string()
}

fn status_badge(status: ElementStatus) -> Markup {
    html! {
        span class=(format!("status {}", theme::status_class(status))) {
            (words::status_label(status))
        }
    }
}

/// An element's status, flagged "Not ready (2 errors)" when errors in its file keep it from
/// counting as ready: the one way every table and page of the report shows a status.
pub(crate) fn status_cell(status: ElementStatus, errors: usize) -> Markup {
    html! {
        (status_badge(status))
        @if errors > 0 { span.flag { (words::not_ready_by_errors(errors)) } }
    }
}

fn optional(text: Option<&str>) -> Markup {
    html! {
        @match text.map(str::trim) {
            Some(t) if !t.is_empty() => (Text(t)),
            _ => span.none { "Not recorded" },
        }
    }
}

fn head(report: &Report) -> Markup {
    let heading = report.heading();
    let title = match &report.meta.organisation {
        Some(_) => format!("{heading}: {} readiness report", report.meta.standard),
        None => format!("{} readiness report", report.meta.standard),
    };
    html! {
        head {
            (NL)
            meta charset="utf-8"; (NL)
            meta name="viewport" content="width=device-width, initial-scale=1"; (NL)
            meta http-equiv="Content-Security-Policy" content=(CONTENT_SECURITY_POLICY); (NL)
            meta name="referrer" content="no-referrer"; (NL)
            meta name="generator" content=(format!("cse {}", env!("CARGO_PKG_VERSION"))); (NL)
            title { (Text(&title)) } (NL)
            style { (PreEscaped(theme::stylesheet())) } (NL)
        }
        (NL)
    }
}

fn masthead(report: &Report) -> Markup {
    html! {
        a.skip href="#main" { "Skip to the report" } (NL)
        header.masthead { div.wrap {
            (NL)
            p.eyebrow { (Text(&report.meta.standard)) " · readiness report" } (NL)
            h1 { (Text(&report.heading())) } (NL)
            p.built {
                "Built on " time datetime=(report.meta.date) { (long_date(report.meta.date)) }
                @if let Some(commit) = &report.meta.commit {
                    " from commit " code { (Text(commit)) }
                }
            }
            (NL)
        } }
        (NL)
    }
}

fn contents(report: &Report) -> Markup {
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
    html! {
        nav.contents aria-label="Contents" { div.wrap { ul {
            @for (id, label) in links {
                li { a href=(format!("#{id}")) { (label) } }
            }
        } } }
        (NL)
    }
}

/// A section with its heading, labelled by it for screen readers.
fn section(id: &str, heading: &str, content: Markup) -> Markup {
    html! {
        section id=(id) aria-labelledby=(format!("{id}-h")) {
            h2 id=(format!("{id}-h")) { (Text(heading)) } (NL)
            (content)
        }
        (NL)
    }
}

fn tile(label: &str, figure: &str, detail: &str) -> Markup {
    // A figure in words ("Not yet ready") is set smaller than a number.
    let class = if figure.starts_with(|c: char| c.is_ascii_digit()) {
        "figure"
    } else {
        "figure words"
    };
    html! {
        div.tile {
            p.label { (label) }
            p class=(class) { (figure) }
            p.detail { (detail) }
        }
    }
}

fn summary(report: &Report) -> Markup {
    let r = &report.readiness;
    let content = html! {
        p.lede {
            "An element is " strong { "ready" }
            " when its evidence file has no errors and its status is Compliance or Compliance Plus."
            @if report.units.len() >= 2 {
                (format!(" With {} units, an element counts as ready only when it is ready in every unit.", report.units.len()))
            }
        }
        div.tiles {
            (tile(
                "Overall readiness",
                &pct(r.overall.tally.readiness),
                &format!("{} of {} elements ready", r.overall.tally.ready, r.overall.tally.elements),
            ))
            (tile(
                "Cohort priority elements",
                &pct(r.priorities.readiness),
                &format!("{} of {} ready", r.priorities.ready, r.priorities.elements),
            ))
            @if r.assessment.ready {
                (tile("Assessment", "Ready", "the evidence could go to an assessor"))
            } @else {
                (tile("Assessment", "Not yet ready", "see the reasons below"))
            }
            (tile(
                "Open actions",
                &report.actions.len().to_string(),
                &format!("{} overdue · {} done", report.overdue_actions(), report.actions_done),
            ))
            (tile(
                "Elements with errors",
                &r.not_ready_by_errors.to_string(),
                if r.not_ready_by_errors == 0 {
                    "cse check finds none"
                } else {
                    "not counted as ready until fixed; run cse check"
                },
            ))
            (tile(
                "Reviews out of date",
                &report.stale_reviews().to_string(),
                &format!("of {} elements", report.elements().count()),
            ))
        }
        (NL)
        @if r.assessment.ready {
            div.verdict.ready {
                p { "Ready for assessment" }
                ul { li { "Every element has readable evidence, none is non-compliant or unassessed, and every partial element has an open action." } }
            }
        } @else {
            div.verdict.not-ready {
                p { "Not yet ready for assessment" }
                ul { @for reason in &r.assessment.reasons { li { (Text(&crate::render::words::reason(reason))) } } }
            }
        }
        (NL)
    };
    section("summary", "Summary", content)
}

/// A table that scrolls sideways on a narrow screen, with its caption and column headers;
/// `numeric` columns align right.
fn table(caption: &str, header: &[(&str, bool)], body: Markup) -> Markup {
    html! {
        div.table-scroll { table {
            caption { (caption) }
            thead { tr {
                @for (name, numeric) in header {
                    @if *numeric { th scope="col" class="num" { (Text(name)) } }
                    @else { th scope="col" { (Text(name)) } }
                }
            } }
            tbody { (body) }
        } }
    }
}

fn criteria(report: &Report) -> Markup {
    let r = &report.readiness;
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
    let chart = svg::bar_chart(
        "chart-criteria",
        "Readiness by criterion",
        &bars
            .iter()
            .map(|b| format!("{}: {}", b.label, pct(b.value)))
            .collect::<Vec<_>>()
            .join("; "),
        &bars,
    );
    let columns = theme::status_columns(&r.overall.counts);
    let mut status_header = vec![("Criterion", false)];
    status_header.extend(
        columns
            .iter()
            .map(|&i| (words::status_label(ElementStatus::ALL[i]), true)),
    );
    let content = html! {
        div.figure-pair {
            figure {
                (PreEscaped(chart))
                figcaption { "Share of elements ready in each criterion. The figures are in the table." }
            }
            (NL)
            (table(
                "Readiness by criterion",
                &[("Criterion", false), ("Ready", true), ("Readiness", true)],
                html! {
                    @for b in &bars {
                        tr {
                            th scope="row" { (Text(&b.label)) }
                            td.num { (Text(&b.detail)) }
                            td.num { (pct(b.value)) }
                        }
                    }
                },
            ))
        }
        (NL)
        h3 { "Elements by status" }
        (table(
            "Number of elements at each status, by criterion",
            &status_header,
            html! {
                @for c in r.criteria.iter().chain(std::iter::once(&r.overall)) {
                    @let label = if c.id.is_some() {
                        scope_label(c.id.as_deref(), c.title.as_deref())
                    } else {
                        "All elements".to_owned()
                    };
                    @let values = c.counts.values();
                    tr {
                        th scope="row" { (Text(&label)) }
                        @for &i in &columns { td.num { (values[i]) } }
                    }
                }
            },
        ))
    };
    section("criteria", "Readiness by criterion", content)
}

/// A chart with its caption beside (or, on a narrow page, above) the table of its figures.
fn chart_and_table(chart: String, caption: &str, table: Markup) -> Markup {
    html! {
        div.figure-pair.stacked {
            figure {
                (PreEscaped(chart))
                figcaption { (caption) }
            }
            (NL)
            (table)
        }
    }
}

fn scope_label(id: Option<&str>, title: Option<&str>) -> String {
    match (id, title) {
        (Some(id), Some(t)) => format!("{id} {t}"),
        (Some(id), None) => id.to_owned(),
        (None, Some(t)) => t.to_owned(),
        (None, None) => String::new(),
    }
}

fn units(report: &Report) -> Markup {
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
    let chart = svg::heat_map(
        "chart-units",
        "Readiness by unit and criterion",
        &rows
            .iter()
            .map(|(name, v)| format!("{name}: {} overall", pct(*v.last().unwrap_or(&0.0))))
            .collect::<Vec<_>>()
            .join("; "),
        &columns,
        &rows,
    );
    let mut header = vec![("Unit", false)];
    header.extend(columns.iter().map(|c| (c.as_str(), true)));
    let content = html! {
        p.lede {
            "Each cell is the share of a unit's elements that are ready in one criterion; darker is readier. "
            (plural(report.units.len(), "unit"))
            "; the last row is the institution, where an element is ready only when it is ready in every unit."
        }
        (chart_and_table(chart, "Unit × criterion heat map. The figures are in the table.", table("Readiness by unit and criterion", &header, html! {
                @for (name, values) in &rows {
                    tr {
                        th scope="row" { (Text(name)) }
                        @for v in values { td.num { (pct(*v)) } }
                    }
                }
            })))
    };
    section("units", "Readiness by unit", content)
}

fn history(report: &Report) -> Markup {
    let points = &report.history;
    let criteria = &report.readiness.criteria;
    let days: Vec<svg::ChartDay> = points
        .iter()
        .map(|p| svg::ChartDay {
            date: p.date,
            commit: p.commit.clone(),
            commits: p.commits,
        })
        .collect();
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
    // The assessor's visits are marked on the chart.
    let visits: Vec<Date> = report
        .findings
        .iter()
        .flat_map(|f| f.visits.iter().map(|v| v.date))
        .collect();
    let (first, last) = (&points[0], &points[points.len() - 1]);
    let chart = svg::line_chart(
        "chart-history",
        "Readiness over time",
        &format!(
            "Overall readiness went from {} on {} to {} on {}. {}",
            pct(first.overall),
            first.date,
            pct(last.overall),
            last.date,
            svg::PER_DAY
        ),
        &days,
        &series,
        &visits,
    );
    let labels: Vec<String> = criteria
        .iter()
        .map(|c| scope_label(c.id.as_deref(), c.title.as_deref()))
        .collect();
    let mut header = vec![
        ("Date", false),
        ("Commits", true),
        ("Last commit", false),
        ("All elements", true),
    ];
    header.extend(labels.iter().map(|l| (l.as_str(), true)));
    let commits: usize = points.iter().map(|p| p.commits).sum();
    let content = html! {
        p.lede {
            (format!(
                "Readiness on {} with commits ({}) from {} to {}: overall {} then, {} now. {} Each line is labelled at its end: ",
                plural(points.len(), "day"),
                plural(commits, "commit"),
                long_date(first.date),
                long_date(last.date),
                pct(first.overall),
                pct(last.overall),
                svg::PER_DAY
            ))
            strong { "All" } " for all elements, a number for each criterion."
        }
        (chart_and_table(chart, "Readiness on each day, overall and by criterion. The figures are in the table.", table("Readiness on each day, after its last commit", &header, html! {
                @for p in points {
                    tr {
                        th scope="row" class="date" { (short_date(p.date)) }
                        td.num { (p.commits) }
                        td { code { (Text(&p.commit)) } }
                        td.num { (pct(p.overall)) }
                        @for c in criteria {
                            @let v = c.id.as_deref().and_then(|id| p.criterion(id));
                            td.num { (v.map_or("—".to_owned(), pct)) }
                        }
                    }
                }
            })))
    };
    section("history", "Readiness over time", content)
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

fn priorities(report: &Report) -> Markup {
    let p = &report.priorities;
    let title = if p.name.trim().is_empty() {
        "Cohort priority elements".to_owned()
    } else {
        p.name.clone()
    };
    let has_tiers = p.rows.iter().any(|r| r.tier.is_some());
    let names = unit_names(report);
    let mut header = vec![("Element", false), ("What it asks", false)];
    if has_tiers {
        header.push(("Tier", false));
    }
    if report.multi_unit {
        header.extend(names.iter().map(|n| (n.as_str(), false)));
    } else {
        header.extend([("Status", false), ("Owner", false)]);
    }
    header.push(("Open actions", false));
    let content = html! {
        p.lede {
            (Text(&p.description)) " "
            strong { (format!("{} of {} ready ({}).", p.scope.ready, p.scope.elements, pct(p.scope.readiness))) }
        }
        @if p.rows.is_empty() {
            p { "The catalogue lists no priority elements." }
        } @else {
            (table("Priority elements and their status", &header, html! {
                @for row in &p.rows {
                    tr {
                        th scope="row" { (Text(&row.id)) }
                        td.asks { (Text(&row.text)) }
                        @if has_tiers { td { (row.tier.map_or("", |t| t.as_str())) } }
                        @for s in &row.statuses {
                            @if report.multi_unit {
                                td {
                                    (status_cell(s.status, s.errors))
                                    @if let Some(owner) = s.owner.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
                                        span.note { "Owner: " (Text(owner)) }
                                    }
                                }
                            } @else {
                                td { (status_cell(s.status, s.errors)) }
                                td {
                                    @if s.status == ElementStatus::Missing { span.none { "—" } }
                                    @else { (optional(s.owner.as_deref())) }
                                }
                            }
                        }
                        td.date { (open_actions_cell(row)) }
                    }
                }
            }))
        }
    };
    section("priorities", &title, content)
}

/// "2, next due 1 Feb 2026", flagged when one is overdue; "None" without open actions.
fn open_actions_cell(row: &PriorityRow) -> Markup {
    html! {
        @if row.open_actions == 0 {
            span.none { "None" }
        } @else {
            (row.open_actions) ", "
            @match row.next_due {
                Some(d) => {
                    "next due " time datetime=(d) { (short_date(d)) }
                    @if row.overdue { span.flag { "Overdue" } }
                }
                None => "no due date",
            }
        }
    }
}

fn actions(report: &Report) -> Markup {
    let mut header = vec![("Due", false), ("Element", false)];
    if report.multi_unit {
        header.push(("Unit", false));
    }
    header.extend([("Action", false), ("Owner", false)]);
    let content = html! {
        p.lede {
            (format!(
                "{}, soonest due first; {} overdue on {}. {} marked done.",
                plural(report.actions.len(), "open action"),
                report.overdue_actions(),
                long_date(report.meta.date),
                plural(report.actions_done, "action")
            ))
        }
        @if report.actions.is_empty() {
            p { "There are no open actions." }
        } @else {
            (table("Open actions by due date", &header, html! {
                @for a in &report.actions {
                    tr {
                        td.date {
                            @match a.due {
                                Some(d) => {
                                    time datetime=(d) { (short_date(d)) }
                                    @if a.overdue { span.flag { "Overdue" } }
                                }
                                None => span.none { "No date" },
                            }
                        }
                        th scope="row" { (Text(&a.element)) }
                        @if report.multi_unit { td { (Text(a.unit.as_deref().unwrap_or(""))) } }
                        td { (Text(&a.action)) }
                        td { (optional(a.owner.as_deref())) }
                    }
                }
            }))
        }
    };
    section("actions", "Action plan", content)
}

fn reviewed_cell(e: &ElementRow) -> Markup {
    html! {
        @match e.reviewed {
            Some(d) => {
                time datetime=(d) { (short_date(d)) }
                @if e.stale { span.flag { "Review overdue" } }
            }
            None => span.none { "—" },
        }
    }
}

fn elements(report: &Report) -> Markup {
    let count = report.elements().count();
    let columns = if report.multi_unit { 6 } else { 5 };
    let content = html! {
        p.lede {
            (format!(
                "{}; {} with a review older than the repository allows.",
                plural(count, "element"),
                report.stale_reviews()
            ))
        }
        div.table-scroll { table.elements {
            caption { "Every element with its status, owner and last review" }
            thead { tr {
                th scope="col" { "Element" }
                @if report.multi_unit { th scope="col" { "Unit" } }
                th scope="col" { "What it asks" }
                th scope="col" { "Status" }
                th scope="col" { "Owner" }
                th scope="col" { "Reviewed" }
            } }
            @for c in &report.criteria {
                tbody {
                    tr { th scope="rowgroup" colspan=(columns) { (Text(&scope_label(Some(&c.id), Some(&c.title)))) } }
                    @for e in &c.elements {
                        tr {
                            th scope="row" { (Text(&e.id)) }
                            @if report.multi_unit { td { (Text(e.unit.as_deref().unwrap_or(""))) } }
                            td { (Text(&e.text)) }
                            td { (status_cell(e.status, e.errors)) }
                            td {
                                @if e.path.is_some() { (optional(e.owner.as_deref())) }
                                @else { span.none { "—" } }
                            }
                            td.date { (reviewed_cell(e)) }
                        }
                    }
                }
            }
        } }
    };
    section("elements", "All elements", content)
}

/// An evidence item: a link for a web address, the title and path for a file.
pub(super) fn evidence_item(item: &EvidenceLink) -> Markup {
    let lower = item.target.to_ascii_lowercase();
    html! {
        @if item.is_url && (lower.starts_with("https://") || lower.starts_with("http://")) {
            a href=(Text(&item.target)) { (Text(&item.title)) }
        } @else {
            (Text(&item.title)) " (" code { (Text(&item.target)) } ")"
        }
    }
}

fn narratives_lede() -> Markup {
    html! {
        p.lede { "How each element is met, in the service's own words. Open an element to read its narrative and evidence." }
    }
}

fn narratives_heading(c: &CriterionSection) -> Markup {
    html! {
        h3 { (Text(&scope_label(Some(&c.id), Some(&c.title)))) } (NL)
    }
}

/// One element's narrative, folded.
fn narrative_details(e: &ElementRow) -> Markup {
    html! {
        details {
            summary {
                span.id { (Text(&e.id)) }
                span {
                    @if let Some(u) = &e.unit { (Text(u)) " · " }
                    (Text(&e.text))
                }
                span { (status_cell(e.status, e.errors)) }
            }
            div.narrative {
                @if let Some(path) = &e.path {
                    dl {
                        dt { "Owner" } dd { (optional(e.owner.as_deref())) }
                        dt { "Reviewed" } dd { (reviewed_cell(e)) }
                        dt { "File" } dd { code { (Text(path)) } }
                        dt { "Evidence" } dd {
                            @if e.evidence.is_empty() {
                                span.none { "None listed" }
                            } @else {
                                ul { @for item in &e.evidence { li { (evidence_item(item)) } } }
                            }
                        }
                    }
                    @match &e.narrative {
                        Some(md) => (PreEscaped(narrative::to_html(md, path, HeadingLevel::H4))),
                        None => p.none { "No narrative written yet." },
                    }
                } @else {
                    p.none { "No evidence file yet." }
                }
            }
        }
        (NL)
    }
}

fn narratives_section(content: Markup) -> Markup {
    html! {
        section id="narratives" class="narratives" aria-labelledby="narratives-h" {
            h2 id="narratives-h" { "Element narratives" } (NL)
            (content)
        }
        (NL)
    }
}

fn footer(report: &Report) -> Markup {
    html! {
        footer { div.wrap { p {
            "Generated by cse " (env!("CARGO_PKG_VERSION")) " on " (long_date(report.meta.date))
            @if let Some(c) = &report.meta.commit { " from commit " (Text(c)) }
            ". Statuses use the assessor's wording: Compliance Plus, Compliance, Partial Compliance and Non-Compliance; elements still to be rated are Not assessed."
        } } }
        (NL)
    }
}
