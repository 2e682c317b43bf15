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

# bench_keywords_start [CORPUS [JOBS [RUNS]]]: the keyword benches' arguments (Reuters, 2 jobs,
# 3 runs), then bench_start. Sets $corpus, $jobs, $runs, $mb (MB of the stories' text) and
# $pipeline: the whole keyword pipeline as bench/keywords.sh times it. Like the peer, it reads the
# stories' text alone (the peer reads no headline, so tokenize reads 'text' only), and writes
# each document's id and keywords (quarry also writes its corpus tables).
bench_keywords_start() {
    corpus=${1:-../shared/corpora/reuters21578.jsonl.gz}
    jobs=${2:-2}
    runs=${3:-3}
    bench_start "$corpus"
    ./quarry run -q -e 'read ! write path=texts.tsv fields=text' "$corpus" -o "$tmp/texts"
    mb=$(wc -c <"$tmp/texts/texts.tsv" | awk '{printf "%.2f", $1 / 1e6}')
    pipeline='read ! clean ! tokenize field=text ! stem ! ngrams ! keywords ! write fields=id,keywords'
}

# bench_time NAME COMMAND...: runs COMMAND, its stderr kept in $tmp/stderr (and shown, with exit
# 70, if it fails); sets $secs (wall seconds), $kb (peak RSS), $cpu (user and system CPU
# seconds) and $faults (minor page faults: pages touched for the first time) and writes
# $tmp/NAME.secs.
bench_time() {
    name=$1
    shift
    /usr/bin/time -f "%e %M %U %S %R" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/stderr" || {
        cat "$tmp/stderr" >&2
        exit 70
    }
    read -r secs kb user sys faults <"$tmp/time"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    echo "$secs" >"$tmp/$name.secs"
}

# bench_min A B: the lesser of the numbers A and B; B alone if A is empty.
bench_min() {
    if [ -z "$1" ] || awk -v a="$2" -v b="$1" 'BEGIN { exit !(a < b) }'; then echo "$2"; else echo "$1"; fi
}

# bench_keep NAME: after a bench_time of NAME, keeps its figures if it is NAME's fastest run
# since bench_forget NAME ($tmp/NAME.best), and its peak RSS if the largest; then bench_recall
# NAME. The fastest run is the one the rest of the machine disturbed least: on a shared machine
# one run of the same command varies by 20%, so a ratio of single runs says more of the noise
# than of the programs.
bench_keep() {
    best='' best_cpu='' best_faults='' most=0
    [ -s "$tmp/$1.best" ] && read -r best best_cpu best_faults most <"$tmp/$1.best"
    if [ "$(bench_min "$best" "$secs")" != "$best" ]; then
        best=$secs
        best_cpu=$cpu
        best_faults=$faults
    fi
    [ "$kb" -gt "$most" ] && most=$kb
    echo "$best $best_cpu $best_faults $most" >"$tmp/$1.best"
    bench_recall "$1"
}

# bench_recall NAME: sets $secs, $cpu and $faults to NAME's fastest run kept, $kb to its largest
# peak, and writes that wall time to $tmp/NAME.secs.
bench_recall() {
    read -r secs cpu faults kb <"$tmp/$1.best"
    echo "$secs" >"$tmp/$1.secs"
}

# bench_forget NAME: NAME's next bench_keep starts afresh.
bench_forget() {
    rm -f "$tmp/$1.best"
}

# bench_best RUNS NAME COMMAND...: bench_time RUNS times; $secs (and NAME.secs) is the fastest
# wall time, $cpu and $faults that run's CPU seconds and page faults, $kb the largest peak
# (bench_keep).
bench_best() {
    runs=$1
    shift
    bench_forget "$1"
    run=0
    while [ "$run" -lt "$runs" ]; do
        bench_time "$@"
        bench_keep "$1"
        run=$((run + 1))
    done
}

# bench_least N COMMAND...: the least of the numbers COMMAND prints in N runs; noise on a
# shared machine only ever adds time.
bench_least() {
    n=$1
    shift
    least='' i=0
    while [ "$i" -lt "$n" ]; do
        least=$(bench_min "$least" "$("$@")")
        i=$((i + 1))
    done
    echo "$least"
}

# bench_floor TEXTS: the CPU seconds of bench/floor.c's loop over TEXTS (a bare ASCII split and
# Snowball English stems, on one core), the least of 5 runs; built into $tmp at first use.
bench_floor() {
    [ -x "$tmp/floor" ] || cc -O2 -o "$tmp/floor" bench/floor.c -lstemmer
    bench_least 5 bench_floor_once "$1"
}
bench_floor_once() { "$tmp/floor" "$1" | cut -d' ' -f1; }

# bench_touch: what a first touch of fresh memory costs here (bench/touch.c): microseconds per
# 4 KiB page in plain pages, then in huge pages; built into $tmp at first use.
bench_touch() {
    [ -x "$tmp/touch" ] || cc -O2 -o "$tmp/touch" bench/touch.c
    "$tmp/touch"
}
