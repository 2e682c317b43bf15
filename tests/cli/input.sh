# input.sh: bad input through a whole run: each bad document is rejected with a reason naming
# it, the others go through, and records in = out + rejected; folder links read each folder once;
# repeated ids are named in warnings.
. "$(dirname "$0")/lib.sh"
mkdir -p "$T/in/sub"
printf 'good one\n' >"$T/in/a.txt"
printf 'caf\351 cr\350me\n' >"$T/in/b-latin1.txt"
printf 'nul\000byte\n' >"$T/in/c-nul.txt"
head -c 4096 /dev/urandom | tr -d '\n' | tr '\000' '\001' | tr '\040-\176' '\001' >"$T/in/d-binary.bin"
: >"$T/in/e-empty.txt"
printf 'gzipped text\n' | gzip >"$T/in/sub/f.txt.gz"
printf '{"id":"j1","text":"json one"}\nnot json\n{"id":"j2","text":"json two","extra":[1,2]}\n' \
    | gzip >"$T/in/sub/g.jsonl.gz"
printf 'abc' | gzip | head -c 12 >"$T/in/h-cut.txt.gz"
ln -s /nonexistent "$T/in/i-dangling.txt"

# Done, with rejects: exit 79, neither success nor failure, and the outputs written.
expect_status 79 "$QUARRY" run -e 'read ! write' "$T/in" -o "$T/o" --stats --keep-intermediate "$T/k"
expect_lines "$T/o/documents.jsonl" 6
expect_in "$T/o/documents.jsonl" '{"id":"a","text":"good one\n"}'
expect_in "$T/o/documents.jsonl" '{"id":"e-empty","text":""}'
expect_in "$T/o/documents.jsonl" '{"id":"sub/f","text":"gzipped text\n"}'
expect_in "$T/o/documents.jsonl" '{"id":"j2","text":"json two","extra":[1,2]}'
# JSON output must be valid UTF-8: the Latin-1 bytes show as U+FFFD there ...
expect_in "$T/o/documents.jsonl" "caf$(printf '\357\277\275') cr"
# ... but the record stream keeps the original bytes for the clean stage.
zcat "$T/k/01-read.qz" | grep -qa "$(printf 'caf\351 cr\350me')" || fail "invalid UTF-8 was not kept"
expect_lines "$T/o/rejects.jsonl" 5
expect_in "$T/o/rejects.jsonl" '"_stage":"read","_reason":"'"$T"'/in/c-nul.txt: binary or corrupt: NUL byte at offset 3"'
expect_in "$T/o/rejects.jsonl" "d-binary.bin: binary"
expect_in "$T/o/rejects.jsonl" "h-cut.txt.gz: truncated gzip data"
expect_in "$T/o/rejects.jsonl" "i-dangling.txt: No such file or directory"
expect_in "$T/o/rejects.jsonl" "g.jsonl.gz:2: a JSON line must hold an object ({...}): this one begins with 'n'"
expect_in "$T/o/rejects.jsonl" '"raw":"not json"'
expect_in "$T/err" "read           read               11          6         5"
expect_in "$T/err" "11 records read, 6 out, 5 rejected (see $T/o/rejects.jsonl)"
expect_in "$T/err" "warning: 5 documents rejected: see $T/o/rejects.jsonl"

# A gzip file whose data fails its check: the reason names the file once, and no descriptor
# (whose number would differ with the thread count).
printf 'some text\n' | gzip -n >"$T/crc.txt.gz"
printf '\125' | dd of="$T/crc.txt.gz" bs=1 seek=$(($(wc -c <"$T/crc.txt.gz") - 8)) conv=notrunc 2>/dev/null
expect_status 79 "$QUARRY" run -e 'read ! write' "$T/crc.txt.gz" -o "$T/o3"
expect_in "$T/o3/rejects.jsonl" "\"_reason\":\"$T/crc.txt.gz: incorrect data check\""

# Standard input, and a glob the shell did not expand.
printf 'from stdin' | "$QUARRY" run -q -e 'read ! write' - -o "$T/o2" || fail "stdin run failed"
expect_in "$T/o2/documents.jsonl" '{"id":"stdin","text":"from stdin"}'
# JSON Lines on standard input, gzipped or not, as `zcat feed.jsonl.gz |` gives: a document a
# line (stdin has no name to tell its format by); a text that only begins with '{' needs format=text.
printf '\n{"id":"p","text":"one"}\n{"text":"two"}\n' | gzip >"$T/feed.gz"
"$QUARRY" run -q -e 'read ! write' - -o "$T/o2" <"$T/feed.gz" || fail "gzipped JSON Lines on stdin failed"
expect_in "$T/o2/documents.jsonl" '{"id":"p","text":"one"}'
expect_in "$T/o2/documents.jsonl" '{"text":"two","id":"stdin:3"}'
# A Windows tool's byte-order mark before the first '{' is no text: the lines are JSON Lines.
printf '\357\273\277{"id":"w","text":"windows"}\r\n' >"$T/bom.jsonl"
"$QUARRY" run -q -e 'read ! write' - -o "$T/o2" <"$T/bom.jsonl" || fail "JSON Lines with a byte-order mark on stdin failed"
expect_in "$T/o2/documents.jsonl" '{"id":"w","text":"windows"}'
printf '{braces} in a text' | "$QUARRY" run -q -e 'read format=text ! write' - -o "$T/o2" || fail "format=text on stdin failed"
expect_in "$T/o2/documents.jsonl" '{"id":"stdin","text":"{braces} in a text"}'
# Standard input can be read once: '-' given twice is a usage error, not a second, empty document.
expect_status 64 "$QUARRY" run -q -e 'read ! write' - "$SRCDIR/samples" - -o "$T/o2b" </dev/null
expect_in "$T/err" "standard input ('-') is given twice: it can be read once"
expect_status 79 "$QUARRY" run -q -e 'read ! write' "$T/in/*.txt" -o "$T/o3"
expect_in "$T/err" "2 documents rejected" # even under --quiet
expect_lines "$T/o3/documents.jsonl" 3
expect_status 66 "$QUARRY" run -q -e 'read ! write' "$T/in/*.nothing" -o "$T/o4"
expect_in "$T/err" "matches no file"
expect_status 66 "$QUARRY" run -q -e 'read ! write' -o "$T/o4"
expect_in "$T/err" "no input"
# An input folder with nothing to read (a fetch that left it empty): a run of no documents, said
# so under --quiet too. A folder with a file has no such word.
mkdir "$T/none-tonight"
expect_status 0 "$QUARRY" run -q -e 'read ! write' "$T/none-tonight" -o "$T/o4"
expect_in "$T/err" "read: warning: no file in the input folder ($T/none-tonight): nothing was read"
expect_lines "$T/o4/documents.jsonl" 0
# An empty file of documents (a fetch that failed part way) is told the same way: JSON Lines,
# gzipped or not (an empty .gz file too), JSON, CSV; blank lines alone too. A header alone is a
# day without news, and an empty text file an empty document.
: >"$T/none-tonight/wire.jsonl"
: >"$T/none-tonight/feed.jsonl.gz"
printf '' | gzip >"$T/none-tonight/zipped.jsonl.gz"
: >"$T/none-tonight/items.json"
: >"$T/none-tonight/rows.csv"
printf '\r\n \n' >"$T/none-tonight/blank.jsonl"
printf '\357\273\277\n' | gzip >"$T/none-tonight/marked.tsv.gz"
expect_status 0 "$QUARRY" run -q -e 'read ! write' "$T/none-tonight" -o "$T/o5"
for f in wire.jsonl feed.jsonl.gz zipped.jsonl.gz items.json rows.csv; do
    expect_in "$T/err" "read: warning: $T/none-tonight/$f: an empty file: no document was read from it"
done
for f in blank.jsonl marked.tsv.gz; do
    expect_in "$T/err" "read: warning: $T/none-tonight/$f: an empty file (white space alone): no document was read from it"
done
expect_lines "$T/o5/documents.jsonl" 0
printf 'id,text\n' >"$T/header.csv"
: >"$T/empty.txt"
expect_status 0 "$QUARRY" run -q -e 'read ! write' "$T/header.csv" "$T/empty.txt" -o "$T/o5"
expect_not_in "$T/err" "an empty file"
expect_lines "$T/o5/documents.jsonl" 1
rm "$T"/none-tonight/*
# Such a night's CSV, its columns named, is its header alone; unnamed, it is empty.
expect_status 0 "$QUARRY" run -q -e 'read ! write path=items.csv fields=id,title?' "$T/none-tonight" -o "$T/o4"
[ "$(cat "$T/o4/items.csv")" = "$(printf 'id,title\r')" ] || fail "items.csv of no document: $(od -c "$T/o4/items.csv")"
expect_status 0 "$QUARRY" run -q -e 'read ! write path=items.csv' "$T/none-tonight" -o "$T/o4"
[ -s "$T/o4/items.csv" ] && fail "items.csv of no document and no fields is not empty"
expect_status 0 "$QUARRY" run -q -e 'read ! write' "$T/none-tonight" "$SRCDIR/samples" -o "$T/o4"
expect_not_in "$T/err" "nothing was read"

# A spreadsheet's export names its id column "ID": not taken for id-field, and its documents are
# named by their place, but a warning (once a run) says so, and id-field = ID takes them.
printf 'ID,text\nA7,first\nA8,second\n' >"$T/export.csv"
expect_status 0 "$QUARRY" run -q -e 'read ! write fields=id' "$T/export.csv" -o "$T/o-case"
expect_in "$T/o-case/documents.jsonl" '"id":"export:2"'
expect_in "$T/err" "read: warning: $T/export.csv:2: no field 'id' for the id (id-field), but 'ID' differs in case alone"
[ "$(grep -c "differs in case alone" "$T/err")" = 1 ] || fail "the id's case warned of more than once: $(cat "$T/err")"
expect_status 0 "$QUARRY" run -q -e 'read id-field=ID ! write fields=id' "$T/export.csv" -o "$T/o-case"
expect_in "$T/o-case/documents.jsonl" '"id":"A8"'
expect_not_in "$T/err" "differs in case alone"

# read's own path is read instead of the run's inputs: inputs given as well go unread, and a
# warning says so; with no inputs, or with no path, nothing is said.
expect_status 0 "$QUARRY" run -q -e "read path=$T/export.csv ! write fields=id" "$T/header.csv" -o "$T/o-path"
expect_in "$T/err" "warning: the run's input ($T/header.csv) is read by no stage: its source reads its own 'path' instead"
expect_in "$T/o-path/documents.jsonl" '"id":"export:2"'
expect_status 0 "$QUARRY" run -q -e "read path=$T/export.csv ! write fields=id" -o "$T/o-path"
expect_not_in "$T/err" "read by no stage"

# A link back up the tree, and a "latest" link beside the folder it names: each folder is read
# once, with a warning naming the link, and the run succeeds.
mkdir -p "$T/links/2026-11-30"
cp "$SRCDIR"/samples/000_*.txt "$T/links/2026-11-30/"
ln -s .. "$T/links/2026-11-30/up"
ln -s 2026-11-30 "$T/links/latest"
expect_status 0 "$QUARRY" run -q -e 'read ! write fields=id' "$T/links" -o "$T/o6"
expect_lines "$T/o6/documents.jsonl" 1
expect_in "$T/o6/documents.jsonl" '"id":"2026-11-30/000_'
expect_in "$T/err" "links/2026-11-30/up: the same folder as $T/links, read already (a link to it): skipped"
expect_in "$T/err" "links/latest: the same folder as $T/links/2026-11-30, read already"
# A named pipe in a folder would wait for a writer, and the run with it: skipped, with a warning
# naming it (a writer that never comes makes a hang here a failure, not a pass).
mkfifo "$T/links/2026-11-30/pipe.txt"
expect_status 0 timeout 20 "$QUARRY" run -q -e 'read ! write fields=id' "$T/links" -o "$T/o6"
expect_lines "$T/o6/documents.jsonl" 1
expect_in "$T/err" "links/2026-11-30/pipe.txt: not a file or a folder (a named pipe): skipped"
rm "$T/links/2026-11-30/pipe.txt"
# So is a device (a link to /dev/zero would be read without end); and folders nested deeper
# than 64 are rejected as a file is, named, while the rest is read.
ln -s /dev/zero "$T/links/2026-11-30/zero.txt"
deep="$T/links/deep"
for i in $(seq 65); do deep="$deep/d"; done
mkdir -p "$deep" && echo "too deep" >"$deep/story.txt"
expect_status 79 timeout 20 "$QUARRY" run -q -e 'read ! write fields=id' "$T/links" -o "$T/o6"
expect_lines "$T/o6/documents.jsonl" 1
expect_in "$T/err" "links/2026-11-30/zero.txt: not a file or a folder (a device): skipped"
expect_in "$T/o6/rejects.jsonl" "folders nested too deep"
expect_in "$T/o6/rejects.jsonl" '"id":"deep/d/d/d/d'
rm "$T/links/2026-11-30/zero.txt" && rm -r "$T/links/deep"

# A 2 GB disk image (sparse: it takes no room here) is told by its first bytes, not read up to
# max-bytes (256 MiB) first, and the other documents go through.
mkdir -p "$T/img" && echo "a story" >"$T/img/story.txt" && truncate -s 2G "$T/img/disk.img"
expect_status 79 "$QUARRY" run -q -e 'read ! write fields=id' "$T/img" -o "$T/o-img"
expect_in "$T/o-img/rejects.jsonl" "disk.img: binary or corrupt: NUL byte at offset 0"
expect_lines "$T/o-img/documents.jsonl" 1
rm -f "$T/img/disk.img"
# Two documents with one id ("a.txt" and "a.md"; a repeated JSON Lines id): both kept, each
# repeat named in a warning, past ten only counted. A line without an id gets FILE:LINE, whole
# however long the file's path.
mkdir -p "$T/dups/a-folder-name-long-enough-to-make-the-path-of-its-files-longer-than-64-bytes"
echo "first" >"$T/dups/a.md"
echo "second" >"$T/dups/a.txt"
awk 'BEGIN { for (i = 0; i < 12; i++) printf "{\"id\":\"same\",\"text\":\"t%d\"}\n", i }' >"$T/dups/b.jsonl"
printf '{"text":"no id"}\n' >"$T/dups/a-folder-name-long-enough-to-make-the-path-of-its-files-longer-than-64-bytes/c.jsonl"
expect_status 0 "$QUARRY" run -q -e 'read ! write' "$T/dups" -o "$T/o7"
expect_lines "$T/o7/documents.jsonl" 15
expect_in "$T/err" "dups/a.txt: same id 'a' as an earlier document"
expect_in "$T/err" "dups/b.jsonl:10: same id 'same' as an earlier document (further repeats are only counted)"
expect_not_in "$T/err" "b.jsonl:11:"
expect_in "$T/err" "12 documents in all had the same id as an earlier one"
expect_in "$T/o7/documents.jsonl" '"id":"a-folder-name-long-enough-to-make-the-path-of-its-files-longer-than-64-bytes/c:1"'

# A message quoting data keeps to one line of the log: an id with a line break is escaped.
printf '{"id":"x\\ny","text":"a"}\n{"id":"x\\ny","text":"b"}\n' >"$T/nl.jsonl"
expect_status 0 "$QUARRY" run -q -e 'read ! write' "$T/nl.jsonl" -o "$T/o8"
expect_in "$T/err" "nl.jsonl:2: same id 'x\\ny' as an earlier document"
[ "$(wc -l <"$T/err")" -eq 1 ] || fail "a message quoting an id with a line break took $(wc -l <"$T/err") lines"

# A nightly run whose output and state folders sit inside its input folder: they are not read
# back, so the outputs stay the same size run after run, and the second run finds its input
# unchanged.
mkdir -p "$T/nightly"
cp "$SRCDIR"/samples/000_*.txt "$SRCDIR"/samples/001_*.txt "$T/nightly/"
for run in 1 2 3; do
    expect_status 0 "$QUARRY" run -e 'read ! write' "$T/nightly" -o "$T/nightly/out" --state "$T/nightly/st"
    expect_lines "$T/nightly/out/documents.jsonl" 2
done
expect_in "$T/err" "nightly/out: not read: this run writes into it (its output folder)"
expect_in "$T/err" "the same as in the run that finished"
# One folder for input and output (or state) is refused before anything is read, where every
# run read the last one's outputs back; a file named there is read as asked.
expect_status 64 "$QUARRY" run -e 'read ! write' "$T/nightly/out" -o "$T/nightly/out"
expect_in "$T/err" "input folder $T/nightly/out is the run's output folder: what the run writes there would be read back"
expect_status 64 "$QUARRY" run -e 'read ! write' "$T/nightly" -o "$T/o9" --state "$T/nightly"
expect_in "$T/err" "input folder $T/nightly is a folder the run writes into"
expect_status 0 "$QUARRY" run -q -e 'read ! write' "$T/nightly/out/documents.jsonl" -o "$T/nightly/out"
expect_lines "$T/nightly/out/documents.jsonl" 2

# A JSON file as exports write it (an array of documents, pretty-printed) is read as its
# documents, through the keyword pipeline, from a file and from standard input; a file cut short
# keeps the documents before the cut and rejects the rest, naming where.
mkdir "$T/json"
printf '[\n  {"id": "e1", "text": "Japan and India signed a cyber security pact in Tokyo."},\n  {"id": "e2", "text": "India and Japan will build 5G networks together."}\n]\n' \
    >"$T/json/export.json"
expect_status 0 "$QUARRY" run -q -e 'read ! clean ! tokenize ! stem ! keywords ! write fields=id,keywords' \
    "$T/json" -o "$T/o10"
expect_lines "$T/o10/documents.jsonl" 2
expect_in "$T/o10/documents.jsonl" '{"id":"e1","keywords":[['
expect_in "$T/o10/documents.jsonl" '{"id":"e2","keywords":[['
"$QUARRY" run -q -e 'read ! write' - -o "$T/o11" <"$T/json/export.json" 2>"$T/err" || fail "a JSON array on standard input failed"
expect_lines "$T/o11/documents.jsonl" 2
head -c 100 "$T/json/export.json" >"$T/json/cut.json"
expect_status 79 "$QUARRY" run -q -e 'read ! write' "$T/json/cut.json" -o "$T/o12"
expect_lines "$T/o12/documents.jsonl" 1
expect_in "$T/o12/rejects.jsonl" 'cut.json: ends inside element 2, begun on line 3: cut short?'

# Responses of a web API, saved one a line, their documents nested in 'articles': read with
# json-records; without it, the rejection says where the documents are.
printf '{"status":"ok","articles":[{"title":"A","text":"Japan and India."},{"id":"b","text":"India."}]}\n' >"$T/json/api.jsonl"
expect_status 0 "$QUARRY" run -q -e 'read json-records=articles ! write' "$T/json/api.jsonl" -o "$T/o15"
expect_in "$T/o15/documents.jsonl" '{"title":"A","text":"Japan and India.","id":"api:1.1"}'
expect_in "$T/o15/documents.jsonl" '{"id":"b","text":"India."}'
expect_status 79 "$QUARRY" run -q -e 'read ! write' "$T/json/api.jsonl" -o "$T/o15"
expect_in "$T/o15/rejects.jsonl" "api.jsonl:1: no string field 'text'; its 'articles' is a list of 2: give json-records=articles to read them"
# A scraper's output, its text a list of paragraphs: read as the paragraphs parted by blank lines
# (read 1.17), and cleaned as such; a text that is an object is rejected, saying so.
printf '%s\n' '{"id":"s1","body":["Japan and India agreed on Wednesday to work together on cyber security.","The pact, which covers 5G networks and undersea cables, was signed by the two ministers in Tokyo."]}' \
    '{"id":"s2","body":{"html":"<p>x</p>"}}' >"$T/json/scraped.jsonl"
expect_status 79 "$QUARRY" run -q -e 'read text-field=body ! clean ! write fields=id,text' "$T/json/scraped.jsonl" -o "$T/o15"
expect_in "$T/o15/documents.jsonl" '{"id":"s1","text":"Japan and India agreed on Wednesday to work together on cyber security.\n\nThe pact, which covers 5G networks and undersea cables, was signed by the two ministers in Tokyo."}'
expect_in "$T/o15/rejects.jsonl" "scraped.jsonl:2: field 'body' is an object, not a string (nor a list of strings, a text's paragraphs)"

# A CSV export (a header row, a quoted text with commas and line breaks) through the keyword
# pipeline, its text column named by text-field; a row of the wrong length is rejected by line.
printf 'id,headline,content\ne1,Pact,"Japan and India signed a cyber security pact, in Tokyo.\nMore follows."\ne2,5G,India and Japan will build 5G networks together.\ne3,short\n' \
    >"$T/json/export.csv"
expect_status 79 "$QUARRY" run -q -e 'read text-field=content ! clean ! tokenize ! stem ! keywords ! write fields=id,headline,keywords' \
    "$T/json/export.csv" -o "$T/o13"
expect_lines "$T/o13/documents.jsonl" 2
expect_in "$T/o13/documents.jsonl" '{"id":"e1","headline":"Pact","keywords":[['
expect_in "$T/o13/rejects.jsonl" 'export.csv:5: 2 fields, where the header has 3'
# Their gzip cut short: the file is rejected, naming how far reading got.
gzip -c "$T/json/export.json" | head -c 120 >"$T/json/gz-cut.json.gz"
gzip -c "$T/json/export.csv" | head -c 120 >"$T/json/gz-cut.csv.gz"
expect_status 79 "$QUARRY" run -q -e 'read ! write' "$T/json/gz-cut.json.gz" -o "$T/o14"
expect_lines "$T/o14/documents.jsonl" 1
expect_in "$T/o14/rejects.jsonl" 'gz-cut.json.gz: inside element 2, begun on line 3: truncated gzip data (unexpected end of file)'
expect_status 79 "$QUARRY" run -q -e 'read text-field=content ! write' "$T/json/gz-cut.csv.gz" -o "$T/o14"
expect_in "$T/o14/rejects.jsonl" 'gz-cut.csv.gz: at line 4: truncated gzip data (unexpected end of file)'
# Members one after another, as `cat monday.jsonl.gz tuesday.jsonl.gz` makes, are read whole. A
# second member damaged in its first byte, which gzread took for trailing garbage and dropped
# with its documents in silence, rejects the file after the first member's documents.
printf '{"id":"mon","text":"one"}\n' | gzip >"$T/json/week.jsonl.gz"
printf '{"id":"tue","text":"two"}\n' | gzip >>"$T/json/week.jsonl.gz"
expect_status 0 "$QUARRY" run -q -e 'read ! write fields=id' "$T/json/week.jsonl.gz" -o "$T/o15"
expect_in "$T/o15/documents.jsonl" '{"id":"tue"}'
printf '\000' | dd of="$T/json/week.jsonl.gz" bs=1 seek=$(printf '{"id":"mon","text":"one"}\n' | gzip | wc -c) \
    conv=notrunc 2>/dev/null
expect_status 79 "$QUARRY" run -q -e 'read ! write fields=id' "$T/json/week.jsonl.gz" -o "$T/o15"
expect_in "$T/o15/documents.jsonl" '{"id":"mon"}'
expect_in "$T/o15/rejects.jsonl" 'week.jsonl.gz: after line 1: '
expect_in "$T/o15/rejects.jsonl" 'where its gzip data end, are no gzip data (a damaged gzip member, or other data appended)'
# Corrupt inside: zlib's own message names the damage (under ASan, read after zlib frees it once).
i=0
{ printf '['; while [ $i -lt 3000 ]; do printf '{"id":"d%d","text":"story %d on markets"},' $i $((i * 7)); i=$((i + 1)); done; printf '{}]'; } |
    gzip >"$T/json/bad.json.gz"
printf '\377\377\377\377\377\377\377\377' | dd of="$T/json/bad.json.gz" bs=1 seek=2000 conv=notrunc 2>/dev/null
expect_status 79 "$QUARRY" run -q -e 'read ! write' "$T/json/bad.json.gz" -o "$T/o14"
expect_in "$T/o14/rejects.jsonl" 'bad.json.gz: before its first element: incorrect data check","id":"bad","path":'

# A news feed saved by curl, gzipped, beside one cut short: each item a document, its HTML made
# text by clean, its date as YYYY-MM-DD; the cut feed keeps its first item and is rejected,
# naming the line.
mkdir "$T/feeds"
cat >"$T/feeds/wire.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Japan and India sign cyber pact</title><link>https://x.test/1</link>
<pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate><category>World</category><category>Asia</category>
<description>&lt;p&gt;TOKYO - Japan and India signed a pact on cyber security.&lt;/p&gt;&lt;p&gt;It covers 5G.&lt;/p&gt;</description></item>
<item><title>Oil rises</title><guid>oil-1</guid><description>Oil rose 3% on Monday.</description></item>
</channel></rss>
EOF
gzip "$T/feeds/wire.xml"
printf '<rss><channel><item><title>Kept</title><description>yes</description></item>\n<item><title>Cut' >"$T/feeds/cut.rss"
expect_status 79 "$QUARRY" run -q -e 'read ! clean ! write fields=id,title,date,url,source,text' "$T/feeds" -o "$T/o15"
expect_lines "$T/o15/documents.jsonl" 4
expect_in "$T/o15/documents.jsonl" '{"id":"https://x.test/1","title":"Japan and India sign cyber pact","date":"2026-12-01","url":"https://x.test/1","source":"Wire","text":"TOKYO - Japan and India signed a pact on cyber security.\n\nIt covers 5G."}'
expect_in "$T/o15/documents.jsonl" '{"id":"oil-1","title":"Oil rises","source":"Wire","text":"Oil rose 3% on Monday."}'
expect_in "$T/o15/documents.jsonl" '{"id":"cut:1","title":"Kept","text":"yes"}'
expect_in "$T/o15/rejects.jsonl" 'cut.rss: not well-formed XML (line 2: '
# A feed in Windows-1251 that names no encoding (a crawl of a site that sends it in its HTTP
# header alone): parsed as UTF-8 it breaks, so it is parsed again in the encoding guessed for it,
# and all its items come whole, with nothing rejected. A feed cut short stays rejected: the guess
# does not mend it.
mkdir "$T/cyrillic"
printf '<rss><channel><title>Вести</title><item><guid>a1</guid><title>Новости дня</title><description>Правительство России в среду объявило о новых мерах поддержки экономики.</description></item><item><guid>a2</guid><title>Рынки</title><description>Биржи Европы закрылись ростом.</description></item></channel></rss>\n' |
    iconv -f UTF-8 -t CP1251 >"$T/cyrillic/ru.rss"
expect_status 0 "$QUARRY" run -q -e 'read ! write fields=id,title,source,text' "$T/cyrillic" -o "$T/o15c"
expect_in "$T/o15c/documents.jsonl" '{"id":"a1","title":"Новости дня","source":"Вести","text":"Правительство России в среду объявило о новых мерах поддержки экономики."}'
expect_in "$T/o15c/documents.jsonl" '{"id":"a2","title":"Рынки","source":"Вести","text":"Биржи Европы закрылись ростом."}'
printf '<rss><channel><item><title>Новости</title><description>Правительство России в среду объявило о новых мерах поддержки экономики.</description></item>\n<item><title>Cut' |
    iconv -f UTF-8 -t CP1251 >"$T/cyrillic/cut.rss"
expect_status 79 "$QUARRY" run -q -e 'read ! write fields=id,title' "$T/cyrillic/cut.rss" -o "$T/o15c"
expect_in "$T/o15c/rejects.jsonl" 'cut.rss: not well-formed XML'
# Two nightly snapshots of one feed: duplicates = first reads each item once, and says how many
# it left out.
mkdir "$T/snaps"
cp "$T/feeds/wire.xml.gz" "$T/snaps/1.xml.gz"
cp "$T/feeds/wire.xml.gz" "$T/snaps/2.xml.gz"
expect_status 0 "$QUARRY" run -e 'read duplicates=first ! write fields=id' "$T/snaps" -o "$T/o16"
expect_lines "$T/o16/documents.jsonl" 2
expect_in "$T/err" "read: 2 documents left out: an earlier one had their id (duplicates = first)"
printf '{"id":"a","text":"One."}\n{"id":"a","text":"Again."}\n' >"$T/dup1.jsonl"
expect_status 0 "$QUARRY" run -e 'read duplicates=first ! write fields=id' "$T/dup1.jsonl" -o "$T/o16b"
expect_in "$T/err" "read: 1 document left out: an earlier one had its id (duplicates = first)"
# A feed on standard input is told by its root element, as JSON Lines by its first byte.
zcat "$T/feeds/wire.xml.gz" | "$QUARRY" run -q -e 'read ! write fields=id' - -o "$T/o18" || fail "a feed on standard input failed"
expect_lines "$T/o18/documents.jsonl" 2
expect_in "$T/o18/documents.jsonl" '{"id":"oil-1"}'
# pipelines/feeds.pipeline over the two snapshots: each item once, as CSV.
expect_status 0 "$QUARRY" run -q "$SRCDIR/pipelines/feeds.pipeline" "$T/snaps" -o "$T/o17"
expect_lines "$T/o17/items.csv" 3
expect_in "$T/o17/items.csv" 'id,date,source,title,url,categories,keywords'
expect_in "$T/o17/items.csv" 'https://x.test/1,2026-12-01,Wire,Japan and India sign cyber pact,https://x.test/1,"[""World"",""Asia""]","[[""'
[ -s "$T/o17/keywords.csv" ] || fail "feeds.pipeline wrote no keywords table"
# A feed without categories or links, and with a headline-only item, every night: its columns
# stay, empty, and the nightly log holds no warning.
mkdir "$T/plain"
printf '<rss><channel><title>Plain</title><item><guid>p1</guid><title>Rates held</title><description>The bank held rates.</description></item><item><guid>p2</guid><title>Markets close higher</title></item></channel></rss>\n' >"$T/plain/p.rss"
expect_status 0 "$QUARRY" run "$SRCDIR/pipelines/feeds.pipeline" "$T/plain" -o "$T/o20"
expect_not_in "$T/err" "warning"
expect_in "$T/o20/items.csv" 'p2,,Plain,Markets close higher,,,'
# The same lists for people to read: items joined by "; ", keyphrases without their weights.
expect_status 0 "$QUARRY" run -q -e 'read ! tokenize ! stem ! keywords ! write path=p.csv lists=terms fields=id,categories,keywords' \
    "$T/feeds/wire.xml.gz" -o "$T/o19"
expect_in "$T/o19/p.csv" 'https://x.test/1,World; Asia,'
expect_not_in "$T/o19/p.csv" '[['
# A feed's title that a spreadsheet would run as a formula, guarded for one.
printf '<rss><channel><title>Trap</title><item><guid>t1</guid><title>=HYPERLINK("http://evil.test","Click")</title><description>Text.</description></item></channel></rss>\n' >"$T/trap.rss"
expect_status 0 "$QUARRY" run -q -e 'read ! write path=t.csv fields=id,title formula-guard=true' "$T/trap.rss" -o "$T/o22"
expect_in "$T/o22/t.csv" 't1,"'"'"'=HYPERLINK(""http://evil.test"",""Click"")"'

# A 100 MB document in a single line: read, streamed and written whole.
head -c 100000000 /dev/zero | tr '\000' 'a' >"$T/big.txt"
expect_status 0 "$QUARRY" run -q -e 'read ! write' "$T/big.txt" -o "$T/o5"
size=$(wc -c <"$T/o5/documents.jsonl")
[ "$size" -eq 100000023 ] || fail "100 MB document came out as $size bytes"
rm -f "$T/big.txt" "$T/o5/documents.jsonl"
# TSV as write writes it is read back to the same documents (tabs, line breaks and backslashes
# escaped in the cleaned stories), gzipped or not.
for name in d.tsv d.tsv.gz; do
    expect_status 0 "$QUARRY" run -q -e "read ! clean ! write path=$name fields=id,title,text" "$SRCDIR/samples" -o "$T/tsv"
    expect_status 0 "$QUARRY" run -q -e 'read ! write fields=id,title,text' "$T/tsv/$name" -o "$T/tsv-back"
    expect_status 0 "$QUARRY" run -q -e 'read ! clean ! write fields=id,title,text' "$SRCDIR/samples" -o "$T/tsv-direct"
    cmp -s "$T/tsv-back/documents.jsonl" "$T/tsv-direct/documents.jsonl" || fail "$name read back differs"
done
expect_lines "$T/tsv-back/documents.jsonl" 5
# A spreadsheet's CSV in a European locale: semicolons between fields, quoted as CSV.
printf 'id;text\r\nb1;"Butter; salted, 2,50 EUR"\r\n' >"$T/semi.csv"
expect_status 79 "$QUARRY" run -q -e 'read ! write' "$T/semi.csv" -o "$T/semi"
expect_in "$T/semi/rejects.jsonl" "it looks separated by semicolons: give csv-separator = semicolon"
expect_status 0 "$QUARRY" run -q -e 'read csv-separator=semicolon ! write' "$T/semi.csv" -o "$T/semi"
expect_in "$T/semi/documents.jsonl" '{"id":"b1","text":"Butter; salted, 2,50 EUR"}'
# JSON Lines under a name that says no format: a plain file is read as one text document, as its
# name says, with a warning (five named, the rest counted); a pipe or a name under /dev/ is told
# by its first bytes, as standard input is.
mkdir "$T/parts"
for i in 1 2 3 4 5 6; do
    printf '{"id":"p%d","text":"Oil rose."}\n{"id":"q%d","text":"Gold fell."}\n' $i $i >"$T/parts/part-0000$i"
done
expect_status 0 "$QUARRY" run -e 'read ! write' "$T/parts" -o "$T/o19"
expect_lines "$T/o19/documents.jsonl" 6
json_text="read as one plain-text document, as its name says, but its first line is a JSON object: if it is JSON Lines, name it .jsonl or give format = jsonl"
expect_in "$T/err" "part-00001: $json_text"
expect_in "$T/err" "part-00005: $json_text (further such files are only counted)"
expect_not_in "$T/err" "part-00006: read as one"
expect_in "$T/err" "read: warning: 6 files in all were read as plain text whose first line is a JSON object"
expect_status 0 "$QUARRY" run -e 'read format=jsonl ! write' "$T/parts" -o "$T/o19"
expect_lines "$T/o19/documents.jsonl" 12
expect_not_in "$T/err" "JSON object"
printf 'Oil rose.\n{"id":"x"}\n' >"$T/parts/notes"
expect_status 0 "$QUARRY" run -e 'read ! write' "$T/parts/notes" -o "$T/o19"
expect_not_in "$T/err" "JSON object"
mkfifo "$T/fifo"
cat "$T/parts/part-00001" >"$T/fifo" &
expect_status 0 "$QUARRY" run -q -e 'read ! write fields=id' "$T/fifo" -o "$T/o20"
wait
expect_in "$T/o20/documents.jsonl" '{"id":"p1"}'
expect_lines "$T/o20/documents.jsonl" 2
gzip -c "$T/parts/part-00002" | "$QUARRY" run -q -e 'read ! write fields=id' /dev/stdin -o "$T/o21" ||
    fail "JSON Lines, gzipped, on /dev/stdin"
expect_in "$T/o21/documents.jsonl" '{"id":"q2"}'
expect_status 0 "$QUARRY" run -q -e 'read ! write fields=id' /dev/stdin -o "$T/o22" <"$T/parts/part-00003"
expect_in "$T/o22/documents.jsonl" '{"id":"q3"}'
finish
