/* intern.c: a table giving each distinct byte string a dense id, with the strings in an arena. */
#include "intern.h"

#include <stdlib.h>
#include <string.h>

/* Stages count millions of short strings: one arena instead of a malloc per string, and
 * 8-byte slots (id and a hash tag) so that a probe rarely touches the strings themselves. */
typedef struct slot {
    uint32_t id1; /* id + 1; 0 is empty */
    uint32_t tag; /* high bits of the hash */
} slot;

typedef struct chunk {
    struct chunk *next;
    size_t used, cap;
    char data[];
} chunk;

struct intern {
    slot *slots;
    size_t mask;      /* slots - 1, a power of two less one */
    const char **keys;
    uint32_t *lens;
    size_t n, cap;
    chunk *arena;
};

static void *intern_alloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p)
        abort();
    return p;
}

uint64_t intern_hash(const void *key, size_t len)
{
    const unsigned char *p = key;
    uint64_t h = 0x9e3779b97f4a7c15ull ^ (len * 0xff51afd7ed558ccdull);
    while (len >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
        p += 8;
        len -= 8;
    }
    uint64_t w = 0;
    if (len)
        memcpy(&w, p, len);
    h = (h ^ w) * 0x94d049bb133111ebull;
    h ^= h >> 29; /* the last steps of splitmix64, so that every bit reaches the low ones */
    h *= 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 32);
}

intern *intern_new(void)
{
    intern *t = intern_alloc(sizeof *t);
    t->mask = 1023;
    t->slots = intern_alloc((t->mask + 1) * sizeof *t->slots);
    return t;
}

void intern_free(intern *t)
{
    if (!t)
        return;
    for (chunk *c = t->arena, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(t->slots);
    free(t->keys);
    free(t->lens);
    free(t);
}

static const char *intern_store(intern *t, const void *key, size_t len)
{
    chunk *c = t->arena;
    if (!c || c->cap - c->used < len + 1) {
        size_t cap = len + 1 > 65536 ? len + 1 : 65536;
        chunk *fresh = intern_alloc(sizeof *fresh + cap);
        fresh->cap = cap;
        fresh->next = c;
        t->arena = c = fresh;
    }
    char *d = c->data + c->used;
    if (len)
        memcpy(d, key, len);
    d[len] = '\0';
    c->used += len + 1;
    return d;
}

static void intern_grow(intern *t)
{
    size_t mask = t->mask * 2 + 1;
    slot *slots = intern_alloc((mask + 1) * sizeof *slots);
    for (size_t i = 0; i < t->n; i++) {
        uint64_t h = intern_hash(t->keys[i], t->lens[i]);
        size_t at = h & mask;
        while (slots[at].id1)
            at = (at + 1) & mask;
        slots[at].id1 = (uint32_t)i + 1;
        slots[at].tag = (uint32_t)(h >> 32);
    }
    free(t->slots);
    t->slots = slots;
    t->mask = mask;
}

/* The slot holding KEY, or the empty slot where it would go. */
static slot *intern_probe(const intern *t, const void *key, size_t len, uint64_t h)
{
    uint32_t tag = (uint32_t)(h >> 32);
    for (size_t at = h & t->mask;; at = (at + 1) & t->mask) {
        slot *s = &t->slots[at];
        if (!s->id1)
            return s;
        uint32_t id = s->id1 - 1;
        if (s->tag == tag && t->lens[id] == len && (!len || memcmp(t->keys[id], key, len) == 0))
            return s;
    }
}

uint32_t intern_add(intern *t, const void *key, size_t len, int *added)
{
    uint64_t h = intern_hash(key, len);
    slot *s = intern_probe(t, key, len, h);
    if (added)
        *added = !s->id1;
    if (s->id1)
        return s->id1 - 1;
    if (t->n == UINT32_MAX - 1 || len > UINT32_MAX)
        abort(); /* ids are 32 bits: four billion distinct strings is beyond any corpus here */
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 1024;
        t->keys = realloc(t->keys, t->cap * sizeof *t->keys);
        t->lens = realloc(t->lens, t->cap * sizeof *t->lens);
        if (!t->keys || !t->lens)
            abort();
    }
    uint32_t id = (uint32_t)t->n++;
    t->keys[id] = intern_store(t, key, len);
    t->lens[id] = (uint32_t)len;
    s->id1 = id + 1;
    s->tag = (uint32_t)(h >> 32);
    if (t->n * 4 > (t->mask + 1) * 3) /* past three quarters full */
        intern_grow(t);
    return id;
}

int64_t intern_find(const intern *t, const void *key, size_t len)
{
    const slot *s = intern_probe(t, key, len, intern_hash(key, len));
    return s->id1 ? (int64_t)s->id1 - 1 : -1;
}

const char *intern_key(const intern *t, uint32_t id, size_t *len)
{
    if (len)
        *len = t->lens[id];
    return t->keys[id];
}

size_t intern_count(const intern *t)
{
    return t->n;
}
