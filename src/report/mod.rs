//! `cse report`: readiness as one self-contained HTML page, or as markdown tables.
//!
//! [`Report::build`] gathers the content once; [`html::render`] and [`markdown::render`]
//! lay it out. All text from evidence files and config is escaped, and narratives go
//! through an allow-list (see `narrative`).

pub(crate) mod escape;
mod findings;
pub mod html;
pub mod markdown;
mod model;
mod narrative;
mod svg;
mod theme;

pub use model::{
    ActionRow, CriterionSection, ElementRow, EvidenceLink, Findings, HistoryPoint, Inputs, Meta,
    Priorities, PriorityRow, Report, UnitStatus,
};
