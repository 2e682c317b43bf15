#!/usr/bin/python3
"""gen-adjectives.py: writes plugins/keywords/adjectives.c, the English words that are only
adjectives, from WordNet 3.0 (Debian's wordnet-base, /usr/share/wordnet): a keyphrase of two or
more words that ends in one has lost its noun ("chief operating" of "chief operating officer",
"Canadian economic" of "Canadian economic growth") or is a verb and its object's modifier
("achieve significant"). Generated once and committed: building quarry needs neither Python nor
WordNet.

A word is listed when WordNet knows it as an adjective and as nothing else: not as a noun, verb
or adverb ("general", "solid", "due", "last" and "fast" stay out), nor as a plural or a third
person of one. A participle that WordNet knows as an adjective is listed ("operating",
"existing", "agreed"): at a phrase's end it has lost its noun too, or is a subject's verb
("company agreed"), which kw_past_tense does not tell from "speed" by its ending.
usage: tools/gen-adjectives.py [WORDNET_DIR] > plugins/keywords/adjectives.c"""
import sys

sys.dont_write_bytecode = True  # no tools/__pycache__ beside the sources
import wordnet  # noqa: E402

wn = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
nouns, verbs, adjectives, adverbs = (wordnet.lemmas(wn, part) for part in ("noun", "verb", "adj", "adv"))
others = nouns | verbs | adverbs
irregular = {form for part in ("noun", "verb") for form, _ in wordnet.exceptions(wn, part)}

words = {w for w in adjectives
         if wordnet.plain(w) and w not in others and not wordnet.inflected(w, others, irregular, ("s",))}
wordnet.write_table("gen-adjectives.py", "adjectives.c", "kw_adjectives", words,
                    ["English words",
                     "that are only adjectives, which no keyphrase ends in (KW_LEX_ADJECTIVE)."])
