/* chars.c: the character-level clean-up: control and invisible characters, odd spaces,
 * ligatures and width variants, Unicode normalization, curly quotes. */
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

/* The letters a Latin ligature stands for (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ, ﬅ, ﬆ, Ĳ, ĳ), or NULL. Text extracted
 * from PDFs and typeset pages keeps them, and "ﬁnance" is then no word "finance" is. The Unicode
 * standard keeps them for compatibility only; NFKC would split them too, but also rewrites
 * "½", "²" and "™", which a reader wants as they are. */
static const char *chars_ligature(int32_t cp)
{
    static const char *const presentation[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
    if (cp >= 0xFB00 && cp <= 0xFB06)
        return presentation[cp - 0xFB00];
    return cp == 0x0132 ? "IJ" : cp == 0x0133 ? "ij" : NULL;
}

/* A width variant's ordinary form, else CP: full-width Latin letters and digits (Ｔｏｋｙｏ,
 * ２０２０, from East Asian typesetting) become ASCII, so that "Ｔｏｋｙｏ" and "Tokyo" are one
 * word; half-width katakana and Hangul become the ordinary ones (their voicing marks then
 * compose under NFC). Full-width punctuation stays: it is the ordinary punctuation of Chinese
 * and Japanese text, and parts words whichever width it has. */
static int32_t chars_width_fold(int32_t cp)
{
    if (cp < 0xFF10 || cp > 0xFFEE)
        return cp;
    int32_t ascii = cp - 0xFEE0; /* U+FF01..U+FF5E are U+0021..U+007E, full-width */
    if (cp <= 0xFF5E)
        return (ascii >= '0' && ascii <= '9') || (ascii >= 'A' && ascii <= 'Z') ||
                       (ascii >= 'a' && ascii <= 'z')
                   ? ascii
                   : cp;
    const utf8proc_property_t *prop = utf8proc_get_property(cp);
    if (prop->decomp_type != UTF8PROC_DECOMP_TYPE_NARROW)
        return cp;
    utf8proc_int32_t to[4];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, to, 4, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last);
    return n == 1 ? to[0] : cp;
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
        const char *letters = opt->fold_forms ? chars_ligature(cp) : NULL;
        if (letters) {
            quarry_buf_append(out, s + copied, i - copied);
            quarry_buf_append(out, letters, strlen(letters));
            copied = i + l;
            changed = 1;
            i += l;
            continue;
        }
        int32_t to = cp == '\r' ? ((i + 1 < len && u[i + 1] == '\n') ? -1 : '\n') : chars_map(cp, opt);
        if (opt->fold_forms && to > 0)
            to = chars_width_fold(to);
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
