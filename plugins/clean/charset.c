/* charset.c: text in a legacy encoding made UTF-8: the encoding an HTML page declares in its
 * <meta>, or the one the pipeline names, decoded by iconv. */
#include "clean.h"
#include "encname.h"
#include "namelist.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

/* How far into a page its declaration is looked for: browsers look in the first 1024 bytes,
 * but pages with long heads put it later, and a crawl keeps what the server sent. */
#define CHARSET_SCAN (64u << 10)

/* Held around iconv_open and iconv_close, not the decoding between them. They load and unload
 * glibc's converter modules (dlopen, dlclose) under a lock of the C library's own, which
 * ThreadSanitizer cannot see: two workers opening and closing at once read to it as a data race
 * in the dynamic loader. One document in many needs a converter, so the wait costs nothing that
 * shows. */
static pthread_mutex_t charset_iconv_lock = PTHREAD_MUTEX_INITIALIZER;

int charset_western(const char *name)
{
    /* The labels browsers read as Windows-1252 (the WHATWG Encoding Standard), and the usual
     * spellings of it. */
    static const char *const western[] = {"windows-1252", "cp1252", "iso-8859-1", "iso8859-1", "latin1",
                                          "l1", "us-ascii", "ascii", "x-cp1252", "cp819", "ibm819",
                                          "iso_8859-1", NULL};
    return namelist_has(western, name);
}

/* NAME as iconv knows it: the labels whose encoding browsers read as a wider one (a page that
 * says gb2312 may use any character of GBK) get that one; others are iconv's own. */
static const char *charset_iconv_name(const char *name)
{
    static const struct {
        const char *label, *wider;
    } wider[] = {{"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"x-gbk", "GB18030"}, {"euc-kr", "CP949"},
                 {"ks_c_5601-1987", "CP949"}, {"shift_jis", "CP932"}, {"shift-jis", "CP932"}, {"sjis", "CP932"},
                 {"x-sjis", "CP932"}, {"tis-620", "CP874"}, {"iso-8859-11", "CP874"}, {"iso-8859-9", "CP1254"},
                 {"latin5", "CP1254"}};
    for (size_t i = 0; i < sizeof wider / sizeof wider[0]; i++)
        if (!strcasecmp(name, wider[i].label))
            return wider[i].wider;
    return name;
}

int charset_known(const char *name)
{
    if (charset_western(name))
        return 1;
    pthread_mutex_lock(&charset_iconv_lock); /* it opens and closes a converter */
    int known = encname_iconv_knows(charset_iconv_name(name), 0);
    pthread_mutex_unlock(&charset_iconv_lock);
    return known;
}

/* Whether the LEN bytes at S begin with WORD, in any case. */
static int charset_at(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    return len >= n && !strncasecmp(s, word, n);
}

/* Whether NAME says UTF-8, or UTF-16, which a page of bytes cannot be (browsers read a <meta>
 * that says so as UTF-8). */
static int charset_utf8(const char *name)
{
    static const char *const utf8[] = {"utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be",
                                       "unicode", "ucs-2", NULL};
    return namelist_has(utf8, name);
}

size_t charset_declared(const char *s, size_t len, char *name, size_t cap)
{
    const char *end = s + (len < CHARSET_SCAN ? len : CHARSET_SCAN);
    for (const char *p = memchr(s, '<', (size_t)(end - s)); p; p = memchr(p, '<', (size_t)(end - p))) {
        p++;
        /* <meta charset="X">, <meta http-equiv="Content-Type" content="text/html; charset=X">,
         * or XHTML's <?xml version="1.0" encoding="X"?> */
        const char *attr = charset_at(p, (size_t)(end - p), "meta") ? "charset"
                           : charset_at(p, (size_t)(end - p), "?xml") ? "encoding" : NULL;
        if (!attr)
            continue;
        size_t alen = strlen(attr);
        const char *close = memchr(p, '>', (size_t)(end - p));
        const char *tag_end = close ? close : end;
        for (const char *q = p; q + alen <= tag_end; q++) {
            if (charset_at(q, (size_t)(tag_end - q), attr)) {
                size_t n = encname_value(q + alen, tag_end, name, cap);
                if (n)
                    return charset_utf8(name) ? 0 : n; /* its stray bytes: read as 'encoding' */
            }
        }
    }
    return 0;
}

int charset_misread(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t plain = 0, accented = 0;
    for (size_t i = 0; i < len; i++) {
        if (isalpha(u[i])) {
            plain++;
        } else if (u[i] == 0xC3 && i + 1 < len && u[i + 1] >= 0x80 && u[i + 1] <= 0xBF && u[i + 1] != 0x97 &&
                   u[i + 1] != 0xB7) {
            accented++; /* U+00C0-U+00FF, but for the signs of times and division */
            i++;
        }
    }
    return accented >= CHARSET_MISREAD_LETTERS && accented > plain;
}

const char *charset_iso2022(const char *s, size_t len)
{
    /* The designations of each family's double-byte sets, after ESC $. Japanese: JIS X 0208 (@,
     * B), and JIS X 0212, GB 2312 and KS C 5601 of ISO-2022-JP-2; JIS X 0213 of ISO-2022-JP-3.
     * Korean: KS C 5601 into G1. Chinese: GB 2312, CNS 11643 and ISO-IR-165 into G1, G2, G3. */
    static const struct {
        const char *after_dollar, *encoding;
    } sets[] = {{"B", "ISO-2022-JP-2"},    {"@", "ISO-2022-JP-2"},    {"A", "ISO-2022-JP-2"},
                {"(C", "ISO-2022-JP-2"},   {"(D", "ISO-2022-JP-2"},   {"(O", "ISO-2022-JP-3"},
                {"(P", "ISO-2022-JP-3"},   {"(Q", "ISO-2022-JP-3"},   {")C", "ISO-2022-KR"},
                {")A", "ISO-2022-CN-EXT"}, {")G", "ISO-2022-CN-EXT"}, {")E", "ISO-2022-CN-EXT"},
                {"*H", "ISO-2022-CN-EXT"}, {"+I", "ISO-2022-CN-EXT"}, {"+J", "ISO-2022-CN-EXT"},
                {"+K", "ISO-2022-CN-EXT"}, {"+L", "ISO-2022-CN-EXT"}, {"+M", "ISO-2022-CN-EXT"}};
    for (const char *esc = memchr(s, 0x1B, len); esc; esc = memchr(esc + 1, 0x1B, len - (size_t)(esc + 1 - s))) {
        size_t left = len - (size_t)(esc - s);
        if (left < 3 || esc[1] != '$')
            continue;
        for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
            size_t n = strlen(sets[i].after_dollar);
            if (left >= 2 + n && !memcmp(esc + 2, sets[i].after_dollar, n))
                return sets[i].encoding;
        }
    }
    return NULL;
}

size_t charset_decode(const char *name, const char *s, size_t len, quarry_buf *out, int *opened)
{
    pthread_mutex_lock(&charset_iconv_lock);
    iconv_t cd = iconv_open("UTF-8", charset_iconv_name(name));
    pthread_mutex_unlock(&charset_iconv_lock);
    *opened = cd != (iconv_t)-1;
    if (!*opened)
        return 0;
    size_t bad = 0;
    char *in = (char *)s; /* iconv's prototype: it does not write the input */
    size_t left = len;
    char chunk[16384];
    while (left) {
        char *to = chunk;
        size_t room = sizeof chunk;
        size_t rc = iconv(cd, &in, &left, &to, &room);
        quarry_buf_append(out, chunk, sizeof chunk - room);
        if (rc != (size_t)-1 || errno == E2BIG)
            continue;
        /* A byte the encoding does not have, or a sequence cut short at the end: U+FFFD for
         * the byte, as for a byte that is not UTF-8, and on with the next. */
        utf8_append(out, 0xFFFD);
        in++;
        left--;
        bad++;
    }
    pthread_mutex_lock(&charset_iconv_lock);
    iconv_close(cd);
    pthread_mutex_unlock(&charset_iconv_lock);
    return bad;
}
