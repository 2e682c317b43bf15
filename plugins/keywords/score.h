/* score.h: keyphrase scores of a document's candidates (TF-IDF, YAKE, RAKE, and their
 * combination). */
#ifndef QUARRY_SCORE_H
#define QUARRY_SCORE_H
#include "candidates.h"

typedef enum { KW_COMBINED, KW_TFIDF, KW_YAKE, KW_RAKE } kw_method;

/* Document frequencies for TF-IDF: DF(key) for a candidate's stem phrase, over DOCS documents;
 * and a general corpus's, BACKGROUND, each of its documents counted as BACKGROUND_SHARE of one
 * (BACKGROUND_WEIGHT in all). */
typedef struct kw_df {
    const intern *table; /* stem phrase -> uint32_t documents (NULL: none) */
    uint64_t docs;
    const intern *background; /* stem phrase -> uint32_t documents (NULL: none) */
    double background_share, background_weight;
} kw_df;

/* Scores every candidate of D by METHOD, into 'score' (and 'tfidf', 'yake' or 'rake', whichever
 * METHOD uses). NOUN_BONUS: how much more the combined method gives a word that makes a noun
 * phrase by itself in all its occurrences (the noun-bonus parameter; kw_combined). */
void kw_score(kw_doc *d, const kw_df *df, kw_method method, double noun_bonus);
#endif
