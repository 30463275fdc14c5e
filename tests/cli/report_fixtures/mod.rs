//! Fixture repositories with known statuses, shared by the report tests (status,
//! priorities, show, actions, gates). Their readiness figures are worked out by hand in
//! the tests that use them.
#![allow(dead_code)]

use crate::common::{Repo, ready_file};

/// A front-matter file for `id` with the given status and extra YAML lines (such as actions).
pub fn file(id: &str, status: &str, extra: &str) -> String {
    format!(
        "---\nelement: {id}\nstatus: {status}\nowner: Manager\nreviewed: 2026-06-01\nevidence:\n  - title: Proof\n    path: ../docs/proof.txt\n{extra}---\nHow we meet {id}.\n"
    )
}

/// The built-in catalogue, every element compliant and clean, except:
///
/// | element | state | priority? |
/// |---|---|---|
/// | 1.1.1 | no file (missing) | no |
/// | 1.1.3 | partial, one open action due 2026-12-31 | yes |
/// | 1.2.1 | partial, no action plan | no |
/// | 1.2.2 | compliance-plus | yes |
/// | 2.1.1 | non-compliant, one open action due 2026-10-01 (overdue on 2026-11-28) | no |
/// | 2.1.2 | not-assessed | yes |
/// | 3.1.1 | compliant, but its evidence path does not exist (error E012) | yes |
/// | 3.2.1 | status `done`: invalid (error E008) | yes |
/// | 4.1.1 | compliant, one done action and one open action with no date | yes |
/// | 5.1.1 | compliant, one open action due 2027-03-01 with its own owner | yes |
pub fn mixed() -> Repo {
    let repo = Repo::complete();
    repo.remove("evidence/1.1.1.md");
    repo.write(
        "evidence/1.1.3.md",
        &file(
            "1.1.3",
            "partial",
            "actions:\n  - action: Survey hard to reach groups\n    due: 2026-12-31\n",
        ),
    );
    repo.write("evidence/1.2.1.md", &file("1.2.1", "partial", ""));
    repo.write("evidence/1.2.2.md", &file("1.2.2", "compliance-plus", ""));
    repo.write(
        "evidence/2.1.1.md",
        &file(
            "2.1.1",
            "non-compliant",
            "actions:\n  - action: Get the leadership team to sign the customer charter\n    owner: Head of Service\n    due: 2026-10-01\n",
        ),
    );
    repo.write("evidence/2.1.2.md", &file("2.1.2", "not-assessed", ""));
    repo.write(
        "evidence/3.1.1.md",
        &ready_file("3.1.1").replace("../docs/proof.txt", "../docs/leaflet.pdf"),
    );
    repo.write("evidence/3.2.1.md", &file("3.2.1", "done", ""));
    repo.write(
        "evidence/4.1.1.md",
        &file(
            "4.1.1",
            "compliant",
            "actions:\n  - action: Publish the standards\n    done: true\n  - action: Review the standards with the users' forum\n",
        ),
    );
    repo.write(
        "evidence/5.1.1.md",
        &file(
            "5.1.1",
            "compliant",
            "actions:\n  - action: Set timeliness targets for 2027/28\n    owner: Performance Officer, Insight Team\n    due: 2027-03-01\n",
        ),
    );
    repo
}

/// A two-criterion catalogue with tiers, for thresholds at exactly 50% and the tier column.
pub const SMALL_CATALOGUE: &str = r#"name: Small Standard
criteria:
  - id: "1"
    title: "First"
    subcriteria:
      - id: "1.1"
        title: "First sub"
        elements:
          - id: "1.1.1"
            text: "We do the first thing well, and we can show it with evidence that anyone can check."
          - id: "1.1.2"
            text: "We do the second thing."
  - id: "2"
    title: "Second"
    subcriteria:
      - id: "2.1"
        title: "Second sub"
        elements:
          - id: "2.1.1"
            text: "We do the third thing."
          - id: "2.1.2"
            text: "We do the fourth thing."
priorities:
  name: Small priorities
  elements:
    - id: "1.1.1"
      tier: gold
    - id: "2.1.1"
      tier: silver
"#;

/// The small catalogue with 1.1.1 and 2.1.2 ready and the others partial (with actions):
/// every scope, and the priority list, is at exactly 50%.
pub fn half() -> Repo {
    let repo = Repo::empty();
    repo.write("criteria.yaml", SMALL_CATALOGUE);
    repo.write("cse.toml", "catalogue = \"criteria.yaml\"\n");
    let action = "actions:\n  - action: Finish it\n    due: 2027-01-15\n";
    repo.write("evidence/1.1.1.md", &ready_file("1.1.1"));
    repo.write("evidence/1.1.2.md", &file("1.1.2", "partial", action));
    repo.write("evidence/2.1.1.md", &file("2.1.1", "partial", action));
    repo.write("evidence/2.1.2.md", &ready_file("2.1.2"));
    repo
}

/// The built-in catalogue with only the first 12 of the 24 priority elements present and
/// ready: priority readiness is exactly 50%.
pub fn half_priorities() -> Repo {
    let repo = Repo::empty();
    let catalogue = cse::catalogue::Catalogue::builtin().unwrap();
    for p in catalogue.priorities.entries.iter().take(12) {
        repo.write(&format!("evidence/{}.md", p.id), &ready_file(&p.id));
    }
    repo
}

/// stdout of a run, as text.
pub fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// Runs `cse ARGS` in `repo` and returns (exit code, stdout, stderr).
pub fn run(repo: &Repo, args: &[&str]) -> (i32, String, String) {
    let out = repo.cse().args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), stdout(&out), stderr(&out))
}

/// Runs `cse ARGS --format json` and parses stdout.
pub fn json(repo: &Repo, args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let (code, out, err) = run(repo, &all);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}
