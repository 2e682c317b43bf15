# basic.sh: the commands as a new user meets them: help, version, run, check, list, inspect.
. "$(dirname "$0")/lib.sh"

expect_status 0 "$QUARRY" --version
expect_in "$T/out" "quarry 0.1.0 (stage ABI 1.9)"
expect_status 0 "$QUARRY" --help
expect_in "$T/out" "Commands:"
# Run from its build tree, quarry searches the build tree's stages last, and says so.
expect_in "$T/out" "Stages are searched in --plugin-path, \$QUARRY_PLUGIN_PATH, then $(cd "$(dirname "$QUARRY")" && pwd)/plugins."
for cmd in run check list inspect cat; do
    expect_status 0 "$QUARRY" $cmd --help
    expect_in "$T/out" "Usage: quarry $cmd"
done
expect_status 64 "$QUARRY" rnu
expect_in "$T/err" "unknown command 'rnu'; did you mean 'run'?"
# 'help COMMAND' is COMMAND --help; a stage named there is no command, and inspect shows it.
expect_status 0 "$QUARRY" help run
expect_in "$T/out" "Usage: quarry run"
expect_status 64 "$QUARRY" help keywords
expect_in "$T/err" "unknown command 'keywords'; a stage's parameters: quarry inspect keywords"
expect_status 64 "$QUARRY"
expect_status 64 "$QUARRY" run
expect_in "$T/err" "give a PIPELINE file or -e GRAPH"
expect_status 64 "$QUARRY" run --jobs zero -e 'read ! write'
expect_in "$T/err" "--jobs takes a whole number from 1 to 256, not 'zero'"
# A bad option: getopt's message, naming the command as typed, then where to look; once.
expect_status 64 "$QUARRY" run -x
printf "quarry run: invalid option -- 'x'\nTry 'quarry run --help'.\n" | cmp -s - "$T/err" ||
    fail "quarry run -x: $(cat "$T/err")"
# '-o -' would make a folder named '-' (here, in the scratch folder): refused, pointing at
# 'write path=-'.
(cd "$T" && "$QUARRY" run -e 'read ! write path=-' "$SRCDIR/samples" -o - >"$T/out" 2>"$T/err"; echo $? >"$T/rc")
[ "$(cat "$T/rc")" = 64 ] || fail "quarry run -o -: exit $(cat "$T/rc"), expected 64"
expect_in "$T/err" "-o names a folder, not standard output"
[ ! -e "$T/-" ] || fail "'-o -' made a folder named '-'"
# A folder named for the pipeline file says so, as a missing one does (not 'read error').
expect_status 64 "$QUARRY" run "$SRCDIR/pipelines"
expect_in "$T/err" "cannot open pipeline file $SRCDIR/pipelines: Is a directory"
expect_status 64 "$QUARRY" check "$SRCDIR/pipelines"
expect_in "$T/err" "cannot open pipeline file $SRCDIR/pipelines: Is a directory"
expect_status 64 "$QUARRY" cat --bogus
printf "quarry cat: unrecognized option '--bogus'\nTry 'quarry cat --help'.\n" | cmp -s - "$T/err" ||
    fail "quarry cat --bogus: $(cat "$T/err")"

# The first thing the README shows: one JSON object per sample article.
expect_status 0 "$QUARRY" run -e 'read ! write' "$SRCDIR/samples/*.txt" -o "$T/o1"
expect_lines "$T/o1/documents.jsonl" 5
for id in 000_eb3a2499798f2629 001_dc0d1a0686e81650 002_e14292584645a346 \
          003_f6451e2403eccaa0 004_c59eef0f49fff9ef; do
    expect_in "$T/o1/documents.jsonl" "{\"id\":\"$id\",\"text\":\""
done
expect_in "$T/err" "5 records read, 5 out, 0 rejected"
[ -s "$T/o1/rejects.jsonl" ] && fail "rejects.jsonl should be empty"

# The main job, with its own input and output settings, and --quiet.
mkdir "$T/job"
cp -r "$SRCDIR/pipelines" "$SRCDIR/samples" "$T/job/"
expect_status 0 "$QUARRY" run --quiet "$T/job/pipelines/news.pipeline"
expect_lines "$T/job/out/documents.jsonl" 5
[ -s "$T/err" ] && fail "--quiet printed: $(cat "$T/err")"
expect_status 0 "$QUARRY" check "$T/job/pipelines/news.pipeline"
expect_in "$T/out" "news.pipeline: OK"
# check runs nothing: -q leaves the verdict to the exit status, and its help names its own.
expect_status 0 "$QUARRY" check -q "$T/job/pipelines/news.pipeline"
[ -s "$T/out" ] && fail "check -q printed: $(cat "$T/out")"
expect_status 0 "$QUARRY" check --help
expect_in "$T/out" "Exit status: 0 all valid; 64 usage or pipeline error"
expect_not_in "$T/out" "79 done"
expect_status 64 "$QUARRY" check -o "$T/x" "$T/job/pipelines/news.pipeline"

# check --start starts and stops every stage as a run would, so what a stage refuses as it opens
# is found when a nightly job is set up: with the status the run would exit with, and nothing
# written. The main job starts (its background model and topic file are read); a fresh copy
# whose output folder is not there yet leaves it not there.
mkdir "$T/dry"
cp -r "$SRCDIR/pipelines" "$SRCDIR/samples" "$T/dry/"
expect_status 0 "$QUARRY" check --start "$T/dry/pipelines/news.pipeline"
expect_in "$T/out" "news.pipeline: OK"
[ -e "$T/dry/out" ] && fail "check --start made the output folder: $(ls -a "$T/dry/out")"
# The other shipped pipeline starts too (its background model is found), given its input folder.
expect_status 0 "$QUARRY" check --start "$T/dry/pipelines/feeds.pipeline" "$T/dry/samples"
# Plain check passes each of these; --start refuses each as the run does.
dry() { # STATUS MESSAGE GRAPH INPUT...: check passes GRAPH, check --start exits STATUS with MESSAGE
    dry_status=$1 dry_message=$2 dry_graph=$3 # not 'want': expect_status sets that
    shift 3
    expect_status 0 "$QUARRY" check -e "$dry_graph"
    expect_status "$dry_status" "$QUARRY" check --start -e "$dry_graph" "$@"
    expect_in "$T/err" "$dry_message"
    expect_status "$dry_status" "$QUARRY" run -e "$dry_graph" "$@" -o "$T/dry/run"
    expect_in "$T/err" "$dry_message"
}
prep='read ! clean ! tokenize ! stem'
dry 64 "background weighs document frequencies, which method = yake and rake do not use" \
    "$prep ! keywords method=yake background=$SRCDIR/pipelines/reuters-background.model ! write" "$SRCDIR/samples"
dry 66 "cannot open the keywords model $T/none.model: No such file or directory" \
    "$prep ! keywords model=$T/none.model ! write" "$SRCDIR/samples"
printf 'not a model\n' >"$T/bad.model"
dry 65 "$T/bad.model:1: not a keywords model" "$prep ! keywords model=$T/bad.model ! write" "$SRCDIR/samples"
dry 66 "input $T/none: No such file or directory" "read ! write" "$T/none"
dry 66 "no input: give files or folders" "read ! write"
dry 64 "output name 'rejects.jsonl' is the run's own list" \
    "$prep ! keywords save-model=rejects.jsonl ! write" "$SRCDIR/samples"
dry 64 "x.jsonl is already written by another stage of this run" \
    "read ! a:write path=x.jsonl a. ! write path=x.jsonl" "$SRCDIR/samples"
# A pipeline being set up has each fault told at once: check --start starts every stage and
# names each that cannot start, with the first one's status; a run stops at the first.
three="read ! tokenize stopwords=$T/no.stop ! stem ! keywords model=$T/no.model ! topics lexicon=$T/no.topics ! write"
expect_status 66 "$QUARRY" check --start -e "$three" "$SRCDIR/samples"
for what in "stop-word file $T/no.stop" "keywords model $T/no.model" "topic file $T/no.topics"; do
    expect_in "$T/err" "could not start: cannot open the $what: No such file or directory"
done
expect_status 66 "$QUARRY" run -e "$three" "$SRCDIR/samples" -o "$T/dry/run"
expect_in "$T/err" "cannot open the stop-word file"
expect_not_in "$T/err" "cannot open the keywords model"
# The output folder the run would make, or write into: here one under a file (as root, a folder
# without write permission cannot be tried), and one that is a file. check --start makes none.
touch "$T/dry/file"
for out in "$T/dry/file/out" "$T/dry/file"; do
    printf '[pipeline]\ninput = ../samples\noutput = %s\n[read]\n[write]\n' "$out" >"$T/dry/pipelines/out.pipeline"
    expect_status 0 "$QUARRY" check "$T/dry/pipelines/out.pipeline"
    expect_status 73 "$QUARRY" check --start "$T/dry/pipelines/out.pipeline"
    expect_in "$T/err" "cannot create folder $out: "
    cp "$T/err" "$T/dry/check.err"
    expect_status 73 "$QUARRY" run "$T/dry/pipelines/out.pipeline"
    sed 's/^[^ ]* //' "$T/dry/check.err" >"$T/dry/check.msg"
    sed 's/^[^ ]* //' "$T/err" | cmp -s - "$T/dry/check.msg" || fail "check --start and the run say otherwise: $(cat "$T/err")"
done
printf '[pipeline]\ninput = ../samples\noutput = %s\n[read]\n[write]\n' "$T/dry/new/folders" >"$T/dry/pipelines/out.pipeline"
expect_status 0 "$QUARRY" check --start "$T/dry/pipelines/out.pipeline"
[ -e "$T/dry/new" ] && fail "check --start made the output folder's parent"
# A cron line checks with 'check --start' in place of 'run': the run's options are taken, and the
# folders they name checked, not made.
expect_status 0 "$QUARRY" check --start --quiet -j 2 --state "$T/dry/st" -o "$T/dry/o" "$T/dry/pipelines/news.pipeline"
[ -e "$T/dry/st" ] || [ -e "$T/dry/o" ] && fail "check --start made the folders its options name"
expect_status 73 "$QUARRY" check --start --state "$T/dry/file/st" "$T/dry/pipelines/news.pipeline"
expect_in "$T/err" "cannot create folder $T/dry/file/st: $T/dry/file is a file, not a folder"
# A model saved and the documents: no file is made in the output folder (./out for a graph),
# not even a temporary one.
mkdir "$T/dry/out"
expect_status 0 env -C "$T/dry" "$QUARRY" check --start -e "$prep ! keywords save-model=kw.model ! write" samples
expect_in "$T/out" "<command line>: OK"
[ -n "$(ls -A "$T/dry/out")" ] && fail "check --start wrote into the output folder: $(ls -A "$T/dry/out")"
expect_status 64 "$QUARRY" check -e 'read ! write' "$SRCDIR/samples"
expect_in "$T/err" "check reads no input; unexpected"
expect_status 64 "$QUARRY" run --start -e 'read ! write' "$SRCDIR/samples"
expect_in "$T/err" "--start is quarry check's"

expect_status 0 "$QUARRY" list
expect_in "$T/out" "read         1.17.1"
expect_in "$T/out" "write        1.11.0"
expect_status 0 "$QUARRY" inspect read
expect_in "$T/out" "Stage:       read 1.17.1"
expect_in "$T/out" "format           enum   default: auto  allowed: auto|text|jsonl"
expect_in "$T/out" "Flags:       source"
expect_status 0 "$QUARRY" inspect topics
expect_in "$T/out" "seed             int    default: 1  allowed: at least 0"
expect_in "$T/out" "threads          int    default: 2  allowed: 1..256"
expect_status 0 "$QUARRY" inspect --json write
expect_in "$T/out" '{"name":"write","version":"1.11.0",'
expect_in "$T/out" '"params":[{"name":"path","type":"string","required":false,"default":"documents.jsonl"'
if command -v python3 >/dev/null; then
    python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/out" || fail "inspect --json is not JSON"
fi
expect_status 64 "$QUARRY" inspect raed
expect_in "$T/err" "did you mean 'read'?"

# A branching graph: one source feeding two writers.
expect_status 0 "$QUARRY" run -e 'r:read ! write path=a.jsonl  r. ! write path=b.jsonl' \
    "$SRCDIR/samples/*.txt" -o "$T/o2"
cmp -s "$T/o2/a.jsonl" "$T/o2/b.jsonl" || fail "branches differ"
expect_lines "$T/o2/a.jsonl" 5

# A file's name says its format: format = tsv alone writes documents.tsv, never TSV into
# documents.jsonl; a format that the given name contradicts is refused before any data flows.
expect_status 0 "$QUARRY" run -q -e 'read ! write format=tsv fields=id' "$SRCDIR/samples/*.txt" -o "$T/ot"
expect_lines "$T/ot/documents.tsv" 6
[ -e "$T/ot/documents.jsonl" ] && fail "format=tsv wrote documents.jsonl"
expect_status 64 "$QUARRY" run -q -e 'read ! write format=tsv path=d.jsonl.gz' "$SRCDIR/samples" -o "$T/ot"
expect_in "$T/err" "format = tsv, but path 'd.jsonl.gz' names a JSON Lines file"
expect_status 64 "$QUARRY" run -q -e 'read ! write format=jsonl path=d.tsv' "$SRCDIR/samples" -o "$T/ot"
expect_in "$T/err" "format = jsonl, but path 'd.tsv' names a TSV file"
expect_status 0 "$QUARRY" run -q -e 'read ! write format=jsonl path=d.txt' "$SRCDIR/samples/*.txt" -o "$T/ot"
expect_lines "$T/ot/d.txt" 5
expect_status 64 "$QUARRY" run -q -e 'read ! write format=csv path=d.tsv' "$SRCDIR/samples" -o "$T/ot"
expect_in "$T/err" "format = csv, but path 'd.tsv' names a TSV file"
# CSV written is CSV read: the documents and their tables (table-format = csv) come back whole,
# commas, quotes and line breaks inside them too.
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! stem ! write path=d.csv.gz fields=id,title,text table-format=csv' \
    "$SRCDIR/samples/*.txt" -o "$T/oc"
expect_status 0 "$QUARRY" run -q -e 'read ! write fields=id,title,text' "$SRCDIR/samples/*.txt" -o "$T/oj"
expect_status 0 "$QUARRY" run -q -e 'read ! write fields=id,title,text' "$T/oc/d.csv.gz" -o "$T/ocj"
cmp -s "$T/oj/documents.jsonl" "$T/ocj/documents.jsonl" || fail "CSV read back differs from the documents written"
[ "$(head -c 32 "$T/oc/stems.csv")" = "$(printf 'stem,surface,count,total,forms\r\n')" ] || fail "stems.csv has no CSV header"
# A field of 'fields' that no document has (a typo, or a stage missing before write) is named in a
# warning, with the fields the documents do have; one that some documents lack is not.
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! write fields=id,token' "$SRCDIR/samples/*.txt" -o "$T/ot"
expect_in "$T/err" "write: warning: field 'token' of 'fields' is in no document (5 written), so no line has it; the first document's fields: id, text, tokens, surface,"
expect_status 0 "$QUARRY" run -q -e 'read ! write path=d.tsv fields=id,title,text' "$SRCDIR/samples/*.txt" -o "$T/ot"
expect_in "$T/err" "field 'title' of 'fields' is in no document (5 written), so its column is empty"
expect_not_in "$T/err" "field 'text'"
# A field named with a '?' may be in no document (a feed's categories): its column stays, unwarned.
expect_status 0 "$QUARRY" run -q -e 'read ! write path=d.csv fields=id,title?,text' "$SRCDIR/samples/*.txt" -o "$T/ot"
expect_not_in "$T/err" "warning"
[ "$(head -c 14 "$T/ot/d.csv")" = "$(printf 'id,title,text\r\n')" ] || fail "an optional field's column is not named as the field"
printf '{"id":"a","text":"x","title":"T"}\n{"id":"b","text":"y"}\n' >"$T/titled.jsonl"
expect_status 0 "$QUARRY" run -q -e 'read ! write fields=id,title' "$T/titled.jsonl" -o "$T/ot"
expect_not_in "$T/err" "warning"
# A record with none of the fields of 'fields' is an empty line ("{}"), which a warning counts:
# table rows that tables = false sends to the main file, or documents without the fields; not
# where every field is optional.
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! stem ! write tables=false fields=id' "$SRCDIR/samples/*.txt" -o "$T/ot"
expect_in "$T/err" "records written have none of the fields of 'fields', so their lines are empty: they are rows of corpus tables, which tables = false writes to the main file"
expect_in "$T/ot/documents.jsonl" '{}'
printf '{"id":"a","text":"x","t":1}\n{"text":"y"}\n{"text":"z","t":2}\n' >"$T/bare.jsonl"
expect_status 0 "$QUARRY" run -q -e 'read ! write fields=t' "$T/bare.jsonl" -o "$T/ot"
expect_in "$T/err" "write: warning: 1 of 3 records written have none of the fields of 'fields', so their lines are empty"
expect_not_in "$T/err" "rows of corpus tables"
expect_status 0 "$QUARRY" run -q -e 'read ! write fields=t?' "$T/bare.jsonl" -o "$T/ot"
expect_not_in "$T/err" "warning"
# Both at once: the warning counts the rows among the empty lines.
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! stem ! write tables=false fields=title' "$T/titled.jsonl" -o "$T/ot"
expect_in "$T/err" "write: warning: 4 of 5 records written have none of the fields of 'fields', so their lines are empty: 3 of them are rows of corpus tables, which tables = false writes to the main file"
# TSV (or CSV) without 'fields' takes its columns from the first document: fields of later ones
# that they leave out are named in a warning, not dropped without a word.
printf '{"id":"a","text":"x"}\n{"id":"b","text":"y","title":"T","x1":1}\n{"id":"c","text":"z","title":"U"}\n' >"$T/mixed.jsonl"
expect_status 0 "$QUARRY" run -q -e 'read ! write path=m.tsv' "$T/mixed.jsonl" -o "$T/ot"
expect_in "$T/err" "write: warning: 2 of 3 documents have fields that the TSV's columns leave out (title, x1): the columns are the first document's fields"
expect_status 0 "$QUARRY" run -q -e 'read ! write path=m.tsv fields=id,title' "$T/mixed.jsonl" -o "$T/ot"
expect_not_in "$T/err" "warning"
expect_status 0 "$QUARRY" run -q -e 'read ! write path=m.csv' "$T/mixed.jsonl" -o "$T/ot"
expect_in "$T/err" "write: warning: 2 of 3 documents have fields that the CSV's columns leave out (title, x1)"

# Standard input that cannot be read (a folder) is no input that ended well: test-stage exits 74.
expect_status 74 "$QUARRY" test-stage stem <"$SRCDIR/samples"
expect_in "$T/err" "cannot read standard input: Is a directory"

# Standard output on a full disk: whatever printed it, lost output is exit 74 with the reason,
# never 0 (a failed write drops stdio's buffer, so the last flush alone can succeed).
if [ -w /dev/full ]; then
    expect_status 0 "$QUARRY" run -q -c 1 -e 'read ! write' "$SRCDIR/samples" -o "$T/o3" \
        --keep-intermediate "$T/kept"
    expect_status 0 "$QUARRY" test-stage clean <"$T/o3/documents.jsonl" # fills stdio's buffer
    [ "$(wc -c <"$T/out")" -gt 8192 ] || fail "test-stage wrote too little to fill a buffer"
    to_full_disk() { # ARG...: quarry ARG... with standard output on a full disk
        "$QUARRY" "$@" <"$T/o3/documents.jsonl" >/dev/full 2>"$T/err"
        rc=$?
        [ "$rc" = 74 ] || fail "quarry $* >/dev/full: exit $rc, expected 74"
        expect_in "$T/err" "cannot write to standard output: No space left on device"
    }
    to_full_disk cat "$T/kept/01-read.qz"
    to_full_disk test-stage clean
    to_full_disk run -q -e 'read ! write path=-' "$SRCDIR/samples" -o "$T/o4"
    to_full_disk run -q -e 'read ! write path=- format=tsv fields=id' "$SRCDIR/samples" -o "$T/o5"
    to_full_disk list
    to_full_disk --help
    to_full_disk --version
else
    echo "no /dev/full here: the full-disk checks of standard output are skipped"
fi
finish
