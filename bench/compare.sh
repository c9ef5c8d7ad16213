#!/usr/bin/env bash
# Whole-process comparison of pmgen with the route users take today, a
# Postman collection converted to OpenAPI and then to Go:
#
#	postman-to-openapi 3.0.1, then oapi-codegen v2.8.2 -generate types,client
#
# and with the floor (generator/testdata/floorproc: JSON decode of the
# collection + go/format of the package pmgen writes, on all cores). Every
# command writes a fresh package each run. hyperfine runs them side by side
# and prints how many times faster each is; /usr/bin/time gives peak RSS.
# README.md's "Performance" takes its figures from this script.
#
#	bench/compare.sh [COLLECTION ...]   (default: the corpus's Fastly collection)
#
# It installs what it needs, pinned: hyperfine from Debian's packages, the
# OpenAPI route with npm and go install, in a cache under $TMPDIR. Run it
# on an otherwise idle machine; the ratios drift when other work competes.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-10}
work=${TMPDIR:-/tmp}/pmgen-compare
mkdir -p "$work/bin"

if ! command -v hyperfine >/dev/null; then
	apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
fi
if [ ! -x "$work/npm/node_modules/.bin/p2o" ]; then
	mkdir -p "$work/npm"
	(cd "$work/npm" && npm install --no-audit --no-fund --silent postman-to-openapi@3.0.1)
fi
GOBIN="$work/bin" go install github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@v2.8.2
go build -o "$work/bin/pmgen" ./cmd/pmgen
go build -o "$work/bin/floorproc" ./generator/testdata/floorproc

if [ $# -eq 0 ]; then
	set -- ../shared/corpus/p2o__fastly-api.postman_collection.json
fi
for col in "$@"; do
	col=$(realpath "$col")
	name=$(basename "$col" .json)
	out="$work/out/$name"
	rm -rf "$out" && mkdir -p "$out/kept"
	# floorproc formats the files of a package pmgen wrote.
	"$work/bin/pmgen" -in "$col" -out "$out/kept/pkg" -package pkg >/dev/null 2>&1
	pmgen="$work/bin/pmgen -in $col -out $out/pmgen/pkg -package pkg"
	route="$work/npm/node_modules/.bin/p2o $col -f $out/route/api.yml >/dev/null && $work/bin/oapi-codegen -package api -generate types,client -o $out/route/api.gen.go $out/route/api.yml"
	floor="$work/bin/floorproc $col $out/kept/pkg"
	printf 'rm -rf %s/pmgen %s/route && mkdir -p %s/route\n' "$out" "$out" "$out" >"$out/fresh.sh"
	echo "== $name ($(du -h "$col" | cut -f1))"
	hyperfine -N --warmup 1 --runs "$runs" --style basic --prepare "bash $out/fresh.sh" \
		-n pmgen "$pmgen" -n openapi-route "bash -c '$route'" -n floorproc "$floor"
	for cmd in pmgen route floor; do
		bash "$out/fresh.sh"
		rss=$( { /usr/bin/time -f %M bash -c "${!cmd} >/dev/null 2>&1"; } 2>&1 | tail -1)
		echo "peak RSS $cmd: $((rss / 1024)) MiB"
	done
done
