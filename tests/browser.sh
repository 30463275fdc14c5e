#!/usr/bin/env bash
# Renders `cse report` in a real browser (headless Chromium) and checks what it shows.
#
#  - the example's report: the charts, the tables and an element's text are in the DOM;
#  - a hostile fixture's report: none of its scripts ran (they try to change the title);
#  - a control page whose script does run, so the hostile check is known to be able to fail;
#  - a screenshot for a person to look at: target/browser/report.png;
#  - an evidence pack (`cse pack`): index.html and an element page open from the unzipped
#    folder, no script runs, and nothing is fetched from outside the pack.
#
# Uses the shipped example (`evidence/` at the project root) when there is one, otherwise a
# fixture generated here. Installs Debian's `chromium` when it is missing (needs root or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="$root/target/browser"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CSE_TODAY=2026-11-28 NO_COLOR=1

fail() { echo "browser test FAILED: $*" >&2; exit 1; }

# --- the browser ------------------------------------------------------------------------
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "installing chromium (Debian package)..." >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >&2
  browser=$(command -v chromium) || fail "chromium is not installed and could not be installed"
fi

# One headless run; "$@" is the action (--dump-dom or --screenshot=...) and the page.
headless() {
  timeout 90 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d -p "$work")" --hide-scrollbars "$@" 2>/dev/null
}

cargo build --quiet
cse="$root/target/debug/cse"

# --- fixtures ---------------------------------------------------------------------------
# Element ids, from cse itself: an empty repository reports every element as missing.
element_ids() {
  mkdir -p "$work/ids/evidence"
  "$cse" -C "$work/ids" check --format json | grep -o '"element": *"[0-9.]*"' | grep -o '[0-9][0-9.]*' | sort -u -V
}

# A plausible library service: most elements compliant, some partial with actions, a few
# missing, stale or not yet assessed.
make_example() {
  local dir=$1 i=0 id status owner reviewed
  local owners=("Head of Libraries" "Customer Services Manager" "Service Development Manager" "Reader Development Lead" "Digital Services Librarian" "Community Engagement Officer")
  mkdir -p "$dir/evidence" "$dir/docs"
  printf 'name = "Riverside Libraries"\n' > "$dir/cse.toml"
  printf 'Satisfaction survey results\n' > "$dir/docs/survey-2026.txt"
  printf 'Customer service standards\n' > "$dir/docs/standards.txt"
  for id in $(element_ids); do
    i=$((i + 1))
    case $((i % 12)) in
      5) continue ;;                                   # no evidence file yet
      3|9) status=partial ;;
      7) status=not-assessed ;;
      11) status=compliance-plus ;;
      *) status=compliant ;;
    esac
    [ "$i" -eq 20 ] && status=non-compliant
    owner=${owners[$((i % ${#owners[@]}))]}
    reviewed=2026-0$((i % 9 + 1))-1$((i % 9))
    [ $((i % 10)) -eq 4 ] && reviewed=2025-06-30      # more than 12 months ago
    {
      echo "---"
      echo "element: $id"
      echo "status: $status"
      echo "owner: $owner"
      [ "$status" = not-assessed ] || echo "reviewed: $reviewed"
      echo "evidence:"
      echo "  - title: Customer satisfaction survey 2026"
      echo "    path: ../docs/survey-2026.txt"
      echo "  - title: Published service standards"
      echo "    url: https://example.org/libraries/standards"
      if [ "$status" = partial ] || [ "$status" = non-compliant ] || [ $((i % 8)) -eq 0 ]; then
        echo "actions:"
        echo "  - action: Publish the results for element $id on the website"
        echo "    owner: Web team"
        echo "    due: $((2026 + i % 3 / 2))-$(printf %02d $((i % 12 + 1)))-15"
        echo "  - action: Brief front-line staff on the changes"
        echo "    done: true"
      fi
      echo "---"
      echo "## How we meet $id"
      echo
      echo "We ran the **2026 satisfaction survey** across all branches and the mobile library,"
      echo "with 1,240 responses. Results went to the management team in May and are summarised"
      echo "in the [survey report](../docs/survey-2026.txt)."
      echo
      echo "- Quarterly review of comments and complaints"
      echo "- *You said, we did* board in every branch"
      echo "- Published [standards](https://example.org/libraries/standards)"
    } > "$dir/evidence/$id.md"
  done
}

# Hostile text in every field: each script tries to change the page's title.
make_hostile() {
  local dir=$1 js="document.title='PWNED'"
  mkdir -p "$dir/evidence" "$dir/docs"
  printf 'x\n' > "$dir/docs/x.txt"
  printf 'name = "<script>%s</script>Evil & Co"\n' "$js" > "$dir/cse.toml"
  cat > "$dir/evidence/1.1.1.md" <<EOF
---
element: 1.1.1
status: partial
owner: "<img src=x onerror=\"$js\">"
reviewed: 2026-01-01
evidence:
  - title: "<script>$js</script>"
    path: ../docs/x.txt
  - title: "<a href=\"javascript:$js\">click</a>"
    url: "javascript:$js"
actions:
  - action: "<svg onload=\"$js\"></svg>"
    owner: "<iframe srcdoc=\"<script>$js</script>\"></iframe>"
    due: 2026-01-01
---
# <script>$js</script>

<script>$js</script>

<img src=x onerror="$js">

<iframe srcdoc="<script>$js</script>"></iframe>

<style>body { display: none }</style>

<meta http-equiv="refresh" content="0;url=javascript:$js">

[click me](javascript:$js) and <javascript:$js> and [data](data:text/html,<script>$js</script>)

![x](x" onerror="$js)

<details open ontoggle="$js">toggle</details>
EOF
}

# --- the example's report ---------------------------------------------------------------
if ls "$root"/evidence/*.md >/dev/null 2>&1; then
  example="$root"
  echo "report of the shipped example" >&2
else
  example="$work/example"
  make_example "$example"
  echo "report of a generated example (no evidence/ at the project root)" >&2
fi
"$cse" -C "$example" report --out "$out/report.html"
dom=$(headless --dump-dom "file://$out/report.html") || fail "chromium could not load the report"
grep -q '<svg class="chart" id="chart-criteria"' <<<"$dom" || fail "the readiness chart is missing"
grep -q '<title id="chart-criteria-title">Readiness by criterion</title>' <<<"$dom" || fail "the chart has no title"
[ "$(grep -o "<table" <<<"$dom" | wc -l)" -ge 4 ] || fail "expected at least 4 tables (criteria, statuses, priorities, elements)"
grep -q '<th scope="col">What it asks</th>' <<<"$dom" || fail "the element table is missing"
grep -q 'We use reliable and accurate methods to measure customer satisfaction' <<<"$dom" \
  || fail "the text of element 1.3.1 is missing"
grep -q '<details>' <<<"$dom" || fail "the narratives are missing"
grep -q '<script' <<<"$dom" && fail "the report contains a script"
headless --screenshot="$out/report.png" --window-size=1280,2400 "file://$out/report.html" >/dev/null \
  || fail "chromium could not take a screenshot"
[ -s "$out/report.png" ] || fail "the screenshot is empty"

# --- the hostile report -----------------------------------------------------------------
control="$work/control.html"
printf '<!DOCTYPE html><title>unchanged</title><script>document.title="PWNED"</script>\n' > "$control"
headless --dump-dom "file://$control" | grep -q '<title>PWNED</title>' \
  || fail "the control page's script did not run, so the hostile check below proves nothing"

make_hostile "$work/hostile"
"$cse" -C "$work/hostile" report --out "$out/hostile.html"
dom=$(headless --dump-dom "file://$out/hostile.html") || fail "chromium could not load the hostile report"
# Chromium serialises the title's text with & < > escaped, as the report wrote it.
expected="&lt;script&gt;document.title='PWNED'&lt;/script&gt;Evil &amp; Co: Customer Service Excellence readiness report"
title=$(grep -o '<title>[^<]*</title>' <<<"$dom" | head -n 1)
title=${title#<title>}
title=${title%</title>}
[ "$title" = "$expected" ] || fail "the title changed: a script ran (title: $title)"
for tag in '<script' '<iframe' '<img' '<meta http-equiv="refresh"' '<style>body'; do
  grep -qi "$tag" <<<"$dom" && fail "the hostile report has a live $tag element"
done
grep -qiE '<a [^<>]*href="javascript' <<<"$dom" && fail "the hostile report has a javascript: link"

# --- the evidence pack ------------------------------------------------------------------
# A local web server stands in for the internet and logs every request it gets.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work" >/dev/null 2>"$work/requests.log" &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in 1 2 3 4 5 6 7 8 9 10; do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/fetch-ready')" 2>/dev/null && break
  sleep 0.5
done
web="http://127.0.0.1:$port"
printf '<!DOCTYPE html><title>fetch</title><img src="%s/control.png">\n' "$web" > "$work/fetch.html"
headless --dump-dom "file://$work/fetch.html" >/dev/null || true
grep -q 'control.png' "$work/requests.log" \
  || fail "the control page's request was not logged, so the no-fetch check below proves nothing"

cat >> "$work/hostile/evidence/1.1.1.md" <<EOF

![chart]($web/image.png) <img src="$web/raw.png"> <link rel="stylesheet" href="$web/style.css">
<video src="$web/video.mp4" autoplay></video> <object data="$web/object.swf"></object>
EOF
"$cse" -C "$work/hostile" pack --out "$work/hostile.zip" --allow-personal-data \
  || fail "cse pack failed on the hostile fixture"
"$cse" -C "$example" pack --out "$work/example.zip" || fail "cse pack failed on the example"
for name in hostile example; do
  python3 -c "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])" \
    "$work/$name.zip" "$work/$name-pack"
  for page in index.html elements/1.1.1.html; do
    dom=$(headless --dump-dom "file://$work/$name-pack/$page") || fail "chromium could not load $name $page"
    grep -q '<title>PWNED</title>' <<<"$dom" && fail "a script ran in the $name pack's $page"
    for tag in '<script' '<iframe' '<img' '<video' '<object' '<link rel="stylesheet"'; do
      grep -qi "$tag" <<<"$dom" && fail "the $name pack's $page has a live $tag element"
    done
    grep -q 'Content-Security-Policy' <<<"$dom" || fail "the $name pack's $page has no content security policy"
  done
done
dom=$(headless --dump-dom "file://$work/example-pack/index.html")
grep -q 'href="elements/1.3.1.html"' <<<"$dom" || fail "the pack's index does not link element 1.3.1"
dom=$(headless --dump-dom "file://$work/example-pack/elements/1.3.1.html")
grep -q 'We use reliable and accurate methods to measure customer satisfaction' <<<"$dom" \
  || fail "the pack's page for 1.3.1 lacks the element's text"
grep -q 'href="../documents/' <<<"$dom" || fail "the pack's page for 1.3.1 does not link its documents"
if grep -v -e 'control.png' -e 'fetch-ready' "$work/requests.log" | grep -q 'GET'; then
  fail "a pack page fetched from outside the pack: $(grep -v -e control.png -e fetch-ready "$work/requests.log")"
fi

echo "browser test passed; screenshot: target/browser/report.png" >&2
