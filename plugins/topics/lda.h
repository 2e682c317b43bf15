/* lda.h: latent Dirichlet allocation by collapsed Gibbs sampling: training on a corpus of word
 * ids, inference for new documents, and the topics' NPMI and UMass coherence. */
#ifndef QUARRY_LDA_H
#define QUARRY_LDA_H
#include <stddef.h>
#include <stdint.h>

/* Documents as word ids (0..nwords-1), end to end. */
typedef struct lda_corpus {
    uint32_t *words;
    size_t *start; /* document d is words[start[d] .. start[d + 1]) */
    size_t ndocs, ntokens, cap_words, cap_docs;
    uint32_t nwords;
} lda_corpus;

void lda_corpus_add(lda_corpus *c, const uint32_t *words, size_t n);
void lda_corpus_free(lda_corpus *c);

/* The topic-word counts: all a model is, with its priors. */
typedef struct lda_model {
    uint32_t K, V;
    double *alpha; /* K: each topic's prior in documents; equal unless optimized */
    double alpha_sum, beta;
    uint32_t *nwk; /* V x K */
    uint64_t *nk;  /* K */
} lda_model;

void lda_model_free(lda_model *m);

/* Called every few iterations: the iteration and the corpus log-likelihood per token. */
typedef void (*lda_progress)(void *arg, int iteration, double loglik);

/* Trains M (K topics, priors ALPHA, for each topic, and BETA) on C for ITERATIONS sweeps from
 * SEED on THREADS threads; THETA (ndocs x K, if not NULL) receives each document's topic
 * proportions. With OPTIMIZE, the topics' priors are learnt from the documents (Minka's
 * fixed point, every 10 sweeps after 50), so that common words gather in a few broad topics. The
 * same seed and thread count give the same model. */
void lda_train(const lda_corpus *c, lda_model *m, uint32_t K, double alpha, double beta, int iterations,
               uint64_t seed, int threads, int optimize, double *theta, lda_progress progress, void *arg);

/* The topic proportions (THETA, K values) of a document of N word ids under M, by sampling its
 * topics with M's word counts fixed; SEED makes it repeatable. */
void lda_infer(const lda_model *m, const uint32_t *words, size_t n, int iterations, uint64_t seed,
               double *theta);

/* The N most probable words of each topic of M into TOP (K x N, best first; ties: lower id);
 * UINT32_MAX fills the places of a topic with fewer words. */
void lda_top_words(const lda_model *m, uint32_t n, uint32_t *top);

/* Mean NPMI and UMass coherence of each topic's top words (TOP, K x N) over the documents of C,
 * counting co-occurrence within documents. */
void lda_coherence(const lda_corpus *c, const uint32_t *top, uint32_t K, uint32_t n, double *npmi,
                   double *umass);
#endif
