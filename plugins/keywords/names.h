/* names.h: which tokens of a document belong to names though their case or class says
 * otherwise, and which phrases cut a name off (names.c). */
#ifndef QUARRY_KW_NAMES_H
#define QUARRY_KW_NAMES_H
#include "candidates.h"

/* Marks what belongs to names among D's words of T (kw_doc_build has set their word ids and
 * cases): firms' names in headlines (KW_CASELESS_FIRM) and the verb after them, which leaves
 * the phrases; "of" and "and" inside names ("Bank of Japan", "Duff and Phelps") and names'
 * particles (kw_doc.particle), as bridges. With WHAT asking for the words' statistics
 * (KW_BUILD_WORDS), their words count it. */
void kw_names_mark(kw_doc *d, const kw_tokens *t, int what);
/* Whether token I of T ends the name of a place, as written (kw_places: "Japan's", "Sri
 * Lanka's", of up to KW_PLACE_MAX_WORDS tokens of a sentence), a possessive ending left out. */
int kw_place_ends(const kw_tokens *t, size_t i);
/* Whether token I of T is a capitalised phrase word of D, as a name's words are. */
int kw_name_word(const kw_doc *d, const kw_tokens *t, size_t i);
/* Whether token I of T is a bridge: "of", "and" or a particle inside a name. */
int kw_is_bridge(const kw_doc *d, const kw_tokens *t, size_t i);
/* Whether token I of T is "and" inside a name (KW_BRIDGE_AND). */
int kw_is_and_bridge(const kw_doc *d, const kw_tokens *t, size_t i);
/* Whether the phrase of tokens A to B of T, BRIDGED if it holds a bridge, within the run of
 * phrase words from RUN to END, may be a phrase: one with a bridge is a whole name. */
int kw_bridged_whole(const kw_tokens *t, size_t a, size_t b, int bridged, size_t run, size_t end);
/* Whether the phrase of tokens A to B, in the run of phrase words from RUN, cuts a name at its
 * word B, by D's initials ("times New", "Boston-based FMR", "York metropolitan"). */
int kw_cuts_name(const kw_doc *d, size_t run, size_t a, size_t b);
#endif
