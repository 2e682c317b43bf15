/* language.h: the alphabet each Snowball algorithm stems, so that the stem stage can tell when
 * a document is written in another (a Russian story given the English stemmer, which leaves
 * every word of it as it is). */
#ifndef QUARRY_STEM_LANGUAGE_H
#define QUARRY_STEM_LANGUAGE_H
#include "alphabet.h"

/* The alphabet the Snowball algorithm LANGUAGE (a name or an ISO 639 code, as libstemmer takes
 * it) changes words in: ALPHABET_CYRILLIC for russian, ALPHABET_OTHER for those of neither Latin
 * nor Cyrillic letters (arabic, greek, hindi, ...), ALPHABET_NONE for serbian, which stems both
 * Latin and Cyrillic, and ALPHABET_LATIN for the others, including any newer than this list. */
alphabet stem_language_alphabet(const char *language);
#endif
