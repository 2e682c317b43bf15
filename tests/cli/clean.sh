# clean.sh: the clean stage through quarry run: the seed articles come out as a reader would
# see them, runs are deterministic, huge or hostile input goes through, quotes doubled by CSV
# escaping are single again, an HTML page becomes its text, a page or text in a legacy encoding
# is read in it, and an agency story loses its byline, editor's note, contact trailer, rights
# notice and advertisements' labels; a page's template goes, and a report's rows stay; a user's
# own spun phrases are replaced.
. "$(dirname "$0")/lib.sh"
S="$SRCDIR/samples/*.txt"

# A branch writes the cleaned texts alone as TSV, to search them without the audit.
expect_status 0 "$QUARRY" run -e 'read ! c:clean explain=true ! write  c. ! write path=texts.tsv fields=id,text' \
    "$S" -o "$T/o"
D="$T/o/documents.jsonl"
expect_lines "$D" 5
cp "$T/o/texts.tsv" "$T/texts"
expect_lines "$T/texts" 6
# Every furniture line of the seeds is gone from the text ...
for furniture in "Advertisement" "Story continues below this ad" "Loading Taboola" "Read Comments" \
                 "email protected" "Last Updated" "Upload File" "For registration call" \
                 "Phone:" "Latest Comment" "Post Comment" "Stay updated with the latest" \
                 "This is an archive article" "Leave a Reply" "has been a journalist for more than 25 years"; do
    expect_not_in "$T/texts" "$furniture"
done
# ... every sentence of the story is kept (a sample from each article) ...
for sentence in \
    "THE Japanese and Indian governments have agreed in principle to work together" \
    "The security of India’s 5G network is extremely important" \
    "critical information infrastructure, including infrastructure for banks and payment" \
    "This year, Japan has been repeatedly hit by cyberattacks." \
    "Now, with a change of guard, and a newly appointed Yoshihide Suga as PM" \
    "The second India-Japan Cyber Dialogue will take place in 2023" \
    "There are more than 90 million Chinese smartphones in India" \
    "Japan has one major advantage; Japan was the first country which blocked the Chinese out."; do
    expect_in "$T/texts" "$sentence"
done
# ... each paragraph once, spinner artefacts repaired, headline and date found.
n=$(grep -o "In a clear signal towards China’s aggressive" "$T/texts" | wc -l)
[ "$n" -eq 1 ] || fail "a repeated paragraph appears $n times"
expect_in "$T/texts" "3.2 million debit cards"
expect_in "$T/texts" "aid for New Delhi"
expect_in "$T/texts" "artificial intelligence (AI)"
expect_not_in "$T/texts" "AI (AI)"
expect_in "$D" '"title":"India, Japan close to cybersecurity deal, call for robust digital ecosystem","date":"2020-10-08"'
# A headline that names a date is a headline, and a label ("Why in News:") is none.
expect_in "$D" '"title":"India-Japan Cyber Security Cooperation (12 October 2020)"'
expect_not_in "$D" '"title":"Why in News:"'
expect_in "$D" '"furniture: Loading Taboola..."'
expect_in "$D" '"repeat: In a clear signal'

# A spun copy whose template was left unrendered: its lines are the story's, rendered with
# each group's first option, not a menu dropped for its '|'.
printf 'Rates rise again\n\nThe {central bank|bank} {raised|lifted} rates by a quarter point on {Tuesday|Wednesday}, citing {inflation|rising prices}.\n' \
    >"$T/spun.txt"
expect_status 0 "$QUARRY" run -q -e 'read ! clean ! write fields=id,text,spun' "$T/spun.txt" -o "$T/spun"
expect_in "$T/spun/documents.jsonl" '"text":"The central bank raised rates by a quarter point on Tuesday, citing inflation."'
# A user's own spun phrases (spun-phrases = FILE) are replaced as the built-in ones are, and
# count towards 'spun'; the file saved on Windows (CRLF, a byte-order mark) reads the same.
printf '# phrases our spinner makes\n\nsearch engine marketing guru\tSEO expert\n' >"$T/phrases.tsv"
{ printf '\357\273\277'; sed 's/$/\r/' "$T/phrases.tsv"; } >"$T/phrases-crlf.tsv"
printf 'The firm hired a search engine marketing guru last year, and the search engine marketing guru doubled its sales.\n' \
    >"$T/guru.txt"
for f in phrases phrases-crlf; do
    expect_status 0 "$QUARRY" run -q -e "read ! clean spun-phrases=$T/$f.tsv ! write fields=id,text,spun" \
        "$T/guru.txt" -o "$T/$f"
    expect_in "$T/$f/documents.jsonl" '"text":"The firm hired a SEO expert last year, and the SEO expert doubled its sales."'
    expect_in "$T/$f/documents.jsonl" '"spun":133.3' # 2 repairs in 15 words
done

# Learning recurring lines is two-pass (spooled) and gives the same bytes on any thread count.
mkdir -p "$T/corpus"
for i in 1 2 3 4 5 6; do
    printf 'Daily Planet Network %d\n\nStory number %d: the council said on Monday that the %s road would open again next week, after months of work.\n' \
        $i $i "$(echo north south east west upper lower | cut -d' ' -f$i)" >"$T/corpus/s$i.txt"
done
expect_jobs_alike "$T/l" documents.jsonl \
    -e 'read ! clean learn=true learn-min-docs=3 title=false explain=true ! write' "$T/corpus"
expect_not_in "$T/l1/documents.jsonl" '"text":"Daily Planet'
# Learned, not merely dropped as a short line beside the story, which the boilerplate rule does.
expect_in "$T/l1/documents.jsonl" '"learned-furniture: Daily Planet Network 1"'
expect_in "$T/l1/documents.jsonl" "the north road would open again"

# A 100 MB single line goes through, in linear time.
head -c 100000000 /dev/zero | tr '\000' 'w' | fold -w 7 | tr '\n' ' ' >"$T/big.txt"
expect_status 0 "$QUARRY" run -q -e 'read ! clean ! write' "$T/big.txt" -o "$T/ob"
[ "$(wc -c <"$T/ob/documents.jsonl")" -gt 100000000 ] || fail "the 100 MB document lost text"
rm -f "$T/big.txt" "$T/ob/documents.jsonl"

# Bad parameters and files are named.
expect_status 66 "$QUARRY" run -e 'read ! clean patterns=/no/such/file ! write' "$S" -o "$T/o3"
expect_in "$T/err" "stage 'clean' could not start: cannot open the patterns file /no/such/file"
# A story exported through a spreadsheet, its quotes doubled by CSV escaping: single again.
printf 'Prosecutor resigns\n\nThe officer said he knew him as ""Joe"". ""Joe"" had called him, police said.\n' >"$T/csv.txt"
expect_status 0 "$QUARRY" run -q -e 'read ! clean ! write fields=id,text' "$T/csv.txt" -o "$T/o5"
expect_in "$T/o5/documents.jsonl" 'knew him as \"Joe\". \"Joe\" had called him'
# A story saved as an HTML page: its headline and paragraphs, without markup, menu or footer.
cat >"$T/page.html" <<'EOF'
<!DOCTYPE html><html><head><title>Pact | News</title><script>var x = "<p>no</p>";</script></head>
<body><div class="nav"><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></div>
<h1>Japan, India sign cyber pact</h1>
<p>TOKYO &mdash; Japan and India on Tuesday signed an agreement to cooperate on cyber security.</p>
<p>The pact covers 5G networks and critical infrastructure, according to a joint statement.</p>
<div class="footer">&copy; 2026 News Corp. All rights reserved.</div></body></html>
EOF
expect_status 0 "$QUARRY" run -q -e 'read ! clean ! write fields=id,title,text' "$T/page.html" -o "$T/o6"
expect_in "$T/o6/documents.jsonl" '"title":"Japan, India sign cyber pact","text":"TOKYO — Japan and India on Tuesday signed'
expect_not_in "$T/o6/documents.jsonl" "<"
expect_not_in "$T/o6/documents.jsonl" "Home"
expect_not_in "$T/o6/documents.jsonl" "rights reserved"
# A page in Windows-1251 that says so in its <meta>, and a text file in it, named by 'encoding':
# both come out in Cyrillic ("Москва и Петербург"), where Windows-1252 gave Latin letters.
mkdir "$T/legacy"
printf '<html><head><meta charset="windows-1251"></head><body><h1>\315\356\342\356\361\362\350</h1><p>\314\356\361\352\342\340 \350 \317\345\362\345\360\341\363\360\343.</p></body></html>' \
    >"$T/legacy/page.html"
printf '\314\356\361\352\342\340 \350 \317\345\362\345\360\341\363\360\343.\n' >"$T/legacy/plain.txt"
expect_status 0 "$QUARRY" run -q -e 'read ! clean encoding=koi8-r ! write fields=id,text' "$T/legacy/page.html" -o "$T/o8"
expect_in "$T/o8/documents.jsonl" '"text":"Новости\n\nМосква и Петербург."'
expect_status 0 "$QUARRY" run -q -e 'read ! clean encoding=windows-1251 ! write fields=id,text' "$T/legacy/plain.txt" -o "$T/o8"
expect_in "$T/o8/documents.jsonl" '"text":"Москва и Петербург."'
expect_not_in "$T/err" "warning"
# French in Latin-1, rich in accents, is read as it is, with no warning.
printf '\311t\351 \340 la for\352t: tr\350s \351l\351gant, d\351j\340 vu, na\357ve fa\347ade, caf\351 cr\350me, \351t\351 \351t\351 \351t\351, r\352ve \340 Gen\350ve, p\350re et m\350re \340 No\353l.\n' \
    >"$T/french.txt"
expect_status 0 "$QUARRY" run -q -e 'read ! clean ! write fields=id,text' "$T/french.txt" -o "$T/o8"
expect_in "$T/o8/documents.jsonl" '"text":"Été à la forêt: très élégant, déjà vu, naïve façade'
expect_not_in "$T/err" "warning"
# Text files and a page that name no encoding, each in another: by default (encoding = auto)
# each is decoded from the one uchardet guesses, where the guess is safe, and the French (in
# Latin-1) stays as it was.
mkdir "$T/unnamed"
printf 'Правительство России в среду объявило о новых мерах поддержки экономики.\n' |
    iconv -f UTF-8 -t CP1251 >"$T/unnamed/ru.txt"
printf 'Уряд України у середу схвалив нову програму підтримки малого бізнесу.\n' |
    iconv -f UTF-8 -t KOI8-U >"$T/unnamed/uk.txt"
printf '日本政府は水曜日、経済を支援するための新たな対策を発表した。\n' | iconv -f UTF-8 -t SHIFT_JIS >"$T/unnamed/ja.txt"
printf 'Rząd Polski przyjął w środę projekt ustawy o wsparciu dla rolników dotkniętych suszą. Według ministra rolnictwa pomoc finansowa zostanie wypłacona jeszcze przed końcem roku.\n' |
    iconv -f UTF-8 -t CP1250 >"$T/unnamed/pl.txt"
printf '<html><body><h1>Новости</h1><p>Правительство России в среду объявило о новых мерах поддержки экономики.</p></body></html>\n' |
    iconv -f UTF-8 -t CP1251 >"$T/unnamed/page.html"
cp "$T/french.txt" "$T/unnamed/"
# Japanese mail's and Korean's 7-bit encodings, switched into their sets by escapes (ISO-2022;
# Korean's shifts are no binary bytes to read).
printf '日本政府は経済対策を発表した。\n' | iconv -f UTF-8 -t ISO-2022-JP >"$T/unnamed/mail.txt"
printf '한국 정부는 새로운 경제 대책을 발표했다.\n' | iconv -f UTF-8 -t ISO-2022-KR >"$T/unnamed/ko.txt"
expect_status 0 "$QUARRY" run -q -e 'read ! clean title=false explain=true ! write fields=id,text,explain' "$T/unnamed" -o "$T/o9"
expect_in "$T/o9/documents.jsonl" '{"id":"mail","text":"日本政府は経済対策を発表した。","explain":["encoding: the text decoded from ISO-2022-JP-2 (its escape sequences)"'
expect_in "$T/o9/documents.jsonl" '{"id":"ko","text":"한국 정부는 새로운 경제 대책을 발표했다.","explain":["encoding: the text decoded from ISO-2022-KR (its escape sequences)"'
expect_in "$T/o9/documents.jsonl" '{"id":"ru","text":"Правительство России в среду объявило о новых мерах поддержки экономики.","explain":["encoding: the text decoded from windows-1251 (guessed)"'
expect_in "$T/o9/documents.jsonl" '{"id":"uk","text":"Уряд України у середу схвалив нову програму підтримки малого бізнесу.","explain":["encoding: the text decoded from koi8-u (guessed)"'
expect_in "$T/o9/documents.jsonl" '{"id":"ja","text":"日本政府は水曜日、経済を支援するための新たな対策を発表した。","explain":["encoding: the text decoded from shift_jis (guessed)"'
expect_in "$T/o9/documents.jsonl" '{"id":"pl","text":"Rząd Polski przyjął w środę projekt ustawy o wsparciu dla rolników dotkniętych suszą. Według'
expect_in "$T/o9/documents.jsonl" '{"id":"page","text":"Новости\n\nПравительство России в среду объявило о новых мерах поддержки экономики.","explain":["encoding: the text decoded from windows-1251 (guessed)"'
expect_in "$T/o9/documents.jsonl" '"text":"Été à la forêt: très élégant, déjà vu, naïve façade'
expect_not_in "$T/err" "warning"
# A title of a few words is read in the encoding guessed for its text: "Rząd" alone is too short
# to guess from, and read as Windows-1252 it was "Rz¹d".
printf 'id,title,text\n1,"Rząd","Rząd Polski przyjął w środę projekt ustawy o wsparciu dla rolników dotkniętych suszą. Według ministra rolnictwa pomoc finansowa zostanie wypłacona jeszcze przed końcem roku."\n' |
    iconv -f UTF-8 -t CP1250 >"$T/pl.csv"
expect_status 0 "$QUARRY" run -q -e 'read ! clean ! write fields=id,title' "$T/pl.csv" -o "$T/o9"
expect_in "$T/o9/documents.jsonl" '{"id":"1","title":"Rząd"}'
# encoding = windows-1252 reads each byte alone, as before: Cyrillic as Latin letters, warned of.
expect_status 0 "$QUARRY" run -q -e 'read ! clean encoding=windows-1252 ! write fields=id,text' "$T/unnamed/ru.txt" -o "$T/o9"
expect_in "$T/o9/documents.jsonl" '"text":"Ïðàâèòåëüñòâî Ðîññèè'
expect_in "$T/err" 'clean: warning: 1 of 1 documents read as windows-1252 are mostly letters with accents'
expect_status 64 "$QUARRY" run -q -e 'read ! clean encoding=klingon ! write' "$T/legacy" -o "$T/o8"
expect_in "$T/err" "encoding 'klingon' is none that iconv knows"
# A scraped agency story: its byline, editor's note, editors and contact trailer go; its
# headline, dateline and text stay.
printf '%s\n%s\n' 'Hermes in talks to buy a stake in Paris tannery' \
    '(Updates with analyst comment in fifth paragraph.) By Jane Roe PARIS (Bloomberg) - Hermes International SCA, the French maker of Birkin bags, is in talks to buy a tannery, the company said. Editors: John Doe, Ann Poe To contact the reporter on this story: Jane Roe in Paris at jroe@example.net' \
    >"$T/wire.txt"
expect_status 0 "$QUARRY" run -q -e 'read ! clean ! write fields=id,title,text' "$T/wire.txt" -o "$T/o7"
expect_in "$T/o7/documents.jsonl" '"title":"Hermes in talks to buy a stake in Paris tannery","text":"PARIS (Bloomberg) - Hermes International SCA'
expect_in "$T/o7/documents.jsonl" 'is in talks to buy a tannery, the company said."}'
# A page that is all furniture, and an empty file, are kept with empty text, and a warning counts
# them: a source whose pages clean empties must not go unseen, night after night. So does one
# for a text in an encoding that cannot be guessed, read as Windows-1252 (Latin letters with
# accents): Armenian in ARMSCII-8. A feed's item that is a headline alone loses nothing, and is
# told as information, not warned of every night. The counts are the same when the documents
# come from the state folder's cache.
mkdir "$T/mixed"
cp "$T/wire.txt" "$T/mixed/"
printf 'Հայաստանի կառավարությունը չորեքշաբթի օրը հաստատել է տնտեսության աջակցության նոր ծրագիր։\n' |
    iconv -f UTF-8 -t ARMSCII-8 >"$T/mixed/armenian.txt"
printf '<html><body><nav>Home | About | Contact</nav><script>var x = 1;</script></body></html>' >"$T/mixed/nav.html"
: >"$T/mixed/zero.txt"
printf '<rss><channel><item><guid>h1</guid><title>Markets close higher</title></item></channel></rss>\n' >"$T/mixed/feed.rss"
for run in fresh cached; do
    expect_status 0 "$QUARRY" run -e 'read ! clean ! write fields=id,text' "$T/mixed" -o "$T/o8" --state "$T/st8"
    expect_in "$T/err" "clean: warning: 2 of 5 documents have no text after cleaning (all furniture, boilerplate or markup, or an empty file): they are kept, empty"
    expect_in "$T/err" "clean: 1 document came as a title alone (a feed's headline item, say): kept, with empty text"
    expect_in "$T/err" 'clean: warning: 1 of 5 documents read as windows-1252 (no other encoding could be guessed safely) are mostly letters with accents ("Ìîñêâà" for "Москва"): text in another encoding; name it with encoding ='

    expect_in "$T/o8/documents.jsonl" '{"id":"nav","text":""}'
    echo "# $run" >>"$T/mixed/wire.txt" # the next run takes the other two from the cache
done
expect_status 0 "$QUARRY" run -q -e 'read ! clean ! write' "$T/wire.txt" -o "$T/o8"
expect_not_in "$T/err" "warning"
# A typeset page's ligatures and a full-width headline are the words they stand for: "finance"
# and "Tokyo" as tokens, where they were tokens of their own (clean 1.18).
printf 'Ｔｏｋｙｏ shares rise\n\nThe \357\254\201nance minister said Tokyo shares rose.\n' >"$T/forms.txt"
expect_status 0 "$QUARRY" run -q -e 'read ! clean ! tokenize ! write fields=id,title,tokens' "$T/forms.txt" -o "$T/o10"
expect_in "$T/o10/documents.jsonl" '"title":"Tokyo shares rise","tokens":["tokyo","shares","rise","the","finance","minister","said","tokyo","shares","rose"]'
# A newsletter taken from mail as it came: its subject's encoded words and its body's
# quoted-printable decoded, and said so in explain (clean 1.19).
printf '%s\n' '{"id":"m1","title":"=?UTF-8?Q?Caf=C3=A9_prices_rise?=","text":"The company=E2=80=99s profits rose 5 per=\ncent in the quarter, the chief executive said on Monday.=20Shares jumped."}' >"$T/mail.jsonl"
expect_status 0 "$QUARRY" run -q -e 'read ! clean explain=true ! write fields=id,title,text,explain' "$T/mail.jsonl" -o "$T/o11"
expect_in "$T/o11/documents.jsonl" '{"id":"m1","title":"Café prices rise","text":"The company’s profits rose 5 percent in the quarter, the chief executive said on Monday. Shares jumped."'
expect_in "$T/o11/documents.jsonl" '"quoted-printable: 1 encoded words of a mail header decoded"'
expect_in "$T/o11/documents.jsonl" '"quoted-printable: 5 escapes and soft line breaks of quoted-printable decoded"'
# A story sent as its Markdown source: its text is what a reader of the page reads, with no
# marks, addresses or image, and its keyphrases the names its links carry (clean 1.20).
cat >"$T/md.txt" <<'EOF_MD'
# Fed holds rates steady as inflation cools

**WASHINGTON** - The [Federal Reserve](https://www.federalreserve.gov/) held interest rates steady on Wednesday, and the [Federal Reserve](https://www.federalreserve.gov/) chair said cuts could come later.

![Jerome Powell speaks](https://example.com/powell.jpg)

Economists at __Goldman Sachs__ said they expected the *first* cut in September.
EOF_MD
expect_status 0 "$QUARRY" run -q -e 'read ! clean ! tokenize ! stem ! keywords ! write fields=id,title,text,keywords' "$T/md.txt" -o "$T/o12"
expect_in "$T/o12/documents.jsonl" '"title":"Fed holds rates steady as inflation cools","text":"WASHINGTON - The Federal Reserve held interest rates steady on Wednesday, and the Federal Reserve chair said cuts could come later.\n\nEconomists at Goldman Sachs said they expected the first cut in September."'
expect_in "$T/o12/documents.jsonl" '["Federal Reserve",'
expect_not_in "$T/o12/documents.jsonl" 'https'
# A scraper's export that encoded its JSON twice: the story's line breaks, quotes and curly
# apostrophe come back, and no keyphrase is "nStocks" or "u2019s" (clean 1.21).
printf '%s\n' '{"id":"j1","text":"Stocks rose on Wednesday after the Fed\\u2019s decision, traders said. \\\"We are relieved,\\\" one said.\\n\\nBonds fell as yields climbed to their highest level this year, as investors sold government debt."}' >"$T/twice.jsonl"
expect_status 0 "$QUARRY" run -q -e 'read ! clean ! tokenize ! stem ! keywords ! write fields=id,text,keywords' "$T/twice.jsonl" -o "$T/o13"
expect_in "$T/o13/documents.jsonl" '{"id":"j1","text":"Stocks rose on Wednesday after the Fed’s decision, traders said. \"We are relieved,\" one said.\n\nBonds fell'
expect_in "$T/o13/documents.jsonl" '["Bonds",'
expect_not_in "$T/o13/documents.jsonl" 'u2019'
# A news API's response (NewsAPI's), its stories cut short with a marker: the marker goes, the
# ellipsis stays, and the paragraph it ended is kept (clean 1.22).
printf '%s\n' '{"status":"ok","articles":[{"url":"https://x.test/1","title":"Fed holds rates","content":"The Federal Reserve held its key rate steady on Wednesday, and it said in a statement that it still expects to cut rates three times this year… [+4352 chars]"}]}' >"$T/newsapi.jsonl"
expect_status 0 "$QUARRY" run -q -e 'read json-records=articles id-field=url text-field=content ! clean explain=true ! write fields=id,title,text,explain' "$T/newsapi.jsonl" -o "$T/o14"
expect_in "$T/o14/documents.jsonl" '{"id":"https://x.test/1","title":"Fed holds rates","text":"The Federal Reserve held its key rate steady on Wednesday, and it said in a statement that it still expects to cut rates three times this year…","explain":["cut marker: [+4352 chars]"]}'
# A scraped story with an embedded tweet, photo credits and share buttons: none of them is in
# its text, and no keyphrase is "Twitter" or "share" (clean 1.23).
cat >"$T/embed.txt" <<'EOF_EMBED'
Storm batters coast

A powerful storm battered the coast on Tuesday, cutting power to thousands of homes and flooding roads, officials said.

The National Weather Service warned of more rain. "Stay off the roads tonight," the agency said. pic.twitter.com/AbC123xYz — NWS Boston (@NWSBoston) October 7, 2020

Photo: Getty Images
(AP Photo/Evan Vucci)
Click to share on Twitter (Opens in new window)

Emergency crews worked through the night to restore power to homes across the region, the utility said.
EOF_EMBED
expect_status 0 "$QUARRY" run -q -e 'read ! clean ! tokenize ! stem ! keywords ! write fields=id,text,keywords' "$T/embed.txt" -o "$T/o16"
expect_in "$T/o16/documents.jsonl" 'the agency said.\n\nEmergency crews worked through the night'
expect_not_in "$T/o16/documents.jsonl" 'Twitter'
expect_not_in "$T/o16/documents.jsonl" 'Getty'
# A story that ends on one short sentence keeps it, beside the page furniture after it; a page
# whose last short line is a teaser's question drops that (clean 1.24).
printf 'Acme profit rises\n\nAcme Corp said on Tuesday that its third-quarter profit rose 12 percent, helped by strong demand for its sensors in Europe and Asia.\n\nThe company also raised its forecast for the full year, saying it now expects revenue of about $4.2 billion.\n\nA spokesman declined to comment.\n\nAdvertisement\n' >"$T/closing.txt"
printf 'Acme profit rises\n\nAcme Corp said on Tuesday that its third-quarter profit rose 12 percent, helped by strong demand for its sensors in Europe and Asia.\n\nThe company also raised its forecast for the full year, saying it now expects revenue of about $4.2 billion.\n\nWhy do so many people still not have glasses?\n' >"$T/teaser.txt"
expect_status 0 "$QUARRY" run -q -e 'read ! clean ! write fields=id,text' "$T/closing.txt" "$T/teaser.txt" -o "$T/o17"
expect_in "$T/o17/documents.jsonl" '{"id":"closing","text":"Acme Corp said on Tuesday that its third-quarter profit rose 12 percent, helped by strong demand for its sensors in Europe and Asia.\n\nThe company also raised its forecast for the full year, saying it now expects revenue of about $4.2 billion.\n\nA spokesman declined to comment."}'
expect_in "$T/o17/documents.jsonl" '{"id":"teaser","text":"Acme Corp said on Tuesday that its third-quarter profit rose 12 percent, helped by strong demand for its sensors in Europe and Asia.\n\nThe company also raised its forecast for the full year, saying it now expects revenue of about $4.2 billion."}'
# An agency story whose last paragraph a scrape ran its rights notice into: the paragraph stays,
# the notice goes, from the text, the keyphrases and the corpus n-grams (clean 1.25).
# An advertisement's label between two of its sentences goes too.
printf 'Council passes budget\n\nThe city council approved a $4.2 billion budget on Tuesday after a long debate over police funding and road repairs, officials said. Advertisement The vote was 7 to 2.\n\nThe mayor is expected to sign it this week. \302\251 Copyright 2011 Associated Press. All rights reserved. This material may not be published, broadcast, rewritten, or redistributed.\n' >"$T/rights.txt"
expect_status 0 "$QUARRY" run -q -e 'read ! clean ! tokenize ! stem ! ngrams ! keywords ! write fields=id,text,keywords' "$T/rights.txt" -o "$T/o18"
expect_in "$T/o18/documents.jsonl" 'police funding and road repairs, officials said. The vote was 7 to 2.\n\nThe mayor is expected to sign it this week.","keywords"'
for word in Copyright Associated reserved material Advertisement; do
    expect_not_in "$T/o18/documents.jsonl" "$word"
    expect_not_in "$T/o18/ngrams.tsv" "$(echo "$word" | tr 'A-Z' 'a-z')"
done
# A picture's caption kept as a line of text, and a credit run into a paragraph's end: the
# caption goes, the paragraph stays without its credit, and neither reaches the keyphrases or
# the corpus n-grams (clean 1.26).
printf 'Plague case confirmed\n\nHealth officials in Mongolia confirmed a second case of bubonic plague on Tuesday, after a hunter ate a rabbit.\n\nYersinia pestis causes the plague (Image: GETTY)\n\nThe hunter had eaten the rabbit raw, officials said, and the village where he lived was closed for six days while doctors tested everyone who had met him, as the law requires in the province, and the tests of all 28 of them came back clean on Monday night, the ministry said. Photo credit: Flickr/Pilottage\n' >"$T/caption.txt"
expect_status 0 "$QUARRY" run -q -e 'read ! clean ! tokenize ! stem ! ngrams ! keywords ! write fields=id,text,keywords' "$T/caption.txt" -o "$T/o19"
expect_in "$T/o19/documents.jsonl" 'after a hunter ate a rabbit.\n\nThe hunter had eaten the rabbit raw'
expect_in "$T/o19/documents.jsonl" 'came back clean on Monday night, the ministry said.","keywords"'
for word in Yersinia GETTY Flickr Pilottage; do
    expect_not_in "$T/o19/documents.jsonl" "$word"
    expect_not_in "$T/o19/ngrams.tsv" "$(echo "$word" | tr 'A-Z' 'a-z')"
done
# A page's list of other stories set into the story, a menu that the paragraphs around it kept,
# a blog's widget of counted links, the author's note and the comments after it: the story alone
# is the text and reaches the corpus n-grams, each of the page's lines named in explain (clean
# 1.27; the counted links and the date under the headline 1.28).
printf 'Council passes budget\nNov. 19, 2019, 6:18 p.m.\n\nThe city council approved a $4.2 billion budget on Tuesday after a long debate over police funding and road repairs, officials said.\n\nRelated articles\n\nZoo welcomes twin pandas\nHarbour bridge closes for repairs\n\nThe police will get 3 percent more than last year, and the roads 5 percent more, the council said in a statement after the vote.\n\nHome\nWorld\nBusiness\nCulture\nSport\nTravel\nBooks\nStyle\n\nThe libraries will get the same as last year, and two of them will close on Sundays from March, the mayor said on Tuesday evening.\n\nGardening (12)\nWeddings (7)\nObituaries (4)\nPuzzles (3)\nHoroscopes (88)\nRecipes (5)\n\nJane Roe is a city hall reporter for the Example Times, covering the council and the mayor\047s office.\n\n1 comment\n\nI think the libraries should have got more money.\n' >"$T/lists.txt"
expect_status 0 "$QUARRY" run -q -e 'read ! clean explain=true ! tokenize ! stem ! ngrams min-count=1 ! keywords ! write fields=id,text,explain,keywords' "$T/lists.txt" -o "$T/o20"
expect_in "$T/o20/documents.jsonl" '"text":"The city council approved a $4.2 billion budget on Tuesday after a long debate over police funding and road repairs, officials said.\n\nThe police will get 3 percent more than last year, and the roads 5 percent more, the council said in a statement after the vote.\n\nThe libraries will get the same as last year, and two of them will close on Sundays from March, the mayor said on Tuesday evening.","explain"'
expect_in "$T/o20/documents.jsonl" '"link-list: Zoo welcomes twin pandas"'
expect_in "$T/o20/documents.jsonl" '"menu: Culture"'
expect_in "$T/o20/documents.jsonl" '"counted-list: Horoscopes (88)"'
expect_in "$T/o20/documents.jsonl" '"time-stamp: Nov. 19, 2019, 6:18 p.m."'
expect_in "$T/o20/documents.jsonl" '"after-article: Jane Roe is a city hall reporter'
for word in pandas Harbour Culture Travel Horoscopes Obituaries Roe money; do
    expect_not_in "$T/o20/ngrams.tsv" "$(echo "$word" | tr 'A-Z' 'a-z')"
done
# A gallery's caption under each picture, three times between the story's short lines: the
# captions go, as the page's template, and the short lines between them stay; none of the
# caption's words reaches the corpus n-grams (clean 1.29).
printf 'Festival opens - Example Theater

Home
Tickets
Share on Facebook
Share on Twitter

The festival opened on a special stage in the park on Saturday evening, with three performances by the company.

Example Theater Tradition Series Performance at Daehak-ro Festival

The refreshing autumn sky!

Example Theater Tradition Series Performance at Daehak-ro Festival

Crowds of people came to see the opening ceremony!

Example Theater Tradition Series Performance at Daehak-ro Festival

The dancers wore traditional costumes and performed to the cheerful beat of the drums, the organisers said.
' >"$T/gallery.txt"
expect_status 0 "$QUARRY" run -q -e 'read ! clean explain=true ! tokenize ! stem ! ngrams min-count=1 ! keywords ! write fields=id,text,explain,keywords' "$T/gallery.txt" -o "$T/o21"
expect_in "$T/o21/documents.jsonl" 'the company.\n\nThe refreshing autumn sky!\n\nCrowds of people came to see the opening ceremony!\n\nThe dancers wore'
expect_in "$T/o21/documents.jsonl" '"template: Example Theater Tradition Series Performance at Daehak-ro Festival"'
for word in daehak series; do
    expect_not_in "$T/o21/ngrams.tsv" "$word"
done
# A wire's earnings report tells the quarter's and the year's figures in lines that differ only
# in their figures: every row is data and stays (clean 1.28 dropped the year's as repeats).
printf 'Shr one dlr vs 73 cts\n    Net 12.6 mln vs 15.8 mln\n    Nine mths\n    Shr 3.07 dlrs vs 3.08 dlrs\n    Net 66 mln vs 66.2 mln\n Reuter\n' >"$T/report.txt"
expect_status 0 "$QUARRY" run -q -e 'read ! clean ! write fields=id,text' "$T/report.txt" -o "$T/o22"
expect_in "$T/o22/documents.jsonl" '"text":"Shr one dlr vs 73 cts\n\nNet 12.6 mln vs 15.8 mln\n\nNine mths\n\nShr 3.07 dlrs vs 3.08 dlrs\n\nNet 66 mln vs 66.2 mln"'
finish
