# cron.sh: a run's manners for cron: nothing on stderr under --quiet when it succeeds, a
# timestamped one-line summary otherwise, JSON log lines with --log-format json (--stats too),
# and errors either way.
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
# --stats in a JSON log: a line for each stage, its figures as numbers, not a table; under
# --quiet too, as --stats asks for them.
expect_status 0 "$QUARRY" run -q --stats --log-format json -e 'read ! write' "$T/in.jsonl" -o "$T/o3"
expect_lines "$T/err" 2
expect_in "$T/err" '","level":"info","stage":"read","message":"2 in, 2 out, 0 rejected, '
expect_in "$T/err" '"stats":{"plugin":"write","in":2,"out":2,"rejected":0,"new":0,'
if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json, sys; [json.loads(l) for l in open(sys.argv[1])]' "$T/err" ||
        fail "--stats gave a line that is no JSON: $(cat "$T/err")"
fi
expect_status 66 "$QUARRY" run --log-format json -e 'read ! write' "$T/missing.jsonl" -o "$T/o4"
expect_in "$T/err" '","level":"error","message":"stage '"'"'read'"'"' could not start: input '
# Errors still print under --quiet.
expect_status 66 "$QUARRY" run -q -e 'read ! write' "$T/missing.jsonl" -o "$T/o5"
expect_in "$T/err" "could not start"
expect_status 64 "$QUARRY" run --log-format xml -e 'read ! write' "$T/in.jsonl" -o "$T/o6"
expect_in "$T/err" "--log-format is plain or json, not 'xml'"

# Started with standard error closed (2>&-, as some schedulers do): the next file opened must not
# take its number, or the run's log lines go into it. Here that file is the state folder's lock:
# read warns of a named pipe in a folder, then waits on a second pipe given as an input, and the
# writer below opens that pipe (so the warning is out) and copies the lock before it lets the
# run finish. The lock must still say who holds it.
mkdir -p "$T/fds/in"
echo "some words" >"$T/fds/in/a.txt"
mkfifo "$T/fds/in/skipped.fifo" "$T/fds/wait.fifo"
("$QUARRY" run -q -e 'read ! write fields=id' "$T/fds/in" "$T/fds/wait.fifo" -o "$T/fds/o" \
    --state "$T/fds/state" 2>&-; echo $? >"$T/fds/rc") &
timeout 60 sh -c 'exec 3>"$1"; cat "$2" >"$3"; echo "a piped document" >&3' _ \
    "$T/fds/wait.fifo" "$T/fds/state/lock" "$T/fds/lock" || fail "the run never read the pipe"
wait
[ "$(cat "$T/fds/rc")" = 0 ] || fail "a run with stderr closed: exit $(cat "$T/fds/rc")"
grep -q '^pid [0-9]' "$T/fds/lock" || fail "the lock of a run with stderr closed: $(cat "$T/fds/lock")"
expect_lines "$T/fds/o/documents.jsonl" 2
finish
