#!/usr/bin/python3
"""keywords_joined.py: how much of the kpcrowd gap is the gold keys' spelling, not the choice.

The crowd's keys were stored with punctuation inside words removed ("FDAapproved", "KV",
"Deadlinecom"), so a keyphrase shown as written ("FDA-approved", "K-V", "S&P") can never match
one. For the top tens of PRED.jsonl this prints how many are written with an inner hyphen, dot
or ampersand,
how many of those match a key once joined, and F1@10 when either spelling may match: a
diagnostic beside score-keyphrase's figure, never a replacement for it. Matching as in
score-keyphrase: lower case, words Porter-stemmed (python3-stemmer).

usage: keywords_joined.py PRED.jsonl KEYS_DIR"""
import json
import re
import sys

from kpmatch import f1, load_keys, norm, story

INNER = re.compile(r"(?<=\w)[-.&](?=\w)")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    keys = load_keys(sys.argv[2])
    shown = written = joined = 0
    strict, lenient = [], []
    with open(sys.argv[1], encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            doc = story(record["id"])
            if doc not in keys:
                continue
            gold, seen, top = keys[doc], set(), []
            for phrase, _score in record.get("keywords", []):
                if norm(phrase) and norm(phrase) not in seen:
                    seen.add(norm(phrase))
                    top.append(phrase)
            top = top[:10]
            hits = sum(norm(p) in gold for p in top)
            extra = 0
            for p in top:
                if INNER.search(p):
                    shown += 1
                    written += norm(p) in gold
                    if norm(p) not in gold and norm(INNER.sub("", p)) in gold:
                        extra += 1
            joined += extra
            strict.append(f1(hits, len(gold)))
            lenient.append(f1(hits + extra, len(gold)))
    missing = len(keys) - len(strict)
    strict += [0.0] * missing
    lenient += [0.0] * missing
    print(f"top-ten entries with an inner hyphen, dot or ampersand {shown}: {written} match as written, "
          f"{joined} more once joined; F1@10 {sum(strict) / len(strict):.3f} as scored, "
          f"{sum(lenient) / len(lenient):.3f} with either spelling")


if __name__ == "__main__":
    main()
