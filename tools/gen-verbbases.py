#!/usr/bin/python3
"""gen-verbbases.py: writes plugins/keywords/verbbases.c, the English verbs that are only verbs,
in their base form, from WordNet 3.0 (Debian's wordnet-base, /usr/share/wordnet): "strengthen",
"create", "reduce", "reflect". No noun phrase holds one: a keyphrase of two or more words that
begins with one is a verb and its object ("reduce short-term debt"), and one that ends in one a
subject and its verb ("figures reflect") (kw_verbal, KW_LEX_VERB_BASE). Alone, such a word says
what was done, not what a story is about; kw_describing counts it with the adjectives and the other
verb forms that a small corpus cannot tell from topical words. Generated once and committed:
building quarry needs neither Python nor WordNet.

A word is listed when WordNet knows it as a verb and as nothing else: not as a noun, adjective
or adverb ("plan", "need", "open", "close" stay out).
usage: tools/gen-verbbases.py [WORDNET_DIR] > plugins/keywords/verbbases.c"""
import sys

sys.dont_write_bytecode = True  # no tools/__pycache__ beside the sources
import wordnet  # noqa: E402

wn = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
nouns, verbs, adjectives, adverbs = (wordnet.lemmas(wn, part) for part in ("noun", "verb", "adj", "adv"))
others = nouns | adjectives | adverbs

words = {v for v in verbs if wordnet.plain(v) and v not in others}
wordnet.write_table("gen-verbbases.py", "verbbases.c", "kw_verb_bases", words,
                    ["English verbs",
                     "that are only verbs, in their base form (KW_LEX_VERB_BASE)."])
