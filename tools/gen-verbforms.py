#!/usr/bin/python3
"""gen-verbforms.py: writes plugins/keywords/verbforms.c, the English verb forms that cannot be
a noun phrase's head, from WordNet 3.0 (Debian's wordnet-base, /usr/share/wordnet): a keyphrase
of two or more words that ends in one is a subject and its verb ("Douglas told", "company
intends"), not a noun phrase. Generated once and committed: building quarry needs neither
Python nor WordNet.

A form is listed when WordNet knows it only as a verb's:
  - an irregular past tense or participle (verb.exc: "told", "bought", "went", "withdrew"), unless
    the form is itself a noun ("rose", "fell", "won", "led", "left" stay out);
  - the third person singular ("reflects", "intends", "publishes") of a verb that is no noun and
    no adjective in WordNet ("reflect", "intend"; not "own", "need", "account"), unless the form
    is a noun's plural too.
Regular past tenses ("declared") are told by their ending (kw_past_tense); "-ing" forms are left
out, as most of them are nouns too ("restructuring", "underwriting", "drilling").
usage: tools/gen-verbforms.py [WORDNET_DIR] > plugins/keywords/verbforms.c"""
import os
import sys

# WordNet's license, which asks to be copied with any copy of (a part of) the database.
WORDNET_LICENSE = """
This software and database is being provided to you, the LICENSEE, by Princeton University
under the following license. By obtaining, using and/or copying this software and database,
you agree that you have read, understood, and will comply with these terms and conditions.:

Permission to use, copy, modify and distribute this software and database and its
documentation for any purpose and without fee or royalty is hereby granted, provided that you
agree to comply with the following copyright notice and statements, including the disclaimer,
and that the same appear on ALL copies of the software, database and documentation, including
modifications that you make for internal use or for distribution.

WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.

THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION,
PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-ABILITY OR FITNESS FOR
ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL
NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.

The name of Princeton University or Princeton may not be used in advertising or publicity
pertaining to distribution of the software and/or database. Title to copyright in this
software, database and any associated documentation shall at all times remain with Princeton
University and LICENSEE agrees to preserve same.
"""

wn = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"

def lemmas(name):
    out = set()
    with open(os.path.join(wn, name), encoding="latin-1") as f:
        for line in f:
            if not line.startswith(" "):
                out.add(line.split()[0])
    return out

nouns, verbs, adjectives = lemmas("index.noun"), lemmas("index.verb"), lemmas("index.adj")
noun_exceptions = set()
with open(os.path.join(wn, "noun.exc"), encoding="latin-1") as f:
    for line in f:
        noun_exceptions.add(line.split()[0])

def plain(w):
    return w.isascii() and w.isalpha() and w.islower() and len(w) >= 3

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
with open(os.path.join(wn, "verb.exc"), encoding="latin-1") as f:
    for line in f:
        form, lemma = line.split()[:2]
        # "-ing" and "-s" forms in the exceptions are spellings ("totalling", "programmes"), not
        # the irregular pasts this list is for; "-ed" ones are kw_past_tense's.
        if plain(form) and lemma in verbs and form not in nouns and not form.endswith(("ing", "s", "ed")):
            forms.add(form)
for v in verbs:
    if plain(v) and v not in nouns and v not in adjectives:
        s = third_person(v)
        if s not in nouns and not noun_plural(s):
            forms.add(s)

words = sorted(forms)
# kw_verb_index_init (wordclass.c) hashes them into KW_VERB_SLOTS (16,384) slots, half at most.
if len(words) > 8192:
    sys.exit("gen-verbforms.py: %d forms, and KW_VERB_SLOTS in wordclass.c holds 8,192: double it" % len(words))
print("/* verbforms.c: generated by tools/gen-verbforms.py from WordNet 3.0; do not edit. English verb")
print(" * forms that are never a noun phrase's head: irregular pasts and participles, and third persons")
print(" * singular of verbs that are no nouns (kw_verb_form).")
print(" *")
print(" * The words come from WordNet, under its license, which asks that it be copied with them:")
print(" *")
for line in WORDNET_LICENSE.strip("\n").split("\n"):
    print((" * " + line).rstrip())
print(" */")
print('#include "verbforms.h"\n')
print("const char *const kw_verb_forms[] = {")
line = "   "
for w in words:
    item = ' "%s",' % w
    if len(line) + len(item) > 100:
        print(line)
        line = "   "
    line += item
print(line)
print("};\n")
print("const size_t kw_verb_forms_count = sizeof kw_verb_forms / sizeof *kw_verb_forms;")
