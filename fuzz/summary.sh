#!/bin/sh
# Prints a Markdown table of the runs logged in fuzz/logs/ (or the folder given):
# target, executions, seconds, coverage, features and corpus at the end.
cd "$(dirname "$0")"
dir=${1:-logs}
echo "| target | executions | seconds | exec/s | coverage (edges) | features | corpus at the end | crashes |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |"
for f in "$dir"/*.log; do
    t=$(basename "$f" .log)
    done_line=$(grep -aE '^Done [0-9]+ runs' "$f" | tail -1)
    runs=$(echo "$done_line" | awk '{print $2}')
    secs=$(echo "$done_line" | awk '{print $5}')
    last=$(grep -aE '^#[0-9]+' "$f" | tail -1)
    cov=$(echo "$last" | grep -aoE 'cov: [0-9]+' | awk '{print $2}')
    ft=$(echo "$last" | grep -aoE 'ft: [0-9]+' | awk '{print $2}')
    corp=$(echo "$last" | grep -aoE 'corp: [0-9]+/[0-9]+[a-zA-Z]+' | awk '{print $2}' | sed 's|/| inputs, |; s|Kb$| KB|; s|Mb$| MB|')
    if grep -aqE 'ERROR: libFuzzer|panicked' "$f"; then crash=yes; else crash=none; fi
    if [ -z "$runs" ]; then
        runs="$(echo "$last" | grep -aoE '^#[0-9]+' | tr -d '#') (stopped)"
        secs="-"
    fi
    rate=-
    [ "$secs" != "-" ] && rate=$((runs / secs)) || true
    echo "| \`$t\` | $runs | $secs | $rate | $cov | $ft | $corp | $crash |"
done
