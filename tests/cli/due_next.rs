//! `cse docs`, `cse due`, `cse next` and the changed-since-review warning (W020), on a fixture
//! repository whose git history is made here with fixed commit dates. Every expectation below
//! is worked out by hand from the fixture (today is 2026-11-28; `review_max_age` 12 months).

use crate::common;

use std::path::Path;
use std::process::Command as Process;

use common::{Repo, ready_file};
use serde_json::{Value, json};

/// `git` isolated from the machine's configuration.
pub(crate) fn git(dir: &Path, args: &[&str], day: Option<&str>) -> String {
    let mut cmd = Process::new("git");
    cmd.current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(["-c", "init.defaultBranch=main", "-c", "user.name=Keeper"])
        .args([
            "-c",
            "user.email=keeper@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args);
    if let Some(day) = day {
        let when = format!("{day}T12:00:00Z");
        cmd.env("GIT_AUTHOR_DATE", &when)
            .env("GIT_COMMITTER_DATE", &when);
    }
    let out = cmd.output().expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn commit(repo: &Repo, day: &str) -> String {
    git(repo.path(), &["add", "-A"], None);
    git(repo.path(), &["commit", "-q", "-m", day], Some(day));
    git(repo.path(), &["rev-parse", "--short", "HEAD"], None)
}

/// A ready file for `id` reviewed on `reviewed`, owned by `owner`, with `extra` front matter.
fn evidence(id: &str, status: &str, owner: &str, reviewed: &str, extra: &str) -> String {
    ready_file(id)
        .replace("status: compliant", &format!("status: {status}"))
        .replace("owner: Manager", &format!("owner: {owner}"))
        .replace("reviewed: 2026-06-01", &format!("reviewed: {reviewed}"))
        .replace("\n---\nHow", &format!("\n{extra}---\nHow"))
}

/// [`evidence`], citing the complaints procedure instead of `docs/proof.txt`.
fn citing_complaints(id: &str, status: &str, owner: &str, reviewed: &str) -> String {
    evidence(id, status, owner, reviewed, "").replace(
        "  - title: Proof\n    path: ../docs/proof.txt\n",
        "  - title: Complaints procedure\n    path: ../docs/complaints.md\n",
    )
}

/// The fixture, committed on 2025-10-01 with the complaints procedure rewritten on 2026-09-02.
/// Returns the repository and the short hashes of the two commits.
pub(crate) fn fixture() -> (Repo, String, String) {
    let repo = Repo::complete();
    git(repo.path(), &["init", "-q"], None);
    repo.write(
        "cse.toml",
        "name = \"Fixture Library\"\nreview_max_age = \"12 months\"\n[documents]\ndir = \"docs\"\n",
    );
    repo.write("docs/complaints.md", "Version 1\n");
    repo.write("docs/old-policy.md", "Nobody cites this.\n");
    repo.write("docs/unused.txt", "Nor this.\n");
    // Rule 1: front matter that cannot be read.
    repo.write(
        "evidence/2.1.1.md",
        "---\nelement: 2.1.1\nstatus: \"compliant\n---\n",
    );
    // Rule 2: a priority element not assessed.
    repo.write(
        "evidence/1.2.2.md",
        "---\nelement: 1.2.2\nstatus: not-assessed\nowner: Service Lead\nevidence: []\n---\n",
    );
    // Rule 3: partial, no action; reviewed after the procedure changed.
    repo.write(
        "evidence/4.3.2.md",
        &citing_complaints("4.3.2", "partial", "Complaints Lead", "2026-10-01"),
    );
    // Rules 5 and 6: reviewed before the procedure changed, and more than 12 months ago.
    repo.write(
        "evidence/4.3.1.md",
        &citing_complaints("4.3.1", "compliant", "Complaints Lead", "2025-11-01"),
    );
    // Rule 4 and `due`: an overdue action (owned by the element's owner), one due in the
    // window (its own owner, with characters iCalendar escapes), and a done one.
    repo.write(
        "evidence/1.1.1.md",
        &evidence(
            "1.1.1",
            "compliant",
            "Manager",
            "2025-12-10",
            "actions:\n  - action: Publish the results\n    due: 2026-11-01\n  - action: \"Update the survey; add commas, and a \\\\ backslash\"\n    owner: Survey Team\n    due: 2026-12-20\n  - action: Old task\n    due: 2026-10-01\n    done: true\n",
        ),
    );
    // Rule 7: a partial priority element with an action, and a missing element.
    repo.write(
        "evidence/3.1.1.md",
        &evidence(
            "3.1.1",
            "partial",
            "Manager",
            "2026-06-01",
            "actions:\n  - action: Train the front desk\n    due: 2027-03-01\n",
        ),
    );
    repo.remove("evidence/5.1.2.md");
    // Rule 1 again: cites a document that does not exist (E012), with an action due later.
    repo.write(
        "evidence/3.2.2.md",
        &evidence(
            "3.2.2",
            "partial",
            "Manager",
            "2026-06-01",
            "actions:\n  - action: Sign the partnership\n    owner: Partner Lead\n    due: 2027-02-01\n",
        )
        .replace(
            "evidence:\n",
            "evidence:\n  - title: Agreement\n    path: ../docs/agreement.pdf\n",
        ),
    );
    let first = commit(&repo, "2025-10-01");
    repo.write("docs/complaints.md", "Version 2\n");
    let second = commit(&repo, "2026-09-02");
    (repo, first, second)
}

fn run(repo: &Repo, args: &[&str]) -> (String, String, i32) {
    let out = repo
        .cse()
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn json_of(repo: &Repo, args: &[&str]) -> Value {
    let (stdout, stderr, code) = run(repo, args);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}"))
}

#[test]
fn docs_lists_citations_last_changes_and_uncited_files() {
    let (repo, first, second) = fixture();
    let doc = json_of(&repo, &["docs", "--format", "json"]);
    assert_eq!(doc["version"], 1);
    let docs = doc["documents"].as_array().unwrap();
    let paths: Vec<&str> = docs.iter().map(|d| d["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        ["docs/agreement.pdf", "docs/complaints.md", "docs/proof.txt"]
    );
    assert_eq!(docs[0]["exists"], false);
    assert_eq!(docs[0]["last_changed"], Value::Null);
    assert_eq!(
        docs[1]["last_changed"],
        json!({"date": "2026-09-02", "commit": second})
    );
    let citing: Vec<&str> = docs[1]["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["element"].as_str().unwrap())
        .collect();
    assert_eq!(citing, ["4.3.1", "4.3.2"]);
    assert_eq!(
        docs[1]["changed_since_review"],
        json!([{"element": "4.3.1", "unit": null, "file": "evidence/4.3.1.md",
                "owner": "Complaints Lead", "reviewed": "2025-11-01"}])
    );
    // 57 elements, less 5.1.2 (missing), 2.1.1 (unreadable), 1.2.2 (no evidence) and the
    // two that cite only the complaints procedure.
    assert_eq!(docs[2]["elements"].as_array().unwrap().len(), 52);
    assert_eq!(
        docs[2]["last_changed"],
        json!({"date": "2025-10-01", "commit": first})
    );
    assert_eq!(docs[2]["changed_since_review"], json!([]));
    assert_eq!(
        doc["uncited"],
        json!(["docs/old-policy.md", "docs/unused.txt"])
    );

    let (table, _, code) = run(&repo, &["docs"]);
    assert_eq!(code, 0);
    // The summary wraps at the width (100 columns in the tests).
    assert!(table.starts_with(
        "3 documents cited, 1 missing; 1 changed since an element's review; 2 files under docs/ cited by no\nelement\n"
    ), "{table}");
    assert!(table.contains(&format!(
        "docs/complaints.md\n  last change: 2026-09-02 {second}\n  cited by: 4.3.1, 4.3.2\n  changed since review: 4.3.1 (reviewed 2025-11-01)\n"
    )), "{table}");
    assert!(table.contains("docs/agreement.pdf (missing)\n  last change: unknown\n"));

    // At the first commit the procedure had not been rewritten yet.
    let at = json_of(&repo, &["docs", "--at", &first, "--format", "json"]);
    assert_eq!(
        at["documents"][1]["last_changed"],
        json!({"date": "2025-10-01", "commit": first})
    );
    assert_eq!(at["documents"][1]["changed_since_review"], json!([]));
    assert_eq!(at["uncited"], json!([]));
    let (table, _, _) = run(&repo, &["docs", "--at", &first]);
    assert!(
        table.contains("Documents that no element cites are listed for the working tree only."),
        "{table}"
    );

    let (csv, _, _) = run(&repo, &["docs", "--format", "csv"]);
    assert!(csv.contains(&format!(
        "docs/complaints.md,true,2026-09-02,{second},,4.3.1,2025-11-01,true\r\n"
    )));
    assert!(csv.ends_with("docs/unused.txt,true,,,,,,false\r\n"));
}

#[test]
fn check_warns_on_the_reviewed_line_and_the_setting_turns_it_off() {
    let (repo, _, second) = fixture();
    let (json, _) = repo.check_json();
    let w020 = common::with_code(&json, "W020");
    assert_eq!(w020.len(), 1, "{w020:?}");
    assert_eq!(w020[0]["file"], "evidence/4.3.1.md");
    assert_eq!(w020[0]["line"], 5);
    assert_eq!(w020[0]["column"], 11);
    assert_eq!(
        w020[0]["message"],
        format!(
            "`../docs/complaints.md` changed on 2026-09-02 ({second}), after this element was reviewed on 2025-11-01"
        )
    );

    repo.write(
        "cse.toml",
        "name = \"Fixture Library\"\n[checks]\nchanged_since_review = false\n",
    );
    let (json, _) = repo.check_json();
    assert!(common::with_code(&json, "W020").is_empty());
    let (config, _, _) = run(&repo, &["config"]);
    assert!(config.contains("checks.changed_since_review"), "{config}");
}

#[test]
fn check_skips_the_warning_with_a_note_in_a_shallow_clone_or_without_git() {
    let (repo, _, _) = fixture();
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", repo.path().display());
    git(
        clone.path(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
        None,
    );
    let shallow = clone.path().join("shallow");
    let out = common::cse(&shallow)
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(common::with_code(&json, "W020").is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.matches("note:").count(),
        1,
        "one note, not one per element: {stderr}"
    );
    assert!(stderr.contains("W020"), "{stderr}");
    assert!(stderr.contains("shallow clone"), "{stderr}");

    std::fs::remove_dir_all(repo.path().join(".git")).unwrap();
    let (_, stderr, _) = run(&repo, &["check"]);
    assert!(
        stderr.contains(
            "note: changed-since-review (W020) was not checked: the repository is not in git"
        ),
        "{stderr}"
    );
}

#[test]
fn due_groups_reviews_and_actions_by_owner() {
    let (repo, _, _) = fixture();
    let doc = json_of(&repo, &["due", "--format", "json"]);
    assert_eq!(
        doc,
        json!({
            "version": 1,
            "today": "2026-11-28",
            "until": "2026-12-28",
            "owners": [
                {"owner": "Complaints Lead", "items": [
                    {"kind": "review", "unit": null, "element": "4.3.1",
                     "what": "Review the evidence (last reviewed on 2025-11-01)",
                     "owner": "Complaints Lead", "due": "2026-11-01", "overdue": true,
                     "file": "evidence/4.3.1.md", "line": 5}
                ]},
                {"owner": "Manager", "items": [
                    {"kind": "action", "unit": null, "element": "1.1.1",
                     "what": "Publish the results", "owner": "Manager", "due": "2026-11-01",
                     "overdue": true, "file": "evidence/1.1.1.md", "line": 10},
                    {"kind": "review", "unit": null, "element": "1.1.1",
                     "what": "Review the evidence (last reviewed on 2025-12-10)",
                     "owner": "Manager", "due": "2026-12-10", "overdue": false,
                     "file": "evidence/1.1.1.md", "line": 5}
                ]},
                {"owner": "Survey Team", "items": [
                    {"kind": "action", "unit": null, "element": "1.1.1",
                     "what": "Update the survey; add commas, and a \\ backslash",
                     "owner": "Survey Team", "due": "2026-12-20", "overdue": false,
                     "file": "evidence/1.1.1.md", "line": 12}
                ]}
            ]
        })
    );
    let only = json_of(
        &repo,
        &["due", "--owner", "survey team", "--format", "json"],
    );
    assert_eq!(only["owners"].as_array().unwrap().len(), 1);
    assert_eq!(only["owners"][0]["owner"], "Survey Team");
    // 90 days reach the partnership action (2027-02-01), not the training one (2027-03-01).
    let wider = json_of(&repo, &["due", "--within", "90d", "--format", "json"]);
    let owners: Vec<&str> = wider["owners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["owner"].as_str().unwrap())
        .collect();
    assert_eq!(
        owners,
        ["Complaints Lead", "Manager", "Partner Lead", "Survey Team"]
    );

    let (md, _, _) = run(&repo, &["due", "--format", "markdown"]);
    assert!(md.starts_with("## Due by 2026-12-28 (today is 2026-11-28): 4 items, 2 overdue\n\n### Complaints Lead (1 due, 1 overdue)\n\n- **Overdue since 2026-11-01**, element 4.3.1: Review the evidence (last reviewed on 2025-11-01); evidence/4.3.1.md:5\n"), "{md}");
}

#[test]
fn due_as_ics_is_a_calendar_a_real_parser_reads() {
    use icalendar::{Calendar, Component, DatePerhapsTime};

    let (repo, _, _) = fixture();
    let (ics, _, code) = run(&repo, &["due", "--format", "ics"]);
    assert_eq!(code, 0);
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let calendar: Calendar = ics.parse().unwrap_or_else(|e| panic!("{e}\n{ics}"));
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    assert_eq!(events.len(), 4);
    let day = |e: &icalendar::Event| match e.get_start() {
        Some(DatePerhapsTime::Date(d)) => d.to_string(),
        other => panic!("not an all-day event: {other:?}"),
    };
    let starts: Vec<String> = events.iter().map(|e| day(e)).collect();
    assert_eq!(
        starts,
        ["2026-11-01", "2026-11-01", "2026-12-10", "2026-12-20"]
    );
    let survey = events[3];
    assert_eq!(
        survey.get_summary(),
        Some("1.1.1: Update the survey; add commas, and a \\ backslash")
    );
    let description = survey.get_description().unwrap();
    assert!(
        description.contains("Element: 1.1.1\nOwner: Survey Team\n"),
        "{description}"
    );
    assert!(events[0].get_summary().unwrap().starts_with("Overdue: "));
    assert!(
        events
            .iter()
            .all(|e| e.property_value("DTSTAMP") == Some("20261128T000000Z"))
    );

    // The same items a day later keep their ids, so a calendar updates rather than duplicates.
    let uids = |text: &str| -> Vec<String> {
        let c: Calendar = text.parse().unwrap();
        c.components
            .iter()
            .filter_map(|c| c.as_event())
            .map(|e| e.get_uid().unwrap().to_owned())
            .collect()
    };
    let later = repo
        .cse()
        .env("CSE_TODAY", "2026-11-29")
        .args(["due", "--format", "ics"])
        .output()
        .unwrap();
    let first_ids = uids(&ics);
    assert_eq!(first_ids, uids(&String::from_utf8_lossy(&later.stdout)));
    let mut unique = first_ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 4);
}

/// Rank, kind, element, owner and due date of an item of `cse next --format json`.
type QueueRow<'a> = (u64, &'a str, &'a str, Option<&'a str>, Option<&'a str>);

#[test]
fn next_ranks_by_the_seven_rules_then_due_date_then_element() {
    let (repo, _, second) = fixture();
    let doc = json_of(&repo, &["next", "--format", "json"]);
    assert_eq!(doc["version"], 1);
    let items = doc["items"].as_array().unwrap();
    assert_eq!(doc["total"].as_u64(), Some(items.len() as u64));
    let first = json_of(&repo, &["next", "--format", "json", "--limit", "1"]);
    assert_eq!(
        first["total"], doc["total"],
        "the total counts past --limit"
    );
    assert_eq!(first["items"].as_array().unwrap().len(), 1);
    let got: Vec<QueueRow<'_>> = items
        .iter()
        .map(|i| {
            (
                i["rank"].as_u64().unwrap(),
                i["kind"].as_str().unwrap(),
                i["element"].as_str().unwrap(),
                i["owner"].as_str(),
                i["due"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (1, "fix-errors", "2.1.1", None, None),
            (2, "fix-errors", "3.2.2", Some("Manager"), None),
            (3, "priority-gap", "1.2.2", Some("Service Lead"), None),
            (
                4,
                "partial-without-action",
                "4.3.2",
                Some("Complaints Lead"),
                None
            ),
            (
                5,
                "overdue-action",
                "1.1.1",
                Some("Manager"),
                Some("2026-11-01")
            ),
            (
                6,
                "document-changed",
                "4.3.1",
                Some("Complaints Lead"),
                None
            ),
            (
                7,
                "stale-review",
                "4.3.1",
                Some("Complaints Lead"),
                Some("2026-11-01")
            ),
            (8, "not-ready", "3.1.1", Some("Manager"), None),
            (9, "not-ready", "5.1.2", None, None),
        ]
    );
    assert_eq!(items[5]["file"], "evidence/4.3.1.md");
    assert_eq!(
        items[5]["why"],
        format!(
            "`docs/complaints.md` changed on 2026-09-02 ({second}), after the review on 2025-11-01"
        )
    );
    assert_eq!(items[8]["file"], "evidence/5.1.2.md");
    assert_eq!(
        items[7]["why"],
        "a priority element, partial (1 open action planned)"
    );

    let mine = json_of(
        &repo,
        &[
            "next",
            "--owner",
            "complaints lead",
            "--limit",
            "2",
            "--format",
            "json",
        ],
    );
    let kinds: Vec<&str> = mine["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["partial-without-action", "document-changed"]);

    let (table, _, _) = run(&repo, &["next", "--limit", "1"]);
    assert_eq!(
        table,
        "Next 1 of 9 things to do on 2026-11-28\n\n1. 2.1.1: Fix the errors in the evidence file\n   why: 1 error makes it not ready: unclosed quote\n   file: evidence/2.1.1.md\n"
    );
}

#[test]
fn every_line_names_its_unit() {
    let (repo, _, _) = fixture();
    let central = repo.path().join("central");
    std::fs::rename(repo.path().join("evidence"), &central).unwrap();
    repo.write(
        "cse.toml",
        "name = \"Fixture Library\"\n[units]\ncentral = \"central\"\n",
    );
    let (next, _, _) = run(&repo, &["next", "--limit", "2"]);
    assert!(next.contains("1. central 2.1.1: "), "{next}");
    assert!(next.contains("2. central 3.2.2: "), "{next}");
    let due = json_of(&repo, &["due", "--unit", "central", "--format", "json"]);
    assert!(
        due["owners"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|o| o["items"].as_array().unwrap())
            .all(|i| i["unit"] == "central")
    );
    let (docs, _, _) = run(&repo, &["docs"]);
    assert!(
        docs.contains("cited by: central 4.3.1, central 4.3.2"),
        "{docs}"
    );
}

/// `a "b c" d` as `["a", "b c", "d"]`: enough of a shell for the commands in the docs.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

#[test]
fn the_outputs_in_docs_due_md_are_real() {
    let page = std::fs::read_to_string(common::project_root().join("docs/due.md")).unwrap();
    let mut checked = 0;
    for block in page.split("```\n$ cse ").skip(1) {
        let (command, rest) = block.split_once('\n').unwrap();
        let shown = rest.split("```").next().unwrap();
        let out = common::cse(&common::project_root())
            .args(words(command))
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            shown,
            "`cse {command}` in docs/due.md"
        );
        checked += 1;
    }
    assert_eq!(checked, 3);

    let (repo, _, second) = fixture();
    let block = page
        .split("<!-- fixture: docs -->\n```\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .unwrap()
        .replace("a1b2c3d", &second);
    let (table, _, _) = run(&repo, &["docs"]);
    assert!(table.contains(&block), "{table}");

    let (_, check, _) = common::run_80(repo.path(), &["check"]);
    common::assert_block_shows(
        "docs/due.md",
        "changed in git after that date:",
        "cse check",
        &check.replace(&second, "a1b2c3d"),
    );
}

/// A repository where 1.1.1 repeats one action with two due dates, owned by `Editor`.
fn repeated_action() -> Repo {
    let repo = Repo::complete();
    repo.write(
        "evidence/1.1.1.md",
        &evidence(
            "1.1.1",
            "compliant",
            "Editor",
            "2026-06-01",
            "actions:\n  - action: Send the newsletter\n    due: 2026-12-20\n  \
             - action: Send the newsletter\n    due: 2026-12-05\n",
        ),
    );
    repo
}

#[test]
fn a_repeated_action_is_two_events_a_calendar_keeps() {
    use icalendar::{Calendar, Component};

    let repo = repeated_action();
    let (ics, err, code) = run(&repo, &["due", "--format", "ics", "--within", "60d"]);
    assert_eq!(code, 0, "{err}");
    let calendar: Calendar = ics.parse().unwrap_or_else(|e| panic!("{e}\n{ics}"));
    let uids: Vec<&str> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .filter(|e| e.get_summary().is_some_and(|s| s.contains("newsletter")))
        .map(|e| e.get_uid().unwrap())
        .collect();
    assert_eq!(uids.len(), 2, "{ics}");
    assert_ne!(uids[0], uids[1], "{ics}");
    // The same file gives the same ids next time.
    assert_eq!(
        run(&repo, &["due", "--format", "ics", "--within", "60d"]).0,
        ics
    );
}

#[test]
fn an_owner_who_owns_nothing_is_a_usage_error_not_an_all_clear() {
    let repo = repeated_action();
    for command in ["due", "next"] {
        let (out, err, code) = run(&repo, &[command, "--owner", "Editr"]);
        assert_eq!(code, 2, "{command}: {out}{err}");
        assert!(
            err.contains("no element or action has the owner `Editr`; did you mean `Editor`?"),
            "{command}: {err}"
        );
        assert!(
            err.contains("hint: the owners named in the evidence are"),
            "{err}"
        );
        assert!(!out.contains("every element is ready"), "{out}");
    }
    // A real owner with nothing to do is told so about themselves, not about the service.
    let (out, _, code) = run(&repo, &["due", "--owner", "manager"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Nothing of manager's falls due in this window"),
        "{out}"
    );
    let (_, err, code) = run(&repo, &["next", "--limit", "0"]);
    assert_eq!(code, 2, "{err}");
}

/// Commit dates are not in order along a history: one commit made on a laptop with a wrong
/// clock must not hide the changes behind it from W020.
#[test]
fn a_commit_with_an_old_date_at_the_tip_hides_no_change() {
    let (repo, _, _) = fixture();
    repo.write("notes.txt", "A note.\n");
    commit(&repo, "2020-01-01");
    let (json, _) = repo.check_json();
    let w020 = common::with_code(&json, "W020");
    assert_eq!(w020.len(), 1, "{json}");
    assert_eq!(w020[0]["file"], "evidence/4.3.1.md");
}

/// Each unit gathers its citations on its own thread: the merged list still names each citing
/// element once per document (however often, and in whatever order, its file cites it), by
/// unit, then catalogue order, with each reached by its own relative path.
#[test]
fn docs_merges_units_citations_once_each_in_order() {
    let repo = Repo::empty();
    repo.write(
        "cse.toml",
        "name = \"Fixture Library\"\n[units]\nnorth = \"north\"\nsouth = \"south\"\n",
    );
    let file = |id: &str, paths: &[&str]| {
        let items: String = paths
            .iter()
            .map(|p| format!("  - title: {p}\n    path: {p}\n"))
            .collect();
        format!(
            "---\nelement: {id}\nstatus: compliant\nowner: Manager\nreviewed: 2026-06-01\nevidence:\n{items}---\nHow.\n"
        )
    };
    repo.write(
        "south/4.3.1.md",
        &file(
            "4.3.1",
            &["../docs/proof.txt", "../docs/b.txt", "./../docs/proof.txt"],
        ),
    );
    repo.write("south/1.1.1.md", &file("1.1.1", &["../docs/proof.txt"]));
    repo.write("north/2.1.1.md", &file("2.1.1", &["..\\docs\\proof.txt"]));
    repo.write("docs/b.txt", "b\n");
    let doc = json_of(&repo, &["docs", "--format", "json"]);
    let docs = doc["documents"].as_array().unwrap();
    let cited: Vec<(String, Vec<String>)> = docs
        .iter()
        .map(|d| {
            let by: Vec<String> = d["elements"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    format!(
                        "{} {}",
                        e["unit"].as_str().unwrap(),
                        e["element"].as_str().unwrap()
                    )
                })
                .collect();
            (d["path"].as_str().unwrap().to_owned(), by)
        })
        .collect();
    assert_eq!(
        cited,
        [
            ("docs/b.txt".to_owned(), vec!["south 4.3.1".to_owned()]),
            (
                "docs/proof.txt".to_owned(),
                vec![
                    "north 2.1.1".to_owned(),
                    "south 1.1.1".to_owned(),
                    "south 4.3.1".to_owned()
                ]
            ),
        ]
    );
}

/// One judgement of when a review falls due, reckoned from the file's last commit when it has
/// no `reviewed` date: `check` warns W001, `next` queues a stale review and `due` lists it
/// overdue, all with the same dates.
#[test]
fn a_review_reckoned_from_the_last_commit_is_the_same_in_check_next_and_due() {
    let repo = Repo::complete();
    // 1.1.1 has no `reviewed` date: its last commit (2024-03-01) stands in for it.
    repo.edit("evidence/1.1.1.md", "reviewed: 2026-06-01\n", "");
    // 1.1.2's is written: that, not the commit, counts.
    for args in [
        &["init", "-q"][..],
        &["add", "-A"],
        &["commit", "-q", "-m", "Evidence"],
    ] {
        crate::common::git_on(repo.path(), args, "2024-03-01");
    }
    let (check, _) = repo.check_json();
    let stale = crate::common::with_code(&check, "W001");
    assert_eq!(stale.len(), 1, "{check}");
    assert_eq!(stale[0]["file"], "evidence/1.1.1.md");
    assert!(
        stale[0]["message"].as_str().unwrap().contains("2024-03-01"),
        "{}",
        stale[0]
    );

    let next = json_of(&repo, &["next", "--format", "json"]);
    let queued: Vec<&Value> = next["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "stale-review")
        .collect();
    assert_eq!(queued.len(), 1, "{next}");
    assert_eq!(queued[0]["element"], "1.1.1");
    assert_eq!(queued[0]["due"], "2025-03-01");
    assert!(
        queued[0]["why"].as_str().unwrap().contains("2024-03-01"),
        "{}",
        queued[0]
    );

    let due = json_of(&repo, &["due", "--format", "json"]);
    let reviews: Vec<&Value> = due["owners"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| o["items"].as_array().unwrap())
        .filter(|i| i["kind"] == "review")
        .collect();
    assert_eq!(reviews.len(), 1, "{due}");
    assert_eq!(reviews[0]["element"], "1.1.1");
    assert_eq!(reviews[0]["due"], "2025-03-01");
    assert_eq!(reviews[0]["overdue"], true);
}
