//! `cse show ELEMENT`: the element, its place in the standard, its evidence and diagnostics.

use crate::common;
use crate::report_fixtures;

use report_fixtures::{mixed, run};

#[test]
fn reconstructed_element_prints_its_note() {
    let repo = common::Repo::complete();
    let (code, out, err) = run(&repo, &["show", "4.3.2"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Note"), "{out}");
    assert!(
        out.contains("The official wording of 4.3.2 could not be confirmed, so it is"),
        "{out}"
    );
    assert!(out.contains("4 Delivery"), "{out}");
    assert!(out.contains("4.3 Deal Effectively with Problems"), "{out}");
    insta::assert_snapshot!("show_4_3_2", out);
}

#[test]
fn ready_priority_element() {
    let repo = mixed();
    let (code, out, _) = run(&repo, &["show", "1.2.2"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("yes, on the Chelmsford cohort priorities list"),
        "{out}"
    );
    assert!(
        out.contains("compliance-plus (Compliance Plus), ready"),
        "{out}"
    );
    assert!(out.contains("✓ Proof: ../docs/proof.txt (found)"), "{out}");
    assert!(!out.contains("Note"), "{out}");
    insta::assert_snapshot!("show_1_2_2", out);
}

/// 3.1.1 is compliant but its evidence path does not exist: not ready, with the diagnostic.
#[test]
fn element_with_an_error() {
    let repo = mixed();
    let (code, out, _) = run(&repo, &["show", "3.1.1"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("compliant (Compliance), not ready: 1 error"),
        "{out}"
    );
    assert!(
        out.contains("✗ Proof: ../docs/leaflet.pdf (not found)"),
        "{out}"
    );
    assert!(out.contains("error[E012]"), "{out}");
    insta::assert_snapshot!("show_3_1_1", out);
}

#[test]
fn element_with_actions_and_an_overdue_one() {
    let (_, out, _) = run(&mixed(), &["show", "2.1.1"]);
    assert!(
        out.contains("[ ] Get the leadership team to sign the customer charter"),
        "{out}"
    );
    assert!(out.contains("overdue"), "{out}");
    assert!(out.contains("warning[W003]"), "{out}");
    let (_, out, _) = run(&mixed(), &["show", "4.1.1"]);
    assert!(out.contains("[x] Publish the standards"), "{out}");
    assert!(
        out.contains("[ ] Review the standards with the users' forum"),
        "{out}"
    );
}

#[test]
fn missing_and_invalid_elements() {
    let repo = mixed();
    let (code, out, _) = run(&repo, &["show", "1.1.1"]);
    assert_eq!(code, 0);
    assert!(out.contains("none yet: create evidence/1.1.1.md"), "{out}");
    assert!(out.contains("error[E001]"), "{out}");
    insta::assert_snapshot!("show_missing", out);
    let (_, out, _) = run(&repo, &["show", "3.2.1"]);
    assert!(
        out.contains("invalid (the front matter cannot be read), not ready"),
        "{out}"
    );
    assert!(out.contains("error[E008]"), "{out}");
}

#[test]
fn unknown_element_is_a_usage_error_with_a_suggestion() {
    let repo = mixed();
    let (code, out, err) = run(&repo, &["show", "1.2.9"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(
        err.trim(),
        "error: `1.2.9` is not an element of the catalogue\nhelp: did you mean `1.2.1`?"
    );
    let (code, _, err) = run(&repo, &["show", "2.2"]);
    assert_eq!(code, 2);
    assert!(err.contains("that is the sub-criterion \"Staff Professionalism & Attitude\"; its elements are 2.2.1, 2.2.2, 2.2.3, 2.2.4, 2.2.5"), "{err}");
    let (code, _, err) = run(&repo, &["show", "library"]);
    assert_eq!(code, 2);
    assert!(err.contains("element ids look like `1.2.2`"), "{err}");
    // `1.2.2.md` is taken as 1.2.2.
    assert_eq!(run(&repo, &["show", "1.2.2.md"]).0, 0);
}
