//! The report model and its HTML and markdown renderers, driven through the library with
//! fixture repositories and synthetic units and history.

use crate::common;

use common::{Repo, ready_file};
use cse::catalogue::Catalogue;
use cse::checks::{self, CheckOptions, Unit, UnitCheck};
use cse::report::{HistoryPoint, Inputs, Meta, Report};
use cse::tree::FsTree;

fn today() -> jiff::civil::Date {
    common::TODAY.parse().unwrap()
}

fn check(repo: &Repo, unit: Unit) -> UnitCheck {
    let catalogue = Catalogue::builtin().unwrap();
    let tree = FsTree::new(repo.path()).unwrap();
    let mut options = CheckOptions::new(today());
    options.keep_bodies = true;
    checks::check_unit(&catalogue, &tree, &unit, &options).unwrap()
}

fn single(repo: &Repo) -> UnitCheck {
    check(
        repo,
        Unit {
            name: None,
            dir: "evidence".into(),
        },
    )
}

fn meta(organisation: Option<&str>) -> Meta {
    Meta {
        organisation: organisation.map(str::to_owned),
        standard: "Customer Service Excellence".into(),
        date: today(),
        commit: Some("abc1234".into()),
    }
}

fn build(checks: &[UnitCheck], organisation: Option<&str>, history: Vec<HistoryPoint>) -> Report {
    let catalogue = Catalogue::builtin().unwrap();
    Report::build(Inputs {
        catalogue: &catalogue,
        meta: meta(organisation),
        checks,
        rule: Default::default(),
        history,
        findings: None,
    })
}

// --- an allow-list scanner for generated HTML ------------------------------------------

const TAGS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "a",
    "header",
    "div",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "nav",
    "ul",
    "ol",
    "li",
    "main",
    "section",
    "strong",
    "em",
    "code",
    "pre",
    "span",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "time",
    "figure",
    "figcaption",
    "svg",
    "desc",
    "g",
    "line",
    "rect",
    "text",
    "tspan",
    "polyline",
    "circle",
    "details",
    "summary",
    "dl",
    "dt",
    "dd",
    "footer",
    "blockquote",
    "del",
    "hr",
    "br",
    "sup",
    "sub",
];

const ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "lang",
    "charset",
    "name",
    "content",
    "http-equiv",
    "href",
    "scope",
    "colspan",
    "datetime",
    "aria-labelledby",
    "aria-label",
    "role",
    "viewBox",
    "xmlns",
    "width",
    "height",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "rx",
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-linejoin",
    "font-size",
    "font-weight",
    "text-anchor",
    "dy",
    "points",
    "cx",
    "cy",
    "r",
    "start",
    "title",
    "style",
];

/// Every tag and attribute in `html`, checked against the allow-lists; links must be
/// http, https, mailto or in-page. Returns the tag names in order, for further checks.
pub(crate) fn scan(html: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix("!DOCTYPE html>") {
            rest = after;
            continue;
        }
        let closing = rest.starts_with('/');
        let body = rest.trim_start_matches('/');
        let name_len = body
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(body.len());
        let name = &body[..name_len];
        assert!(
            TAGS.contains(&name),
            "tag <{name}> is not allowed: …{}",
            &rest[..rest.len().min(120)]
        );
        let end = body.find('>').expect("an unclosed tag");
        let mut attrs = body[name_len..end].trim().trim_end_matches('/');
        while !attrs.is_empty() {
            let name_end = attrs.find(['=', ' ']).unwrap_or(attrs.len());
            let attr = &attrs[..name_end];
            assert!(!closing, "attributes on a closing tag: {attrs}");
            assert!(
                ATTRIBUTES.contains(&attr),
                "attribute {attr} on <{name}> is not allowed"
            );
            attrs = &attrs[name_end..];
            if let Some(v) = attrs.strip_prefix("=\"") {
                let close = v.find('"').expect("an unclosed attribute value");
                let value = &v[..close];
                assert!(!value.contains('<'), "{attr}={value:?}");
                if attr == "href" {
                    assert!(
                        ["http://", "https://", "mailto:", "#"]
                            .iter()
                            .any(|p| value.starts_with(p)),
                        "link to {value:?}"
                    );
                }
                if attr == "style" {
                    assert!(value.starts_with("text-align: "), "style={value:?}");
                }
                attrs = &v[close + 1..];
            }
            attrs = attrs.trim_start();
        }
        if !closing {
            tags.push(name.to_owned());
        }
        rest = &body[end + 1..];
        if name == "style" && !closing {
            let close = rest.find("</style>").expect("an unclosed style");
            assert!(
                !rest[..close].contains("url("),
                "the stylesheet fetches something"
            );
            rest = &rest[close..];
        }
    }
    tags
}

// --- hostile content -------------------------------------------------------------------

const JS: &str = "document.title='PWNED'";

fn hostile_repo() -> Repo {
    let repo = Repo::empty();
    let evil = format!("<script>{JS}</script>");
    let evil_yaml = evil.replace('\'', "''");
    let evil_img = format!("<img src=x onerror=\"{JS}\">").replace('\'', "''");
    repo.write(
        "evidence/1.1.1.md",
        &format!(
            "---\nelement: 1.1.1\nstatus: partial\nowner: '{evil_img}'\nreviewed: 2020-01-01\nevidence:\n  - title: '{evil_yaml}'\n    path: ../docs/proof.txt\n  - title: '<a href=\"javascript:x\">t</a>'\n    url: 'javascript:{}'\nactions:\n  - action: '<svg onload=\"x\"></svg>{evil_yaml}'\n    owner: '{evil_yaml}'\n    due: 2020-01-01\n---\n\
# <script>{JS}</script>\n\n\
<script>{JS}</script>\n\n\
<img src=x onerror=\"{JS}\">\n\n\
<iframe srcdoc=\"<script>{JS}</script>\"></iframe>\n\n\
<style>body {{ display: none }}</style>\n\n\
Inline <b onmouseover=\"{JS}\">bold</b> and <a href=\"javascript:{JS}\">raw link</a>.\n\n\
[click](javascript:{JS}) [data](data:text/html,x) <javascript:{JS}> [ok](https://example.org/\"onmouseover=\"x)\n\n\
![pic](x\" onerror=\"{JS})\n\n\
| a | <script>x</script> |\n|---|---|\n| [t](javascript:x) | b |\n",
            JS.replace('\'', "''")
        ),
    );
    repo
}

fn hostile_report() -> Report {
    let repo = hostile_repo();
    let checks = [single(&repo)];
    let mut r = build(
        &checks,
        Some(&format!("<script>{JS}</script>Evil & Co")),
        vec![],
    );
    r.meta.commit = Some("<b>abc</b>".into());
    r
}

#[test]
fn hostile_content_never_becomes_markup_in_html() {
    let html = html_of(&hostile_report());
    let tags = scan(&html);
    assert!(
        !tags
            .iter()
            .any(|t| t == "script" || t == "img" || t == "iframe")
    );
    assert_eq!(
        tags.iter().filter(|t| *t == "style").count(),
        1,
        "only the report's own stylesheet"
    );
    // Each hostile string is there, as text.
    for text in [
        "&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;Evil &amp; Co",
        "&lt;img src=x onerror=&quot;document.title=&#39;PWNED&#39;&quot;&gt;",
        "&lt;svg onload=&quot;x&quot;&gt;&lt;/svg&gt;",
        "&lt;b&gt;abc&lt;/b&gt;",
        "&lt;iframe srcdoc=",
        "&lt;style&gt;body",
    ] {
        assert!(html.contains(text), "{text} missing");
    }
    assert!(html.contains(
        "<title>&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;Evil &amp; Co: "
    ));
    // The javascript: evidence URL is shown, never linked.
    assert!(html.contains("(<code>javascript:document.title=&#39;PWNED&#39;</code>)"));
    // The narrative's one web link survives with its quote percent-encoded.
    assert!(
        html.contains("href=\"https://example.org/%22onmouseover=%22x\""),
        "{html}"
    );
}

#[test]
fn hostile_content_never_becomes_markup_in_markdown() {
    let md = markdown_of(&hostile_report());
    // Render the markdown as a permissive wiki would (raw HTML allowed) and scan the result.
    let mut html = String::new();
    let parser = pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::all());
    pulldown_cmark::html::push_html(&mut html, parser);
    let tags = scan(&html);
    assert!(
        !tags
            .iter()
            .any(|t| t == "script" || t == "img" || t == "iframe" || t == "style")
    );
    assert!(
        md.starts_with("# \\<script\\>document.title='PWNED'\\</script\\>Evil \\& Co\n"),
        "{md}"
    );
}

// --- content ---------------------------------------------------------------------------

fn mixed_repo() -> Repo {
    let repo = Repo::complete();
    repo.write("cse.toml", "name = \"Riverside Libraries\"\n");
    repo.remove("evidence/2.1.6.md");
    repo.write(
        "evidence/1.2.1.md",
        "---\nelement: 1.2.1\nstatus: partial\nowner: Engagement Lead\nreviewed: 2025-01-10\nactions:\n  - action: Later thing\n    due: 2027-03-01\n  - action: Overdue thing\n    owner: Web team\n    due: 2026-02-01\n  - action: Undated thing\n  - action: Done thing\n    done: true\n---\n# Engagement\n\nWe consult *widely*.\n\n## Methods\n\n- surveys\n",
    );
    repo
}

#[test]
fn html_has_every_section_and_element() {
    let repo = mixed_repo();
    let checks = [single(&repo)];
    let html = html_of(&build(&checks, Some("Riverside Libraries"), vec![]));
    scan(&html);
    assert!(html.contains("<h1>Riverside Libraries</h1>"));
    assert!(html.contains("Built on <time datetime=\"2026-11-28\">28 November 2026</time> from commit <code>abc1234</code>"));
    for id in [
        "summary",
        "criteria",
        "priorities",
        "actions",
        "elements",
        "narratives",
    ] {
        assert!(
            html.contains(&format!("<section id=\"{id}\"")),
            "section {id}"
        );
        assert!(
            html.contains(&format!("<a href=\"#{id}\">")),
            "contents link to {id}"
        );
    }
    let catalogue = Catalogue::builtin().unwrap();
    for e in catalogue.elements() {
        let id = &e.element.id;
        assert!(
            html.contains(&format!("<tr><th scope=\"row\">{id}</th><td>")),
            "row for {id}"
        );
        assert!(
            html.contains(&format!("<details><summary><span class=\"id\">{id}</span>")),
            "narrative for {id}"
        );
    }
    assert_eq!(html.matches("<details>").count(), 57);
    // Verdict and reasons.
    assert!(html.contains("Not yet ready for assessment"));
    assert!(
        html.contains("<li>1 element has no evidence file: 2.1.6</li>"),
        "{html}"
    );
    // Stale review flagged next to its date; missing element says so in words.
    assert!(html.contains("10 Jan 2025</time><span class=\"flag\">Review overdue</span>"));
    assert!(html.contains("<span class=\"status s-missing\">No evidence file</span>"));
    assert!(html.contains("<span class=\"status s-partial\">Partial Compliance</span>"));
    // The narrative, rendered with its headings under the report's.
    assert!(
        html.contains("<h4>Engagement</h4>\n<p>We consult <em>widely</em>.</p>\n<h5>Methods</h5>")
    );
    // No history and a single unit: those sections are left out entirely.
    assert!(!html.contains("id=\"history\"") && !html.contains("Over time"));
    assert!(!html.contains("id=\"units\"") && !html.contains("By unit"));
}

#[test]
fn action_plan_lists_open_actions_by_due_date_with_overdue_marked() {
    let repo = mixed_repo();
    let checks = [single(&repo)];
    let report = build(&checks, None, vec![]);
    let actions: Vec<(&str, bool)> = report
        .actions
        .iter()
        .map(|a| (a.action.as_str(), a.overdue))
        .collect();
    assert_eq!(
        actions,
        [
            ("Overdue thing", true),
            ("Later thing", false),
            ("Undated thing", false)
        ]
    );
    assert_eq!(report.actions_done, 1);
    let html = html_of(&report);
    let overdue = html.find("Overdue thing").unwrap();
    let later = html.find("Later thing").unwrap();
    assert!(overdue < later);
    assert!(html.contains(
        "<time datetime=\"2026-02-01\">1 Feb 2026</time><span class=\"flag\">Overdue</span>"
    ));
    let md = markdown_of(&report);
    assert!(
        md.contains("| 2026-02-01 **overdue** | 1.2.1 | Overdue thing | Web team |"),
        "{md}"
    );
}

#[test]
fn headings_run_in_order_without_skipping_a_level() {
    let repo = mixed_repo();
    repo.write("evidence/3.1.1.md", "---\nelement: 3.1.1\nstatus: compliant\nreviewed: 2026-06-01\nevidence:\n  - title: P\n    path: ../docs/proof.txt\n---\n#### Deep first\n\n# Then top\n");
    let checks = [single(&repo)];
    let html = html_of(&build(&checks, None, vec![]));
    let levels: Vec<u8> = scan(&html)
        .iter()
        .filter_map(|t| t.strip_prefix('h').and_then(|n| n.parse().ok()))
        .collect();
    assert_eq!(levels[0], 1);
    assert_eq!(levels.iter().filter(|l| **l == 1).count(), 1);
    for pair in levels.windows(2) {
        assert!(pair[1] <= pair[0] + 1, "h{} follows h{}", pair[1], pair[0]);
    }
    // A narrative's first heading sits right under the criterion's h3, however deep it was.
    assert!(html.contains("<h4>Deep first</h4>") && html.contains("<h4>Then top</h4>"));
}

#[test]
fn tables_and_charts_are_accessible() {
    let repo = mixed_repo();
    let checks = [single(&repo)];
    let html = html_of(&build(&checks, None, vec![]));
    // Every table has a caption, and header cells always say what they head.
    assert_eq!(
        html.matches("<table").count(),
        html.matches("<caption>").count()
    );
    assert!(
        !html.contains("<th>") && !html.contains("<th class"),
        "a <th> without scope"
    );
    // Every chart has a title and description, and a data table right after it.
    for chart in html.match_indices("<svg class=\"chart\"") {
        let rest = &html[chart.0..];
        let id = rest.split('"').nth(3).unwrap();
        assert!(rest.contains(&format!("<title id=\"{id}-title\">")));
        assert!(rest.contains(&format!("aria-labelledby=\"{id}-title {id}-desc\"")));
        let after = &rest[rest.find("</svg>").unwrap()..];
        let next_table = after.find("<table").unwrap();
        let next_section = after.find("</section>").unwrap();
        assert!(
            next_table < next_section,
            "chart {id} has no data table beside it"
        );
    }
    // There is a print stylesheet and no script or fetched resource at all.
    assert!(html.contains("@media print"));
    assert!(!html.contains("<script") && !html.contains("<link") && !html.contains(" src="));
    assert!(html.contains("Content-Security-Policy"));
}

// --- units and history (synthetic) ------------------------------------------------------

fn units_repo() -> Repo {
    let repo = Repo::empty();
    let catalogue = Catalogue::builtin().unwrap();
    for (i, e) in catalogue.elements().enumerate() {
        let id = &e.element.id;
        repo.write(&format!("north/{id}.md"), &ready_file(id));
        if i % 2 == 0 {
            repo.write(&format!("south/{id}.md"), &ready_file(id));
        }
    }
    repo
}

fn two_units(repo: &Repo) -> Vec<UnitCheck> {
    ["north", "south"]
        .iter()
        .map(|n| {
            check(
                repo,
                Unit {
                    name: Some(if *n == "north" {
                        "North <Branch>".into()
                    } else {
                        "South".into()
                    }),
                    dir: (*n).into(),
                },
            )
        })
        .collect()
}

#[test]
fn two_units_get_a_heat_map_and_institution_figures() {
    let repo = units_repo();
    let checks = two_units(&repo);
    let report = build(&checks, None, vec![]);
    // North has every element ready, South every other one: the institution has South's.
    assert_eq!(report.readiness.overall.tally.elements, 57);
    assert_eq!(report.readiness.overall.tally.ready, 29);
    assert_eq!(report.units.len(), 2);
    assert_eq!(report.units[0].readiness.overall.tally.ready, 57);
    assert_eq!(report.units[1].readiness.overall.tally.ready, 29);
    assert!(!report.readiness.assessment.ready);
    assert!(
        cse::render::words::reason(&report.readiness.assessment.reasons[0])
            .starts_with("[South] 28 elements have no evidence file"),
        "{:?}",
        report.readiness.assessment.reasons
    );
    assert_eq!(report.elements().count(), 114);
    let html = html_of(&report);
    scan(&html);
    assert!(html.contains("<section id=\"units\""));
    assert!(html.contains("<svg class=\"chart\" id=\"chart-units\""));
    assert!(
        html.contains("<title>North &lt;Branch&gt;, 1 Customer Insight: 100.0%</title>"),
        "{html}"
    );
    assert!(
        html.contains(
            "<tr><th scope=\"row\">North &lt;Branch&gt;</th><td class=\"num\">100.0%</td>"
        )
    );
    // The last row is the institution's: 1 Customer Insight has 6 of its 11 elements in South.
    assert!(
        html.contains("<tr><th scope=\"row\">Institution</th><td class=\"num\">54.5%</td>"),
        "{html}"
    );
    assert!(html.contains("an element counts as ready only when it is ready in every unit"));
    // Rows carry their unit: priorities get a column per unit, elements a unit column.
    assert!(
        html.contains("<th scope=\"col\">North &lt;Branch&gt;</th><th scope=\"col\">South</th>")
    );
    assert!(html.contains("<th scope=\"col\">Unit</th>"));
    let md = markdown_of(&report);
    assert!(md.contains("## Readiness by unit"));
    assert!(md.contains("| North \\<Branch\\> | 100.0% |"), "{md}");
    assert!(md.contains("| **Institution** | 54.5% |"), "{md}");
}

#[test]
fn one_named_unit_has_no_heat_map() {
    let repo = units_repo();
    let checks = two_units(&repo);
    let report = build(&checks[..1], None, vec![]);
    assert_eq!(
        report.heading(),
        "Customer Service Excellence readiness, unit North <Branch>"
    );
    let html = html_of(&report);
    assert!(!html.contains("chart-units") && !html.contains("Readiness by unit"));
    assert!(!markdown_of(&report).contains("Readiness by unit"));
}

fn history() -> Vec<HistoryPoint> {
    let point = |date: &str, commit: &str, overall: f64| HistoryPoint {
        date: date.parse().unwrap(),
        commit: commit.into(),
        commits: 1,
        overall,
        criteria: (1..=5)
            .map(|c| (c.to_string(), (overall + c as f64 * 3.0).min(100.0)))
            .collect(),
    };
    vec![
        point("2026-01-10", "1111111", 12.3),
        point("2026-03-02", "2222222", 35.0),
        point("2026-06-20", "3333333", 61.4),
        point("2026-11-28", "<b>4</b>", 80.7),
    ]
}

#[test]
fn history_is_drawn_when_given() {
    let repo = mixed_repo();
    let checks = [single(&repo)];
    let report = build(&checks, None, history());
    let html = html_of(&report);
    scan(&html);
    assert!(html.contains("<section id=\"history\""));
    assert!(html.contains("<svg class=\"chart\" id=\"chart-history\""));
    assert!(
        html.contains("Overall readiness went from 12.3% on 2026-01-10 to 80.7% on 2026-11-28.")
    );
    assert!(html.contains("<td><code>&lt;b&gt;4&lt;/b&gt;</code></td><td class=\"num\">80.7%</td><td class=\"num\">83.7%</td>"), "{html}");
    assert_eq!(
        html.matches("<polyline").count(),
        6,
        "overall and five criteria"
    );
    let md = markdown_of(&report);
    assert!(md.contains("## Readiness over time"));
    assert!(
        md.contains("| 2026-01-10 | 1 | `1111111` | 12.3% | 15.3% |"),
        "{md}"
    );
}

/// Writes the synthetic institution report (units and history) for a person to look at.
#[test]
fn synthetic_institution_report_for_inspection() {
    let repo = units_repo();
    let checks = two_units(&repo);
    let report = build(&checks, Some("Riverside Council Libraries"), history());
    let html = html_of(&report);
    scan(&html);
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("institution-report.html");
    std::fs::write(&path, html).unwrap();
}

#[test]
fn markdown_has_the_same_content_as_tables() {
    let repo = mixed_repo();
    let checks = [single(&repo)];
    let md = markdown_of(&build(&checks, Some("Riverside Libraries"), vec![]));
    assert!(md.starts_with("# Riverside Libraries\n\nCustomer Service Excellence readiness report, built on 28 November 2026 from commit `abc1234`.\n"));
    for heading in [
        "## Summary",
        "## Readiness by criterion",
        "## Chelmsford cohort priorities",
        "## Action plan",
        "## All elements",
        "## Element narratives",
    ] {
        assert!(md.contains(&format!("\n{heading}\n")), "{heading}");
    }
    assert!(
        md.contains("| **All elements** | 55 of 57 | 96.5% | `███████████████████░` |"),
        "{md}"
    );
    assert!(md.contains("| **1.2.1** | We have a strategy"), "{md}");
    assert!(md.contains("2025-01-10 **review overdue**"));
    assert_eq!(md.matches("<details>").count(), 57);
    // Narrative HTML sits in one HTML block: no blank line inside it.
    let block = md
        .lines()
        .find(|l| l.contains("<strong>1.2.1</strong>"))
        .unwrap();
    assert!(
        block.contains("<h4>Engagement</h4>") && block.ends_with("</details>"),
        "{block}"
    );
}

#[test]
fn unreadable_column_appears_only_when_an_element_is_unreadable() {
    let header = "<th scope=\"col\" class=\"num\">Unreadable front matter</th>";
    let repo = mixed_repo();
    let html = html_of(&build(&[single(&repo)], None, vec![]));
    assert!(!html.contains(header));
    repo.write("evidence/4.1.1.md", "---\nelement: [4.1.1\n---\nbroken\n");
    let report = build(&[single(&repo)], None, vec![]);
    let html = html_of(&report);
    assert!(html.contains(header));
    assert!(html.contains("<span class=\"status s-invalid\">Unreadable front matter</span>"));
    assert!(markdown_of(&report).contains("| Unreadable front matter |"));
}

/// The report's HTML page, as `cse report` writes it.
fn html_of(report: &Report) -> String {
    let mut out = Vec::new();
    cse::report::html::write(report, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The report's markdown, as `cse report --format markdown` writes it.
fn markdown_of(report: &Report) -> String {
    let mut out = Vec::new();
    cse::report::markdown::write(report, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}
