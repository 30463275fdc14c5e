//! `cse check`

use anyhow::{Context, Result};
use cse::diagnostic::{Diagnostic, Summary};
use cse::render::diagnostics::{
    Detail, Emit, Github, Gitlab, Human, Json, Junit, Sarif, next_step,
};

use crate::cli::Outcome;
use crate::cli::args::{CheckArgs, CheckFormat, Cli};
use crate::cli::output;
use crate::cli::settings::Settings;
use crate::cli::source;
use cse::project::Want;

pub fn run(cli: &Cli, settings: &Settings, args: &CheckArgs) -> Result<Outcome> {
    let mut checked = settings.read(args.at.rev(), Want::default())?;
    // A commit's documents are not compared: their history is the working tree's.
    let skipped = match checked.commit {
        None => source::review_documents(&checked.project, &mut checked.units)?.skipped,
        Some(_) => None,
    };
    let results = checked.units;
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
    if args.format == CheckFormat::Human
        && !args.quiet
        && let Some(step) = next_step(&diagnostics)
    {
        output::emit(&format!("\n{step}\n"))?;
    }
    if let Some(why) = &skipped {
        source::note_skipped(why);
    }
    let failed = summary.errors > 0 || (args.deny_warnings && summary.warnings > 0);
    Ok(if failed {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
