//! Personal data in narratives (W010) and in the text documents the evidence cites (W011).

use std::collections::BTreeMap;

use super::{CheckOptions, FileContext};
use crate::diagnostic::{Code, Diagnostic, IndexedText};
use crate::evidence::EvidenceFile;
use crate::privacy::{self, Finding};
use crate::tree::{self, Tree};

const HELP: &str = "remove it, or replace it with a role (\"the branch manager\") or the \
organisation's own address or number in `[privacy]` in cse.toml; `cse pack` refuses to pack personal data";

pub(super) fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    for f in privacy::scan(cx.body, &cx.options.privacy, cx.body_line) {
        out.push(diagnostic(
            Code::PersonalDataInNarrative,
            cx.path,
            cx.text,
            &f,
        ));
    }
}

/// W011 for each markdown, text or CSV document that `files` cite with `path:`, read once
/// however many files cite it. Internal and withheld documents are never packed, so skipped;
/// documents larger than the file-size limit are left to `cse pack`, which streams them.
pub(super) fn documents(
    tree: &dyn Tree,
    files: &[EvidenceFile],
    options: &CheckOptions,
) -> Vec<Diagnostic> {
    let mut cited: BTreeMap<String, &str> = BTreeMap::new();
    for file in files {
        let Some(front) = &file.front else { continue };
        for item in front.evidence.iter().filter(|i| !i.internal) {
            let Some(path) = item.path.as_ref() else {
                continue;
            };
            match tree::resolve(&file.path, path.value.trim()) {
                Some(resolved)
                    if privacy::is_text_document(&resolved)
                        && !options.withhold.iter().any(|g| g.matches(&resolved)) =>
                {
                    cited.entry(resolved).or_insert(&file.element);
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for (path, element) in cited {
        let Ok(bytes) = tree.read(&path, options.max_file_bytes) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        let indexed = IndexedText::new(&text);
        for f in privacy::scan(&text, &options.privacy, 1) {
            out.push(
                diagnostic(Code::PersonalDataInDocument, &path, &indexed, &f).element(element),
            );
        }
    }
    out
}

fn diagnostic(code: Code, path: &str, text: &IndexedText<'_>, f: &Finding) -> Diagnostic {
    let place = match code {
        Code::PersonalDataInNarrative => "the narrative",
        _ => "this document",
    };
    Diagnostic::new(
        code,
        format!("{place} has what looks like {}", f.kind.label()),
    )
    .file(path)
    .at(text, f.line, f.column)
    .span_chars(f.chars)
    .help(HELP)
}
