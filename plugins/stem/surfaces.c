/* surfaces.c: counts of the surface forms each stem was written as, merged across workers. */
#include "surfaces.h"
#include "intern.h"

#include <stdlib.h>
#include <string.h>

struct surfaces {
    intern *stems;        /* stem -> stem id */
    intern *pairs;        /* stem id (4 bytes) then the surface -> pair id */
    uint32_t *pair_stem;  /* each pair's stem id */
    uint64_t *pair_count;
    size_t cap;
    char *key;            /* scratch for a pair's key */
    size_t key_cap;
};

static void *surfaces_alloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p)
        abort();
    return p;
}

surfaces *surfaces_new(void)
{
    surfaces *s = surfaces_alloc(sizeof *s);
    s->stems = intern_new();
    s->pairs = intern_new();
    return s;
}

void surfaces_free(surfaces *s)
{
    if (!s)
        return;
    intern_free(s->stems);
    intern_free(s->pairs);
    free(s->pair_stem);
    free(s->pair_count);
    free(s->key);
    free(s);
}

uint32_t surfaces_pair(surfaces *s, const char *stem, size_t slen, const char *surface, size_t len)
{
    uint32_t sid = intern_add(s->stems, stem, slen, NULL);
    if (len + 4 > s->key_cap) {
        s->key_cap = len + 4 > 2 * s->key_cap ? len + 4 : 2 * s->key_cap;
        free(s->key);
        s->key = surfaces_alloc(s->key_cap);
    }
    memcpy(s->key, &sid, 4);
    if (len)
        memcpy(s->key + 4, surface, len);
    int added;
    uint32_t pid = intern_add(s->pairs, s->key, len + 4, &added);
    if (added) {
        if (pid >= s->cap) {
            s->cap = s->cap ? 2 * s->cap : 1024;
            s->pair_stem = realloc(s->pair_stem, s->cap * sizeof *s->pair_stem);
            s->pair_count = realloc(s->pair_count, s->cap * sizeof *s->pair_count);
            if (!s->pair_stem || !s->pair_count)
                abort();
        }
        s->pair_stem[pid] = sid;
        s->pair_count[pid] = 0;
    }
    return pid;
}

void surfaces_count(surfaces *s, uint32_t pair, uint64_t count)
{
    s->pair_count[pair] += count;
}

const char *surfaces_stem(const surfaces *s, uint32_t pair, size_t *len)
{
    return intern_key(s->stems, s->pair_stem[pair], len);
}

/* The surface of pair PAIR: its key after the stem id. */
static const char *surfaces_form(const surfaces *s, uint32_t pair, size_t *len)
{
    const char *key = intern_key(s->pairs, pair, len);
    *len -= 4;
    return key + 4;
}

void surfaces_merge(surfaces *into, const surfaces *from)
{
    size_t n = intern_count(from->pairs);
    for (uint32_t p = 0; p < n; p++) {
        size_t slen, len;
        const char *stem = surfaces_stem(from, p, &slen);
        const char *form = surfaces_form(from, p, &len);
        surfaces_count(into, surfaces_pair(into, stem, slen, form, len), from->pair_count[p]);
    }
}

static int surfaces_bytes_cmp(const char *a, size_t al, const char *b, size_t bl)
{
    int c = memcmp(a, b, al < bl ? al : bl);
    return c ? c : (al > bl) - (al < bl);
}

typedef struct stem_key {
    const char *text;
    size_t len;
    uint32_t id;
} stem_key;

static int surfaces_stem_cmp(const void *x, const void *y)
{
    const stem_key *a = x, *b = y;
    return surfaces_bytes_cmp(a->text, a->len, b->text, b->len);
}

void surfaces_each_best(const surfaces *s, quarry_ctx *ctx, quarry_record *row)
{
    size_t nstems = intern_count(s->stems), npairs = intern_count(s->pairs);
    uint32_t *best = surfaces_alloc(nstems * sizeof *best);
    uint64_t *total = surfaces_alloc(nstems * sizeof *total);
    uint32_t *forms = surfaces_alloc(nstems * sizeof *forms);
    stem_key *order = surfaces_alloc(nstems * sizeof *order);
    for (uint32_t p = 0; p < npairs; p++) {
        uint32_t sid = s->pair_stem[p];
        total[sid] += s->pair_count[p];
        if (forms[sid]++) {
            size_t al, bl;
            const char *a = surfaces_form(s, p, &al), *b = surfaces_form(s, best[sid], &bl);
            uint64_t ac = s->pair_count[p], bc = s->pair_count[best[sid]];
            if (ac < bc || (ac == bc && surfaces_bytes_cmp(a, al, b, bl) >= 0))
                continue;
        }
        best[sid] = p;
    }
    for (uint32_t i = 0; i < nstems; i++) {
        order[i].id = i;
        order[i].text = intern_key(s->stems, i, &order[i].len);
    }
    qsort(order, nstems, sizeof *order, surfaces_stem_cmp);
    for (size_t i = 0; i < nstems; i++) {
        uint32_t sid = order[i].id;
        size_t len;
        const char *form = surfaces_form(s, best[sid], &len);
        quarry_record_clear(row);
        quarry_set_string(row, "_table", "stems", 5);
        quarry_set_string(row, "stem", order[i].text, order[i].len);
        quarry_set_string(row, "surface", form, len);
        quarry_set_int(row, "count", (int64_t)s->pair_count[best[sid]]);
        quarry_set_int(row, "total", (int64_t)total[sid]);
        quarry_set_int(row, "forms", (int64_t)forms[sid]);
        quarry_emit(ctx, row);
    }
    free(best);
    free(total);
    free(forms);
    free(order);
}
