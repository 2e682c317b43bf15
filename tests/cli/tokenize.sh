# tokenize.sh: the tokenize stage through quarry run on the seed articles, checked as a reader
# would split them. Sentences are checked through the ngrams stage, whose n-grams never cross a
# sentence boundary: "Mr. Abe" and "minister S Jaishankar" must stay together, "Wednesday. This"
# must not.
. "$(dirname "$0")/lib.sh"
expect_status 0 "$QUARRY" run -e 'read ! clean ! tokenize ! ngrams max=2 min-count=1 stop-edges=true ! write' \
    "$SRCDIR/samples/*.txt" -o "$T/o"
doc="$T/o/documents.jsonl"
grams="$T/o/ngrams.tsv"
# Tokens kept whole, surface forms as written, tokens lower-cased.
expect_in "$doc" '"5G","technology"'
expect_in "$doc" '"cyber-security","agreement"'
expect_in "$doc" '"Indo-Pacific"'
expect_not_in "$doc" '"(IoT)"'
expect_in "$doc" '"IoT"'
expect_in "$doc" '"India’s"'
expect_in "$doc" '"india'"'"'s"'
expect_in "$doc" '["cyber",'
# Hyphenated tokens have their parts.
expect_in "$doc" '["security",'
# Sentences.
expect_in "$grams" "mr abe	2	"
expect_in "$grams" "s jaishankar	2	"
expect_in "$grams" "5g technology	2	"
expect_not_in "$grams" "wednesday this	"
finish
