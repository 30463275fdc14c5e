//! `cse schema`

use anyhow::Result;
use cse::catalogue::Catalogue;

use crate::cli::Outcome;
use crate::cli::args::{Cli, SchemaArgs};
use crate::cli::output;
use crate::cli::settings;

pub fn run(cli: &Cli, args: &SchemaArgs) -> Result<Outcome> {
    if args.manifest {
        let schema = cse::pack::manifest::schema();
        output::emit(&format!("{}\n", serde_json::to_string_pretty(&schema)?))?;
        return Ok(Outcome::Clean);
    }
    // The catalogue in force lists the element ids; outside a repository, the built-in one.
    let catalogue = match cse::project::find_root(&settings::start_dir(cli)?) {
        Some(_) => settings::resolve(cli)?.catalogue,
        None if cli.config_file.is_some() => settings::resolve(cli)?.catalogue,
        None => Catalogue::builtin()?,
    };
    let schema = if args.assessment {
        cse::schema::assessment(&catalogue)
    } else {
        cse::schema::front_matter(&catalogue)
    };
    output::emit(&format!("{}\n", serde_json::to_string_pretty(&schema)?))?;
    Ok(Outcome::Clean)
}
