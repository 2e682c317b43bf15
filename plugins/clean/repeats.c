/* repeats.c: the lines a document holds more than once, compared byte for byte (after
 * doc_load's folding of white space): a headline or a paragraph told twice, and a page's
 * template lines. */
#include "clean.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

/* Shorter lines may repeat in any text ("Year", "Nine mths"). */
#define REPEATS_MIN_BYTES 12

void repeats_count(const clean_doc *doc, size_t min, long also, repeats_index *index)
{
    /* One block for both arrays; DOC->n + 1 entries, so that an empty document allocates. */
    index->first = malloc((doc->n + 1) * (sizeof *index->first + sizeof *index->copies));
    if (!index->first)
        abort();
    index->copies = (unsigned *)(index->first + doc->n + 1);
    size_t *first = index->first;
    unsigned *copies = index->copies;
    size_t cap = 64;
    while (cap < doc->n * 2)
        cap *= 2;
    /* Open addressing on the text's hash; a slot holds its line's index + 1 (0: empty). */
    size_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        abort();
    for (size_t i = 0; i < doc->n; i++) {
        const clean_line *l = &doc->lines[i];
        first[i] = REPEATS_NONE;
        copies[i] = 0;
        if (l->blank || l->len < min || (l->drop && (long)i != also))
            continue;
        const char *s = doc_line(doc, i);
        size_t h = (size_t)XXH3_64bits(s, l->len) & (cap - 1);
        while (slots[h]) {
            size_t k = slots[h] - 1;
            if (doc->lines[k].len == l->len && !memcmp(doc_line(doc, k), s, l->len))
                break;
            h = (h + 1) & (cap - 1);
        }
        if (!slots[h])
            slots[h] = i + 1;
        first[i] = slots[h] - 1;
        copies[first[i]]++;
    }
    free(slots);
}

/* Whether line I of DOC begins a unit of text (a paragraph, a sentence, a headline, a row): the
 * first line, one after a line that a rule took, one indented as wire copy begins its
 * paragraphs, or one that the sentence above does not run onto. */
static int repeats_unit_start(const clean_doc *doc, size_t i)
{
    return i == 0 || doc->lines[i - 1].drop || doc->lines[i].indent >= 2 || !doc_runs_on(doc, i - 1);
}

/* Whether line I of DOC ends a unit of text: the last, one before a line that a rule took, or
 * one whose sentence does not run onto the next line. */
static int repeats_unit_end(const clean_doc *doc, size_t i)
{
    return i + 1 >= doc->n || doc->lines[i + 1].drop || doc->lines[i + 1].indent >= 2 || !doc_runs_on(doc, i);
}

/* Whether lines A and B of DOC hold the same bytes. */
static int repeats_same(const clean_doc *doc, size_t a, size_t b)
{
    return doc->lines[a].len == doc->lines[b].len &&
           !memcmp(doc_line(doc, a), doc_line(doc, b), doc->lines[a].len);
}

void repeats_drop(clean_doc *doc, long title)
{
    repeats_index index;
    repeats_count(doc, REPEATS_MIN_BYTES, title, &index);
    size_t *first = index.first;
    /* A table's row told again is data, as a report's year and quarter may have the same
     * figures ("Avg shrs 2,332,397 vs 1,428,000"): it is no copy. Asked of the copies alone. */
    for (size_t i = 0; i < doc->n; i++)
        if (first[i] != REPEATS_NONE && first[i] != i && boiler_table_row(doc_line(doc, i), doc->lines[i].len))
            first[i] = i;
    /* A copy goes as a whole unit of text: a paragraph, a sentence, a headline. Hard-wrapped
     * copy breaks its sentences over lines, and two sentences may end on the same words
     * ("... underlying economic" / "fundamentals."): such a line alone is no copy of a unit.
     * A run of copies is the lines each a copy of an earlier one, and the short lines that
     * follow their copies' next lines ("NatNed said." after a paragraph told twice). */
    for (size_t i = 0; i < doc->n; i++) {
        if (first[i] == REPEATS_NONE || first[i] == i)
            continue;
        if ((long)first[i] == title) { /* the headline again, whatever stands beside it */
            doc->lines[i].drop = 1;
            doc->lines[i].rule = "repeat";
            continue;
        }
        size_t end = i; /* the run: lines I to END */
        while (end + 1 < doc->n && !doc->lines[end + 1].blank && !doc->lines[end + 1].drop) {
            size_t next = end + 1;
            if (first[next] != REPEATS_NONE && first[next] != next) {
                end = next;
                continue;
            }
            size_t twin = first[end] + 1; /* where the earlier copy goes on */
            if (first[end] == REPEATS_NONE || twin >= i || !repeats_same(doc, twin, next) ||
                boiler_table_row(doc_line(doc, next), doc->lines[next].len))
                break;
            first[next] = twin;
            end = next;
        }
        size_t from = i, to = end + 1;
        while (from < to && !repeats_unit_start(doc, from))
            from++;
        while (to > from && !repeats_unit_end(doc, to - 1))
            to--;
        for (size_t k = from; k < to; k++) {
            doc->lines[k].drop = 1;
            doc->lines[k].rule = "repeat";
        }
        i = end;
    }
    free(index.first);
}
