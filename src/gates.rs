//! CI gates: readiness thresholds, and which scopes fell short of them.

use crate::readiness::{PriorityScope, Readiness};

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

/// Applies the status gates that are set, in the order overall, criteria, assessment.
pub fn check_status(readiness: &Readiness, gates: &StatusGates) -> Vec<Verdict> {
    let mut verdicts = Vec::new();
    if let Some(t) = &gates.fail_under {
        let o = &readiness.overall;
        let (below, line) = measure("overall", o.ready, o.elements, t);
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
                    "criterion {} {}",
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
                    "every criterion meets {} ({})",
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
        verdicts.push(if a.ready {
            Verdict {
                passed: true,
                lines: vec![format!("the evidence is assessment-ready ({source})")],
            }
        } else {
            Verdict {
                passed: false,
                lines: a
                    .reasons
                    .iter()
                    .map(|r| format!("not assessment-ready ({source}): {r}"))
                    .collect(),
            }
        });
    }
    verdicts
}

/// Applies `cse priorities --fail-under`.
pub fn check_priorities(priorities: &PriorityScope, threshold: &Threshold) -> Verdict {
    let (below, line) = measure("priority", priorities.ready, priorities.elements, threshold);
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
}
