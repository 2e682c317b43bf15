/* fold.h: lower-casing as the tokenize stage does it, for every word list that is matched
 * against its tokens (stop-word files, topic lexicons), so that "Ölpreis" or "Reuters" in a list
 * finds the token "ölpreis" or "reuters". */
#ifndef QUARRY_FOLD_H
#define QUARRY_FOLD_H
#include <quarry.h>
#include <stddef.h>

/* Appends the lower-case form of S (LEN bytes) to OUT: ASCII by arithmetic, the rest code point
 * by code point with utf8proc, which Snowball's stemmers expect (no full case folding: ß stays
 * ß); ’ becomes ', as inside "don’t"; invalid UTF-8 is kept as it is. */
void fold_lower(const char *s, size_t len, quarry_buf *out);
/* The lower-case form, as fold_lower makes it, of the one character at S (LEN bytes left): its
 * bytes in OUT and their count; *TAKEN is how many bytes of S it was. For a byte that begins no
 * valid UTF-8, that byte itself. */
size_t fold_char(const char *s, size_t len, char out[4], size_t *taken);
/* Whether lower-casing could change S: an ASCII capital, or anything beyond ASCII. Most words
 * of a text are neither, and need no copy. */
int fold_needed(const char *s, size_t len);
#endif
