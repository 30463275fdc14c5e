//! `cse show ELEMENT`: one element, its place in the standard, and its evidence.

use jiff::civil::Date;

use crate::catalogue::{Catalogue, ElementRef, Tier};
use crate::checks::{ElementStatus, UnitCheck, items};
use crate::diagnostic::Diagnostic;
use crate::tree::{self, PathState, Tree};

/// An id that names no element of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{input}` is not an element of the catalogue{}", hint(.kind, .suggestion))]
pub struct UnknownElement {
    pub input: String,
    pub kind: UnknownKind,
    pub suggestion: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnknownKind {
    /// It names a criterion or sub-criterion: these are its elements.
    Scope {
        what: &'static str,
        title: String,
        elements: Vec<String>,
    },
    Other,
}

fn hint(kind: &UnknownKind, suggestion: &Option<String>) -> String {
    match (kind, suggestion) {
        (
            UnknownKind::Scope {
                what,
                title,
                elements,
            },
            _,
        ) => format!(
            "\nhelp: that is the {what} \"{title}\"; its elements are {}",
            elements.join(", ")
        ),
        (UnknownKind::Other, Some(s)) => format!("\nhelp: did you mean `{s}`?"),
        (UnknownKind::Other, None) => {
            "\nhelp: element ids look like `1.2.2`; `cse status --by subcriterion` lists the sub-criteria".into()
        }
    }
}

/// Finds an element by id. `1.2.2.md` and surrounding spaces are accepted too.
pub fn lookup<'a>(catalogue: &'a Catalogue, input: &str) -> Result<ElementRef<'a>, UnknownElement> {
    let id = input.trim();
    let id = id
        .strip_suffix(".md")
        .or_else(|| id.strip_suffix(".MD"))
        .unwrap_or(id);
    if let Some(e) = catalogue.element(id) {
        return Ok(e);
    }
    let scope = catalogue.criteria.iter().find_map(|c| {
        if c.id == id {
            let elements = c
                .subcriteria
                .iter()
                .flat_map(|s| &s.elements)
                .map(|e| e.id.clone())
                .collect();
            return Some(("criterion", c.title.clone(), elements));
        }
        c.subcriteria.iter().find(|s| s.id == id).map(|s| {
            (
                "sub-criterion",
                s.title.clone(),
                s.elements.iter().map(|e| e.id.clone()).collect(),
            )
        })
    });
    Err(UnknownElement {
        input: input.to_owned(),
        kind: match scope {
            Some((what, title, elements)) => UnknownKind::Scope {
                what,
                title,
                elements,
            },
            None => UnknownKind::Other,
        },
        suggestion: crate::suggest::closest(id, catalogue.element_ids()).map(str::to_owned),
    })
}

/// Whether an evidence item leads somewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// The `path` names a file or folder in the repository.
    Found,
    /// The `path` names nothing.
    NotFound,
    /// The `path` leads outside the repository.
    Outside,
    /// The `url` is an http(s) address. `cse` does not fetch it.
    WebAddress,
    /// The `url` is not an http(s) address.
    InvalidUrl,
    /// Neither `path` nor `url`.
    NoTarget,
    /// Both `path` and `url`.
    BothTargets,
}

impl Resolution {
    pub fn resolves(self) -> bool {
        matches!(self, Resolution::Found | Resolution::WebAddress)
    }

    pub fn describe(self) -> &'static str {
        match self {
            Resolution::Found => "found",
            Resolution::NotFound => "not found",
            Resolution::Outside => "outside the repository",
            Resolution::WebAddress => "web address, not fetched",
            Resolution::InvalidUrl => "not an http or https address",
            Resolution::NoTarget => "has neither path nor url",
            Resolution::BothTargets => "has both path and url",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemView {
    pub title: String,
    /// The `path` or `url` as written (the path when both are given).
    pub target: Option<String>,
    pub resolution: Resolution,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionView {
    pub action: String,
    pub owner: Option<String>,
    pub due: Option<Date>,
    pub done: bool,
    pub overdue: bool,
}

/// One unit's evidence for the element.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceView {
    pub unit: Option<String>,
    /// The evidence file, when there is one.
    pub file: Option<String>,
    /// Where the file should be, for a missing element.
    pub expected_file: String,
    pub status: ElementStatus,
    pub ready: bool,
    pub owner: Option<String>,
    pub reviewed: Option<Date>,
    pub items: Vec<ItemView>,
    pub actions: Vec<ActionView>,
    /// Diagnostics about this element's file(s), in file order.
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ElementView {
    pub id: String,
    pub text: String,
    pub note: Option<String>,
    pub criterion: (String, String),
    pub subcriterion: (String, String),
    /// The priority list's name and the tier, when this is a priority element.
    pub priority: Option<(String, Option<Tier>)>,
    pub evidence: Vec<EvidenceView>,
}

/// The element `e` and its evidence in each unit. `tree` is probed (never read) to tell
/// whether evidence paths resolve.
pub fn build(
    catalogue: &Catalogue,
    e: ElementRef<'_>,
    checks: &[UnitCheck],
    tree: &dyn Tree,
    today: Date,
) -> ElementView {
    let id = e.element.id.as_str();
    ElementView {
        id: id.to_owned(),
        text: e.element.text.clone(),
        note: e.element.note.clone(),
        criterion: (e.criterion.id.clone(), e.criterion.title.clone()),
        subcriterion: (e.subcriterion.id.clone(), e.subcriterion.title.clone()),
        priority: catalogue
            .priority(id)
            .map(|p| (catalogue.priorities.name.clone(), p.tier)),
        evidence: checks
            .iter()
            .map(|check| evidence(check, id, tree, today))
            .collect(),
    }
}

fn evidence(check: &UnitCheck, id: &str, tree: &dyn Tree, today: Date) -> EvidenceView {
    let state = check.element(id);
    let file = check.file_of(id);
    let front = file.and_then(|f| f.front.as_ref());
    let path = file.map(|f| f.path.clone());
    let items = front.map_or_else(Vec::new, |f| {
        f.evidence
            .iter()
            .map(|item| {
                let from = path.as_deref().unwrap_or("");
                let (target, resolution) = match (&item.path, &item.url) {
                    (None, None) => (None, Resolution::NoTarget),
                    (Some(p), Some(_)) => (Some(p.value.clone()), Resolution::BothTargets),
                    (Some(p), None) => (Some(p.value.clone()), resolve_path(tree, from, &p.value)),
                    (None, Some(u)) => (
                        Some(u.value.clone()),
                        if items::is_web_url(&u.value) {
                            Resolution::WebAddress
                        } else {
                            Resolution::InvalidUrl
                        },
                    ),
                };
                ItemView {
                    title: item.title.value.clone(),
                    target,
                    resolution,
                }
            })
            .collect()
    });
    let actions = front.map_or_else(Vec::new, |f| {
        f.actions
            .iter()
            .map(|a| {
                let due = a.due.as_ref().map(|d| d.value);
                ActionView {
                    action: a.action.value.clone(),
                    owner: a.owner.clone(),
                    due,
                    done: a.done,
                    overdue: a.is_open() && due.is_some_and(|d| d < today),
                }
            })
            .collect()
    });
    let diagnostics = check
        .diagnostics
        .iter()
        .filter(|d| d.element.as_deref() == Some(id))
        .cloned()
        .collect();
    let dir = check.unit.dir.trim_end_matches('/');
    EvidenceView {
        unit: check.unit.name.clone(),
        file: path,
        expected_file: if dir.is_empty() || dir == "." {
            format!("{id}.md")
        } else {
            format!("{dir}/{id}.md")
        },
        status: state.map_or(ElementStatus::Missing, |s| s.status),
        ready: state.is_some_and(|s| s.is_ready()),
        owner: front.and_then(|f| f.owner.clone()),
        reviewed: front.and_then(|f| f.reviewed.as_ref().map(|r| r.value)),
        items,
        actions,
        diagnostics,
    }
}

fn resolve_path(tree: &dyn Tree, from: &str, target: &str) -> Resolution {
    match tree::resolve(from, target.trim()) {
        None => Resolution::Outside,
        Some(resolved) => match tree.probe(&resolved) {
            PathState::File | PathState::Dir => Resolution::Found,
            PathState::Missing => Resolution::NotFound,
            PathState::Outside => Resolution::Outside,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_accepts_ids_and_suggests() {
        let c = Catalogue::builtin().unwrap();
        assert_eq!(lookup(&c, " 1.2.2 ").unwrap().element.id, "1.2.2");
        assert_eq!(lookup(&c, "4.3.2.md").unwrap().element.id, "4.3.2");
        let e = lookup(&c, "1.2.7").unwrap_err();
        assert_eq!(e.kind, UnknownKind::Other);
        assert!(e.suggestion.is_some());
        assert!(e.to_string().contains("did you mean"), "{e}");
        let e = lookup(&c, "3.1").unwrap_err();
        assert!(e.to_string().contains("3.1.1, 3.1.2"), "{e}");
        let e = lookup(&c, "banana").unwrap_err();
        assert_eq!(e.suggestion, None);
    }
}
