/* casing.h: how the corpus writes each word where its case is told, to show a word that a
 * document writes only in a headline ("DIVIDEND" of "HUMANA INC REGULAR DIVIDEND") as the
 * corpus's text writes it ("dividend"). */
#ifndef QUARRY_CASING_H
#define QUARRY_CASING_H

#include <quarry.h>
#include <stdint.h>

#include "intern.h"

/* How a surface form is written: lower case ("dividend"), capitalised ("Humana"), in capitals
 * ("OPEC"), or otherwise ("McDonald", "iPhone", "5G"), which no rule rewrites. */
enum { KW_LOWER, KW_CAPITAL, KW_CAPITALS, KW_MIXED, KW_CASINGS };

/* A word's occurrences inside sentences (not first, not in a headline), by casing. */
typedef struct kw_casing {
    uint32_t count[KW_CASINGS];
} kw_casing;

/* The casing of surface S (letters A-Z and beyond ASCII, as utf8proc classes them). */
int kw_casing_of(const char *s, size_t len);

/* Adds CASING[id], the casings of each word of WORDS (a document's stems, by id), to CORPUS
 * (stem -> kw_casing), looked up through BATCH. Past MAX_WORDS words the rarest are pruned;
 * returns how many. */
uint64_t kw_casing_add(intern *corpus, const intern *words, const kw_casing *casing, size_t max_words,
                       intern_batch *batch);

/* The casing most of C's occurrences have; KW_MIXED when C is NULL or none has more than every
 * other. */
int kw_casing_main(const kw_casing *c);

/* Appends S to OUT rewritten in CASING; as it is for KW_MIXED. */
void kw_casing_write(quarry_buf *out, const char *s, size_t len, int casing);

/* Appends S to OUT capitalised as a place's name is, each part between hyphens: "WINSTON-SALEM"
 * gives "Winston-Salem". */
void kw_casing_write_place(quarry_buf *out, const char *s, size_t len);
#endif
