#!/bin/sh
# lda.sh: quarry's LDA (topics method=lda) beside gensim's LdaMulticore on the Reuters corpus,
# in the same run, on the same tokens and vocabulary (quarry's stems without stop words or
# numbers; words in at least 5 documents and at most half of them), K = 20, gensim with 10
# passes. Prints both wall times, both mean NPMI coherences of the top 10 words (counted over
# documents, the same code for both), and both NMIs of each document's main topic against
# Reuters' first gold topic, for each seed and their means: one seed's figures move by 0.01-0.03
# either way for both, so a single run compares noise. Needs Debian's python3-gensim. Prints
# figures; never fails on them.
# Usage: bench/lda.sh [CORPUS.jsonl.gz] [ITERATIONS] [MAX_DF] [SEEDS]
#        (defaults: 200, 0.5 and "1 2 3 4 5")
set -eu
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/reuters21578.jsonl.gz}
iterations=${2:-200}
max_df=${3:-0.5}
seeds=${4:-1 2 3 4 5}
. bench/lib.sh
bench_start "$corpus"
/usr/bin/python3 -c 'import gensim' 2>/dev/null || { echo "needs python3-gensim" >&2; exit 69; }
echo "K = 20; words in 5+ documents and at most $max_df of them; quarry $iterations iterations, gensim 10 passes"
# quarry, timed whole for each seed: read, clean, tokenize, stem, train, infer, write.
for seed in $seeds; do
    start=$(date +%s.%N)
    ./quarry run -q -j2 -e "read ! clean ! tokenize ! stem ! topics method=lda topics=20 iterations=$iterations \
        seed=$seed min-df=5 max-df=$max_df save-model=lda.model ! write fields=id,topic-proportions" \
        "$corpus" -o "$tmp/q$seed"
    end=$(date +%s.%N)
    echo "$start $end" | awk '{printf "%.2f\n", $2 - $1}' >"$tmp/q$seed/secs"
done
# The same tokens for gensim: the stems quarry trained on (stop words and numbers out).
./quarry run -q -j2 -e 'read ! clean ! tokenize ! stem ! write fields=id,stems,stop' "$corpus" -o "$tmp/t"
/usr/bin/python3 - "$tmp" "$corpus" "$max_df" $seeds <<'PY'
import sys, time
sys.path.insert(0, "bench")
from gensim.corpora import Dictionary
from gensim.models import LdaMulticore
from lda_figures import Coherence, gold_topics, load_docs, main_topics, nmi, quarry_top
tmp, corpus, max_df, seeds = sys.argv[1], sys.argv[2], float(sys.argv[3]), [int(x) for x in sys.argv[4:]]
ids, docs = load_docs(tmp + "/t/documents.jsonl")
gold = gold_topics(corpus)
t0 = time.time()
dictionary = Dictionary(docs)
dictionary.filter_extremes(no_below=5, no_above=max_df, keep_n=None)
bow = [dictionary.doc2bow(d) for d in docs]
prep_secs = time.time() - t0
pairs = Coherence(docs)  # document frequencies over the same documents, for both models
def quarry_figures(seed):
    """quarry's topics from its saved model (the stems with the highest counts per topic)."""
    q = f"{tmp}/q{seed}"
    return float(open(q + "/secs").read()), pairs.mean(quarry_top(q + "/lda.model")), \
        main_topics(q + "/documents.jsonl", gold)
def gensim_figures(seed):
    t0 = time.time()
    lda = LdaMulticore(bow, id2word=dictionary, num_topics=20, passes=10, random_state=seed)
    secs = prep_secs + time.time() - t0
    top = [[dictionary[i] for i, _ in lda.get_topic_terms(k, 10)] for k in range(20)]
    main = {i: max(lda.get_document_topics(b, minimum_probability=0), key=lambda t: t[1])[0]
            for i, b in zip(ids, bow) if i in gold}
    return secs, pairs.mean(top), main
rows = {"quarry": [], "gensim": []}
for seed in seeds:
    for name, figures in (("quarry", quarry_figures), ("gensim", gensim_figures)):
        secs, coherence, main = figures(seed)
        both = [i for i in ids if i in main]
        score = nmi([gold[i] for i in both], [main[i] for i in both])
        rows[name].append((secs, coherence, score))
        print(f"seed {seed}  {name:7s} {secs:6.1f} s wall   NPMI {coherence:.3f}   NMI {score:.3f} ({len(both)} documents)",
              flush=True)
mean = lambda xs: sum(xs) / len(xs)
for name in ("quarry", "gensim"):
    r = rows[name]
    print(f"mean    {name:7s} {mean([x[0] for x in r]):6.1f} s wall   NPMI {mean([x[1] for x in r]):.3f} "
          f"(from {min(x[1] for x in r):.3f} to {max(x[1] for x in r):.3f})   NMI {mean([x[2] for x in r]):.3f}")
q, g = rows["quarry"], rows["gensim"]
print(f"quarry takes {mean([x[0] for x in q]) / mean([x[0] for x in g]):.2f} of gensim's wall time (target: at most 0.25)")
PY
