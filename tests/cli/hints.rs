//! Hints for the mistakes people make (issue 13): dates, paths, keys, statuses, config.

use crate::common::{Repo, ready_file, with_code};
use crate::git::GitRepo;

/// The first diagnostic's help for `code` after writing `text` as evidence/1.1.1.md.
fn help_for(text: &str, code: &str) -> String {
    let repo = Repo::complete();
    repo.write("docs/x.pdf", "pdf");
    repo.write("evidence/1.1.1.md", text);
    let (json, _) = repo.check_json();
    let found = with_code(&json, code);
    assert!(!found.is_empty(), "no {code} in {json:#}");
    found[0]["help"].as_str().unwrap().to_owned()
}

fn with_item(item: &str) -> String {
    ready_file("1.1.1").replace("    path: ../docs/proof.txt\n", item)
}

#[test]
fn evidence_mistakes_get_hints() {
    assert_eq!(
        help_for(&with_item("    path: https://example.org/x\n"), "E012"),
        "this is a web address: use `url:` instead of `path:`"
    );
    assert_eq!(
        help_for(&with_item("    path: docs/x.pdf\n"), "E012"),
        "paths are relative to the evidence file: did you mean `../docs/x.pdf`?"
    );
    assert_eq!(
        help_for(&with_item("    path: docs/none.pdf\n"), "E012"),
        "paths are relative to this file, like a markdown link"
    );
    for key in ["file", "link", "document"] {
        assert_eq!(
            help_for(&with_item(&format!("    {key}: ../docs/x.pdf\n")), "E007"),
            "did you mean `path:` (a file in the repository) or `url:` (a web page)?",
            "{key}"
        );
    }
    for (words, status) in [
        ("Partial Compliance", "partial"),
        ("Full Compliance", "compliant"),
        ("Compliance", "compliant"),
        ("Non Compliance", "non-compliant"),
        ("Compliance Plus", "compliance-plus"),
    ] {
        let text = ready_file("1.1.1").replace("status: compliant", &format!("status: {words}"));
        assert_eq!(
            help_for(&text, "E008"),
            format!("write `{status}`: the status words are lower case, joined by `-`")
        );
    }
}

#[test]
fn day_first_dates_get_their_iso_form() {
    let text = ready_file("1.1.1").replace("reviewed: 2026-06-01", "reviewed: 20/11/2026");
    assert_eq!(
        help_for(&text, "E010"),
        "dates are written YYYY-MM-DD: 2026-11-20"
    );
    let text = format!(
        "{}actions:\n  - action: Survey\n    due: 1 March 2027\n---\n",
        ready_file("1.1.1").split("---\nHow").next().unwrap()
    );
    assert_eq!(
        help_for(&text, "E010"),
        "dates are written YYYY-MM-DD: 2027-03-01"
    );
    let text = ready_file("1.1.1").replace("reviewed: 2026-06-01", "reviewed: 03/04/2026");
    assert_eq!(
        help_for(&text, "E010"),
        "dates are written YYYY-MM-DD, for example 2026-05-14"
    );
}

fn stderr_of(cmd: &mut assert_cmd::Command) -> (String, i32) {
    let out = cmd.output().unwrap();
    (
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn dates_on_the_command_line_get_the_same_hint() {
    let g = GitRepo::new();
    g.write("evidence/1.1.1.md", &ready_file("1.1.1"));
    g.commit("2026-03-01", "first");
    let hint = "dates are written YYYY-MM-DD: 2026-11-20";
    for args in [
        &["history", "--since", "20/11/2026"][..],
        &["history", "--until", "20.11.2026"],
        &["check", "--at", "20/11/2026"],
        &["plan", "--for", "20 November 2026"],
    ] {
        let (err, code) = stderr_of(g.cse().args(args));
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(hint), "{args:?}: {err}");
        assert!(!err.contains("failed to parse"), "{args:?}: {err}");
    }
    let (err, code) = stderr_of(g.cse().env("CSE_TODAY", "20/11/2026").arg("check"));
    assert_eq!(code, 2);
    assert!(err.contains(hint), "{err}");
    let (err, _) = stderr_of(g.cse().args(["check", "--at", "2026-02-30"]));
    assert!(err.contains("it is not a real date"), "{err}");
}

#[test]
fn at_and_until_include_the_commits_of_that_day() {
    let g = GitRepo::new();
    g.write("evidence/1.1.1.md", &ready_file("1.1.1"));
    g.commit("2026-02-01", "february");
    g.write("evidence/1.1.2.md", &ready_file("1.1.2"));
    g.commit("2026-03-01", "first of march");
    g.write("evidence/1.1.3.md", &ready_file("1.1.3"));
    g.commit("2026-03-02", "second of march");
    let out = g
        .cse()
        .args(["check", "--at", "2026-03-01"])
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.starts_with("Evidence at commit "), "{out}");
    assert!(
        out.lines()
            .next()
            .unwrap()
            .ends_with("(2026-03-01): first of march"),
        "{out}"
    );
    let out = g
        .cse()
        .args(["history", "--until", "2026-03-01", "--format", "csv"])
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.contains("2026-03-01"), "{out}");
    assert!(!out.contains("2026-03-02"), "{out}");
    let (err, code) = stderr_of(g.cse().args(["check", "--at", "2026-01-31"]));
    assert_eq!(code, 2);
    assert!(err.contains("on or before 2026-01-31"), "{err}");
    for command in ["check", "history"] {
        let help = g.cse().args([command, "--help"]).output().unwrap();
        let help = String::from_utf8(help.stdout).unwrap().replace('\n', " ");
        let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            help.contains("on or before that day, so its own commits count")
                || help.contains("on or before this day (YYYY-MM-DD), its own commits included"),
            "{command}: {help}"
        );
    }
}

#[test]
fn diff_in_a_repository_without_commits_says_so_plainly() {
    let g = GitRepo::new();
    g.write("evidence/1.1.1.md", &ready_file("1.1.1"));
    let (history, _) = stderr_of(g.cse().arg("history"));
    let (diff, code) = stderr_of(g.cse().args(["diff", "HEAD"]));
    assert_eq!(code, 2);
    assert!(diff.contains("the repository has no commits yet"), "{diff}");
    assert_eq!(diff, history);
}

/// `cse status` with `config` as cse.toml: stderr and exit code.
fn with_config(config: &str, args: &[&str]) -> (String, i32) {
    let repo = Repo::complete();
    repo.write("cse.toml", config);
    stderr_of(repo.cse().arg("status").args(args))
}

#[test]
fn config_errors_point_at_the_line_with_an_example() {
    let (err, code) = with_config("name = \"x\"\nevidence_dir = \"evidnce\"\n", &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("cse.toml:2: `evidence_dir = \"evidnce\"`: the folder does not exist"),
        "{err}"
    );
    assert!(
        err.contains("did you mean `evidence_dir = \"evidence\"`?"),
        "{err}"
    );
    let (err, code) = with_config("review_max_age = 12\n", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("cse.toml:1: `review_max_age = 12`"), "{err}");
    assert!(err.contains("review_max_age = \"12 months\""), "{err}");
    let (err, code) = with_config("[gate]\nfail_under = true\n", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("cse.toml:2:"), "{err}");
}

#[test]
fn percentages_are_read_alike_in_config_and_flags() {
    // Every element is ready: 100% passes either way of writing 80.
    let (err, code) = with_config("[gate]\nfail_under = \"80%\"\n", &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("gate passed"), "{err}");
    let (err, code) = with_config("[gate]\nfail_under = \"180%\"\n", &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("cse.toml:2: `gate.fail_under = \"180%\"` must be a percentage"),
        "{err}"
    );
    let (err, code) = with_config("", &["--fail-under", "0.8"]);
    assert_eq!(code, 0);
    assert!(
        err.contains("warning: --fail-under 0.8 means 0.8%; for 80% write 80"),
        "{err}"
    );
    let (err, _) = with_config("", &["--fail-under", "80"]);
    assert!(!err.contains("warning"), "{err}");
}
