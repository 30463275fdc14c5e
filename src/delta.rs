//! What changed between two versions of the evidence: readiness per criterion, elements
//! whose status or readiness moved, errors that appeared or went away, and regressions.

use std::collections::HashMap;

use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::checks::{ElementState, ElementStatus, UnitCheck};
use crate::diagnostic::Diagnostic;
use crate::history::Figures;
use crate::readiness::{Rule, Tally};
use crate::rollup::UnitElements;

/// One side of a comparison: a catalogue and the check results made with it.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub catalogue: &'a Catalogue,
    pub units: &'a [UnitCheck],
    /// The assessment-ready rule in force on this side.
    pub rule: Rule,
}

impl Side<'_> {
    /// The headline figures: the same roll-up as `cse status` and `cse history`.
    pub fn figures(&self) -> Figures {
        let units: Vec<UnitElements> = self.units.iter().map(UnitElements::from).collect();
        let errors = self
            .units
            .iter()
            .flat_map(|u| &u.diagnostics)
            .filter(|d| d.is_error())
            .count();
        Figures::of(self.catalogue, &units, errors, self.rule)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub before: Tally,
    pub after: Tally,
    /// Percentage points, rounded to one decimal place.
    pub change: f64,
}

impl Change {
    fn new(before: Tally, after: Tally) -> Change {
        Change {
            before,
            after,
            change: ((after.readiness - before.readiness) * 10.0).round() / 10.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionChange {
    pub id: String,
    pub title: String,
    #[serde(flatten)]
    pub change: Change,
}

/// An element on one side of the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElementSide {
    /// `compliant`, `partial`, ..., `missing` or `invalid`.
    pub status: ElementStatus,
    pub ready: bool,
    pub errors: usize,
}

impl ElementSide {
    fn of(state: &ElementState) -> ElementSide {
        ElementSide {
            status: state.status,
            ready: state.is_ready(),
            errors: state.errors,
        }
    }
}

/// An element whose status or readiness changed. A side is `None` when the element is not in
/// that side's catalogue (or its unit does not exist there).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElementChange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    pub element: String,
    pub before: Option<ElementSide>,
    pub after: Option<ElementSide>,
}

impl ElementChange {
    /// It was ready and is not any more.
    pub fn is_regression(&self) -> bool {
        self.before.as_ref().is_some_and(|b| b.ready)
            && !self.after.as_ref().is_some_and(|a| a.ready)
    }
}

/// One reason a change counts as a regression.
#[derive(Debug, Clone, PartialEq)]
pub enum Regression {
    /// A criterion's readiness went down.
    Criterion {
        id: String,
        title: String,
        before: Tally,
        after: Tally,
    },
    /// An element was ready and is not any more; `after` is `None` when it left the catalogue.
    Element {
        unit: Option<String>,
        element: String,
        after: Option<ElementSide>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Delta {
    pub overall: Change,
    pub criteria: Vec<CriterionChange>,
    pub elements: Vec<ElementChange>,
    /// Errors found after but not before.
    pub new_errors: Vec<Diagnostic>,
    /// Errors found before but not after.
    pub fixed_errors: Vec<Diagnostic>,
    /// Why this counts as a regression; empty when it does not. Renderers word them.
    #[serde(skip)]
    pub regressions: Vec<Regression>,
}

impl Delta {
    pub fn is_regression(&self) -> bool {
        !self.regressions.is_empty()
    }
}

/// Compares `before` with `after`.
pub fn compare(before: Side<'_>, after: Side<'_>) -> Delta {
    let fb = before.figures();
    let fa = after.figures();
    let overall = Change::new(fb.overall, fa.overall);
    // Criteria in the order of the later catalogue, then any that were dropped.
    let mut criteria = Vec::new();
    for a in &fa.criteria {
        let b = fb.criteria.iter().find(|b| b.id == a.id);
        let before = b.map_or(Tally::new(0, 0), |b| b.fraction);
        criteria.push(CriterionChange {
            id: a.id.clone(),
            title: a.title.clone(),
            change: Change::new(before, a.fraction),
        });
    }
    for b in fb
        .criteria
        .iter()
        .filter(|b| !fa.criteria.iter().any(|a| a.id == b.id))
    {
        criteria.push(CriterionChange {
            id: b.id.clone(),
            title: b.title.clone(),
            change: Change::new(b.fraction, Tally::new(0, 0)),
        });
    }

    let elements = element_changes(before.units, after.units);
    let (new_errors, fixed_errors) = error_changes(before.units, after.units);

    let mut regressions: Vec<Regression> = criteria
        .iter()
        .filter(|c| {
            let (b, a) = (&c.change.before, &c.change.after);
            b.elements > 0 && a.elements > 0 && a.is_below(b)
        })
        .map(|c| Regression::Criterion {
            id: c.id.clone(),
            title: c.title.clone(),
            before: c.change.before,
            after: c.change.after,
        })
        .collect();
    regressions.extend(elements.iter().filter(|e| e.is_regression()).map(|e| {
        Regression::Element {
            unit: e.unit.clone(),
            element: e.element.clone(),
            after: e.after.clone(),
        }
    }));
    Delta {
        overall,
        criteria,
        elements,
        new_errors,
        fixed_errors,
        regressions,
    }
}

fn element_changes(before: &[UnitCheck], after: &[UnitCheck]) -> Vec<ElementChange> {
    let states = |units: &[UnitCheck]| -> HashMap<(Option<String>, String), ElementSide> {
        units
            .iter()
            .flat_map(|u| {
                u.elements
                    .iter()
                    .map(|e| ((u.unit.name.clone(), e.id.clone()), ElementSide::of(e)))
            })
            .collect()
    };
    let (b, a) = (states(before), states(after));
    // Keys in the order of the later side, then those only before.
    let order = after.iter().chain(before).flat_map(|u| {
        u.elements
            .iter()
            .map(|e| (u.unit.name.clone(), e.id.clone()))
    });
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for key in order {
        if !seen.insert(key.clone()) {
            continue;
        }
        let (before, after) = (b.get(&key).cloned(), a.get(&key).cloned());
        let changed = match (&before, &after) {
            (Some(x), Some(y)) => x.status != y.status || x.ready != y.ready,
            _ => true,
        };
        if changed {
            out.push(ElementChange {
                unit: key.0,
                element: key.1,
                before,
                after,
            });
        }
    }
    out
}

/// Errors are matched on unit, code, file, element and message: moving a line does not make
/// an error new.
fn error_changes(before: &[UnitCheck], after: &[UnitCheck]) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    type Key = (
        Option<String>,
        &'static str,
        Option<String>,
        Option<String>,
        String,
    );
    let key = |d: &Diagnostic| -> Key {
        (
            d.unit.clone(),
            d.code.id(),
            d.file.clone(),
            d.element.clone(),
            d.message.clone(),
        )
    };
    let errors = |units: &[UnitCheck]| -> Vec<Diagnostic> {
        units
            .iter()
            .flat_map(|u| u.diagnostics.iter().filter(|d| d.is_error()).cloned())
            .collect()
    };
    let (b, a) = (errors(before), errors(after));
    let only_in = |these: &[Diagnostic], those: &[Diagnostic]| -> Vec<Diagnostic> {
        let mut counts: HashMap<Key, usize> = HashMap::new();
        for d in those {
            *counts.entry(key(d)).or_default() += 1;
        }
        these
            .iter()
            .filter(|d| match counts.get_mut(&key(d)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .cloned()
            .collect()
    };
    (only_in(&a, &b), only_in(&b, &a))
}
