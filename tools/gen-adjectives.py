#!/usr/bin/python3
"""gen-adjectives.py: writes plugins/keywords/adjectives.c, the English words that are only
adjectives, from WordNet 3.0 (Debian's wordnet-base, /usr/share/wordnet): a keyphrase of two or
more words that ends in one has lost its noun ("chief operating" of "chief operating officer",
"Canadian economic" of "Canadian economic growth") or is a verb and its object's modifier
("achieve significant"). Generated once and committed: building quarry needs neither Python nor
WordNet.

A word is listed when WordNet knows it as an adjective and as nothing else: not as a noun, verb
or adverb ("general", "solid", "due", "last" and "fast" stay out), nor as a form of one (a
plural, or a verb's "-ed" or "-ing" form: "operating", "agreed"; past tenses are told by their
ending, kw_past_tense).
usage: tools/gen-adjectives.py [WORDNET_DIR] > plugins/keywords/adjectives.c"""
import sys

sys.dont_write_bytecode = True  # no tools/__pycache__ beside the sources
import wordnet  # noqa: E402

wn = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
nouns, verbs, adjectives, adverbs = (wordnet.lemmas(wn, part) for part in ("noun", "verb", "adj", "adv"))
others = nouns | verbs | adverbs
irregular = {form for part in ("noun", "verb") for form, _ in wordnet.exceptions(wn, part)}

def form_of_another(w):
    """Whether W reads as an inflected form of a noun or verb: a plural or third person, a past
    or "-ing" form, by WordNet's own rules (morphy) or its exceptions."""
    if w in irregular:
        return True
    bases = []
    if w.endswith("s") and not w.endswith("ss"):
        bases += [w[:-1], w[:-2], w[:-3] + "y"]
    if w.endswith("ed"):
        bases += [w[:-2], w[:-1], w[:-3]]
    if w.endswith("ing"):
        bases += [w[:-3], w[:-3] + "e", w[:-4]]
    return any(b in others for b in bases)

words = {w for w in adjectives if wordnet.plain(w) and w not in others and not form_of_another(w)}
wordnet.write_table("gen-adjectives.py", "adjectives.c", "kw_adjectives", words,
                    ["English words",
                     "that are only adjectives, which no keyphrase ends in (kw_adjective)."])
