//! `cse report` as a manager reads it: elements that errors keep from being ready are flagged
//! in every table, the summary counts them, the priority table names owners and open
//! actions, and the chart has one point per day however many commits the day had.

use crate::common::{self, Repo};
use crate::git::GitRepo;
use crate::report_fixtures;

/// The standard output of a command that must succeed.
fn stdout_of(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn report(repo: &Repo, format: &str) -> String {
    stdout_of(
        repo.cse()
            .args(["report", "--format", format, "--out", "-"]),
    )
}

/// The part of `text` from `start` up to the next `end`.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start}"));
    let to = from + text[from..].find(end).unwrap();
    &text[from..to]
}

/// The HTML section `id`, from its opening tag to its end.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    between(html, &format!("<section id=\"{id}\""), "</section>")
}

/// The table row of `id` (a `<th scope="row">`) in `html`.
fn row<'a>(html: &'a str, id: &str) -> &'a str {
    between(html, &format!("<tr><th scope=\"row\">{id}</th>"), "</tr>")
}

/// The markdown section under `## heading`, up to the next `## `.
fn md_section<'a>(md: &'a str, heading: &str) -> &'a str {
    let start = md
        .find(&format!("\n## {heading}\n"))
        .unwrap_or_else(|| panic!("no section {heading}"));
    let rest = &md[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 4);
    &rest[..end]
}

const FLAG: &str = "<span class=\"flag\">Not ready (1 error)</span>";

#[test]
fn a_compliant_element_with_an_error_is_flagged_not_ready_in_every_table() {
    // 3.1.1 is a priority element, compliant, with an evidence path that does not exist.
    let repo = report_fixtures::mixed();
    let html = report(&repo, "html");
    let compliant = "<span class=\"status s-compliant\">Compliance</span>";
    let priority = row(section(&html, "priorities"), "3.1.1");
    assert!(
        priority.contains(&format!("{compliant}{FLAG}")),
        "{priority}"
    );
    let all = row(section(&html, "elements"), "3.1.1");
    assert!(all.contains(&format!("{compliant}{FLAG}")), "{all}");
    // A ready element in the same tables carries no flag.
    assert!(!row(section(&html, "priorities"), "3.3.1").contains("flag"));
    // The narrative's heading says it too.
    let narrative = &html[html.find("<span class=\"id\">3.1.1</span>").unwrap()..];
    let summary = &narrative[..narrative.find("</summary>").unwrap()];
    assert!(summary.contains(FLAG), "{summary}");

    let md = report(&repo, "markdown");
    let line = |section: &str| {
        md_section(&md, section)
            .lines()
            .find(|l| l.starts_with("| **3.1.1** |"))
            .unwrap()
            .to_owned()
    };
    assert!(
        line("Chelmsford cohort priorities").contains("| Compliance · **Not ready (1 error)** |"),
        "{md}"
    );
    assert!(line("All elements").contains("| Compliance · **Not ready (1 error)** |"));
}

#[test]
fn the_summary_counts_elements_with_errors_as_the_core_does() {
    // 3.1.1 (a missing document) and 3.2.1 (an unknown status) have errors.
    let repo = report_fixtures::mixed();
    let status = repo
        .cse()
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    let status: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(status["not_ready_because_of_errors"], 2, "{status}");

    let summary = section(&report(&repo, "html"), "summary").to_owned();
    assert!(
        summary.contains(
            "<div class=\"tile\"><p class=\"label\">Elements with errors</p><p class=\"figure\">2</p>\
             <p class=\"detail\">not counted as ready until fixed; run cse check</p></div>"
        ),
        "{summary}"
    );
    let md = report(&repo, "markdown");
    assert!(md.contains(
        "| Elements with errors | 2 | not counted as ready until fixed; run cse check |"
    ));

    // A clean repository says there are none.
    let clean = report(&Repo::complete(), "html");
    assert!(clean.contains(
        "<p class=\"label\">Elements with errors</p><p class=\"figure\">0</p><p class=\"detail\">cse check finds none</p>"
    ));
}

#[test]
fn the_priority_table_has_owners_and_open_actions() {
    let repo = report_fixtures::mixed();
    let html = report(&repo, "html");
    let table = section(&html, "priorities");
    assert!(table.contains(
        "<th scope=\"col\">Status</th><th scope=\"col\">Owner</th><th scope=\"col\">Open actions</th>"
    ));
    // 1.1.3: partial, one action due 31 Dec 2026; 4.1.1: one open undated action (and one
    // done); 1.2.2: none.
    let due = row(table, "1.1.3");
    assert!(due.contains("<td>Manager</td>"), "{due}");
    assert!(
        due.contains(
            "<td class=\"date\">1, next due <time datetime=\"2026-12-31\">31 Dec 2026</time></td>"
        ),
        "{due}"
    );
    assert!(row(table, "4.1.1").contains("<td class=\"date\">1, no due date</td>"));
    assert!(
        row(table, "1.2.2").contains("<td class=\"date\"><span class=\"none\">None</span></td>")
    );

    let md = report(&repo, "markdown");
    let priorities = md_section(&md, "Chelmsford cohort priorities");
    insta::assert_snapshot!("report_priorities_markdown", priorities);
}

#[test]
fn an_overdue_priority_action_is_flagged_and_every_unit_names_its_owner() {
    let repo = crate::units_reports::two_units();
    let html = report(&repo, "html");
    let table = section(&html, "priorities");
    // 1.2.2: ready in central; partial in mobile, with an action due 15 Dec 2026.
    let r = row(table, "1.2.2");
    assert_eq!(
        r.matches("<span class=\"note\">Owner: Manager</span>")
            .count(),
        2,
        "{r}"
    );
    assert!(r.contains("1, next due <time datetime=\"2026-12-15\">15 Dec 2026</time></td>"));
    // 5.1.1: compliant in central but with an error there.
    let r = row(table, "5.1.1");
    assert_eq!(r.matches(FLAG).count(), 1, "{r}");
    // An overdue action is flagged (4.3.1 is not a priority element: use a fixture's).
    let repo = report_fixtures::mixed();
    repo.write(
        "evidence/1.1.3.md",
        &report_fixtures::file(
            "1.1.3",
            "partial",
            "actions:\n  - action: Later\n    due: 2027-01-31\n  - action: Late\n    due: 2026-09-30\n",
        ),
    );
    let html = report(&repo, "html");
    let r = row(section(&html, "priorities"), "1.1.3");
    assert!(
        r.contains("2, next due <time datetime=\"2026-09-30\">30 Sep 2026</time><span class=\"flag\">Overdue</span>"),
        "{r}"
    );
    let md = report(&repo, "markdown");
    assert!(
        md.contains("| 2, next due 2026-09-30 **overdue** |"),
        "{md}"
    );
}

#[test]
fn the_pack_flags_the_element_as_its_report_does() {
    let repo = Repo::complete();
    // Compliant, but its one evidence item is not a web address (E014).
    repo.write(
        "evidence/1.2.1.md",
        &common::ready_file("1.2.1").replace("path: ../docs/proof.txt", "url: ftp://example.org/x"),
    );
    let zip = repo.path().join("pack.zip");
    stdout_of(repo.cse().args(["pack", "--out"]).arg(&zip));
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    let flagged = format!("<span class=\"status s-compliant\">Compliance</span>{FLAG}");
    assert!(read("elements/1.2.1.html").contains(&flagged));
    assert!(read("index.html").contains(&flagged));
    assert!(!read("elements/1.2.2.html").contains(FLAG));
    assert!(read("report.html").contains(&flagged));
}

/// Three commits on 1 March and one on 2 March: readiness 0, 1, 2 elements, then 3.
fn busy_day() -> GitRepo {
    let g = GitRepo::new();
    let ids = ["1.1.1", "1.1.2", "1.1.3"];
    for (i, day) in ["2026-03-01", "2026-03-01", "2026-03-01", "2026-03-02"]
        .iter()
        .enumerate()
    {
        if let Some(id) = i.checked_sub(1).map(|k| ids[k]) {
            g.write(&format!("evidence/{id}.md"), &common::ready_file(id));
        } else {
            g.write("evidence/.keep", "");
        }
        g.commit(day, &format!("Commit {i}"));
    }
    g
}

#[test]
fn several_commits_on_one_day_make_one_point_on_the_chart() {
    let g = busy_day();
    let html = report(&g.repo, "html");
    let history = section(&html, "history");
    // One point per day on each line: the overall line has two.
    assert_eq!(
        history.matches("<circle").count(),
        2 * 6,
        "two points on each of six lines"
    );
    assert!(
        history.contains("<title>All elements, 1 Mar 2026: 3.5% (after commit "),
        "{history}"
    );
    assert!(
        history.contains(", the last of 3 that day)</title>"),
        "{history}"
    );
    // The day's figure is its last commit's: 2 of 57 elements ready, then 3.
    assert!(history.contains("<td class=\"num\">3</td>"));
    assert_eq!(
        history.matches("<th scope=\"row\" class=\"date\">").count(),
        2
    );
    // Each date is labelled once.
    assert_eq!(
        history.matches(">1 Mar 2026</text>").count(),
        1,
        "{history}"
    );
    assert_eq!(history.matches(">2 Mar 2026</text>").count(), 1);

    let md = report(&g.repo, "markdown");
    let table = md_section(&md, "Readiness over time");
    let rows: Vec<&str> = table.lines().filter(|l| l.starts_with("| 2026-")).collect();
    assert_eq!(rows.len(), 2, "{table}");
    assert!(rows[0].starts_with("| 2026-03-01 | 3 | `"), "{table}");
    assert!(
        rows[0].contains("| 3.5% |") && rows[1].contains("| 5.3% |"),
        "{table}"
    );

    // `cse history` keeps a row per commit; its chart file has a point per day.
    let json = stdout_of(g.repo.cse().args(["history", "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["commits"].as_array().map(Vec::len), Some(4), "{json}");
    let svg = g.path().join("chart.svg");
    stdout_of(g.repo.cse().args(["history", "--svg"]).arg(&svg));
    let svg = std::fs::read_to_string(svg).unwrap();
    assert_eq!(svg.matches("<title>All elements, ").count(), 2, "{svg}");
}

/// The markdown example in docs/report.md is the example's real report.
#[test]
fn the_report_page_shows_the_real_markdown() {
    let root = common::project_root();
    let page = std::fs::read_to_string(root.join("docs/report.md")).unwrap();
    let block = page
        .split("```markdown\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("docs/report.md has a markdown example");
    let out = common::cse(&root)
        .args(["report", "--format", "markdown", "--out", "-"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    for line in block.lines() {
        assert!(
            md.contains(line),
            "docs/report.md shows {line:?}, which the report does not print"
        );
    }
}
