/* sniff.c: what a file's first bytes say it is, when it is no document (sniff.h). */
#include "sniff.h"
#include "utf16.h"

#include <stdio.h>
#include <string.h>

const char *sniff_other_format(const char *s, size_t n)
{
    /* bzip2: "BZh", the block size digit, then the first block's magic (the digits of pi), so
     * that a text beginning with "BZh" is no bzip2 file. */
    if (n >= 10 && !memcmp(s, "BZh", 3) && s[3] >= '1' && s[3] <= '9' && !memcmp(s + 4, "1AY&SY", 6))
        return "a bzip2 file: quarry reads plain or gzip-compressed text; decompress it first (bunzip2)";
    static const struct {
        const char *magic;
        size_t len;
        const char *why;
    } formats[] = {
        {"\xFD" "7zXZ\0", 6, "an xz file: quarry reads plain or gzip-compressed text; decompress it first (unxz)"},
        {"\x28\xB5\x2F\xFD", 4,
         "a zstd file: quarry reads plain or gzip-compressed text; decompress it first (unzstd)"},
        {"PK\x03\x04", 4,
         "a zip archive (as Word, Excel and OpenDocument files are): extract its files, or convert the "
         "document to text, first (unzip; pandoc)"},
        {"%PDF-", 5, "a PDF document: extract its text first (pdftotext)"},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8,
         "an Office file of before 2007 (.doc, .xls, .ppt): convert it to text first (antiword; catdoc)"},
        {"{\\rtf", 5, "an RTF document: convert it to text first (unrtf --text; pandoc)"},
        {"\x89PNG\r\n\x1A\n", 8, "a PNG image: no text to read"},
        {"\xFF\xD8\xFF", 3, "a JPEG image: no text to read"},
        {"GIF87a", 6, "a GIF image: no text to read"},
        {"GIF89a", 6, "a GIF image: no text to read"},
    };
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
        if (n >= formats[i].len && !memcmp(s, formats[i].magic, formats[i].len))
            return formats[i].why;
    return NULL;
}

int sniff_binary(const unsigned char *s, size_t n)
{
    size_t sample = n < SNIFF_SAMPLE ? n : SNIFF_SAMPLE, odd = 0;
    for (size_t i = 0; i < sample; i++)
        odd += s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f' &&
               s[i] != '\v' && s[i] != 0x1b && s[i] != 0x0e && s[i] != 0x0f;
    return sample && odd * 10 > sample;
}

int sniff_records(const unsigned char *s, size_t n)
{
    return n >= 2 && s[0] >= 0x81 && s[0] <= 0x8f && s[1] >= 0xa1 && s[1] <= 0xbf;
}

const char *sniff_binary_problem(const char *s, size_t n, char *why, size_t cap)
{
    const char *other = sniff_other_format(s ? s : "", n);
    if (other)
        return other;
    const char *nul = n ? memchr(s, '\0', n) : NULL;
    if (nul) {
        snprintf(why, cap, "binary or corrupt: NUL byte at offset %zu", (size_t)(nul - s));
        return why;
    }
    if (sniff_binary((const unsigned char *)s, n))
        return "binary: over 10% control bytes";
    return NULL;
}

const char *sniff_unreadable_start(const char *s, size_t n)
{
    if (read_utf16_detect((const unsigned char *)s, n) != READ_UTF16_NO)
        return "UTF-16 text: convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8; UTF-16LE or UTF-16BE "
               "if it has no byte-order mark)";
    return sniff_other_format(s, n);
}
