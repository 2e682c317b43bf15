# topics.sh: the topics stage through quarry run on the seed articles with pipelines/news.topics:
# each article gets the topics a reader would give it, the same bytes on any thread count, and
# a clear error for a missing or broken topic file.
. "$(dirname "$0")/lib.sh"
pipe="read ! clean ! tokenize ! stem ! topics lexicon=$SRCDIR/pipelines/news.topics ! write fields=id,labels"
expect_jobs_alike "$T/o" documents.jsonl -e "$pipe" "$SRCDIR/samples/*.txt"
doc="$T/o1/documents.jsonl"
# 000: Japan and India against Huawei in 5G; 001: the cyber-security agreement, Indo-Pacific;
# 002: the foreign ministers, the Quad, a cybersecurity deal; 003: the cyber dialogue;
# 004: the agreement, the Quad.
expect_in "$doc" '{"id":"000_eb3a2499798f2629","labels":["telecoms and 5G",'
expect_in "$doc" '{"id":"002_e14292584645a346","labels":["geopolitics",'
expect_in "$doc" '{"id":"003_f6451e2403eccaa0","labels":["cyber security"]}'
for want in '000_eb3a2499798f2629.*"cyber security"' '001_dc0d1a0686e81650.*"cyber security"' \
    '001_dc0d1a0686e81650.*"geopolitics"' '002_e14292584645a346.*"cyber security"' \
    '004_c59eef0f49fff9ef.*"cyber security"' '004_c59eef0f49fff9ef.*"geopolitics"'; do
    grep -q "$want" "$doc" || fail "$doc: no $want"
done
expect_status 64 "$QUARRY" run -e 'read ! tokenize ! topics ! write' "$SRCDIR/samples/*.txt" -o "$T/o3"
expect_in "$T/err" "needs a topic file"
printf '[t]\nword = lots\n' >"$T/bad.topics"
expect_status 65 "$QUARRY" run -e "read ! tokenize ! topics lexicon=$T/bad.topics ! write" \
    "$SRCDIR/samples/*.txt" -o "$T/o4"
expect_in "$T/err" "bad.topics:2: the weight after '=' is not a positive number"
finish
