//! Institution figures from several units. An element is ready for the institution only when it
//! is ready in every unit; its institution status is the least ready of its unit statuses.

use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::checks::{ElementState, ElementStatus, UnitCheck, UnitStates};
use crate::evidence::Status;
use crate::readiness::{self, Assessment, Readiness, Rule};

/// One unit's own readiness.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitReadiness {
    /// The unit's name, or its folder when the repository has a single unnamed unit.
    pub name: String,
    pub readiness: Readiness,
}

/// Where one element stands across the units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElementRollup {
    pub id: String,
    /// The institution's state: the least ready status, and errors summed over the units.
    #[serde(skip)]
    pub state: ElementState,
    /// Names of the units where the element is not ready, in unit order.
    pub not_ready_in: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rollup {
    /// Per unit, in the order given.
    pub units: Vec<UnitReadiness>,
    /// The institution: each element counts as ready only when every unit has it ready.
    pub institution: Readiness,
    /// One per catalogue element, in catalogue order.
    pub elements: Vec<ElementRollup>,
}

impl Rollup {
    /// Whether there are several units, so the institution figures differ from a unit's.
    pub fn is_institution(&self) -> bool {
        self.units.len() > 1
    }

    /// The figures to report: the only unit's when there is one, else the institution's.
    pub fn headline(&self) -> &Readiness {
        match self.units.as_slice() {
            [only] => &only.readiness,
            _ => &self.institution,
        }
    }

    /// The units where `id` is not ready; empty when it is ready everywhere or unknown.
    pub fn not_ready_in(&self, id: &str) -> &[String] {
        self.elements
            .iter()
            .find(|e| e.id == id)
            .map_or(&[], |e| e.not_ready_in.as_slice())
    }
}

/// One unit's element states, in catalogue order, under its name.
#[derive(Debug, Clone, Copy)]
pub struct UnitElements<'a> {
    pub name: &'a str,
    pub elements: &'a [ElementState],
}

/// The name a unit goes by: its own, or its folder when the repository has a single unit.
fn unit_name(unit: &crate::checks::Unit) -> &str {
    unit.name.as_deref().unwrap_or(&unit.dir)
}

impl<'a> From<&'a UnitCheck> for UnitElements<'a> {
    fn from(check: &'a UnitCheck) -> Self {
        UnitElements {
            name: unit_name(&check.unit),
            elements: &check.elements,
        }
    }
}

impl<'a> From<&'a UnitStates> for UnitElements<'a> {
    fn from(states: &'a UnitStates) -> Self {
        UnitElements {
            name: unit_name(&states.unit),
            elements: &states.elements,
        }
    }
}

/// The state of catalogue element number `index` (id `id`) in one unit.
fn state_in<'a>(unit: &UnitElements<'a>, index: usize, id: &str) -> Option<&'a ElementState> {
    match unit.elements.get(index) {
        Some(s) if s.id == id => Some(s),
        _ => unit.elements.iter().find(|s| s.id == id),
    }
}

/// The institution can go to assessment when every unit can; the reasons are the units' own,
/// each naming its unit, so each unit sees what it has to do.
fn assessment_by_unit(units: &[UnitReadiness]) -> Assessment {
    Assessment {
        ready: units.iter().all(|u| u.readiness.assessment.ready),
        reasons: units
            .iter()
            .flat_map(|u| {
                u.readiness.assessment.reasons.iter().map(|r| {
                    let mut r = r.clone();
                    r.unit = Some(u.name.clone());
                    r
                })
            })
            .collect(),
    }
}

/// Rolls several units' checks up into institution figures.
pub fn roll_up(catalogue: &Catalogue, checks: &[UnitCheck], rule: Rule) -> Rollup {
    let units: Vec<UnitElements> = checks.iter().map(UnitElements::from).collect();
    roll_up_states(catalogue, &units, rule)
}

/// Rolls units' element states up into institution figures: the one roll-up every command
/// uses. With no units every element is missing.
pub fn roll_up_states(catalogue: &Catalogue, units: &[UnitElements], rule: Rule) -> Rollup {
    let unit_figures: Vec<UnitReadiness> = units
        .iter()
        .map(|u| UnitReadiness {
            name: u.name.to_owned(),
            readiness: readiness::compute(catalogue, u.elements, rule),
        })
        .collect();
    let elements: Vec<ElementRollup> = catalogue
        .element_ids()
        .enumerate()
        .map(|(index, id)| {
            let mut status = None::<ElementStatus>;
            let mut errors = 0;
            // A partial element has an action plan for the institution when every unit that
            // rates it partial has one.
            let mut open_action = true;
            let mut not_ready_in = Vec::new();
            for unit in units {
                let unit_state = state_in(unit, index, id);
                let unit_status = unit_state.map_or(ElementStatus::Missing, |s| s.status);
                status = Some(status.map_or(unit_status, |worst| worst.min(unit_status)));
                errors += unit_state.map_or(0, |s| s.errors);
                if unit_status == ElementStatus::Rated(Status::Partial) {
                    open_action &= unit_state.is_some_and(|s| s.open_action);
                }
                if !unit_state.is_some_and(ElementState::is_ready) {
                    not_ready_in.push(unit.name.to_owned());
                }
            }
            ElementRollup {
                id: id.to_owned(),
                state: ElementState {
                    id: id.to_owned(),
                    file: None,
                    status: status.unwrap_or(ElementStatus::Missing),
                    errors,
                    open_action,
                },
                not_ready_in,
            }
        })
        .collect();
    let states: Vec<ElementState> = elements.iter().map(|e| e.state.clone()).collect();
    let mut institution = readiness::compute(catalogue, &states, rule);
    if unit_figures.len() > 1 {
        institution.assessment = assessment_by_unit(&unit_figures);
    }
    Rollup {
        units: unit_figures,
        institution,
        elements,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Unit;
    use crate::readiness::{Problem, Reason};

    fn catalogue() -> Catalogue {
        Catalogue::builtin().unwrap()
    }

    /// A unit where every element has `status` and no errors, except those in `changes`.
    fn unit(name: &str, status: Status, changes: &[(&str, ElementStatus, usize)]) -> UnitCheck {
        let elements = catalogue()
            .element_ids()
            .map(|id| {
                let (status, errors) = changes
                    .iter()
                    .find(|c| c.0 == id)
                    .map_or((ElementStatus::Rated(status), 0), |c| (c.1, c.2));
                ElementState {
                    id: id.to_owned(),
                    file: None,
                    status,
                    errors,
                    open_action: false,
                }
            })
            .collect();
        UnitCheck {
            unit: Unit {
                name: Some(name.into()),
                dir: format!("evidence/{name}"),
            },
            files: Vec::new(),
            elements,
            diagnostics: Vec::new(),
            files_checked: 57,
        }
    }

    #[test]
    fn ready_in_one_unit_and_not_the_other_is_not_ready_for_the_institution() {
        let cat = catalogue();
        let central = unit("central-library", Status::Compliant, &[]);
        let mobile = unit(
            "mobile-library",
            Status::Compliant,
            &[("1.2.2", ElementStatus::Rated(Status::NonCompliant), 0)],
        );
        let r = roll_up(&cat, &[central, mobile], Rule::default());

        assert_eq!(r.units.len(), 2);
        assert_eq!(r.units[0].name, "central-library");
        assert_eq!(r.units[0].readiness.overall.tally.ready, 57);
        assert_eq!(r.units[0].readiness.overall.tally.readiness, 100.0);
        assert!(r.units[0].readiness.assessment.ready);
        assert_eq!(r.units[1].readiness.overall.tally.ready, 56);

        assert_eq!(r.institution.overall.tally.ready, 56);
        assert_eq!(r.institution.overall.tally.readiness, 98.2);
        assert_eq!(
            r.institution
                .overall
                .counts
                .of(ElementStatus::Rated(Status::NonCompliant)),
            1
        );
        assert!(!r.institution.assessment.ready);
        assert_eq!(
            r.institution.assessment.reasons,
            vec![Reason {
                unit: Some("mobile-library".into()),
                problem: Problem::NonCompliant,
                elements: vec!["1.2.2".into()],
            }]
        );
        assert!(r.is_institution());
        assert_eq!(r.headline(), &r.institution);
        let c1 = &r.institution.criteria[0];
        assert_eq!(
            (c1.id.as_deref(), c1.tally.ready, c1.tally.elements),
            (Some("1"), 10, 11)
        );

        assert_eq!(r.not_ready_in("1.2.2"), ["mobile-library"]);
        assert!(r.not_ready_in("1.1.1").is_empty());
    }

    #[test]
    fn errors_in_any_unit_make_the_element_not_ready() {
        let cat = catalogue();
        let a = unit("a", Status::CompliancePlus, &[]);
        let b = unit(
            "b",
            Status::Compliant,
            &[("3.1.1", ElementStatus::Rated(Status::Compliant), 2)],
        );
        let r = roll_up(&cat, &[a, b], Rule::default());
        assert_eq!(r.institution.overall.tally.ready, 56);
        assert_eq!(r.not_ready_in("3.1.1"), ["b"]);
        assert_eq!(r.institution.not_ready_by_errors, 1);
        // The least ready status is counted: compliant, not compliance-plus.
        assert_eq!(
            r.institution
                .overall
                .counts
                .of(ElementStatus::Rated(Status::Compliant)),
            57
        );
    }

    #[test]
    fn least_ready_status_wins_and_missing_is_worst() {
        let cat = catalogue();
        let a = unit(
            "a",
            Status::Partial,
            &[("1.1.1", ElementStatus::Missing, 0)],
        );
        let b = unit(
            "b",
            Status::Compliant,
            &[("1.1.1", ElementStatus::Rated(Status::NotAssessed), 0)],
        );
        let r = roll_up(&cat, &[a, b], Rule::default());
        assert_eq!(r.elements[0].state.status, ElementStatus::Missing);
        assert_eq!(r.institution.overall.counts.of(ElementStatus::Missing), 1);
        assert_eq!(
            r.institution
                .overall
                .counts
                .of(ElementStatus::Rated(Status::Partial)),
            56
        );
        assert_eq!(r.not_ready_in("1.1.1"), ["a", "b"]);
        assert_eq!(r.not_ready_in("1.1.2"), ["a"]);
        assert_eq!(r.institution.overall.tally.ready, 0);
    }

    #[test]
    fn every_unit_ready_means_the_institution_is_ready() {
        let cat = catalogue();
        let units: Vec<UnitCheck> = (0..3)
            .map(|i| unit(&format!("u{i}"), Status::Compliant, &[]))
            .collect();
        let r = roll_up(&cat, &units, Rule::default());
        assert_eq!(r.institution.overall.tally.readiness, 100.0);
        assert!(r.institution.assessment.ready);
        assert_eq!(
            r.institution.priorities.ready,
            r.institution.priorities.elements
        );
        assert!(r.elements.iter().all(|e| e.not_ready_in.is_empty()));
    }

    #[test]
    fn no_units_is_nothing_ready() {
        let r = roll_up(&catalogue(), &[], Rule::default());
        assert!(r.units.is_empty());
        assert_eq!(r.institution.overall.tally.ready, 0);
        assert_eq!(r.institution.overall.counts.of(ElementStatus::Missing), 57);
    }

    #[test]
    fn one_unit_is_its_own_headline() {
        let cat = catalogue();
        let only = unit(
            "central-library",
            Status::Compliant,
            &[("1.1.1", ElementStatus::Rated(Status::NotAssessed), 0)],
        );
        let r = roll_up(&cat, std::slice::from_ref(&only), Rule::default());
        assert!(!r.is_institution());
        assert_eq!(
            r.headline(),
            &readiness::compute(&cat, &only.elements, Rule::default())
        );
        assert_eq!(
            r.headline().assessment.reasons,
            vec![Reason {
                unit: None,
                problem: Problem::NotAssessed,
                elements: vec!["1.1.1".into()],
            }]
        );
    }

    #[test]
    fn the_institution_is_assessment_ready_only_when_every_unit_is() {
        let cat = catalogue();
        // Partial with no action plan (these units have no files, so no actions).
        let a = unit(
            "a",
            Status::Compliant,
            &[("2.1.1", ElementStatus::Rated(Status::Partial), 0)],
        );
        let b = unit("b", Status::CompliancePlus, &[]);
        let r = roll_up(&cat, &[a, b.clone()], Rule::default());
        assert!(!r.institution.assessment.ready);
        assert_eq!(
            r.institution.assessment.reasons,
            vec![Reason {
                unit: Some("a".into()),
                problem: Problem::PartialWithoutAction,
                elements: vec!["2.1.1".into()],
            }]
        );
        let r = roll_up(&cat, &[b.clone(), b], Rule::default());
        assert!(r.institution.assessment.ready);
        assert!(r.institution.assessment.reasons.is_empty());
    }
}
