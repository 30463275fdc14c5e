//! Readiness figures: ready elements over elements, per scope, with counts by status, and the
//! assessment-ready verdict. The one place these are computed; every command reads them here.

use serde::Serialize;
use serde::ser::SerializeMap;

use crate::catalogue::Catalogue;
use crate::checks::{ElementState, ElementStatus};
use crate::evidence::Status;

/// Ready elements out of elements: the one tally every figure is made of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Tally {
    pub ready: usize,
    pub elements: usize,
    /// Percentage, 0 to 100, rounded to one decimal place.
    pub readiness: f64,
}

impl Tally {
    pub fn new(ready: usize, elements: usize) -> Tally {
        Tally {
            ready,
            elements,
            readiness: percent(ready, elements),
        }
    }

    /// Whether `self` is a lower share than `other`, compared exactly rather than rounded.
    pub fn is_below(&self, other: &Tally) -> bool {
        (self.ready * other.elements) < (other.ready * self.elements)
    }

    /// Serialises as `elements`, `ready`, `readiness`: the order of the status documents.
    pub fn serialize_elements_first<S: serde::Serializer>(
        tally: &Tally,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("elements", &tally.elements)?;
        map.serialize_entry("ready", &tally.ready)?;
        map.serialize_entry("readiness", &tally.readiness)?;
        map.end()
    }
}

/// Elements per status in a scope, indexed as [`ElementStatus::ALL`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts([usize; 7]);

impl Counts {
    /// Column names, in the order of [`Counts::values`].
    pub const NAMES: [&'static str; 7] = {
        let mut names = [""; 7];
        let mut i = 0;
        while i < names.len() {
            names[i] = ElementStatus::ALL[i].as_str();
            i += 1;
        }
        names
    };

    pub fn values(&self) -> [usize; 7] {
        self.0
    }

    pub fn of(&self, status: ElementStatus) -> usize {
        self.0[status.index()]
    }

    fn add(&mut self, status: ElementStatus) {
        self.0[status.index()] += 1;
    }
}

impl Serialize for Counts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, n) in Counts::NAMES.iter().zip(self.0) {
            map.serialize_entry(name, &n)?;
        }
        map.end()
    }
}

/// Readiness of one scope: a criterion, a sub-criterion, the whole standard.
#[derive(Debug, Clone, PartialEq)]
pub struct Scope {
    pub id: Option<String>,
    pub title: Option<String>,
    pub tally: Tally,
    pub counts: Counts,
}

impl Serialize for Scope {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(id) = &self.id {
            map.serialize_entry("id", id)?;
        }
        if let Some(title) = &self.title {
            map.serialize_entry("title", title)?;
        }
        map.serialize_entry("elements", &self.tally.elements)?;
        map.serialize_entry("ready", &self.tally.ready)?;
        map.serialize_entry("readiness", &self.tally.readiness)?;
        map.serialize_entry("counts", &self.counts)?;
        map.end()
    }
}

/// Why evidence is not assessment-ready. Renderers word these (`render::words`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// No evidence file.
    Missing,
    /// Front matter that cannot be read.
    Invalid,
    /// `cse check` finds errors in the element's file.
    Errors,
    NotAssessed,
    NonCompliant,
    /// Partial with no open action in its action plan.
    PartialWithoutAction,
    /// More partial elements in a criterion than `[gate] max_partial_per_criterion` allows.
    TooManyPartials {
        criterion: String,
        max: usize,
    },
}

/// One reason the verdict is no: a problem and the elements that have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// The unit whose evidence has the problem, when an institution has several.
    pub unit: Option<String>,
    pub problem: Problem,
    /// Element ids, in catalogue order.
    pub elements: Vec<String>,
}

/// Whether the evidence could go to an assessor, and if not, why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub ready: bool,
    pub reasons: Vec<Reason>,
}

/// A local rule stricter than `cse`'s own: `[gate] max_partial_per_criterion`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rule {
    pub max_partial_per_criterion: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Readiness {
    pub overall: Scope,
    pub criteria: Vec<Scope>,
    pub subcriteria: Vec<Scope>,
    /// The cohort priority list.
    pub priorities: Tally,
    pub assessment: Assessment,
    /// Elements that have a file but count as not ready because of errors.
    pub not_ready_by_errors: usize,
}

/// Percentage rounded to one decimal place; 0 for an empty scope.
pub fn percent(ready: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        (ready as f64 * 1000.0 / total as f64).round() / 10.0
    }
}

fn scope<'a>(
    id: Option<&str>,
    title: Option<&str>,
    states: impl Iterator<Item = &'a ElementState>,
) -> Scope {
    let mut counts = Counts::default();
    let (mut elements, mut ready) = (0, 0);
    for s in states {
        elements += 1;
        ready += usize::from(s.is_ready());
        counts.add(s.status);
    }
    Scope {
        id: id.map(str::to_owned),
        title: title.map(str::to_owned),
        tally: Tally::new(ready, elements),
        counts,
    }
}

/// Whether a rated element has errors (missing and unreadable files are reasons of their own).
fn has_errors(s: &ElementState) -> bool {
    s.errors > 0 && matches!(s.status, ElementStatus::Rated(_))
}

/// Readiness from the element states of one unit (or an institution), in catalogue order.
pub fn compute(catalogue: &Catalogue, states: &[ElementState], rule: Rule) -> Readiness {
    let by_id: std::collections::HashMap<&str, &ElementState> =
        states.iter().map(|s| (s.id.as_str(), s)).collect();
    let in_scope = |prefix: &str| {
        let prefix = format!("{prefix}.");
        states.iter().filter(move |s| s.id.starts_with(&prefix))
    };
    let criteria: Vec<Scope> = catalogue
        .criteria
        .iter()
        .map(|c| scope(Some(&c.id), Some(&c.title), in_scope(&c.id)))
        .collect();
    let subcriteria = catalogue
        .criteria
        .iter()
        .flat_map(|c| &c.subcriteria)
        .map(|s| scope(Some(&s.id), Some(&s.title), in_scope(&s.id)))
        .collect();
    let priority_states: Vec<&ElementState> = catalogue
        .priorities
        .entries
        .iter()
        .filter_map(|p| by_id.get(p.id.as_str()).copied())
        .collect();
    let priorities = Tally::new(
        priority_states.iter().filter(|s| s.is_ready()).count(),
        priority_states.len(),
    );
    let assessment = assess(catalogue, states, rule);
    Readiness {
        overall: scope(None, None, states.iter()),
        criteria,
        subcriteria,
        priorities,
        assessment,
        not_ready_by_errors: states.iter().filter(|s| s.not_ready_by_errors()).count(),
    }
}

/// `cse`'s own rule (docs/readiness.md states it): not assessment-ready while any element is missing,
/// unreadable, has errors, is not assessed or non-compliant, or is partial without an open
/// action; and, with `rule`, while a criterion has more partial elements than it allows.
fn assess(catalogue: &Catalogue, states: &[ElementState], rule: Rule) -> Assessment {
    let ids = |pred: &dyn Fn(&ElementState) -> bool| -> Vec<String> {
        states
            .iter()
            .filter(|s| pred(s))
            .map(|s| s.id.clone())
            .collect()
    };
    let rated = |status: Status| move |s: &ElementState| s.status == ElementStatus::Rated(status);
    let mut found: Vec<(Problem, Vec<String>)> = vec![
        (
            Problem::Missing,
            ids(&|s| s.status == ElementStatus::Missing),
        ),
        (
            Problem::Invalid,
            ids(&|s| s.status == ElementStatus::Invalid),
        ),
        (Problem::Errors, ids(&has_errors)),
        (Problem::NotAssessed, ids(&rated(Status::NotAssessed))),
        (Problem::NonCompliant, ids(&rated(Status::NonCompliant))),
        (
            Problem::PartialWithoutAction,
            ids(&|s| s.status == ElementStatus::Rated(Status::Partial) && !s.open_action),
        ),
    ];
    if let Some(max) = rule.max_partial_per_criterion {
        for c in &catalogue.criteria {
            let prefix = format!("{}.", c.id);
            let partial = ids(&|s| {
                s.id.starts_with(&prefix) && s.status == ElementStatus::Rated(Status::Partial)
            });
            if partial.len() > max {
                let problem = Problem::TooManyPartials {
                    criterion: c.id.clone(),
                    max,
                };
                found.push((problem, partial));
            }
        }
    }
    let reasons: Vec<Reason> = found
        .into_iter()
        .filter(|(_, elements)| !elements.is_empty())
        .map(|(problem, elements)| Reason {
            unit: None,
            problem,
            elements,
        })
        .collect();
    Assessment {
        ready: reasons.is_empty(),
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn states(f: impl Fn(&str) -> (ElementStatus, usize, bool)) -> Vec<ElementState> {
        Catalogue::builtin()
            .unwrap()
            .element_ids()
            .map(|id| {
                let (status, errors, open_action) = f(id);
                ElementState {
                    id: id.to_owned(),
                    file: None,
                    status,
                    errors,
                    open_action,
                }
            })
            .collect()
    }

    const COMPLIANT: ElementStatus = ElementStatus::Rated(Status::Compliant);
    const PARTIAL: ElementStatus = ElementStatus::Rated(Status::Partial);

    #[test]
    fn percent_rounds_to_one_place() {
        assert_eq!(percent(0, 0), 0.0);
        assert_eq!(percent(1, 3), 33.3);
        assert_eq!(percent(2, 3), 66.7);
        assert_eq!(percent(57, 57), 100.0);
    }

    #[test]
    fn tallies_compare_exactly() {
        assert!(Tally::new(1, 3).is_below(&Tally::new(2, 5)));
        assert!(!Tally::new(2, 6).is_below(&Tally::new(1, 3)));
        assert_eq!(Tally::new(1, 3).readiness, 33.3);
    }

    #[test]
    fn counts_follow_the_one_status_list() {
        assert_eq!(
            Counts::NAMES,
            [
                "compliance-plus",
                "compliant",
                "partial",
                "non-compliant",
                "not-assessed",
                "missing",
                "invalid"
            ]
        );
        for (i, s) in ElementStatus::ALL.into_iter().enumerate() {
            assert_eq!(s.index(), i);
        }
        // Least ready first when sorted.
        let mut sorted = ElementStatus::ALL;
        sorted.sort();
        assert_eq!(sorted[0], ElementStatus::Missing);
        assert_eq!(sorted[6], ElementStatus::Rated(Status::CompliancePlus));
    }

    #[test]
    fn errors_make_compliant_evidence_not_assessment_ready() {
        let cat = Catalogue::builtin().unwrap();
        let r = compute(
            &cat,
            &states(|id| match id {
                "1.1.1" | "2.1.1" => (COMPLIANT, 1, false),
                _ => (COMPLIANT, 0, false),
            }),
            Rule::default(),
        );
        assert_eq!(r.overall.tally.ready, 55);
        assert_eq!(r.not_ready_by_errors, 2);
        assert!(!r.assessment.ready);
        assert_eq!(
            r.assessment.reasons,
            vec![Reason {
                unit: None,
                problem: Problem::Errors,
                elements: vec!["1.1.1".into(), "2.1.1".into()],
            }]
        );
    }

    #[test]
    fn partials_need_an_open_action_and_may_be_capped_per_criterion() {
        let cat = Catalogue::builtin().unwrap();
        let s = states(|id| match id {
            "1.1.1" | "1.1.2" => (PARTIAL, 0, true),
            "2.1.1" => (PARTIAL, 0, false),
            _ => (COMPLIANT, 0, false),
        });
        let r = compute(&cat, &s, Rule::default());
        assert_eq!(r.assessment.reasons.len(), 1);
        assert_eq!(
            r.assessment.reasons[0].problem,
            Problem::PartialWithoutAction
        );
        assert_eq!(r.assessment.reasons[0].elements, ["2.1.1"]);

        let strict = Rule {
            max_partial_per_criterion: Some(1),
        };
        let r = compute(&cat, &s, strict);
        assert_eq!(r.assessment.reasons.len(), 2);
        assert_eq!(
            r.assessment.reasons[1].problem,
            Problem::TooManyPartials {
                criterion: "1".into(),
                max: 1
            }
        );
        assert_eq!(r.assessment.reasons[1].elements, ["1.1.1", "1.1.2"]);
    }
}
