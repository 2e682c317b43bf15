#!/bin/sh
# keywords-ceiling.sh: how far weighting features of single words can go on the kpcrowd stories:
# a gradient-boosted classifier over twenty features of each word (bench/keywords_ceiling.py),
# trained on one half and scored on the other, beside the keywords stage's default at
# max-words = 1, with ../shared/tools/score-keyphrase's matching. Needs python3-sklearn and
# python3-stemmer. Prints figures; never fails on quality.
# Usage: bench/keywords-ceiling.sh [SHARED_DIR]
set -eu
cd "$(dirname "$0")/.."
shared=${1:-../shared}
. bench/lib.sh
bench_start "$shared/eval/keyphrase/kpcrowd-dev/docs"
# The same tokens and stems as the keywords stage sees; Reuters for a background frequency.
./quarry run -q -j2 -e 'read ! clean ! tokenize ! stem ! write fields=id,stems,stop,surface,sentences' \
    "$shared/eval/keyphrase/kpcrowd-dev/docs" -o "$tmp/kp"
./quarry run -q -j2 -e 'read ! clean ! tokenize ! stem ! write fields=stems,stop' \
    "$shared/corpora/reuters21578.jsonl.gz" -o "$tmp/bg"
./quarry run -q -j2 -e 'read ! clean ! tokenize ! stem ! keywords max-words=1 ! write fields=id,keywords' \
    "$shared/eval/keyphrase/kpcrowd-dev/docs" -o "$tmp/one"
/usr/bin/python3 bench/keywords_ceiling.py "$tmp/kp/documents.jsonl" "$tmp/bg/documents.jsonl" \
    "$tmp/one/documents.jsonl" "$shared/eval/keyphrase/kpcrowd-dev/keys"
