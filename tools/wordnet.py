"""wordnet.py: what the generators of keywords' word tables share: reading WordNet 3.0 (Debian's
wordnet-base) and writing a sorted table of words as a C file that carries WordNet's license."""
import os

# WordNet's license, which asks to be copied with any copy of (a part of) the database.
LICENSE = """
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

# kw_lexicon_init (wordclass.c) hashes the words of all the tables together into KW_LEXICON_SLOTS
# (65,536) slots, half at most. One table must fit alone; test_keywords checks that all of them do.
MAX_WORDS = 32768


def lemmas(wn, part):
    """The lemmas of PART ("noun", "verb", "adj", "adv") in WordNet folder WN."""
    out = set()
    with open(os.path.join(wn, "index." + part), encoding="latin-1") as f:
        for line in f:
            if not line.startswith(" "):
                out.add(line.split()[0])
    return out


def tagged_senses(wn, part):
    """Of each lemma of PART in WordNet folder WN: (its senses, those of them tagged in SemCor,
    the sample of text WordNet counted them in)."""
    out = {}
    with open(os.path.join(wn, "index." + part), encoding="latin-1") as f:
        for line in f:
            if not line.startswith(" "):
                fields = line.split()
                pointers = int(fields[3])
                out[fields[0]] = (int(fields[4 + pointers]), int(fields[5 + pointers]))
    return out


def semcor_counts(wn):
    """Of each lemma in WordNet folder WN, how often SemCor, the sample of text WordNet counted
    its senses in, tagged it as each part of speech: {lemma: {"noun": n, "verb": n, "adj": n,
    "adv": n}} (adjective satellites count as adjectives), from cntlist.rev."""
    parts = {"1": "noun", "2": "verb", "3": "adj", "4": "adv", "5": "adj"}
    out = {}
    with open(os.path.join(wn, "cntlist.rev"), encoding="latin-1") as f:
        for line in f:
            key, _, count = line.split()
            lemma, rest = key.split("%", 1)
            tags = out.setdefault(lemma, {"noun": 0, "verb": 0, "adj": 0, "adv": 0})
            tags[parts[rest.split(":", 1)[0]]] += int(count)
    return out


def exceptions(wn, part):
    """The irregular forms of PART's exception list (verb.exc: "told told"), as (form, lemma)."""
    with open(os.path.join(wn, part + ".exc"), encoding="latin-1") as f:
        return [tuple(line.split()[:2]) for line in f]


# By an inflected form's ending, the words it could be a form of, as WordNet's morphy strips
# them: a plural or third person ("needs", "ties"), a past ("agreed"), an "-ing" form, a
# comparative ("faster", "bigger", "earlier") or a superlative.
BASES = {
    "s": lambda w: [] if w.endswith("ss") else [w[:-1], w[:-2], w[:-3] + "y"],
    "ed": lambda w: [w[:-2], w[:-1], w[:-3]],
    "ing": lambda w: [w[:-3], w[:-3] + "e", w[:-4]],
    "er": lambda w: [w[:-2], w[:-1], w[:-3], w[:-3] + "y"],
    "est": lambda w: [w[:-3], w[:-2], w[:-4], w[:-4] + "y"],
}


def inflected(w, lemmas, irregular, endings):
    """Whether W reads as a form of one of LEMMAS: it is one of IRREGULAR (the exception lists'
    forms), or ends in one of ENDINGS (keys of BASES) taken off a lemma."""
    return w in irregular or any(b in lemmas for e in endings if w.endswith(e) for b in BASES[e](w))


def plain(w):
    """Whether W is a lower-case ASCII word of three letters or more, as the tables hold."""
    return w.isascii() and w.isalpha() and w.islower() and len(w) >= 3


def write_table(tool, file, array, words, summary, source="WordNet 3.0"):
    """Prints FILE (plugins/keywords/FILE), the C array ARRAY of WORDS (sorted) and its count,
    written by TOOL from SOURCE; SUMMARY, lines of what the words are, opens its comment."""
    if len(words) > MAX_WORDS:
        raise SystemExit("%s: %d words, and KW_LEXICON_SLOTS in wordclass.c holds %d: double it"
                         % (tool, len(words), MAX_WORDS))
    first = "/* %s: generated by tools/%s from %s; do not edit. %s" % (file, tool, source, summary[0])
    if len(first.rstrip()) > 100:  # the source named at length: "do not edit" on a line of its own
        first = "/* %s: generated by tools/%s from %s;\n * do not edit. %s" % (file, tool, source, summary[0])
    print(first.rstrip())
    for line in summary[1:]:
        print(" * " + line)
    print(" *")
    print(" * The words come from WordNet, under its license, which asks that it be copied with them:")
    print(" *")
    for line in LICENSE.strip("\n").split("\n"):
        print((" * " + line).rstrip())
    print(" */")
    print('#include "%s"\n' % file.replace(".c", ".h"))
    print("const char *const %s[] = {" % array)
    line = "   "
    for w in sorted(words):
        item = ' "%s",' % w
        if len(line) + len(item) > 100:
            print(line)
            line = "   "
        line += item
    print(line)
    print("};\n")
    print("const size_t %s_count = sizeof %s / sizeof *%s;" % (array, array, array))
