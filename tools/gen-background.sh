#!/bin/sh
# gen-background.sh: writes the background document frequencies that the main job's keywords stage
# weighs a small corpus against (pipelines/reuters-background.model, `background =`): each stem
# phrase in 10 or more of the 19,043 Reuters-21578 newswire stories, made by the main job's
# stages and settings, as a keywords model without its casings and counts of set phrases, which
# describe a corpus's own writing. Rarer phrases are left out: at the default background-weight
# (100 documents) one in 9 stories would count as 0.05 of a document, far under TF-IDF's
# smoothing of 1. Generated once and committed: running quarry needs neither the corpus nor this
# script. Rerun it when the keywords stage changes how it makes phrases.
# usage: tools/gen-background.sh [CORPUS.jsonl.gz] > pipelines/reuters-background.model
set -eu
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/reuters21578.jsonl.gz}
[ -x ./quarry ] || { echo "build first: ./bootstrap" >&2; exit 69; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./quarry run -q -j 2 -e 'read ! clean normalize=nfc ! tokenize language=english ! stem language=english !
    keywords table=0 save-model=background.model ! write fields=id' "$corpus" -o "$tmp"
awk -F'\t' 'NR <= 4 { print; next } $0 == "casings" { print "end"; exit } $2 >= 10' "$tmp/background.model"
