/* mojibake.c: repairs UTF-8 that was decoded with a single-byte code page (once or several
 * times over): re-encode with that code page, decode as UTF-8, but only where the line looks
 * like mojibake, so that text that was right is never touched. The plan follows ftfy. */
#include "clean.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define MOJIBAKE_MAX_LAYERS 4
/* Indices in clean_codepages (see tools/gen-clean-tables.py). */
#define MOJIBAKE_CP1252 1
#define MOJIBAKE_MACROMAN 8

/* Reverse maps, code point -> byte, sorted for binary search. */
typedef struct page_rev {
    int32_t cp[128];
    unsigned char byte[128];
    size_t n;
} page_rev;

/* Static, not allocated: the stage may be unloaded, and nothing would free it. */
#define MOJIBAKE_MAX_PAGES 16
static page_rev mojibake_rev[MOJIBAKE_MAX_PAGES];
static pthread_once_t mojibake_once = PTHREAD_ONCE_INIT;

static void mojibake_init(void)
{
    if (clean_ncodepages > MOJIBAKE_MAX_PAGES)
        abort(); /* tables.c and this file disagree: a build error, not a data error */
    for (size_t p = 0; p < clean_ncodepages; p++) {
        page_rev *r = &mojibake_rev[p];
        for (int b = 0; b < 128; b++) {
            uint16_t cp = clean_codepages[p].high[b];
            if (cp == 0xFFFF)
                continue;
            /* insertion sort: 128 entries, once */
            size_t i = r->n++;
            while (i > 0 && r->cp[i - 1] > cp) {
                r->cp[i] = r->cp[i - 1];
                r->byte[i] = r->byte[i - 1];
                i--;
            }
            r->cp[i] = cp;
            r->byte[i] = (unsigned char)(0x80 + b);
        }
    }
}

static int mojibake_sloppy(size_t page)
{
    return strncmp(clean_codepages[page].name, "sloppy-", 7) == 0;
}

/* The byte code page PAGE writes CP as, or -1. */
static int mojibake_encode_char(size_t page, int32_t cp)
{
    if (cp < 0x80)
        return cp;
    if (cp == 0xFFFD && mojibake_sloppy(page))
        return 0x1A; /* a lost byte: see mojibake_mark_lossy */
    const page_rev *r = &mojibake_rev[page];
    size_t lo = 0, hi = r->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->cp[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < r->n && r->cp[lo] == cp ? r->byte[lo] : -1;
}

/* S (valid UTF-8) encoded in PAGE into OUT; -1 if some character is not in PAGE. */
static int mojibake_encode(size_t page, const char *s, size_t len, quarry_buf *out)
{
    const unsigned char *u = (const unsigned char *)s;
    out->len = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t l = utf8_decode(u + i, len - i, &cp);
        int b = l ? mojibake_encode_char(page, cp) : -1;
        if (b < 0)
            return -1;
        char c = (char)b;
        quarry_buf_append(out, &c, 1);
        i += l;
    }
    return 0;
}

static int is_cont(unsigned char c)
{
    return c >= 0x80 && c <= 0xBF;
}

/* Continuation bytes that a no-break space turned space could have been: not 0x85 or 0xA0,
 * which have other readings of their own. */
static int is_cont_a0(unsigned char c)
{
    return (c >= 0x80 && c <= 0x84) || (c >= 0x86 && c <= 0x9F) || (c >= 0xA1 && c <= 0xBF);
}

/* Where a byte 0xA0 of UTF-8 (à, the no-break space, ...) became a plain space on the way,
 * puts it back. Portuguese "às", "àquele" keep their letters joined. */
static void mojibake_restore_a0(quarry_buf *b)
{
    quarry_buf out = {0};
    unsigned char *s = (unsigned char *)b->data;
    size_t n = b->len;
    /* Where the line's first opening quotation mark (E2 80 9C) ends: found once, not looked for
     * again before each "â€ " (a line of them would take time in their number squared). */
    const unsigned char *open = memmem(s, n, "\xe2\x80\x9c", 3);
    size_t opened = open ? (size_t)(open - s) + 3 : SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        int sp1 = i + 1 < n && s[i + 1] == ' ';
        if (c == 0xC3 && sp1) {
            const char *rest = (const char *)s + i + 2;
            size_t left = n - i - 2;
            int joined = (left >= 1 && rest[0] == ' ') || (left >= 5 && !memcmp(rest, "quele", 5)) ||
                         (left >= 5 && !memcmp(rest, "quela", 5)) ||
                         (left >= 5 && !memcmp(rest, "quilo", 5)) || (left >= 2 && !memcmp(rest, "s ", 2));
            /* "Ã " before another word: the space after à was swallowed into the no-break
             * space, so à gets its own space back. */
            quarry_buf_append(&out, "\xc3\xa0", 2);
            if (!joined)
                quarry_buf_append(&out, " ", 1);
            i++;
            continue;
        }
        if ((c == 0xC2 || c == 0xC5 || c == 0xCE || c == 0xD0 || c == 0xD9) && sp1) {
            unsigned char pair[2] = {c, 0xA0};
            quarry_buf_append(&out, pair, 2);
            i++;
            continue;
        }
        if ((c == 0xE2 || c == 0xE3) && sp1 && i + 2 < n && is_cont_a0(s[i + 2])) {
            unsigned char tri[3] = {c, 0xA0, s[i + 2]};
            quarry_buf_append(&out, tri, 3);
            i += 2;
            continue;
        }
        /* Not E2 80 and a space after an opening quotation mark (E2 80 9C): that is far more
         * often the closing one whose undefined last byte (9D) was dropped, before the space
         * after it (mojibake_partial), than a dagger (E2 80 A0) whose no-break space became one. */
        if (c >= 0xE0 && c <= 0xE3 && i + 2 < n && is_cont_a0(s[i + 1]) && s[i + 2] == ' ' &&
            !(c == 0xE2 && s[i + 1] == 0x80 && opened <= i)) {
            unsigned char tri[3] = {c, s[i + 1], 0xA0};
            quarry_buf_append(&out, tri, 3);
            i += 2;
            continue;
        }
        quarry_buf_append(&out, &c, 1);
    }
    quarry_buf_free(b);
    *b = out;
}

/* Sequences whose bytes were lost (0x1A from a sloppy code page's U+FFFD, or a '?' a lossy
 * decoder wrote) become one U+FFFD instead of breaking the decode of the whole line. */
static void mojibake_mark_lossy(quarry_buf *b)
{
    quarry_buf out = {0};
    const unsigned char *s = (const unsigned char *)b->data;
    size_t n = b->len;
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        size_t need = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (need && i + need <= n) {
            size_t lost = 0, ok = 1;
            for (size_t k = 1; k < need && ok; k++) {
                if (s[i + k] == 0x1A || (s[i + k] == '?' && (need == 2 ? c <= 0xC3 : 1)))
                    lost++;
                else if (!is_cont(s[i + k]))
                    ok = 0;
            }
            if (ok && lost && (need == 2 || lost < need)) {
                quarry_buf_append(&out, "\xef\xbf\xbd", 3);
                i += need;
                continue;
            }
        }
        if (c == 0x1A)
            quarry_buf_append(&out, "\xef\xbf\xbd", 3);
        else
            quarry_buf_append(&out, &c, 1);
        i++;
    }
    quarry_buf_free(b);
    *b = out;
}

/* Decodes B as UTF-8, accepting CESU-8 surrogate pairs (as Java and old MySQL wrote them).
 * Returns 0, or -1 if B is not UTF-8. */
static int mojibake_decode(const quarry_buf *b, quarry_buf *out)
{
    const unsigned char *s = (const unsigned char *)b->data;
    size_t n = b->len;
    out->len = 0;
    for (size_t i = 0; i < n;) {
        if (i + 6 <= n && s[i] == 0xED && s[i + 1] >= 0xA0 && s[i + 1] <= 0xAF && is_cont(s[i + 2]) &&
            s[i + 3] == 0xED && s[i + 4] >= 0xB0 && s[i + 4] <= 0xBF && is_cont(s[i + 5])) {
            int32_t hi = 0xD000 | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
            int32_t lo = 0xD000 | ((s[i + 4] & 0x3F) << 6) | (s[i + 5] & 0x3F);
            utf8_append(out, utf8_surrogates(hi, lo));
            i += 6;
            continue;
        }
        int32_t cp;
        size_t l = utf8_decode(s + i, n - i, &cp);
        if (!l)
            return -1;
        quarry_buf_append(out, s + i, l);
        i += l;
    }
    return 0;
}

/* Re-decodes the whole of S with the first code page that turns it into valid UTF-8. */
static int mojibake_whole(const char *s, size_t len, quarry_buf *out)
{
    quarry_buf bytes = {0};
    int fixed = 0;
    for (size_t p = 0; p < clean_ncodepages && !fixed; p++) {
        if (mojibake_encode(p, s, len, &bytes) < 0)
            continue;
        mojibake_restore_a0(&bytes);
        if (memchr(bytes.data, 0x1A, bytes.len) || memchr(bytes.data, '?', bytes.len))
            mojibake_mark_lossy(&bytes);
        if (mojibake_decode(&bytes, out) == 0 && (out->len != len || memcmp(out->data, s, len)))
            fixed = 1;
    }
    quarry_buf_free(&bytes);
    return fixed;
}

/* The byte that PAGE writes CP as, also taking C1 controls as the Latin-1 bytes they were. */
static int mojibake_byte(size_t page, int32_t cp)
{
    int b = mojibake_encode_char(page, cp);
    if (b < 0 && cp >= 0x80 && cp <= 0x9F)
        b = cp;
    return b == 0x1A ? -1 : b;
}

/* Where the first left double quotation mark of S (LEN bytes) ends, right ("“") or read as
 * Windows-1252 ("â€œ"); SIZE_MAX if it has none. */
static size_t mojibake_quote_opened(const char *s, size_t len)
{
    static const char right[] = "\xe2\x80\x9c", garbled[] = "\xc3\xa2\xe2\x82\xac\xc5\x93";
    const char *r = memmem(s, len, right, sizeof right - 1), *g = memmem(s, len, garbled, sizeof garbled - 1);
    size_t r_end = r ? (size_t)(r - s) + sizeof right - 1 : SIZE_MAX;
    size_t g_end = g ? (size_t)(g - s) + sizeof garbled - 1 : SIZE_MAX;
    return r_end < g_end ? r_end : g_end;
}

/* Fixes runs inside S that are UTF-8 read as code page PAGE, where the rest of the line is
 * right (or garbled differently): each run is replaced only if it looks like mojibake. */
static int mojibake_partial(size_t page, const char *s, size_t len, quarry_buf *out)
{
    const unsigned char *u = (const unsigned char *)s;
    quarry_buf run = {0}, dec = {0};
    int changed = 0;
    size_t copied = 0, opened = mojibake_quote_opened(s, len); /* found once a line */
    for (size_t i = 0; i < len;) {
        /* Try a run of UTF-8 sequences starting at character i. */
        size_t j = i, bytes_start = 0;
        run.len = 0;
        for (;;) {
            int32_t cp;
            size_t l = utf8_decode(u + j, len - j, &cp);
            int lead = l ? mojibake_byte(page, cp) : -1;
            size_t need = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                        : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
            if (!need)
                break;
            size_t k = j + l, got = 1;
            unsigned char seq[4] = {(unsigned char)lead};
            while (got < need && k < len) {
                size_t l2 = utf8_decode(u + k, len - k, &cp);
                int b = l2 ? mojibake_byte(page, cp) : -1;
                if (b < 0 || !is_cont((unsigned char)b))
                    break;
                seq[got++] = (unsigned char)b;
                k += l2;
            }
            /* "Ã " where the second byte of à, a no-break space, became a space; "Â " where a
             * no-break space's did ("the dealÂ was signed", in a line whose right curly quotes
             * keep it from being re-encoded whole) */
            int a_grave = got == 1 && need == 2 && lead == 0xC3 && k < len && u[k] == ' ';
            int nbsp = got == 1 && need == 2 && lead == 0xC2 && k < len && u[k] == ' ';
            if (a_grave || nbsp) {
                seq[got++] = 0xA0;
                k++;
            }
            /* "â€" before a byte that goes on no sequence, or at the line's end, after an
             * opening quotation mark: a right double quotation mark (E2 80 9D) whose last byte,
             * which Windows-1252 leaves undefined, was dropped on the way ("“doneâ€."). The
             * other characters that end so (E2 80 81, 8D, 8F, 90) are spaces, joiners and marks
             * that text seldom holds; without the opening mark, the bytes may as well be a
             * character cut off at the end of a file. */
            if (got == 2 && need == 3 && lead == 0xE2 && seq[1] == 0x80 && opened <= j)
                seq[got++] = 0x9D;
            int32_t check;
            if (got < need || !utf8_decode(seq, need, &check))
                break;
            quarry_buf_append(&run, seq, need);
            if (a_grave && k < len && u[k] != ' ' && u[k] != 's')
                quarry_buf_append(&run, " ", 1);
            j = k;
        }
        (void)bytes_start;
        if (j > i) {
            dec.len = 0;
            quarry_buf_append(&dec, run.data, run.len);
            if (j - i < len && badness_score(s + i, j - i) > 0) {
                quarry_buf_append(out, s + copied, i - copied);
                quarry_buf_append(out, dec.data, dec.len);
                copied = j;
                changed = 1;
            }
            i = j;
        } else {
            int32_t cp;
            size_t l = utf8_decode(u + i, len - i, &cp);
            i += l ? l : 1;
        }
    }
    quarry_buf_append(out, s + copied, len - copied);
    quarry_buf_free(&run);
    quarry_buf_free(&dec);
    return changed;
}

/* C1 controls left over are Windows-1252 bytes that were read as Latin-1. NEL (U+0085) is
 * a line break of its own, so it is read as Windows-1252's ellipsis only on a line that
 * showed other Windows-1252 damage. */
static int mojibake_fix_c1(const char *s, size_t len, int damaged, quarry_buf *out)
{
    const unsigned char *u = (const unsigned char *)s;
    int changed = 0;
    size_t copied = 0;
    for (size_t i = 0; i + 1 < len; i++) {
        if (u[i] == 0xC2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F && (u[i + 1] != 0x85 || damaged)) {
            quarry_buf_append(out, s + copied, i - copied);
            utf8_append(out, clean_codepages[1].high[u[i + 1] - 0x80]);
            copied = i + 2;
            i++;
            changed = 1;
        }
    }
    quarry_buf_append(out, s + copied, len - copied);
    return changed;
}

int mojibake_fix_line(const char *s, size_t len, quarry_buf *out)
{
    pthread_once(&mojibake_once, mojibake_init);
    if (utf8_is_ascii(s, len)) {
        quarry_buf_append(out, s, len);
        return 0;
    }
    quarry_buf cur = {0}, next = {0};
    quarry_buf_append(&cur, s, len);
    int changed = 0;
    for (int layer = 0; layer < MOJIBAKE_MAX_LAYERS; layer++) {
        int bad = badness_score(cur.data, cur.len);
        if (bad == 0)
            break;
        next.len = 0;
        int step = mojibake_whole(cur.data, cur.len, &next);
        /* A whole-line reading must not make the line look worse. */
        if (step && badness_score(next.data, next.len) > bad)
            step = 0;
        /* Runs inside a line: UTF-8 read as Windows-1252 (or Latin-1), or as MacRoman. */
        static const size_t partial_pages[] = {MOJIBAKE_CP1252, MOJIBAKE_MACROMAN};
        for (size_t p = 0; !step && p < 2; p++) {
            next.len = 0;
            step = mojibake_partial(partial_pages[p], cur.data, cur.len, &next);
        }
        if (!step)
            break;
        quarry_buf t = cur;
        cur = next;
        next = t;
        changed = 1;
    }
    next.len = 0;
    if (mojibake_fix_c1(cur.data, cur.len, changed, &next)) {
        quarry_buf t = cur;
        cur = next;
        next = t;
        changed = 1;
    }
    quarry_buf_append(out, cur.data, cur.len);
    quarry_buf_free(&cur);
    quarry_buf_free(&next);
    return changed;
}
