/* tokenize.c: the tokenize stage: tokens (lower-cased) and their surface forms, sentence
 * and clause starts, stop-word flags and the parts of hyphenated words, from a record's text. */
#include "tokenize.h"
#include "alphabet.h"
#include "datafile.h"
#include "facts.h"
#include "fold.h"
#include "intern.h"
#include "langguess.h"
#include "missing.h"
#include "tablerows.h"
#include "scriptstop.h"
#include "tokenlists.h"
#include "wordbreak.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <utf8proc.h>

static const char *const tokenize_splits[] = {"words", "whitespace", "lines", NULL};

static const quarry_param tokenize_params[] = {
    {"field", QUARRY_PARAM_LIST, "title,text",
     "the fields to tokenize, in this order, each its own sentences (those a record lacks are skipped)",
     0, 0, 0, NULL},
    {"split", QUARRY_PARAM_ENUM, "words",
     "words: Unicode words and sentences; whitespace: whitespace-separated chunks as they are; "
     "lines: every line as it is (word lists)", 0, 0, 0,
     tokenize_splits},
    {"lowercase", QUARRY_PARAM_BOOL, "true", "lower-case the tokens (the surface forms stay as written)", 0, 0,
     0, NULL},
    {"language", QUARRY_PARAM_STRING, "english",
     "the stop-word list to mark tokens with (one of data/stopwords; Chinese, Japanese and Thai ones are marked "
     "whatever it is), or 'none'", 0, 0, 0, NULL},
    {"stopwords", QUARRY_PARAM_PATH, NULL,
     "a file of further stop words, one a line, lower-cased as tokens are (\"Reuters\" marks \"reuters\")", 0, 0, 0,
     NULL},
    {"max-token-length", QUARRY_PARAM_INT, "256",
     "tokens longer than this many bytes (encoded data, a run of one letter) are left out; 0: none",
     0, 0, 1000000000, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};

typedef struct tokenize_state {
    const char *const *fields;
    size_t nfields;
    int split; /* index into tokenize_splits */
    int lowercase;
    size_t max_len; /* 0: no limit */
    intern *stops;
    /* Which (length, first byte) and (length, last byte) pairs some stop word has: most words
     * fail one of the two, and skip the hash lookup. Lengths from 31 up share a row. */
    unsigned char first_bits[32][32], last_bits[32][32];
    missing without_text; /* documents with none of the fields, passed on as they are */
    const char *language;           /* of the stop words, or NULL (none) */
    alphabet stop_alphabet;         /* the one the stop words are written in */
    atomic_uint_least64_t foreign;  /* documents mostly in another alphabet */
    langguess *guess;               /* the other lists of that alphabet, or NULL */
    size_t nlanguages;              /* of stoplists */
    atomic_uint_least64_t *guessed; /* documents in another language of it, by stoplists index */
} tokenize_state;

static void tokenize_bit_set(unsigned char row[32], unsigned char byte)
{
    row[byte >> 3] |= (unsigned char)(1u << (byte & 7));
}

static int tokenize_bit(const unsigned char row[32], unsigned char byte)
{
    return row[byte >> 3] >> (byte & 7) & 1;
}

/* Stop words are kept lower-cased, as tokens are: "Reuters" in a stop-word file is the token
 * "reuters". */
static void tokenize_add_stop(tokenize_state *st, const char *w, size_t len)
{
    if (!len)
        return;
    quarry_buf lower = {0};
    if (fold_needed(w, len)) {
        fold_lower(w, len, &lower);
        w = lower.data;
        len = lower.len;
    }
    intern_add(st->stops, w, len, NULL);
    size_t row = len < 31 ? len : 31;
    tokenize_bit_set(st->first_bits[row], (unsigned char)w[0]);
    tokenize_bit_set(st->last_bits[row], (unsigned char)w[len - 1]);
    quarry_buf_free(&lower);
}

static int tokenize_is_stop(const tokenize_state *st, const char *w, size_t len)
{
    if (!len)
        return 0;
    size_t row = len < 31 ? len : 31;
    if (!tokenize_bit(st->first_bits[row], (unsigned char)w[0]) ||
        !tokenize_bit(st->last_bits[row], (unsigned char)w[len - 1]))
        return 0;
    return intern_find(st->stops, w, len) >= 0;
}

/* Scratch a worker reuses from record to record. */
typedef struct tokenize_worker {
    seg_tokens toks;
    wordbreak *words;     /* cuts text in scripts without spaces into words */
    quarry_buf folded;    /* the tokens that lower-casing changed, end to end */
    size_t *folded_at;    /* where token i starts in folded, or TOKENIZE_AS_WRITTEN */
    size_t *folded_len;
    size_t cap;
    quarry_buf joined;    /* the fields, when more than one is there */
    quarry_buf lowered;   /* a token kept as written (lowercase = false), lower-cased to test
                           * whether it is a stop word */
} tokenize_worker;

/* Whether token T (TL bytes, as emitted) is a stop word, whatever its case: "The" opening a
 * sentence is one when the tokens keep their case (lowercase = false) too. */
static int tokenize_stop_as_lower(const tokenize_state *st, tokenize_worker *w, const char *t, size_t tl)
{
    if (st->language && tl && (unsigned char)t[0] >= 0xE0 && scriptstop_by_script(t, tl))
        return 1; /* Japanese kana, a lone Chinese character: no case to fold */
    if (st->lowercase || !fold_needed(t, tl))
        return tokenize_is_stop(st, t, tl);
    w->lowered.len = 0;
    fold_lower(t, tl, &w->lowered);
    return tokenize_is_stop(st, w->lowered.data, w->lowered.len);
}

static void tokenize_close(void *state)
{
    tokenize_state *st = state;
    if (!st)
        return;
    intern_free(st->stops);
    langguess_free(st->guess);
    free(st->guessed);
    free(st);
}

/* A line of a stop-word file: its first word, unless the line starts with a space or '#'. */
static const char *tokenize_stop_line(void *data, char *line, size_t len, size_t lineno)
{
    (void)len, (void)lineno;
    size_t word = strcspn(line, " \t");
    if (word && line[0] != '#')
        tokenize_add_stop(data, line, word);
    return NULL;
}

static int tokenize_open(quarry_ctx *ctx, void **state)
{
    tokenize_state *st = calloc(1, sizeof *st);
    if (!st)
        return quarry_error(ctx, "out of memory");
    st->stops = intern_new(0);
    *state = st;
    facts_library(ctx, (const void *)utf8proc_version); /* its Unicode: word breaks, case */
    facts_library(ctx, wordbreak_library()); /* ICU's dictionaries: the words of Chinese, Thai, ... */
    st->nfields = quarry_param_list(ctx, "field", &st->fields);
    if (!st->nfields) {
        tokenize_close(st); /* a failed open owns nothing */
        *state = NULL;
        return quarry_fail(ctx, EX_USAGE, "field names no field to tokenize (default: title,text)");
    }
    const char *split = quarry_param_str(ctx, "split");
    for (int i = 0; tokenize_splits[i]; i++)
        if (!strcmp(split, tokenize_splits[i]))
            st->split = i;
    char why[128];
    if (st->split == 0 && wordbreak_check(why, sizeof why) != 0) {
        tokenize_close(st);
        *state = NULL;
        return quarry_fail(ctx, EX_UNAVAILABLE, "ICU cannot open its word-break rules (%s): is its data "
                           "(Debian's libicu) whole?", why);
    }
    st->lowercase = quarry_param_bool(ctx, "lowercase");
    st->max_len = (size_t)quarry_param_int(ctx, "max-token-length");
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
            int rc = quarry_fail(ctx, EX_USAGE, "no stop words for language '%s'; there are: %s, or none%s", language,
                                 names.data,
                                 alphabet_cjk_thai_language(language)
                                     ? " (Chinese, Japanese and Thai stop words are marked under any of them but none)"
                                     : "");
            quarry_buf_free(&names);
            tokenize_close(st); /* a failed open owns nothing */
            *state = NULL;
            return rc;
        }
        for (size_t i = 0; sl->words[i]; i++)
            tokenize_add_stop(st, sl->words[i], strlen(sl->words[i]));
        st->language = language;
        st->stop_alphabet = langguess_alphabet(sl);
        st->guess = langguess_new(sl);
        while (stoplists[st->nlanguages].language)
            st->nlanguages++;
        if (!(st->guessed = calloc(st->nlanguages, sizeof *st->guessed))) {
            tokenize_close(st);
            *state = NULL;
            return quarry_error(ctx, "out of memory");
        }
        /* Chinese, Japanese and Thai stories come in a feed of any language: their stop words
         * are marked whatever it is, after the tally, as they are no stop words of its. */
        for (size_t i = 0; scriptstop_thai[i]; i++)
            tokenize_add_stop(st, scriptstop_thai[i], strlen(scriptstop_thai[i]));
        tokenize_add_stop(st, "&", 1); /* "and" in any language: segment.c makes it a token */
    }
    const char *extra = quarry_param_str(ctx, "stopwords");
    quarry_buf err = {0};
    int status = extra ? datafile_each_line(extra, "stop-word file", tokenize_stop_line, st, &err) : 0;
    if (status) {
        int rc = quarry_fail(ctx, status, "%s", err.data);
        quarry_buf_free(&err);
        tokenize_close(st);
        *state = NULL;
        return rc;
    }
    return QUARRY_OK;
}

static int tokenize_worker_open(void *state, void **local)
{
    (void)state;
    tokenize_worker *w = calloc(1, sizeof *w);
    if (!w || !(w->words = wordbreak_new())) {
        free(w);
        return QUARRY_ERROR;
    }
    *local = w;
    return QUARRY_OK;
}

static void tokenize_worker_close(void *state, void *local)
{
    (void)state;
    tokenize_worker *w = local;
    if (!w)
        return;
    seg_tokens_free(&w->toks);
    wordbreak_free(w->words);
    quarry_buf_free(&w->folded);
    quarry_buf_free(&w->joined);
    quarry_buf_free(&w->lowered);
    free(w->folded_at);
    free(w->folded_len);
    free(w);
}

#define TOKENIZE_AS_WRITTEN SIZE_MAX /* a token that is its surface form, byte for byte */

/* Token I as emitted, and its length; TEXT is the text it came from. */
static const char *tokenize_folded(const tokenize_worker *w, const char *text, size_t i, size_t *len)
{
    *len = w->folded_len[i];
    return w->folded_at[i] == TOKENIZE_AS_WRITTEN ? text + w->toks.v[i].off : w->folded.data + w->folded_at[i];
}

/* The bytes of base64 (and base64url) text: looked up for every byte of every word. */
static const unsigned char tokenize_base64[256] = {
    ['+'] = 1, ['-'] = 1, ['/'] = 1, ['='] = 1, ['_'] = 1,
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
    ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
    ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1,
    ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
    ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

/* Whether byte C may be in base64 (or base64url) text. */
static int tokenize_encoded_byte(unsigned char c)
{
    return tokenize_base64[c];
}

/* Leaves out of T the tokens of S (LEN bytes) longer than MAX bytes, and those inside a run of
 * more than MAX bytes of base64's characters: a base64 blob ("data:image/png;base64,iVBOR...")
 * or a 20 MB run of one letter is no word, and would cost every later stage its size again and
 * again. Word breaks cut base64 at its '+' and '/' into tokens of 30 bytes or so, each of which
 * would pass the bound, and show as a keyphrase. A sentence that began with one begins with the
 * next token kept. Returns how many went. */
static size_t tokenize_drop_long(seg_tokens *t, const char *s, size_t len, size_t max)
{
    size_t kept = 0, run_lo = 0, run_hi = 0; /* the run of base64's bytes around the last token */
    int start = 0, clause = 0;
    for (size_t i = 0; i < t->n; i++) {
        size_t off = t->v[i].off, end = off + t->v[i].len;
        /* Word breaks cut a run of base64 at its '+', '/', '=' and '-' (between letters and
         * figures they cut nothing): a token with none of those beside it is in no such run
         * but a token of its own, and most words are spared the scan. */
        int cut = (end < len && memchr("+/=-", s[end], 4)) || (off && memchr("+/=-", s[off - 1], 4));
        if (cut && off >= run_hi) {
            /* The run around this token. The bytes before the last run's end are known, and the
             * byte there is none of base64's (or began a token that is not): the run cannot
             * reach back past it, and no byte is scanned twice. */
            size_t known = run_hi;
            run_lo = run_hi = off;
            while (run_lo > known && tokenize_encoded_byte((unsigned char)s[run_lo - 1]))
                run_lo--;
            while (run_hi < len && tokenize_encoded_byte((unsigned char)s[run_hi]))
                run_hi++;
            if (run_hi == off) /* a token that begins with another byte: in no run */
                run_hi = off + 1;
        }
        int encoded = cut && run_hi - run_lo > max && end <= run_hi;
        if (t->v[i].len > max || encoded) {
            start |= t->v[i].sentence_start;
            clause |= t->v[i].clause_start;
            continue;
        }
        t->v[kept] = t->v[i];
        t->v[kept].sentence_start |= start;
        t->v[kept].clause_start = (t->v[kept].clause_start | clause) && !t->v[kept].sentence_start;
        start = clause = 0;
        kept++;
    }
    size_t dropped = t->n - kept;
    t->n = kept;
    return dropped;
}

/* Cuts S (LEN bytes) into W's tokens and folds them. Returns how many long tokens were left out. */
static size_t tokenize_split(const tokenize_state *st, tokenize_worker *w, const char *s, size_t len)
{
    w->toks.n = 0;
    if (st->split == 1)
        segment_whitespace(s, len, &w->toks);
    else if (st->split == 2)
        segment_lines(s, len, &w->toks);
    else {
        segment_words(s, len, &w->toks);
        wordbreak_cut(w->words, s, len, &w->toks);
    }
    size_t dropped = st->max_len ? tokenize_drop_long(&w->toks, s, len, st->max_len) : 0;
    if (w->toks.n > w->cap) {
        w->cap = w->toks.n;
        free(w->folded_at);
        free(w->folded_len);
        w->folded_at = malloc(w->cap * sizeof *w->folded_at);
        w->folded_len = malloc(w->cap * sizeof *w->folded_len);
        if (!w->folded_at || !w->folded_len)
            abort();
    }
    w->folded.len = 0;
    for (size_t i = 0; i < w->toks.n; i++) {
        const char *t = s + w->toks.v[i].off;
        size_t tl = w->toks.v[i].len;
        if (!st->lowercase || !fold_needed(t, tl)) {
            w->folded_at[i] = TOKENIZE_AS_WRITTEN;
            w->folded_len[i] = tl;
            continue;
        }
        w->folded_at[i] = w->folded.len;
        fold_lower(t, tl, &w->folded);
        w->folded_len[i] = w->folded.len - w->folded_at[i];
    }
    return dropped;
}

/* The text to tokenize: REC's fields of the list, in order, a blank line between them (which
 * ends a sentence: a headline is a sentence of its own). One field is taken where it lies, and
 * *ONLY is its name; more are joined in W's scratch, and *ONLY is NULL. NULL if there is none. */
static const char *tokenize_source(const tokenize_state *st, tokenize_worker *w,
                                   const quarry_record *rec, size_t *len, const char **only)
{
    const char *text = NULL;
    size_t found = 0;
    *only = NULL;
    w->joined.len = 0;
    for (size_t f = 0; f < st->nfields; f++) {
        size_t l;
        const char *s = quarry_get_string(rec, st->fields[f], &l);
        if (!s)
            continue;
        if (found++ == 0) {
            text = s;
            *len = l;
            *only = st->fields[f];
            continue;
        }
        if (found == 2)
            quarry_buf_append(&w->joined, text, *len);
        quarry_buf_append(&w->joined, "\n\n", 2);
        quarry_buf_append(&w->joined, s, l);
    }
    if (found < 2)
        return text;
    *only = NULL;
    *len = w->joined.len;
    return w->joined.data;
}

/* What a document's tokens are written in, for a warning at the end of the run
 * (tokenize_finish), where every later stage would go wrong without a sign: mostly another
 * alphabet than the stop words' (a Russian story read with English stop words), so that its
 * own "и" and "о" are no stop words. */
typedef struct tokenize_scripts {
    alphabet_tally tally;
} tokenize_scripts;

/* Counts token T (LEN bytes) into S; returns its alphabet. */
static alphabet tokenize_scripts_add(tokenize_scripts *s, const char *t, size_t len)
{
    alphabet a = alphabet_of(t, len);
    s->tally.of[a]++;
    return a;
}

/* Counts a document of tokens tallied in S if it is foreign to the stop words' alphabet; returns
 * whether it is. */
static int tokenize_scripts_count(tokenize_state *st, const tokenize_scripts *s)
{
    if (!st->language || !alphabet_foreign(&s->tally, st->stop_alphabet))
        return 0;
    atomic_fetch_add_explicit(&st->foreign, 1, memory_order_relaxed);
    return 1;
}

/* Token T (*LEN bytes) lower-cased as stop words are, for langguess_other: in SCRATCH where
 * the tokens keep their case (lowercase = false). */
static const char *tokenize_guess_lower(const char *t, size_t *len, quarry_buf *scratch)
{
    if (!fold_needed(t, *len))
        return t;
    scratch->len = 0;
    fold_lower(t, *len, scratch);
    *len = scratch->len;
    return scratch->data;
}

/* The tokens tokenize_process has just emitted, for langguess_other. */
typedef struct tokenize_emitted {
    tokenize_worker *w;
    const char *text;
} tokenize_emitted;

static const char *tokenize_emitted_token(const void *data, size_t i, size_t *len)
{
    const tokenize_emitted *e = data;
    return tokenize_guess_lower(tokenize_folded(e->w, e->text, i, len), len, &e->w->lowered);
}

/* The tokens of a document taken from the cache, for langguess_other. */
typedef struct tokenize_cached {
    const quarry_strings *tokens;
    quarry_buf *scratch;
} tokenize_cached;

static const char *tokenize_cached_token(const void *data, size_t i, size_t *len)
{
    const tokenize_cached *c = data;
    *len = c->tokens->len[i];
    return tokenize_guess_lower(c->tokens->str[i], len, c->scratch);
}

/* Counts a document of REC, its N tokens (TOKEN(DATA, i)) tallied in TALLY, if it reads as
 * another language than the stop words' (langguess.h), and names it in a debug line. */
static void tokenize_guess_count(tokenize_state *st, quarry_ctx *ctx, const quarry_record *rec,
                                 const langguess_tally *tally, size_t n, langguess_token_fn *token, const void *data)
{
    size_t hits = 0;
    int l = langguess_other(st->guess, tally, n, token, data, &hits);
    if (l < 0)
        return;
    atomic_fetch_add_explicit(&st->guessed[l], 1, memory_order_relaxed);
    size_t il;
    const char *id = quarry_get_string(rec, "id", &il);
    quarry_log(ctx, QUARRY_LOG_DEBUG, "document '%.*s' reads as %s: %zu of its %zu words are %s stop words, %zu %s ones",
               (int)(id ? il : 0), id ? id : "", stoplists[l].language, hits, tally->words, stoplists[l].language,
               tally->own, st->language);
}

static int tokenize_process(void *state, quarry_ctx *ctx, quarry_record *rec)
{
    tokenize_state *st = state;
    if (tablerows_is_row(rec))
        return QUARRY_OK;
    tokenize_worker *w = quarry_local(ctx);
    size_t len;
    const char *only;
    const char *text = tokenize_source(st, w, rec, &len, &only);
    missing_count(&st->without_text, text != NULL);
    if (!text)
        return QUARRY_OK; /* nothing to tokenize: pass it on */
    size_t dropped = tokenize_split(st, w, text, len);
    if (dropped) {
        size_t il;
        const char *id = quarry_get_string(rec, "id", &il);
        quarry_log(ctx, QUARRY_LOG_DEBUG, "document '%.*s': %zu token%s longer than %zu bytes left out",
                   (int)(id ? il : 0), id ? id : "", dropped, dropped == 1 ? "" : "s", st->max_len);
    }
    size_t n = w->toks.n;
    /* The fields first, in their order, then one pass filling them all. A new field may move
     * the text's value, which unchanged tokens point into: it is looked up after the last
     * (joined fields are a copy of their own). */
    quarry_list *tokens = quarry_set_list(rec, "tokens");
    quarry_list *surface = quarry_set_list(rec, "surface");
    quarry_list *sentences = quarry_set_list(rec, "sentences");
    quarry_list *clauses = quarry_set_list(rec, "clauses");
    quarry_list *stop = quarry_set_list(rec, "stop");
    quarry_list *parts = quarry_set_list(rec, "parts"); /* [part, token index] of hyphenated ones */
    quarry_list *codes = quarry_set_list(rec, "codes");
    if (only)
        text = quarry_get_string(rec, only, &len);
    tokenize_scripts scripts = {0};
    langguess_tally words = {0, 0};
    for (size_t i = 0; i < n; i++) {
        const seg_token *tok = &w->toks.v[i];
        alphabet letters = tokenize_scripts_add(&scripts, text + tok->off, tok->len);
        size_t tl;
        const char *t = tokenize_folded(w, text, i, &tl);
        quarry_list_add_string(tokens, t, tl);
        quarry_list_add_string(surface, text + tok->off, tok->len);
        if (tok->sentence_start)
            quarry_list_add_int(sentences, (int64_t)i);
        else if (tok->clause_start)
            quarry_list_add_int(clauses, (int64_t)i);
        int is_stop = tokenize_stop_as_lower(st, w, t, tl);
        quarry_list_add_int(stop, is_stop);
        if (st->guess)
            langguess_add(&words, letters, t, tl, is_stop); /* folding keeps a token's alphabet */
        if (tok->code)
            quarry_list_add_int(codes, (int64_t)i);
        for (size_t a = 0, b = 0; tok->hyphens && b <= tl; b++) {
            if (b == tl || t[b] == '-') {
                if (b > a)
                    quarry_list_add_pair(parts, t + a, b - a, (double)i);
                a = b + 1;
            }
        }
    }
    if (!tokenize_scripts_count(st, &scripts)) {
        tokenize_emitted emitted = {w, text};
        tokenize_guess_count(st, ctx, rec, &words, n, tokenize_emitted_token, &emitted);
    }
    return QUARRY_OK;
}

/* A document taken from the cache (--state) counts as process() counted it: its output keeps
 * the fields it was tokenized from. */
static int tokenize_recount(void *state, quarry_ctx *ctx, const quarry_record *rec)
{
    tokenize_state *st = state;
    if (tablerows_is_row(rec))
        return QUARRY_OK;
    int has = 0;
    for (size_t f = 0; f < st->nfields && !has; f++)
        has = quarry_get_string(rec, st->fields[f], NULL) != NULL;
    missing_count(&st->without_text, has);
    quarry_strings surface = {0};
    tokenize_scripts scripts = {0};
    if (quarry_get_strings(rec, "surface", &surface) == 0)
        for (size_t i = 0; i < surface.n; i++)
            tokenize_scripts_add(&scripts, surface.str[i], surface.len[i]);
    quarry_strings_free(&surface);
    if (tokenize_scripts_count(st, &scripts) || !st->guess)
        return QUARRY_OK;
    quarry_strings tokens = {0};
    unsigned char *stop = NULL;
    if (quarry_get_strings(rec, "tokens", &tokens) == 0 && (stop = malloc(tokens.n + 1))) {
        tokenlists_flags(rec, "stop", stop, tokens.n);
        quarry_buf scratch = {0};
        langguess_tally words = {0, 0};
        tokenize_cached cached = {&tokens, &scratch};
        for (size_t i = 0; i < tokens.n; i++)
            langguess_add(&words, alphabet_of(tokens.str[i], tokens.len[i]), tokens.str[i], tokens.len[i], stop[i]);
        tokenize_guess_count(st, ctx, rec, &words, tokens.n, tokenize_cached_token, &cached);
        quarry_buf_free(&scratch);
    }
    free(stop);
    quarry_strings_free(&tokens);
    return QUARRY_OK;
}

/* The warning for the documents that read as another language than the stop words' (those in
 * another alphabet have theirs): how many, and of which languages, most first. */
static void tokenize_guess_warn(tokenize_state *st, quarry_ctx *ctx)
{
    uint64_t total = 0;
    for (size_t l = 0; l < st->nlanguages; l++)
        total += atomic_load(&st->guessed[l]);
    if (!total)
        return;
    quarry_buf which = {0};
    uint64_t shown = 0, above = UINT64_MAX; /* languages of more documents than this were listed */
    while (shown < total) {
        uint64_t most = 0;
        for (size_t l = 0; l < st->nlanguages; l++) {
            uint64_t c = atomic_load(&st->guessed[l]);
            if (c < above && c > most)
                most = c;
        }
        for (size_t l = 0; l < st->nlanguages; l++) {
            if (atomic_load(&st->guessed[l]) != most)
                continue;
            char item[96];
            int len = snprintf(item, sizeof item, "%s%s %llu", which.len ? ", " : "", stoplists[l].language,
                               (unsigned long long)most);
            quarry_buf_append(&which, item, (size_t)len < sizeof item ? (size_t)len : sizeof item - 1);
            shown += most;
        }
        above = most;
    }
    missing_warn_some(&st->without_text, ctx, total,
                      "read as another language than the %s stop words, by the stop words they hold (%.*s): "
                      "their own are not marked, and can begin and end keyphrases and n-grams; give tokenize "
                      "and stem the documents' language (quarry run -v names the documents)",
                      st->language, (int)which.len, which.data);
    quarry_buf_free(&which);
}

static int tokenize_finish(void *state, quarry_ctx *ctx)
{
    tokenize_state *st = state;
    quarry_buf fields = {0}; /* 'title' or 'text' */
    for (size_t f = 0; f < st->nfields; f++) {
        if (f)
            quarry_buf_append(&fields, "' or '", 6);
        quarry_buf_append(&fields, st->fields[f], strlen(st->fields[f]));
    }
    missing_warn(&st->without_text, ctx, "they pass through without tokens", "'%.*s' field", (int)fields.len,
                 fields.data ? fields.data : "");
    quarry_buf_free(&fields);
    missing_warn_some(&st->without_text, ctx, atomic_load(&st->foreign),
                      "are mostly written in another alphabet than the %s stop words (%s): their own "
                      "stop words are not marked, and can begin and end keyphrases and n-grams; give "
                      "tokenize and stem the documents' language",
                      st->language, alphabet_name(st->stop_alphabet));
    tokenize_guess_warn(st, ctx);
    return QUARRY_OK;
}

QUARRY_STAGE(tokenize) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "tokenize",
    .version = "0.26.0",
    .summary = "Unicode word tokens (lower-cased and as written), sentences, clauses, stop words, hyphen parts, codes",
    .params = tokenize_params,
    .flags = QUARRY_PER_RECORD | QUARRY_TABLES_LAST,
    .open = tokenize_open,
    .worker_open = tokenize_worker_open,
    .worker_close = tokenize_worker_close,
    .process = tokenize_process,
    .finish = tokenize_finish,
    .recount = tokenize_recount,
    .close = tokenize_close,
};
