#!/usr/bin/env bash
# Benchmarks the git side of `cse docs` and of W020 (changed since review) in `cse check`.
#
#   scripts/bench-docs.sh
#
# Builds two generated repositories with git history under target/bench/ (kept while the
# generator and this script are unchanged):
#   git-1    1 unit (57 files); every document committed before any review, so nothing
#            changed since review: the pre-commit case of `cse check`;
#   git-100  100 units; a first commit, then 300 commits that each rewrite one document.
# Then hyperfine compares `cse check` with W020 on and off on git-1, and `cse docs` with
# `git log --name-only` over the same history on git-100, beside `cse status`, which reads and
# checks the same evidence without asking git about documents. Figures go in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

SEED=1
TODAY=2026-11-28
BENCH=target/bench
CSE="$PWD/target/release/cse"
GEN="$PWD/target/release/examples/gen-repo"

for tool in hyperfine git; do
    if ! command -v "$tool" >/dev/null; then
        echo "bench-docs: $tool is needed (Debian: apt-get install hyperfine git)" >&2
        exit 2
    fi
done

cargo build --release --quiet --bin cse --example gen-repo

git_in() {
    local dir=$1 day=$2
    shift 2
    GIT_AUTHOR_DATE="${day}T12:00:00Z" GIT_COMMITTER_DATE="${day}T12:00:00Z" \
        GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 \
        git -C "$dir" -c user.name=Bench -c user.email=bench@example.org \
        -c commit.gpgsign=false -c init.defaultBranch=main "$@"
}

# A generated repository of N units, committed on 2024-01-01, then CHANGES commits (from
# 2026-01-02 on) that each rewrite one document.
repo() {
    local units=$1 changes=$2 dir="$BENCH/git-$1"
    local stamp
    stamp="units=$units changes=$changes seed=$SEED generator=$(cat examples/gen-repo/*.rs | cksum | cut -d' ' -f1)"
    if [[ ! -f "$dir/.stamp" || "$(cat "$dir/.stamp")" != "$stamp" ]]; then
        rm -rf "$dir"
        "$GEN" --units "$units" --seed "$SEED" --out "$dir" >&2
        git_in "$dir" 2024-01-01 init -q
        git_in "$dir" 2024-01-01 add -A
        git_in "$dir" 2024-01-01 commit -q -m "Evidence and documents"
        mapfile -t docs < <(cd "$dir" && find docs -type f | sort)
        for ((i = 0; i < changes; i++)); do
            local doc=${docs[$((i * 7 % ${#docs[@]}))]}
            local day
            day=$(date -u -d "2026-01-02 + $((i % 300)) days" +%F)
            echo "revision $i" >>"$dir/$doc"
            git_in "$dir" "$day" commit -q -a -m "Revise $doc"
        done
        echo "$stamp" >"$dir/.stamp"
    fi
    echo "$dir"
}

export CSE_TODAY=$TODAY NO_COLOR=1
results="$BENCH/results"
mkdir -p "$results"
small=$(repo 1 0)
large=$(repo 100 300)

# The same settings with W020 off, beside the repository's own cse.toml.
{ cat "$small/cse.toml"; printf '\n[checks]\nchanged_since_review = false\n'; } >"$small/w020-off.toml"
hyperfine --shell=none --ignore-failure --warmup 10 --min-runs 100 \
    --export-markdown "$results/check-w020.md" \
    --command-name "cse check (W020 on)" "$CSE -C $small check" \
    --command-name "cse check (W020 off)" "$CSE -C $small --config $PWD/$small/w020-off.toml check"

hyperfine --shell=none --ignore-failure --warmup 3 --min-runs 20 \
    --export-markdown "$results/docs.md" \
    --command-name "cse docs (100 units)" "$CSE -C $large docs" \
    --command-name "cse status (100 units): reading the evidence" "$CSE -C $large status" \
    --command-name "git log --name-only" "git -C $large log --name-only HEAD"

cat "$results/check-w020.md" "$results/docs.md"
echo
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
