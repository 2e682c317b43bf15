/* table.c: the corpus keywords table: the phrases in the most documents' top lists, each shown
 * once, in its most frequent surface form, its spellings merged. */
#include "table.h"

#include <stdlib.h>
#include <string.h>

#include "spelling.h"
#include "topsort.h"

/* A row: a phrase's stems, its surface shown, its spelling (kw_spelling_key; NULL for initials)
 * and its counts, those of the spellings merged into it added. */
typedef struct kw_row {
    const char *key, *surface, *spelling;
    size_t len, slen, spelling_len;
    size_t words; /* of the surface: the more, the more it is written apart */
    int capital;  /* whether the surface begins with a capital: a name's spellings are kept from
                   * a word's ("Tele-Communications", a firm, and "telecommunications") */
    uint64_t docs;
    int64_t micro;
} kw_row;

/* The table's order: by documents, most first, then by stems. */
static int kw_row_cmp(const void *x, const void *y)
{
    const kw_row *a = x, *b = y;
    if (a->docs != b->docs)
        return a->docs > b->docs ? -1 : 1;
    return intern_bytes_cmp(a->key, a->len, b->key, b->len);
}

/* The order that puts a phrase's spellings together, a name's apart from a word's, and the one
 * to show first: in the most documents' lists, then written apart ("cyber security" before
 * "cybersecurity"), as a story's list shows it on a tie, then by stems. Initials (no spelling)
 * go last, each on its own. */
static int kw_spelling_cmp(const void *x, const void *y)
{
    const kw_row *a = *(const kw_row *const *)x, *b = *(const kw_row *const *)y;
    if (!a->spelling != !b->spelling)
        return a->spelling ? -1 : 1;
    int c = a->spelling ? intern_bytes_cmp(a->spelling, a->spelling_len, b->spelling, b->spelling_len) : 0;
    if (c)
        return c;
    if (a->capital != b->capital)
        return a->capital ? -1 : 1;
    if (a->docs != b->docs)
        return a->docs > b->docs ? -1 : 1;
    if (a->words != b->words)
        return a->words > b->words ? -1 : 1;
    return intern_bytes_cmp(a->key, a->len, b->key, b->len);
}

/* Each phrase's most frequent surface (ties: the smaller in bytes), in one pass over the
 * surface counts, into ROWS (those of LISTED's ids). */
static void kw_best_surfaces(const intern *listed, const intern *surfaces, kw_row *rows)
{
    size_t n = intern_count(listed);
    uint64_t *best_count = calloc(n ? n : 1, sizeof *best_count);
    if (!best_count)
        abort();
    /* Every listed phrase had a surface counted with it (keywords_process): the stem phrase
     * itself stands in only where that was ever not so, rather than an unset pointer. */
    for (uint32_t id = 0; id < n; id++) {
        rows[id].surface = rows[id].key;
        rows[id].slen = rows[id].len;
    }
    for (uint32_t i = 0; i < intern_count(surfaces); i++) {
        size_t kl;
        const char *k = intern_key(surfaces, i, &kl);
        size_t len = strlen(k); /* the phrase, up to its NUL */
        int64_t id = intern_find(listed, k, len);
        if (id < 0)
            continue;
        uint64_t count = *(const uint64_t *)intern_value(surfaces, i);
        const char *s = k + len + 1;
        size_t sl = kl - len - 1;
        kw_row *r = &rows[id];
        uint64_t bc = best_count[id];
        int cmp = bc ? memcmp(s, r->surface, sl < r->slen ? sl : r->slen) : 0;
        if (!bc || count > bc || (count == bc && (cmp < 0 || (!cmp && sl < r->slen)))) {
            r->surface = s;
            r->slen = sl;
            best_count[id] = count;
        }
    }
    free(best_count);
}

/* Merges the rows of one phrase's spellings into the first of each (kw_spelling_cmp), in ROWS'
 * order: their documents and scores add up, as a story's list holds one spelling (kw_top: of
 * Reuters' 19,043 lists, none holds two but initials, which stay apart here too). Its stems and
 * document frequency stay its own: a story may write two spellings, so theirs do not add up.
 * Returns how many rows are left, at the start of ROWS. */
static size_t kw_merge_spellings(kw_row *rows, size_t n)
{
    quarry_buf letters = {0};
    size_t *at = malloc((n ? n : 1) * sizeof *at);
    kw_row **order = malloc((n ? n : 1) * sizeof *order);
    if (!at || !order)
        abort();
    for (size_t i = 0; i < n; i++) {
        at[i] = letters.len;
        rows[i].words = 1;
        rows[i].capital = rows[i].slen && rows[i].surface[0] >= 'A' && rows[i].surface[0] <= 'Z';
        for (size_t k = 0; k < rows[i].slen; k++)
            rows[i].words += rows[i].surface[k] == ' ';
        if (kw_spelling_key(rows[i].surface, rows[i].slen, &letters) < 0)
            at[i] = SIZE_MAX;
        else
            rows[i].spelling_len = letters.len - at[i];
    }
    for (size_t i = 0; i < n; i++) { /* the letters are all in place: point into them */
        rows[i].spelling = at[i] == SIZE_MAX ? NULL : letters.data ? letters.data + at[i] : "";
        order[i] = &rows[i];
    }
    qsort(order, n, sizeof *order, kw_spelling_cmp);
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && order[i]->spelling && order[j]->spelling &&
                        order[j]->capital == order[i]->capital && order[j]->spelling_len == order[i]->spelling_len &&
                        !memcmp(order[j]->spelling, order[i]->spelling, order[i]->spelling_len);
             j++) {
            order[i]->docs += order[j]->docs;
            order[i]->micro += order[j]->micro;
            order[j]->docs = 0; /* merged */
        }
    }
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (rows[i].docs)
            rows[kept++] = rows[i];
    free(order);
    free(at);
    quarry_buf_free(&letters);
    return kept;
}

const char *const kw_table_columns[KW_TABLE_COLUMNS] = {"keyword", "stems", "documents", "df", "score"};

void kw_table_emit(quarry_ctx *ctx, const char *name, const intern *listed, const intern *surfaces, const intern *df,
                   size_t rows_max)
{
    size_t n = intern_count(listed);
    if (!rows_max || !n)
        return;
    kw_row *rows = calloc(n, sizeof *rows);
    if (!rows)
        abort();
    for (uint32_t i = 0; i < n; i++) {
        const kw_listed *c = intern_value(listed, i);
        rows[i].key = intern_key(listed, i, &rows[i].len);
        rows[i].docs = c->docs;
        rows[i].micro = c->micro;
    }
    kw_best_surfaces(listed, surfaces, rows);
    n = kw_merge_spellings(rows, n);
    size_t shown = topsort(rows, n, sizeof *rows, rows_max < n ? rows_max : n, kw_row_cmp);
    quarry_record *row = quarry_record_new();
    for (size_t i = 0; i < shown; i++) {
        int64_t df_id = intern_find(df, rows[i].key, rows[i].len);
        quarry_record_clear(row);
        quarry_set_string(row, "_table", name, strlen(name));
        quarry_set_string(row, kw_table_columns[0], rows[i].surface, rows[i].slen);
        quarry_set_string(row, kw_table_columns[1], rows[i].key, rows[i].len);
        quarry_set_int(row, kw_table_columns[2], (int64_t)rows[i].docs);
        quarry_set_int(row, kw_table_columns[3], df_id >= 0 ? *(const uint32_t *)intern_value(df, (uint32_t)df_id) : 0);
        quarry_set_float(row, kw_table_columns[4], (double)rows[i].micro / 1e6 / (double)rows[i].docs);
        quarry_emit(ctx, row);
    }
    quarry_record_free(row);
    free(rows);
}
