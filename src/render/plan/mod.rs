//! `cse plan` in each output format.

mod csv;
mod json;
mod markdown;
mod table;

pub use json::SCHEMA_VERSION;

use std::io::{self, Write};

use super::Format;
use super::text::{Terminal, plural};
use crate::assessment::plan::{Plan, Reason};

pub fn write(plan: &Plan, format: Format, term: &Terminal, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Table => table::write(plan, term, out),
        Format::Json => json::write(plan, out),
        Format::Markdown => markdown::write(plan, out),
        Format::Csv => csv::write(plan, out),
    }
}

/// "Plan for the visit on 2027-03-14: 12 of 57 elements (last visit 2026-03-14)"
fn summary_line(plan: &Plan) -> String {
    let last = match plan.last_visit {
        Some(d) => format!("last visit {d}"),
        None => "no visit recorded yet".to_owned(),
    };
    format!(
        "Plan for the visit on {}: {} of {} ({last})",
        plan.visit,
        plural(plan.items.len(), "element"),
        plan.elements
    )
}

/// The note under every plan: the rotation is a convention.
fn rotation_note(plan: &Plan) -> String {
    format!(
        "The rotation puts on each plan up to {} of the elements not rated in the last {}, never-rated first, then the longest ago, so that yearly visits cover the standard over the cycle. It is cse's convention, set by `[cycle] years` in cse.toml, not a published rule of the standard.",
        crate::assessment::plan::rotation_share(plan.elements, plan.years),
        plural(plan.years as usize, "year")
    )
}

/// One reason in words.
fn describe(reason: &Reason) -> String {
    match reason {
        Reason::RatedBelow { rating, on } => format!("rated {rating} at the visit on {on}"),
        Reason::Changed { on, visit } => {
            format!("its evidence changed on {on}, after the visit on {visit}")
        }
        Reason::Rotation {
            last_rated: Some(d),
            years,
        } => format!(
            "last rated on {d}, not in the {} before this visit: due in the rotation",
            plural(*years as usize, "year")
        ),
        Reason::Rotation {
            last_rated: None, ..
        } => "not rated at any recorded visit: due in the rotation".to_owned(),
        Reason::CompliancePlusNotReviewed {
            rated_on,
            reviewed: Some(r),
        } => format!(
            "compliance-plus on {rated_on}, and its evidence was last reviewed on {r}: review it to keep the rating"
        ),
        Reason::CompliancePlusNotReviewed {
            rated_on,
            reviewed: None,
        } => format!(
            "compliance-plus on {rated_on}, and its evidence has no `reviewed` date: review it to keep the rating"
        ),
    }
}
