//! Terminal output fits the width (docs/terminal.md): every command's table or human output,
//! on the shipped example and on a repository of units with long untrusted names (CJK and
//! emoji in names and owners, long action texts and addresses), at several `COLUMNS`.

use std::path::Path;

use cse::render::text::width;

use crate::common;

/// Below this many columns output may be wider than the terminal (docs/terminal.md).
const NARROWEST: usize = 60;

const ORGANISATION: &str = "The Metropolitan Borough Council of Greater Bramfield-upon-Avon \
    図書館サービス 😀 Libraries, Archives, Museums, Registration and Customer Contact \
    Services Partnership Trust (incorporating the Mobile and Housebound Library Services, \
    the Local Studies Centre and the Schools Library Service) for Residents and Visitors";

const OWNER: &str = "図書館サービス部長 😀 Head of Customer Experience and Digital Transformation";

const ACTION: &str = "Survey every customer who complained in 2025/26 about how their \
    complaint was handled, with the results reported to the customer panel and the \
    senior leadership team before the end of the financial year";

const URL: &str = "https://www.example.org/customer-service-excellence/evidence/2026/\
    an-address-far-longer-than-any-terminal-line-is-wide/index.html";

/// An evidence file: the status varies with the element, so every table has rows of each.
fn evidence(id: &str, n: usize) -> String {
    let status = ["compliant", "partial", "not-assessed", "compliance-plus"][n % 4];
    let mut s = format!(
        "---\nelement: {id}\nstatus: {status}\nowner: \"{OWNER}\"\nreviewed: 2025-06-01\n\
         evidence:\n  - title: Proof\n    path: ../../docs/proof.txt\n  - title: \"{OWNER}\"\n    url: {URL}\n"
    );
    if n.is_multiple_of(3) {
        s.push_str(&format!(
            "actions:\n  - action: \"{ACTION}\"\n    owner: \"{OWNER}\"\n    due: 2026-01-31\n"
        ));
    }
    s.push_str(&format!("---\nHow we meet {id}.\n"));
    s
}

/// Two units with long names, every element in each, committed twice.
fn long_names() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let config = format!(
        "name = \"{ORGANISATION}\"\n\n[units]\n\"中央図書館-central-library\" = \"evidence/central\"\n\
         \"mobile-and-housebound-library-service-for-rural-villages\" = \"evidence/mobile\"\n\n\
         [documents]\ndir = \"docs\"\n"
    );
    std::fs::write(root.join("cse.toml"), config).unwrap();
    std::fs::create_dir_all(root.join("docs")).unwrap();
    std::fs::write(root.join("docs/proof.txt"), "proof\n").unwrap();
    std::fs::write(
        root.join("docs/an uncited policy with a long name 図書館サービス 😀.txt"),
        "x\n",
    )
    .unwrap();
    let catalogue = cse::catalogue::Catalogue::builtin().unwrap();
    for (unit, shift) in [("central", 0), ("mobile", 1)] {
        let folder = root.join("evidence").join(unit);
        std::fs::create_dir_all(&folder).unwrap();
        for (n, e) in catalogue.elements().enumerate() {
            let id = &e.element.id;
            std::fs::write(folder.join(format!("{id}.md")), evidence(id, n + shift)).unwrap();
        }
    }
    common::git_on(root, &["init", "-q"], "2026-06-01");
    common::git_on(root, &["add", "-A"], "2026-06-01");
    let subject = format!("First evidence for {ORGANISATION}");
    common::git_on(root, &["commit", "-qm", &subject], "2026-06-01");
    let file = root.join("evidence/central/1.1.1.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("status: compliant", "status: partial")).unwrap();
    common::git_on(
        root,
        &["commit", "-qam", &format!("{ACTION} {URL}")],
        "2026-07-01",
    );
    dir
}

/// Every command with a terminal output, in its table or human form.
const COMMANDS: &[&[&str]] = &[
    &["check"],
    &["check", "--verbose"],
    &["status"],
    &["status", "--by", "subcriterion"],
    &["status", "--by", "unit"],
    &["priorities"],
    &["show", "1.1.1"],
    &["show", "4.3.2"],
    &["actions"],
    &["due"],
    &["next"],
    &["docs"],
    &["history"],
    &["diff", "HEAD~1"],
    &["plan"],
    &["assessment"],
    &["config"],
    &["--help"],
    &["status", "--help"],
];

/// The widest line of stdout, by display width, with the line and the whole output. (An
/// error on stderr is wrapped only on a terminal: in a pipe it stays whole, for logs.)
fn widest(dir: &Path, args: &[&str], columns: usize) -> (usize, String, String) {
    let out = common::cse(dir)
        .env("COLUMNS", columns.to_string())
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let line = text.lines().max_by_key(|l| width(l)).unwrap_or("");
    (width(line), line.to_owned(), text)
}

fn assert_fits(dir: &Path, what: &str) {
    let mut wide = Vec::new();
    for columns in [60, 80, 120] {
        for args in COMMANDS {
            let (w, line, _) = widest(dir, args, columns);
            if w > columns.max(NARROWEST) {
                wide.push(format!("{what} {args:?} at {columns}: {w} wide\n  {line}"));
            }
        }
    }
    assert!(wide.is_empty(), "{}", wide.join("\n"));
}

#[test]
fn the_example_fits() {
    assert_fits(&common::project_root(), "example");
}

#[test]
fn long_untrusted_names_fit() {
    let repo = long_names();
    assert_fits(repo.path(), "long names");
    // The names are there, wrapped or cut, not dropped.
    let (_, _, status) = widest(repo.path(), &["status"], 80);
    assert!(status.contains("Metropolitan"), "{status}");
    let (_, _, priorities) = widest(repo.path(), &["priorities"], 80);
    assert!(priorities.contains("1.1.3"), "{priorities}");
}

/// Table headers wrap at spaces only: no header word is cut in two at any width.
#[test]
fn headers_never_break_mid_word() {
    let root = common::project_root();
    for columns in [60, 64, 70, 80] {
        for args in [
            &["status", "--by", "subcriterion"][..],
            &["priorities"],
            &["history"],
        ] {
            let (_, _, out) = widest(&root, args, columns);
            for broken in ["Reviewe\n", "Elemen\n", "Sub-criterio\n", "Readines\n"] {
                let lines: Vec<&str> = out.lines().collect();
                let joined = lines.join("\n");
                assert!(!joined.contains(broken), "{args:?} at {columns}:\n{out}");
            }
        }
    }
}

/// Each row of the priority table says which element it is: its text runs over two lines.
#[test]
fn priority_table_names_each_element() {
    let root = common::project_root();
    for columns in [80, 60] {
        let out = common::cse(&root)
            .env("COLUMNS", columns.to_string())
            .arg("priorities")
            .output()
            .unwrap();
        let out = String::from_utf8(out.stdout).unwrap();
        assert!(
            out.contains("particular"),
            "1.1.3's text is shown past its first words at {columns}:\n{out}"
        );
        insta::assert_snapshot!(format!("priorities_at_{columns}"), out);
        if columns == 80 {
            // The example in docs/terminal.md is the real table.
            let doc = std::fs::read_to_string(root.join("docs/terminal.md")).unwrap();
            let block = doc.split("```text\n").nth(1).unwrap();
            let block = block.split("```").next().unwrap();
            assert!(
                out.contains(block),
                "docs/terminal.md shows\n{block}\nbut cse printed\n{out}"
            );
        }
    }
}

/// `cse check` ends with the first item of `cse next`, whatever the repository.
#[test]
fn check_ends_with_the_top_of_next() {
    let long = long_names();
    for dir in [common::project_root(), long.path().to_owned()] {
        let check = common::cse(&dir).arg("check").output().unwrap();
        let check = String::from_utf8(check.stdout).unwrap();
        let next = common::cse(&dir)
            .args(["next", "--limit", "1"])
            .output()
            .unwrap();
        let next = String::from_utf8(next.stdout).unwrap();
        let first = next.split("\n\n").nth(1).expect("next has an item");
        let (_, step) = check
            .split_once("What to do first")
            .expect("check ends with advice");
        assert!(
            step.contains(first.trim_end()),
            "check:\n{step}\nnext:\n{first}"
        );
    }
}
