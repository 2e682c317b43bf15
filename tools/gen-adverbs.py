#!/usr/bin/python3
"""gen-adverbs.py: writes plugins/keywords/adverbs.c, the English words that are only adverbs,
from WordNet 3.0 (Debian's wordnet-base, /usr/share/wordnet): no keyphrase is or holds one.
Wire copy's verbs take them ("effective immediately", "filed recently", "rose sharply"), and
phrases cut around them were in about one Reuters list in ten ("Airlines currently", "previously",
"respectively"). Generated once and committed: building quarry needs neither Python nor WordNet.

A word is listed when WordNet knows it as an adverb and as nothing else: not as a noun, verb or
adjective ("daily", "early", "likely", "supply" and "family" stay out), nor as a form of one
(the plural "needs", the comparative "faster", the superlative "closest"). So is a word whose
every adverb sense is tagged in SemCor, WordNet's sample of text, and which WordNet knows
otherwise only as a noun or a verb in senses never tagged there: "thus" (a resin), "forth",
"somewhere", "meanwhile", "there", "sic". Adjectives stay out ("offshore", "downstream").
usage: tools/gen-adverbs.py [WORDNET_DIR] > plugins/keywords/adverbs.c"""
import sys

sys.dont_write_bytecode = True  # no tools/__pycache__ beside the sources
import wordnet  # noqa: E402

wn = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
nouns, verbs, adjectives, adverbs = (wordnet.lemmas(wn, part) for part in ("noun", "verb", "adj", "adv"))
others = nouns | verbs | adjectives
irregular = {form for part in ("noun", "verb", "adj") for form, _ in wordnet.exceptions(wn, part)}

endings = ("s", "ed", "ing", "er", "est")
words = {w for w in adverbs
         if wordnet.plain(w) and w not in others and not wordnet.inflected(w, others, irregular, endings)}
senses = {part: wordnet.tagged_senses(wn, part) for part in ("noun", "verb", "adv")}
seen = {w for part in ("noun", "verb") for w, (_, tagged) in senses[part].items() if tagged}
words |= {w for w, (count, tagged) in senses["adv"].items()
          if wordnet.plain(w) and count == tagged and w not in adjectives and w not in seen
          and not wordnet.inflected(w, seen | adjectives, irregular, endings)}
wordnet.write_table("gen-adverbs.py", "adverbs.c", "kw_adverbs", words,
                    ["English words",
                     "that are only adverbs, which no keyphrase is or holds (KW_LEX_ADVERB)."])
