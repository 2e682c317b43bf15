/* headlineverbs.h: the English verbs' third persons that wire headlines use as verbs, though
 * they are nouns' plurals too (generated from WordNet and Reuters' headlines). */
#ifndef QUARRY_HEADLINEVERBS_H
#define QUARRY_HEADLINEVERBS_H
#include <stddef.h>

/* Lower-case ASCII words, sorted: "buys", "issues", "raises", "sets", "wins". verbforms.h holds
 * the third persons of verbs that are no nouns; these are the rest that a headline in capitals
 * uses as its verb ("TAIWAN ISSUES MORE CDS"). tools/gen-headlineverbs.py writes them, with its
 * rules. */
extern const char *const kw_headline_verbs[];
extern const size_t kw_headline_verbs_count;
#endif
