//! The assessment cycle on git repositories built here, with commit dates set: `cse check`
//! on assessment records, `cse assessment`, `cse plan` and `--require-no-open-partials`.
//! Every expected figure below is worked out by hand from the fixture's story.

use crate::common;
use crate::git::GitRepo;

use serde_json::{Value, json};

/// Catalogue order of the built-in CSE elements.
const IDS: [&str; 57] = [
    "1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2", "1.2.3", "1.3.1", "1.3.2", "1.3.3", "1.3.4",
    "1.3.5", "2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.1.5", "2.1.6", "2.2.1", "2.2.2", "2.2.3",
    "2.2.4", "2.2.5", "3.1.1", "3.1.2", "3.2.1", "3.2.2", "3.2.3", "3.2.4", "3.3.1", "3.3.2",
    "3.3.3", "3.4.1", "3.4.2", "3.4.3", "4.1.1", "4.1.2", "4.1.3", "4.2.1", "4.2.2", "4.2.3",
    "4.2.4", "4.3.1", "4.3.2", "4.3.3", "4.3.4", "4.3.5", "4.3.6", "5.1.1", "5.1.2", "5.2.1",
    "5.2.2", "5.2.3", "5.2.4", "5.2.5", "5.3.1", "5.3.2", "5.3.3",
];

/// An evidence file with `status`, reviewed on `reviewed`, citing `doc` (repository-relative).
fn evidence(id: &str, status: &str, reviewed: &str, doc: &str, body: &str) -> String {
    format!(
        "---\nelement: {id}\nstatus: {status}\nowner: Manager\nreviewed: {reviewed}\nevidence:\n  - title: Proof\n    path: ../{doc}\n---\n{body}\n"
    )
}

/// Every element compliant, reviewed 2026-06-01, citing docs/proof.txt; then `changes`.
fn write_evidence(repo: &GitRepo, changes: &[(&str, &str, &str, &str)]) {
    for id in IDS {
        let (status, reviewed, doc) = changes
            .iter()
            .find(|c| c.0 == id)
            .map_or(("compliant", "2026-06-01", "docs/proof.txt"), |c| {
                (c.1, c.2, c.3)
            });
        repo.write(
            &format!("evidence/{id}.md"),
            &evidence(id, status, reviewed, doc, "How we meet it."),
        );
    }
}

fn record(date: &str, ratings: &[(&str, &str)], extra: &str) -> String {
    let mut text = format!(
        "date: {date}\nkind: full\nbody: Example Certification Ltd\nassessor: A. Assessor\noutcome: certified\nratings:\n"
    );
    for (id, rating) in ratings {
        text.push_str(&format!("  {id}: {rating}\n"));
    }
    text.push_str(extra);
    text
}

fn json_of(repo: &GitRepo, args: &[&str]) -> Value {
    let out = repo.cse().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Two visits. The story:
/// - 2025-01-15: evidence committed; 1.1.1, 1.1.2 and 1.1.3 self-rated compliance-plus
///   (1.1.1 reviewed 2025-01-10), 3.1.1 partial, 4.1.1 citing docs/policy.txt.
/// - 2025-03-10 visit: 1.1.1 and 1.1.3 compliance-plus, 2.1.1 partial, 3.1.1 compliant,
///   4.1.1 non-compliant.
/// - 2026-03-12 visit: 1.1.1 and 1.1.2 compliance-plus, 1.1.3, 2.1.1 and 2.2.1 compliant,
///   3.1.1 partial due 2026-06-30; 4.1.1 not rated.
/// - 2026-05-02: 2.1.1's file edited, 2.2.1 self-rated partial.
/// - 2026-07-01: docs/policy.txt (cited by 4.1.1) edited.
fn two_visits() -> GitRepo {
    let repo = GitRepo::new();
    repo.write("docs/policy.txt", "policy v1\n");
    let cp = "compliance-plus";
    write_evidence(
        &repo,
        &[
            ("1.1.1", cp, "2025-01-10", "docs/proof.txt"),
            ("1.1.2", cp, "2026-06-01", "docs/proof.txt"),
            ("1.1.3", cp, "2026-06-01", "docs/proof.txt"),
            ("3.1.1", "partial", "2026-06-01", "docs/proof.txt"),
            ("4.1.1", "compliant", "2026-06-01", "docs/policy.txt"),
        ],
    );
    repo.commit("2025-01-15", "Evidence");
    repo.write(
        "assessments/2025-03-10.yaml",
        &record(
            "2025-03-10",
            &[
                ("1.1.1", "{rating: compliance-plus}"),
                ("1.1.3", "{rating: compliance-plus}"),
                ("2.1.1", "{rating: partial, due: 2025-06-01}"),
                ("3.1.1", "{rating: compliant}"),
                ("4.1.1", "{rating: non-compliant}"),
            ],
            "",
        ),
    );
    repo.commit("2025-03-20", "First visit");
    repo.write(
        "assessments/2026-03-12.yaml",
        &record(
            "2026-03-12",
            &[
                ("1.1.1", "{rating: compliance-plus}"),
                ("1.1.2", "{rating: compliance-plus, note: \"Segmentation\"}"),
                ("1.1.3", "{rating: compliant}"),
                ("2.1.1", "{rating: compliant}"),
                ("2.2.1", "{rating: compliant}"),
                (
                    "3.1.1",
                    "{rating: partial, note: \"Standards not published\", due: 2026-06-30}",
                ),
            ],
            "areas_for_development:\n  - \"Publish service standards (3.1.1)\"\n",
        ),
    );
    repo.commit("2026-03-15", "Second visit");
    repo.write(
        "evidence/2.1.1.md",
        &evidence(
            "2.1.1",
            "compliant",
            "2026-06-01",
            "docs/proof.txt",
            "Updated.",
        ),
    );
    repo.write(
        "evidence/2.2.1.md",
        &evidence(
            "2.2.1",
            "partial",
            "2026-06-01",
            "docs/proof.txt",
            "Slipped.",
        ),
    );
    repo.commit("2026-05-02", "Evidence after the visit");
    repo.write("docs/policy.txt", "policy v2\n");
    repo.commit("2026-07-01", "New policy");
    repo
}

#[test]
fn two_visits_gained_retained_lost_and_differences() {
    let repo = two_visits();
    let doc = json_of(&repo, &["assessment", "--format", "json"]);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["date"], "2026-03-12");
    assert_eq!(
        doc["counts"],
        json!({"compliance-plus": 2, "compliant": 3, "partial": 1, "non-compliant": 0, "not-rated": 51})
    );
    let criteria: Vec<(Value, Value)> = doc["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].clone(), c["counts"].clone()))
        .collect();
    assert_eq!(
        criteria[0],
        (
            json!("1"),
            json!({"compliance-plus": 2, "compliant": 1, "partial": 0, "non-compliant": 0, "not-rated": 8})
        )
    );
    assert_eq!(criteria[2].1["partial"], 1);
    assert_eq!(doc["compliance_plus"], json!(["1.1.1", "1.1.2"]));
    assert_eq!(
        doc["since_previous"],
        json!({
            "previous": "2025-03-10",
            "gained": ["1.1.2"],
            "retained": ["1.1.1"],
            "lost": ["1.1.3"],
            "closed": ["2.1.1"],
            "new_partials": ["3.1.1"],
        })
    );
    // 3.1.1 was due by 2026-06-30; today is 2026-11-28 and it is still partial.
    assert_eq!(
        doc["partials"],
        json!([{"id": "3.1.1", "due": "2026-06-30", "note": "Standards not published", "ready_now": false, "overdue": true}])
    );
    assert_eq!(
        doc["differences"],
        json!([
            {"id": "1.1.3", "self": "compliance-plus", "assessor": "compliant", "rated_on": "2026-03-12", "changed_since": false, "changed_on": null},
            {"id": "2.2.1", "self": "partial", "assessor": "compliant", "rated_on": "2026-03-12", "changed_since": true, "changed_on": "2026-05-02"},
            {"id": "4.1.1", "self": "compliant", "assessor": "non-compliant", "rated_on": "2025-03-10", "changed_since": true, "changed_on": "2026-07-01"},
        ])
    );
    assert_eq!(
        doc["areas_for_development"],
        json!(["Publish service standards (3.1.1)"])
    );

    // The first visit has nothing before it.
    let first = json_of(&repo, &["assessment", "2025-03-10", "--format", "json"]);
    assert_eq!(first["since_previous"], Value::Null);
    assert_eq!(first["compliance_plus"], json!(["1.1.1", "1.1.3"]));
}

#[test]
fn two_visits_table_says_it_in_words() {
    let repo = two_visits();
    let out = repo.cse().arg("assessment").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for line in [
        "Assessment on 2026-03-12: full, certified",
        "By Example Certification Ltd, A. Assessor",
        "  3.1.1  due 2026-06-30, overdue",
        "  Compliance Plus lost (1): 1.1.3",
        "  1.1.3  you say compliance-plus, the assessor said compliant on 2026-03-12",
        "  2.2.1  you say partial, the assessor said compliant on 2026-03-12; the evidence",
        "  - Publish service standards (3.1.1)",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
}

/// The first `n` elements never rated in the two-visit story, in catalogue order.
fn never_rated_two_visits(n: usize) -> Vec<&'static str> {
    let rated = [
        "1.1.1", "1.1.2", "1.1.3", "2.1.1", "2.2.1", "3.1.1", "4.1.1",
    ];
    IDS.iter()
        .copied()
        .filter(|id| !rated.contains(id))
        .take(n)
        .collect()
}

fn plan_rows(doc: &Value) -> Vec<(String, Vec<String>)> {
    doc["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["id"].as_str().unwrap().to_owned(),
                e["reasons"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| {
                        format!(
                            "{}: {}",
                            r["rule"].as_str().unwrap(),
                            r["text"].as_str().unwrap()
                        )
                    })
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn two_visits_plan_gives_each_reason() {
    let repo = two_visits();
    let doc = json_of(&repo, &["plan", "--format", "json"]);
    // A year after the last visit; 57 elements over 3 years is 19 a visit.
    assert_eq!(
        (&doc["visit"], &doc["last_visit"], &doc["cycle_years"]),
        (&json!("2027-03-12"), &json!("2026-03-12"), &json!(3))
    );
    let mut expected: Vec<(String, Vec<String>)> = vec![
        ("3.1.1".into(), vec!["rated-below-compliance: rated partial at the visit on 2026-03-12".into()]),
        ("2.1.1".into(), vec!["changed-since-visit: its evidence changed on 2026-05-02, after the visit on 2026-03-12".into()]),
        ("2.2.1".into(), vec!["changed-since-visit: its evidence changed on 2026-05-02, after the visit on 2026-03-12".into()]),
        ("4.1.1".into(), vec!["changed-since-visit: its evidence changed on 2026-07-01, after the visit on 2026-03-12".into()]),
    ];
    // Never rated: 1.2.1 to 3.2.1, skipping the rated ones.
    let rotation = never_rated_two_visits(19);
    assert_eq!(rotation.first(), Some(&"1.2.1"));
    assert_eq!(rotation.last(), Some(&"3.2.1"));
    for id in rotation {
        expected.push((
            id.into(),
            vec!["rotation: not rated at any recorded visit: due in the rotation".into()],
        ));
    }
    expected.push((
        "1.1.1".into(),
        vec!["compliance-plus-not-reviewed: compliance-plus on 2026-03-12, and its evidence was last reviewed on 2025-01-10: review it to keep the rating".into()],
    ));
    assert_eq!(plan_rows(&doc), expected);

    let csv = repo
        .cse()
        .args(["plan", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with("element,rule,reason\r\n3.1.1,rated-below-compliance,rated partial at the visit on 2026-03-12\r\n"), "{csv}");
    let table = repo.cse().arg("plan").output().unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table.starts_with(
            "Plan for the visit on 2027-03-12: 24 elements of 57 (last visit 2026-03-12)"
        ),
        "{table}"
    );
    assert!(
        table.contains("not a published rule of the standard"),
        "{table}"
    );
}

/// `cse status --require-no-open-partials` on `today`: the exit code and stderr.
fn gate(repo: &GitRepo, today: &str) -> (Option<i32>, String) {
    let out = repo
        .cse()
        .env("CSE_TODAY", today)
        .args(["status", "--require-no-open-partials"])
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn open_partials_gate() {
    let repo = two_visits();
    // 3.1.1 was due by 2026-06-30 and is still partial.
    let (code, err) = gate(&repo, common::TODAY);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(
        common::block_after(
            &common::page("docs/assessments.md"),
            "naming each on stderr:"
        ),
        err,
        "docs/assessments.md shows the gate's message"
    );
    // Before the due date, the gate passes.
    let (code, err) = gate(&repo, "2026-06-30");
    assert_eq!(code, Some(0), "{err}");
    // Once the element is ready, too.
    repo.write(
        "evidence/3.1.1.md",
        &evidence(
            "3.1.1",
            "compliant",
            "2026-11-01",
            "docs/proof.txt",
            "Published.",
        ),
    );
    let (code, err) = gate(&repo, common::TODAY);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("gate passed: --require-no-open-partials"),
        "{err}"
    );
}

/// Three visits, each rating part of the standard. The story:
/// - 2024-01-10: evidence committed; 1.1.1, 3.1.1 and 2.1.1 (reviewed 2026-01-05) self-rated
///   compliance-plus, 2.1.2 and 4.1.1 partial.
/// - 2024-03-11 visit: every element; 1.1.1 and 3.1.1 compliance-plus, 5.1.1 partial.
/// - 2025-02-01: 3.1.1's file edited.
/// - 2025-03-10 visit: criterion 1; 1.1.1 and 1.1.2 compliance-plus.
/// - 2026-03-12 visit: criterion 2, 1.1.2 and 5.1.1; 2.1.1 compliance-plus, 2.1.2 partial,
///   1.1.2 compliant.
/// - 2026-04-10: 3.1.1's file edited again, 2.1.2 self-rated compliant.
fn three_visits() -> GitRepo {
    let repo = GitRepo::new();
    let cp = "compliance-plus";
    write_evidence(
        &repo,
        &[
            ("1.1.1", cp, "2026-06-01", "docs/proof.txt"),
            ("3.1.1", cp, "2026-06-01", "docs/proof.txt"),
            ("2.1.1", cp, "2026-01-05", "docs/proof.txt"),
            ("2.1.2", "partial", "2026-06-01", "docs/proof.txt"),
            ("4.1.1", "partial", "2026-06-01", "docs/proof.txt"),
        ],
    );
    repo.commit("2024-01-10", "Evidence");
    let first: Vec<(&str, &str)> = IDS
        .iter()
        .map(|id| {
            let rating = match *id {
                "1.1.1" | "3.1.1" => "{rating: compliance-plus}",
                "5.1.1" => "{rating: partial, due: 2024-09-01}",
                _ => "{rating: compliant}",
            };
            (*id, rating)
        })
        .collect();
    repo.write(
        "assessments/2024-03-11.yaml",
        &record("2024-03-11", &first, ""),
    );
    repo.commit("2024-03-20", "First visit");
    repo.write(
        "evidence/3.1.1.md",
        &evidence("3.1.1", cp, "2026-06-01", "docs/proof.txt", "Edited."),
    );
    repo.commit("2025-02-01", "Edit 3.1.1");
    let second: Vec<(&str, &str)> = IDS
        .iter()
        .filter(|id| id.starts_with("1."))
        .map(|id| {
            let rating = match *id {
                "1.1.1" | "1.1.2" => "{rating: compliance-plus}",
                _ => "{rating: compliant}",
            };
            (*id, rating)
        })
        .collect();
    repo.write(
        "assessments/2025-03-10.yaml",
        &record("2025-03-10", &second, ""),
    );
    repo.commit("2025-03-15", "Second visit");
    let third: Vec<(&str, &str)> = IDS
        .iter()
        .filter(|id| id.starts_with("2.") || ["1.1.2", "5.1.1"].contains(id))
        .map(|id| {
            let rating = match *id {
                "2.1.1" => "{rating: compliance-plus}",
                "2.1.2" => "{rating: partial, due: 2026-09-01}",
                _ => "{rating: compliant}",
            };
            (*id, rating)
        })
        .collect();
    repo.write(
        "assessments/2026-03-12.yaml",
        &record("2026-03-12", &third, ""),
    );
    repo.commit("2026-03-20", "Third visit");
    repo.write(
        "evidence/3.1.1.md",
        &evidence("3.1.1", cp, "2026-06-01", "docs/proof.txt", "Edited again."),
    );
    repo.write(
        "evidence/2.1.2.md",
        &evidence(
            "2.1.2",
            "compliant",
            "2026-06-01",
            "docs/proof.txt",
            "Fixed.",
        ),
    );
    repo.commit("2026-04-10", "After the third visit");
    repo
}

#[test]
fn three_visits_ratings_stand_until_rated_again() {
    let repo = three_visits();
    let third = json_of(&repo, &["assessment", "--format", "json"]);
    assert_eq!(
        third["counts"],
        json!({"compliance-plus": 1, "compliant": 11, "partial": 1, "non-compliant": 0, "not-rated": 44})
    );
    // 3.1.1's compliance-plus from the first visit still stands; 5.1.1's partial from the
    // first visit is closed by the third.
    assert_eq!(
        third["since_previous"],
        json!({
            "previous": "2025-03-10",
            "gained": ["2.1.1"],
            "retained": ["1.1.1", "3.1.1"],
            "lost": ["1.1.2"],
            "closed": ["5.1.1"],
            "new_partials": ["2.1.2"],
        })
    );
    assert_eq!(
        third["differences"],
        json!([
            {"id": "2.1.2", "self": "compliant", "assessor": "partial", "rated_on": "2026-03-12", "changed_since": true, "changed_on": "2026-04-10"},
            {"id": "4.1.1", "self": "partial", "assessor": "compliant", "rated_on": "2024-03-11", "changed_since": false, "changed_on": null},
        ])
    );
    let second = json_of(&repo, &["assessment", "2025-03-10", "--format", "json"]);
    assert_eq!(
        second["since_previous"],
        json!({
            "previous": "2024-03-11",
            "gained": ["1.1.2"],
            "retained": ["1.1.1", "3.1.1"],
            "lost": [],
            "closed": [],
            "new_partials": [],
        })
    );
    // As the evidence stood on 2026-04-01 (before the last commit), 2.1.2 agreed with the
    // assessor and nothing had changed since the third visit.
    let before = json_of(
        &repo,
        &["assessment", "--format", "json", "--at", "2026-04-01"],
    );
    assert_eq!(
        before["differences"],
        json!([
            {"id": "4.1.1", "self": "partial", "assessor": "compliant", "rated_on": "2024-03-11", "changed_since": false, "changed_on": null},
        ])
    );
}

#[test]
fn three_visits_plan_rotates_the_longest_unrated() {
    let repo = three_visits();
    let doc = json_of(&repo, &["plan", "--format", "json"]);
    let rotation = |d: &str| {
        format!(
            "rotation: last rated on {d}, not in the 3 years before this visit: due in the rotation"
        )
    };
    let mut expected: Vec<(String, Vec<String>)> = vec![
        (
            "2.1.2".into(),
            vec![
                "rated-below-compliance: rated partial at the visit on 2026-03-12".into(),
                "changed-since-visit: its evidence changed on 2026-04-10, after the visit on 2026-03-12".into(),
            ],
        ),
        (
            "3.1.1".into(),
            vec![
                "changed-since-visit: its evidence changed on 2026-04-10, after the visit on 2026-03-12".into(),
                rotation("2024-03-11"),
            ],
        ),
    ];
    // Rated last on 2024-03-11: criteria 3 to 5 but 5.1.1; the first 19 are 3.1.1 to 4.2.4.
    let first_19: Vec<&str> = IDS[IDS.iter().position(|i| *i == "3.1.1").unwrap()..]
        .iter()
        .copied()
        .take(19)
        .collect();
    assert_eq!(first_19.last(), Some(&"4.2.4"));
    for id in first_19.into_iter().skip(1) {
        expected.push((id.into(), vec![rotation("2024-03-11")]));
    }
    expected.push((
        "2.1.1".into(),
        vec!["compliance-plus-not-reviewed: compliance-plus on 2026-03-12, and its evidence was last reviewed on 2026-01-05: review it to keep the rating".into()],
    ));
    assert_eq!(plan_rows(&doc), expected);

    // A longer cycle leaves the 2024 ratings in the window.
    repo.write("cse.toml", "[cycle]\nyears = 4\n");
    let doc = json_of(&repo, &["plan", "--format", "json"]);
    let ids: Vec<String> = plan_rows(&doc).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["2.1.2", "3.1.1", "2.1.1"]);
}

#[test]
fn malformed_records_give_file_line_diagnostics_and_exit_1() {
    let repo = common::Repo::complete();
    repo.write(
        "assessments/2026-03-14.yaml",
        "date: 2026-03-14\nkind: full\noutcome: certifed\nratings:\n  1.1.1: {rating: compliance-plus}\n  9.9.9: {rating: compliant}\n  4.3.2: {rating: partail, due: 2026-02-30}\nasessor: X\n",
    );
    repo.write(
        "assessments/2025-03-10.yaml",
        "date: 2025-03-10\nkind: full\noutcome: certified\nratings:\n  1.1.1: {rating: not-assessed}\n  4.3.2: {rating: partial, due: 2026-02-30}\n",
    );
    repo.write(
        "assessments/2025-03-11.yaml",
        "date: 2025-03-10\nkind: full\noutcome: certified\n",
    );
    let (json, code) = repo.check_json();
    assert_eq!(code, 1);
    let found: Vec<(String, String, u64, u64)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["file"]
                .as_str()
                .is_some_and(|f| f.starts_with("assessments/"))
        })
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["file"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let at = |code: &str, file: &str, line: u64, column: u64| {
        (code.to_owned(), format!("assessments/{file}"), line, column)
    };
    assert_eq!(
        found,
        [
            at("E034", "2025-03-10.yaml", 5, 19),
            at("E035", "2025-03-10.yaml", 6, 33),
            at("E037", "2025-03-11.yaml", 1, 7),
            at("E036", "2025-03-11.yaml", 1, 1),
            // An unknown key stops the reading of the file at once.
            at("E031", "2026-03-14.yaml", 8, 1),
        ]
    );
    // Fixed, the unknown key gives way to the other mistakes, each pointed at.
    repo.write(
        "assessments/2026-03-14.yaml",
        "date: 2026-03-14\nkind: full\noutcome: certifed\nratings:\n  1.1.1: {rating: compliance-plus}\n  9.9.9: {rating: compliant}\n  4.3.2: {rating: partail, due: 2026-02-30}\n",
    );
    let out = repo.cse().arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "assessments/2026-03-14.yaml:3:10",
        "`certifed` is not a valid `outcome`",
        "did you mean `certified`?",
        "assessments/2026-03-14.yaml:6:3",
        "`9.9.9` is not an element",
        "assessments/2026-03-14.yaml:7:19",
        "did you mean `partial`?",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn duplicate_dates_are_reported() {
    let repo = common::Repo::complete();
    let text = "date: 2026-03-14\nkind: full\noutcome: certified\n";
    repo.write("assessments/2026-03-14.yaml", text);
    repo.write("assessments/2026-03-14.yml", text);
    let (json, code) = repo.check_json();
    assert_eq!(code, 1);
    let d = common::with_code(&json, "E036");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["file"], "assessments/2026-03-14.yml");
    assert_eq!(d[0]["line"], 1);
}

#[test]
fn schema_lists_the_ratings() {
    let out = common::cse(&common::project_root())
        .args(["schema", "--assessment"])
        .output()
        .unwrap();
    let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["title"], "cse assessment record");
    assert_eq!(
        schema["properties"]["ratings"]["additionalProperties"]["properties"]["rating"]["enum"],
        json!(["compliance-plus", "compliant", "partial", "non-compliant"])
    );
}

#[test]
fn no_record_is_a_clear_error() {
    let repo = common::Repo::complete();
    let out = repo.cse().arg("assessment").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no assessment is recorded in `assessments`"),
        "{err}"
    );
}

/// Every ```` ```console ```` block in docs/assessments.md that starts with `$ cse ...` shows
/// that command's real output on the two-visit story above.
#[test]
fn docs_show_real_output() {
    let repo = two_visits();
    let doc = std::fs::read_to_string(common::project_root().join("docs/assessments.md")).unwrap();
    let mut checked = 0;
    for block in doc.split("```console\n").skip(1) {
        let block = &block[..block.find("```").unwrap()];
        let (command, shown) = block.split_once('\n').unwrap();
        let args: Vec<&str> = command.strip_prefix("$ cse ").unwrap().split(' ').collect();
        let out = repo.cse().args(&args).output().unwrap();
        let actual = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            shown, actual,
            "docs/assessments.md: `{command}` shows other output"
        );
        checked += 1;
    }
    assert!(
        checked >= 2,
        "the walk-through shows commands and their output"
    );
}

#[test]
fn history_marks_each_visit_with_both_compliance_plus_counts() {
    let repo = three_visits();
    let doc = json_of(&repo, &["history", "--format", "json"]);
    let marks: Vec<(Value, Value, Value)> = doc["assessments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["date"].clone(),
                m["assessor_compliance_plus"].clone(),
                m["self_compliance_plus"].clone(),
            )
        })
        .collect();
    // Standing compliance-plus after each visit: {1.1.1, 3.1.1}; {1.1.1, 1.1.2, 3.1.1};
    // {1.1.1, 3.1.1, 2.1.1}. Self-assessed at the last evidence commit before each visit:
    // 1.1.1, 3.1.1 and 2.1.1 throughout.
    assert_eq!(
        marks,
        [
            (json!("2024-03-11"), json!(2), json!(3)),
            (json!("2025-03-10"), json!(3), json!(3)),
            (json!("2026-03-12"), json!(3), json!(3)),
        ]
    );
    let out = repo.cse().arg("history").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Assessment visits:\n  2024-03-11  Compliance Plus: assessor 2, self-assessed 3 (commit "), "{text}");
    let svg = repo.path().join("chart.svg");
    repo.cse()
        .args(["history", "--svg", svg.to_str().unwrap()])
        .assert()
        .success();
    let svg = std::fs::read_to_string(svg).unwrap();
    assert_eq!(svg.matches("<title>Assessment visit ").count(), 3);
}

#[test]
fn report_has_the_assessors_findings() {
    let repo = two_visits();
    repo.write(
        "assessments/2026-03-12.yaml",
        &record(
            "2026-03-12",
            &[
                ("1.1.1", "{rating: compliance-plus}"),
                ("1.1.2", "{rating: compliance-plus}"),
                ("1.1.3", "{rating: compliant}"),
                ("2.1.1", "{rating: compliant}"),
                ("2.2.1", "{rating: compliant}"),
                ("3.1.1", "{rating: partial, due: 2026-06-30}"),
            ],
            "areas_for_development:\n  - \"<script>alert(1)</script> & *publish* standards\"\n",
        ),
    );
    let out = repo
        .cse()
        .args(["report", "--format", "markdown", "--out", "-"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "## Assessor's findings\n\nAssessment on 2026-03-12: full, certified, by Example Certification Ltd, A. Assessor.",
        "| All elements | 2 | 3 | 1 | 0 | 51 |",
        "- **1.1.3**: you say compliance-plus, the assessor said compliant on 2026-03-12\n",
        "- **4.1.1**: you say compliant, the assessor said non-compliant on 2025-03-10; the evidence changed on 2026-07-01, after the visit\n",
        "- \\<script\\>alert(1)\\</script\\> \\& \\*publish\\* standards\n",
        "| 2025-03-10 | 2 | 3 (commit ",
        "| 2026-03-12 | 2 | 3 (commit ",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in:\n{md}");
    }
    let out = repo.cse().args(["report", "--out", "-"]).output().unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    crate::report::scan(&html);
    assert!(html.contains("<h2 id=\"assessor-h\">Assessor's findings</h2>"));
    assert!(
        html.contains("<li>&lt;script&gt;alert(1)&lt;/script&gt; &amp; *publish* standards</li>")
    );
    assert!(!html.contains("<script>"));
    // The readiness chart marks both visits, which fall within the history.
    for visit in ["2025-03-10", "2026-03-12"] {
        assert!(
            html.contains(&format!("<title>Assessment visit {visit}</title>")),
            "no mark for the visit on {visit}"
        );
    }
}

/// The visits under `cse history`'s table in docs/assessments.md are those of the two-visit story.
#[test]
fn docs_show_the_visits_under_the_history() {
    common::assert_page_runs(
        "docs/assessments.md",
        "the self-assessed one at the last evidence commit",
        two_visits().path(),
        &["history"],
        0,
    );
}
