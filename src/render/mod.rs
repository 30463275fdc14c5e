//! Renderers turn core results into text. They never print; the CLI writes what they return.

pub mod actions;
pub mod assessment;
pub mod diagnostics;
pub mod element;
pub mod gates;
pub mod priorities;
pub mod report;
pub mod sheet;
pub mod status;
pub mod text;
pub mod words;

pub mod csv;
pub(crate) mod markdown;
mod table;

pub mod chart;
pub mod delta;
pub mod history;
pub mod plan;
