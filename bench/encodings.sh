#!/bin/sh
# encodings.sh: what clean makes of text in legacy encodings that names none: the share of
# texts that come out exactly right with encoding = windows-1252 (each byte that is not UTF-8
# read alone, the default before clean 1.7) and with encoding = auto (guessed by uchardet, where
# the guess is safe), by language and encoding, for texts of WORDS random words of Snowball's
# vocabularies (default 20), and for Reuters sentences with Western names and curly quotes in
# Windows-1252, which must come out as windows-1252 makes them.
# Usage: bench/encodings.sh [SHARED] [WORDS]            (needs ../shared; prints figures)
set -eu
cd "$(dirname "$0")/.."
shared=${1:-../shared}
words=${2:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 bench/encodings_samples.py "$shared" "$tmp" "$words"
echo "texts of $words words; exactly right, by setting:"
for setting in windows-1252 auto; do
    ./quarry run -q -j2 -e "read ! clean encoding=$setting title=false repeats=false boilerplate=false ! write fields=id,text" \
        "$tmp/in" -o "$tmp/$setting" 2>/dev/null
done
python3 - "$tmp" <<'PY'
import collections, json, os, sys
tmp = sys.argv[1]
got = {s: {json.loads(l)["id"]: json.loads(l)["text"] for l in open(os.path.join(tmp, s, "documents.jsonl"))}
       for s in ("windows-1252", "auto")}
right = collections.defaultdict(lambda: [0, 0, 0])
for name in os.listdir(os.path.join(tmp, "want")):
    key = name[:-4]
    want = open(os.path.join(tmp, "want", name), encoding="utf-8").read()
    group = key.rsplit("-", 1)[0]
    if group.startswith("reuters"):  # clean edits these further: right is as Windows-1252 reads them
        want = got["windows-1252"].get(key)
    r = right[group]
    r[0] += 1
    r[1] += got["windows-1252"].get(key) == want
    r[2] += got["auto"].get(key) == want
print("%-24s %6s %14s %8s" % ("language@encoding", "texts", "windows-1252", "auto"))
for group in sorted(right):
    n, w, a = right[group]
    print("%-24s %6d %13.0f%% %7.0f%%" % (group, n, 100 * w / n, 100 * a / n))
PY
