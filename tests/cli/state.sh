# state.sh: the state folder's lock: a second run on a folder in use exits at once with 75 and
# names the holder; a lock left by a run that died is taken over; a finished run leaves it free;
# a damaged record of the last run is reported and replaced; a rebuilt stage is a changed one; a
# model a run both reads and writes is recorded as written; a run to standard output always runs;
# outputs are recorded from the root, so that 'quarry state' run from any folder finds them.
# quarry state names the holder of a lock; a stray argument or command is a usage error.
. "$(dirname "$0")/lib.sh"
printf '{"id":"a","text":"one"}\n' >"$T/in.jsonl"
# A finished run creates the folder and leaves an empty lock file: nobody holds it.
expect_status 0 "$QUARRY" run -q --state "$T/state" -e 'read ! write' "$T/in.jsonl" -o "$T/o1"
[ -f "$T/state/lock" ] && [ ! -s "$T/state/lock" ] || fail "a finished run should leave an empty lock file"
# Another process holds the lock (as a run in progress would): the run exits with 75 at once.
if command -v flock >/dev/null 2>&1; then
    printf 'pid 4242\nstarted 2026-01-01T02:00:00+0000\n' >"$T/state/lock"
    # The holder is sleep itself, holding the locked descriptor: killing it frees the lock.
    (exec 9>>"$T/state/lock"; flock 9; exec sleep 30) &
    holder=$!
    sleep 1
    expect_status 75 "$QUARRY" run --state "$T/state" -e 'read ! write' "$T/in.jsonl" -o "$T/o2"
    expect_in "$T/err" "is in use by another run (pid 4242, started 2026-01-01T02:00:00+0000)"
    [ ! -e "$T/o2/documents.jsonl" ] || fail "a run that could not take the lock wrote output"
    # quarry state names the holder, for the monitoring of a job still running; --prune, which
    # takes the lock, waits for no one: 75 too.
    expect_status 0 "$QUARRY" state "$T/state"
    expect_in "$T/out" "lock: held by a run (pid 4242, started 2026-01-01T02:00:00+0000)"
    expect_status 0 "$QUARRY" state --json "$T/state"
    expect_in "$T/out" '"lock":{"held":true,"holder":"pid 4242, started 2026-01-01T02:00:00+0000"}'
    expect_status 75 "$QUARRY" state --prune "$T/state"
    expect_in "$T/err" "the state folder $T/state is in use by another run (pid 4242,"
    kill "$holder" 2>/dev/null || true
    wait "$holder" 2>/dev/null || true
fi
expect_status 64 "$QUARRY" state "$T/state" "$T/state"
expect_in "$T/err" "quarry state: give one state folder"
expect_status 64 "$QUARRY" bogus
expect_in "$T/err" "quarry: unknown command 'bogus'"
# A lock file left full by a run that died (no process holds it): taken over, with a warning.
printf 'pid 999999\nstarted 2026-01-01T02:00:00+0000\n' >"$T/state/lock"
expect_status 0 "$QUARRY" run --state "$T/state" -e 'read ! write' "$T/in.jsonl" -o "$T/o3"
expect_in "$T/err" "taking over the state folder"
expect_in "$T/err" "pid 999999"
[ ! -s "$T/state/lock" ] || fail "the run that took over should leave the lock free"
# The same from a pipeline file's 'state =', relative to the file.
printf '[pipeline]\nstate = st\n[read]\n[write]\n' >"$T/p.pipeline"
expect_status 0 "$QUARRY" run -q "$T/p.pipeline" "$T/in.jsonl" -o "$T/o4"
[ -f "$T/st/lock" ] || fail "state = in a pipeline file made no lock"
# A damaged record of the last run: the run says so, redoes the work and writes a new one;
# quarry state reports it, as text and as JSON.
printf 'not a record\n' >"$T/state/last-run"
expect_status 0 "$QUARRY" state "$T/state"
expect_in "$T/out" "last run: its record (last-run) is damaged"
expect_status 0 "$QUARRY" state --json "$T/state"
expect_in "$T/out" '"last_run":{"damaged":true}'
expect_status 0 "$QUARRY" run --state "$T/state" -e 'read ! write' "$T/in.jsonl" -o "$T/o1"
expect_in "$T/err" "its record of the last run (last-run) is damaged"
expect_status 0 "$QUARRY" state "$T/state"
expect_in "$T/out" "last run: finished "
expect_in "$T/out" " 1 record read, 1 out, 0 rejected"
# A record cut short at a line's end (a state folder copied part way) has lost the lines of its
# last outputs: an output deleted since must still be made again, not kept as it stands.
head -n 6 "$T/state/last-run" >"$T/cut" && mv "$T/cut" "$T/state/last-run"
rm "$T/o1/rejects.jsonl"
expect_status 0 "$QUARRY" run --state "$T/state" -e 'read ! write' "$T/in.jsonl" -o "$T/o1"
expect_in "$T/err" "its record of the last run (last-run) is damaged"
[ -f "$T/o1/rejects.jsonl" ] || fail "an output deleted under a record cut short was not made again"
# A record an older quarry wrote (before the end line) is none: the run redoes the work, without
# calling it damaged.
sed -i 's/^# quarry state 2:/# quarry state 1:/; /^end$/d' "$T/state/last-run"
expect_status 0 "$QUARRY" run --state "$T/state" -e 'read ! write' "$T/in.jsonl" -o "$T/o1"
expect_not_in "$T/err" "damaged"
expect_not_in "$T/err" "its outputs stand"
expect_in "$T/state/last-run" "# quarry state 2:"
# A stage rebuilt with the same version (its author forgot to bump it) is a changed stage: its
# code is part of the run's fingerprint, so the outputs of the old code do not stand.
# The stage is found as the build tree has it: a libtool .la naming .libs/write.so.
mkdir -p "$T/plugins/.libs"
cp "$BUILDDIR/plugins/write.la" "$T/plugins/"
cp "$BUILDDIR/plugins/.libs/write.so" "$T/plugins/.libs/"
for i in 1 2; do
    expect_status 0 "$QUARRY" run --plugin-path "$T/plugins" --state "$T/rebuilt" -e 'read ! write' "$T/in.jsonl" -o "$T/o6"
done
expect_in "$T/err" "its outputs stand"
printf 'rebuilt' >>"$T/plugins/.libs/write.so" # other code, the same descriptor and version
expect_status 0 "$QUARRY" run --plugin-path "$T/plugins" --state "$T/rebuilt" -e 'read ! write' "$T/in.jsonl" -o "$T/o6"
expect_not_in "$T/err" "its outputs stand"
expect_in "$T/err" "1 record read, 1 out"
# What a stage says its output depends on besides (quarry_fingerprint_add: a library's version,
# here an environment variable the probe stage reads) is part of its fingerprint too.
probe_run() { # FACT: the probe pipeline on the state folder "facts", the fact in its environment
    QUARRY_PROBE_FACT=$1 QUARRY_PROBE_FACT_FILE="$T/fact-file" QUARRY_PLUGIN_PATH=$FIXTURES \
        expect_status 0 "$QUARRY" run --state "$T/facts" -e 'read ! probe tag=x ! write' "$T/in.jsonl" -o "$T/o7"
}
echo 'library 1' >"$T/fact-file"
probe_run 1
probe_run 1
expect_in "$T/err" "its outputs stand"
probe_run 2
expect_not_in "$T/err" "its outputs stand"
expect_in "$T/err" "1 record read, 1 out"
probe_run 2
expect_in "$T/err" "its outputs stand"
echo 'library 2' >"$T/fact-file" # a file it said its output depends on (quarry_fingerprint_file)
probe_run 2
expect_not_in "$T/err" "its outputs stand"
expect_in "$T/err" "1 record read, 1 out"
# A run that loads the model it saves (model = its own output's df.model), as a nightly run that
# adds up document frequencies does: the record of the run holds the model as the run left it,
# so the next run on the same input keeps the outputs. The model counted the document once: a
# run reading it again does not count it again (keywords.sh).
model_pipe="read ! tokenize ! keywords field=tokens model=$T/o8/df.model save-model=df.model ! write"
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! keywords field=tokens save-model=df.model ! write' \
    "$T/in.jsonl" -o "$T/o8"
for i in 1 2; do
    expect_status 0 "$QUARRY" run --state "$T/model-state" -e "$model_pipe" "$T/in.jsonl" -o "$T/o8"
done
expect_in "$T/err" "its outputs stand"
expect_in "$T/o8/df.model" "documents	1"
# Standard output is not kept: with an unchanged input, a run that writes there runs again.
for i in 1 2; do
    expect_status 0 "$QUARRY" run -q --state "$T/stdout-state" -e 'read ! write path=-' "$T/in.jsonl" -o "$T/o5"
    expect_in "$T/out" '{"id":"a","text":"one"}'
done
# A state folder whose parents are missing is made with them, as the output folder is.
expect_status 0 "$QUARRY" run -q --state "$T/nested/state/dir" -e 'read ! write' "$T/in.jsonl" -o "$T/nested-out/a"
[ -f "$T/nested/state/dir/last-run" ] || fail "no state folder made with its parents"
# A job run with relative paths from its own folder: 'quarry state' from any other folder finds
# its outputs as it wrote them, and the same command run from another folder writes to that
# folder's 'out', which the last run did not write, and so runs again.
mkdir -p "$T/job/elsewhere"
(cd "$T/job" && "$QUARRY" run -q --state st -e 'read ! write' ../in.jsonl -o out) || fail "the job failed"
expect_status 0 "$QUARRY" state "$T/job/st"
expect_in "$T/out" "2 outputs, all as it wrote them"
(cd "$T/job/elsewhere" && "$QUARRY" run --state ../st -e 'read ! write' ../../in.jsonl -o out 2>"$T/err") ||
    fail "the job from another folder failed"
expect_not_in "$T/err" "its outputs stand"
expect_in "$T/job/elsewhere/out/documents.jsonl" '{"id":"a","text":"one"}'
# --refresh without a state folder has nothing to refresh: said, and the run goes on; with one,
# nothing is said.
expect_status 0 "$QUARRY" run -q --refresh -e 'read ! write' "$T/in.jsonl" -o "$T/o-refresh"
expect_in "$T/err" "warning: --refresh does nothing without a state folder"
expect_status 0 "$QUARRY" run -q --refresh --state "$T/nested/state/dir" -e 'read ! write' "$T/in.jsonl" -o "$T/o-refresh"
expect_not_in "$T/err" "--refresh does nothing"
finish
