/* counted.h: which documents a keywords model has counted, so that a document read again (a
 * nightly run over the whole corpus, a run repeated) is not counted twice. */
#ifndef QUARRY_COUNTED_H
#define QUARRY_COUNTED_H
#include <quarry.h>
#include <stdint.h>

#include "candidates.h"
#include "intern.h"

/* The key of a document: a 64-bit hash (XXH3, whose output is fixed by its specification, as a
 * saved model needs) of its id and its words as the stage counts them, stems and surface forms.
 * Two documents get one key when they have the same id and the same words: a story edited
 * under its id is a new document, and so is one file name's line of another night's drop. */
uint64_t kw_counted_key(const quarry_record *rec, const kw_tokens *t);

/* The documents counted: a table whose keys are the 8 bytes of a key and whose values are one
 * byte, KW_COUNTED_BEFORE for a document of the model that was loaded, 0 for one of this run. */
enum { KW_COUNTED_BEFORE = 1 };
intern *kw_counted_new(void);
/* Whether the document of key KEY is to be counted: not if the model loaded counted it. Adds
 * the key as this run's if it is new. */
int kw_counted_add(intern *counted, uint64_t key);
/* Adds KEY as a document of the model loaded. */
void kw_counted_add_before(intern *counted, uint64_t key);
#endif
