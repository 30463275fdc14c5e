//! The benchmark generator (`examples/gen-repo`) is deterministic and writes what it says.

use crate::common;
use crate::generate;

use std::path::Path;

use generate::{Options, generate};

/// FNV-1a over every file's relative path and contents, in path order.
fn tree_hash(root: &Path) -> u64 {
    let mut files: Vec<_> = walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(root).unwrap().to_owned())
        .collect();
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for rel in files {
        feed(rel.to_string_lossy().as_bytes());
        feed(&[0]);
        feed(&std::fs::read(root.join(&rel)).unwrap());
        feed(&[0]);
    }
    hash
}

fn generated(seed: u64) -> (tempfile::TempDir, generate::Written) {
    let dir = tempfile::tempdir().unwrap();
    let written = generate(dir.path(), &Options { units: 3, seed }).unwrap();
    (dir, written)
}

#[test]
fn same_seed_same_tree_other_seed_other_tree() {
    let (a, _) = generated(42);
    let (b, _) = generated(42);
    let (c, _) = generated(43);
    assert_eq!(tree_hash(a.path()), tree_hash(b.path()));
    assert_ne!(tree_hash(a.path()), tree_hash(c.path()));
}

#[test]
fn writes_units_of_57_files_and_only_the_planted_errors() {
    // Seed 3 plants at least one mistake in three units (checked below).
    let (dir, written) = generated(3);
    assert_eq!(
        written.evidence_files,
        std::fs::read_dir(dir.path().join("evidence"))
            .unwrap()
            .map(|u| std::fs::read_dir(u.unwrap().path()).unwrap().count())
            .sum::<usize>()
    );
    let toml = std::fs::read_to_string(dir.path().join("cse.toml")).unwrap();
    assert_eq!(toml.matches(" = \"evidence/").count(), 3, "{toml}");
    assert!(written.planted_errors > 0, "pick a seed that plants errors");

    let out = common::cse(dir.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["files"], written.evidence_files);
    assert_eq!(
        json["summary"]["errors"], written.planted_errors,
        "every error is a planted one: {json:#}"
    );
    assert!(json["summary"]["warnings"].as_u64().unwrap() > 0);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("keep.txt"), "mine").unwrap();
    assert!(generate(dir.path(), &Options { units: 1, seed: 1 }).is_err());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}
