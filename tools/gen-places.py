#!/usr/bin/python3
"""gen-places.py: writes plugins/keywords/places.c, the names of countries, states, provinces,
continents, islands and national capitals, from WordNet 3.0 (Debian's wordnet-base,
/usr/share/wordnet). A place's possessive before a name ("Sweden's Electrolux AB", "Japan's
American Honda Motor", "Sri Lanka's Central Bank") names an owner, not a part of the name, which
the name's own possessive is ("McDonald's Restaurants", "Hudson's Bay"): kw_phrase_break ends a
phrase after it. Generated once and committed: building quarry needs neither Python nor WordNet.

A name is listed when WordNet has it as an instance of a country, an American state, a province
(a state of another nation: "Quebec", "Bavaria"), a continent, an island or a national capital,
or of a kind of one of those ("African country"); written as WordNet writes it, capitalised, in
ASCII letters, hyphens and spaces (its underscores), as a story does: "Sri Lanka", "Hong Kong".
Names of more than four words are left out ("Democratic Socialist Republic of Sri Lanka"): a
story writes the short one. Left out too:
  - abbreviations of two letters (its states' "IN", "OR", "ME", "LA"), which are words and names
    in capitals too; of three or more ("USSR", "PRC") they stay;
  - names that WordNet gives a city only, which are often people's ("Jackson", "Lincoln",
    "Austin", "Eugene"), except those of two words or more ("Hong Kong", "Los Angeles");
  - SHARED: names that a common word or a name's own possessive shares ("Man's", "Wake's").
Added, EXTRA: places that WordNet files under other heads (a peninsula, a region, a former
country, a principality) and that wire copy writes as owners: "Korea", "Latin America".
usage: tools/gen-places.py [WORDNET_DIR] > plugins/keywords/places.c"""
import collections
import os
import re
import sys

sys.dont_write_bytecode = True  # no tools/__pycache__ beside the sources
import wordnet  # noqa: E402

# The heads whose instances are listed, by their words in WordNet 3.0 and the offset of the
# synset meant (a word may have several senses: "country" as a nation, not the countryside).
HEADS = {"08544813": "country", "08655464": "American state", "08654360": "province",
         "09254614": "continent", "09316454": "island", "08691669": "national capital"}
CITY = "08524735"
SHARED = {"Male", "Man", "Mona", "Saba", "Wake"}
EXTRA = {"Czechoslovakia", "Korea", "Latin America", "Wales"}
# A name as a story writes it: capitalised, in ASCII letters, hyphens and spaces; of MAX_WORDS
# words at most (KW_PLACE_MAX_WORDS, places.h), the last capitalised, as the possessive that the
# rule asks of is ("Good Hope's"; "Albanian capital's" needs no list).
NAME = re.compile(r"[A-Z][A-Za-z]*(?:[- ][A-Za-z]+)*$")
MAX_WORDS = 4

wn = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
words, instances, kinds = {}, collections.defaultdict(set), collections.defaultdict(set)
with open(os.path.join(wn, "data.noun"), encoding="latin-1") as f:
    for line in f:
        if line.startswith(" "):
            continue  # the license
        fields = line.split()
        count = int(fields[3], 16)
        words[fields[0]] = [re.sub(r"\(.*\)$", "", w).replace("_", " ") for w in fields[4:4 + 2 * count:2]]
        at = 4 + 2 * count
        for k in range(int(fields[at])):
            symbol, target, part = fields[at + 1 + 4 * k:at + 4 + 4 * k]
            if symbol == "@i":
                instances[target].add(fields[0])
            elif symbol == "@" and part == "n":
                kinds[target].add(fields[0])


def names_under(head):
    """The names of the instances of HEAD and of its kinds, as WordNet writes them."""
    out, seen, todo = set(), set(), [head]
    while todo:
        synset = todo.pop()
        if synset not in seen:
            seen.add(synset)
            out |= {w for instance in instances[synset] for w in words[instance]}
            todo.extend(kinds[synset])
    return out


places = set().union(*(names_under(head) for head in HEADS))
places |= {w for w in names_under(CITY) if " " in w}
places = {w for w in places if NAME.match(w) and len(w.split()) <= MAX_WORDS and w.split()[-1][0].isupper()
          and not (w.isupper() and len(w) < 3)} - SHARED | EXTRA
wordnet.write_table("gen-places.py", "places.c", "kw_places", places,
                    ["",
                     "Places, whose possessive before a name is an owner's, not the name's own: \"Sweden's",
                     "Electrolux AB\" (kw_phrase_break). The names of countries, American states, provinces,",
                     "continents, islands and national capitals, and of cities of two words or more, as",
                     "WordNet writes them, in byte order."])
