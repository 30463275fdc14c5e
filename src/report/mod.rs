//! `cse report`: readiness as one self-contained HTML page, or as markdown tables.
//!
//! [`Report::build`] (a view, in `views::report`) gathers the content once; [`html::write`]
//! and [`markdown::write`] lay it out. All text from evidence files and config is escaped, and narratives go
//! through an allow-list (see `narrative`).

mod findings;
pub mod html;
pub mod markdown;
pub(crate) mod narrative;
pub mod svg;
pub(crate) mod theme;

pub use crate::views::report::{
    ActionRow, CriterionSection, ElementRow, EvidenceLink, Findings, HistoryPoint, Inputs, Meta,
    Priorities, PriorityRow, Report, UnitStatus,
};
