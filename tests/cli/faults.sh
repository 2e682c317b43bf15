# faults.sh: what a failing disk does to a run, through faults.c preloaded to fail chosen system
# calls: a file or folder that cannot be synced, renames that fail part way and cannot all be
# undone, a file system without hard links or locks, a state folder whose lock, caches or
# last-run cannot be written (or a cache read back, or pruned), temporary files, and input files
# and folders that cannot be read. Each fails the run with 73 (but an output folder without locks,
# which a warning names, a cache read back, whose documents are recomputed, and input, which is
# rejected) and a message naming what it did and did not replace, and the next run mends what
# is left.
. "$(dirname "$0")/lib.sh"
command -v "${CC:-cc}" >/dev/null 2>&1 || { echo "SKIP: no C compiler to build faults.c" >&2; exit 77; }
"${CC:-cc}" -shared -fPIC -o "$T/faults.so" "$SRCDIR/tests/cli/faults.c" || { fail "cannot compile faults.c"; finish; }
# AddressSanitizer wants its runtime first among the libraries; faults.so comes before it, and
# passes each call it does not fail on to the sanitizer's interceptor.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export ASAN_OPTIONS
faulty() { # FAULTS CMD...: CMD with the calls FAULTS names failing (faults.c)
    faults=$1
    shift
    env FAULTS="$faults" FAULTS_LOG="$T/faults.log" LD_PRELOAD="$T/faults.so" "$@"
}
# Whether the last faulty command met the fault FAULT ("CALL PATH"): else the test tests nothing.
expect_fault() {
    expect_in "$T/faults.log" "$1"
    rm -f "$T/faults.log"
}
no_temps() { # DIR: no temporary file left there
    if ls -A "$1" | grep -q '\.tmp-'; then fail "temporary files left in $1: $(ls -A "$1" | tr '\n' ' ')"; fi
}

mkdir "$T/in"
printf 'Stocks rose on Monday.\n' >"$T/in/a.txt"
printf 'Bonds fell on Tuesday.\n' >"$T/in/b.txt"
G='read ! tokenize ! stem ! write fields=id,stems'
expect_status 0 "$QUARRY" run -q -e "$G" "$T/in" -o "$T/o"
cp -r "$T/o" "$T/before"
printf 'Gold held on Wednesday.\n' >"$T/in/c.txt" # the next run's outputs differ
unchanged() { # WHY: the outputs are the first run's
    diff -r "$T/before" "$T/o" >/dev/null || fail "$1 changed the outputs"
}

# An output that cannot be synced: nothing is renamed.
expect_status 73 faulty 'fsync:.stems.tsv.tmp-:EIO' "$QUARRY" run -q -e "$G" "$T/in" -o "$T/o"
expect_fault "fsync $T/o/.stems.tsv.tmp-"
expect_in "$T/err" "cannot write $T/o/stems.tsv: Input/output error"
unchanged "a file that could not be synced"
no_temps "$T/o"

# The rename of stems.tsv fails after documents.jsonl's, whose previous file cannot be renamed
# back either: documents.jsonl is this run's, and its previous file stays under the name given,
# for the user to put back, until the next run sweeps it.
expect_status 73 faulty 'rename:.stems.tsv.tmp-:EIO rename:.documents.jsonl.prev.tmp-:EIO' \
    "$QUARRY" run -q -e "$G" "$T/in" -o "$T/o"
expect_fault "rename $T/o/.documents.jsonl.prev.tmp-"
expect_in "$T/err" "cannot rename $T/o/.stems.tsv.tmp-"
expect_in "$T/err" "to $T/o/stems.tsv: Input/output error; the outputs renamed before it could not all be given back their previous files: $T/o/documents.jsonl is this run's (the previous file is kept as $T/o/.documents.jsonl.prev.tmp-"
expect_in "$T/o/documents.jsonl" '"id":"c"'
cmp -s "$T/before/stems.tsv" "$T/o/stems.tsv" || fail "stems.tsv, whose rename failed, is not the last run's"
kept=$(ls -A "$T/o" | grep '^\.documents\.jsonl\.prev\.tmp-' || true)
if [ -n "$kept" ]; then
    cmp -s "$T/before/documents.jsonl" "$T/o/$kept" || fail "the previous documents.jsonl kept is not the last run's"
else
    fail "the previous documents.jsonl that could not be given back was not kept"
fi
expect_status 0 "$QUARRY" run -q -e "$G" "$T/in" -o "$T/o"
no_temps "$T/o"

# On a file system without hard links, the previous files cannot be linked before the renames:
# the one renamed before the failure is said to be this run's, with no previous file kept.
rm -rf "$T/o" && cp -r "$T/before" "$T/o"
expect_status 73 faulty 'link:documents.jsonl:EPERM rename:.stems.tsv.tmp-:EIO' \
    "$QUARRY" run -q -e "$G" "$T/in" -o "$T/o"
expect_fault "link $T/o/documents.jsonl"
expect_in "$T/err" "could not all be given back their previous files: $T/o/documents.jsonl is this run's"
expect_not_in "$T/err" "kept as"
no_temps "$T/o"

# The folder cannot be synced after every rename: the outputs are this run's, and said to be.
rm -rf "$T/o" && cp -r "$T/before" "$T/o"
expect_status 73 faulty "fsync:=$T/o:EIO" "$QUARRY" run -q -e "$G" "$T/in" -o "$T/o"
expect_fault "fsync $T/o EIO"
expect_in "$T/err" "cannot sync folder $T/o: Input/output error (the outputs are this run's, but a crash may yet undo their renames)"
expect_in "$T/o/documents.jsonl" '"id":"c"'
no_temps "$T/o"

# An input file that cannot be opened, or read (a disk's I/O error) at once or part way: it is
# rejected with the error, and no part of it passes for the whole; a file of JSON Lines keeps
# the documents read before the error, and its rejection says after which line. The other files
# are read, and the run exits 79.
mkdir "$T/r"
printf 'A story about markets.\n' >"$T/r/a.txt"
awk 'BEGIN { for (i = 0; i < 40000; i++) printf "word%d ", i; print "" }' >"$T/r/big.txt"
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "{\"id\":\"d%d\",\"text\":\"story %d about stocks\"}\n", i, i }' \
    >"$T/r/many.jsonl"
expect_status 79 faulty "read:$T/r/big.txt:EIO" "$QUARRY" run -q -e 'read ! write' "$T/r/a.txt" "$T/r/big.txt" -o "$T/ro"
expect_fault "read $T/r/big.txt EIO"
expect_in "$T/ro/rejects.jsonl" '"_reason":"'"$T"'/r/big.txt: Input/output error","id":"big"'
expect_in "$T/ro/documents.jsonl" '"id":"a"'
expect_lines "$T/ro/documents.jsonl" 1
expect_status 79 faulty "open:=$T/r/big.txt:EACCES" "$QUARRY" run -q -e 'read ! write' "$T/r/a.txt" "$T/r/big.txt" -o "$T/ro"
expect_in "$T/ro/rejects.jsonl" '"_reason":"'"$T"'/r/big.txt: Permission denied","id":"big"'
expect_lines "$T/ro/documents.jsonl" 1
expect_status 79 faulty "read:$T/r/big.txt:EIO:2" "$QUARRY" run -q -e 'read ! write' "$T/r/big.txt" -o "$T/ro"
expect_fault "read $T/r/big.txt EIO"
expect_in "$T/ro/rejects.jsonl" '"_reason":"'"$T"'/r/big.txt: Input/output error","id":"big"'
expect_lines "$T/ro/documents.jsonl" 0
expect_status 79 faulty "read:$T/r/many.jsonl:EIO:2" "$QUARRY" run -q -e 'read ! write' "$T/r/many.jsonl" -o "$T/ro"
expect_fault "read $T/r/many.jsonl EIO"
read_before=$(wc -l <"$T/ro/documents.jsonl")
[ "$read_before" -gt 0 ] && [ "$read_before" -lt 20000 ] || fail "documents read before the error: $read_before"
expect_in "$T/ro/rejects.jsonl" '"_reason":"'"$T"'/r/many.jsonl: after line '"$read_before"': Input/output error"'
tail -n 1 "$T/ro/documents.jsonl" | grep -q "\"id\":\"d$((read_before - 1))\"" ||
    fail "the documents kept from many.jsonl are not its first $read_before"
# The same lines on standard input: read as they come, rejected as "-" after the last line read.
expect_status 79 faulty "read:$T/r/many.jsonl:EIO:2" "$QUARRY" run -q -e 'read ! write' - -o "$T/ro" <"$T/r/many.jsonl"
expect_fault "read $T/r/many.jsonl EIO"
read_before=$(wc -l <"$T/ro/documents.jsonl")
[ "$read_before" -gt 0 ] && [ "$read_before" -lt 20000 ] || fail "documents read from standard input before the error: $read_before"
expect_in "$T/ro/rejects.jsonl" '"_reason":"-: after line '"$read_before"': Input/output error","id":"stdin","path":"-"'

# A folder that cannot be listed (no permission: root here ignores modes, so scandir fails):
# inside an input folder, it is rejected by its name and the rest is read; an input folder
# itself, by its path, and not said to be empty.
mkdir -p "$T/w/locked" "$T/w/open"
printf 'one story\n' >"$T/w/locked/x.txt"
printf 'two story\n' >"$T/w/open/y.txt"
expect_status 79 faulty "scandir:=$T/w/locked:EACCES" "$QUARRY" run -q -e 'read ! write' "$T/w" -o "$T/wo"
expect_fault "scandir $T/w/locked EACCES"
expect_in "$T/wo/rejects.jsonl" '"_reason":"'"$T"'/w/locked: Permission denied","id":"locked"'
expect_in "$T/wo/documents.jsonl" '"id":"open/y"'
expect_status 79 faulty "scandir:=$T/w:EACCES" "$QUARRY" run -q -e 'read ! write' "$T/w" -o "$T/wo"
expect_in "$T/wo/rejects.jsonl" '"_reason":"'"$T"'/w: Permission denied","id":"'"$T"'/w"'
expect_not_in "$T/err" "no file in the input folder"

# Temporary files (the rejects' spools, a stage's per stage, and a two-pass stage's spool) in a
# $TMPDIR whose file system makes no unnamed files (O_TMPFILE): named ones instead, removed at
# once, so that nothing is left there, and the outputs are the same. A spool that cannot be made
# after the rejects' could (the sixth file here: keywords' spool) fails the run with 73.
K='read ! tokenize ! stem ! keywords ! write'
mkdir "$T/tmp"
expect_status 0 env TMPDIR="$T/tmp" "$QUARRY" run -q -e "$K" "$T/in" -o "$T/k"
expect_status 0 faulty "open:=$T/tmp:EOPNOTSUPP" env TMPDIR="$T/tmp" "$QUARRY" run -q -e "$K" "$T/in" -o "$T/k2"
expect_fault "open $T/tmp EOPNOTSUPP"
diff -r "$T/k" "$T/k2" >/dev/null || fail "spools in named temporary files changed the outputs"
[ -z "$(ls -A "$T/tmp")" ] || fail "named spools left in \$TMPDIR: $(ls -A "$T/tmp" | tr '\n' ' ')"
expect_status 73 faulty "open:=$T/tmp:EACCES:6" env TMPDIR="$T/tmp" "$QUARRY" run -q -e "$K" "$T/in" -o "$T/k3"
expect_fault "open $T/tmp EACCES"
expect_in "$T/err" "stage 'keywords': cannot create a spool file in $T/tmp: Permission denied"
[ ! -e "$T/k3/documents.jsonl" ] || fail "a run whose spool could not be made wrote its outputs"

# An output folder on a file system without locks (some network ones): the run goes on, but
# says that nothing keeps a second run out. A state folder there is refused, with 73: the next
# night could not tell a run still going from one that died.
expect_status 0 faulty "flock:=$T/o:ENOLCK" "$QUARRY" run -q -e "$G" "$T/in" -o "$T/o"
expect_fault "flock $T/o ENOLCK"
expect_in "$T/err" "warning: cannot lock the output folder $T/o (No locks available): nothing keeps another run from writing there at once"
expect_status 73 faulty "flock:=$T/nolocks/lock:ENOLCK" "$QUARRY" run -q --state "$T/nolocks" -e "$G" "$T/in" -o "$T/o"
expect_fault "flock $T/nolocks/lock ENOLCK"
expect_in "$T/err" "cannot lock $T/nolocks/lock: No locks available (a state folder needs a file system with locks: a local disk)"

# An output folder that cannot be opened (no permission to read it: root here ignores modes):
# its renames could not be synced, so the run stops before any work, with 73, and the folder
# keeps what it holds.
cp -r "$T/o" "$T/before3"
expect_status 73 faulty "open:=$T/o:EACCES" "$QUARRY" run -q -e "$G" "$T/in" -o "$T/o"
expect_fault "open $T/o EACCES"
expect_in "$T/err" "cannot open the output folder $T/o: Permission denied (a run locks it, and syncs it after renaming its files into it)"
diff -r "$T/before3" "$T/o" >/dev/null || fail "a run that could not open its output folder changed it"

# A state folder. Its caches are replaced before the outputs: a cache that cannot be synced or
# renamed fails the run, named by its stage and folder, and leaves the outputs as they were.
S="--state $T/st"
rm -rf "$T/in/c.txt" "$T/o" && cp -r "$T/before" "$T/o"
expect_status 0 "$QUARRY" run -q $S -e "$G" "$T/in" -o "$T/o"
printf 'Gold held on Wednesday.\n' >"$T/in/c.txt"
expect_status 73 faulty 'fsync:/cache/.tokenize-:EIO' "$QUARRY" run -q $S -e "$G" "$T/in" -o "$T/o"
expect_fault "fsync $T/st/cache/.tokenize-"
expect_in "$T/err" "stage 'tokenize' failed: cannot write its cache in the state folder ($T/st/cache): Input/output error"
unchanged "a cache that could not be synced"
no_temps "$T/st/cache"
expect_status 73 faulty 'rename:/cache/.tokenize-:EIO' "$QUARRY" run -q $S -e "$G" "$T/in" -o "$T/o"
expect_fault "rename $T/st/cache/.tokenize-"
expect_in "$T/err" "stage 'tokenize' failed: cannot replace its cache in the state folder ($T/st/cache): Input/output error"
unchanged "a cache that could not be renamed"
no_temps "$T/st/cache"
# last-run, replaced after the outputs: they are this run's, and the next run, finding last-run
# out of date, does the work again instead of keeping them as they are.
expect_status 73 faulty 'rename:/.last-run.tmp-:EIO' "$QUARRY" run -q $S -e "$G" "$T/in" -o "$T/o"
expect_fault "rename $T/st/.last-run.tmp-"
expect_in "$T/err" "the outputs are written, but the state folder is not: cannot rename $T/st/.last-run.tmp-"
printf 'Tin eased on Saturday.\n' >"$T/in/f.txt"
expect_status 73 faulty 'fsync:/.last-run.tmp-:EIO' "$QUARRY" run -q $S -e "$G" "$T/in" -o "$T/o"
expect_fault "fsync $T/st/.last-run.tmp-"
expect_in "$T/err" "the outputs are written, but the state folder is not: cannot write $T/st/last-run: Input/output error"
no_temps "$T/st"
rm "$T/in/f.txt"
expect_in "$T/o/documents.jsonl" '"id":"c"'
expect_status 0 "$QUARRY" run $S -e "$G" "$T/in" -o "$T/o"
expect_not_in "$T/err" "its outputs stand"
expect_in "$T/err" "3 records read, 13 out"
no_temps "$T/st"
# A cache the disk fails to read back (pread) while the run looks documents up: the run says so
# once for the cache, not once a document, recomputes them, and gives a fresh run's bytes.
printf 'Copper gained on Friday.\n' >"$T/in/e.txt"
expect_status 0 faulty "pread:/cache/tokenize-:EIO" "$QUARRY" run $S -e "$G" "$T/in" -o "$T/o"
expect_fault "pread $T/st/cache/tokenize-"
expect_in "$T/err" "tokenize: warning: cache $T/st/cache/tokenize-"
expect_in "$T/err" ": block at byte 0: cannot read it: Input/output error; recomputing its documents (and any other the cache fails to give, not told again)"
[ "$(grep -c 'cannot read it' "$T/err")" = 1 ] || fail "a cache failing three lookups was told of $(grep -c 'cannot read it' "$T/err") times"
expect_in "$T/err" "tokenize 0 of 4"
expect_status 0 "$QUARRY" run -q -e "$G" "$T/in" -o "$T/fresh"
diff -r "$T/fresh" "$T/o" >/dev/null || fail "documents recomputed for a cache that could not be read differ from a fresh run's"

# The lock file, which names the run holding the folder, cannot be written, or opened: nothing
# is done.
cp -r "$T/o" "$T/before2"
printf 'Oil slid on Thursday.\n' >"$T/in/d.txt"
expect_status 73 faulty "pwrite:=$T/st/lock:EIO" "$QUARRY" run -q $S -e "$G" "$T/in" -o "$T/o"
expect_fault "pwrite $T/st/lock EIO"
expect_in "$T/err" "cannot write $T/st/lock: Input/output error"
expect_status 73 faulty "open:=$T/st/lock:EACCES" "$QUARRY" run -q $S -e "$G" "$T/in" -o "$T/o"
expect_fault "open $T/st/lock EACCES"
expect_in "$T/err" "cannot open $T/st/lock: Permission denied"
diff -r "$T/before2" "$T/o" >/dev/null || fail "a run that could not write its lock changed the outputs"
# quarry state --prune, whose removal of a cache the last run did not use fails: 73, naming it;
# the cache stays, listed as before.
expect_status 0 "$QUARRY" run -q $S -e "read ! tokenize language=french ! stem ! write fields=id,stems" "$T/in" -o "$T/o"
expect_status 73 faulty "unlink:/cache/tokenize-:EIO" "$QUARRY" state "$T/st" --prune
expect_fault "unlink $T/st/cache/tokenize-"
expect_in "$T/err" "quarry: cannot remove $T/st/cache/tokenize-"
expect_in "$T/err" ": Input/output error"
expect_in "$T/out" "pruned: 0 cache files"
[ "$(ls "$T/st/cache" | grep -c '^tokenize-')" = 2 ] || fail "a cache that could not be removed is gone"
finish
