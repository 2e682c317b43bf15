/* letters.h: whether a token holds a letter, as the stages that leave out bare numbers and
 * figures ("1,850", "421.90") all ask it, byte by byte: an ASCII letter, or any byte of a
 * character beyond ASCII (in running text almost always part of a letter). */
#ifndef QUARRY_LETTERS_H
#define QUARRY_LETTERS_H
#include <stddef.h>

/* Whether the LEN bytes at S hold a letter. */
static inline int letters_any(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || (unsigned)((c | 0x20) - 'a') < 26u)
            return 1;
    }
    return 0;
}
#endif
