#!/usr/bin/env python3
"""encodings_samples.py: texts in legacy encodings, with the UTF-8 each should clean to, for
bench/encodings.sh. Two sets: random words of Snowball's vocabularies (../shared/eval/snowball)
in each language's usual legacy encodings, N words a text; and sentences of Reuters stories
with Western names and curly quotes in Windows-1252, which must come out as encoding =
windows-1252 cleans them.
Usage: encodings_samples.py SHARED OUTDIR WORDS"""
import gzip
import json
import os
import random
import re
import sys

shared, outdir, words = sys.argv[1], sys.argv[2], int(sys.argv[3])
LEGACY = [("french", "cp1252"), ("german", "cp1252"), ("spanish", "cp1252"), ("portuguese", "cp1252"),
          ("italian", "cp1252"), ("dutch", "cp1252"), ("catalan", "cp1252"), ("danish", "cp1252"),
          ("swedish", "cp1252"), ("finnish", "cp1252"), ("hungarian", "cp1250"), ("hungarian", "iso8859_2"),
          ("turkish", "cp1254"), ("lithuanian", "cp1257"), ("russian", "cp1251"), ("russian", "koi8_r"),
          ("russian", "iso8859_5"), ("greek", "cp1253"), ("greek", "iso8859_7")]
NAMES = ["Peña", "Muñoz", "São Paulo", "Nestlé", "Zürich", "Société Générale", "Düsseldorf", "Malmö",
         "Citroën", "Hermès", "L’Oréal", "Crédit Agricole", "Børsen", "Ibáñez", "Bogotá", "Québec",
         "Montréal", "Gonçalves", "Ålesund", "Müller", "Björn", "François", "José", "Curaçao", "Málaga"]


def put(name, text, encoding):
    """One sample: TEXT in ENCODING as the input, and in UTF-8 beside it, as it should clean."""
    with open(os.path.join(outdir, "in", name + ".txt"), "wb") as f:
        f.write(text.encode(encoding))
    with open(os.path.join(outdir, "want", name + ".txt"), "w", encoding="utf-8") as f:
        f.write(text)


rnd = random.Random(1)
for d in ("in", "want"):
    os.makedirs(os.path.join(outdir, d), exist_ok=True)
for lang, enc in LEGACY:
    with gzip.open(os.path.join(shared, "eval", "snowball", lang, "voc.txt.gz"), "rt", encoding="utf-8") as f:
        vocabulary = f.read().split()
    for k in range(50):
        chosen = []
        while len(chosen) < words:
            w = rnd.choice(vocabulary)
            try:
                w.encode(enc)
            except UnicodeEncodeError:
                continue
            chosen.append(w)
        text = " ".join(chosen)
        if text.isascii():
            continue
        put(f"{lang}@{enc}-{k}", text, enc)
with gzip.open(os.path.join(shared, "corpora", "reuters21578.jsonl.gz"), "rt", encoding="utf-8") as f:
    for i, line in enumerate(f):
        if i % 10:
            continue
        story = json.loads(line)["text"]
        sentence = next((s for s in re.split(r"(?<=\.)\s+", story) if len(s.split()) >= 6), None)
        if not sentence:
            continue
        sentence = " ".join(sentence.split())
        sentence = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", sentence)
        cut = sentence.split(" ")
        for _ in range(rnd.choice([1, 1, 2, 3])):
            cut.insert(rnd.randrange(len(cut) + 1), rnd.choice(NAMES))
        text = " ".join(cut)
        put(f"reuters@cp1252-{i}", text, "cp1252")
