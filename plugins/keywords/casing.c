/* casing.c: how the corpus writes each word where its case is told, and a headline-only word
 * rewritten so: Reuters' "HUMANA INC <HUM> REGULAR DIVIDEND" has no other sentence, but the
 * rest of the corpus writes "dividend" and "Humana". */
#include "casing.h"

#include <string.h>
#include <utf8proc.h>

/* The code point at byte I of S (LEN bytes) into *CP; its length, or 0 or less if not UTF-8. */
static utf8proc_ssize_t kw_casing_next(const char *s, size_t i, size_t len, utf8proc_int32_t *cp)
{
    return utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), cp);
}

int kw_casing_of(const char *s, size_t len)
{
    size_t upper = 0, lower = 0, digits = 0;
    int first_upper = -1; /* whether the first cased letter is upper case; -1: none yet */
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        int is_upper, is_lower;
        if (c < 0x80) { /* most words: no code point decoding */
            is_upper = c >= 'A' && c <= 'Z';
            is_lower = c >= 'a' && c <= 'z';
            digits += c >= '0' && c <= '9';
            i++;
        } else {
            utf8proc_int32_t cp;
            utf8proc_ssize_t n = kw_casing_next(s, i, len, &cp);
            if (n <= 0)
                return KW_MIXED; /* not UTF-8: leave it as written */
            utf8proc_category_t cat = utf8proc_category(cp);
            is_upper = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
            is_lower = cat == UTF8PROC_CATEGORY_LL;
            i += (size_t)n;
        }
        if ((is_upper || is_lower) && first_upper < 0)
            first_upper = is_upper;
        upper += (size_t)is_upper;
        lower += (size_t)is_lower;
    }
    if (digits || first_upper < 0)
        return KW_MIXED; /* a code ("5G") or no cased letter */
    if (!upper)
        return KW_LOWER;
    if (!lower)
        return upper >= 2 ? KW_CAPITALS : KW_MIXED; /* a lone capital ("A") tells nothing */
    return first_upper && upper == 1 ? KW_CAPITAL : KW_MIXED;
}

static uint64_t kw_casing_total(const void *value)
{
    const kw_casing *c = value;
    uint64_t total = 0;
    for (int k = 0; k < KW_CASINGS; k++)
        total += c->count[k];
    return total;
}

/* kw_casing_add for the words of ids FROM to TO. */
static void kw_casing_add_range(intern *corpus, const intern *words, const kw_casing *casing, uint32_t from,
                                uint32_t to, intern_batch *batch)
{
    size_t n = 0;
    intern_batch_reserve(batch, to - from);
    for (uint32_t i = from; i < to; i++) {
        if (kw_casing_total(&casing[i])) {
            batch->keys[n] = intern_key(words, i, &batch->lens[n]);
            n++;
        }
    }
    intern_put_many(corpus, n, batch->keys, batch->lens, batch->values, batch->added); /* looked up at once */
    for (uint32_t i = from, j = 0; i < to; i++) {
        const kw_casing *add = &casing[i];
        if (!kw_casing_total(add))
            continue; /* the same words as above, in the same order */
        kw_casing *c = batch->values[j++];
        for (int k = 0; k < KW_CASINGS; k++)
            c->count[k] = add->count[k] > UINT32_MAX - c->count[k] ? UINT32_MAX : c->count[k] + add->count[k];
    }
}

uint64_t kw_casing_add(intern *corpus, const intern *words, const kw_casing *casing, size_t max_words,
                       intern_batch *batch)
{
    /* A huge document (a 100 MB dump of millions of distinct words) is added in steps, each
     * followed by pruning, so the table never holds much more than MAX_WORDS words. */
    uint32_t count = (uint32_t)intern_count(words), step = max_words ? (uint32_t)(max_words / 2 + 1) : count;
    uint64_t pruned = 0, floor;
    for (uint32_t from = 0; from < count; from += step) {
        kw_casing_add_range(corpus, words, casing, from, count - from > step ? from + step : count, batch);
        if (max_words && intern_count(corpus) > max_words)
            pruned += intern_prune(corpus, max_words / 2, kw_casing_total, &floor);
    }
    return pruned;
}

int kw_casing_main(const kw_casing *c)
{
    if (!c)
        return KW_MIXED;
    int best = KW_MIXED;
    uint32_t most = 0, next = 0;
    for (int k = 0; k < KW_CASINGS; k++) {
        if (c->count[k] > most) {
            next = most;
            most = c->count[k];
            best = k;
        } else if (c->count[k] > next) {
            next = c->count[k];
        }
    }
    return most > next ? best : KW_MIXED;
}

void kw_casing_write(quarry_buf *out, const char *s, size_t len, int to)
{
    if (to == KW_MIXED) {
        quarry_buf_append(out, s, len);
        return;
    }
    int cased_yet = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = kw_casing_next(s, i, len, &cp);
        if (n <= 0) { /* not UTF-8: the byte as it is */
            quarry_buf_append(out, s + i, 1);
            i++;
            continue;
        }
        i += (size_t)n;
        int up = to == KW_CAPITALS || (to == KW_CAPITAL && !cased_yet);
        utf8proc_int32_t mapped = up ? utf8proc_toupper(cp) : utf8proc_tolower(cp);
        cased_yet |= utf8proc_toupper(cp) != utf8proc_tolower(cp); /* a cased letter */
        utf8proc_uint8_t enc[4];
        quarry_buf_append(out, enc, (size_t)utf8proc_encode_char(mapped, enc));
    }
}

void kw_casing_write_place(quarry_buf *out, const char *s, size_t len)
{
    for (size_t a = 0; a <= len;) {
        const char *hyphen = memchr(s + a, '-', len - a);
        size_t b = hyphen ? (size_t)(hyphen - s) : len;
        kw_casing_write(out, s + a, b - a, KW_CAPITAL);
        if (!hyphen)
            break;
        quarry_buf_append(out, "-", 1);
        a = b + 1;
    }
}
