//! One module per subcommand.

mod actions;
pub mod assessment;
mod check;
mod completions;
mod config;
mod gating;
mod init;
mod man;
pub mod plan;
mod priorities;
pub mod schema;
mod show;
mod status;

mod report;

pub mod diff;
pub mod docs;
pub mod due;
pub mod export;
pub mod history;
pub mod import;
pub mod next;
pub mod pack;

use anyhow::Result;

use super::Outcome;
use super::args::{Cli, Command};
use super::settings;

pub fn run(cli: Cli) -> Result<Outcome> {
    match &cli.command {
        Command::Check(args) => check::run(&cli, &settings::resolve(&cli)?, args),
        Command::Status(args) => status::run(&cli, &settings::resolve(&cli)?, args),
        Command::Priorities(args) => priorities::run(&cli, &settings::resolve(&cli)?, args),
        Command::Show(args) => show::run(&cli, &settings::resolve(&cli)?, args),
        Command::Actions(args) => actions::run(&cli, &settings::resolve(&cli)?, args),

        Command::Report(args) => report::run(&cli, &settings::resolve(&cli)?, args),

        Command::Init(args) => init::run(&cli, args),
        Command::Config => config::run(&settings::resolve(&cli)?),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
        Command::Schema(args) => schema::run(&cli, args),

        Command::History(args) => history::run(&cli, &settings::resolve(&cli)?, args),
        Command::Diff(args) => diff::run(&cli, &settings::resolve(&cli)?, args),
        Command::Docs(args) => docs::run(&cli, &settings::resolve(&cli)?, args),
        Command::Due(args) => due::run(&cli, &settings::resolve(&cli)?, args),
        Command::Next(args) => next::run(&cli, &settings::resolve(&cli)?, args),
        Command::Export(args) => export::run(&cli, &settings::resolve(&cli)?, args),
        Command::Import(args) => import::run(&cli, &settings::resolve(&cli)?, args),
        Command::Assessment(args) => assessment::run(&cli, &settings::resolve(&cli)?, args),
        Command::Plan(args) => plan::run(&cli, &settings::resolve(&cli)?, args),
        Command::Pack(args) => pack::run(&cli, args),
    }
}
