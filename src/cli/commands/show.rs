//! `cse show ELEMENT`

use anyhow::Result;
use cse::project::{Evidence, Git, Want};
use cse::render;
use cse::tree::Tree;
use cse::views::element;

use crate::cli::Outcome;
use crate::cli::args::{Cli, ShowArgs};
use crate::cli::settings::Settings;
use crate::cli::{output, source, terminal};

/// Clean whatever the element's state; an unknown id is an error (exit 2).
pub fn run(cli: &Cli, settings: &Settings, args: &ShowArgs) -> Result<Outcome> {
    match args.at.rev() {
        None => {
            let evidence = settings.read(None, Want::default())?;
            show(cli, args, &evidence, &settings.tree()?)
        }
        Some(rev) => {
            // Evidence paths are probed in the commit's tree, not the working tree.
            let git = Git::open(&settings.root)?;
            let commit = git.repo.resolve(rev)?;
            let tree = git.tree_at(&commit)?;
            let evidence = settings.read_commit(&git, commit, Want::default())?;
            show(cli, args, &evidence, &tree)
        }
    }
}

fn show(cli: &Cli, args: &ShowArgs, evidence: &Evidence, tree: &dyn Tree) -> Result<Outcome> {
    let project = &evidence.project;
    let found = element::lookup(&project.catalogue, &args.element)?;
    let view = element::build(
        &project.catalogue,
        found,
        &evidence.units,
        tree,
        project.today,
    );
    if let Some(commit) = &evidence.commit {
        output::emit(&format!("{}\n\n", source::describe(commit)))?;
    }
    let term = terminal::terminal(cli.color);
    output::emit_with(|out| render::element::write(&view, &term, out))?;
    Ok(Outcome::Clean)
}
