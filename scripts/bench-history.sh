#!/usr/bin/env bash
# Benchmark `cse history` against `git log -p -- evidence/` on a generated repository.
#
# The repository is built deterministically with `git fast-import`: one commit with all 57
# evidence files, then COMMITS commits (default 1000) that each change 1 to 5 of them (status,
# review date, narrative; now and then a broken front matter, fixed later), one day apart.
#
# Usage: scripts/bench-history.sh [WORKDIR]
#   CSE=path/to/cse   the binary to time (default: target/release/cse, built if missing)
#   COMMITS=N         commits after the first (default 1000)
#   RUNS=N            hyperfine runs per command (default 10)
# Needs git and hyperfine (`apt-get install hyperfine`).
set -euo pipefail
export LC_ALL=C

here="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
commits="${COMMITS:-1000}"
runs="${RUNS:-10}"
cse="${CSE:-$here/target/release/cse}"
if [[ ! -x "$cse" ]]; then
    (cd "$here" && cargo build --release --quiet)
fi
command -v hyperfine >/dev/null || { echo "hyperfine is not installed" >&2; exit 2; }

# The 57 element ids, in catalogue order.
mapfile -t ids < <(awk '/^priorities:/{exit} /^ +- id: "[0-9]+\.[0-9]+\.[0-9]+"/{gsub(/[^0-9.]/,"",$3); print $3}' "$here/criteria/cse.yaml")
[[ ${#ids[@]} -eq 57 ]] || { echo "expected 57 elements, found ${#ids[@]}" >&2; exit 2; }
statuses=(compliant partial non-compliant compliance-plus not-assessed compliant partial)

# A fixed linear congruential generator, so every run builds the same repository.
seed=20260101
rand() { # rand N -> a number in 0..N-1, in $r
    seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
    r=$(( (seed / 65536) % $1 ))
}

evidence() { # evidence ID STATUS DAY N -> file text in $text
    local id=$1 status=$2 day=$3 n=$4
    if (( n % 97 == 13 )); then
        text="---
element: $id
status: [$status
---
Half-written front matter (change $n).
"
        return
    fi
    text="---
element: $id
status: $status
owner: Service Development Manager
reviewed: $day
evidence:
  - title: Customer insight report
    path: ../docs/proof.txt
  - title: Published results
    url: https://example.org/results/$id
actions:
  - action: Review the evidence for $id with the team
    owner: Team leader
    due: 2027-03-31
    done: false
---
## How we meet $id

Change $n. We consult our customers through surveys, focus groups and comment cards, and
we publish what we heard and what we did about it. The results are discussed at the team
meeting every month and reported to the management board each quarter. See the
[report](../docs/proof.txt) for the figures.
"
}

emit_data() { # emit_data TEXT
    printf 'data %d\n%s\n' "${#1}" "$1"
}

rm -rf "$work/repo"
mkdir -p "$work/repo"
cd "$work/repo"
git -c init.defaultBranch=main init -q
start=1767225600 # 2026-01-01T00:00:00Z
{
    ts=$start
    printf 'commit refs/heads/main\nmark :1\n'
    printf 'author Bench <bench@example.org> %d +0000\ncommitter Bench <bench@example.org> %d +0000\n' "$ts" "$ts"
    emit_data "Start the evidence"
    printf 'M 100644 inline docs/proof.txt\n'; emit_data "proof"
    for id in "${ids[@]}"; do
        rand 7; evidence "$id" "${statuses[$r]}" 2026-01-01 0
        printf 'M 100644 inline evidence/%s.md\n' "$id"; emit_data "$text"
    done
    for ((c = 1; c <= commits; c++)); do
        ts=$((start + c * 86400 / 4))
        day=$(date -u -d "@$ts" +%F)
        rand 5; changes=$((r + 1))
        printf 'commit refs/heads/main\nmark :%d\n' $((c + 1))
        printf 'author Bench <bench@example.org> %d +0000\ncommitter Bench <bench@example.org> %d +0000\n' "$ts" "$ts"
        emit_data "Update $changes evidence files ($c)"
        printf 'from :%d\n' "$c"
        for ((k = 0; k < changes; k++)); do
            rand 57; id=${ids[$r]}
            rand 7; evidence "$id" "${statuses[$r]}" "$day" "$((c * 5 + k))"
            printf 'M 100644 inline evidence/%s.md\n' "$id"; emit_data "$text"
        done
    done
} | git fast-import --quiet
git reset -q --hard main
echo "Built $work/repo: $(git rev-list --count HEAD) commits, $(git count-objects -vH | awk '/size-pack/{print $2 $3}') packed"

export CSE_TODAY=2026-11-28 NO_COLOR=1
hyperfine --warmup 2 --runs "$runs" \
    --export-markdown "$work/history-bench.md" \
    -n 'git log -p -- evidence/' 'git log -p -- evidence/ > /dev/null' \
    -n 'cse history' "$cse history > /dev/null"
cat "$work/history-bench.md"
