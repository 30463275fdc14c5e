//! One set of figures: every command gives the same institution and unit figures and the same
//! verdict for the same commit, on generated repositories with errors and missing elements.

use std::path::Path;

use serde_json::Value;

use crate::common;
use crate::generate::{Options, Rng, generate};

/// `git` isolated from the machine's configuration.
fn git(dir: &Path, args: &[&str]) {
    common::git_on(dir, args, "2026-10-01");
}

/// A generated repository of `units` units, with `missing` evidence files removed at random,
/// committed once.
fn repository(units: usize, seed: u64, missing: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), &Options { units, seed }).unwrap();
    let mut files: Vec<_> = walkdir::WalkDir::new(dir.path().join("evidence"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    let mut rng = Rng::new(seed);
    for _ in 0..missing.min(files.len()) {
        let i = rng.below(files.len());
        std::fs::remove_file(files.swap_remove(i)).unwrap();
    }
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "Evidence"]);
    dir
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let out = common::cse(dir).args(args).output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "cse {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("cse {args:?} printed no JSON ({e})"))
}

/// (ready, elements) overall and per criterion, and the verdict, as one command reports them.
#[derive(Debug, PartialEq)]
struct Figures {
    overall: (u64, u64),
    criteria: Vec<(u64, u64)>,
    assessment_ready: bool,
}

fn pair(v: &Value) -> (u64, u64) {
    (
        v["ready"].as_u64().unwrap(),
        v["elements"].as_u64().unwrap(),
    )
}

fn from_status(doc: &Value) -> Figures {
    Figures {
        overall: pair(&doc["overall"]),
        criteria: doc["criteria"]
            .as_array()
            .unwrap()
            .iter()
            .map(pair)
            .collect(),
        assessment_ready: doc["assessment_ready"].as_bool().unwrap(),
    }
}

fn from_history(doc: &Value) -> Figures {
    let last = doc["commits"].as_array().unwrap().last().unwrap();
    let f = &last["figures"];
    Figures {
        overall: pair(f),
        criteria: f["criteria"].as_array().unwrap().iter().map(pair).collect(),
        assessment_ready: f["assessment_ready"].as_bool().unwrap(),
    }
}

/// The "after" side of `cse diff HEAD` (the working tree, here equal to HEAD); diff has no
/// verdict, so the status one is carried over.
fn from_diff(doc: &Value, verdict: bool) -> Figures {
    Figures {
        overall: pair(&doc["overall"]["after"]),
        criteria: doc["criteria"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| pair(&c["after"]))
            .collect(),
        assessment_ready: verdict,
    }
}

/// "42 of 57" in a markdown cell.
fn of(cell: &str) -> (u64, u64) {
    let words: Vec<&str> = cell.split_whitespace().collect();
    (words[0].parse().unwrap(), words[2].parse().unwrap())
}

fn from_report(markdown: &str, criteria: usize) -> Figures {
    let cells = |line: &str| -> Vec<String> {
        line.trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_owned())
            .collect()
    };
    let row = |start: &str| {
        markdown
            .lines()
            .find(|l| l.starts_with(start))
            .map(cells)
            .unwrap_or_else(|| panic!("no row {start:?} in\n{markdown}"))
    };
    let assessment = row("| Assessment |");
    let all = row("| **All elements** |");
    let start = markdown.find("## Readiness by criterion").unwrap();
    let rows: Vec<(u64, u64)> = markdown[start..]
        .lines()
        .filter(|l| l.starts_with("| ") && l.chars().nth(2).is_some_and(|c| c.is_ascii_digit()))
        .take(criteria)
        .map(|l| of(&cells(l)[1]))
        .collect();
    Figures {
        overall: of(&all[1]),
        criteria: rows,
        assessment_ready: assessment[1] == "Ready",
    }
}

fn priorities_ready(doc: &Value) -> u64 {
    doc["elements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["ready"] == true)
        .count() as u64
}

fn assert_one_truth(units: usize, seed: u64, missing: usize) {
    let repo = repository(units, seed, missing);
    let dir = repo.path();
    let status = json(dir, &["status", "--format", "json"]);
    let figures = from_status(&status);
    let label = format!("{units} unit(s), seed {seed}");

    let at_head = json(dir, &["status", "--format", "json", "--at", "HEAD"]);
    assert_eq!(at_head, status, "status --at HEAD, {label}");

    let history = json(dir, &["history", "--format", "json"]);
    assert_eq!(from_history(&history), figures, "history, {label}");

    let diff = json(dir, &["diff", "HEAD", "--format", "json"]);
    assert_eq!(
        from_diff(&diff, figures.assessment_ready),
        figures,
        "diff, {label}"
    );

    let out = common::cse(dir)
        .args(["report", "--format", "markdown", "--out", "-"])
        .output()
        .unwrap();
    let report = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        from_report(&report, figures.criteria.len()),
        figures,
        "report, {label}"
    );

    let priorities = json(dir, &["priorities", "--format", "json"]);
    assert_eq!(
        priorities_ready(&priorities),
        status["priorities"]["ready"].as_u64().unwrap(),
        "priorities, {label}"
    );

    // Each unit's own figures, read one unit at a time, are the ones the institution lists.
    if units > 1 {
        let listed = status["units"].as_array().unwrap();
        assert_eq!(listed.len(), units);
        let name = listed[units - 1]["name"].as_str().unwrap();
        let one = json(dir, &["status", "--format", "json", "--unit", name]);
        assert_eq!(pair(&one["overall"]), pair(&listed[units - 1]["overall"]));
        assert_eq!(
            one["assessment_ready"],
            listed[units - 1]["assessment_ready"]
        );
        // The institution is never readier than its least ready unit.
        let least = listed
            .iter()
            .map(|u| u["overall"]["ready"].as_u64().unwrap())
            .min()
            .unwrap();
        assert!(figures.overall.0 <= least, "{label}");
        assert_eq!(figures.overall.1, 57, "the institution has 57 elements");
    }
    // The generator plants errors, and files are missing: never assessment-ready.
    assert!(!figures.assessment_ready, "{label}");
}

#[test]
fn one_unit_tells_one_truth() {
    assert_one_truth(1, 1, 3);
    assert_one_truth(1, 42, 0);
}

#[test]
fn two_units_tell_one_truth() {
    assert_one_truth(2, 3, 4);
    assert_one_truth(2, 11, 1);
}

#[test]
fn five_units_tell_one_truth() {
    assert_one_truth(5, 5, 6);
    assert_one_truth(5, 13, 2);
}

/// Deleting a cited document changes readiness: history must see that commit as status does.
#[test]
fn deleting_a_cited_document_moves_history_as_it_moves_status() {
    let repo = repository(1, 7, 0);
    let dir = repo.path();
    let before = from_status(&json(dir, &["status", "--format", "json"]));
    let docs = json(dir, &["docs", "--format", "json"]);
    let most_cited = docs["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["exists"] == true)
        .max_by_key(|d| d["elements"].as_array().map_or(0, Vec::len))
        .unwrap();
    let path = most_cited["path"].as_str().unwrap();
    git(dir, &["rm", "-q", "--", path]);
    git(dir, &["commit", "-q", "-m", "Remove a document"]);
    let after = from_status(&json(dir, &["status", "--format", "json"]));
    assert_ne!(after, before, "removing {path} changes nothing to check");
    let history = json(dir, &["history", "--format", "json"]);
    assert_eq!(
        from_history(&history),
        after,
        "history after removing {path}"
    );
}
