//! The git-native commands on real repositories built in temporary folders:
//! `check --at`, `history`, `diff`, staleness from git, and what happens without git.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use common::{Repo, ready_file};
use serde_json::Value;

/// A temporary evidence repository that is also a git repository.
pub(crate) struct GitRepo {
    pub(crate) repo: Repo,
}

/// `git` isolated from the machine's configuration.
fn git_in(dir: &Path) -> Process {
    let mut cmd = Process::new("git");
    cmd.current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "user.name=Evidence Keeper",
        ])
        .args([
            "-c",
            "user.email=keeper@example.org",
            "-c",
            "commit.gpgsign=false",
        ]);
    cmd
}

fn run_git(dir: &Path, args: &[&str]) -> String {
    let out = git_in(dir).args(args).output().expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

impl GitRepo {
    /// An empty evidence folder, `docs/proof.txt`, and `git init`.
    pub(crate) fn new() -> GitRepo {
        let repo = Repo::empty();
        run_git(repo.path(), &["init", "-q"]);
        GitRepo { repo }
    }

    pub(crate) fn path(&self) -> &Path {
        self.repo.path()
    }

    pub(crate) fn write(&self, rel: &str, text: &str) {
        self.repo.write(rel, text);
    }

    pub(crate) fn git(&self, args: &[&str]) -> String {
        run_git(self.path(), args)
    }

    /// Commits everything, made and committed at noon UTC on `day`; returns the full hash.
    pub(crate) fn commit(&self, day: &str, message: &str) -> String {
        self.git(&["add", "-A"]);
        let when = format!("{day}T12:00:00Z");
        let out = git_in(self.path())
            .env("GIT_AUTHOR_DATE", &when)
            .env("GIT_COMMITTER_DATE", &when)
            .args(["commit", "-q", "--allow-empty", "-m", message])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        self.git(&["rev-parse", "HEAD"])
    }

    pub(crate) fn cse(&self) -> Command {
        let mut cmd = self.repo.cse();
        cmd.env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1");
        cmd
    }
}

/// An evidence file with `status`, reviewed recently, with one evidence item.
fn file(id: &str, status: &str) -> String {
    ready_file(id).replace("status: compliant", &format!("status: {status}"))
}

/// Front matter that is not valid YAML.
fn broken(id: &str) -> String {
    format!("---\nelement: {id}\nstatus: \"compliant\n---\nOops.\n")
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn json(cmd: &mut Command) -> (Value, i32) {
    let r = run(cmd);
    let v = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", r.stdout, r.stderr));
    (v, r.code)
}

/// The history used by the figures and format tests.
///
/// | day        | change                               | ready               |
/// |------------|--------------------------------------|---------------------|
/// | 2026-01-05 | 1.1.1 compliant, 1.1.2 partial, 2.1.1 not-assessed | 1.1.1 |
/// | 2026-02-10 | 1.1.2 compliant, 3.1.1 compliance-plus (tag v1)    | 1.1.1 1.1.2 3.1.1 |
/// | 2026-03-15 | docs only: not in the history        |                     |
/// | 2026-04-20 | 1.1.1's front matter broken (tag broken) | 1.1.2 3.1.1     |
/// | 2026-05-25 | 1.1.1 fixed                          | 1.1.1 1.1.2 3.1.1   |
/// | 2026-06-30 | cse.toml added                       | 1.1.1 1.1.2 3.1.1   |
fn story() -> GitRepo {
    let g = GitRepo::new();
    g.write("evidence/1.1.1.md", &file("1.1.1", "compliant"));
    g.write("evidence/1.1.2.md", &file("1.1.2", "partial"));
    g.write("evidence/2.1.1.md", &file("2.1.1", "not-assessed"));
    g.commit("2026-01-05", "Start the evidence");
    g.write("evidence/1.1.2.md", &file("1.1.2", "compliant"));
    g.write("evidence/3.1.1.md", &file("3.1.1", "compliance-plus"));
    g.commit("2026-02-10", "Upgrade 1.1.2, add 3.1.1");
    g.git(&["tag", "v1"]);
    g.write("docs/other.txt", "other\n");
    g.commit("2026-03-15", "Add another document");
    g.write("evidence/1.1.1.md", &broken("1.1.1"));
    g.commit("2026-04-20", "Rewrite 1.1.1 in a hurry");
    g.git(&["tag", "broken"]);
    g.write("evidence/1.1.1.md", &file("1.1.1", "compliant"));
    g.commit("2026-05-25", "Fix 1.1.1");
    g.write(
        "cse.toml",
        "name = \"Anytown Libraries\"\nreview_max_age = \"12 months\"\n",
    );
    g.commit("2026-06-30", "Add cse.toml");
    g
}

// ---------------------------------------------------------------------------------------
// --at

#[test]
fn at_reads_a_commit_by_hash_tag_and_date_without_touching_the_working_tree() {
    let g = story();
    let first = g.git(&["rev-list", "--max-parents=0", "HEAD"]);
    // The working tree moves on, uncommitted.
    g.write("evidence/4.1.1.md", &file("4.1.1", "compliant"));
    let files = |at: Option<&str>| -> (usize, Vec<String>) {
        let mut cmd = g.cse();
        cmd.args(["check", "--format", "json"]);
        if let Some(at) = at {
            cmd.args(["--at", at]);
        }
        let (v, _) = json(&mut cmd);
        let mut errors: Vec<String> = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] != "E001" && d["severity"] == "error")
            .map(|d| {
                format!(
                    "{} {}",
                    d["code"].as_str().unwrap(),
                    d["file"].as_str().unwrap()
                )
            })
            .collect();
        errors.sort();
        (v["summary"]["files"].as_u64().unwrap() as usize, errors)
    };
    assert_eq!(
        files(None).0,
        5,
        "working tree: 4 committed files and 4.1.1"
    );
    assert_eq!(files(Some(&first)).0, 3, "by hash");
    assert_eq!(files(Some(&first[..10])).0, 3, "by abbreviated hash");
    assert_eq!(files(Some("v1")).0, 4, "by tag");
    assert_eq!(
        files(Some("broken")),
        (4, vec!["E006 evidence/1.1.1.md".to_owned()])
    );
    assert_eq!(files(Some("main~1")).0, 4, "by revision expression");
    // A day: the last commit made on or before it.
    assert_eq!(files(Some("2026-02-09")).0, 3);
    assert_eq!(
        files(Some("2026-02-10")).0,
        4,
        "the commits of 2026-02-10 count"
    );
    assert_eq!(files(Some("2026-02-11")).0, 4);
    assert_eq!(
        files(Some("2026-04-21")).1,
        vec!["E006 evidence/1.1.1.md".to_owned()]
    );
    // Nothing in the working tree changed.
    assert_eq!(g.git(&["status", "--porcelain"]), "?? evidence/4.1.1.md");
    assert!(g.path().join("evidence/4.1.1.md").exists());
}

#[test]
fn at_names_the_commit_above_human_output() {
    let g = story();
    let r = run(g.cse().args(["check", "--at", "v1"]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let first_line = r.stdout.lines().next().unwrap();
    assert!(
        first_line.starts_with("Evidence at commit ")
            && first_line.ends_with("(2026-02-10): Upgrade 1.1.2, add 3.1.1"),
        "{first_line}"
    );
}

#[test]
fn at_a_commit_before_the_evidence_folder_counts_everything_missing() {
    let g = GitRepo::new();
    g.repo.remove("docs/proof.txt");
    g.write("notes.txt", "before any evidence\n");
    g.commit("2026-01-01", "Notes");
    g.write("evidence/1.1.1.md", &file("1.1.1", "compliant"));
    g.write("docs/proof.txt", "proof\n");
    g.commit("2026-01-02", "Evidence");
    let (v, code) = json(
        g.cse()
            .args(["check", "--format", "json", "--at", "HEAD~1"]),
    );
    assert_eq!(code, 1);
    assert_eq!(v["summary"]["files"], 0);
    assert_eq!(common::with_code(&v, "E001").len(), 57);
}

#[test]
fn unknown_revisions_exit_2_with_gits_message() {
    let g = story();
    for args in [
        vec!["check", "--at", "no-such-branch"],
        vec!["diff", "no-such-branch"],
        vec!["diff", "v1", "no-such-branch"],
    ] {
        let r = run(g.cse().args(&args));
        assert_eq!(r.code, 2, "{args:?}");
        assert!(
            r.stderr.contains("unknown revision `no-such-branch`")
                && r.stderr.contains("fatal: bad revision 'no-such-branch'"),
            "{args:?}: {}",
            r.stderr
        );
    }
    let r = run(g.cse().args(["check", "--at", "2020-01-01"]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("no commit on the current branch was made on or before 2020-01-01"),
        "{}",
        r.stderr
    );
    // An option-like revision is a revision, not an option for git.
    let r = run(g.cse().args(["check", "--at=--all"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("unknown revision `--all`"),
        "{}",
        r.stderr
    );
}

// ---------------------------------------------------------------------------------------
// history

#[test]
fn history_figures_match_the_ones_worked_out_by_hand() {
    let g = story();
    let (v, code) = json(g.cse().args(["history", "--format", "json"]));
    assert_eq!(code, 0);
    let commits = v["commits"].as_array().unwrap();
    let subjects: Vec<&str> = commits
        .iter()
        .map(|c| c["subject"].as_str().unwrap())
        .collect();
    assert_eq!(
        subjects,
        [
            "Start the evidence",
            "Upgrade 1.1.2, add 3.1.1",
            "Rewrite 1.1.1 in a hurry",
            "Fix 1.1.1",
            "Add cse.toml"
        ],
        "oldest first, and the docs-only commit is left out"
    );
    // Criterion sizes: 1 has 11 elements, 2 has 11, 3 has 12, 4 has 13, 5 has 10; 57 in all.
    let expect = [
        // overall (ready of 57), criteria 1..5 (ready), invalid
        (1, [1, 0, 0, 0, 0], 0, 1.8, [9.1, 0.0, 0.0, 0.0, 0.0]),
        (3, [2, 0, 1, 0, 0], 0, 5.3, [18.2, 0.0, 8.3, 0.0, 0.0]),
        (2, [1, 0, 1, 0, 0], 1, 3.5, [9.1, 0.0, 8.3, 0.0, 0.0]),
        (3, [2, 0, 1, 0, 0], 0, 5.3, [18.2, 0.0, 8.3, 0.0, 0.0]),
        (3, [2, 0, 1, 0, 0], 0, 5.3, [18.2, 0.0, 8.3, 0.0, 0.0]),
    ];
    for (c, (ready, criteria, invalid, pct, criteria_pct)) in commits.iter().zip(expect) {
        let f = &c["figures"];
        assert_eq!(f["ready"], ready, "{}", c["subject"]);
        assert_eq!(f["elements"], 57);
        assert_eq!(f["readiness"], pct, "{}", c["subject"]);
        assert_eq!(f["invalid"], invalid, "{}", c["subject"]);
        for (i, crit) in f["criteria"].as_array().unwrap().iter().enumerate() {
            assert_eq!(crit["id"], (i + 1).to_string());
            assert_eq!(
                crit["ready"],
                criteria[i],
                "{} criterion {}",
                c["subject"],
                i + 1
            );
            assert_eq!(
                crit["readiness"],
                criteria_pct[i],
                "{} criterion {}",
                c["subject"],
                i + 1
            );
        }
    }
    assert_eq!(commits[0]["date"], "2026-01-05");
    assert_eq!(commits[0]["time"], "2026-01-05T12:00:00Z");
}

#[test]
fn history_since_until_and_max_choose_commits() {
    let g = story();
    let subjects = |args: &[&str]| -> Vec<String> {
        let (v, code) = json(g.cse().args(["history", "--format", "json"]).args(args));
        assert_eq!(code, 0);
        v["commits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["date"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        subjects(&["--since", "2026-02-10", "--until", "2026-05-25"]),
        ["2026-02-10", "2026-04-20", "2026-05-25"]
    );
    assert_eq!(subjects(&["--max", "2"]), ["2026-05-25", "2026-06-30"]);
    assert_eq!(
        subjects(&["--since", "2026-04-01", "--max", "1"]),
        ["2026-06-30"]
    );
    assert!(subjects(&["--since", "2027-01-01"]).is_empty());
    let r = run(g.cse().args(["history", "--since", "last tuesday"]));
    assert_eq!(r.code, 2);
}

/// A long history, built with `git fast-import`: 22 evidence files, all partial, then each
/// commit makes the next one compliant, 22 commits one way, then 22 the other.
fn long_story(commits: usize) -> GitRepo {
    let g = GitRepo::new();
    let catalogue = cse::catalogue::Catalogue::builtin().unwrap();
    let pool: Vec<String> = catalogue
        .elements()
        .map(|e| e.element.id.clone())
        .take(22)
        .collect();
    let mut stream = String::new();
    let data = |s: &mut String, text: &str| {
        s.push_str(&format!("data {}\n{text}\n", text.len()));
    };
    for n in 0..=commits {
        let when = 1_767_225_600 + n * 3600;
        stream.push_str(&format!(
            "commit refs/heads/main\nmark :{}\ncommitter Keeper <keeper@example.org> {when} +0000\n",
            n + 1
        ));
        data(&mut stream, &format!("Change {n}"));
        if n == 0 {
            stream.push_str("M 100644 inline docs/proof.txt\n");
            data(&mut stream, "proof");
            for id in &pool {
                stream.push_str(&format!("M 100644 inline evidence/{id}.md\n"));
                data(&mut stream, &file(id, "partial"));
            }
        } else {
            stream.push_str(&format!("from :{n}\n"));
            let id = &pool[(n - 1) % pool.len()];
            let status = if ((n - 1) / pool.len()).is_multiple_of(2) {
                "compliant"
            } else {
                "partial"
            };
            stream.push_str(&format!("M 100644 inline evidence/{id}.md\n"));
            data(&mut stream, &format!("{}Version {n}.\n", file(id, status)));
        }
    }
    let mut import = git_in(g.path())
        .args(["fast-import", "--quiet"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    import
        .stdin
        .take()
        .unwrap()
        .write_all(stream.as_bytes())
        .unwrap();
    assert!(import.wait().unwrap().success());
    g.git(&["reset", "-q", "--hard", "main"]);
    g
}

#[test]
fn a_long_history_agrees_with_each_commit_read_alone() {
    // Longer than the window of commits fetched together, so windows are crossed.
    let g = long_story(600);
    let (v, code) = json(g.cse().args(["history", "--format", "json"]));
    assert_eq!(code, 0);
    let commits = v["commits"].as_array().unwrap();
    assert_eq!(commits.len(), 601);
    for i in [0, 1, 249, 250, 251, 499, 500, 501, 600] {
        let c = &commits[i];
        let (d, _) = json(g.cse().args([
            "diff",
            c["commit"].as_str().unwrap(),
            c["commit"].as_str().unwrap(),
            "--format",
            "json",
        ]));
        assert_eq!(
            c["figures"]["ready"], d["overall"]["after"]["ready"],
            "commit {i}"
        );
        for (h, d) in c["figures"]["criteria"]
            .as_array()
            .unwrap()
            .iter()
            .zip(d["criteria"].as_array().unwrap())
        {
            assert_eq!(h["ready"], d["after"]["ready"], "commit {i}");
        }
    }
    // By hand: the 22 files start partial; commits 1 to 22 make them compliant one by one,
    // 23 to 44 partial again, and so on.
    let ready = |i: usize| commits[i]["figures"]["ready"].as_u64().unwrap();
    assert_eq!(
        (ready(0), ready(1), ready(22), ready(23), ready(44)),
        (0, 1, 22, 21, 0)
    );
}

#[test]
fn history_follows_a_config_change_that_changes_readiness() {
    let g = story();
    g.write("cse.toml", "ignore = [\"evidence/1.1.1.md\"]\n");
    g.commit("2026-07-01", "Leave 1.1.1 out");
    let (v, _) = json(g.cse().args(["history", "--format", "json", "--max", "2"]));
    let overall: Vec<u64> = v["commits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["figures"]["ready"].as_u64().unwrap())
        .collect();
    assert_eq!(overall, [3, 2]);
}

#[test]
fn history_keeps_going_past_a_commit_with_a_broken_config() {
    let g = story();
    g.write("cse.toml", "review_max_age = \n");
    g.commit("2026-07-01", "Break cse.toml");
    g.write("cse.toml", "review_max_age = \"6 months\"\n");
    g.commit("2026-07-02", "Mend cse.toml");
    let (v, code) = json(g.cse().args(["history", "--format", "json", "--max", "2"]));
    assert_eq!(code, 0);
    let c = v["commits"].as_array().unwrap();
    assert!(c[0]["figures"].is_null());
    assert!(
        c[0]["problem"]
            .as_str()
            .unwrap()
            .starts_with("cse.toml at commit "),
        "{}",
        c[0]
    );
    assert_eq!(c[1]["figures"]["ready"], 3);
    let r = run(g.cse().args(["history", "--max", "2"]));
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.contains("No figures for these commits:"),
        "{}",
        r.stdout
    );
}

#[test]
fn history_survives_renames() {
    let g = story();
    std::fs::create_dir(g.path().join("evidence/customer insight")).unwrap();
    g.git(&[
        "mv",
        "evidence/1.1.1.md",
        "evidence/customer insight/1.1.1.md",
    ]);
    // One folder deeper, its evidence path needs one more `..`.
    g.write(
        "evidence/customer insight/1.1.1.md",
        &file("1.1.1", "compliant").replace("../docs", "../../docs"),
    );
    g.commit("2026-07-01", "Move 1.1.1 into a folder");
    g.git(&[
        "mv",
        "evidence/customer insight/1.1.1.md",
        "evidence/1.1.9.md",
    ]);
    g.write("evidence/1.1.9.md", &file("1.1.1", "compliant"));
    g.commit("2026-07-02", "Rename 1.1.1 by mistake");
    let (v, _) = json(g.cse().args(["history", "--format", "json", "--max", "3"]));
    let c = v["commits"].as_array().unwrap();
    let ready: Vec<u64> = c
        .iter()
        .map(|c| c["figures"]["ready"].as_u64().unwrap())
        .collect();
    // The move keeps 1.1.1 ready; the wrong name makes it missing and adds an unknown element.
    assert_eq!(ready, [3, 3, 2]);
    assert_eq!(
        c[2]["figures"]["errors"].as_u64().unwrap(),
        c[1]["figures"]["errors"].as_u64().unwrap() + 2
    );
    let r = run(g.cse().args(["diff", "HEAD~1", "HEAD"]));
    assert!(
        r.stdout
            .contains("1.1.1  compliant → missing  no longer ready"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("evidence/1.1.9.md  E002"), "{}", r.stdout);
}

#[test]
fn history_without_relevant_commits_says_so() {
    let g = GitRepo::new();
    let r = run(g.cse().arg("history"));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("the repository has no commits yet"),
        "{}",
        r.stderr
    );
    g.write("notes.txt", "x\n");
    g.commit("2026-01-01", "Notes only");
    let r = run(g.cse().arg("history"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "No commit in this range changed the evidence, a document it cites, cse.toml or the catalogue.\n"
    );
}

#[test]
fn history_svg_is_written_atomically() {
    let g = story();
    let chart = g.path().join("out/readiness.svg");
    std::fs::create_dir_all(chart.parent().unwrap()).unwrap();
    std::fs::write(&chart, "old").unwrap();
    let r = run(g
        .cse()
        .args(["history", "--format", "csv", "--svg", "out/readiness.svg"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let svg = std::fs::read_to_string(&chart).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("CSE readiness over time: Anytown Libraries"));
    assert!(svg.contains("<polyline"));
    // The report's history chart: the latest overall figure in its description.
    assert!(svg.contains(" to 5.3% on "), "{svg}");
    assert!(svg.trim_end().ends_with("</svg>"));
    let leftovers: Vec<_> = std::fs::read_dir(chart.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, vec![std::ffi::OsString::from("readiness.svg")]);
    let r = run(g
        .cse()
        .args(["history", "--svg", "no/such/folder/chart.svg"]));
    assert_eq!(r.code, 2);
    // Refused before the history is read, as `--out` is.
    assert!(
        r.stderr
            .contains("--svg no/such/folder/chart.svg: the folder")
            && r.stderr.contains("does not exist"),
        "{}",
        r.stderr
    );
}

#[test]
fn an_evidence_repository_in_a_subfolder_of_the_git_repository() {
    let g = GitRepo::new();
    g.repo.remove("docs/proof.txt");
    g.write("README.txt", "The council's repository\n");
    g.write("library/docs/proof.txt", "proof\n");
    g.write("library/evidence/1.1.1.md", &file("1.1.1", "compliant"));
    g.commit("2026-01-05", "Library evidence");
    g.write("library/evidence/1.1.2.md", &file("1.1.2", "compliant"));
    g.commit("2026-02-05", "More library evidence");
    g.write("README.txt", "Changed\n");
    g.commit("2026-03-05", "Outside the library");
    let dir = g.path().join("library");
    let cse = |args: &[&str]| {
        let mut cmd = common::cse(&dir);
        cmd.env("GIT_CONFIG_GLOBAL", "/dev/null").args(args);
        cmd
    };
    let (v, code) = json(&mut cse(&["history", "--format", "json"]));
    assert_eq!(code, 0);
    let ready: Vec<u64> = v["commits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["figures"]["ready"].as_u64().unwrap())
        .collect();
    assert_eq!(ready, [1, 2]);
    let (at, _) = json(&mut cse(&["check", "--format", "json", "--at", "HEAD~2"]));
    assert_eq!(at["summary"]["files"], 1);
    assert!(common::with_code(&at, "E012").is_empty(), "{at}");
    let (v, code) = json(&mut cse(&[
        "diff",
        "HEAD~2",
        "--format",
        "json",
        "--no-regress",
    ]));
    assert_eq!(code, 0);
    assert_eq!(v["elements"][0]["element"], "1.1.2");
}

/// History and diff roll units up as `cse status` does: an element is ready for the
/// institution only when it is ready in every unit (the units are not added up).
#[test]
fn several_units_roll_up_as_status_does() {
    let g = GitRepo::new();
    g.write(
        "cse.toml",
        "[units]\nnorth = \"north\"\nsouth = \"south\"\n",
    );
    g.write("north/1.1.1.md", &file("1.1.1", "compliant"));
    g.write("south/1.1.1.md", &file("1.1.1", "partial"));
    g.commit("2026-01-05", "Two services");
    g.write("south/1.1.1.md", &file("1.1.1", "compliant"));
    g.write("north/1.1.1.md", &file("1.1.1", "partial"));
    g.commit("2026-02-05", "Swap");
    let (v, _) = json(g.cse().args(["history", "--format", "json"]));
    let commits = v["commits"].as_array().unwrap();
    assert_eq!(commits.len(), 2);
    for (c, rev) in commits.iter().zip(["HEAD~1", "HEAD"]) {
        // 1.1.1 is partial in one unit at each commit, so ready nowhere for the institution.
        assert_eq!(c["figures"]["elements"], 57);
        assert_eq!(c["figures"]["ready"], 0);
        assert_eq!(c["figures"]["criteria"][0]["elements"], 11);
        assert_eq!(c["figures"]["assessment_ready"], false);
        let (status, _) = json(g.cse().args(["status", "--format", "json", "--at", rev]));
        assert_eq!(status["overall"]["ready"], c["figures"]["ready"]);
        assert_eq!(status["overall"]["elements"], c["figures"]["elements"]);
    }
    let (v, code) =
        json(
            g.cse()
                .args(["diff", "HEAD~1", "HEAD", "--format", "json", "--no-regress"]),
        );
    assert_eq!(
        code, 1,
        "north's 1.1.1 is no longer ready, though the totals held"
    );
    let changed: Vec<(&str, &str)> = v["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["unit"].as_str().unwrap(), e["element"].as_str().unwrap()))
        .collect();
    assert_eq!(changed, [("north", "1.1.1"), ("south", "1.1.1")]);
    assert_eq!(
        v["regressions"][0],
        "element 1.1.1 in north was ready and is now partial"
    );
}

// ---------------------------------------------------------------------------------------
// diff

#[test]
fn diff_on_a_downgrade_fails_the_no_regression_gate() {
    let g = story();
    g.write("evidence/1.1.2.md", &file("1.1.2", "partial"));
    let r = run(g.cse().args(["diff", "HEAD", "--no-regress"]));
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("1.1.2  compliant → partial  no longer ready"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("criterion 1 (Customer Insight) went down from 18.2% to 9.1%"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("Readiness went down, so the no-regression gate fails:"),
        "{}",
        r.stdout
    );
    // Without the gate it is a report, not a failure.
    let r = run(g.cse().args(["diff", "HEAD"]));
    assert_eq!(r.code, 0);
    // The gate can be switched on in cse.toml.
    g.write("cse.toml", "[gate]\nno_regress = true\n");
    let r = run(g.cse().args(["diff", "HEAD"]));
    assert_eq!(r.code, 1, "{}", r.stdout);
}

#[test]
fn diff_on_an_upgrade_passes_the_gate() {
    let g = story();
    g.write("evidence/2.1.1.md", &file("2.1.1", "compliant"));
    let r = run(g.cse().args(["diff", "HEAD", "--no-regress"]));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("Readiness 5.3% → 7.0% (+1.7)"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("2.1.1  not-assessed → compliant  now ready"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("No regression."));
}

#[test]
fn diff_sees_an_error_on_an_element_that_stays_compliant() {
    let g = story();
    g.write(
        "evidence/3.1.1.md",
        &file("3.1.1", "compliance-plus").replace("../docs/proof.txt", "../docs/gone.pdf"),
    );
    let (v, code) = json(
        g.cse()
            .args(["diff", "HEAD", "--format", "json", "--no-regress"]),
    );
    assert_eq!(code, 1);
    assert_eq!(v["regression"], true);
    assert_eq!(v["elements"][0]["element"], "3.1.1");
    assert_eq!(v["elements"][0]["before"]["ready"], true);
    assert_eq!(v["elements"][0]["after"]["ready"], false);
    assert_eq!(v["new_errors"][0]["code"], "E012");
    assert_eq!(v["fixed_errors"].as_array().unwrap().len(), 0);
    assert_eq!(v["after"]["rev"], Value::Null, "the working tree");
}

#[test]
fn diff_between_two_commits_ignores_the_working_tree() {
    let g = story();
    g.write("evidence/1.1.2.md", &broken("1.1.2"));
    let (v, code) =
        json(
            g.cse()
                .args(["diff", "broken", "HEAD", "--format", "json", "--no-regress"]),
        );
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["overall"]["before"]["ready"], 2);
    assert_eq!(v["overall"]["after"]["ready"], 3);
    assert_eq!(v["fixed_errors"][0]["code"], "E006");
    assert_eq!(v["after"]["rev"], "HEAD");
}

// ---------------------------------------------------------------------------------------
// Shallow clones, no repository, no git

#[test]
fn a_shallow_clone_stops_with_the_fetch_depth_advice() {
    let g = story();
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", g.path().display());
    run_git(
        clone.path(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
    );
    let dir = clone.path().join("shallow");
    for args in [
        vec!["history"],
        vec!["diff", "HEAD"],
        vec!["check", "--at", "HEAD"],
    ] {
        let r = run(common::cse(&dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .args(&args));
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stderr.contains("shallow clone"), "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains("fetch-depth: 0"),
            "{args:?}: {}",
            r.stderr
        );
        // docs/git.md shows the message whole, in a list item (so indented by two spaces).
        let page = common::page("docs/git.md");
        let shown: String = common::block_after(&page, "**Shallow clones**")
            .lines()
            .map(|l| format!("{}\n", l.strip_prefix("  ").unwrap_or(l)))
            .collect();
        assert_eq!(
            shown.trim_end(),
            r.stderr.trim_end(),
            "docs/git.md, {args:?}"
        );
    }
    // Commands on the working tree still work.
    let r = run(common::cse(&dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .arg("check"));
    assert_eq!(r.code, 1, "{}", r.stderr);
}

#[test]
fn outside_a_repository_only_the_git_commands_fail() {
    let repo = Repo::complete();
    for args in [
        vec!["history"],
        vec!["diff", "HEAD"],
        vec!["check", "--at", "HEAD"],
    ] {
        let r = run(repo
            .cse()
            .env("GIT_CEILING_DIRECTORIES", repo.path().parent().unwrap())
            .args(&args));
        assert_eq!(r.code, 2, "{args:?}");
        assert!(
            r.stderr.contains("is not inside a git repository"),
            "{args:?}: {}",
            r.stderr
        );
    }
    // A file without `reviewed` makes `check` ask git for dates; it must cope without.
    repo.write(
        "evidence/1.1.1.md",
        &ready_file("1.1.1").replace("reviewed: 2026-06-01\n", ""),
    );
    let (v, code) = repo.check_json();
    assert_eq!(code, 0);
    assert_eq!(common::with_code(&v, "W002").len(), 1);
}

#[test]
fn without_git_installed_only_the_git_commands_fail() {
    let g = story();
    g.write(
        "evidence/1.1.1.md",
        &ready_file("1.1.1").replace("reviewed: 2026-06-01\n", ""),
    );
    let empty_path = tempfile::tempdir().unwrap();
    let r = run(g.cse().env("PATH", empty_path.path()).arg("history"));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("git is not installed"), "{}", r.stderr);
    let (v, code) = json(
        g.cse()
            .env("PATH", empty_path.path())
            .args(["check", "--format", "json"]),
    );
    assert_eq!(code, 1, "E001s");
    let w002 = common::with_code(&v, "W002");
    assert_eq!(w002.len(), 1);
    assert_eq!(
        w002[0]["message"],
        "status is compliant but `reviewed` is missing"
    );
}

// ---------------------------------------------------------------------------------------
// Staleness from git

#[test]
fn the_last_commit_stands_in_for_a_missing_reviewed_date() {
    let g = GitRepo::new();
    let unreviewed = |id: &str| ready_file(id).replace("reviewed: 2026-06-01\n", "");
    g.write("evidence/1.1.1.md", &unreviewed("1.1.1"));
    g.write("evidence/1.1.2.md", &unreviewed("1.1.2"));
    g.commit("2025-06-01", "Old evidence");
    g.write(
        "evidence/1.1.2.md",
        &format!("{}More.\n", unreviewed("1.1.2")),
    );
    g.commit("2026-10-01", "Touch 1.1.2");
    g.write("evidence/1.1.3.md", &unreviewed("1.1.3"));
    let (v, _) = g.repo.check_json();
    let w001 = common::with_code(&v, "W001");
    assert_eq!(w001.len(), 1, "{v}");
    assert_eq!(w001[0]["file"], "evidence/1.1.1.md");
    assert_eq!(
        w001[0]["message"],
        "`reviewed` is missing, and the file last changed in git on 2025-06-01, more than 12 months ago"
    );
    let w002 = common::with_code(&v, "W002");
    let messages: Vec<(&str, &str)> = w002
        .iter()
        .map(|d| (d["file"].as_str().unwrap(), d["message"].as_str().unwrap()))
        .collect();
    assert_eq!(
        messages,
        [
            (
                "evidence/1.1.2.md",
                "status is compliant but `reviewed` is missing (the file's last change in git, on 2026-10-01, stands in for it)"
            ),
            // Never committed: no date to stand in.
            (
                "evidence/1.1.3.md",
                "status is compliant but `reviewed` is missing"
            ),
        ]
    );
    // At an earlier commit, the dates are the ones known then.
    let (v, _) = json(
        g.cse()
            .args(["check", "--format", "json", "--at", "HEAD~1"]),
    );
    let w001 = common::with_code(&v, "W001");
    assert_eq!(w001.len(), 2, "{v}");
}

// ---------------------------------------------------------------------------------------
// The git tree reads exactly what the working tree would

#[cfg(unix)]
#[test]
fn a_commit_reads_like_the_same_working_tree() {
    use std::os::unix::fs::symlink;
    let g = GitRepo::new();
    let ids = ["1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2"];
    for id in ids {
        g.write(&format!("evidence/{id}.md"), &file(id, "compliant"));
    }
    g.write("evidence/README.md", "not evidence\n");
    g.write("evidence/sub/readme.MD", "not evidence either\n");
    g.write("evidence/.hidden/2.1.1.md", &file("2.1.1", "compliant"));
    g.write("evidence/.2.1.2.md", &file("2.1.2", "compliant"));
    g.write("evidence/nested folder/2.1.3.MD", &file("2.1.3", "partial"));
    g.write(
        "evidence/odd\nname.md",
        "---\nelement: odd\nstatus: partial\n---\n",
    );
    g.write("evidence/folder.md/3.1.1.md", &file("3.1.1", "compliant"));
    g.write(
        "evidence/3.1.2.md",
        &format!(
            "{}[a link](../docs/missing.pdf)\n",
            file("3.1.2", "compliant")
        ),
    );
    g.write("evidence/3.1.3.md", &broken("3.1.3"));
    let big = format!("{}{}", file("3.2.1", "compliant"), "x".repeat(1024 * 1024));
    g.write("evidence/3.2.1.md", &big);
    g.write(
        "evidence/3.2.2.md",
        &file("3.2.2", "compliant").replace("../docs/proof.txt", "linked/proof.txt"),
    );
    g.write("outside.md", "---\n---\n");
    let link = |target: &str, name: &str| symlink(target, g.path().join(name)).unwrap();
    link("../docs", "evidence/linked");
    link("1.1.1.md", "evidence/4.1.1.md");
    link("../outside.md", "evidence/4.1.2.md");
    link("nowhere.md", "evidence/4.1.3.md");
    link("4.1.4.md", "evidence/4.1.4.md");
    link("sub", "evidence/4.1.5.md");
    g.commit("2026-06-01", "Everything at once");

    let working = json(g.cse().args(["check", "--format", "json"]));
    let at_head = json(g.cse().args(["check", "--format", "json", "--at", "HEAD"]));
    assert_eq!(working, at_head);
    // The cases above did happen.
    let codes: Vec<&str> = working.0["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .filter(|c| *c != "E001")
        .collect();
    for code in ["E002", "E006", "E016", "E018"] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
}

// ---------------------------------------------------------------------------------------
// A bounded number of git processes

/// Runs `cse` with a `git` on PATH that logs each call, then runs the real one.
#[cfg(unix)]
fn git_calls(g: &GitRepo, args: &[&str]) -> Vec<String> {
    use std::os::unix::fs::PermissionsExt;
    let real = which_git();
    let bin = tempfile::tempdir().unwrap();
    let log = bin.path().join("calls.log");
    let script = bin.path().join("git");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$6\" >> '{}'\nexec '{}' \"$@\"\n",
            log.display(),
            real.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let r = run(g.cse().env("PATH", path).args(args));
    assert!(r.code == 0 || r.code == 1, "{args:?}: {}", r.stderr);
    let mut calls: Vec<String> = std::fs::read_to_string(&log)
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect();
    calls.sort();
    calls
}

#[cfg(unix)]
fn which_git() -> PathBuf {
    std::env::var_os("PATH")
        .and_then(|p| {
            std::env::split_paths(&p)
                .map(|d| d.join("git"))
                .find(|g| g.is_file())
        })
        .expect("git on PATH")
}

#[cfg(unix)]
#[test]
fn git_is_run_a_bounded_number_of_times() {
    let g = story();
    for i in 0..30 {
        g.write(
            "evidence/5.1.1.md",
            &file("5.1.1", if i % 2 == 0 { "partial" } else { "compliant" }),
        );
        g.commit("2026-07-01", &format!("Change {i}"));
    }
    // `git -C DIR --no-optional-locks -c KEY=VALUE SUBCOMMAND ...`; sorted by name.
    assert_eq!(
        git_calls(&g, &["history"]),
        ["cat-file", "log", "rev-parse"]
    );
    assert_eq!(
        git_calls(&g, &["diff", "v1", "HEAD"]),
        ["cat-file", "log", "log", "rev-parse"]
    );
    // A day takes one more look at the log.
    assert_eq!(
        git_calls(&g, &["diff", "2026-03-01"]),
        ["cat-file", "log", "log", "rev-parse"]
    );
    // Every file has `reviewed`, so no dates are asked for; the documents they cite are
    // looked up in one walk, with no other process (W020).
    assert_eq!(git_calls(&g, &["check"]), ["log"]);
    assert_eq!(
        git_calls(&g, &["check", "--at", "v1"]),
        ["cat-file", "log", "rev-parse"]
    );
    // A file without `reviewed`: one `git log` for the dates (and a `rev-parse` to open).
    g.write(
        "evidence/5.1.2.md",
        &ready_file("5.1.2").replace("reviewed: 2026-06-01\n", ""),
    );
    assert_eq!(git_calls(&g, &["check"]), ["log", "log", "rev-parse"]);
    g.commit("2026-07-02", "5.1.2 without a review date");
    assert_eq!(
        git_calls(&g, &["check", "--at", "HEAD"]),
        ["cat-file", "log", "log", "rev-parse", "rev-parse"]
    );
    // A pack of a commit copies every evidence file and document through a few long-lived
    // `git cat-file --batch`, at most one per core and one more, never one per file.
    let out = tempfile::tempdir().unwrap();
    let zip = out.path().join("pack.zip");
    let calls = git_calls(
        &g,
        &["pack", "--at", "HEAD", "--out", zip.to_str().unwrap()],
    );
    assert!(zip.is_file(), "the pack is written");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let cat_files = calls.iter().filter(|c| *c == "cat-file").count();
    assert!(
        cat_files <= cores + 2,
        "{cat_files} cat-file for {} files: {calls:?}",
        g.path().join("evidence").read_dir().unwrap().count()
    );
}

// ---------------------------------------------------------------------------------------
// Output formats

#[test]
fn history_formats() {
    let g = story();
    for format in ["table", "csv", "markdown", "json"] {
        let r = run(g.cse().args(["history", "--format", format]));
        assert_eq!(r.code, 0, "{}", r.stderr);
        insta::assert_snapshot!(format!("history_{format}"), r.stdout);
    }
}

#[test]
fn diff_formats() {
    let g = story();
    g.write("evidence/1.1.2.md", &file("1.1.2", "partial"));
    g.write("evidence/2.1.1.md", &file("2.1.1", "compliant"));
    g.write(
        "evidence/3.1.1.md",
        &file("3.1.1", "compliance-plus").replace("../docs/proof.txt", "../docs/gone.pdf"),
    );
    for format in ["table", "markdown", "json"] {
        let r = run(g.cse().args(["diff", "broken", "--format", format]));
        assert_eq!(r.code, 0, "{}", r.stderr);
        insta::assert_snapshot!(format!("diff_{format}"), r.stdout);
    }
}

#[test]
fn status_and_priorities_read_a_commit_with_at() {
    let g = story();
    // The working tree moves on, uncommitted: 4.1.1 becomes ready.
    g.write("evidence/4.1.1.md", &file("4.1.1", "compliant"));
    let ready = |args: &[&str]| -> (u64, u64) {
        let (v, _) = json(g.cse().args(args));
        (
            v["overall"]["ready"].as_u64().unwrap(),
            v["priorities"]["ready"].as_u64().unwrap_or(0),
        )
    };
    // At v1 (2026-02-10): 1.1.1, 1.1.2 and 3.1.1 are ready; 2.1.1 is not assessed.
    assert_eq!(ready(&["status", "--format", "json", "--at", "v1"]).0, 3);
    // At `broken`, 1.1.1 has an error, so only 1.1.2 and 3.1.1 are ready.
    assert_eq!(
        ready(&["status", "--format", "json", "--at", "broken"]).0,
        2
    );
    // The working tree adds 4.1.1.
    assert_eq!(ready(&["status", "--format", "json"]).0, 4);
    // The priority list at `broken`: 3.1.1 is the only priority element with a file.
    let (v, _) = json(
        g.cse()
            .args(["priorities", "--format", "json", "--at", "broken"]),
    );
    let with_files: Vec<(&str, &str)> = v["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["id"].as_str().unwrap(), e["status"].as_str().unwrap()))
        .filter(|(_, s)| *s != "missing")
        .collect();
    assert_eq!(v["elements"].as_array().unwrap().len(), 24);
    assert_eq!(with_files, [("3.1.1", "compliance-plus")]);
    // The table names the commit it describes.
    let out = g.cse().args(["status", "--at", "v1"]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("Evidence at commit "), "{stdout}");
    assert!(stdout.contains("Upgrade 1.1.2, add 3.1.1"), "{stdout}");
    // An unknown revision is exit 2 with git's own message.
    let out = g
        .cse()
        .args(["priorities", "--at", "no-such-rev"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-rev"));
}

/// The pooled `git cat-file --batch` behind `cse pack --at`: files come back whole and in any
/// order; one dropped half read, a folder and a missing path each fail or end cleanly, and the
/// files after them still come back right, from a subfolder of the repository too.
#[test]
fn pooled_blobs_stay_in_step_whatever_is_asked() {
    use std::io::Read;
    let g = GitRepo::new();
    g.write("site/docs/a.txt", "alpha\n");
    let big = "0123456789".repeat(100_000);
    g.write("site/docs/big.txt", &big);
    g.write("site/docs/with space.txt", "spaced\n");
    g.write("site/docs/empty.txt", "");
    let id = g.commit("2026-05-14", "Documents");
    let repo = cse::git::Repo::open(&g.path().join("site")).unwrap();
    let blobs = cse::git::Blobs::new(&repo, &id, 1);
    let read = |path: &str| {
        let (mut r, size) = blobs.open(path).unwrap();
        let mut text = String::new();
        r.read_to_string(&mut text).unwrap();
        assert_eq!(text.len() as u64, size, "{path}");
        text
    };
    assert_eq!(read("docs/a.txt"), "alpha\n");
    assert_eq!(read("docs/big.txt"), big);
    {
        // Dropped after 10 bytes: its process is ended, not handed on out of step.
        let (mut r, _) = blobs.open("docs/big.txt").unwrap();
        let mut head = [0u8; 10];
        r.read_exact(&mut head).unwrap();
    }
    assert_eq!(read("docs/with space.txt"), "spaced\n");
    assert!(blobs.open("docs").is_err(), "a folder is not a file");
    assert_eq!(read("docs/empty.txt"), "");
    let missing = blobs.open("docs/nothing.txt").err().unwrap().to_string();
    assert!(missing.contains("docs/nothing.txt"), "{missing}");
    assert_eq!(read("docs/a.txt"), "alpha\n");
}

/// A path git stops on (it leaves the repository) ends that process, and the next file is
/// read by a new one; an empty read is not the end of a file.
#[test]
fn pooled_blobs_recover_when_git_stops() {
    use std::io::Read;
    let g = GitRepo::new();
    g.write("a.txt", "alpha\n");
    let id = g.commit("2026-05-14", "A");
    let repo = cse::git::Repo::open(g.path()).unwrap();
    let blobs = cse::git::Blobs::new(&repo, &id, 1);
    // `<commit>:../x` is relative to git's folder: outside the repository, which git dies on.
    assert!(blobs.open("../outside").is_err());
    let (mut r, size) = blobs.open("a.txt").unwrap();
    assert_eq!(size, 6);
    assert_eq!(r.read(&mut []).unwrap(), 0);
    let mut text = String::new();
    r.read_to_string(&mut text).unwrap();
    assert_eq!(text, "alpha\n");
}
