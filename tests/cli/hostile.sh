# hostile.sh: damaged documents (tests/cli/mangle.c: NULs, cut multi-byte characters, markup,
# entities, long runs, truncated and corrupt gzip, broken JSON lines, random bytes) through whole
# pipelines: the run finishes (0, or 79 with rejects), every document is either in the output or
# in rejects.jsonl, and the output is the same on any thread count. Under the sanitizer build,
# a memory error or undefined behaviour ends the run with another status and fails the test.
. "$(dirname "$0")/lib.sh"
mkdir -p "$T/in"
documents=$("$BUILDDIR/tests/cli/mangle" 7 40 "$T/in" "$SRCDIR"/samples/*.txt) || fail "mangle failed"
# Exit 0 when nothing is rejected, 79 when some documents are: anything else is a failure.
expect_done() {
    "$@" >"$T/out" 2>"$T/err"
    got=$?
    if [ "$got" != 0 ] && [ "$got" != 79 ]; then
        fail "exit status $got: $*"
        sed 's/^/  stderr: /' "$T/err" | tail -30 >&2
    fi
}
# expect_all DIR [N]: every document (N, else all of them) is in DIR's output or rejects, once.
expect_all() {
    n=$(cat "$1/documents.jsonl" "$1/rejects.jsonl" | wc -l)
    [ "$n" -eq "${2:-$documents}" ] || fail "$1: $n documents kept or rejected of ${2:-$documents}"
}
news="read ! clean ! tokenize ! stem ! ngrams ! keywords ! topics lexicon=$SRCDIR/pipelines/news.topics ! write"
for j in 1 3; do
    expect_done "$QUARRY" run -q -j $j -e "$news" "$T/in" -o "$T/news$j"
    expect_all "$T/news$j"
done
for f in documents.jsonl rejects.jsonl keywords.tsv ngrams.tsv collocations.tsv; do
    cmp -s "$T/news1/$f" "$T/news3/$f" || fail "$f differs between --jobs 1 and 3"
done
# The other methods and settings: corpus learning, 4-grams seen once, YAKE, LDA, both formats.
other='read ! clean learn=true ! tokenize ! stem ! ngrams max=4 min-count=1 score=llr ! keywords method=yake
    ! topics method=lda topics=3 min-df=2 iterations=20 ! write table-format=both'
expect_done "$QUARRY" run -q -j 2 -e "$other" "$T/in" -o "$T/other"
expect_all "$T/other"
# One document: nothing recurs, so corpus learning learns nothing.
set -- "$T"/in/t*.txt
[ -f "$1" ] || fail "mangle made no text file"
expect_done "$QUARRY" run -q -e "$other" "$1" -o "$T/alone"
expect_all "$T/alone" 1
other='read ! clean html=false ! tokenize ! stem ! keywords method=rake max-words=4 ! write format=tsv path=d.tsv'
expect_done "$QUARRY" run -q -j 2 -e "$other" "$T/in" -o "$T/rake"
finish
