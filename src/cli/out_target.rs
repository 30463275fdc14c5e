//! Where `--out` and `--svg` write: a file path resolved from the folder `cse` runs in (`-C`
//! included), in a folder that exists, never a symbolic link, and never one of the
//! repository's own files (its config, catalogue, git metadata, evidence, assessment records
//! or documents folder), which a mistyped path would otherwise destroy.

use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, bail};

use cse::checks::UnitCheck;

use super::args::Cli;
use super::settings::Settings;

/// What is being written, for the checks and the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Report,
    Pack,
    Export,
    Chart,
}

impl Output {
    fn flag(self) -> &'static str {
        match self {
            Output::Chart => "--svg",
            _ => "--out",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Output::Report => "report",
            Output::Pack => "pack",
            Output::Export => "export",
            Output::Chart => "chart",
        }
    }

    /// A file name to suggest.
    fn example(self) -> &'static str {
        match self {
            Output::Report => "readiness.html",
            Output::Pack => "evidence-pack.zip",
            Output::Export => "matrix.xlsx",
            Output::Chart => "readiness.svg",
        }
    }

    /// The extensions the file must have, when its kind fixes one.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Output::Pack => &["zip"],
            Output::Chart => &["svg"],
            Output::Export => &["xlsx", "csv"],
            Output::Report => &[],
        }
    }
}

/// The file to write for `out`, or why `cse` will not write there (exit 2).
pub fn resolve(cli: &Cli, settings: &Settings, out: &Path, what: Output) -> Result<PathBuf> {
    let (flag, example) = (what.flag(), what.example());
    let shown = out.display();
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let start = cli.dir.as_ref().map_or(cwd.clone(), |d| cwd.join(d));
    let path = start.join(out);
    let Some(name) = path.file_name() else {
        bail!("{flag} {shown}: give a file name, such as {example}");
    };
    let extension = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let allowed = what.extensions();
    if !allowed.is_empty() && !allowed.contains(&extension.as_str()) {
        bail!(
            "{flag} {shown}: give a file ending in .{}, such as {example}",
            allowed.join(" or .")
        );
    }
    let meta = path.symlink_metadata();
    if meta.as_ref().is_ok_and(|m| m.file_type().is_symlink()) {
        bail!(
            "{flag} {shown}: that is a symbolic link; cse writes the {} only to a plain file, so a link cannot send it over another file",
            what.noun()
        );
    }
    if meta.as_ref().is_ok_and(|m| m.is_dir()) {
        bail!("{flag} {shown}: that is a folder; give a file name, such as {example}");
    }
    let parent = path.parent().unwrap_or(Path::new("."));
    let parent = parent.canonicalize().with_context(|| {
        format!(
            "{flag} {shown}: the folder {} does not exist",
            parent.display()
        )
    })?;
    let target = parent.join(name);
    if let Some(place) = protected(settings, &target) {
        bail!(
            "{flag} {shown}: refusing to write the {} {place}\nhint: write it elsewhere, such as `{flag} {example}`",
            what.noun()
        );
    }
    Ok(target)
}

/// Refuses `target` (from [`resolve`]) when the evidence of `checks` cites it as a document,
/// or cites a folder that holds it.
pub fn refuse_cited(
    settings: &Settings,
    target: &Path,
    checks: &[UnitCheck],
    what: Output,
) -> Result<()> {
    let Ok(root) = settings.root.canonicalize() else {
        return Ok(());
    };
    let Some(relative) = target.strip_prefix(&root).ok().and_then(Path::to_str) else {
        return Ok(());
    };
    let relative = relative.replace(std::path::MAIN_SEPARATOR, "/");
    for file in checks.iter().flat_map(|c| &c.files) {
        let Some(front) = &file.front else { continue };
        for item in &front.evidence {
            let Some(cited) = item
                .path
                .as_ref()
                .and_then(|p| cse::tree::resolve(&file.path, p.value.trim()))
            else {
                continue;
            };
            let holds = relative
                .strip_prefix(&cited)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
            if holds {
                bail!(
                    "{} {}: refusing to write the {} over `{cited}`, which {} cites as evidence ({}:{})\nhint: write it elsewhere, such as `{} {}`",
                    what.flag(),
                    target.display(),
                    what.noun(),
                    file.element,
                    file.path,
                    item.path.as_ref().map_or(0, |p| p.line),
                    what.flag(),
                    what.example()
                );
            }
        }
    }
    Ok(())
}

/// What the repository keeps at `target` (a resolved path) that must not be replaced.
fn protected(settings: &Settings, target: &Path) -> Option<String> {
    let same = |p: &Path| p.canonicalize().is_ok_and(|p| p == target);
    let inside = |dir: &Path| {
        dir.canonicalize()
            .is_ok_and(|dir| target.starts_with(&dir) && target != dir)
    };
    if target
        .components()
        .any(|c| c == Component::Normal(".git".as_ref()))
    {
        return Some("inside `.git`, git's own files".into());
    }
    if let Some(config) = &settings.config.path
        && same(config)
    {
        return Some("over the config file".into());
    }
    if let Some(catalogue) = &settings.config.catalogue
        && same(&settings.root.join(&catalogue.value))
    {
        return Some("over the catalogue".into());
    }
    for unit in cse::project::units_of(&settings.config) {
        if inside(&settings.root.join(&unit.dir)) {
            return Some(format!(
                "inside the evidence folder `{}`, where it would be read as evidence",
                unit.dir
            ));
        }
    }
    let assessments = &settings.config.assessments_dir.value;
    if inside(&settings.root.join(assessments)) {
        return Some(format!("inside the assessments folder `{assessments}`"));
    }
    if let Some(documents) = &settings.config.documents_dir
        && inside(&settings.root.join(&documents.value))
    {
        return Some(format!("inside the documents folder `{}`", documents.value));
    }
    None
}
