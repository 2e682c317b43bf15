/* classes.h: the token classes the observe pass worked out, kept for the process pass. */
#ifndef QUARRY_CLASSES_H
#define QUARRY_CLASSES_H
#include <stddef.h>
#include <stdint.h>

#include "candidates.h"

/* kw_tokens_classify asks the word tables and the rules of context of every token: a fifth of
 * the stage's work. The observe pass does it for every document, and the process pass would do
 * it again for the same lists: so observe keeps what it found (two bytes a token, up to a
 * budget) and process takes it back. Kept on one thread (observe), then read from any number
 * (process) without a lock: the core starts process only once observe is done. */
typedef struct kw_classes kw_classes;

/* A store holding at most BUDGET bytes of classes; a document past it is not kept, and the
 * process pass classifies it again. */
kw_classes *kw_classes_new(size_t budget);
void kw_classes_free(kw_classes *c);
/* The key of T's lists as classifying reads them: COUNTED_KEY (kw_counted_key: the id, stems
 * and surface forms) with the stop words, the starts of sentences and clauses and the codes. */
uint64_t kw_classes_key(uint64_t counted_key, const kw_tokens *t);
/* Keeps T's classes (kw_tokens_classify's) under KEY, if the budget has room and the key is new. */
void kw_classes_keep(kw_classes *c, uint64_t key, const kw_tokens *t);
/* T's classes from the ones kept under KEY, for the same number of tokens: 1, or 0 (none kept;
 * T unchanged). */
int kw_classes_take(const kw_classes *c, uint64_t key, kw_tokens *t);
/* Documents kept, and those the budget turned away. */
size_t kw_classes_kept(const kw_classes *c);
size_t kw_classes_refused(const kw_classes *c);
#endif
