/* classes.c: the token classes the observe pass worked out, kept for the process pass. */
#include "classes.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "intern.h"

/* Where a document's classes are: its tokens' lexical bytes, then their wordlike bytes. */
typedef struct kw_classes_at {
    size_t offset, n;
} kw_classes_at;

struct kw_classes {
    intern *index; /* the 8 bytes of a key -> kw_classes_at */
    unsigned char *bytes;
    size_t len, cap, budget;
    size_t refused;
};

kw_classes *kw_classes_new(size_t budget)
{
    kw_classes *c = calloc(1, sizeof *c);
    if (!c)
        abort(); /* as the stage's tables do when memory runs out */
    c->index = intern_new(sizeof(kw_classes_at));
    c->budget = budget;
    return c;
}

void kw_classes_free(kw_classes *c)
{
    if (!c)
        return;
    intern_free(c->index);
    free(c->bytes);
    free(c);
}

uint64_t kw_classes_key(uint64_t counted_key, const kw_tokens *t)
{
    size_t n = t->stems.n;
    uint64_t h = XXH3_64bits_withSeed(t->stop, n, counted_key);
    h = XXH3_64bits_withSeed(t->starts, n, h);
    h = XXH3_64bits_withSeed(t->clauses, n, h);
    return XXH3_64bits_withSeed(t->codes, n, h);
}

void kw_classes_keep(kw_classes *c, uint64_t key, const kw_tokens *t)
{
    size_t n = t->stems.n;
    if (intern_find(c->index, &key, sizeof key) >= 0)
        return; /* the same document again: the same classes */
    if (n > (c->budget - c->len) / 2) {
        c->refused++;
        return;
    }
    kw_classes_at *at = intern_put(c->index, &key, sizeof key, NULL, NULL);
    if (c->len + 2 * n > c->cap) {
        /* Doubling, but never past the budget: what is kept stays within it. */
        size_t cap = c->cap ? 2 * c->cap : 1 << 20;
        if (cap < c->len + 2 * n)
            cap = c->len + 2 * n;
        if (cap > c->budget)
            cap = c->budget;
        unsigned char *bytes = realloc(c->bytes, cap);
        if (!bytes)
            abort();
        c->bytes = bytes;
        c->cap = cap;
    }
    at->offset = c->len;
    at->n = n;
    if (n) {
        memcpy(c->bytes + c->len, t->lexical, n);
        memcpy(c->bytes + c->len + n, t->wordlike, n);
    }
    c->len += 2 * n;
}

int kw_classes_take(const kw_classes *c, uint64_t key, kw_tokens *t)
{
    int64_t id = intern_find(c->index, &key, sizeof key);
    if (id < 0)
        return 0;
    const kw_classes_at *at = intern_value(c->index, (uint32_t)id);
    size_t n = t->stems.n;
    if (at->n != n)
        return 0; /* another document under one key: classify it afresh */
    if (n) {
        memcpy(t->lexical, c->bytes + at->offset, n);
        memcpy(t->wordlike, c->bytes + at->offset + n, n);
    }
    return 1;
}

size_t kw_classes_kept(const kw_classes *c)
{
    return intern_count(c->index);
}

size_t kw_classes_refused(const kw_classes *c)
{
    return c->refused;
}
