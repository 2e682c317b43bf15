#!/usr/bin/python3
"""gen-verbforms.py: writes plugins/keywords/verbforms.c, the English verb forms that cannot be
a noun phrase's head, from WordNet 3.0 (Debian's wordnet-base, /usr/share/wordnet): a keyphrase
of two or more words that ends in one is a subject and its verb ("Douglas told", "company
intends"), not a noun phrase. Generated once and committed: building quarry needs neither
Python nor WordNet.

A form is listed when WordNet knows it only as a verb's:
  - an irregular past tense or participle (verb.exc: "told", "bought", "went", "withdrew"), unless
    the form is itself a noun ("rose", "fell", "won", "led", "left" stay out);
  - the third person singular ("reflects", "intends", "publishes") of a verb that is no noun in
    WordNet ("reflect", "intend"; not "need", "account"), unless the form is a noun's plural or
    an adjective too. A verb that is an adjective counts ("own", "complete"): no adjective
    takes an "-s", so "owns" and "completes" are verbs alone.
Regular past tenses ("declared") are told by their ending (kw_past_tense); "-ing" forms are left
out, as most of them are nouns too ("restructuring", "underwriting", "drilling").
usage: tools/gen-verbforms.py [WORDNET_DIR] > plugins/keywords/verbforms.c"""
import sys

sys.dont_write_bytecode = True  # no tools/__pycache__ beside the sources
import wordnet  # noqa: E402

wn = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
nouns, verbs, adjectives = (wordnet.lemmas(wn, part) for part in ("noun", "verb", "adj"))
noun_exceptions = {form for form, _ in wordnet.exceptions(wn, "noun")}

def noun_plural(w):
    """Whether W reads as a noun's plural, by WordNet's own rules (morphy) or its exceptions."""
    if w in noun_exceptions:
        return True
    bases = []
    if w.endswith("ies"):
        bases.append(w[:-3] + "y")
    for end in ("ses", "xes", "zes", "ches", "shes"):
        if w.endswith(end):
            bases.append(w[:-2])
    if w.endswith("s") and not w.endswith("ss"):
        bases.append(w[:-1])
    return any(b in nouns for b in bases)

def third_person(v):
    if v.endswith(("s", "x", "z", "ch", "sh", "o")):
        return v + "es"
    if v.endswith("y") and len(v) > 1 and v[-2] not in "aeiou":
        return v[:-1] + "ies"
    return v + "s"

forms = set()
for form, lemma in wordnet.exceptions(wn, "verb"):
    # "-ing" and "-s" forms in the exceptions are spellings ("totalling", "programmes"), not
    # the irregular pasts this list is for; "-ed" ones are kw_past_tense's. With no past in
    # "-s", wordclass.c tells the third persons below by their ending (KW_LEX_VERB_THIRD).
    if wordnet.plain(form) and lemma in verbs and form not in nouns and not form.endswith(("ing", "s", "ed")):
        forms.add(form)
for v in verbs:
    # An adjective takes no "-s": the third person of a verb that is an adjective too is a
    # verb alone ("completes", "owns", "secures"), where its base form is not ("complete").
    if wordnet.plain(v) and v not in nouns:
        s = third_person(v)
        if s not in nouns and s not in adjectives and not noun_plural(s):
            forms.add(s)

wordnet.write_table("gen-verbforms.py", "verbforms.c", "kw_verb_forms", forms,
                    ["English verb",
                     "forms that are never a noun phrase's head: irregular pasts and participles, and third persons",
                     "singular of verbs that are no nouns (KW_LEX_VERB_FORM)."])
