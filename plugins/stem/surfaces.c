/* surfaces.c: the stem-to-surface table, from (stem, surface, count) triples sorted once. */
#include "surfaces.h"
#include "intern.h"

#include <stdlib.h>
#include <string.h>

typedef struct triple {
    uint64_t prefix; /* the stem's first 8 bytes, big-endian: most comparisons end here */
    const char *stem, *surface;
    uint32_t slen, len;
    uint64_t count;
} triple;

struct surfaces {
    triple *v;
    size_t n, cap;
};

surfaces *surfaces_new(size_t expected)
{
    surfaces *s = calloc(1, sizeof *s);
    if (!s)
        abort();
    s->cap = expected ? expected : 1;
    if (!(s->v = malloc(s->cap * sizeof *s->v)))
        abort();
    return s;
}

void surfaces_free(surfaces *s)
{
    if (!s)
        return;
    free(s->v);
    free(s);
}

void surfaces_add(surfaces *s, const char *stem, size_t slen, const char *surface, size_t len,
                  uint64_t count)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 4096;
        if (!(s->v = realloc(s->v, s->cap * sizeof *s->v)))
            abort();
    }
    uint64_t prefix = 0;
    for (size_t i = 0; i < 8; i++)
        prefix = prefix << 8 | (i < slen ? (unsigned char)stem[i] : 0);
    s->v[s->n++] = (triple){prefix, stem, surface, (uint32_t)slen, (uint32_t)len, count};
}

/* By stem, then surface: each stem's forms end up together, each form's counts too. */
static int surfaces_triple_cmp(const void *x, const void *y)
{
    const triple *a = x, *b = y;
    if (a->prefix != b->prefix)
        return a->prefix < b->prefix ? -1 : 1;
    int c = intern_bytes_cmp(a->stem, a->slen, b->stem, b->slen);
    return c ? c : intern_bytes_cmp(a->surface, a->len, b->surface, b->len);
}

static int surfaces_same(const char *a, size_t al, const char *b, size_t bl)
{
    return al == bl && (!al || memcmp(a, b, al) == 0);
}

typedef struct sort_key {
    uint64_t prefix;
    uint32_t at; /* the triple's index */
} sort_key;

/* The triples' order by stem, then surface, as indices: a radix sort of small (prefix, index)
 * keys on the stems' first 8 bytes (most stems differ there), then an insertion sort of each
 * run sharing one. The triples themselves never move: fresh memory is slow to touch. */
static uint32_t *surfaces_order(const surfaces *s)
{
    size_t n = s->n;
    sort_key *keys = malloc((n ? n : 1) * sizeof *keys), *tmp = malloc((n ? n : 1) * sizeof *tmp);
    if (!keys || !tmp)
        abort();
    for (size_t i = 0; i < n; i++)
        keys[i] = (sort_key){s->v[i].prefix, (uint32_t)i};
    sort_key *from = keys, *to = tmp;
    for (int shift = 0; shift < 64; shift += 8) {
        size_t count[256] = {0};
        for (size_t i = 0; i < n; i++)
            count[(from[i].prefix >> shift) & 0xff]++;
        if (n && count[(from[0].prefix >> shift) & 0xff] == n)
            continue; /* every prefix has the same byte here */
        size_t at = 0;
        for (int b = 0; b < 256; b++) {
            size_t c = count[b];
            count[b] = at;
            at += c;
        }
        for (size_t i = 0; i < n; i++) /* stable: keeps the order of the lower bytes */
            to[count[(from[i].prefix >> shift) & 0xff]++] = from[i];
        sort_key *t = from;
        from = to;
        to = t;
    }
    uint32_t *order = (uint32_t *)to; /* the spare buffer, reused: 4 bytes an entry fit in 16 */
    for (size_t i = 0; i < n; i++)
        order[i] = from[i].at;
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && s->v[order[j]].prefix == s->v[order[i]].prefix; j++)
            ;
        for (size_t k = i + 1; k < j; k++) { /* runs are short: insertion sort */
            uint32_t x = order[k];
            size_t m = k;
            for (; m > i && surfaces_triple_cmp(&s->v[order[m - 1]], &s->v[x]) > 0; m--)
                order[m] = order[m - 1];
            order[m] = x;
        }
    }
    free(from);
    return order;
}

const char *const surfaces_columns[SURFACES_COLUMNS] = {"stem", "surface", "count", "total", "forms"};

void surfaces_each_best(surfaces *s, quarry_ctx *ctx, quarry_record *row)
{
    uint32_t *order = surfaces_order(s);
    const triple *v = s->v;
    for (size_t i = 0; i < s->n;) {
        const triple *stem = &v[order[i]];
        const triple *best = NULL;
        uint64_t best_count = 0, total = 0, forms = 0;
        while (i < s->n && surfaces_same(v[order[i]].stem, v[order[i]].slen, stem->stem, stem->slen)) {
            const triple *form = &v[order[i]];
            uint64_t count = 0;
            for (; i < s->n && surfaces_same(v[order[i]].stem, v[order[i]].slen, stem->stem, stem->slen) &&
                   surfaces_same(v[order[i]].surface, v[order[i]].len, form->surface, form->len);
                 i++)
                count += v[order[i]].count;
            forms++;
            total += count;
            if (!best || count > best_count) { /* ties keep the earlier, smaller form */
                best = form;
                best_count = count;
            }
        }
        quarry_record_clear(row);
        quarry_set_string(row, "_table", SURFACES_TABLE, strlen(SURFACES_TABLE));
        quarry_set_string(row, surfaces_columns[0], stem->stem, stem->slen);
        quarry_set_string(row, surfaces_columns[1], best->surface, best->len);
        quarry_set_int(row, surfaces_columns[2], (int64_t)best_count);
        quarry_set_int(row, surfaces_columns[3], (int64_t)total);
        quarry_set_int(row, surfaces_columns[4], (int64_t)forms);
        quarry_emit(ctx, row);
    }
    free(order);
}
