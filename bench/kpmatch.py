"""kpmatch.py: score-keyphrase's matching, shared by the kpcrowd diagnostics in bench/: phrases
lower-cased and Porter-stemmed (python3-stemmer), the keys read from a folder of .key files, and
a list's F1@10 as score-keyphrase computes it for one document."""
import os
import re

import Stemmer

PORTER = Stemmer.Stemmer("porter")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def norm(phrase):
    return " ".join(PORTER.stemWords(WORD.findall(phrase.lower())))


def load_keys(folder):
    """{story: set of normalised keys} for the FOLDER/story.key files."""
    keys = {}
    for name in os.listdir(folder):
        if name.endswith(".key"):
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as fh:
                keys[name[:-4]] = {norm(line) for line in fh if norm(line)}
    return keys


def story(record_id):
    """The story a record's id names: its file name without '.txt'."""
    name = os.path.basename(str(record_id))
    return name[:-4] if name.endswith(".txt") else name


def f1(matches, gold_size):
    """F1 of a top ten with MATCHES keys of GOLD_SIZE."""
    precision, recall = matches / 10, (matches / gold_size if gold_size else 0.0)
    return 2 * precision * recall / (precision + recall) if matches else 0.0


def top_ten(phrases):
    """The first ten distinct normalised PHRASES, as score-keyphrase cuts a list."""
    seen = []
    for phrase in phrases:
        n = norm(phrase)
        if n and n not in seen:
            seen.append(n)
    return seen[:10]


def f1_at_10(phrases, gold):
    return f1(sum(n in gold for n in top_ten(phrases)), len(gold))
