//! `cse check`: every rule over one unit's evidence folder. One module per rule.

mod actions;
mod cache;
mod coverage;
mod element;
mod items;
mod links;
mod review;

use std::sync::Arc;

use jiff::civil::Date;

use crate::catalogue::Catalogue;
use crate::diagnostic::{self, Code, Diagnostic};
use crate::evidence::{self, Decoded, EvidenceFile, FrontMatter, Status};
use crate::glob::Glob;
use crate::parallel;
use crate::tree::{Listed, ReadError, Tree, TreeError};

pub use cache::FileCache;

/// When each file last changed, from version control. The staleness check uses it for
/// files without a `reviewed` date.
pub trait LastChanged: Send + Sync + std::fmt::Debug {
    /// The date of the last commit that changed `path` (repository-relative), if known.
    fn last_changed(&self, path: &str) -> Option<Date>;
}

impl LastChanged for std::collections::HashMap<String, Date> {
    fn last_changed(&self, path: &str) -> Option<Date> {
        self.get(path).copied()
    }
}

/// Settings that change what the checks find.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// The date "today" for staleness and overdue actions.
    pub today: Date,
    /// How old `reviewed` may be before a warning.
    pub review_max_age: jiff::Span,
    pub max_file_bytes: u64,
    /// Files under the evidence folder to skip.
    pub ignore: Vec<Glob>,
    /// Keep each file's markdown body (for reports).
    pub keep_bodies: bool,
    /// Last-change dates standing in for a missing `reviewed` date; `None` when unknown.
    pub last_changed: Option<Arc<dyn LastChanged>>,
}

impl CheckOptions {
    pub fn new(today: Date) -> CheckOptions {
        CheckOptions {
            today,
            review_max_age: jiff::Span::new().months(12),
            max_file_bytes: crate::tree::MAX_FILE_BYTES,
            ignore: Vec::new(),
            keep_bodies: false,
            last_changed: None,
        }
    }
}

/// A set of evidence files covering the catalogue once: a library service, say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// `None` when the repository has a single unit.
    pub name: Option<String>,
    /// Repository-relative folder.
    pub dir: String,
}

/// What an element's evidence says, for readiness counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ElementStatus {
    /// No evidence file.
    Missing,
    /// The front matter (or its status) cannot be read.
    Invalid,
    Rated(Status),
}

impl ElementStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ElementStatus::Missing => "missing",
            ElementStatus::Invalid => "invalid",
            ElementStatus::Rated(s) => s.as_str(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementState {
    pub id: String,
    /// Index into [`UnitCheck::files`].
    pub file: Option<usize>,
    pub status: ElementStatus,
    /// Errors reported against this element's file(s).
    pub errors: usize,
}

impl ElementState {
    /// Ready: a file with no errors and a compliant or compliance-plus status.
    pub fn is_ready(&self) -> bool {
        self.errors == 0 && matches!(self.status, ElementStatus::Rated(s) if s.is_ready())
    }
}

/// Everything `check` learned about one unit.
#[derive(Debug, Clone)]
pub struct UnitCheck {
    pub unit: Unit,
    pub files: Vec<EvidenceFile>,
    /// One per catalogue element, in catalogue order.
    pub elements: Vec<ElementState>,
    /// Sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were looked at.
    pub files_checked: usize,
}

impl UnitCheck {
    pub fn element(&self, id: &str) -> Option<&ElementState> {
        self.elements.iter().find(|e| e.id == id)
    }

    pub fn file_of(&self, id: &str) -> Option<&EvidenceFile> {
        self.element(id)?.file.map(|i| &self.files[i])
    }
}

/// What the per-file rules need to know about the file in hand.
pub(crate) struct FileContext<'a> {
    pub path: &'a str,
    pub text: &'a str,
    /// The element named by the file, when the catalogue knows it.
    pub element: Option<&'a str>,
    pub front: &'a FrontMatter,
    pub body: &'a str,
    pub body_line: u32,
    pub tree: &'a dyn Tree,
    pub options: &'a CheckOptions,
}

/// Checks one unit's folder against the catalogue.
pub fn check_unit(
    catalogue: &Catalogue,
    tree: &dyn Tree,
    unit: &Unit,
    options: &CheckOptions,
) -> Result<UnitCheck, TreeError> {
    check_unit_cached(catalogue, tree, unit, options, None)
}

/// [`check_unit`], reusing per-file results from `cache` for files the tree says are
/// unchanged ([`Tree::content_id`]). The cache must only ever see one catalogue and options.
pub fn check_unit_cached(
    catalogue: &Catalogue,
    tree: &dyn Tree,
    unit: &Unit,
    options: &CheckOptions,
    cache: Option<&FileCache>,
) -> Result<UnitCheck, TreeError> {
    let listed = list(tree, unit, options)?;
    let results = match cache {
        None => parallel::map(&listed, |l| check_file(catalogue, tree, l, options)),
        Some(cache) => file_results(catalogue, tree, &listed, options, cache)
            .into_iter()
            .map(Arc::unwrap_or_clone)
            .collect(),
    };
    let files_checked = listed.len();

    let mut files = Vec::with_capacity(results.len());
    let mut diagnostics = Vec::new();
    for (file, diags) in results {
        files.push(file);
        diagnostics.extend(diags);
    }
    let refs: Vec<&EvidenceFile> = files.iter().collect();
    diagnostics.extend(coverage::check(catalogue, &refs));
    let elements = element_states(catalogue, &refs, &diagnostics.iter().collect::<Vec<_>>());
    for d in &mut diagnostics {
        d.unit.clone_from(&unit.name);
    }
    diagnostic::sort(&mut diagnostics);
    Ok(UnitCheck {
        unit: unit.clone(),
        files,
        elements,
        diagnostics,
        files_checked,
    })
}

/// What [`check_unit`] finds about each element of a unit, and how many errors, without
/// keeping the files or the diagnostics: for walking many commits, which needs only figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitStates {
    /// One per catalogue element, in catalogue order, as in [`UnitCheck::elements`].
    pub elements: Vec<ElementState>,
    pub errors: usize,
    pub files_checked: usize,
}

/// [`UnitStates`] of a unit: the same per-file checks and the same tally as
/// [`check_unit_cached`], sharing the cached per-file results instead of copying them.
pub fn unit_states(
    catalogue: &Catalogue,
    tree: &dyn Tree,
    unit: &Unit,
    options: &CheckOptions,
    cache: &FileCache,
) -> Result<UnitStates, TreeError> {
    let listed = list(tree, unit, options)?;
    let results = file_results(catalogue, tree, &listed, options, cache);
    let files: Vec<&EvidenceFile> = results.iter().map(|r| &r.0).collect();
    let coverage = coverage::check(catalogue, &files);
    let diagnostics: Vec<&Diagnostic> = results
        .iter()
        .flat_map(|r| r.1.iter())
        .chain(&coverage)
        .collect();
    Ok(UnitStates {
        elements: element_states(catalogue, &files, &diagnostics),
        errors: diagnostics.iter().filter(|d| d.is_error()).count(),
        files_checked: listed.len(),
    })
}

/// The files of a unit's folder that are not ignored.
fn list(tree: &dyn Tree, unit: &Unit, options: &CheckOptions) -> Result<Vec<Listed>, TreeError> {
    Ok(tree
        .list(&unit.dir)?
        .into_iter()
        .filter(|l| !options.ignore.iter().any(|g| g.matches(&l.path)))
        .collect())
}

/// Each listed file's result: from the cache when it has it, else checked (and remembered).
/// With last-change dates the cache is not used (see [`FileCache`]).
fn file_results(
    catalogue: &Catalogue,
    tree: &dyn Tree,
    listed: &[Listed],
    options: &CheckOptions,
    cache: &FileCache,
) -> Vec<cache::Shared> {
    if options.last_changed.is_some() {
        return parallel::map(listed, |l| {
            Arc::new(check_file(catalogue, tree, l, options))
        });
    }
    let mut results: Vec<Option<cache::Shared>> = listed
        .iter()
        .map(|l| {
            l.problem
                .is_none()
                .then(|| cache.get(tree, &l.path))
                .flatten()
        })
        .collect();
    // Only the files not seen before are checked, in parallel when there are many.
    let misses: Vec<&Listed> = listed
        .iter()
        .zip(&results)
        .filter(|(_, r)| r.is_none())
        .map(|(l, _)| l)
        .collect();
    let checked = parallel::map(&misses, |l| match l.problem {
        Some(_) => Arc::new(check_file(catalogue, tree, l, options)),
        None => cache.check(tree, &l.path, |t| check_file(catalogue, t, l, options)),
    });
    let mut checked = checked.into_iter();
    for slot in results.iter_mut().filter(|r| r.is_none()) {
        *slot = checked.next();
    }
    results.into_iter().flatten().collect()
}

/// The element id a file name stands for: its name without `.md`.
pub fn element_of_path(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    &name[..name.len().saturating_sub(3)]
}

fn check_file(
    catalogue: &Catalogue,
    tree: &dyn Tree,
    listed: &Listed,
    options: &CheckOptions,
) -> (EvidenceFile, Vec<Diagnostic>) {
    let path = listed.path.as_str();
    let stem = element_of_path(path);
    let element = catalogue.contains(stem).then_some(stem);
    let mut file = EvidenceFile {
        path: path.to_owned(),
        element: stem.to_owned(),
        front: None,
        body: None,
    };
    let tag = |mut diags: Vec<Diagnostic>| {
        if let Some(e) = element {
            for d in &mut diags {
                d.element = Some(e.to_owned());
            }
        }
        diags
    };
    if let Some(problem) = &listed.problem {
        let d = Diagnostic::new(
            Code::UnreadableFile,
            format!("cannot read the file: {problem}"),
        )
        .file(path);
        return (file, tag(vec![d]));
    }
    let bytes = match tree.read(path, options.max_file_bytes) {
        Ok(b) => b,
        Err(e) => {
            let help = match e {
                ReadError::TooLarge { .. } => {
                    "evidence files hold front matter and a short narrative; link large documents from `evidence:`"
                }
                ReadError::Io(_) => "check the file exists and that you may read it",
            };
            let d = Diagnostic::new(Code::UnreadableFile, format!("cannot read the file: {e}"))
                .file(path)
                .help(help);
            return (file, tag(vec![d]));
        }
    };
    let text = match evidence::decode(path, &bytes) {
        Decoded::Text(t) => t,
        Decoded::Unreadable(d) => return (file, tag(vec![d])),
    };
    let (front, body, body_line, mut diags) = evidence::parse_front_matter(path, text);
    if let Some(front) = &front {
        let cx = FileContext {
            path,
            text,
            element,
            front,
            body,
            body_line,
            tree,
            options,
        };
        element::check(&cx, &mut diags);
        items::check(&cx, &mut diags);
        links::check(&cx, &mut diags);
        review::check(&cx, &mut diags);
        actions::check(&cx, &mut diags);
    }
    if options.keep_bodies {
        file.body = Some(body.to_owned());
    }
    file.front = front;
    (file, tag(diags))
}

fn element_states(
    catalogue: &Catalogue,
    files: &[&EvidenceFile],
    diagnostics: &[&Diagnostic],
) -> Vec<ElementState> {
    let mut by_element: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, f) in files.iter().enumerate() {
        by_element.entry(f.element.as_str()).or_insert(i);
    }
    let mut errors: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for d in diagnostics.iter().filter(|d| d.is_error()) {
        if let Some(e) = &d.element {
            *errors.entry(e.as_str()).or_default() += 1;
        }
    }
    catalogue
        .elements()
        .map(|e| {
            let id = e.element.id.as_str();
            let file = by_element.get(id).copied();
            let status = match file.map(|i| &files[i]) {
                None => ElementStatus::Missing,
                Some(f) => match f.status() {
                    Some(s) => ElementStatus::Rated(s),
                    None => ElementStatus::Invalid,
                },
            };
            ElementState {
                id: id.to_owned(),
                file,
                status,
                errors: if file.is_some() {
                    errors.get(id).copied().unwrap_or(0)
                } else {
                    0
                },
            }
        })
        .collect()
}
