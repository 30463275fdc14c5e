//! What changed between two versions of the evidence: readiness per criterion, elements
//! whose status or readiness moved, errors that appeared or went away, and regressions.

use std::collections::HashMap;

use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::checks::{ElementState, UnitCheck};
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
    pub status: &'static str,
    pub ready: bool,
    pub errors: usize,
}

impl ElementSide {
    fn of(state: &ElementState) -> ElementSide {
        ElementSide {
            status: state.status.as_str(),
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Delta {
    pub overall: Change,
    pub criteria: Vec<CriterionChange>,
    pub elements: Vec<ElementChange>,
    /// Errors found after but not before.
    pub new_errors: Vec<Diagnostic>,
    /// Errors found before but not after.
    pub fixed_errors: Vec<Diagnostic>,
    /// Why this counts as a regression, one sentence each; empty when it does not.
    pub regressions: Vec<String>,
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

    let mut regressions = Vec::new();
    for c in &criteria {
        let (b, a) = (&c.change.before, &c.change.after);
        if b.elements > 0 && a.elements > 0 && a.is_below(b) {
            regressions.push(format!(
                "criterion {} ({}) went down from {:.1}% to {:.1}%",
                c.id, c.title, b.readiness, a.readiness
            ));
        }
    }
    for e in elements.iter().filter(|e| e.is_regression()) {
        let unit = e
            .unit
            .as_deref()
            .map(|u| format!(" in {u}"))
            .unwrap_or_default();
        let why = match &e.after {
            None => "is no longer in the catalogue".to_owned(),
            Some(a) if a.status == "missing" => "has no evidence file now".to_owned(),
            Some(a) if a.errors > 0 => format!(
                "is now {} ({} error{})",
                a.status,
                a.errors,
                if a.errors == 1 { "" } else { "s" }
            ),
            Some(a) => format!("is now {}", a.status),
        };
        regressions.push(format!("element {}{unit} was ready and {why}", e.element));
    }
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
