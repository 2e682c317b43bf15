/* adverbs.h: the English words that are only adverbs, which no keyphrase is or holds (generated
 * from WordNet). */
#ifndef QUARRY_ADVERBS_H
#define QUARRY_ADVERBS_H
#include <stddef.h>

/* Lower-case ASCII words, sorted: "immediately", "previously", "respectively", "instead".
 * tools/gen-adverbs.py writes them, with its rules. */
extern const char *const kw_adverbs[];
extern const size_t kw_adverbs_count;
#endif
