#!/bin/sh
# hugedoc.sh: one 100 MB document (a dump fed in by mistake) through the n-gram and keyword
# pipelines: wall seconds and peak memory, for two shapes of random words made here with a
# fixed seed: drawn from a vocabulary of 300,000, and nearly all distinct (about 14 million),
# which is the worst case for the per-document tables. Prints figures; never fails on speed.
# Usage: bench/hugedoc.sh [JOBS]
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
