#!/usr/bin/python3
"""gen-verbsmostly.py: writes plugins/keywords/verbsmostly.c, the English words that are verbs
more often than anything else, in their base form, though WordNet knows them as nouns or
adjectives too: "cover", "supply", "finance", "help", "increase", "meet". Right after "to" such
a word is the verb of an infinitive ("shares to cover overallotments", "contract to supply
transmission equipment"), where a word that is mostly a noun ("record", "market", "stock",
"exchange") follows a preposition ("rose to record", "converted to stock"), and the phrase it
opens is a verb and its object, not a noun phrase (KW_LEX_VERB_MOSTLY). Generated once and
committed: building quarry needs neither Python nor WordNet.

A word is listed when SemCor, the sample of text whose senses WordNet counted (cntlist.rev),
tags it as a verb MIN_TAGS (5) times or more and more often than as a noun, an adjective and
an adverb together, and WordNet knows it as something else too: verbbases.c lists the verbs
that are nothing else.
usage: tools/gen-verbsmostly.py [WORDNET_DIR] > plugins/keywords/verbsmostly.c"""
import sys

sys.dont_write_bytecode = True  # no tools/__pycache__ beside the sources
import wordnet  # noqa: E402

MIN_TAGS = 5

wn = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
nouns, verbs, adjectives, adverbs = (wordnet.lemmas(wn, part) for part in ("noun", "verb", "adj", "adv"))
others = nouns | adjectives | adverbs
tags = wordnet.semcor_counts(wn)
words = {w for w, t in tags.items()
         if wordnet.plain(w) and w in verbs and w in others and t["verb"] >= MIN_TAGS
         and t["verb"] > t["noun"] + t["adj"] + t["adv"]}
wordnet.write_table("gen-verbsmostly.py", "verbsmostly.c", "kw_verbs_mostly", words,
                    ["English words",
                     "that are verbs more often than anything else, in their base form, and nouns or",
                     "adjectives too (KW_LEX_VERB_MOSTLY)."])
