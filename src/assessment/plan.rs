//! What the next visit must cover, with a reason for each element.
//!
//! The rotation (every element rated at least once every `[cycle] years`) is `cse`'s
//! configurable convention for spreading the standard over the certification cycle, not a
//! published rule of the standard.

use jiff::ToSpan;
use jiff::civil::Date;

use super::History;
use super::visit::last_change;
use crate::catalogue::Catalogue;
use crate::checks::{LastChanged, UnitCheck};
use crate::evidence::Status;

/// Why an element is on the plan. The variants are in the order the plan lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Rated partial or non-compliant at the last visit.
    RatedBelow { rating: Status, on: Date },
    /// Its evidence file, or a document it cites, changed after the last visit.
    Changed { on: Date, visit: Date },
    /// Not rated at any visit in the last `years` years (`last_rated` is its latest rating),
    /// and among the oldest [`rotation_share`] such elements.
    Rotation {
        last_rated: Option<Date>,
        years: u32,
    },
    /// Rated Compliance Plus, and its evidence not reviewed since (`reviewed` is the
    /// oldest `reviewed` date among the units, `None` when a file has none).
    CompliancePlusNotReviewed {
        rated_on: Date,
        reviewed: Option<Date>,
    },
}

impl Reason {
    /// The rule's stable name, for JSON and CSV.
    pub fn rule(&self) -> &'static str {
        match self {
            Reason::RatedBelow { .. } => "rated-below-compliance",
            Reason::Changed { .. } => "changed-since-visit",
            Reason::Rotation { .. } => "rotation",
            Reason::CompliancePlusNotReviewed { .. } => "compliance-plus-not-reviewed",
        }
    }

    fn rank(&self) -> u8 {
        match self {
            Reason::RatedBelow { .. } => 0,
            Reason::Changed { .. } => 1,
            Reason::Rotation { .. } => 2,
            Reason::CompliancePlusNotReviewed { .. } => 3,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    pub id: String,
    /// At least one, in [`Reason`] order.
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The date of the visit planned for.
    pub visit: Date,
    /// The last visit before it, if any.
    pub last_visit: Option<Date>,
    pub years: u32,
    pub items: Vec<PlanItem>,
    /// Elements in the catalogue, for "N of M".
    pub elements: usize,
}

/// How many elements the rotation puts on one visit's plan: enough that yearly visits
/// cover the whole standard over `years` years.
pub fn rotation_share(elements: usize, years: u32) -> usize {
    elements.div_ceil(years.max(1) as usize)
}

/// The date planned for when none is given: a year after the last visit, or today.
pub fn default_date(history: &History, today: Date) -> Date {
    history
        .latest()
        .and_then(|v| v.date.checked_add(1.year()).ok())
        .unwrap_or(today)
}

/// The plan for a visit on `visit`.
pub fn plan(
    catalogue: &Catalogue,
    history: &History,
    checks: &[UnitCheck],
    dates: &dyn LastChanged,
    visit: Date,
    years: u32,
) -> Plan {
    let last = history.visits.iter().rev().find(|a| a.date < visit);
    let window_start = visit
        .checked_sub(i64::from(years).years())
        .unwrap_or(Date::MIN);
    // The rotation: elements not rated in the window, never-rated first, then the longest
    // ago, then in catalogue order; as many as one visit's share.
    let mut due: Vec<(Option<Date>, usize)> = catalogue
        .element_ids()
        .enumerate()
        .filter_map(|(index, id)| {
            let last_rated = last
                .and_then(|l| history.standing(id, l.date))
                .map(|(d, _)| d);
            last_rated
                .is_none_or(|d| d <= window_start)
                .then_some((last_rated, index))
        })
        .collect();
    due.sort();
    due.truncate(rotation_share(catalogue.element_count(), years));
    let mut items: Vec<(Option<Date>, usize, PlanItem)> = Vec::new();
    for (index, id) in catalogue.element_ids().enumerate() {
        let mut reasons = Vec::new();
        if let Some(last) = last {
            if let Some(r) = last
                .rating(id)
                .filter(|r| matches!(r.rating, Status::Partial | Status::NonCompliant))
            {
                reasons.push(Reason::RatedBelow {
                    rating: r.rating,
                    on: last.date,
                });
            }
            if let Some(on) = last_change(checks, id, dates).filter(|d| *d > last.date) {
                reasons.push(Reason::Changed {
                    on,
                    visit: last.date,
                });
            }
        }
        let standing = last.and_then(|l| history.standing(id, l.date));
        let last_rated = standing.map(|(d, _)| d);
        if due.iter().any(|(_, i)| *i == index) {
            reasons.push(Reason::Rotation { last_rated, years });
        }
        if let Some((rated_on, _)) = standing.filter(|(_, r)| r.rating == Status::CompliancePlus) {
            let reviewed = oldest_review(checks, id);
            if reviewed.is_none_or(|d| d <= rated_on) {
                reasons.push(Reason::CompliancePlusNotReviewed { rated_on, reviewed });
            }
        }
        if !reasons.is_empty() {
            items.push((
                last_rated,
                index,
                PlanItem {
                    id: id.to_owned(),
                    reasons,
                },
            ));
        }
    }
    // By the first reason; the rotation oldest first (never rated before anything);
    // then catalogue order.
    items.sort_by_key(|(last_rated, index, item)| {
        let rank = item.reasons[0].rank();
        let age = if matches!(item.reasons[0], Reason::Rotation { .. }) {
            *last_rated
        } else {
            None
        };
        (rank, age, *index)
    });
    Plan {
        visit,
        last_visit: last.map(|l| l.date),
        years,
        items: items.into_iter().map(|(_, _, item)| item).collect(),
        elements: catalogue.element_count(),
    }
}

/// The oldest `reviewed` date of the element's files; `None` when any file has none.
fn oldest_review(checks: &[UnitCheck], id: &str) -> Option<Date> {
    let mut oldest: Option<Date> = None;
    for check in checks {
        let reviewed = check
            .file_of(id)
            .and_then(|f| f.front.as_ref())
            .and_then(|f| f.reviewed.as_ref())
            .map(|r| r.value)?;
        oldest = Some(oldest.map_or(reviewed, |o| o.min(reviewed)));
    }
    oldest
}
