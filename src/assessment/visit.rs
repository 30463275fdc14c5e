//! One visit beside the self-assessment: its counts, its Compliance Plus and partials, what
//! changed since the visit before, and where the service and the assessor disagree.

use std::collections::HashMap;

use jiff::civil::Date;

use super::{Assessment, History, ratings};
use crate::catalogue::Catalogue;
use crate::checks::{ElementState, ElementStatus, LastChanged, UnitCheck};
use crate::evidence::Status;
use crate::gates::{Figures, Finding, Verdict};
use crate::rollup::Rollup;
use crate::tree;

/// How many elements got each rating, and how many were not rated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// One per rating, in [`ratings`] order.
    pub rated: Vec<(Status, usize)>,
    pub not_rated: usize,
}

impl Counts {
    fn of<'a>(ids: impl Iterator<Item = &'a str>, visit: &Assessment) -> Counts {
        let mut counts = Counts {
            rated: ratings().map(|s| (s, 0)).collect(),
            not_rated: 0,
        };
        for id in ids {
            match visit.rating(id) {
                Some(r) => {
                    if let Some(c) = counts.rated.iter_mut().find(|(s, _)| *s == r.rating) {
                        c.1 += 1;
                    }
                }
                None => counts.not_rated += 1,
            }
        }
        counts
    }

    pub fn of_rating(&self, rating: Status) -> usize {
        self.rated
            .iter()
            .find(|(s, _)| *s == rating)
            .map_or(0, |(_, n)| *n)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionCounts {
    pub id: String,
    pub title: String,
    pub counts: Counts,
}

/// A partial from the visit, and whether it is overdue: its date has passed and the
/// element is still not ready.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partial {
    pub id: String,
    pub due: Option<Date>,
    pub note: Option<String>,
    pub ready_now: bool,
    pub overdue: bool,
}

/// Compliance Plus and partials, this visit against the one before. Each element's rating
/// stands until a later visit rates it again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub previous: Option<Date>,
    pub gained: Vec<String>,
    pub retained: Vec<String>,
    pub lost: Vec<String>,
    pub closed: Vec<String>,
    pub new_partials: Vec<String>,
}

/// An element whose self-assessed status is not the assessor's latest rating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub id: String,
    pub own: ElementStatus,
    pub assessor: Status,
    /// The visit that gave the rating.
    pub rated_on: Date,
    /// The last commit that changed the element's evidence file or a document it cites,
    /// when that came after the rating.
    pub changed_on: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitReport {
    pub visit: Assessment,
    pub today: Date,
    pub counts: Counts,
    pub criteria: Vec<CriterionCounts>,
    pub compliance_plus: Vec<String>,
    pub partials: Vec<Partial>,
    /// `None` for the first visit on record.
    pub since_previous: Option<Changes>,
    pub differences: Vec<Difference>,
}

/// Each element's state across the units (the least ready), by id.
pub fn states(rollup: &Rollup) -> HashMap<&str, &ElementState> {
    rollup
        .elements
        .iter()
        .map(|e| (e.id.as_str(), &e.state))
        .collect()
}

/// The date of the newest commit that changed the element's evidence file, or a document
/// one of its evidence items cites, in any unit.
pub fn last_change(checks: &[UnitCheck], id: &str, dates: &dyn LastChanged) -> Option<Date> {
    let mut newest: Option<Date> = None;
    for check in checks {
        let Some(file) = check.file_of(id) else {
            continue;
        };
        let mut paths = vec![file.path.clone()];
        if let Some(front) = &file.front {
            paths.extend(
                front
                    .evidence
                    .iter()
                    .filter_map(|item| item.path.as_ref())
                    .filter_map(|p| tree::resolve(&file.path, p.value.trim())),
            );
        }
        for path in paths {
            newest = newest.max(dates.last_changed(&path));
        }
    }
    newest
}

/// The report on the visit of `visit` (one of `history`'s).
pub fn report(
    catalogue: &Catalogue,
    history: &History,
    visit: &Assessment,
    rollup: &Rollup,
    checks: &[UnitCheck],
    dates: &dyn LastChanged,
    today: Date,
) -> VisitReport {
    let states = states(rollup);
    let ready = |id: &str| states.get(id).is_some_and(|s| s.is_ready());
    let criteria = catalogue
        .criteria
        .iter()
        .map(|c| CriterionCounts {
            id: c.id.clone(),
            title: c.title.clone(),
            counts: Counts::of(
                c.subcriteria
                    .iter()
                    .flat_map(|s| s.elements.iter().map(|e| e.id.as_str())),
                visit,
            ),
        })
        .collect();
    let compliance_plus = catalogue
        .element_ids()
        .filter(|id| {
            visit
                .rating(id)
                .is_some_and(|r| r.rating == Status::CompliancePlus)
        })
        .map(str::to_owned)
        .collect();
    let partials = visit
        .ratings
        .iter()
        .filter(|r| r.rating == Status::Partial)
        .map(|r| {
            let ready_now = ready(&r.element);
            Partial {
                id: r.element.clone(),
                due: r.due,
                note: r.note.clone(),
                ready_now,
                overdue: r.due.is_some_and(|d| d < today) && !ready_now,
            }
        })
        .collect();
    let since_previous = history
        .before(visit.date)
        .map(|previous| changes(catalogue, history, previous.date, visit.date));
    let differences = catalogue
        .element_ids()
        .filter_map(|id| {
            let (rated_on, rating) = history.standing(id, visit.date)?;
            let own = states.get(id).map_or(ElementStatus::Missing, |s| s.status);
            if own == ElementStatus::Rated(rating.rating) {
                return None;
            }
            Some(Difference {
                id: id.to_owned(),
                own,
                assessor: rating.rating,
                rated_on,
                changed_on: last_change(checks, id, dates).filter(|d| *d > rated_on),
            })
        })
        .collect();
    VisitReport {
        visit: visit.clone(),
        today,
        counts: Counts::of(catalogue.element_ids(), visit),
        criteria,
        compliance_plus,
        partials,
        since_previous,
        differences,
    }
}

fn changes(catalogue: &Catalogue, history: &History, before: Date, now: Date) -> Changes {
    let mut changes = Changes {
        previous: Some(before),
        ..Changes::default()
    };
    for id in catalogue.element_ids() {
        let then = history.standing(id, before).map(|(_, r)| r.rating);
        let (rated_on, rating) = match history.standing(id, now) {
            Some((d, r)) => (Some(d), Some(r.rating)),
            None => (None, None),
        };
        let cp = Some(Status::CompliancePlus);
        let list = match (then == cp, rating == cp) {
            (false, true) => Some(&mut changes.gained),
            (true, true) => Some(&mut changes.retained),
            (true, false) => Some(&mut changes.lost),
            (false, false) => None,
        };
        if let Some(list) = list {
            list.push(id.to_owned());
        }
        let partial = Some(Status::Partial);
        if then == partial && rating.is_some_and(Status::is_ready) {
            changes.closed.push(id.to_owned());
        }
        if rating == partial && then != partial && rated_on == Some(now) {
            changes.new_partials.push(id.to_owned());
        }
    }
    changes
}

/// `--require-no-open-partials`: fails while a partial from the latest visit is past its due
/// date and the element is still not ready.
pub fn open_partials_gate(report: Option<&VisitReport>, source: &str, figures: Figures) -> Verdict {
    let open: Vec<Finding> = report
        .into_iter()
        .flat_map(|r| r.partials.iter().map(move |p| (r.visit.date, p)))
        .filter_map(|(visit, p)| {
            let due = p.due.filter(|_| p.overdue)?;
            Some(Finding::OpenPartial {
                source: source.to_owned(),
                id: p.id.clone(),
                visit,
                due,
            })
        })
        .collect();
    if open.is_empty() {
        return Verdict {
            passed: true,
            figures,
            findings: vec![Finding::NoOpenPartials {
                source: source.to_owned(),
                visit: report.map(|r| r.visit.date),
            }],
        };
    }
    Verdict {
        passed: false,
        figures,
        findings: open,
    }
}
