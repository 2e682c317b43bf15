/* model.h: the keywords stage's saved document frequencies, so that a nightly run scores new
 * documents against the corpus so far. */
#ifndef QUARRY_MODEL_H
#define QUARRY_MODEL_H
#include <quarry.h>
#include <stdint.h>
#include <stdio.h>

#include "intern.h"

/* The file: a first line "# quarry keywords model 2", a line "documents<TAB>N", the settings
 * its phrases were made with, "field<TAB>NAME" and "max-words<TAB>N", then one line per
 * phrase: "PHRASE<TAB>DF", in byte order of the phrases. Version 1 had no settings lines. */

typedef struct kw_model_info {
    int version;
    char field[64];  /* the list the phrases are made of ("stems"); empty in version 1 */
    int max_words;   /* the longest phrase, in words; 0 in version 1 */
} kw_model_info;

/* Adds the frequencies of the model at PATH to DF (stem phrase -> uint32_t) and its documents
 * to *DOCS, and tells its settings in INFO. Returns 0, or -1 with the reason (naming PATH and
 * the line) in ERR. */
int kw_model_load(const char *path, intern *df, uint64_t *docs, kw_model_info *info, quarry_buf *err);
/* Writes DF and DOCS, counted over phrases of FIELD up to MAX_WORDS words, to F in the format
 * above. Returns 0, or -1 if writing failed. */
int kw_model_write(FILE *f, const intern *df, uint64_t docs, const char *field, int max_words);
#endif
