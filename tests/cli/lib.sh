# lib.sh: helpers for the command-line tests: a scratch folder, status and content checks.
set -u
: "${QUARRY:?run through make check}"
T=$(mktemp -d "${TMPDIR:-/tmp}/quarry-cli-XXXXXX")
trap 'rm -rf "$T"' EXIT
failures=0
# A run without -o writes into ./out, here the folder make check runs in, which make distcheck
# then refuses to clean: finish fails if ./out changed while the test ran.
default_output() { ls -lA --full-time out 2>/dev/null; }
default_output_before=$(default_output)

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# expect_status N CMD...: runs CMD, keeping stdout in $T/out and stderr in $T/err.
expect_status() {
    want=$1
    shift
    "$@" >"$T/out" 2>"$T/err"
    got=$?
    if [ "$got" != "$want" ]; then
        fail "exit status $got, expected $want: $*"
        sed 's/^/  stderr: /' "$T/err" >&2
    fi
}

# expect_jobs_alike OUT "FILE..." ARG...: `quarry run ARG... -o OUT1 --jobs 1`, then the same
# with --jobs 2 into OUT2, each exiting 0; fails for each FILE of the list that differs between
# the two: outputs do not depend on the thread count.
expect_jobs_alike() {
    out=$1
    files=$2
    shift 2
    for j in 1 2; do
        expect_status 0 "$QUARRY" run "$@" -o "$out$j" --jobs $j
    done
    for f in $files; do
        cmp -s "${out}1/$f" "${out}2/$f" || fail "$f differs between --jobs 1 and 2: $*"
    done
}

# expect_in FILE TEXT: FILE contains TEXT (fixed string).
expect_in() {
    grep -qF -- "$2" "$1" || { fail "$1 lacks: $2"; sed 's/^/  | /' "$1" | head -20 >&2; }
}

expect_not_in() {
    if grep -qF -- "$2" "$1"; then fail "$1 should not contain: $2"; fi
}

# expect_lines FILE N
expect_lines() {
    n=$(wc -l <"$1")
    [ "$n" -eq "$2" ] || fail "$1 has $n lines, expected $2"
}

# wait_for_temp DIR: waits (30 s at most) until DIR holds a run's hidden temporary output file:
# the run then holds the folder and is writing into it.
wait_for_temp() {
    tries=0
    until ls -a "$1" 2>/dev/null | grep -q '^\..*\.tmp-' || [ $tries -ge 3000 ]; do
        sleep 0.01
        tries=$((tries + 1))
    done
}

# small_disk CMD...: CMD under a 64 KiB file-size limit, as on a nearly full disk: quarry ignores
# SIGXFSZ, so its writes past the limit fail with EFBIG ("File too large").
small_disk() {
    (ulimit -f 64 && exec "$@")
}

# sanitized: whether quarry runs under AddressSanitizer or ThreadSanitizer, whose runtimes take
# far more address space, and catch fatal signals, themselves.
sanitized() {
    ldd "$QUARRY" 2>/dev/null | grep -q -e libasan -e libtsan
}

# expect_stop_warning STAGE WHAT GRAPH OUT: two documents with tokens of their own, the first
# without a 'stop' list ($T/own.jsonl), through GRAPH into OUT: the run exits 0, and STAGE warns
# once that 1 of 2 documents have none, so that 'the' and 'of' can begin and end WHAT.
expect_stop_warning() {
    printf '%s\n' '{"id":"a","text":"x","tokens":["the","cat","sat","on","the","mat"]}' \
        '{"id":"b","text":"x","tokens":["a","dog"],"stop":[1,0]}' >"$T/own.jsonl"
    expect_status 0 "$QUARRY" run -e "$3" "$T/own.jsonl" -o "$4"
    expect_in "$T/err" "$1: warning: 1 of 2 documents have no 'stop' list: no word of theirs is a stop word, so 'the' and 'of' can begin and end $2 (put tokenize before $1"
}

# wide_document FILE: one document of 12,000 distinct n-grams (4,000 words seen once, in
# sentences of 10), after 50 sentences "Cyber security matters.": the bounds on one document.
wide_document() {
    awk 'BEGIN { for (i = 0; i < 50; i++) printf "Cyber security matters. ";
                 for (i = 1; i <= 4000; i++) printf "w%d%s", i, i % 10 ? " " : ". "; print "" }' >"$1"
}

finish() {
    [ "$(default_output)" = "$default_output_before" ] ||
        fail "a run wrote into ./out, the folder the tests run in: give it -o \"\$T/...\""
    if [ "$failures" -ne 0 ]; then
        echo "$failures check(s) failed" >&2
        exit 1
    fi
    exit 0
}
