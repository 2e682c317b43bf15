/* surfaces.c: counts of the surface forms each stem was written as, merged across workers. */
#include "surfaces.h"

#include <stdlib.h>
#include <string.h>

typedef struct form {
    char *text;
    size_t len;
    uint64_t count;
} form;

typedef struct entry {
    char *stem;
    size_t slen;
    uint64_t hash, total;
    form *forms;
    size_t nforms, cap;
} entry;

struct surfaces {
    entry **slots;  /* open addressing */
    size_t cap, used;
};

static void *surfaces_alloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p)
        abort();
    return p;
}

static uint64_t surfaces_hash(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

surfaces *surfaces_new(void)
{
    surfaces *s = surfaces_alloc(sizeof *s);
    s->cap = 1024;
    s->slots = surfaces_alloc(s->cap * sizeof *s->slots);
    return s;
}

void surfaces_free(surfaces *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->cap; i++) {
        entry *e = s->slots[i];
        if (!e)
            continue;
        for (size_t k = 0; k < e->nforms; k++)
            free(e->forms[k].text);
        free(e->forms);
        free(e->stem);
        free(e);
    }
    free(s->slots);
    free(s);
}

static void surfaces_grow(surfaces *s)
{
    size_t cap = s->cap * 2;
    entry **slots = surfaces_alloc(cap * sizeof *slots);
    for (size_t i = 0; i < s->cap; i++) {
        entry *e = s->slots[i];
        if (!e)
            continue;
        size_t h = e->hash & (cap - 1);
        while (slots[h])
            h = (h + 1) & (cap - 1);
        slots[h] = e;
    }
    free(s->slots);
    s->slots = slots;
    s->cap = cap;
}

static entry *surfaces_entry(surfaces *s, const char *stem, size_t slen)
{
    if ((s->used + 1) * 2 > s->cap)
        surfaces_grow(s);
    uint64_t hash = surfaces_hash(stem, slen);
    size_t h = hash & (s->cap - 1);
    for (entry *e; (e = s->slots[h]); h = (h + 1) & (s->cap - 1))
        if (e->hash == hash && e->slen == slen && !memcmp(e->stem, stem, slen))
            return e;
    entry *e = surfaces_alloc(sizeof *e);
    e->stem = surfaces_alloc(slen + 1);
    memcpy(e->stem, stem, slen);
    e->slen = slen;
    e->hash = hash;
    s->slots[h] = e;
    s->used++;
    return e;
}

void surfaces_add(surfaces *s, const char *stem, size_t slen, const char *surface, size_t len,
                  uint64_t count)
{
    entry *e = surfaces_entry(s, stem, slen);
    e->total += count;
    for (size_t k = 0; k < e->nforms; k++) {
        if (e->forms[k].len == len && !memcmp(e->forms[k].text, surface, len)) {
            e->forms[k].count += count;
            return;
        }
    }
    if (e->nforms == e->cap) {
        e->cap = e->cap ? e->cap * 2 : 2;
        e->forms = realloc(e->forms, e->cap * sizeof *e->forms);
        if (!e->forms)
            abort();
    }
    form *f = &e->forms[e->nforms++];
    f->text = surfaces_alloc(len + 1);
    memcpy(f->text, surface, len);
    f->len = len;
    f->count = count;
}

void surfaces_merge(surfaces *into, const surfaces *from)
{
    for (size_t i = 0; i < from->cap; i++) {
        const entry *e = from->slots[i];
        for (size_t k = 0; e && k < e->nforms; k++)
            surfaces_add(into, e->stem, e->slen, e->forms[k].text, e->forms[k].len, e->forms[k].count);
    }
}

static int surfaces_bytes_cmp(const char *a, size_t al, const char *b, size_t bl)
{
    int c = memcmp(a, b, al < bl ? al : bl);
    return c ? c : (al > bl) - (al < bl);
}

static int surfaces_entry_cmp(const void *x, const void *y)
{
    const entry *a = *(entry *const *)x, *b = *(entry *const *)y;
    return surfaces_bytes_cmp(a->stem, a->slen, b->stem, b->slen);
}

void surfaces_each_best(const surfaces *s, quarry_ctx *ctx, quarry_record *row)
{
    entry **all = surfaces_alloc(s->used * sizeof *all);
    size_t n = 0;
    for (size_t i = 0; i < s->cap; i++)
        if (s->slots[i])
            all[n++] = s->slots[i];
    qsort(all, n, sizeof *all, surfaces_entry_cmp);
    for (size_t i = 0; i < n; i++) {
        const entry *e = all[i];
        const form *best = &e->forms[0];
        for (size_t k = 1; k < e->nforms; k++) {
            const form *f = &e->forms[k];
            if (f->count > best->count ||
                (f->count == best->count && surfaces_bytes_cmp(f->text, f->len, best->text, best->len) < 0))
                best = f;
        }
        quarry_record_clear(row);
        quarry_set_string(row, "_table", "stems", 5);
        quarry_set_string(row, "stem", e->stem, e->slen);
        quarry_set_string(row, "surface", best->text, best->len);
        quarry_set_int(row, "count", (int64_t)best->count);
        quarry_set_int(row, "total", (int64_t)e->total);
        quarry_set_int(row, "forms", (int64_t)e->nforms);
        quarry_emit(ctx, row);
    }
    free(all);
}
