#!/bin/sh
# Usage: bench/profile.sh <manifest> [runs] [top] — bundles bench/profile.ts with esbuild (one file, real
# function names and lines), runs it under --cpu-prof and prints the summary of the timed region.
set -e
cd "$(dirname "$0")/.."
out=${TMPDIR:-/tmp}/kubedrill-prof
rm -rf "$out" && mkdir -p "$out"
npx esbuild bench/profile.ts --bundle --platform=node --log-level=warning --outfile="$out/profile.js"
KUBEDRILL_BENCH_DIR="$PWD/bench" node --cpu-prof --cpu-prof-interval 100 --cpu-prof-dir="$out" "$out/profile.js" "$1" "${2:-300}"
npx tsx bench/profile-summary.ts "$out"/*.cpuprofile "${3:-40}" timedRegion
