/* utf16.h: byte-order marks: UTF-8's told, and UTF-16 text files (as Windows tools export them)
 * recognised and turned into UTF-8 with glibc's iconv when a mark says which byte order they use. */
#ifndef QUARRY_READ_UTF16_H
#define QUARRY_READ_UTF16_H
#include <quarry.h>
#include <stddef.h>
#include <string.h>

/* UTF-8's byte-order mark, which Windows tools put before UTF-8 text too. */
#define READ_UTF8_MARK "\xEF\xBB\xBF"
/* Its length (3) if the N bytes at S begin with it, else 0. */
size_t read_utf8_mark(const char *s, size_t n);

typedef enum {
    READ_UTF16_NO,       /* not UTF-16 */
    READ_UTF16_MARKED,   /* begins with a byte-order mark: FF FE or FE FF */
    READ_UTF16_UNMARKED  /* UTF-16 by its zero bytes, but no mark to give the byte order */
} read_utf16_kind;

/* What the N bytes at S (the start of a file) look like. */
read_utf16_kind read_utf16_detect(const unsigned char *s, size_t n);
/* IN (LEN bytes, UTF-16 with its byte-order mark) as UTF-8 into OUT, the mark dropped. 0, or -1
 * with the reason in WHY (invalid or truncated UTF-16). */
int read_utf16_to_utf8(const char *in, size_t len, quarry_buf *out, char *why, size_t why_cap);
#endif
