//! Properties over generated input: no bytes make `cse` panic, and the documented format
//! reads back exactly what was written.

use crate::common;

use std::sync::OnceLock;

use common::mem_tree::MemTree;
use cse::catalogue::Catalogue;
use cse::checks::{self, CheckOptions, Unit};
use cse::diagnostic::Summary;
use cse::evidence::{self, Status};
use cse::render::diagnostics::{Emit, Github, Gitlab, Human, Json, Junit, Sarif};
use jiff::civil::{Date, date};
use proptest::prelude::*;
use proptest::sample::select;

const FILE: &str = "evidence/1.1.1.md";

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| Catalogue::builtin().unwrap())
}

fn options() -> CheckOptions {
    CheckOptions::new(date(2026, 11, 28))
}

/// Pieces of front matter, so that generated files get past the first `---` and into YAML.
const TOKENS: &[&str] = &[
    "---",
    "\n",
    "\r\n",
    "\r",
    " ",
    "  ",
    "\t",
    "- ",
    ": ",
    ":",
    "#",
    "\"",
    "'",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "!!str ",
    "? ",
    "|",
    ">",
    "element",
    "status",
    "owner",
    "reviewed",
    "evidence",
    "actions",
    "title",
    "path",
    "url",
    "action",
    "due",
    "done",
    "1.1.1",
    "1.2",
    "compliant",
    "not-assessed",
    "2026-05-14",
    "2026-02-30T25:00",
    "yes",
    "42",
    "~",
    "null",
    "../docs/proof.txt",
    "/etc/passwd",
    "https://example.org",
    "javascript:alert(1)",
    "[a](../x.md)",
    "é",
    "\u{feff}",
    "\u{2028}",
    "\0",
    "\u{1b}[31m",
];

fn front_matter_like() -> impl Strategy<Value = Vec<u8>> {
    (
        proptest::collection::vec(select(TOKENS), 0..80),
        proptest::collection::vec(select(TOKENS), 0..20),
    )
        .prop_map(|(yaml, body)| {
            format!("---\n{}\n---\n{}", yaml.concat(), body.concat()).into_bytes()
        })
}

fn any_file() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..2048),
        front_matter_like(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Any bytes as an evidence file give diagnostics, never a panic, with every position
    /// inside the file; every renderer copes with them.
    #[test]
    fn any_bytes_give_diagnostics(bytes in any_file()) {
        let tree = MemTree::new()
            .with(FILE, bytes.clone())
            .with("docs/proof.txt", "proof");
        let unit = Unit { name: None, dir: "evidence".into() };
        let result = checks::check_unit(catalogue(), &tree, &unit, &options());
        prop_assert!(result.is_ok());
        let check = result.unwrap();
        prop_assert_eq!(check.files_checked, 1);

        let lines = match std::str::from_utf8(&bytes) {
            Ok(text) => evidence::normalize_line_endings(text).split('\n').count() as u32,
            Err(_) => 1,
        };
        for d in check.diagnostics.iter().filter(|d| d.file.is_some()) {
            prop_assert_eq!(d.file.as_deref(), Some(FILE));
            if let Some(line) = d.line {
                prop_assert!((1..=lines).contains(&line), "line {} of {}: {:?}", line, lines, d);
                prop_assert!(d.column.is_some_and(|c| c >= 1), "{:?}", d);
            }
        }
        let summary = Summary::of(&check.diagnostics, 1);
        let human = Human {
            color: true,
            ..Human::default()
        };
        for emitter in [&human as &dyn Emit, &Json, &Github, &Junit, &Sarif, &Gitlab] {
            let mut out = Vec::new();
            emitter.emit(&check.diagnostics, &summary, &mut out).unwrap();
            prop_assert!(!out.is_empty());
        }
    }
}

/// Text a person might type: written plain, as in the README.
fn plain_text() -> impl Strategy<Value = String> {
    "[A-Z][a-z]{0,9}( [a-z]{1,9}){0,4}"
}

/// Any text at all (no control characters): written in double quotes.
fn any_text() -> impl Strategy<Value = String> {
    "\\PC{1,40}".prop_filter("not blank", |s| !s.trim().is_empty())
}

#[derive(Debug, Clone)]
struct Text {
    value: String,
    quoted: bool,
}

fn text() -> impl Strategy<Value = Text> {
    prop_oneof![
        plain_text().prop_map(|value| Text {
            value,
            quoted: false
        }),
        any_text().prop_map(|value| Text {
            value,
            quoted: true
        }),
    ]
}

impl Text {
    fn yaml(&self) -> String {
        if !self.quoted {
            return self.value.clone();
        }
        let mut out = String::from("\"");
        for c in self.value.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }
}

fn a_date() -> impl Strategy<Value = Date> {
    (1990i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| date(y, m, d))
}

#[derive(Debug, Clone)]
enum Target {
    Path(Text),
    Url(String),
}

#[derive(Debug, Clone)]
struct Item {
    title: Text,
    target: Target,
}

#[derive(Debug, Clone)]
struct ActionIn {
    action: Text,
    owner: Option<Text>,
    due: Option<Date>,
    done: bool,
}

#[derive(Debug, Clone)]
struct FileIn {
    element: String,
    status: Status,
    owner: Option<Text>,
    reviewed: Option<Date>,
    evidence: Vec<Item>,
    actions: Vec<ActionIn>,
}

fn file_in() -> impl Strategy<Value = FileIn> {
    let ids: Vec<String> = catalogue().element_ids().map(str::to_owned).collect();
    let item = (
        text(),
        prop_oneof![
            text().prop_map(Target::Path),
            "https://[a-z]{1,10}\\.org(/[a-z0-9]{0,8}){0,3}".prop_map(Target::Url),
        ],
    )
        .prop_map(|(title, target)| Item { title, target });
    let action = (
        text(),
        proptest::option::of(text()),
        proptest::option::of(a_date()),
        any::<bool>(),
    )
        .prop_map(|(action, owner, due, done)| ActionIn {
            action,
            owner,
            due,
            done,
        });
    (
        select(ids),
        select(Status::ALL.to_vec()),
        proptest::option::of(text()),
        proptest::option::of(a_date()),
        proptest::collection::vec(item, 0..4),
        proptest::collection::vec(action, 0..4),
    )
        .prop_map(
            |(element, status, owner, reviewed, evidence, actions)| FileIn {
                element,
                status,
                owner,
                reviewed,
                evidence,
                actions,
            },
        )
}

/// The file, in the format the README documents.
fn write(f: &FileIn) -> String {
    let mut out = format!("---\nelement: {}\nstatus: {}\n", f.element, f.status);
    if let Some(owner) = &f.owner {
        out.push_str(&format!("owner: {}\n", owner.yaml()));
    }
    if let Some(reviewed) = f.reviewed {
        out.push_str(&format!("reviewed: {reviewed}\n"));
    }
    if !f.evidence.is_empty() {
        out.push_str("evidence:\n");
    }
    for item in &f.evidence {
        out.push_str(&format!("  - title: {}\n", item.title.yaml()));
        match &item.target {
            Target::Path(p) => out.push_str(&format!("    path: {}\n", p.yaml())),
            Target::Url(u) => out.push_str(&format!("    url: {u}\n")),
        }
    }
    if !f.actions.is_empty() {
        out.push_str("actions:\n");
    }
    for a in &f.actions {
        out.push_str(&format!("  - action: {}\n", a.action.yaml()));
        if let Some(owner) = &a.owner {
            out.push_str(&format!("    owner: {}\n", owner.yaml()));
        }
        if let Some(due) = a.due {
            out.push_str(&format!("    due: {due}\n"));
        }
        out.push_str(&format!("    done: {}\n", a.done));
    }
    out.push_str("---\nHow we meet this element.\n");
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// For every status, a file written in the documented format reads back to the same values.
    #[test]
    fn the_documented_format_round_trips(f in file_in()) {
        let text = write(&f);
        let (front, body, body_line, diags) = evidence::parse_front_matter(FILE, &text);
        prop_assert!(diags.is_empty(), "{}\n{:?}", text, diags);
        let front = front.unwrap();
        prop_assert_eq!(&front.element.value, &f.element);
        prop_assert_eq!((front.element.line, front.element.column), (2, 10));
        let status = front.status.unwrap();
        prop_assert_eq!(status.value, f.status);
        prop_assert_eq!((status.line, status.column), (3, 9));
        prop_assert_eq!(front.owner, f.owner.map(|o| o.value));
        prop_assert_eq!(front.reviewed.map(|r| r.value), f.reviewed);
        prop_assert_eq!(front.evidence.len(), f.evidence.len());
        for (got, want) in front.evidence.iter().zip(&f.evidence) {
            prop_assert_eq!(&got.title.value, &want.title.value);
            match &want.target {
                Target::Path(p) => {
                    prop_assert_eq!(got.path.as_ref().map(|p| &p.value), Some(&p.value));
                    prop_assert!(got.url.is_none());
                }
                Target::Url(u) => {
                    prop_assert_eq!(got.url.as_ref().map(|u| &u.value), Some(u));
                    prop_assert!(got.path.is_none());
                }
            }
        }
        prop_assert_eq!(front.actions.len(), f.actions.len());
        for (got, want) in front.actions.iter().zip(&f.actions) {
            prop_assert_eq!(&got.action.value, &want.action.value);
            prop_assert_eq!(got.owner.as_ref(), want.owner.as_ref().map(|o| &o.value));
            prop_assert_eq!(got.due.as_ref().map(|d| d.value), want.due);
            prop_assert_eq!(got.done, want.done);
        }
        prop_assert_eq!(body, "How we meet this element.\n");
        prop_assert_eq!(body_line as usize, text.lines().count());

        // The whole pipeline reads the same file back the same way.
        let (file, _) = checks::check_bytes(catalogue(), &MemTree::new(), FILE, text.as_bytes(), &options());
        prop_assert_eq!(file.status(), Some(f.status));
    }
}
