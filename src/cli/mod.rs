//! The command line: parse arguments, resolve settings, run a command, pick the exit code.

mod args;
mod commands;
mod format_args;
mod help;
mod memory;
mod out_target;
mod output;
mod settings;
mod source;
mod terminal;
mod visits;

use std::io::{IsTerminal, Write};

use cse::render::text::wrap_lines;
use std::process::ExitCode;

/// What a command found; the exit code is decided from this in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to report, or only what does not fail: exit 0.
    Clean,
    /// Findings, or a failed gate: exit 1.
    Findings,
}

pub fn main() -> ExitCode {
    memory::return_freed_memory();
    let parsed = help::command()
        .try_get_matches()
        .and_then(|m| <args::Cli as clap::FromArgMatches>::from_arg_matches(&m));
    let args = match parsed {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            // --help and --version go to stdout; a closed pipe is not an error.
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match commands::run(args) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(e) if output::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // A closed stderr must not turn an error into a panic. Errors quote file names
            // and values from the repository, so they are cleaned like any text output.
            let mut err = std::io::stderr().lock();
            // Wrapped for a person at a terminal; as written for logs and scripts.
            let fit = |text: &str, label: &str| {
                if std::io::stderr().is_terminal() {
                    wrap_lines(text, terminal::width(), label)
                } else {
                    format!("{label}{}\n", cse::render::escape::terminal(text))
                }
            };
            let _ = write!(err, "{}", fit(&format!("{e:#}"), "error: "));
            let hint = e.chain().find_map(cse::project::hint_of);
            if let Some(hint) = hint {
                let _ = write!(err, "{}", fit(&hint, "hint: "));
            }
            ExitCode::from(2)
        }
    }
}
