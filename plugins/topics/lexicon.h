/* lexicon.h: topic lexicons (a file of topics, each with weighted terms and phrases) and their
 * BM25-like scores on a document. */
#ifndef QUARRY_LEXICON_H
#define QUARRY_LEXICON_H
#include <quarry.h>
#include <stddef.h>
#include <stdint.h>

#include "intern.h"

#define LEXICON_MAX_WORDS 8 /* the longest phrase */

/* One line of a topic: a word or phrase, matched on stems (a word ending in '*' matches any
 * token it begins), with a weight. */
typedef struct lexicon_term {
    uint32_t topic;
    double weight;
    char *text;                         /* as written in the file, for the evidence */
    uint32_t words;
    char *word[LEXICON_MAX_WORDS];      /* stems, or prefixes of wildcards */
    size_t len[LEXICON_MAX_WORDS];
    unsigned char wild[LEXICON_MAX_WORDS];
} lexicon_term;

#define LEXICON_WILD_KEY 3 /* bytes of a wildcard's prefix that index it */

typedef struct lexicon {
    char **topics;
    size_t ntopics;
    lexicon_term *terms;
    size_t nterms;
    intern *first;      /* a term's first stem -> head of a chain of term indices (uint32_t + 1) */
    uint32_t *next;     /* per term: the next term in its chain (first stem or wildcard key), + 1 */
    intern *wild_key;   /* the first LEXICON_WILD_KEY bytes of a first-word wildcard -> a chain,
                         * latest term first */
    uint32_t *wild_first; /* terms whose first word is a wildcard shorter than the key, latest first */
    size_t nwild;
} lexicon;

/* Reads the lexicon file PATH, stemming its words with LANGUAGE (a libstemmer algorithm, or
 * NULL for none). Returns 0, or an exit status (datafile.h) with the reason, naming PATH and
 * the line, in ERR. */
int lexicon_load(lexicon *lx, const char *path, const char *language, quarry_buf *err);
void lexicon_free(lexicon *lx);

/* A document's tokens: STEMS for exact words, TOKENS (lower-case) for wildcards, STARTS marking
 * each sentence's first token (phrases do not cross a sentence). */
typedef struct lexicon_doc {
    const char *const *stems, *const *tokens;
    const size_t *stem_len, *token_len;
    const unsigned char *starts;
    size_t n;
} lexicon_doc;

/* Counts each term's occurrences in D into COUNTS (one per term, zeroed first). Where terms of
 * one topic overlap, the longest match at a token counts, and shorter ones inside it do not. */
void lexicon_count(const lexicon *lx, const lexicon_doc *d, uint32_t *counts);

/* BM25's saturation of a term seen TF times in a document of DL tokens, where documents
 * average AVGDL: tf (k1 + 1) / (tf + k1 (1 - b + b dl / avgdl)). Bounded by k1 + 1, so one
 * repeated word cannot outweigh several different ones. */
double lexicon_saturate(double tf, double dl, double avgdl, double k1, double b);
#endif
