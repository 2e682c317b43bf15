#!/bin/sh
# keywords-eval.sh: F1@5 and F1@10 of the keywords stage on the kpcrowd news stories, through
# the real pipeline (read ! clean ! tokenize ! stem ! keywords), for each method and phrase
# length, on all 246 stories and on each half (by file name, alternately), with
# ../shared/tools/score-keyphrase; then what the keys' spelling costs (bench/keywords_joined.py).
# Prints figures; never fails on quality.
# Usage: bench/keywords-eval.sh [SHARED_DIR]
set -eu
cd "$(dirname "$0")/.."
shared=${1:-../shared}
docs=$shared/eval/keyphrase/kpcrowd-dev/docs
keys=$shared/eval/keyphrase/kpcrowd-dev/keys
[ -d "$docs" ] || { echo "no stories at $docs" >&2; exit 66; }
[ -x ./quarry ] || { echo "build first: ./bootstrap" >&2; exit 69; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/a" "$tmp/b"
i=0
for k in $(ls "$keys" | sort); do
    if [ $((i % 2)) -eq 0 ]; then cp "$keys/$k" "$tmp/a/"; else cp "$keys/$k" "$tmp/b/"; fi
    i=$((i + 1))
done
score() { /usr/bin/python3 "$shared/tools/score-keyphrase" "$@" | awk '{print $1, $2, $3, $4}'; }
printf '%-9s %-9s  %-26s %-26s %s\n' method max-words "all 246" "half A" "half B"
for m in tfidf yake rake combined; do
    for w in 1 3; do
        ./quarry run -q -j2 -e "read ! clean ! tokenize ! stem ! keywords method=$m max-words=$w ! write fields=id,keywords" \
            "$docs" -o "$tmp/o"
        printf '%-9s %-9s  %-26s %-26s %s\n' $m $w "$(score "$tmp/o/documents.jsonl")" \
            "$(score "$tmp/o/documents.jsonl" "$tmp/a")" "$(score "$tmp/o/documents.jsonl" "$tmp/b")"
    done
done
# The default, with a name's words shown alone beside it ("Katy", "Perry", "Katy Perry").
./quarry run -q -j2 -e "read ! clean ! tokenize ! stem ! keywords merge-names=false ! write fields=id,keywords" \
    "$docs" -o "$tmp/o"
printf '%-19s  %-26s %-26s %s\n' "combined, unmerged" "$(score "$tmp/o/documents.jsonl")" \
    "$(score "$tmp/o/documents.jsonl" "$tmp/a")" "$(score "$tmp/o/documents.jsonl" "$tmp/b")"
# The default, weighed against the main job's background of Reuters document frequencies.
./quarry run -q -j2 -e "read ! clean ! tokenize ! stem ! keywords background=pipelines/reuters-background.model ! write fields=id,keywords" \
    "$docs" -o "$tmp/o"
printf '%-19s  %-26s %-26s %s\n' "combined+background" "$(score "$tmp/o/documents.jsonl")" \
    "$(score "$tmp/o/documents.jsonl" "$tmp/a")" "$(score "$tmp/o/documents.jsonl" "$tmp/b")"
echo "(scikit-learn TF-IDF over 1-3-grams: F1@10 0.147; YAKE's published figure: 0.173)"
# The keys were stored with inner punctuation removed ("FDAapproved"): what that costs the default.
./quarry run -q -j2 -e "read ! clean ! tokenize ! stem ! keywords ! write fields=id,keywords" "$docs" -o "$tmp/o"
/usr/bin/python3 bench/keywords_joined.py "$tmp/o/documents.jsonl" "$keys"
