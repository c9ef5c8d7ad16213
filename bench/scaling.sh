#!/usr/bin/env bash
# How a whole pmgen run grows with the collection: the synthetic
# collections of 5,000 and 20,000 requests (generator/testdata/synthetic),
# each generated into a fresh package by the built binary, alternating,
# RUNS times each (default 10). It prints every run (wall seconds, peak
# RSS, page faults), then the medians, the ratio of the median times
# (linear is 4; issue 19 asks for at most 4.4) and the median of the
# paired ratios, and peak RSS as a multiple of the collection's size.
#
#	bench/scaling.sh
#
# Alternating puts the two sizes through the same slow minutes of a
# shared machine, which move one 20,000-request run by half its time; use
# ten runs or more. Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-10}
work=${TMPDIR:-/tmp}/pmgen-scaling
mkdir -p "$work"

go build -o "$work/pmgen" ./cmd/pmgen
go build -o "$work/synthetic" ./generator/testdata/synthetic
for n in 5000 20000; do
	"$work/synthetic" "$n" >"$work/synthetic-$n.json"
done

: >"$work/runs.txt"
for i in $(seq "$runs"); do
	for n in 5000 20000; do
		rm -rf "$work/out"
		/usr/bin/time -f "$n %e %M %R" -a -o "$work/runs.txt" \
			"$work/pmgen" -in "$work/synthetic-$n.json" -out "$work/out/pkg" -package pkg >/dev/null 2>&1
		tail -1 "$work/runs.txt" | awk '{printf "%6d requests: %6.2f s, %5.0f MiB, %7d faults\n", $1, $2, $3 / 1024, $4}'
	done
done

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
small=$(awk '$1 == 5000 {print $2}' "$work/runs.txt" | median)
large=$(awk '$1 == 20000 {print $2}' "$work/runs.txt" | median)
paired=$(awk '$1 == 5000 {s[++i] = $2} $1 == 20000 {l[++j] = $2} END {for (k = 1; k <= j; k++) print l[k] / s[k]}' "$work/runs.txt" | median)
echo "median: 5,000 requests $small s, 20,000 requests $large s"
awk -v s="$small" -v l="$large" -v p="$paired" 'BEGIN {printf "20,000 / 5,000: %.2fx (median of the paired ratios %.2fx)\n", l / s, p}'
for n in 5000 20000; do
	size=$(stat -c %s "$work/synthetic-$n.json")
	awk -v n="$n" -v size="$size" '$1 == n && $3 > m {m = $3} END {printf "peak RSS, %d requests: %.0f MiB, %.1fx the collection (%.1f MB)\n", n, m / 1024, m * 1024 / size, size / 1e6}' "$work/runs.txt"
done
