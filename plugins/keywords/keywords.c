/* keywords.c: the keywords stage: each document's top keyphrases (TF-IDF, YAKE, RAKE or their
 * combination), shown in their most frequent surface form, and a corpus keywords table. */
#include <quarry.h>

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <utf8proc.h>

#include "candidates.h"
#include "classes.h"
#include "counted.h"
#include "datafile.h"
#include "docbound.h"
#include "facts.h"
#include "idioms.h"
#include "missing.h"
#include "model.h"
#include "pick.h"
#include "score.h"
#include "surface.h"
#include "table.h"
#include "tablerows.h"

static const char *const keywords_methods[] = {"combined", "tfidf", "yake", "rake", NULL};
static const char *const keywords_tables[] = {"keywords", NULL};

static const quarry_param keywords_params[] = {
    {"method", QUARRY_PARAM_ENUM, "combined",
     "combined (tfidf weighted by word length, position, phrase length and noun phrases), tfidf, yake or rake", 0, 0, 0,
     keywords_methods},
    {"top", QUARRY_PARAM_INT, "10", "keyphrases per document", 0, 1, 1000, NULL},
    {"max-words", QUARRY_PARAM_INT, "3", "the longest keyphrase, in words (a name may run two longer)", 0, 1,
     KW_MAX_WORDS, NULL},
    {"field", QUARRY_PARAM_STRING, "stems",
     "the list that identifies words (stems, so that forms of a word count as one; else the tokens)", 0, 0,
     0, NULL},
    {"output", QUARRY_PARAM_STRING, "keywords",
     "the field for the [phrase, score] pairs, best first (a short list ends with its names' words)", 0, 0, 0, NULL},
    {"noun-bonus", QUARRY_PARAM_FLOAT, "1.5",
     "combined: a word that makes a noun phrase by itself ('the company', 'of security') scores up to 1 + this "
     "times more, a longer phrase 1 + a third of it (0: no bonus)",
     0, 0, 100, NULL},
    {"merge-names", QUARRY_PARAM_BOOL, "true",
     "a name of 2+ capitalised words ('Katy Perry') replaces its words shown alone ('Katy', 'Perry')", 0, 0, 0,
     NULL},
    {"model", QUARRY_PARAM_PATH, NULL,
     "document frequencies, word casings and the counts that tell set phrases, quotes' sources and names' "
     "possessives, saved by an earlier run (save-model), added to this run's; a document it counted (the same id "
     "and words) is not counted again",
     0, 0, 0, NULL},
    {"background", QUARRY_PARAM_PATH, NULL,
     "document frequencies of a general corpus (a model saved by save-model), counted as background-weight "
     "documents beside this run's: a small corpus's phrases are weighed against general use, not only against "
     "each other",
     0, 0, 0, NULL},
    {"background-weight", QUARRY_PARAM_INT, "100", "how many documents the background counts as", 0, 1,
     1000000000, NULL},
    {"save-model", QUARRY_PARAM_STRING, NULL,
     "a file name in the output folder for the document frequencies, word casings and the counts that tell set "
     "phrases, quotes' sources and names' possessives so far (the model and this run), and the keys of the "
     "documents counted",
     0, 0, 0, NULL},
    {"max-terms", QUARRY_PARAM_INT, "5000000",
     "distinct phrases held in the document frequencies (and words in the casings and in the counts of set "
     "phrases and quotes' sources); past it the rarest are pruned, with a warning",
     0, 1000, 2000000000, NULL},
    {"max-doc-terms", QUARRY_PARAM_INT, "1000000",
     "distinct phrases held for one document; past it its rarest are pruned, with a warning", 0, 1000,
     2000000000, NULL},
    {"table", QUARRY_PARAM_INT, "1000",
     "rows of the corpus 'keywords' table: phrases by the documents whose top they are in (0: none)", 0, 0,
     1000000000, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};

typedef struct keywords_state {
    kw_method method;
    int top, max_words;
    int model_words; /* phrases up to this length are counted in every document of the model */
    int merge_names;
    double noun_bonus; /* kw_score's */
    uint64_t table, max_terms, max_doc_terms;
    uint64_t df_pruned, df_floor; /* phrases dropped from the document frequencies, and the floor */
    missing without_tokens;       /* documents without a token list, passed on without keyphrases */
    missing without_stop;         /* documents with tokens but no 'stop' list: no stop words */
    const char *field, *output, *save_model;
    FILE *model_file; /* save-model's, taken at open; the core closes it */
    /* what a saved model holds: the document frequencies (stem phrase -> uint32_t documents),
     * the casings (stem -> kw_casing), the counts of set phrases and sources of quotes (word ->
     * kw_idiom_count) and of names' possessives (stem -> uint32_t, kw_possessives_count), from
     * the observe pass and the model loaded, the documents counted (counted.h) and how many
     * they are */
    kw_model_tables model;
    const char *model_path;
    uint64_t counted_before; /* documents of this run the model loaded had counted */
    intern *background; /* stem phrase -> uint32_t documents of a general corpus, or NULL */
    uint64_t background_docs;
    double background_weight; /* the documents the background counts as */
    kw_tokens tokens; /* the observe pass's scratch */
    kw_classes *classes; /* the observe pass's token classes, for the process pass */
    atomic_size_t classes_taken; /* documents whose classes the process pass took from it */
    kw_doc doc;
    intern_batch batch; /* the observe pass's lookups */
    intern *corpus;   /* stem phrase -> kw_listed (table.h), merged from the workers */
    intern *surfaces; /* stem phrase, NUL, surface -> uint64_t count */
    kw_idioms_scratch idiom_scratch;
    uint64_t casings_pruned, idioms_pruned;
} keywords_state;

typedef struct keywords_worker {
    kw_tokens tokens;
    kw_doc doc;
    uint32_t *top;
    intern *corpus, *surfaces; /* as the state's, for this worker's documents */
    quarry_buf key, surface;
} keywords_worker;

static void keywords_close(void *state)
{
    keywords_state *st = state;
    if (!st)
        return;
    intern_free(st->model.df);
    intern_free(st->background);
    intern_free(st->corpus);
    intern_free(st->surfaces);
    intern_free(st->model.casings);
    intern_free(st->model.possessives);
    intern_free(st->model.idioms);
    intern_free(st->model.counted);
    free(st->idiom_scratch.flags);
    free(st->idiom_scratch.reporting);
    kw_tokens_free(&st->tokens);
    kw_classes_free(st->classes);
    kw_doc_free(&st->doc);
    intern_batch_free(&st->batch);
    free(st);
}

/* Loads the keywords model at PATH into the tables of T, its settings into INFO, checking that
 * its phrases are made of this run's field (OTHERWISE: what else to do, for the message). 0;
 * or -1 when the run failed, ST freed. */
static int keywords_load_model(quarry_ctx *ctx, keywords_state *st, const char *path, const char *otherwise,
                               kw_model_tables *t, kw_model_info *info)
{
    quarry_buf err = {0};
    int status = kw_model_load(path, t, info, &err);
    if (status) {
        quarry_fail(ctx, status, "%s", err.data);
        quarry_buf_free(&err);
        keywords_close(st);
        return -1;
    }
    /* Phrases of another list (tokens against stems) are never found: every phrase would look
     * new, and TF-IDF would be wrong without a sign. */
    if (info->version >= 2 && strcmp(info->field, st->field) != 0) {
        quarry_fail(ctx, EX_DATAERR, "%s: a model of phrases of '%s', and this run's are of '%s' (field = %s, or %s)",
                    path, info->field, st->field, info->field, otherwise);
        keywords_close(st);
        return -1;
    }
    return 0;
}

/* The background parameter's document frequencies, when it is set; its casings and counts of
 * set phrases and possessives are left out, as they tell how another corpus writes, and so are
 * its documents' keys: its documents are weighed apart from this run's, never in their place.
 * 0; or -1 when the run failed, ST freed. */
static int keywords_open_background(quarry_ctx *ctx, keywords_state *st)
{
    const char *path = quarry_param_str(ctx, "background");
    const char *why = NULL;
    if (!path && quarry_param_is_set(ctx, "background-weight"))
        why = "background-weight weighs a background: give background = too, or leave it out";
    else if (path && st->method != KW_TFIDF && st->method != KW_COMBINED)
        why = "background weighs document frequencies, which method = yake and rake do not use: leave it out, or "
              "use combined or tfidf";
    if (why) {
        quarry_fail(ctx, EX_USAGE, "%s", why);
        keywords_close(st);
        return -1;
    }
    if (!path)
        return 0;
    kw_model_tables t = {intern_new(sizeof(uint32_t)), intern_new(sizeof(kw_casing)),
                         intern_new(sizeof(kw_idiom_count)), intern_new(sizeof(uint32_t)), NULL, 0};
    st->background = t.df;
    kw_model_info info;
    int rc = keywords_load_model(ctx, st, path, "a background of the same phrases", &t, &info);
    intern_free(t.casings);
    intern_free(t.idioms);
    intern_free(t.possessives);
    if (rc != 0)
        return -1;
    st->background_docs = t.docs;
    if (!st->background_docs) {
        quarry_fail(ctx, EX_DATAERR, "%s: a background of no documents says nothing of general use", path);
        keywords_close(st);
        return -1;
    }
    st->background_weight = (double)quarry_param_int(ctx, "background-weight");
    return 0;
}

/* The most bytes of token classes the observe pass keeps for the process pass (classes.h): two
 * a token, so the classes of some 30 million tokens, 200 MB of news text. Past it, the process
 * pass classifies the later documents' tokens again, as it would without the store. */
#define KEYWORDS_CLASSES_BUDGET ((size_t)64 << 20)

static int keywords_open(quarry_ctx *ctx, void **state)
{
    keywords_state *st = calloc(1, sizeof *st);
    if (!st)
        return quarry_error(ctx, "out of memory");
    facts_library(ctx, (const void *)utf8proc_version); /* its Unicode: the case of words */
    const char *method = quarry_param_str(ctx, "method");
    for (int i = 0; keywords_methods[i]; i++)
        if (!strcmp(method, keywords_methods[i]))
            st->method = (kw_method)i;
    st->top = (int)quarry_param_int(ctx, "top");
    st->max_words = st->model_words = (int)quarry_param_int(ctx, "max-words");
    st->table = (uint64_t)quarry_param_int(ctx, "table");
    if (st->table) /* a run with no phrase in any list makes it empty, not missing */
        quarry_makes_table(ctx, keywords_tables[0], kw_table_columns, KW_TABLE_COLUMNS);
    st->merge_names = quarry_param_bool(ctx, "merge-names");
    st->noun_bonus = quarry_param_float(ctx, "noun-bonus");
    if (st->method != KW_COMBINED && quarry_param_is_set(ctx, "noun-bonus")) {
        free(st); /* nothing else is held yet */
        return quarry_fail(ctx, EX_USAGE, "noun-bonus weights method = combined, not %s: leave it out, or use combined",
                           method);
    }
    st->field = quarry_param_str(ctx, "field");
    st->output = quarry_param_str(ctx, "output");
    /* What kw_tokens_read, kw_counted_key and missing_count_stop read of a document: a field
     * missing here would be left out by a stage before that nothing else reads it for. */
    static const char *const read_fields[] = {"tokens", "surface", "stop", "sentences", "clauses", "codes", "id"};
    quarry_reads_field(ctx, st->field);
    for (size_t i = 0; i < sizeof read_fields / sizeof *read_fields; i++)
        quarry_reads_field(ctx, read_fields[i]);
    st->save_model = quarry_param_str(ctx, "save-model");
    st->max_terms = (uint64_t)quarry_param_int(ctx, "max-terms");
    st->max_doc_terms = (uint64_t)quarry_param_int(ctx, "max-doc-terms");
    st->doc.max_cands = (size_t)st->max_doc_terms;
    st->model.df = intern_new(sizeof(uint32_t));
    st->corpus = intern_new(sizeof(kw_listed));
    st->surfaces = intern_new(sizeof(uint64_t));
    st->model.casings = intern_new(sizeof(kw_casing));
    st->model.possessives = intern_new(sizeof(uint32_t));
    st->model.idioms = intern_new(sizeof(kw_idiom_count));
    st->model.counted = kw_counted_new();
    st->classes = kw_classes_new(KEYWORDS_CLASSES_BUDGET);
    /* A failed open owns nothing: the state is freed here, not by the core. */
    if (st->save_model && !(st->model_file = datafile_save_open(ctx, "save-model", st->save_model))) {
        keywords_close(st);
        return QUARRY_ERROR;
    }
    const char *model = st->model_path = quarry_param_str(ctx, "model");
    if (datafile_model_first_run(ctx, model, st->save_model, "this run starts it"))
        model = NULL;
    if (model) {
        kw_model_info info;
        if (keywords_load_model(ctx, st, model, "a new model without model =", &st->model, &info) != 0)
            return QUARRY_ERROR;
        /* Longer phrases than the model holds are counted only in the documents it has not: worth a
         * word, not a stop. */
        if (info.version >= 2 && info.max_words < st->max_words) {
            st->model_words = info.max_words;
            quarry_log(ctx, QUARRY_LOG_WARN,
                       "%s holds phrases of up to %d words, and max-words is %d: the longer phrases' "
                       "document frequencies count only this run's documents that the model has not counted",
                       model, info.max_words, st->max_words);
        }
    }
    if (keywords_open_background(ctx, st) != 0)
        return QUARRY_ERROR;
    *state = st;
    /* Document frequencies are needed for TF-IDF (alone or combined) and for a saved model. */
    if (st->method != KW_TFIDF && st->method != KW_COMBINED && !st->save_model)
        quarry_skip_observe(ctx);
    return QUARRY_OK;
}

static uint64_t keywords_df_count(const void *value)
{
    return *(const uint32_t *)value;
}

/* The observe pass: every document's distinct candidates count once towards their frequency. */
static int keywords_observe(void *state, quarry_ctx *ctx, const quarry_record *rec)
{
    (void)ctx;
    keywords_state *st = state;
    if (tablerows_is_row(rec) || kw_tokens_read(&st->tokens, rec, st->field) < 0)
        return QUARRY_OK; /* a row, or no tokens: no document to count */
    uint64_t key = kw_counted_key(rec, &st->tokens);
    kw_classes_keep(st->classes, kw_classes_key(key, &st->tokens), &st->tokens);
    /* A document the model counted already (the same id and words) is in its counts: a night
     * run again, or over a folder that keeps the nights before, counts it once. */
    if (!kw_counted_add(st->model.counted, key)) {
        st->counted_before++;
        return QUARRY_OK;
    }
    kw_doc_build(&st->doc, &st->tokens, st->max_words, KW_BUILD_KEYS | KW_BUILD_CASE);
    st->casings_pruned += kw_casing_add(st->model.casings, st->doc.words, st->doc.casing, st->max_terms, &st->batch);
    st->casings_pruned += kw_possessives_count(st->model.possessives, &st->doc, &st->tokens, st->max_terms);
    st->idioms_pruned += kw_idioms_count(st->model.idioms, &st->tokens, st->max_terms, &st->batch, &st->idiom_scratch);
    size_t n = intern_count(st->doc.cands);
    intern_batch *b = &st->batch;
    intern_batch_reserve(b, n);
    for (uint32_t i = 0; i < n; i++)
        b->keys[i] = intern_key(st->doc.cands, i, &b->lens[i]);
    intern_put_many(st->model.df, n, b->keys, b->lens, b->values, b->added); /* a big table */
    for (size_t i = 0; i < n; i++) {
        uint32_t *c = b->values[i];
        if (*c < UINT32_MAX)
            (*c)++;
    }
    st->model.docs++;
    kw_doc_trim(&st->doc);
    /* Observing runs on one thread in input order: the same phrases are pruned on every run. */
    if (intern_count(st->model.df) > st->max_terms)
        st->df_pruned += intern_prune(st->model.df, st->max_terms / 2, keywords_df_count, &st->df_floor);
    return QUARRY_OK;
}

static int keywords_worker_open(void *state, void **local)
{
    keywords_state *st = state;
    keywords_worker *w = calloc(1, sizeof *w);
    if (!w || !(w->top = malloc((size_t)st->top * sizeof *w->top))) {
        free(w);
        return QUARRY_ERROR;
    }
    w->corpus = intern_new(sizeof(kw_listed));
    w->surfaces = intern_new(sizeof(uint64_t));
    w->doc.max_cands = (size_t)st->max_doc_terms;
    *local = w;
    return QUARRY_OK;
}

/* Adds COUNT to the surface SURFACE of phrase KEY in SURFACES. */
static void keywords_count_surface(intern *surfaces, quarry_buf *scratch, const char *key, size_t len,
                                   const char *surface, size_t slen, uint64_t count)
{
    scratch->len = 0;
    quarry_buf_append(scratch, key, len);
    quarry_buf_append(scratch, "", 1);
    quarry_buf_append(scratch, surface, slen);
    *(uint64_t *)intern_put(surfaces, scratch->data, scratch->len, NULL, NULL) += count;
}

static void keywords_worker_close(void *state, void *local)
{
    keywords_state *st = state;
    keywords_worker *w = local;
    if (!w)
        return;
    /* Worker closes never run at once: merging here is safe, and sorting at finish makes the
     * table the same whatever the order. */
    for (uint32_t i = 0; i < intern_count(w->corpus); i++) {
        size_t len;
        const char *key = intern_key(w->corpus, i, &len);
        const kw_listed *from = intern_value(w->corpus, i);
        kw_listed *to = intern_put(st->corpus, key, len, NULL, NULL);
        to->docs += from->docs;
        to->micro += from->micro;
    }
    for (uint32_t i = 0; i < intern_count(w->surfaces); i++) {
        size_t len;
        const char *key = intern_key(w->surfaces, i, &len);
        *(uint64_t *)intern_put(st->surfaces, key, len, NULL, NULL) +=
            *(const uint64_t *)intern_value(w->surfaces, i);
    }
    intern_free(w->corpus);
    intern_free(w->surfaces);
    kw_tokens_free(&w->tokens);
    kw_doc_free(&w->doc);
    quarry_buf_free(&w->key);
    quarry_buf_free(&w->surface);
    free(w->top);
    free(w);
}

static int keywords_process(void *state, quarry_ctx *ctx, quarry_record *rec)
{
    keywords_state *st = state;
    if (tablerows_is_row(rec)) /* pass it on, unless it is a row of the table keywords makes */
        return st->table ? tablerows_check(ctx, rec, keywords_tables) : QUARRY_OK;
    keywords_worker *w = quarry_local(ctx);
    int listed = kw_tokens_read_lists(&w->tokens, rec, st->field) == 0;
    missing_count(&st->without_tokens, listed);
    if (!listed)
        return QUARRY_OK; /* no tokens: pass it on */
    /* The observe pass classified these very lists (the same key): take its work. */
    if (kw_classes_kept(st->classes) &&
        kw_classes_take(st->classes, kw_classes_key(kw_counted_key(rec, &w->tokens), &w->tokens), &w->tokens))
        atomic_fetch_add_explicit(&st->classes_taken, 1, memory_order_relaxed);
    else
        kw_tokens_classify(&w->tokens);
    missing_count_stop(&st->without_stop, rec);
    w->doc.casings = st->model.casings;
    w->doc.possessives = st->model.possessives;
    w->doc.idioms = st->model.idioms;
    kw_doc_build(&w->doc, &w->tokens, st->max_words,
                 KW_BUILD_WORDS | (st->method == KW_YAKE ? KW_BUILD_NEIGHBOURS : 0));
    if (w->doc.pruned)
        docbound_warn(ctx, rec, "phrases", st->max_doc_terms, w->doc.pruned, w->doc.prune_floor);
    kw_df df = {st->model.df, st->model.docs, st->background,
                st->background ? st->background_weight / (double)st->background_docs : 0, st->background_weight};
    kw_score(&w->doc, &df, st->method, st->noun_bonus);
    size_t n = kw_top(&w->doc, (size_t)st->top, st->merge_names, w->top);
    /* Copy what the list needs first: a new field may move the strings the tokens point into. */
    quarry_buf shown = {0};
    size_t *ends = malloc((n ? n : 1) * sizeof *ends);
    if (!ends)
        return quarry_error(ctx, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const kw_cand *c = intern_value(w->doc.cands, w->top[i]);
        size_t klen;
        kw_doc_surface(&w->doc, &w->tokens, w->top[i], &w->surface);
        const char *surface = w->surface.data ? w->surface.data : "";
        size_t slen = w->surface.len;
        quarry_buf_append(&shown, surface, slen);
        ends[i] = shown.len;
        if (kw_label(c))
            continue; /* a label ("Shr", "NOTE") fills a list, not the corpus table */
        const char *key = intern_key(w->doc.cands, w->top[i], &klen);
        kw_listed *ck = intern_put(w->corpus, key, klen, NULL, NULL);
        ck->docs++;
        ck->micro += llround(c->score * 1e6);
        keywords_count_surface(w->surfaces, &w->key, key, klen, surface, slen, 1);
    }
    quarry_list *out = quarry_set_list(rec, st->output);
    for (size_t i = 0, start = 0; i < n; start = ends[i++]) {
        const kw_cand *c = intern_value(w->doc.cands, w->top[i]);
        quarry_list_add_pair(out, shown.data + start, ends[i] - start, c->score);
    }
    free(ends);
    quarry_buf_free(&shown);
    kw_doc_trim(&w->doc);
    return QUARRY_OK;
}

static int keywords_finish(void *state, quarry_ctx *ctx)
{
    keywords_state *st = state;
    missing_warn(&st->without_tokens, ctx, "they have no keyphrases (put tokenize and stem before keywords)",
                 "'%s'%s list", st->field, strcmp(st->field, "tokens") ? " or 'tokens'" : "");
    missing_warn_stop(&st->without_stop, ctx, "keyphrases", "keywords");
    if (st->counted_before)
        quarry_log(ctx, QUARRY_LOG_INFO,
                   "%llu document%s counted in %s already (the same id and words): not counted again",
                   (unsigned long long)st->counted_before, st->counted_before == 1 ? " was" : "s were",
                   st->model_path);
    if (st->df_pruned)
        quarry_log(ctx, QUARRY_LOG_WARN,
                   "max-terms (%llu) reached: %llu rare phrases were pruned from the document "
                   "frequencies (those in at most %llu document%s by then); TF-IDF takes them for "
                   "rarer than they are",
                   (unsigned long long)st->max_terms, (unsigned long long)st->df_pruned,
                   (unsigned long long)st->df_floor, st->df_floor == 1 ? "" : "s");
    if (st->casings_pruned)
        quarry_log(ctx, QUARRY_LOG_WARN,
                   "max-terms (%llu) reached: the casings of %llu rare words were pruned; a word only "
                   "a headline holds is shown as the headline writes it",
                   (unsigned long long)st->max_terms, (unsigned long long)st->casings_pruned);
    if (st->idioms_pruned)
        quarry_log(ctx, QUARRY_LOG_WARN,
                   "max-terms (%llu) reached: the counts of %llu rare lower-case words were pruned; a word "
                   "seen again after them is judged a set phrase's or a quote's source by its later "
                   "occurrences alone",
                   (unsigned long long)st->max_terms, (unsigned long long)st->idioms_pruned);
    if (st->model_file) {
        if (kw_model_write(st->model_file, &st->model, st->field, st->model_words) < 0)
            return quarry_fail(ctx, EX_IOERR, "cannot write the model %s", st->save_model);
    }
    kw_table_emit(ctx, keywords_tables[0], st->corpus, st->surfaces, st->model.df, (size_t)st->table);
    if (kw_classes_kept(st->classes) || kw_classes_refused(st->classes))
        quarry_log(ctx, QUARRY_LOG_DEBUG,
                   "the process pass took the token classes of %zu documents from the observe pass, which "
                   "kept those of %zu (%zu past its store's %zu MiB)",
                   atomic_load(&st->classes_taken), kw_classes_kept(st->classes), kw_classes_refused(st->classes),
                   KEYWORDS_CLASSES_BUDGET >> 20);
    return QUARRY_OK;
}

QUARRY_STAGE(keywords) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "keywords",
    .version = "1.105.0",
    .summary = "each document's top keyphrases (TF-IDF, YAKE, RAKE, combined) and a corpus table",
    .params = keywords_params,
    .flags = QUARRY_PER_RECORD | QUARRY_TWO_PASS | QUARRY_TABLES_LAST,
    .open = keywords_open,
    .observe = keywords_observe,
    .worker_open = keywords_worker_open,
    .worker_close = keywords_worker_close,
    .process = keywords_process,
    .finish = keywords_finish,
    .close = keywords_close,
};
