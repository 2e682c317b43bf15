/* fold.c: lower-casing as the tokenize stage does it (see fold.h). */
#include "fold.h"

#include <utf8proc.h>

size_t fold_char(const char *s, size_t len, char out[4], size_t *taken)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &cp);
    if (n <= 0) {
        out[0] = s[0]; /* invalid UTF-8 left by an earlier stage: kept */
        *taken = 1;
        return 1;
    }
    *taken = (size_t)n;
    /* ’ inside a word is an apostrophe: "don’t" is "don't" */
    return (size_t)utf8proc_encode_char(cp == 0x2019 ? '\'' : utf8proc_tolower(cp), (utf8proc_uint8_t *)out);
}

void fold_lower(const char *s, size_t len, quarry_buf *out)
{
    size_t ascii = 0;
    while (ascii < len && (unsigned char)s[ascii] < 0x80)
        ascii++;
    if (ascii) {
        size_t at = out->len;
        quarry_buf_append(out, s, ascii); /* the ASCII start, lowered in place */
        for (char *p = out->data + at, *e = p + ascii; p < e; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p + 32);
    }
    for (size_t i = ascii; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            char l = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            quarry_buf_append(out, &l, 1);
            i++;
            continue;
        }
        char lower[4];
        size_t taken;
        quarry_buf_append(out, lower, fold_char(s + i, len - i, lower, &taken));
        i += taken;
    }
}

int fold_needed(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || (unsigned)(c - 'A') < 26u)
            return 1;
    }
    return 0;
}
