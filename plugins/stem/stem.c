/* stem.c: the stem stage: Snowball stems of a record's tokens (every libstemmer algorithm),
 * aligned with them, and a corpus table of each stem's most frequent surface form. */
#include <quarry.h>

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "intern.h"
#include "surfaces.h"

static const quarry_param stem_params[] = {
    {"language", QUARRY_PARAM_STRING, "english",
     "a Snowball algorithm: english, russian, german, greek, ... (an unknown one is an error listing all)", 0, 0, 0, NULL},
    {"field", QUARRY_PARAM_STRING, "tokens", "the list of tokens to stem", 0, 0, 0, NULL},
    {"output", QUARRY_PARAM_STRING, "stems", "the field for the stems, aligned with the tokens", 0, 0, 0, NULL},
    {"surface-field", QUARRY_PARAM_STRING, "surface",
     "tokens as written, aligned with 'field', for the stem-to-surface table (default: the tokens)", 0, 0, 0, NULL},
    {"table", QUARRY_PARAM_BOOL, "true",
     "emit a 'stems' table: each stem, its most frequent surface form and counts", 0, 0, 0, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};

typedef struct stem_state {
    const char *language, *field, *output, *surface_field;
    int table;
    surfaces *merged; /* every worker's counts, merged in worker_close */
} stem_state;

/* Words repeat (Zipf): each worker stems a distinct (token, surface) pair once, and counts the
 * pair's occurrences beside it for the stem-to-surface table. */
typedef struct memo {
    const char *stem; /* in the worker's stems table */
    uint32_t stem_len;
    uint64_t count;
} memo;

typedef struct stem_worker {
    struct sb_stemmer *stemmer;
    intern *memo;  /* token length (4 bytes), token, surface -> memo */
    intern *stems; /* each distinct stem once */
    /* Scratch for one record: its tokens and surfaces, and their memo keys, looked up all at
     * once. */
    quarry_strings tokens, surfaces;
    quarry_buf keys;
    const char **key;
    size_t *key_start, *key_len;
    memo **found;
    unsigned char *added;
    size_t cap;
} stem_worker;

static void stem_close(void *state)
{
    stem_state *st = state;
    if (!st)
        return;
    surfaces_free(st->merged);
    free(st);
}

/* An error naming the unknown language, the closest known one and all of them. */
static int stem_unknown_language(quarry_ctx *ctx, const char *language)
{
    quarry_buf list = {0};
    const char **names = sb_stemmer_list();
    const char *near = NULL;
    size_t best = (size_t)-1;
    for (size_t i = 0; names[i]; i++) {
        quarry_buf_append(&list, i ? ", " : "", i ? 2 : 0);
        quarry_buf_append(&list, names[i], strlen(names[i]));
        size_t common = 0, a = strlen(language), b = strlen(names[i]);
        while (common < a && common < b && language[common] == names[i][common])
            common++;
        size_t d = (a > b ? a : b) - common;
        if (d < best && common >= 2) {
            best = d;
            near = names[i];
        }
    }
    quarry_buf_append(&list, "", 1);
    int rc = near ? quarry_fail(ctx, EX_USAGE, "unknown language '%s' (did you mean '%s'?); libstemmer has: %s",
                                language, near, list.data)
                  : quarry_fail(ctx, EX_USAGE, "unknown language '%s'; libstemmer has: %s", language, list.data);
    quarry_buf_free(&list);
    return rc;
}

static int stem_open(quarry_ctx *ctx, void **state)
{
    const char *language = quarry_param_str(ctx, "language");
    struct sb_stemmer *probe = sb_stemmer_new(language, "UTF_8");
    if (!probe)
        return stem_unknown_language(ctx, language);
    sb_stemmer_delete(probe);
    stem_state *st = calloc(1, sizeof *st);
    if (!st)
        return quarry_error(ctx, "out of memory");
    st->language = language;
    st->field = quarry_param_str(ctx, "field");
    st->output = quarry_param_str(ctx, "output");
    st->surface_field = quarry_param_str(ctx, "surface-field");
    st->table = quarry_param_bool(ctx, "table");
    if (strcmp(st->output, st->field) == 0) {
        int rc = quarry_fail(ctx, EX_USAGE, "'output' must differ from 'field' (%s): stems go beside tokens",
                             st->field);
        free(st);
        return rc;
    }
    st->merged = surfaces_new();
    *state = st;
    return QUARRY_OK;
}

/* Snowball stemmers keep state between calls: one for each worker thread. */
static int stem_worker_open(void *state, void **local)
{
    stem_state *st = state;
    stem_worker *w = calloc(1, sizeof *w);
    if (!w)
        return QUARRY_ERROR;
    w->stemmer = sb_stemmer_new(st->language, "UTF_8");
    if (!w->stemmer) {
        free(w);
        return QUARRY_ERROR;
    }
    w->memo = intern_new(sizeof(memo));
    w->stems = intern_new(0);
    *local = w;
    return QUARRY_OK;
}

static void stem_worker_close(void *state, void *local)
{
    stem_state *st = state;
    stem_worker *w = local;
    if (!w)
        return;
    for (uint32_t id = 0; st->table && id < intern_count(w->memo); id++) {
        size_t len;
        const char *key = intern_key(w->memo, id, &len);
        const memo *m = intern_value(w->memo, id);
        uint32_t token_len;
        memcpy(&token_len, key, 4);
        surfaces_add(st->merged, m->stem, m->stem_len, key + 4 + token_len, len - 4 - token_len,
                     m->count);
    }
    intern_free(w->memo);
    intern_free(w->stems);
    quarry_strings_free(&w->tokens);
    quarry_strings_free(&w->surfaces);
    quarry_buf_free(&w->keys);
    free(w->key);
    free(w->key_start);
    free(w->key_len);
    free(w->found);
    free(w->added);
    sb_stemmer_delete(w->stemmer);
    free(w);
}

/* Room in W's scratch for the keys of N tokens. */
static void stem_reserve(stem_worker *w, size_t n)
{
    if (n <= w->cap)
        return;
    w->cap = n > 2 * w->cap ? n : 2 * w->cap;
    w->key = realloc(w->key, w->cap * sizeof *w->key);
    w->key_start = realloc(w->key_start, w->cap * sizeof *w->key_start);
    w->key_len = realloc(w->key_len, w->cap * sizeof *w->key_len);
    w->found = realloc(w->found, w->cap * sizeof *w->found);
    w->added = realloc(w->added, w->cap);
    if (!w->key || !w->key_start || !w->key_len || !w->found || !w->added)
        abort();
}

/* Appends the memo key of (TOKEN, SURFACE) to W's keys: the token's length, token, surface. */
static void stem_key(stem_worker *w, const char *token, size_t len, const char *surface,
                     size_t slen)
{
    uint32_t len32 = (uint32_t)len;
    quarry_buf_append(&w->keys, &len32, 4);
    quarry_buf_append(&w->keys, token, len);
    quarry_buf_append(&w->keys, surface, slen);
}

/* Fills a memo seen for the first time: the stem of the token in its KEY. -1 when Snowball
 * runs out of memory. */
static int stem_fill(stem_worker *w, memo *m, const char *key)
{
    uint32_t len;
    memcpy(&len, key, 4);
    const sb_symbol *stem = sb_stemmer_stem(w->stemmer, (const sb_symbol *)key + 4, (int)len);
    if (!stem)
        return -1;
    size_t stem_len = (size_t)sb_stemmer_length(w->stemmer);
    m->stem = intern_key(w->stems, intern_add(w->stems, stem, stem_len, NULL), NULL);
    m->stem_len = (uint32_t)stem_len;
    return 0;
}

static int stem_process(void *state, quarry_ctx *ctx, quarry_record *rec)
{
    stem_state *st = state;
    stem_worker *w = quarry_local(ctx);
    if (quarry_get_strings(rec, st->field, &w->tokens) < 0) {
        if (!quarry_get(rec, st->field))
            return QUARRY_OK; /* nothing to stem: pass it on */
        return quarry_reject(ctx, rec, "field '%s' is not a list of tokens", st->field);
    }
    size_t n = w->tokens.n;
    const quarry_strings *surface = &w->surfaces;
    if (quarry_get_strings(rec, st->surface_field, &w->surfaces) < 0 || w->surfaces.n != n)
        surface = &w->tokens;
    stem_reserve(w, n);
    w->keys.len = 0;
    size_t batch = 0; /* tokens that are strings: the others get no key, and an empty stem */
    for (size_t i = 0; i < n; i++) {
        const char *t = w->tokens.str[i], *s = surface->str[i];
        size_t len = w->tokens.len[i], slen = surface->len[i];
        if (!t)
            continue;
        if (!s) {
            s = t;
            slen = len;
        }
        w->key_start[batch] = w->keys.len;
        stem_key(w, t, len, s, slen);
        w->key_len[batch] = w->keys.len - w->key_start[batch];
        batch++;
    }
    for (size_t b = 0; b < batch; b++) /* the keys stay put now */
        w->key[b] = w->keys.data + w->key_start[b];
    intern_put_many(w->memo, batch, w->key, w->key_len, (void **)w->found, w->added);
    /* Set only now: a new field may move the values the strings above point into. */
    quarry_list *out = quarry_set_list(rec, st->output);
    for (size_t i = 0, b = 0; i < n; i++) {
        if (!w->tokens.str[i]) {
            quarry_list_add_string(out, "", 0); /* keeps the stems aligned with the tokens */
            continue;
        }
        memo *m = w->found[b];
        if (w->added[b] && stem_fill(w, m, w->key[b]) < 0)
            return quarry_error(ctx, "out of memory in the Snowball stemmer");
        b++;
        quarry_list_add_string(out, m->stem, m->stem_len);
        m->count++;
    }
    return QUARRY_OK;
}

static int stem_finish(void *state, quarry_ctx *ctx)
{
    stem_state *st = state;
    if (!st->table)
        return QUARRY_OK;
    quarry_record *row = quarry_record_new();
    surfaces_each_best(st->merged, ctx, row);
    quarry_record_free(row);
    return QUARRY_OK;
}

QUARRY_STAGE(stem) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "stem",
    .version = "1.0.0",
    .summary = "Snowball stems of the tokens (any libstemmer language), and each stem's surface form",
    .params = stem_params,
    .flags = QUARRY_PER_RECORD,
    .open = stem_open,
    .worker_open = stem_worker_open,
    .worker_close = stem_worker_close,
    .process = stem_process,
    .finish = stem_finish,
    .close = stem_close,
};
