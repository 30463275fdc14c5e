//! Strings from a repository cannot drive a terminal, inject markdown or HTML, or smuggle a
//! formula into a spreadsheet, whichever command and format prints them (issue 12, findings
//! 5, 7 and 8). A property over arbitrary strings, then a regression test per finding.

use crate::common::{self, Repo};

use std::path::Path;
use std::process::Command as Process;

use proptest::prelude::*;
use proptest::sample::select;
use pulldown_cmark::{Event, Options, Parser, Tag};

/// `git` isolated from the machine's configuration.
fn git(dir: &Path, args: &[&str]) {
    let out = Process::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_DATE", "2026-11-01T12:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-11-01T12:00:00Z")
        .args(["-c", "init.defaultBranch=main", "-c", "user.name=K"])
        .args([
            "-c",
            "user.email=k@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A YAML double-quoted scalar holding exactly `s`.
fn yaml(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || !c.is_ascii() => {
                out.push_str(&format!("\\U{:08x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A name the file system takes, made from `s`.
fn file_name(s: &str) -> String {
    let name: String = s
        .chars()
        .filter(|c| *c != '/' && *c != '\0')
        .take(40)
        .collect();
    format!("x{name}.md")
}

/// A repository where `s` is the service's name, an owner, an evidence title, an action, an
/// action's owner, a stray file's name and the last commit's subject. `cse diff HEAD~1`
/// compares a clean commit with it.
fn hostile_repo(s: &str) -> Repo {
    let repo = Repo::empty();
    git(repo.path(), &["init", "-q"]);
    repo.write("evidence/1.1.1.md", &common::ready_file("1.1.1"));
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-q", "-m", "start"]);
    repo.write("cse.toml", &format!("name = {}\n", toml_string(s)));
    repo.write(
        "evidence/1.1.1.md",
        &format!(
            "---\nelement: 1.1.1\nstatus: partial\nowner: {q}\nreviewed: 2026-06-01\n\
             evidence:\n  - title: {q}\n    path: ../docs/proof.txt\n\
             actions:\n  - action: {q}\n    owner: {q}\n    due: 2026-01-01\n---\nBody.\n",
            q = yaml(s)
        ),
    );
    repo.write(&format!("evidence/{}", file_name(s)), "stray\n");
    repo.write("docs/proof.txt", "The proof.\n");
    git(repo.path(), &["add", "-A"]);
    let subject: String = s.chars().filter(|c| *c != '\0').collect();
    git(
        repo.path(),
        &[
            "commit",
            "-q",
            "--allow-empty-message",
            "--cleanup=verbatim",
            "-m",
            &subject,
        ],
    );
    repo
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// What a command printed on stdout and stderr.
fn run(repo: &Repo, args: &[&str], color: bool) -> String {
    let mut cmd = repo.cse();
    cmd.env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1");
    if color {
        cmd.env_remove("NO_COLOR").args(["--color", "always"]);
    }
    let out = cmd.args(args).output().unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 2),
        "{args:?} crashed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The first control character other than newline, with cse's own SGR colour codes
/// (`ESC [ digits ; m`) allowed when `color` is on.
fn stray_control(text: &str, color: bool) -> Option<(usize, char)> {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' || !c.is_control() {
            continue;
        }
        if color && c == '\u{1b}' && chars.peek().is_some_and(|(_, c)| *c == '[') {
            chars.next();
            let mut closed = false;
            for (_, c) in chars.by_ref() {
                match c {
                    '0'..='9' | ';' => {}
                    'm' => {
                        closed = true;
                        break;
                    }
                    _ => break,
                }
            }
            if closed {
                continue;
            }
        }
        return Some((i, c));
    }
    None
}

fn assert_clean(label: &str, text: &str, color: bool) {
    if let Some((at, c)) = stray_control(text, color) {
        panic!("{label}: control character {c:?} at byte {at} in:\n{text:?}");
    }
}

/// Every command's markdown output.
const MARKDOWN_OUTPUTS: [&[&str]; 8] = [
    &["status", "--format", "markdown"],
    &["due", "--format", "markdown"],
    &["next", "--format", "markdown"],
    &["docs", "--format", "markdown"],
    &["priorities", "--format", "markdown"],
    &["actions", "--format", "markdown"],
    &["history", "--format", "markdown"],
    &["diff", "HEAD~1", "--format", "markdown"],
];

/// HTML that cse writes itself in its markdown (the small print under tables).
const OWN_HTML: [&str; 2] = ["<sub>", "</sub>"];

fn assert_inert_markdown(label: &str, text: &str) {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    for event in Parser::new_ext(text, options) {
        match &event {
            Event::Html(html) | Event::InlineHtml(html) => assert!(
                OWN_HTML.contains(&html.trim()),
                "{label}: HTML {html:?} in:\n{text}"
            ),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                panic!("{label}: a link in:\n{text}")
            }
            _ => {}
        }
    }
}

/// The cells of an RFC 4180 document.
fn csv_cells(text: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => cells.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                cells.push(std::mem::take(&mut cell));
            }
            (false, c) => cell.push(c),
        }
    }
    cells
}

fn assert_guarded_csv(label: &str, text: &str) {
    assert_clean(label, &text.replace("\r\n", "\n"), false);
    for cell in csv_cells(text) {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{label}: unguarded cell {cell:?}"
        );
    }
}

/// Every text output of every command on `repo`, checked.
fn check_every_output(repo: &Repo) {
    for color in [false, true] {
        for args in [
            &["check"][..],
            &["check", "--format", "github"],
            &["status"],
            &["status", "--at", "HEAD"],
            &["status", "--by", "subcriterion"],
            &["priorities"],
            &["actions"],
            &["show", "1.1.1"],
            &["history"],
            &["diff", "HEAD~1"],
            &["due"],
            &["next"],
            &["docs"],
        ] {
            assert_clean(&format!("{args:?}"), &run(repo, args, color), color);
        }
    }
    assert_clean(
        "junit",
        &run(repo, &["check", "--format", "junit"], false),
        false,
    );
    assert_clean(
        "report markdown",
        &run(
            repo,
            &["report", "--format", "markdown", "--out", "-"],
            false,
        ),
        false,
    );
    for args in MARKDOWN_OUTPUTS {
        let text = run(repo, args, false);
        assert_clean(&format!("{args:?}"), &text, false);
        assert_inert_markdown(&format!("{args:?}"), &text);
    }
    for args in [
        &["status", "--format", "csv"][..],
        &["priorities", "--format", "csv"],
        &["actions", "--format", "csv"],
        &["history", "--format", "csv"],
        &["docs", "--format", "csv"],
    ] {
        assert_guarded_csv(&format!("{args:?}"), &run(repo, args, false));
    }
    // iCalendar lines end in CRLF, as RFC 5545 asks.
    let ics = run(repo, &["due", "--format", "ics"], false);
    assert_clean("due ics", &ics.replace("\r\n", "\n"), false);
    let html = run(repo, &["report", "--out", "-"], false);
    assert_clean("report html", &html, false);
    for (name, page) in pack_pages(repo) {
        assert_clean(&name, &page, false);
    }
}

/// The HTML pages of a pack of `repo`.
fn pack_pages(repo: &Repo) -> Vec<(String, String)> {
    let out = run(
        repo,
        &["pack", "--out", "pack.zip", "--allow-personal-data"],
        false,
    );
    let file = std::fs::File::open(repo.path().join("pack.zip"))
        .unwrap_or_else(|e| panic!("no pack written ({e}): {out}"));
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut pages = Vec::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        if name.ends_with(".html") {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut entry, &mut text).unwrap();
            pages.push((name, text));
        }
    }
    assert!(pages.len() >= 3, "{out}");
    pages
}

/// Pieces that attack a terminal, markdown, HTML or a spreadsheet.
const HOSTILE: &[&str] = &[
    "\u{1b}[2J",
    "\u{1b}]0;owned\u{7}",
    "\u{1b}]8;;https://evil.example/\u{1b}\\",
    "\u{9b}31m",
    "\u{9d}0;t\u{9c}",
    "\u{1b}",
    "\u{7}",
    "\r",
    "\n",
    "\t",
    "\u{0}",
    "\u{7f}",
    "\u{85}",
    "<img src=x onerror=alert(1)>",
    "</title><script>alert(1)</script>",
    "<!-- x -->",
    "[link](https://evil.example)",
    "![img](https://evil.example/x.png)",
    "<https://evil.example>",
    "[ref]: https://evil.example",
    "[ref]",
    "`",
    "``",
    "|",
    "*",
    "_",
    "\\",
    "&amp;",
    "=cmd|' /C calc'!A0",
    "+1+2",
    "-",
    "@foo",
    "=",
    " ",
    "a",
    "1.1.1",
    "# ",
    "> ",
];

fn hostile_string() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => select(HOSTILE).prop_map(str::to_owned),
            1 => any::<char>().prop_map(String::from),
        ],
        1..10,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    #[test]
    fn no_output_carries_control_characters_markup_or_formulas_from_a_repository(
        s in hostile_string()
    ) {
        check_every_output(&hostile_repo(&s));
    }
}

/// Finding 5: an owner, a name and a commit subject cannot set the title or clear the screen.
#[test]
fn terminal_outputs_clean_escape_sequences() {
    let attack = "\u{1b}]0;owned\u{7}\u{1b}[2J\u{9b}31mX\u{7f}";
    let repo = hostile_repo(attack);
    for args in [
        &["show", "1.1.1"][..],
        &["actions"],
        &["priorities"],
        &["status"],
        &["history"],
        &["status", "--at", "HEAD"],
        &["diff", "HEAD~1"],
        &["check", "--format", "github"],
    ] {
        let out = run(&repo, args, false);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{9b}'),
            "{args:?}: {out:?}"
        );
    }
    // The whole sequence goes, not just its ESC; DEL shows as U+FFFD.
    let out = run(&repo, &["actions"], false);
    assert!(!out.contains("owned") && !out.contains("[2J"), "{out}");
    assert!(out.contains("X\u{fffd}"), "{out}");
}

/// Finding 5: a subject cut to fit the table never leaves half an escape sequence.
#[test]
fn cut_subjects_leave_no_half_escape() {
    let subject = format!("{}\u{1b}]0;{}\u{7}", "s".repeat(40), "t".repeat(40));
    let repo = hostile_repo(&subject);
    let out = run(&repo, &["history"], false);
    assert!(!out.contains('\u{1b}') && !out.contains("]0;"), "{out}");
}

/// Finding 7: CSV cells that a spreadsheet would run as formulas get a leading `'`.
#[test]
fn csv_outputs_guard_formulas() {
    let repo = hostile_repo("=cmd|' /C calc'!A0");
    let out = run(&repo, &["actions", "--format", "csv"], false);
    assert!(out.contains("'=cmd|' /C calc'!A0"), "{out}");
    for owner in ["+1+2", "@foo", "-2", "\t=1"] {
        let repo = hostile_repo(owner);
        for args in [
            &["actions", "--format", "csv"][..],
            &["priorities", "--format", "csv"],
        ] {
            assert_guarded_csv(&format!("{args:?}"), &run(&repo, args, false));
        }
    }
    let repo = hostile_repo("=HYPERLINK(\"http://evil\")");
    let out = run(&repo, &["history", "--format", "csv"], false);
    assert!(
        out.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""),
        "{out}"
    );
}

/// Finding 8: HTML, links and backticks from evidence, config and commit subjects are shown
/// literally in every markdown output.
#[test]
fn markdown_outputs_escape_markup() {
    let repo = hostile_repo("</title><script>x</script><img src=x>[a](http://e)`");
    for args in MARKDOWN_OUTPUTS {
        assert_inert_markdown(&format!("{args:?}"), &run(&repo, args, false));
    }
    let out = run(&repo, &["actions", "--format", "markdown"], false);
    assert!(out.contains(r"\<script\>"), "{out}");
}

/// Finding 8: a file name with a backtick stays inside its code span in `diff`.
#[test]
fn code_spans_hold_backticks() {
    let repo = hostile_repo("a`<b>`c");
    let out = run(&repo, &["diff", "HEAD~1", "--format", "markdown"], false);
    assert!(out.contains("``evidence/xa`<b>`c.md``"), "{out}");
    assert_inert_markdown("diff", &out);
}
