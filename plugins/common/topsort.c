/* topsort.c: the best few of many elements, in order, without sorting them all. */
#include "topsort.h"

#include <stdlib.h>
#include <string.h>

static void topsort_swap(char *a, char *b, size_t size, char *tmp)
{
    memcpy(tmp, a, size);
    memcpy(a, b, size);
    memcpy(b, tmp, size);
}

size_t topsort(void *base, size_t n, size_t size, size_t m,
               int (*cmp)(const void *, const void *))
{
    char *v = base;
    if (m >= n) {
        qsort(v, n, size, cmp);
        return n;
    }
    char *scratch = malloc(2 * size); /* the pivot, then room for a swap */
    if (!scratch)
        abort();
    /* Repeated partitioning (Hoare's), keeping the side that holds the M-th best, costs about
     * 2N comparisons; then only the best M are sorted. */
    size_t lo = 0, hi = n; /* the M-th best lies in v[lo..hi) */
    while (hi - lo > 1) {
        memcpy(scratch, v + (lo + (hi - lo) / 2) * size, size);
        size_t i = lo, j = hi - 1;
        while (i <= j) { /* better than the pivot to the left */
            /* The pivot's own value stops both scans; the bounds keep a comparator that is no
             * total order (NaN compared as a number) from running them off the array. */
            while (i < hi - 1 && cmp(v + i * size, scratch) < 0)
                i++;
            while (j > lo && cmp(v + j * size, scratch) > 0)
                j--;
            if (i <= j) {
                topsort_swap(v + i * size, v + j * size, size, scratch + size);
                i++;
                if (j == 0)
                    break;
                j--;
            }
        }
        if (m <= j)
            hi = j + 1;
        else if (m >= i)
            lo = i;
        else
            break;
    }
    free(scratch);
    qsort(v, m, size, cmp);
    return m;
}
