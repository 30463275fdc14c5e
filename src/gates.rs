//! CI gates: readiness thresholds and the assessment-ready verdict, and which scopes fell
//! short. The outcomes are data; `render::gates` words them.

use crate::readiness::{Readiness, Reason, Tally};
use crate::rollup::UnitReadiness;

/// A percentage threshold and where it was set, such as `--fail-under` or
/// `gate.fail_under (cse.toml:3)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Threshold {
    pub percent: f64,
    pub source: String,
}

/// The gates `cse status` applies.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatusGates {
    /// Overall readiness must reach this.
    pub fail_under: Option<Threshold>,
    /// Every criterion's readiness must reach this.
    pub fail_under_criterion: Option<Threshold>,
    /// The assessment-ready verdict must be yes; the value names where this was asked for.
    pub require_assessment_ready: Option<String>,
    /// Every unit's overall readiness must reach this.
    pub fail_under_unit: Option<Threshold>,
}

/// Whose figures a gate judges, for the wording of its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figures {
    /// The only unit's: the whole evidence folder, or the one unit `--unit` names.
    Unit,
    /// The institution's, rolled up from several units.
    Institution,
}

/// What a threshold was compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Measured {
    Overall,
    Criterion {
        id: String,
        title: String,
    },
    Priorities,
    /// A unit of several, by name.
    Unit(String),
}

/// One line of a gate's outcome.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// A figure compared with a threshold: below it, or meeting it.
    Measure {
        what: Measured,
        tally: Tally,
        threshold: Threshold,
        below: bool,
    },
    /// Every criterion meets the threshold.
    EveryCriterionMeets(Threshold),
    /// Every one of `units` units meets the threshold.
    EveryUnitMeets { units: usize, threshold: Threshold },
    /// The verdict is yes, as asked for by `source`.
    AssessmentReady { source: String },
    /// The verdict is no, as asked for by `source`: one finding per reason.
    NotAssessmentReady { source: String, reason: Reason },
    /// No partial from the latest visit (on `visit`; `None` when none is recorded) is past
    /// its due date while still not ready.
    NoOpenPartials {
        source: String,
        visit: Option<jiff::civil::Date>,
    },
    /// Element `id`, rated partial at the visit on `visit`, was due by `due` and is still
    /// not ready.
    OpenPartial {
        source: String,
        id: String,
        visit: jiff::civil::Date,
        due: jiff::civil::Date,
    },
}

/// The result of one gate.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub passed: bool,
    pub figures: Figures,
    /// One per scope that fell short, or one saying why the gate passed.
    pub findings: Vec<Finding>,
}

/// Whether `ready` of `elements` is below `percent`, compared exactly (not after rounding).
/// An empty scope is never below.
pub fn is_below(ready: usize, elements: usize, percent: f64) -> bool {
    (ready as f64) * 100.0 < percent * elements as f64
}

fn measure(what: Measured, tally: Tally, threshold: &Threshold) -> Finding {
    Finding::Measure {
        what,
        tally,
        threshold: threshold.clone(),
        below: is_below(tally.ready, tally.elements, threshold.percent),
    }
}

fn is_short(f: &Finding) -> bool {
    matches!(f, Finding::Measure { below: true, .. })
}

/// Applies the status gates that are set to the headline figures, in the order overall,
/// criteria, assessment. The unit gate is [`check_units`].
pub fn check_status(readiness: &Readiness, gates: &StatusGates, figures: Figures) -> Vec<Verdict> {
    let mut verdicts = Vec::new();
    if let Some(t) = &gates.fail_under {
        let finding = measure(Measured::Overall, readiness.overall.tally, t);
        verdicts.push(Verdict {
            passed: !is_short(&finding),
            figures,
            findings: vec![finding],
        });
    }
    if let Some(t) = &gates.fail_under_criterion {
        let short: Vec<Finding> = readiness
            .criteria
            .iter()
            .map(|c| {
                let what = Measured::Criterion {
                    id: c.id.clone().unwrap_or_default(),
                    title: c.title.clone().unwrap_or_default(),
                };
                measure(what, c.tally, t)
            })
            .filter(is_short)
            .collect();
        verdicts.push(Verdict {
            passed: short.is_empty(),
            figures,
            findings: if short.is_empty() {
                vec![Finding::EveryCriterionMeets(t.clone())]
            } else {
                short
            },
        });
    }
    if let Some(source) = &gates.require_assessment_ready {
        let a = &readiness.assessment;
        verdicts.push(Verdict {
            passed: a.ready,
            figures,
            findings: if a.ready {
                vec![Finding::AssessmentReady {
                    source: source.clone(),
                }]
            } else {
                a.reasons
                    .iter()
                    .map(|r| Finding::NotAssessmentReady {
                        source: source.clone(),
                        reason: r.clone(),
                    })
                    .collect()
            },
        });
    }
    verdicts
}

/// Applies `cse status --fail-under-unit`: a finding per unit below the threshold, naming it.
/// With a single unit this is the overall readiness.
pub fn check_units(units: &[UnitReadiness], threshold: &Threshold) -> Verdict {
    let several = units.len() > 1;
    let short: Vec<Finding> = units
        .iter()
        .map(|u| {
            let what = if several {
                Measured::Unit(u.name.clone())
            } else {
                Measured::Overall
            };
            measure(what, u.readiness.overall.tally, threshold)
        })
        .filter(is_short)
        .collect();
    Verdict {
        passed: short.is_empty(),
        figures: Figures::Unit,
        findings: if short.is_empty() {
            vec![Finding::EveryUnitMeets {
                units: units.len(),
                threshold: threshold.clone(),
            }]
        } else {
            short
        },
    }
}

/// Applies `cse priorities --fail-under`.
pub fn check_priorities(priorities: &Tally, threshold: &Threshold, figures: Figures) -> Verdict {
    let finding = measure(Measured::Priorities, *priorities, threshold);
    Verdict {
        passed: !is_short(&finding),
        figures,
        findings: vec![finding],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_at_the_threshold_passes() {
        assert!(!is_below(12, 24, 50.0));
        assert!(is_below(11, 24, 50.0));
        assert!(!is_below(0, 0, 100.0));
        assert!(!is_below(0, 57, 0.0));
        assert!(is_below(56, 57, 100.0));
    }
}
