//! `cse priorities`: catalogue order, `--open`, every format, the tier column.

use crate::common;
use crate::report_fixtures;

use report_fixtures::{half, json, mixed, run};

#[test]
fn json_rows_by_hand() {
    let repo = mixed();
    let doc = json(&repo, &["priorities"]);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["name"], "Chelmsford cohort priorities");
    let elements = doc["elements"].as_array().unwrap();
    assert_eq!(elements.len(), 24);
    // Catalogue order.
    let ids: Vec<&str> = elements.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(&ids[..3], ["1.1.3", "1.2.2", "1.2.3"]);
    assert_eq!(ids.last(), Some(&"5.3.2"));
    let by_id = |id: &str| elements.iter().find(|e| e["id"] == id).unwrap();
    // 1.1.3: partial with one open action.
    let e = by_id("1.1.3");
    assert_eq!(e["status"], "partial");
    assert_eq!(e["ready"], false);
    assert_eq!(e["open_actions"], 1);
    assert_eq!(e["criterion"], "1");
    assert_eq!(e["owner"], "Manager");
    assert_eq!(e["reviewed"], "2026-06-01");
    assert_eq!(e["tier"], serde_json::Value::Null);
    assert!(
        e["text"]
            .as_str()
            .unwrap()
            .starts_with("We make particular efforts")
    );
    // 3.1.1 is compliant but has an error; 3.2.1 is invalid.
    assert_eq!(
        (
            by_id("3.1.1")["status"].as_str(),
            by_id("3.1.1")["ready"].as_bool()
        ),
        (Some("compliant"), Some(false))
    );
    assert_eq!(by_id("3.2.1")["status"], "invalid");
    // 4.1.1 has one done and one open action.
    assert_eq!(by_id("4.1.1")["open_actions"], 1);
    assert_eq!(elements.iter().filter(|e| e["ready"] == true).count(), 20);
    let mut keys: Vec<&String> = elements[0].as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "criterion",
            "id",
            "open_actions",
            "owner",
            "ready",
            "reviewed",
            "status",
            "text",
            "tier"
        ]
    );
}

#[test]
fn missing_status_and_open_filter() {
    let repo = common::Repo::empty();
    let doc = json(&repo, &["priorities"]);
    let e = &doc["elements"][0];
    assert_eq!(e["status"], "missing");
    assert_eq!(e["owner"], serde_json::Value::Null);
    assert_eq!(e["reviewed"], serde_json::Value::Null);
    assert_eq!(e["open_actions"], 0);

    let repo = mixed();
    let doc = json(&repo, &["priorities", "--open"]);
    let ids: Vec<&str> = doc["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["1.1.3", "2.1.2", "3.1.1", "3.2.1"]);
}

#[test]
fn every_format() {
    let repo = mixed();
    for format in ["table", "markdown", "csv"] {
        let (code, out, err) = run(&repo, &["priorities", "--format", format]);
        assert_eq!(code, 0, "{err}");
        insta::assert_snapshot!(format!("priorities_{format}"), out);
    }
    let (_, out, _) = run(&repo, &["priorities", "--format", "json"]);
    insta::assert_snapshot!("priorities_json", out);
    let (_, out, _) = run(&repo, &["priorities", "--open"]);
    insta::assert_snapshot!("priorities_open_table", out);
}

#[test]
fn table_cuts_text_but_other_formats_keep_it_whole() {
    let repo = mixed();
    let whole = "We make particular efforts to identify hard to reach and disadvantaged groups and individuals and have developed our services in response to their specific needs.";
    let (_, table, _) = run(&repo, &["priorities"]);
    assert!(!table.contains(whole));
    assert!(table.contains("We make particular"), "{table}");
    assert!(table.contains('…'));
    for format in ["markdown", "csv", "json"] {
        let (_, out, _) = run(&repo, &["priorities", "--format", format]);
        assert!(out.contains(whole), "{format}");
    }
}

#[test]
fn tier_column_only_when_the_catalogue_has_tiers() {
    let (_, builtin, _) = run(&mixed(), &["priorities"]);
    assert!(!builtin.contains("Tier"), "{builtin}");
    let repo = half();
    let (code, out, _) = run(&repo, &["priorities"]);
    assert_eq!(code, 0);
    assert!(out.contains("Tier"), "{out}");
    insta::assert_snapshot!("priorities_with_tiers", out);
    let doc = json(&repo, &["priorities"]);
    assert_eq!(doc["elements"][0]["tier"], "gold");
    assert_eq!(doc["elements"][1]["tier"], "silver");
    let (_, md, _) = run(&repo, &["priorities", "--format", "markdown"]);
    assert!(md.contains("| Tier |"), "{md}");
}

#[test]
fn nothing_open() {
    let repo = common::Repo::complete();
    let (code, out, _) = run(&repo, &["priorities", "--open"]);
    assert_eq!(code, 0);
    assert!(out.contains("All 24 priority elements are ready."), "{out}");
    let doc = json(&repo, &["priorities", "--open"]);
    assert_eq!(doc["elements"], serde_json::json!([]));
}
