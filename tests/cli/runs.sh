# runs.sh: whole-run behaviour: two-pass stages, a failing run leaving the previous outputs
# intact, unwritable outputs, counts and --stats' CPU columns, temporary files in $TMPDIR, gzip
# output on a full disk, one run at a time in an output folder, a warning for a pipeline that
# writes nothing.
. "$(dirname "$0")/lib.sh"
mkdir -p "$T/in"
for i in 1 2 3 4 5 6 7 8 9; do printf 'text number %d\n' $i >"$T/in/d$i.txt"; done
P="--plugin-path $FIXTURES"

# An output folder is one run's at a time, state folder or not: two runs renaming their files
# into it at once would leave one's documents beside the other's tables. A run that finds it in
# use exits at once with 75, and writes nothing there.
expect_status 0 "$QUARRY" run -q -e 'read ! write' "$T/in" -o "$T/busy"
cp "$T/busy/documents.jsonl" "$T/busy.before"
if command -v flock >/dev/null 2>&1; then
    (exec 9<"$T/busy"; flock 9; exec sleep 30) & # the holder is sleep, with the locked folder open
    holder=$!
    tries=0
    while flock -n "$T/busy" true && [ $tries -lt 3000 ]; do sleep 0.01; tries=$((tries + 1)); done
    expect_status 75 "$QUARRY" run -e 'read ! write' "$T/in/d1.txt" -o "$T/busy"
    expect_in "$T/err" "the output folder $T/busy is being written by another run"
    expect_in "$T/err" "; try again when it ends"
    cmp -s "$T/busy.before" "$T/busy/documents.jsonl" || fail "a run that found the output folder in use wrote to it"
    kill "$holder" 2>/dev/null || true
    wait "$holder" 2>/dev/null || true
    # Two runs of quarry itself: the first waits for its standard input, holding the folder.
    mkfifo "$T/feed"
    "$QUARRY" run -q -e 'read ! write' - -o "$T/busy" <"$T/feed" >/dev/null 2>&1 &
    first=$!
    exec 8<>"$T/feed" # read-write: opening it blocks on nobody, and writing kills nobody
    # Its output's temporary file shows it holds the folder (probing the lock with flock would
    # hold it for a moment, and could make the first run find it in use).
    wait_for_temp "$T/busy"
    expect_status 75 "$QUARRY" run -e 'read ! write' "$T/in" -o "$T/busy"
    expect_in "$T/err" "is being written by another run (pid $first); try again when it ends"
    printf '{"id":"fed","text":"the first run"}\n' >&8
    exec 8>&-
    wait "$first" || fail "the first of two runs on one output folder failed"
    expect_in "$T/busy/documents.jsonl" '"id":"fed"'
    expect_status 0 "$QUARRY" run -e 'read ! write' "$T/in" -o "$T/busy" # free again
fi

# A run killed outright (SIGKILL, a crash) leaves its hidden temporary file; the next run that
# locks the folder removes it, state folder or not, and says so.
mkfifo "$T/feed2"
"$QUARRY" run -q -e 'read ! write' - -o "$T/busy" <"$T/feed2" >/dev/null 2>&1 &
killed=$!
exec 7<>"$T/feed2"
wait_for_temp "$T/busy"
kill -9 "$killed"
wait "$killed" 2>/dev/null
exec 7>&-
ls -a "$T/busy" | grep -q '^\.documents\.jsonl\.tmp-' || fail "no temporary file to sweep"
expect_status 0 "$QUARRY" run -e 'read ! write' "$T/in" -o "$T/busy"
expect_in "$T/err" "removed 1 temporary file left by a run that did not finish"
ls -a "$T/busy" | grep -q '\.tmp-' && fail "the temporary file of a killed run is still there"

# The folder of kept streams (--keep-intermediate) is an output folder too: one run's at a time,
# whatever their output folders, and the next run that locks it sweeps what a killed run left.
mkfifo "$T/feed3"
"$QUARRY" run -q -e 'read ! write' - -o "$T/ka" --keep-intermediate "$T/kept" <"$T/feed3" >/dev/null 2>&1 &
killed=$!
exec 7<>"$T/feed3"
wait_for_temp "$T/kept"
expect_status 75 "$QUARRY" run -e 'read ! write' "$T/in" -o "$T/kb" --keep-intermediate "$T/kept"
expect_in "$T/err" "the folder of kept streams $T/kept is being written by another run (pid $killed); try again when it ends"
[ -e "$T/kb/documents.jsonl" ] && fail "a run that found the kept streams' folder in use wrote its outputs"
kill -9 "$killed"
wait "$killed" 2>/dev/null
exec 7>&-
expect_status 0 "$QUARRY" run -e 'read ! write' "$T/in" -o "$T/kb" --keep-intermediate "$T/kept"
expect_in "$T/err" "removed 2 temporary files left by a run that did not finish"
ls -a "$T/kept" | grep -q '\.tmp-' && fail "the kept streams' temporary files of a killed run are still there"
[ -s "$T/kept/01-read.qz" ] || fail "no kept stream after the killed run's were swept"
# Kept in the output folder itself, the streams share its lock.
expect_status 0 "$QUARRY" run -q -e 'read ! write' "$T/in" -o "$T/kb" --keep-intermediate "$T/kb"
[ -s "$T/kb/02-write.qz" ] || fail "no kept stream in the output folder"

# Two-pass: every record knows the corpus size; finish emits a table row to summary.tsv.
printf '[pipeline]\nblock-size = 256\n[read]\n[twopass]\n[write]\n' >"$T/two.pipeline"
expect_status 0 "$QUARRY" run $P "$T/two.pipeline" "$T/in" -o "$T/o" --jobs 2 --stats
expect_lines "$T/o/documents.jsonl" 9
expect_in "$T/o/documents.jsonl" '"corpus_records":9'
expect_in "$T/o/summary.tsv" "records	bytes	processed"
expect_in "$T/o/summary.tsv" "9	126	9"
expect_in "$T/err" "twopass        twopass             9          9         0        1"

# --stats: 'cpu s' is a stage's CPU time on all its threads, '1-thread s' the part one thread did
# alone. A stage that takes its records one at a time (ngrams, write) did all of it alone; at -j 2
# a per-record stage's workers (tokenize) did it beside each other, while its own thread did next
# to nothing; at -j 1 every stage did all of it alone.
awk 'BEGIN { srand(7); for (i = 1; i <= 12000; i++) { printf "{\"id\":\"s%d\",\"text\":\"", i
             for (w = 0; w < 25; w++) printf "word%d ", int(rand() * 5000); printf "\"}\n" } }' >"$T/busy.jsonl"
expect_status 0 "$QUARRY" run -q -j 2 --stats -e 'read ! tokenize ! ngrams ! write fields=id' "$T/busy.jsonl" -o "$T/busy2"
expect_in "$T/err" "cpu s  1-thread s"
awk '$1 == "ngrams" || $1 == "write" { alone++; if ($10 != $11) exit 1 }
     $1 == "tokenize" { shared = 1; if (!($11 < $10)) exit 1 }
     END { exit !(alone == 2 && shared) }' "$T/err" ||
    fail "--stats at -j 2: ngrams and write not all on one thread, or tokenize not beside: $(cat "$T/err")"
expect_status 0 "$QUARRY" run -q -j 1 --stats -e 'read ! tokenize ! ngrams ! write fields=id' "$T/busy.jsonl" -o "$T/busy2"
awk 'NR > 1 { rows++; if ($10 != $11) exit 1 } END { exit rows != 4 }' "$T/err" ||
    fail "--stats at -j 1: a stage's CPU not all on one thread: $(cat "$T/err")"

# A stage that fails behind a full pipeline stops the run; it used to hang it for ever: the
# failure took each upstream stage's turn lock before aborting the queue that a worker, holding
# that lock, was waiting to push to. Slow 'b' (jitter) keeps the queues full; 'timeout' turns a
# hang into exit 124.
awk 'BEGIN { for (i = 1; i <= 1500; i++) printf "{\"id\":\"d%d\",\"text\":\"text number %d\"}\n", i, i }' >"$T/many.jsonl"
printf '[pipeline]\nqueue = 1\nblock-size = 256\n[read]\n[a]\nuse = probe\ntag = a\n[b]\nuse = probe\ntag = b\njitter = true\nfail = number 1000\n[write]\n' >"$T/full.pipeline"
for jobs in 1 2; do
    expect_status 70 timeout 120 "$QUARRY" run -q -j $jobs $P "$T/full.pipeline" "$T/many.jsonl" -o "$T/full"
    expect_in "$T/err" "stage 'b' failed: asked to fail on 'number 1000'"
done

# A failed run stops reading (quarry_stopping): a source that read on to the end of a large
# corpus held the run, and its lock, for as long as that took. Here the next input is a named
# pipe that nobody writes: opening it would wait for ever, as 'timeout' would show (exit 124).
# Queues of one block keep read behind the failing stage, far from the end of its first file.
awk 'BEGIN { for (i = 1; i <= 120000; i++) printf "{\"id\":\"d%d\",\"text\":\"text number %d\"}\n", i, i }' >"$T/long.jsonl"
mkfifo "$T/nobody"
printf '[pipeline]\nqueue = 1\nblock-size = 256\n[read]\n[probe]\ntag = b\nfail = number 100\n[write]\n' >"$T/stop.pipeline"
expect_status 70 timeout 120 "$QUARRY" run -q $P "$T/stop.pipeline" "$T/long.jsonl" "$T/nobody" -o "$T/stop"
expect_in "$T/err" "stage 'probe' failed: asked to fail on 'number 100'"
# And standard input from a writer that neither writes nor closes: read is blocked in read(2)
# when the run fails, until woken. 1.3 MB, more than one 1 MiB chunk: read takes in the first
# (queues wide enough for all of it), then waits for the rest of the second, which never comes,
# as this shell holds the pipe open; slowed, probe reaches the failing document long after.
printf '[pipeline]\nqueue = 1024\n[read]\n[probe]\ntag = b\njitter = true\nfail = number 10000\n[write]\n' >"$T/idle.pipeline"
mkfifo "$T/idle"
exec 6<>"$T/idle"
(exec 6>&- && exec head -n 30000 "$T/long.jsonl" >"$T/idle") & # a writer only: once quarry and
writer=$!                                                      # this shell let go, it is done
expect_status 70 timeout 120 "$QUARRY" run -q $P "$T/idle.pipeline" - -o "$T/stop" <"$T/idle"
expect_in "$T/err" "stage 'probe' failed: asked to fail on 'number 10000'"
exec 6>&-
wait "$writer" 2>/dev/null

# A run that fails half-way leaves the previous outputs as they were, and no temporary files.
expect_status 0 "$QUARRY" run $P -e 'read ! probe tag=a ! write' "$T/in" -o "$T/keep"
cp "$T/keep/documents.jsonl" "$T/before.jsonl"
expect_status 70 "$QUARRY" run $P -e 'read ! probe tag=b fail="number 5" ! write' "$T/in" -o "$T/keep"
expect_in "$T/err" "stage 'probe' failed: asked to fail on 'number 5'"
cmp -s "$T/keep/documents.jsonl" "$T/before.jsonl" || fail "a failed run changed the previous output"
ls -A "$T/keep" | grep -q '^\.' && fail "a failed run left temporary files: $(ls -A "$T/keep")"
# So does one whose outputs cannot all be renamed into place: here a folder has taken the name
# of the stem table, which is renamed after documents.jsonl. The documents renamed before it
# get their previous file back, and a first run's are removed: no folder mixes two runs.
expect_status 0 "$QUARRY" run -q $P -e 'read ! probe tag=a ! tokenize ! stem ! write' "$T/in" -o "$T/mix"
cp "$T/mix/documents.jsonl" "$T/before.jsonl"
rm "$T/mix/stems.tsv" && mkdir -p "$T/mix/stems.tsv/taken" "$T/first/stems.tsv"
for out in mix first; do
    expect_status 73 "$QUARRY" run -q $P -e 'read ! probe tag=b ! tokenize ! stem ! write' "$T/in" -o "$T/$out"
    expect_in "$T/err" "cannot rename $T/$out/.stems.tsv.tmp-"
    expect_in "$T/err" "to $T/$out/stems.tsv: Is a directory; the outputs renamed before it have their previous files back"
    ls -A "$T/$out" | grep -q '^\.' && fail "a failed rename left temporary files: $(ls -A "$T/$out")"
done
cmp -s "$T/mix/documents.jsonl" "$T/before.jsonl" || fail "a failed rename left this run's documents"
[ "$(ls "$T/first")" = stems.tsv ] || fail "a first run's failed rename left outputs: $(ls "$T/first")"

# Output folder that cannot be created.
: >"$T/file"
expect_status 73 "$QUARRY" run -e 'read ! write' "$T/in" -o "$T/file/sub"
expect_in "$T/err" "cannot create folder $T/file/sub: $T/file is a file, not a folder"

# Two writers may not write the same file. Output names are taken when the stages open, so a
# clash stops the run before any data flows (64, a pipeline to change), not after all its work:
# a saved model that another output has, or rejects.jsonl, which the core writes at the end.
while IFS='|' read -r graph message; do
    expect_status 64 "$QUARRY" run -e "$graph" "$T/in" -o "$T/o2"
    expect_in "$T/err" "$message"
done <<EOF
r:read ! write  r. ! write|stage 'write-2' could not start: output $T/o2/documents.jsonl is already written by another stage of this run
read ! tokenize ! keywords save-model=documents.jsonl ! write|stage 'write' could not start: output $T/o2/documents.jsonl is already written by another stage
read ! tokenize ! topics method=lda save-model=rejects.jsonl ! write|stage 'topics' could not start: output name 'rejects.jsonl' is the run's own list of rejected documents
read ! write path=rejects.jsonl|stage 'write' could not start: output name 'rejects.jsonl' is the run's own list
read ! tokenize ! keywords save-model=.df ! write|stage 'keywords' could not start: output name '.df' must be a plain file name
EOF
[ -e "$T/o2" ] && [ -n "$(ls -A "$T/o2")" ] && fail "a run stopped at open left files: $(ls -A "$T/o2")"
# Corpus tables of one name: two branches' writes would both write ngrams.tsv (the message says
# what to do, and table-prefix keeps them apart), and two ngrams stages in a row would have one
# write mix their rows in one file, so the second stops the run.
branches='r:read ! t:tokenize ! ngrams min-count=1 ! write  t. ! ngrams max=1 min-count=1 ! write path=one.jsonl'
expect_status 64 "$QUARRY" run -e "$branches" "$T/in" -o "$T/o2"
expect_in "$T/err" "output $T/o2/ngrams.tsv is already written by another stage of this run; give one of them another file name (a corpus table's: write's table-prefix)"
expect_status 0 "$QUARRY" run -q -e "$branches table-prefix=one-" "$T/in" -o "$T/o2"
[ "$(cut -f2 "$T/o2/one-ngrams.tsv" | sort -u | tr '\n' ' ')" = "1 n " ] || fail "one-ngrams.tsv holds more than 1-grams"
[ "$(cut -f2 "$T/o2/ngrams.tsv" | sort -u | tr '\n' ' ')" = "1 2 3 n " ] || fail "ngrams.tsv lacks 2- and 3-grams"
mkdir "$T/pact"
printf 'Japan and India signed a cyber security pact.\n' >"$T/pact/a.txt"
printf 'The cyber security pact worries China.\n' >"$T/pact/b.txt"
lda='topics method=lda topics=2 min-df=1 max-df=1 iterations=5'
for twice in 'a:ngrams ! b:ngrams max=1' 'stem ! stem-2:stem' 'stem ! keywords ! keywords' "stem ! $lda ! $lda"; do
    expect_status 64 "$QUARRY" run -e "read ! tokenize ! $twice ! write" "$T/pact" -o "$T/o2b"
    expect_in "$T/err" "its input already holds rows of table"
done
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! stem table=false ! stem ! write' "$T/in" -o "$T/o2b"

# Spools and temporary files go to $TMPDIR (glibc's tmpfile() would use /tmp whatever it says):
# a missing one fails the run before it starts, naming it, and the previous outputs stand.
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! keywords ! write' "$T/in" -o "$T/o3"
cp "$T/o3/documents.jsonl" "$T/before.jsonl"
mkdir "$T/spools"
expect_status 0 env TMPDIR="$T/spools" "$QUARRY" run -q -e 'read ! tokenize ! keywords ! write' "$T/in" -o "$T/o3"
cmp -s "$T/o3/documents.jsonl" "$T/before.jsonl" || fail "a run with TMPDIR set gave other outputs"
expect_status 73 env TMPDIR="$T/no-such-folder" "$QUARRY" run -q -e 'read ! tokenize ! keywords ! write' "$T/in" -o "$T/o3"
expect_in "$T/err" "cannot create a temporary file for rejects in $T/no-such-folder: No such file or directory"
cmp -s "$T/o3/documents.jsonl" "$T/before.jsonl" || fail "a failed run changed the outputs"
# A gzip-compressed main file on a full disk (a file-size limit): 73, naming the file, and the
# previous one intact. Random words, so that the compressed text outgrows the limit.
awk 'BEGIN { srand(7); for (i = 0; i < 40000; i++) printf "w%d%s", int(rand() * 1e9), i % 12 ? " " : ".\n" }' >"$T/in/big.txt"
expect_status 0 "$QUARRY" run -q -e 'read ! write path=d.jsonl.gz' "$T/in" -o "$T/o4"
cp "$T/o4/d.jsonl.gz" "$T/before.gz"
gzip -dc "$T/o4/d.jsonl.gz" | grep -q '"id":"d9"' || fail "d.jsonl.gz is not the documents, gzipped"
echo "one more" >>"$T/in/d1.txt"
expect_status 73 small_disk "$QUARRY" run -q -e 'read ! write path=d.jsonl.gz gzip-level=1' "$T/in" -o "$T/o4"
expect_in "$T/err" "d.jsonl.gz"
expect_in "$T/err" "File too large"
cmp -s "$T/o4/d.jsonl.gz" "$T/before.gz" || fail "a run that hit a full disk changed d.jsonl.gz"

# A two-pass stage's spool on a full disk: 73, saying where the spool was and what to do.
expect_status 73 small_disk env TMPDIR="$T" "$QUARRY" run -q $P -e 'read ! twopass ! write' "$T/in" -o "$T/o5"
expect_in "$T/err" "stage 'twopass': cannot write its spool in $T: File too large (a two-pass stage spools its whole input there: point TMPDIR at a disk with room)"
# And a state folder's cache: named by its folder, not by its hidden temporary file.
expect_status 73 small_disk "$QUARRY" run -q --state "$T/stfull" -e 'read ! tokenize ! write fields=id' "$T/in" -o "$T/o6"
expect_in "$T/err" "stage 'tokenize' failed: cannot write its cache in the state folder ($T/stfull/cache): File too large"

# A pipeline that writes nothing (no write, or a stage that opens no file) runs, but says that
# its documents were dropped: an empty output folder and exit 0 would look like success.
nowrite="no stage of this pipeline writes a file or to standard output: its documents are counted and dropped"
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize' "$T/in" -o "$T/o7"
expect_in "$T/err" "warning: $nowrite (end it with '! write' to keep them)"
writes() { # ARG...: a run that keeps its documents, without the warning
    expect_status 0 "$QUARRY" run -q "$@" "$T/in" -o "$T/o7"
    expect_not_in "$T/err" "$nowrite"
}
writes -e 'read ! write'
writes -e 'read ! write path=-'
writes -e 'read ! tokenize' --keep-intermediate "$T/k7"
finish
