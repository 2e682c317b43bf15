/* intern.c: a table giving each distinct byte string a dense id and a value, in an arena. */
#include "intern.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Stages look up a term per token: a lookup should touch two cache lines, the slot and the
 * entry. So a slot holds a hash tag and the entry's address, and an entry holds its length,
 * id, key and value together, in an arena that never moves (one malloc per 64 KiB). The key
 * comes first, as it is read on every lookup and is mostly a short word: it and the start of
 * the value share the entry's first cache line. */
typedef struct entry {
    uint32_t len, id;
    /* then the key and a NUL, then (max-aligned) the value, value_size bytes rounded up */
} entry;

typedef struct slot {
    entry *e;     /* NULL: empty */
    uint64_t tag; /* the key's hash */
} slot;

typedef struct chunk {
    struct chunk *next;
    size_t used, cap;
    alignas(max_align_t) char data[];
} chunk;

struct intern {
    slot *slots;
    size_t mask;   /* number of slots - 1; a power of two less one */
    entry **byid;
    size_t n, cap;
    size_t value_size; /* rounded up to a multiple of max_align_t */
    chunk *arena;
};

/* The most slots intern_clear keeps (16 bytes each), and the largest chunk of entries. */
#define INTERN_KEEP_SLOTS 16384
#define INTERN_KEEP_CHUNK ((size_t)1 << 20)

static void *intern_alloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p)
        abort();
    return p;
}

/* A huge page, where the kernel has them (2 MiB on x86-64). */
#define INTERN_HUGE ((size_t)2 << 20)

/* N rounded up to whole huge pages. */
static size_t intern_huge_round(size_t n)
{
    return (n + INTERN_HUGE - 1) / INTERN_HUGE * INTERN_HUGE;
}

/* Zeroed memory, N bytes from 2 MiB up, mapped from the system on a 2 MiB boundary and asking
 * for huge pages (a hint: where the kernel gives none, it is plain memory). A corpus table of
 * millions of terms is reached at random, a term or two per token: with 4 KiB pages nearly
 * every lookup also misses the TLB. Mapped, the memory is zero without a memset, and goes back
 * to the system when freed: the tables rebuilt by intern_prune and intern_grow would otherwise
 * leave the heap full of holes. Freed with intern_free_big. */
static char *intern_map(size_t n)
{
    size_t len = intern_huge_round(n);
    char *p = mmap(NULL, len + INTERN_HUGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        abort(); /* as intern_alloc does when memory runs out */
    char *start = (char *)(((uintptr_t)p + INTERN_HUGE - 1) & ~(uintptr_t)(INTERN_HUGE - 1));
    size_t head = (size_t)(start - p);
    if (head)
        munmap(p, head);
    if (INTERN_HUGE - head)
        munmap(start + len, INTERN_HUGE - head);
#ifdef MADV_HUGEPAGE
    madvise(start, len, MADV_HUGEPAGE);
#endif
    return start;
}

/* Zeroed memory for a table's slots, N bytes: intern_map's from 2 MiB up, else calloc's; each
 * page written once before it is handed out. A table's first touch of a page of its slots is a
 * read (a probe), and a read of memory fresh from the system maps the kernel's shared page of
 * zeros, which the first write then replaces: a fault more, and a flush of every core's TLB,
 * which a virtual machine pays dearly (on Reuters' keyword pipeline, 1.5% to 2% of the run's CPU
 * time). Written first, the page comes zeroed in one fault; the slots are all written soon in
 * any case, at random. Memory calloc reused costs a store a page. Freed with intern_free_big. */
static void *intern_alloc_big(size_t n)
{
    int huge = n >= INTERN_HUGE;
    char *p = huge ? intern_map(n) : intern_alloc(n);
    for (size_t at = 0, page = huge ? INTERN_HUGE : 4096; at < n; at += page)
        p[at] = 0;
    return p;
}

/* Memory for a chunk of entries, N bytes: not zeroed under 2 MiB, as intern_store zeroes each
 * entry it hands out (a fresh document's table took a calloc of up to a few hundred KiB, zeroed
 * twice); from 2 MiB up, intern_map's (zero already, and first written in order, never read
 * first: its pages are faulted in as the entries fill it). Freed with intern_free_big. */
static void *intern_alloc_chunk(size_t n)
{
    if (n >= INTERN_HUGE)
        return intern_map(n);
    void *p = malloc(n);
    if (!p)
        abort();
    return p;
}

/* Frees P, N bytes from intern_alloc_big (or intern_alloc, if N is under 2 MiB). */
static void intern_free_big(void *p, size_t n)
{
    if (n < INTERN_HUGE)
        free(p);
    else if (p)
        munmap(p, intern_huge_round(n));
}

static uint64_t intern_load64(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

static uint64_t intern_load32(const unsigned char *p)
{
    uint32_t w;
    memcpy(&w, p, 4);
    return w;
}

uint64_t intern_hash(const void *key, size_t len)
{
    const unsigned char *p = key;
    uint64_t h = 0x9e3779b97f4a7c15ull ^ (len * 0xff51afd7ed558ccdull);
    uint64_t w;
    /* Short keys, most of them, are read in at most two loads and no loop (as wyhash does):
     * overlapping words cover every byte without reading past the key. */
    if (len >= 8) {
        for (; len > 8; p += 8, len -= 8) {
            h = (h ^ intern_load64(p)) * 0xbf58476d1ce4e5b9ull;
            h ^= h >> 31;
        }
        w = intern_load64(p + len - 8); /* the last 8 bytes, overlapping the word before */
    } else if (len >= 4) {
        w = intern_load32(p) << 32 | intern_load32(p + len - 4);
    } else if (len) {
        w = (uint64_t)p[0] << 16 | (uint64_t)p[len >> 1] << 8 | p[len - 1];
    } else {
        w = 0;
    }
    h = (h ^ w) * 0x94d049bb133111ebull;
    h ^= h >> 29; /* the last steps of splitmix64, so that every bit reaches the low ones */
    h *= 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 32);
}

/* Where an entry's value starts, after its header and a key of LEN bytes: max-aligned. */
static size_t intern_value_offset(size_t len)
{
    size_t a = alignof(max_align_t);
    return (sizeof(entry) + len + 1 + a - 1) / a * a;
}

static char *intern_value_of(const entry *e)
{
    return (char *)e + intern_value_offset(e->len);
}

static char *intern_key_of(const entry *e)
{
    return (char *)e + sizeof(entry);
}

intern *intern_new(size_t value_size)
{
    intern *t = intern_alloc(sizeof *t);
    t->mask = 1023;
    t->slots = intern_alloc((t->mask + 1) * sizeof *t->slots);
    size_t a = alignof(max_align_t);
    t->value_size = (value_size + a - 1) / a * a;
    return t;
}

void intern_clear(intern *t)
{
    /* A table that grew for one big document shrinks back, so that clearing it for each small
     * one stays cheap. */
    if (t->mask > INTERN_KEEP_SLOTS - 1) {
        intern_free_big(t->slots, (t->mask + 1) * sizeof *t->slots);
        t->mask = 1023;
        t->slots = intern_alloc((t->mask + 1) * sizeof *t->slots);
    } else if (t->n * 16 < t->mask + 1) {
        /* A few entries in many slots (a short document after a long one): emptying each
         * entry's own slot costs a hash apiece, far less than zeroing every slot. A slot
         * emptied before may now sit between an entry and its hash's home, so the search
         * runs on past empty slots: the entry is still at or after its home. */
        for (size_t i = 0; i < t->n; i++) {
            const entry *e = t->byid[i];
            size_t at = intern_hash(intern_key_of(e), e->len) & t->mask;
            while (t->slots[at].e != e)
                at = (at + 1) & t->mask;
            t->slots[at].e = NULL;
        }
    } else {
        memset(t->slots, 0, (t->mask + 1) * sizeof *t->slots);
    }
    /* One chunk is kept for the next document: the largest of at most INTERN_KEEP_CHUNK (the
     * newest such, as chunks double), so that a table cleared for each document settles in one
     * chunk that holds a long one, where keeping the first 64 KiB alone allocated every later
     * chunk again for each; a huge document's larger chunks are freed, not held for the rest
     * of the run. */
    chunk *keep = t->arena;
    while (keep && keep->next && sizeof *keep + keep->cap > INTERN_KEEP_CHUNK)
        keep = keep->next;
    for (chunk *c = t->arena, *next; c; c = next) {
        next = c->next;
        if (c != keep)
            intern_free_big(c, sizeof *c + c->cap);
    }
    if (keep) {
        keep->used = 0;
        keep->next = NULL;
    }
    t->arena = keep;
    t->n = 0;
}

void intern_free(intern *t)
{
    if (!t)
        return;
    for (chunk *c = t->arena, *next; c; c = next) {
        next = c->next;
        intern_free_big(c, sizeof *c + c->cap);
    }
    intern_free_big(t->slots, (t->mask + 1) * sizeof *t->slots);
    free(t->byid);
    free(t);
}

static entry *intern_store(intern *t, const void *key, size_t len)
{
    size_t size = intern_value_offset(len) + t->value_size;
    chunk *c = t->arena;
    if (!c || c->cap - c->used < size) {
        /* Chunks double, from 64 KiB (a document's table needs no more) to 8 MiB (a corpus
         * table's, in huge pages). */
        size_t cap = c ? 2 * (c->cap + sizeof *c) - sizeof *c : 65536 - sizeof *c;
        if (cap > (8u << 20) - sizeof *c)
            cap = (8u << 20) - sizeof *c;
        if (cap < size)
            cap = size;
        chunk *fresh = intern_alloc_chunk(sizeof *fresh + cap);
        fresh->cap = cap;
        fresh->used = 0;
        fresh->next = c;
        t->arena = c = fresh;
    }
    entry *e = (entry *)(c->data + c->used);
    c->used += size;
    memset(e, 0, size); /* values start at zero; chunks are not zeroed (intern_alloc_chunk) */
    e->len = (uint32_t)len;
    char *k = intern_key_of(e);
    if (len)
        memcpy(k, key, len);
    k[len] = '\0';
    return e;
}

static void intern_grow(intern *t)
{
    size_t mask = t->mask * 2 + 1;
    slot *slots = intern_alloc_big((mask + 1) * sizeof *slots);
    for (size_t i = 0; i <= t->mask; i++) {
        if (!t->slots[i].e)
            continue;
        size_t at = t->slots[i].tag & mask;
        while (slots[at].e)
            at = (at + 1) & mask;
        slots[at] = t->slots[i];
    }
    intern_free_big(t->slots, (t->mask + 1) * sizeof *t->slots);
    t->slots = slots;
    t->mask = mask;
}

/* The slot holding KEY, or the empty slot where it would go. */
static slot *intern_probe(const intern *t, const char *key, size_t len, uint64_t h)
{
    for (size_t at = h & t->mask;; at = (at + 1) & t->mask) {
        slot *s = &t->slots[at];
        if (!s->e)
            return s;
        /* Equal 64-bit hashes have all but proved the keys equal; the bytes confirm it. */
        if (s->tag == h && s->e->len == len && intern_equal(intern_key_of(s->e), key, len))
            return s;
    }
}

static void *intern_put_hashed(intern *t, const void *key, size_t len, uint64_t h, uint32_t *id,
                               int *added)
{
    slot *s = intern_probe(t, key, len, h);
    if (added)
        *added = !s->e;
    if (!s->e) {
        if (t->n == UINT32_MAX || len >= UINT32_MAX)
            abort(); /* ids are 32 bits: four billion distinct strings is beyond any corpus here */
        if (t->n == t->cap) {
            t->cap = t->cap ? t->cap * 2 : 1024;
            if (!(t->byid = realloc(t->byid, t->cap * sizeof *t->byid)))
                abort();
        }
        entry *e = intern_store(t, key, len);
        e->id = (uint32_t)t->n;
        t->byid[t->n++] = e;
        s->e = e;
        s->tag = h;
        if (t->n * 4 > (t->mask + 1) * 3) /* past three quarters full */
            intern_grow(t);
        if (id)
            *id = e->id;
        return intern_value_of(e);
    }
    if (id)
        *id = s->e->id;
    return intern_value_of(s->e);
}

/* How far ahead intern_put_many fetches slots, and entries half as far: far enough to cover a
 * trip to memory, near enough that the fetched lines are still cached when used. */
#define INTERN_AHEAD 16

/* The lookups of intern_put_many and intern_find_many: for key j, EACH(t, j, hash, arg),
 * called in order, while the slots and entries of later keys are being fetched. */
static void intern_pipeline(intern *t, size_t n, const char *const *keys, const size_t *lens,
                            void (*each)(intern *t, size_t j, uint64_t hash, void *arg), void *arg)
{
    uint64_t hash[INTERN_AHEAD]; /* a ring: key i's hash is at i % INTERN_AHEAD */
    for (size_t i = 0; i < n + INTERN_AHEAD; i++) {
        /* Oldest first, as key i takes the ring place of key i - INTERN_AHEAD. */
        size_t j = i - INTERN_AHEAD;
        if (i >= INTERN_AHEAD)
            each(t, j, hash[j % INTERN_AHEAD], arg);
        size_t mid = i - INTERN_AHEAD / 2;
        if (i >= INTERN_AHEAD / 2 && mid < n) {
            /* Its slot should be cached now: fetch the entry it points to (a hint only; the
             * table may have grown since, which the lookup above does not depend on). */
            const slot *s = &t->slots[hash[mid % INTERN_AHEAD] & t->mask];
            if (s->e)
                __builtin_prefetch(s->e);
        }
        if (i < n) {
            hash[i % INTERN_AHEAD] = intern_hash(keys[i], lens[i]);
            __builtin_prefetch(&t->slots[hash[i % INTERN_AHEAD] & t->mask]);
        }
    }
}

/* What intern_put_one and intern_find_one read and write. */
typedef struct intern_lookups {
    const char *const *keys;
    const size_t *lens;
    void **values;
    unsigned char *added;
    int64_t *ids;
} intern_lookups;

static void intern_put_one(intern *t, size_t j, uint64_t hash, void *arg)
{
    intern_lookups *b = arg;
    int was_added;
    b->values[j] = intern_put_hashed(t, b->keys[j], b->lens[j], hash, NULL, &was_added);
    b->added[j] = (unsigned char)was_added;
}

static void intern_find_one(intern *t, size_t j, uint64_t hash, void *arg)
{
    intern_lookups *b = arg;
    const slot *s = intern_probe(t, b->keys[j], b->lens[j], hash);
    b->ids[j] = s->e ? (int64_t)s->e->id : -1;
}

void intern_batch_reserve(intern_batch *b, size_t n)
{
    if (n <= b->cap)
        return;
    b->cap = n > 2 * b->cap ? n : 2 * b->cap;
    b->keys = realloc(b->keys, b->cap * sizeof *b->keys);
    b->lens = realloc(b->lens, b->cap * sizeof *b->lens);
    b->values = realloc(b->values, b->cap * sizeof *b->values);
    b->added = realloc(b->added, b->cap);
    if (!b->keys || !b->lens || !b->values || !b->added)
        abort();
}

void intern_batch_free(intern_batch *b)
{
    free(b->keys);
    free(b->lens);
    free(b->values);
    free(b->added);
    memset(b, 0, sizeof *b);
}

void intern_put_many(intern *t, size_t n, const char *const *keys, const size_t *lens,
                     void **values, unsigned char *added)
{
    intern_lookups b = {keys, lens, values, added, NULL};
    intern_pipeline(t, n, keys, lens, intern_put_one, &b);
}

void intern_find_many(const intern *t, size_t n, const char *const *keys, const size_t *lens,
                      int64_t *ids)
{
    intern_lookups b = {keys, lens, NULL, NULL, ids};
    /* Finding changes nothing: the cast only lets both lookups share the pipeline. */
    intern_pipeline((intern *)t, n, keys, lens, intern_find_one, &b);
}

void *intern_put(intern *t, const void *key, size_t len, uint32_t *id, int *added)
{
    return intern_put_hashed(t, key, len, intern_hash(key, len), id, added);
}

uint32_t intern_add(intern *t, const void *key, size_t len, int *added)
{
    uint32_t id;
    intern_put(t, key, len, &id, added);
    return id;
}

int64_t intern_find(const intern *t, const void *key, size_t len)
{
    const slot *s = intern_probe(t, key, len, intern_hash(key, len));
    return s->e ? (int64_t)s->e->id : -1;
}

uint64_t intern_prune(intern *t, size_t target, uint64_t (*count_of)(const void *value),
                      uint64_t *floor)
{
    uint64_t dropped = 0;
    do {
        ++*floor;
        intern *kept = intern_new(0);
        kept->value_size = t->value_size;
        for (size_t id = 0; id < t->n; id++) {
            const entry *e = t->byid[id];
            const char *value = intern_value_of(e);
            if (count_of(value) <= *floor) {
                dropped++;
                continue;
            }
            memcpy(intern_put(kept, intern_key_of(e), e->len, NULL, NULL), value, t->value_size);
        }
        intern old = *t; /* the caller's handle now holds the kept entries */
        *t = *kept;
        *kept = old;
        intern_free(kept);
    } while (t->n > target);
    return dropped;
}

const char *intern_key(const intern *t, uint32_t id, size_t *len)
{
    if (len)
        *len = t->byid[id]->len;
    return intern_key_of(t->byid[id]);
}

void *intern_value(const intern *t, uint32_t id)
{
    return intern_value_of(t->byid[id]);
}

size_t intern_count(const intern *t)
{
    return t->n;
}
