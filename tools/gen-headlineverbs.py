#!/usr/bin/python3
"""gen-headlineverbs.py: writes plugins/keywords/headlineverbs.c, the third persons singular that
wire headlines use as verbs though WordNet knows them as nouns' plurals too: "ISSUES", "BUYS",
"RAISES", "SETS", "WINS", "SEEKS". In a headline in capitals such a word is the headline's verb
("TAIWAN ISSUES MORE CDS", "JAPAN BUYS ..."), and no keyphrase holds it (KW_LEX_HEADLINE_VERB).
verbforms.c lists the third persons of verbs that are no nouns ("acquires", "resigns"); these
are the rest, told apart from nouns by how a wire service writes them. Generated once and
committed: building quarry needs neither Python, nor WordNet, nor the corpus.

A word is listed when, in the corpus (JSON Lines of stories with a "title" in capitals and a
"text", such as ../shared/corpora/reuters21578.jsonl.gz):
  - it ends in "s" but not "ss", and reads as the third person of a WordNet verb ("buys" of
    "buy"), which is a noun too ("buy"), or whose form is a noun's plural ("issues");
  - it is in headlines in capitals at least MIN_HEADLINE (5) times;
  - the stories' text writes it in lower case fewer than RATIO (3) times as often as headlines
    write it: a noun's plural is common in the text ("shares" 4,892 times beside 225 in
    headlines, "prices" 2,979 beside 208), while the text, in the past tense, seldom writes the
    headlines' verbs ("buys" 31 beside 260, "sets" 73 beside 710);
  - the text writes it capitalised inside a sentence no more often than in lower case, which
    names do ("Sears", "General Motors", "Resorts International");
  - it is none of NOUNS: words the rules let in, but that most of the headlines holding them
    use as nouns, read one by one ("CORN SPREADS", "NEWS HIGHLIGHTS", "PEORIA HOGS", "SLAUGHTER
    GUESSTIMATES", "CUSTOMER REPURCHASES").
usage: tools/gen-headlineverbs.py CORPUS.jsonl.gz [WORDNET_DIR] > plugins/keywords/headlineverbs.c"""
import collections
import gzip
import json
import re
import sys

sys.dont_write_bytecode = True  # no tools/__pycache__ beside the sources
import wordnet  # noqa: E402

MIN_HEADLINE, RATIO = 5, 3
NOUNS = {"assays", "floods", "guesstimates", "highlights", "hogs", "lands", "repurchases", "spreads"}
corpus = sys.argv[1]
wn = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/wordnet"
nouns, verbs = (wordnet.lemmas(wn, part) for part in ("noun", "verb"))
noun_exceptions = {form for form, _ in wordnet.exceptions(wn, "noun")}


def verb_third(w):
    """Whether W reads as the third person of a verb that is also a noun, or is a noun's plural."""
    bases = [b for b in wordnet.BASES["s"](w) if b in verbs]
    return bool(bases) and (any(b in nouns for b in bases) or w in nouns or w in noun_exceptions)


headline, lower, capitalised = collections.Counter(), collections.Counter(), collections.Counter()
word = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
token = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|[^\sA-Za-z]")  # words and punctuation
with gzip.open(corpus, "rt", encoding="utf-8") as f:
    for line in f:
        story = json.loads(line)
        for w in word.findall(story.get("title", "")):
            if w.isupper():
                headline[w.lower()] += 1
        tokens = token.findall(story.get("text", ""))
        for before, w in zip(tokens, tokens[1:]):
            if w.islower():
                lower[w] += 1
            elif w[0].isupper() and before[0].isalpha():  # after a word: inside a sentence
                capitalised[w.lower()] += 1

forms = {w for w, n in headline.items()
         if wordnet.plain(w) and len(w) >= 4 and w.endswith("s") and not w.endswith("ss") and verb_third(w)
         and n >= MIN_HEADLINE and lower[w] < RATIO * n and capitalised[w] <= lower[w] and w not in NOUNS}
wordnet.write_table("gen-headlineverbs.py", "headlineverbs.c", "kw_headline_verbs", forms,
                    ["",
                     "English third persons singular that wire headlines use as verbs, though WordNet knows",
                     "them as nouns' plurals too (KW_LEX_HEADLINE_VERB): Reuters-21578's headlines, of 1987,",
                     "tell them."],
                    source="WordNet 3.0 and Reuters-21578")
