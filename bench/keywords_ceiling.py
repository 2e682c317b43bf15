"""keywords_ceiling.py: a boosted classifier over features of single words, trained on one half
of the kpcrowd stories and scored on the other (F1@10 as score-keyphrase computes it), beside
the keywords stage's own lists, and the same without each feature in turn. The last four
features are cues of a word's grammatical role from its neighbours, which the stage does not use.
usage: keywords_ceiling.py TOKENS.jsonl BACKGROUND.jsonl STAGE.jsonl KEYS_DIR"""
import collections, json, math, re, sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from kpmatch import f1_at_10, load_keys, norm
NAMES = ("tf log-tf relative-tf first relative-first log-first spread idf background-idf "
         "capitalised acronym length headline sentence-share log-length neighbours "
         "after-function after-determiner before-of noun-suffix").split()
DETERMINERS = set("a an the this that these those his her its their our my your some any every each no".split())
NOUN_SUFFIXES = ("tion", "ment", "ness", "ity", "ism", "ist", "ship", "ance", "ence")


def features(doc, df, n_docs, bg, bg_docs):
    stems, stop, surface = doc["stems"], doc["stop"], doc["surface"]
    n = len(stems)
    starts = set(doc.get("sentences") or [0])
    sentence, sid = -1, []
    for i in range(n):
        sentence += i in starts or i == 0
        sid.append(sentence)
    info = {}
    for i, (s, sw) in enumerate(zip(stems, stop)):
        if sw or not re.search(r"[^\W\d_]", s):
            continue
        f = info.setdefault(s, dict(tf=0, first=i, last=i, cap=0, caps=0, sents=set(), nb=set(),
                                    forms=collections.Counter(), after_stop=0, after_det=0, before_of=0))
        f["tf"] += 1
        f["last"] = i
        f["sents"].add(sid[i])
        f["forms"][surface[i]] += 1
        f["cap"] += surface[i][:1].isupper()
        f["caps"] += surface[i].isupper() and len(surface[i]) > 1
        f["nb"].update(stems[j] for j in (i - 1, i + 1) if 0 <= j < n)
        inside = i > 0 and sid[i - 1] == sid[i]  # the previous token is in the same sentence
        f["after_stop"] += inside and bool(stop[i - 1])
        f["after_det"] += inside and surface[i - 1].lower() in DETERMINERS
        f["before_of"] += i + 1 < n and sid[i + 1] == sid[i] and surface[i + 1].lower() == "of"
    sentences = max(1, sentence + 1)
    for s, f in info.items():
        form = f["forms"].most_common(1)[0][0]
        yield form, [
            f["tf"], math.log(f["tf"]), f["tf"] / n, f["first"], f["first"] / n, math.log1p(f["first"]),
            (f["last"] - f["first"]) / n, math.log(n_docs / df[s]), math.log((bg_docs + 1) / (bg[s] + 1)),
            f["cap"] / f["tf"], f["caps"] / f["tf"], len(s), sid[f["first"]] == 0,
            len(f["sents"]) / sentences, math.log(n), len(f["nb"]) / f["tf"],
            f["after_stop"] / f["tf"], f["after_det"] / f["tf"], f["before_of"] / f["tf"],
            form.lower().rstrip("s").endswith(NOUN_SUFFIXES)]


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
    bg, bg_docs = collections.Counter(), 0
    for line in open(sys.argv[2], encoding="utf-8"):
        r = json.loads(line)
        if "stems" in r:
            bg.update({s for s, sw in zip(r["stems"], r["stop"]) if not sw})
            bg_docs += 1
    stage = {json.loads(line)["id"]: [k[0] for k in json.loads(line)["keywords"]]
             for line in open(sys.argv[3], encoding="utf-8")}
    gold = load_keys(sys.argv[4])
    half = {d: i % 2 for i, d in enumerate(sorted(gold))}  # as bench/keywords-eval.sh splits them
    df = collections.Counter()
    for d in docs:
        df.update({s for s, sw in zip(d["stems"], d["stop"]) if not sw})
    rows = [(d["id"], form, x) for d in docs for form, x in features(d, df, len(docs), bg, bg_docs)]
    X = np.array([r[2] for r in rows], dtype=float)
    y = np.array([norm(r[1]) in gold[r[0]] for r in rows])
    h = np.array([half[r[0]] for r in rows])

    def held_out(cols):
        scores = []
        for train in (0, 1):
            model = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15,
                                                   min_samples_leaf=40, random_state=0)
            model.fit(X[h == train][:, cols], y[h == train])
            p = model.predict_proba(X[:, cols])[:, 1]
            ranked = collections.defaultdict(list)
            for (doc, form, _), score in zip(rows, p):
                if half[doc] != train:
                    ranked[doc].append((-score, form))
            tested = [d for d in gold if half[d] != train]
            scores.append(sum(f1_at_10([f for _, f in sorted(ranked[d])], gold[d]) for d in tested) / len(tested))
        return scores

    for which in (0, 1):
        tested = [d for d in gold if half[d] == which]
        print("keywords stage, max-words 1, half %s: F1@10 %.3f" % (
            "AB"[which], sum(f1_at_10(stage.get(d, []), gold[d]) for d in tested) / len(tested)))
    every = list(range(X.shape[1]))
    a, b = held_out(every)
    print("classifier, trained on A scored on B: %.3f; trained on B scored on A: %.3f; mean %.3f" % (a, b, (a + b) / 2))
    for j in every:
        a, b = held_out([c for c in every if c != j])
        print("  without %-15s mean %.3f" % (NAMES[j], (a + b) / 2))


if __name__ == "__main__":
    main()
