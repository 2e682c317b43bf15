/* score.h: keyphrase scores of a document's candidates (TF-IDF, YAKE, RAKE, and their
 * combination) and the choice of its top phrases. */
#ifndef QUARRY_SCORE_H
#define QUARRY_SCORE_H
#include "candidates.h"

typedef enum { KW_COMBINED, KW_TFIDF, KW_YAKE, KW_RAKE } kw_method;

/* Document frequencies for TF-IDF: DF(key) for a candidate's stem phrase, over DOCS documents. */
typedef struct kw_df {
    const intern *table; /* stem phrase -> uint32_t documents (NULL: none) */
    uint64_t docs;
} kw_df;

/* Scores every candidate of D by METHOD, into 'score' (and 'tfidf', 'yake' or 'rake', whichever
 * METHOD uses). */
void kw_score(kw_doc *d, const kw_df *df, kw_method method);

/* The ids of D's best candidates, best first, at most K, without near-duplicates: a phrase of
 * 2+ words whose words (hyphenated ones split) are a subset or superset of a chosen phrase's,
 * or a chosen phrase shifted by a word, is left out. With MERGE_NAMES, a name of 2+ words
 * ("Katy Perry") replaces its words chosen alone before it, and they are not chosen after it.
 * Returns how many. */
size_t kw_top(const kw_doc *d, size_t k, int merge_names, uint32_t *out);
#endif
