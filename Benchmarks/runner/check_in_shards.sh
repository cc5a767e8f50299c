#!/usr/bin/env bash
# Runs `litgrad check` as N single-threaded processes, one shard each, and
# exits with the worst exit status. The runner benchmark uses it to put both
# cores to work without --jobs, whose threads share interpreter state. Prints
# each shard's output, then the cells passed/failed/skipped over all shards.
#   check_in_shards.sh N LITGRAD PATH [check options...]
set -uo pipefail
shards=$1 litgrad=$2
shift 2
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
pids=()
for i in $(seq 1 "$shards"); do
    "$litgrad" check "$@" --jobs 1 --shard "$i/$shards" > "$logs/$i" 2>&1 &
    pids+=($!)
done
worst=0
for pid in "${pids[@]}"; do
    wait "$pid"
    status=$?
    [ "$status" -gt "$worst" ] && worst=$status
done
cat "$logs"/*
sed -nE 's/^([0-9]+) passed, ([0-9]+) failed, ([0-9]+) skipped$/\1 \2 \3/p' "$logs"/* |
    awk '{ p += $1; f += $2; s += $3 } END { printf "%d passed, %d failed, %d skipped (all shards)\n", p, f, s }'
exit "$worst"
