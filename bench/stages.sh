#!/bin/sh
# stages.sh: each stage of the keyword pipeline alone, run again from the stream the stage before
# it emitted (kept with --keep-intermediate; read reads a kept stream back): wall seconds, its
# share of MB/s and records/s of the corpus's text, peak memory. Reading the kept stream back and
# writing ids is timed too ("read-back"), and each stage's own time is its run's less that one.
# Prints figures; never fails on speed. Usage: bench/stages.sh [CORPUS.jsonl.gz] [JOBS] [RUNS]
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_keywords_start "$@"
# The pipeline of bench/keywords.sh, its edges kept unpacked (level 0), as they pass in memory.
./quarry run -q -j "$jobs" -c 0 -e "$pipeline" "$corpus" -o "$tmp/o" --keep-intermediate "$tmp/k"
docs=$(zcat "$corpus" | wc -l)
echo "corpus: $corpus, $docs documents, $mb MB of text; $jobs jobs; the fastest of $runs runs each"
line() { # NAME INPUT WALL OWN PEAK_KB: one row of the table
    awk -v n="$1" -v e="$2" -v s="$3" -v own="$4" -v kb="$5" -v mb="$mb" -v d="$docs" 'BEGIN {
        printf "%-9s %-15s %7.2f %7.2f %8.1f %10.0f %8.1f\n", n, e, s, own,
        (own > 0.005 ? mb / own : 0), (own > 0.005 ? d / own : 0), kb / 1024 }'
}
printf '%-9s %-15s %7s %7s %8s %10s %8s\n' stage input "wall s" "own s" "MB/s" records/s "peak MB"
bench_best "$runs" read ./quarry run -q -j "$jobs" -e 'read ! write fields=id' "$corpus" -o "$tmp/r"
line read "the corpus" "$secs" "$secs" "$kb"
# row NAME STAGE EDGE: STAGE alone from kept edge EDGE; its own time is less the read-back.
row() {
    bench_best "$runs" back ./quarry run -q -j "$jobs" -e 'read ! write fields=id' "$tmp/k/$3" -o "$tmp/b"
    back=$secs
    bench_best "$runs" "$1" ./quarry run -q -j "$jobs" -e "read ! $2 ! write fields=id" "$tmp/k/$3" -o "$tmp/s"
    line "$1" "$3" "$secs" "$(awk -v s="$secs" -v b="$back" 'BEGIN { print s - b }')" "$kb"
}
row clean clean 01-read.qz
row tokenize 'tokenize field=text' 02-clean.qz
row stem stem 03-tokenize.qz
# ngrams leaves its per-document lists out here, as in the pipeline (no later stage reads them);
# the kept edge 05-ngrams.qz holds them, as a kept stream is whole, so keywords alone reads more
# than it does in the pipeline.
row ngrams ngrams 04-stem.qz
row keywords keywords 05-ngrams.qz
bench_best "$runs" whole ./quarry run -q -j "$jobs" -e "$pipeline" "$corpus" -o "$tmp/w"
awk -v s="$secs" -v kb="$kb" -v mb="$mb" -v d="$docs" 'BEGIN {
    printf "whole pipeline: %.2f s, %.2f MB/s, %.0f records/s, %.1f MB peak\n", s, mb / s, d / s, kb / 1024 }'
