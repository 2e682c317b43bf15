/* idioms.h: the words that news writes in set ways over the corpus, which make no noun phrase
 * of the story: after a bare preposition in most of their occurrences, the nouns of set phrases
 * ("in principle", "letter of intent") and the verbs after "to" ("to acquire"); and beside a
 * reporting verb in half or more, the sources of quotes ("a spokesman said", "the company
 * said", "said in a statement"). */
#ifndef QUARRY_IDIOMS_H
#define QUARRY_IDIOMS_H

#include <stddef.h>
#include <stdint.h>

#include "candidates.h"
#include "intern.h"

/* A word's occurrences in lower case, those of them right after a preposition, and those
 * within three words of a reporting verb in their sentence. */
typedef struct kw_idiom_count {
    uint32_t seen, bare, reported;
} kw_idiom_count;

/* kw_idioms_count's scratch: for each word it counts, whether it comes right after a
 * preposition and whether beside a reporting verb (KW_IDIOM_* bits); for each token, whether it
 * is a reporting verb. Zero-initialise; free both. */
typedef struct kw_idioms_scratch {
    unsigned char *flags, *reporting;
    size_t cap;
} kw_idioms_scratch;

/* Adds the phrase words of T written in lower case to IDIOMS (the word as written ->
 * kw_idiom_count), looked up through BATCH. Past MAX_WORDS words the rarest are pruned; returns
 * how many. */
uint64_t kw_idioms_count(intern *idioms, const kw_tokens *t, size_t max_words, intern_batch *batch,
                         kw_idioms_scratch *scratch);

/* Whether token I of T, a word in lower case, makes no noun phrase by itself, as IDIOMS (or
 * NULL) has seen it in twenty occurrences or more: right after a preposition of its clause, a
 * word seen there in 70% of them or more; anywhere, a word seen within three words of a
 * reporting verb in half of them or more. */
int kw_idiom(const intern *idioms, const kw_tokens *t, size_t i);
#endif
