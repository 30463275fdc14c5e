//! One evidence file's bytes through the whole per-file pipeline: decoding, the front-matter
//! split, YAML parsing, every per-file rule, and every renderer of the diagnostics.
#![no_main]

use std::sync::OnceLock;

use cse::catalogue::Catalogue;
use cse::checks::{self, CheckOptions};
use cse::diagnostic::Summary;
use cse::render::diagnostics::{Github, Human, Json, Junit, Render};
use cse::tree::{Listed, PathState, ReadError, Tree, TreeError};
use libfuzzer_sys::fuzz_target;

/// A repository holding only `docs/proof.txt`, so `path:` checks take both branches.
struct OneDoc;

impl Tree for OneDoc {
    fn list(&self, _dir: &str) -> Result<Vec<Listed>, TreeError> {
        Ok(Vec::new())
    }
    fn read(&self, path: &str, _limit: u64) -> Result<Vec<u8>, ReadError> {
        Err(ReadError::Io(format!(
            "{path} is not readable in the fuzzer"
        )))
    }
    fn probe(&self, path: &str) -> PathState {
        match path {
            "docs/proof.txt" => PathState::File,
            "docs" => PathState::Dir,
            _ => PathState::Missing,
        }
    }
}

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| Catalogue::builtin().expect("the built-in catalogue loads"))
}

fuzz_target!(|data: &[u8]| {
    let options = CheckOptions::new(jiff::civil::date(2026, 11, 28));
    let (_file, diagnostics) =
        checks::check_bytes(catalogue(), &OneDoc, "evidence/1.1.1.md", data, &options);
    let summary = Summary::of(&diagnostics, 1);
    for renderer in [
        &Human { color: false } as &dyn Render,
        &Human { color: true },
        &Json,
        &Github,
        &Junit,
    ] {
        let _ = renderer.render(&diagnostics, &summary);
    }
});
