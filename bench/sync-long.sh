#!/bin/sh
# The sync simulation's long mode (tests/sync/sim.c): 10,000 seeds, split
# over the machine's cores. Every failing seed prints itself and the command
# that replays it. Exits non-zero when a seed fails.
#
# usage: bench/sync-long.sh [SEEDS [FIRST]]      (default 10000 1)
# env:   BUILD (default: <source>/build), JOBS (default: nproc)
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$src/build}
seeds=${1:-10000}
first=${2:-1}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 1)}
sim=$build/tests/sync/test-sync-sim

ninja -C "$build" tests/sync/test-sync-sim >/dev/null || {
	echo "sync-long.sh: building test-sync-sim in $build failed" >&2
	exit 1
}

start=$(date +%s)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
per=$(( (seeds + jobs - 1) / jobs ))
j=0
pids=
while [ $j -lt "$jobs" ]; do
	from=$(( first + j * per ))
	count=$per
	left=$(( first + seeds - from ))
	[ $count -gt $left ] && count=$left
	if [ $count -gt 0 ]; then
		"$sim" --seeds "$count" --first "$from" -q >"$out/$j" 2>&1 &
		pids="$pids $!"
	fi
	j=$((j + 1))
done
status=0
for p in $pids; do
	wait "$p" || status=1
done
cat "$out"/*
failed=$(awk '/ seeds failed$/ {s += $1} END {print s + 0}' "$out"/*)
echo "sync-long.sh: $seeds seeds from $first in $(( $(date +%s) - start )) s with $jobs jobs: $failed failed"
exit $status
