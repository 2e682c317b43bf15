/* spelling.h: whether two phrases of a document are one spelled two ways, by their letters:
 * "noteholders" and "note holders", "tax-free reserves" and "TAX FREE RESERVES". */
#ifndef QUARRY_SPELLING_H
#define QUARRY_SPELLING_H
#include <quarry.h>

#include "candidates.h"

/* Whether candidates A and B of D are written with the same letters where each is first seen,
 * case (ASCII), hyphens, the breaks between words and a possessive ending aside; no part of
 * either a letter alone, as initials are ("S-K-I" beside "ski"). Needs D's tokens (kw_doc). */
int kw_spelled_alike(const kw_doc *d, const kw_cand *a, const kw_cand *b);
/* Appends to OUT the letters of phrase S (LEN bytes, words apart by spaces) as kw_spelled_alike
 * compares them. 0, or -1 when a part of S is a letter alone (initials), with OUT as it was. */
int kw_spelling_key(const char *s, size_t len, quarry_buf *out);
#endif
