//! `cse docs` reads the evidence lean (front matter only, no rule) and walks git alongside:
//! it must find the same files, citations and dates as the full check and the per-path walk
//! that `cse check` uses, on the shipped example and on a generated repository with history.

use std::path::Path;

use cse::documents::{self, DocsReport, Document};
use cse::project::{Locate, Project, Today, Want};

use crate::common;
use crate::due_next::git;
use crate::generate::{Options, generate};

fn open(root: &Path) -> Project {
    let day = "2026-11-28".parse().unwrap();
    let locate = Locate {
        start: root.to_owned(),
        ..Locate::default()
    };
    let today = Today {
        fixed: Some(day),
        clock: day,
    };
    Project::open(&locate, today).unwrap()
}

/// The documents the full check finds at `at`, dated by the walk `cse check` uses.
fn documents_of_full_read(project: &Project, at: Option<&str>) -> Vec<Document> {
    let full = project.read(at, Want::default()).unwrap();
    let (rev, mut documents) = match &full.commit {
        None => (
            "HEAD".to_owned(),
            documents::cited(&full.units, &project.tree().unwrap()),
        ),
        Some(commit) => {
            let git = cse::project::Git::open(&project.root).unwrap();
            let tree = git.tree_at(commit).unwrap();
            (commit.id.clone(), documents::cited(&full.units, &tree))
        }
    };
    documents::attach_history(&mut documents, &project.root, &rev).unwrap();
    documents
}

/// The lean read and the full one agree at `at`; returns how many documents have a date.
fn lean_agrees_with_full(root: &Path, at: Option<&str>) -> usize {
    let project = open(root);
    let full = project.read(at, Want::default()).unwrap();
    let lean_want = Want {
        front_matter_only: true,
        ..Want::default()
    };
    let lean = project.read(at, lean_want).unwrap();
    assert_eq!(full.units.len(), lean.units.len());
    for (f, l) in full.units.iter().zip(&lean.units) {
        assert_eq!(f.unit, l.unit);
        // Everything but the review judgement, which the lean read does not make.
        let judged: Vec<_> = f
            .files
            .iter()
            .cloned()
            .map(|mut file| {
                file.review = None;
                file
            })
            .collect();
        assert_eq!(judged, l.files, "the files of {:?}", f.unit);
    }
    let (_, report) = DocsReport::read(&project, at).unwrap();
    assert_eq!(report.no_history, None);
    let expected = documents_of_full_read(&project, at);
    assert!(!expected.is_empty(), "the evidence cites documents");
    assert_eq!(report.documents, expected);
    expected.iter().filter(|d| d.last_changed.is_some()).count()
}

#[test]
fn lean_read_of_the_example_gives_the_full_reads_citations_and_dates() {
    let root = common::project_root();
    // A copy of the example has no history; the worktree's own history dates it.
    if git_available(&root) {
        assert!(lean_agrees_with_full(&root, None) > 0);
    }
}

#[test]
fn lean_read_of_a_generated_history_gives_the_full_reads_citations_and_dates() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    generate(root, &Options { units: 3, seed: 7 }).unwrap();
    git(root, &["init", "-q"], None);
    git(root, &["add", "-A"], None);
    git(
        root,
        &["commit", "-q", "-m", "Evidence"],
        Some("2024-01-01"),
    );
    let docs: Vec<_> = walkdir::WalkDir::new(root.join("docs"))
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    for (i, doc) in docs.iter().step_by(5).enumerate() {
        let mut text = std::fs::read_to_string(doc).unwrap();
        text.push_str("Revised.\n");
        std::fs::write(doc, text).unwrap();
        let day = format!("2026-0{}-15", 1 + i % 9);
        git(root, &["commit", "-q", "-a", "-m", "Revise"], Some(&day));
    }
    let dated = lean_agrees_with_full(root, None);
    assert!(dated > 0);
    // At an earlier commit, the commit's tree and history.
    assert!(lean_agrees_with_full(root, Some("HEAD~2")) > 0);
    // Some documents changed after their elements were reviewed, and both reads see it.
    let (_, report) = DocsReport::read(&open(root), None).unwrap();
    assert!(report.changed_count() > 0);
}

/// Whether `dir` is in a git checkout with commits (a source archive has none).
fn git_available(dir: &Path) -> bool {
    std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["rev-parse", "--verify", "-q", "HEAD"])
        .output()
        .is_ok_and(|o| o.status.success())
}
