# ngrams.sh: the ngrams stage through quarry run on the seed articles: per-document n-grams (or
# none, per-document = false), the corpus tables, a collocation a reader expects, the same bytes
# on any thread count, and a warning (not silence) when max-terms or max-doc-terms prunes;
# top = N is the head of the whole table; no n-gram across a comma.
. "$(dirname "$0")/lib.sh"
pipe='read ! clean ! tokenize ! ngrams min-count=3 ! write'
expect_jobs_alike "$T/o" "documents.jsonl ngrams.tsv collocations.tsv" -e "$pipe" "$SRCDIR/samples/*.txt"
expect_in "$T/o1/ngrams.tsv" "ngram	n	count	df"
expect_in "$T/o1/collocations.tsv" "ngram	n	count	df	pmi	npmi	llr	t"
expect_in "$T/o1/collocations.tsv" "critical information infrastructure	3	"
expect_in "$T/o1/documents.jsonl" '["cyber security",'
# The tables as JSON Lines too: the same rows, an object each, with every score.
expect_status 0 "$QUARRY" run -e 'read ! clean ! tokenize ! ngrams min-count=3 ! write table-format=both' \
    "$SRCDIR/samples/*.txt" -o "$T/both"
cmp -s "$T/o1/collocations.tsv" "$T/both/collocations.tsv" || fail "collocations.tsv changed with table-format=both"
[ "$(wc -l <"$T/both/collocations.jsonl")" -eq $(($(wc -l <"$T/both/collocations.tsv") - 1)) ] ||
    fail "collocations.jsonl and collocations.tsv hold different numbers of rows"
expect_in "$T/both/collocations.jsonl" '{"ngram":"critical information infrastructure","n":3,"count":'
expect_in "$T/both/collocations.jsonl" '"npmi":'
# per-document = false: the same tables, and no n-gram list in the documents.
expect_status 0 "$QUARRY" run -e 'read ! clean ! tokenize ! ngrams min-count=3 per-document=false ! write' \
    "$SRCDIR/samples/*.txt" -o "$T/tables"
for f in ngrams.tsv collocations.tsv; do
    cmp -s "$T/o1/$f" "$T/tables/$f" || fail "$f changed with per-document=false"
done
expect_not_in "$T/tables/documents.jsonl" '"ngrams":'
# No n-gram of the tables starts or ends with a stop word by default.
for f in ngrams.tsv collocations.tsv; do
    awk -F '\t' 'NR > 1 && ($1 ~ /^(the|of|and|a|in|to) / || $1 ~ / (the|of|and|a|in|to)$/) { exit 1 }' \
        "$T/o1/$f" || fail "$f has an n-gram with a stop word at an edge"
done
# top = 5 writes the best 5 rows of the whole table, in the same order.
expect_status 0 "$QUARRY" run -e 'read ! clean ! tokenize ! ngrams min-count=2 top=0 ! write' \
    "$SRCDIR/samples/*.txt" -o "$T/all"
expect_status 0 "$QUARRY" run -e 'read ! clean ! tokenize ! ngrams min-count=2 top=5 ! write' \
    "$SRCDIR/samples/*.txt" -o "$T/top"
[ "$(wc -l <"$T/all/collocations.tsv")" -gt 20 ] || fail "too few collocations to test top = 5"
head -n 6 "$T/all/collocations.tsv" | cmp -s - "$T/top/collocations.tsv" ||
    fail "top=5 is not the first 5 rows of top=0"
# Pruning is reported on stderr, and the run still succeeds.
expect_status 0 "$QUARRY" run -e 'read ! clean ! tokenize ! ngrams max-terms=1000 ! write' \
    "$SRCDIR/samples/*.txt" -o "$T/o3"
expect_in "$T/err" "max-terms (1000) reached"
# One document with 12,000 distinct n-grams, above max-doc-terms: its rarest are pruned, with a
# warning naming it, and its frequent ones keep their whole count.
mkdir "$T/one"
wide_document "$T/one/big.txt"
expect_status 0 "$QUARRY" run -e 'read ! tokenize ! ngrams max-doc-terms=1000 ! write' "$T/one" -o "$T/o5"
expect_in "$T/err" "document 'big': max-doc-terms (1000) reached"
expect_in "$T/o5/documents.jsonl" '["cyber security",50]'
expect_status 64 "$QUARRY" run -e 'read ! ngrams min=3 max=2 ! write' "$SRCDIR/samples/*.txt" -o "$T/o4"
expect_in "$T/err" "min (3) is more than max (2)"
# No n-gram runs across a comma (within = clauses, the default); within = sentences lets it.
mkdir "$T/firm"
printf 'Merrill Lynch, Pierce bought shares. Merrill Lynch, Pierce sold them.\n' >"$T/firm/a.txt"
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! ngrams ! write' "$T/firm" -o "$T/o7"
expect_in "$T/o7/ngrams.tsv" "merrill lynch	2	2	1"
expect_not_in "$T/o7/ngrams.tsv" "lynch pierce"
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! ngrams within=sentences ! write' "$T/firm" -o "$T/o8"
expect_in "$T/o8/ngrams.tsv" "lynch pierce	2	2	1"
# Tokens of their own without a 'stop' list: 'the' begins n-grams, and the run says so once;
# with stop-edges = true the list does not matter, and nothing is said.
expect_stop_warning ngrams n-grams 'read ! ngrams min-count=1 ! write' "$T/o9"
expect_in "$T/o9/documents.jsonl" '["the cat",1]'
expect_in "$T/o9/documents.jsonl" '"stop":[1,0],"ngrams":[["dog",1]]'
expect_status 0 "$QUARRY" run -e 'read ! ngrams stop-edges=true ! write' "$T/own.jsonl" -o "$T/o10"
expect_not_in "$T/err" "'stop' list"
finish
