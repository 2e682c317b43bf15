#!/bin/sh
# snowball-check.sh: every Snowball test vocabulary through quarry (tokenize split=lines
# ! stem), compared word for word with Snowball's expected output. Prints each language's
# agreement; exits 1 unless every language agrees 100%.
# Usage: bench/snowball-check.sh [EVAL_DIR]      (default ../shared/eval/snowball)
set -eu
cd "$(dirname "$0")/.."
eval_dir=${1:-../shared/eval/snowball}
[ -d "$eval_dir" ] || { echo "no Snowball vocabularies at $eval_dir" >&2; exit 66; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad=0
for dir in "$eval_dir"/*/; do
    lang=$(basename "$dir")
    [ -f "$dir/voc.txt.gz" ] || continue
    zcat "$dir/voc.txt.gz" >"$tmp/$lang.txt"
    zcat "$dir/output.txt.gz" >"$tmp/$lang.want"
    ./quarry run -q -e "read ! tokenize split=lines lowercase=false language=none ! stem language=$lang table=false ! write fields=stems" \
        "$tmp/$lang.txt" -o "$tmp/$lang.out"
    # One document: its stems list, one a line.
    /usr/bin/python3 -c 'import json, sys
for s in json.loads(open(sys.argv[1], encoding="utf-8").readline())["stems"]: print(s)' \
        "$tmp/$lang.out/documents.jsonl" >"$tmp/$lang.got"
    total=$(wc -l <"$tmp/$lang.want")
    same=$(paste -d '\t' "$tmp/$lang.got" "$tmp/$lang.want" | awk -F '\t' '$1 == $2' | wc -l)
    printf '%-12s %6d / %6d\n' "$lang" "$same" "$total"
    [ "$same" -eq "$total" ] || bad=1
done
[ "$bad" -eq 0 ] && echo "every language: 100%" || echo "some languages disagree"
exit "$bad"
