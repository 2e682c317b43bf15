/* pick.h: the choice of a document's top phrases from their scores (kw_score). */
#ifndef QUARRY_PICK_H
#define QUARRY_PICK_H
#include "candidates.h"

/* The ids of D's best candidates, best first, at most K, without near-duplicates: a phrase of
 * 2+ words whose words (hyphenated ones split) are a subset or superset of a chosen phrase's,
 * a chosen phrase shifted by a word, or one spelled another way ("cybersecurity", "TAX FREE
 * RESERVES" beside "tax-free reserves"), is left out. With MERGE_NAMES, a name of 2+ words
 * ("Katy Perry") replaces its words chosen alone before it, and they are not chosen after it.
 * An acronym and the phrase it stands for (kw_cand.defined) are one, shown as the story writes
 * it more often. Returns how many. */
size_t kw_top(const kw_doc *d, size_t k, int merge_names, uint32_t *out);
#endif
