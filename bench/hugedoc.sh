#!/bin/sh
# hugedoc.sh: one 100 MB document (a dump fed in by mistake) through the n-gram and keyword
# pipelines: wall seconds and peak memory, for two shapes of random words made here with a
# fixed seed: drawn from a vocabulary of 300,000, and nearly all distinct (about 14 million),
# which is the worst case for the per-document tables. Then a document whose JSON line passes
# 2 GiB, written to a .jsonl.gz: too big to check in make check (5 GB of memory), so checked
# here, and this script fails (exit 1) if the file does not hold the whole line. Prints figures;
# never fails on speed. Usage: bench/hugedoc.sh [JOBS]
set -eu
cd "$(dirname "$0")/.."
jobs=${1:-2}
. bench/lib.sh
bench_start .
for shape in vocabulary distinct; do
    mkdir -p "$tmp/$shape"
    /usr/bin/python3 - "$shape" "$tmp/$shape/big.txt" <<'EOF'
import random, sys
shape, path = sys.argv[1], sys.argv[2]
rng = random.Random(1)
letters = "abcdefghijklmnopqrstuvwxyz"
def word():
    return "".join(rng.choice(letters) for _ in range(rng.randint(3, 9)))
vocabulary = [word() for _ in range(300000)] if shape == "vocabulary" else None
size = 0
with open(path, "w") as out:
    while size < 100_000_000:
        n = rng.randint(8, 20)
        words = rng.choices(vocabulary, k=n) if vocabulary else [word() for _ in range(n)]
        sentence = " ".join(words).capitalize() + ". "
        out.write(sentence)
        size += len(sentence)
EOF
    for pipeline in 'read ! clean ! tokenize ! stem ! ngrams ! write fields=id' \
        'read ! clean ! tokenize ! stem ! ngrams ! keywords ! write fields=id,keywords'; do
        bench_time run ./quarry run -q -j "$jobs" -e "$pipeline" "$tmp/$shape" -o "$tmp/o"
        awk -v s="$secs" -v kb="$kb" -v shape="$shape" -v p="$pipeline" \
            'BEGIN{printf "%-10s %6.1f s %7.2f GB peak  %s\n", shape, s, kb / 1048576, p}'
        rm -rf "$tmp/o"
    done
    rm -rf "${tmp:?}/$shape"
done
# 950 MB of backslashes (escaped as two bytes) and control characters (six: "\u0001", under the
# 10% that would make the file binary): a 2,242,000,027-byte line ({"id":"escaped","text":"..."}), which zlib's gzwrite cannot
# take in one call (it fails past INT_MAX bytes).
/usr/bin/python3 -c '
import sys
sys.stdout.buffer.write((b"\\" * 91 + b"\x01" * 9) * 9500000)' >"$tmp/escaped.txt"
bench_time gzip ./quarry run -q -e 'read max-bytes=1000000000 ! write path=doc.jsonl.gz gzip-level=1' \
    "$tmp/escaped.txt" -o "$tmp/o"
rm -f "$tmp/escaped.txt"
bytes=$(zcat "$tmp/o/doc.jsonl.gz" | wc -c)
awk -v s="$secs" -v kb="$kb" -v b="$bytes" \
    'BEGIN{printf "a %.2f GB JSON line to .jsonl.gz: %6.1f s %7.2f GB peak\n", b / 1e9, s, kb / 1048576}'
[ "$bytes" -eq 2242000027 ] || { echo "FAILED: doc.jsonl.gz holds $bytes bytes, not 2242000027" >&2; exit 1; }
