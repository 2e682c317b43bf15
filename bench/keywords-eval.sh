#!/bin/sh
# keywords-eval.sh: F1@5 and F1@10 of the keywords stage on the kpcrowd news stories, through
# the real pipeline (read ! clean ! tokenize ! stem ! keywords), for each method and phrase
# length, on all 246 stories and on each half (by file name, alternately), with
# ../shared/tools/score-keyphrase; then what the keys' spelling costs (bench/keywords_joined.py),
# how the default's figure spreads by topic and over random halves (bench/keywords_halves.py),
# and the four halves above (alternate and in order), each run through the pipeline alone.
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
# The stories split two ways by file name, docs and keys: alternately (halves A and B), which
# mixes the topics the names begin with, and in order (the first 123 and the last 123), which
# does not.
for half in a b first last; do mkdir -p "$tmp/$half/docs" "$tmp/$half/keys"; done
total=$(ls "$keys" | wc -l)
i=0
for k in $(ls "$keys" | sort); do
    alternate=a
    [ $((i % 2)) -eq 0 ] || alternate=b
    in_order=first
    [ $((2 * i)) -lt "$total" ] || in_order=last
    for half in $alternate $in_order; do
        cp "$keys/$k" "$tmp/$half/keys/"
        cp "$docs/${k%.key}.txt" "$tmp/$half/docs/"
    done
    i=$((i + 1))
done
score() { /usr/bin/python3 "$shared/tools/score-keyphrase" "$@" | awk '{print $1, $2, $3, $4}'; }
printf '%-9s %-9s  %-26s %-26s %s\n' method max-words "all 246" "half A" "half B"
for m in tfidf yake rake combined; do
    for w in 1 3; do
        ./quarry run -q -j2 -e "read ! clean ! tokenize ! stem ! keywords method=$m max-words=$w ! write fields=id,keywords" \
            "$docs" -o "$tmp/o"
        printf '%-9s %-9s  %-26s %-26s %s\n' $m $w "$(score "$tmp/o/documents.jsonl")" \
            "$(score "$tmp/o/documents.jsonl" "$tmp/a/keys")" "$(score "$tmp/o/documents.jsonl" "$tmp/b/keys")"
    done
done
# The default, with a name's words shown alone beside it ("Katy", "Perry", "Katy Perry").
./quarry run -q -j2 -e "read ! clean ! tokenize ! stem ! keywords merge-names=false ! write fields=id,keywords" \
    "$docs" -o "$tmp/o"
printf '%-19s  %-26s %-26s %s\n' "combined, unmerged" "$(score "$tmp/o/documents.jsonl")" \
    "$(score "$tmp/o/documents.jsonl" "$tmp/a/keys")" "$(score "$tmp/o/documents.jsonl" "$tmp/b/keys")"
# The default, weighed against the main job's background of Reuters document frequencies.
./quarry run -q -j2 -e "read ! clean ! tokenize ! stem ! keywords background=pipelines/reuters-background.model ! write fields=id,keywords" \
    "$docs" -o "$tmp/o"
printf '%-19s  %-26s %-26s %s\n' "combined+background" "$(score "$tmp/o/documents.jsonl")" \
    "$(score "$tmp/o/documents.jsonl" "$tmp/a/keys")" "$(score "$tmp/o/documents.jsonl" "$tmp/b/keys")"
echo "(scikit-learn TF-IDF over 1-3-grams: F1@10 0.147; YAKE's published figure: 0.173)"
# The keys were stored with inner punctuation removed ("FDAapproved"): what that costs the default.
./quarry run -q -j2 -e "read ! clean ! tokenize ! stem ! keywords ! write fields=id,keywords" "$docs" -o "$tmp/o"
/usr/bin/python3 bench/keywords_joined.py "$tmp/o/documents.jsonl" "$keys"
# By topic and over halves drawn at random, the default over all 246 stories: the alternate
# halves above mix the topics, and the crowd's keys fit some topics better.
/usr/bin/python3 bench/keywords_halves.py "$tmp/o/documents.jsonl" "$keys"
# Each half run through the pipeline alone, as a held-out half would be, counting its document
# frequencies from its own stories only, beside the same half's figure in the run of all 246: the
# alternate halves A and B, and the halves in order, the first 123 stories (art_and_culture to
# health) and the last 123 (health to tech). What a run of half as many stories costs is the
# difference; the halves' own figures differ by their topics.
for half in a b first last; do
    ./quarry run -q -j2 -e "read ! clean ! tokenize ! stem ! keywords ! write fields=id,keywords" \
        "$tmp/$half/docs" -o "$tmp/o-$half"
    printf '%-19s  %-26s (in the run of all: %s)\n' "half $half alone" \
        "$(score "$tmp/o-$half/documents.jsonl" "$tmp/$half/keys")" \
        "$(score "$tmp/o/documents.jsonl" "$tmp/$half/keys")"
done
