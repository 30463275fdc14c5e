//! The layering the code's folders promise: the core parses, checks and computes, and never
//! reaches into the output layer (`render`, `report`, `views`), the command line (`cli`), or
//! crates only the shell uses; nor does it print or exit.

use std::path::{Path, PathBuf};

/// Folders and files of `src/` that are the shell: the output layer and the command line.
const SHELL: &[&str] = &["render", "report", "views", "cli", "main.rs"];

/// What core code must not mention, and why.
const FORBIDDEN: &[(&str, &str)] = &[
    ("crate::render", "the core returns data; renderers word it"),
    ("crate::report", "the report is an output"),
    ("crate::views", "view models belong to the output layer"),
    (
        "crate::cli",
        "the command line calls the core, not the reverse",
    ),
    ("clap::", "argument parsing is the CLI's"),
    ("comfy_table", "tables are the renderers'"),
    ("annotate_snippets", "snippets are the renderers'"),
    ("anyhow", "the library's errors are typed (thiserror)"),
    ("println!", "the core never prints"),
    ("eprintln!", "the core never prints"),
    ("print!(", "the core never prints"),
    ("process::exit", "the CLI sets the exit code in one place"),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn core_files() -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.retain(|f| {
        let rel = f.strip_prefix(&src).unwrap();
        let first = rel.components().next().unwrap().as_os_str();
        !SHELL.iter().any(|s| first == *s)
    });
    files.sort();
    files
}

#[test]
fn the_core_never_uses_the_shell() {
    let files = core_files();
    assert!(
        files.iter().any(|f| f.ends_with("readiness.rs")) && files.len() > 20,
        "the core was not found: {files:?}"
    );
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for (what, why) in FORBIDDEN {
                if code.contains(what) {
                    found.push(format!("{}:{}: `{what}`: {why}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "layering broken:\n{}", found.join("\n"));
}

#[test]
fn the_check_finds_a_breach() {
    // The scanner itself must be able to fail: a line that breaks the rule is caught.
    let line = "use crate::render::words;";
    let code = line.split("//").next().unwrap_or("");
    assert!(FORBIDDEN.iter().any(|(what, _)| code.contains(what)));
    let comment = "// see crate::render for wording";
    let code = comment.split("//").next().unwrap_or("");
    assert!(!FORBIDDEN.iter().any(|(what, _)| code.contains(what)));
}
