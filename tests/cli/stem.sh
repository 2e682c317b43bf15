# stem.sh: the stem stage through quarry run: stems beside tokens, a surface table that is the
# same on any thread count, a clear error for an unknown language, and a warning for documents in
# another alphabet than the stemmer's.
. "$(dirname "$0")/lib.sh"
i=0
: >"$T/docs.jsonl"
while [ $i -lt 400 ]; do
    printf '{"id":"d%d","text":"t","tokens":["running","runs","cyber-security","nation%d","nations"],"surface":["Running","runs","cyber-security","Nation%d","nations"]}\n' \
        $i $((i % 7)) $((i % 7)) >>"$T/docs.jsonl"
    i=$((i + 1))
done
printf '[pipeline]\nblock-size = 512\n[read]\n[stem]\n[write]\n' >"$T/p.pipeline"
expect_jobs_alike "$T/o" "documents.jsonl stems.tsv" "$T/p.pipeline" "$T/docs.jsonl"
expect_in "$T/o1/documents.jsonl" '"stems":["run","run","cyber-secur","nation0","nation"]'
expect_in "$T/o1/stems.tsv" "stem	surface	count	total	forms"
expect_in "$T/o1/stems.tsv" "cyber-secur	cyber-security	400	400	1"
expect_in "$T/o1/stems.tsv" "run	Running	400	800	2"
expect_status 64 "$QUARRY" run -e 'read ! stem language=englsh ! write' "$T/docs.jsonl" -o "$T/o3"
expect_in "$T/err" "unknown language 'englsh' (did you mean 'english'?); libstemmer has:"
# A Russian story given the English stemmer: it leaves every word as it is, so a warning counts
# such documents, fresh and from the state folder's cache; with the story's language, by name or
# code, or with serbian (which stems Cyrillic too), none.
mkdir "$T/mixed"
for i in 1 2 3 4; do printf 'Япония и Индия подписали соглашение о кибербезопасности. '; done >"$T/mixed/ru.txt"
for i in 1 2 3 4; do printf 'Japan and India signed an agreement on cyber security today. '; done >"$T/mixed/en.txt"
expect_status 0 "$QUARRY" run -q --state "$T/st" -e 'read ! tokenize language=russian ! stem cache=true ! write' \
    "$T/mixed" -o "$T/o4"
expect_in "$T/err" "stem: warning: 1 of 2 documents are mostly written in another alphabet than the english stemmer's (Latin): it leaves their words as they are"
cp "$T/mixed/en.txt" "$T/mixed/en2.txt"
expect_status 0 "$QUARRY" run --state "$T/st" -e 'read ! tokenize language=russian ! stem cache=true ! write' \
    "$T/mixed" -o "$T/o4"
expect_in "$T/err" "stem 2 of 3"
expect_in "$T/err" "stem: warning: 1 of 3 documents are mostly written in another alphabet than the english stemmer's (Latin)"
for language in russian ru serbian; do
    expect_status 0 "$QUARRY" run -q -e "read ! tokenize language=russian ! stem language=$language ! write" \
        "$T/mixed/ru.txt" -o "$T/o4"
    expect_not_in "$T/err" "warning"
done
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize language=russian ! stem language=ru ! write' "$T/mixed/ru.txt" -o "$T/o4"
expect_in "$T/o4/documents.jsonl" '"stems":["япон","и","инд","подписа",'
finish
