//! Readiness figures: ready elements over elements, per scope, with counts by status.

use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::checks::{ElementState, ElementStatus, UnitCheck};
use crate::evidence::Status;

/// Elements per status in a scope.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    #[serde(rename = "compliance-plus")]
    pub compliance_plus: usize,
    pub compliant: usize,
    pub partial: usize,
    #[serde(rename = "non-compliant")]
    pub non_compliant: usize,
    #[serde(rename = "not-assessed")]
    pub not_assessed: usize,
    pub missing: usize,
    pub invalid: usize,
}

impl Counts {
    /// Column names, in the order of [`Counts::values`].
    pub const NAMES: [&'static str; 7] = [
        "compliance-plus",
        "compliant",
        "partial",
        "non-compliant",
        "not-assessed",
        "missing",
        "invalid",
    ];

    pub fn values(&self) -> [usize; 7] {
        [
            self.compliance_plus,
            self.compliant,
            self.partial,
            self.non_compliant,
            self.not_assessed,
            self.missing,
            self.invalid,
        ]
    }

    fn add(&mut self, status: ElementStatus) {
        let slot = match status {
            ElementStatus::Missing => &mut self.missing,
            ElementStatus::Invalid => &mut self.invalid,
            ElementStatus::Rated(Status::CompliancePlus) => &mut self.compliance_plus,
            ElementStatus::Rated(Status::Compliant) => &mut self.compliant,
            ElementStatus::Rated(Status::Partial) => &mut self.partial,
            ElementStatus::Rated(Status::NonCompliant) => &mut self.non_compliant,
            ElementStatus::Rated(Status::NotAssessed) => &mut self.not_assessed,
        };
        *slot += 1;
    }
}

/// Readiness of one scope: a criterion, a sub-criterion, the whole standard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scope {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub elements: usize,
    pub ready: usize,
    /// Percentage, 0 to 100, rounded to one decimal place.
    pub readiness: f64,
    pub counts: Counts,
}

/// Readiness of the cohort priority list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriorityScope {
    pub elements: usize,
    pub ready: usize,
    pub readiness: f64,
}

/// Whether the evidence could go to an assessor, and if not, why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub ready: bool,
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readiness {
    pub overall: Scope,
    pub criteria: Vec<Scope>,
    pub subcriteria: Vec<Scope>,
    pub priorities: PriorityScope,
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
        elements,
        ready,
        readiness: percent(ready, elements),
        counts,
    }
}

/// Readiness of one unit's evidence.
pub fn compute(catalogue: &Catalogue, check: &UnitCheck) -> Readiness {
    compute_states(catalogue, &check.elements, |id| {
        check
            .file_of(id)
            .and_then(|f| f.front.as_ref())
            .is_some_and(|f| f.actions.iter().any(|a| a.is_open()))
    })
}

/// Readiness from element states in catalogue order. `has_action_plan` says whether an
/// element has an open action (partial elements need one).
pub fn compute_states(
    catalogue: &Catalogue,
    states: &[ElementState],
    has_action_plan: impl Fn(&str) -> bool,
) -> Readiness {
    let by_id = |id: &str| states.iter().find(|s| s.id == id);
    let in_scope = |prefix: &str| {
        let prefix = format!("{prefix}.");
        states.iter().filter(move |s| s.id.starts_with(&prefix))
    };
    let criteria = catalogue
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
        .filter_map(|p| by_id(&p.id))
        .collect();
    let priority_ready = priority_states.iter().filter(|s| s.is_ready()).count();
    let priorities = PriorityScope {
        elements: priority_states.len(),
        ready: priority_ready,
        readiness: percent(priority_ready, priority_states.len()),
    };
    let assessment = assess(states, &has_action_plan);
    Readiness {
        overall: scope(None, None, states.iter()),
        criteria,
        subcriteria,
        priorities,
        assessment,
        not_ready_by_errors: states
            .iter()
            .filter(|s| s.errors > 0 && s.status != ElementStatus::Missing)
            .count(),
    }
}

/// Ids joined with commas; a long list names the first few and counts the rest.
fn id_list(ids: &[&str]) -> String {
    const SHOWN: usize = 12;
    if ids.len() <= SHOWN + 1 {
        ids.join(", ")
    } else {
        format!("{} and {} more", ids[..SHOWN].join(", "), ids.len() - SHOWN)
    }
}

fn assess(states: &[ElementState], has_action_plan: &dyn Fn(&str) -> bool) -> Assessment {
    let list = |pred: &dyn Fn(&ElementState) -> bool| -> Vec<&str> {
        states
            .iter()
            .filter(|s| pred(s))
            .map(|s| s.id.as_str())
            .collect()
    };
    let mut reasons = Vec::new();
    // `what` is (singular, plural): "has no evidence file" / "have no evidence file".
    let mut reason = |ids: Vec<&str>, what: (&str, &str)| {
        if !ids.is_empty() {
            let n = ids.len();
            let (noun, verb) = if n == 1 {
                ("element", what.0)
            } else {
                ("elements", what.1)
            };
            reasons.push(format!("{n} {noun} {verb}: {}", id_list(&ids)));
        }
    };
    reason(
        list(&|s| s.status == ElementStatus::Missing),
        ("has no evidence file", "have no evidence file"),
    );
    reason(
        list(&|s| s.status == ElementStatus::Invalid),
        (
            "has front matter that cannot be read",
            "have front matter that cannot be read",
        ),
    );
    reason(
        list(&|s| s.status == ElementStatus::Rated(Status::NotAssessed)),
        ("is not assessed", "are not assessed"),
    );
    reason(
        list(&|s| s.status == ElementStatus::Rated(Status::NonCompliant)),
        ("is non-compliant", "are non-compliant"),
    );
    reason(
        list(&|s| s.status == ElementStatus::Rated(Status::Partial) && !has_action_plan(&s.id)),
        (
            "is partial with no open action in its action plan",
            "are partial with no open action in their action plan",
        ),
    );
    Assessment {
        ready: reasons.is_empty(),
        reasons: reasons
            .into_iter()
            .map(|r| {
                r.replace("1 element have", "1 element has")
                    .replace("1 element are", "1 element is")
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_id_lists_are_shortened() {
        let ids: Vec<String> = (1..=20).map(|i| format!("1.1.{i}")).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        assert_eq!(id_list(&ids[..3]), "1.1.1, 1.1.2, 1.1.3");
        assert_eq!(id_list(&ids[..13]).matches(", ").count(), 12);
        assert!(id_list(&ids).ends_with("1.1.12 and 8 more"));
    }

    #[test]
    fn percent_rounds_to_one_place() {
        assert_eq!(percent(0, 0), 0.0);
        assert_eq!(percent(1, 3), 33.3);
        assert_eq!(percent(2, 3), 66.7);
        assert_eq!(percent(57, 57), 100.0);
    }
}
