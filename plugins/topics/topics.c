/* topics.c: the topics stage: each document scored against a topic lexicon (BM25-like, so one
 * repeated word does not win), with every topic's score, labels and the matched terms. */
#include <quarry.h>

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "facts.h"
#include "ldarun.h"
#include "lexicon.h"
#include "missing.h"
#include "snowball.h"
#include "tablerows.h"
#include "tokenlists.h"

static const char *const topics_methods[] = {"lexicon", "lda", NULL};
static const char *const topics_lda_tables[] = {LDARUN_TABLE, NULL};

static const quarry_param topics_params[] = {
    {"method", QUARRY_PARAM_ENUM, "lexicon",
     "lexicon: score documents against a topic file; lda: learn topics from the corpus (or a model)", 0, 0, 0,
     topics_methods},
    {"lexicon", QUARRY_PARAM_PATH, NULL,
     "the topic file: [topic] lines, then a term or phrase a line, 'term = weight', 'prefix*'", 0, 0, 0, NULL},
    {"language", QUARRY_PARAM_STRING, "english",
     "the Snowball language that stems the file's words, as the stem stage did the text's ('none': as written)",
     0, 0, 0, NULL},
    {"field", QUARRY_PARAM_STRING, "stems", "the list of stems to match (else the tokens)", 0, 0, 0, NULL},
    {"k1", QUARRY_PARAM_FLOAT, "1.2", "BM25's saturation: how fast repeats stop counting", 0, 0, 100, NULL},
    {"b", QUARRY_PARAM_FLOAT, "0.75", "BM25's length normalization, 0 (none) to 1 (full)", 0, 0, 1, NULL},
    {"avg-length", QUARRY_PARAM_FLOAT, "300", "the typical document length, in tokens", 0, 1, 1e9, NULL},
    {"threshold", QUARRY_PARAM_FLOAT, "3", "lexicon: the score a topic needs to become a label", 0, 0, 1e9,
     NULL},
    {"relative", QUARRY_PARAM_FLOAT, "0.35",
     "and the share of the document's best score it needs (0: none), so a passing mention is no label", 0, 0,
     1, NULL},
    {"topics", QUARRY_PARAM_INT, "20", "lda: the number of topics", 0, 2, 10000, NULL},
    {"iterations", QUARRY_PARAM_INT, "200", "lda: Gibbs sampling sweeps over the corpus", 0, 1, 100000, NULL},
    {"seed", QUARRY_PARAM_INT, "1", "lda: the random seed (the same seed, the same topics)", 0, 0, (double)INT64_MAX,
     NULL},
    {"alpha", QUARRY_PARAM_FLOAT, "0", "lda: the documents' topic prior (0: 10 / topics, at most 1)", 0, 0, 1e6,
     NULL},
    {"beta", QUARRY_PARAM_FLOAT, "0.01", "lda: the topics' word prior", 0, 1e-9, 1e6, NULL},
    {"min-df", QUARRY_PARAM_INT, "5", "lda: words in fewer documents are left out", 0, 1, (double)INT64_MAX, NULL},
    {"max-df", QUARRY_PARAM_FLOAT, "0.5", "lda: words in a larger share of the documents are left out", 0, 0,
     1, NULL},
    {"top-words", QUARRY_PARAM_INT, "10", "lda: words shown for each topic (and scored for coherence)", 0, 2,
     100, NULL},
    {"optimize", QUARRY_PARAM_BOOL, "false",
     "lda: learn each topic's prior from the documents (Minka): a likelier model, less coherent topics", 0, 0,
     0, NULL},
    {"threads", QUARRY_PARAM_INT, "2",
     "lda: training threads (the same seed and thread count, the same topics)", 0, 1, 256, NULL},
    {"infer-iterations", QUARRY_PARAM_INT, "50", "lda: sweeps over a new document with the topics fixed", 0, 2,
     100000, NULL},
    {"model", QUARRY_PARAM_PATH, NULL, "lda: a model saved by an earlier run: infer, do not train", 0, 0, 0,
     NULL},
    {"save-model", QUARRY_PARAM_STRING, NULL, "lda: a file name in the output folder for the trained model", 0, 0,
     0, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};

typedef struct topics_state {
    ldarun *lda; /* method = lda; else the lexicon */
    lexicon lx;
    const char *field;
    double k1, b, avgdl, threshold, relative;
    missing without_tokens; /* documents without a token list, passed on without topics */
} topics_state;

typedef struct topics_worker {
    quarry_strings stems, tokens;
    unsigned char *starts;
    uint32_t *counts;
    double *scores;
    size_t cap;
    quarry_buf text;
} topics_worker;

static void topics_close(void *state)
{
    topics_state *st = state;
    if (!st)
        return;
    lexicon_free(&st->lx);
    ldarun_close(st->lda);
    free(st);
}

static int topics_open(quarry_ctx *ctx, void **state)
{
    if (!strcmp(quarry_param_str(ctx, "method"), "lda")) {
        topics_state *st = calloc(1, sizeof *st);
        if (!st)
            return quarry_error(ctx, "out of memory");
        if (!(st->lda = ldarun_open(ctx))) {
            free(st);
            return QUARRY_ERROR; /* ldarun_open said why */
        }
        st->field = quarry_param_str(ctx, "field");
        if (!ldarun_needs_corpus(st->lda))
            quarry_skip_observe(ctx);
        *state = st;
        return QUARRY_OK;
    }
    quarry_skip_observe(ctx); /* a lexicon needs no pass over the corpus */
    const char *path = quarry_param_str(ctx, "lexicon");
    if (!path)
        return quarry_fail(ctx, EX_USAGE, "method = lexicon needs a topic file: lexicon = FILE "
                                          "(pipelines/news.topics is one)");
    const char *language = quarry_param_str(ctx, "language");
    if (strcmp(language, "none") != 0) {
        struct sb_stemmer *probe = sb_stemmer_new(language, "UTF_8");
        if (!probe)
            return snowball_unknown_language(ctx, language);
        sb_stemmer_delete(probe);
        facts_library(ctx, (const void *)sb_stemmer_new); /* Snowball's rules: the lexicon's stems */
    }
    topics_state *st = calloc(1, sizeof *st);
    if (!st)
        return quarry_error(ctx, "out of memory");
    quarry_buf err = {0};
    int status = lexicon_load(&st->lx, path, strcmp(language, "none") ? language : NULL, &err);
    if (status) {
        int rc = quarry_fail(ctx, status, "%s", err.data);
        quarry_buf_free(&err);
        free(st);
        return rc;
    }
    st->field = quarry_param_str(ctx, "field");
    st->k1 = quarry_param_float(ctx, "k1");
    st->b = quarry_param_float(ctx, "b");
    st->avgdl = quarry_param_float(ctx, "avg-length");
    st->threshold = quarry_param_float(ctx, "threshold");
    st->relative = quarry_param_float(ctx, "relative");
    *state = st;
    return QUARRY_OK;
}

static int topics_observe(void *state, quarry_ctx *ctx, const quarry_record *rec)
{
    topics_state *st = state;
    return st->lda && !tablerows_is_row(rec) ? ldarun_observe(st->lda, ctx, rec) : QUARRY_OK;
}

static int topics_finish(void *state, quarry_ctx *ctx)
{
    topics_state *st = state;
    missing_warn(&st->without_tokens, ctx, "they have no topics (put tokenize and stem before topics)",
                 "'%s'%s list", st->field, strcmp(st->field, "tokens") ? " or 'tokens'" : "");
    return st->lda ? ldarun_finish(st->lda, ctx) : QUARRY_OK;
}

static int topics_worker_open(void *state, void **local)
{
    topics_state *st = state;
    topics_worker *w = calloc(1, sizeof *w);
    if (!w)
        return QUARRY_ERROR;
    w->counts = calloc(st->lx.nterms ? st->lx.nterms : 1, sizeof *w->counts);
    w->scores = calloc(st->lx.ntopics ? st->lx.ntopics : 1, sizeof *w->scores);
    if (!w->counts || !w->scores) {
        free(w->counts);
        free(w->scores);
        free(w);
        return QUARRY_ERROR;
    }
    *local = w;
    return QUARRY_OK;
}

static void topics_worker_close(void *state, void *local)
{
    (void)state;
    topics_worker *w = local;
    if (!w)
        return;
    quarry_strings_free(&w->stems);
    quarry_strings_free(&w->tokens);
    quarry_buf_free(&w->text);
    free(w->starts);
    free(w->counts);
    free(w->scores);
    free(w);
}

/* Reads REC's stems, tokens and sentence starts into W. -1 when it has no token list. */
static int topics_read(const topics_state *st, topics_worker *w, const quarry_record *rec)
{
    if (quarry_get_strings(rec, "tokens", &w->tokens) < 0)
        return -1;
    size_t n = w->tokens.n;
    if (quarry_get_strings(rec, st->field, &w->stems) < 0 || w->stems.n != n)
        quarry_get_strings(rec, "tokens", &w->stems);
    if (n + 1 > w->cap) {
        w->cap = n + 1;
        free(w->starts);
        if (!(w->starts = malloc(w->cap)))
            abort();
    }
    tokenlists_starts(rec, w->starts, n);
    return 0;
}

static int topics_process(void *state, quarry_ctx *ctx, quarry_record *rec)
{
    topics_state *st = state;
    if (tablerows_is_row(rec)) /* pass it on, unless it is a row of the table lda makes */
        return st->lda ? tablerows_check(ctx, rec, topics_lda_tables) : QUARRY_OK;
    int listed = missing_has(rec, "tokens") || missing_has(rec, st->field);
    missing_count(&st->without_tokens, listed);
    if (st->lda)
        return ldarun_process(st->lda, ctx, rec);
    topics_worker *w = quarry_local(ctx);
    if (topics_read(st, w, rec) < 0)
        return QUARRY_OK; /* no tokens: nothing to score */
    const lexicon *lx = &st->lx;
    lexicon_doc d = {w->stems.str, w->tokens.str, w->stems.len, w->tokens.len, w->starts, w->tokens.n};
    lexicon_count(lx, &d, w->counts);
    memset(w->scores, 0, lx->ntopics * sizeof *w->scores);
    for (size_t i = 0; i < lx->nterms; i++)
        w->scores[lx->terms[i].topic] +=
            lx->terms[i].weight * lexicon_saturate(w->counts[i], (double)d.n, st->avgdl, st->k1, st->b);
    /* The lists point into the lexicon, not the record: fields may be added freely. */
    quarry_list *scores = quarry_set_list(rec, "topics");
    for (size_t t = 0; t < lx->ntopics; t++)
        quarry_list_add_pair(scores, lx->topics[t], strlen(lx->topics[t]), w->scores[t]);
    quarry_list *labels = quarry_set_list(rec, "labels");
    double top = 0;
    for (size_t t = 0; t < lx->ntopics; t++)
        top = w->scores[t] > top ? w->scores[t] : top;
    double cut = st->threshold > st->relative * top ? st->threshold : st->relative * top;
    for (;;) { /* best first; ties in file order */
        size_t best = lx->ntopics;
        for (size_t t = 0; t < lx->ntopics; t++)
            if (w->scores[t] >= cut && (best == lx->ntopics || w->scores[t] > w->scores[best]))
                best = t;
        if (best == lx->ntopics)
            break;
        quarry_list_add_string(labels, lx->topics[best], strlen(lx->topics[best]));
        w->scores[best] = -1; /* taken */
    }
    quarry_list *evidence = quarry_set_list(rec, "evidence");
    for (size_t i = 0; i < lx->nterms; i++) {
        if (!w->counts[i])
            continue;
        w->text.len = 0;
        const char *topic = lx->topics[lx->terms[i].topic];
        quarry_buf_append(&w->text, topic, strlen(topic));
        quarry_buf_append(&w->text, ": ", 2);
        quarry_buf_append(&w->text, lx->terms[i].text, strlen(lx->terms[i].text));
        quarry_list_add_pair(evidence, w->text.data, w->text.len, w->counts[i]);
    }
    return QUARRY_OK;
}

QUARRY_STAGE(topics) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "topics",
    .version = "0.8.2",
    .summary = "topics of each document: learnt from the corpus (LDA) or scored against a lexicon (BM25-like), with labels",
    .params = topics_params,
    .flags = QUARRY_PER_RECORD | QUARRY_TWO_PASS | QUARRY_TABLES_LAST,
    .open = topics_open,
    .observe = topics_observe,
    .finish = topics_finish,
    .worker_open = topics_worker_open,
    .worker_close = topics_worker_close,
    .process = topics_process,
    .close = topics_close,
};
