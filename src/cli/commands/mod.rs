//! One module per subcommand.

mod check;
pub mod diff;
pub mod history;

use anyhow::Result;

use super::Outcome;
use super::args::{Cli, Command};
use super::settings::Settings;

pub fn run(cli: Cli) -> Result<Outcome> {
    match &cli.command {
        Command::Check(args) => check::run(&cli, &Settings::resolve(&cli)?, args),
        Command::History(args) => history::run(&Settings::resolve(&cli)?, args),
        Command::Diff(args) => diff::run(&cli, &Settings::resolve(&cli)?, args),
    }
}
