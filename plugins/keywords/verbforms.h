/* verbforms.h: the English verb forms that never head a noun phrase (generated from WordNet). */
#ifndef QUARRY_VERBFORMS_H
#define QUARRY_VERBFORMS_H
#include <stddef.h>

/* Lower-case ASCII words, sorted: irregular pasts and participles ("told", "withdrew") and third
 * persons singular of verbs that are no nouns ("reflects", "intends"). tools/gen-verbforms.py
 * writes them, with its rules; none of the pasts ends in "s", so the words that do are the third
 * persons (KW_LEX_VERB_THIRD). */
extern const char *const kw_verb_forms[];
extern const size_t kw_verb_forms_count;
#endif
