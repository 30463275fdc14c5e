//! The clap command as `cse` shows it: each command's own options first, then the global
//! ones under their own heading, and `--unit`/`--config` left out where they mean nothing.

use clap::CommandFactory;

use super::args::Cli;

/// Commands that read no repository: `--unit` and `--config` mean nothing to them.
const WITHOUT_REPOSITORY: &[&str] = &["completions", "man"];
/// Commands that read the config (for its catalogue) but no unit.
const WITHOUT_UNITS: &[&str] = &["schema"];

/// The command used to parse, and for help, completions and manual pages.
pub fn command() -> clap::Command {
    let mut cmd = Cli::command();
    // A subcommand's own argument of the same id is not overwritten by the global one:
    // give those commands hidden copies, still accepted but never offered.
    let hidden: Vec<clap::Arg> = cmd
        .get_arguments()
        .filter(|a| ["unit", "config_file"].contains(&a.get_id().as_str()))
        .map(|a| a.clone().hide(true))
        .collect();
    for name in WITHOUT_REPOSITORY {
        cmd = cmd.mut_subcommand(name, |sub| sub.args(hidden.iter().cloned()));
    }
    let unit = hidden.iter().filter(|a| a.get_id() == "unit");
    for name in WITHOUT_UNITS {
        cmd = cmd.mut_subcommand(name, |sub| sub.args(unit.clone().cloned()));
    }
    cmd
}

/// The command shell completions are made from: `--unit` and `--config` are offered only to
/// the commands that use them (a hidden argument is still offered by every generator, and a
/// global one reaches every command).
pub fn for_completions() -> clap::Command {
    let mut cmd = Cli::command();
    for id in ["unit", "config_file"] {
        let Some(arg) = cmd.get_arguments().find(|a| a.get_id() == id).cloned() else {
            continue;
        };
        let arg = arg.global(false);
        cmd = cmd.mut_arg(id, |a| a.global(false));
        let skip = |name: &str| {
            WITHOUT_REPOSITORY.contains(&name) || (id == "unit" && WITHOUT_UNITS.contains(&name))
        };
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_owned())
            .filter(|name| !skip(name))
            .collect();
        for name in names {
            cmd = cmd.mut_subcommand(name, |sub| {
                if sub.get_arguments().any(|a| a.get_id() == id) {
                    sub
                } else {
                    sub.arg(arg.clone())
                }
            });
        }
    }
    cmd
}
