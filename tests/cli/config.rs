//! `cse.toml`: errors with file:line and exit 2, `--config`, and `cse config`.

use crate::common;

use common::{Repo, with_code};

/// Runs `cse ARGS` in the repository; returns stdout, stderr and the exit code.
fn run(repo: &Repo, args: &[&str]) -> (String, String, i32) {
    let out = repo.cse().args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

/// `cse check` with `config` as cse.toml must fail with exit 2 and exactly this message.
fn config_error(config: &str, expected: &str) {
    let repo = Repo::complete();
    repo.write("cse.toml", config);
    let (stdout, stderr, code) = run(&repo, &["check"]);
    assert_eq!(code, 2, "{config:?}: {stdout}{stderr}");
    assert_eq!(stderr, format!("error: {expected}\n"), "{config:?}");
    assert!(stdout.is_empty(), "nothing is checked with a bad config");
}

#[test]
fn an_unknown_setting_names_the_file_and_line() {
    config_error(
        "# ours\nname = \"Library\"\nevidnce_dir = \"proof\"\n",
        "cse.toml:3: unknown setting `evidnce_dir`: did you mean `evidence_dir`?",
    );
    config_error(
        "fail_under = 80\n",
        "cse.toml:1: unknown setting `fail_under`: `fail_under` belongs under [gate]",
    );
}

#[test]
fn a_wrong_type_names_the_file_and_line() {
    config_error(
        "[gate]\n\nfail_under = \"high\"\n",
        "cse.toml:3: `gate.fail_under = \"high\"` must be a percentage from 0 to 100, such as 80 or \"80%\"",
    );
    config_error(
        "name = \"x\"\nignore = \"*.draft.md\"\n",
        "cse.toml:2: invalid type: string \"*.draft.md\", expected a list such as [\"a\", \"b\"]",
    );
}

#[test]
fn an_unreadable_value_names_the_file_and_line() {
    config_error(
        "\nreview_max_age = \"soon\"\n",
        "cse.toml:2: `review_max_age = \"soon\"` is not a duration such as \"12 months\" or \"90 days\"; write for example: review_max_age = \"12 months\"",
    );
    config_error(
        "[gate]\nfail_under = 101\n",
        "cse.toml:2: `gate.fail_under = 101` must be a percentage from 0 to 100, such as 80 or \"80%\"",
    );
    config_error(
        "evidence_dir = \"../outside\"\n",
        "cse.toml:1: `evidence_dir = \"../outside\"` must be a folder inside the repository",
    );
    config_error(
        "# a catalogue that is not there\ncatalogue = \"criteria/none.yaml\"\n",
        "cse.toml:2: cannot read the catalogue criteria/none.yaml: no such file",
    );
    config_error(
        "name = \"x\n",
        "cse.toml:1: invalid basic string, expected `\"`",
    );
}

#[test]
fn settings_take_effect() {
    let repo = Repo::complete();
    // Move the evidence to another folder and ignore one file there.
    std::fs::rename(repo.path().join("evidence"), repo.path().join("proof")).unwrap();
    repo.write("proof/drafts/x.md", "not front matter\n");
    repo.write(
        "cse.toml",
        "evidence_dir = \"proof\"\nignore = [\"proof/drafts/**\"]\nreview_max_age = \"30 days\"\n",
    );
    let (json, code) = repo.check_json();
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["summary"]["files"], 57);
    // Reviewed 2026-06-01, today 2026-11-28: stale after 30 days.
    assert_eq!(with_code(&json, "W001").len(), 57);
}

#[test]
fn the_config_flag_overrides_discovery_and_its_paths_are_relative_to_it() {
    let repo = Repo::complete();
    repo.write("cse.toml", "evidence_dir = \"nowhere\"\n");
    std::fs::rename(repo.path().join("evidence"), repo.path().join("proof")).unwrap();
    repo.write("ci/strict.toml", "evidence_dir = \"../proof\"\n");
    let (stdout, stderr, code) = run(&repo, &["--config", "ci/strict.toml", "check"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.ends_with("0 errors, 0 warnings in 57 files\n"),
        "{stdout}"
    );
    // Without the flag, the discovered cse.toml applies.
    let (stdout, _, code) = run(&repo, &["check"]);
    assert_eq!(code, 2, "{stdout}");
    // Relative to -C DIR, like every other path.
    let elsewhere = tempfile::tempdir().unwrap();
    let out = common::cse(elsewhere.path())
        .arg("-C")
        .arg(repo.path())
        .args(["--config", "ci/strict.toml", "check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    // Errors name the file given.
    repo.write("ci/strict.toml", "evidence_dir = \"../proof\"\nbogus = 1\n");
    let (_, stderr, code) = run(&repo, &["--config", "ci/strict.toml", "check"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: ci/strict.toml:2: unknown setting `bogus`"),
        "{stderr}"
    );
    let (_, stderr, code) = run(&repo, &["--config", "ci/none.toml", "check"]);
    assert_eq!(code, 2);
    assert_eq!(stderr, "error: --config ci/none.toml: no such file\n");
}

#[test]
fn discovery_walks_up_and_stops_at_the_git_folder() {
    let repo = Repo::complete();
    repo.write("cse.toml", "review_max_age = \"30 days\"\n");
    repo.write("docs/deep/er/keep.txt", "x");
    let out = common::cse(&repo.path().join("docs/deep/er"))
        .args(["config"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("\"30 days\""), "{stdout}");
    // A folder holding .git ends the search before the repository above it.
    repo.write("nested/.git/HEAD", "ref: refs/heads/main\n");
    let out = common::cse(&repo.path().join("nested"))
        .args(["check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no evidence repository found"),
        "{out:?}"
    );
}

/// `cse config` output with the temporary folder's path replaced.
fn config_output(repo: &Repo, args: &[&str]) -> String {
    let (stdout, stderr, code) = run(repo, args);
    assert_eq!(code, 0, "{stderr}");
    let root = repo.path().display().to_string();
    stdout.replace(&root, "[REPO]")
}

#[test]
fn config_shows_each_setting_and_where_it_came_from() {
    let repo = Repo::complete();
    repo.write(
        "cse.toml",
        "# Our settings\nname = \"Riverside Libraries\"\nreview_max_age = \"6 months\"\nignore = [\"*.draft.md\"]\n\n[gate]\nfail_under = 80\nrequire_assessment_ready = true\n",
    );
    insta::assert_snapshot!("config_from_cse_toml", config_output(&repo, &["config"]));

    repo.write(
        "ci/strict.toml",
        "[gate]\nfail_under_criterion = 62.5\n\n[units]\ncentral = \"../evidence\"\n",
    );
    insta::assert_snapshot!(
        "config_from_flag",
        config_output(&repo, &["--config", "ci/strict.toml", "config"])
    );
}

#[test]
fn config_without_a_file_shows_the_defaults() {
    let repo = Repo::complete();
    insta::assert_snapshot!("config_defaults", config_output(&repo, &["config"]));
}

/// The config mistakes shown in docs/config.md are what `cse check` prints for them: the page's
/// blocks, in order, for these files.
#[test]
fn the_mistakes_in_docs_config_md_are_real() {
    const FILES: [&str; 4] = [
        "name = \"X\"\n\nevidnce_dir = \"evidence\"\n",
        "name = \"X\"\n\n\n\n\n[gate]\nfail_under = \"high\"\n",
        "name = \"X\"\nreview_max_age = \"soon\"\n",
        "name = \"X\"\n\n\ncatalogue = \"criteria/ours.yaml\"\n",
    ];
    let page = std::fs::read_to_string(common::project_root().join("docs/config.md")).unwrap();
    let start = page
        .find("```text\n$ cse check\nerror: cse.toml:")
        .expect("docs/config.md shows the mistakes");
    let block = &page[start + "```text\n".len()..];
    let block = &block[..block.find("```").unwrap()];
    let shown: Vec<&str> = block.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(shown.len(), FILES.len(), "{block}");
    for (toml, line) in FILES.iter().zip(shown) {
        let repo = common::Repo::complete();
        repo.write("cse.toml", toml);
        let out = repo.cse().arg("check").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{toml}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().next(), Some(line), "{toml}");
    }
}
