//! The text of every file `cse init` writes.

use crate::catalogue::{Catalogue, ElementRef};
use crate::evidence::Status;

/// One evidence file: empty front matter for the element, then its text and prompts.
pub fn evidence_file(catalogue: &Catalogue, e: ElementRef<'_>) -> String {
    let id = &e.element.id;
    let mut out = String::new();
    out.push_str("---\n");
    out.push_str(&format!("element: {}\n", yaml_scalar(id)));
    out.push_str(&format!("status: {}\n", Status::NotAssessed));
    out.push_str("owner: \"\"\n");
    out.push_str("reviewed:\n");
    out.push_str("evidence: []\n");
    out.push_str("actions: []\n");
    out.push_str("---\n");
    out.push_str(&format!("# {id} {}\n\n", e.subcriterion.title));
    out.push_str(&format!(
        "Criterion {}, {}; sub-criterion {}, {}.",
        e.criterion.id, e.criterion.title, e.subcriterion.id, e.subcriterion.title
    ));
    if catalogue.priority(id).is_some() {
        out.push_str(" A priority element");
        if !catalogue.priorities.name.trim().is_empty() {
            out.push_str(&format!(" ({})", catalogue.priorities.name));
        }
        out.push('.');
    }
    out.push_str("\n\n");
    for line in e.element.text.lines() {
        out.push_str(&format!("> {line}\n").replace("> \n", ">\n"));
    }
    if let Some(note) = &e.element.note {
        out.push_str(&format!("\n**Note on this wording:** {note}\n"));
    }
    out.push_str(
        "\n## How we meet this element\n\n\
         <!-- In your own words: what you do, who does it, how often, and what changed as a\n     \
         result. Then set `status` above, and put the person or role who looks after this\n     \
         evidence in `owner`. -->\n\
         \n## Where the proof is\n\n\
         <!-- List each document under `evidence:` above, with a `title` and either a `path`\n     \
         (relative to this file, such as ../documents/survey-2026.pdf) or a `url`. When you have\n     \
         checked it all, set `reviewed:` to today's date (YYYY-MM-DD). Anything still to do\n     \
         goes under `actions:`. -->\n",
    );
    out
}

fn non_empty<'a>(s: &'a str, fallback: &'a str) -> &'a str {
    if s.trim().is_empty() { fallback } else { s }
}

/// An id as YAML: plain when it is dotted digits (never a number in YAML), quoted otherwise.
fn yaml_scalar(id: &str) -> String {
    let dotted_digits = id.split('.').count() >= 3
        && id
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if dotted_digits {
        id.to_owned()
    } else {
        // A JSON string is a valid YAML double-quoted scalar.
        serde_json::Value::String(id.to_owned()).to_string()
    }
}

/// `evidence/README.md`: the format, in short, for whoever opens the folder first.
pub fn evidence_readme(catalogue: &Catalogue) -> String {
    let statuses: String = Status::ALL
        .iter()
        .rev()
        .map(|s| format!("- `{}`: {}\n", s.as_str(), s.label()))
        .collect();
    format!(
        r#"# Evidence for {name}

One markdown file per element of the standard ({count} in all), named after the element:
`1.2.2.md` holds the evidence for element 1.2.2. Subfolders are fine. `README.md` files,
like this one, and names starting with `.` are not evidence.

Each file starts with a block of YAML between two `---` lines, then free markdown:

```markdown
---
element: 1.2.2
status: compliant
owner: Service Development Manager
reviewed: 2026-05-14
evidence:
  - title: Consultation report 2026
    path: ../documents/consultation-2026.pdf
  - title: "You said, we did" page
    url: https://example.org/you-said-we-did
actions:
  - action: Publish the survey results on the website
    owner: Web team
    due: 2026-12-31
    done: false
---
How we meet this element, in our own words...
```

| field | meaning |
|---|---|
| `element` | the element id; must match the file name |
| `status` | one of the words below |
| `owner` | who looks after this element's evidence |
| `reviewed` | when the evidence was last checked, `YYYY-MM-DD` |
| `evidence` | documents: a `title` and either a `path` (relative to this file) or a `url`; needed for `compliant` and `compliance-plus` |
| `actions` | what is still to do: `action`, and optionally `owner`, `due` (a date) and `done` (`true`/`false`) |

Statuses, from best to not yet looked at:

{statuses}
An element is *ready* when its file has no errors and its status is `compliant` or
`compliance-plus`.

Run `cse check` to find mistakes (with the file and line), and `cse status` to see
readiness per criterion. `cse schema` prints a JSON Schema of the front matter.
"#,
        name = non_empty(&catalogue.name, "the standard"),
        count = catalogue.element_count(),
    )
}

/// `cse.toml` with every setting commented out at its default.
pub fn config(catalogue_path: Option<&str>) -> String {
    let catalogue = match catalogue_path {
        Some(p) => format!("catalogue = {}\n", toml::Value::String(p.to_owned())),
        None => "# catalogue = \"criteria/cse.yaml\"\n".to_owned(),
    };
    format!(
        r#"# Settings for `cse` in this repository. Every setting is optional: the commented lines
# show the defaults, so uncomment a line only to change it. Paths are relative to this file.
# `cse config` prints the settings in force and where each came from.

# The organisation's name, for reports. Default: not set.
# name = "Example Library Service"

# The folder holding one markdown file per element.
# evidence_dir = "evidence"

# The criteria catalogue, a YAML file. Default: the CSE catalogue built into cse.
{catalogue}
# How long ago `reviewed` may be before `cse check` warns that evidence is stale:
# a number and a unit, such as "90 days", "6 months" or "1 year".
# review_max_age = "12 months"

# Files under the evidence folder to skip, as glob patterns (`*`, `?`, `**`). A pattern
# without `/` matches the file name in any folder, for example ["*.draft.md"]; a pattern
# with `/` matches the whole path, for example ["evidence/archive/**"].
# ignore = []

# Readiness gates for CI, as percentages from 0 to 100. `cse status` and `cse priorities`
# apply them when the matching flag is not given; a flag beats the setting. 0 never fails.
# [gate]
# fail_under = 0                    # overall readiness (cse status --fail-under)
# fail_under_criterion = 0          # every criterion (cse status --fail-under-criterion)
# fail_under_unit = 0               # every unit, with [units] (cse status --fail-under-unit)
# priorities_fail_under = 0         # priority elements (cse priorities --fail-under)
# require_assessment_ready = false  # fail unless ready for assessment (cse status)
# no_regress = false                # fail when readiness goes down (cse diff)

# Several services in one repository: a name and an evidence folder for each. Default:
# none, and the whole evidence folder is one unit.
# [units]
# central-library = "evidence/central"
# mobile-library = "evidence/mobile"

# The folder of the documents the evidence cites: `cse docs` lists the files in it that no
# element cites. Default: not set.
# [documents]
# dir = "docs"

# W020: `cse check` warns when a document an element cites changed in git after the
# element's `reviewed` date. Set to false to turn the warning off.
# [checks]
# changed_since_review = true
# The assessor's records, one YAML file per visit (see assessments/README.md).
# [assessments]
# dir = "assessments"

# `cse plan` lists every element not rated at any visit in this many years, so that the
# whole standard is covered over a certification cycle: cse's convention, not a rule of CSE.
# [cycle]
# years = 3
"#
    )
}

/// `assessments/README.md`: what goes in the folder, and a commented example record.
pub fn assessments_readme() -> String {
    r#"# Assessment records

After each assessment visit, copy the assessor's ratings here, one file per visit named
after its date: `2026-03-14.yaml`. `cse check` checks these files, `cse assessment` shows
a visit beside your own self-assessment, and `cse plan` lists what the next visit must cover.

Copy the example below into a new file such as `2026-03-14.yaml`, remove the `# ` at the
start of each line, and fill it in from the assessor's report. Rate only the elements the
assessor looked at; leave the others out. `cse schema --assessment` prints the full format.

```yaml
# date: 2026-03-14
# kind: full                  # full | annual-review | reassessment
# body: Example Certification Ltd
# assessor: A. Assessor
# outcome: certified          # certified | certified-with-conditions | not-certified | pending
# ratings:                    # compliance-plus | compliant | partial | non-compliant
#   1.1.1: {rating: compliance-plus, note: "Exemplary customer segmentation"}
#   1.2.2: {rating: compliant}
#   4.3.2: {rating: partial, note: "Time limits not published", due: 2026-06-14}
# areas_for_development:
#   - "Publish complaint response times (4.3.2)"
```
"#
    .to_owned()
}

/// `.pre-commit-config.yaml`: the cse hook, run from the `cse` on the PATH.
pub fn pre_commit() -> String {
    r#"# pre-commit (https://pre-commit.com) runs `cse check` before each commit and refuses the
# commit when the evidence has errors. Set it up once in each clone:
#   pip install pre-commit
#   pre-commit install
#
# This runs the `cse` on your PATH. To have pre-commit build cse from its source instead,
# replace the `local` repository below with the cse repository and its `cse-check` hook:
#   - repo: <the git URL you install cse from>
#     rev: <a tag or commit of cse>
#     hooks:
#       - id: cse-check
repos:
  - repo: local
    hooks:
      - id: cse-check
        name: cse check
        description: Check the CSE evidence files
        entry: cse check
        language: system
        pass_filenames: false
        # Every commit: deleting or renaming a cited document breaks the evidence too, and
        # the check takes milliseconds.
        always_run: true
"#
    .to_owned()
}

/// `.github/workflows/cse.yml`: check on every push and pull request, then the readiness gate.
pub fn github_workflow() -> String {
    r#"# Checks the CSE evidence on every push and pull request, then gates readiness.
# Written by `cse init`. See docs/ci.md in the cse repository for GitLab and plain shell.
name: cse

on:
  push:
  pull_request:

jobs:
  evidence:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
        with:
          # The whole history, not only the last commit: cse's git features (readiness at a
          # commit, history, pull-request diffs) need it, and refuse to guess without it.
          fetch-depth: 0

      - name: Install cse
        # Set the repository variable CSE_GIT_URL (Settings > Secrets and variables >
        # Actions > Variables) to the git URL you install cse from.
        env:
          CSE_GIT_URL: ${{ vars.CSE_GIT_URL }}
        run: |
          if [ -z "$CSE_GIT_URL" ]; then
            echo "::error::Set the repository variable CSE_GIT_URL to the git URL of cse"
            exit 1
          fi
          cargo install --locked --git "$CSE_GIT_URL" cse

      - name: Check the evidence
        # Errors and warnings appear as annotations on the files in the pull request.
        run: cse check --format github

      - name: Readiness gate
        # Fails when overall readiness is below the threshold, a percentage. 0 never fails:
        # raise it as the evidence matures, for example to 80. This flag beats
        # `[gate] fail_under` in cse.toml; drop it to keep the threshold there instead.
        run: cse status --fail-under 0

      - name: Readiness summary
        if: always()
        run: cse status --format markdown >> "$GITHUB_STEP_SUMMARY"
"#
    .to_owned()
}
