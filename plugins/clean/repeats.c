/* repeats.c: the lines a document holds more than once, compared byte for byte (after
 * doc_load's folding of white space): a headline or a paragraph told twice, and a page's
 * template lines. */
#include "clean.h"

#include <stdlib.h>
#include <string.h>

/* Shorter lines may repeat in any text ("Year", "Nine mths"). */
#define REPEATS_MIN_BYTES 12

void repeats_count(const clean_doc *doc, size_t min, long also, size_t *first, unsigned *copies)
{
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
        size_t h = (size_t)boiler_fnv(s, l->len) & (cap - 1);
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

void repeats_drop(clean_doc *doc, long title)
{
    size_t *first = malloc((doc->n + 1) * sizeof *first);
    unsigned *copies = malloc((doc->n + 1) * sizeof *copies);
    if (!first || !copies)
        abort();
    repeats_count(doc, REPEATS_MIN_BYTES, title, first, copies);
    for (size_t i = 0; i < doc->n; i++)
        if (first[i] != REPEATS_NONE && first[i] != i) {
            doc->lines[i].drop = 1;
            doc->lines[i].rule = "repeat";
        }
    free(first);
    free(copies);
}
