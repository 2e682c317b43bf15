#!/bin/sh
# live.sh: the wait between a line written into `quarry run ... -` and its document coming out of
# `write path=-`, for a feed that writes a line at a time (read as its bytes come, doc/stages/
# read.md), through the per-document stages of the news job; beside `sed -u` (a line-buffered
# filter: the floor of any process in a pipe) in the same run. Prints figures; never fails on speed.
# Usage: bench/live.sh [CORPUS.jsonl.gz] [LINES] [PAUSE_MS]
set -eu
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/reuters21578.jsonl.gz}
lines=${2:-200}
pause=${3:-20}
. bench/lib.sh
bench_start "$corpus"
gzip -dc "$corpus" | head -n "$lines" >"$tmp/lines.jsonl"
echo "corpus: $corpus, its first $lines stories written a line at a time, $pause ms apart"
printf '%-8s ' "sed -u"
/usr/bin/python3 bench/live_latency.py "$lines" "$pause" "$tmp/lines.jsonl" sed -u 's/^/x/'
printf '%-8s ' quarry
/usr/bin/python3 bench/live_latency.py "$lines" "$pause" "$tmp/lines.jsonl" ./quarry run -q -j 2 \
    -e 'read ! clean ! tokenize ! stem ! write path=- fields=id,stems' - -o "$tmp/o"
