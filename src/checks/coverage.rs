//! Coverage: every element has exactly one file, and every file names a known element.

use std::collections::HashMap;

use crate::catalogue::Catalogue;
use crate::diagnostic::{Code, Diagnostic};
use crate::evidence::EvidenceFile;
use crate::suggest;

pub(super) fn check(catalogue: &Catalogue, files: &[&EvidenceFile]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for f in files {
        if !catalogue.contains(&f.element) {
            let from_front = f
                .front
                .as_ref()
                .map(|fm| fm.element.value.trim())
                .filter(|e| catalogue.contains(e));
            let help = match from_front {
                Some(e) => format!("name the file `{e}.md`, after the element it holds"),
                None => match suggest::closest(&f.element, catalogue.element_ids()) {
                    Some(s) => format!("did you mean `{s}.md`? Evidence files are named `<element>.md`"),
                    None => "evidence files are named `<element>.md`, such as `1.2.2.md`; put other notes outside the evidence folder".into(),
                },
            };
            out.push(
                Diagnostic::new(
                    Code::UnknownElement,
                    format!("`{}` is not an element of the catalogue", f.element),
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
        if !seen.contains_key(id) {
            out.push(
                Diagnostic::new(
                    Code::MissingEvidence,
                    format!("element {id} has no evidence file"),
                )
                .element(id)
                .help(format!(
                    "create `{id}.md` in the evidence folder (`cse init` writes a template)"
                )),
            );
        }
    }
    out
}
