# stem.sh: the stem stage through quarry run: stems beside tokens, a surface table that is the
# same on any thread count, and a clear error for an unknown language.
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
finish
