//! `cse next` in each output format, and the words for each rule.

mod json;
mod markdown;
mod table;

pub use json::SCHEMA_VERSION;

use super::text::{self, Terminal, plural};
use crate::checks::ElementStatus;
use crate::evidence::ReviewBasis;
use crate::views::next::{NextItem, NextKind, NextQueue, Reason};

/// How `cse next` is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextFormat {
    Table,
    Json,
    Markdown,
}

pub fn render(queue: &NextQueue, format: NextFormat, term: &Terminal) -> String {
    match format {
        NextFormat::Table => table::render(queue, term),
        NextFormat::Json => json::render(queue),
        NextFormat::Markdown => markdown::render(queue),
    }
}

/// The end of `cse check`: the first item of the `cse next` queue, so the two always agree.
/// `other_errors` counts the errors the queue does not hold (outside any element's file,
/// such as an assessment record's): those come first.
pub fn first_step(queue: &NextQueue, other_errors: usize, term: &Terminal) -> Option<String> {
    let mut out = String::new();
    if other_errors > 0 {
        out.push_str(&text::wrap(
            &format!(
                "What to do first: fix the error{} listed at the top, then run `cse check` again.",
                if other_errors == 1 { "" } else { "s" }
            ),
            term.width,
            "",
            "",
        ));
    }
    if let Some(item) = queue.items.first() {
        let lead = if other_errors > 0 {
            "Then (`cse next` lists the rest):"
        } else {
            "What to do first (`cse next` lists the rest):"
        };
        out.push_str(&text::wrap(lead, term.width, "", ""));
        out.push_str(&table::entry(item, 1, term));
    }
    (!out.is_empty()).then_some(out)
}

/// The rule behind each kind, as `--help` and the docs state it.
pub fn rule(kind: NextKind) -> &'static str {
    match kind {
        NextKind::FixErrors => "errors that make an element not ready",
        NextKind::PriorityGap => {
            "priority elements that are missing, not assessed or non-compliant"
        }
        NextKind::PartialWithoutAction => "partial elements without an open action",
        NextKind::OverdueAction => "overdue actions",
        NextKind::DocumentChanged => "documents changed since the element's review",
        NextKind::StaleReview => "stale reviews",
        NextKind::NotReady => "the other elements that are not ready, priority elements first",
    }
}

/// What to do, in a few words.
pub fn what(item: &NextItem) -> String {
    match &item.reason {
        Reason::Errors { .. } => "Fix the errors in the evidence file".into(),
        Reason::PriorityGap { status } | Reason::NotReady { status, .. } => match status {
            ElementStatus::Missing => "Write the evidence file".into(),
            ElementStatus::Rated(crate::evidence::Status::NotAssessed) => {
                "Assess the element".into()
            }
            ElementStatus::Rated(crate::evidence::Status::Partial) => {
                "Close the gap with the open actions".into()
            }
            _ => "Improve the evidence, or plan actions".into(),
        },
        Reason::PartialWithoutAction => "Add an action that closes the gap".into(),
        Reason::OverdueAction { action } => format!("Do the overdue action: {action}"),
        Reason::DocumentChanged { .. } => "Check the evidence against the changed document".into(),
        Reason::StaleReview { .. } => "Review the evidence".into(),
    }
}

/// Why it is in the queue.
pub fn why(item: &NextItem) -> String {
    match &item.reason {
        Reason::Errors { count, first } => {
            let verb = if *count == 1 { "makes" } else { "make" };
            format!("{} {verb} it not ready: {first}", plural(*count, "error"))
        }
        Reason::PriorityGap { status } => {
            format!(
                "a priority element that is {}",
                status.as_str().replace('-', " ")
            )
        }
        Reason::PartialWithoutAction => {
            "partial, and no open action says how it will be met".into()
        }
        Reason::OverdueAction { .. } => match item.due {
            Some(due) => format!("the action was due on {due}"),
            None => "the action is overdue".into(),
        },
        Reason::DocumentChanged {
            document,
            change,
            reviewed,
        } => format!(
            "`{document}` changed on {} ({}), after the review on {reviewed}",
            change.date, change.commit
        ),
        Reason::StaleReview { basis, since } => {
            let since = match basis {
                ReviewBasis::Reviewed => format!("last reviewed on {since}"),
                ReviewBasis::LastCommit => {
                    format!("no `reviewed` date; the file last changed in git on {since}")
                }
            };
            match item.due {
                Some(due) => format!("{since}; a review was due by {due}"),
                None => since,
            }
        }
        Reason::NotReady {
            status,
            priority,
            open_actions,
        } => {
            let what = if *priority {
                "a priority element"
            } else {
                "not ready"
            };
            if *open_actions > 0 {
                format!(
                    "{what}, {} ({} planned)",
                    status.as_str(),
                    plural(*open_actions, "open action")
                )
            } else {
                format!("{what}, {}", status.as_str())
            }
        }
    }
}

/// "4.3.1", or "central 4.3.1" in a repository with units.
fn element_label(item: &NextItem) -> String {
    match &item.unit {
        Some(unit) => format!("{unit} {}", item.element),
        None => item.element.clone(),
    }
}

/// "Next 5 of 23 things to do on 2026-12-01".
fn summary_line(queue: &NextQueue) -> String {
    if queue.items.len() < queue.total {
        format!(
            "Next {} of {} to do on {}",
            queue.items.len(),
            plural(queue.total, "thing"),
            queue.today
        )
    } else {
        format!("{} to do on {}", plural(queue.total, "thing"), queue.today)
    }
}

/// What an empty queue means: with `--owner`, only that nobody else's work is shown.
fn empty(queue: &NextQueue) -> String {
    match &queue.owner {
        Some(owner) => {
            format!("Nothing for {owner} to do: none of their elements or actions needs work.")
        }
        None => "Nothing to do: every element is ready, and nothing is overdue or stale.".into(),
    }
}
