//! `cse report` through the real binary: where it writes, what it refuses, what it shows.

use crate::common;

use common::Repo;

fn read(repo: &Repo, rel: &str) -> String {
    std::fs::read_to_string(repo.path().join(rel)).unwrap()
}

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn writes_a_self_contained_html_file() {
    let repo = Repo::complete();
    repo.write("cse.toml", "name = \"Riverside Libraries\"\n");
    repo.write("out/old.txt", "x");
    let out = repo
        .cse()
        .args(["report", "--out", "out/report.html"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("Wrote "));
    let html = read(&repo, "out/report.html");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
    assert!(html.contains("<h1>Riverside Libraries</h1>"));
    assert!(html.contains("<p>Ready for assessment</p>"));
    assert!(html.contains("How we meet 1.1.1."), "narratives are kept");
    // Nothing but the report is left behind: no temporary file.
    assert_eq!(
        files_in(&repo.path().join("out")),
        ["old.txt", "report.html"]
    );
}

#[test]
fn replaces_an_existing_report() {
    let repo = Repo::complete();
    repo.write("report.html", "old report");
    repo.cse()
        .args(["report", "--out", "report.html"])
        .assert()
        .success();
    assert!(read(&repo, "report.html").starts_with("<!DOCTYPE html>"));
}

#[test]
fn dash_writes_to_stdout() {
    let repo = Repo::complete();
    let out = repo
        .cse()
        .args(["report", "--out", "-", "--format", "markdown"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.starts_with("# Customer Service Excellence readiness\n"),
        "{md}"
    );
    assert!(md.contains("| **All elements** | 57 of 57 | 100.0% | `████████████████████` |"));
    assert!(!repo.path().join("-").exists());
}

#[test]
fn refuses_to_write_into_the_evidence_folder() {
    let repo = Repo::complete();
    repo.write("evidence/sub/keep.txt", "x");
    for target in [
        "evidence/report.html",
        "evidence/sub/../READINESS.md",
        "./evidence/sub/r.md",
    ] {
        let out = repo
            .cse()
            .args(["report", "--out", target])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{target}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("refusing to write the report inside the evidence folder `evidence`"),
            "{err}"
        );
    }
    assert_eq!(files_in(&repo.path().join("evidence")).len(), 58);
    // The same folder reached from inside it with -C, and a configured evidence folder.
    let out = repo
        .cse()
        .args(["-C", "evidence", "report", "--out", "r.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    repo.write("cse.toml", "evidence_dir = \"proof\"\n");
    std::fs::rename(repo.path().join("evidence"), repo.path().join("proof")).unwrap();
    let out = repo
        .cse()
        .args(["report", "--out", "proof/r.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn refuses_each_unit_folder() {
    let repo = Repo::empty();
    repo.write(
        "cse.toml",
        "[units]\nNorth = \"north\"\nSouth = \"south\"\n",
    );
    repo.write("north/1.1.1.md", &common::ready_file("1.1.1"));
    repo.write("south/1.1.1.md", &common::ready_file("1.1.1"));
    let out = repo
        .cse()
        .args(["report", "--out", "south/r.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // Outside them it works, and two units give a heat map.
    repo.cse()
        .args(["report", "--out", "r.html"])
        .assert()
        .success();
    let html = read(&repo, "r.html");
    assert!(html.contains("id=\"chart-units\""));
    assert!(html.contains("<th scope=\"col\">North</th><th scope=\"col\">South</th>"));
}

#[test]
fn bad_destinations_are_usage_errors() {
    let repo = Repo::complete();
    std::fs::create_dir_all(repo.path().join("reports")).unwrap();
    for (target, says) in [
        ("missing/report.html", "does not exist"),
        ("reports", "that is a folder"),
    ] {
        let out = repo
            .cse()
            .args(["report", "--out", target])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{target}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(says),
            "{target}"
        );
    }
    let out = repo.cse().args(["report"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "--out is required");
}

#[test]
fn a_relative_out_follows_dash_c() {
    let repo = Repo::complete();
    std::fs::create_dir_all(repo.path().join("docs/site")).unwrap();
    repo.cse()
        .args([
            "-C",
            "docs",
            "report",
            "--out",
            "site/r.md",
            "--format",
            "markdown",
        ])
        .assert()
        .success();
    assert!(read(&repo, "docs/site/r.md").starts_with("# "));
}

fn git(repo: &Repo, args: &[&str]) -> bool {
    std::process::Command::new("git")
        .current_dir(repo.path())
        .args([
            "-c",
            "user.name=T",
            "-c",
            "user.email=t@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn names_the_commit_when_there_is_one() {
    let repo = Repo::complete();
    let html = || {
        let out = repo.cse().args(["report", "--out", "-"]).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    // Not a git repository: the commit is left out, cleanly.
    let page = html();
    assert!(page.contains("Built on <time datetime=\"2026-11-28\">28 November 2026</time></p>"));
    assert!(!page.contains("from commit"));
    if !(git(&repo, &["init", "-q"])
        && git(&repo, &["add", "."])
        && git(&repo, &["commit", "-qm", "x"]))
    {
        eprintln!("git is not available; skipping the commit half of this test");
        return;
    }
    let hash = std::process::Command::new("git")
        .current_dir(repo.path())
        .args(["rev-parse", "--short", "HEAD"])
        .output()
        .unwrap();
    let hash = String::from_utf8(hash.stdout).unwrap().trim().to_owned();
    assert!(html().contains(&format!(" from commit <code>{hash}</code></p>")));
}

#[test]
fn report_is_in_help() {
    let out = common::cse(&common::project_root())
        .args(["report", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(
        help.contains("--out <FILE>") && help.contains("--format <FORMAT>"),
        "{help}"
    );
    assert!(help.contains("cse report --out readiness.html"));
}

/// The session at the top of docs/report.md, run in a copy of the worked example: each
/// `$ cse ...` line, what it prints, and its standard output in the file a `>` names.
#[test]
fn the_session_in_docs_report_md_is_real() {
    let repo = common::example();
    let page = common::page("docs/report.md");
    let shown = common::block_after(&page, "criterion 5.3.2");
    let mut real = String::new();
    for line in shown.lines().filter(|l| l.starts_with("$ cse ")) {
        real += &format!("{line}\n");
        let command = line.split(" #").next().unwrap().trim_end();
        let (command, into) = match command.split_once(" > ") {
            Some((command, file)) => (command, Some(file)),
            None => (command, None),
        };
        let args: Vec<&str> = command["$ cse ".len()..].split(' ').collect();
        let (code, out, err) = common::run_80(repo.path(), &args);
        assert_eq!(code, 0, "{line}: {err}");
        match into {
            Some(file) => std::fs::write(repo.path().join(file), out).unwrap(),
            None => real += &out,
        }
        real += &err;
    }
    let root = repo.path().canonicalize().unwrap();
    let real = real.replace(&root.display().to_string(), "/home/libraries/cse-evidence");
    assert_eq!(shown, real, "docs/report.md; the real session is:\n{real}");
    assert!(read(&repo, "readiness.html").starts_with("<!DOCTYPE html>"));
    assert!(read(&repo, "READINESS.md").starts_with("# "));
}
