//! Terminal behaviour of the reports: colour only when asked for or on a terminal, never in a
//! pipe; tables fit the width (80 columns in a pipe, or `COLUMNS`).

use crate::common;
use crate::report_fixtures;

use report_fixtures::mixed;

const REPORTS: &[&[&str]] = &[
    &["status"],
    &["status", "--by", "subcriterion"],
    &["priorities"],
    &["actions"],
    &["show", "3.1.1"],
    &["show", "4.3.2"],
];

/// Runs in a pipe with the colour environment given (NO_COLOR and COLUMNS removed first).
fn run_with(repo: &common::Repo, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = repo.cse();
    cmd.env_remove("NO_COLOR").env_remove("COLUMNS").args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn no_ansi_in_a_pipe() {
    let repo = mixed();
    for args in REPORTS {
        let out = run_with(&repo, args, &[]);
        assert!(!out.contains('\x1b'), "{args:?}: {out}");
        let out = run_with(&repo, args, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
        assert!(!out.contains('\x1b'), "NO_COLOR wins: {args:?}");
        let mut never = args.to_vec();
        never.extend(["--color", "never"]);
        let out = run_with(&repo, &never, &[("CLICOLOR_FORCE", "1")]);
        assert!(!out.contains('\x1b'), "--color never: {args:?}");
    }
}

#[test]
fn colour_when_forced() {
    let repo = mixed();
    for args in REPORTS {
        let out = run_with(&repo, args, &[("CLICOLOR_FORCE", "1")]);
        assert!(out.contains('\x1b'), "CLICOLOR_FORCE: {args:?}");
        let mut always = args.to_vec();
        always.extend(["--color", "always"]);
        let out = run_with(&repo, &always, &[("NO_COLOR", "1")]);
        assert!(out.contains('\x1b'), "--color always: {args:?}");
    }
    let out = run_with(&repo, &["status", "--color", "always"], &[]);
    insta::assert_snapshot!("status_table_colour", out.replace('\x1b', "␛"));
}

/// Colour never reaches machine formats.
#[test]
fn machine_formats_have_no_colour() {
    let repo = mixed();
    for cmd in ["status", "priorities", "actions"] {
        for format in ["json", "csv", "markdown"] {
            let out = run_with(&repo, &[cmd, "--format", format, "--color", "always"], &[]);
            assert!(!out.contains('\x1b'), "{cmd} {format}");
        }
    }
}

/// The widest line, not counting `show`'s diagnostics: those are `cse check`'s rustc-style
/// snippets, whose one-line messages are not wrapped.
fn widest_line(text: &str) -> usize {
    let text = text.split("\nDiagnostics\n").next().unwrap_or(text);
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

#[test]
fn eighty_columns_in_a_pipe() {
    let repo = mixed();
    for args in REPORTS {
        let out = run_with(&repo, args, &[]);
        assert!(
            widest_line(&out) <= 80,
            "{args:?} is {} wide:\n{out}",
            widest_line(&out)
        );
    }
    // One row an element (its text takes a second line, which starts with spaces).
    let out = run_with(&repo, &["priorities"], &[]);
    let rows = out
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()));
    assert_eq!(rows.count(), 24, "{out}");
}

#[test]
fn columns_sets_the_width() {
    let repo = mixed();
    for width in [60, 100, 150] {
        let columns = width.to_string();
        for args in REPORTS {
            let out = run_with(&repo, args, &[("COLUMNS", &columns)]);
            assert!(widest_line(&out) <= width, "{args:?} at {width}:\n{out}");
        }
    }
    // Wider terminals show more of each element's text.
    let narrow = run_with(&repo, &["priorities"], &[("COLUMNS", "80")]);
    let wide = run_with(&repo, &["priorities"], &[("COLUMNS", "150")]);
    assert!(widest_line(&wide) > 120, "{wide}");
    assert!(wide.len() > narrow.len());
    // Nonsense in COLUMNS is ignored.
    let out = run_with(&repo, &["status"], &[("COLUMNS", "wide")]);
    assert!(widest_line(&out) <= 80);
}
