# keywords.sh: the keywords stage through quarry run on the seed articles: keyphrases a reader
# would pick, shown as written, the same bytes on any thread count, a saved model read back by a
# later run, the token classes worked out once for both passes, a clear error for a model that is
# not one or is of another list, and warnings when a model holds shorter phrases or when max-terms
# or max-doc-terms prune; a name shown once, whole; a headline's capitals shown as the feed's text
# writes its words; a name's first word shown as the name; no phrase across a comma; a dateline's
# place capitalised; a table's labels after a story's words; no adverb in a phrase, and none that
# ends in an adjective or in a participle before its object, nor a wire story's verbs; a piece of
# a longer phrase gives way to it; a compound written as one word and apart shown once; no
# noun-phrase bonus for a set
# phrase's noun or a quote's source, counted over the corpus and kept in a model; the main job's
# background of general document frequencies, and its misuse; Chinese, Japanese and Thai
# particles no keyphrases, and a Chinese phrase shown as written; a place's possessive ending its
# phrase before a name, a name's own not, and an office before its holder's name; a word of
# several names joined by "of" shown as those names.
. "$(dirname "$0")/lib.sh"
# keyphrases INPUT OUT [OPTION...]: runs read ! clean ! tokenize ! stem ! keywords OPTION... and
# writes each document's id and keyphrases into OUT; the run must succeed.
keyphrases() {
    input=$1 out=$2
    shift 2
    expect_status 0 "$QUARRY" run -q -e "read ! clean ! tokenize ! stem ! keywords $* ! write fields=id,keywords" \
        "$input" -o "$out"
}
# lists OUTPUT N SHOWN [HIDDEN]: document N (a line) of OUTPUT/documents.jsonl lists each
# keyphrase of SHOWN and none of HIDDEN, each a '|'-separated list (SHOWN may be empty).
lists() {
    line="$1/documents-$2.jsonl"
    sed -n "${2}p" "$1/documents.jsonl" >"$line"
    set -f
    saved_ifs=$IFS IFS='|'
    for k in $3; do expect_in "$line" "[\"$k\","; done
    for k in ${4-}; do expect_not_in "$line" "[\"$k\","; done
    IFS=$saved_ifs
    set +f
}
pipe='read ! clean ! tokenize ! stem ! keywords save-model=df.model ! write'
expect_jobs_alike "$T/o" "documents.jsonl keywords.tsv df.model" -e "$pipe" "$SRCDIR/samples/*.txt"
# The process pass takes each document's token classes from the observe pass, which worked them
# out from the same lists, on any thread count (the outputs above are the same bytes).
expect_status 0 "$QUARRY" run -v -j 2 -e "$pipe" "$SRCDIR/samples/*.txt" -o "$T/ov"
expect_in "$T/err" "took the token classes of 5 documents from the observe pass, which kept those of 5 (0 past"
# Its input spooled raw (the default), or as a block stream (spool-compression = 1), and passed
# between stages in deflated blocks (--edge-compression 1): the same bytes.
expect_status 0 "$QUARRY" run -q -e "$pipe" "$SRCDIR/samples/*.txt" -o "$T/oe" --edge-compression 1
printf '[pipeline]\nspool-compression = 1\n[read]\n[clean]\n[tokenize]\n[stem]\n[keywords]\nsave-model = df.model\n[write]\n' \
    >"$T/spool1.pipeline"
expect_status 0 "$QUARRY" run -q "$T/spool1.pipeline" "$SRCDIR/samples/*.txt" -o "$T/os"
for f in documents.jsonl keywords.tsv df.model; do
    cmp -s "$T/o1/$f" "$T/oe/$f" || fail "$f differs with --edge-compression 1"
    cmp -s "$T/o1/$f" "$T/os/$f" || fail "$f differs with spool-compression = 1"
done
doc="$T/o1/documents.jsonl"
for k in '"5G"' '"Japan"' '"India"' '"Indo-Pacific"' '"cyber security"' '"cyber-security"'; do
    expect_in "$doc" "[$k,"
done
# The minister, by his name as written: "Subrahmanyam Jaishankar", or "Jaishankar" alone.
grep -qE '\["(Subrahmanyam )?Jaishankar",' "$doc" || fail "$doc lacks the keyphrase Jaishankar"
# Five documents cannot tell a common adjective or verb from a topical one: alone, such words
# keep 5 / 13 of their scores, and leave the seed articles' lists.
for k in important robust respective strengthen discussed create; do
    expect_not_in "$doc" "[\"$k\","
done
# The main job weighs its five articles against a background of 19,043 Reuters stories
# (background =): words of general use that five articles alone cannot tell from topical ones
# leave its lists, which keep the keyphrases a reader picks.
mkdir "$T/job"
cp -r "$SRCDIR/pipelines" "$SRCDIR/samples" "$T/job/"
sed 's/^path = documents.jsonl$/&\nfields = id,keywords/' "$SRCDIR/pipelines/news.pipeline" >"$T/job/pipelines/news.pipeline"
expect_status 0 "$QUARRY" run -q "$T/job/pipelines/news.pipeline"
news="$T/job/out/documents.jsonl"
for k in '"5G"' '"Japan"' '"India"' '"Indo-Pacific"' '"cyber security"' '"cyber-security"' '"Huawei"' '"Quad"'; do
    expect_in "$news" "[$k,"
done
for k in risks intentions similarities; do
    expect_in "$doc" "[\"$k\","
    expect_not_in "$news" "[\"$k\","
done
# "advancements" goes down the fourth article's list, to tenth at most, where its two
# ministries' words left it room ("Ministry", "Affairs": keywords 1.96).
place() { # FILE ID PHRASE: the place of PHRASE in document ID's keyphrases of FILE (1 first), or 99
    n=$(sed -n "/\"id\":\"$2\"/{s/.*\"keywords\":\[\[//;s/\]\].*//;s/\],\[/\n/g;p;}" "$1" | grep -n -F "\"$3\"," | cut -d: -f1)
    echo "${n:-99}"
}
before=$(place "$doc" 003_f6451e2403eccaa0 advancements) after=$(place "$news" 003_f6451e2403eccaa0 advancements)
[ "$before" -lt 99 ] && [ "$after" -gt "$before" ] ||
    fail "advancements is at $after of the background's list, at $before without it"
# An acronym a story defines ("the International Monetary Fund (IMF)", "the Banque de France
# (BF)": a name's particle has no initial), and the words it stands for, are one entry, shown as
# the story writes it more often: "IMF", "BF" (keywords 1.78); in a sentence that reads as a
# headline for its capitals too. A word whose capital is past ASCII spells none here ("EP").
# The words written twice and their acronym once, without brackets: the words. Words joined by
# "and" that brackets define are one name though no other story of the run writes them
# ("Food and Drug Administration (FDA)"): not "Food" and "Administration" beside "FDA". So are
# words joined by "and" that end in an organisation's noun, whose first part the story writes
# only inside them ("Securities and Exchange Commission", in one story of the four).
printf '%s\n' '{"id":"x","text":"Talks on debt went on this week in Paris. Officials at the Élysée Palace (EP) and the Banque de France (BF) met the International Monetary Fund (IMF) on Monday. The IMF said the talks went well, and the BF agreed."}' \
    '{"id":"y","text":"Farm prices fell again this year. The Common Agricultural Policy kept its quotas, and ministers of the Common Agricultural Policy council met in Brussels. The CAP costs more each year, officials said."}' \
    '{"id":"z","text":"The Food and Drug Administration (FDA) approved a new drug for migraine on Monday. The FDA said the drug cut headaches in trials. Doctors welcomed the decision by the FDA, which had delayed it twice."}' \
    '{"id":"w","text":"The Securities and Exchange Commission fined Acme Brokers on Tuesday for misleading investors. The Securities and Exchange Commission said the firm hid fees from its clients."}' \
    >"$T/acronyms.jsonl"
expect_status 0 "$QUARRY" run -q -e 'read ! clean ! tokenize ! stem ! keywords ! write fields=id,keywords' \
    "$T/acronyms.jsonl" -o "$T/acr"
lists "$T/acr" 1 'IMF|BF|EP' 'International Monetary Fund|Banque de France'
lists "$T/acr" 2 'Common Agricultural Policy' 'CAP'
lists "$T/acr" 3 'FDA|migraine' 'Food|Administration|Drug Administration|Food and Drug Administration'
lists "$T/acr" 4 'Securities and Exchange Commission|Acme Brokers' 'Securities|Exchange Commission'
# The main job's corpus table shows cyber security, which three articles' lists spell three
# ways ("cyber security", "cyber-security", "cybersecurity"), as one row of three documents.
expect_in "$T/job/out/keywords.tsv" "cyber security	cyber secur	3	"
expect_not_in "$T/job/out/keywords.tsv" "cybersecurity	"
expect_not_in "$T/job/out/keywords.tsv" "cyber-security	"
expect_in "$T/o1/keywords.tsv" "keyword	stems	documents	df	score"
expect_in "$T/o1/keywords.tsv" "India	india	"
expect_in "$T/o1/df.model" "# quarry keywords model 7"
expect_in "$T/o1/df.model" "documents	5"
expect_in "$T/o1/df.model" "max-words	3"
expect_in "$T/o1/df.model" "casings"
expect_in "$T/o1/df.model" "japan	0	"
[ "$(sed -n '/^counted$/,$p' "$T/o1/df.model" | grep -c '^[0-9a-f]\{16\}$')" = 5 ] ||
    fail "$T/o1/df.model does not end with the keys of its 5 documents"
# Nightly runs. The first night has three stories and saves a model; the second reads the
# corpus grown by two stories against it. The three stories the model counted are not counted
# again, so the second night's lists and model are the bytes of one run over all five (o1). A
# night run again, against the model it saved, gives the same bytes once more.
mkdir "$T/night1"
cp "$SRCDIR"/samples/00[012]_*.txt "$T/night1/"
nightly="read ! clean ! tokenize ! stem ! keywords save-model=df.model"
expect_status 0 "$QUARRY" run -q -e "$nightly ! write" "$T/night1" -o "$T/o3a"
expect_in "$T/o3a/df.model" "documents	3"
expect_status 0 "$QUARRY" run -e "$nightly model=$T/o3a/df.model ! write" "$SRCDIR/samples/*.txt" -o "$T/o3"
expect_in "$T/err" "keywords: 3 documents were counted in $T/o3a/df.model already (the same id and words): not counted again"
expect_status 0 "$QUARRY" run -q -e "$nightly model=$T/o3/df.model ! write" "$SRCDIR/samples/*.txt" -o "$T/o3r"
for f in documents.jsonl keywords.tsv df.model; do
    cmp -s "$T/o1/$f" "$T/o3/$f" || fail "$f of the second night differs from one run's over all five stories"
    cmp -s "$T/o1/$f" "$T/o3r/$f" || fail "$f of the second night run again differs from one run's"
done
# The model keeps how the corpus writes a name with its possessive ("Moody's"): a night run again
# shows the name as the first run did, and a later night's story that writes it only where its
# case is not told (a sentence's start) shows it as one run over both stories does.
mkdir "$T/moodys" "$T/steel" "$T/both"
printf "The rating agency Moody's cut the bank's rating on Tuesday. The agency said Moody's sees weak profits. Analysts at Moody's expect losses in the bank sector. A review by Moody's ends in May, and Moody's may act again.\n" \
    >"$T/moodys/moodys.txt"
printf "Moody's raised its outlook for the steel maker on Friday. Moody's said demand for steel would grow. Steel prices rose.\n" \
    >"$T/steel/steel.txt"
cp "$T/moodys/moodys.txt" "$T/steel/steel.txt" "$T/both/"
expect_status 0 "$QUARRY" run -q -e "$nightly ! write" "$T/moodys" -o "$T/o3m"
expect_status 0 "$QUARRY" run -q -e "$nightly model=$T/o3m/df.model ! write" "$T/moodys" -o "$T/o3n"
expect_in "$T/o3m/documents.jsonl" '"keywords":[["Moody'"'"'s",'
cmp -s "$T/o3m/documents.jsonl" "$T/o3n/documents.jsonl" || fail "a story's list differs in a night run again"
expect_status 0 "$QUARRY" run -q -e "$nightly model=$T/o3m/df.model ! write fields=id,keywords" "$T/steel" -o "$T/o3s"
expect_status 0 "$QUARRY" run -q -e "$nightly ! write fields=id,keywords" "$T/both" -o "$T/o3b2"
expect_in "$T/o3s/documents.jsonl" '"Moody'"'"'s",'
grep '"id":"steel"' "$T/o3b2/documents.jsonl" | cmp -s - "$T/o3s/documents.jsonl" ||
    fail "the second night's story has another list than in one run over both nights"
cmp -s "$T/o3s/df.model" "$T/o3b2/df.model" || fail "the second night's model differs from one run's over both"
# A story edited under its id is a new document: counted, beside the one the model holds.
sed 's/Japan/Nippon/' "$SRCDIR/samples/000_eb3a2499798f2629.txt" >"$T/night1/000_eb3a2499798f2629.txt"
expect_status 0 "$QUARRY" run -q -e "$nightly model=$T/o3a/df.model ! write" "$T/night1" -o "$T/o3e"
expect_in "$T/o3e/df.model" "documents	4"
# A job that reads back the model it saves into its output folder has none on its first night:
# the run starts it, with a warning (check --start passes too). A model named elsewhere, or
# under another name than save-model's, must be there.
job="$nightly model=$T/o3j/df.model ! write"
expect_status 0 "$QUARRY" check --start -q -e "$job" "$T/night1" -o "$T/o3j"
# The same folder however named, there or not yet: check --start says what the run will do.
expect_status 0 "$QUARRY" check --start -q -e "$nightly model=$T/night1/../o3j/./df.model ! write" "$T/night1" \
    -o "$T/o3j/"
expect_status 0 "$QUARRY" check --start -q -e "$nightly model=$T/o3j/not-yet/../df.model ! write" "$T/night1" \
    -o "$T/o3j"
expect_status 0 "$QUARRY" run -e "$job" "$T/night1" -o "$T/o3j"
expect_in "$T/err" "the model $T/o3j/df.model is not there yet: this run starts it"
expect_in "$T/o3j/df.model" "documents	3"
expect_status 0 "$QUARRY" run -e "$job" "$T/night1" -o "$T/o3j"
expect_not_in "$T/err" "not there yet"
expect_in "$T/o3j/df.model" "documents	3"
expect_status 66 "$QUARRY" run -q -e "$nightly model=$T/o3k/df.model ! write" "$T/night1" -o "$T/o3j"
expect_in "$T/err" "cannot open the keywords model $T/o3k/df.model"
expect_status 66 "$QUARRY" run -q -e "$nightly model=$T/o3j/kw.model ! write" "$T/night1" -o "$T/o3j"
expect_in "$T/err" "cannot open the keywords model $T/o3j/kw.model"
# Longer phrases than the model holds: a warning, and the new model says how long its phrases
# are counted in every document. A model of tokens read by a run of stems: refused.
expect_status 0 "$QUARRY" run -e "read ! clean ! tokenize ! stem ! keywords max-words=4 model=$T/o1/df.model save-model=df.model ! write" \
    "$SRCDIR/samples/*.txt" -o "$T/o3b"
expect_in "$T/err" "df.model holds phrases of up to 3 words, and max-words is 4"
expect_in "$T/o3b/df.model" "max-words	3"
expect_status 0 "$QUARRY" run -q -e "read ! tokenize ! keywords field=tokens save-model=tok.model ! write" \
    "$SRCDIR/samples/*.txt" -o "$T/o3c"
expect_status 65 "$QUARRY" run -e "read ! tokenize ! stem ! keywords model=$T/o3c/tok.model ! write" \
    "$SRCDIR/samples/*.txt" -o "$T/o3d"
expect_in "$T/err" "tok.model: a model of phrases of 'tokens', and this run's are of 'stems'"
printf 'not a model\n' >"$T/bad.model"
expect_status 65 "$QUARRY" run -e "read ! tokenize ! keywords model=$T/bad.model ! write" "$SRCDIR/samples/*.txt" -o "$T/o4"
expect_in "$T/err" "bad.model:1: not a keywords model"
# One document with 12,000 distinct phrases, above max-doc-terms: its rarest are pruned, with a
# warning naming it, and its keyphrases are still those it repeats.
mkdir "$T/one"
wide_document "$T/one/big.txt"
expect_status 0 "$QUARRY" run -e 'read ! tokenize ! stem ! keywords max-doc-terms=1000 top=3 ! write fields=id,keywords' \
    "$T/one" -o "$T/o5"
expect_in "$T/err" "document 'big': max-doc-terms (1000) reached"
for k in '"Cyber"' '"matters"' '"security"'; do
    expect_in "$T/o5/documents.jsonl" "[$k,"
done
# A document of 1.2 million words (a dump) gives its tables' memory back after it; the documents
# after it are scored with fresh ones, under the same bound (a wide one past max-doc-terms is
# still pruned, with its warning).
mkdir "$T/dump"
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "Cyber security matters w%d. Banks %d.\n", i % 90000, i }' \
    >"$T/dump/a.txt"
printf 'The singer Katy Perry sang in Paris. Fans of Katy Perry cheered, and Perry thanked them.\n' >"$T/dump/b.txt"
wide_document "$T/dump/c.txt"
expect_status 0 "$QUARRY" run -e 'read ! tokenize ! stem ! keywords max-doc-terms=1000 ! write fields=id,keywords' \
    "$T/dump" -o "$T/o5b" --jobs 1 # one worker: the one that met the dump
expect_lines "$T/o5b/documents.jsonl" 3
expect_in "$T/o5b/documents.jsonl" '["Katy Perry",'
# Both documents that have "Cyber security" write it "Cyber security matters" every time, so
# the whole is shown (kw_mark_fragments).
expect_in "$T/o5b/documents.jsonl" '["Cyber security matters",'
expect_in "$T/err" "document 'c': max-doc-terms (1000) reached"
# Document frequencies past max-terms: the rarest are pruned, and the end of the run says so.
expect_status 0 "$QUARRY" run -e 'read ! tokenize ! stem ! keywords max-terms=1000 ! write fields=id' \
    "$T/one" "$SRCDIR/samples/*.txt" -o "$T/o6"
expect_in "$T/err" "max-terms (1000) reached"
expect_status 0 "$QUARRY" run -e 'read ! tokenize ! stem ! keywords max-terms=1000 ! write fields=id' \
    "$SRCDIR/samples/*.txt" -o "$T/o6b"
expect_in "$T/err" "pruned from the document frequencies (those in at most 1 document by then)"
# So are the counts of words in lower case (idioms.h), past 1,000 distinct ones.
awk 'BEGIN { for (i = 0; i < 1500; i++) printf "w%c%c%c%s", 97 + i % 26, 97 + int(i / 26) % 26,
             97 + int(i / 676), i % 10 == 9 ? ". " : " "; print "" }' >"$T/letters.txt"
expect_status 0 "$QUARRY" run -e 'read ! tokenize ! stem ! keywords max-terms=1000 ! write fields=id' \
    "$T/letters.txt" -o "$T/o6b"
expect_in "$T/err" "the counts of 1500 rare lower-case words were pruned"
# Many documents spread over two workers in small blocks: the corpus table sums the scores
# in an order that depends on the workers, and must not depend on it.
i=0
: >"$T/many.jsonl"
while [ $i -lt 300 ]; do
    printf '{"id":"m%d","text":"Cyber attacks on banks rose in region%d. Regulators of country%d met banks%d about cyber attacks, group%d and payment systems%d."}\n' \
        $i $((i % 7)) $((i % 11)) $((i % 13)) $((i % 17)) $((i % 19)) >>"$T/many.jsonl"
    i=$((i + 1))
done
printf '[pipeline]\nblock-size = 512\n[read]\n[tokenize]\n[stem]\n[keywords]\n[write]\n' >"$T/many.pipeline"
expect_jobs_alike "$T/m" keywords.tsv -q "$T/many.pipeline" "$T/many.jsonl"
# A name is shown once, whole: not "Katy" and "Perry" beside "Katy Perry" (merge-names = false
# shows them), unless the story has too few phrases to fill its top (here, of 10).
mkdir "$T/names"
printf 'The singer Katy Perry sang in Paris on Monday. Fans of Katy Perry cheered, and Perry thanked them.\nCritics said Perry and her band played well.\n' >"$T/names/story.txt"
keyphrases "$T/names" "$T/o8"
expect_in "$T/o8/documents.jsonl" '["Perry",'
keyphrases "$T/names" "$T/o9" top=5
expect_in "$T/o9/documents.jsonl" '["Katy Perry",'
expect_not_in "$T/o9/documents.jsonl" '["Perry",'
expect_not_in "$T/o9/documents.jsonl" '["Katy",'
keyphrases "$T/names" "$T/o10" merge-names=false
expect_in "$T/o10/documents.jsonl" '["Perry",'
# A wire story whose headline in capitals is its only sentence with its subject: the words are
# shown as the feed's other stories write them ("Humana", "dividend"), not "HUMANA".
printf '%s\n' '{"id":"a","title":"HUMANA INC REGULAR DIVIDEND","text":"Qtly div 19 cts vs 19 cts prior.\nPayable May one."}' \
    '{"id":"b","text":"Humana Inc raised its dividend on Monday. The regular dividend of Humana rose again, analysts noted."}' \
    >"$T/wire.jsonl"
keyphrases "$T/wire.jsonl" "$T/o11"
head -n 1 "$T/o11/documents.jsonl" >"$T/o11/a.jsonl"
for k in '"Humana"' '"dividend"' '"regular"'; do
    expect_in "$T/o11/a.jsonl" "[$k,"
done
expect_not_in "$T/o11/a.jsonl" '["HUMANA",'
expect_not_in "$T/o11/a.jsonl" '["DIVIDEND",'
# No phrase runs across punctuation: a dateline ("MBABANE, Swaziland") or a comma between
# clauses gives the words, not "MBABANE Swaziland" nor "Capitol aiming". The dateline's place
# is shown capitalised, "Mbabane".
mkdir "$T/commas"
printf 'MBABANE, Swaziland (AP) - Tea Party members rallied near the Capitol, aiming to buck up Republicans.\nThe Capitol, aiming high, saw the Tea Party rally again.\n' >"$T/commas/story.txt"
keyphrases "$T/commas" "$T/o12" top=30
for k in '"Tea Party"' '"Capitol"' '"Swaziland"' '"Mbabane"'; do
    expect_in "$T/o12/documents.jsonl" "[$k,"
done
expect_not_in "$T/o12/documents.jsonl" '["MBABANE",'
expect_not_in "$T/o12/documents.jsonl" '["Capitol aiming",'
expect_not_in "$T/o12/documents.jsonl" '["MBABANE Swaziland",'
expect_not_in "$T/o12/documents.jsonl" '["Swaziland AP",'
# The text's first word after a dateline's agency is capitalised as a sentence's first word is:
# "Eating" there says nothing of how the word is written, and the list shows "eating".
mkdir "$T/wire"
printf 'GUELPH, Ontario, April 1 (UPI) - Eating a fatty meal spikes blood sugar. Men kept eating fat.\n' >"$T/wire/story.txt"
keyphrases "$T/wire" "$T/o12w" top=30
expect_in "$T/o12w/documents.jsonl" '["eating",'
expect_not_in "$T/o12w/documents.jsonl" '["Eating",'
# "of" inside a name joins it: "Bank of Japan", not "Bank" and "Japan" alone.
printf '%s\n' '{"id":"boj","text":"The Bank of Japan bought dollars in Tokyo. Dealers said the Bank of Japan stepped in again."}' >"$T/boj.jsonl"
keyphrases "$T/boj.jsonl" "$T/o14"
expect_in "$T/o14/documents.jsonl" '["Bank of Japan",'
# The first word of a name of two, which the story writes only inside the name and the corpus
# mostly so, is shown as the name, in its place: "Puerto Rico" in a top three where "Puerto"
# alone would be. Not where the two words are the end of a longer name, as in the title "The
# Music Never Stopped", whose "Never Stopped" is no name.
printf '%s\n' '{"id":"a","text":"The notes were underwritten, Puerto Rico said. The notes pay twice a year."}' \
    '{"id":"b","text":"Shares were priced, Puerto Rico said."}' '{"id":"c","text":"Traders said Rico would expand."}' \
    '{"id":"d","text":"The board said Rico resigned."}' '{"id":"e","text":"Traders said the interest would rise."}' \
    '{"id":"f","text":"Traders said the interest would rise."}' '{"id":"g","text":"Traders said the interest would rise."}' \
    '{"id":"m","text":"The Music Never Stopped\nA family bonds to the rhythms of music. “The Music Never Stopped’’ is about dads and music. The four corners of “The Music Never Stopped’’ are acted well."}' \
    >"$T/first-words.jsonl"
keyphrases "$T/first-words.jsonl" "$T/o14p" top=3
lists "$T/o14p" 1 'notes|Puerto Rico' 'Puerto'
lists "$T/o14p" 8 'Music Never Stopped' 'Never Stopped'
# A name whose last word the story writes nowhere else holds its words together, though the
# story names the first alone after it ("Daniel" of "Daniel Craig"; "Daim" of "Daim Zainuddin");
# not after a possessive, which names one thing before another ("Chirac's Gaullist").
printf '%s\n' '{"id":"g","text":"The film starred Daniel Craig. The critics loved Daniel. The fans cheered Daniel. The studio paid Daniel."}' \
    '{"id":"p","text":"The talks named Chirac'"'"'s Gaullist party. Chirac spoke. The critics loved Chirac. The studio paid Chirac."}' \
    >"$T/held.jsonl"
keyphrases "$T/held.jsonl" "$T/o14h" top=2
lists "$T/o14h" 1 'Daniel Craig' 'Daniel|Craig'
lists "$T/o14h" 2 'Chirac|Gaullist' "Chirac's Gaullist"
# A name that ends in a body's noun is whole, though the story calls the body by its noun
# afterwards, in lower case ("an association spokesman").
printf '%s\n' '{"id":"t","text":"The Taiwan Flour Mills Association will import wheat from Canada. The total was set, an association spokesman told Reuters."}' >"$T/body.jsonl"
keyphrases "$T/body.jsonl" "$T/o14t"
lists "$T/o14t" 1 'Taiwan Flour Mills Association' 'Taiwan Flour Mills|Mills Association'
# A firm's legal form abroad alone is no keyphrase, however many places a list has.
printf '%s\n' '{"id":"m","text":"Mannesmann AG is interested in taking a stake in a U.S. firm. Mannesmann hoped to take a stake in Sachs AG, the holding company. Sachs AG declined comment."}' >"$T/legal.jsonl"
keyphrases "$T/legal.jsonl" "$T/o14l" top=30
lists "$T/o14l" 1 'Sachs AG|Mannesmann' 'AG'
# Portuguese "do" and the particle "es" join names, as "of" does.
printf '%s\n' '{"id":"b","text":"Banco do Brasil raised its rates. Officials of Banco do Brasil said the rise was due. The port of Dar es Salaam reopened."}' >"$T/joints.jsonl"
keyphrases "$T/joints.jsonl" "$T/o14j" top=8
lists "$T/o14j" 1 'Banco do Brasil|Dar es Salaam' 'Banco|Brasil|Dar es|Salaam'
# "Rev", a table's revenue, fills no list of an earnings note, as "Revs" does not.
printf '%s\n' '{"id":"r","text":"ACME INC 4TH QTR NET\nShr 51 cts vs 40 cts\nNet 7,041,000 vs 467,000\nRev 138.9 mln vs 131.4 mln\nNOTE: Net includes a charge for restructuring."}' >"$T/rev.jsonl"
keyphrases "$T/rev.jsonl" "$T/o14r"
lists "$T/o14r" 1 'restructuring|charge' 'Rev'
# The word after a heading ("NOTE:", which the corpus writes in lower case) is capitalised as a
# sentence's first is, and shown as the corpus writes it (keywords 1.90): "NOTE: Share
# adjusted" gives "share".
printf '%s\n' '{"id":"n","text":"Net 10.6 mln vs 5,967,000\n    NOTE: Share adjusted for two-for-one split."}' \
    '{"id":"p","text":"The share price of the company rose after the split, a note said."}' \
    '{"id":"f","text":"Its share price fell."}' >"$T/heading.jsonl"
keyphrases "$T/heading.jsonl" "$T/o14s" top=20
lists "$T/o14s" 1 'share' 'Share'
# Not where a capitalised word follows, as a name goes on: "NOTE: Great Lakes Federal Savings"
# keeps its name whole, though the corpus writes "great" in lower case.
printf '%s\n' '{"id":"g","text":"Qtly div 15 cts vs 10 cts prior qtr\n    Pay 17 April\n    NOTE: Great Lakes Federal Savings is full name of company."}' \
    '{"id":"p","text":"The share price of the company rose after the split, a note said. It was a great day."}' >"$T/heading-name.jsonl"
keyphrases "$T/heading-name.jsonl" "$T/o14g" top=20
lists "$T/o14g" 1 'Great Lakes Federal Savings' 'Great Lakes|Federal Savings'
# Nor do "Mthly" and "Qtrly", of a dividend's notice (keywords 1.89): nothing is left to list.
printf '%s\n' '{"id":"m","text":"Mthly div 4.5 cts vs 4.5 cts prior\n    Pay March 13\n    Record March Two"}' \
    '{"id":"q","text":"Qtrly div 25 cts vs 25 cts prior\n    Pay April 1\n    Record March 15"}' >"$T/div.jsonl"
keyphrases "$T/div.jsonl" "$T/o14q"
expect_in "$T/o14q/documents.jsonl" '{"id":"m","keywords":[]}'
expect_in "$T/o14q/documents.jsonl" '{"id":"q","keywords":[]}'
# A word that is only an adverb is no keyphrase and in none, however many places a list has:
# not "effective immediately" nor "Airlines currently" of wire copy. No phrase ends in a word
# that is only an adjective: "Canadian economic" and "chief operating" have lost their noun.
printf '%s\n' '{"id":"adv","text":"The dividend is payable effective immediately. Airlines currently expand routes, and fares previously rose sharply. Canadian economic growth slowed, and the Canadian economic outlook dimmed. Its chief operating officer quit."}' >"$T/adv.jsonl"
keyphrases "$T/adv.jsonl" "$T/o14b" top=30
expect_in "$T/o14b/documents.jsonl" '["dividend",'
expect_in "$T/o14b/documents.jsonl" '["Airlines",'
expect_in "$T/o14b/documents.jsonl" '["economic growth",'
expect_in "$T/o14b/documents.jsonl" '["operating officer",'
for k in immediately 'effective immediately' currently 'Airlines currently' previously sharply 'Canadian economic' 'chief operating'; do
    expect_not_in "$T/o14b/documents.jsonl" "[\"$k\","
done
# A name runs one word past max-words, so that it is whole: "Federal National Mortgage
# Association" at 3, not "National Mortgage" (its words alone only fill the short lists' ends);
# at max-words = 1 words stay alone.
printf '%s\n' '{"id":"a","text":"The Federal National Mortgage Association said it would reopen its debenture issue. The Federal National Mortgage Association sold 500 mln dlrs of debentures."}' \
    '{"id":"b","text":"Dealers said the Federal National Mortgage Association priced notes at par."}' >"$T/fnma.jsonl"
keyphrases "$T/fnma.jsonl" "$T/o14n"
expect_lines "$T/o14n/documents.jsonl" 2
for doc in 1 2; do
    sed -n "${doc}p" "$T/o14n/documents.jsonl" >"$T/fnma-$doc.jsonl"
    expect_in "$T/fnma-$doc.jsonl" '["Federal National Mortgage Association",'
    for k in 'National Mortgage' 'Federal National Mortgage' 'National Mortgage Association'; do
        expect_not_in "$T/fnma-$doc.jsonl" "[\"$k\","
    done
done
keyphrases "$T/fnma.jsonl" "$T/o14m" max-words=1
expect_not_in "$T/o14m/documents.jsonl" 'National Mortgage'
# A name's inner piece gives way to the name, though the pieces one word longer are cut names:
# "New York Stock Exchange", not "York Stock".
printf '%s\n' '{"id":"a","text":"The New York Stock Exchange halted trading in Tenneco Inc shares."}' \
    '{"id":"b","text":"Tenneco shares rose on the New York Stock Exchange on Monday."}' >"$T/nyse.jsonl"
keyphrases "$T/nyse.jsonl" "$T/o14y" top=20
expect_lines "$T/o14y/documents.jsonl" 2
expect_in "$T/o14y/documents.jsonl" '["New York Stock Exchange",'
for k in 'York Stock' 'New York Stock' 'York Stock Exchange'; do
    expect_not_in "$T/o14y/documents.jsonl" "[\"$k\","
done
# "and" between capitalised words joins a name the corpus writes as one: "Duff and Phelps", in
# the place of its words; not two names side by side, in either order ("Britain and France").
printf '%s\n' '{"id":"a","text":"Duff and Phelps lowered the ratings of Acme Corp. Duff and Phelps said the outlook was negative."}' \
    '{"id":"b","text":"Analysts at Duff and Phelps expect higher rates."}' \
    '{"id":"c","text":"Britain and France signed a trade treaty. Britain and France will cut tariffs."}' \
    '{"id":"d","text":"Fishing quotas divide France and Britain."}' >"$T/and.jsonl"
keyphrases "$T/and.jsonl" "$T/o14a" top=20
lists "$T/o14a" 1 'Duff and Phelps' 'Duff|Phelps'
lists "$T/o14a" 3 'Britain|France' 'Britain and France'
# A name the corpus writes with its "'s" nearly always keeps it ("Moody's"); a name in the
# possessive does not ("Britain's" beside "Britain").
cat >"$T/moodys.jsonl" <<'EOF'
{"id":"a","text":"Analysts said Moody's Investors Service cut the ratings of Acme. Moody's cited losses. Britain's regulators agreed."}
{"id":"b","text":"Bankers said Moody's raised the ratings of Zenith, and Moody's lowered those of Acme."}
{"id":"c","text":"Traders said Britain exported more grain, and Britain imported less."}
EOF
keyphrases "$T/moodys.jsonl" "$T/o14p" top=20
lists "$T/o14p" 1 "Moody's|Britain" "Moody|Britain's"
# A place's possessive before a name names its owner, and ends the phrase: "Electrolux AB" and
# "Sweden", not "Sweden's Electrolux AB"; a name's own goes on ("Hudson's Bay").
cat >"$T/owners.jsonl" <<'EOF'
{"id":"a","text":"Traders said Sweden's Electrolux AB bought shares in Hudson's Bay Co. Sweden's Electrolux AB paid cash, and Hudson's Bay Co agreed."}
{"id":"b","text":"Sweden exported more steel."}
EOF
keyphrases "$T/owners.jsonl" "$T/o14o" top=20
lists "$T/o14o" 1 "Electrolux AB|Sweden|Hudson's Bay" "Sweden's Electrolux AB|Sweden's Electrolux"
# An office before its holder's name ends the phrase too: "Paul Volcker" and "Fed chairman", not
# "Fed chairman Paul Volcker".
printf '%s\n' '{"id":"a","text":"Fed chairman Paul Volcker warned on rates. Fed chairman Paul Volcker spoke to Foreign Minister Eduard Shevardnadze."}' \
    '{"id":"b","text":"Rates rose again."}' >"$T/titles.jsonl"
keyphrases "$T/titles.jsonl" "$T/o14t" top=20
lists "$T/o14t" 1 "Paul Volcker|Eduard Shevardnadze" "Fed chairman Paul Volcker|chairman Paul Volcker|Minister Eduard Shevardnadze"
# A word written mostly within names joined by "of", of several names, is shown as those names,
# not alone: "Bank" of "Bank of Japan", "Bank of England" and "Bank of Canada", 4 times of 5
# (keywords 1.96).
printf '%s\n' '{"id":"banks","text":"The Bank of Japan cut rates again. The Bank of England agreed with the plan. The Bank of Japan met the Bank of Canada today. The bank also sold bonds."}' >"$T/banks.jsonl"
keyphrases "$T/banks.jsonl" "$T/o14b" top=7
lists "$T/o14b" 1 "Bank of Japan|Bank of England|Bank of Canada" "Bank|bank|Japan|England|Canada"
# A verb that is only a verb begins, holds or ends no phrase: "reduce short-term debt" is a verb
# and its object, "Results reflect gains" a clause, "figures reflect" a subject and its verb.
printf '%s\n' '{"id":"verbs","text":"Acme said it would reduce short-term debt. Results reflect gains in its short-term debt markets. Sales figures reflect the merger."}' >"$T/verbs.jsonl"
keyphrases "$T/verbs.jsonl" "$T/o14v" top=30
expect_in "$T/o14v/documents.jsonl" '["short-term debt",'
for k in 'reduce short-term debt' 'reduce short-term' 'Results reflect' 'Results reflect gains' 'reflect gains' 'figures reflect'; do
    expect_not_in "$T/o14v/documents.jsonl" "[\"$k\","
done
# Nor in an "-ing" word with its object after it: "statement covering" is a noun and its verb,
# while "public offering" (before "of") is a phrase.
printf '%s\n' '{"id":"ing","text":"Acme Corp filed a registration statement covering 1.5 mln shares. The statement covering the shares was amended. The public offering of the shares began at the annual meeting in April."}' >"$T/ing.jsonl"
keyphrases "$T/ing.jsonl" "$T/o14c" top=30
expect_in "$T/o14c/documents.jsonl" '["registration statement",'
expect_in "$T/o14c/documents.jsonl" '["public offering",'
expect_not_in "$T/o14c/documents.jsonl" '["statement covering",'
# Wire copy's verbs, alone or opening a phrase, are no keyphrases: an "-ing" word before its
# object ("yielding 7.5 pct", ", succeeding James Baker") or after "be", and a verb after a
# modal, an infinitive's "to" or "to" alone ("to cover overallotments"); "according to press
# reports" keeps its noun phrase.
printf '%s\n' '{"id":"verbs2","text":"Acme Corp sold 1.5 mln shares of common stock, and granted underwriters an option to buy 200,000 shares to cover overallotments. The notes are yielding 7.5 pct. Evans was elected president, succeeding James Baker. Acme expects to report earnings, and the proceeds will meet conditions of the loan. According to press reports, traders are guesstimating the slaughter."}' >"$T/verbs2.jsonl"
keyphrases "$T/verbs2.jsonl" "$T/o14w" top=40
for k in 'overallotments' 'press reports' 'common stock' 'James Baker'; do
    expect_in "$T/o14w/documents.jsonl" "[\"$k\","
done
for k in 'cover overallotments' 'yielding' 'succeeding' 'report earnings' 'meet conditions' 'guesstimating'; do
    expect_not_in "$T/o14w/documents.jsonl" "[\"$k\","
done
# A piece of a longer phrase, in each of its occurrences and in the corpus, gives way to it:
# "revenue passenger miles", not "revenue passenger" and "passenger miles".
printf '%s\n' '{"id":"m1","text":"Revenue passenger miles grew 5 pct. Airlines count revenue passenger miles monthly, and the revenue passenger miles of Delta grew most."}' \
    '{"id":"m2","text":"Revenue passenger miles slowed. Pan Am said its revenue passenger miles slowed as well."}' >"$T/rpm.jsonl"
keyphrases "$T/rpm.jsonl" "$T/o14d" top=30
expect_in "$T/o14d/documents.jsonl" '["revenue passenger miles",'
expect_not_in "$T/o14d/documents.jsonl" '["revenue passenger",'
expect_not_in "$T/o14d/documents.jsonl" '["passenger miles",'
# Seen once in a story, a piece still gives way to its whole when the corpus always writes it
# so ("American Stock Exchange", "Shearson Lehman Brothers"), in its place; but not to a whole
# that runs on into a date ("yen eurobond due March 31"). "Finance Minister Kiichi Miyazawa" is
# an office and a name (keywords 1.95), each whole: the story's "Inc." ends no sentence, so its
# case is told.
cat >"$T/wholes.jsonl" <<'EOF'
{"id":"amex","text":"Acme Corp said its shares will trade on the American Stock Exchange from Monday. The company went public in 1985. Acme sold a yen eurobond due March 31, 1992, through Shearson Lehman Brothers Inc. Finance Minister Kiichi Miyazawa welcomed the issue."}
{"id":"beta","text":"Beta Inc said its shares left the American Stock Exchange. The company went public in 1980. Beta sold a yen eurobond due April 2, 1992, led by Shearson Lehman Brothers Inc and Lehman Brothers International. Kiichi Miyazawa was not available."}
{"id":"gamma","text":"Gamma Corp went public on the New York exchange. Lehman Brothers and Goldman Sachs managed its yen eurobond due May 5, 1990."}
EOF
keyphrases "$T/wholes.jsonl" "$T/o14e" top=30
lists "$T/o14e" 1 'American Stock Exchange|Shearson Lehman Brothers|yen eurobond|Finance Minister|Kiichi Miyazawa' \
    'American Stock|Stock Exchange|Shearson Lehman|yen eurobond due|Minister Kiichi Miyazawa|Finance Minister Kiichi Miyazawa'
# A name that begins where a name does is a whole seen once, even for the piece after its first
# word: "Drexel Burnham Lambert", not "Burnham Lambert", though the corpus writes "Drexel
# Burnham" apart too.
cat >"$T/drexel.jsonl" <<'EOF'
{"id":"offer","text":"Bio-Technology General Corp filed an offering of 25 mln dlrs of convertible senior subordinated notes due 1997 through Drexel Burnham Lambert Inc."}
{"id":"analyst","text":"Sales of the chain rose 5 pct, said an analyst at Drexel Burnham. Drexel Burnham expects more gains."}
{"id":"junk","text":"Bonds sold by Drexel Burnham fell. Traders at Drexel said demand was weak."}
EOF
keyphrases "$T/drexel.jsonl" "$T/o14x" top=10
lists "$T/o14x" 1 'Drexel Burnham Lambert' 'Burnham Lambert'
# A name may run two words past max-words, and the pieces inside it give way to it: "Federal
# Home Loan Bank Board", not "Federal Home" and "Bank Board". A title and a person named once are
# one phrase; where the story also writes the surname alone, the title keeps its own place.
cat >"$T/board.jsonl" <<'EOF'
{"id":"fhlbb","text":"Regulators said the Federal Home Loan Bank Board closed two savings institutions in Texas on Friday, as both were insolvent."}
{"id":"notes","text":"Dealers said the Federal Home Loan Bank Board would sell short-term notes next week."}
{"id":"poehl","text":"Markets rose after Bundesbank President Karl Otto Poehl spoke on rates. Poehl said inflation was low."}
{"id":"poehl2","text":"Traders said Bundesbank President Karl Otto Poehl would keep rates steady."}
EOF
keyphrases "$T/board.jsonl" "$T/o14b" top=10
for k in 1 2; do
    lists "$T/o14b" $k 'Federal Home Loan Bank Board' 'Federal Home|Bank Board'
done
lists "$T/o14b" 3 'Bundesbank President' 'Bundesbank President Karl Otto Poehl'
lists "$T/o14b" 4 'Bundesbank President Karl Otto Poehl'
# In the second story "Lehman Brothers" (seen twice) is picked before "Shearson Lehman", whose
# whole it becomes.
lists "$T/o14e" 2 'Shearson Lehman Brothers' 'Lehman Brothers'
# A name widened so takes the place of its words picked alone ("Shearson"), as a name picked
# does; and a name stays itself where its whole would repeat another pick: "Amin Gemayel", not
# "President Amin Gemayel" beside "Lebanese President" (at top 30, as the piece "President Amin"
# is reached only after ten picks). The last two sentences of the first story fill its list,
# so that no word left out for a name comes back to fill it.
printf '%s\n' '{"id":"delta","text":"Delta sold notes through Shearson Lehman Brothers Inc. Shearson said demand was strong. Shearson expects deals. Shearson Lehman Brothers led the issue. Lehman Brothers helped. Investors cheered. Analysts agreed."}' \
    '{"id":"beta","text":"Beta Inc sold a eurobond led by Shearson Lehman Brothers Inc."}' >"$T/shearson.jsonl"
printf '%s\n' '{"id":"lebanon","text":"The Lebanese President met rebels. The Lebanese President said talks went well. Amin Gemayel said peace was near. Amin Gemayel flew home. President Amin Gemayel spoke on radio."}' \
    '{"id":"paris","text":"President Amin Gemayel visited Paris."}' >"$T/gemayel.jsonl"
for f in shearson:10 gemayel:30; do
    top=${f#*:} f=${f%:*}
    keyphrases "$T/$f.jsonl" "$T/o14g-$f" top=$top
    head -n 1 "$T/o14g-$f/documents.jsonl" >"$T/$f-first.jsonl"
done
expect_in "$T/shearson-first.jsonl" '["Shearson Lehman Brothers",'
expect_not_in "$T/shearson-first.jsonl" '["Shearson",'
expect_in "$T/gemayel-first.jsonl" '["Amin Gemayel",'
expect_in "$T/gemayel-first.jsonl" '["Lebanese President",'
expect_not_in "$T/gemayel-first.jsonl" '["President Amin Gemayel",'
# A name whose words were picked alone ("Daniel", "Craig") takes their place as the longer name
# it is a piece of, which the corpus always writes: "Daniel Craig Jones", and no "Jones" alone.
printf '%s\n' '{"id":"a","text":"The film starred Daniel Craig Jones. The critics loved Craig. The fans cheered Daniel Craig Jones. The studio paid Craig."}' \
    '{"id":"b","text":"Daniel Craig Jones acted. Daniel Craig Jones sang."}' >"$T/dcj.jsonl"
for top in 2 3; do
    keyphrases "$T/dcj.jsonl" "$T/o14f" top=$top
    head -n 1 "$T/o14f/documents.jsonl" >"$T/dcj-a.jsonl"
    expect_in "$T/dcj-a.jsonl" '["Daniel Craig Jones",'
    for k in 'Daniel Craig' Jones Craig Daniel; do
        expect_not_in "$T/dcj-a.jsonl" "[\"$k\","
    done
done
# An earnings note in hard-wrapped wire copy: its indented rows of figures are a table, whose
# labels ("Net", "Sales") come after the story's words and stay out of the corpus table; so do
# those of rows with numbers in words ("Net one dlr vs 73 cts", the heading "Nine months"), and
# a heading's word that the corpus writes in lower case ("NOTE:", beside "a note"). The
# abbreviations of such tables ("Shr", "Revs", "Avg shrs", "mths", "Qtly div") and a number in
# words ("one", "Nine") are no keyphrases at all.
printf '%s\n' '{"id":"e","text":"Net 34 cts vs 1.19 dlrs\n    Sales 12.6 mln vs 15.8 mln\n    Nine months\n    Net one dlr vs 73 cts\n    Sales 13.1 mln vs 15.2 mln\n    The bank said deposits rose\nsharply in the quarter.\n    NOTE: the year includes a tax gain.\n Reuter"}' \
    '{"id":"f","text":"The bank sent a note to its clients."}' \
    '{"id":"g","text":"Shr 34 cts vs 1.19 dlrs\n    Revs 12.6 mln vs 15.8 mln\n    Avg shrs 1,234,000 vs 1,100,000\n    Nine mths\n    Qtly div 12 cts vs 12 cts prior\n Reuter"}' >"$T/earn.jsonl"
keyphrases "$T/earn.jsonl" "$T/o13" top=20
awk '/"id":"e"/ { if (!(index($0, "[\"bank\",") < index($0, "[\"Net\",") && index($0, "[\"bank\",") < index($0, "[\"Sales\",") && index($0, "[\"bank\","))) exit 1 }' \
    "$T/o13/documents.jsonl" || fail "a table's label before the story's words: $(cat "$T/o13/documents.jsonl")"
expect_in "$T/o13/documents.jsonl" '["Sales",'
expect_not_in "$T/o13/keywords.tsv" 'Sales'
expect_not_in "$T/o13/keywords.tsv" 'months'
expect_not_in "$T/o13/keywords.tsv" 'NOTE'
expect_in "$T/o13/keywords.tsv" 'deposits'
for abbreviation in Shr Revs Avg shrs mths Nine Qtly div one; do
    expect_not_in "$T/o13/documents.jsonl" "[\"$abbreviation\","
done
# The same table beside a story that writes "net" and "sales" inside its sentences: the labels,
# capitalised only as each row's first word, are shown as the corpus writes them; a firm's name
# that begins each sentence keeps its capital, as the story calls it "Foote Mineral Co" once.
# The heading "NOTE:" after the story's first sentence is in no list at all (keywords 1.66).
printf '%s\n' '{"id":"f","text":"Foote Mineral Co said it agreed to merge.\nFoote said terms were set."}' \
    '{"id":"t","text":"The net profit of the bank and its sales grew. The foot hurt."}' >>"$T/earn.jsonl"
keyphrases "$T/earn.jsonl" "$T/o13l" top=20
lists "$T/o13l" 1 'net|sales' 'Net|Sales|NOTE|Note|note'
lists "$T/o13l" 4 'Foote|Foote Mineral' 'foote|foote Mineral'
# A lawmaker's party and state after the name are no keyphrase (keywords 1.66); "D-Day" is one.
printf '%s\n' '{"id":"p","text":"Sen. Dick Durbin, D-Ill., and Rep. Mike Rogers (R-Mich.) spoke about the D-Day landings. Sen. Chuck Schumer, D-N.Y., agreed with Durbin and Rogers."}' >"$T/party.jsonl"
keyphrases "$T/party.jsonl" "$T/o13p" top=30
lists "$T/o13p" 1 'Dick Durbin|D-Day landings' 'D-Ill|R-Mich|D-N'
# "full name", as earnings notes open a firm's name, names nothing (keywords 1.88), nor does "full
# company name" (1.91); the name after it is one whole.
printf '%s\n' '{"id":"n","text":"Shr 89 cts vs 87 cts\n    Net 119.5 mln vs 114.6 mln\n    NOTE: Full name Public Service Enterprise Group Inc."}' \
    '{"id":"c","text":"Net profit rose 12 pct to 1.2 billion crowns.\n    NOTE: Full company name is Den Norske Creditbank."}' >"$T/fullname.jsonl"
keyphrases "$T/fullname.jsonl" "$T/o13n" top=30
lists "$T/o13n" 1 'Public Service Enterprise Group' 'Full name|Full|name|name Public Service|Service Enterprise Group'
lists "$T/o13n" 2 'Den Norske Creditbank' 'full company name|Full company name|full|company name|company'
# A word whose stem is also a name's bridge ("ofs" stems to "of", as in "Bank of Japan") is a
# phrase of its own: its score was 0 / 0, shown as null, and with more candidates than the
# best few that are sorted, the NaN broke the sort's partitioning and the run crashed. (2.87:
# 1.15, times 2.5 as "The ofs" is a noun phrase by itself.)
words=$(awk 'BEGIN { for (i = 1; i <= 35; i++) printf "Alpha%d w%dx. ", i, i }')
printf 'The Bank of Japan met today. The ofs were counted by the Bank of Japan again. %s\n' "$words" >"$T/ofs.txt"
keyphrases "$T/ofs.txt" "$T/o14" top=200
expect_in "$T/o14/documents.jsonl" '["ofs",2.87'
expect_not_in "$T/o14/documents.jsonl" 'null'
# A word that makes a noun phrase by itself ("the treaty", "after the treaty") comes before one
# that only describes the next ("Regional ministers", "Regional leaders"); without the bonus,
# "Regional" leads. "on Monday" says when and gets none.
printf '%s\n' '{"id":"n","text":"Regional ministers met on Monday. Regional leaders praised the treaty. Regional trade grew after the treaty."}' >"$T/nouns.jsonl"
keyphrases "$T/nouns.jsonl" "$T/o17"
expect_in "$T/o17/documents.jsonl" '{"id":"n","keywords":[["treaty",9.72'
expect_in "$T/o17/documents.jsonl" '["Regional",7.34'
expect_in "$T/o17/documents.jsonl" '["Monday",2.08'
keyphrases "$T/nouns.jsonl" "$T/o18" noun-bonus=0
expect_in "$T/o18/documents.jsonl" '{"id":"n","keywords":[["Regional",7.34'
expect_in "$T/o18/documents.jsonl" '["treaty",3.89'
# "cybersecurity" and "cyber security", one compound written two ways, are shown once, in the
# spelling written more often, or on a tie apart; beside "cyber security", nor is a phrase of it
# in either spelling ("cybersecurity budgets"). A word alone stays beside a phrase of it that
# the story also writes elsewhere, as "cybersecurity" beside "cybersecurity budgets" or "cyber"
# (of "Cyber crime") beside "cyber security"; written only inside it, it does not ("security").
printf '%s\n' '{"id":"c","text":"Cybersecurity spending grew. Firms signed a cyber security pact. Their cybersecurity budgets rose, and cyber security staff were hired. Cyber crime fell."}' \
    '{"id":"d","text":"Cybersecurity spending grew. Firms signed a cyber security pact. Their cybersecurity budgets rose, and cybersecurity staff were hired. Cyber crime fell."}' \
    >"$T/compound.jsonl"
keyphrases "$T/compound.jsonl" "$T/o20"
lists "$T/o20" 1 'cyber security|cyber' 'security|cybersecurity|cybersecurity budgets|Cybersecurity spending|cyber security pact'
lists "$T/o20" 2 'cybersecurity|cybersecurity budgets|cyber' 'security|cyber security|cyber security pact'
# Spellings whose stems differ are told by their letters: Snowball stems "tax-free" to
# "tax-fre" but "free" to "free", so the headline's "TAX FREE RESERVES" and its window "FREE
# RESERVES" were shown beside "tax-free reserves". A name too: "Smith Kline" beside "SmithKline"
# goes, and with it the phrases it is in ("Staff of Smith Kline") and its words.
printf '%s\n' '{"id":"e","text":"FUJI ACCUSED OVER TAX FREE RESERVES\nFuji Bank misused its tax-free reserves, the bureau said. Banks may hold tax-free reserves. Fuji said its use of tax-free reserves was legal."}' >"$T/spelled.jsonl"
keyphrases "$T/spelled.jsonl" "$T/o21"
lists "$T/o21" 1 'tax-free reserves|reserves|Fuji' 'TAX FREE RESERVES|FREE RESERVES|tax free reserves'
printf '%s\n' '{"id":"g","text":"SmithKline earned more. SmithKline sold drugs. SmithKline rose. Analysts at Smith Kline said so. Staff of Smith Kline left."}' >"$T/spelled-name.jsonl"
keyphrases "$T/spelled-name.jsonl" "$T/o22" top=5
lists "$T/o22" 1 'SmithKline|Analysts|drugs' 'Smith Kline|Staff of Smith Kline|Smith|Kline'
# A possessive ending does not count: "Ex-Im's" is "Exim" spelled another way.
printf '%s\n' '{"id":"x","text":"Exim lent more money. Exim grew fast. At the Ex-Im'"'"'s meeting, bankers spoke. The Ex-Im'"'"'s chief left."}' >"$T/spelled-possessive.jsonl"
keyphrases "$T/spelled-possessive.jsonl" "$T/o24"
lists "$T/o24" 1 'Ex-Im|money' 'Exim|Exim lent'
# A headline in capitals hides its verbs' case: "REDEEM" is the "redeem" the story writes in
# lower case, a verb, so neither "redeem" nor "redeem debentures" is a keyphrase.
printf '%s\n' '{"id":"r","text":"ACME TO REDEEM DEBENTURES\nAcme Corp said it will redeem its debentures on May 1. The debentures were sold in 1985, and holders may convert them."}' >"$T/headline-verb.jsonl"
keyphrases "$T/headline-verb.jsonl" "$T/o23"
lists "$T/o23" 1 'debentures|Acme' 'redeem|redeem debentures'
# "completes" is a verb alone, as no adjective takes an "-s" ("complete" is one): neither the
# headline's "COMPLETES ACQUISITION" nor the body's "company completes deals" is a keyphrase.
printf '%s\n' '{"id":"c","text":"ACME COMPLETES ACQUISITION\nAcme Inc said it completed the acquisition of Video Monitors Inc for 3.92 mln dlrs. The company completes deals each year."}' >"$T/completes.jsonl"
keyphrases "$T/completes.jsonl" "$T/o28"
lists "$T/o28" 1 'Acme|acquisition' 'COMPLETES ACQUISITION|completes acquisition|COMPLETES|completes|company completes deals'
# A ticker with its exchange is one word ("DOTX.O"), so the headline is one sentence, read as a
# headline: its "COMPLETES" is the verb the story writes "completes", and "ACQUISITION" is
# shown as the story writes it. Neither the exchange "O" nor "COMPLETES ACQUISITION" is a
# keyphrase. (Before tokenize 0.18, "O> COMPLETES ACQUISITION" was a sentence of its own.) The
# ticker, alone in angle brackets, is a code (tokenize's 'codes'), in no keyphrase either.
printf '%s\n' '{"id":"t","text":"DOTRONIX <DOTX.O> COMPLETES ACQUISITION\nDotronix Inc said it completed the acquisition of Video Monitors Inc for 3.92 mln dlrs. The company completes deals each year."}' >"$T/ticker.jsonl"
keyphrases "$T/ticker.jsonl" "$T/o27"
lists "$T/o27" 1 'Dotronix|acquisition' 'DOTX.O|COMPLETES ACQUISITION|COMPLETES|completes|completes acquisition|company completes deals|ACQUISITION|O|DOTX|DOTX O'
# A ticker that is a code ends a firm's name in a headline, as a legal form does: the word
# after it in "-s" is the headline's verb, and "SELLS UNITS" no keyphrase.
printf '%s\n' '{"id":"g","text":"GULF APPLIED <GATS> SELLS UNITS\nGulf Applied Technologies Inc said it sold its pipeline units for 12 mln dlrs. The units made pumps and applied coatings."}' >"$T/code-verb.jsonl"
keyphrases "$T/code-verb.jsonl" "$T/o29"
lists "$T/o29" 1 'Gulf Applied|units' 'SELLS UNITS|SELLS|sells units|GATS'
# A third person that wire headlines use as a verb, though it is a noun's plural too ("ISSUES"),
# is the verb of a headline in capitals (keywords 1.65): "TAIWAN ISSUES MORE CDS" gave "Taiwan
# issued", grouped by stem with the story's "Taiwan issued".
printf '%s\n' '{"id":"t","text":"TAIWAN ISSUES MORE CDS\nThe central bank of Taiwan issued 7.08 billion dlrs of certificates of deposit. The new issues are designed to curb the growth of the money supply, a bank spokesman said."}' >"$T/headline-verb.jsonl"
keyphrases "$T/headline-verb.jsonl" "$T/o30"
lists "$T/o30" 1 'Taiwan|money supply' 'Taiwan issued|TAIWAN ISSUES|Taiwan issues|ISSUES'
# A firm's name in a headline is whole (keywords 1.65): of three words, where its first two were
# shown with its last word apart ("Acme Widget" and "Gear"); with "and" or "of" inside, shown in
# lower case, where its words were shown apart ("Horn", "Hardart"); and two words longer than
# max-words, as a name written capitalised may be. It begins after the headline's verb: "SELLS"
# is no word of "HECK'S", so not capitalised as one ("Sells Heck"); but a name's last word may
# be such a form ("ENNIS BUSINESS FORMS INC").
{
    printf '%s\n' '{"id":"w","title":"ACME WIDGET GEAR INC <ACG> 4TH QTR NET","text":"Shr 1.83 dlrs vs 77 cts\nNet 296.6 mln vs 120.1 mln"}'
    printf '%s\n' '{"id":"h","title":"HORN AND HARDART CO <HOR> 4TH QTR NET","text":"Shr 1.27 dlrs vs two cts\nNet 18.8 mln vs 357,000"}'
    printf '%s\n' '{"id":"f","title":"FAMILY STEAK HOUSES OF FLORIDA INC <RYFL.O> 3RD QTR NET","text":"Shr 12 cts vs nine cts\nNet 1.2 mln vs 900,000"}'
    printf '%s\n' '{"id":"t","title":"TOUSSIE GROUP SELLS HECK'"'"'S <HEX> SHARES","text":"An investor group led by Robert Toussie said it sold its shares of Heck'"'"'s Inc."}'
    printf '%s\n' '{"id":"e","title":"ENNIS BUSINESS FORMS INC <EBF> QTLY DIVIDEND","text":"Qtly div 12 cts vs 12 cts prior\nPay March 1\nRecord Feb 10"}'
} >"$T/firms.jsonl"
keyphrases "$T/firms.jsonl" "$T/o31"
lists "$T/o31" 1 'Acme Widget Gear' 'Acme Widget|ACME WIDGET'
lists "$T/o31" 2 'Horn and Hardart' 'HORN AND HARDART|Horn AND Hardart'
lists "$T/o31" 3 'Family Steak Houses of Florida' 'Family Steak Houses|Family Steak'
lists "$T/o31" 4 'Robert Toussie' 'Sells Heck|Toussie Group Sells Heck|Toussie Group Sells'
lists "$T/o31" 5 'Ennis Business Forms' 'ENNIS BUSINESS'
# A past after a headline's first word ends no phrase, as in lower case (keywords 1.65): no "FED
# EXPECTED".
printf '%s\n' '{"id":"f","text":"FED EXPECTED TO ADD RESERVES\nThe Federal Reserve is expected to enter the government securities market to add reserves, economists said. The Fed was expected to arrange repurchase agreements."}' >"$T/headline-past.jsonl"
keyphrases "$T/headline-past.jsonl" "$T/o33"
lists "$T/o33" 1 'Fed|reserves' 'FED EXPECTED|Fed expected'
# So do "ROSE" and "FELL", which the corpus counts no casing of (keywords 1.66): no "FED ROSE"
# nor "ROSE"; but "Rose" of a name the story writes capitalised is the name's.
printf '%s\n' '{"id":"r","title":"TREASURY BALANCES AT FED ROSE","text":"Treasury balances at the Federal Reserve rose on Feb 25, the Treasury said. The Fed said deposits fell."}' \
    '{"id":"p","title":"PETE ROSE SIGNS WITH REDS","text":"Pete Rose signed a contract with the Reds. Rose will manage."}' >"$T/headline-rose.jsonl"
keyphrases "$T/headline-rose.jsonl" "$T/o33r"
lists "$T/o33r" 1 'Fed|Treasury balances' 'FED ROSE|Fed Rose|ROSE|Rose'
lists "$T/o33r" 2 'Pete Rose'
# After "to" or a modal, a verb that is a noun too is the verb, in a headline in capitals and in
# the text, and "back" after a verb its particle (keywords 1.65): no "sell", "SELL UNIT", "back
# stock" or "issue".
printf '%s\n' '{"id":"s","text":"ACME TO SELL PUMP UNIT\nAcme Corp said it agreed to sell its pump unit to Beta Inc for 12 mln dlrs. Acme also plans to buy back stock. It will issue notes."}' >"$T/to-verb.jsonl"
keyphrases "$T/to-verb.jsonl" "$T/o32"
lists "$T/o32" 1 'Acme|pump unit' 'sell|SELL|sell pump unit|SELL PUMP UNIT|buy back|back stock|back|issue|issue notes'
# After "is", "was" and the like, a verb's form in "-ing" is a progressive's verb: no "issuing",
# "seeking" or "seeking buyers" (keywords 1.67). Where the story writes the word elsewhere as
# no verb, it is shown so: "issue", not the "issuing" seen first.
printf '%s\n' '{"id":"g","text":"The World Bank is issuing a 100 mln Australian dlr bond, lead manager Hambros Bank said. Acme is not seeking buyers for its pump unit. The issue is due in 1992."}' >"$T/progressive.jsonl"
keyphrases "$T/progressive.jsonl" "$T/o32g"
lists "$T/o32g" 1 'World Bank|bond|issue' 'issuing|seeking|seek|seeking buyers'
# "us" in lower case is the pronoun, and a word right before an object pronoun is a verb
# (keywords 1.68): no "us", "give", "rescue" or "give us permission"; "US" is the country.
printf '%s\n' '{"id":"h","text":"We expect the ministry to give us permission, the US bank said. Firefighters tried to rescue them from the mine. The US bank opened in 1985."}' >"$T/pronouns.jsonl"
keyphrases "$T/pronouns.jsonl" "$T/o32h"
lists "$T/o32h" 1 'US bank|ministry|permission|mine' 'us|give|rescue|give us permission|us permission'
# Adverbs and pronouns that Snowball's list lacks ("now", "less", "others", "something") are in
# no phrase in lower case or first in a sentence, but a title keeps its "Never" (keywords 1.69).
printf '%s\n' '{"id":"m","text":"Acme is now the largest maker of pumps, and sold less than others in 1986. Still, Acme expects something better, the chairman said. Critics saw the film The Music Never Stopped at a festival in Boston last week, and nothing else."}' >"$T/minor.jsonl"
keyphrases "$T/minor.jsonl" "$T/o32m" top=20
lists "$T/o32m" 1 'Acme|pumps|Music Never Stopped' 'now|less|sold less|others|Still|something|something better|nothing else'
# Prepositions that Snowball's list lacks are in no phrase before their object (keywords 1.70):
# no "principal amount plus", "plus accrued interest", "day following", "investors outside" or
# "News concerning"; "outside directors" modifies its noun, and "a loyal following" is one.
printf '%s\n' '{"id":"p","text":"Acme will redeem the notes at the principal amount plus accrued interest. Acme sold the shares to investors outside the U.S. on the day following the vote. News concerning Acme spread. Acme named two outside directors. The band has a loyal following."}' >"$T/prepositions.jsonl"
keyphrases "$T/prepositions.jsonl" "$T/o32p" top=20
lists "$T/o32p" 1 'principal amount|accrued interest|investors|outside directors|loyal following' 'principal amount plus|plus accrued interest|plus|day following|investors outside|News concerning|concerning'
# A word of time or amount governs the time, the figure or the stop word after it (keywords
# 1.71): no "debentures due", "last week", "contract worth" or "canal early"; "net worth" stays.
# A measure is no keyphrase alone (keywords 1.72): no "60-kilo".
printf '%s\n' '{"id":"t","text":"Acme sold convertible debentures due 2012 last week. Acme won a contract worth 10 mln dlrs. Acme said its net worth was 50 mln dlrs. Ships waited at the canal early today. Brazil shipped 325,000 (60-kilo) bags of coffee."}' >"$T/timed.jsonl"
keyphrases "$T/timed.jsonl" "$T/o32t" top=30
lists "$T/o32t" 1 'convertible debentures|contract|net worth|canal|coffee' 'debentures due|due|last week|week|contract worth|canal early|early|60-kilo'
# "previous" governs its time as "last" does, and a time with a possessive is governed too
# (keywords 1.92): no "previous week", nor "year" of "last year's".
printf '%s\n' '{"id":"p","text":"Exports of coffee rose from the previous week. Imports of tea fell from last year'"'"'s level."}' >"$T/previous.jsonl"
keyphrases "$T/previous.jsonl" "$T/o32v" top=30
lists "$T/o32v" 1 'coffee|tea' 'previous week|previous|week|year|year'"'"'s level'
# The middle word of a name of three words stands for the name: "Burnham", the rarest of its
# words here, would be the best of them alone; "Drexel Burnham Lambert" is shown in its place.
{
    echo '{"id":"a","text":"The notes were underwritten by Drexel Burnham Lambert. The notes pay interest twice a year."}'
    echo '{"id":"b","text":"Shares were priced by Drexel Burnham Lambert."}'
    echo '{"id":"c","text":"Traders said Drexel would expand."}'
    echo '{"id":"d","text":"The board said Lambert resigned."}'
} >"$T/middle.jsonl"
keyphrases "$T/middle.jsonl" "$T/o32m" top=3
lists "$T/o32m" 1 'notes|Drexel Burnham Lambert' 'Burnham'
# A modifier written only before one noun is shown with it, in the word's place, though the
# phrase alone would come too late for the list (keywords 1.93): "central", always in "central
# bank" here, which another story writes too, where a third writes "central government".
{
    echo '{"id":"a","text":"The central bank raised rates. Traders said the central bank sold bonds. Dealers bought bonds."}'
    echo '{"id":"b","text":"The central bank met."}'
    echo '{"id":"c","text":"The central government spent more."}'
    for i in 1 2 3 4 5 6 7 8; do echo "{\"id\":\"f$i\",\"text\":\"The bank raised rates. Traders said the bank sold bonds.\"}"; done
} >"$T/term.jsonl"
keyphrases "$T/term.jsonl" "$T/o33t" top=1
lists "$T/o33t" 1 'central bank' 'central'
# A pick extended by a word the story writes only beside it: "loss carryforwards" and "tax"
# become "tax loss carryforwards", which the story writes each time and another document has
# too. The corpus writes "loss carryforwards" more often in other phrases ("operating loss
# carryforwards"), so it is no piece of the longer phrase there, and "tax" alone is common.
# A clause is not made so: "went public" and "Company" stay apart, though two documents write
# "Company went public" each time, as earnings notes do.
{
    echo '{"id":"a","text":"Delta Corp said it had tax loss carryforwards of 12 mln dlrs at year end. The tax loss carryforwards expire in 1995. Delta makes valves."}'
    echo '{"id":"k","text":"Omega Inc used tax loss carryforwards."}'
    printf '%s\n' '{"id":"w","text":"Acme Corp said sales rose to 41 mln dlrs from 20 mln. Acme makes pumps.\nNote: Company went public in October 1986."}'
    echo '{"id":"v","text":"Note: Company went public in May 1985."}'
    for i in 1 2 3 4 5; do echo "{\"id\":\"m$i\",\"text\":\"Zeta Inc has operating loss carryforwards.\"}"; done
    i=0
    while [ $i -lt 200 ]; do
        echo "{\"id\":\"f$i\",\"text\":\"Traders sold bonds and paid tax. The company said so.\"}"
        i=$((i + 1))
    done
} >"$T/extend.jsonl"
keyphrases "$T/extend.jsonl" "$T/o20e"
lists "$T/o20e" 1 'tax loss carryforwards|Delta' 'loss carryforwards|tax'
lists "$T/o20e" 3 'went public|Company' 'Company went public'
# A name that ends in a function word ("may") stays whole, where it opens a sentence as well
# as inside one and before a possessive's capitalised noun (keywords 1.50, 1.51): with all four
# occurrences counted, it tops the list (before 1.51 it was fourth, from two).
printf '%s\n' '{"id":"may","text":"Theresa May said on Tuesday that Britain would leave the European Union in March. The prime minister told parliament that the Brexit deal was the best available. Opposition leader Jeremy Corbyn said Theresa May had failed. Many lawmakers in Theresa May'"'"'s Conservative Party oppose the deal. Theresa May will meet European leaders in Brussels on Thursday, officials said."}' \
    >"$T/may.jsonl"
keyphrases "$T/may.jsonl" "$T/o20m"
lists "$T/o20m" 1 'Theresa May|deal|Brussels' 'Theresa|May|Many lawmakers|Theresa May will'
expect_in "$T/o20m/documents.jsonl" '{"id":"may","keywords":[["Theresa May",'
# A surname's particle that leads it after the name is written whole ("Barend du Plessis",
# then "du Plessis told") counts as a word neither time (keywords 1.52): "Barend du Plessis" is a
# name (after the office before it, keywords 1.95; "du Plessis" before), and the surname alone no
# pick beside it (before 1.52, "Plessis" topped the list).
printf '%s\n' '{"id":"du","text":"Finance Minister Barend du Plessis said South Africa would repay its foreign debt on time. Speaking in Pretoria, du Plessis told reporters that the banks had agreed to the plan. Creditors welcomed the agreement, du Plessis said."}' \
    >"$T/du.jsonl"
keyphrases "$T/du.jsonl" "$T/o20d"
lists "$T/o20d" 1 'Barend du Plessis|Pretoria' 'Plessis|Barend du'
# Two windows of "lower effective tax rate" overlapping by two words: the one that two more
# stories write is shown, though the other scores more (keywords 1.53).
{
    echo '{"id":"t","text":"The company said its lower effective tax rate helped profits. The lower effective tax rate came from investment credits."}'
    echo '{"id":"u","text":"The effective tax rate rose to 40 pct."}'
    echo '{"id":"v","text":"Its effective tax rate fell sharply."}'
} >"$T/windows.jsonl"
keyphrases "$T/windows.jsonl" "$T/o20w"
lists "$T/o20w" 1 'effective tax rate|investment credits' 'lower effective tax'
# Where that window would repeat a phrase shown already ("rate cuts", by its last word), the
# first window stays rather than give way to nothing (keywords 1.56).
{
    echo '{"id":"t","text":"The bank said its lower effective tax rate cuts helped profits. The lower effective tax rate cuts came from investment credits. Lower effective tax, it said."}'
    echo '{"id":"u","text":"The effective tax rate rose to 40 pct."}'
    echo '{"id":"v","text":"Its effective tax rate fell sharply."}'
} >"$T/windows2.jsonl"
keyphrases "$T/windows2.jsonl" "$T/o20x"
lists "$T/o20x" 1 'lower effective tax|rate cuts' 'effective tax rate'
# A name picked ("Day Lewis") and a word picked alone ("Daniel") make up a longer name, which
# takes their place in a full list (keywords 1.54).
printf '%s\n' '{"id":"d","text":"The film starred Daniel Day Lewis. The critics loved Day Lewis. The fans cheered Daniel Day Lewis. The studio paid Day Lewis."}' \
    >"$T/daylewis.jsonl"
keyphrases "$T/daylewis.jsonl" "$T/o20l" top=2
lists "$T/o20l" 1 'Daniel Day Lewis' 'Day Lewis|Daniel'
# A word shown alone that is mostly a name's word, and that the story writes in lower case
# outside the name, is shown so: "copper" beside "Magma Copper". One used alone as a name
# ("Sykes said") stays capitalised, though a slip writes it once in lower case (keywords 1.57).
{
    echo '{"id":"m","text":"Magma Copper said it raised output at its mine. Magma Copper sells most of its copper in Asia. The price of Magma Copper shares rose."}'
    echo '{"id":"s","text":"Shares of Sykes Datatronics rose on Monday. Analysts said Sykes would sell debentures. Traders said Sykes gained. The banks hold sykes assets."}'
} >"$T/common.jsonl"
keyphrases "$T/common.jsonl" "$T/o20c"
lists "$T/o20c" 1 'Magma Copper|copper' 'Copper'
lists "$T/o20c" 2 'Sykes Datatronics|Sykes' 'sykes'
# "in principle" in all 20 documents: a set phrase, whose noun gets no noun-phrase bonus, so it
# scores as it does with noun-bonus = 0 (2.41) while "the merger" gets one. Ten documents alone
# tell too little, and it gets one there (6.02); ten after a model saved of the first ten score
# as the whole run does, as the model keeps the counts.
# twenty FORMAT FILE: twenty lines of FORMAT (with "%02d" for the line's number, from 01) into FILE.
twenty() {
    i=0
    : >"$2"
    while [ $i -lt 20 ]; do
        i=$((i + 1))
        printf "$1\\n" $i >>"$2"
    done
}
twenty '{"id":"s%02d","text":"The board agreed in principle to the merger."}' "$T/idioms.jsonl"
head -n 10 "$T/idioms.jsonl" >"$T/idioms-first.jsonl"
tail -n 10 "$T/idioms.jsonl" >"$T/idioms-last.jsonl"
keyphrases "$T/idioms.jsonl" "$T/o21"
expect_in "$T/o21/documents.jsonl" '{"id":"s11","keywords":[["merger",4.97'
expect_in "$T/o21/documents.jsonl" '["principle",2.40'
keyphrases "$T/idioms.jsonl" "$T/o22" noun-bonus=0
expect_in "$T/o22/documents.jsonl" '{"id":"s11","keywords":[["principle",2.40'
keyphrases "$T/idioms-first.jsonl" "$T/o23" save-model=idioms.model
expect_in "$T/o23/documents.jsonl" '{"id":"s01","keywords":[["principle",6.01'
grep -qx idioms "$T/o23/idioms.model" || fail "$T/o23/idioms.model has no 'idioms' line"
expect_in "$T/o23/idioms.model" "$(printf 'principle\t10\t10')"
keyphrases "$T/idioms-last.jsonl" "$T/o24" model="$T/o23/idioms.model"
sed -n 11,20p "$T/o21/documents.jsonl" | cmp -s - "$T/o24/documents.jsonl" ||
    fail "the ten documents after a model score otherwise than in the whole run"
# "A spokesman said" in all 20 documents: the source of a quote gets no bonus either (2.80, as
# with noun-bonus = 0); five documents alone tell too little, and it gets one there (7.00).
twenty '{"id":"q%02d","text":"A spokesman said the merger was agreed."}' "$T/sources.jsonl"
keyphrases "$T/sources.jsonl" "$T/o25"
expect_in "$T/o25/documents.jsonl" '{"id":"q01","keywords":[["spokesman",2.79'
head -n 5 "$T/sources.jsonl" >"$T/sources-five.jsonl"
keyphrases "$T/sources-five.jsonl" "$T/o26"
expect_in "$T/o26/documents.jsonl" '{"id":"q01","keywords":[["spokesman",6.99'
# A bonus that the method would not use is a mistake in the pipeline, not a setting to drop.
expect_status 64 "$QUARRY" run -q -e 'read ! clean ! tokenize ! stem ! keywords method=tfidf noun-bonus=2 ! write' \
    "$T/nouns.jsonl" -o "$T/o19"
expect_in "$T/err" "noun-bonus weights method = combined, not tfidf"
# So do a background with a method that reads no document frequencies, and its weight alone:
# keywords OPTIONS over the seed articles stops the run with 64, saying MESSAGE.
refused() {
    expect_status 64 "$QUARRY" run -e "read ! tokenize ! stem ! keywords $1 ! write" "$SRCDIR/samples/*.txt" -o "$T/obg"
    expect_in "$T/err" "$2"
}
refused "method=yake background=$SRCDIR/pipelines/reuters-background.model" \
    "background weighs document frequencies, which method = yake and rake do not use"
refused background-weight=50 "background-weight weighs a background: give background = too"
# Chinese, Japanese and Thai stories in an English feed: their particles are stop words, not
# keyphrases, without a warning from tokenize or stem; a Chinese phrase is shown as written.
mkdir "$T/cjk"
printf '%s\n' '日本政府は水曜日、経済を支援するための新たな対策を発表した。対策には中小企業への融資の拡大が含まれる。政府は、中小企業の資金繰りを支えることが景気回復の鍵だと説明した。' >"$T/cjk/ja.txt"
printf '%s\n' '日本和印度签署了网络安全协议。两国将加强网络安全合作。网络安全是两国关系的重点。' >"$T/cjk/zh.txt"
printf '%s\n' 'ประเทศไทยและญี่ปุ่นลงนามข้อตกลงความร่วมมือด้านความมั่นคงทางไซเบอร์ รัฐบาลไทยกล่าวว่าข้อตกลงนี้จะช่วยปกป้องโครงสร้างพื้นฐานสำคัญของประเทศ' >"$T/cjk/th.txt"
expect_status 0 "$QUARRY" run -e 'read ! clean ! tokenize ! stem ! keywords ! write fields=id,keywords' "$T/cjk" \
    -o "$T/o20"
expect_not_in "$T/err" "warning"
lists "$T/o20" 1 '対策|中小企業|経済' 'の|は|を|が|した'
lists "$T/o20" 3 '网络安全' '网络 安全|的|了|和'
lists "$T/o20" 2 '' 'และ|ความ|ว่า|จะ|ของ'
# Tokens of their own without a 'stop' list: no word is a stop word, and the run says so once,
# counting those documents; after tokenize, no such warning.
expect_stop_warning keywords keyphrases 'read ! keywords ! write' "$T/o15"
expect_in "$T/o15/documents.jsonl" '"keywords":[["the",'
expect_in "$T/o15/documents.jsonl" '"stop":[1,0],"keywords":[["dog",'
expect_status 0 "$QUARRY" run -e 'read ! tokenize ! keywords ! write' "$T/own.jsonl" -o "$T/o16"
expect_not_in "$T/err" "'stop' list"
finish
