/* counted.c: the keys of the documents a keywords model has counted. */
#include "counted.h"

#include <xxhash.h>

/* The hash of the strings of LIST after HASH: each string is hashed apart, seeded with the hash
 * so far, so that the bytes are split as the list splits them ("ab", "c" is not "a", "bc"), in
 * order; and the count first, so that no list runs into the next. Integers seed XXH3 and
 * strings are its bytes: the key is the same on any machine, as a model read elsewhere needs. */
static uint64_t kw_counted_hash_list(uint64_t hash, const quarry_strings *list)
{
    hash = XXH3_64bits_withSeed("", 0, hash ^ list->n);
    for (size_t i = 0; i < list->n; i++)
        hash = XXH3_64bits_withSeed(list->str[i], list->len[i], hash);
    return hash;
}

uint64_t kw_counted_key(const quarry_record *rec, const kw_tokens *t)
{
    size_t len = 0;
    const char *id = quarry_get_string(rec, "id", &len);
    uint64_t hash = XXH3_64bits(id ? id : "", id ? len : 0);
    return kw_counted_hash_list(kw_counted_hash_list(hash, &t->stems), &t->surface);
}

intern *kw_counted_new(void)
{
    return intern_new(1);
}

int kw_counted_add(intern *counted, uint64_t key)
{
    int added;
    unsigned char *before = intern_put(counted, &key, sizeof key, NULL, &added);
    return added || *before != KW_COUNTED_BEFORE;
}

void kw_counted_add_before(intern *counted, uint64_t key)
{
    *(unsigned char *)intern_put(counted, &key, sizeof key, NULL, NULL) = KW_COUNTED_BEFORE;
}
