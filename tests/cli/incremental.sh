# incremental.sh: nightly runs with a state folder, as cron runs them (no terminal, nothing in
# the environment but PATH): an unchanged re-run keeps the outputs; added, edited and deleted
# documents give exactly the outputs of a fresh full run; a changed parameter recomputes from its
# stage on; a tampered cache is detected and recomputed; runs killed with SIGKILL at random
# moments leave whole outputs and the next run finishes; a full disk fails cleanly with 73.
. "$(dirname "$0")/lib.sh"
run() { env -i PATH="$PATH" "$QUARRY" "$@"; }

# A corpus of 300 articles: the seed articles, each with a line of its own.
mkdir "$T/docs"
set -- "$SRCDIR"/samples/*.txt
i=0
while [ $i -lt 300 ]; do
    eval "seed=\${$((i % 5 + 1))}"
    { cat "$seed"; printf '\nFiled as report %d of the desk on day %d.\n' $i $((i * 7 % 31)); } >"$T/docs/d$i.txt"
    i=$((i + 1))
done
write_pipeline() { # MIN_COUNT LOWERCASE
    printf '[pipeline]\ninput = docs\noutput = results\nstate = st\njobs = 2\n' >"$T/p.pipeline"
    printf '[read]\n[clean]\n[tokenize]\nlowercase = %s\n[stem]\ncache = true\n[ngrams]\nmax = 2\nmin-count = %s\n' \
        "$2" "$1" >>"$T/p.pipeline"
    printf '[keywords]\n[write]\n' >>"$T/p.pipeline"
}
# The outputs a fresh full run gives: the reference. The pipeline names a state folder, so the
# run gets an empty one of its own, thrown away after, and reuses nothing.
fresh() {
    rm -rf "$T/fresh"
    run run -q "$T/p.pipeline" --state "$T/fresh-state" -o "$T/fresh" >/dev/null 2>&1 || fail "fresh run failed"
    rm -rf "$T/fresh-state"
}
same_as_fresh() { # WHAT
    fresh
    diff -r "$T/results" "$T/fresh" >"$T/diff" || { fail "$1: outputs differ from a fresh full run"; head -c 600 "$T/diff" >&2; }
}
write_pipeline 2 true

# First run, then the same input again: the outputs stand, untouched, and nothing is printed.
expect_status 0 run run -q "$T/p.pipeline"
[ ! -s "$T/err" ] || fail "--quiet printed something on success: $(cat "$T/err")"
same_as_fresh "first run"
ls -l --time-style=full-iso "$T/results" >"$T/before"
expect_status 0 run run "$T/p.pipeline"
expect_in "$T/err" "300 records read, the same as in the run that finished"
expect_in "$T/err" "its outputs stand"
ls -l --time-style=full-iso "$T/results" >"$T/after"
cmp -s "$T/before" "$T/after" || fail "an unchanged re-run rewrote its outputs"

# Progress: on a terminal (script(1) lends the run one), a line redrawn in place; not under
# --quiet; and never without a terminal (the runs above: no carriage return on stderr).
grep -q "$(printf '\r')" "$T/err" && fail "a progress line without a terminal"
# The line is first drawn after 200 ms: LDA's 1,000 sweeps make the run last well past that.
if command -v script >/dev/null 2>&1; then
    slow="read ! clean ! tokenize ! stem ! topics method=lda iterations=1000 ! write"
    script -qc "'$QUARRY' run -j 1 -o '$T/tty-out' --state '$T/tty-state' -e '$slow' '$T/docs'" /dev/null >"$T/tty" 2>&1
    grep -q "$(printf '\r')quarry: [0-9.]* s: read [0-9]* > clean" "$T/tty" || fail "no progress line on a terminal"
    script -qc "'$QUARRY' run -q -j 1 -o '$T/tty-out2' --state '$T/tty-state2' -e '$slow' '$T/docs'" /dev/null >"$T/tty" 2>&1
    [ ! -s "$T/tty" ] || fail "--quiet printed on a terminal: $(od -c "$T/tty" | head -3)"
    rm -rf "$T/tty-out" "$T/tty-out2" "$T/tty-state" "$T/tty-state2"
fi

# Add two, edit one, delete one: only the new and edited ones are cleaned and tokenized again.
cp "$T/docs/d1.txt" "$T/docs/new1.txt" && echo "A late addition about 5G." >>"$T/docs/new1.txt"
printf 'An article of its own about Japan and India.\n' >"$T/docs/new2.txt"
sed -i 's/ministers/senior ministers/g' "$T/docs/d7.txt"
rm "$T/docs/d9.txt"
expect_status 0 run run -v "$T/p.pipeline"
expect_in "$T/err" "documents taken from the state folder's caches: clean 298 of 301, tokenize 298 of 301, stem 298 of 301"
same_as_fresh "after adding, editing and deleting"
expect_not_in "$T/results/documents.jsonl" '"id":"d9.txt"'

# stem is cached only when asked (cache = true): stemming again, memoized per word, costs less
# than reading the stems back.
cp -r "$T/docs" "$T/docs2"
expect_status 0 run run -q -e 'read ! clean ! tokenize ! stem ! write' "$T/docs2" -o "$T/plain-out" --state "$T/plain-st"
sed -i 's/ministers/cabinet ministers/g' "$T/docs2/d12.txt"
expect_status 0 run run -e 'read ! clean ! tokenize ! stem ! write' "$T/docs2" -o "$T/plain-out" --state "$T/plain-st"
expect_in "$T/err" "documents taken from the state folder's caches: clean 300 of 301, tokenize 300 of 301"
expect_not_in "$T/err" "stem 30"
rm -rf "$T/docs2" "$T/plain-out" "$T/plain-st"

# A parameter of tokenize changes: clean's cache still serves, tokenize starts over.
write_pipeline 2 false
expect_status 0 run run -v "$T/p.pipeline"
expect_in "$T/err" "caches: clean 301 of 301, tokenize 0 of 301, stem 0 of 301"
same_as_fresh "after a tokenize parameter changed"
# A parameter of a corpus stage only: both caches serve, the outputs are still recomputed.
write_pipeline 3 false
expect_status 0 run run -v "$T/p.pipeline"
expect_in "$T/err" "caches: clean 301 of 301, tokenize 301 of 301, stem 301 of 301"
expect_not_in "$T/err" "its outputs stand"
same_as_fresh "after an ngrams parameter changed"
# --refresh: nothing reused, not even for unchanged input; the state is rewritten all the same.
expect_status 0 run run --refresh "$T/p.pipeline"
expect_in "$T/err" "caches: clean 0 of 301, tokenize 0 of 301, stem 0 of 301"
same_as_fresh "after --refresh"
expect_status 0 run run "$T/p.pipeline"
expect_in "$T/err" "its outputs stand"

# quarry state: what the folder holds; --prune drops the cache of the old tokenize parameters.
expect_status 0 "$QUARRY" state "$T/st"
expect_in "$T/out" "lock: free"
expect_in "$T/out" "last run: finished"
expect_in "$T/out" "301 records read"
expect_in "$T/out" "all as it wrote them"
[ "$(grep -c 'tokenize-.* 301 documents .*MB  used by the last run' "$T/out")" = 1 ] || fail "no used tokenize cache listed"
[ "$(grep -c 'not used by the last run' "$T/out")" = 1 ] || fail "the old tokenize cache is not listed as unused"
expect_status 0 "$QUARRY" state --json "$T/st"
expect_in "$T/out" '"lock":{"held":false}'
expect_in "$T/out" '"read":301,'
expect_in "$T/out" '"outputs_intact":true}'
expect_in "$T/out" '"stage":"tokenize","file":"tokenize-'
expect_in "$T/out" '"documents":301,'
expect_in "$T/out" '"used":false'
expect_status 0 "$QUARRY" state --prune "$T/st"
expect_in "$T/out" "pruned: 1 cache file"
[ "$(ls "$T/st/cache" | wc -l)" = 3 ] || fail "prune should leave the three caches in use"
expect_status 0 "$QUARRY" state --prune --json "$T/st" # nothing left to prune, said as JSON too
expect_in "$T/out" '"pruned":{"caches":0,"bytes":0,"temporary_files":0}}'
expect_status 66 "$QUARRY" state "$T/docs"
expect_in "$T/err" "is not a state folder"

# A tampered cache: one byte flipped inside a block of clean's cache. Reported, recomputed.
cache=$(ls "$T/st/cache"/clean-*.qz)
size=$(wc -c <"$cache")
printf '\377' | dd of="$cache" bs=1 seek=$((size / 2)) conv=notrunc status=none
echo "Another note." >>"$T/docs/d3.txt" # so that the run does not stop at "unchanged"
expect_status 0 run run -v "$T/p.pipeline"
expect_in "$T/err" "will be recomputed"
same_as_fresh "after a tampered cache"

# SIGKILL at random moments of runs over a changed corpus: every output is whole (the previous
# file or the new one, never a part), and the next run finishes the job.
start=$(date +%s%N)
run run -q "$T/p.pipeline" -o "$T/timing" --state "$T/timing-state" >/dev/null 2>&1
span=$((($(date +%s%N) - start) / 1000000))
rm -rf "$T/timing" "$T/timing-state"
k=0
while [ $k -lt 6 ]; do
    cp -r "$T/results" "$T/previous"
    echo "Correction number $k." >>"$T/docs/d$((k * 11)).txt"
    fresh
    delay=$(awk -v seed="$k$$" -v span="$span" 'BEGIN { srand(seed); printf "%.3f", rand() * span / 1000 }')
    env -i PATH="$PATH" "$QUARRY" run -q "$T/p.pipeline" >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    for f in "$T/fresh"/*; do
        name=$(basename "$f")
        cmp -s "$T/results/$name" "$f" || cmp -s "$T/results/$name" "$T/previous/$name" ||
            fail "killed after ${delay}s: $name is neither the previous output nor the new one"
    done
    expect_status 0 run run "$T/p.pipeline"
    same_as_fresh "after a run killed at ${delay}s"
    ls -a "$T/results" "$T/st" "$T/st/cache" | grep -q '\.tmp-' && fail "temporary files left after the resumed run"
    rm -rf "$T/previous"
    k=$((k + 1))
done

# Two overlapping runs: the second exits at once with 75, naming the first.
echo "A correction for the overlap." >>"$T/docs/d4.txt"
env -i PATH="$PATH" "$QUARRY" run -q -j 1 "$T/p.pipeline" >/dev/null 2>&1 &
first=$!
tries=0
while [ ! -s "$T/st/lock" ] && [ $tries -lt 500 ]; do sleep 0.01; tries=$((tries + 1)); done
expect_status 75 run run -q "$T/p.pipeline"
expect_in "$T/err" "is in use by another run (pid $first, started "
wait "$first" || fail "the first of two overlapping runs failed"
same_as_fresh "after two overlapping runs"

# LDA inference with a saved model, as a nightly run uses one: the same as a fresh run's after
# the corpus changed.
expect_status 0 run run -q -e "read ! clean ! tokenize ! stem ! topics method=lda topics=4 iterations=40 min-df=2 save-model=news.lda ! write" \
    "$T/docs" -o "$T/model"
cp "$T/p.pipeline" "$T/plain.pipeline"
printf '[topics]\nmethod = lda\nmodel = %s\n[write]\n' "$T/model/news.lda" >"$T/lda.pipeline"
sed -e '/^\[keywords\]/,$d' "$T/plain.pipeline" >"$T/p.pipeline"
cat "$T/lda.pipeline" >>"$T/p.pipeline"
rm -rf "$T/results" # outputs this pipeline does not write would stay from the other one
expect_status 0 run run -q "$T/p.pipeline"
echo "Tokyo and Delhi will meet again on 5G." >>"$T/docs/d5.txt"
rm "$T/docs/d6.txt"
expect_status 0 run run -q "$T/p.pipeline"
same_as_fresh "LDA inference after the corpus changed"
expect_in "$T/results/documents.jsonl" '"topics":'
cp "$T/plain.pipeline" "$T/p.pipeline"
rm -rf "$T/results"
expect_status 0 run run -q "$T/p.pipeline"

# A full disk, as a file-size limit: status 73, a message, the previous outputs intact.
cp -r "$T/results" "$T/previous"
echo "One more line." >>"$T/docs/d2.txt"
expect_status 73 small_disk env -i PATH="$PATH" "$QUARRY" run -q "$T/p.pipeline"
expect_in "$T/err" "File too large"
diff -r "$T/results" "$T/previous" >/dev/null || fail "a run that hit a full disk changed the outputs"
expect_status 0 run run -q "$T/p.pipeline"
same_as_fresh "after a full disk"

# Documents of 16 fields and more (a record's map header then takes 3 bytes, not 1): taken
# from the caches as they were made, the same bytes as a fresh run's.
awk 'BEGIN { for (i = 0; i < 3; i++) { printf "{\"id\":\"w%d\",\"text\":\"Story %d: the council met on Monday.\"", i, i
                                          for (k = 0; k < 20; k++) printf ",\"f%02d\":%d", k, k * i
                                          print "}" } }' >"$T/wide.jsonl"
wide='read ! clean ! tokenize ! write'
expect_status 0 run run -q --state "$T/wide-st" -e "$wide" "$T/wide.jsonl" -o "$T/wide"
printf '{"id":"w3","text":"Another story."}\n' >>"$T/wide.jsonl"
expect_status 0 run run --state "$T/wide-st" -e "$wide" "$T/wide.jsonl" -o "$T/wide"
expect_in "$T/err" "documents taken from the state folder's caches: clean 3 of 4, tokenize 3 of 4"
expect_status 0 run run -q -e "$wide" "$T/wide.jsonl" -o "$T/wide-fresh"
cmp -s "$T/wide/documents.jsonl" "$T/wide-fresh/documents.jsonl" || fail "wide documents from the caches differ"
finish
