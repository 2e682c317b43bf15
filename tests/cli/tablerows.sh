# tablerows.sh: a corpus table's row (a record with a '_table' name) is no document: every stage
# passes it on untouched, whatever its columns are called, and counts nothing of it, so that
# the documents' outputs are what they would be without it; write puts it in its table's file.
# Rows after the last document let a two-pass stage begin its second pass early, with the same
# bytes out; a stage that promised only rows and emits a document stops the run. A table that a
# stage says it makes and that gets no row is written with its header alone, so that no earlier
# run's file of it stays beside the documents.
. "$(dirname "$0")/lib.sh"
mkdir -p "$T/in"
doc1='{"id":"d1","text":"Cyber security matters. Cyber security experts met in Tokyo on Monday."}'
doc2='{"id":"d2","text":"Cyber security experts met again in Tokyo &amp; Osaka."}'
# A row whose columns are the stages' input fields: text, tokens, stems, stop, sentences.
row='{"_table":"probe","text":"Some text here &amp; there.","tokens":["some","text"],"stems":["some","text"],"stop":[1,0],"sentences":[0]}'
printf '%s\n%s\n' "$doc1" "$doc2" >"$T/in/docs.jsonl"
printf '%s\n%s\n%s\n' "$doc1" "$row" "$doc2" >"$T/in/rows.jsonl"
all="read ! clean ! tokenize ! stem ! ngrams min-count=1 ! keywords ! topics lexicon=$SRCDIR/pipelines/news.topics"
lda='topics method=lda topics=2 min-df=1 max-df=1 iterations=5'
for graph in "$all ! write table-format=jsonl" "$all ! $lda ! write table-format=jsonl"; do
    expect_status 0 "$QUARRY" run -q -e "$graph" "$T/in/docs.jsonl" -o "$T/docs"
    expect_status 0 "$QUARRY" run -q -e "$graph" "$T/in/rows.jsonl" -o "$T/rows"
    # The row, as it came: no id given it, no field added, none changed.
    [ "$(cat "$T/rows/probe.jsonl")" = "$(echo "$row" | sed 's/"_table":"probe",//')" ] ||
        fail "the row changed on its way: $(cat "$T/rows/probe.jsonl")"
    # Nothing of it counted: the documents and every table are as without it.
    for f in documents.jsonl stems.jsonl ngrams.jsonl collocations.jsonl keywords.jsonl; do
        cmp -s "$T/docs/$f" "$T/rows/$f" || fail "$f differs with the row in the input: $graph"
    done
    [ -s "$T/rows/rejects.jsonl" ] && fail "rejected: $(cat "$T/rows/rejects.jsonl")"
done
# read: a row wants no text, and gets no id, in JSON Lines and in a JSON array alike.
printf '{"_table":"probe","word":"alpha"}\n' >"$T/in/row.jsonl"
printf '[{"_table":"probe","word":"beta"},{"id":"x","text":"Hello."}]' >"$T/in/rows.json"
expect_status 0 "$QUARRY" run -q -e 'read ! write table-format=jsonl' "$T/in/row.jsonl" "$T/in/rows.json" -o "$T/read"
[ "$(cat "$T/read/probe.jsonl")" = "$(printf '{"word":"alpha"}\n{"word":"beta"}')" ] ||
    fail "read's rows: $(cat "$T/read/probe.jsonl")"
expect_in "$T/read/documents.jsonl" '{"id":"x","text":"Hello."}'
# A kept stream printed by quarry cat and read back as JSON Lines gives the same outputs: its
# rows are rows again (they had been rejected for lacking a text).
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! stem ! write' "$SRCDIR"/samples/*.txt -o "$T/kept" \
    --keep-intermediate "$T/edges"
"$QUARRY" cat "$T/edges/03-stem.qz" >"$T/in/cat.jsonl" || fail "quarry cat failed"
expect_status 0 "$QUARRY" run -q -e 'read ! write' "$T/in/cat.jsonl" -o "$T/cat"
for f in documents.jsonl stems.tsv; do
    cmp -s "$T/kept/$f" "$T/cat/$f" || fail "$f differs, read back from quarry cat's JSON Lines"
done
# A stage after another whose table has a column named as its input field: keywords' table has
# a 'stems' column, which ngrams field=stems read as a document's (and rejected every row).
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! stem ! keywords ! ngrams field=stems ! write' \
    "$SRCDIR"/samples/*.txt -o "$T/after"
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! stem ! keywords ! write' "$SRCDIR"/samples/*.txt -o "$T/alone"
cmp -s "$T/after/keywords.tsv" "$T/alone/keywords.tsv" || fail "keywords.tsv lost rows to ngrams"
[ -s "$T/after/rejects.jsonl" ] && fail "ngrams rejected keywords' rows: $(head -1 "$T/after/rejects.jsonl")"
# A row of the table a stage makes itself still stops the run (tablerows.h), even with its
# input field: keywords' rows hold 'stems', and a second keywords would mix its own with them.
expect_status 64 "$QUARRY" run -q -e 'read ! tokenize ! stem ! keywords ! keywords ! write' \
    "$SRCDIR"/samples/*.txt -o "$T/twice"
expect_in "$T/err" "its input already holds rows of table 'keywords'"
# Rows that come after the last document (every stage here declares QUARRY_TABLES_LAST): a
# two-pass stage begins its second pass on the documents while the stages before still emit
# their tables, and takes the rows after. The same bytes as a run where it waits for the rows
# (probe, which declares nothing, comes before it), on 1 and 2 threads, blocks of 256 bytes.
printf '[pipeline]\nblock-size = 256\n' >"$T/small.pipeline"
early='read ! clean ! tokenize ! stem ! ngrams min-count=1 ! keywords ! write fields=id,keywords table-format=jsonl'
late=$(echo "$early" | sed 's/! keywords/! probe tag=t ! keywords/')
expect_status 0 "$QUARRY" run -v -j 2 "$T/small.pipeline" -e "$early" "$SRCDIR"/samples/*.txt -o "$T/early"
expect_in "$T/err" "keywords: debug: only table rows follow in its input: its second pass begins"
expect_status 0 "$QUARRY" run -v -j 2 --plugin-path "$FIXTURES" "$T/small.pipeline" -e "$late" "$SRCDIR"/samples/*.txt \
    -o "$T/late"
expect_not_in "$T/err" "only table rows follow"
for f in documents.jsonl keywords.jsonl; do
    cmp -s "$T/early/$f" "$T/late/$f" || fail "$f differs when keywords begins its second pass before the rows end"
done
[ "$(wc -l <"$T/early/ngrams.jsonl")" -eq "$(wc -l <"$T/late/ngrams.jsonl")" ] || fail "ngrams rows lost on the way"
expect_jobs_alike "$T/early-j" "documents.jsonl keywords.jsonl ngrams.jsonl stems.jsonl" "$T/small.pipeline" -q -e "$early" \
    "$SRCDIR"/samples/*.txt
# The core tells a two-pass stage that the documents have ended as soon as the stage before it
# has no more input, before that stage's finish makes its rows (as ngrams' sorting would): the
# second pass begins beside the finish, not after its first row. The fixture's finish waits for
# the twopass after it to process a document, and says whether one did before it gave up (30 s);
# the second pass began without observing the row (corpus_records counts the documents alone).
printf '{"id":"a","text":"x y"}\n{"id":"b","text":"z"}\n' >"$T/in/two.jsonl"
for jobs in 1 2; do
    expect_status 0 "$QUARRY" run -q -j $jobs --plugin-path "$FIXTURES" -e 'read ! twopass wait=true ! twopass ! write table-format=jsonl' \
        "$T/in/two.jsonl" -o "$T/told"
    expect_in "$T/told/summary.jsonl" '"next_began":1'
    expect_in "$T/told/documents.jsonl" '"id":"b","text":"z","corpus_records":2'
done
# A stage that declares it (the fixture twopass) and then emits a document from finish stops the
# run: a stage after it may have begun its second pass, and would never have observed it.
expect_status 70 "$QUARRY" run -q --plugin-path "$FIXTURES" -e 'read ! twopass finish=document ! twopass ! write' \
    "$T/in/two.jsonl" -o "$T/broken"
expect_in "$T/err" "stage 'twopass' failed to finish: it emitted a document (a record without '_table') after the last of its input, where it declares that only table rows follow (QUARRY_TABLES_LAST)"
# A night that gives a table no row (no document with a word; no n-gram up to min-count) writes
# its file with the header alone, the same header as a night with rows: the night before's file
# must not stand as this night's. Each table the stages say they make, in each format.
tables="stems ngrams collocations keywords"
printf '{"id":"e","text":""}\n' >"$T/in/empty.jsonl"
for format in tsv csv jsonl; do
    graph="read ! clean ! tokenize ! stem ! ngrams ! keywords ! write table-format=$format"
    expect_status 0 "$QUARRY" run -q -e "$graph" "$T/in/docs.jsonl" -o "$T/night"
    for t in $tables; do
        [ "$(wc -l <"$T/night/$t.$format")" -gt 1 ] || fail "$t.$format has no rows to begin with"
    done
    expect_status 0 "$QUARRY" run -q -e "$graph" "$T/in/empty.jsonl" -o "$T/night"
    for t in $tables; do
        if [ $format = jsonl ]; then
            [ -f "$T/night/$t.jsonl" ] && [ ! -s "$T/night/$t.jsonl" ] || fail "$t.jsonl is not empty with no row"
        else
            expect_status 0 "$QUARRY" run -q -e "$graph" "$T/in/docs.jsonl" -o "$T/rows-$format"
            head -n 1 "$T/rows-$format/$t.$format" >"$T/header"
            cmp -s "$T/header" "$T/night/$t.$format" || fail "$t.$format with no row is not its header alone"
        fi
    done
done
# Some rows for one table, none for another: min-count out of reach empties the n-gram tables.
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! stem ! ngrams min-count=1000 ! write' "$T/in/docs.jsonl" -o "$T/some"
expect_lines "$T/some/ngrams.tsv" 1
expect_lines "$T/some/collocations.tsv" 1
[ "$(wc -l <"$T/some/stems.tsv")" -gt 1 ] || fail "stems.tsv lost its rows"
# Each write hears of the tables made on its own way from the source: in a branch that leaves
# ngrams out, the stems table only.
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! s:stem ! ngrams ! write  s. ! write path=b.jsonl table-prefix=b-' \
    "$T/in/empty.jsonl" -o "$T/branches"
expect_lines "$T/branches/b-stems.tsv" 1
expect_lines "$T/branches/ngrams.tsv" 1
[ -e "$T/branches/b-ngrams.tsv" ] && fail "b-ngrams.tsv written in a branch without ngrams"
# A table no stage of this run makes is left alone (keywords table=0), and a table whose file
# would be the main file is written nowhere, with a warning that names it.
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! stem table=false ! keywords table=0 ! write' \
    "$T/in/empty.jsonl" -o "$T/some"
expect_lines "$T/some/ngrams.tsv" 1
[ -e "$T/some/keywords.tsv" ] && fail "keywords.tsv written with keywords table=0"
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! ngrams ! write path=ngrams.tsv' "$T/in/empty.jsonl" -o "$T/clash"
expect_in "$T/err" "table 'ngrams', which a stage before says it makes, would write over the run's main file or rejects.jsonl: no file is written for it"
expect_in "$T/clash/collocations.tsv" "ngram	n	count	df	pmi	npmi	llr	t"
finish
