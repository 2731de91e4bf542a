#!/usr/bin/env bash
# What pcr-models costs to build against its serde-only twin (the same
# structs with serde's derives alone, written by the `serde_twin` example),
# both compiled in one run, in one target directory, with the same
# dependencies already built. For each profile, ROUNDS times (default 5),
# alternating, each crate's source is touched and `cargo build --timings`
# rebuilds it; the crate's own unit time is read from cargo's timing report.
# Prints the median of each and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
root=$PWD
target=$root/target/build-time
twin=$target/serde-twin
export CARGO_TARGET_DIR=$target
export CARGO_INCREMENTAL=0

cargo run -q -p pcr-benches --example serde_twin -- "$twin"
cp Cargo.lock "$twin/"

# The unit time of crate $1 in the newest timing report.
unit_time() {
    python3 - "$1" "$target/cargo-timings/cargo-timing.html" <<'PY'
import json, sys
name, path = sys.argv[1], sys.argv[2]
html = open(path).read()
start = html.index("const UNIT_DATA = ") + len("const UNIT_DATA = ")
units, _ = json.JSONDecoder().raw_decode(html[start:])
print(sum(u["duration"] for u in units if u["name"] == name and u["target"] == ""))
PY
}

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

for profile in dev release; do
    flag=()
    [ "$profile" = release ] && flag=(--release)
    # Dependencies first, so each timed build compiles one crate.
    cargo build -q -p pcr-models "${flag[@]}"
    (cd "$twin" && cargo build -q "${flag[@]}")
    ours=() plain=()
    for _ in $(seq "$rounds"); do
        touch generated/src/lib.rs
        cargo build -q -p pcr-models "${flag[@]}" --timings 2>/dev/null
        ours+=("$(unit_time pcr-models)")
        touch "$twin/src/lib.rs"
        (cd "$twin" && cargo build -q "${flag[@]}" --timings 2>/dev/null)
        plain+=("$(unit_time pcr-models-serde-only)")
    done
    o=$(printf '%s\n' "${ours[@]}" | median)
    p=$(printf '%s\n' "${plain[@]}" | median)
    echo "$profile: pcr-models ${o} s (${ours[*]}), serde-only twin ${p} s (${plain[*]}), ratio $(awk -v o="$o" -v p="$p" 'BEGIN { printf "%.2f", o / p }')"
done
