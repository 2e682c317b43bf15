# lib.sh: what the bench scripts share: checking their input and the build, a scratch folder,
# and timing one command. Sourced from the project's top folder.

# The Python helpers beside the scripts are imported, never compiled into bench/__pycache__.
export PYTHONDONTWRITEBYTECODE=1

# bench_start PATH: PATH (a corpus) must exist and quarry be built; makes $tmp, removed on exit.
bench_start() {
    [ -e "$1" ] || { echo "no corpus at $1" >&2; exit 66; }
    [ -x ./quarry ] || { echo "build first: ./bootstrap" >&2; exit 69; }
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
}

# bench_time NAME COMMAND...: runs COMMAND, its stderr kept in $tmp/stderr (and shown, with exit
# 70, if it fails); sets $secs (wall seconds) and $kb (peak RSS) and writes $tmp/NAME.secs.
bench_time() {
    name=$1
    shift
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/stderr" || {
        cat "$tmp/stderr" >&2
        exit 70
    }
    read -r secs kb <"$tmp/time"
    echo "$secs" >"$tmp/$name.secs"
}
