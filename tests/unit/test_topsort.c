/* test_topsort.c: unit tests of the partial sort that picks the best rows of a table. */
#include "topsort.h"

#include "testutil.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct row {
    double score;
    unsigned id;
    char pad[36]; /* wider than any register: swaps must move every byte */
} row;

static int row_cmp(const void *x, const void *y)
{
    const row *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

/* N rows with few distinct scores (ties broken by id), in a scrambled order. */
static row *rows_new(size_t n)
{
    row *v = calloc(n, sizeof *v);
    for (size_t i = 0; i < n; i++) {
        unsigned id = (unsigned)((i * 7919) % n); /* 7919 is prime: a permutation of 0..n-1 */
        v[i].id = id;
        v[i].score = (double)(id % 13);
        memset(v[i].pad, (int)(id & 0xff), sizeof v[i].pad);
    }
    return v;
}

START_TEST(test_best_first_in_order)
{
    const size_t n = 5000;
    row *all = rows_new(n);
    qsort(all, n, sizeof *all, row_cmp);
    const size_t ms[] = {0, 1, 10, 1000, 4999, 5000, 9000};
    for (size_t k = 0; k < sizeof ms / sizeof *ms; k++) {
        row *w = rows_new(n);
        size_t m = ms[k], done = topsort(w, n, sizeof *w, m, row_cmp);
        ck_assert_uint_eq(done, m < n ? m : n);
        for (size_t i = 0; i < done; i++) {
            ck_assert_uint_eq(w[i].id, all[i].id);
            ck_assert_int_eq(w[i].pad[35], (char)(w[i].id & 0xff));
        }
        /* The rest are the other rows, each once: sorting them gives the full order. */
        qsort(w + done, n - done, sizeof *w, row_cmp);
        ck_assert_int_eq(memcmp(w, all, n * sizeof *w), 0);
        free(w);
    }
    free(all);
}
END_TEST

/* A comparator that is no total order (row_cmp on NaN scores, as a score of 0 / 0 once was)
 * leaves the order unspecified, but never sends the partitioning off the array: every row is
 * still there once. */
START_TEST(test_no_total_order_stays_in_bounds)
{
    size_t n = 3000;
    row *v = rows_new(n);
    for (size_t i = 0; i < n; i++)
        if (v[i].id % 3 == 0)
            v[i].score = NAN;
    ck_assert_uint_eq(topsort(v, n, sizeof *v, 20, row_cmp), 20);
    char *seen = calloc(n, 1);
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_lt(v[i].id, n);
        ck_assert(!seen[v[i].id]);
        seen[v[i].id] = 1;
    }
    free(seen);
    free(v);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("topsort");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_best_first_in_order);
    tcase_add_test(tc, test_no_total_order_stays_in_bounds);
    suite_add_tcase(s, tc);
    return testutil_run(s);
}
