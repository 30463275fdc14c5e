//! Integration tests: one binary that runs the real `cse` on fixture repositories.
//! One module per command or concern; `common` builds the fixtures.

mod common;
#[path = "../../examples/gen-repo/generate.rs"]
mod generate;
mod report_fixtures;

mod actions;
mod assessments;
mod bad_input;
mod check;
mod check_docs;
mod completions_scope;
mod concurrency;
mod config;
mod consistency;
mod diff_docs;
mod docs_examples;
mod docs_lean;
mod due_next;
mod first_hour;
mod fits;
mod gates;
mod gen_repo;
mod git;
mod git_docs;
mod harden;
mod hints;
mod history_docs;
mod init;
mod layering;
mod manual;
mod one_truth;
mod output_safety;
mod pack;
mod priorities;
mod properties;
mod read_only;
mod report;
mod report_cli;
mod report_html;
mod sheets;
mod shell;
mod show;
mod status;
mod terminal;
mod units;
mod units_reports;
