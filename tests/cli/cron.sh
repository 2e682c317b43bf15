# cron.sh: a run's manners for cron: nothing on stderr under --quiet when it succeeds, a
# timestamped one-line summary otherwise, JSON log lines with --log-format json, and errors
# either way.
. "$(dirname "$0")/lib.sh"
printf '{"id":"a","text":"one"}\n{"id":"b","text":"two"}\n' >"$T/in.jsonl"
expect_status 0 "$QUARRY" run -q -e 'read ! write' "$T/in.jsonl" -o "$T/o1"
[ ! -s "$T/err" ] || fail "--quiet printed something on success: $(cat "$T/err")"
# Not a terminal (the tests' stderr is a file): the summary carries a timestamp.
expect_status 0 "$QUARRY" run -e 'read ! write' "$T/in.jsonl" -o "$T/o2"
expect_lines "$T/err" 1
grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{4} quarry: 2 records read, 2 out, 0 rejected' \
    "$T/err" || fail "no timestamped summary: $(cat "$T/err")"
expect_status 0 "$QUARRY" run --log-format json -e 'read ! write' "$T/in.jsonl" -o "$T/o3"
expect_in "$T/err" '{"time":"'
expect_in "$T/err" '","level":"info","message":"2 records read, 2 out, 0 rejected in '
expect_status 66 "$QUARRY" run --log-format json -e 'read ! write' "$T/missing.jsonl" -o "$T/o4"
expect_in "$T/err" '","level":"error","message":"stage '"'"'read'"'"' could not start: input '
# Errors still print under --quiet.
expect_status 66 "$QUARRY" run -q -e 'read ! write' "$T/missing.jsonl" -o "$T/o5"
expect_in "$T/err" "could not start"
expect_status 64 "$QUARRY" run --log-format xml -e 'read ! write' "$T/in.jsonl" -o "$T/o6"
expect_in "$T/err" "--log-format is plain or json, not 'xml'"
finish
