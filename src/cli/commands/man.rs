//! `cse man`

use anyhow::{Context, Result};
use clap::CommandFactory;

use crate::cli::Outcome;
use crate::cli::args::Cli;
use crate::cli::output;

pub fn run() -> Result<Outcome> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .context("cannot render the manual page")?;
    output::emit(&String::from_utf8_lossy(&page))?;
    Ok(Outcome::Clean)
}
