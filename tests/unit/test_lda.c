/* test_lda.c: unit tests of LDA: a tiny corpus with two obvious topics separates, the counts
 * stay consistent, the sampler draws from the exact conditional, a seed repeats a run exactly, inference agrees with training, and coherence
 * matches a hand computation. */
#include "lda.h"

#include "testutil.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Words 0-4 are about one thing, 5-9 about another; documents use one set or the other. */
static void two_topic_corpus(lda_corpus *c)
{
    memset(c, 0, sizeof *c);
    c->nwords = 10;
    for (int d = 0; d < 40; d++) {
        uint32_t words[30];
        for (int i = 0; i < 30; i++)
            words[i] = (uint32_t)((d % 2) * 5 + (i * 7 + d) % 5);
        lda_corpus_add(c, words, 30);
    }
}

START_TEST(test_two_topics_separate)
{
    lda_corpus c;
    two_topic_corpus(&c);
    lda_model m;
    double *theta = calloc(c.ndocs * 2, sizeof *theta);
    lda_train(&c, &m, 2, 0.1, 0.01, 100, 7, 1, 0, theta, NULL, NULL);
    /* Counts stay consistent: every token is in exactly one topic. */
    uint64_t total = 0, col[2] = {0, 0};
    for (uint32_t w = 0; w < m.V; w++)
        for (uint32_t k = 0; k < 2; k++) {
            total += m.nwk[w * 2 + k];
            col[k] += m.nwk[w * 2 + k];
        }
    ck_assert_uint_eq(total, c.ntokens);
    ck_assert_uint_eq(col[0], m.nk[0]);
    ck_assert_uint_eq(col[1], m.nk[1]);
    /* Each document is almost all one topic, and even and odd documents differ. */
    int first_even = theta[0] > theta[1] ? 0 : 1;
    for (size_t d = 0; d < c.ndocs; d++) {
        int main_topic = theta[d * 2] > theta[d * 2 + 1] ? 0 : 1;
        ck_assert_int_eq(main_topic, d % 2 ? 1 - first_even : first_even);
        ck_assert(theta[d * 2 + main_topic] > 0.9);
    }
    /* Each topic's top words are one of the two sets. */
    uint32_t top[2 * 5];
    lda_top_words(&m, 5, top);
    for (int k = 0; k < 2; k++)
        for (int i = 1; i < 5; i++)
            ck_assert_int_eq(top[k * 5 + i] / 5, top[k * 5] / 5);
    /* A new document of the first set is inferred to its topic. */
    uint32_t doc[20];
    for (int i = 0; i < 20; i++)
        doc[i] = (uint32_t)(i % 5);
    double t[2];
    lda_infer(&m, doc, 20, 50, 3, t);
    ck_assert(t[top[0] / 5 == 0 ? 0 : 1] > 0.9);
    free(theta);
    lda_model_free(&m);
    lda_corpus_free(&c);
}
END_TEST

/* The sampler draws from the exact conditional. One document of two tokens of one word, K = 3,
 * alpha 0.5, beta 0.01: with the other token in topic t, the weight of t is
 * (0.5 + 1)(0.01 + 1)/(0.01 + 1) = 1.5 and of each other topic 0.5 * 0.01/0.01 = 0.5, so the
 * token sampled last joins the other with probability 1.5/2.5 = 0.6. Every bucket is used: the
 * word's, the document's, and the smoothing one. */
START_TEST(test_sampler_is_exact)
{
    lda_corpus c;
    memset(&c, 0, sizeof c);
    c.nwords = 1;
    uint32_t doc[2] = {0, 0};
    lda_corpus_add(&c, doc, 2);
    int runs = 4000, same = 0;
    for (int seed = 1; seed <= runs; seed++) {
        lda_model m;
        lda_train(&c, &m, 3, 0.5, 0.01, 1, (uint64_t)seed, 1, 0, NULL, NULL, NULL);
        same += m.nwk[0] == 2 || m.nwk[1] == 2 || m.nwk[2] == 2;
        lda_model_free(&m);
    }
    /* 2400 expected; the standard deviation is 31: four of them either way. */
    ck_assert_int_gt(same, 2400 - 124);
    ck_assert_int_lt(same, 2400 + 124);
    lda_corpus_free(&c);
}
END_TEST

START_TEST(test_seed_repeats)
{
    lda_corpus c;
    two_topic_corpus(&c);
    lda_model a, b, other;
    for (int threads = 1; threads <= 3; threads++) {
        lda_train(&c, &a, 3, 0.5, 0.01, 20, 42, threads, 0, NULL, NULL, NULL);
        lda_train(&c, &b, 3, 0.5, 0.01, 20, 42, threads, 0, NULL, NULL, NULL);
        lda_train(&c, &other, 3, 0.5, 0.01, 20, 43, threads, 0, NULL, NULL, NULL);
        ck_assert_mem_eq(a.nwk, b.nwk, (size_t)a.V * a.K * sizeof *a.nwk);
        ck_assert(memcmp(a.nwk, other.nwk, (size_t)a.V * a.K * sizeof *a.nwk) != 0);
        uint64_t total = 0;
        for (uint32_t k = 0; k < a.K; k++)
            total += a.nk[k];
        ck_assert_uint_eq(total, c.ntokens); /* the merged counts stay whole */
        lda_model_free(&a);
        lda_model_free(&b);
        lda_model_free(&other);
    }
    lda_corpus_free(&c);
}
END_TEST

/* Trains 2 topics on the two-subject corpus (prior ALPHA, on THREADS threads, OPTIMIZE) and
 * checks that each document is at least MIN_SHARE its subject's topic. */
static void check_separates(double alpha, int threads, int optimize, double min_share, lda_model *m)
{
    lda_corpus c;
    two_topic_corpus(&c);
    double *theta = calloc(c.ndocs * 2, sizeof *theta);
    lda_train(&c, m, 2, alpha, 0.01, 100, 7, threads, optimize, theta, NULL, NULL);
    int first_even = theta[0] > theta[1] ? 0 : 1;
    for (size_t d = 0; d < c.ndocs; d++)
        ck_assert(theta[d * 2 + (d % 2 ? 1 - first_even : first_even)] > min_share);
    free(theta);
    lda_corpus_free(&c);
}

START_TEST(test_two_threads_separate)
{
    lda_model m;
    check_separates(0.1, 2, 0, 0.9, &m);
    lda_model_free(&m);
}
END_TEST

START_TEST(test_optimized_priors)
{
    /* Learnt priors move away from the start and stay positive; the topics still separate. */
    lda_model m;
    check_separates(1.0, 1, 1, 0.8, &m);
    ck_assert(m.alpha[0] > 0 && m.alpha[1] > 0);
    ck_assert(fabs(m.alpha[0] - 1.0) > 1e-3);
    ck_assert_double_eq_tol(m.alpha_sum, m.alpha[0] + m.alpha[1], 1e-12);
    lda_model_free(&m);
}
END_TEST

START_TEST(test_coherence_by_hand)
{
    /* Four documents: {0,1}, {0,1}, {0,2}, {3}. Topic: words 0, 1, 2 (in that rank order).
     * D(0)=3, D(1)=2, D(2)=1; D(0,1)=2, D(0,2)=1, D(1,2)=0; N=4.
     * NPMI(1,0) = log(0.5 / (0.75 * 0.5)) / -log(0.5); NPMI(2,0) = log(0.25 / (0.75 * 0.25)) /
     * -log(0.25); NPMI(2,1) = -1. UMass: log(3/3) + log(2/3) + log(1/2), each pair against the
     * better-ranked word's count. */
    lda_corpus c = {0};
    c.nwords = 4;
    const uint32_t d1[] = {0, 1}, d3[] = {0, 2}, d4[] = {3};
    lda_corpus_add(&c, d1, 2);
    lda_corpus_add(&c, d1, 2);
    lda_corpus_add(&c, d3, 2);
    lda_corpus_add(&c, d4, 1);
    uint32_t top[3] = {0, 1, 2};
    double npmi, umass;
    lda_coherence(&c, top, 1, 3, &npmi, &umass);
    double n10 = log(0.5 / (0.75 * 0.5)) / -log(0.5), n20 = log(0.25 / (0.75 * 0.25)) / -log(0.25);
    ck_assert_double_eq_tol(npmi, (n10 + n20 - 1) / 3, 1e-12);
    ck_assert_double_eq_tol(umass, (log(3.0 / 3) + log(2.0 / 3) + log(1.0 / 2)) / 3, 1e-12);
    lda_corpus_free(&c);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("lda");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_two_topics_separate);
    tcase_add_test(tc, test_sampler_is_exact);
    tcase_add_test(tc, test_seed_repeats);
    tcase_add_test(tc, test_two_threads_separate);
    tcase_add_test(tc, test_optimized_priors);
    tcase_add_test(tc, test_coherence_by_hand);
    suite_add_tcase(s, tc);
    return testutil_run(s);
}
