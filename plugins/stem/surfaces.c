/* surfaces.c: counts of the surface forms each stem was written as. */
#include "surfaces.h"
#include "intern.h"

#include <stdlib.h>
#include <string.h>

typedef struct pair_count {
    uint32_t stem; /* the stem's id */
    uint64_t count;
} pair_count;

struct surfaces {
    intern *stems; /* stem -> stem id */
    intern *pairs; /* stem id (4 bytes) then the surface -> pair_count */
    char *key;     /* scratch for a pair's key */
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
    s->stems = intern_new(0);
    s->pairs = intern_new(sizeof(pair_count));
    return s;
}

void surfaces_free(surfaces *s)
{
    if (!s)
        return;
    intern_free(s->stems);
    intern_free(s->pairs);
    free(s->key);
    free(s);
}

void surfaces_add(surfaces *s, const char *stem, size_t slen, const char *surface, size_t len,
                  uint64_t count)
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
    pair_count *pc = intern_put(s->pairs, s->key, len + 4, NULL, NULL);
    pc->stem = sid;
    pc->count += count;
}

/* The surface of pair PAIR: its key after the stem id. */
static const char *surfaces_form(const surfaces *s, uint32_t pair, size_t *len)
{
    const char *key = intern_key(s->pairs, pair, len);
    *len -= 4;
    return key + 4;
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
        const pair_count *pc = intern_value(s->pairs, p);
        uint32_t sid = pc->stem;
        total[sid] += pc->count;
        if (forms[sid]++) {
            size_t al, bl;
            const char *a = surfaces_form(s, p, &al), *b = surfaces_form(s, best[sid], &bl);
            uint64_t bc = ((const pair_count *)intern_value(s->pairs, best[sid]))->count;
            if (pc->count < bc || (pc->count == bc && surfaces_bytes_cmp(a, al, b, bl) >= 0))
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
        quarry_set_int(row, "count", (int64_t)((const pair_count *)intern_value(s->pairs, best[sid]))->count);
        quarry_set_int(row, "total", (int64_t)total[sid]);
        quarry_set_int(row, "forms", (int64_t)forms[sid]);
        quarry_emit(ctx, row);
    }
    free(best);
    free(total);
    free(forms);
    free(order);
}
