/* places.h: the names of places, whose possessive before a name is an owner's (places.c,
 * generated from WordNet). */
#ifndef QUARRY_PLACES_H
#define QUARRY_PLACES_H
#include <stddef.h>

/* The most words a name of kw_places has ("United Arab Emirates", "Republic of South Africa"). */
#define KW_PLACE_MAX_WORDS 4

/* Capitalised names, in byte order: "Japan", "Sri Lanka", "Hong Kong", "Quebec". Words are
 * joined by a space, as a story's tokens are read (kw_place_ends). tools/gen-places.py writes
 * them, with its rules. */
extern const char *const kw_places[];
extern const size_t kw_places_count;
#endif
