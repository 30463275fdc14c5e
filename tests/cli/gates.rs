//! The CI gates: exit 0 when met (exactly at the threshold counts), 1 when not, 2 on bad input;
//! the message names each scope that fell short, with its figure and the threshold.

use crate::common;
use crate::report_fixtures;

use report_fixtures::{half, half_priorities, mixed, run};

/// `half`: every scope is exactly 2/4 or 1/2 = 50.0%, and 50 passes.
#[test]
fn exactly_at_the_threshold_passes() {
    let repo = half();
    let (code, _, err) = run(&repo, &["status", "--fail-under", "50"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(
            "gate passed: overall readiness 50.0% (2 of 4 elements ready) meets 50% (--fail-under)"
        ),
        "{err}"
    );
    let (code, _, err) = run(&repo, &["status", "--fail-under-criterion", "50"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&repo, &["priorities", "--fail-under", "50"]);
    assert_eq!(code, 0, "{err}");

    // A hair above, and each fails.
    let (code, _, err) = run(&repo, &["status", "--fail-under", "50.1"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("gate failed: overall readiness 50.0% (2 of 4 elements ready) is below 50.1% (--fail-under)"),
        "{err}"
    );
    let (code, _, err) = run(&repo, &["status", "--fail-under-criterion", "50.1"]);
    assert_eq!(code, 1);
    assert!(err.contains("criterion 1 First readiness 50.0%"), "{err}");
    assert!(err.contains("criterion 2 Second readiness 50.0%"), "{err}");
}

/// The built-in priority list with 12 of 24 ready: exactly 50.0%.
#[test]
fn priorities_at_exactly_50() {
    let repo = half_priorities();
    let (code, out, err) = run(&repo, &["priorities", "--fail-under", "50"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("12 of 24 elements ready (50.0%)"), "{out}");
    assert!(
        err.contains("priority readiness 50.0% (12 of 24 elements ready) meets 50%"),
        "{err}"
    );
    let (code, _, err) = run(&repo, &["priorities", "--fail-under", "51"]);
    assert_eq!(code, 1);
    assert_eq!(
        err.trim(),
        "gate failed: priority readiness 50.0% (12 of 24 elements ready) is below 51% (--fail-under)"
    );
}

/// `mixed`: overall 87.7%; criteria 72.7, 81.8, 83.3, 100, 100; priorities 83.3%.
#[test]
fn failing_gates_name_each_scope() {
    let repo = mixed();
    let (code, _, _) = run(&repo, &["status", "--fail-under", "87"]);
    assert_eq!(code, 0);
    let (code, _, err) = run(&repo, &["status", "--fail-under", "90"]);
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "overall readiness 87.7% (50 of 57 elements ready) is below 90% (--fail-under)"
        ),
        "{err}"
    );

    let (code, _, err) = run(&repo, &["status", "--fail-under-criterion", "85"]);
    assert_eq!(code, 1);
    let failed: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("gate failed"))
        .collect();
    assert_eq!(
        failed,
        [
            "gate failed: criterion 1 Customer Insight readiness 72.7% (8 of 11 elements ready) is below 85% (--fail-under-criterion)",
            "gate failed: criterion 2 The Culture of the Organisation readiness 81.8% (9 of 11 elements ready) is below 85% (--fail-under-criterion)",
            "gate failed: criterion 3 Information and Access readiness 83.3% (10 of 12 elements ready) is below 85% (--fail-under-criterion)",
        ]
    );
    let (code, _, _) = run(&repo, &["status", "--fail-under-criterion", "72.7"]);
    assert_eq!(code, 0, "72.72...% meets 72.7");

    let (code, _, err) = run(&repo, &["priorities", "--fail-under", "90"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("priority readiness 83.3% (20 of 24 elements ready) is below 90%"),
        "{err}"
    );
}

#[test]
fn assessment_ready_gate() {
    let repo = mixed();
    let (code, _, err) = run(&repo, &["status", "--require-assessment-ready"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("gate failed: not assessment-ready (--require-assessment-ready): 1 element has no evidence file: 1.1.1"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 6, "one line per reason: {err}");

    let (code, _, err) = run(&half(), &["status", "--require-assessment-ready"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("gate passed: the evidence is assessment-ready"),
        "{err}"
    );
}

#[test]
fn several_gates_at_once() {
    let repo = mixed();
    let (code, out, err) = run(
        &repo,
        &[
            "status",
            "--format",
            "json",
            "--fail-under",
            "80",
            "--fail-under-criterion",
            "80",
        ],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("gate passed: overall readiness 87.7%"),
        "{err}"
    );
    assert!(
        err.contains("gate failed: criterion 1 Customer Insight"),
        "{err}"
    );
    // The report on stdout stays clean JSON.
    serde_json::from_str::<serde_json::Value>(&out).unwrap();
}

#[test]
fn bad_percentages_are_usage_errors() {
    let repo = mixed();
    for bad in ["101", "-5", "abc", "NaN", "inf", ""] {
        for args in [
            vec!["status", "--fail-under", bad],
            vec!["status", "--fail-under-criterion", bad],
            vec!["priorities", "--fail-under", bad],
        ] {
            let (code, out, err) = run(&repo, &args);
            assert_eq!(code, 2, "{args:?}: {err}");
            assert!(out.is_empty(), "{args:?}");
            assert!(!err.is_empty());
        }
    }
    let (_, _, err) = run(&repo, &["status", "--fail-under", "120"]);
    assert!(
        err.contains("`120` is not a percentage from 0 to 100"),
        "{err}"
    );
    // 0, 100 and a trailing % are fine.
    assert_eq!(run(&repo, &["status", "--fail-under", "0"]).0, 0);
    assert_eq!(run(&repo, &["status", "--fail-under", "100"]).0, 1);
    assert_eq!(run(&repo, &["status", "--fail-under", "80%"]).0, 0);
}

/// Without a gate, the reporting commands exit 0 whatever the readiness and whatever
/// `check` finds (the fixture has errors: `cse check` exits 1 on it).
#[test]
fn no_gate_no_failure() {
    let repo = mixed();
    assert_eq!(run(&repo, &["check"]).0, 1);
    for args in [
        vec!["status"],
        vec!["status", "--by", "subcriterion", "--format", "csv"],
        vec!["priorities", "--open"],
        vec!["actions"],
        vec!["actions", "--overdue", "--format", "json"],
        vec!["show", "3.1.1"],
    ] {
        let (code, _, err) = run(&repo, &args);
        assert_eq!(code, 0, "{args:?}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
    assert_eq!(run(&common::Repo::empty(), &["status"]).0, 0);
}

#[test]
fn config_gates_apply_unless_a_flag_overrides() {
    let repo = mixed();
    repo.write(
        "cse.toml",
        "name = \"Test\"\n[gate]\nfail_under = 90\nfail_under_criterion = 50\npriorities_fail_under = 85\n",
    );
    let (code, _, err) = run(&repo, &["status"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("is below 90% (gate.fail_under in cse.toml:3)"),
        "{err}"
    );
    assert!(
        err.contains("every criterion meets 50% (gate.fail_under_criterion in cse.toml:4)"),
        "{err}"
    );
    // The flag beats the config.
    let (code, _, err) = run(&repo, &["status", "--fail-under", "80"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("meets 80% (--fail-under)"), "{err}");

    let (code, _, err) = run(&repo, &["priorities"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("is below 85% (gate.priorities_fail_under in cse.toml:5)"),
        "{err}"
    );
    assert_eq!(run(&repo, &["priorities", "--fail-under", "80"]).0, 0);

    // The status gates are not priorities gates, and actions has none.
    repo.write("cse.toml", "[gate]\nrequire_assessment_ready = true\n");
    assert_eq!(run(&repo, &["status"]).0, 1);
    assert_eq!(run(&repo, &["priorities"]).0, 0);
    assert_eq!(run(&repo, &["actions"]).0, 0);
    repo.write("cse.toml", "[gate]\nrequire_assessment_ready = false\n");
    assert_eq!(run(&repo, &["status"]).0, 0);
}
