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
