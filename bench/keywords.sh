#!/bin/sh
# keywords.sh: the whole keyword pipeline (read ! clean ! tokenize ! stem ! ngrams ! keywords !
# write) on the Reuters corpus, beside ../shared/tools/peer-keywords (scikit-learn TF-IDF over
# stemmed 1-3-grams) in the same run: wall seconds, MB/s of text, peak memory, CPU seconds and
# the cores they kept busy, and the ratio; what the pages each touched for the first time cost;
# the same building the documents' n-gram lists, and without the corpus n-gram table (with the
# whole pipeline in turn, 5 runs each); the least any such pipeline does (a bare split-and-stem
# loop) against the peer; then the preparation (read to stem) and the analysis (ngrams and
# keywords) apart; and the most CPU time one thread did alone, which no number of cores can
# shorten.
# The peer, the pipeline and the pipeline building its lists run in turn, RUNS times (3), and
# each one's fastest run counts, as does each other command's; each turn's ratio is printed too.
# Prints figures; never fails on speed. Usage: bench/keywords.sh [CORPUS.jsonl.gz] [JOBS] [RUNS]
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_keywords_start "$@"
echo "corpus: $corpus, $mb MB of text; the fastest of $runs runs each"
# The CPU seconds, and the cores they kept busy on average (CPU over wall time), tell whether a
# run waits on its own stages or on the machine: at 2 jobs on 2 cores, a run under 2 cores
# leaves time that scheduling, not less work, could win.
report() { # NAME: wall seconds, MB/s of text, peak RSS, CPU seconds and cores busy (bench_keep's)
    echo "$faults" >"$tmp/$1.faults"
    awk -v n="$1" -v s="$secs" -v kb="$kb" -v mb="$mb" -v cpu="$cpu" \
        'BEGIN{printf "%-34s %6.2f s  %7.2f MB/s  %7.1f MB peak  %6.2f CPU s  %4.2f cores\n", n, s, mb / s, kb / 1024, cpu, cpu / s}'
}
measure() { # NAME COMMAND...: its fastest of $runs runs, reported
    bench_best "$runs" "$@"
    report "$1"
}
# The peer and quarry run in turn, a run of each at a time, so that each side's fastest run is
# drawn from the same minutes: the load of the shared machine moves over minutes (one day's peer
# took 21.1 s in one bench and 29.4 s in the next, where quarry took 3.05 s and 2.93 s), and two
# blocks of runs minutes apart gave ratios of 6.9 and 10.0. Each turn's own ratio is printed too.
# The pipeline: bench_keywords_start (bench/lib.sh). The documents' n-gram lists are not written
# here (fields=id,keywords), and no later stage reads them: ngrams counts them into its tables
# without building them. quarry-with-lists builds them all the same (per-document=true), as
# ngrams 1.4 did: what leaving them out saves.
with_lists=$(echo "$pipeline" | sed 's/ngrams/ngrams per-document=true/')
for name in peer quarry quarry-with-lists; do bench_forget "$name"; done
ratios='' turn=0
while [ "$turn" -lt "$runs" ]; do
    bench_time peer /usr/bin/python3 ../shared/tools/peer-keywords "$corpus" "$tmp/peer.jsonl"
    peer_secs=$secs
    bench_keep peer
    bench_time quarry ./quarry run -q -j "$jobs" -e "$pipeline" "$corpus" -o "$tmp/o"
    ratios="$ratios $(awk -v p="$peer_secs" -v q="$secs" 'BEGIN{printf "%.1f", p / q}')"
    bench_keep quarry
    bench_time quarry-with-lists ./quarry run -q -j "$jobs" -e "$with_lists" "$corpus" -o "$tmp/t"
    bench_keep quarry-with-lists
    turn=$((turn + 1))
done
for name in peer quarry quarry-with-lists; do
    bench_recall "$name"
    report "$name"
done
awk -v p="$(cat "$tmp/peer.secs")" -v q="$(cat "$tmp/quarry.secs")" -v t="$(cat "$tmp/quarry-with-lists.secs")" -v r="$ratios" \
    'BEGIN{printf "quarry is %.1fx the peer, %.1fx building the lists nobody reads (target: 30x); turn by turn:%s\n", p / q, p / t, r}'
# What fresh memory costs: a page a run touches for the first time is a page fault, which the
# kernel fills with zeros and maps, and a virtual machine may trap besides (bench/touch.c): the
# fastest runs' faults at that price, CPU time spent in the kernel for the memory each touched.
touch_cost=$(bench_touch)
awk -v c="$touch_cost" -v pf="$(cat "$tmp/peer.faults")" -v qf="$(cat "$tmp/quarry.faults")" \
    'BEGIN{split(c, us, " "); printf "fresh memory here: %.2f us a 4 KiB page touched first (%.2f in huge pages); the peer faulted %d pages in (about %.2f CPU s), quarry %d (about %.2f CPU s)\n", us[1], us[2], pf, pf * us[1] / 1e6, qf, qf * us[1] / 1e6}'
# What the corpus n-gram table costs: the same run with a min-count no n-gram reaches, so that
# ngrams writes no row. Its rows (all n-grams seen twice or more) are sorted and emitted by
# ngrams' finish, on one core after the last document, while keywords, whose second pass cannot
# begin before its input ends, waits: the difference is that serial tail. The two run in turn,
# 5 times each, the fastest of each counting: a difference of 10% between runs taken minutes
# apart is the machine's as often as the programs'.
no_table=$(echo "$pipeline" | sed 's/ngrams/ngrams min-count=1000000000/')
with_table='' without_table='' turn=0
while [ "$turn" -lt 5 ]; do
    bench_time with-table ./quarry run -q -j "$jobs" -e "$pipeline" "$corpus" -o "$tmp/o"
    with_table=$(bench_min "$with_table" "$secs")
    bench_time without-table ./quarry run -q -j "$jobs" -e "$no_table" "$corpus" -o "$tmp/t"
    without_table=$(bench_min "$without_table" "$secs")
    turn=$((turn + 1))
done
awk -v p="$(cat "$tmp/peer.secs")" -v q="$with_table" -v t="$without_table" \
    'BEGIN{printf "in turn, 5 runs each: %.2f s with the n-gram table, %.2f s without: it costs %.2f s; without it quarry would be %.1fx the peer\n", q, t, q - t, p / t}'
# What 30x asks, against the least any such pipeline does: split the text into words and stem
# them, with nothing read, cleaned, counted or written (bench/floor.c, one core, CPU seconds).
floor=$(bench_floor "$tmp/texts/texts.tsv")
awk -v p="$(cat "$tmp/peer.secs")" -v f="$floor" -v mb="$mb" \
    'BEGIN{printf "a bare split-and-stem loop alone (bench/floor.c, one core): %.2f s, %.1f MB/s, %.1fx the peer\n", f, mb / f, p / f}'
# Where the time goes: the preparation alone (read to stem, its output not written), and the
# analysis alone (ngrams and keywords), read back from the stems that a run kept (read reads a
# kept stream as its records). The target leaves the analysis what the preparation leaves of it.
prepare='read ! clean ! tokenize field=text ! stem ! write fields=id'
measure quarry-prepare ./quarry run -q -j "$jobs" -e "$prepare" "$corpus" -o "$tmp/p"
./quarry run -q -j "$jobs" -c 0 -e "$prepare" "$corpus" -o "$tmp/p" --keep-intermediate "$tmp/k"
measure quarry-analyse-kept-stems ./quarry run -q -j "$jobs" \
    -e 'read ! ngrams ! keywords ! write fields=id,keywords' "$tmp/k/04-stem.qz" -o "$tmp/a"
awk -v p="$(cat "$tmp/peer.secs")" -v r="$(cat "$tmp/quarry-prepare.secs")" \
    -v a="$(cat "$tmp/quarry-analyse-kept-stems.secs")" \
    'BEGIN{printf "the preparation alone is %.1fx the peer: 30x leaves %.2f s for ngrams and keywords, which take %.2f s from kept stems\n", p / r, p / 30 - r, a}'
rm -rf "$tmp/k"
# The CPU of each stage, and the part of it that one thread did alone ('1-thread s': a stage that
# takes its records one at a time, a first pass, a finish): however many cores a machine has, the
# run takes at least the longest of those.
./quarry run -q -j "$jobs" --stats -e "$pipeline" "$corpus" -o "$tmp/o" 2>"$tmp/stats"
awk 'NR == 1 || $1 ~ /^(ngrams|keywords)$/ {print "  " $0}' "$tmp/stats"
awk -v p="$(cat "$tmp/peer.secs")" 'NR > 1 && $11 > most { most = $11; stage = $1 }
    END { if (most > 0) printf "the most one thread did alone: %.2f s (%s): on any number of cores the run takes that at least, %.1fx the peer at most\n", most, stage, p / most
          else print "the most one thread did alone: under 0.01 s (a corpus this small sets no bound)" }' "$tmp/stats"
