#!/bin/sh
# tokenize.sh: tokenize and tokenize ! stem on the Reuters corpus (stage CPU from --stats, one
# worker, and wall time on 1 and 2 workers) beside the floor measured in the same run: a bare
# ASCII split plus Snowball English (bench/floor.c). Prints figures; never fails on speed.
# Usage: bench/tokenize.sh [CORPUS.jsonl.gz]
set -eu
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/reuters21578.jsonl.gz}
. bench/lib.sh
bench_start "$corpus"
zcat "$corpus" >"$tmp/corpus.jsonl"
# The texts alone, for the floor: what quarry's tokenize reads.
./quarry run -q -e 'read ! write path=texts.tsv fields=text' "$tmp/corpus.jsonl" -o "$tmp/t"
mb=$(wc -c <"$tmp/t/texts.tsv" | awk '{printf "%.2f", $1 / 1e6}')
echo "corpus: $corpus, $mb MB of text"

stage_cpu() { # CPU of stage $1 in pipeline $2
    ./quarry run -q -j1 --stats -e "$2" "$tmp/corpus.jsonl" -o "$tmp/o" 2>&1 | awk -v s="$1" '$1 == s {print $NF}'
}
wall() {
    /usr/bin/time -f "%e" -o "$tmp/w" ./quarry run -q "$@" "$tmp/corpus.jsonl" -o "$tmp/o" >/dev/null 2>&1
    cat "$tmp/w"
}
floor=$(bench_floor "$tmp/t/texts.tsv")
tok=$(bench_least 5 stage_cpu tokenize 'read ! tokenize ! write')
stem=$(bench_least 5 stage_cpu stem 'read ! tokenize ! stem ! write')
awk -v f="$floor" -v t="$tok" -v s="$stem" -v mb="$mb" 'BEGIN{
    printf "floor (ASCII split + Snowball English): %.2f CPU s, %.1f MB/s\n", f, mb / f
    printf "tokenize alone:                        %.2f CPU s, %.1f MB/s\n", t, mb / t
    printf "tokenize + stem (one core each):       %.2f CPU s, %.1f MB/s = %.0f%% of the floor\n", t + s, mb / (t + s), 100 * f / (t + s) }'
for j in 1 2; do
    w=$(bench_least 5 wall -j$j -e 'read ! tokenize ! stem ! write')
    awk -v w="$w" -v mb="$mb" -v j="$j" 'BEGIN{printf "read ! tokenize ! stem ! write, --jobs %d: %.2f s wall, %.1f MB/s\n", j, w, mb / w}'
done
