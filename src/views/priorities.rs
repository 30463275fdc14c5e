//! `cse priorities`: the cohort priority elements, each with its evidence state.

use jiff::civil::Date;

use crate::catalogue::{Catalogue, Tier};
use crate::checks::{ElementStatus, UnitCheck};
use crate::readiness::PriorityScope;

#[derive(Debug, Clone, PartialEq)]
pub struct PriorityRow {
    pub id: String,
    /// The element's full text.
    pub text: String,
    /// The criterion's id, such as `1`.
    pub criterion: String,
    pub status: ElementStatus,
    pub ready: bool,
    pub owner: Option<String>,
    pub reviewed: Option<Date>,
    pub tier: Option<Tier>,
    pub open_actions: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PrioritiesReport {
    /// The priority list's name, such as "Chelmsford cohort priorities".
    pub name: String,
    /// Whether any entry of the catalogue's list has a tier (the table shows the column then).
    pub has_tiers: bool,
    /// Readiness of the whole list, whatever rows are shown.
    pub summary: PriorityScope,
    /// Whether `rows` holds only the elements that are not ready.
    pub only_open: bool,
    /// Rows in catalogue order.
    pub rows: Vec<PriorityRow>,
}

/// The priority list for one unit's check results. `summary` comes from
/// [`crate::readiness::compute`] so every command reports the same figure.
pub fn build(catalogue: &Catalogue, check: &UnitCheck, summary: PriorityScope) -> PrioritiesReport {
    let rows = catalogue
        .priority_elements()
        .map(|(e, priority)| {
            let id = e.element.id.as_str();
            let state = check.element(id);
            let front = check.file_of(id).and_then(|f| f.front.as_ref());
            PriorityRow {
                id: id.to_owned(),
                text: e.element.text.clone(),
                criterion: e.criterion.id.clone(),
                status: state.map_or(ElementStatus::Missing, |s| s.status),
                ready: state.is_some_and(|s| s.is_ready()),
                owner: front.and_then(|f| f.owner.clone()),
                reviewed: front.and_then(|f| f.reviewed.as_ref().map(|r| r.value)),
                tier: priority.tier,
                open_actions: front.map_or(0, |f| f.actions.iter().filter(|a| a.is_open()).count()),
            }
        })
        .collect();
    let name = match catalogue.priorities.name.trim() {
        "" => "Priority elements".to_owned(),
        name => name.to_owned(),
    };
    PrioritiesReport {
        name,
        has_tiers: catalogue
            .priorities
            .entries
            .iter()
            .any(|p| p.tier.is_some()),
        summary,
        only_open: false,
        rows,
    }
}

impl PrioritiesReport {
    /// Keeps only the elements that are not ready.
    pub fn open_only(mut self) -> Self {
        self.rows.retain(|r| !r.ready);
        self.only_open = true;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::ElementState;
    use crate::checks::Unit;
    use crate::evidence::Status;
    use crate::readiness;

    fn check_with(statuses: &[(&str, ElementStatus)]) -> (Catalogue, UnitCheck) {
        let catalogue = Catalogue::builtin().unwrap();
        let elements = catalogue
            .elements()
            .map(|e| {
                let id = e.element.id.clone();
                let status = statuses
                    .iter()
                    .find(|(s, _)| *s == id)
                    .map_or(ElementStatus::Missing, |(_, st)| *st);
                ElementState {
                    id,
                    file: None,
                    status,
                    errors: 0,
                }
            })
            .collect();
        let check = UnitCheck {
            unit: Unit {
                name: None,
                dir: "evidence".into(),
            },
            files: Vec::new(),
            elements,
            diagnostics: Vec::new(),
            files_checked: 0,
        };
        (catalogue, check)
    }

    #[test]
    fn rows_follow_the_catalogue_and_agree_with_readiness() {
        let ready = ElementStatus::Rated(Status::Compliant);
        let (catalogue, check) =
            check_with(&[("1.1.3", ready), ("5.3.2", ready), ("1.1.1", ready)]);
        let summary = readiness::compute(&catalogue, &check).priorities;
        let report = build(&catalogue, &check, summary.clone());
        assert_eq!(report.rows.len(), 24);
        assert_eq!(report.rows[0].id, "1.1.3");
        assert_eq!(report.rows[23].id, "5.3.2");
        // 1.1.1 is ready but not a priority element: 2 of the 24 priority elements are ready.
        assert_eq!(report.rows.iter().filter(|r| r.ready).count(), 2);
        assert_eq!((summary.ready, summary.elements), (2, 24));
        assert!(!report.has_tiers);
        let open = report.open_only();
        assert_eq!(open.rows.len(), 22);
        assert!(open.rows.iter().all(|r| r.status == ElementStatus::Missing));
        assert_eq!(open.summary, summary);
    }
}
