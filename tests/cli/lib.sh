# lib.sh: helpers for the command-line tests: a scratch folder, status and content checks.
set -u
: "${QUARRY:?run through make check}"
T=$(mktemp -d "${TMPDIR:-/tmp}/quarry-cli-XXXXXX")
trap 'rm -rf "$T"' EXIT
failures=0

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

finish() {
    if [ "$failures" -ne 0 ]; then
        echo "$failures check(s) failed" >&2
        exit 1
    fi
    exit 0
}
