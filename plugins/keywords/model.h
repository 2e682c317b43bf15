/* model.h: the keywords stage's saved document frequencies, so that a nightly run scores new
 * documents against the corpus so far. */
#ifndef QUARRY_MODEL_H
#define QUARRY_MODEL_H
#include <quarry.h>
#include <stdint.h>
#include <stdio.h>

#include "intern.h"

/* The file: a first line "# quarry keywords model 7", a line "documents<TAB>N", the settings
 * its phrases were made with, "field<TAB>NAME" and "max-words<TAB>N", then one line per
 * phrase: "PHRASE<TAB>DF", in byte order of the phrases; then a line "casings" and one line per
 * word: "WORD<TAB>LOWER<TAB>CAPITAL<TAB>CAPITALS<TAB>MIXED", how often the corpus wrote it so
 * inside sentences (casing.h), in byte order; then a line "idioms" and one line per word as
 * written in lower case: "WORD<TAB>SEEN<TAB>AFTER<TAB>BESIDE", its occurrences, those right after
 * a preposition and those beside a reporting verb (idioms.h), in byte order; then a line
 * "possessives" and one line per stem: "STEM<TAB>N", how often the corpus wrote it capitalised
 * with an English possessive ending where its case is told (surface.h), in byte order; then a
 * line "counted" and one line per document counted: its key (counted.h), 16 hexadecimal
 * digits, in their order; last, a line "end", without which the file was cut short (it may
 * come after any section: a background keeps its phrases alone). Version 6
 * had no end line, version 5 neither possessives nor keys, version 4 no BESIDE, version 3 no
 * idioms, version 2 no casings, and version 1 no settings lines either. */

typedef struct kw_model_info {
    int version;
    char field[64];  /* the list the phrases are made of ("stems"); empty in version 1 */
    int max_words;   /* the longest phrase, in words; 0 in version 1 */
} kw_model_info;

/* What a model holds: the document frequencies (stem phrase -> uint32_t), the casings (stem ->
 * kw_casing), the idioms (word -> kw_idiom_count), the possessives (stem -> uint32_t), the
 * documents counted (counted.h) and how many they are. */
typedef struct kw_model_tables {
    intern *df, *casings, *idioms, *possessives, *counted;
    uint64_t docs;
} kw_model_tables;

/* Adds what the model at PATH holds to the tables of T, its documents' keys to T->counted as
 * the model's (unless T->counted is NULL: they are passed over), and tells its settings in
 * INFO. Returns 0, or an exit status (datafile.h) with the reason, naming PATH and the line, in
 * ERR. */
int kw_model_load(const char *path, kw_model_tables *t, kw_model_info *info, quarry_buf *err);
/* Writes the tables of T, counted over phrases of FIELD up to MAX_WORDS words, to F in the
 * format above. Returns 0, or -1 if writing failed. */
int kw_model_write(FILE *f, const kw_model_tables *t, const char *field, int max_words);
#endif
