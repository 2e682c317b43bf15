/* unspaced.c: tokens that are clauses of a script written without spaces (see unspaced.h). */
#include "unspaced.h"

/* Whether code point C is of a script that does not put spaces between words. Hangul does. */
static int unspaced_script(unsigned c)
{
    return (c >= 0x0E00 && c <= 0x0EFF)     /* Thai, Lao */
           || (c >= 0x1000 && c <= 0x109F)  /* Myanmar */
           || (c >= 0x1780 && c <= 0x17FF)  /* Khmer */
           || (c >= 0x3040 && c <= 0x30FF)  /* Hiragana, Katakana */
           || (c >= 0x3400 && c <= 0x4DBF)  /* CJK ideographs, extension A */
           || (c >= 0x4E00 && c <= 0x9FFF); /* CJK ideographs */
}

int unspaced_run(const char *t, size_t len)
{
    /* All these scripts take three bytes a character in UTF-8. */
    if (len < 3 * UNSPACED_RUN)
        return 0;
    const unsigned char *s = (const unsigned char *)t;
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        if ((s[i] & 0xC0) == 0x80)
            continue; /* inside a character */
        int three = (s[i] & 0xF0) == 0xE0 && i + 2 < len && (s[i + 1] & 0xC0) == 0x80 &&
                    (s[i + 2] & 0xC0) == 0x80;
        unsigned c = 0;
        if (three)
            c = (unsigned)(s[i] & 0x0F) << 12 | (unsigned)(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
        run = three && unspaced_script(c) ? run + 1 : 0; /* another character ends the run */
        if (run >= UNSPACED_RUN)
            return 1;
    }
    return 0;
}
