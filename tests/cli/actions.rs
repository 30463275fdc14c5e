//! `cse actions`: open actions by due date, overdue ones flagged, every format.

use crate::common;
use crate::report_fixtures;

use report_fixtures::{json, mixed, run};

/// `mixed` on 2026-11-28 has four open actions:
/// 2.1.1 due 2026-10-01 (overdue), 1.1.3 due 2026-12-31, 5.1.1 due 2027-03-01, and
/// 4.1.1 with no date (last). 4.1.1's other action is done, so it is left out.
#[test]
fn sorted_by_due_date_with_overdue_flag() {
    let repo = mixed();
    let doc = json(&repo, &["actions"]);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["today"], "2026-11-28");
    let actions = doc["actions"].as_array().unwrap();
    let rows: Vec<(&str, Option<&str>, bool)> = actions
        .iter()
        .map(|a| {
            (
                a["element"].as_str().unwrap(),
                a["due"].as_str(),
                a["overdue"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("2.1.1", Some("2026-10-01"), true),
            ("1.1.3", Some("2026-12-31"), false),
            ("5.1.1", Some("2027-03-01"), false),
            ("4.1.1", None, false),
        ]
    );
    assert_eq!(actions[0]["owner"], "Head of Service");
    assert_eq!(actions[0]["file"], "evidence/2.1.1.md");
    assert_eq!(actions[0]["line"], 10, "the `- action:` line in the file");
    assert_eq!(actions[1]["owner"], serde_json::Value::Null);
    assert!(actions[0].get("unit").is_none());

    let doc = json(&repo, &["actions", "--overdue"]);
    assert_eq!(doc["actions"].as_array().unwrap().len(), 1);
}

#[test]
fn every_format() {
    let repo = mixed();
    for format in ["table", "markdown", "csv", "json"] {
        let (code, out, err) = run(&repo, &["actions", "--format", format]);
        assert_eq!(code, 0, "{err}");
        insta::assert_snapshot!(format!("actions_{format}"), out);
    }
    let (_, out, _) = run(&repo, &["actions", "--overdue"]);
    insta::assert_snapshot!("actions_overdue_table", out);
}

#[test]
fn csv_quotes_commas() {
    let (_, out, _) = run(&mixed(), &["actions", "--format", "csv"]);
    assert!(
        out.contains(",\"Performance Officer, Insight Team\","),
        "{out}"
    );
    assert!(out.starts_with("due,overdue,element,action,owner,file,line\r\n"));
}

#[test]
fn no_actions() {
    let repo = common::Repo::complete();
    let (code, out, _) = run(&repo, &["actions"]);
    assert_eq!(code, 0);
    assert!(out.contains("0 open actions, 0 overdue"), "{out}");
    assert!(out.contains("No open actions."), "{out}");
    let (_, out, _) = run(&mixed(), &["actions", "--overdue", "--format", "markdown"]);
    assert!(out.contains("1 open action overdue"), "{out}");
    let (_, out, _) = run(&repo, &["actions", "--overdue"]);
    assert!(out.contains("No open action is overdue."), "{out}");
}
