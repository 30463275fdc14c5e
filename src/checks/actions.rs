//! Open actions past their due date.

use super::FileContext;
use crate::diagnostic::{Code, Diagnostic, excerpt};

pub(super) fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    for action in cx.front.actions.iter().filter(|a| a.is_open()) {
        let Some(due) = &action.due else { continue };
        if due.value < cx.options.today {
            out.push(
                Diagnostic::new(
                    Code::OverdueAction,
                    format!(
                        "action `{}` was due on {}",
                        excerpt(&action.action.value),
                        due.value
                    ),
                )
                .file(cx.path)
                .at(cx.text, due.line, due.column)
                .span_chars(10)
                .help("do it and set `done: true`, or agree a new `due:` date"),
            );
        }
    }
}
