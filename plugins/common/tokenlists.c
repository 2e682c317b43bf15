/* tokenlists.c: the per-token lists the tokenize stage writes, read back by later stages. */
#include "tokenlists.h"

#include <string.h>

void tokenlists_flags(const quarry_record *rec, const char *name, unsigned char *flags, size_t n)
{
    memset(flags, 0, n);
    quarry_ints v = {0};
    quarry_get_ints(rec, name, &v); /* in one step: no value per token; empty if absent */
    for (size_t i = 0; i < v.n && i < n; i++)
        flags[i] = v.v[i] != 0;
    quarry_ints_free(&v);
}

/* FLAGS[i] = 1 for each token index i of list field NAME (those out of range ignored). */
static void tokenlists_mark(const quarry_record *rec, const char *name, unsigned char *flags, size_t n)
{
    quarry_ints v = {0};
    quarry_get_ints(rec, name, &v); /* in one step: no value per token; empty if absent */
    for (size_t i = 0; i < v.n; i++)
        if (v.v[i] >= 0 && (uint64_t)v.v[i] < n)
            flags[v.v[i]] = 1;
    quarry_ints_free(&v);
}

void tokenlists_indices(const quarry_record *rec, const char *name, unsigned char *flags, size_t n)
{
    memset(flags, 0, n);
    tokenlists_mark(rec, name, flags, n);
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
