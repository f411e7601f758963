#!/usr/bin/env bash
# Bit-flip run: flip one random bit in one random store file, hundreds of
# times, and report silent losses (must be 0), panics (must be 0) and the
# share of acknowledged revisions `salvage` recovers.
#   scripts/bitflip.sh [--trials 300] [--seed 1] [--json]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
exec python3 scripts/bitflip.py --binary target/release/claimtrail "$@"
