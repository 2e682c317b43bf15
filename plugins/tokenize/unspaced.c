/* unspaced.c: tokens that are clauses of a script written without spaces (see unspaced.h). */
#include "unspaced.h"

#include <utf8proc.h>

/* Whether code point C is of a script that does not put spaces between words. Hangul does. */
static int unspaced_script(utf8proc_int32_t c)
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
    /* All these scripts take three bytes a character in UTF-8: most tokens are too short. */
    if (len < 3 * UNSPACED_RUN)
        return 0;
    size_t run = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)(len - i), &cp);
        run = n > 0 && unspaced_script(cp) ? run + 1 : 0; /* another character ends the run */
        if (run >= UNSPACED_RUN)
            return 1;
        i += n > 0 ? (size_t)n : 1;
    }
    return 0;
}
