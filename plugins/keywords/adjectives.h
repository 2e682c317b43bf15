/* adjectives.h: the English words that are only adjectives, which no keyphrase ends in
 * (generated from WordNet). */
#ifndef QUARRY_ADJECTIVES_H
#define QUARRY_ADJECTIVES_H
#include <stddef.h>

/* Lower-case ASCII words, sorted: "economic", "financial", "significant", "worldwide".
 * tools/gen-adjectives.py writes them, with its rules. */
extern const char *const kw_adjectives[];
extern const size_t kw_adjectives_count;
#endif
