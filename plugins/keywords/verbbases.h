/* verbbases.h: the English verbs that are only verbs, in their base form (generated from WordNet). */
#ifndef QUARRY_VERBBASES_H
#define QUARRY_VERBBASES_H
#include <stddef.h>

/* Lower-case ASCII words, sorted: "strengthen", "create", "discuss", "ensure".
 * tools/gen-verbbases.py writes them, with its rules. */
extern const char *const kw_verb_bases[];
extern const size_t kw_verb_bases_count;
#endif
