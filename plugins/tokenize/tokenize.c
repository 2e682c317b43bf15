/* tokenize.c: the tokenize stage: tokens (lower-cased) and their surface forms, sentence
 * starts, stop-word flags and the parts of hyphenated words, from a record's text. */
#include "tokenize.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <utf8proc.h>

static const char *const tokenize_splits[] = {"words", "whitespace", "lines", NULL};

static const quarry_param tokenize_params[] = {
    {"field", QUARRY_PARAM_STRING, "text", "the text to tokenize", 0, 0, 0, NULL},
    {"split", QUARRY_PARAM_ENUM, "words",
     "words: Unicode words and sentences; whitespace: whitespace-separated chunks as they are; "
     "lines: every line as it is (word lists)", 0, 0, 0,
     tokenize_splits},
    {"lowercase", QUARRY_PARAM_BOOL, "true", "lower-case the tokens (the surface forms stay as written)", 0, 0,
     0, NULL},
    {"language", QUARRY_PARAM_STRING, "english",
     "the stop-word list to mark tokens with (one of data/stopwords), or 'none'", 0, 0, 0, NULL},
    {"stopwords", QUARRY_PARAM_PATH, NULL, "a file of further stop words, one a line", 0, 0, 0, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};

#define STOP_SLOTS 4096

typedef struct tokenize_state {
    const char *field;
    int split; /* index into tokenize_splits */
    int lowercase;
    char **stops;  /* open addressing, owned copies */
    size_t nstops;
} tokenize_state;

static uint64_t tokenize_hash(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static int tokenize_add_stop(tokenize_state *st, const char *w, size_t len)
{
    if (st->nstops * 2 >= STOP_SLOTS)
        return -1;
    size_t h = tokenize_hash(w, len) & (STOP_SLOTS - 1);
    while (st->stops[h]) {
        if (strlen(st->stops[h]) == len && !memcmp(st->stops[h], w, len))
            return 0;
        h = (h + 1) & (STOP_SLOTS - 1);
    }
    st->stops[h] = strndup(w, len);
    st->nstops++;
    return 0;
}

static int tokenize_is_stop(const tokenize_state *st, const char *w, size_t len)
{
    size_t h = tokenize_hash(w, len) & (STOP_SLOTS - 1);
    for (; st->stops[h]; h = (h + 1) & (STOP_SLOTS - 1))
        if (!strncmp(st->stops[h], w, len) && st->stops[h][len] == '\0')
            return 1;
    return 0;
}

static void tokenize_close(void *state)
{
    tokenize_state *st = state;
    if (!st)
        return;
    for (size_t i = 0; st->stops && i < STOP_SLOTS; i++)
        free(st->stops[i]);
    free(st->stops);
    free(st);
}

static int tokenize_open(quarry_ctx *ctx, void **state)
{
    tokenize_state *st = calloc(1, sizeof *st);
    if (!st || !(st->stops = calloc(STOP_SLOTS, sizeof *st->stops))) {
        free(st);
        return quarry_error(ctx, "out of memory");
    }
    *state = st;
    st->field = quarry_param_str(ctx, "field");
    const char *split = quarry_param_str(ctx, "split");
    for (int i = 0; tokenize_splits[i]; i++)
        if (!strcmp(split, tokenize_splits[i]))
            st->split = i;
    st->lowercase = quarry_param_bool(ctx, "lowercase");
    const char *language = quarry_param_str(ctx, "language");
    if (strcmp(language, "none") != 0) {
        const stoplist *sl = NULL;
        for (size_t i = 0; stoplists[i].language && !sl; i++)
            if (!strcmp(stoplists[i].language, language))
                sl = &stoplists[i];
        if (!sl) {
            quarry_buf names = {0};
            for (size_t i = 0; stoplists[i].language; i++) {
                if (i)
                    quarry_buf_append(&names, ", ", 2);
                quarry_buf_append(&names, stoplists[i].language, strlen(stoplists[i].language));
            }
            quarry_buf_append(&names, "", 1);
            int rc = quarry_fail(ctx, EX_USAGE, "no stop words for language '%s'; there are: %s, or none",
                                 language, names.data);
            quarry_buf_free(&names);
            tokenize_close(st); /* a failed open owns nothing */
            *state = NULL;
            return rc;
        }
        for (size_t i = 0; sl->words[i]; i++)
            tokenize_add_stop(st, sl->words[i], strlen(sl->words[i]));
    }
    const char *extra = quarry_param_str(ctx, "stopwords");
    if (extra) {
        FILE *f = fopen(extra, "r");
        if (!f) {
            int rc = quarry_fail(ctx, EX_NOINPUT, "cannot open stop-word file %s: %s", extra, strerror(errno));
            tokenize_close(st);
            *state = NULL;
            return rc;
        }
        char line[512];
        while (fgets(line, sizeof line, f)) {
            size_t len = strcspn(line, "\r\n \t");
            if (len && line[0] != '#' && tokenize_add_stop(st, line, len) < 0) {
                fclose(f);
                int rc = quarry_fail(ctx, EX_DATAERR, "%s: too many stop words (at most %d)", extra,
                                     STOP_SLOTS / 2);
                tokenize_close(st);
                *state = NULL;
                return rc;
            }
        }
        fclose(f);
    }
    return QUARRY_OK;
}

/* The lower-case form of S (LEN bytes) into OUT: ASCII by table, the rest code point by code
 * point with utf8proc, which Snowball's stemmers expect (no full case folding: ß stays ß). */
static void tokenize_lower(const char *s, size_t len, quarry_buf *out)
{
    out->len = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            char l = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            quarry_buf_append(out, &l, 1);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            quarry_buf_append(out, s + i, 1); /* invalid UTF-8 left by an earlier stage: kept */
            i++;
            continue;
        }
        utf8proc_uint8_t enc[4];
        /* ’ inside a word is an apostrophe: "don’t" is "don't" */
        utf8proc_ssize_t m = utf8proc_encode_char(cp == 0x2019 ? '\'' : utf8proc_tolower(cp), enc);
        quarry_buf_append(out, enc, (size_t)m);
        i += (size_t)n;
    }
}

static int tokenize_process(void *state, quarry_ctx *ctx, quarry_record *rec)
{
    (void)ctx;
    tokenize_state *st = state;
    size_t len;
    const char *text = quarry_get_string(rec, st->field, &len);
    if (!text)
        return QUARRY_OK; /* nothing to tokenize: pass it on */
    seg_tokens toks = {0};
    if (st->split == 1)
        segment_whitespace(text, len, &toks);
    else if (st->split == 2)
        segment_lines(text, len, &toks);
    else
        segment_words(text, len, &toks);
    /* The text's bytes stay valid while lists are added: setters copy, and the text value is
     * not replaced. */
    quarry_list *tokens = quarry_set_list(rec, "tokens");
    quarry_buf low = {0};
    for (size_t i = 0; i < toks.n; i++) {
        const char *t = text + toks.v[i].off;
        if (st->lowercase) {
            tokenize_lower(t, toks.v[i].len, &low);
            quarry_list_add_string(tokens, low.data ? low.data : "", low.len);
        } else {
            quarry_list_add_string(tokens, t, toks.v[i].len);
        }
    }
    text = quarry_get_string(rec, st->field, &len);
    quarry_list *surface = quarry_set_list(rec, "surface");
    for (size_t i = 0; i < toks.n; i++)
        quarry_list_add_string(surface, text + toks.v[i].off, toks.v[i].len);
    quarry_list *sentences = quarry_set_list(rec, "sentences");
    for (size_t i = 0; i < toks.n; i++)
        if (toks.v[i].sentence_start)
            quarry_list_add_int(sentences, (int64_t)i);
    const quarry_value *tv = quarry_get(rec, "tokens");
    quarry_list *stop = quarry_set_list(rec, "stop");
    tv = quarry_get(rec, "tokens");
    for (size_t i = 0; i < toks.n; i++) {
        size_t tl;
        const char *t = quarry_value_string(quarry_value_at(tv, i), &tl);
        quarry_list_add_int(stop, st->nstops && tokenize_is_stop(st, t, tl));
    }
    /* The parts of hyphenated tokens, as [part, token index] pairs. */
    quarry_list *parts = quarry_set_list(rec, "parts");
    tv = quarry_get(rec, "tokens");
    for (size_t i = 0; i < toks.n; i++) {
        if (!toks.v[i].hyphens)
            continue;
        size_t tl;
        const char *t = quarry_value_string(quarry_value_at(tv, i), &tl);
        for (size_t a = 0, b = 0; b <= tl; b++) {
            if (b == tl || t[b] == '-') {
                if (b > a)
                    quarry_list_add_pair(parts, t + a, b - a, (double)i);
                a = b + 1;
            }
        }
    }
    quarry_buf_free(&low);
    seg_tokens_free(&toks);
    return QUARRY_OK;
}

QUARRY_STAGE(tokenize) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "tokenize",
    .version = "0.9.0",
    .summary = "Unicode word tokens (lower-cased and as written), sentences, stop words, hyphen parts",
    .params = tokenize_params,
    .flags = QUARRY_PER_RECORD,
    .open = tokenize_open,
    .process = tokenize_process,
    .close = tokenize_close,
};
