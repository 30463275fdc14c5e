//! The `element` field agrees with the file name.

use super::FileContext;
use crate::diagnostic::{Code, Diagnostic, excerpt};

pub(super) fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(expected) = cx.element else { return };
    let e = &cx.front.element;
    let written = e.value.trim();
    if written == expected {
        return;
    }
    let shown = excerpt(written);
    let (message, help) = if cx.catalogue.contains(written) {
        (
            format!("`element: {shown}` differs from the file name, which says {expected}"),
            format!("write `element: {expected}`, or rename the file `{shown}.md`"),
        )
    } else {
        // Renaming the file after something that is not an element would only make it worse.
        let what = if cx.catalogue.criteria.iter().any(|c| c.id == written) {
            "is a criterion, not an element"
        } else if cx
            .catalogue
            .criteria
            .iter()
            .flat_map(|c| &c.subcriteria)
            .any(|s| s.id == written)
        {
            "is a sub-criterion, not an element"
        } else {
            "is not an element of the catalogue"
        };
        (
            format!("`element: {shown}` {what}; the file name says {expected}"),
            format!("write `element: {expected}`: elements have three parts, such as 1.2.2"),
        )
    };
    out.push(
        Diagnostic::new(Code::ElementMismatch, message)
            .file(cx.path)
            .at(cx.text, e.line, e.column)
            .span_chars(e.value.chars().count())
            .help(help),
    );
}
