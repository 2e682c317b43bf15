#!/bin/sh
# incremental.sh: nightly runs with a state folder on the Reuters corpus through the main job's
# stages: a first run, an unchanged re-run (target: at least 20 times faster), and a re-run after
# one document was edited (clean and tokenize from the cache; corpus stages recomputed), each
# checked byte for byte against a fresh full run. Prints figures; never fails on speed.
# Usage: bench/incremental.sh [CORPUS.jsonl.gz] [JOBS]
set -eu
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/reuters21578.jsonl.gz}
jobs=${2:-2}
. bench/lib.sh
bench_start "$corpus"
mkdir "$tmp/in"
gzip -dc "$corpus" >"$tmp/in/corpus.jsonl"
mb=$(wc -c <"$tmp/in/corpus.jsonl" | awk '{printf "%.2f", $1 / 1e6}')
graph='read ! clean ! tokenize ! stem ! ngrams ! keywords ! topics lexicon=pipelines/news.topics ! write'
echo "corpus: $corpus ($mb MB of JSON Lines), jobs $jobs"
measure() { # NAME: one run with the state folder, wall seconds and peak RSS
    bench_time "$1" ./quarry run -j "$jobs" -e "$graph" "$tmp/in" -o "$tmp/out" --state "$tmp/state"
    awk -v n="$1" -v s="$secs" -v kb="$kb" \
        'BEGIN{printf "%-28s %7.2f s  %7.1f MB peak\n", n, s, kb / 1024}'
}
check_fresh() { # WHAT: the outputs equal those of a full run without a state folder
    rm -rf "$tmp/fresh"
    ./quarry run -q -j "$jobs" -e "$graph" "$tmp/in" -o "$tmp/fresh"
    if diff -r "$tmp/out" "$tmp/fresh" >/dev/null; then
        echo "  $1: byte-identical to a fresh full run"
    else
        echo "  $1: DIFFERS from a fresh full run" >&2
        exit 70
    fi
}
measure first
check_fresh "first run"
measure unchanged
grep -q "its outputs stand" "$tmp/stderr" || { echo "the unchanged re-run recomputed" >&2; exit 70; }
check_fresh "unchanged re-run"
# One story edited: the input changed, so the corpus stages run again over cached tokens.
sed -i '100s/ said / stated /' "$tmp/in/corpus.jsonl"
measure one-edited
grep "taken from the state folder's caches" "$tmp/stderr" | sed 's/^.*quarry: /  /'
check_fresh "one-edited re-run"
awk -v a="$(cat "$tmp/first.secs")" -v b="$(cat "$tmp/unchanged.secs")" -v c="$(cat "$tmp/one-edited.secs")" \
    'BEGIN{printf "unchanged re-run: %.1fx faster than the first run (target: 20x); one edited: %.2fx\n", a / b, a / c}'
du -sh "$tmp/state" | awk '{print "state folder: " $1}'
