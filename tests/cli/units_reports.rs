//! Several units in `status`, `priorities`, `show`, `actions` and `report`: the institution
//! roll-up, its gates, and `--unit` behaving as one unit.

use crate::common;

use common::Repo;

const CONFIG: &str = "name = \"Example Council\"\n\n[units]\ncentral-library = \"evidence/central\"\nmobile-library = \"evidence/mobile\"\n";

/// A ready file for `id` whose evidence path climbs `depth` folders to `docs/proof.txt`.
fn ready(id: &str, depth: usize) -> String {
    format!(
        "---\nelement: {id}\nstatus: compliant\nowner: Manager\nreviewed: 2026-06-01\nevidence:\n  - title: Proof\n    path: {}docs/proof.txt\n---\nHow we meet {id}.\n",
        "../".repeat(depth)
    )
}

/// A file for `id` with `status` and, when given, one open action.
fn rated(id: &str, status: &str, depth: usize, action: Option<(&str, &str, &str)>) -> String {
    let mut s = format!(
        "---\nelement: {id}\nstatus: {status}\nowner: Manager\nreviewed: 2026-06-01\nevidence:\n  - title: Proof\n    path: {}docs/proof.txt\n",
        "../".repeat(depth)
    );
    if let Some((action, owner, due)) = action {
        s.push_str(&format!(
            "actions:\n  - action: {action}\n    owner: {owner}\n    due: {due}\n"
        ));
    }
    s.push_str("---\nWhere we are.\n");
    s
}

/// The central library's files in folder `dir` (`depth` folders below the root): every
/// element ready except 4.3.1 (non-compliant, with an overdue action) and 5.1.1 (an
/// evidence path to a missing file: an error).
fn write_central(repo: &Repo, dir: &str, depth: usize) {
    for id in ids() {
        repo.write(&format!("{dir}/{id}.md"), &ready(&id, depth));
    }
    repo.write(
        &format!("{dir}/4.3.1.md"),
        &rated(
            "4.3.1",
            "non-compliant",
            depth,
            Some((
                "Start a monthly review of complaint figures",
                "Customer Services Manager",
                "2026-10-01",
            )),
        ),
    );
    repo.write(
        &format!("{dir}/5.1.1.md"),
        &ready("5.1.1", depth).replace("docs/proof.txt", "docs/standards.pdf"),
    );
}

/// The mobile library's files: every element ready except 1.1.1 (no file), 1.2.2 (partial,
/// with an action plan) and 3.3.2 (not assessed).
fn write_mobile(repo: &Repo, dir: &str, depth: usize) {
    for id in ids() {
        repo.write(&format!("{dir}/{id}.md"), &ready(&id, depth));
    }
    repo.remove(&format!("{dir}/1.1.1.md"));
    repo.write(
        &format!("{dir}/1.2.2.md"),
        &rated(
            "1.2.2",
            "partial",
            depth,
            Some((
                "Publish what changed after the mobile survey",
                "Outreach Lead",
                "2026-12-15",
            )),
        ),
    );
    repo.write(
        &format!("{dir}/3.3.2.md"),
        &rated("3.3.2", "not-assessed", depth, None),
    );
}

fn ids() -> Vec<String> {
    cse::catalogue::Catalogue::builtin()
        .unwrap()
        .element_ids()
        .map(str::to_owned)
        .collect()
}

/// Central: 55 of 57 ready (96.5%). Mobile: 54 of 57 (94.7%). 1.2.2 is ready in central and
/// not in mobile. The institution: 52 of 57 (91.2%), since an element is ready only when
/// it is ready in both.
pub(crate) fn two_units() -> Repo {
    let repo = Repo::empty();
    repo.write("cse.toml", CONFIG);
    write_central(&repo, "evidence/central", 2);
    write_mobile(&repo, "evidence/mobile", 2);
    repo
}

/// One unit's files alone, in `evidence/`, with no `[units]`.
fn alone(write: fn(&Repo, &str, usize)) -> Repo {
    let repo = Repo::empty();
    repo.write("cse.toml", "name = \"Example Council\"\n");
    write(&repo, "evidence", 1);
    repo
}

fn run(repo: &Repo, args: &[&str]) -> (i32, String, String) {
    let out = repo.cse().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// stdout of a command that must exit 0.
fn stdout(repo: &Repo, args: &[&str]) -> String {
    let (code, out, err) = run(repo, args);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

fn json(repo: &Repo, args: &[&str]) -> serde_json::Value {
    let out = stdout(repo, args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

// --- the institution is ready for an element only when every unit is -----------------------

#[test]
fn status_json_has_the_institution_and_each_unit() {
    let doc = json(&two_units(), &["status", "--format", "json"]);
    assert_eq!(doc["version"], 1);
    // The institution's figures where a single unit's would be.
    assert_eq!(doc["overall"]["ready"], 52);
    assert_eq!(doc["overall"]["elements"], 57);
    assert_eq!(doc["overall"]["readiness"], 91.2);
    // Criterion 1: all 11 ready in central, 9 in mobile (1.1.1 missing, 1.2.2 partial).
    // 1.2.2 is ready in central and not in mobile, so not ready for the institution.
    assert_eq!(doc["criteria"][0]["ready"], 9);
    assert_eq!(doc["overall"]["counts"]["missing"], 1);
    assert_eq!(doc["overall"]["counts"]["partial"], 1);
    assert_eq!(doc["priorities"]["ready"], 20);
    assert_eq!(doc["assessment_ready"], false);
    assert_eq!(
        doc["assessment_reasons"],
        serde_json::json!([
            "[central-library] 1 element has errors: 5.1.1 (run cse check)",
            "[central-library] 1 element is non-compliant: 4.3.1",
            "[mobile-library] 1 element has no evidence file: 1.1.1",
            "[mobile-library] 1 element is not assessed: 3.3.2"
        ])
    );
    assert_eq!(doc["not_ready_because_of_errors"], 1);
    let units = doc["units"].as_array().unwrap();
    assert_eq!(units.len(), 2);
    assert_eq!(units[0]["name"], "central-library");
    assert_eq!(units[0]["overall"]["ready"], 55);
    assert_eq!(units[0]["criteria"][0]["ready"], 11);
    assert_eq!(units[0]["priorities"]["ready"], 22);
    assert_eq!(units[1]["name"], "mobile-library");
    assert_eq!(units[1]["overall"]["ready"], 54);
    assert_eq!(units[1]["criteria"][0]["ready"], 9);
    assert_eq!(units[1]["assessment_ready"], false);
    assert!(units[0].get("subcriteria").is_none());

    let by_sub = json(
        &two_units(),
        &["status", "--by", "subcriterion", "--format", "json"],
    );
    assert_eq!(by_sub["subcriteria"].as_array().unwrap().len(), 15);
    // 1.2 has three elements; 1.2.2 is not ready in mobile.
    assert_eq!(by_sub["units"][1]["subcriteria"][1]["ready"], 2);
    assert_eq!(by_sub["subcriteria"][1]["ready"], 2);
}

#[test]
fn priorities_name_the_units_not_ready() {
    let repo = two_units();
    let doc = json(&repo, &["priorities", "--format", "json"]);
    let elements = doc["elements"].as_array().unwrap();
    let find = |id: &str| elements.iter().find(|e| e["id"] == id).unwrap();
    let e = find("1.2.2");
    assert_eq!(e["ready"], false);
    assert_eq!(e["status"], "partial");
    assert_eq!(e["units_not_ready"], serde_json::json!(["mobile-library"]));
    assert_eq!(e["open_actions"], 1);
    assert_eq!(e["owner"], serde_json::Value::Null);
    assert_eq!(
        find("4.3.1")["units_not_ready"],
        serde_json::json!(["central-library"])
    );
    assert_eq!(find("1.2.3")["ready"], true);
    assert_eq!(find("1.2.3")["units_not_ready"], serde_json::json!([]));

    // --open: not ready for the institution, whichever unit holds it back.
    let open = json(&repo, &["priorities", "--open", "--format", "json"]);
    let ids: Vec<&str> = open["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["1.2.2", "3.3.2", "4.3.1", "5.1.1"]);
}

// --- gates ------------------------------------------------------------------------------

#[test]
fn gates_judge_the_institution() {
    let repo = two_units();
    // Each unit is above 92%, the institution is not.
    let (code, _, err) = run(&repo, &["status", "--fail-under", "92"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        err,
        "gate failed: institution overall readiness 91.2% (52 of 57 elements ready) is below 92% (--fail-under)\n"
    );
    let (code, _, err) = run(&repo, &["status", "--fail-under", "91"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&repo, &["status", "--require-assessment-ready"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("gate failed: institution not assessment-ready (--require-assessment-ready): [mobile-library] 1 element has no evidence file: 1.1.1\n"),
        "{err}"
    );
    let (code, _, err) = run(&repo, &["priorities", "--fail-under", "85"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "gate failed: institution priority readiness 83.3% (20 of 24 elements ready) is below 85% (--fail-under)\n"
    );
}

#[test]
fn fail_under_unit_names_each_unit_below() {
    let repo = two_units();
    let (code, out, err) = run(&repo, &["status", "--fail-under-unit", "95"]);
    assert_eq!(code, 1, "{err}");
    assert!(out.starts_with("Example Council: readiness"), "{out}");
    assert_eq!(
        err,
        "gate failed: unit mobile-library readiness 94.7% (54 of 57 elements ready) is below 95% (--fail-under-unit)\n"
    );
    let (code, _, err) = run(&repo, &["status", "--fail-under-unit", "97"]);
    assert_eq!(code, 1);
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(
        err.contains("unit central-library readiness 96.5% (55 of 57 elements ready) is below 97%"),
        "{err}"
    );
    let (code, _, err) = run(&repo, &["status", "--fail-under-unit", "94.7"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        "gate passed: both units meet 94.7% (--fail-under-unit)\n"
    );
    // The institution is below 94.7% and that is a different gate.
    let (code, _, _) = run(
        &repo,
        &["status", "--fail-under-unit", "90", "--fail-under", "92"],
    );
    assert_eq!(code, 1);

    for bad in ["101", "abc", "NaN"] {
        let (code, _, err) = run(&repo, &["status", "--fail-under-unit", bad]);
        assert_eq!(code, 2, "{bad}: {err}");
        assert!(err.contains("--fail-under-unit"), "{err}");
    }
}

#[test]
fn fail_under_unit_from_the_config() {
    let repo = two_units();
    repo.write(
        "cse.toml",
        &format!("{CONFIG}\n[gate]\nfail_under_unit = 95\n"),
    );
    let (code, _, err) = run(&repo, &["status", "--format", "json"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "gate failed: unit mobile-library readiness 94.7% (54 of 57 elements ready) is below 95% (gate.fail_under_unit in cse.toml:8)\n"
    );
    // The flag beats the config.
    let (code, _, _) = run(&repo, &["status", "--fail-under-unit", "50"]);
    assert_eq!(code, 0);
    // One unit: its own overall readiness, named as the other gates name it.
    let (code, _, err) = run(&repo, &["status", "--unit", "central-library"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("gate passed: [central-library] the unit meets 95%"),
        "{err}"
    );
}

#[test]
fn fail_under_unit_without_units_is_the_overall_figure() {
    let repo = alone(write_mobile);
    let (code, _, err) = run(&repo, &["status", "--fail-under-unit", "95"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "gate failed: overall readiness 94.7% (54 of 57 elements ready) is below 95% (--fail-under-unit)\n"
    );
}

// --- every format -------------------------------------------------------------------------

#[test]
fn status_matrix_in_every_format() {
    let repo = two_units();
    insta::assert_snapshot!("status_matrix_table", stdout(&repo, &["status"]));
    insta::assert_snapshot!(
        "status_matrix_markdown",
        stdout(&repo, &["status", "--format", "markdown"])
    );
    insta::assert_snapshot!(
        "status_matrix_csv",
        stdout(&repo, &["status", "--format", "csv"])
    );
    insta::assert_snapshot!(
        "status_matrix_json",
        stdout(&repo, &["status", "--format", "json"])
    );
    insta::assert_snapshot!(
        "status_matrix_by_subcriterion",
        stdout(&repo, &["status", "--by", "subcriterion"])
    );
}

#[test]
fn status_by_unit_in_every_format() {
    let repo = two_units();
    insta::assert_snapshot!(
        "status_by_unit_table",
        stdout(&repo, &["status", "--by", "unit"])
    );
    insta::assert_snapshot!(
        "status_by_unit_markdown",
        stdout(&repo, &["status", "--by", "unit", "--format", "markdown"])
    );
    insta::assert_snapshot!(
        "status_by_unit_csv",
        stdout(&repo, &["status", "--by", "unit", "--format", "csv"])
    );
    // JSON is the same document whatever the rows.
    assert_eq!(
        stdout(&repo, &["status", "--by", "unit", "--format", "json"]),
        stdout(&repo, &["status", "--format", "json"])
    );
}

#[test]
fn a_narrow_terminal_splits_the_matrix_into_blocks() {
    let repo = two_units();
    repo.write(
        "cse.toml",
        &format!("{CONFIG}registration-and-bereavement-services = \"evidence/registration\"\n"),
    );
    write_central(&repo, "evidence/registration", 2);
    let out = repo
        .cse()
        .env("COLUMNS", "72")
        .arg("status")
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    // Below the heading, every line fits.
    assert!(
        out.lines().skip(1).all(|l| l.chars().count() <= 72),
        "{out}"
    );
    assert!(out.contains("\nUnits 1–2 of 3\n") && out.contains("\nUnit 3 of 3\n"));
    insta::assert_snapshot!("status_matrix_blocks", out);
}

#[test]
fn priorities_in_every_format() {
    let repo = two_units();
    insta::assert_snapshot!("priorities_units_table", stdout(&repo, &["priorities"]));
    insta::assert_snapshot!(
        "priorities_units_open_markdown",
        stdout(&repo, &["priorities", "--open", "--format", "markdown"])
    );
    insta::assert_snapshot!(
        "priorities_units_open_csv",
        stdout(&repo, &["priorities", "--open", "--format", "csv"])
    );
    insta::assert_snapshot!(
        "priorities_units_open_json",
        stdout(&repo, &["priorities", "--open", "--format", "json"])
    );
}

#[test]
fn actions_in_every_format() {
    let repo = two_units();
    insta::assert_snapshot!("actions_units_table", stdout(&repo, &["actions"]));
    insta::assert_snapshot!(
        "actions_units_markdown",
        stdout(&repo, &["actions", "--format", "markdown"])
    );
    insta::assert_snapshot!(
        "actions_units_csv",
        stdout(&repo, &["actions", "--format", "csv"])
    );
    let doc = json(&repo, &["actions", "--format", "json"]);
    let units: Vec<&str> = doc["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["unit"].as_str().unwrap())
        .collect();
    assert_eq!(units, ["central-library", "mobile-library"]);
    insta::assert_snapshot!(
        "actions_units_json",
        stdout(&repo, &["actions", "--format", "json"])
    );
}

#[test]
fn show_gives_the_element_once_then_each_unit() {
    let repo = two_units();
    let out = stdout(&repo, &["show", "1.2.2"]);
    assert_eq!(out.matches("1.2.2 We have made").count(), 1, "{out}");
    assert!(out.contains("Unit central-library\n") && out.contains("Unit mobile-library\n"));
    insta::assert_snapshot!("show_units", out);
}

// --- --unit NAME behaves as one unit --------------------------------------------------------

/// `out` with the first line (the heading, which names the unit) removed.
fn body(out: &str) -> &str {
    out.split_once('\n').map_or("", |(_, rest)| rest)
}

#[test]
fn unit_flag_status_is_that_unit_alone() {
    let repo = two_units();
    let central = alone(write_central);
    for format in ["table", "markdown", "csv", "json"] {
        let one = stdout(
            &repo,
            &["status", "--unit", "central-library", "--format", format],
        );
        let same = stdout(&central, &["status", "--format", format]);
        assert_eq!(body(&one), body(&same), "{format}");
    }
    let one = stdout(&repo, &["status", "--unit", "central-library"]);
    assert!(
        one.starts_with("Example Council: readiness for Customer Service Excellence, by criterion, unit central-library\n"),
        "{one}"
    );
    assert!(!one.contains("Institution") && !one.contains("institution"));
    let doc = json(
        &repo,
        &["--unit", "mobile-library", "status", "--format", "json"],
    );
    assert!(doc.get("units").is_none());
    assert_eq!(doc["overall"]["ready"], 54);
    // --by unit: the one unit's row, no institution row.
    let by_unit = stdout(
        &repo,
        &[
            "status",
            "--unit",
            "mobile-library",
            "--by",
            "unit",
            "--format",
            "csv",
        ],
    );
    assert_eq!(by_unit.lines().count(), 2, "{by_unit}");
    assert!(
        by_unit.contains("\r\nunit,mobile-library,57,54,94.7,"),
        "{by_unit}"
    );
}

#[test]
fn unit_flag_priorities_is_that_unit_alone() {
    let repo = two_units();
    let mobile = alone(write_mobile);
    for format in ["csv", "json"] {
        let one = stdout(
            &repo,
            &["priorities", "--unit", "mobile-library", "--format", format],
        );
        let same = stdout(&mobile, &["priorities", "--format", format]);
        assert_eq!(one.replace(" (unit mobile-library)", ""), same, "{format}");
        assert!(!one.contains("units_not_ready"));
    }
    let table = stdout(&repo, &["priorities", "--unit", "mobile-library"]);
    assert!(
        table.contains("Owner") && !table.contains("Not ready in"),
        "{table}"
    );
}

#[test]
fn unit_flag_show_and_actions_cover_that_unit() {
    let repo = two_units();
    let out = stdout(&repo, &["show", "1.2.2", "--unit", "mobile-library"]);
    assert!(out.contains("Unit mobile-library\n"), "{out}");
    assert!(
        !out.contains("central-library") && !out.contains("Institution"),
        "{out}"
    );

    let out = stdout(&repo, &["actions", "--unit", "central-library"]);
    assert!(
        out.starts_with(
            "Action plan of unit central-library on 2026-11-28: 1 open action, 1 overdue\n"
        ),
        "{out}"
    );
    assert!(!out.contains("Unit") && !out.contains("mobile"), "{out}");
    let csv = stdout(
        &repo,
        &["actions", "--unit", "central-library", "--format", "csv"],
    );
    assert!(csv.starts_with("due,overdue,element,"), "{csv}");
    let doc = json(
        &repo,
        &["actions", "--unit", "central-library", "--format", "json"],
    );
    assert_eq!(doc["actions"][0]["unit"], "central-library");
}

#[test]
fn unit_flag_report_is_that_unit_alone() {
    let repo = two_units();
    let md = stdout(
        &repo,
        &[
            "report",
            "--format",
            "markdown",
            "--out",
            "-",
            "--unit",
            "mobile-library",
        ],
    );
    assert!(
        md.starts_with("# Example Council, unit mobile-library\n"),
        "{md}"
    );
    assert!(
        md.contains("| Overall readiness | 94.7% | 54 of 57 elements ready |"),
        "{md}"
    );
    assert!(!md.contains("Readiness by unit") && !md.contains("central-library"));

    let md = stdout(&repo, &["report", "--format", "markdown", "--out", "-"]);
    assert!(
        md.contains("| Overall readiness | 91.2% | 52 of 57 elements ready |"),
        "{md}"
    );
    assert!(md.contains("## Readiness by unit"), "{md}");
    assert!(md.contains("| central-library | 100.0% |"), "{md}");
    assert!(md.contains("| mobile-library | 81.8% |"), "{md}");
    assert!(md.contains("| **Institution** | 81.8% |"), "{md}");
}
