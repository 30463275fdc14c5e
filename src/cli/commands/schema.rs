//! `cse schema`

use anyhow::Result;
use cse::catalogue::Catalogue;

use crate::cli::Outcome;
use crate::cli::args::Cli;
use crate::cli::output;
use crate::cli::settings;

pub fn run(cli: &Cli) -> Result<Outcome> {
    // The catalogue in force lists the element ids; outside a repository, the built-in one.
    let catalogue = match cse::project::find_root(&settings::start_dir(cli)?) {
        Some(_) => settings::resolve(cli)?.catalogue,
        None if cli.config_file.is_some() => settings::resolve(cli)?.catalogue,
        None => Catalogue::builtin()?,
    };
    let schema = cse::schema::front_matter(&catalogue);
    output::emit(&format!("{}\n", serde_json::to_string_pretty(&schema)?))?;
    Ok(Outcome::Clean)
}
