/* test_intern.c: unit tests of the interning table the stages count terms with. */
#include "intern.h"

#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

START_TEST(test_ids_values_and_growth)
{
    intern *t = intern_new(sizeof(long));
    int added;
    ck_assert_uint_eq(intern_add(t, "", 0, &added), 0); /* the empty key is a key too */
    ck_assert_int_eq(added, 1);
    long *first = intern_put(t, "cyber", 5, NULL, &added);
    *first = 42;
    char key[32];
    for (int i = 0; i < 100000; i++) { /* many times the first table size */
        int len = snprintf(key, sizeof key, "w%d", i);
        *(long *)intern_put(t, key, (size_t)len, NULL, NULL) = i;
    }
    ck_assert_uint_eq(intern_count(t), 100002);
    /* Values stay where they were as the table grew, and ids are dense, in order of arrival. */
    ck_assert_int_eq(*first, 42);
    ck_assert_ptr_eq(intern_put(t, "cyber", 5, NULL, &added), first);
    ck_assert_int_eq(added, 0);
    ck_assert_int_eq(intern_find(t, "w99999", 6), 100001);
    ck_assert_int_eq(intern_find(t, "w100000", 7), -1);
    ck_assert_int_eq(intern_find(t, "cybe", 4), -1);
    size_t len;
    ck_assert_str_eq(intern_key(t, 2, &len), "w0");
    ck_assert_uint_eq(len, 2);
    ck_assert_int_eq(*(long *)intern_value(t, 100001), 99999);
    /* Keys may hold any byte, NUL included. */
    ck_assert_int_eq(intern_find(t, "cyber\0", 6), -1);
    ck_assert_uint_eq(intern_add(t, "cyber\0", 6, NULL), 100002);
    intern_free(t);
}
END_TEST

/* intern_clear empties the table, whether it zeroes every slot or only the few in use (a short
 * document after a long one), and neighbouring entries of a probe run do not survive it. */
START_TEST(test_clear_forgets_everything)
{
    intern *t = intern_new(sizeof(long));
    char key[32];
    for (int i = 0; i < 5000; i++) { /* grows the table to 8192 slots */
        int len = snprintf(key, sizeof key, "long%d", i);
        intern_add(t, key, (size_t)len, NULL);
    }
    /* A slot left behind by a clear is never emptied again: enough rounds of 300 would fill all
     * 8192 slots, and a lookup would then search forever (the test times out). Failures are
     * counted, not asserted one by one: each ck_assert writes the place it reached to a file. */
    size_t wrong = 0;
    for (int round = 0; round < 10000; round++) {
        intern_clear(t); /* the first zeroes every slot; the others empty 300 of 8192 */
        wrong += intern_count(t) != 0;
        for (int i = 0; i < 300; i++) {
            int len = snprintf(key, sizeof key, "r%d-%d", round, i);
            int added;
            wrong += intern_add(t, key, (size_t)len, &added) != (uint32_t)i || !added;
        }
        int len = snprintf(key, sizeof key, "long%d", round);
        wrong += intern_find(t, key, (size_t)len) != -1;
        if (round) {
            len = snprintf(key, sizeof key, "r%d-%d", round - 1, round % 300);
            wrong += intern_find(t, key, (size_t)len) != -1;
        }
        len = snprintf(key, sizeof key, "r%d-%d", round, round % 300);
        wrong += intern_find(t, key, (size_t)len) != round % 300;
    }
    ck_assert_uint_eq(wrong, 0);
    intern_free(t);
}
END_TEST

/* A cleared table keeps one chunk of entries for the next document, unzeroed: each new entry's
 * value still starts at zero, however full of values the chunk was, for a document of a few
 * chunks (all of it kept) as for one past the largest chunk kept (1 MiB). */
START_TEST(test_clear_reuses_entries_zeroed)
{
    intern *t = intern_new(4 * sizeof(long));
    char key[32];
    size_t wrong = 0;
    const int sizes[] = {3000, 60000, 3000, 60000};
    for (int round = 0; round < 4; round++) {
        intern_clear(t);
        for (int i = 0; i < sizes[round]; i++) {
            int len = snprintf(key, sizeof key, "r%d-%d", round, i);
            long *value = intern_put(t, key, (size_t)len, NULL, NULL);
            for (int k = 0; k < 4; k++) {
                wrong += value[k] != 0;
                value[k] = -1;
            }
        }
        wrong += intern_count(t) != (size_t)sizes[round];
        int len = snprintf(key, sizeof key, "r%d-%d", round, sizes[round] - 1);
        wrong += intern_find(t, key, (size_t)len) != sizes[round] - 1;
        len = snprintf(key, sizeof key, "r%d-%d", round - 1, 0);
        wrong += intern_find(t, key, (size_t)len) != -1;
    }
    ck_assert_uint_eq(wrong, 0);
    intern_free(t);
}
END_TEST

static uint64_t long_count(const void *value)
{
    return (uint64_t)*(const long *)value;
}

/* intern_prune raises the floor until the table fits, and keeps the rest in order, values and
 * all, under the same handle. */
START_TEST(test_prune_keeps_the_frequent)
{
    intern *t = intern_new(sizeof(long));
    char key[32];
    for (int i = 0; i < 100; i++) { /* counts 0, 1, 2, 3, 4, 0, 1, ... */
        int len = snprintf(key, sizeof key, "k%d", i);
        *(long *)intern_put(t, key, (size_t)len, NULL, NULL) = i % 5;
    }
    uint64_t floor = 0;
    /* Floor 1 leaves 60 (counts 2-4), more than 50; floor 2 leaves 40. */
    ck_assert_uint_eq(intern_prune(t, 50, long_count, &floor), 60);
    ck_assert_uint_eq(floor, 2);
    ck_assert_uint_eq(intern_count(t), 40);
    size_t len;
    ck_assert_str_eq(intern_key(t, 0, &len), "k3");
    ck_assert_str_eq(intern_key(t, 1, &len), "k4");
    ck_assert_str_eq(intern_key(t, 39, &len), "k99");
    ck_assert_int_eq(*(long *)intern_value(t, 39), 4);
    ck_assert_int_eq(intern_find(t, "k2", 2), -1);
    ck_assert_int_eq(intern_find(t, "k98", 3), 38);
    /* The table goes on as before: a key added now takes the next id. */
    ck_assert_uint_eq(intern_add(t, "new", 3, NULL), 40);
    /* Called again, the floor rises at least once more. */
    ck_assert_uint_eq(intern_prune(t, 1000, long_count, &floor), 21);
    ck_assert_uint_eq(floor, 3);
    ck_assert_uint_eq(intern_count(t), 20);
    intern_free(t);
}
END_TEST

START_TEST(test_put_many_is_put_in_order)
{
    /* A batch with repeats inside it and keys already present gives what one put after another
     * gives: the same ids, values and 'added' flags; so does one through an intern_batch. */
    enum { N = 5000 };
    static char text[N][16];
    const char *keys[N];
    size_t lens[N];
    for (int i = 0; i < N; i++) {
        lens[i] = (size_t)snprintf(text[i], sizeof text[i], "k%d", (i * 7919) % 1500);
        keys[i] = text[i];
    }
    intern *one = intern_new(sizeof(int)), *many = intern_new(sizeof(int));
    intern_add(one, "k3", 2, NULL);
    intern_add(many, "k3", 2, NULL);
    void *values[N];
    unsigned char added[N];
    intern_put_many(many, N, keys, lens, values, added);
    for (int i = 0; i < N; i++) {
        int was;
        uint32_t id_one, id_many;
        intern_put(one, keys[i], lens[i], &id_one, &was);
        ck_assert_int_eq(added[i], was);
        ck_assert_ptr_eq(intern_put(many, keys[i], lens[i], &id_many, NULL), values[i]);
        ck_assert_uint_eq(id_one, id_many);
    }
    ck_assert_uint_eq(intern_count(many), 1500);
    ck_assert_uint_eq(intern_count(one), intern_count(many));
    intern_put_many(many, 0, keys, lens, values, added); /* an empty batch is fine */
    /* The same lookups through an intern_batch, whose room only grows, and is kept. */
    intern_batch b = {0};
    intern_batch_reserve(&b, 10);
    ck_assert_uint_ge(b.cap, 10);
    size_t cap = b.cap;
    intern_batch_reserve(&b, 5);
    ck_assert_uint_eq(b.cap, cap);
    intern_batch_reserve(&b, N);
    ck_assert_uint_ge(b.cap, N);
    for (int i = 0; i < N; i++) {
        b.keys[i] = keys[i];
        b.lens[i] = lens[i];
    }
    intern_put_many(many, N, b.keys, b.lens, b.values, b.added);
    for (int i = 0; i < N; i++) {
        ck_assert_ptr_eq(b.values[i], values[i]);
        ck_assert_int_eq(b.added[i], 0);
    }
    intern_batch_free(&b);
    ck_assert_ptr_null(b.keys);
    ck_assert_uint_eq(b.cap, 0);
    intern_free(one);
    intern_free(many);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("intern");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_ids_values_and_growth);
    tcase_add_test(tc, test_put_many_is_put_in_order);
    tcase_add_test(tc, test_clear_forgets_everything);
    tcase_add_test(tc, test_clear_reuses_entries_zeroed);
    tcase_add_test(tc, test_prune_keeps_the_frequent);
    suite_add_tcase(s, tc);
    return testutil_run(s);
}
