//! `cargo run --release --example gen-repo -- --units N --out DIR [--seed S]`
//!
//! Writes a synthetic evidence repository for benchmarks: N units × 57 evidence files with
//! varied statuses, 1–3 KB narratives, links to files that exist, and a few planted errors.
//! The same seed always writes the same bytes.

mod generate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

#[derive(Debug, Parser)]
#[command(about = "Write a synthetic CSE evidence repository for benchmarks")]
struct Args {
    /// How many units (services) to write, 57 evidence files each.
    #[arg(long, default_value_t = 1)]
    units: usize,
    /// The folder to write; it must be empty or not exist yet.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The random seed; the same seed writes the same repository.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let options = generate::Options {
        units: args.units,
        seed: args.seed,
    };
    match generate::generate(&args.out, &options) {
        Ok(w) => {
            println!(
                "wrote {} evidence files and {} other files ({:.1} MB) to {}, with {} planted error(s)",
                w.evidence_files,
                w.other_files,
                w.bytes as f64 / 1e6,
                args.out.display(),
                w.planted_errors
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}: {e}", args.out.display());
            ExitCode::from(2)
        }
    }
}
