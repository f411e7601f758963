#!/usr/bin/env bash
# Long crash-safety run: kill a bulk import at random moments N times and
# check that every store verifies and a re-run finishes the job exactly.
#   scripts/crash-test.sh --iterations 1000
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=200
while [ $# -gt 0 ]; do
  case "$1" in
    --iterations) iterations="$2"; shift 2 ;;
    *) echo "usage: $0 [--iterations N]" >&2; exit 2 ;;
  esac
done
CLAIMTRAIL_CRASH_ITERATIONS="$iterations" cargo test --release --test cli crash -- --nocapture
