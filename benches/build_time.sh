#!/usr/bin/env bash
# What pcr-models costs to build against its serde-only twins (the same
# structs with serde's derives alone, written by the `serde_twin` example):
# pcr-models as lenders build it (no features) against the "lender" twin,
# without the register-side forms, and pcr-models with its `register`
# feature against the "full" twin, with them. All four are compiled in
# one run, in one target directory, with the same
# dependencies already built. For each profile, ROUNDS times (default 5),
# in turn, each crate's source is touched and `cargo build --timings`
# rebuilds it; the crate's own unit time is read from cargo's timing
# report. Prints the median of each and the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
target=$PWD/target/build-time
lender=$target/serde-twin
full=$target/serde-twin-with-register
export CARGO_TARGET_DIR=$target
export CARGO_INCREMENTAL=0

cargo run -q -p pcr-benches --example serde_twin -- "$lender"
cargo run -q -p pcr-benches --example serde_twin -- "$full" --with-register
cp Cargo.lock "$lender/"
cp Cargo.lock "$full/"

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
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

for profile in dev release; do
    flag=()
    [ "$profile" = release ] && flag=(--release)
    # Dependencies first, so each timed build compiles one crate.
    cargo build -q -p pcr-models "${flag[@]}"
    cargo build -q -p pcr-models --features register "${flag[@]}"
    (cd "$lender" && cargo build -q "${flag[@]}")
    (cd "$full" && cargo build -q "${flag[@]}")
    ours=() ours_full=() plain=() plain_full=()
    for _ in $(seq "$rounds"); do
        touch generated/src/lib.rs
        cargo build -q -p pcr-models "${flag[@]}" --timings 2>/dev/null
        ours+=("$(unit_time pcr-models)")
        touch generated/src/lib.rs
        cargo build -q -p pcr-models --features register "${flag[@]}" --timings 2>/dev/null
        ours_full+=("$(unit_time pcr-models)")
        touch "$lender/src/lib.rs"
        (cd "$lender" && cargo build -q "${flag[@]}" --timings 2>/dev/null)
        plain+=("$(unit_time pcr-models-serde-only)")
        touch "$full/src/lib.rs"
        (cd "$full" && cargo build -q "${flag[@]}" --timings 2>/dev/null)
        plain_full+=("$(unit_time pcr-models-serde-only-with-register)")
    done
    o=$(printf '%s\n' "${ours[@]}" | median)
    of=$(printf '%s\n' "${ours_full[@]}" | median)
    p=$(printf '%s\n' "${plain[@]}" | median)
    f=$(printf '%s\n' "${plain_full[@]}" | median)
    echo "$profile:"
    echo "    pcr-models ${o} s (${ours[*]}), lender twin ${p} s (${plain[*]}): ratio $(ratio "$o" "$p")"
    echo "    pcr-models --features register ${of} s (${ours_full[*]}), full twin ${f} s (${plain_full[*]}): ratio $(ratio "$of" "$f")"
done
