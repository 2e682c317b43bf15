/* ldarun.c: the LDA method of the topics stage: vocabulary and documents from the observe pass,
 * training once, each document's topic proportions, the topics table, the model file. */
#include "ldarun.h"
#include "datafile.h"
#include "intern.h"
#include "lda.h"
#include "letters.h"
#include "tokenlists.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#define LDARUN_MAGIC "# quarry lda model 1"

typedef struct vocab_entry {
    uint64_t count;
    uint32_t df, last_doc1; /* documents it is in; the last one, plus 1 */
    uint32_t kept1;         /* its id in the model, plus 1; 0 if pruned */
} vocab_entry;

struct ldarun {
    uint32_t K, top_n;
    int iterations, infer_iterations, threads, optimize;
    uint64_t seed;
    double alpha, beta, max_df;
    uint32_t min_df;
    const char *field, *save_model;
    FILE *model_file; /* save-model's, taken at open; the core closes it */
    /* The observe pass: every word seen, every document, each record's id. */
    intern *vocab;    /* stem -> vocab_entry */
    intern *surfaces; /* stem, NUL, surface -> uint64_t count */
    intern *ids;      /* record id -> document index + 1, or UINT32_MAX if not unique */
    lda_corpus raw;   /* word ids in the vocab */
    /* The model: trained once, or loaded. */
    pthread_mutex_t lock;
    atomic_int ready;
    int loaded;
    lda_model model;
    intern *model_words;   /* stem -> model word id (a loaded model) */
    char **shown;          /* model word id -> its surface form */
    double *theta;         /* per training document, K proportions */
    unsigned char *wordless; /* per training document: 1 if it has no word of the vocabulary */
    uint32_t *top;         /* K x top_n */
    double *npmi, *umass;
    char **names;          /* "7: oil crude opec" */
    quarry_buf scratch; /* the observe pass's, which runs on one thread */
};

static void *ldarun_alloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p)
        abort();
    return p;
}

static uint64_t ldarun_hash(const char *s, size_t len)
{
    return intern_hash(s, len);
}

/* ---- The model file ---------------------------------------------------------------------- */

/* What ldarun_load reads before the words, and how many words it has read. */
typedef struct ldarun_loading {
    ldarun *r;
    uint32_t K;
    double *alpha, beta;
    size_t nwords, want_words, lines;
    size_t file_bytes; /* the model file's size (SIZE_MAX if not a regular file) */
} ldarun_loading;

/* Reads the head lines 2 to 5 ("topics K", "alpha ...", "beta B", "words V"); NULL, or what
 * is wrong with the line. */
static const char *ldarun_head_line(ldarun_loading *ld, char *line, size_t lineno)
{
    ldarun *r = ld->r;
    uint32_t K = ld->K;
    if (lineno == 2) {
        if (sscanf(line, "topics %" SCNu32, &ld->K) != 1 || ld->K < 2 || ld->K > 10000)
            return "expected 'topics K' (2 to 10000)";
        return NULL;
    }
    if (lineno == 3) {
        /* One prior a topic: equal, or learnt with optimize. */
        ld->alpha = ldarun_alloc(K * sizeof *ld->alpha);
        char *p = strncmp(line, "alpha ", 6) == 0 ? line + 6 : NULL;
        for (uint32_t k = 0; p && k < K; k++) {
            char *end;
            ld->alpha[k] = strtod(p, &end);
            p = end != p && ld->alpha[k] > 0 ? end : NULL;
        }
        while (p && *p == ' ')
            p++;
        return !p || *p ? "expected 'alpha' and one prior above 0 a topic" : NULL;
    }
    if (lineno == 4)
        return sscanf(line, "beta %lf", &ld->beta) != 1 || !(ld->beta > 0) ? "expected 'beta B' (above 0)" : NULL;
    if (sscanf(line, "words %zu", &ld->want_words) != 1 || ld->want_words > UINT32_MAX / K)
        return "expected 'words V'";
    /* The tables are sized by V before a word is read: a damaged V must not ask for gigabytes.
     * A word's line takes at least 2K + 2 bytes (a stem, two tabs, K counts, a line end). */
    if (ld->want_words > ld->file_bytes / (2 * (size_t)K + 2))
        return "'words V' is more words than the file can hold";
    r->model.K = K;
    r->model.V = (uint32_t)ld->want_words;
    r->model.alpha = ld->alpha;
    ld->alpha = NULL;
    for (uint32_t k = 0; k < K; k++)
        r->model.alpha_sum += r->model.alpha[k];
    r->model.beta = ld->beta;
    r->model.nwk = ldarun_alloc(ld->want_words * K * sizeof *r->model.nwk);
    r->model.nk = ldarun_alloc(K * sizeof *r->model.nk);
    r->shown = ldarun_alloc(ld->want_words * sizeof *r->shown);
    return NULL;
}

/* Reads a word's line ("STEM<TAB>SURFACE<TAB>COUNTS"); NULL, or what is wrong with it. */
static const char *ldarun_word_line(ldarun_loading *ld, char *line)
{
    ldarun *r = ld->r;
    uint32_t K = ld->K;
    size_t w = ld->nwords;
    char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
    if (w == ld->want_words)
        return "more words than 'words' says";
    if (!tab2)
        return "expected STEM<TAB>SURFACE<TAB>COUNTS";
    int added;
    uint32_t *id = intern_put(r->model_words, line, (size_t)(tab1 - line), NULL, &added);
    if (!added)
        return "a word given twice";
    *id = (uint32_t)w;
    r->shown[w] = strndup(tab1 + 1, (size_t)(tab2 - tab1 - 1));
    ld->nwords++;
    char *p = tab2 + 1;
    for (uint32_t k = 0; k < K; k++) {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(p, &end, 10);
        if (end == p || errno || v > UINT32_MAX)
            return "expected one count a topic";
        r->model.nwk[w * K + k] = (uint32_t)v;
        r->model.nk[k] += v;
        p = end;
    }
    while (*p == ' ')
        p++;
    return *p ? "more counts than topics" : NULL;
}

static const char *ldarun_line(void *data, char *line, size_t len, size_t lineno)
{
    (void)len;
    ldarun_loading *ld = data;
    ld->lines = lineno;
    if (lineno == 1)
        return strcmp(line, LDARUN_MAGIC) ? "not an LDA model (the first line should be '" LDARUN_MAGIC "')" : NULL;
    if (lineno <= 5)
        return ldarun_head_line(ld, line, lineno);
    return ldarun_word_line(ld, line);
}

static int ldarun_load(ldarun *r, quarry_ctx *ctx, const char *path)
{
    struct stat sb;
    ldarun_loading ld = {.r = r,
                         .file_bytes = stat(path, &sb) == 0 && S_ISREG(sb.st_mode) ? (size_t)sb.st_size : SIZE_MAX};
    r->model_words = intern_new(sizeof(uint32_t));
    quarry_buf err = {0};
    int status = datafile_each_line(path, "LDA model", ldarun_line, &ld, &err);
    if (!status && (ld.lines < 5 || ld.nwords != ld.want_words))
        status = datafile_fail(&err, path, ld.lines, "truncated: fewer words than 'words' says");
    free(ld.alpha);
    if (status) {
        int rc = quarry_fail(ctx, status, "%s", err.data);
        quarry_buf_free(&err);
        return rc;
    }
    quarry_buf_free(&err);
    if (!ld.want_words) {
        /* A run that found no word for a topic (too few documents yet) saved a model of none.
         * Inferring with it would give every night empty topics, and refusing it would stop
         * every night: it is a model still to be trained. */
        quarry_log(ctx, QUARRY_LOG_WARN,
                   "the model %s has no words (the run that saved it had no word for a topic): this run "
                   "trains it again", path);
        lda_model_free(&r->model);
        free(r->shown);
        r->shown = NULL;
        intern_free(r->model_words); /* training makes its own */
        r->model_words = NULL;
        return QUARRY_OK;
    }
    /* A run that infers keeps the model's topics: a pipeline changed to ask for more would
     * otherwise get the old number every night, and not know it. */
    if (quarry_param_is_set(ctx, "topics") && r->K != ld.K)
        quarry_log(ctx, QUARRY_LOG_WARN,
                   "topics = %" PRIu32 " is not used: the model %s has %" PRIu32 " topics, which a run that "
                   "infers with it keeps (to learn %" PRIu32 ", train a new one: run without 'model', or remove the "
                   "file where 'save-model' writes it)",
                   r->K, path, ld.K, r->K);
    r->loaded = 1;
    r->K = ld.K;
    return QUARRY_OK;
}

static int ldarun_save(const ldarun *r, FILE *f, const char *const *stems)
{
    const lda_model *m = &r->model;
    fprintf(f, "%s\ntopics %" PRIu32 "\nalpha", LDARUN_MAGIC, m->K);
    for (uint32_t k = 0; k < m->K; k++)
        fprintf(f, " %.17g", m->alpha[k]);
    fprintf(f, "\nbeta %.17g\nwords %" PRIu32 "\n", m->beta, m->V);
    for (uint32_t w = 0; w < m->V; w++) {
        fprintf(f, "%s\t%s\t", stems[w], r->shown[w]);
        for (uint32_t k = 0; k < m->K; k++)
            fprintf(f, k ? " %" PRIu32 : "%" PRIu32, m->nwk[(size_t)w * m->K + k]);
        fputc('\n', f);
    }
    return ferror(f) ? -1 : 0;
}

/* ---- Opening ------------------------------------------------------------------------------- */

ldarun *ldarun_open(quarry_ctx *ctx)
{
    ldarun *r = ldarun_alloc(sizeof *r);
    r->K = (uint32_t)quarry_param_int(ctx, "topics");
    r->iterations = (int)quarry_param_int(ctx, "iterations");
    r->infer_iterations = (int)quarry_param_int(ctx, "infer-iterations");
    r->threads = (int)quarry_param_int(ctx, "threads");
    r->optimize = quarry_param_bool(ctx, "optimize");
    r->seed = (uint64_t)quarry_param_int(ctx, "seed");
    r->alpha = quarry_param_float(ctx, "alpha");
    /* The default prior sums to 10, at most the flat prior (1 a topic). The most coherent prior
     * depends on the corpus and the vocabulary: by the mean NPMI of 20 topics
     * (bench/lda-priors.sh), Reuters with words in up to half the documents and Debian's man
     * pages favour a sum of 20, Reuters with words in up to a tenth favours MALLET's 5. A sum of
     * 10 gains on the first two (0.200 -> 0.208, 0.183 -> 0.204) and loses little on the third
     * (0.240 -> 0.237); a sum of 20 gains more on those two but loses 0.011 on the third.
     * Learning the priors (optimize) fits the data better but gives less coherent topics where
     * frequent words stay in, as Chang et al. (2009) found of likelihood and interpretability. */
    if (r->alpha <= 0)
        r->alpha = fmin(10.0 / r->K, 1.0);
    r->beta = quarry_param_float(ctx, "beta");
    r->min_df = (uint32_t)quarry_param_int(ctx, "min-df");
    r->max_df = quarry_param_float(ctx, "max-df");
    r->top_n = (uint32_t)quarry_param_int(ctx, "top-words");
    r->field = quarry_param_str(ctx, "field");
    r->save_model = quarry_param_str(ctx, "save-model");
    r->vocab = intern_new(sizeof(vocab_entry));
    r->surfaces = intern_new(sizeof(uint64_t));
    r->ids = intern_new(sizeof(uint32_t));
    pthread_mutex_init(&r->lock, NULL);
    if (r->save_model && !(r->model_file = datafile_save_open(ctx, "save-model", r->save_model))) {
        ldarun_close(r);
        return NULL;
    }
    const char *model = quarry_param_str(ctx, "model");
    if (datafile_model_first_run(ctx, model, r->save_model, "this run trains it"))
        model = NULL;
    if (model && ldarun_load(r, ctx, model) != QUARRY_OK) {
        ldarun_close(r);
        return NULL;
    }
    return r;
}

void ldarun_close(ldarun *r)
{
    if (!r)
        return;
    intern_free(r->vocab);
    intern_free(r->surfaces);
    intern_free(r->ids);
    intern_free(r->model_words);
    lda_corpus_free(&r->raw);
    for (uint32_t w = 0; r->shown && w < r->model.V; w++)
        free(r->shown[w]);
    for (uint32_t k = 0; r->names && k < r->K; k++)
        free(r->names[k]);
    free(r->shown);
    free(r->names);
    lda_model_free(&r->model);
    free(r->theta);
    free(r->wordless);
    free(r->top);
    free(r->npmi);
    free(r->umass);
    quarry_buf_free(&r->scratch);
    pthread_mutex_destroy(&r->lock);
    free(r);
}

int ldarun_needs_corpus(const ldarun *r)
{
    return !r->loaded;
}

/* Whether token I (of STEMS, with STOP flags) is a word worth a topic: not a stop word, with a
 * letter (no bare numbers). */
static int ldarun_wordlike(const quarry_strings *stems, const unsigned char *stop, size_t i)
{
    if (!stems->str[i] || stop[i])
        return 0;
    return letters_any(stems->str[i], stems->len[i]);
}

/* The stems of REC (else its tokens), its surface forms (else the same) and stop flags (a
 * malloc'd array, one a stem). -1 when it has no tokens. */
static int ldarun_read(const ldarun *r, const quarry_record *rec, quarry_strings *stems, quarry_strings *surface,
                       unsigned char **stop)
{
    if (quarry_get_strings(rec, r->field, stems) < 0 && quarry_get_strings(rec, "tokens", stems) < 0)
        return -1;
    if (quarry_get_strings(rec, "surface", surface) < 0 || surface->n != stems->n)
        quarry_get_strings(rec, "tokens", surface);
    *stop = ldarun_alloc(stems->n ? stems->n : 1);
    tokenlists_flags(rec, "stop", *stop, stems->n);
    return 0;
}

int ldarun_observe(ldarun *r, quarry_ctx *ctx, const quarry_record *rec)
{
    (void)ctx;
    quarry_strings stems = {0}, surface = {0};
    unsigned char *stop;
    if (ldarun_read(r, rec, &stems, &surface, &stop) < 0) {
        quarry_strings_free(&stems);
        quarry_strings_free(&surface);
        return QUARRY_OK; /* no tokens: nothing to learn from */
    }
    uint32_t doc = (uint32_t)r->raw.ndocs;
    uint32_t *ids = ldarun_alloc(stems.n * sizeof *ids);
    size_t n = 0;
    for (size_t i = 0; i < stems.n; i++) {
        if (!ldarun_wordlike(&stems, stop, i))
            continue;
        uint32_t id;
        vocab_entry *v = intern_put(r->vocab, stems.str[i], stems.len[i], &id, NULL);
        v->count++;
        if (v->last_doc1 != doc + 1) {
            v->df++;
            v->last_doc1 = doc + 1;
        }
        ids[n++] = id;
        if (surface.n == stems.n && surface.str[i]) {
            r->scratch.len = 0;
            quarry_buf_append(&r->scratch, stems.str[i], stems.len[i]);
            quarry_buf_append(&r->scratch, "", 1);
            quarry_buf_append(&r->scratch, surface.str[i], surface.len[i]);
            (*(uint64_t *)intern_put(r->surfaces, r->scratch.data, r->scratch.len, NULL, NULL))++;
        }
    }
    lda_corpus_add(&r->raw, ids, n); /* a record with tokens is a document, even with no words */
    size_t idlen;
    const char *id = quarry_get_string(rec, "id", &idlen);
    if (id) {
        int added;
        uint32_t *at = intern_put(r->ids, id, idlen, NULL, &added);
        *at = added ? doc + 1 : UINT32_MAX; /* an id seen twice identifies neither */
    }
    free(ids);
    free(stop);
    quarry_strings_free(&stems);
    quarry_strings_free(&surface);
    return QUARRY_OK;
}

/* ---- Training -------------------------------------------------------------------------------- */

static void ldarun_progress(void *arg, int iteration, double loglik)
{
    void **a = arg;
    quarry_log(a[0], QUARRY_LOG_INFO, "lda: iteration %d of %d, log-likelihood per token %.4f", iteration,
               *(int *)a[1], loglik);
}

/* Each kept word's most frequent surface form (ties: the smaller in bytes). */
static void ldarun_shown_forms(ldarun *r, const char **stems)
{
    uint64_t *best = ldarun_alloc(r->model.V * sizeof *best);
    r->shown = ldarun_alloc(r->model.V * sizeof *r->shown);
    for (uint32_t i = 0; i < intern_count(r->surfaces); i++) {
        size_t kl;
        const char *k = intern_key(r->surfaces, i, &kl);
        size_t sl = strlen(k);
        int64_t v = intern_find(r->vocab, k, sl);
        const vocab_entry *e = v >= 0 ? intern_value(r->vocab, (uint32_t)v) : NULL;
        if (!e || !e->kept1)
            continue;
        uint32_t w = e->kept1 - 1;
        uint64_t c = *(const uint64_t *)intern_value(r->surfaces, i);
        const char *form = k + sl + 1;
        if (c > best[w] || (c == best[w] && r->shown[w] && strcmp(form, r->shown[w]) < 0)) {
            free(r->shown[w]);
            r->shown[w] = strndup(form, kl - sl - 1);
            best[w] = c;
        }
    }
    for (uint32_t w = 0; w < r->model.V; w++)
        if (!r->shown[w])
            r->shown[w] = strdup(stems[w]);
    free(best);
}

/* Topic names from their top three words: "7: oil crude opec". */
static void ldarun_names(ldarun *r)
{
    r->names = ldarun_alloc(r->K * sizeof *r->names);
    for (uint32_t k = 0; k < r->K; k++) {
        quarry_buf b = {0};
        char num[16];
        int nl = snprintf(num, sizeof num, "%" PRIu32 ":", k + 1);
        quarry_buf_append(&b, num, (size_t)nl);
        for (uint32_t i = 0; i < 3 && i < r->top_n; i++) {
            uint32_t w = r->top[(size_t)k * r->top_n + i];
            if (w == UINT32_MAX)
                break;
            quarry_buf_append(&b, " ", 1);
            quarry_buf_append(&b, r->shown[w], strlen(r->shown[w]));
        }
        quarry_buf_append(&b, "", 1);
        r->names[k] = b.data;
    }
}

static void ldarun_train(ldarun *r, quarry_ctx *ctx)
{
    /* The vocabulary: words in at least min-df documents and at most max-df of them. */
    size_t nv = intern_count(r->vocab);
    const char **stems = ldarun_alloc(nv * sizeof *stems);
    uint32_t kept = 0;
    double cap = r->max_df * (double)r->raw.ndocs;
    for (uint32_t i = 0; i < nv; i++) {
        vocab_entry *e = intern_value(r->vocab, i);
        if (e->df >= r->min_df && e->df <= cap) {
            e->kept1 = ++kept;
            stems[kept - 1] = intern_key(r->vocab, i, NULL);
        }
    }
    /* Below 2 x min-df documents no word can pass both bounds with the defaults (5 and half):
     * every topic would be empty without a word of why. */
    if (!kept && r->raw.ndocs)
        quarry_log(ctx, QUARRY_LOG_WARN,
                   "lda: no word is in at least %" PRIu32 " documents (min-df) and at most %g%% of the %zu (max-df): "
                   "every topic is empty; lower min-df or raise max-df",
                   r->min_df, 100 * r->max_df, r->raw.ndocs);
    lda_corpus c = {0};
    c.nwords = kept;
    uint32_t *doc = ldarun_alloc((r->raw.ntokens ? r->raw.ntokens : 1) * sizeof *doc);
    r->wordless = ldarun_alloc(r->raw.ndocs);
    for (size_t d = 0; d < r->raw.ndocs; d++) {
        size_t n = 0;
        for (size_t i = r->raw.start[d]; i < r->raw.start[d + 1]; i++) {
            const vocab_entry *e = intern_value(r->vocab, r->raw.words[i]);
            if (e->kept1)
                doc[n++] = e->kept1 - 1;
        }
        lda_corpus_add(&c, doc, n);
        r->wordless[d] = n == 0;
    }
    free(doc);
    quarry_log(ctx, QUARRY_LOG_INFO, "lda: %zu documents, %" PRIu32 " words kept of %zu, %zu tokens, %" PRIu32
               " topics, %d iterations on %d threads", c.ndocs, kept, nv, c.ntokens, r->K, r->iterations,
               r->threads);
    r->theta = ldarun_alloc(c.ndocs * r->K * sizeof *r->theta);
    void *arg[2] = {ctx, &r->iterations};
    lda_train(&c, &r->model, r->K, r->alpha, r->beta, r->iterations, r->seed, r->threads, r->optimize,
              r->theta, ldarun_progress, arg);
    r->top = ldarun_alloc((size_t)r->K * r->top_n * sizeof *r->top);
    lda_top_words(&r->model, r->top_n, r->top);
    r->npmi = ldarun_alloc(r->K * sizeof *r->npmi);
    r->umass = ldarun_alloc(r->K * sizeof *r->umass);
    lda_coherence(&c, r->top, r->K, r->top_n, r->npmi, r->umass);
    ldarun_shown_forms(r, stems);
    /* The stems of the model's words, kept for saving it. */
    r->model_words = intern_new(sizeof(uint32_t));
    for (uint32_t w = 0; w < kept; w++)
        *(uint32_t *)intern_put(r->model_words, stems[w], strlen(stems[w]), NULL, NULL) = w;
    free(stems);
    lda_corpus_free(&c);
    lda_corpus_free(&r->raw); /* the corpus is no longer needed: only its words' ids */
}

/* Trains once, on the first process() of any worker; the others wait for it. */
static void ldarun_ready(ldarun *r, quarry_ctx *ctx)
{
    if (atomic_load(&r->ready))
        return;
    pthread_mutex_lock(&r->lock);
    if (!atomic_load(&r->ready)) {
        if (!r->loaded) {
            ldarun_train(r, ctx);
        } else {
            r->top = ldarun_alloc((size_t)r->K * r->top_n * sizeof *r->top);
            lda_top_words(&r->model, r->top_n, r->top);
        }
        ldarun_names(r);
        atomic_store(&r->ready, 1);
    }
    pthread_mutex_unlock(&r->lock);
}

/* ---- Documents ------------------------------------------------------------------------------- */

int ldarun_process(ldarun *r, quarry_ctx *ctx, quarry_record *rec)
{
    ldarun_ready(r, ctx);
    uint32_t K = r->K;
    double *theta = ldarun_alloc(K * sizeof *theta);
    size_t idlen = 0;
    const char *id = quarry_get_string(rec, "id", &idlen);
    int64_t at = !r->loaded && id ? intern_find(r->ids, id, idlen) : -1;
    uint32_t doc = at >= 0 ? *(const uint32_t *)intern_value(r->ids, (uint32_t)at) : UINT32_MAX;
    quarry_strings stems = {0}, surface = {0};
    unsigned char *stop;
    int wordless; /* the proportions are the prior's alone: even, and no sign of any topic */
    if (doc != UINT32_MAX) {
        memcpy(theta, &r->theta[(size_t)(doc - 1) * K], K * sizeof *theta);
        wordless = r->wordless[doc - 1];
    } else if (ldarun_read(r, rec, &stems, &surface, &stop) == 0) {
        /* Not a training document (a loaded model, or an id not unique): infer, seeded by the
         * document itself so that the result does not depend on the order or the workers. */
        uint32_t *words = ldarun_alloc(stems.n * sizeof *words);
        size_t n = 0;
        uint64_t seed = r->seed;
        for (size_t i = 0; i < stems.n; i++) {
            if (!ldarun_wordlike(&stems, stop, i))
                continue;
            int64_t w = intern_find(r->model_words, stems.str[i], stems.len[i]);
            if (w >= 0) {
                words[n++] = (uint32_t)w;
                seed = seed * 0x100000001b3ull ^ ldarun_hash(stems.str[i], stems.len[i]);
            }
        }
        lda_infer(&r->model, words, n, r->infer_iterations, seed, theta);
        wordless = n == 0;
        free(words);
        free(stop);
    } else {
        free(theta);
        return QUARRY_OK; /* no tokens: no topics */
    }
    quarry_strings_free(&stems);
    quarry_strings_free(&surface);
    quarry_list *props = quarry_set_list(rec, "topic-proportions");
    for (uint32_t k = 0; k < K; k++)
        quarry_list_add_float(props, theta[k]);
    quarry_list *main = quarry_set_list(rec, "topics"); /* those above a tenth, largest first */
    for (; !wordless;) {
        uint32_t best = K;
        for (uint32_t k = 0; k < K; k++)
            if (theta[k] >= 0.1 && (best == K || theta[k] > theta[best]))
                best = k;
        if (best == K)
            break;
        quarry_list_add_pair(main, r->names[best], strlen(r->names[best]), theta[best]);
        theta[best] = -1;
    }
    free(theta);
    return QUARRY_OK;
}

int ldarun_finish(ldarun *r, quarry_ctx *ctx)
{
    ldarun_ready(r, ctx); /* a run with no documents still trains (on nothing) and names */
    if (r->model_file) {
        FILE *f = r->model_file;
        const char **stems = ldarun_alloc(r->model.V * sizeof *stems);
        for (uint32_t i = 0; i < intern_count(r->model_words); i++)
            stems[*(const uint32_t *)intern_value(r->model_words, i)] = intern_key(r->model_words, i, NULL);
        int rc = ldarun_save(r, f, stems);
        free(stems);
        if (rc < 0)
            return quarry_fail(ctx, EX_IOERR, "cannot write the LDA model %s", r->save_model);
    }
    double mean_npmi = 0, mean_umass = 0;
    quarry_record *row = quarry_record_new();
    uint64_t total = 0;
    for (uint32_t k = 0; k < r->K; k++)
        total += r->model.nk[k];
    for (uint32_t k = 0; k < r->K; k++) {
        quarry_buf words = {0};
        for (uint32_t i = 0; i < r->top_n; i++) {
            uint32_t w = r->top[(size_t)k * r->top_n + i];
            if (w == UINT32_MAX)
                break;
            if (i)
                quarry_buf_append(&words, " ", 1);
            quarry_buf_append(&words, r->shown[w], strlen(r->shown[w]));
        }
        quarry_record_clear(row);
        quarry_set_string(row, "_table", LDARUN_TABLE, strlen(LDARUN_TABLE));
        quarry_set_int(row, "topic", k + 1);
        quarry_set_string(row, "words", words.data ? words.data : "", words.len);
        quarry_set_float(row, "share", total ? (double)r->model.nk[k] / (double)total : 0);
        if (r->npmi) {
            quarry_set_float(row, "npmi", r->npmi[k]);
            quarry_set_float(row, "umass", r->umass[k]);
            mean_npmi += r->npmi[k] / r->K;
            mean_umass += r->umass[k] / r->K;
        }
        quarry_emit(ctx, row);
        quarry_buf_free(&words);
    }
    quarry_record_free(row);
    if (r->npmi)
        quarry_log(ctx, QUARRY_LOG_INFO, "lda: mean coherence of the %" PRIu32 " topics: NPMI %.4f, UMass %.4f",
                   r->K, mean_npmi, mean_umass);
    return QUARRY_OK;
}
