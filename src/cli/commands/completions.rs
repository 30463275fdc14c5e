//! `cse completions SHELL`

use anyhow::Result;

use crate::cli::Outcome;
use crate::cli::args::CompletionsArgs;
use crate::cli::output;

pub fn run(args: &CompletionsArgs) -> Result<Outcome> {
    let mut command = crate::cli::help::for_completions();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "cse", &mut script);
    output::emit(&String::from_utf8_lossy(&script))?;
    Ok(Outcome::Clean)
}
