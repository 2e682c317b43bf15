/* alphabet.c: the alphabets of tokens, tallied over a document (see alphabet.h). */
#include "alphabet.h"

#include <utf8proc.h>

#include "namelist.h"
#include "unspaced.h"

alphabet alphabet_of(const char *t, size_t len)
{
    if (len && (unsigned char)t[0] < 0x80) { /* most tokens: no decoding */
        unsigned char a = (unsigned char)t[0] | 0x20;
        return a >= 'a' && a <= 'z' ? ALPHABET_LATIN : ALPHABET_NONE;
    }
    utf8proc_int32_t c;
    if (utf8proc_iterate((const utf8proc_uint8_t *)t, (utf8proc_ssize_t)len, &c) <= 0)
        return ALPHABET_NONE; /* empty, or invalid UTF-8 left by an earlier stage */
    utf8proc_category_t category = utf8proc_category(c);
    if (category < UTF8PROC_CATEGORY_LU || category > UTF8PROC_CATEGORY_LO)
        return ALPHABET_NONE; /* no letter: a figure */
    if (c >= 0x00C0 && c <= 0x024F)
        return ALPHABET_LATIN; /* Latin-1 letters and Latin Extended-A and -B */
    if (c >= 0x0400 && c <= 0x052F)
        return ALPHABET_CYRILLIC;
    if (unspaced_cjk_thai(c))
        return ALPHABET_CJK_THAI; /* not Lao, Myanmar or Khmer: no stop words of theirs */
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

int alphabet_cjk_thai_language(const char *name)
{
    /* Their English names and ISO 639 codes, as libstemmer takes a language's. */
    static const char *const names[] = {"chinese", "zh", "zho", "chi", "japanese", "ja", "jpn", "thai", "th", "tha",
                                        NULL};
    return namelist_has(names, name);
}

const char *alphabet_name(alphabet a)
{
    return a == ALPHABET_LATIN ? "Latin" : a == ALPHABET_CYRILLIC ? "Cyrillic" : "another";
}
