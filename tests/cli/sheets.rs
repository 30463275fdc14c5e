//! `cse export` and `cse import`: workbooks written by another program, the plan, `--write`,
//! conflicts, errors naming cells, exports read back by calamine, and the round trip.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader};
use proptest::prelude::*;

use crate::common::{self, Repo};
use crate::generate;

fn fixture(name: &str) -> PathBuf {
    common::project_root()
        .join("tests/cli/fixtures/sheets")
        .join(name)
}

fn run(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let out = common::cse(dir).args(args).output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A fresh `cse init` repository, committed.
fn fresh() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (_, err, code) = run(dir.path(), &["init"]);
    assert_eq!(code, 0, "{err}");
    if !dir.path().join(".git").exists() {
        git(dir.path(), &["init", "-q"]);
    }
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-qm", "init"]);
    dir
}

#[test]
fn a_tracker_from_another_program_plans_updates_on_a_fresh_repository() {
    let dir = fresh();
    let tracker = fixture("tracker.xlsx");
    let (out, err, code) = run(dir.path(), &["import", tracker.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    // The second sheet is read: its header is on row 4, under a title and merged cells.
    assert!(
        err.contains("sheet `Self-assessment 2026`, headers on row 4: element from A \"Element ref\", status from B \"Rating\""),
        "{err}"
    );
    let expected = [
        "update    1.1.1  evidence/1.1.1.md",
        "    status: (empty) → \"compliant\"",
        "    owner: (empty) → \"Performance & Insight Officer\"",
        "    reviewed: (empty) → \"2026-03-12\"",
        "    evidence: + \"Customer insight profile 2026\" (title only: add its path or url)",
        "    evidence: + \"Residents' survey 2026\" (title only: add its path or url)",
        "    narrative: + 6 words under \"## Imported from the spreadsheet\"",
        "update    1.1.2  evidence/1.1.2.md",
        "    status: (empty) → \"partial\"",
        "    owner: (empty) → \"Customer Services Manager\"",
        "    reviewed: (empty) → \"2026-11-20\"",
        "update    1.1.3  evidence/1.1.3.md",
        "    status: (empty) → \"compliance-plus\"",
        "    reviewed: (empty) → \"2026-11-20\"",
        "update    1.2.1  evidence/1.2.1.md",
        "    owner: (empty) → \"Head of Libraries\"",
        "",
        "Plan: 0 to create, 4 to update, 0 unchanged, 0 with conflicts.",
    ];
    assert_eq!(out.lines().collect::<Vec<_>>(), expected, "{out}");
    let doc = std::fs::read_to_string(common::project_root().join("docs/spreadsheets.md")).unwrap();
    assert!(
        doc.contains(&format!("```text\n{}\n```", expected.join("\n"))),
        "docs/spreadsheets.md shows another plan"
    );
    assert!(err.contains("Dry run: nothing written"), "{err}");
    assert_eq!(
        git(dir.path(), &["status", "--porcelain"]),
        "",
        "a dry run writes nothing"
    );
}

#[test]
fn write_changes_only_the_planned_lines_then_checks() {
    let dir = fresh();
    let tracker = fixture("tracker.xlsx");
    let (out, err, code) = run(
        dir.path(),
        &["import", tracker.to_str().unwrap(), "--write"],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Wrote 4 of 4 planned files."), "{out}");
    // 1.1.3 is compliance-plus with no evidence yet: check says so (E015).
    assert!(out.contains("cse check: 1 error, "), "{out}");
    let diff = git(dir.path(), &["diff", "-U0", "--no-color"]);
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| {
            (l.starts_with('+') || l.starts_with('-'))
                && !l.starts_with("+++")
                && !l.starts_with("---")
        })
        .collect();
    let allowed = [
        "-status: not-assessed",
        "-owner: \"\"",
        "-reviewed:",
        "-evidence: []",
        "+status: ",
        "+owner: ",
        "+reviewed: 2026-",
        "+evidence:",
        "+  - title: ",
        "+",
        "+## Imported from the spreadsheet",
        "+We profile our members every March.",
    ];
    for line in &changed {
        assert!(
            allowed.iter().any(|a| {
                if a.ends_with(' ') || a.ends_with('-') || *a == "+  - title: " {
                    line.starts_with(a)
                } else {
                    line == a
                }
            }),
            "unplanned change {line:?} in\n{diff}"
        );
    }
    assert_eq!(
        git(dir.path(), &["diff", "--name-only"])
            .lines()
            .collect::<Vec<_>>(),
        [
            "evidence/1.1.1.md",
            "evidence/1.1.2.md",
            "evidence/1.1.3.md",
            "evidence/1.2.1.md"
        ]
    );
    // Titles without a path are a warning, not an error.
    let (json, _) = Repo { dir }.check_json();
    assert_eq!(common::with_code(&json, "W012").len(), 2, "{json:#}");
    assert!(common::with_code(&json, "E011").is_empty());
}

#[test]
fn importing_again_changes_nothing() {
    let dir = fresh();
    let tracker = fixture("tracker.xlsx");
    run(
        dir.path(),
        &["import", tracker.to_str().unwrap(), "--write"],
    );
    let (out, _, code) = run(dir.path(), &["import", tracker.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Plan: 0 to create, 0 to update, 4 unchanged, 0 with conflicts."),
        "{out}"
    );
}

#[test]
fn conflicts_are_kept_unless_overwrite() {
    let repo = Repo::complete();
    repo.write(
        "matrix.csv",
        "Element,Status,Owner\r\n1.1.1,Partial,Manager\r\n1.1.2,C,Someone Else\r\n",
    );
    let (out, _, code) = run(repo.path(), &["import", "matrix.csv", "--write"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("conflict  1.1.1\n    status: the file says \"compliant\", the sheet \"partial\"; kept (--overwrite replaces it)\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "conflict  1.1.2\n    owner: the file says \"Manager\", the sheet \"Someone Else\""
        ),
        "{out}"
    );
    assert!(out.contains("Wrote 0 of 0 planned files."), "{out}");
    let file = std::fs::read_to_string(repo.path().join("evidence/1.1.1.md")).unwrap();
    assert!(file.contains("status: compliant\n"), "{file}");

    let (out, _, code) = run(
        repo.path(),
        &["import", "matrix.csv", "--write", "--overwrite"],
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(
            "update    1.1.1  evidence/1.1.1.md\n    status: \"compliant\" → \"partial\"\n"
        ),
        "{out}"
    );
    let file = std::fs::read_to_string(repo.path().join("evidence/1.1.1.md")).unwrap();
    assert!(file.contains("status: partial\n"), "{file}");
    let file = std::fs::read_to_string(repo.path().join("evidence/1.1.2.md")).unwrap();
    assert!(file.contains("owner: Someone Else\n"), "{file}");
}

#[test]
fn missing_files_are_created_from_the_template() {
    let repo = Repo::complete();
    repo.remove("evidence/4.1.1.md");
    repo.write("m.csv", "Ref,Rating,Lead\n4.1.1,PC,Team Leader\n");
    let (out, _, code) = run(repo.path(), &["import", "m.csv", "--write"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("create    4.1.1  evidence/4.1.1.md\n"),
        "{out}"
    );
    let file = std::fs::read_to_string(repo.path().join("evidence/4.1.1.md")).unwrap();
    assert!(
        file.starts_with("---\nelement: 4.1.1\nstatus: partial\nowner: Team Leader\nreviewed:\n"),
        "{file}"
    );
}

#[test]
fn unreadable_cells_are_named_and_nothing_is_written() {
    let dir = fresh();
    let mistakes = fixture("mistakes.xlsx");
    let (out, err, code) = run(
        dir.path(),
        &[
            "import",
            mistakes.to_str().unwrap(),
            "--map",
            "status=our rag",
            "--write",
        ],
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("3 cells could not be read:\n"), "{out}");
    assert!(
        out.contains("  RAG!B2: \"Green\"; expected a status such as Compliance Plus (CP)"),
        "{out}"
    );
    assert!(
        out.contains("  RAG!C2: \"2026-13-45\"; expected a date"),
        "{out}"
    );
    assert!(
        out.contains("  RAG!A3: \"9.9.9\"; expected an element of the standard"),
        "{out}"
    );
    assert!(err.contains("Nothing written"), "{err}");
    assert_eq!(git(dir.path(), &["status", "--porcelain"]), "");
}

#[test]
fn no_element_column_lists_the_headers_seen() {
    let repo = Repo::complete();
    repo.write("m.csv", "Item,Rating\n1.1.1,C\n");
    let (_, err, code) = run(repo.path(), &["import", "m.csv"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no element column found"), "{err}");
    assert!(
        err.contains("headers seen in sheet `m.csv`: \"Item\", \"Rating\""),
        "{err}"
    );
    let (out, err, code) = run(repo.path(), &["import", "m.csv", "--map", "element=ITEM"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("unchanged 1.1.1"), "{out}");
    let (_, err, code) = run(repo.path(), &["import", "m.csv", "--map", "colour=Item"]);
    assert_eq!(code, 2);
    assert!(err.contains("`colour` is not a field"), "{err}");
    let (_, err, code) = run(repo.path(), &["import", "m.csv", "--sheet", "Other"]);
    assert_eq!(code, 2);
    assert!(err.contains("the sheets are \"m.csv\""), "{err}");
}

#[test]
fn sheet_picks_a_sheet_by_name() {
    let dir = fresh();
    let tracker = fixture("tracker.xlsx");
    let (_, err, code) = run(
        dir.path(),
        &["import", tracker.to_str().unwrap(), "--sheet", "Notes"],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("headers seen in sheet `Notes`: \"How to fill in the tracker\""),
        "{err}"
    );
}

fn cell(range: &calamine::Range<Data>, row: usize, col: usize) -> &Data {
    range.get((row, col)).unwrap_or(&Data::Empty)
}

#[test]
fn an_export_opens_in_another_reader_with_typed_cells() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("matrix.xlsx");
    let (_, err, code) = run(
        &common::project_root(),
        &["export", "--out", out.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{err}");
    let mut book = calamine::open_workbook_auto(&out).unwrap();
    assert_eq!(book.sheet_names(), ["Elements", "Actions", "Summary"]);
    let elements = book.worksheet_range("Elements").unwrap();
    let header: Vec<String> = (0..13).map(|c| cell(&elements, 0, c).to_string()).collect();
    assert_eq!(
        header,
        [
            "Element",
            "Criterion",
            "Sub-criterion",
            "Text",
            "Priority",
            "Status",
            "Ready",
            "Owner",
            "Reviewed",
            "Evidence",
            "Open actions",
            "Next due",
            "Errors"
        ]
    );
    assert_eq!(elements.height(), 58);
    assert_eq!(cell(&elements, 1, 0), &Data::String("1.1.1".into()));
    assert_eq!(cell(&elements, 1, 5), &Data::String("compliant".into()));
    match cell(&elements, 1, 8) {
        Data::DateTime(d) => {
            assert!(d.is_datetime());
            assert_eq!(d.to_ymd_hms_milli().0..=d.to_ymd_hms_milli().0, 2026..=2026);
            assert_eq!((d.to_ymd_hms_milli().1, d.to_ymd_hms_milli().2), (3, 12));
        }
        other => panic!("Reviewed is not a date cell: {other:?}"),
    }
    assert!(matches!(
        cell(&elements, 1, 12),
        Data::Float(_) | Data::Int(_)
    ));
    let actions = book.worksheet_range("Actions").unwrap();
    assert_eq!(cell(&actions, 0, 3), &Data::String("Due".into()));
    let dated = (1..actions.height())
        .filter(|r| matches!(cell(&actions, *r, 3), Data::DateTime(_)))
        .count();
    assert!(dated > 0, "no action has a due date cell");
    let summary = book.worksheet_range("Summary").unwrap();
    assert_eq!(
        cell(&summary, 0, 0),
        &Data::String(
            "Bramfield Library Service: readiness for Customer Service Excellence".into()
        )
    );
    let text: Vec<String> = summary.rows().map(|r| r[0].to_string()).collect();
    assert!(
        text.iter()
            .any(|t| t.starts_with("priority elements ready: ")),
        "{text:?}"
    );
    assert!(
        text.iter().any(|t| t.starts_with("assessment-ready: ")),
        "{text:?}"
    );
}

#[test]
fn csv_export_guards_formulas_and_reads_back() {
    let repo = Repo::complete();
    repo.write(
        "evidence/1.1.1.md",
        &common::ready_file("1.1.1")
            .replace("owner: Manager", "owner: \"=HYPERLINK(\\\"http://x\\\")\""),
    );
    let (_, err, code) = run(repo.path(), &["export", "--out", "m.csv"]);
    assert_eq!(code, 0, "{err}");
    let csv = std::fs::read_to_string(repo.path().join("m.csv")).unwrap();
    assert!(csv.starts_with("\u{feff}Element,"), "{csv}");
    assert!(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), "{csv}");
    let (out, err, code) = run(repo.path(), &["import", "m.csv"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.ends_with("Plan: 0 to create, 0 to update, 57 unchanged, 0 with conflicts.\n"),
        "{out}"
    );
}

#[test]
fn export_refuses_other_formats_and_the_evidence_folder() {
    let repo = Repo::complete();
    let (_, err, code) = run(repo.path(), &["export", "--out", "m.pdf"]);
    assert_eq!(code, 2);
    assert!(err.contains(".xlsx"), "{err}");
    let (_, err, code) = run(repo.path(), &["export", "--out", "evidence/m.csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("evidence folder"), "{err}");
}

/// Exports `dir` as `name`, imports it back, and returns the plan's closing line.
fn round_trip(dir: &Path, name: &str) -> String {
    let (_, err, code) = run(dir, &["export", "--out", name]);
    assert_eq!(code, 0, "{err}");
    let (out, err, code) = run(dir, &["import", name]);
    assert_eq!(code, 0, "{out}{err}");
    out.lines().last().unwrap_or_default().to_owned()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    /// Export then import plans no change, for .xlsx and .csv, on generated repositories
    /// (with units, planted mistakes) with owners and titles of any text.
    #[test]
    fn export_then_import_plans_no_change(
        seed in 0u64..10_000,
        units in 1usize..=3,
        owner in "[ -~éü\n]{0,24}",
        title in "[ -~\u{2014}\t]{0,24}",
    ) {
        let dir = tempfile::tempdir().unwrap();
        generate::generate(dir.path(), &generate::Options { units, seed }).unwrap();
        let unit = std::fs::read_dir(dir.path().join("evidence")).unwrap().next().unwrap().unwrap();
        let file = unit.path().join("1.1.1.md");
        let text = format!(
            "---\nelement: 1.1.1\nstatus: partial\nowner: {}\nreviewed: 2026-01-31\nevidence:\n  - title: {}\n    url: https://example.org/\nactions:\n  - action: Do it\n    due: 2026-02-01\n---\nText\n",
            serde_json::Value::String(owner),
            serde_json::Value::String(title),
        );
        std::fs::write(&file, text).unwrap();
        for name in ["x.xlsx", "x.csv"] {
            let last = round_trip(dir.path(), name);
            prop_assert!(last.starts_with("Plan: 0 to create, 0 to update, "), "{name}: {last}");
            prop_assert!(last.ends_with(", 0 with conflicts."), "{name}: {last}");
        }
    }
}

#[test]
fn units_need_a_unit_column_or_unit() {
    let dir = tempfile::tempdir().unwrap();
    generate::generate(dir.path(), &generate::Options { units: 2, seed: 5 }).unwrap();
    let (_, err, code) = run(dir.path(), &["export", "--out", "all.csv"]);
    assert_eq!(code, 0, "{err}");
    let csv = std::fs::read_to_string(dir.path().join("all.csv")).unwrap();
    assert!(csv.starts_with("\u{feff}Unit,Element,"), "{csv}");
    let unit = csv
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_owned();
    // Without the Unit column, rows cannot be placed.
    let no_unit: String = csv
        .lines()
        .map(|l| l.split_once(',').map_or(l, |(_, rest)| rest))
        .take(2)
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(dir.path().join("no-unit.csv"), no_unit).unwrap();
    let (_, err, code) = run(dir.path(), &["import", "no-unit.csv"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("has no Unit column"), "{err}");
    let (out, err, code) = run(dir.path(), &["--unit", &unit, "import", "no-unit.csv"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("unchanged [{unit}] 1.1.1")), "{out}");
    // With --unit, another unit's rows are left out.
    let (out, err, code) = run(dir.path(), &["--unit", &unit, "import", "all.csv"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.ends_with("Plan: 0 to create, 0 to update, 57 unchanged, 0 with conflicts.\n"),
        "{out}"
    );
}

#[test]
fn export_at_a_commit_reads_the_evidence_then() {
    let dir = fresh();
    let tracker = fixture("tracker.xlsx");
    run(
        dir.path(),
        &["import", tracker.to_str().unwrap(), "--write"],
    );
    git(dir.path(), &["commit", "-qam", "import"]);
    let status_111 = |name: &str| {
        let csv = std::fs::read_to_string(dir.path().join(name)).unwrap();
        let row = csv
            .lines()
            .find(|l| l.starts_with("1.1.1,"))
            .unwrap()
            .to_owned();
        row.split(',').nth(5).unwrap().to_owned()
    };
    let (_, err, code) = run(dir.path(), &["export", "--out", "now.csv"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(status_111("now.csv"), "compliant");
    let (_, err, code) = run(
        dir.path(),
        &["export", "--out", "then.csv", "--at", "HEAD~1"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Evidence at commit "), "{err}");
    assert_eq!(status_111("then.csv"), "not-assessed");
}

#[test]
fn an_ods_sheet_is_read_too() {
    let dir = fresh();
    let ods = fixture("matrix.ods");
    let (out, err, code) = run(dir.path(), &["import", ods.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        out,
        "update    2.1.1  evidence/2.1.1.md\n    status: (empty) → \"compliant\"\n    owner: (empty) → \"Head of Service\"\n    reviewed: (empty) → \"2026-02-01\"\n\
         update    2.1.2  evidence/2.1.2.md\n    status: (empty) → \"non-compliant\"\n    reviewed: (empty) → \"2026-04-03\"\n\
         \nPlan: 0 to create, 2 to update, 0 unchanged, 0 with conflicts.\n"
    );
}

/// A workbook whose used range ends far from its table: read cell by cell, not as a rectangle.
fn far_cell_workbook(path: &Path, row: u32, column: u16) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Element").unwrap();
    sheet.write_string(0, 1, "Owner").unwrap();
    sheet.write_string(1, 0, "1.1.1").unwrap();
    sheet.write_string(1, 1, "New owner").unwrap();
    sheet.write_string(row, column, "a note").unwrap();
    book.save(path).unwrap();
}

#[test]
fn a_stray_cell_far_from_the_table_costs_one_row() {
    let repo = Repo::complete();
    far_cell_workbook(&repo.path().join("far.xlsx"), 49_999, 701);
    let (out, err, code) = run(repo.path(), &["import", "far.xlsx"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("owner:") && out.contains("\"New owner\""),
        "{out}"
    );
}

#[test]
fn a_cell_past_the_limits_is_refused_plainly() {
    let repo = Repo::complete();
    far_cell_workbook(&repo.path().join("huge.xlsx"), 1_048_575, 16_383);
    let (out, err, code) = run(repo.path(), &["import", "huge.xlsx"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("huge.xlsx has more than 100000 rows") && err.contains("sheet `Sheet1`"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_csv_in_another_encoding_is_refused_before_anything_is_written() {
    let repo = Repo::complete();
    repo.write_bytes(
        "cp1252.csv",
        b"Element,Owner\n1.1.1,Caf\xe9 \x96 \xa3 Lead\n",
    );
    let before = std::fs::read(repo.path().join("evidence/1.1.1.md")).unwrap();
    let (out, err, code) = run(repo.path(), &["import", "cp1252.csv", "--write"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("is not UTF-8 text: line 2"), "{err}");
    assert!(err.contains("CSV UTF-8"), "{err}");
    assert_eq!(
        std::fs::read(repo.path().join("evidence/1.1.1.md")).unwrap(),
        before
    );
}

#[test]
fn a_file_with_the_wrong_extension_is_named_for_what_it_is() {
    let repo = Repo::complete();
    repo.write("renamed.xlsx", "Element,Owner\n1.1.1,A\n");
    let (_, err, code) = run(repo.path(), &["import", "renamed.xlsx"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is it a CSV file with another name?"), "{err}");
    far_cell_workbook(&repo.path().join("book.xlsx"), 3, 3);
    std::fs::rename(repo.path().join("book.xlsx"), repo.path().join("book.csv")).unwrap();
    let (_, err, code) = run(repo.path(), &["import", "book.csv"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("a workbook saved with a .csv name"), "{err}");
}
