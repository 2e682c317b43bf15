# crash.sh: a stage that crashes (the fixture 'probe', crash=TEXT, raises SIGSEGV on a document
# holding TEXT) ends the run with one line naming the stage and the document, plain or JSON, on
# any thread count; the run dies of the signal (139), and the last run's outputs stay as they were.
. "$(dirname "$0")/lib.sh"
ulimit -c 0 # no core files from the crashes asked for here
export QUARRY_PLUGIN_PATH="$FIXTURES"
printf '%s\n' '{"id":"a","text":"fine"}' '{"id":"b\tc","text":"boom here"}' '{"id":"d","text":"fine"}' >"$T/in.jsonl"
expect_status 0 "$QUARRY" run -q -e 'read ! probe tag=x ! write' "$T/in.jsonl" -o "$T/o"
cp "$T/o/documents.jsonl" "$T/before.jsonl"
# Run by the shell, a process killed by SIGSEGV exits 128 + 11.
crashes() { # JOBS LOG-FORMAT: the crashing run, its stderr in $T/err
    "$QUARRY" run -q -j "$1" --log-format "$2" -e 'read ! probe tag=x crash=boom ! write' "$T/in.jsonl" \
        -o "$T/o" 2>"$T/err"
    rc=$?
    [ "$rc" != 0 ] || fail "a crashing stage, -j $1: exit 0"
    cmp -s "$T/o/documents.jsonl" "$T/before.jsonl" || fail "a crash, -j $1, changed the last run's output"
}
for jobs in 1 2; do
    crashes $jobs plain
    if sanitized; then
        continue # the sanitizer's runtime reports the signal, in its own words
    fi
    [ "$rc" = 139 ] || fail "a crashing stage, -j $jobs: exit $rc, expected 139 (SIGSEGV)"
    expect_in "$T/err" "quarry: fatal: stage 'probe' crashed (SIGSEGV, a bad memory access) on document 'b?c': a bug in the stage; nothing of this run was written"
done
if ! sanitized; then
    crashes 2 json
    expect_in "$T/err" '"level":"fatal","stage":"probe","message":"crashed (SIGSEGV, a bad memory access) on document '"'b?c'"': a bug in the stage; nothing of this run was written"}'
    if command -v python3 >/dev/null; then
        python3 -c 'import json, sys; [json.loads(l) for l in open(sys.argv[1])]' "$T/err" || fail "the crash's JSON line is not JSON"
    fi
    # Memory running out is no bug: the abort after a failed allocation says so (exit 134).
    "$QUARRY" run -q -e 'read ! probe tag=x oom=boom ! write' "$T/in.jsonl" -o "$T/o" 2>"$T/err"
    rc=$?
    [ "$rc" = 134 ] || fail "a stage out of memory: exit $rc, expected 134 (SIGABRT)"
    expect_in "$T/err" "quarry: fatal: stage 'probe' ran out of memory (SIGABRT after an allocation failed) on document 'b?c': give the run more memory, or lower read's max-bytes or the stage's limits; nothing of this run was written"
    cmp -s "$T/o/documents.jsonl" "$T/before.jsonl" || fail "running out of memory changed the last run's output"
    # test-stage runs the stage's code the same way.
    "$QUARRY" test-stage probe tag=x crash=boom <"$T/in.jsonl" >/dev/null 2>"$T/err"
    expect_in "$T/err" "stage 'probe' crashed (SIGSEGV, a bad memory access) on document 'b?c'"
    # In finish, after every document, there is no document to name; the stage all the same.
    finish_crash="quarry: fatal: stage 'probe' crashed (SIGSEGV, a bad memory access): a bug in the stage; nothing of this run was written"
    "$QUARRY" run -q -e 'read ! probe tag=x crash-finish=true ! write' "$T/in.jsonl" -o "$T/o" 2>"$T/err"
    expect_in "$T/err" "$finish_crash"
    "$QUARRY" test-stage probe tag=x crash-finish=true <"$T/in.jsonl" >/dev/null 2>"$T/err"
    expect_in "$T/err" "$finish_crash"
fi
finish
