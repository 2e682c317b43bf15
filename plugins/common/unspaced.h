/* unspaced.h: the scripts written without spaces between words (Chinese, Japanese, Thai, Lao,
 * Khmer, Myanmar), told by code point and at a token's ends without a library: all of them take
 * three bytes in UTF-8. */
#ifndef QUARRY_UNSPACED_H
#define QUARRY_UNSPACED_H
#include <stddef.h>
#include <stdint.h>

/* Whether code point C is a Chinese character (a CJK ideograph, of extension A too). */
static inline int unspaced_ideograph(int32_t c)
{
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF);
}

/* Whether code point C is Chinese, Japanese (kana) or Thai: the scripts without spaces whose
 * stop words tokenize marks (scriptstop.h). */
static inline int unspaced_cjk_thai(int32_t c)
{
    return (c >= 0x0E00 && c <= 0x0E7F) || (c >= 0x3040 && c <= 0x30FF) || unspaced_ideograph(c);
}

/* Whether code point C is of a script that does not put spaces between words. Hangul does. */
static inline int unspaced_script(int32_t c)
{
    return unspaced_cjk_thai(c)                /* Thai, Hiragana, Katakana, CJK ideographs */
           || (c >= 0x0E80 && c <= 0x0EFF)     /* Lao */
           || (c >= 0x1000 && c <= 0x109F)     /* Myanmar */
           || (c >= 0x1780 && c <= 0x17FF);    /* Khmer */
}

/* The code point of the three-byte UTF-8 character at S, or -1 if S holds none. */
static inline int32_t unspaced_decode3(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if ((u[0] & 0xF0) != 0xE0 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
        return -1;
    return (int32_t)(((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu));
}

/* Whether the LEN bytes at S begin with a character of such a script. */
static inline int unspaced_starts(const char *s, size_t len)
{
    return len >= 3 && unspaced_script(unspaced_decode3(s));
}

/* Whether the LEN bytes at S end with a character of such a script. */
static inline int unspaced_ends(const char *s, size_t len)
{
    return len >= 3 && unspaced_script(unspaced_decode3(s + len - 3));
}
#endif
