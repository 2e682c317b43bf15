/* topsort.h: the best few of many elements, in order, without sorting them all. */
#ifndef QUARRY_TOPSORT_H
#define QUARRY_TOPSORT_H
#include <stddef.h>

/* Puts the best M of the N elements of SIZE bytes at BASE first, in CMP's order (qsort's
 * contract; CMP must tell any two distinct elements apart), the rest after them in any order.
 * Returns how many are in order: M, or N if M >= N. */
size_t topsort(void *base, size_t n, size_t size, size_t m,
               int (*cmp)(const void *, const void *));
#endif
