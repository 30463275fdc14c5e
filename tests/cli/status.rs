//! `cse status`: readiness figures worked out by hand, every format, and the errors note.

use crate::common;
use crate::report_fixtures;

use report_fixtures::{half, json, mixed, run};

/// The `mixed` fixture, by hand (see `report_fixtures::mixed` for each element's state).
///
/// Criterion 1 (11 elements): 1.1.1 missing, 1.1.3 and 1.2.1 partial, 1.2.2 compliance-plus,
///   7 others compliant. Ready: 7 + 1 = 8 of 11 = 72.7%.
/// Criterion 2 (11): 2.1.1 non-compliant, 2.1.2 not-assessed, 9 compliant. Ready 9/11 = 81.8%.
/// Criterion 3 (12): 3.1.1 compliant but with an error (not ready), 3.2.1 invalid,
///   10 compliant. Ready 10/12 = 83.3%. Counts: compliant 11, invalid 1.
/// Criterion 4 (13): all compliant: 13/13 = 100%.
/// Criterion 5 (10): all compliant: 10/10 = 100%.
/// Overall: 8 + 9 + 10 + 13 + 10 = 50 of 57 = 87.7%.
/// Counts overall: compliance-plus 1; compliant 7 + 9 + 11 + 13 + 10 = 50; partial 2;
///   non-compliant 1; not-assessed 1; missing 1; invalid 1 (sum 57).
/// Priorities (24): 1.1.3, 2.1.2, 3.1.1 and 3.2.1 are not ready: 20/24 = 83.3%.
/// Elements not ready because of errors: 3.1.1 (E012) and 3.2.1 (E008) = 2.
#[test]
fn figures_by_hand() {
    let repo = mixed();
    let doc = json(&repo, &["status"]);
    assert_eq!(doc["version"], 1);
    let o = &doc["overall"];
    assert_eq!(
        (o["elements"].as_u64(), o["ready"].as_u64()),
        (Some(57), Some(50))
    );
    assert_eq!(o["readiness"], 87.7);
    assert_eq!(
        o["counts"],
        serde_json::json!({"compliance-plus": 1, "compliant": 50, "partial": 2,
            "non-compliant": 1, "not-assessed": 1, "missing": 1, "invalid": 1})
    );
    let expected = [
        ("1", "Customer Insight", 11, 8, 72.7),
        ("2", "The Culture of the Organisation", 11, 9, 81.8),
        ("3", "Information and Access", 12, 10, 83.3),
        ("4", "Delivery", 13, 13, 100.0),
        ("5", "Timeliness and Quality", 10, 10, 100.0),
    ];
    let criteria = doc["criteria"].as_array().unwrap();
    assert_eq!(criteria.len(), 5);
    for (c, (id, title, elements, ready, readiness)) in criteria.iter().zip(expected) {
        assert_eq!(c["id"], id);
        assert_eq!(c["title"], title);
        assert_eq!(c["elements"], elements, "{id}");
        assert_eq!(c["ready"], ready, "{id}");
        assert_eq!(c["readiness"], readiness, "{id}");
    }
    assert_eq!(criteria[2]["counts"]["compliant"], 11);
    assert_eq!(criteria[2]["counts"]["invalid"], 1);
    assert_eq!(
        doc["priorities"],
        serde_json::json!({"elements": 24, "ready": 20, "readiness": 83.3})
    );
    assert_eq!(doc["assessment_ready"], false);
    assert_eq!(doc["not_ready_because_of_errors"], 2);
    assert!(doc.get("subcriteria").is_none());
}

/// Sub-criteria of the `mixed` fixture, by hand:
/// 1.1 (3): 1.1.1 missing, 1.1.2 ready, 1.1.3 partial: 1/3 = 33.3%.
/// 1.2 (3): 1.2.1 partial, 1.2.2 and 1.2.3 ready: 2/3 = 66.7%.
/// 2.1 (6): 2.1.1 and 2.1.2 not ready: 4/6 = 66.7%.
/// 3.1 (2): 3.1.1 has an error: 1/2 = 50.0%.
/// 3.2 (4): 3.2.1 invalid: 3/4 = 75.0%.
#[test]
fn subcriteria_by_hand() {
    let repo = mixed();
    let doc = json(&repo, &["status", "--by", "subcriterion"]);
    let subs = doc["subcriteria"].as_array().unwrap();
    assert_eq!(subs.len(), 15);
    let find = |id: &str| subs.iter().find(|s| s["id"] == id).unwrap();
    for (id, ready, elements, readiness) in [
        ("1.1", 1, 3, 33.3),
        ("1.2", 2, 3, 66.7),
        ("2.1", 4, 6, 66.7),
        ("3.1", 1, 2, 50.0),
        ("3.2", 3, 4, 75.0),
        ("5.3", 3, 3, 100.0),
    ] {
        let s = find(id);
        assert_eq!(
            (s["ready"].as_u64(), s["elements"].as_u64()),
            (Some(ready), Some(elements)),
            "{id}"
        );
        assert_eq!(s["readiness"], readiness, "{id}");
    }
    // The criteria are still there, in the same shape.
    assert_eq!(doc["criteria"].as_array().unwrap().len(), 5);
    assert!(
        subs.iter()
            .all(|s| s.as_object().unwrap().keys().count() == 6)
    );
}

#[test]
fn json_has_the_documented_keys() {
    let repo = mixed();
    let doc = json(&repo, &["status"]);
    let keys: Vec<&str> = doc
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "version",
        "overall",
        "criteria",
        "priorities",
        "assessment_ready",
    ] {
        assert!(keys.contains(&key), "{key} missing from {keys:?}");
    }
    // serde_json's map is sorted, so compare sorted key lists.
    let keys_of = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        keys_of(&doc["criteria"][0]),
        ["counts", "elements", "id", "readiness", "ready", "title"]
    );
    assert_eq!(
        keys_of(&doc["overall"]),
        ["counts", "elements", "readiness", "ready"]
    );
    assert_eq!(
        keys_of(&doc["priorities"]),
        ["elements", "readiness", "ready"]
    );
}

#[test]
fn reasons_name_every_blocker() {
    let repo = mixed();
    let doc = json(&repo, &["status"]);
    let reasons: Vec<&str> = doc["assessment_reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(
        reasons,
        [
            "1 element has no evidence file: 1.1.1",
            "1 element has front matter that cannot be read: 3.2.1",
            "1 element has errors: 3.1.1 (run cse check)",
            "1 element is not assessed: 2.1.2",
            "1 element is non-compliant: 2.1.1",
            "1 element is partial with no open action in its action plan: 1.2.1",
        ]
    );
}

#[test]
fn table_prints_despite_errors_and_says_so() {
    let repo = mixed();
    let (code, out, _) = run(&repo, &["status"]);
    assert_eq!(code, 0, "no gate: exit 0 whatever check finds");
    assert!(out.contains("priority elements ready: 20/24"), "{out}");
    assert!(out.contains("assessment-ready: no"), "{out}");
    assert!(
        out.contains("2 elements count as not ready because of errors; run `cse check`"),
        "{out}"
    );
    insta::assert_snapshot!("status_table", out);
}

#[test]
fn every_format() {
    let repo = mixed();
    for format in ["markdown", "csv", "json"] {
        let (code, out, err) = run(&repo, &["status", "--format", format]);
        assert_eq!(code, 0, "{err}");
        insta::assert_snapshot!(format!("status_{format}"), out);
    }
    for format in ["table", "markdown", "csv"] {
        let (code, out, err) = run(
            &repo,
            &["status", "--by", "subcriterion", "--format", format],
        );
        assert_eq!(code, 0, "{err}");
        insta::assert_snapshot!(format!("status_by_subcriterion_{format}"), out);
    }
}

#[test]
fn ready_repository() {
    let repo = common::Repo::complete();
    let (code, out, _) = run(&repo, &["status"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("priority elements ready: 24/24 (100.0%)"),
        "{out}"
    );
    assert!(out.contains("assessment-ready: yes"), "{out}");
    assert!(!out.contains("run `cse check`"), "{out}");
    let doc = json(&repo, &["status"]);
    assert_eq!(doc["overall"]["readiness"], 100.0);
    assert_eq!(doc["assessment_ready"], true);
    assert_eq!(doc["assessment_reasons"], serde_json::json!([]));
}

/// An empty evidence folder: 57 missing, nothing ready, and every element is a reason.
#[test]
fn empty_repository() {
    let repo = common::Repo::empty();
    let doc = json(&repo, &["status"]);
    assert_eq!(doc["overall"]["ready"], 0);
    assert_eq!(doc["overall"]["readiness"], 0.0);
    assert_eq!(doc["overall"]["counts"]["missing"], 57);
    assert_eq!(doc["not_ready_because_of_errors"], 0);
    let (code, out, _) = run(&repo, &["status"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("57 elements have no evidence file: 1.1.1, 1.1.2"),
        "{out}"
    );
}

/// A catalogue of one's own, with the organisation's name from cse.toml.
#[test]
fn own_catalogue_and_name() {
    let repo = half();
    repo.write(
        "cse.toml",
        "name = \"Bramfield Libraries\"\ncatalogue = \"criteria.yaml\"\n",
    );
    let (code, out, _) = run(&repo, &["status"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("status_small_catalogue", out);
}
