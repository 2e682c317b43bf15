# live.sh: standard input fed as events happen (a named pipe written a line at a time): each
# document comes out of a per-record pipeline, and out of quarry test-stage, before the next
# line is written, the results are those of the same input read from a file, and a run that
# fails while read waits on the pipe ends at once.
. "$(dirname "$0")/lib.sh"
: "${SRCDIR:?run through make check}"
mkfifo "$T/feed"
# Every stage that takes one document at a time; the corpus tables come at the end.
graph="read ! clean ! tokenize ! stem ! ngrams min-count=1 ! topics lexicon=$SRCDIR/pipelines/news.topics ! write path=- fields=id,tokens"

# wait_for_line FILE TEXT: waits (60 s at most) until FILE holds TEXT; fails if it never does.
wait_for_line() {
    tries=0
    until grep -qF -- "$2" "$1" || [ $tries -ge 600 ]; do
        sleep 0.1
        tries=$((tries + 1))
    done
    grep -qF -- "$2" "$1" || fail "$1 never got $2 while its input waited for the next line"
}

# on_feed OUT ERR ARG...: `quarry ARG...` in the background ($pid) with the named pipe as its
# standard input, OUT and ERR as its standard output and error, and the pipe open for writing on
# descriptor 3.
on_feed() {
    out=$1
    err=$2
    shift 2
    "$QUARRY" "$@" <"$T/feed" >"$out" 2>"$err" &
    pid=$!
    exec 3>"$T/feed"
}

# live_run GRAPH LINE EXPECT [LINE EXPECT]...: `quarry run -j 2 -e GRAPH -` reading the named
# pipe into $T/live.out (tables in $T/live/); each LINE is written, and its EXPECT must come out
# before the next LINE is written (an empty EXPECT: half a second passes, for read to get the
# line alone). Then the pipe is closed, and the run must exit 0.
live_run() {
    run_graph=$1
    shift
    on_feed "$T/live.out" "$T/live.err" run -j 2 -e "$run_graph" - -o "$T/live"
    while [ $# -ge 2 ]; do
        printf '%s\n' "$1" >&3
        if [ -n "$2" ]; then wait_for_line "$T/live.out" "$2"; else sleep 0.5; fi
        shift 2
    done
    exec 3>&-
    wait $pid || { fail "the live run of '$run_graph' exited $?"; sed 's/^/  | /' "$T/live.err" >&2; }
}

a='{"id":"a","text":"Japan and India signed a pact."}'
b='{"id":"b","text":"It covers cyber security."}'
c='{"id":"c","text":"Talks go on in Tokyo."}'
# A blank line first, alone: the format is told by the first byte that is not white space, as
# from a file, however the bytes come.
live_run "$graph" '' '' "$a" '{"id":"a","tokens":["japan",' "$b" '{"id":"b"' "$c" '{"id":"c"'
expect_in "$T/live.err" "3 records read, 42 out (39 of them made by stages: corpus tables), 0 rejected"
expect_in "$T/live/ngrams.tsv" "cyber security"
# The same bytes as from a file, where nothing waits.
printf '%s\n' "$a" "$b" "$c" >"$T/feed.jsonl"
"$QUARRY" run -q -j 2 -e "$graph" - -o "$T/file" <"$T/feed.jsonl" >"$T/file.out" || fail "the same lines from a file failed"
cmp -s "$T/live.out" "$T/file.out" || fail "a live pipe gave other output than a file of the same lines"

# CSV the same way: the header first, then a row at a time.
live_run 'read format=csv ! tokenize ! write path=- fields=id,tokens' 'id,text' '' \
    'r1,Markets rose.' '{"id":"r1","tokens":["markets",' 'r2,Markets fell.' '{"id":"r2"'

# A byte-order mark written apart from what follows is skipped all the same: 'id' is the column.
on_feed "$T/bom.out" "$T/bom.err" run -q -e 'read format=csv ! write path=- fields=id' - -o "$T/bom"
printf '\357' >&3
sleep 0.5
printf '\273\277id,text\nr1,Markets rose.\n' >&3
exec 3>&-
wait $pid || fail "a byte-order mark written apart failed"
expect_in "$T/bom.out" '{"id":"r1"}'

# quarry test-stage answers each line as it comes from a stage that takes one record at a time,
# and prints a rejected record's reason on standard error as it comes too.
on_feed "$T/ts.out" "$T/ts.err" test-stage stem table=false
printf '%s\n' '{"id":"s1","tokens":["running"]}' >&3
wait_for_line "$T/ts.out" '{"id":"s1","tokens":["running"],"stems":["run"]}'
printf '%s\n' '{"id":"s2","tokens":"not a list"}' >&3
wait_for_line "$T/ts.err" "rejected: field 'tokens' is not a list of tokens"
exec 3>&-
wait $pid
[ $? = 79 ] || fail "test-stage after a rejected record should exit 79"
expect_lines "$T/ts.out" 1

# A pipe of gzip data is read by zlib, whole buffers at a time, as before: no document is lost.
printf '%s\n' "$a" "$b" | gzip | "$QUARRY" run -q -e "$graph" - -o "$T/gz" >"$T/gz.out" || fail "gzip through a pipe failed"
expect_lines "$T/gz.out" 2

# A run that fails while read waits for the next line (standard output on a full disk, which the
# first document's flush finds) ends with 74 without the pipe being closed.
if [ -w /dev/full ]; then
    on_feed /dev/full "$T/full.err" run -q -e "$graph" - -o "$T/full"
    printf '%s\n' "$a" >&3
    tries=0
    while kill -0 $pid 2>/dev/null && [ $tries -lt 600 ]; do
        sleep 0.1
        tries=$((tries + 1))
    done
    if kill -0 $pid 2>/dev/null; then
        fail "a failed run kept waiting for the pipe's next line"
        kill $pid
    fi
    wait $pid
    rc=$?
    exec 3>&-
    [ "$rc" = 74 ] || fail "a live run onto a full disk exited $rc, expected 74"
    expect_in "$T/full.err" "cannot write to standard output: No space left on device"
fi
finish
