//! `cse man`: the manual page, or with `--out DIR` a page per command.

use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::args::ManArgs;
use crate::cli::output;
use crate::cli::{Outcome, help};

fn render(command: clap::Command) -> Result<Vec<u8>> {
    let mut page = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut page)
        .context("cannot render the manual page")?;
    Ok(page)
}

/// `cse.1`, then `cse-<command>.1` for each command, each with every option it takes.
fn pages(command: &clap::Command) -> Result<Vec<(String, Vec<u8>)>> {
    let mut out = vec![("cse.1".to_owned(), render(command.clone())?)];
    for sub in command
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        let name = format!("{}-{}", command.get_name(), sub.get_name());
        let page = render(sub.clone().name(name.clone()).display_name(name.clone()))?;
        out.push((format!("{name}.1"), page));
    }
    Ok(out)
}

fn write_pages(dir: &Path, pages: &[(String, Vec<u8>)]) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for (file, page) in pages {
        let path = dir.join(file);
        // The shared safe write: only ever replaces a regular file, never a link out of `dir`.
        cse::safe_write::write_file(dir, &path, page)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

pub fn run(args: &ManArgs) -> Result<Outcome> {
    let command = help::command();
    match &args.out {
        None => output::emit(&String::from_utf8_lossy(&render(command)?))?,
        Some(dir) => {
            let mut command = command;
            // Built, so each command's page lists the global options it takes.
            command.build();
            let pages = pages(&command)?;
            write_pages(dir, &pages)?;
            let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
            output::emit(&format!(
                "Wrote {} manual pages to {}: {}\n",
                pages.len(),
                dir.display(),
                names.join(", ")
            ))?;
        }
    }
    Ok(Outcome::Clean)
}
