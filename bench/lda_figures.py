"""lda_figures.py: what bench/lda.sh and bench/lda-priors.sh measure of a topic model, by the
same code for quarry and gensim: NPMI coherence of a topic's top words (co-occurrence counted
over documents), quarry's top words from its saved model, and the NMI of clusters and labels."""
import collections, gzip, json, math, re

LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def load_docs(path):
    """(ids, docs) from quarry's documents.jsonl with stems and stop: each document's stems that
    are not stop words and have a letter, the tokens quarry's LDA trains on."""
    ids, docs = [], []
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if "stems" not in r:
            continue
        ids.append(r["id"])
        stop = r.get("stop", [0] * len(r["stems"]))
        docs.append([s for s, x in zip(r["stems"], stop) if not x and LETTER.search(s)])
    return ids, docs


class Coherence:
    """NPMI of word pairs, from the documents each word occurs in."""

    def __init__(self, docs):
        self.n = len(docs)
        self.holders = collections.defaultdict(set)
        for i, d in enumerate(docs):
            for w in set(d):
                self.holders[w].add(i)

    def npmi(self, words):
        """Mean NPMI over the pairs of WORDS; -1 for a pair never in one document."""
        total, pairs = 0.0, 0
        for i in range(1, len(words)):
            for j in range(i):
                a, b = self.holders[words[i]], self.holders[words[j]]
                both = len(a & b)
                if both == 0:
                    total -= 1
                else:
                    pij, pi, pj = both / self.n, len(a) / self.n, len(b) / self.n
                    total += math.log(pij / (pi * pj)) / -math.log(pij) if pij < 1 else 1
                pairs += 1
        return total / pairs if pairs else 0

    def mean(self, topics):
        return sum(self.npmi(t) for t in topics) / len(topics)


def quarry_top(model_path, n=10):
    """The N stems with the highest counts in each topic of a model quarry saved."""
    lines = open(model_path, encoding="utf-8").read().split("\n")
    K = int(lines[1].split()[1])
    rows = [l.split("\t") for l in lines[5:] if l]
    counts = [[int(x) for x in r[2].split()] for r in rows]
    return [[rows[i][0] for i in sorted(range(len(rows)), key=lambda i: -counts[i][k])[:n]] for k in range(K)]


def main_topics(documents_jsonl, keep):
    """Each document's largest topic in quarry's topic-proportions, for the ids in KEEP."""
    main = {}
    for line in open(documents_jsonl, encoding="utf-8"):
        r = json.loads(line)
        if "topic-proportions" in r and r["id"] in keep:
            p = r["topic-proportions"]
            main[r["id"]] = max(range(len(p)), key=lambda k: p[k])
    return main


def nmi(labels, clusters):
    """Normalized mutual information (arithmetic mean of the entropies)."""
    n = len(labels)
    cl, ck = collections.Counter(labels), collections.Counter(clusters)
    both = collections.Counter(zip(labels, clusters))
    mi = sum(c / n * math.log(c * n / (cl[l] * ck[k])) for (l, k), c in both.items())
    h = lambda cnt: -sum(c / n * math.log(c / n) for c in cnt.values())
    return 2 * mi / (h(cl) + h(ck)) if h(cl) + h(ck) else 0


def gold_topics(corpus):
    """Each Reuters document's first gold topic, by id, from the corpus's JSON Lines (gzip)."""
    gold = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("topics"):
                gold[r["id"]] = r["topics"][0]
    return gold
