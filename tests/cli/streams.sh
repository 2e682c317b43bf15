# streams.sh: kept intermediate streams are gzip files; quarry cat and the read stage read them
# back and catch truncation and corruption, naming the file and block. A run warns of streams
# that an earlier pipeline kept in its folder.
. "$(dirname "$0")/lib.sh"
S="$SRCDIR/samples/*.txt"

expect_status 0 "$QUARRY" run -e 'read ! write' "$S" -o "$T/o" --keep-intermediate "$T/k"
[ -f "$T/k/01-read.qz" ] && [ -f "$T/k/02-write.qz" ] || fail "kept streams missing"
gzip -t "$T/k/01-read.qz" || fail "a kept stream is not valid gzip"
zcat "$T/k/01-read.qz" | grep -qa "000_eb3a2499798f2629" || fail "zcat does not show the records"
expect_status 0 "$QUARRY" cat "$T/k/01-read.qz"
cmp -s "$T/out" "$T/o/documents.jsonl" || fail "quarry cat differs from the written documents"
expect_status 0 "$QUARRY" cat - <"$T/k/02-write.qz"
expect_lines "$T/out" 5

# Level 0 is stored but still framed and checked; many small blocks.
expect_status 0 "$QUARRY" run -e 'read ! write' "$S" -o "$T/o0" -c 0 --keep-intermediate "$T/k0"
expect_status 0 "$QUARRY" cat "$T/k0/01-read.qz"
cmp -s "$T/out" "$T/o/documents.jsonl" || fail "level 0 stream differs"
printf '[pipeline]\nblock-size = 256\n[read]\n[write]\n' >"$T/small.pipeline"
expect_status 0 "$QUARRY" run "$T/small.pipeline" "$S" -o "$T/os" --keep-intermediate "$T/ks"
expect_status 0 "$QUARRY" cat "$T/ks/01-read.qz"
cmp -s "$T/out" "$T/o/documents.jsonl" || fail "small-block stream differs"
gzip -t "$T/ks/01-read.qz" || fail "multi-member stream is not valid gzip"

# Kept streams are recompressed to the disk level when it differs from the edges' level.
expect_status 0 "$QUARRY" run -e 'read ! write' "$S" -o "$T/o6" -c 6 --edge-compression 0 --keep-intermediate "$T/k6"
expect_status 0 "$QUARRY" cat "$T/k6/01-read.qz"
cmp -s "$T/out" "$T/o/documents.jsonl" || fail "level 6 kept stream differs"
[ "$(wc -c <"$T/k6/01-read.qz")" -lt "$(wc -c <"$T/k0/01-read.qz")" ] || fail "level 6 is not smaller than level 0"
expect_status 0 "$QUARRY" run -e 'read ! write' "$S" -o "$T/oe" --edge-compression 9 -c 9 --keep-intermediate "$T/ke"
cmp -s "$T/ke/01-read.qz" "$T/k6/01-read.qz" && fail "levels 6 and 9 gave the same bytes"
expect_status 0 "$QUARRY" cat "$T/ke/01-read.qz"
cmp -s "$T/out" "$T/o/documents.jsonl" || fail "level 9 edge stream differs"

size=$(wc -c <"$T/k/01-read.qz")
# Truncated anywhere: inside a block, and exactly before the end-of-stream block.
head -c $((size / 2)) "$T/k/01-read.qz" >"$T/half.qz"
expect_status 65 "$QUARRY" cat "$T/half.qz"
expect_in "$T/err" "half.qz: truncated: block 0 at offset 0 should be"
head -c $((size - 34)) "$T/k/01-read.qz" >"$T/noeof.qz"
expect_status 65 "$QUARRY" cat "$T/noeof.qz"
expect_in "$T/err" "noeof.qz: truncated: ends after block 0"
expect_in "$T/err" "without the end-of-stream block"
# Cut inside its first header, a stream is truncated; a few bytes of something else (text on
# standard input) are no stream at all, and said to be so, as is the JSON Lines a run writes;
# bytes of something else after a stream's end are named by their offset.
head -c 10 "$T/k/01-read.qz" >"$T/stub.qz"
expect_status 65 "$QUARRY" cat "$T/stub.qz"
expect_in "$T/err" "stub.qz: truncated: block 0 at offset 0 is cut short in its header"
echo hello | expect_status 65 "$QUARRY" cat -
expect_in "$T/err" "-: not a quarry stream: it does not begin as gzip does"
printf '{"id":"a","text":"%0100d"}\n' 0 >"$T/documents.jsonl"
expect_status 65 "$QUARRY" cat "$T/documents.jsonl"
expect_in "$T/err" "documents.jsonl: not a quarry stream: it does not begin as gzip does (a stream is what --keep-intermediate saves)"
{ cat "$T/k/01-read.qz"; echo hello; } >"$T/tail.qz"
expect_status 65 "$QUARRY" cat "$T/tail.qz"
expect_in "$T/err" "tail.qz: block 2 at offset $size: not a gzip member (bad magic bytes)"
# A damaged header claiming a block of nearly 4 GB in a file of 40 bytes: the reader grows its
# buffer with what it reads, so that the size is never allocated (with 2 GB of address space,
# allocating it killed the run with 'out of memory'). The sanitizers' runtimes need far more
# address space than any such limit, so under them only the message is checked.
printf '\037\213\010\004\000\000\000\000\000\377\014\000QY\010\000\360\377\377\357%024d' 0 >"$T/huge.qz"
if sanitized; then limit=unlimited; else limit=2000000; fi
(ulimit -v $limit && exec "$QUARRY" cat "$T/huge.qz") >"$T/out" 2>"$T/err"
got=$?
[ $got = 65 ] || fail "a block header claiming 4 GB: exit $got, expected 65"
expect_in "$T/err" "huge.qz: truncated: block 0 at offset 0 should be 4026531824 bytes long"

# One flipped bit in the compressed data.
cp "$T/k/01-read.qz" "$T/flip.qz"
printf '\125' | dd of="$T/flip.qz" bs=1 seek=$((size / 3)) conv=notrunc 2>/dev/null
expect_status 65 "$QUARRY" cat "$T/flip.qz"
expect_in "$T/err" "flip.qz: block 0 at offset 0:"

# Not a stream at all.
printf 'hello' | gzip >"$T/plain.gz"
expect_status 65 "$QUARRY" cat "$T/plain.gz"
expect_in "$T/err" "not a quarry stream"
: >"$T/empty.qz"
expect_status 65 "$QUARRY" cat "$T/empty.qz"
expect_in "$T/err" "empty file, not a quarry stream"
expect_status 66 "$QUARRY" cat "$T/none.qz"
# A folder named for a stream is a wrong name, as a missing file is: not a stream damaged (65).
expect_status 66 "$QUARRY" cat "$T"
expect_in "$T/err" "cannot open $T: Is a directory"

# A kept stream read back: read tells it by its first bytes, whatever its name, and a run
# resumed from the stem edge writes what the whole pipeline writes.
full='read ! clean ! tokenize ! stem ! keywords ! write'
expect_status 0 "$QUARRY" run -e "$full" "$S" -o "$T/full" --keep-intermediate "$T/kf"
cp "$T/kf/04-stem.qz" "$T/stems.gz"
for input in "$T/kf/04-stem.qz" "$T/stems.gz"; do
    rm -rf "$T/resumed"
    expect_status 0 "$QUARRY" run -e 'read ! keywords ! write' "$input" -o "$T/resumed"
    expect_not_in "$T/err" "warning" # the stems table's rows have no id, and need none
    for f in documents.jsonl keywords.tsv stems.tsv; do
        cmp -s "$T/full/$f" "$T/resumed/$f" || fail "$f of a run resumed from $input differs"
    done
done
expect_lines "$T/resumed/documents.jsonl" 5
expect_status 0 "$QUARRY" run -e 'read format=records ! write' - -o "$T/stdin" <"$T/kf/04-stem.qz"
expect_lines "$T/stdin/documents.jsonl" 5
expect_lines "$T/stdin/stems.tsv" "$(wc -l <"$T/full/stems.tsv")"
# Not told: a stream is known by its first bytes, which read looks at without taking them, in
# a file given as standard input and in a pipe alike.
expect_status 0 "$QUARRY" run -e 'read ! write' - -o "$T/stdin2" <"$T/kf/04-stem.qz"
cat "$T/kf/04-stem.qz" | expect_status 0 "$QUARRY" run -e 'read ! write' - -o "$T/stdin3"
for out in stdin2 stdin3; do
    for f in documents.jsonl stems.tsv; do
        cmp -s "$T/stdin/$f" "$T/$out/$f" || fail "$f of a stream read from standard input ($out) differs"
    done
done
# A stream gunzipped on the way has lost its blocks' framing: rejected, saying so, rather than
# read as one garbled document.
zcat "$T/kf/04-stem.qz" | expect_status 79 "$QUARRY" run -e 'read ! write' - -o "$T/stdin4"
expect_in "$T/stdin4/rejects.jsonl" "-: the records of a saved stream without their blocks (gunzipped?)"

# Inside an input folder, a kept stream is most likely last night's edge, which holds the
# documents again: it is skipped, with a warning that names it. format = records reads it.
mkdir "$T/corpus"
cp "$SRCDIR/samples/000_eb3a2499798f2629.txt" "$T/kf/02-clean.qz" "$T/corpus/"
expect_status 0 "$QUARRY" run -e 'read ! write' "$T/corpus" -o "$T/ocorpus"
expect_lines "$T/ocorpus/documents.jsonl" 1
expect_in "$T/err" "corpus/02-clean.qz: a record stream a run kept, not read inside a folder: name it to read it"
rm "$T/corpus/000_eb3a2499798f2629.txt"
expect_status 0 "$QUARRY" run -e 'read format=records ! write' "$T/corpus" -o "$T/ocorpus2"
expect_lines "$T/ocorpus2/documents.jsonl" 5

# Damaged streams read: a bad block is rejected, naming the file and its offset, and the blocks
# after it read on (one document a block here); a truncated stream gives what comes before.
cp "$T/ks/01-read.qz" "$T/bad.qz"
printf '\125' | dd of="$T/bad.qz" bs=1 seek=$(($(wc -c <"$T/bad.qz") / 2)) conv=notrunc 2>/dev/null
expect_status 65 "$QUARRY" cat "$T/bad.qz" "$T/ks/01-read.qz" # all that can be read is printed
expect_lines "$T/out" 9
expect_in "$T/err" "bad.qz: block "
expect_status 79 "$QUARRY" run -e 'read ! write' "$T/bad.qz" -o "$T/ob"
expect_lines "$T/ob/documents.jsonl" 4
expect_lines "$T/ob/rejects.jsonl" 1
expect_in "$T/ob/rejects.jsonl" "bad.qz: block "
expect_in "$T/ob/rejects.jsonl" "(1 record skipped)"
head -c $(($(wc -c <"$T/ks/01-read.qz") - 44)) "$T/ks/01-read.qz" >"$T/cut.qz"
expect_status 79 "$QUARRY" run -e 'read ! write' "$T/cut.qz" -o "$T/oc"
expect_lines "$T/oc/documents.jsonl" 4
expect_in "$T/oc/rejects.jsonl" "cut.qz: truncated: block 4 at offset"
expect_status 79 "$QUARRY" run -e 'read ! write' "$T/empty.qz" -o "$T/oz"
expect_in "$T/oz/rejects.jsonl" "empty.qz: empty file, not a quarry stream"
# A run with other stages into the folder of the full pipeline's streams warns of those of the
# stages it has not: 04-stem.qz there would be read back as this run's. It removes none: a run
# may have read one. Files not named as kept streams are none of its business.
touch "$T/kf/notes.qz" "$T/kf/7-mine.qz"
expect_status 0 "$QUARRY" run -q -e 'read ! clean ! write' "$S" -o "$T/other" --keep-intermediate "$T/kf"
expect_in "$T/err" "warning: $T/kf also holds 4 streams that this run did not keep, of stages it does not have: 03-tokenize.qz, 04-stem.qz, 05-keywords.qz, 06-write.qz; remove them, or keep each pipeline's streams in a folder of its own"
[ "$(cd "$T/kf" && echo *)" = "01-read.qz 02-clean.qz 03-tokenize.qz 03-write.qz 04-stem.qz 05-keywords.qz 06-write.qz 7-mine.qz notes.qz" ] ||
    fail "kept: $(ls "$T/kf")"
# The same pipeline again, or a folder of its own: no word.
expect_status 0 "$QUARRY" run -q -e "$full" "$S" -o "$T/full" --keep-intermediate "$T/kf2"
expect_status 0 "$QUARRY" run -q -e "$full" "$S" -o "$T/full" --keep-intermediate "$T/kf2"
expect_not_in "$T/err" "also holds"
finish
