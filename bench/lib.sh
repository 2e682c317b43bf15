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

# bench_best RUNS NAME COMMAND...: bench_time RUNS times; $secs (and NAME.secs) is the fastest
# wall time, $kb the largest peak. The fastest run is the one the rest of the machine disturbed
# least: on a shared machine one run of the same command varies by 20%, so a ratio of single
# runs says more of the noise than of the programs.
bench_best() {
    runs=$1
    shift
    best='' most=0 run=0
    while [ "$run" -lt "$runs" ]; do
        bench_time "$@"
        if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$secs
        fi
        [ "$kb" -gt "$most" ] && most=$kb
        run=$((run + 1))
    done
    secs=$best
    kb=$most
    echo "$secs" >"$tmp/$1.secs"
}
