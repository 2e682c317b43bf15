# determinism.sh: the same input gives the same bytes whatever the thread count, even when
# workers finish out of order; per-record stages keep the input order; the shipped stages'
# corpus tables too, when their bounds prune and their blocks are tiny.
. "$(dirname "$0")/lib.sh"
mkdir -p "$T/in"
i=0
while [ $i -lt 300 ]; do
    printf 'document %d with some text %d %d\n' $i $((i * 7919 % 1000)) $((i * i)) >"$T/in/doc$(printf %04d $i).txt"
    i=$((i + 1))
done
cat >"$T/p.pipeline" <<'P'
[pipeline]
block-size = 256
queue = 2
[read]
[probe]
tag = t
mode = upper
jitter = true
reject = 7 49
[write]
P
for jobs in 1 2 4; do
    expect_status 79 "$QUARRY" run --plugin-path "$FIXTURES" "$T/p.pipeline" "$T/in" -o "$T/o$jobs" \
        --jobs $jobs --keep-intermediate "$T/k$jobs"
done
for jobs in 2 4; do
    for f in documents.jsonl rejects.jsonl; do
        cmp -s "$T/o1/$f" "$T/o$jobs/$f" || fail "$f differs between --jobs 1 and --jobs $jobs"
    done
    for f in 01-read.qz 02-probe.qz 03-write.qz; do
        cmp -s "$T/k1/$f" "$T/k$jobs/$f" || fail "kept $f differs between --jobs 1 and --jobs $jobs"
    done
done
expect_lines "$T/o1/documents.jsonl" 299
expect_lines "$T/o1/rejects.jsonl" 1
head -1 "$T/o1/documents.jsonl" | grep -qF '{"id":"doc0000","text":"DOCUMENT 0 WITH SOME TEXT 0 0\n","tag":"t","tags":["t"],"ratio":0.5}' \
    || fail "first record: $(head -1 "$T/o1/documents.jsonl")"
# Input order kept: ids come out sorted as they were read.
cut -d'"' -f4 "$T/o2/documents.jsonl" | sort -c || fail "records out of order with --jobs 2"
# With a state folder, clean's per-document cache is written in input order too, whatever order
# the workers finish their blocks in: the same cache files, and a second run over one more
# document takes the others from them, with the same bytes out, on 1 thread or 4.
sed 's/^\[write\]/[clean]\n[write]/' "$T/p.pipeline" >"$T/c.pipeline"
for jobs in 1 4; do
    expect_status 79 "$QUARRY" run --plugin-path "$FIXTURES" "$T/c.pipeline" "$T/in" -o "$T/c$jobs" \
        --jobs $jobs --state "$T/s$jobs"
done
(cd "$T/s1/cache" && find . -type f | sort | while read -r f; do
    cmp -s "$f" "$T/s4/cache/$f" || echo "$f"
done) >"$T/differ"
[ -s "$T/differ" ] && fail "cache files differ between --jobs 1 and --jobs 4: $(cat "$T/differ")"
[ -n "$(ls "$T/s1/cache")" ] || fail "no cache was written"
printf 'document 300 with some text\n' >"$T/in/doc0300.txt"
for jobs in 1 4; do
    expect_status 79 "$QUARRY" run --plugin-path "$FIXTURES" "$T/c.pipeline" "$T/in" -o "$T/c$jobs" \
        --jobs $jobs --state "$T/s$jobs"
    expect_in "$T/err" "caches: clean 299 of 300"
done
for f in documents.jsonl rejects.jsonl; do
    cmp -s "$T/c1/$f" "$T/c4/$f" || fail "$f differs between --jobs 1 and --jobs 4 from the cache"
done
expect_lines "$T/c4/documents.jsonl" 300
# The shipped pipeline, its corpus stages pruning as they count (max-terms and max-doc-terms at
# their least, 1000; two stories hold the seed articles run together, and one 12,000 distinct
# n-grams), one story rejected (a NUL), in blocks of 256 bytes, queues of one block, deflated
# between stages and in the spools: every output the same bytes at 1 job and at 4. The
# per-record stages' workers then finish blocks in any order, and keywords' workers each add
# their documents' phrases to the corpus table, merged in the order they close.
mkdir "$T/news"
cat "$SRCDIR"/samples/*.txt >"$T/news/all.txt"
cat "$SRCDIR"/samples/00[0-2]*.txt >"$T/news/first.txt"
cp "$SRCDIR"/samples/*.txt "$T/news/"
wide_document "$T/news/wide.txt"
printf 'A story with a NUL \000 byte.\n' >"$T/news/nul.txt"
cat >"$T/news.pipeline" <<P
[pipeline]
block-size = 256
queue = 1
edge-compression = 1
spool-compression = 1
[read]
[clean]
[tokenize]
[stem]
[ngrams]
max-terms = 1000
max-doc-terms = 1000
per-document = true
[keywords]
max-terms = 1000
max-doc-terms = 1000
[topics]
method = lda
topics = 3
min-df = 1
iterations = 20
[write]
table-format = both
P
for jobs in 1 4; do
    expect_status 79 "$QUARRY" run -q "$T/news.pipeline" "$T/news" -o "$T/n$jobs" --jobs $jobs
    expect_in "$T/err" "ngrams: warning: max-terms (1000) reached"
    expect_in "$T/err" "keywords: warning: max-terms (1000) reached"
    expect_in "$T/err" "document 'wide': max-doc-terms (1000) reached"
done
(cd "$T/n1" && ls) >"$T/n1.files"
(cd "$T/n4" && ls) | cmp -s - "$T/n1.files" || fail "the outputs at 1 job and at 4 are not the same files"
expect_in "$T/n1.files" "keywords.jsonl"
expect_in "$T/n1.files" "lda.tsv"
for f in $(cat "$T/n1.files"); do
    cmp -s "$T/n1/$f" "$T/n4/$f" || fail "$f differs between --jobs 1 and --jobs 4 when the corpus stages prune"
done
expect_lines "$T/n1/rejects.jsonl" 1
finish
