//! `cse init`: plan the files of a new repository, write the missing ones, `git init`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use cse::catalogue::Catalogue;
use cse::checks::element_of_path;
use cse::config::{self, Config, Setting};
use cse::render::escape::terminal;
use cse::scaffold::{self, FileResult, Role, Written};
use cse::tree::{FsTree, Tree};

use crate::cli::Outcome;
use crate::cli::args::{Cli, InitArgs};
use crate::cli::output;
use crate::cli::settings::{self, folder_in, load_catalogue, shown};

/// Evidence files listed one by one in the summary up to this many; beyond, a count.
const LIST_LIMIT: usize = 10;

/// What happened about git.
enum GitStep {
    AlreadyRepository,
    Initialised,
    NotInstalled,
    Failed(String),
}

pub fn run(cli: &Cli, args: &InitArgs) -> Result<Outcome> {
    let start = settings::start_dir(cli)?;
    let target = start.join(&args.target);
    if target.exists() && !target.is_dir() {
        bail!("{}: not a folder", shown(&target).display());
    }
    std::fs::create_dir_all(&target)
        .with_context(|| format!("cannot create the folder {}", shown(&target).display()))?;
    let target = std::fs::canonicalize(&target)
        .with_context(|| format!("cannot open the folder {}", shown(&target).display()))?;

    // A cse.toml that is already there decides the evidence folders and the catalogue.
    let config = match &cli.config_file {
        Some(file) => {
            let file = start.join(file);
            let base = file.parent().and_then(|dir| folder_in(&target, dir));
            Config::load_in(&shown(&file), base.as_deref())?
        }
        None => {
            let existing = target.join(config::FILE_NAME);
            if existing.symlink_metadata().is_ok() {
                Config::load(&shown(&existing))?
            } else {
                Config::default()
            }
        }
    };
    let (catalogue, catalogue_setting) = match &args.catalogue {
        Some(file) => {
            let file = start.join(file);
            let setting = Setting {
                value: shown(&file),
                origin: config::Origin::Default,
            };
            let catalogue = load_catalogue(Some(&setting))?;
            (catalogue, Some(path_setting(&target, &file)))
        }
        None => (load_catalogue(config.catalogue.as_ref())?, None),
    };

    let evidence_dirs: Vec<String> = if config.units.value.is_empty() {
        vec![config.evidence_dir.value.clone()]
    } else {
        config.units.value.values().cloned().collect()
    };
    let options = scaffold::Options {
        existing_evidence: existing_evidence(&target, &evidence_dirs, &catalogue)?,
        readme_dir: scaffold::common_folder(&evidence_dirs),
        evidence_dirs,
        catalogue_setting,
    };
    let plan = scaffold::plan(&catalogue, &options)?;
    let in_git = settings::git_root(&target).is_some();
    let results = scaffold::write(&target, &plan)
        .context("cannot set up the repository; nothing was written")?;
    let git = if in_git {
        GitStep::AlreadyRepository
    } else {
        git_init(&target)
    };

    let mut notes = Vec::new();
    if let (Some(wanted), Some(config_path)) = (&options.catalogue_setting, &config.path) {
        let named = config
            .catalogue
            .as_ref()
            .map(|s| s.value.display().to_string());
        notes.push(format!(
            "{} was already there and was left alone: it names {}, not {wanted}. Set `catalogue = \"{wanted}\"` in it to check against the catalogue you scaffolded from.",
            config_path.display(),
            named.as_deref().unwrap_or("no catalogue (so the built-in one)")
        ));
    }
    output::emit_with(|out| summary(&target, args, &plan, &results, &git, &notes, out))?;

    let failed = results
        .iter()
        .filter(|r| matches!(r.written, Written::Failed(_)))
        .count();
    if failed > 0 {
        bail!("{failed} file(s) could not be written; see the list above");
    }
    if let GitStep::Failed(why) = &git {
        bail!("`git init` failed: {why}");
    }
    Ok(Outcome::Clean)
}

/// The catalogue as written in the new cse.toml: relative to it when inside the repository.
fn path_setting(target: &Path, file: &Path) -> String {
    let file = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_owned());
    match file.strip_prefix(target) {
        Ok(rel) => rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/"),
        Err(_) => file.display().to_string(),
    }
}

/// Evidence already in each folder, by (folder, element), so no element gets a second file.
fn existing_evidence(
    root: &Path,
    dirs: &[String],
    catalogue: &Catalogue,
) -> Result<BTreeMap<(String, String), String>> {
    let mut found = BTreeMap::new();
    let tree = FsTree::new(root).with_context(|| format!("cannot open {}", root.display()))?;
    for dir in dirs {
        if !root.join(dir).is_dir() {
            continue;
        }
        for listed in tree.list(dir)? {
            let element = element_of_path(&listed.path);
            if catalogue.contains(element) {
                found
                    .entry((dir.clone(), element.to_owned()))
                    .or_insert(listed.path.clone());
            }
        }
    }
    Ok(found)
}

/// Runs `git init` in `dir`. Git's own output is kept back unless it fails.
fn git_init(dir: &Path) -> GitStep {
    match cse::git::init(dir) {
        Ok(()) => GitStep::Initialised,
        Err(cse::git::GitError::NotInstalled) => GitStep::NotInstalled,
        Err(e) => GitStep::Failed(e.to_string()),
    }
}

fn summary(
    target: &Path,
    args: &InitArgs,
    plan: &scaffold::Plan,
    results: &[FileResult<'_>],
    git: &GitStep,
    notes: &[String],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let changed = results.iter().any(|r| r.written == Written::Created)
        || matches!(git, GitStep::Initialised);
    if changed {
        write!(
            out,
            "Set up a CSE evidence repository in {}\n\n",
            terminal(&target.display().to_string())
        )?;
    } else {
        write!(
            out,
            "Nothing changed in {}: everything `cse init` writes is already there.\n\n",
            terminal(&target.display().to_string())
        )?;
    }
    // Paths and notes come from the repository and the command line: cleaned for the terminal.
    let line = |out: &mut dyn Write, word: &str, text: &str| {
        writeln!(out, "  {word:<8} {}", terminal(text))
    };

    // Evidence files, folder by folder: counted, not listed, when there are many.
    let mut dirs: Vec<&str> = Vec::new();
    for r in results.iter().filter(|r| r.file.role == Role::Evidence) {
        let dir = parent(&r.file.path);
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    for dir in dirs {
        let in_dir: Vec<&FileResult<'_>> = results
            .iter()
            .filter(|r| r.file.role == Role::Evidence && parent(&r.file.path) == dir)
            .collect();
        let new = in_dir
            .iter()
            .filter(|r| r.written == Written::Created)
            .count();
        if new > 0 {
            line(
                out,
                "created",
                &format!(
                    "{new} evidence file{} in {dir}/, one per element, all not-assessed",
                    plural(new)
                ),
            )?;
        }
        let kept: Vec<&&FileResult<'_>> = in_dir
            .iter()
            .filter(|r| r.written == Written::Existed)
            .collect();
        if kept.len() > LIST_LIMIT {
            line(
                out,
                "exists",
                &format!(
                    "{} evidence files in {dir}/ were already there and are unchanged",
                    kept.len()
                ),
            )?;
        } else {
            for r in kept {
                line(out, "exists", &format!("{} (unchanged)", r.file.path))?;
            }
        }
    }
    for c in &plan.covered {
        line(
            out,
            "exists",
            &format!(
                "{} has evidence in {}, so {} was not created",
                c.element, c.existing, c.planned
            ),
        )?;
    }
    for r in results.iter().filter(|r| r.file.role != Role::Evidence) {
        match &r.written {
            Written::Created => line(out, "created", &r.file.path)?,
            Written::Existed => line(out, "exists", &format!("{} (unchanged)", r.file.path))?,
            Written::Failed(_) => {}
        }
    }
    for r in results {
        if let Written::Failed(why) = &r.written {
            line(out, "FAILED", &format!("{}: {why}", r.file.path))?;
        }
    }
    match git {
        GitStep::AlreadyRepository => line(out, "git", "already a git repository")?,
        GitStep::Initialised => line(out, "git", "ran `git init`")?,
        GitStep::NotInstalled => line(
            out,
            "git",
            "git is not installed, so `git init` was skipped: install git, then run `git init` here",
        )?,
        GitStep::Failed(_) => line(out, "git", "`git init` failed (see below)")?,
    }
    for note in notes {
        writeln!(out, "\nnote: {}", terminal(note))?;
    }

    if changed {
        // A file just written, else one that was there; never one that failed.
        let evidence = |written: Written| {
            results
                .iter()
                .find(move |r| r.file.role == Role::Evidence && r.written == written)
        };
        let first = evidence(Written::Created)
            .or_else(|| evidence(Written::Existed))
            .map(|r| r.file.path.as_str());
        writeln!(out, "\nNext steps:")?;
        let mut step = 1;
        if args.target != Path::new(".") {
            writeln!(
                out,
                "  {step}. cd {}",
                shell_word(&args.target.display().to_string())
            )?;
            step += 1;
        }
        if let Some(first) = first {
            writeln!(
                out,
                "  {step}. Open {first}: say how you meet the element, list the proof, set the status."
            )?;
            step += 1;
        }
        writeln!(
            out,
            "  {step}. cse check     finds mistakes, with file and line (not-assessed elements are only warnings)"
        )?;
        writeln!(
            out,
            "  {}. cse status    shows readiness per criterion",
            step + 1
        )?;
        writeln!(
            out,
            "  {}. pre-commit install   checks the evidence before every commit (see .pre-commit-config.yaml)",
            step + 2
        )?;
    }
    Ok(())
}

fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or(".", |(dir, _)| dir)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A path quoted for a POSIX shell when it needs it.
fn shell_word(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_alphanumeric() || "/._-+:@".contains(c))
    {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}
