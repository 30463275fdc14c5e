//! Renderers turn core results into text. They never print; the CLI writes what they return.

pub mod chart;
pub mod delta;
pub mod diagnostics;
pub mod history;
