//! CI gates: readiness thresholds, and which scopes fell short of them.

use crate::readiness::{PriorityScope, Readiness};
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

impl Figures {
    /// "overall" or "institution overall", before "readiness".
    fn prefix(self, what: &str) -> String {
        match self {
            Figures::Unit => what.to_owned(),
            Figures::Institution => format!("institution {what}"),
        }
    }
}

/// The result of one gate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub passed: bool,
    /// One line per scope that fell short, or one line saying why the gate passed.
    pub lines: Vec<String>,
}

/// Whether `ready` of `elements` is below `percent`, compared exactly (not after rounding).
/// An empty scope is never below.
pub fn is_below(ready: usize, elements: usize, percent: f64) -> bool {
    (ready as f64) * 100.0 < percent * elements as f64
}

/// A threshold as written: `50%`, `33.5%`.
pub fn format_threshold(percent: f64) -> String {
    let s = format!("{percent:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s}%")
}

/// A figure with one decimal place, or more when one place would hide that it is below.
pub fn format_figure(ready: usize, elements: usize, threshold: f64) -> String {
    let exact = if elements == 0 {
        0.0
    } else {
        ready as f64 * 100.0 / elements as f64
    };
    let below = is_below(ready, elements, threshold);
    for places in 1..=4usize {
        let s = format!("{exact:.places$}");
        let shown: f64 = s.parse().unwrap_or(exact);
        if !below || shown < threshold {
            return format!("{s}%");
        }
    }
    format!("{exact:.4}%")
}

fn measure(what: &str, ready: usize, elements: usize, t: &Threshold) -> (bool, String) {
    let below = is_below(ready, elements, t.percent);
    let figure = format_figure(ready, elements, t.percent);
    let relation = if below { "is below" } else { "meets" };
    (
        below,
        format!(
            "{what} readiness {figure} ({ready} of {elements} elements ready) {relation} {} ({})",
            format_threshold(t.percent),
            t.source
        ),
    )
}

/// Applies the status gates that are set to the headline figures, in the order overall,
/// criteria, assessment. The unit gate is [`check_units`].
pub fn check_status(readiness: &Readiness, gates: &StatusGates, figures: Figures) -> Vec<Verdict> {
    let mut verdicts = Vec::new();
    if let Some(t) = &gates.fail_under {
        let o = &readiness.overall;
        let (below, line) = measure(&figures.prefix("overall"), o.ready, o.elements, t);
        verdicts.push(Verdict {
            passed: !below,
            lines: vec![line],
        });
    }
    if let Some(t) = &gates.fail_under_criterion {
        let short: Vec<String> = readiness
            .criteria
            .iter()
            .filter(|c| is_below(c.ready, c.elements, t.percent))
            .map(|c| {
                let name = format!(
                    "{} {} {}",
                    figures.prefix("criterion"),
                    c.id.as_deref().unwrap_or("?"),
                    c.title.as_deref().unwrap_or("")
                );
                measure(name.trim_end(), c.ready, c.elements, t).1
            })
            .collect();
        verdicts.push(if short.is_empty() {
            Verdict {
                passed: true,
                lines: vec![format!(
                    "{} meets {} ({})",
                    match figures {
                        Figures::Unit => "every criterion",
                        Figures::Institution => "every institution criterion",
                    },
                    format_threshold(t.percent),
                    t.source
                )],
            }
        } else {
            Verdict {
                passed: false,
                lines: short,
            }
        });
    }
    if let Some(source) = &gates.require_assessment_ready {
        let a = &readiness.assessment;
        let (whose, not) = match figures {
            Figures::Unit => ("the evidence is", "not"),
            Figures::Institution => ("every unit is", "institution not"),
        };
        verdicts.push(if a.ready {
            Verdict {
                passed: true,
                lines: vec![format!("{whose} assessment-ready ({source})")],
            }
        } else {
            Verdict {
                passed: false,
                lines: a
                    .reasons
                    .iter()
                    .map(|r| format!("{not} assessment-ready ({source}): {r}"))
                    .collect(),
            }
        });
    }
    verdicts
}

/// Applies `cse status --fail-under-unit`: a line per unit below the threshold, naming it.
/// With a single unit this is the overall readiness.
pub fn check_units(units: &[UnitReadiness], threshold: &Threshold) -> Verdict {
    let several = units.len() > 1;
    let short: Vec<String> = units
        .iter()
        .filter(|u| {
            let o = &u.readiness.overall;
            is_below(o.ready, o.elements, threshold.percent)
        })
        .map(|u| {
            let o = &u.readiness.overall;
            let what = if several {
                format!("unit {}", u.name)
            } else {
                "overall".to_owned()
            };
            measure(&what, o.ready, o.elements, threshold).1
        })
        .collect();
    if !short.is_empty() {
        return Verdict {
            passed: false,
            lines: short,
        };
    }
    let every = match units.len() {
        1 => "the unit meets".to_owned(),
        2 => "both units meet".to_owned(),
        n => format!("all {n} units meet"),
    };
    Verdict {
        passed: true,
        lines: vec![format!(
            "{every} {} ({})",
            format_threshold(threshold.percent),
            threshold.source
        )],
    }
}

/// Applies `cse priorities --fail-under`.
pub fn check_priorities(
    priorities: &PriorityScope,
    threshold: &Threshold,
    figures: Figures,
) -> Verdict {
    let (below, line) = measure(
        &figures.prefix("priority"),
        priorities.ready,
        priorities.elements,
        threshold,
    );
    Verdict {
        passed: !below,
        lines: vec![line],
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

    #[test]
    fn figures_never_look_like_they_pass() {
        assert_eq!(format_figure(12, 24, 50.0), "50.0%");
        // 1 of 3 is 33.33...%: below 33.34 but "33.3%" already shows that.
        assert_eq!(format_figure(1, 3, 33.34), "33.3%");
        // 1999 of 4000 is 49.975%: one place would show 50.0%.
        assert_eq!(format_figure(1999, 4000, 50.0), "49.98%");
        assert_eq!(format_threshold(50.0), "50%");
        assert_eq!(format_threshold(33.5), "33.5%");
        assert_eq!(format_threshold(0.125), "0.125%");
    }

    fn unit(name: &str, ready: usize) -> UnitReadiness {
        let catalogue = crate::catalogue::Catalogue::builtin().unwrap();
        let states: Vec<crate::checks::ElementState> = catalogue
            .element_ids()
            .enumerate()
            .map(|(i, id)| crate::checks::ElementState {
                id: id.to_owned(),
                file: None,
                status: if i < ready {
                    crate::checks::ElementStatus::Rated(crate::evidence::Status::Compliant)
                } else {
                    crate::checks::ElementStatus::Missing
                },
                errors: 0,
            })
            .collect();
        UnitReadiness {
            name: name.into(),
            readiness: crate::readiness::compute_states(&catalogue, &states, |_| false),
        }
    }

    fn threshold(percent: f64) -> Threshold {
        Threshold {
            percent,
            source: "--fail-under-unit".into(),
        }
    }

    #[test]
    fn the_unit_gate_names_each_unit_below() {
        let units = [unit("central", 57), unit("mobile", 30), unit("branch", 20)];
        let v = check_units(&units, &threshold(50.0));
        assert!(!v.passed);
        assert_eq!(
            v.lines,
            vec![
                "unit branch readiness 35.1% (20 of 57 elements ready) is below 50% (--fail-under-unit)"
            ]
        );
        let v = check_units(&units, &threshold(60.0));
        assert_eq!(v.lines.len(), 2);
        assert!(v.lines[0].starts_with("unit mobile readiness 52.6% (30 of 57"));
        let v = check_units(&units[..2], &threshold(50.0));
        assert!(v.passed);
        assert_eq!(v.lines, vec!["both units meet 50% (--fail-under-unit)"]);
        let v = check_units(&units, &threshold(0.0));
        assert_eq!(v.lines, vec!["all 3 units meet 0% (--fail-under-unit)"]);
        // One unit: its overall readiness.
        let v = check_units(&units[2..], &threshold(50.0));
        assert_eq!(
            v.lines,
            vec![
                "overall readiness 35.1% (20 of 57 elements ready) is below 50% (--fail-under-unit)"
            ]
        );
    }

    #[test]
    fn institution_gates_say_so() {
        let r = unit("x", 20).readiness;
        let gates = StatusGates {
            fail_under: Some(threshold(50.0)),
            fail_under_criterion: Some(threshold(99.0)),
            require_assessment_ready: Some("--require-assessment-ready".into()),
            fail_under_unit: None,
        };
        let v = check_status(&r, &gates, Figures::Institution);
        assert!(v[0].lines[0].starts_with("institution overall readiness 35.1%"));
        assert!(v[1].lines[0].starts_with(
            "institution criterion 2 The Culture of the Organisation readiness 81.8%"
        ));
        assert!(
            v[2].lines[0]
                .starts_with("institution not assessment-ready (--require-assessment-ready): ")
        );
        let v = check_status(&r, &gates, Figures::Unit);
        assert!(v[0].lines[0].starts_with("overall readiness 35.1%"));
        assert!(v[1].lines[0].starts_with("criterion 2 The Culture of the Organisation readiness"));
        let p = check_priorities(&r.priorities, &threshold(50.0), Figures::Institution);
        assert!(p.lines[0].starts_with("institution priority readiness"));
    }
}
