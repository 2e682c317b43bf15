/* tokenlists.h: the per-token lists the tokenize stage writes ('stop', 'sentences', 'clauses',
 * 'codes'), read back by the stages after it. */
#ifndef QUARRY_TOKENLISTS_H
#define QUARRY_TOKENLISTS_H
#include <quarry.h>
#include <stddef.h>

/* The integers of list field NAME as N flags, 0 or 1 (absent or short: 0). */
void tokenlists_flags(const quarry_record *rec, const char *name, unsigned char *flags, size_t n);
/* FLAGS[i] = 1 for each token index i of list field NAME ('codes'), else 0 (absent: all 0). */
void tokenlists_indices(const quarry_record *rec, const char *name, unsigned char *flags, size_t n);
/* STARTS[i] = 1 where a sentence begins (the 'sentences' list, and token 0), else 0; STARTS
 * has room for N + 1 flags, as a sentence may be said to start after the last token. */
void tokenlists_starts(const quarry_record *rec, unsigned char *starts, size_t n);
/* CLAUSES[i] = 1 where a sentence (STARTS, as tokenlists_starts made it) or a clause (the
 * 'clauses' list: after a comma, a quote, a bracket inside a sentence) begins; N + 1 flags.
 * CLAUSES may be STARTS itself. */
void tokenlists_clauses(const quarry_record *rec, const unsigned char *starts, unsigned char *clauses, size_t n);
#endif
