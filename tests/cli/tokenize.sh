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
# An ampersand between capitals is inside its word ("AT&T", "S&P"); one standing alone is a
# word, "and", that joins a name keywords shows as written.
printf '%s\n' '{"id":"amp","text":"AT&T beat the S&P 500, said Procter & Gamble."}' >"$T/amp.jsonl"
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! stem ! keywords ! write fields=id,tokens,keywords' \
    "$T/amp.jsonl" -o "$T/amp"
expect_in "$T/amp/documents.jsonl" '"tokens":["at&t","beat","the","s&p","500","said","procter","&","gamble"]'
expect_in "$T/amp/documents.jsonl" '["Procter & Gamble",'
# A story with links and an address in its text: no keyphrase of their pieces.
printf '%s\n' '{"id":"url","text":"Oil prices jumped on Monday, see https://x.test/news/oil-prices-jump?utm_source=twitter&utm_medium=social for more. Analysts at http://bit.ly/3xYz expect oil prices to rise this winter. Mail press@example.com."}' >"$T/url.jsonl"
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! stem ! keywords top=30 ! write fields=id,keywords' "$T/url.jsonl" -o "$T/url"
expect_in "$T/url/documents.jsonl" '["oil prices",'
for piece in http utm twitter bit.ly oil-prices-jump press example.com; do
    expect_not_in "$T/url/documents.jsonl" "[\"$piece"
done
# A wire story's figures are whole tokens ("1,506,000", "7-3/4"), so its keyphrases show a sum
# whole, and its pence and fractions are none; an abbreviation's possessive is its own ("U.K.'s").
printf '%s\n' '{"id":"fig","text":"Hillsdown said its 1,000-dlr notes and the 9-5/8s rose 5/8ths to 241p, up 12p, on turnover of 1,506,000 shares in the U.K.'"'"'s market."}' >"$T/fig.jsonl"
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! stem ! keywords top=30 ! write fields=id,tokens,keywords' \
    "$T/fig.jsonl" -o "$T/fig"
expect_in "$T/fig/documents.jsonl" '"1,000-dlr","notes"'
expect_in "$T/fig/documents.jsonl" '"turnover","of","1,506,000","shares","in","the","u.k.'"'"'s","market"'
expect_in "$T/fig/documents.jsonl" '["1,000-dlr notes",'
for piece in 000 506 241p 12p 5/8ths 9-5/8s 8s "s market"; do
    expect_not_in "$T/fig/documents.jsonl" "[\"$piece\","
done
# Text in a script without spaces between words is cut into words by ICU's dictionaries, fresh
# or from the state folder's cache; a name in such a script inside English stays one word.
mkdir "$T/scripts"
printf '日本和印度签署了网络安全协议。\n' >"$T/scripts/zh.txt"
printf 'ประเทศไทยและญี่ปุ่นลงนามข้อตกลงความร่วมมือ\n' >"$T/scripts/th.txt"
printf 'The Tokyo (東京) office of Sony opened.\n' >"$T/scripts/en.txt"
for run in fresh cached; do
    expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! write fields=id,tokens' "$T/scripts" -o "$T/o9" --state "$T/st9"
    expect_not_in "$T/err" "warning"
    expect_in "$T/o9/documents.jsonl" '{"id":"zh","tokens":["日本","和","印度","签署","了","网络","安全","协议"]}'
    expect_in "$T/o9/documents.jsonl" '{"id":"th","tokens":["ประเทศไทย","และ","ญี่ปุ่น","ลง","นาม","ข้อ","ตกลง","ความ","ร่วม","มือ"]}'
    expect_in "$T/o9/documents.jsonl" '{"id":"en","tokens":["the","tokyo","東京","office","of","sony","opened"'
    echo "Sony said so. # $run" >>"$T/scripts/en.txt" # the next run takes the other two from the cache
done
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! write' "$T/scripts/en.txt" -o "$T/o9"
expect_not_in "$T/err" "warning"
# A story in another alphabet than the stop words' (Russian read with English ones): its own
# stop words would go unmarked, so a warning counts such documents; with its language, none.
for i in 1 2 3 4; do printf 'Япония и Индия подписали соглашение о кибербезопасности. '; done >"$T/ru.txt"
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! write' "$T/ru.txt" "$T/scripts/en.txt" -o "$T/o9"
expect_in "$T/err" "tokenize: warning: 1 of 2 documents are mostly written in another alphabet than the english stop words (Latin): their own stop words are not marked"
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize language=russian ! write' "$T/ru.txt" -o "$T/o9"
expect_not_in "$T/err" "warning"
expect_in "$T/o9/documents.jsonl" '"stop":[0,1,0,0,0,1,0,'
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize language=none ! write' "$T/ru.txt" -o "$T/o9"
expect_not_in "$T/err" "warning"
# A story in another language of the same alphabet (Portuguese read with English stop words):
# its "que" and "uma" would go unmarked too, so a warning counts such documents by language, and
# -v names them; with its language, none. From the state folder's cache they count the same.
mkdir "$T/pt"
printf '%s %s\n' 'O governo disse que os filhos de todos os brasileiros vão para a escola com seus pais,' \
    'e que não há uma razão para que isso seja mudado pelo congresso nem pelas famílias.' >"$T/pt/pt.txt"
cp "$T/scripts/en.txt" "$T/pt/en.txt"
expect_status 0 "$QUARRY" run -e 'read ! tokenize ! write' "$T/pt" -o "$T/o10" --state "$T/st10"
expect_in "$T/err" "tokenize: warning: 1 of 2 documents read as another language than the english stop words, by the stop words they hold (portuguese 1): their own are not marked"
expect_not_in "$T/err" "alphabet"
echo "Sony said it again." >>"$T/pt/en.txt" # the next run takes pt.txt from the cache
expect_status 0 "$QUARRY" run -v -e 'read ! tokenize ! write' "$T/pt" -o "$T/o10" --state "$T/st10"
expect_in "$T/err" "tokenize 1 of 2"
expect_in "$T/err" "tokenize: debug: document 'pt' reads as portuguese: 18 of its 30 words are portuguese stop words, 0 english ones"
expect_in "$T/err" "tokenize: warning: 1 of 2 documents read as another language than the english stop words"
expect_status 0 "$QUARRY" run -e 'read ! tokenize language=portuguese ! write' "$T/pt/pt.txt" -o "$T/o10"
expect_not_in "$T/err" "warning"
expect_in "$T/o10/documents.jsonl" '"tokens":["o","governo","disse","que",'
expect_in "$T/o10/documents.jsonl" '"stop":[1,0,0,1,'
finish
