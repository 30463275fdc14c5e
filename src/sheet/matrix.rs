//! The evidence matrix `cse export` writes: a row per element (per unit and element with
//! units), every action, and the readiness summary, all taken from the check results.

use jiff::civil::Date;

use crate::catalogue::Catalogue;
use crate::checks::{ElementStatus, UnitCheck};
use crate::sheet::collapse;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementRow {
    /// The unit's name; `None` in a repository without named units.
    pub unit: Option<String>,
    pub element: String,
    /// "1 Customer Insight".
    pub criterion: String,
    /// "1.1 Customer Identification".
    pub subcriterion: String,
    pub text: String,
    pub priority: bool,
    pub status: ElementStatus,
    pub ready: bool,
    pub owner: Option<String>,
    pub reviewed: Option<Date>,
    /// Evidence titles, spacing collapsed so each fits one line.
    pub evidence: Vec<String>,
    pub open_actions: usize,
    /// The earliest due date of an open action.
    pub next_due: Option<Date>,
    pub errors: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRow {
    pub unit: Option<String>,
    pub element: String,
    pub action: String,
    pub owner: Option<String>,
    pub due: Option<Date>,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    /// Whether rows name their unit (the repository has named units).
    pub units: bool,
    pub elements: Vec<ElementRow>,
    /// Every action, open or done, in catalogue order of its element.
    pub actions: Vec<ActionRow>,
}

/// The matrix of every unit's check results, in unit order then catalogue order.
pub fn build(catalogue: &Catalogue, checks: &[UnitCheck]) -> Matrix {
    let mut elements = Vec::new();
    let mut actions = Vec::new();
    for check in checks {
        for (e, state) in catalogue.elements().zip(&check.elements) {
            let front = check.file_of(&state.id).and_then(|f| f.front.as_ref());
            let open: Vec<_> = front
                .map(|f| f.actions.iter().filter(|a| a.is_open()).collect())
                .unwrap_or_default();
            elements.push(ElementRow {
                unit: check.unit.name.clone(),
                element: state.id.clone(),
                criterion: format!("{} {}", e.criterion.id, e.criterion.title),
                subcriterion: format!("{} {}", e.subcriterion.id, e.subcriterion.title),
                text: e.element.text.trim().to_owned(),
                priority: catalogue.priority(&state.id).is_some(),
                status: state.status,
                ready: state.is_ready(),
                owner: front
                    .and_then(|f| f.owner.as_deref())
                    .map(collapse)
                    .filter(|o| !o.is_empty()),
                reviewed: front.and_then(|f| f.reviewed.as_ref()).map(|d| d.value),
                evidence: front
                    .map(|f| {
                        f.evidence
                            .iter()
                            .map(|i| collapse(&i.title.value))
                            .collect()
                    })
                    .unwrap_or_default(),
                open_actions: open.len(),
                next_due: open
                    .iter()
                    .filter_map(|a| a.due.as_ref())
                    .map(|d| d.value)
                    .min(),
                errors: state.errors,
            });
            for a in front.map(|f| f.actions.as_slice()).unwrap_or_default() {
                actions.push(ActionRow {
                    unit: check.unit.name.clone(),
                    element: state.id.clone(),
                    action: a.action.value.trim().to_owned(),
                    owner: a.owner.clone(),
                    due: a.due.as_ref().map(|d| d.value),
                    done: a.done,
                });
            }
        }
    }
    Matrix {
        units: checks.iter().any(|c| c.unit.name.is_some()),
        elements,
        actions,
    }
}
