/* model.h: the keywords stage's saved document frequencies, so that a nightly run scores new
 * documents against the corpus so far. */
#ifndef QUARRY_MODEL_H
#define QUARRY_MODEL_H
#include <quarry.h>
#include <stdint.h>
#include <stdio.h>

#include "intern.h"

/* The file: a first line "# quarry keywords model 1", a line "documents<TAB>N", then one line
 * per stem phrase: "PHRASE<TAB>DF", in byte order of the phrases. */

/* Adds the frequencies of the model at PATH to DF (stem phrase -> uint32_t) and its documents
 * to *DOCS. Returns 0, or -1 with the reason (naming PATH and the line) in ERR. */
int kw_model_load(const char *path, intern *df, uint64_t *docs, quarry_buf *err);
/* Writes DF and DOCS to F in the format above. Returns 0, or -1 if writing failed. */
int kw_model_write(FILE *f, const intern *df, uint64_t docs);
#endif
