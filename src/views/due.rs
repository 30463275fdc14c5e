//! `cse due`: reviews and actions falling due within a window, or overdue, grouped by owner.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::checks::UnitCheck;
use crate::evidence::{EvidenceFile, ReviewBasis};
use crate::owners::owner_matches;
use crate::views::actions;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DueKind {
    /// The element's evidence needs reviewing again (`reviewed`, or without it the file's
    /// last commit, + `review_max_age`).
    Review,
    /// An open action with a due date.
    Action,
}

impl DueKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DueKind::Review => "review",
            DueKind::Action => "action",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueItem {
    pub kind: DueKind,
    pub unit: Option<String>,
    pub element: String,
    /// Repository-relative path of the evidence file.
    pub file: String,
    /// 1-based line of the `reviewed` date or of the action.
    pub line: u32,
    /// What to do: the action's text, or "Review the evidence (last reviewed on …)".
    pub what: String,
    /// The element's owner for a review; the action's owner (else the element's) for an action.
    pub owner: Option<String>,
    pub due: Date,
    pub overdue: bool,
}

/// The items of one owner; `owner` is `None` for items nobody owns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerGroup {
    pub owner: Option<String>,
    pub items: Vec<DueItem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueReport {
    pub today: Date,
    /// The `--owner` filter, when one was given.
    pub owner: Option<String>,
    /// The last day of the window.
    pub until: Date,
    /// Whether the items come from several units, so each names its unit.
    pub several_units: bool,
    /// Groups by owner name (unowned last); items by due date, then unit, element and line.
    pub groups: Vec<OwnerGroup>,
}

impl DueReport {
    pub fn items(&self) -> impl Iterator<Item = &DueItem> {
        self.groups.iter().flat_map(|g| &g.items)
    }
}

/// Reviews and open actions due on or before `until`, or overdue on `today`, of every unit.
/// `owner` keeps only one owner's items.
pub fn build(checks: &[UnitCheck], today: Date, until: Date, owner: Option<&str>) -> DueReport {
    let mut items = Vec::new();
    for check in checks {
        for file in &check.files {
            if let Some(item) = review_item(check, file) {
                items.push(item);
            }
        }
    }
    // The element owner of each file, for actions without their own.
    let owners: HashMap<(&Option<String>, &str), &str> = checks
        .iter()
        .flat_map(|c| c.files.iter().map(move |f| (&c.unit.name, f)))
        .filter_map(|(unit, f)| {
            Some(((unit, f.path.as_str()), f.front.as_ref()?.owner.as_deref()?))
        })
        .collect();
    let plan = actions::build(checks, today);
    for row in plan.rows {
        let Some(due) = row.due else { continue };
        let element_owner = owners
            .get(&(&row.unit, row.file.as_str()))
            .map(|o| (*o).to_owned());
        items.push(DueItem {
            kind: DueKind::Action,
            unit: row.unit,
            element: row.element,
            file: row.file,
            line: row.line,
            what: row.action,
            owner: row.owner.or(element_owner),
            due,
            overdue: row.overdue,
        });
    }
    items.retain(|i| i.due <= until || i.overdue);
    if let Some(filter) = owner {
        items.retain(|i| owner_matches(i.owner.as_deref(), filter));
    }
    DueReport {
        today,
        owner: owner.map(|o| o.trim().to_owned()),
        until,
        several_units: checks.len() > 1,
        groups: group(items),
    }
}

/// The review an element's file asks for, as the check judged it ([`crate::checks::judge_review`]).
fn review_item(check: &UnitCheck, file: &EvidenceFile) -> Option<DueItem> {
    let front = file.front.as_ref()?;
    // As `cse check` judged it (W001), git-dated or not.
    let review = file.review?;
    let (line, what) = match review.basis {
        ReviewBasis::Reviewed => (
            front.reviewed.as_ref()?.line,
            format!("Review the evidence (last reviewed on {})", review.since),
        ),
        ReviewBasis::LastCommit => (
            front.status.as_ref()?.line,
            format!(
                "Review the evidence (no `reviewed` date; the file last changed in git on {})",
                review.since
            ),
        ),
    };
    Some(DueItem {
        kind: DueKind::Review,
        unit: check.unit.name.clone(),
        element: file.element.clone(),
        file: file.path.clone(),
        line,
        what,
        owner: front.owner.clone(),
        due: review.due,
        overdue: review.stale,
    })
}

fn group(mut items: Vec<DueItem>) -> Vec<OwnerGroup> {
    items.sort_by(|a, b| {
        (
            a.owner.is_none(),
            &a.owner,
            a.due,
            &a.unit,
            &a.element,
            a.kind,
            a.line,
        )
            .cmp(&(
                b.owner.is_none(),
                &b.owner,
                b.due,
                &b.unit,
                &b.element,
                b.kind,
                b.line,
            ))
    });
    let mut groups: Vec<OwnerGroup> = Vec::new();
    for item in items {
        match groups.last_mut() {
            Some(g) if g.owner == item.owner => g.items.push(item),
            _ => groups.push(OwnerGroup {
                owner: item.owner.clone(),
                items: vec![item],
            }),
        }
    }
    groups
}
