/* lda.c: latent Dirichlet allocation by collapsed Gibbs sampling (Griffiths and Steyvers, 2004)
 * with SparseLDA's bucketed sampler, inference with the topics fixed, and NPMI and UMass
 * coherence. */
#include "lda.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static void *lda_alloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p)
        abort();
    return p;
}

void lda_corpus_add(lda_corpus *c, const uint32_t *words, size_t n)
{
    if (c->ndocs + 2 > c->cap_docs) {
        c->cap_docs = c->cap_docs ? 2 * c->cap_docs : 1024;
        if (!(c->start = realloc(c->start, c->cap_docs * sizeof *c->start)))
            abort();
    }
    if (c->ntokens + n > c->cap_words) {
        c->cap_words = c->ntokens + n > 2 * c->cap_words ? c->ntokens + n : 2 * c->cap_words;
        if (!(c->words = realloc(c->words, c->cap_words * sizeof *c->words)))
            abort();
    }
    c->start[c->ndocs] = c->ntokens;
    if (n)
        memcpy(c->words + c->ntokens, words, n * sizeof *words);
    c->ntokens += n;
    c->start[++c->ndocs] = c->ntokens;
}

void lda_corpus_free(lda_corpus *c)
{
    free(c->words);
    free(c->start);
    memset(c, 0, sizeof *c);
}

void lda_model_free(lda_model *m)
{
    free(m->alpha);
    free(m->nwk);
    free(m->nk);
    memset(m, 0, sizeof *m);
}

/* splitmix64: small, fast and good enough to sample topics; the state is one integer, so runs
 * repeat exactly from a seed. */
static uint64_t lda_next(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static double lda_uniform(uint64_t *s)
{
    return (double)(lda_next(s) >> 11) * 0x1.0p-53;
}

/* Draws a topic from the unnormalized weights P (K of them, cumulated into CUM). */
static uint32_t lda_draw(const double *cum, uint32_t K, uint64_t *rng)
{
    double u = lda_uniform(rng) * cum[K - 1];
    uint32_t k = 0;
    while (k + 1 < K && cum[k] <= u)
        k++;
    return k;
}

/* Corpus log-likelihood per token: mean of log sum_k theta_dk phi_kw. */
static double lda_loglik(const lda_corpus *c, const lda_model *m, const uint32_t *ndk)
{
    uint32_t K = m->K;
    double vbeta = m->V * m->beta, sum = 0;
    double *inv = lda_alloc(K * sizeof *inv);
    for (uint32_t k = 0; k < K; k++)
        inv[k] = 1 / (m->nk[k] + vbeta);
    for (size_t d = 0; d < c->ndocs; d++) {
        size_t len = c->start[d + 1] - c->start[d];
        const uint32_t *nd = &ndk[d * K];
        double inv_len = 1 / (len + m->alpha_sum);
        for (size_t i = c->start[d]; i < c->start[d + 1]; i++) {
            const uint32_t *nw = &m->nwk[(size_t)c->words[i] * K];
            double p = 0;
            for (uint32_t k = 0; k < K; k++)
                p += (nd[k] + m->alpha[k]) * (nw[k] + m->beta) * inv[k];
            sum += log(p * inv_len);
        }
    }
    free(inv);
    return c->ntokens ? sum / (double)c->ntokens : 0;
}

/* One sampling thread of a sweep: its documents, its copy of the topic-word counts (dense, and
 * for each word the list of topics it has a count in), its RNG. */
typedef struct lda_part {
    const lda_corpus *c;
    size_t d0, d1;
    uint32_t K, V;
    const double *alpha;
    double beta;
    uint32_t *z, *ndk;
    uint32_t *nwk;
    uint64_t *nk;
    uint64_t rng;
    uint32_t *wtopics; /* V x K: word w's topics with a count, the first wlen[w] of row w */
    uint32_t *wlen;    /* V */
} lda_part;

/* Rebuilds P's per-word topic lists from its dense counts (after they were reset). */
static void lda_part_index(lda_part *p)
{
    uint32_t K = p->K;
    for (uint32_t w = 0; w < p->V; w++) {
        const uint32_t *nw = &p->nwk[(size_t)w * K];
        uint32_t *list = &p->wtopics[(size_t)w * K], n = 0;
        for (uint32_t k = 0; k < K; k++)
            if (nw[k])
                list[n++] = k;
        p->wlen[w] = n;
    }
}

/* Removes topic K from LIST (of *N topics); the order of the rest is kept, for repeatability. */
static void lda_list_remove(uint32_t *list, uint32_t *n, uint32_t k)
{
    uint32_t i = 0;
    while (i < *n && list[i] != k)
        i++;
    if (i < *n) {
        memmove(list + i, list + i + 1, (*n - i - 1) * sizeof *list);
        (*n)--;
    }
}

/* SparseLDA (Yao, Mimno and McCallum, 2009): the weight of topic t for word w in document d,
 *   (alpha_t + n_dt)(beta + n_wt) / (V beta + n_t),
 * splits into a smoothing bucket alpha_t beta / (V beta + n_t), kept summed over all topics; a
 * document bucket n_dt beta / (V beta + n_t), summed over the document's topics only; and a word
 * bucket (alpha_t + n_dt) n_wt / (V beta + n_t), over the word's topics only. Most draws land in
 * the word bucket, whose few terms are all a token computes; the other two are walked only when
 * the draw falls there. */
static void *lda_sweep(void *arg)
{
    lda_part *p = arg;
    const lda_corpus *c = p->c;
    uint32_t K = p->K;
    double vbeta = p->V * p->beta, beta = p->beta;
    const double *alpha = p->alpha;
    double *inv = lda_alloc(K * sizeof *inv);   /* 1 / (V beta + n_t) */
    double *coef = lda_alloc(K * sizeof *coef); /* (alpha_t + n_dt) / (V beta + n_t) */
    double *qw = lda_alloc(K * sizeof *qw);     /* the word bucket's terms, in list order */
    uint32_t *dtopics = lda_alloc(K * sizeof *dtopics), dlen;
    lda_part_index(p);
    for (uint32_t k = 0; k < K; k++)
        inv[k] = 1 / (p->nk[k] + vbeta);
    for (size_t d = p->d0; d < p->d1; d++) {
        uint32_t *nd = &p->ndk[d * K];
        /* The buckets are summed afresh for each document: no rounding drift builds up. */
        double s_sum = 0, r_sum = 0;
        dlen = 0;
        for (uint32_t k = 0; k < K; k++) {
            s_sum += alpha[k] * beta * inv[k];
            coef[k] = (alpha[k] + nd[k]) * inv[k];
            if (nd[k]) {
                r_sum += nd[k] * beta * inv[k];
                dtopics[dlen++] = k;
            }
        }
        for (size_t i = c->start[d]; i < c->start[d + 1]; i++) {
            uint32_t w = c->words[i], k = p->z[i];
            uint32_t *nw = &p->nwk[(size_t)w * K];
            uint32_t *wlist = &p->wtopics[(size_t)w * K];
            /* Take the token out: every sum and list that holds topic k changes. */
            s_sum -= alpha[k] * beta * inv[k];
            r_sum -= nd[k] * beta * inv[k];
            nd[k]--;
            if (--nw[k] == 0)
                lda_list_remove(wlist, &p->wlen[w], k);
            if (nd[k] == 0)
                lda_list_remove(dtopics, &dlen, k);
            inv[k] = 1 / (--p->nk[k] + vbeta);
            s_sum += alpha[k] * beta * inv[k];
            r_sum += nd[k] * beta * inv[k];
            coef[k] = (alpha[k] + nd[k]) * inv[k];
            /* The word bucket. */
            double q_sum = 0;
            uint32_t wn = p->wlen[w];
            for (uint32_t j = 0; j < wn; j++) {
                uint32_t t = wlist[j];
                qw[j] = coef[t] * nw[t];
                q_sum += qw[j];
            }
            double u = lda_uniform(&p->rng) * (s_sum + r_sum + q_sum);
            uint32_t j = 0;
            if (u < q_sum) {
                while (j + 1 < wn && (u -= qw[j]) >= 0)
                    j++;
                k = wlist[j];
            } else if ((u -= q_sum) < r_sum && dlen) {
                while (j + 1 < dlen && (u -= nd[dtopics[j]] * beta * inv[dtopics[j]]) >= 0)
                    j++;
                k = dtopics[j];
            } else {
                u -= r_sum;
                k = 0;
                while (k + 1 < K && (u -= alpha[k] * beta * inv[k]) >= 0)
                    k++;
            }
            /* Put it back under topic k. */
            p->z[i] = k;
            s_sum -= alpha[k] * beta * inv[k];
            r_sum -= nd[k] * beta * inv[k];
            if (nd[k]++ == 0)
                dtopics[dlen++] = k;
            if (nw[k]++ == 0)
                wlist[p->wlen[w]++] = k;
            inv[k] = 1 / (++p->nk[k] + vbeta);
            s_sum += alpha[k] * beta * inv[k];
            r_sum += nd[k] * beta * inv[k];
            coef[k] = (alpha[k] + nd[k]) * inv[k];
        }
    }
    free(inv);
    free(coef);
    free(qw);
    free(dtopics);
    return NULL;
}

/* The digamma function: the recurrence up to 6, then the asymptotic series. */
static double lda_digamma(double x)
{
    double r = 0;
    while (x < 6) {
        r -= 1 / x;
        x += 1;
    }
    double f = 1 / (x * x);
    return r + log(x) - 0.5 / x - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252)));
}

/* Minka's fixed-point update of the topics' priors from the documents' topic counts. */
static void lda_optimize_alpha(const lda_corpus *c, const uint32_t *ndk, lda_model *m)
{
    uint32_t K = m->K;
    for (int round = 0; round < 5; round++) {
        double den = 0;
        for (size_t d = 0; d < c->ndocs; d++) {
            size_t len = c->start[d + 1] - c->start[d];
            if (len)
                den += lda_digamma(len + m->alpha_sum) - lda_digamma(m->alpha_sum);
        }
        if (den <= 0)
            return;
        double sum = 0;
        for (uint32_t k = 0; k < K; k++) {
            double num = 0;
            for (size_t d = 0; d < c->ndocs; d++)
                if (ndk[d * K + k])
                    num += lda_digamma(ndk[d * K + k] + m->alpha[k]) - lda_digamma(m->alpha[k]);
            m->alpha[k] = fmax(1e-5, m->alpha[k] * num / den);
            sum += m->alpha[k];
        }
        m->alpha_sum = sum;
    }
}

void lda_train(const lda_corpus *c, lda_model *m, uint32_t K, double alpha, double beta, int iterations,
               uint64_t seed, int threads, int optimize, double *theta, lda_progress progress, void *arg)
{
    memset(m, 0, sizeof *m);
    m->K = K;
    m->V = c->nwords;
    m->alpha = lda_alloc(K * sizeof *m->alpha);
    for (uint32_t k = 0; k < K; k++)
        m->alpha[k] = alpha;
    m->alpha_sum = alpha * K;
    m->beta = beta;
    size_t cells = (size_t)m->V * K;
    m->nwk = lda_alloc(cells * sizeof *m->nwk);
    m->nk = lda_alloc(K * sizeof *m->nk);
    uint32_t *z = lda_alloc(c->ntokens * sizeof *z);
    uint32_t *ndk = lda_alloc(c->ndocs * K * sizeof *ndk);
    uint64_t rng = seed;
    for (size_t d = 0; d < c->ndocs; d++) { /* a random start */
        for (size_t i = c->start[d]; i < c->start[d + 1]; i++) {
            uint32_t k = (uint32_t)(lda_next(&rng) % K);
            z[i] = k;
            ndk[d * K + k]++;
            m->nwk[(size_t)c->words[i] * K + k]++;
            m->nk[k]++;
        }
    }
    /* Approximate distributed LDA (Newman et al., 2009): each thread samples its share of the
     * documents against its own copy of the counts, and the copies' changes are summed after
     * every sweep. A fixed split and one RNG per thread keep it repeatable for a given seed and
     * thread count; one thread is exact collapsed Gibbs sampling. */
    if (threads < 1)
        threads = 1;
    if ((size_t)threads > c->ndocs)
        threads = c->ndocs ? (int)c->ndocs : 1;
    lda_part *parts = lda_alloc((size_t)threads * sizeof *parts);
    pthread_t *tids = lda_alloc((size_t)threads * sizeof *tids);
    size_t next = 0;
    for (int t = 0; t < threads; t++) {
        lda_part *p = &parts[t];
        /* Equal shares of the tokens, not of the documents: their lengths vary a lot. */
        size_t d0 = next, goal = c->ntokens * (size_t)(t + 1) / (size_t)threads;
        while (next < c->ndocs && (t == threads - 1 || c->start[next + 1] <= goal))
            next++;
        *p = (lda_part){c, d0, next, K, m->V, m->alpha, beta, z, ndk, NULL, NULL,
                        rng ^ (0x9e3779b97f4a7c15ull * (uint64_t)(t + 1)), NULL, NULL};
        p->wtopics = lda_alloc(cells * sizeof *p->wtopics);
        p->wlen = lda_alloc((size_t)m->V * sizeof *p->wlen);
        p->nwk = threads > 1 ? lda_alloc(cells * sizeof *p->nwk) : m->nwk;
        p->nk = threads > 1 ? lda_alloc(K * sizeof *p->nk) : m->nk;
    }
    for (int it = 1; it <= iterations; it++) {
        for (int t = 0; t < threads && threads > 1; t++) {
            memcpy(parts[t].nwk, m->nwk, cells * sizeof *m->nwk);
            memcpy(parts[t].nk, m->nk, K * sizeof *m->nk);
        }
        int started = 0;
        for (int t = 1; t < threads; t++, started++)
            if (pthread_create(&tids[t], NULL, lda_sweep, &parts[t]) != 0)
                break;
        lda_sweep(&parts[0]);
        for (int t = started + 1; t < threads; t++) /* threads that would not start: sampled here */
            lda_sweep(&parts[t]);
        for (int t = 1; t <= started; t++)
            pthread_join(tids[t], NULL);
        for (int t = 0; t < threads && threads > 1; t++) { /* global += local - global, per copy */
            for (size_t x = 0; x < cells; x++)
                parts[t].nwk[x] -= m->nwk[x];
            for (uint32_t k = 0; k < K; k++)
                parts[t].nk[k] -= m->nk[k];
        }
        for (int t = 0; t < threads && threads > 1; t++) {
            for (size_t x = 0; x < cells; x++)
                m->nwk[x] += parts[t].nwk[x];
            for (uint32_t k = 0; k < K; k++)
                m->nk[k] += parts[t].nk[k];
        }
        if (optimize && it >= 50 && it % 10 == 0)
            lda_optimize_alpha(c, ndk, m);
        if (progress && (it % 10 == 0 || it == iterations))
            progress(arg, it, lda_loglik(c, m, ndk));
    }
    for (int t = 0; t < threads; t++) {
        free(parts[t].wtopics);
        free(parts[t].wlen);
        if (threads > 1) {
            free(parts[t].nwk);
            free(parts[t].nk);
        }
    }
    free(parts);
    free(tids);
    for (size_t d = 0; theta && d < c->ndocs; d++) {
        size_t len = c->start[d + 1] - c->start[d];
        for (uint32_t k = 0; k < K; k++)
            theta[d * K + k] = (ndk[d * K + k] + m->alpha[k]) / (len + m->alpha_sum);
    }
    free(z);
    free(ndk);
}

void lda_infer(const lda_model *m, const uint32_t *words, size_t n, int iterations, uint64_t seed,
               double *theta)
{
    uint32_t K = m->K;
    double vbeta = m->V * m->beta;
    uint32_t *z = lda_alloc(n * sizeof *z), *nd = lda_alloc(K * sizeof *nd);
    double *cum = lda_alloc(K * sizeof *cum), *sum = lda_alloc(K * sizeof *sum);
    uint64_t rng = seed;
    for (size_t i = 0; i < n; i++) {
        z[i] = (uint32_t)(lda_next(&rng) % K);
        nd[z[i]]++;
    }
    int kept = 0;
    for (int it = 1; it <= iterations; it++) {
        for (size_t i = 0; i < n; i++) {
            const uint32_t *nw = &m->nwk[(size_t)words[i] * K];
            nd[z[i]]--;
            double total = 0;
            for (uint32_t t = 0; t < K; t++) {
                total += (nd[t] + m->alpha[t]) * (nw[t] + m->beta) / (m->nk[t] + vbeta);
                cum[t] = total;
            }
            z[i] = lda_draw(cum, K, &rng);
            nd[z[i]]++;
        }
        if (it > iterations / 2) { /* average the second half: less noise than one sample */
            for (uint32_t k = 0; k < K; k++)
                sum[k] += (nd[k] + m->alpha[k]) / (n + m->alpha_sum);
            kept++;
        }
    }
    for (uint32_t k = 0; k < K; k++)
        theta[k] = kept ? sum[k] / kept : 1.0 / K;
    free(z);
    free(nd);
    free(cum);
    free(sum);
}

void lda_top_words(const lda_model *m, uint32_t n, uint32_t *top)
{
    uint32_t K = m->K;
    for (uint32_t k = 0; k < K; k++) {
        uint32_t *t = &top[(size_t)k * n];
        uint32_t have = 0;
        for (uint32_t w = 0; w < m->V; w++) { /* insertion into a short sorted list */
            uint32_t c = m->nwk[(size_t)w * K + k];
            if (!c || (have == n && c <= m->nwk[(size_t)t[n - 1] * K + k]))
                continue; /* a word the topic never drew is none of its top words */
            uint32_t at = have < n ? have++ : n - 1;
            while (at > 0 && m->nwk[(size_t)t[at - 1] * K + k] < c) {
                t[at] = t[at - 1];
                at--;
            }
            t[at] = w;
        }
        for (uint32_t i = have; i < n; i++)
            t[i] = UINT32_MAX;
    }
}

void lda_coherence(const lda_corpus *c, const uint32_t *top, uint32_t K, uint32_t n, double *npmi,
                   double *umass)
{
    /* Document counts of each top word and of each pair within a topic, in one pass: a word's
     * slots (topic, rank) found through a table indexed by word id. */
    size_t slots = (size_t)K * n;
    uint32_t *df = lda_alloc(slots * sizeof *df), *co = lda_alloc(slots * n * sizeof *co);
    int32_t *first_slot = lda_alloc((size_t)c->nwords * sizeof *first_slot);
    int32_t *next_slot = lda_alloc(slots * sizeof *next_slot);
    for (uint32_t w = 0; w < c->nwords; w++)
        first_slot[w] = -1;
    for (size_t s = slots; s-- > 0;) {
        next_slot[s] = -1;
        if (top[s] == UINT32_MAX)
            continue;
        next_slot[s] = first_slot[top[s]];
        first_slot[top[s]] = (int32_t)s;
    }
    unsigned char *present = lda_alloc(slots);
    uint32_t *seen = lda_alloc(slots * sizeof *seen);
    for (size_t d = 0; d < c->ndocs; d++) {
        size_t nseen = 0;
        for (size_t i = c->start[d]; i < c->start[d + 1]; i++)
            for (int32_t s = first_slot[c->words[i]]; s >= 0; s = next_slot[s])
                if (!present[s]) {
                    present[s] = 1;
                    seen[nseen++] = (uint32_t)s;
                }
        for (size_t a = 0; a < nseen; a++) {
            uint32_t s = seen[a];
            df[s]++;
            size_t base = s / n * n; /* the topic's first slot */
            for (uint32_t r = 0; r < n; r++)
                if (present[base + r])
                    co[(size_t)s * n + r]++;
        }
        for (size_t a = 0; a < nseen; a++)
            present[seen[a]] = 0;
    }
    double docs = (double)c->ndocs;
    for (uint32_t k = 0; k < K; k++) {
        double sn = 0, su = 0;
        int pairs = 0;
        for (uint32_t i = 1; i < n; i++) {
            for (uint32_t j = 0; j < i; j++) {
                size_t si = (size_t)k * n + i, sj = (size_t)k * n + j;
                if (top[si] == UINT32_MAX || top[sj] == UINT32_MAX || !df[si] || !df[sj])
                    continue;
                double dij = co[si * n + j];
                /* UMass (Mimno et al., 2011): log (D(wi, wj) + 1) / D(wj), wj the better ranked. */
                su += log((dij + 1) / df[sj]);
                /* NPMI (Bouma, 2009), from document probabilities; -1 for words never together. */
                if (dij == 0) {
                    sn += -1;
                } else {
                    double pij = dij / docs, pi = df[si] / docs, pj = df[sj] / docs;
                    sn += pij < 1 ? log(pij / (pi * pj)) / -log(pij) : 1;
                }
                pairs++;
            }
        }
        npmi[k] = pairs ? sn / pairs : 0;
        umass[k] = pairs ? su / pairs : 0;
    }
    free(df);
    free(co);
    free(first_slot);
    free(next_slot);
    free(present);
    free(seen);
}
