//! Shell completions offer `--unit` and `--config` only to the commands they mean something
//! to: not `completions` or `man` (no repository), and `schema` takes `--config` but no unit.

use crate::common;

/// The script for `shell`.
fn script(shell: &str) -> String {
    let out = common::cse(&common::project_root())
        .args(["completions", shell])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// The options bash offers after `cse COMMAND`.
fn bash_options(script: &str, command: &str) -> Vec<String> {
    let case = format!("cse__subcmd__{command})");
    let at = script
        .find(&case)
        .unwrap_or_else(|| panic!("no case for {command}"));
    let opts = script[at..].lines().find(|l| l.contains("opts=")).unwrap();
    let list = opts.split('"').nth(1).unwrap();
    list.split_whitespace().map(str::to_owned).collect()
}

#[test]
fn bash_offers_unit_and_config_only_where_they_mean_something() {
    let bash = script("bash");
    for command in ["completions", "man"] {
        let opts = bash_options(&bash, command);
        assert!(!opts.contains(&"--unit".to_owned()), "{command}: {opts:?}");
        assert!(
            !opts.contains(&"--config".to_owned()),
            "{command}: {opts:?}"
        );
    }
    let schema = bash_options(&bash, "schema");
    assert!(!schema.contains(&"--unit".to_owned()), "{schema:?}");
    assert!(schema.contains(&"--config".to_owned()), "{schema:?}");
    for command in ["status", "check", "priorities"] {
        let opts = bash_options(&bash, command);
        assert!(opts.contains(&"--unit".to_owned()), "{command}: {opts:?}");
        assert!(opts.contains(&"--config".to_owned()), "{command}: {opts:?}");
    }
}

#[test]
fn every_shell_leaves_them_out_of_completions_and_man() {
    // fish names the command on each line it completes.
    let fish = script("fish");
    for command in ["completions", "man", "schema"] {
        let unit = format!("__fish_cse_using_subcommand {command}\" -l unit");
        assert!(!fish.contains(&unit), "fish offers --unit to {command}");
    }
    assert!(fish.contains("__fish_cse_using_subcommand status\" -l unit"));
    // elvish and powershell list each command's options in a block of its own.
    for (shell, start) in [("elvish", "&'cse;"), ("powershell", "'cse;")] {
        let text = script(shell);
        for command in ["completions", "man"] {
            let at = text
                .find(&format!("{start}{command}'"))
                .unwrap_or_else(|| panic!("{shell}: no block for {command}"));
            let block = &text[at..];
            let end = block[1..].find(start).map_or(block.len(), |e| e + 1);
            let block = &block[..end];
            assert!(!block.contains("--unit"), "{shell} {command}:\n{block}");
            assert!(!block.contains("--config"), "{shell} {command}:\n{block}");
        }
    }
    // zsh: no `--unit` line between `(completions)` and the next command's case.
    let zsh = script("zsh");
    for command in ["completions", "man"] {
        let at = zsh.find(&format!("({command})")).unwrap();
        let block = &zsh[at..];
        let end = block.find(";;").unwrap_or(block.len());
        assert!(!block[..end].contains("--unit="), "zsh {command}");
        assert!(!block[..end].contains("--config="), "zsh {command}");
    }
}
