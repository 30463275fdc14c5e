//! View models: what each report shows, as data. They take check results (never the
//! filesystem) so the same report can be built from any source of [`crate::checks::UnitCheck`]s.

pub mod actions;
pub mod due;
pub mod element;
pub mod next;
pub mod priorities;
pub mod report;
pub mod status;
