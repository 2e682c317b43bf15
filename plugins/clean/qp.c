/* qp.c: mail's transfer encodings left in text: quoted-printable bodies ("company=E2=80=99s",
 * "href=3D", soft line breaks) and RFC 2047 encoded words ("=?UTF-8?Q?Caf=C3=A9?="). */
#include "clean.h"

#include <string.h>
#include <strings.h>

/* An encoded word is at most 75 bytes (RFC 2047); mailers that ignore it stay well under this,
 * and the bound keeps a line of unfinished words ("=?a?Q?b" again and again) linear. */
#define QP_WORD_MAX 256

/* The value of an upper-case hexadecimal digit, or -1: quoted-printable writes no other. */
static int qp_hex(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The byte that "=XX" at S (N bytes left, S[0] the '=') stands for, or -1. */
static int qp_escape(const char *s, size_t n)
{
    if (n < 3)
        return -1;
    int hi = qp_hex((unsigned char)s[1]), lo = qp_hex((unsigned char)s[2]);
    return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
}

/* The length of a soft line break at S (N bytes left, S[0] the '='): '=', any spaces or tabs a
 * mail system added, then the end of the line; 0 if there is none. */
static size_t qp_soft_break(const char *s, size_t n)
{
    size_t i = 1;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i < n && s[i] == '\n')
        return i + 1;
    if (i + 1 < n && s[i] == '\r' && s[i + 1] == '\n')
        return i + 2;
    return 0;
}

/* The length of a character of UTF-8 written as escapes at S ("=E2=80=99": 9), or 0. */
static size_t qp_escaped_utf8(const char *s, size_t n)
{
    unsigned char bytes[4];
    size_t k = 0, i = 0;
    while (k < 4 && i < n && s[i] == '=') {
        int b = qp_escape(s + i, n - i);
        if (b < 0)
            break;
        bytes[k++] = (unsigned char)b;
        i += 3;
    }
    int32_t cp;
    size_t used = k >= 2 ? utf8_decode(bytes, k, &cp) : 0;
    return used >= 2 ? used * 3 : 0;
}

int qp_detect(const char *s, size_t len)
{
    size_t soft = 0, escapes = 0;
    for (const char *p = memchr(s, '=', len); p; p = memchr(p, '=', len - (size_t)(p - s))) {
        size_t left = len - (size_t)(p - s);
        /* A character of UTF-8 spelled out byte by byte, or an '=' before a quote ("href=3D"),
         * is quoted-printable beyond doubt; soft line breaks are, beside an escape. */
        if (qp_escaped_utf8(p, left) || (left >= 4 && !memcmp(p, "=3D\"", 4)))
            return 1;
        if (qp_soft_break(p, left))
            soft++;
        else if (qp_escape(p, left) >= 0)
            escapes++;
        if (soft >= 2 && escapes)
            return 1;
        p++;
    }
    return 0;
}

size_t qp_decode(const char *s, size_t len, quarry_buf *out)
{
    size_t done = 0, copied = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '=')
            continue;
        int b = qp_escape(s + i, len - i);
        size_t soft = b < 0 ? qp_soft_break(s + i, len - i) : 0;
        if (b < 0 && !soft)
            continue; /* an '=' of the text's own, written bare by a lax mailer */
        quarry_buf_append(out, s + copied, i - copied);
        /* Control bytes other than the white space go, as the character clean-up would drop them:
         * a NUL must not reach the steps that read the text as a string. */
        if (b >= 0x20 || b == '\t' || b == '\n' || b == '\r') {
            char c = (char)b;
            quarry_buf_append(out, &c, 1);
        }
        i += b >= 0 ? 2 : soft - 1;
        copied = i + 1;
        done++;
    }
    quarry_buf_append(out, s + copied, len - copied);
    return done;
}

/* Base64 (RFC 2045) of S, N bytes, appended to OUT: whether it was base64. */
static int qp_base64(const char *s, size_t n, quarry_buf *out)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    uint32_t acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n && s[i] != '='; i++) {
        const char *d = memchr(digits, s[i], 64);
        if (!d)
            return 0;
        acc = acc << 6 | (uint32_t)(d - digits);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            char c = (char)(acc >> bits & 0xFF);
            quarry_buf_append(out, &c, 1);
        }
    }
    return 1;
}

/* The encoded word at S (N bytes left, S[0..1] "=?"): its length, and its text as UTF-8 appended
 * to OUT; 0, OUT as it was, if there is none there or its charset is none iconv knows. */
static size_t qp_encoded_word(const char *s, size_t n, quarry_buf *out)
{
    size_t max = n < QP_WORD_MAX ? n : QP_WORD_MAX;
    const char *q1 = memchr(s + 2, '?', max - 2);
    if (!q1 || q1 == s + 2 || (size_t)(q1 - s) + 4 > max || q1[2] != '?')
        return 0;
    char mode = q1[1];
    if (mode != 'Q' && mode != 'q' && mode != 'B' && mode != 'b')
        return 0;
    const char *data = q1 + 3, *end = NULL;
    for (const char *p = data; p + 1 < s + max; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n')
            return 0; /* an encoded word holds no white space */
        if (p[0] == '?' && p[1] == '=') {
            end = p;
            break;
        }
    }
    if (!end)
        return 0;
    char charset[64];
    size_t clen = (size_t)(q1 - (s + 2));
    const char *star = memchr(s + 2, '*', clen); /* RFC 2231's language: "UTF-8*en" */
    if (star)
        clen = (size_t)(star - (s + 2));
    if (!clen || clen >= sizeof charset)
        return 0;
    memcpy(charset, s + 2, clen);
    charset[clen] = '\0';
    quarry_buf bytes = {0};
    int ok = 1;
    if (mode == 'B' || mode == 'b') {
        ok = qp_base64(data, (size_t)(end - data), &bytes);
    } else {
        for (const char *p = data; p < end; p++) {
            int b = *p == '=' ? qp_escape(p, (size_t)(end - p)) : -1;
            char c = *p == '_' ? ' ' : b >= 0 ? (char)b : *p;
            quarry_buf_append(&bytes, &c, 1);
            p += b >= 0 ? 2 : 0;
        }
    }
    size_t start = out->len;
    if (ok && bytes.len) {
        if (!strcasecmp(charset, "utf-8") || !strcasecmp(charset, "us-ascii")) {
            quarry_buf_append(out, bytes.data, bytes.len);
        } else {
            int opened;
            charset_decode(charset, bytes.data, bytes.len, out, &opened);
            ok = opened;
        }
    }
    quarry_buf_free(&bytes);
    if (!ok) {
        out->len = start;
        return 0;
    }
    return (size_t)(end + 2 - s);
}

size_t qp_decode_words(const char *s, size_t len, quarry_buf *out)
{
    size_t done = 0, copied = 0; /* copied: where the text not yet in OUT begins */
    quarry_buf word = {0};
    for (const char *p = memmem(s, len, "=?", 2); p; p = memmem(p, len - (size_t)(p - s), "=?", 2)) {
        size_t at = (size_t)(p - s);
        word.len = 0;
        size_t used = qp_encoded_word(p, len - at, &word);
        if (!used) {
            p += 2;
            continue;
        }
        /* White space between two encoded words is no part of the text (RFC 2047, 6.2). */
        int joined = done && at > copied;
        for (size_t i = copied; joined && i < at; i++)
            joined = s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r';
        if (!joined)
            quarry_buf_append(out, s + copied, at - copied);
        quarry_buf_append(out, word.data, word.len);
        copied = at + used;
        done++;
        p = s + copied;
        if (copied >= len)
            break;
    }
    quarry_buf_free(&word);
    if (done)
        quarry_buf_append(out, s + copied, len - copied);
    return done;
}
