//! Documents the evidence cites (`evidence: - path:`): which elements cite each, when each last
//! changed in git, and which elements were reviewed before that change (W020).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use crate::checks::UnitCheck;
use crate::diagnostic::{self, Code, Diagnostic, excerpt};
use crate::evidence::Located;
use crate::git::{Change, GitError};
use crate::project::{Evidence, Git, Project, ProjectError, Want};
use crate::tree::{self, PathState, Tree};

/// Most files listed under `[documents] dir`: the listing is for people, and a larger folder
/// is almost always the wrong one.
pub const MAX_LISTED: usize = 100_000;

/// One element citing a document. What the citations of one evidence file share is shared
/// (`Arc<str>`), not copied per citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub unit: Option<Arc<str>>,
    pub element: Arc<str>,
    /// Position of the element in the catalogue, for ordering.
    pub position: usize,
    /// Repository-relative path of the evidence file.
    pub file: Arc<str>,
    /// The path as written in the evidence file.
    pub cited_as: String,
    /// The element's owner.
    pub owner: Option<Arc<str>>,
    pub reviewed: Option<Located<Date>>,
}

/// A document cited by at least one element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Repository-relative path (a file, or a folder).
    pub path: String,
    pub exists: bool,
    /// Its last commit; `None` when never committed or when the history is unknown.
    pub last_changed: Option<Change>,
    /// By unit, then element in catalogue order; one per element and unit.
    pub citations: Vec<Citation>,
}

impl Document {
    /// The citing elements reviewed before the document's last change.
    pub fn changed_since_review(&self) -> impl Iterator<Item = &Citation> {
        self.citations.iter().filter(|c| self.is_changed_since(c))
    }

    /// Whether the citing element `c` was reviewed before the document's last change.
    pub fn is_changed_since(&self, c: &Citation) -> bool {
        is_changed_since_review(c, self.last_changed.as_ref())
    }
}

fn is_changed_since_review(c: &Citation, change: Option<&Change>) -> bool {
    matches!((&c.reviewed, change), (Some(r), Some(ch)) if r.value < ch.date)
}

/// Why the documents' history is unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoHistory {
    /// git is not installed.
    NoGit,
    /// The repository is not in git.
    NotARepository,
    /// A shallow clone: the last change git shows may not be the real one.
    Shallow,
    /// No commits yet.
    NoCommits,
    /// git failed.
    Failed(String),
}

impl NoHistory {
    /// Why, in a few words: "this is a shallow clone".
    pub fn reason(&self) -> String {
        match self {
            NoHistory::NoGit => "git is not installed".into(),
            NoHistory::NotARepository => "the repository is not in git".into(),
            NoHistory::Shallow => {
                "this is a shallow clone (fetch the whole history with `git fetch --unshallow`)"
                    .into()
            }
            NoHistory::NoCommits => "the repository has no commits yet".into(),
            NoHistory::Failed(m) => format!("git failed: {m}"),
        }
    }
}

impl From<GitError> for NoHistory {
    fn from(e: GitError) -> NoHistory {
        match e {
            GitError::NotInstalled => NoHistory::NoGit,
            GitError::NotARepository(_) => NoHistory::NotARepository,
            GitError::Shallow => NoHistory::Shallow,
            GitError::NoCommits => NoHistory::NoCommits,
            other => NoHistory::Failed(other.to_string()),
        }
    }
}

/// Every document the evidence of `checks` cites, by path, without dates yet.
/// Targets outside the repository are left out (they are E013 already).
pub fn cited(checks: &[UnitCheck], tree: &dyn Tree) -> Vec<Document> {
    // Each unit's citations are gathered on its own thread, then merged, unit by unit.
    let mut by_path: HashMap<String, Vec<Citation>> = HashMap::new();
    for unit in crate::parallel::map(checks, unit_citations) {
        for (path, citation) in unit {
            match by_path.get_mut(&path) {
                Some(citations) => {
                    // A file's citations come one after another: a repeat is always the last.
                    let repeat = citations.last().is_some_and(|c| {
                        c.unit == citation.unit && Arc::ptr_eq(&c.file, &citation.file)
                    });
                    if !repeat {
                        citations.push(citation);
                    }
                }
                None => {
                    by_path.insert(path, vec![citation]);
                }
            }
        }
    }
    let mut by_path: Vec<(String, Vec<Citation>)> = by_path.into_iter().collect();
    by_path.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    by_path
        .into_iter()
        .filter_map(|(path, mut citations)| {
            let exists = match tree.probe(&path) {
                PathState::File | PathState::Dir => true,
                PathState::Missing => false,
                PathState::Outside => return None,
            };
            citations.sort_by(|a, b| {
                (&a.unit, a.position, &a.file).cmp(&(&b.unit, b.position, &b.file))
            });
            Some(Document {
                path,
                exists,
                last_changed: None,
                citations,
            })
        })
        .collect()
}

/// The documents one unit's evidence cites, each with its citation, file by file (a file that
/// cites one document twice gives two; [`cited`] keeps one).
fn unit_citations(check: &UnitCheck) -> Vec<(String, Citation)> {
    let unit: Option<Arc<str>> = check.unit.name.as_deref().map(Arc::from);
    let mut out: Vec<(String, Citation)> = Vec::new();
    for file in &check.files {
        let Some(front) = &file.front else { continue };
        // Made at the file's first citation; the others share its parts.
        let mut template: Option<Citation> = None;
        for item in &front.evidence {
            let Some(p) = &item.path else { continue };
            let cited_as = p.value.trim();
            let Some(path) = tree::resolve(&file.path, cited_as) else {
                continue;
            };
            let template = template.get_or_insert_with(|| Citation {
                unit: unit.clone(),
                element: Arc::from(file.element.as_str()),
                position: check.position(&file.element),
                file: Arc::from(file.path.as_str()),
                cited_as: String::new(),
                owner: front.owner.as_deref().map(Arc::from),
                reviewed: front.reviewed.clone(),
            });
            let citation = Citation {
                cited_as: cited_as.to_owned(),
                ..template.clone()
            };
            out.push((path, citation));
        }
    }
    out
}

/// Fills in each document's last change from git, in one walk over the history of `rev` in
/// the repository around `root`, which stops once every document has been seen. It never stops
/// at a date: commit dates are not in order along a history (a laptop with a wrong clock, an
/// imported history), and a walk cut at the first older commit would drop every change behind it.
pub fn attach_history(documents: &mut [Document], root: &Path, rev: &str) -> Result<(), NoHistory> {
    if documents.is_empty() {
        return Ok(());
    }
    let paths: Vec<String> = documents.iter().map(|d| d.path.clone()).collect();
    let mut changes: HashMap<String, Change> = crate::git::last_changes(root, rev, &paths)?;
    for d in documents {
        d.last_changed = changes.remove(&d.path);
    }
    Ok(())
}

/// The files under `dir` (repository-relative) that no document path names or holds.
/// Hidden files and folders are skipped; symlinks are listed, never followed.
pub fn uncited(root: &Path, dir: &str, documents: &[Document]) -> Vec<String> {
    let cited: std::collections::HashSet<&str> =
        documents.iter().map(|d| d.path.as_str()).collect();
    let base = root.join(dir);
    let walker = walkdir::WalkDir::new(&base)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let mut out = Vec::new();
    for entry in walker.flatten().take(MAX_LISTED) {
        if entry.file_type().is_dir() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(root) else {
            continue;
        };
        let rel: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let rel = rel.join("/");
        let mut held = std::iter::successors(Some(rel.as_str()), |n| n.rfind('/').map(|i| &n[..i]));
        if !held.any(|p| cited.contains(p)) {
            out.push(rel);
        }
    }
    out
}

/// W020 on the `reviewed` line of each element reviewed before a document it cites changed.
pub fn review_warnings(documents: &[Document], tree: &dyn Tree) -> Vec<Diagnostic> {
    let mut texts: HashMap<&str, Option<String>> = HashMap::new();
    let mut out = Vec::new();
    for d in documents {
        let Some(change) = &d.last_changed else {
            continue;
        };
        for c in d.changed_since_review() {
            let Some(reviewed) = &c.reviewed else {
                continue;
            };
            let text = texts.entry(&*c.file).or_insert_with(|| {
                tree.read(&c.file, tree::MAX_FILE_BYTES)
                    .ok()
                    .and_then(|b| String::from_utf8(b).ok())
            });
            let mut diag = Diagnostic::new(
                Code::ChangedSinceReview,
                format!(
                    "`{}` changed on {} ({}), after this element was reviewed on {}",
                    excerpt(&c.cited_as),
                    change.date,
                    excerpt(&change.commit),
                    reviewed.value
                ),
            )
            .file(&*c.file)
            .element(&*c.element)
            .unit(c.unit.as_deref())
            .help("check the element's evidence against the new version, then update `reviewed:`");
            diag = match text {
                Some(t) => diag.at(t.as_str(), reviewed.line, reviewed.column),
                None => {
                    diag.line = Some(reviewed.line);
                    diag.column = Some(reviewed.column);
                    diag
                }
            };
            out.push(diag.span_chars(10));
        }
    }
    out
}

/// Adds `warnings` to the unit each names, keeping every unit's diagnostics sorted.
pub fn add_to_checks(checks: &mut [UnitCheck], warnings: Vec<Diagnostic>) {
    if warnings.is_empty() {
        return;
    }
    for w in warnings {
        if let Some(check) = checks.iter_mut().find(|c| c.unit.name == w.unit) {
            check.diagnostics.push(w);
        }
    }
    for check in checks {
        diagnostic::sort(&mut check.diagnostics);
    }
}

/// What `cse docs` shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocsReport {
    /// Cited documents, by path.
    pub documents: Vec<Document>,
    /// `[documents] dir`, when set.
    pub dir: Option<String>,
    /// Files under `dir` that no element cites (in the working tree only).
    pub uncited: Vec<String>,
    /// The commit the documents were read at (`--at`); `None` for the working tree.
    pub at: Option<String>,
    /// Why last changes are unknown, when they are.
    pub no_history: Option<NoHistory>,
    /// Whether the documents come from several units, so each citation names its unit.
    pub several_units: bool,
}

impl DocsReport {
    /// What `cse docs` shows for the evidence at `at` (a commit, tag, branch or day; `None`
    /// for the working tree), with the evidence it was read from. Only each file's front
    /// matter is parsed ([`Want::front_matter_only`]), and git walks the whole history up to
    /// there in one `git log` on another thread meanwhile. With `[documents] dir`, the working
    /// tree's files under it that nobody cites are listed too.
    pub fn read(
        project: &Project,
        at: Option<&str>,
    ) -> Result<(Evidence, DocsReport), ProjectError> {
        let want = Want {
            front_matter_only: true,
            ..Want::default()
        };
        let root = project.root.as_path();
        match at {
            None => {
                let (evidence, changes) = alongside_walk(root, "HEAD", || project.read(None, want));
                let evidence = evidence?;
                let tree = evidence.project.tree()?;
                let report = DocsReport::assemble(&evidence, &tree, changes);
                Ok((evidence, report))
            }
            Some(rev) => {
                let git = Git::open(root)?;
                let commit = git.repo.resolve(rev)?;
                let (evidence, changes) = alongside_walk(root, &commit.id, || {
                    project.read_commit(&git, commit.clone(), want)
                });
                let evidence = evidence?;
                // Whether each document exists is asked of the commit's own tree.
                let tree = git.tree_at(&commit)?;
                let report = DocsReport::assemble(&evidence, &tree, changes);
                Ok((evidence, report))
            }
        }
    }

    /// The documents `evidence` cites, probed in `tree`, dated by `changes` (every path's
    /// last change up to the commit read).
    fn assemble(
        evidence: &Evidence,
        tree: &dyn Tree,
        changes: Result<HashMap<String, Change>, NoHistory>,
    ) -> Self {
        let project = &evidence.project;
        let dir = project
            .config
            .documents_dir
            .as_ref()
            .map(|d| d.value.as_str());
        let at = evidence.commit.as_ref().map(|c| c.id.clone());
        let mut documents = cited(&evidence.units, tree);
        let no_history = match changes {
            // Nothing is cited: there is no date to miss.
            _ if documents.is_empty() => None,
            Ok(mut changes) => {
                for d in &mut documents {
                    d.last_changed = changes.remove(&d.path);
                }
                None
            }
            Err(why) => Some(why),
        };
        let uncited = match (dir, &at) {
            (Some(d), None) => uncited(&project.root, d, &documents),
            _ => Vec::new(),
        };
        DocsReport {
            documents,
            dir: dir.map(str::to_owned),
            uncited,
            at,
            no_history,
            several_units: evidence.units.len() > 1,
        }
    }

    /// How many documents have an element reviewed before their last change.
    pub fn changed_count(&self) -> usize {
        self.documents
            .iter()
            .filter(|d| d.changed_since_review().next().is_some())
            .count()
    }
}

/// `read()` on this thread while git walks the history of `rev` in the repository around
/// `root` on another: every path's last change ([`crate::git::all_last_changes`]).
fn alongside_walk<T>(
    root: &Path,
    rev: &str,
    read: impl FnOnce() -> T,
) -> (T, Result<HashMap<String, Change>, NoHistory>) {
    std::thread::scope(|scope| {
        let walk = scope.spawn(|| crate::git::all_last_changes(root, rev).map_err(NoHistory::from));
        let read = read();
        let changes = walk.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        (read, changes)
    })
}

/// Documents cited by reviewed elements, with their last change when git knows it.
#[derive(Debug, Clone, Default)]
pub struct Reviewed {
    pub documents: Vec<Document>,
    /// Why changed-since-review could not be checked.
    pub skipped: Option<NoHistory>,
}

/// W020: adds a warning to `units` for each element reviewed before a document it cites last
/// changed in git. One `git log` walk, and only when a reviewed element cites a document that
/// exists; nothing when `enabled` is off (`[checks] changed_since_review = false`). Without
/// git, or in a shallow clone, nothing is added and `skipped` says why.
pub fn review(units: &mut [UnitCheck], tree: &dyn Tree, root: &Path, enabled: bool) -> Reviewed {
    if !enabled {
        return Reviewed::default();
    }
    let mut documents = cited(units, tree);
    documents.retain(|d| d.exists && d.citations.iter().any(|c| c.reviewed.is_some()));
    let skipped = attach_history(&mut documents, root, "HEAD").err();
    if skipped.is_none() {
        add_to_checks(units, review_warnings(&documents, tree));
    }
    Reviewed { documents, skipped }
}
