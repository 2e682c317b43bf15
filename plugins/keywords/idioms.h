/* idioms.h: the words that follow a bare preposition in most of their occurrences over the
 * corpus: the nouns of set phrases ("in principle", "letter of intent", "in addition") and
 * the verbs after "to" ("to acquire"), which make no noun phrase of their own there. */
#ifndef QUARRY_IDIOMS_H
#define QUARRY_IDIOMS_H

#include <stddef.h>
#include <stdint.h>

#include "candidates.h"
#include "intern.h"

/* A word's occurrences in lower case, and those of them right after a preposition. */
typedef struct kw_idiom_count {
    uint32_t seen, bare;
} kw_idiom_count;

/* kw_idioms_count's scratch: whether each word it counts comes right after a preposition.
 * Zero-initialise; free bare. */
typedef struct kw_idioms_scratch {
    unsigned char *bare;
    size_t cap;
} kw_idioms_scratch;

/* Adds the phrase words of T written in lower case to IDIOMS (the word as written ->
 * kw_idiom_count), looked up through BATCH. Past MAX_WORDS words the rarest are pruned; returns
 * how many. */
uint64_t kw_idioms_count(intern *idioms, const kw_tokens *t, size_t max_words, intern_batch *batch,
                         kw_idioms_scratch *scratch);

/* Whether token I of T, in lower case right after a preposition of its clause, is a word that
 * IDIOMS (or NULL) has seen there in most of its occurrences, twenty or more. */
int kw_idiom(const intern *idioms, const kw_tokens *t, size_t i);
#endif
