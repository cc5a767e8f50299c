#!/usr/bin/env bash
# Runs `litgrad check` as N single-threaded processes, one shard each, and
# exits with the worst exit status. The runner benchmark uses it to put both
# cores to work without --jobs, whose threads share interpreter state.
#   check_in_shards.sh N LITGRAD PATH [check options...]
set -uo pipefail
shards=$1 litgrad=$2
shift 2
pids=()
for i in $(seq 1 "$shards"); do
    "$litgrad" check "$@" --jobs 1 --shard "$i/$shards" &
    pids+=($!)
done
worst=0
for pid in "${pids[@]}"; do
    wait "$pid"
    status=$?
    [ "$status" -gt "$worst" ] && worst=$status
done
exit "$worst"
