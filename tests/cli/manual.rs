//! Help and manual (issue 13): global options under their own heading after each command's
//! own, `--unit`/`--config` not offered where they mean nothing, a manual page per command.

use crate::common::{Repo, cse};

fn help(args: &[&str]) -> String {
    let out = cse(&crate::common::project_root())
        .args(args)
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn global_options_come_after_each_command_own() {
    for command in ["check", "status", "history", "report"] {
        let text = help(&[command]);
        let own = text.find("\nOptions:\n").expect("own options");
        let global = text
            .find("\nGlobal options:\n")
            .expect("a Global options heading");
        assert!(own < global, "{command}:\n{text}");
        let globals = &text[global..];
        for flag in [
            "-C <DIR>",
            "--config <FILE>",
            "--unit <NAME>",
            "--color <COLOR>",
        ] {
            assert!(globals.contains(flag), "{command} lacks {flag}:\n{text}");
            assert!(
                !text[..global].contains(flag),
                "{command}: {flag} among its own"
            );
        }
    }
}

#[test]
fn unit_and_config_are_not_offered_where_they_mean_nothing() {
    for command in ["completions", "man", "schema"] {
        let text = help(&[command]);
        assert!(!text.contains("--unit"), "{command}:\n{text}");
        assert!(text.contains("--color"), "{command}:\n{text}");
        // `schema` lists the element ids of the config's catalogue.
        assert_eq!(
            text.contains("--config"),
            command == "schema",
            "{command}:\n{text}"
        );
    }
    // Still accepted, as before, so scripts that pass them everywhere keep working.
    let dir = tempfile::tempdir().unwrap();
    let out = cse(dir.path())
        .args(["--unit", "x", "schema"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn man_out_writes_a_page_per_command_with_every_option() {
    let dir = tempfile::tempdir().unwrap();
    let out = cse(dir.path())
        .args(["man", "--out", "pages"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let pages = dir.path().join("pages");
    let main = std::fs::read_to_string(pages.join("cse.1")).unwrap();
    let top = help(&[]);
    let commands: Vec<&str> = top
        .split("\nCommands:\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| !l.trim().is_empty())
        // Wrapped descriptions are indented further than command names.
        .filter(|l| !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 15, "{commands:?}");
    for sub in commands {
        let name = format!("cse-{sub}");
        // The main page points at each command's page, and that page exists.
        assert!(
            main.contains(&format!("{}(1)", name.replace('-', "\\-"))),
            "{name}"
        );
        let page = std::fs::read_to_string(pages.join(format!("{name}.1")))
            .unwrap_or_else(|e| panic!("{name}.1: {e}"));
        let flags: Vec<String> = help(&[sub])
            .split_whitespace()
            .filter(|w| w.starts_with("--") && w.len() > 2)
            .map(|w| {
                w.trim_end_matches(|c: char| !c.is_ascii_alphanumeric())
                    .to_owned()
            })
            .collect();
        for flag in flags {
            let roff = flag.replace('-', "\\-");
            assert!(page.contains(&roff), "{name}.1 lacks {flag}");
        }
    }
    let check = std::fs::read_to_string(pages.join("cse-check.1")).unwrap();
    for flag in [
        "\\-\\-format",
        "\\-\\-quiet",
        "\\-\\-verbose",
        "\\-\\-at",
        "\\-\\-color",
    ] {
        assert!(check.contains(flag), "cse-check.1 lacks {flag}");
    }
    // Writing again replaces the pages; a link in their place is refused.
    let again = cse(dir.path())
        .args(["man", "--out", "pages"])
        .output()
        .unwrap();
    assert!(again.status.success());
    #[cfg(unix)]
    {
        let repo = Repo::empty();
        std::fs::remove_file(pages.join("cse-check.1")).unwrap();
        std::os::unix::fs::symlink(
            repo.path().join("docs/proof.txt"),
            pages.join("cse-check.1"),
        )
        .unwrap();
        let refused = cse(dir.path())
            .args(["man", "--out", "pages"])
            .output()
            .unwrap();
        assert_eq!(refused.status.code(), Some(2));
        assert_eq!(
            std::fs::read_to_string(repo.path().join("docs/proof.txt")).unwrap(),
            "proof\n"
        );
    }
}
