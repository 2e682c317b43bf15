/* tokenlists.c: the per-token lists the tokenize stage writes, read back by later stages. */
#include "tokenlists.h"

#include <string.h>

void tokenlists_flags(const quarry_record *rec, const char *name, unsigned char *flags, size_t n)
{
    memset(flags, 0, n);
    const quarry_value *v = quarry_get(rec, name);
    size_t m = quarry_value_size(v);
    for (size_t i = 0; i < m && i < n; i++)
        flags[i] = quarry_value_int(quarry_value_at(v, i)) != 0;
}

/* FLAGS[i] = 1 for each token index i of list field NAME (those out of range ignored). */
static void tokenlists_mark(const quarry_record *rec, const char *name, unsigned char *flags, size_t n)
{
    const quarry_value *v = quarry_get(rec, name);
    for (size_t i = 0; i < quarry_value_size(v); i++) {
        int64_t at = quarry_value_int(quarry_value_at(v, i));
        if (at >= 0 && (uint64_t)at < n)
            flags[at] = 1;
    }
}

void tokenlists_starts(const quarry_record *rec, unsigned char *starts, size_t n)
{
    memset(starts, 0, n + 1);
    starts[0] = 1;
    tokenlists_mark(rec, "sentences", starts, n);
}

void tokenlists_clauses(const quarry_record *rec, const unsigned char *starts, unsigned char *clauses, size_t n)
{
    if (clauses != starts)
        memcpy(clauses, starts, n + 1);
    tokenlists_mark(rec, "clauses", clauses, n);
}
