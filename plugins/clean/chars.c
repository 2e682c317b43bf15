/* chars.c: the character-level clean-up: control and invisible characters, odd spaces,
 * Unicode normalization, curly quotes. */
#include "clean.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* What to do with one code point: -1 drop it, else the code point to write. */
static int32_t chars_map(int32_t cp, const chars_options *opt)
{
    if (cp < 0x20)
        return cp == '\t' || cp == '\n' ? cp : -1;
    if (cp == 0x7F || (cp >= 0x80 && cp <= 0x9F && cp != 0x85))
        return -1;
    switch (cp) {
    case 0x00A0: case 0x2007: case 0x202F: case 0x2000: case 0x2001: case 0x2002: case 0x2003:
    case 0x2004: case 0x2005: case 0x2006: case 0x2008: case 0x2009: case 0x200A: case 0x205F:
    case 0x3000:
        return ' ';
    case 0x00AD: /* soft hyphen */
    case 0x200B: /* zero-width space */
    case 0x2060: /* word joiner */
    case 0xFEFF: /* byte-order mark */
    case 0x180E:
        return -1;
    case 0x2028: case 0x2029: case 0x0085:
        return '\n';
    }
    if (opt->straight_quotes) {
        switch (cp) {
        case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: return '\'';
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: return '"';
        }
    }
    return cp;
}

/* Whether NFC leaves any text made only of such code points as it is: Latin-1 and the Latin
 * extensions below the combining marks, and the dashes, quotes, bullets and ellipsis of news
 * text (U+2010-U+2027). Checked against utf8proc for every pair of them. Text of these alone,
 * most news text, skips normalization, which costs more than the rest of the stage. */
static int chars_nfc_stable(int32_t cp)
{
    return cp < 0x300 || (cp >= 0x2010 && cp <= 0x2027);
}

int chars_clean(const char *s, size_t len, const chars_options *opt, quarry_buf *out)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t start = out->len;
    int changed = 0, stable = 1;
    size_t copied = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = u[i];
        if (c >= 0x20 && c < 0x7F) {
            i++;
            continue;
        }
        int32_t cp;
        size_t l = utf8_decode(u + i, len - i, &cp);
        if (!l) { /* cannot happen on repaired text; be safe */
            l = 1;
            cp = 0xFFFD;
        }
        int32_t to = cp == '\r' ? ((i + 1 < len && u[i + 1] == '\n') ? -1 : '\n') : chars_map(cp, opt);
        if (to >= 0x80 && (opt->nfkc || !chars_nfc_stable(to)))
            stable = 0; /* NFKC changes even Latin-1 (U+00BD, "1/2"): only ASCII skips it */
        if (to != cp) {
            quarry_buf_append(out, s + copied, i - copied);
            if (to >= 0)
                utf8_append(out, to);
            copied = i + l;
            changed = 1;
        }
        i += l;
    }
    quarry_buf_append(out, s + copied, len - copied);
    if (stable)
        return changed;
    /* Normalize what is left; utf8proc returns a fresh NUL-terminated buffer. */
    utf8proc_uint8_t *norm = NULL;
    utf8proc_option_t flags = UTF8PROC_STABLE | UTF8PROC_COMPOSE | (opt->nfkc ? UTF8PROC_COMPAT : 0);
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)out->data + start,
                                      (utf8proc_ssize_t)(out->len - start), &norm, flags);
    if (n >= 0) {
        if ((size_t)n != out->len - start || memcmp(norm, out->data + start, (size_t)n) != 0) {
            out->len = start;
            quarry_buf_append(out, norm, (size_t)n);
            changed = 1;
        }
        free(norm);
    }
    return changed;
}
