#!/usr/bin/env bash
# Instructions per read of every contender on every input, counted by
# callgrind (deterministic for a given binary, unlike times on a shared
# machine): `examples/profile_request` run for N and 2N rounds, the
# difference over N. Prints a Markdown table. Needs valgrind; about two
# minutes. Pass a profile_request binary to count another build (say, an
# older commit's).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-}
if [ -z "$binary" ]; then
    cargo build -q --release -p pcr-benches --example profile_request
    binary=target/release/examples/profile_request
fi

# Instructions of one run: $1 rounds, $2 contender, $3 input.
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$binary" "$@" 2>&1 |
        awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}
per_read() {
    local rounds=$1 contender=$2 input=$3
    local once twice
    once=$(count "$rounds" "$contender" "$input")
    twice=$(count $((2 * rounds)) "$contender" "$input")
    echo $(((twice - once) / rounds))
}

echo "| per read | request (256 B) | request, errors | extract, 50 loans (21.5 kB) | extract, errors | 200 body, 50 loans |"
echo "| --- | --- | --- | --- | --- | --- |"
for contender in plain floor garde ours; do
    request=$(per_read 2000 "$contender" request)
    request_errors=$(per_read 2000 "$contender" request-errors)
    extract=$(per_read 100 "$contender" extract)
    extract_errors=$(per_read 100 "$contender" extract-errors)
    case $contender in
    floor | ours) body=$(per_read 100 "$contender" 200) ;;
    *) body="–" ;;
    esac
    echo "| $contender | $request | $request_errors | $extract | $extract_errors | $body |"
done
