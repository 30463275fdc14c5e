//! Personal data in evidence files (W010) and in the text documents the evidence cites (W011).

use std::collections::BTreeMap;

use super::{CheckOptions, FileContext};
use crate::diagnostic::{Code, Diagnostic, IndexedText};
use crate::evidence::EvidenceFile;
use crate::privacy::{self, Finding};
use crate::tree::{self, Tree};

const HELP: &str = "remove it, or replace it with a role (\"the branch manager\") or the \
organisation's own address or number in `[privacy]` in cse.toml; `cse pack` refuses to pack personal data";

/// W010 over the whole evidence file: the front matter (an owner's email, a title naming a
/// customer) is packed as surely as the narrative, so `cse check` finds what `cse pack` would
/// refuse.
pub(super) fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    for f in privacy::scan(cx.text.as_str(), &cx.options.privacy, 1) {
        let place = if f.line < cx.body_line {
            "the front matter"
        } else {
            "the narrative"
        };
        out.push(diagnostic(
            Code::PersonalDataInNarrative,
            place,
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
                diagnostic(
                    Code::PersonalDataInDocument,
                    "this document",
                    &path,
                    &indexed,
                    &f,
                )
                .element(element),
            );
        }
    }
    out
}

fn diagnostic(
    code: Code,
    place: &str,
    path: &str,
    text: &IndexedText<'_>,
    f: &Finding,
) -> Diagnostic {
    Diagnostic::new(
        code,
        format!("{place} has what looks like {}", f.kind.label()),
    )
    .file(path)
    .at(text, f.line, f.column)
    .span_chars(f.chars)
    .help(HELP)
}
