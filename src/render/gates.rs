//! Gate outcomes in words: a line per finding, for stderr.

use crate::gates::{Figures, Finding, Measured, Verdict, is_below};
use crate::readiness::Tally;

use super::words;

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

/// "overall" or "institution overall", before "readiness".
fn prefix(figures: Figures, what: &str) -> String {
    match figures {
        Figures::Unit => what.to_owned(),
        Figures::Institution => format!("institution {what}"),
    }
}

fn measured(figures: Figures, what: &Measured) -> String {
    match what {
        Measured::Overall => prefix(figures, "overall"),
        Measured::Priorities => prefix(figures, "priority"),
        Measured::Criterion { id, title } => {
            format!("{} {id} {title}", prefix(figures, "criterion"))
                .trim_end()
                .to_owned()
        }
        Measured::Unit(name) => format!("unit {name}"),
    }
}

fn measure_line(what: &str, tally: &Tally, threshold: f64, source: &str, below: bool) -> String {
    let figure = format_figure(tally.ready, tally.elements, threshold);
    let relation = if below { "is below" } else { "meets" };
    format!(
        "{what} readiness {figure} ({} of {} elements ready) {relation} {} ({source})",
        tally.ready,
        tally.elements,
        format_threshold(threshold),
    )
}

/// One finding in words.
pub fn line(figures: Figures, finding: &Finding) -> String {
    match finding {
        Finding::Measure {
            what,
            tally,
            threshold,
            below,
        } => measure_line(
            &measured(figures, what),
            tally,
            threshold.percent,
            &threshold.source,
            *below,
        ),
        Finding::EveryCriterionMeets(t) => format!(
            "{} meets {} ({})",
            match figures {
                Figures::Unit => "every criterion",
                Figures::Institution => "every institution criterion",
            },
            format_threshold(t.percent),
            t.source
        ),
        Finding::EveryUnitMeets { units, threshold } => {
            let every = match units {
                1 => "the unit meets".to_owned(),
                2 => "both units meet".to_owned(),
                n => format!("all {n} units meet"),
            };
            format!(
                "{every} {} ({})",
                format_threshold(threshold.percent),
                threshold.source
            )
        }
        Finding::AssessmentReady { source } => {
            let whose = match figures {
                Figures::Unit => "the evidence is",
                Figures::Institution => "every unit is",
            };
            format!("{whose} assessment-ready ({source})")
        }
        Finding::NoOpenPartials {
            source,
            visit: Some(visit),
        } => format!("{source}: no partial from the visit on {visit} is past its due date"),
        Finding::NoOpenPartials {
            source,
            visit: None,
        } => format!("{source}: no assessment is recorded"),
        Finding::OpenPartial {
            source,
            id,
            visit,
            due,
        } => format!(
            "{source}: {id} was rated partial on {visit}, was due by {due}, and is still not ready"
        ),
        Finding::NotAssessmentReady { source, reason } => {
            let not = match figures {
                Figures::Unit => "not",
                Figures::Institution => "institution not",
            };
            format!(
                "{not} assessment-ready ({source}): {}",
                words::reason(reason)
            )
        }
    }
}

/// Every finding of a verdict in words.
pub fn lines(verdict: &Verdict) -> Vec<String> {
    verdict
        .findings
        .iter()
        .map(|f| line(verdict.figures, f))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gates::{StatusGates, Threshold, check_priorities, check_status, check_units};
    use crate::rollup::UnitReadiness;

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
                open_action: false,
            })
            .collect();
        UnitReadiness {
            name: name.into(),
            readiness: crate::readiness::compute(&catalogue, &states, Default::default()),
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
            lines(&v),
            vec![
                "unit branch readiness 35.1% (20 of 57 elements ready) is below 50% (--fail-under-unit)"
            ]
        );
        let v = check_units(&units, &threshold(60.0));
        assert_eq!(lines(&v).len(), 2);
        assert!(lines(&v)[0].starts_with("unit mobile readiness 52.6% (30 of 57"));
        let v = check_units(&units[..2], &threshold(50.0));
        assert!(v.passed);
        assert_eq!(lines(&v), vec!["both units meet 50% (--fail-under-unit)"]);
        let v = check_units(&units, &threshold(0.0));
        assert_eq!(lines(&v), vec!["all 3 units meet 0% (--fail-under-unit)"]);
        // One unit: its overall readiness.
        let v = check_units(&units[2..], &threshold(50.0));
        assert_eq!(
            lines(&v),
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
        assert!(lines(&v[0])[0].starts_with("institution overall readiness 35.1%"));
        assert!(lines(&v[1])[0].starts_with(
            "institution criterion 2 The Culture of the Organisation readiness 81.8%"
        ));
        assert!(
            lines(&v[2])[0]
                .starts_with("institution not assessment-ready (--require-assessment-ready): ")
        );
        let v = check_status(&r, &gates, Figures::Unit);
        assert!(lines(&v[0])[0].starts_with("overall readiness 35.1%"));
        assert!(
            lines(&v[1])[0].starts_with("criterion 2 The Culture of the Organisation readiness")
        );
        let p = check_priorities(&r.priorities, &threshold(50.0), Figures::Institution);
        assert!(lines(&p)[0].starts_with("institution priority readiness"));
    }
}
