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

/* Words repeat (Zipf): each worker stems a distinct (token, surface) pair once and remembers
 * the pair's entry in its surface counts, which holds the stem. */
typedef struct stem_worker {
    struct sb_stemmer *stemmer;
    surfaces *counts;
    intern *memo;        /* token length (4 bytes), token, surface -> memo id */
    uint32_t *memo_pair; /* memo id -> pair id in counts */
    size_t memo_cap;
    char *key;           /* scratch for a memo key */
    size_t key_cap;
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
    w->counts = surfaces_new();
    w->memo = intern_new();
    *local = w;
    return QUARRY_OK;
}

static void stem_worker_close(void *state, void *local)
{
    stem_state *st = state;
    stem_worker *w = local;
    if (!w)
        return;
    surfaces_merge(st->merged, w->counts);
    surfaces_free(w->counts);
    intern_free(w->memo);
    free(w->memo_pair);
    free(w->key);
    sb_stemmer_delete(w->stemmer);
    free(w);
}

/* The pair (stem of TOKEN, SURFACE) in W's counts, stemming TOKEN only the first time this
 * (token, surface) pair is seen. -1 when Snowball runs out of memory. */
static int64_t stem_pair(stem_worker *w, const char *token, size_t len, const char *surface,
                         size_t slen)
{
    size_t need = 4 + len + slen;
    if (need > w->key_cap) {
        w->key_cap = need > 2 * w->key_cap ? need : 2 * w->key_cap;
        free(w->key);
        if (!(w->key = malloc(w->key_cap)))
            abort();
    }
    uint32_t len32 = (uint32_t)len;
    memcpy(w->key, &len32, 4);
    memcpy(w->key + 4, token, len);
    memcpy(w->key + 4 + len, surface, slen);
    int added;
    uint32_t id = intern_add(w->memo, w->key, need, &added);
    if (!added)
        return w->memo_pair[id];
    const sb_symbol *stem = sb_stemmer_stem(w->stemmer, (const sb_symbol *)token, (int)len);
    if (!stem)
        return -1;
    if (id >= w->memo_cap) {
        w->memo_cap = w->memo_cap ? 2 * w->memo_cap : 4096;
        if (!(w->memo_pair = realloc(w->memo_pair, w->memo_cap * sizeof *w->memo_pair)))
            abort();
    }
    w->memo_pair[id] = surfaces_pair(w->counts, (const char *)stem,
                                     (size_t)sb_stemmer_length(w->stemmer), surface, slen);
    return w->memo_pair[id];
}

static int stem_process(void *state, quarry_ctx *ctx, quarry_record *rec)
{
    stem_state *st = state;
    stem_worker *w = quarry_local(ctx);
    const quarry_value *tokens = quarry_get(rec, st->field);
    if (!tokens)
        return QUARRY_OK; /* nothing to stem: pass it on */
    if (quarry_value_type(tokens) != QUARRY_LIST)
        return quarry_reject(ctx, rec, "field '%s' is not a list of tokens", st->field);
    /* Adding the output field may move the record's values: look the lists up after it. */
    quarry_list *out = quarry_set_list(rec, st->output);
    tokens = quarry_get(rec, st->field);
    const quarry_value *surface = quarry_get(rec, st->surface_field);
    size_t n = quarry_value_size(tokens);
    if (quarry_value_type(surface) != QUARRY_LIST || quarry_value_size(surface) != n)
        surface = tokens;
    for (size_t i = 0; i < n; i++) {
        size_t len = 0, slen = 0;
        const char *t = quarry_value_string(quarry_value_at(tokens, i), &len);
        if (!t) {
            quarry_list_add_string(out, "", 0); /* not a string: keep the alignment */
            continue;
        }
        const char *s = quarry_value_string(quarry_value_at(surface, i), &slen);
        if (!s) {
            s = t;
            slen = len;
        }
        int64_t pair = stem_pair(w, t, len, s, slen);
        if (pair < 0)
            return quarry_error(ctx, "out of memory in the Snowball stemmer");
        size_t stem_len;
        const char *stem = surfaces_stem(w->counts, (uint32_t)pair, &stem_len);
        quarry_list_add_string(out, stem, stem_len);
        surfaces_count(w->counts, (uint32_t)pair, 1);
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
