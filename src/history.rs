//! Readiness over time: figures per commit, and which commits to show.

use jiff::civil::Date;
use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::checks::{ElementState, ElementStatus, UnitCheck, UnitStates};
use crate::git::Commit;
use crate::readiness::percent;

/// Ready elements out of all elements.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Fraction {
    pub ready: usize,
    pub elements: usize,
    /// Percentage, 0 to 100, rounded to one decimal place.
    pub readiness: f64,
}

impl Fraction {
    pub fn new(ready: usize, elements: usize) -> Fraction {
        Fraction {
            ready,
            elements,
            readiness: percent(ready, elements),
        }
    }

    /// Whether `self` is a lower share than `other`, compared exactly rather than rounded.
    pub fn is_below(&self, other: &Fraction) -> bool {
        (self.ready * other.elements) < (other.ready * self.elements)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionFigure {
    pub id: String,
    pub title: String,
    #[serde(flatten)]
    pub fraction: Fraction,
}

/// Readiness of every unit together, overall and per criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    #[serde(flatten)]
    pub overall: Fraction,
    pub criteria: Vec<CriterionFigure>,
    /// Elements whose evidence file cannot be read or parsed.
    pub invalid: usize,
    /// Errors found by `cse check`.
    pub errors: usize,
}

/// Figures from check results. Several units add up: a criterion's readiness is its ready
/// elements over its elements, across every unit.
pub fn figures(catalogue: &Catalogue, units: &[UnitCheck]) -> Figures {
    figures_of(
        catalogue,
        units.iter().map(|u| {
            let errors = u.diagnostics.iter().filter(|d| d.is_error()).count();
            (u.elements.as_slice(), errors)
        }),
    )
}

/// Figures from element states, as history computes them.
pub fn figures_of_states(catalogue: &Catalogue, units: &[UnitStates]) -> Figures {
    figures_of(
        catalogue,
        units.iter().map(|u| (u.elements.as_slice(), u.errors)),
    )
}

/// Figures from each unit's element states (in catalogue order) and error count. The same
/// counts as [`crate::readiness::compute`], without the rest of its report.
fn figures_of<'a>(
    catalogue: &Catalogue,
    units: impl Iterator<Item = (&'a [ElementState], usize)>,
) -> Figures {
    let mut criteria: Vec<(usize, usize)> = vec![(0, 0); catalogue.criteria.len()];
    let (mut invalid, mut errors) = (0, 0);
    for (elements, unit_errors) in units {
        // Elements come in catalogue order: each criterion's elements in turn.
        let mut states = elements.iter();
        for (slot, criterion) in criteria.iter_mut().zip(&catalogue.criteria) {
            let size: usize = criterion.subcriteria.iter().map(|s| s.elements.len()).sum();
            for state in states.by_ref().take(size) {
                slot.0 += usize::from(state.is_ready());
                slot.1 += 1;
                invalid += usize::from(state.status == ElementStatus::Invalid);
            }
        }
        errors += unit_errors;
    }
    let ready = criteria.iter().map(|c| c.0).sum();
    let elements = criteria.iter().map(|c| c.1).sum();
    Figures {
        overall: Fraction::new(ready, elements),
        criteria: catalogue
            .criteria
            .iter()
            .zip(criteria)
            .map(|(c, (ready, elements))| CriterionFigure {
                id: c.id.clone(),
                title: c.title.clone(),
                fraction: Fraction::new(ready, elements),
            })
            .collect(),
        invalid,
        errors,
    }
}

/// One commit of the history with its figures, or why they could not be computed
/// (such as a `cse.toml` that did not parse at that commit).
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub commit: Commit,
    pub figures: Result<Figures, String>,
}

impl Point {
    /// The figures of criterion `id` at this commit, when they could be computed.
    pub fn criterion(&self, id: &str) -> Option<&CriterionFigure> {
        self.figures
            .as_ref()
            .ok()?
            .criteria
            .iter()
            .find(|c| c.id == id)
    }
}

/// Which commits to show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Range {
    /// Commits made on or after this day.
    pub since: Option<Date>,
    /// Commits made on or before this day.
    pub until: Option<Date>,
    /// At most this many, the most recent.
    pub max: Option<usize>,
}

/// The commits in `range`, oldest first, from commits given newest first.
pub fn select(newest_first: Vec<Commit>, range: &Range) -> Vec<Commit> {
    let mut chosen: Vec<Commit> = newest_first
        .into_iter()
        .filter(|c| range.since.is_none_or(|s| c.date >= s))
        .filter(|c| range.until.is_none_or(|u| c.date <= u))
        .take(range.max.unwrap_or(usize::MAX))
        .collect();
    chosen.reverse();
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commit(day: &str) -> Commit {
        Commit {
            id: format!("{day}0000000000000000000000000000000"),
            short: day.to_owned(),
            tree: String::new(),
            time: format!("{day}T12:00:00Z").parse().unwrap(),
            date: day.parse().unwrap(),
            subject: day.to_owned(),
        }
    }

    #[test]
    fn select_filters_and_orders() {
        let newest_first = vec![
            commit("2026-03-01"),
            commit("2026-02-01"),
            commit("2026-01-01"),
            commit("2025-12-01"),
        ];
        let days = |range: Range| -> Vec<String> {
            select(newest_first.clone(), &range)
                .into_iter()
                .map(|c| c.date.to_string())
                .collect()
        };
        assert_eq!(days(Range::default()).len(), 4);
        assert_eq!(
            days(Range {
                since: Some("2026-01-01".parse().unwrap()),
                until: Some("2026-02-01".parse().unwrap()),
                max: None
            }),
            ["2026-01-01", "2026-02-01"]
        );
        assert_eq!(
            days(Range {
                max: Some(2),
                ..Range::default()
            }),
            ["2026-02-01", "2026-03-01"]
        );
    }

    #[test]
    fn fractions_compare_exactly() {
        assert!(Fraction::new(1, 3).is_below(&Fraction::new(2, 5)));
        assert!(!Fraction::new(2, 6).is_below(&Fraction::new(1, 3)));
        assert_eq!(Fraction::new(1, 3).readiness, 33.3);
    }
}
