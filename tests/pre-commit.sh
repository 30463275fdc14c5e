#!/usr/bin/env bash
# Proves the pre-commit hook end to end, with the real pre-commit framework from PyPI:
#   1. `cse init` makes a repository, and `pre-commit run --all-files` passes on it, both with
#      the .pre-commit-config.yaml that init writes and with the `cse-check-system` hook from
#      this project's .pre-commit-hooks.yaml;
#   2. a commit adding a broken evidence file is refused, and the diagnostic is shown;
#   3. once the file is fixed, the commit goes through.
# The system hook runs the `cse` built here, put first on PATH, so pre-commit compiles
# nothing. Needs Python 3 with venv, git and cargo; pip fetches pre-commit from PyPI.
#
# Usage: tests/pre-commit.sh [PATH-TO-CSE-BINARY]   (default: builds target/debug/cse)
set -euo pipefail

project=$(cd "$(dirname "$0")/.." && pwd)
if [[ $# -ge 1 ]]; then
    cse_bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
else
    cargo build --quiet --manifest-path "$project/Cargo.toml"
    cse_bin="$project/target/debug/cse"
fi
[[ -x "$cse_bin" ]] || { echo "no cse binary at $cse_bin" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The pre-commit framework, in its own virtual environment. A cache outside the temporary
# folder (PRE_COMMIT_VENV) makes repeated runs quick; it is reused only if it works.
venv=${PRE_COMMIT_VENV:-$work/venv}
if ! "$venv/bin/pre-commit" --version >/dev/null 2>&1; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check pre-commit
fi
echo "using $("$venv/bin/pre-commit" --version)"

# The built cse first on PATH, and nothing from the user's git or pre-commit setup.
bin="$work/bin"
mkdir -p "$bin"
ln -s "$cse_bin" "$bin/cse"
export PATH="$bin:$venv/bin:$PATH"
export PRE_COMMIT_HOME="$work/pre-commit-cache"
export GIT_CONFIG_NOSYSTEM=1 HOME="$work/home"
mkdir -p "$HOME"
git config --global init.defaultBranch main
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

repo="$work/repo"
cse init "$repo" >/dev/null
cd "$repo"
git config user.name "cse test"
git config user.email "cse-test@example.invalid"
git config commit.gpgsign false

git add -A
git commit --quiet -m "Start CSE evidence"

echo "--- pre-commit run --all-files with the .pre-commit-config.yaml that cse init wrote"
pre-commit run --all-files
echo "ok: the hook cse init set up passes on a fresh repository"

# Now use this project's .pre-commit-hooks.yaml, as a user of the hooks file would. pre-commit
# fetches hooks from a git repository: a one-commit copy of the hooks file stands in for
# this project, so the test uses the working tree's file and needs no network.
hooks_repo="$work/hooks-repo"
mkdir -p "$hooks_repo"
cp "$project/.pre-commit-hooks.yaml" "$hooks_repo/"
git -C "$hooks_repo" init --quiet
git -C "$hooks_repo" add .pre-commit-hooks.yaml
git -C "$hooks_repo" -c user.name=t -c user.email=t@example.invalid commit --quiet -m hooks
rev=$(git -C "$hooks_repo" rev-parse HEAD)
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks_repo
    rev: $rev
    hooks:
      - id: cse-check-system
YAML
git add .pre-commit-config.yaml
git commit --quiet -m "Use the cse-check-system hook"
pre-commit install >/dev/null

echo "--- pre-commit run --all-files with the cse-check-system hook"
pre-commit run --all-files
echo "ok: the cse-check-system hook passes on a fresh repository"

echo "--- committing a broken evidence file"
cat > evidence/1.1.1.md <<'MD'
---
element: 1.1.1
status: complient
---
We know our customers.
MD
git add evidence/1.1.1.md
set +e
output=$(git commit -m "Rate 1.1.1" 2>&1)
status=$?
set -e
# The start of what the user saw (the warnings for the other, not-assessed elements follow).
head -n 20 <<<"$output"
echo "[... $(wc -l <<<"$output") lines in all]"
if [[ $status -eq 0 ]]; then
    echo "FAIL: the commit of a broken evidence file was accepted" >&2
    exit 1
fi
for expected in "error[E008]" "evidence/1.1.1.md:3:9" "did you mean \`compliant\`?"; do
    if ! grep -qF "$expected" <<<"$output"; then
        echo "FAIL: the refused commit did not show: $expected" >&2
        exit 1
    fi
done
if [[ $(git log --oneline | wc -l) -ne 2 ]]; then
    echo "FAIL: a commit was made" >&2
    exit 1
fi
echo "ok: the commit was refused and the diagnostic shown"

echo "--- committing the fixed file"
sed -i.bak 's/complient/partial/' evidence/1.1.1.md && rm evidence/1.1.1.md.bak
git add evidence/1.1.1.md
git commit --quiet -m "Rate 1.1.1"
[[ $(git log --oneline | wc -l) -eq 3 ]] || { echo "FAIL: the fixed file was not committed" >&2; exit 1; }
echo "ok: the fixed file was committed"

echo "--- deleting a document the evidence cites, and nothing else"
mkdir -p documents
echo "How we handle complaints." > documents/procedure.md
cat > evidence/1.1.1.md <<'MD'
---
element: 1.1.1
status: partial
evidence:
  - title: Complaints procedure
    path: ../documents/procedure.md
---
We know our customers.
MD
git add -A
git commit --quiet -m "Cite the procedure"
git rm --quiet documents/procedure.md
set +e
output=$(git commit -m "Remove the procedure" 2>&1)
status=$?
set -e
if [[ $status -eq 0 ]] || ! grep -qF "documents/procedure.md" <<<"$output"; then
    echo "FAIL: a commit that deletes a cited document was not refused:" >&2
    echo "$output" >&2
    exit 1
fi
echo "ok: the commit that deleted a cited document was refused"
echo "pre-commit: 5 passed, 0 failed"
