/* intern.h: a table giving each distinct byte string a dense id (0, 1, 2, ...) and a small
 * value stored beside it, for stages that count terms. */
#ifndef QUARRY_INTERN_H
#define QUARRY_INTERN_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct intern intern;

/* A table whose entries each carry VALUE_SIZE bytes of value, zeroed when the key is added,
 * aligned for any scalar type. */
intern *intern_new(size_t value_size);
void intern_free(intern *t);
/* Empties T for reuse: no keys, ids start again at 0, earlier values and keys are gone. */
void intern_clear(intern *t);
/* The value of KEY (LEN bytes), its id in *ID (if not NULL), adding the key with the next id if
 * it is new; *ADDED (if not NULL) says which. Aborts when memory runs out, as the core's
 * setters do. Values stay where they are as the table grows. */
void *intern_put(intern *t, const void *key, size_t len, uint32_t *id, int *added);
/* intern_put for N keys at once (KEYS[i], LENS[i] bytes), each value in VALUES[i] and whether
 * it was added in ADDED[i]: the same results as N calls in order, several times faster on a
 * table bigger than the cache, as the memory of later keys is fetched while earlier ones are
 * compared. */
void intern_put_many(intern *t, size_t n, const char *const *keys, const size_t *lens,
                     void **values, unsigned char *added);
/* The arrays intern_put_many takes, kept from call to call: reserve room for N keys, fill
 * keys[i] and lens[i], then intern_put_many(t, n, b.keys, b.lens, b.values, b.added). */
typedef struct intern_batch {
    const char **keys;
    size_t *lens;
    void **values;
    unsigned char *added;
    size_t cap;
} intern_batch;
/* Room in B for N keys at least; aborts when memory runs out. */
void intern_batch_reserve(intern_batch *b, size_t n);
void intern_batch_free(intern_batch *b);
/* intern_find for N keys at once, into IDS: safe beside other readers, as it changes nothing. */
void intern_find_many(const intern *t, size_t n, const char *const *keys, const size_t *lens,
                      int64_t *ids);
/* The id of KEY, added if it is new. */
uint32_t intern_add(intern *t, const void *key, size_t len, int *added);
/* The id of KEY, or -1 if absent. */
int64_t intern_find(const intern *t, const void *key, size_t len);
/* The bytes of id ID (followed by a NUL not counted in *LEN), and its value; valid while T
 * lives. */
const char *intern_key(const intern *t, uint32_t id, size_t *len);
void *intern_value(const intern *t, uint32_t id);
size_t intern_count(const intern *t);
/* Bounds a table of counts: raises *FLOOR by one, and again while more than TARGET entries
 * remain, dropping every entry whose count (COUNT_OF reads it from a value) is at most the
 * floor. Returns how many were dropped. The kept entries keep their order, values and keys,
 * but not their ids nor the addresses of their values: T is rebuilt. */
uint64_t intern_prune(intern *t, size_t target, uint64_t (*count_of)(const void *value),
                      uint64_t *floor);
/* Whether A and B (LEN bytes each) are equal. Keys are mostly words of a few bytes: a loop
 * inlined at the caller is cheaper for them than a call to memcmp. */
static inline int intern_equal(const char *a, const char *b, size_t len)
{
    if (len > 16)
        return memcmp(a, b, len) == 0;
    for (size_t i = 0; i < len; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

/* A (LEN bytes) against B (BLEN bytes) in byte order, a prefix before what it begins: the one
 * order in which tables are emitted, so that they do not depend on the order of arrival. */
static inline int intern_bytes_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
    int c = alen && blen ? memcmp(a, b, alen < blen ? alen : blen) : 0;
    return c ? c : (alen > blen) - (alen < blen);
}

/* The hash the table uses: a 64-bit mix of the bytes, word at a time. */
uint64_t intern_hash(const void *key, size_t len);
#endif
