/* verbsmostly.h: the English words that are verbs more often than anything else (generated from WordNet). */
#ifndef QUARRY_VERBSMOSTLY_H
#define QUARRY_VERBSMOSTLY_H
#include <stddef.h>

/* Lower-case ASCII words, sorted: "cover", "supply", "help", "meet", base forms that WordNet also
 * knows as nouns or adjectives. tools/gen-verbsmostly.py writes them, with its rules. */
extern const char *const kw_verbs_mostly[];
extern const size_t kw_verbs_mostly_count;
#endif
