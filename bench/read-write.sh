#!/bin/sh
# read-write.sh: read -> write throughput on a JSON Lines corpus with the blocks between the
# stages at compression levels 0 (the default), 1 and 6, with peak memory, beside two peers
# measured in the same run: zcat (the floor: just decompressing the input) and a Python
# json.loads/json.dumps round trip; then the same documents as a JSON array, as CSV and as an RSS
# feed, each beside Python reading that format, and written as CSV beside Python's csv.writer.
# Usage: bench/read-write.sh [CORPUS.jsonl.gz] [REPEAT]   (prints figures; never fails on speed)
set -eu
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/reuters21578.jsonl.gz}
repeat=${2:-3}
. bench/lib.sh
bench_start "$corpus"
mb=$(zcat "$corpus" | wc -c | awk '{printf "%.2f", $1 / 1e6}')
docs=$(zcat "$corpus" | wc -l)
echo "corpus: $corpus, $docs documents, $mb MB of JSON Lines; best of $repeat runs"
echo "machine: $(nproc) cores, $(uname -m)"

# best_of CMD...: the fastest wall time (s) and that run's peak RSS (KB) of CMD.
best_of() {
    best=""; rss=""
    i=0
    while [ $i -lt "$repeat" ]; do
        /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>&1
        read -r t m <"$tmp/time"
        if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; rss=$m; fi
        i=$((i + 1))
    done
    echo "$best $rss"
}

report() { # report NAME SECONDS RSS_KB [BASELINE_SECONDS]
    awk -v n="$1" -v s="$2" -v r="$3" -v mb="$mb" -v docs="$docs" -v base="${4:-}" 'BEGIN {
        s = (s < 0.01 ? 0.01 : s)
        line = sprintf("%-28s %7.2f s %8.1f MB/s %9.0f docs/s %8.1f MB peak", n, s, mb / s, docs / s, r / 1024)
        if (base != "") line = line sprintf("   %.2fx the Python peer", base / s)
        print line }'
}

set -- $(best_of sh -c "zcat '$corpus' > '$tmp/plain.jsonl'")
report "zcat (floor)" "$1" "$2"
cat >"$tmp/peer.py" <<'PY'
import gzip, json, sys
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as src, open(sys.argv[2], "w") as dst:
    for line in src:
        dst.write(json.dumps(json.loads(line), ensure_ascii=False) + "\n")
PY
set -- $(best_of /usr/bin/python3 "$tmp/peer.py" "$corpus" "$tmp/peer.jsonl")
peer=$1
report "python json round trip" "$1" "$2"
for level in 0 1 6; do
    set -- $(best_of ./quarry run -q --edge-compression $level -e 'read ! write' "$corpus" -o "$tmp/out")
    report "quarry read!write, level $level" "$1" "$2" "$peer"
done
set -- $(best_of ./quarry run -q -e 'read ! write' "$corpus" -o "$tmp/out" --keep-intermediate "$tmp/keep")
report "  + keeping edges (level 1)" "$1" "$2" "$peer"
set -- $(best_of ./quarry run -q -e 'read ! write' "$tmp/plain.jsonl" -o "$tmp/out")
report "quarry, uncompressed input" "$1" "$2" "$peer"

# The same documents as a JSON array (.json, as exports write it), as a CSV table (.csv) and as an
# RSS feed (.rss), each beside Python reading that format (json.load; csv.DictReader;
# xml.etree.ElementTree, the standard library's parser, in C) and writing JSON Lines. MB/s is
# of the JSON Lines' size, for one yardstick; documents/s is exact.
cat >"$tmp/convert.py" <<'PY'
import csv, json, sys
from xml.sax.saxutils import escape
docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
with open(sys.argv[4], "w", encoding="utf-8") as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Reuters</title>\n')
    for d in docs:
        out.write("<item><guid>%s</guid><title>%s</title><description>%s</description></item>\n"
                  % (escape(d["id"]), escape(d.get("title", "")), escape(d["text"])))
    out.write("</channel></rss>\n")
json.dump(docs, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
with open(sys.argv[3], "w", encoding="utf-8", newline="") as out:
    table = csv.writer(out)
    table.writerow(["id", "text"])
    table.writerows([d["id"], d["text"]] for d in docs)
PY
/usr/bin/python3 "$tmp/convert.py" "$tmp/plain.jsonl" "$tmp/corpus.json" "$tmp/corpus.csv" "$tmp/corpus.rss"
cat >"$tmp/peer-formats.py" <<'PY'
import csv, json, sys
import xml.etree.ElementTree as ET
if sys.argv[1].endswith(".json"):
    docs = json.load(open(sys.argv[1], encoding="utf-8"))
elif sys.argv[1].endswith(".rss"):
    docs = ({"id": i.findtext("guid"), "title": i.findtext("title"), "text": i.findtext("description")}
            for i in ET.parse(sys.argv[1]).getroot().iter("item"))
else:
    csv.field_size_limit(sys.maxsize)
    docs = csv.DictReader(open(sys.argv[1], encoding="utf-8", newline=""))
with open(sys.argv[2], "w", encoding="utf-8") as dst:
    for d in docs:
        dst.write(json.dumps(d, ensure_ascii=False) + "\n")
PY
for format in json csv rss; do
    set -- $(best_of /usr/bin/python3 "$tmp/peer-formats.py" "$tmp/corpus.$format" "$tmp/peer.jsonl")
    fpeer=$1
    report "python, .$format" "$1" "$2"
    set -- $(best_of ./quarry run -q -e 'read ! write' "$tmp/corpus.$format" -o "$tmp/out")
    report "quarry read!write, .$format" "$1" "$2" "$fpeer"
done

# Writing CSV (write path=X.csv): JSON Lines in, a CSV table of id and text out, beside Python's
# json.loads and csv.writer doing the same.
cat >"$tmp/peer-csv.py" <<'PY'
import csv, json, sys
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8", newline="") as dst:
    table = csv.writer(dst)
    table.writerow(["id", "text"])
    for line in src:
        d = json.loads(line)
        table.writerow([d["id"], d["text"]])
PY
set -- $(best_of /usr/bin/python3 "$tmp/peer-csv.py" "$tmp/plain.jsonl" "$tmp/peer.csv")
fpeer=$1
report "python, writing .csv" "$1" "$2"
set -- $(best_of ./quarry run -q -e 'read ! write path=out.csv fields=id,text' "$tmp/plain.jsonl" -o "$tmp/out")
report "quarry read!write, to .csv" "$1" "$2" "$fpeer"
cmp -s "$tmp/peer.csv" "$tmp/out/out.csv" || echo "  (the two CSV files differ)"

# Memory stays flat as the corpus grows: the same corpus four times over.
mkdir "$tmp/x4"
for i in 1 2 3 4; do ln -s "$(cd "$(dirname "$corpus")" && pwd)/$(basename "$corpus")" "$tmp/x4/part$i.jsonl.gz"; done
set -- $(best_of ./quarry run -q -e 'read ! write' "$corpus" -o "$tmp/out")
one=$2
set -- $(best_of ./quarry run -q -e 'read ! write' "$tmp/x4" -o "$tmp/out")
echo "peak memory, corpus x1: $(awk -v k="$one" 'BEGIN{printf "%.1f", k/1024}') MB; corpus x4: $(awk -v k="$2" 'BEGIN{printf "%.1f", k/1024}') MB ($(wc -l <"$tmp/out/documents.jsonl") documents)"
