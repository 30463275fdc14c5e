//! `cse`: Customer Service Excellence evidence, checked and measured.
//!
//! The library never prints and never exits: it returns data and [`diagnostic::Diagnostic`]s.
//! The `cse` binary parses arguments, calls this core and renders the results.

pub mod assessment;
pub mod catalogue;
pub mod checks;
pub mod config;
pub mod dates;
pub mod delta;
pub mod diagnostic;
pub mod documents;
pub mod evidence;
pub mod gates;
pub mod git;
pub mod glob;
pub mod history;
pub mod misnamed;
pub mod owners;
pub mod pack;
pub mod privacy;
pub mod project;
pub mod readiness;
pub mod render;
pub mod report;
pub mod rollup;
pub mod safe_write;
pub mod scaffold;
pub mod schema;
pub mod sheet;
pub mod snapshot;
pub mod suggest;
pub mod tree;
pub mod units;
pub mod views;
pub mod yaml;

mod parallel;
