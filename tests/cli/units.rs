//! Several units in one repository: `[units]`, `--unit`, and the unit in every output format.

use crate::common;

use common::{Repo, ready_file, with_code};

const CONFIG: &str = "name = \"Example Council\"\n\n[units]\ncentral-library = \"evidence/central\"\nmobile-library = \"evidence/mobile\"\n";

/// Two units, every element ready in both, except: central has a broken link in 2.1.1, and
/// mobile has no file for 1.1.1 and rates 1.2.2 non-compliant.
fn two_units() -> Repo {
    let repo = Repo::empty();
    repo.write("cse.toml", CONFIG);
    let catalogue = cse::catalogue::Catalogue::builtin().unwrap();
    for e in catalogue.elements() {
        let id = &e.element.id;
        let ready = ready_file(id).replace("../docs/", "../../docs/");
        repo.write(&format!("evidence/central/{id}.md"), &ready);
        repo.write(&format!("evidence/mobile/{id}.md"), &ready);
    }
    repo.write(
        "evidence/central/2.1.1.md",
        &(ready_file("2.1.1").replace("../docs/", "../../docs/") + "See [the plan](plan.md).\n"),
    );
    repo.remove("evidence/mobile/1.1.1.md");
    repo.write(
        "evidence/mobile/1.2.2.md",
        "---\nelement: 1.2.2\nstatus: non-compliant\nreviewed: 2026-06-01\n---\nNot yet.\n",
    );
    repo
}

fn stdout(repo: &Repo, args: &[&str]) -> (String, i32) {
    let out = repo.cse().args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

fn stderr(repo: &Repo, args: &[&str]) -> (String, i32) {
    let out = repo.cse().args(args).output().unwrap();
    (
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn each_unit_is_checked_for_coverage_on_its_own() {
    let (json, code) = two_units().check_json();
    assert_eq!(code, 1);
    assert_eq!(json["summary"]["files"], 57 + 56);
    let missing = with_code(&json, "E001");
    assert_eq!(missing.len(), 1, "{json:#}");
    assert_eq!(missing[0]["unit"], "mobile-library");
    assert_eq!(missing[0]["element"], "1.1.1");
    assert_eq!(missing[0]["help"], "create `evidence/mobile/1.1.1.md`");
    // The same element in two units is not a duplicate.
    assert!(with_code(&json, "E003").is_empty());
    let broken = with_code(&json, "E016");
    assert_eq!(broken.len(), 1);
    assert_eq!(broken[0]["unit"], "central-library");
    assert_eq!(broken[0]["file"], "evidence/central/2.1.1.md");
    // Every diagnostic names its unit.
    let diags = json["diagnostics"].as_array().unwrap();
    assert!(diags.iter().all(|d| d["unit"].is_string()), "{json:#}");
}

#[test]
fn human_output_names_the_unit() {
    let (out, code) = stdout(&two_units(), &["check"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(out);
}

#[test]
fn github_output_names_the_unit() {
    let (out, _) = stdout(&two_units(), &["check", "--format", "github"]);
    insta::assert_snapshot!(out);
}

#[test]
fn junit_output_names_the_unit() {
    let (out, _) = stdout(&two_units(), &["check", "--format", "junit"]);
    insta::assert_snapshot!(out);
}

#[test]
fn unit_flag_limits_check_to_one_unit() {
    let repo = two_units();
    for args in [
        &["check", "--unit", "mobile-library", "--format", "json"][..],
        &["--unit", "mobile-library", "check", "--format", "json"][..],
    ] {
        let (out, code) = stdout(&repo, args);
        assert_eq!(code, 1);
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(json["summary"]["files"], 56);
        let diags = json["diagnostics"].as_array().unwrap();
        assert!(!diags.is_empty());
        assert!(
            diags.iter().all(|d| d["unit"] == "mobile-library"),
            "{json:#}"
        );
    }
    // Central has one error; the warnings-free mobile fix would not change it.
    let (out, code) = stdout(&repo, &["check", "--unit", "central-library"]);
    assert_eq!(code, 1);
    assert!(out.contains("\n1 error, 0 warnings in 57 files\n"), "{out}");
}

#[test]
fn unknown_unit_is_a_usage_error_with_a_suggestion() {
    let (err, code) = stderr(&two_units(), &["check", "--unit", "mobile-libary"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: unknown unit `mobile-libary`; did you mean `mobile-library`?\n\
         hint: the units in cse.toml are central-library, mobile-library\n"
    );
}

#[test]
fn unit_flag_without_units_is_a_usage_error() {
    let repo = Repo::complete();
    let (err, code) = stderr(&repo, &["check", "--unit", "central"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: --unit central: this repository has no units\n"),
        "{err}"
    );
}

#[test]
fn a_missing_unit_folder_is_a_config_error() {
    let repo = two_units();
    repo.write(
        "cse.toml",
        &format!("{CONFIG}registration = \"evidence/registraton\"\n"),
    );
    let (err, code) = stderr(&repo, &["check"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(
            "error: unit `registration`: its folder `evidence/registraton` does not exist ("
        ),
        "{err}"
    );
    assert!(
        err.ends_with(
            "cse.toml:3)\nhint: create the folder, or correct the unit's path under `[units]` in cse.toml\n"
        ),
        "{err}"
    );
    // Another unit can still be checked on its own.
    let (_, code) = stdout(&repo, &["check", "--unit", "central-library"]);
    assert_eq!(code, 1);
}

#[test]
fn nested_unit_folders_are_a_config_error() {
    let repo = two_units();
    repo.write(
        "cse.toml",
        "[units]\ncentral-library = \"evidence/central\"\nbranch = \"evidence/central/branch\"\n",
    );
    let (err, code) = stderr(&repo, &["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("cse.toml:1: unit `branch` has its folder `evidence/central/branch` inside the folder `evidence/central` of unit `central-library`"), "{err}");
}

#[test]
fn help_mentions_the_unit_flag() {
    let (out, code) = stdout(&Repo::empty(), &["check", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("--unit <NAME>"), "{out}");
}
