# fields.sh: which document fields the stages after a stage may read (quarry_field_needed), through
# quarry run: the fields write's 'fields' name, those a stage says it reads (quarry_reads_field),
# any field after a stage that says nothing, on every branch; whole for a kept stream and a
# cached stage. And ngrams, which leaves out its lists when nobody reads them, saying so.
. "$(dirname "$0")/lib.sh"
mkdir -p "$T/in"
for i in 1 2 3; do printf 'text number %d\n' $i >"$T/in/d$i.txt"; done
P="--plugin-path $FIXTURES"
# needed RUN GRAPH EXPECTED: runs GRAPH (its needs stage writes 'needed'), and checks that every
# document holds needed EXPECTED.
needed() {
    expect_status 0 "$QUARRY" run -q $P -e "$2" "$T/in" -o "$T/$1" ${4:-}
    [ "$(grep -c "\"needed\":$3" "$T/$1/documents.jsonl")" -eq 3 ] ||
        fail "$1: 'needed' is not $3 in every document: $(head -n 1 "$T/$1/documents.jsonl")"
}
needed listed 'read ! needs field=x ! write fields=id,needed,x' 1
needed unlisted 'read ! needs field=x ! write fields=id,needed' 0
needed all 'read ! needs field=x ! write' 1
# A stage between passes on what it does not read: it counts only if it reads the field, or says
# nothing of what it reads.
needed passed 'read ! needs field=x ! probe tag=b reads=y ! write fields=id,needed' 0
needed read 'read ! needs field=x ! probe tag=b reads=x ! write fields=id,needed' 1
needed silent 'read ! needs field=x ! probe tag=b ! write fields=id,needed' 1
# Every branch counts: the second write wants x.
needed branch 'read ! p:needs field=x ! write fields=id,needed  p. ! write path=two.jsonl fields=id,x' 1
needed branches 'read ! p:needs field=x ! write fields=id,needed  p. ! write path=two.jsonl fields=id' 0
# A kept stream holds a stage's output whole, and so does its per-document cache, which a later
# run with other stages after it may take.
needed kept 'read ! needs field=x ! write fields=id,needed' 1 "--keep-intermediate $T/streams"
needed cached 'read ! needs field=x ! write fields=id,needed' 1 "--state $T/state"
# Outside a run, every field is needed.
printf '{"id":"d","text":"a b"}\n' | "$QUARRY" test-stage $P needs field=x >"$T/one.jsonl" 2>"$T/err" ||
    fail "test-stage failed: $(cat "$T/err")"
expect_in "$T/one.jsonl" '"needed":1'

# ngrams: its lists are left out when no later stage reads them (keywords reads none, and write
# writes none), with a line that says so; the tables and keyphrases are the same bytes as with
# per-document = true, and the stream it passes on is smaller.
kw='read ! clean ! tokenize ! stem ! ngrams min-count=3 NG ! keywords ! write fields=id,keywords'
expect_status 0 "$QUARRY" run --stats -e "$(echo "$kw" | sed 's/ NG//')" "$SRCDIR/samples/*.txt" -o "$T/left"
expect_in "$T/err" "ngrams: no later stage reads field 'ngrams': the documents' n-grams are left out"
left=$(awk '$1 == "ngrams" { print $7 }' "$T/err")
expect_status 0 "$QUARRY" run --stats -e "$(echo "$kw" | sed 's/ NG/ per-document=true/')" \
    "$SRCDIR/samples/*.txt" -o "$T/whole"
expect_not_in "$T/err" "left out"
whole=$(awk '$1 == "ngrams" { print $7 }' "$T/err")
awk -v l="$left" -v w="$whole" 'BEGIN { exit !(l > 0 && l < w) }' ||
    fail "ngrams put out $left MB without its lists, $whole MB with them"
for f in documents.jsonl ngrams.tsv collocations.tsv keywords.tsv; do
    cmp -s "$T/left/$f" "$T/whole/$f" || fail "$f changed when ngrams left its lists out"
done
# Written, the lists are there, and nothing is said.
expect_status 0 "$QUARRY" run -e "$(echo "$kw" | sed 's/ NG//; s/fields=id,keywords/fields=id,ngrams,keywords/')" \
    "$SRCDIR/samples/*.txt" -o "$T/written"
expect_not_in "$T/err" "left out"
expect_in "$T/written/documents.jsonl" '["cyber security",'
finish
