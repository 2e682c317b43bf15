/* alphabet.h: the alphabet a token is written in (Latin, Cyrillic or another), tallied over a
 * document to tell a story in another alphabet than its stop words' or its stemmer's (a Russian
 * story read with English stop words, or given the English stemmer), whose stop words and stems
 * would then be wrong without a sign. */
#ifndef QUARRY_ALPHABET_H
#define QUARRY_ALPHABET_H
#include <stddef.h>

/* ALPHABET_CJK_THAI: Chinese, Japanese or Thai, whose stop words tokenize marks whatever its
 * language (scriptstop.h), and whose words no stemmer inflects: left out of every count that
 * tells a document foreign. */
typedef enum alphabet {
    ALPHABET_NONE,
    ALPHABET_LATIN,
    ALPHABET_CYRILLIC,
    ALPHABET_OTHER,
    ALPHABET_CJK_THAI
} alphabet;

/* The alphabet of token T (LEN bytes of UTF-8), by its first character; ALPHABET_NONE if that
 * is no letter (a figure) or no valid UTF-8. */
alphabet alphabet_of(const char *t, size_t len);

/* Letters counted by alphabet. */
typedef struct alphabet_tally {
    size_t of[5];
} alphabet_tally;

/* Counts token T (LEN bytes) into TALLY. */
void alphabet_add(alphabet_tally *tally, const char *t, size_t len);
/* The alphabet most of TALLY's words are in, or ALPHABET_NONE if it counted no word. */
alphabet alphabet_main(const alphabet_tally *tally);
/* Whether a document of TALLY is written in another alphabet than EXPECTED: at least
 * ALPHABET_WORDS words, fewer than half of them in EXPECTED (Chinese, Japanese and Thai words
 * not counted). */
int alphabet_foreign(const alphabet_tally *tally, alphabet expected);
/* Whether NAME (any case) names Chinese, Japanese or Thai ("japanese", "ja", "jpn", ...), which
 * have no Snowball stop words or stemmer: an error for such a language says what is done
 * instead. */
int alphabet_cjk_thai_language(const char *name);
/* "Latin", "Cyrillic" or "another". */
const char *alphabet_name(alphabet a);

#define ALPHABET_WORDS 20
#endif
