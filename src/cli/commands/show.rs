//! `cse show ELEMENT`

use anyhow::Result;
use cse::render;
use cse::views::element;

use super::check::check_all;
use crate::cli::Outcome;
use crate::cli::args::{Cli, ShowArgs};
use crate::cli::settings::Settings;
use crate::cli::{output, terminal};

/// Clean whatever the element's state; an unknown id is an error (exit 2).
pub fn run(cli: &Cli, settings: &Settings, args: &ShowArgs) -> Result<Outcome> {
    let found = element::lookup(&settings.catalogue, &args.element)?;
    let checks = check_all(settings)?;
    let tree = settings.tree()?;
    let view = element::build(&settings.catalogue, found, &checks, &tree, settings.today);
    let term = terminal::terminal(cli.color);
    output::emit(&render::element::render(&view, &term))?;
    Ok(Outcome::Clean)
}
