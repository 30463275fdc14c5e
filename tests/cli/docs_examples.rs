//! The examples in the README and the reference pages in `docs/` are real: every
//! ```` ```console ```` block runs its `$ cse ...` lines (with `trycmd`) against the built binary,
//! in the project root, so on the worked example, on 28 November 2026, and must print what the
//! page shows. `...` on a line of its own stands for any lines, `[..]` for any text in a line,
//! and a `? 1` line after the command for its exit code. Blocks that need another repository
//! are marked ```` ```text ````: trycmd does not run them, and each that shows output has a
//! test of its own that builds that repository (the README's tutorial is followed here; the
//! others are in a module per page, such as `check_docs`, or beside the command's tests). `TRYCMD=overwrite` rewrites the blocks from the
//! real output, to be reviewed in `git diff`. The ```` ```json ```` documents the pages show
//! are held to the fields the commands print ([`json_examples_fit_real_output`]).

use crate::common;

/// The pages whose console blocks run on the worked example. (docs/assessments.md has its own
/// test: its examples run on a repository with two recorded visits.)
const PAGES: &[&str] = &[
    "README.md",
    "docs/actions.md",
    "docs/check.md",
    "docs/completions.md",
    "docs/config.md",
    "docs/gates.md",
    "docs/priorities.md",
    "docs/schema.md",
    "docs/show.md",
    "docs/status.md",
];

/// Test cases that run `cse` as a user would, on 28 November 2026, in an 80-column pipe.
fn cases() -> trycmd::TestCases {
    let cases = trycmd::TestCases::new();
    cases
        .register_bin("cse", std::path::Path::new(env!("CARGO_BIN_EXE_cse")))
        .env("CSE_TODAY", "2026-11-28")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80");
    cases
}

#[test]
fn console_examples_show_real_output() {
    let root = common::project_root();
    let cases = cases();
    for page in PAGES {
        let text = std::fs::read_to_string(root.join(page)).unwrap();
        assert!(
            text.contains("```console\n$ cse "),
            "{page} is listed here but has no console example"
        );
        cases.case(root.join(page));
    }
    cases.run();
}

/// docs/units.md runs on the two-unit council of `units_reports` (trycmd runs a page in the
/// folder beside it named `<page>.in`, so the page is copied next to a link to that repository).
#[test]
fn units_examples_show_real_output() {
    let page = common::project_root().join("docs/units.md");
    let repo = crate::units_reports::two_units();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("units.md");
    std::fs::copy(&page, &copy).unwrap();
    std::os::unix::fs::symlink(repo.path(), dir.path().join("units.in")).unwrap();
    let outcome = std::panic::catch_unwind(|| {
        let cases = cases();
        cases.case(&copy);
        cases.run();
    });
    if std::env::var_os("TRYCMD").is_some_and(|v| v == "overwrite") {
        std::fs::copy(&copy, &page).unwrap();
    }
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as `-`.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The lines of a markdown page outside its code blocks.
fn prose(text: &str) -> Vec<&str> {
    let mut in_code = false;
    text.lines()
        .filter(|line| {
            if line.trim_start().starts_with("```") {
                in_code = !in_code;
                return false;
            }
            !in_code
        })
        .collect()
}

/// Every relative link in the README and docs/ leads to a file that exists, and every `#anchor`
/// to a heading of that page.
#[test]
fn links_in_the_docs_lead_somewhere() {
    let root = common::project_root();
    let mut pages = vec![root.join("README.md")];
    for entry in std::fs::read_dir(root.join("docs")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            pages.push(path);
        }
    }
    let mut broken = Vec::new();
    for page in &pages {
        let text = std::fs::read_to_string(page).unwrap();
        for line in prose(&text) {
            for (i, _) in line.match_indices("](") {
                let rest = &line[i + 2..];
                let Some(end) = rest.find(')') else { continue };
                let target = &rest[..end];
                if target.contains("://") || target.starts_with("mailto:") {
                    continue;
                }
                let (file, fragment) = target.split_once('#').unwrap_or((target, ""));
                let file = if file.is_empty() {
                    page.clone()
                } else {
                    page.parent().unwrap().join(file)
                };
                if !file.exists() {
                    broken.push(format!("{}: {target}", page.display()));
                    continue;
                }
                if !fragment.is_empty() && file.extension().is_some_and(|e| e == "md") {
                    let linked = std::fs::read_to_string(&file).unwrap();
                    let found = prose(&linked).iter().any(|l| {
                        l.starts_with('#') && anchor(l.trim_start_matches('#')) == fragment
                    });
                    if !found {
                        broken.push(format!("{}: {target}", page.display()));
                    }
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "links to nothing:\n{}",
        broken.join("\n")
    );
}

/// The README's tutorial, step by step, on a fresh `cse init`: its blocks are not run by
/// trycmd (they need a new repository), so this test follows them.
#[test]
fn readme_tutorial_is_true() {
    let readme = common::page("README.md");
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = common::run_80(dir.path(), &["init", "riverside"]);
    assert_eq!(code, 0, "{out}{err}");
    let repo = dir.path().join("riverside");
    let shown = common::block_after(&readme, "**1. Create an evidence repository.**")
        .strip_prefix("$ cse init riverside\n")
        .unwrap()
        .replace("$ cd riverside\n", "")
        .replace("/home/sam/riverside", &repo.display().to_string());
    assert_eq!(shown, out + &err);

    let file = common::block_after(&readme, "**2. Fill in one file.**");
    let template = std::fs::read_to_string(repo.join("evidence/1.2.2.md")).unwrap();
    let heading = "# 1.2.2 Engagement & Consultation\n";
    assert_eq!(
        file[file.find(heading).unwrap()..].split("## How").next(),
        template[template.find(heading).unwrap()..]
            .split("## How")
            .next(),
        "the tutorial's file keeps what cse init wrote under the front matter"
    );
    std::fs::write(repo.join("evidence/1.2.2.md"), file).unwrap();

    let (code, out, _) = common::run_80(&repo, &["check"]);
    assert_eq!(code, 1);
    common::assert_block_shows("README.md", "**3. Check it.**", "cse check", &out);

    std::fs::create_dir(repo.join("documents")).unwrap();
    std::fs::write(repo.join("documents/consultation-2026.pdf"), "report").unwrap();
    let (code, out, _) = common::run_80(&repo, &["check"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("\n0 errors, 56 warnings in 57 files\n"),
        "{out}"
    );
    assert!(readme.contains("`0 errors, 56 warnings in\n57 files`, exit code 0"));

    let (code, out, _) = common::run_80(&repo, &["status"]);
    assert_eq!(code, 0);
    common::assert_block_shows("README.md", "**4. See readiness.**", "cse status", &out);
}

/// Where `doc` (a JSON example from a page) does not fit `real` (what the command printed):
/// every key the page shows is there, holding the same kind of value, and every element of a
/// list the page shows fits one of the real list's. `"..."` stands for any keys (as a key) or
/// any value (as a value); `null` on either side fits anything, as the pages show nullable
/// fields either way.
fn misfit(doc: &serde_json::Value, real: &serde_json::Value, at: &str) -> Option<String> {
    use serde_json::Value;
    match (doc, real) {
        (Value::Null, _) | (_, Value::Null) => None,
        (Value::String(s), _) if s == "..." => None,
        (Value::Object(d), Value::Object(r)) => d
            .iter()
            .filter(|(key, _)| key.as_str() != "...")
            .find_map(|(key, value)| match r.get(key) {
                None => Some(format!("{at}.{key} is not in the real output")),
                Some(real) => misfit(value, real, &format!("{at}.{key}")),
            }),
        (Value::Array(d), Value::Array(r)) => d.iter().enumerate().find_map(|(i, value)| {
            let fits = r.iter().any(|real| misfit(value, real, at).is_none());
            (!fits).then(|| {
                let why = r
                    .first()
                    .and_then(|first| misfit(value, first, &format!("{at}[{i}]")))
                    .unwrap_or_else(|| format!("{at}[{i}]: the real list is empty"));
                format!("no element of the real list fits: {why}")
            })
        }),
        (Value::Bool(_), Value::Bool(_))
        | (Value::Number(_), Value::Number(_))
        | (Value::String(_), Value::String(_)) => None,
        _ => Some(format!(
            "{at}: the page shows {doc}, the command prints {real}"
        )),
    }
}

/// The `n`th ```` ```json ```` block of `page`, parsed.
fn json_block(page: &str, n: usize) -> serde_json::Value {
    let text = std::fs::read_to_string(common::project_root().join(page)).unwrap();
    let block = text
        .split("```json\n")
        .nth(n + 1)
        .and_then(|b| b.split("```").next())
        .unwrap_or_else(|| panic!("{page} has no json block {n}"));
    serde_json::from_str(block).unwrap_or_else(|e| panic!("{page} json block {n}: {e}"))
}

/// The JSON documents the pages show have the fields, and the kinds of values, that the
/// commands print: on the worked example, on the two-unit council for docs/units.md, and on a
/// repository with history for `cse docs`.
#[test]
fn json_examples_fit_real_output() {
    let example = common::project_root();
    let units = crate::units_reports::two_units();
    // docs/due.md's `cse docs` has a document changed since review and an uncited file.
    let (history, _, _) = crate::due_next::fixture();
    let cases: &[(&str, usize, &std::path::Path, &[&str])] = &[
        (
            "docs/actions.md",
            0,
            &example,
            &["actions", "--format", "json"],
        ),
        ("docs/due.md", 0, &example, &["due", "--format", "json"]),
        ("docs/due.md", 1, &example, &["next", "--format", "json"]),
        (
            "docs/due.md",
            2,
            history.path(),
            &["docs", "--format", "json"],
        ),
        ("docs/json.md", 0, &example, &["check", "--format", "json"]),
        (
            "docs/priorities.md",
            0,
            &example,
            &["priorities", "--format", "json"],
        ),
        (
            "docs/status.md",
            0,
            &example,
            &["status", "--format", "json"],
        ),
        (
            "docs/units.md",
            0,
            units.path(),
            &["status", "--format", "json"],
        ),
    ];
    // Every JSON block of the pages is in the table, but the one that is not output.
    let not_output = [("docs/schema.md", 0)];
    let mut blocks = Vec::new();
    for entry in std::fs::read_dir(example.join("docs")).unwrap() {
        let name = format!("docs/{}", entry.unwrap().file_name().to_string_lossy());
        let text = std::fs::read_to_string(example.join(&name)).unwrap();
        blocks.extend((0..text.matches("```json\n").count()).map(|n| (name.clone(), n)));
    }
    for (page, n) in &blocks {
        let known = cases.iter().any(|(p, i, ..)| p == page && i == n)
            || not_output.iter().any(|(p, i)| p == page && i == n);
        assert!(known, "{page}, json block {n}: add it to this test's table");
    }
    for (page, n, dir, args) in cases {
        let out = common::cse(dir).args(*args).output().unwrap();
        let real: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("cse {args:?} printed no JSON ({e})"));
        if let Some(why) = misfit(&json_block(page, *n), &real, "") {
            panic!(
                "{page}, json block {n}, against `cse {}`: {why}",
                args.join(" ")
            );
        }
    }
}

/// docs/units.md's CSV matrix shows lines of `cse status --format csv` on the two-unit
/// council, in order; `...` stands for the lines between.
#[test]
fn units_csv_example_is_real() {
    let units = crate::units_reports::two_units();
    let text = std::fs::read_to_string(common::project_root().join("docs/units.md")).unwrap();
    let block = text
        .split("```csv\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a csv block");
    let out = common::cse(units.path())
        .args(["status", "--format", "csv"])
        .output()
        .unwrap();
    let real = String::from_utf8(out.stdout).unwrap();
    let mut lines = real.lines();
    for shown in block.lines().filter(|l| *l != "...") {
        assert!(
            lines.any(|l| l == shown),
            "`{shown}` is not a line of `cse status --format csv` (after the ones before it):\n{real}"
        );
    }
}
