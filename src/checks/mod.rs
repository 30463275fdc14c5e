//! `cse check`: every rule over one unit's evidence folder. One module per rule.

mod actions;
mod budget;
mod cache;
pub mod cap;
mod coverage;
mod element;
pub(crate) mod items;
mod links;
mod privacy;
mod review;

use std::sync::Arc;

use jiff::civil::Date;

use crate::catalogue::Catalogue;
use crate::diagnostic::{self, Code, Diagnostic, IndexedText};
use crate::evidence::{self, Decoded, EvidenceFile, FrontMatter, Status};
use crate::glob::Glob;
use crate::misnamed::Misnamed;
use crate::parallel;
use crate::tree::{self, Listed, ReadError, Tree, TreeError};

/// Most markdown files `cse` checks in one unit's folder. A unit needs one per element (57);
/// a folder with many more is almost always the wrong folder, such as `evidence_dir = "."`
/// in a large repository, and is refused at once rather than checked for minutes.
pub const MAX_FILES: usize = 10_000;

pub use budget::MAX_FRONT_MATTER_BYTES;
pub use cache::FileCache;
pub use review::{is_overdue, judge_review, review_due};

use budget::FrontMatterBudget;

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
    /// Most markdown files in one unit's folder; see [`MAX_FILES`].
    pub max_files: usize,
    /// Files under the evidence folder to skip.
    pub ignore: Vec<Glob>,
    /// Keep each file's markdown body (for reports).
    pub keep_bodies: bool,
    /// Parse each file's front matter and run no rule: the diagnostics then hold only what
    /// reading and parsing found, and the element states count only those errors. For
    /// listings of what the files say (`cse docs`), never for figures.
    pub front_matter_only: bool,
    /// Last-change dates standing in for a missing `reviewed` date; `None` when unknown.
    pub last_changed: Option<Arc<dyn LastChanged>>,
    /// Email domains and phone numbers that are the organisation's (`[privacy]`).
    pub privacy: crate::privacy::Allowed,
    /// Files an evidence pack withholds (`[pack] withhold`): not scanned for personal data.
    pub withhold: Vec<Glob>,
}

impl CheckOptions {
    pub fn new(today: Date) -> CheckOptions {
        CheckOptions {
            today,
            review_max_age: jiff::Span::new().months(12),
            max_file_bytes: crate::tree::MAX_FILE_BYTES,
            max_files: MAX_FILES,
            ignore: Vec::new(),
            keep_bodies: false,
            front_matter_only: false,
            last_changed: None,
            privacy: crate::privacy::Allowed::default(),
            withhold: Vec::new(),
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

/// What an element's evidence says, for readiness counts. The order is readiness: `Missing` is
/// the least ready and compliance-plus the most, so the least ready of several is their `min`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ElementStatus {
    /// No evidence file.
    Missing,
    /// The front matter (or its status) cannot be read.
    Invalid,
    Rated(Status),
}

impl serde::Serialize for ElementStatus {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl ElementStatus {
    /// Every status, in the order reports list them: the best first. The one list every
    /// count, column, badge and legend is made from.
    pub const ALL: [ElementStatus; 7] = [
        ElementStatus::Rated(Status::CompliancePlus),
        ElementStatus::Rated(Status::Compliant),
        ElementStatus::Rated(Status::Partial),
        ElementStatus::Rated(Status::NonCompliant),
        ElementStatus::Rated(Status::NotAssessed),
        ElementStatus::Missing,
        ElementStatus::Invalid,
    ];

    /// This status's place in [`ElementStatus::ALL`].
    pub const fn index(self) -> usize {
        match self {
            ElementStatus::Rated(Status::CompliancePlus) => 0,
            ElementStatus::Rated(Status::Compliant) => 1,
            ElementStatus::Rated(Status::Partial) => 2,
            ElementStatus::Rated(Status::NonCompliant) => 3,
            ElementStatus::Rated(Status::NotAssessed) => 4,
            ElementStatus::Missing => 5,
            ElementStatus::Invalid => 6,
        }
    }

    pub const fn as_str(self) -> &'static str {
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
    /// Whether its action plan has an open action (a partial element needs one).
    pub open_action: bool,
}

impl ElementState {
    /// Ready: a file with no errors and a compliant or compliance-plus status.
    pub fn is_ready(&self) -> bool {
        self.errors == 0 && matches!(self.status, ElementStatus::Rated(s) if s.is_ready())
    }

    /// Whether its file has errors, which keep it from counting as ready whatever its status.
    pub fn not_ready_by_errors(&self) -> bool {
        self.errors > 0 && self.status != ElementStatus::Missing
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
    /// Where element `id` stands in catalogue order; unknown elements after every known one.
    pub fn position(&self, id: &str) -> usize {
        self.elements
            .iter()
            .position(|e| e.id == id)
            .unwrap_or(usize::MAX)
    }

    pub fn element(&self, id: &str) -> Option<&ElementState> {
        self.elements.iter().find(|e| e.id == id)
    }

    pub fn file_of(&self, id: &str) -> Option<&EvidenceFile> {
        self.element(id)?.file.map(|i| &self.files[i])
    }
}

/// What the per-file rules need to know about the file in hand.
pub(crate) struct FileContext<'a> {
    pub catalogue: &'a Catalogue,
    pub path: &'a str,
    /// The whole file, for [`Diagnostic::at`].
    pub text: &'a IndexedText<'a>,
    /// The element named by the file, when the catalogue knows it.
    pub element: Option<&'a str>,
    pub front: &'a FrontMatter,
    pub body: &'a str,
    pub body_line: u32,
    pub tree: &'a dyn Tree,
    pub options: &'a CheckOptions,
    /// When the element falls due for review ([`judge_review`]).
    pub review: Option<crate::evidence::ReviewDue>,
}

/// Checks one unit's folder against the catalogue.
pub fn check_unit(
    catalogue: &Catalogue,
    tree: &dyn Tree,
    unit: &Unit,
    options: &CheckOptions,
) -> Result<UnitCheck, TreeError> {
    // `check_units` returns one result per unit, so this `pop` always finds one.
    check_units(catalogue, tree, std::slice::from_ref(unit), options)
        .pop()
        .unwrap_or_else(|| {
            Err(TreeError {
                path: unit.dir.clone(),
                message: "no result for this unit".into(),
                hint: None,
            })
        })
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
    let budget = FrontMatterBudget::default();
    let results = match cache {
        None => parallel::map(&listed, |l| {
            check_admitted(catalogue, tree, l, options, &budget)
        }),
        Some(cache) => file_results(catalogue, tree, &listed, options, cache, &budget)
            .into_iter()
            .map(Arc::unwrap_or_clone)
            .collect(),
    };
    budget.check(&unit.dir)?;
    Ok(finish_unit(catalogue, tree, unit, results, options))
}

/// Checks several units, each against the whole catalogue on its own. The files of every unit
/// share one pool of threads, so a thousand small units keep every core busy.
/// Returns one result per unit, in order.
pub fn check_units(
    catalogue: &Catalogue,
    tree: &dyn Tree,
    units: &[Unit],
    options: &CheckOptions,
) -> Vec<Result<UnitCheck, TreeError>> {
    let listings: Vec<Result<Vec<Listed>, TreeError>> =
        parallel::map(units, |unit| list(tree, unit, options));
    let all_files: Vec<&Listed> = listings.iter().flatten().flatten().collect();
    let budget = FrontMatterBudget::default();
    let mut results = parallel::map(&all_files, |l| {
        check_admitted(catalogue, tree, l, options, &budget)
    })
    .into_iter();
    let per_unit: Vec<_> = listings
        .into_iter()
        .zip(units)
        .map(|(listed, unit)| {
            let listed = listed?;
            budget.check(&unit.dir)?;
            let unit_results: Vec<_> = results.by_ref().take(listed.len()).collect();
            Ok((unit, unit_results))
        })
        .collect();
    parallel::map_owned(per_unit, |r| {
        r.map(|(unit, results)| finish_unit(catalogue, tree, unit, results, options))
    })
}

/// Coverage, element states and sorting, once a unit's files are checked.
fn finish_unit(
    catalogue: &Catalogue,
    tree: &dyn Tree,
    unit: &Unit,
    results: Vec<(EvidenceFile, Vec<Diagnostic>)>,
    options: &CheckOptions,
) -> UnitCheck {
    let files_checked = results.len();
    let mut files = Vec::with_capacity(results.len());
    let mut diagnostics = Vec::new();
    for (file, diags) in results {
        files.push(file);
        diagnostics.extend(diags);
    }
    let refs: Vec<&EvidenceFile> = files.iter().collect();
    if !options.front_matter_only {
        diagnostics.extend(coverage::check(
            catalogue,
            unit,
            &refs,
            &misnamed(tree, unit, options),
        ));
        diagnostics.extend(privacy::documents(tree, &files, options));
    }
    let elements = element_states(catalogue, &refs, &diagnostics.iter().collect::<Vec<_>>());
    for d in &mut diagnostics {
        d.unit.clone_from(&unit.name);
    }
    diagnostic::sort(&mut diagnostics);
    UnitCheck {
        unit: unit.clone(),
        files,
        elements,
        diagnostics,
        files_checked,
    }
}

/// What [`check_unit`] finds about each element of a unit, and how many errors, without
/// keeping the files or the diagnostics: for walking many commits, which needs only figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitStates {
    pub unit: Unit,
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
    let budget = FrontMatterBudget::default();
    let results = file_results(catalogue, tree, &listed, options, cache, &budget);
    budget.check(&unit.dir)?;
    let files: Vec<&EvidenceFile> = results.iter().map(|r| &r.0).collect();
    let coverage = coverage::check(catalogue, unit, &files, &misnamed(tree, unit, options));
    let diagnostics: Vec<&Diagnostic> = results
        .iter()
        .flat_map(|r| r.1.iter())
        .chain(&coverage)
        .collect();
    Ok(UnitStates {
        unit: unit.clone(),
        elements: element_states(catalogue, &files, &diagnostics),
        errors: diagnostics.iter().filter(|d| d.is_error()).count(),
        files_checked: listed.len(),
    })
}

/// The misnamed evidence files of a unit's folder that are not ignored.
fn misnamed(tree: &dyn Tree, unit: &Unit, options: &CheckOptions) -> Vec<Misnamed> {
    tree.misnamed(&unit.dir)
        .into_iter()
        .filter(|m| !options.ignore.iter().any(|g| g.matches(&m.path)))
        .collect()
}

/// The files of a unit's folder that are not ignored, refusing a folder with far too many.
fn list(tree: &dyn Tree, unit: &Unit, options: &CheckOptions) -> Result<Vec<Listed>, TreeError> {
    let listed: Vec<Listed> = tree
        .list(&unit.dir)?
        .into_iter()
        .filter(|l| !options.ignore.iter().any(|g| g.matches(&l.path)))
        .collect();
    if listed.len() > options.max_files {
        return Err(TreeError {
            path: unit.dir.clone(),
            message: format!(
                "it holds {} markdown files, more than the {} that cse reads from one folder \
                 (evidence needs one file per element)",
                listed.len(),
                options.max_files
            ),
            hint: Some(
                "check that `evidence_dir` in cse.toml names the right folder, or skip stray \
                 files with `ignore`",
            ),
        });
    }
    Ok(listed)
}

/// Each listed file's result: from the cache when it has it, else checked (and remembered).
/// With last-change dates the cache is not used (see [`FileCache`]).
fn file_results(
    catalogue: &Catalogue,
    tree: &dyn Tree,
    listed: &[Listed],
    options: &CheckOptions,
    cache: &FileCache,
    budget: &FrontMatterBudget,
) -> Vec<cache::Shared> {
    if options.last_changed.is_some() {
        return parallel::map(listed, |l| {
            Arc::new(check_admitted(catalogue, tree, l, options, budget))
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
        Some(_) => Arc::new(check_file(catalogue, tree, l, options, budget)),
        // A file left unparsed is never remembered as if checked.
        None if !budget.admit() => Arc::new(unparsed(l)),
        None => cache.check(tree, &l.path, |t| {
            check_file(catalogue, t, l, options, budget)
        }),
    });
    let mut checked = checked.into_iter();
    for slot in results.iter_mut().filter(|r| r.is_none()) {
        *slot = checked.next();
    }
    results.into_iter().flatten().collect()
}

/// The element id a file name stands for: its name without `.md` (in any case).
pub fn element_of_path(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    if tree::is_markdown(name) {
        &name[..name.len() - 3]
    } else {
        name
    }
}

/// [`check_file`] while the front-matter budget lasts; after that, the file is left unparsed
/// (and the check fails with the budget's error).
fn check_admitted(
    catalogue: &Catalogue,
    tree: &dyn Tree,
    listed: &Listed,
    options: &CheckOptions,
    budget: &FrontMatterBudget,
) -> (EvidenceFile, Vec<Diagnostic>) {
    if budget.admit() {
        check_file(catalogue, tree, listed, options, budget)
    } else {
        unparsed(listed)
    }
}

/// A file not read because the front-matter budget was spent.
fn unparsed(listed: &Listed) -> (EvidenceFile, Vec<Diagnostic>) {
    (unread_file(&listed.path), Vec::new())
}

/// The evidence file at `path`, with nothing read from it.
fn unread_file(path: &str) -> EvidenceFile {
    EvidenceFile {
        path: path.to_owned(),
        element: element_of_path(path).to_owned(),
        front: None,
        body: None,
        review: None,
    }
}

fn check_file(
    catalogue: &Catalogue,
    tree: &dyn Tree,
    listed: &Listed,
    options: &CheckOptions,
    budget: &FrontMatterBudget,
) -> (EvidenceFile, Vec<Diagnostic>) {
    let path = listed.path.as_str();
    let unreadable = |message: String, help: &str| {
        let d = Diagnostic::new(Code::UnreadableFile, message)
            .file(path)
            .help(help);
        (unread_file(path), tag(catalogue, path, vec![d]))
    };
    if let Some(problem) = &listed.problem {
        return unreadable(
            format!("cannot read the file: {problem}"),
            "an evidence file must be a plain markdown file inside the repository; rename, replace or remove this one",
        );
    }
    match tree.read(path, options.max_file_bytes) {
        Ok(bytes) => check_bytes_within(catalogue, tree, path, &bytes, options, budget),
        Err(e @ ReadError::TooLarge { .. }) => unreadable(
            format!("cannot read the file: {e}"),
            "evidence files hold front matter and a short narrative; link large documents from `evidence:`",
        ),
        Err(e @ ReadError::Io(_)) => unreadable(
            format!("cannot read the file: {e}"),
            "check the file exists and that you may read it",
        ),
    }
}

/// Checks one evidence file's contents as if read from `path` (repository-relative): decoding,
/// front matter, and every per-file rule. Coverage across files is [`check_unit`]'s job.
/// `tree` is only probed, for the targets of `path:` and links; it is never read.
/// Pure apart from those probes, and never panics, whatever the bytes.
pub fn check_bytes(
    catalogue: &Catalogue,
    tree: &dyn Tree,
    path: &str,
    bytes: &[u8],
    options: &CheckOptions,
) -> (EvidenceFile, Vec<Diagnostic>) {
    check_bytes_within(
        catalogue,
        tree,
        path,
        bytes,
        options,
        &FrontMatterBudget::default(),
    )
}

/// [`check_bytes`], counting the front matter against `budget`.
fn check_bytes_within(
    catalogue: &Catalogue,
    tree: &dyn Tree,
    path: &str,
    bytes: &[u8],
    options: &CheckOptions,
    budget: &FrontMatterBudget,
) -> (EvidenceFile, Vec<Diagnostic>) {
    let stem = element_of_path(path);
    let element = catalogue.contains(stem).then_some(stem);
    let mut file = unread_file(path);
    let text = match evidence::decode(path, bytes) {
        Decoded::Text(t) => evidence::normalize_line_endings(t),
        Decoded::Unreadable(d) => return (file, tag(catalogue, path, vec![d])),
    };
    let text = text.as_ref();
    let (front, body, body_line, mut diags) = evidence::parse_front_matter(path, text);
    budget.spend(text.len().saturating_sub(body.len()));
    let mut not_built = 0;
    if let Some(front) = front.as_ref().filter(|_| !options.front_matter_only) {
        let last_commit = || {
            let dates = options.last_changed.as_ref()?;
            dates.last_changed(path)
        };
        file.review = judge_review(front, last_commit, options.review_max_age, options.today);
        let indexed = IndexedText::new(text);
        let cx = FileContext {
            catalogue,
            path,
            text: &indexed,
            element,
            front,
            body,
            body_line,
            tree,
            options,
            review: file.review,
        };
        element::check(&cx, &mut diags);
        items::check(&cx, &mut diags);
        not_built = links::check(&cx, &mut diags);
        review::check(&cx, &mut diags);
        actions::check(&cx, &mut diags);
        privacy::check(&cx, &mut diags);
    }
    if options.keep_bodies {
        file.body = Some(body.to_owned());
    }
    file.front = front;
    cap::cap(path, &mut diags, not_built);
    (file, tag(catalogue, path, diags))
}

/// Sets the element on diagnostics about a file named after a known element.
fn tag(catalogue: &Catalogue, path: &str, mut diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let stem = element_of_path(path);
    if catalogue.contains(stem) {
        for d in &mut diags {
            d.element = Some(stem.to_owned());
        }
    }
    diags
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
                open_action: file
                    .and_then(|i| files[i].front.as_ref())
                    .is_some_and(|f| f.actions.iter().any(|a| a.is_open())),
            }
        })
        .collect()
}
