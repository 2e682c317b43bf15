/* utf16.c: byte-order marks: UTF-8's told, and UTF-16 text files (as Windows tools export them)
 * recognised and turned into UTF-8 with glibc's iconv when a mark says which byte order they use. */
#include "utf16.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t read_utf8_mark(const char *s, size_t n)
{
    return n >= 3 && memcmp(s, READ_UTF8_MARK, 3) == 0 ? 3 : 0;
}

/* A printable ASCII character or whitespace. */
static int read_utf16_ascii(unsigned char c)
{
    return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r';
}

read_utf16_kind read_utf16_detect(const unsigned char *s, size_t n)
{
    if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
        return READ_UTF16_MARKED;
    /* No mark: ASCII text in UTF-16 pairs each printable byte with a zero, which no UTF-8 text
     * does; in more than half the pairs of a sample is far beyond what binary data shows. */
    size_t sample = (n < 4096 ? n : 4096) & ~(size_t)1, low_first = 0, high_first = 0;
    for (size_t i = 0; i < sample; i += 2) {
        low_first += read_utf16_ascii(s[i]) && s[i + 1] == 0;
        high_first += s[i] == 0 && read_utf16_ascii(s[i + 1]);
    }
    size_t pairs = sample / 2;
    if (pairs >= 4 && (low_first * 2 > pairs || high_first * 2 > pairs))
        return READ_UTF16_UNMARKED;
    return READ_UTF16_NO;
}

int read_utf16_to_utf8(const char *in, size_t len, quarry_buf *out, char *why, size_t why_cap)
{
    iconv_t cd = iconv_open("UTF-8", "UTF-16"); /* takes the byte order from the mark */
    if (cd == (iconv_t)-1) {
        snprintf(why, why_cap, "UTF-16 text, and no converter from UTF-16: %s", strerror(errno));
        return -1;
    }
    out->len = 0;
    char *src = (char *)in;
    size_t left = len;
    int rc = 0;
    while (left > 0) {
        char chunk[16384], *dst = chunk;
        size_t room = sizeof chunk;
        size_t r = iconv(cd, &src, &left, &dst, &room);
        quarry_buf_append(out, chunk, (size_t)(dst - chunk));
        if (r != (size_t)-1 || errno == E2BIG)
            continue;
        if (errno == EILSEQ)
            snprintf(why, why_cap, "invalid UTF-16 (a lone surrogate) at byte %zu", len - left);
        else /* EINVAL: a character cut at the end */
            snprintf(why, why_cap, "truncated UTF-16: %zu byte%s left over at the end", left,
                     left == 1 ? "" : "s");
        rc = -1;
        break;
    }
    iconv_close(cd);
    return rc;
}
