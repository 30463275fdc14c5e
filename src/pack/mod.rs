//! `cse pack`: the evidence pack an assessor receives. One zip with a page per element, the
//! evidence files, every local document they cite, the report and a manifest of hashes.
//!
//! [`Plan::build`] decides everything from check results before a byte is written: what is
//! copied where, what is withheld and why, and what stops the pack (a cited document that is
//! missing or outside the repository). [`archive::write`] then streams the files into a
//! reproducible zip, with the pages and manifests `render::pack` writes, and
//! [`verify::verify`] checks a pack against its manifest.

mod ahead;
pub mod archive;
pub mod manifest;
pub mod verify;

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;

use crate::checks::UnitCheck;
use crate::config::Config;
use crate::diagnostic::Code;
use crate::glob::Glob;
use crate::readiness::{Readiness, Scope};
use crate::tree::{self, PathState};

/// The commit a pack was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitInfo {
    pub id: String,
    pub date: Date,
    pub subject: String,
}

/// A file copied into the pack as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    /// Where it goes in the zip.
    pub entry: String,
    /// Where it comes from: repository-relative.
    pub source: String,
    /// The elements whose evidence it is, sorted.
    pub elements: Vec<String>,
}

/// Why a cited document is not in the pack although it is cited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WithheldReason {
    /// The evidence item says `internal: true`.
    Internal,
    /// It matches a `[pack] withhold` pattern.
    Withheld,
}

impl WithheldReason {
    pub fn as_str(self) -> &'static str {
        match self {
            WithheldReason::Internal => "internal",
            WithheldReason::Withheld => "withhold",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withheld {
    /// Repository-relative.
    pub path: String,
    pub elements: Vec<String>,
    pub reason: WithheldReason,
}

/// A cited document that cannot be packed: the pack is not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The evidence file that cites it, and where.
    pub file: String,
    pub line: u32,
    pub column: u32,
    /// The path as written.
    pub cited: String,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    Missing,
    Outside,
}

/// An evidence item as the pack shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub title: String,
    pub target: Target,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A web address.
    Url(String),
    /// A repository file or folder, with the zip entries it was copied to (several for a folder).
    Copied { path: String, entries: Vec<String> },
    Withheld {
        path: String,
        reason: WithheldReason,
    },
    /// Neither a path nor a URL, or a path that cannot be packed (listed in the problems).
    None,
}

/// One element in one unit, as the manifest and the element page show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementEntry {
    pub id: String,
    pub unit: Option<String>,
    /// The evidence file's entry in the zip.
    pub file: Option<String>,
    pub items: Vec<Item>,
}

/// Everything the pack will hold, decided before anything is written.
#[derive(Debug, Clone)]
pub struct Plan {
    pub organisation: Option<String>,
    pub generated: Date,
    pub commit: Option<CommitInfo>,
    pub readiness: Scope,
    pub assessment_ready: bool,
    /// Evidence files, then documents; each zip entry once.
    pub copies: Vec<Copied>,
    /// By unit (with several) and element id.
    pub elements: BTreeMap<(Option<String>, String), ElementEntry>,
    pub multi_unit: bool,
    pub withheld: Vec<Withheld>,
    pub problems: Vec<Problem>,
    /// Personal data the checks found in evidence files (W010) and cited documents (W011):
    /// file, line, column and message.
    pub personal_data: Vec<(String, u32, u32, String)>,
}

/// What a plan is made from.
pub struct Inputs<'a> {
    pub config: &'a Config,
    /// Check results with bodies kept, one per unit.
    pub checks: &'a [UnitCheck],
    /// The date the pack describes.
    pub generated: Date,
    /// The headline figures (the only unit's, or the institution's).
    pub readiness: &'a Readiness,
    pub commit: Option<CommitInfo>,
    /// What a repository path leads to (the working tree or a commit).
    pub probe: &'a dyn Fn(&str) -> PathState,
    /// The files under a repository folder, for an item that cites a folder.
    pub files_under: &'a dyn Fn(&str) -> Vec<String>,
}

impl Plan {
    pub fn build(inputs: Inputs<'_>) -> Plan {
        let Inputs {
            config,
            checks,
            generated,
            readiness,
            commit,
            probe,
            files_under,
        } = inputs;
        let withhold: &[Glob] = &config.pack_withhold.value;
        let multi_unit = checks.len() > 1;
        let mut evidence: Vec<Copied> = Vec::new();
        let mut documents: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut withheld: BTreeMap<String, (WithheldReason, Vec<String>)> = BTreeMap::new();
        let mut problems = Vec::new();
        let mut elements = BTreeMap::new();
        let internal = internal_paths(checks);
        for check in checks {
            let unit = check.unit.name.as_deref().filter(|_| multi_unit);
            for file in &check.files {
                let inside = file
                    .path
                    .strip_prefix(&check.unit.dir)
                    .map(|p| p.trim_start_matches('/'))
                    .filter(|_| check.unit.dir != ".")
                    .unwrap_or(&file.path);
                let entry = match unit {
                    Some(u) => format!("evidence/{u}/{inside}"),
                    None => format!("evidence/{inside}"),
                };
                evidence.push(Copied {
                    entry: entry.clone(),
                    source: file.path.clone(),
                    elements: vec![file.element.clone()],
                });
                let mut items = Vec::new();
                for item in file.front.iter().flat_map(|f| &f.evidence) {
                    let title = item.title.value.clone();
                    let target = match (&item.path, &item.url) {
                        (Some(p), None) => {
                            let cited = p.value.trim();
                            let problem = |kind| Problem {
                                file: file.path.clone(),
                                line: p.line,
                                column: p.column,
                                cited: cited.to_owned(),
                                kind,
                            };
                            let resolved = tree::resolve(&file.path, cited);
                            let reason = |path: &str| {
                                // Internal for one citation is internal for all: a document
                                // cannot be both withheld and sent.
                                if item.internal || is_internal(&internal, path) {
                                    Some(WithheldReason::Internal)
                                } else if withhold.iter().any(|g| g.matches(path)) {
                                    Some(WithheldReason::Withheld)
                                } else {
                                    None
                                }
                            };
                            match resolved.map(|r| (probe(&r), r)) {
                                None | Some((PathState::Outside, _)) => {
                                    problems.push(problem(ProblemKind::Outside));
                                    Target::None
                                }
                                Some((PathState::Missing, _)) => {
                                    problems.push(problem(ProblemKind::Missing));
                                    Target::None
                                }
                                Some((state, path)) => {
                                    let files = match state {
                                        PathState::Dir => files_under(&path),
                                        _ => vec![path.clone()],
                                    };
                                    if let Some(reason) = reason(&path) {
                                        for f in files {
                                            let w = withheld.entry(f).or_insert((reason, vec![]));
                                            w.1.push(file.element.clone());
                                        }
                                        Target::Withheld { path, reason }
                                    } else {
                                        let mut entries = Vec::new();
                                        for f in files {
                                            if let Some(reason) = reason(&f) {
                                                let w =
                                                    withheld.entry(f).or_insert((reason, vec![]));
                                                w.1.push(file.element.clone());
                                                continue;
                                            }
                                            entries.push(document_entry(&f));
                                            documents
                                                .entry(f)
                                                .or_default()
                                                .push(file.element.clone());
                                        }
                                        Target::Copied { path, entries }
                                    }
                                }
                            }
                        }
                        (None, Some(u)) => Target::Url(u.value.trim().to_owned()),
                        _ => Target::None,
                    };
                    items.push(Item { title, target });
                }
                let unit = check.unit.name.clone().filter(|_| multi_unit);
                // A second file for one element (E003) keeps the first one's entry.
                elements
                    .entry((unit.clone(), file.element.clone()))
                    .or_insert(ElementEntry {
                        id: file.element.clone(),
                        unit,
                        file: Some(entry),
                        items,
                    });
            }
        }
        let mut copies = evidence;
        copies.extend(documents.into_iter().map(|(source, elements)| Copied {
            entry: document_entry(&source),
            source,
            elements: sorted(elements),
        }));
        copies.sort_by(|a, b| a.entry.cmp(&b.entry));
        copies.dedup_by(|a, b| a.entry == b.entry);
        let personal_data = checks
            .iter()
            .flat_map(|c| &c.diagnostics)
            .filter(|d| {
                matches!(
                    d.code,
                    Code::PersonalDataInNarrative | Code::PersonalDataInDocument
                )
            })
            // A withheld document is not sent, whatever it holds.
            .filter(|d| d.file.as_ref().is_none_or(|f| !withheld.contains_key(f)))
            .map(|d| {
                (
                    d.file.clone().unwrap_or_default(),
                    d.line.unwrap_or(1),
                    d.column.unwrap_or(1),
                    d.message.clone(),
                )
            })
            .collect();
        Plan {
            organisation: config.name.as_ref().map(|n| n.value.clone()),
            generated,
            commit,
            readiness: readiness.overall.clone(),
            assessment_ready: readiness.assessment.ready,
            copies,
            elements,
            multi_unit,
            withheld: withheld
                .into_iter()
                .map(|(path, (reason, elements))| Withheld {
                    path,
                    elements: sorted(elements),
                    reason,
                })
                .collect(),
            problems,
            personal_data,
        }
    }
}

/// The repository paths that some evidence item marks `internal: true` (files or folders).
fn internal_paths(checks: &[UnitCheck]) -> BTreeSet<String> {
    checks
        .iter()
        .flat_map(|c| &c.files)
        .flat_map(|f| {
            f.front
                .iter()
                .flat_map(|front| &front.evidence)
                .filter(|item| item.internal)
                .filter_map(|item| tree::resolve(&f.path, item.path.as_ref()?.value.trim()))
        })
        .collect()
}

/// Whether `path`, or a folder holding it, is in `internal`.
fn is_internal(internal: &BTreeSet<String>, path: &str) -> bool {
    let mut at = path;
    loop {
        if internal.contains(at) {
            return true;
        }
        match at.rfind('/') {
            Some(i) => at = &at[..i],
            None => return false,
        }
    }
}

impl Plan {
    /// The evidence file and items of an element in a unit (the unit is ignored with one).
    pub fn element(&self, unit: Option<&str>, id: &str) -> Option<&ElementEntry> {
        let unit = unit.filter(|_| self.multi_unit).map(str::to_owned);
        self.elements.get(&(unit, id.to_owned()))
    }

    pub fn items(&self, unit: Option<&str>, id: &str) -> &[Item] {
        self.element(unit, id).map_or(&[], |e| &e.items)
    }
}

/// Where a repository document goes in the zip.
pub fn document_entry(path: &str) -> String {
    format!("documents/{path}")
}

/// Where an element's page goes in the zip.
pub fn element_page(id: &str) -> String {
    format!("elements/{}.html", safe_name(id))
}

/// An element id as a file name: anything but letters, digits, `.`, `-` and `_` becomes `_`.
fn safe_name(id: &str) -> String {
    let name: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_".contains(c) || (c == '.' && !id.starts_with('.')) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() { "_".into() } else { name }
}

/// `1.2.10` after `1.2.9`: numeric parts compare as numbers.
fn element_order(id: &str) -> Vec<(u64, String)> {
    id.split('.')
        .map(|p| (p.parse().unwrap_or(u64::MAX), p.to_owned()))
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort_by_key(|e| element_order(e));
    v.dedup();
    v
}
