#!/usr/bin/env bash
# The tables of BENCHMARKS.md in one run: criterion times every contender
# on every input, then the timing table with its ratios and the memory
# table are printed. Run from anywhere; takes about five minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench -q -p pcr-benches --bench parse_validate -- --warm-up-time 1 --measurement-time 3 >&2
echo "## Time (criterion medians)"
cargo run -q --release -p pcr-benches --example report
echo
echo "## Memory"
cargo run -q --release -p pcr-benches --example memory
