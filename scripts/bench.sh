#!/usr/bin/env bash
# Run every benchmark and rewrite the generated block of BENCHMARKS.md
# (between its bench.sh markers) with the figures and the machine they came
# from; the hand-written sections around it stay. Takes several minutes (it
# builds a store of a million statements and bulk-loads 100,000 revisions).
#   scripts/bench.sh            all of it
#   scripts/bench.sh --quick    extraction, diff, bulk record and disk only
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = "--quick" ] && quick=1
BEGIN='<!-- bench.sh: begin -->'
END='<!-- bench.sh: end -->'

out=$(mktemp)
trap 'rm -f "$out"' EXIT

cargo bench --no-run --bench extract --bench html --bench diff --bench store >/dev/null 2>&1 || cargo bench --no-run
extract=$(cargo bench --bench extract 2>/dev/null | tail -n 1)
html=$(cargo bench --bench html 2>/dev/null)
diff=$(cargo bench --bench diff 2>/dev/null | grep -i "mean" | head -n 1)
if [ "$quick" = 1 ]; then
  cargo bench --bench store -- record disk 2>/dev/null >"$out"
else
  cargo bench --bench store 2>/dev/null >"$out"
fi

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
block=$(mktemp)
trap 'rm -f "$out" "$block"' EXIT
{
  echo "$BEGIN"
  echo "## Figures from \`scripts/bench.sh\`"
  echo
  echo "Run on $(date -u +%Y-%m-%d): ${cpu:-unknown CPU}, $(nproc) cores,"
  echo "$(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(rustc --version), load $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Every figure is from one run on a shared machine; rerun the script to check a change."
  echo
  echo "### Extraction (PolNeAR train texts, one core)"
  echo
  echo "    $extract"
  echo
  echo "Target: ≥ 50 MB/s."
  echo
  echo "### Reading HTML pages (shared/corpus webpages and articles, one core)"
  echo
  echo "$html" | sed 's/^/    /'
  echo
  echo "Target: no lower than before issue #15's article-body changes; the nested"
  echo "page stays linear (it took over 300 s before the depth limit)."
  echo
  echo "### Claim diff (two ~1,500-word revisions, ~80 statements)"
  echo
  echo "    $diff"
  echo
  echo "Target: ≤ 1 ms."
  echo
  echo "### Store"
  echo
  cat "$out"
  echo
  echo "How each is measured is documented at the top of \`benches/store.rs\`;"
  echo "the corpus is generated from a fixed seed by \`benches/corpus/mod.rs\`."
  echo
  cat benches/analysis.md
  echo "$END"
} > "$block"
# Only the block between the markers is the script's: the sections around
# it are written by hand (what a session measured, and why) and stay.
python3 - "$block" <<'PY'
import sys
begin, end = "<!-- bench.sh: begin -->", "<!-- bench.sh: end -->"
block = open(sys.argv[1], encoding="utf-8").read().rstrip("\n")
try:
    text = open("BENCHMARKS.md", encoding="utf-8").read()
except FileNotFoundError:
    text = "# Benchmarks\n"
if begin in text and end in text:
    head, rest = text.split(begin, 1)
    tail = rest.split(end, 1)[1]
    text = head + block + tail
else:
    text = text.rstrip("\n") + "\n\n" + block + "\n"
open("BENCHMARKS.md.new", "w", encoding="utf-8").write(text)
PY
mv BENCHMARKS.md.new BENCHMARKS.md
sed -n "/$BEGIN/,/$END/p" BENCHMARKS.md
