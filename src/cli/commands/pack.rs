//! `cse pack`: write the evidence pack for an assessor, or verify one.

use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Args;
use cse::pack::archive::{self, CommitFiles, Source, WorkingTree};
use cse::pack::verify::{self, NotAPack};
use cse::pack::{CommitInfo, Inputs, Plan, ProblemKind};
use cse::project::Git;
use cse::render;
use cse::render::escape::terminal as clean;
use cse::render::pack::PackPages;
use cse::render::text::plural;
use cse::tree::PathState;
use cse::tree::Tree;

use crate::cli::Outcome;
use crate::cli::args::Cli;
use crate::cli::out_target::{self, Output};
use crate::cli::output;
use crate::cli::settings;

type Probe<'a> = Box<dyn Fn(&str) -> PathState + 'a>;
type FilesUnder<'a> = Box<dyn Fn(&str) -> Vec<String> + 'a>;

#[derive(Debug, Args)]
pub struct PackArgs {
    /// Where to write the pack, a zip file. Never inside an evidence folder.
    #[arg(
        long,
        value_name = "FILE.zip",
        required_unless_present = "verify",
        conflicts_with = "verify"
    )]
    pub out: Option<PathBuf>,

    /// Check a pack against its manifest instead: exit 0 when intact, 1 listing each altered,
    /// missing or extra file, 2 when the file is not a pack.
    #[arg(long, value_name = "FILE.zip")]
    pub verify: Option<PathBuf>,

    /// Write the pack even though the privacy check finds what looks like personal data.
    #[arg(long)]
    pub allow_personal_data: bool,

    #[command(flatten)]
    pub at: crate::cli::source::AtArg,
}

pub fn run(cli: &Cli, args: &PackArgs) -> Result<Outcome> {
    if let Some(pack) = &args.verify {
        return verify_pack(&settings::start_dir(cli)?.join(pack), pack);
    }
    let settings = settings::resolve(cli)?;
    let Some(out) = &args.out else {
        bail!("give --out FILE.zip, or --verify FILE.zip");
    };
    let target = out_target::resolve(cli, &settings, out, Output::Pack)?;
    let (evidence, report) = super::report::read(&settings, args.at.rev())?;
    let project = &evidence.project;
    let checks = &evidence.units;
    out_target::refuse_cited(&settings, &target, checks, Output::Pack)?;
    // Where the files come from: the working tree, or the commit read.
    let (git, working);
    let (probe, files_under, source): (Probe<'_>, FilesUnder<'_>, Box<dyn Source + '_>) =
        match &evidence.commit {
            None => {
                let tree = settings.tree()?;
                working = WorkingTree::new(&settings.root)
                    .with_context(|| format!("cannot open {}", settings.root.display()))?;
                let files = &working;
                (
                    Box::new(move |path| tree.probe(path)),
                    Box::new(move |dir| files.files_under(dir)),
                    Box::new(files),
                )
            }
            Some(commit) => {
                git = Git::open(&settings.root)?;
                let tree = git.tree_at(commit)?;
                let (repo, id) = (&git.repo, commit.id.clone());
                (
                    Box::new(move |path| tree.probe(path)),
                    Box::new(move |dir| repo.files_under(&id, dir).unwrap_or_default()),
                    Box::new(CommitFiles::new(&git.repo, &commit.id)),
                )
            }
        };
    let plan = Plan::build(Inputs {
        config: &project.config,
        checks,
        generated: report.meta.date,
        readiness: &report.readiness,
        commit: evidence.commit.as_ref().map(|c| CommitInfo {
            id: c.id.clone(),
            date: c.date,
            subject: c.subject.clone(),
        }),
        probe: &*probe,
        files_under: &*files_under,
    });

    for p in &plan.problems {
        let what = match p.kind {
            ProblemKind::Missing => "does not exist",
            ProblemKind::Outside => "leads outside the repository",
        };
        eprintln!(
            "{}:{}:{}: the cited document `{}` {what}",
            clean(&p.file),
            p.line,
            p.column,
            clean(&p.cited)
        );
    }
    let personal = !args.allow_personal_data && !plan.personal_data.is_empty();
    if personal {
        for (file, line, column, message) in &plan.personal_data {
            eprintln!("{}:{line}:{column}: {}", clean(file), clean(message));
        }
    }
    if personal || !plan.problems.is_empty() {
        eprintln!("{}", refusal(!plan.problems.is_empty(), personal));
        return Ok(Outcome::Findings);
    }

    let pages = PackPages {
        plan: &plan,
        report: &report,
        catalogue: &project.catalogue,
    };
    let allowed = project.check_options().privacy;
    let written = write_safely(&settings.root, &target, |file| {
        let written = archive::write(BufWriter::new(file), &plan, &pages, &*source, &allowed)?;
        Ok(args.allow_personal_data || written.findings.is_empty()).map(|keep| (keep, written))
    })
    .with_context(|| format!("cannot write the pack to {}", target.display()))?;
    if !args.allow_personal_data && !written.findings.is_empty() {
        for f in &written.findings {
            eprintln!(
                "{}:{}:{}: this document has what looks like {}",
                clean(&f.path),
                f.finding.line,
                f.finding.column,
                f.finding.kind.label()
            );
        }
        eprintln!("{}", refusal(false, true));
        return Ok(Outcome::Findings);
    }
    let documents = plan
        .copies
        .iter()
        .filter(|c| c.entry.starts_with("documents/"))
        .count();
    let withheld = match plan.withheld.len() {
        0 => "Nothing withheld.".to_owned(),
        1 => "1 cited file withheld (listed in manifest.json).".to_owned(),
        n => format!("{n} cited files withheld (listed in manifest.json)."),
    };
    eprintln!(
        "Wrote {}: {}, {}, {}, the report and the manifest ({}).\n{withheld}\nCheck it later with: cse pack --verify {}",
        out.display(),
        plural(project.catalogue.element_ids().count(), "element page"),
        plural(plan.copies.len() - documents, "evidence file"),
        plural(documents, "document"),
        plural(written.files.len() + 2, "file"),
        out.display()
    );
    Ok(Outcome::Clean)
}

/// Why the pack was not written, and what to do.
fn refusal(problems: bool, personal: bool) -> String {
    let mut reasons = Vec::new();
    if problems {
        reasons.push("fix or remove the cited documents above");
    }
    if personal {
        reasons.push(
            "remove the personal data above, mark a document `internal: true`, or pack anyway with --allow-personal-data",
        );
    }
    format!("The pack was not written: {}.", reasons.join("; "))
}

/// Writes through `write` to a temporary file beside `target` (the shared safe write), then
/// moves it into place when `write` says to keep it; otherwise the temporary file is removed
/// and `target` is left as it was.
fn write_safely<T>(
    root: &Path,
    target: &Path,
    write: impl FnOnce(&mut File) -> std::io::Result<(bool, T)>,
) -> Result<T> {
    let mut value = None;
    let mut kept = true;
    let written = cse::safe_write::write_with(root, target, |file| {
        let (keep, v) = write(file)?;
        value = Some(v);
        kept = keep;
        if keep {
            Ok(())
        } else {
            Err(std::io::Error::other("not kept"))
        }
    });
    match (written, value) {
        (Ok(()), Some(v)) => Ok(v),
        (Err(_), Some(v)) if !kept => Ok(v),
        (Err(e), _) => Err(e.into()),
        (Ok(()), None) => bail!("the pack was not written"),
    }
}

/// Verifies the pack at `path`, named `shown` as the user gave it.
fn verify_pack(path: &Path, shown: &Path) -> Result<Outcome> {
    // A pipe or a device would be read, or waited on, without end.
    let meta =
        std::fs::metadata(path).with_context(|| format!("cannot open {}", path.display()))?;
    if !meta.is_file() {
        bail!(
            "{} is not an evidence pack: it is not a file",
            path.display()
        );
    }
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let result = match verify::verify(BufReader::new(file), render::pack::csv) {
        Ok(v) => v,
        Err(NotAPack::Io(e)) => {
            return Err(e).with_context(|| format!("cannot read {}", path.display()));
        }
        Err(e) => bail!("{} is not an evidence pack: {e}", path.display()),
    };
    output::emit(&render::pack::verification(
        &shown.display().to_string(),
        &result,
    ))?;
    if result.differences.is_empty() {
        return Ok(Outcome::Clean);
    }
    Ok(Outcome::Findings)
}
