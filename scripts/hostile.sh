#!/usr/bin/env bash
# Hostile inputs (issue #12 item 11): for each, the wall time, peak RSS
# (/usr/bin/time -v) and exit code of the release binary, against the bound
# the README states (peak RSS ≤ 1 GB at the default size limit; extraction
# linear). Every input is generated here, none is stored in the repo.
#   scripts/hostile.sh          all cases (about a minute on 2 cores)
# Prints one row per case; exits 1 when a bound is broken.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/claimtrail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "hostile.sh needs /usr/bin/time (GNU time)" >&2; exit 2; }

python3 - "$work" <<'PY'
import random, string, sys
w = sys.argv[1]
random.seed(12)
# 1.1 M unique short paragraphs, 15.4 MB: under the 16 MiB default limit.
with open(f"{w}/paragraphs.txt", "w") as f:
    for i in range(1_100_000):
        f.write(f"N{i:07d} is.\n\n")
# 2 MB of sentences of random words (one index key per new word).
def rw(): return "".join(random.choice(string.ascii_lowercase) for _ in range(6))
with open(f"{w}/words.txt", "w") as f:
    for i in range(16_000):
        f.write(" ".join(rw() for _ in range(20)).capitalize() + ".\n\n")
# Prose with ~12,500 distinct named speakers, 1, 2, 4 and 8 MB (extraction
# time must grow linearly: it was quadratic in the speakers).
first = "Ann Bob Carla Dev Emil Fatima Gus Hana Ivan Jo Kemal Lena Mira Nils Omar Pia Quinn Rosa Sven Tara".split()
last = "Lee Moss Park Quist Ruiz Stone Tran Ueda Voss Wolf Xu Young Zane Abbot Berg Cruz Dunn Eke Frey Gold Hale Ives Jung Kahn Lowe".split()
words = "the council said on monday that the harbor plan would cost more than expected according to officials".split()
for mb in (1, 2, 4, 8):
    out, total, i = [], 0, 0
    while total < mb * 1_000_000:
        name = f"{random.choice(first)} {random.choice(last)}{random.choice(last).lower()}"
        s = "\u201c" + " ".join(random.choice(words) for _ in range(12)).capitalize() + f",\u201d said {name}, a spokesperson."
        if i % 4 == 3:
            s += "\n\n"
        out.append(s); total += len(s) + 1; i += 1
    open(f"{w}/speakers{mb}m.txt", "w").write(" ".join(out))
# A record-sized article: 2,000 sentences, within every limit.
with open(f"{w}/article.txt", "w") as f:
    for i in range(400):
        f.write(" ".join(f"\u201cWe counted {i * 5 + k} crews,\u201d said Mayor Ann Lee." for k in range(5)) + "\n\n")
# At the limits: 19,900 sentences holding 49,000 distinct words, the most
# a revision may hold: the worst case the memory bound must cover.
with open(f"{w}/limits.txt", "w") as f:
    n = 0
    for i in range(19_900):
        k = 3 if i < 9_100 else 2
        f.write(" ".join(f"w{n + j}x" for j in range(k)).capitalize() + ".\n\n")
        n += k
PY

fail=0
# case name, max seconds, max RSS in MB, expected exit, command...
run() {
  local name=$1 max_s=$2 max_mb=$3 want=$4; shift 4
  local log=$work/time.log code=0
  /usr/bin/time -v -o "$log" "$@" >/dev/null 2>"$work/err" </dev/null || code=$?
  if [ "$code" != "$want" ] && [ -f "$log" ]; then :; fi
  local secs kb mb
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  mb=$((kb / 1024))
  local verdict=ok
  if [ "$code" != "$want" ] || awk "BEGIN {exit !($secs > $max_s)}" || [ "$mb" -gt "$max_mb" ]; then
    verdict=BROKEN; fail=1
  fi
  printf '%-44s exit %s (want %s)  %6.2f s (≤ %s)  %5d MB (≤ %s)  %s\n' "$name" "$code" "$want" "$secs" "$max_s" "$mb" "$max_mb" "$verdict"
  [ "$verdict" = ok ] || sed 's/^/    /' "$work/err" | head -n 3
}
store() { rm -rf "$work/store"; echo "$work/store"; }

run "import - < /dev/zero (endless line)" 5 100 2 bash -c "exec $bin --store $(store) import - < /dev/zero"
run "record 1.1 M paragraphs, 15.4 MB" 10 1024 2 "$bin" --store "$(store)" record s "$work/paragraphs.txt"
run "record 2 MB of random words" 10 1024 2 "$bin" --store "$(store)" record s "$work/words.txt"
run "record a 2,000-sentence article" 20 1024 0 "$bin" --store "$(store)" record s "$work/article.txt"
run "record at the limits (19,900 sentences)" 60 1024 0 "$bin" --store "$(store)" record s "$work/limits.txt"
run "extract 1.1 M paragraphs, 15.4 MB" 60 1024 0 "$bin" extract "$work/paragraphs.txt" --format json
for mb in 1 2 4 8; do
  run "extract ${mb} MB, ~12,500 speakers" $((mb * 4)) 1024 0 "$bin" extract "$work/speakers${mb}m.txt" --max-bytes 100000000 --format json
done
exit $fail
