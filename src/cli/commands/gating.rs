//! Readiness gates for CI: thresholds from flags or `[gate]` in cse.toml, and their report.

use std::io::Write;

use cse::config::{Origin, Setting};
use cse::gates::{Threshold, Verdict};
use cse::render;

use crate::cli::Outcome;

/// The flag's value when given (it beats the config), else the config's, naming where it came from.
pub fn threshold(
    flag: Option<f64>,
    flag_name: &str,
    config: Option<&Setting<f64>>,
    key: &str,
) -> Option<Threshold> {
    match (flag, config) {
        (Some(percent), _) if percent > 0.0 && percent < 1.0 => {
            let meant = percent * 100.0;
            eprintln!(
                "warning: {flag_name} {percent} means {percent}%; for {meant}% write {meant}"
            );
            Some(Threshold {
                percent,
                source: flag_name.to_owned(),
            })
        }
        (Some(percent), _) => Some(Threshold {
            percent,
            source: flag_name.to_owned(),
        }),
        (None, Some(s)) => Some(Threshold {
            percent: s.value,
            source: config_source(key, &s.origin),
        }),
        (None, None) => None,
    }
}

/// "gate.fail_under in cse.toml:3"
pub fn config_source(key: &str, origin: &Origin) -> String {
    match origin {
        Origin::File(path, line) => {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            format!("gate.{key} in {name}:{line}")
        }
        Origin::Default => format!("gate.{key}"),
    }
}

/// Writes each gate's lines to stderr (stdout keeps the report clean for pipes) and
/// turns the verdicts into the outcome: findings when any gate failed.
pub fn finish(verdicts: &[(Option<String>, Verdict)]) -> Outcome {
    let mut err = std::io::stderr().lock();
    for (unit, verdict) in verdicts {
        let label = if verdict.passed {
            "gate passed"
        } else {
            "gate failed"
        };
        for line in render::gates::lines(verdict) {
            let _ = match unit {
                Some(u) => writeln!(err, "{label}: [{u}] {line}"),
                None => writeln!(err, "{label}: {line}"),
            };
        }
    }
    if verdicts.iter().all(|(_, v)| v.passed) {
        Outcome::Clean
    } else {
        Outcome::Findings
    }
}
