# snowball.sh: a sample of every Snowball test vocabulary through quarry (tokenize split=lines
# ! stem) gives Snowball's expected stems, word for word (bench/snowball-check.sh runs the
# full lists).
. "$(dirname "$0")/lib.sh"
F="$SRCDIR/tests/fixtures/snowball"
n=0
for voc in "$F"/*.voc; do
    lang=$(basename "$voc" .voc)
    expect_status 0 "$QUARRY" run -q -e "read ! tokenize split=lines lowercase=false language=none ! stem language=$lang table=false ! write path=stems.tsv fields=stems format=tsv" \
        "$voc" -o "$T/$lang"
    # The expected stems as the JSON list write puts in the TSV cell.
    want=$(awk 'BEGIN{printf "["} {gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); printf "%s\"%s\"", (NR > 1 ? "," : ""), $0} END{print "]"}' "$F/$lang.out")
    got=$(tail -n 1 "$T/$lang/stems.tsv" | sed 's/\\\\/\\/g')
    [ "$got" = "$want" ] || fail "$lang: stems differ from Snowball's"
    n=$((n + 1))
done
[ "$n" -ge 27 ] || fail "only $n languages in the fixture"
finish
