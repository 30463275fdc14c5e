//! `cse check`

use anyhow::{Context, Result};
use cse::diagnostic::{Diagnostic, Summary};
use cse::render::diagnostics::{Detail, Emit, Github, Gitlab, Human, Json, Junit, Sarif};

use cse::render::next::first_step;

use crate::cli::Outcome;
use crate::cli::args::{CheckArgs, CheckFormat, Cli};
use crate::cli::output;
use crate::cli::settings::Settings;
use crate::cli::source;
use crate::cli::terminal;
use cse::project::Want;

pub fn run(cli: &Cli, settings: &Settings, args: &CheckArgs) -> Result<Outcome> {
    let mut checked = settings.read(args.at.rev(), Want::default())?;
    let reviewed = source::review_documents(&mut checked)?;
    let results = &checked.units;
    let mut diagnostics: Vec<Diagnostic> = results
        .iter()
        .flat_map(|r| r.diagnostics.iter().cloned())
        .collect();
    let mut files = results.iter().map(|r| r.files_checked).sum();
    // The assessor's records are read from the working tree only.
    if checked.commit.is_none() {
        let dir = &settings.config.assessments_dir.value;
        let loaded = cse::assessment::load_dir(&settings.root, dir, &settings.catalogue)
            .with_context(|| format!("cannot read the assessments folder `{dir}`"))?;
        diagnostics.extend(loaded.diagnostics);
        files += loaded.files;
    }
    let summary = Summary::of(&diagnostics, files);
    let emitter: Box<dyn Emit> = match args.format {
        CheckFormat::Human => Box::new(Human {
            color: output::use_color(cli.color),
            width: terminal::terminal(cli.color).width,
            detail: match (args.quiet, args.verbose) {
                (true, _) => Detail::Quiet,
                (_, true) => Detail::All,
                _ => Detail::Folded,
            },
        }),
        CheckFormat::Json => Box::new(Json),
        CheckFormat::Github => Box::new(Github),
        CheckFormat::Junit => Box::new(Junit),
        CheckFormat::Sarif => Box::new(Sarif),
        CheckFormat::Gitlab => Box::new(Gitlab),
    };
    if let (Some(commit), CheckFormat::Human) = (&checked.commit, args.format) {
        output::emit(&format!("{}\n\n", source::describe(commit)))?;
    }
    output::emit_with(|out| emitter.emit(&diagnostics, &summary, out))?;
    if args.format == CheckFormat::Human && !args.quiet {
        let documents = reviewed.as_ref().map_or(&[][..], |r| &r.documents[..]);
        let queue = super::next::queue(&checked, documents, None, Some(1));
        // Errors in no element's evidence are not in the queue, so not in its first item.
        let in_queue: usize = results
            .iter()
            .flat_map(|u| u.elements.iter())
            .map(|e| if e.file.is_some() { e.errors } else { 0 })
            .sum();
        let other_errors = summary.errors.saturating_sub(in_queue);
        let term = terminal::terminal(cli.color);
        if let Some(step) = first_step(&queue, other_errors, &term) {
            output::emit(&format!("\n{step}"))?;
        }
    }
    if let Some(why) = reviewed.and_then(|r| r.skipped) {
        source::note_skipped(&why);
    }
    let failed = summary.errors > 0 || (args.deny_warnings && summary.warnings > 0);
    Ok(if failed {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
