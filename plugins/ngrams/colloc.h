/* colloc.h: collocation scores of an n-gram from its count and its words' counts. */
#ifndef QUARRY_COLLOC_H
#define QUARRY_COLLOC_H
#include <stddef.h>
#include <stdint.h>

typedef struct colloc_scores {
    double pmi;  /* log2 P(g) / prod P(w_i) */
    double npmi; /* pmi / -(n-1) log2 P(g): 1 for words seen only together, 0 for independence */
    double llr;  /* Dunning's log-likelihood ratio G^2 of the first n-1 words and the last */
    double t;    /* t-score: (observed - expected) / sqrt(observed) */
} colloc_scores;

/* The scores of an n-gram seen COUNT times among WINDOWS n-gram positions of its length, whose
 * N words were seen WORD_COUNTS[i] times among TOKENS tokens, and whose first n-1 words (as an
 * (n-1)-gram) were seen PREFIX_COUNT times among PREFIX_WINDOWS positions (for a bigram, the
 * first word's count and TOKENS). */
colloc_scores colloc_score(uint64_t count, uint64_t windows, const uint64_t *word_counts, size_t n,
                           uint64_t tokens, uint64_t prefix_count, uint64_t prefix_windows);
#endif
