//! `cse init`: a new repository that passes `cse check`, and never a changed byte on re-runs.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use common::{cse, with_code};

/// Every file under `root` (`.git` included) with its bytes and modification time.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap();
            let modified = e.metadata().unwrap().modified().unwrap();
            (
                e.path().strip_prefix(root).unwrap().to_owned(),
                (bytes, modified),
            )
        })
        .collect()
}

/// A digest of the whole tree: paths, bytes and modification times.
fn tree_hash(root: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    snapshot(root).hash(&mut h);
    h.finish()
}

fn init(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let out = cse(dir).arg("init").args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

fn check_json(dir: &Path) -> (serde_json::Value, i32) {
    let out = cse(dir)
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (json, out.status.code().unwrap_or(-1))
}

#[test]
fn a_fresh_repository_passes_check_with_only_not_assessed_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let (stdout, stderr, code) = init(dir.path(), &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("created  57 evidence files in evidence/"),
        "{stdout}"
    );
    for f in [
        "evidence/README.md",
        "cse.toml",
        ".pre-commit-config.yaml",
        ".github/workflows/cse.yml",
    ] {
        assert!(stdout.contains(&format!("created  {f}\n")), "{f}: {stdout}");
        assert!(dir.path().join(f).is_file(), "{f}");
    }
    assert!(dir.path().join(".git").is_dir(), "git init ran");

    let (json, code) = check_json(dir.path());
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["summary"]["errors"], 0);
    assert_eq!(json["summary"]["files"], 57);
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 57);
    assert_eq!(
        with_code(&json, "W004").len(),
        57,
        "only not-assessed warnings"
    );
}

#[test]
fn a_second_init_changes_no_byte_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(init(dir.path(), &[]).2, 0);
    let before = snapshot(dir.path());
    let hash = tree_hash(dir.path());

    let (stdout, _, code) = init(dir.path(), &[]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("Nothing changed in "), "{stdout}");
    assert!(stdout.contains("57 evidence files in evidence/ were already there"));
    assert!(stdout.contains("exists   cse.toml (unchanged)"));
    assert!(stdout.contains("already a git repository"));
    assert!(!stdout.contains("created"), "{stdout}");
    assert_eq!(tree_hash(dir.path()), hash);
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn hand_edited_files_keep_every_byte() {
    let dir = tempfile::tempdir().unwrap();
    let edited = "---\r\nelement: 1.1.1\r\nstatus: partial\r\nowner: Me\r\nreviewed: 2026-10-01\r\n---\r\nOur own words, CRLF and all.\r\n";
    let config = "# ours\nreview_max_age = \"6 months\"\n";
    let root = dir.path();
    std::fs::create_dir_all(root.join("evidence")).unwrap();
    std::fs::write(root.join("evidence/1.1.1.md"), edited).unwrap();
    std::fs::write(root.join("cse.toml"), config).unwrap();
    let kept = snapshot(root);

    let (stdout, _, code) = init(root, &[]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("created  56 evidence files"), "{stdout}");
    assert!(
        stdout.contains("exists   evidence/1.1.1.md (unchanged)"),
        "{stdout}"
    );
    assert!(stdout.contains("exists   cse.toml (unchanged)"), "{stdout}");
    let after = snapshot(root);
    for (path, contents) in &kept {
        assert_eq!(after.get(path), Some(contents), "{}", path.display());
    }
    let (json, code) = check_json(root);
    assert_eq!(code, 0, "{json}");
    assert_eq!(with_code(&json, "W004").len(), 56);
}

#[test]
fn evidence_kept_under_another_path_is_not_duplicated() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("evidence/criterion-1")).unwrap();
    std::fs::write(
        root.join("evidence/criterion-1/1.2.1.md"),
        "---\nelement: 1.2.1\nstatus: partial\n---\n",
    )
    .unwrap();
    let (stdout, _, code) = init(root, &[]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains(
            "1.2.1 has evidence in evidence/criterion-1/1.2.1.md, so evidence/1.2.1.md was not created"
        ),
        "{stdout}"
    );
    assert!(!root.join("evidence/1.2.1.md").exists());
    let (json, code) = check_json(root);
    assert_eq!(code, 0, "{json}");
    assert!(with_code(&json, "E003").is_empty());
}

#[test]
fn init_dir_creates_the_folder_and_leaves_the_current_one_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (stdout, _, code) = init(dir.path(), &["services/library"]);
    assert_eq!(code, 0, "{stdout}");
    let repo = dir.path().join("services/library");
    assert!(repo.join("evidence/5.3.3.md").is_file());
    assert!(stdout.contains("1. cd services/library"), "{stdout}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing else written"
    );
    // -C works like starting in that folder.
    let other = tempfile::tempdir().unwrap();
    let out = cse(other.path())
        .arg("-C")
        .arg(dir.path())
        .args(["init", "second"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(dir.path().join("second/cse.toml").is_file());
}

#[test]
fn no_nested_git_repository_inside_an_existing_one() {
    let dir = tempfile::tempdir().unwrap();
    let git = std::process::Command::new("git")
        .args(["init", "--quiet"])
        .arg(dir.path())
        .status();
    if !git.is_ok_and(|s| s.success()) {
        eprintln!("git is not available; skipping");
        return;
    }
    let (stdout, _, code) = init(dir.path(), &["evidence-repo"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("already a git repository"), "{stdout}");
    assert!(!dir.path().join("evidence-repo/.git").exists());
}

#[test]
fn without_git_init_still_works_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let empty_path = tempfile::tempdir().unwrap();
    let out = cse(dir.path())
        .env("PATH", empty_path.path())
        .arg("init")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("git is not installed, so `git init` was skipped"),
        "{stdout}"
    );
    assert!(!dir.path().join(".git").exists());
    assert!(dir.path().join("evidence/1.1.1.md").is_file());
}

#[test]
fn another_catalogue_is_scaffolded_and_named_in_cse_toml() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("criteria")).unwrap();
    std::fs::write(
        root.join("criteria/mini.yaml"),
        "name: Mini standard\ncriteria:\n  - id: \"1\"\n    title: One\n    subcriteria:\n      - id: \"1.1\"\n        title: Sub\n        elements:\n          - id: \"1.1.1\"\n            text: We do things.\n          - id: \"1.1.2\"\n            text: We do more things.\n",
    )
    .unwrap();
    let (stdout, stderr, code) = init(root, &["--catalogue", "criteria/mini.yaml"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("created  2 evidence files"), "{stdout}");
    let toml = std::fs::read_to_string(root.join("cse.toml")).unwrap();
    assert!(
        toml.contains("\ncatalogue = \"criteria/mini.yaml\"\n"),
        "{toml}"
    );
    // The hook runs on every commit, whatever it touches: the catalogue included.
    let hook = std::fs::read_to_string(root.join(".pre-commit-config.yaml")).unwrap();
    assert!(hook.contains("always_run: true"), "{hook}");
    let (json, code) = check_json(root);
    assert_eq!(code, 0, "{json}");
    assert_eq!(with_code(&json, "W004").len(), 2);
    // A catalogue that cannot be read is exit 2.
    let (_, stderr, code) = init(root, &["--catalogue", "criteria/none.yaml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read the catalogue"), "{stderr}");
}

#[test]
fn an_existing_config_decides_the_evidence_folders() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("cse.toml"),
        "[units]\ncentral = \"proof/central\"\nmobile = \"proof/mobile\"\n",
    )
    .unwrap();
    let (stdout, _, code) = init(root, &[]);
    assert_eq!(code, 0, "{stdout}");
    assert!(root.join("proof/central/1.1.1.md").is_file());
    assert!(root.join("proof/mobile/5.3.3.md").is_file());
    assert!(root.join("proof/README.md").is_file());
    assert!(!root.join("evidence").exists());
    let hook = std::fs::read_to_string(root.join(".pre-commit-config.yaml")).unwrap();
    assert!(
        hook.contains("always_run: true") && !hook.contains("files:"),
        "{hook}"
    );
    // A broken config stops init before it writes anything.
    let broken = tempfile::tempdir().unwrap();
    std::fs::write(broken.path().join("cse.toml"), "evidence_dri = \"x\"\n").unwrap();
    let (_, stderr, code) = init(broken.path(), &[]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("cse.toml:1: unknown setting `evidence_dri`"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_dir(broken.path()).unwrap().count(), 1);
}

#[test]
fn a_file_in_the_way_is_an_error_after_everything_else_is_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("evidence"), "not a folder").unwrap();
    let (stdout, stderr, code) = init(dir.path(), &[]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stdout.contains("FAILED   evidence/1.1.1.md: "), "{stdout}");
    assert!(stdout.contains("created  cse.toml"), "{stdout}");
    assert!(stderr.contains("could not be written"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("evidence")).unwrap(),
        "not a folder"
    );
}

#[test]
fn init_on_a_file_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("f"), "x").unwrap();
    let (_, stderr, code) = init(dir.path(), &["f"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("f: not a folder"), "{stderr}");
}

/// The second run shown in docs/init.md is what `cse init` prints (the folder aside).
#[test]
fn running_init_again_prints_what_docs_init_md_shows() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    assert_eq!(init(&root, &[]).2, 0);
    let (stdout, stderr, code) = init(&root, &[]);
    assert_eq!(code, 0, "{stderr}");
    let page = std::fs::read_to_string(crate::common::project_root().join("docs/init.md")).unwrap();
    let start = page
        .find("```text\n$ cse init\nNothing changed")
        .expect("docs/init.md shows a second run");
    let block = &page[start + "```text\n$ cse init\n".len()..];
    let block = &block[..block.find("```").unwrap()];
    let shown = stdout.replace(&root.display().to_string(), "/home/sam/riverside");
    assert_eq!(shown, block);
}
