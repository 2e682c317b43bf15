"""keywords_halves.py: how F1@10 of one run's lists spreads over the kpcrowd stories: by topic
(the word a story's file name starts with) and over 2,000 halves drawn at random (seeded, so the
same every run), with how many of those fall under the 0.20 the issue asks for. A half is a
sample of the stories, so its figure moves with the topics it happens to hold.

usage: keywords_halves.py PRED.jsonl KEYS_DIR"""
import collections
import json
import random
import sys

from kpmatch import f1_at_10, load_keys, story

DRAWS = 2000
TARGET = 0.20


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    keys = load_keys(sys.argv[2])
    lists = {}
    with open(sys.argv[1], encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            lists[story(record["id"])] = [k[0] if isinstance(k, list) else k for k in record.get("keywords", [])]
    score = {doc: f1_at_10(lists.get(doc, []), gold) for doc, gold in keys.items()}
    stories = sorted(score)
    topics = collections.defaultdict(list)
    for doc in stories:
        topics[doc.rsplit("-", 1)[0]].append(score[doc])
    for topic, values in sorted(topics.items()):
        print(f"topic {topic:<16} {len(values):3d} stories  F1@10 {sum(values) / len(values):.3f}")
    draw = random.Random(0)
    means = sorted(sum(score[d] for d in draw.sample(stories, len(stories) // 2)) / (len(stories) // 2)
                   for _ in range(DRAWS))
    under = sum(m < TARGET for m in means)
    print(f"{DRAWS} random halves: F1@10 from {means[0]:.3f} to {means[-1]:.3f}, 5th percentile "
          f"{means[DRAWS // 20]:.3f}, median {means[DRAWS // 2]:.3f}, 95th {means[DRAWS - DRAWS // 20]:.3f}; "
          f"under {TARGET:.2f}: {under} ({100 * under / DRAWS:.0f}%)")


if __name__ == "__main__":
    main()
