/* alphabet.c: the alphabets of tokens, tallied over a document (see alphabet.h). */
#include "alphabet.h"

alphabet alphabet_of(const char *t, size_t len)
{
    const unsigned char *s = (const unsigned char *)t;
    if (!len)
        return ALPHABET_NONE;
    if (s[0] < 0x80) {
        unsigned char c = s[0] | 0x20;
        return c >= 'a' && c <= 'z' ? ALPHABET_LATIN : ALPHABET_NONE;
    }
    if (len < 2 || (s[0] & 0xE0) != 0xC0)
        return ALPHABET_OTHER; /* three- and four-byte characters: no Latin or Cyrillic letter */
    unsigned c = (unsigned)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
    if (c >= 0x00C0 && c <= 0x024F)
        return ALPHABET_LATIN; /* Latin-1 letters and Latin Extended-A and -B */
    if (c >= 0x0400 && c <= 0x052F)
        return ALPHABET_CYRILLIC;
    return ALPHABET_OTHER;
}

void alphabet_add(alphabet_tally *tally, const char *t, size_t len)
{
    tally->of[alphabet_of(t, len)]++;
}

alphabet alphabet_main(const alphabet_tally *tally)
{
    alphabet best = ALPHABET_NONE;
    size_t most = 0;
    for (int a = ALPHABET_LATIN; a <= ALPHABET_OTHER; a++) {
        if (tally->of[a] > most) {
            most = tally->of[a];
            best = (alphabet)a;
        }
    }
    return best;
}

int alphabet_foreign(const alphabet_tally *tally, alphabet expected)
{
    size_t words = tally->of[ALPHABET_LATIN] + tally->of[ALPHABET_CYRILLIC] + tally->of[ALPHABET_OTHER];
    return words >= ALPHABET_WORDS && 2 * tally->of[expected] < words;
}

const char *alphabet_name(alphabet a)
{
    return a == ALPHABET_LATIN ? "Latin" : a == ALPHABET_CYRILLIC ? "Cyrillic" : "another";
}
