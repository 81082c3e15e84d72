#!/bin/sh
# Runs fuzz targets, each for SECONDS (default 600), one after another, and
# keeps each run's log in fuzz/logs/TARGET.log. Usage: fuzz/run.sh [SECONDS] TARGET...
# Needs cargo-fuzz (`cargo install cargo-fuzz`); on the stable toolchain,
# RUSTC_BOOTSTRAP=1 lets it use the sanitizer flags. FUZZ_FLAGS adds libFuzzer
# flags, such as "-fork=1 -ignore_crashes=1 -ignore_timeouts=1" to go on past
# findings (each is still saved in fuzz/artifacts/TARGET/).
set -eu
cd "$(dirname "$0")"
secs=${1:-600}
shift
[ -d corpus ] || python3 seed.py
mkdir -p logs
for t in "$@"; do
    case $t in
        extract|check|companyfacts) len=16384 ;;
        *) len=4096 ;;
    esac
    echo "== $t: ${secs}s, inputs up to $len bytes"
    RUSTC_BOOTSTRAP=1 cargo fuzz run "$t" -- \
        -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len="$len" \
        -print_final_stats=1 ${FUZZ_FLAGS:-} >"logs/$t.log" 2>&1 || { echo "$t: FAILED, see fuzz/logs/$t.log"; continue; }
    grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "logs/$t.log" || true
done
