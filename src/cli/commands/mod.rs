//! One module per subcommand.

mod check;
mod report;

use anyhow::Result;

use super::Outcome;
use super::args::{Cli, Command};
use super::settings::Settings;

pub fn run(cli: Cli) -> Result<Outcome> {
    match &cli.command {
        Command::Check(args) => check::run(&cli, &Settings::resolve(&cli)?, args),
        Command::Report(args) => report::run(&cli, &Settings::resolve(&cli)?, args),
    }
}
