# missing.sh: a stage whose input field a document lacks passes it on as it is, and says so
# once at the end, with the count and the stage to put before it; with the state folder, a
# document taken from a cache counts the same. A whole pipeline says nothing of the kind.
. "$(dirname "$0")/lib.sh"
S="$SRCDIR/samples"
# expect_missing GRAPH MESSAGE: the run succeeds and warns MESSAGE once.
expect_missing() {
    expect_status 0 "$QUARRY" run -q -e "$1" "$S"/*.txt -o "$T/o"
    expect_in "$T/err" "$2"
    [ "$(grep -c 'documents have no' "$T/err")" -eq 1 ] || fail "$1: not one warning: $(cat "$T/err")"
}
expect_missing 'read ! clean field=body ! write' \
    "clean: warning: 5 of 5 documents have no 'body' field: they pass through uncleaned"
expect_missing 'read ! tokenize field=body,lead ! write' \
    "tokenize: warning: 5 of 5 documents have no 'body' or 'lead' field: they pass through without tokens"
expect_missing 'read ! stem ! write' \
    "stem: warning: 5 of 5 documents have no 'tokens' list: they pass through unstemmed (put tokenize before stem)"
expect_missing 'read ! ngrams ! write' \
    "ngrams: warning: 5 of 5 documents have no 'tokens' list: they have no n-grams (put tokenize before ngrams)"
expect_missing 'read ! keywords ! write' \
    "keywords: warning: 5 of 5 documents have no 'stems' or 'tokens' list: they have no keyphrases"
expect_missing "read ! topics lexicon=$SRCDIR/pipelines/news.topics ! write" \
    "topics: warning: 5 of 5 documents have no 'stems' or 'tokens' list: they have no topics"
expect_missing 'read ! topics method=lda min-df=1 max-df=1 iterations=5 ! write' \
    "topics: warning: 5 of 5 documents have no 'stems' or 'tokens' list: they have no topics"
# Documents without the field among others: only they are counted.
mkdir -p "$T/mixed"
printf '{"id":"a","text":"Oil prices rose."}\n{"id":"b","text":"Banks","body":"Rates fell."}\n' >"$T/mixed/m.jsonl"
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize field=body ! write' "$T/mixed" -o "$T/o"
expect_in "$T/err" "tokenize: warning: 1 of 2 documents have no 'body' field"
expect_in "$T/o/documents.jsonl" '"id":"b","text":"Banks","body":"Rates fell.","tokens":["rates","fell"'
# The state folder: clean and tokenize count documents taken from their caches as well.
for run in 1 2; do
    expect_status 0 "$QUARRY" run -e 'read ! clean field=body ! tokenize field=body ! write' \
        --state "$T/state" "$S"/*.txt -o "$T/s$run"
    expect_in "$T/err" "clean: warning: 5 of 5 documents have no 'body' field"
    expect_in "$T/err" "tokenize: warning: 5 of 5 documents have no 'body' field"
done
expect_in "$T/err" "documents taken from the state folder's caches: clean 5 of 5, tokenize 5 of 5"
# The whole pipeline: no such warning.
expect_status 0 "$QUARRY" run "$SRCDIR/pipelines/news.pipeline" -o "$T/news"
expect_not_in "$T/err" "documents have no"
finish
