//! `cse priorities`: the cohort priority elements, each with its evidence state.

use jiff::civil::Date;

use crate::catalogue::{Catalogue, Tier};
use crate::checks::{ElementStatus, UnitCheck};
use crate::readiness::Tally;
use crate::rollup::Rollup;

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
    /// With several units, the ones where the element is not ready yet, in unit order.
    pub not_ready_in: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PrioritiesReport {
    /// The priority list's name, such as "Chelmsford cohort priorities".
    pub name: String,
    /// Whether any entry of the catalogue's list has a tier (the table shows the column then).
    pub has_tiers: bool,
    /// Readiness of the whole list, whatever rows are shown.
    pub summary: Tally,
    /// Whether `rows` holds only the elements that are not ready.
    pub only_open: bool,
    /// How many units the rows roll up: with more than one, `status` and `ready` are the
    /// institution's, `owner` and `reviewed` are not given (they belong to each unit), and
    /// `open_actions` counts every unit's.
    pub units: usize,
    /// Rows in catalogue order.
    pub rows: Vec<PriorityRow>,
}

/// The priority list for one unit's check results. `summary` comes from
/// [`crate::readiness::compute`] so every command reports the same figure.
pub fn build(catalogue: &Catalogue, check: &UnitCheck, summary: Tally) -> PrioritiesReport {
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
                open_actions: open_actions(check, id),
                not_ready_in: Vec::new(),
            }
        })
        .collect();
    report(catalogue, summary, rows, 1)
}

/// The priority list for several units rolled up: an element is ready for the institution
/// only when it is ready in every unit, and its status is its least ready one.
pub fn build_rollup(
    catalogue: &Catalogue,
    checks: &[UnitCheck],
    rollup: &Rollup,
) -> PrioritiesReport {
    let rows = catalogue
        .priority_elements()
        .map(|(e, priority)| {
            let id = e.element.id.as_str();
            let state = rollup.elements.iter().find(|r| r.id == id);
            PriorityRow {
                id: id.to_owned(),
                text: e.element.text.clone(),
                criterion: e.criterion.id.clone(),
                status: state.map_or(ElementStatus::Missing, |s| s.state.status),
                ready: state.is_some_and(|s| s.state.is_ready()),
                owner: None,
                reviewed: None,
                tier: priority.tier,
                open_actions: checks.iter().map(|c| open_actions(c, id)).sum(),
                not_ready_in: rollup.not_ready_in(id).to_vec(),
            }
        })
        .collect();
    let summary = rollup.headline().priorities;
    report(catalogue, summary, rows, checks.len())
}

fn open_actions(check: &UnitCheck, id: &str) -> usize {
    check
        .file_of(id)
        .and_then(|f| f.front.as_ref())
        .map_or(0, |f| f.actions.iter().filter(|a| a.is_open()).count())
}

fn report(
    catalogue: &Catalogue,
    summary: Tally,
    rows: Vec<PriorityRow>,
    units: usize,
) -> PrioritiesReport {
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
        units,
        rows,
    }
}

impl PrioritiesReport {
    /// Whether the rows roll up several units.
    pub fn is_institution(&self) -> bool {
        self.units > 1
    }

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
                    open_action: false,
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
        let summary =
            readiness::compute(&catalogue, &check.elements, Default::default()).priorities;
        let report = build(&catalogue, &check, summary);
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

    #[test]
    fn rolled_up_rows_name_the_units_not_ready() {
        let ready = ElementStatus::Rated(Status::Compliant);
        let ids: Vec<String> = Catalogue::builtin()
            .unwrap()
            .element_ids()
            .map(str::to_owned)
            .collect();
        let all: Vec<(&str, ElementStatus)> = ids.iter().map(|id| (id.as_str(), ready)).collect();
        let (catalogue, mut central) = check_with(&all);
        let (_, mut mobile) = check_with(&all);
        central.unit.name = Some("central".into());
        mobile.unit.name = Some("mobile".into());
        // 1.2.2 is a priority element: ready in central, not in mobile.
        mobile
            .elements
            .iter_mut()
            .find(|e| e.id == "1.2.2")
            .unwrap()
            .status = ElementStatus::Rated(Status::NonCompliant);
        let checks = [central, mobile];
        let rollup = crate::rollup::roll_up(&catalogue, &checks, Default::default());
        let report = build_rollup(&catalogue, &checks, &rollup);
        assert!(report.is_institution());
        assert_eq!((report.summary.ready, report.summary.elements), (23, 24));
        let row = report.rows.iter().find(|r| r.id == "1.2.2").unwrap();
        assert!(!row.ready);
        assert_eq!(row.status, ElementStatus::Rated(Status::NonCompliant));
        assert_eq!(row.not_ready_in, vec!["mobile"]);
        let open = report.open_only();
        assert_eq!(open.rows.len(), 1);
        assert_eq!(open.rows[0].id, "1.2.2");
    }
}
