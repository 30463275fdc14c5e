//! Coverage: every element has exactly one file, and every file names a known element.

use std::collections::HashMap;

use super::Unit;
use crate::catalogue::Catalogue;
use crate::diagnostic::{Code, Diagnostic, excerpt};
use crate::evidence::EvidenceFile;
use crate::misnamed::{Fix, Misnamed};
use crate::suggest;
use crate::tree;

pub(super) fn check(
    catalogue: &Catalogue,
    unit: &Unit,
    files: &[&EvidenceFile],
    misnamed: &[Misnamed],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut suggest_budget = suggest::WORK_PER_CHECK;
    let mut seen: HashMap<&str, &str> = HashMap::new();
    // The first file named after each element, to point copies at it.
    let mut named: HashMap<&str, &str> = HashMap::new();
    for f in files.iter().filter(|f| catalogue.contains(&f.element)) {
        named.entry(&f.element).or_insert(&f.path);
    }
    for f in files {
        let name = f.path.rsplit('/').next().unwrap_or(&f.path);
        if !tree::is_markdown(name) {
            // A folder the listing could not enter: already reported as unreadable.
            continue;
        }
        if !catalogue.contains(&f.element) {
            let from_front = f
                .front
                .as_ref()
                .map(|fm| fm.element.value.trim())
                .filter(|e| catalogue.contains(e));
            let help = match from_front {
                Some(e) => match named.get(e) {
                    Some(other) => format!(
                        "element {e} already has evidence in {other}: merge this file into it and delete this one"
                    ),
                    None => format!("name the file `{e}.md`, after the element it holds"),
                },
                None => match suggest::closest_within(&f.element, catalogue.element_ids(), &mut suggest_budget) {
                    Some(s) => format!("did you mean `{s}.md`? Evidence files are named `<element>.md`"),
                    None => "evidence files are named `<element>.md`, such as `1.2.2.md`; put other notes outside the evidence folder".into(),
                },
            };
            out.push(
                Diagnostic::new(
                    Code::UnknownElement,
                    format!(
                        "`{}` is not an element of the catalogue",
                        excerpt(&f.element)
                    ),
                )
                .file(&f.path)
                .help(help),
            );
            continue;
        }
        if let Some(first) = seen.insert(&f.element, &f.path) {
            out.push(
                Diagnostic::new(
                    Code::DuplicateEvidence,
                    format!("element {} also has evidence in {first}", f.element),
                )
                .file(&f.path)
                .element(&f.element)
                .help("keep one file per element; merge the two and delete one"),
            );
            seen.insert(&f.element, first);
        }
    }
    for e in catalogue.elements() {
        let id = e.element.id.as_str();
        if seen.contains_key(id) {
            continue;
        }
        let found: Vec<&Misnamed> = misnamed.iter().filter(|m| m.element == id).collect();
        if !found.is_empty() {
            out.extend(found.into_iter().map(|m| misnamed_file(m, id)));
            continue;
        }
        {
            out.push(
                Diagnostic::new(
                    Code::MissingEvidence,
                    format!("element {id} has no evidence file"),
                )
                .element(id)
                .help(match unit.name {
                    // Several units: say which folder, since each has its own.
                    Some(_) => format!("create `{}/{id}.md`", unit.dir),
                    None => format!(
                        "create `{id}.md` in the evidence folder (`cse init` writes a template)"
                    ),
                }),
            );
        }
    }
    out
}

/// "found `1.2.2.md.txt`: rename it to `1.2.2.md`", in place of "no evidence file".
fn misnamed_file(m: &Misnamed, id: &str) -> Diagnostic {
    let name = m.path.rsplit('/').next().unwrap_or(&m.path);
    let folder = m.path.strip_suffix(name).unwrap_or("");
    let (message, help) = match m.fix {
        Fix::Rename => (
            format!(
                "element {id} has no evidence file, but `{}` was found",
                excerpt(name)
            ),
            format!("rename it to `{folder}{id}.md`: cse reads only files ending in `.md`"),
        ),
        Fix::CopyText => (
            format!(
                "element {id} has no evidence file, but the document `{}` was found",
                excerpt(name)
            ),
            format!(
                "evidence files are markdown: copy its text into `{folder}{id}.md` (`cse init` writes a template)"
            ),
        ),
    };
    Diagnostic::new(Code::MisnamedEvidence, message)
        .file(&m.path)
        .element(id)
        .help(help)
}
