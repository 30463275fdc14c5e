#!/usr/bin/env bash
# Benchmarks `cse import` on 1,026 rows (needs hyperfine and python3) (18 units of 57 elements): a dry run of an exported
# workbook and CSV file, and `--write --overwrite` of a CSV file that changes every row.
#
#   scripts/bench-import.sh     needs hyperfine; results go to target/bench/results/import.*
set -euo pipefail
cd "$(dirname "$0")/.."

export CSE_TODAY=2026-11-28 NO_COLOR=1
BENCH=target/bench
CSE="$PWD/target/release/cse"
cargo build --release --quiet --bin cse --example gen-repo

dir="$BENCH/import-18"
rm -rf "$dir" "$dir.orig"
target/release/examples/gen-repo --units 18 --seed 1 --out "$dir" >&2
(cd "$dir" && "$CSE" export --out ../import.xlsx && "$CSE" export --out ../import.csv)
# Every row gives a new owner: 1,026 files to change.
python3 - "$BENCH/import.csv" "$BENCH/import-owners.csv" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    out = csv.writer(f)
    out.writerow(["Unit", "Element", "Owner"])
    for i, row in enumerate(rows):
        out.writerow([row["Unit"], row["Element"], f"New owner {i}"])
PY
cp -r "$dir" "$dir.orig"

mkdir -p "$BENCH/results"
hyperfine --warmup 2 --runs 10 \
    --export-json "$BENCH/results/import.json" --export-markdown "$BENCH/results/import.md" \
    -n "import xlsx (dry run)" "$CSE -C $dir import ../import.xlsx" \
    -n "import csv (dry run)" "$CSE -C $dir import ../import.csv" \
    -n "import csv --write (every row changes)" \
    --prepare "rm -rf $dir && cp -r $dir.orig $dir" \
    "$CSE -C $dir import ../import-owners.csv --write --overwrite"
