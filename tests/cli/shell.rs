//! Shell integration: completions, the man page, the JSON Schema and `--help`.

use crate::common;

use common::cse;

fn stdout_of(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = cse(dir.path()).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn completions_for_every_shell_know_the_subcommands() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef cse"),
        ("fish", "complete -c cse"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[cse]"),
    ] {
        let script = stdout_of(&["completions", shell]);
        assert!(script.contains(marker), "{shell}: {script}");
        for sub in ["check", "init", "config", "completions", "schema"] {
            assert!(script.contains(sub), "{shell} script lacks `{sub}`");
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let out = cse(dir.path())
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_page_is_roff_with_every_subcommand() {
    let page = stdout_of(&["man"]);
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "{}", &page[..80]);
    assert!(page.contains(".TH cse 1"), "{page}");
    for sub in ["check", "init", "config", "completions", "man", "schema"] {
        assert!(
            page.contains(&format!("cse\\-{sub}")),
            "man page lacks `{sub}`"
        );
    }
}

#[test]
fn schema_is_json_and_lists_every_field() {
    let text = stdout_of(&["schema"]);
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    let props = schema["properties"].as_object().unwrap();
    for field in cse::evidence::FIELDS {
        assert!(props.contains_key(*field), "schema lacks `{field}`");
    }
    assert_eq!(props.len(), cse::evidence::FIELDS.len());
    let statuses: Vec<&str> = props["status"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(statuses, cse::evidence::Status::words().collect::<Vec<_>>());
    assert_eq!(schema["required"], serde_json::json!(["element", "status"]));
}

#[test]
fn schema_uses_the_catalogue_in_force() {
    let repo = common::Repo::empty();
    repo.write(
        "criteria/mini.yaml",
        "name: Mini\ncriteria:\n  - id: \"1\"\n    title: One\n    subcriteria:\n      - id: \"1.1\"\n        title: Sub\n        elements:\n          - id: \"1.1.1\"\n            text: Do things.\n",
    );
    repo.write("cse.toml", "catalogue = \"criteria/mini.yaml\"\n");
    let out = repo.cse().arg("schema").output().unwrap();
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        schema["properties"]["element"]["enum"],
        serde_json::json!(["1.1.1"])
    );
}

#[test]
fn help_lists_the_new_commands_and_flags() {
    let help = stdout_of(&["--help"]);
    for item in [
        "init",
        "config",
        "completions",
        "man",
        "schema",
        "--config <FILE>",
    ] {
        assert!(help.contains(item), "--help lacks `{item}`:\n{help}");
    }
    let help = stdout_of(&["init", "--help"]);
    assert!(
        help.contains("--catalogue <FILE>") && help.contains("[DIR]"),
        "{help}"
    );
}
