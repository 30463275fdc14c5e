#!/usr/bin/env bash
# Benchmarks `cse check` and `cse status` against the floor of reading every evidence file.
#
#   scripts/bench.sh            the full run: 1 unit (57 files) and 1,000 units (57,000 files),
#                               with hyperfine and /usr/bin/time -v; figures go in BENCHMARKS.md
#   scripts/bench.sh --smoke    a quick check for CI that the benchmark still works (10 units);
#                               needs neither hyperfine nor /usr/bin/time
#   scripts/bench.sh --pack     only `cse pack` against `zip -q -r -X` on the same files
#                               (100 units), with hyperfine and /usr/bin/time -v
#
# Repositories come from `cargo run --release --example gen-repo` and are kept under
# target/bench/ (regenerated when the generator changes). Results: target/bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

SEED=1
TODAY=2026-11-28 # the generated review dates and due dates assume this "today"
BENCH=target/bench
CSE="$PWD/target/release/cse"
GEN="$PWD/target/release/examples/gen-repo"

smoke=false
pack_only=false
case "${1:-}" in
--smoke) smoke=true ;;
--pack) pack_only=true ;;
"") ;;
*)
    echo "usage: scripts/bench.sh [--smoke | --pack]" >&2
    exit 2
    ;;
esac

cargo build --release --quiet --bin cse --example gen-repo

# A generated repository with N units, reused while the generator is unchanged.
repo() {
    local units=$1 dir="$BENCH/units-$1"
    local stamp
    stamp="units=$units seed=$SEED generator=$(cat examples/gen-repo/*.rs | cksum | cut -d' ' -f1)"
    if [[ ! -f "$dir/.stamp" || "$(cat "$dir/.stamp")" != "$stamp" ]]; then
        rm -rf "$dir"
        "$GEN" --units "$units" --seed "$SEED" --out "$dir" >&2
        echo "$stamp" >"$dir/.stamp"
    fi
    echo "$dir"
}

# The evidence files of a repository, NUL-separated, for the `cat` floor.
file_list() {
    find "$1/evidence" -name '*.md' -print0 >"$1/.files"
    echo "$1/.files"
}

has_status() {
    "$CSE" status --help >/dev/null 2>&1
}

export CSE_TODAY=$TODAY NO_COLOR=1

# A copy of the N-unit repository that `cse pack` accepts: the generator plants cited
# documents that are missing (`action-plan-draft.txt`), which stop a pack, so they are added.
pack_repo() {
    local src dir="$BENCH/pack-$1"
    src=$(repo "$1")
    if [[ ! -f "$dir/.stamp" || "$(cat "$dir/.stamp")" != "$(cat "$src/.stamp")" ]]; then
        rm -rf "$dir"
        cp -r "$src" "$dir"
        for unit in "$dir"/docs/*/; do
            [[ -e "$unit/action-plan-draft.txt" ]] || echo "Draft action plan" >"$unit/action-plan-draft.txt"
        done
    fi
    echo "$dir"
}

# `cse pack` against `zip -q -r -X` of the evidence and documents, side by side, and the peak
# memory of each. The figures go in BENCHMARKS.md under "Evidence pack".
bench_pack() {
    local dir results="$BENCH/results" out="$PWD/$BENCH"
    dir=$(pack_repo 100)
    mkdir -p "$results"
    find "$dir/evidence" "$dir/docs" -type f -print0 | xargs -0 cat >/dev/null
    # The pack also holds what cse generates (pages, report, manifest), so zip is timed on
    # the input files and on the unpacked pack itself.
    rm -rf "$out/unpacked" && mkdir -p "$out/unpacked"
    "$CSE" -C "$dir" pack --out "$out/pack.zip" 2>/dev/null
    (cd "$out/unpacked" && unzip -q "$out/pack.zip")
    hyperfine --shell=none --warmup 2 --min-runs 10 \
        --export-json "$results/pack.json" --export-markdown "$results/pack.md" \
        --prepare "rm -f $out/pack.zip $out/zip.zip" \
        --command-name "cse pack" "$CSE -C $dir pack --out $out/pack.zip" \
        --command-name "zip -q -r -X (evidence and docs)" "sh -c 'cd $dir && zip -q -r -X $out/zip.zip evidence docs'" \
        --command-name "zip -q -r -X (the unpacked pack)" "sh -c 'cd $out/unpacked && zip -q -r -X $out/zip.zip .'"
    : >"$results/pack-memory.txt"
    rm -f "$BENCH/pack.zip" "$BENCH/zip.zip"
    /usr/bin/time -v -o "$results/time.txt" "$CSE" -C "$dir" pack --out "$out/pack.zip" 2>/dev/null
    echo "cse-pack $(awk -F': ' '/Maximum resident set size/ {print $2}' "$results/time.txt")" >>"$results/pack-memory.txt"
    (cd "$dir" && /usr/bin/time -v -o "$out/results/time.txt" zip -q -r -X "$out/zip.zip" evidence docs)
    echo "zip $(awk -F': ' '/Maximum resident set size/ {print $2}' "$results/time.txt")" >>"$results/pack-memory.txt"
    "$CSE" pack --verify "$BENCH/pack.zip"
    echo "files: $(find "$dir/evidence" "$dir/docs" -type f | wc -l), $(du -sh "$dir/evidence" "$dir/docs" | awk '{print $1}' | paste -sd+)"
    echo "zip sizes: cse pack $(stat -c %s "$BENCH/pack.zip") bytes, zip $(stat -c %s "$BENCH/zip.zip") bytes"
    cat "$results/pack.md" "$results/pack-memory.txt"
}

if $pack_only; then
    bench_pack
    exit 0
fi

if $smoke; then
    dir=$(repo 10)
    expected=$(find "$dir/evidence" -name '*.md' | wc -l)
    commands=(check)
    has_status && commands+=(status)
    for cmd in "${commands[@]}"; do
        start=$(date +%s%N)
        set +e
        out=$("$CSE" -C "$dir" "$cmd" 2>&1)
        code=$?
        set -e
        ms=$((($(date +%s%N) - start) / 1000000))
        # The generated repository has planted errors: 1 is expected, 2 or a crash is not.
        if ((code > 1)); then
            echo "smoke: cse $cmd failed with exit code $code:" >&2
            echo "$out" | tail -20 >&2
            exit 1
        fi
        echo "smoke: cse $cmd on 10 units: exit $code in ${ms} ms"
    done
    # The summary line ("N errors, N warnings in N files"); advice may follow it.
    summary=$("$CSE" -C "$dir" check | grep -E '^[0-9]+ errors?, [0-9]+ warnings? in [0-9]+ files$' | tail -1 || true)
    if [[ "$summary" != *" in $expected files" ]]; then
        echo "smoke: expected $expected files checked, got: $summary" >&2
        exit 1
    fi
    echo "smoke: $summary"
    if "$CSE" pack --help >/dev/null 2>&1; then
        dir=$(pack_repo 10)
        "$CSE" -C "$dir" pack --out "$PWD/$BENCH/smoke-pack.zip" 2>/dev/null
        "$CSE" pack --verify "$BENCH/smoke-pack.zip"
    fi
    exit 0
fi

for tool in hyperfine /usr/bin/time python3; do
    if ! command -v "$tool" >/dev/null; then
        echo "bench: $tool is needed (Debian: apt-get install hyperfine time python3)" >&2
        exit 2
    fi
done

results="$BENCH/results"
mkdir -p "$results"
small=$(repo 1)
large=$(repo 1000)

# Warm the page cache, so every command reads from memory.
for dir in "$small" "$large"; do
    xargs -0 cat <"$(file_list "$dir")" >/dev/null
done

commands=(check)
has_status && commands+=(status)

# One hyperfine run per size, so check, status and the floor are measured side by side.
measure() {
    local name=$1 dir=$2 runs=$3
    local args=()
    for cmd in "${commands[@]}"; do
        args+=(--command-name "cse $cmd" "$CSE -C $dir $cmd")
    done
    args+=(--command-name "cat floor" "sh -c 'xargs -0 cat < $dir/.files > /dev/null'")
    hyperfine --shell=none --ignore-failure --warmup 3 --min-runs "$runs" \
        --export-json "$results/$name.json" --export-markdown "$results/$name.md" "${args[@]}"
}
measure units-1 "$small" 100
measure units-1000 "$large" 10
example=()
if [[ -d evidence ]]; then
    # The shipped worked example: the pre-commit case.
    hyperfine --shell=none --ignore-failure --warmup 10 --min-runs 100 \
        --export-json "$results/example.json" --export-markdown "$results/example.md" \
        --command-name "cse check (example)" "$CSE -C $PWD check"
    example=("$results/example.json")
fi

# Peak memory: the largest resident set, from /usr/bin/time -v.
: >"$results/memory.txt"
for dir in "$small" "$large"; do
    for cmd in "${commands[@]}"; do
        /usr/bin/time -v -o "$results/time.txt" "$CSE" -C "$dir" "$cmd" >/dev/null 2>&1 || true
        kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$results/time.txt")
        echo "$(basename "$dir") cse $cmd $kb" >>"$results/memory.txt"
    done
done

python3 - "$results" "${example[@]}" <<'EOF'
import json, sys, pathlib
results = pathlib.Path(sys.argv[1])
def load(name):
    return {r["command"]: r for r in json.loads((results / f"{name}.json").read_text())["results"]}
ms = lambda s: f"{s * 1000:.1f} ms"
print("\n## Figures against the targets\n")
print("| case | command | median | mean ± σ | vs cat floor |")
print("|---|---|---|---|---|")
for name, label in [("units-1", "1 unit, 57 files"), ("units-1000", "1,000 units, 57,000 files")]:
    rows = load(name)
    floor = rows["cat floor"]["median"]
    for cmd, r in rows.items():
        ratio = "" if cmd == "cat floor" else f"{r['median'] / floor:.2f}×"
        print(f"| {label} | {cmd} | {ms(r['median'])} | {ms(r['mean'])} ± {ms(r['stddev'])} | {ratio} |")
for path in sys.argv[2:]:
    for cmd, r in load(pathlib.Path(path).stem).items():
        print(f"| worked example | {cmd} | {ms(r['median'])} | {ms(r['mean'])} ± {ms(r['stddev'])} | |")
print("\n| case | command | peak memory |")
print("|---|---|---|")
for line in (results / "memory.txt").read_text().splitlines():
    case, _, cmd, kb = line.split()
    print(f"| {case} | cse {cmd} | {int(kb) / 1024:.1f} MB |")
EOF
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo) RAM," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
