#!/bin/sh
# lda-priors.sh: why the topics stage's LDA defaults to a fixed prior of 10 / topics (at most 1)
# without optimize. Trains quarry's LDA (20 topics, 200 iterations) with several document-topic
# priors on three vocabularies: Reuters with words in at most half the documents (the default
# max-df) and at most a tenth, and up to 8,000 of the English man pages installed on this
# machine (so that the choice is not made on the benchmark corpus alone). Prints the mean NPMI
# of the topics' top 10 words for each (seeds 1-3), and on Reuters the NMI of each document's
# main topic against its first gold topic. Prints figures; never fails on them.
# Usage: bench/lda-priors.sh [CORPUS.jsonl.gz] [SEEDS]
set -eu
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/reuters21578.jsonl.gz}
seeds=${2:-1 2 3}
. bench/lib.sh
bench_start "$corpus"
# The man pages as JSON Lines: roff requests dropped, font and character escapes blanked; the
# same random 8,000 on a machine with the same pages, each cut at 6,000 characters.
/usr/bin/python3 - "$tmp/man.jsonl" <<'PY'
import glob, gzip, json, random, re, sys
pages = []
for path in sorted(glob.glob("/usr/share/man/man[1-8]/*.gz")):
    try:
        raw = gzip.open(path, "rt", errors="replace").read()
    except OSError:
        continue
    if raw.startswith(".so "):
        continue
    kept = []
    for line in raw.split("\n"):
        if line.startswith((".", "'")):
            m = re.match(r"^\.(?:B|I|BI|BR|IR|RB|RI|IB|SH|SS|TP|IP|Nm|Nd|Ar|Fl|Cm)\s+(.*)", line)
            if m:
                kept.append(m.group(1))
            continue
        kept.append(line)
    text = re.sub(r"\\f[A-Z1-4PR]|\\f\(..|\\\(..|\\[-&e|^]|\\s[-+]?\d", " ", " ".join(kept))
    text = re.sub(r"\s+", " ", re.sub(r'\\.|"', " ", text)).strip()
    if len(text) >= 200:
        pages.append({"id": path.rsplit("/", 1)[1][:-3], "text": text[:6000]})
random.Random(7).shuffle(pages)
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for p in pages[:8000]:
        f.write(json.dumps(p) + "\n")
print(f"man pages: {min(len(pages), 8000)} of {len(pages)}")
PY
for c in reuters man; do
    src=$corpus
    [ $c = man ] && src=$tmp/man.jsonl
    ./quarry run -q -j2 -e 'read ! clean ! tokenize ! stem ! write fields=id,stems,stop' "$src" -o "$tmp/$c-tokens"
done
# name|parameters: the defaults before (MALLET's 5 / topics, optimized), then fixed priors.
cat >"$tmp/settings" <<'EOF2'
5/K optimized|alpha=0.25 optimize=true
5/K fixed|alpha=0.25 optimize=false
10/K fixed (default)|alpha=0.5 optimize=false
20/K fixed|alpha=1 optimize=false
50/K fixed|alpha=2.5 optimize=false
20/K optimized|alpha=1 optimize=true
EOF2
# Every model first, into $tmp/ROW-VOCABULARY-SEED; then one pass scores them all, so that each
# corpus's document sets for NPMI are built once.
row=0
while IFS='|' read -r name params; do
    row=$((row + 1))
    for c in reuters reuters01 man; do
        src=$corpus max_df=0.5
        [ $c = man ] && src=$tmp/man.jsonl
        [ $c = reuters01 ] && max_df=0.1
        for seed in $seeds; do
            ./quarry run -q -j2 -e "read ! clean ! tokenize ! stem ! topics method=lda topics=20 seed=$seed $params \
                max-df=$max_df save-model=lda.model ! write fields=id,topic-proportions" "$src" -o "$tmp/$row-$c-$seed" \
                </dev/null
        done
    done
done <"$tmp/settings"
/usr/bin/python3 - "$tmp" "$corpus" $seeds <<'PY'
import sys
sys.path.insert(0, "bench")
from lda_figures import Coherence, gold_topics, load_docs, main_topics, nmi, quarry_top
tmp, corpus, seeds = sys.argv[1], sys.argv[2], sys.argv[3:]
gold = gold_topics(corpus)
# Reuters at max-df 0.1 has the same documents: NPMI is counted over all their words.
pairs = {"reuters": Coherence(load_docs(f"{tmp}/reuters-tokens/documents.jsonl")[1]),
         "man": Coherence(load_docs(f"{tmp}/man-tokens/documents.jsonl")[1])}
pairs["reuters01"] = pairs["reuters"]
labels = {"reuters": "Reuters", "reuters01": "Reuters max-df 0.1", "man": "man pages"}
for row, line in enumerate(open(f"{tmp}/settings", encoding="utf-8"), 1):
    out = []
    for c in ("reuters", "reuters01", "man"):
        scores = [pairs[c].mean(quarry_top(f"{tmp}/{row}-{c}-{s}/lda.model")) for s in seeds]
        out.append(f"{labels[c]}: NPMI {sum(scores) / len(scores):.3f}")
        if c != "man":
            nmis = []
            for s in seeds:
                main = main_topics(f"{tmp}/{row}-{c}-{s}/documents.jsonl", gold)
                ids = sorted(main)
                nmis.append(nmi([gold[i] for i in ids], [main[i] for i in ids]))
            out.append(f"NMI {sum(nmis) / len(nmis):.3f}")
    print(f"{line.split('|')[0]:22s} " + "   ".join(out), flush=True)
PY
