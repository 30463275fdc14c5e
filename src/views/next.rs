//! `cse next`: one ranked work queue, drawn from the check results, the actions, the
//! documents and the review dates. The order is seven rules, then due date, then element.

use jiff::civil::Date;

use crate::catalogue::Catalogue;
use crate::checks::{self, ElementStatus, UnitCheck};
use crate::documents::Document;
use crate::evidence::{ReviewBasis, Status};
use crate::git::Change;
use crate::owners::owner_matches;

/// The seven rules, in the order they rank work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NextKind {
    /// 1. Errors that make an element not ready.
    FixErrors,
    /// 2. A priority element that is missing, not assessed or non-compliant.
    PriorityGap,
    /// 3. A partial element without an open action.
    PartialWithoutAction,
    /// 4. An overdue action.
    OverdueAction,
    /// 5. A document changed since the element was reviewed.
    DocumentChanged,
    /// 6. A stale review.
    StaleReview,
    /// 7. Any other element that is not ready (priority elements first).
    NotReady,
}

impl NextKind {
    pub const ALL: [NextKind; 7] = [
        NextKind::FixErrors,
        NextKind::PriorityGap,
        NextKind::PartialWithoutAction,
        NextKind::OverdueAction,
        NextKind::DocumentChanged,
        NextKind::StaleReview,
        NextKind::NotReady,
    ];

    /// The stable name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            NextKind::FixErrors => "fix-errors",
            NextKind::PriorityGap => "priority-gap",
            NextKind::PartialWithoutAction => "partial-without-action",
            NextKind::OverdueAction => "overdue-action",
            NextKind::DocumentChanged => "document-changed",
            NextKind::StaleReview => "stale-review",
            NextKind::NotReady => "not-ready",
        }
    }
}

/// Why an item is in the queue, as data; renderers word it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    Errors {
        count: usize,
        /// The first error's message.
        first: String,
    },
    PriorityGap {
        status: ElementStatus,
    },
    PartialWithoutAction,
    OverdueAction {
        action: String,
    },
    DocumentChanged {
        /// The document's repository-relative path.
        document: String,
        change: Change,
        reviewed: Date,
    },
    /// Reckoned from `since`, a `reviewed` date or, without one, the file's last commit.
    StaleReview {
        basis: ReviewBasis,
        since: Date,
    },
    NotReady {
        status: ElementStatus,
        priority: bool,
        open_actions: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextItem {
    /// 1-based place in the queue.
    pub rank: usize,
    pub kind: NextKind,
    pub unit: Option<String>,
    pub element: String,
    /// Repository-relative path of the evidence file (where it should be, when missing).
    pub file: String,
    pub owner: Option<String>,
    pub reason: Reason,
    pub due: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextQueue {
    pub today: Date,
    /// The `--owner` filter, when one was given.
    pub owner: Option<String>,
    pub several_units: bool,
    /// Items before `--limit`.
    pub total: usize,
    pub items: Vec<NextItem>,
}

/// What `build` needs besides the check results.
pub struct NextInput<'a> {
    pub catalogue: &'a Catalogue,
    pub checks: &'a [UnitCheck],
    /// Cited documents with their last change (empty when the history is unknown).
    pub documents: &'a [Document],
    pub today: Date,
    pub owner: Option<&'a str>,
    pub limit: Option<usize>,
}

/// Rule; for rule 7, not a priority element; undated; due date; element position; unit.
type RankKey = (NextKind, bool, bool, Option<Date>, usize, usize);

/// The ranked queue: by rule, then (for rule 7) priority elements first, then due date
/// (undated last), then element in catalogue order, then unit.
pub fn build(input: &NextInput<'_>) -> NextQueue {
    let mut keyed: Vec<(RankKey, NextItem)> = Vec::new();
    let mut push = |unit_index: usize, position: usize, priority: bool, item: NextItem| {
        let not_priority_first = item.kind == NextKind::NotReady && !priority;
        let key = (
            item.kind,
            not_priority_first,
            item.due.is_none(),
            item.due,
            position,
            unit_index,
        );
        keyed.push((key, item));
    };
    for (unit_index, check) in input.checks.iter().enumerate() {
        for (position, state) in check.elements.iter().enumerate() {
            let id = state.id.as_str();
            let priority = input.catalogue.priority(id).is_some();
            let file = check.file_of(id);
            let front = file.and_then(|f| f.front.as_ref());
            let path = file.map_or_else(
                || format!("{}/{id}.md", check.unit.dir.trim_end_matches('/')),
                |f| f.path.clone(),
            );
            let owner = front.and_then(|f| f.owner.clone());
            let item = |kind, reason, owner: Option<String>, due| NextItem {
                rank: 0,
                kind,
                unit: check.unit.name.clone(),
                element: id.to_owned(),
                file: path.clone(),
                owner,
                reason,
                due,
            };
            let open_actions =
                front.map_or(0, |f| f.actions.iter().filter(|a| a.is_open()).count());
            if let Some(reason) = readiness_reason(check, state, priority, open_actions) {
                let kind = match reason {
                    Reason::Errors { .. } => NextKind::FixErrors,
                    Reason::PriorityGap { .. } => NextKind::PriorityGap,
                    Reason::PartialWithoutAction => NextKind::PartialWithoutAction,
                    _ => NextKind::NotReady,
                };
                push(
                    unit_index,
                    position,
                    priority,
                    item(kind, reason, owner.clone(), None),
                );
            }
            let Some(front) = front else { continue };
            for a in front.actions.iter().filter(|a| a.is_open()) {
                let Some(due) = &a.due else { continue };
                if checks::is_overdue(due.value, input.today) {
                    let reason = Reason::OverdueAction {
                        action: a.action.value.clone(),
                    };
                    let who = a.owner.clone().or_else(|| owner.clone());
                    push(
                        unit_index,
                        position,
                        priority,
                        item(NextKind::OverdueAction, reason, who, Some(due.value)),
                    );
                }
            }
            // As `cse check` judged it (W001), git-dated or not.
            if let Some(review) = file.and_then(|f| f.review).filter(|r| r.stale) {
                let reason = Reason::StaleReview {
                    basis: review.basis,
                    since: review.since,
                };
                push(
                    unit_index,
                    position,
                    priority,
                    item(
                        NextKind::StaleReview,
                        reason,
                        owner.clone(),
                        Some(review.due),
                    ),
                );
            }
        }
    }
    for d in input.documents {
        let Some(change) = &d.last_changed else {
            continue;
        };
        for c in d.changed_since_review() {
            let Some(reviewed) = &c.reviewed else {
                continue;
            };
            let unit_index = input
                .checks
                .iter()
                .position(|u| u.unit.name.as_deref() == c.unit.as_deref())
                .unwrap_or(usize::MAX);
            let item = NextItem {
                rank: 0,
                kind: NextKind::DocumentChanged,
                unit: c.unit.as_deref().map(str::to_owned),
                element: c.element.to_string(),
                file: c.file.to_string(),
                owner: c.owner.as_deref().map(str::to_owned),
                reason: Reason::DocumentChanged {
                    document: d.path.clone(),
                    change: change.clone(),
                    reviewed: reviewed.value,
                },
                due: None,
            };
            let priority = input.catalogue.priority(&c.element).is_some();
            push(unit_index, c.position, priority, item);
        }
    }
    if let Some(filter) = input.owner {
        keyed.retain(|(_, i)| owner_matches(i.owner.as_deref(), filter));
    }
    keyed.sort_by(|(a, ai), (b, bi)| a.cmp(b).then_with(|| ai.file.cmp(&bi.file)));
    let total = keyed.len();
    let items = keyed
        .into_iter()
        .take(input.limit.unwrap_or(usize::MAX))
        .enumerate()
        .map(|(i, (_, mut item))| {
            item.rank = i + 1;
            item
        })
        .collect();
    NextQueue {
        today: input.today,
        owner: input.owner.map(|o| o.trim().to_owned()),
        several_units: input.checks.len() > 1,
        total,
        items,
    }
}

/// Rules 1, 2, 3 and 7: why an element is not ready, or `None` when it is.
fn readiness_reason(
    check: &UnitCheck,
    state: &checks::ElementState,
    priority: bool,
    open_actions: usize,
) -> Option<Reason> {
    if state.is_ready() {
        return None;
    }
    if state.file.is_some() && state.errors > 0 {
        let first = check
            .diagnostics
            .iter()
            .find(|d| d.is_error() && d.element.as_deref() == Some(state.id.as_str()))
            .map(|d| d.message.clone())
            .unwrap_or_default();
        return Some(Reason::Errors {
            count: state.errors,
            first,
        });
    }
    let gap = matches!(
        state.status,
        ElementStatus::Missing | ElementStatus::Rated(Status::NotAssessed | Status::NonCompliant)
    );
    if priority && gap {
        return Some(Reason::PriorityGap {
            status: state.status,
        });
    }
    if state.status == ElementStatus::Rated(Status::Partial) && open_actions == 0 {
        return Some(Reason::PartialWithoutAction);
    }
    Some(Reason::NotReady {
        status: state.status,
        priority,
        open_actions,
    })
}
