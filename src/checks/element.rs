//! The `element` field agrees with the file name.

use super::FileContext;
use crate::diagnostic::{Code, Diagnostic};

pub(super) fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(expected) = cx.element else { return };
    let e = &cx.front.element;
    let written = e.value.trim();
    if written != expected {
        out.push(
            Diagnostic::new(
                Code::ElementMismatch,
                format!("`element: {written}` differs from the file name, which says {expected}"),
            )
            .file(cx.path)
            .at(cx.text, e.line, e.column)
            .span_chars(e.value.chars().count())
            .help(format!(
                "write `element: {expected}`, or rename the file `{written}.md`"
            )),
        );
    }
}
