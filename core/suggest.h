/* suggest.h: "did you mean" for mistyped names. */
#ifndef QUARRY_SUGGEST_H
#define QUARRY_SUGGEST_H
#include <stddef.h>

/* The candidate closest to WORD by edit distance, or NULL when none is close enough to be a
 * plausible typo. */
const char *suggest_closest(const char *word, const char *const *candidates, size_t n);
#endif
