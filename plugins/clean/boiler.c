/* boiler.c: tells an article's text from page furniture in plain text: known furniture
 * patterns, lines learned from the corpus, and jusText's classification (length, stop-word
 * density, links, then the neighbouring paragraphs) applied to lines instead of HTML blocks. */
#include "clean.h"
#include "stoplists.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* jusText's thresholds, in characters and shares of words; tuned on plain text. */
#define BOILER_LENGTH_LOW 70
#define BOILER_LENGTH_HIGH 200
#define BOILER_STOPS_LOW 0.22
#define BOILER_STOPS_HIGH 0.25
#define BOILER_MAX_LINK_DENSITY 0.2
#define BOILER_ISOLATED_MAX 300  /* a good block this short alone among bad ones is a teaser */
#define BOILER_DATA_DIGITS 5  /* a block with a fifth of its bytes digits is data */
#define BOILER_WRAP_MIN 40
#define BOILER_WRAP_MAX 85  /* hard-wrapped lines are 40-85 characters long */      /* a line this long not ending a sentence continues below */
#define BOILER_LEARN_MAX_LEN 200 /* longer lines are content, never learned as furniture */
#define BOILER_NORM_MAX 256

/* Built-in furniture: whole lines (case and spacing ignored); '*' at an end is a wildcard. */
static const char *const boiler_builtin[] = {
    "advertisement", "advertisements", "sponsored", "sponsored content", "story continues below*",
    "article continues below*", "loading taboola*", "*taboola*", "read comments", "latest comment",
    "latest comments", "post comment", "post a comment", "leave a reply", "leave a comment",
    "add comment", "comments", "show comments", "view comments", "last updated*", "updated:*",
    "upload file", "premium", "share", "share this", "share this article", "share this story",
    "share on *", "share via *", "share close*", "show more sharing options", "*sharing options",
    "facebook", "twitter", "linkedin", "whatsapp", "reddit", "pinterest", "telegram", "email",
    "e-mail", "print", "copy link", "copy link url copied!", "skip to content", "skip to main content",
    "menu", "search", "show search", "search query submit search", "sign in", "log in", "login",
    "register", "subscribe", "subscribe now", "sign up", "newsletter", "newsletters",
    "read more", "read more:*", "read more at*", "click here*", "also read*", "related:*",
    "related articles", "related stories", "related news", "related posts", "recommended*",
    "more from *", "follow us*", "*follow us on *", "tags:*", "topics:*", "filed under*",
    "getty images", "reuter", "reuters", "copyright*", "(c) *", "*all rights reserved*",
    "terms of service*", "terms of use*", "privacy policy*", "cookie policy*", "*email protected*",
    "*[email*protected]*", "for registration call*", "phone:*", "tel:*", "address:*", "fax:*",
    "this is an archive article*", "stay updated with the latest*", "download the app*",
    "next article*", "previous article*", "back to top", "top of page", "home", "you may also like*",
    "trending*", "most read*", "most popular*", "author:*", "author *", "about the author*",
    "*has been a journalist*", "*is a journalist*", "*is a freelance journalist*", "image source*",
    "*is a freelance writer*", "*is a staff writer*", "*is a contributing writer*", "*is a reporter for*",
    "photo credit*", "(photo*", "file photo*", "watch:*", "listen:*", "listen to this article*",
    "advertise with us", "contact us", "about us", "we recommend*", "don't miss*", "must read*",
    "subscribe to *", "sign up for *", "get the latest *", "enter your email*", "your email address*",
    "*cookies*", "accept", "close", "continue reading*", "view all*", "see all*", "load more*",
};
#define BOILER_NBUILTIN (sizeof boiler_builtin / sizeof boiler_builtin[0])

/* Short lines that mark the end of an article once its body has begun. Comments always come
 * after the article: everything after their marker goes. Lists of other stories may also
 * stand inside it, so they end it only if less of the body follows than came before. */
static const char *const boiler_comment_markers[] = {
    "*comments*", "*responses to *", "leave a reply*", "leave a comment*", "post a comment*",
    "add a comment*", "join the discussion*", "join the conversation*", "discussion", "reader comments*",
    "comment on this*", "what do you think*", "want more stories*", "*responses to*",
};
static const char *const boiler_related_markers[] = {
    "you may also like*", "more stories*", "more from *", "read next*", "recommended*",
    "related articles*", "related stories*", "related posts*", "related news*", "most read*",
    "most popular*", "trending*", "latest news*", "sponsored stories*", "around the web*",
};
#define BOILER_NCOMMENT (sizeof boiler_comment_markers / sizeof boiler_comment_markers[0])
#define BOILER_NRELATED (sizeof boiler_related_markers / sizeof boiler_related_markers[0])
#define BOILER_END_MAX_WORDS 8       /* a related-stories marker is a short line */
#define BOILER_COMMENT_MAX_WORDS 14   /* "34 responses to “Headline of the story”" */
#define BOILER_END_MIN_BODY 400  /* bytes of kept text before an end marker counts */

typedef struct boiler_pattern {
    char *text;          /* normalized, without the stars */
    size_t len;
    int prefix, suffix;  /* '*' after / before the text */
    uint64_t bigrams[4];  /* see boiler_bigram */
} boiler_pattern;

/* 256-bit signatures of the byte pairs in a text: a pattern can only occur in a line whose
 * signature has every bit of the pattern's, so most comparisons end with a few ANDs. */
static inline void boiler_bigram(uint64_t *sig, unsigned char a, unsigned char b)
{
    unsigned bit = ((a * 31u) ^ (b * 7u)) & 255u;
    sig[bit >> 6] |= 1ull << (bit & 63);
}

static void boiler_bigrams(const char *s, size_t len, uint64_t *sig)
{
    sig[0] = sig[1] = sig[2] = sig[3] = 0;
    for (size_t i = 0; i + 1 < len; i++)
        boiler_bigram(sig, (unsigned char)s[i], (unsigned char)s[i + 1]);
}

typedef struct key_count {
    uint64_t key;
    uint32_t count;
    uint32_t last_doc;
} key_count;

struct boiler {
    boiler_pattern *pats;
    size_t npats;
    /* pats sorted: exact and prefix patterns grouped by first byte (group c is
     * [first[c], first[c + 1])), then the suffix and contains patterns from first[256] on. */
    size_t first[257];
    boiler_pattern *comments, *related;  /* end-of-article markers */
    size_t ncomments, nrelated;
    /* corpus learning: open addressing, keys never 0 */
    key_count *counts;
    size_t cap, used;
    uint32_t ndocs;
    uint64_t *learned;   /* sorted */
    size_t nlearned;
};

/* ASCII classes by table: the ctype functions cost a call per byte here. */
static unsigned char boiler_lower[256];
static unsigned char boiler_wordc[256];   /* letters, digits and every non-ASCII byte */

static void boiler_tables_init(void)
{
    for (int c = 0; c < 256; c++) {
        boiler_lower[c] = (unsigned char)(c < 0x80 ? tolower(c) : c);
        boiler_wordc[c] = c >= 0x80 || isalnum(c);
    }
}

/* One byte of a line key: letters count (lower-cased), and so does every non-ASCII byte;
 * digits, spaces and punctuation do not, as dates and counts vary between copies. */
#define BOILER_KEY_SEED 1469598103934665603ull
static inline uint64_t boiler_key_step(uint64_t h, unsigned char c)
{
    if (c < 0x80 && (!boiler_wordc[c] || (c >= '0' && c <= '9')))
        return h;
    return (h ^ boiler_lower[c]) * 1099511628211ull;
}

/* ---- Stop words ------------------------------------------------------------------------------ */
#define STOP_SLOTS 8192
static const char *stop_table[STOP_SLOTS];
static unsigned char stop_len[STOP_SLOTS];
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;

static uint64_t boiler_fnv(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* The union of every language's list: a line of any of them reads as prose. */
static void stop_init(void)
{
    for (size_t l = 0; stoplists[l].language; l++) {
        for (size_t i = 0; stoplists[l].words[i]; i++) {
            const char *w = stoplists[l].words[i];
            size_t len = strlen(w);
            size_t h = boiler_fnv(w, len) & (STOP_SLOTS - 1);
            while (stop_table[h] && !(stop_len[h] == len && !memcmp(stop_table[h], w, len)))
                h = (h + 1) & (STOP_SLOTS - 1);
            if (stop_table[h])
                continue; /* in an earlier language's list already */
            stop_table[h] = w;
            stop_len[h] = (unsigned char)len;
        }
    }
    boiler_tables_init();
}

static int boiler_is_stop(const char *w, size_t len)
{
    size_t h = boiler_fnv(w, len) & (STOP_SLOTS - 1);
    while (stop_table[h]) {
        if (stop_len[h] == len && memcmp(stop_table[h], w, len) == 0)
            return 1;
        h = (h + 1) & (STOP_SLOTS - 1);
    }
    return 0;
}

static int boiler_word_byte(unsigned char c)
{
    return boiler_wordc[c];
}

/* Bytes that start general punctuation (U+2000-U+206F: dashes, quotes, ellipsis): not a word. */
static int boiler_punct_at(const char *s, size_t i, size_t len)
{
    return (unsigned char)s[i] == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] >= 0x80 &&
           (unsigned char)s[i + 1] <= 0x81;
}

void boiler_count_words(const char *s, size_t len, int *words, int *stops)
{
    pthread_once(&stop_once, stop_init);
    char low[64];
    int w = 0, st = 0;
    for (size_t i = 0; i < len;) {
        if (boiler_punct_at(s, i, len)) {
            i += 3;
            continue;
        }
        if (!boiler_word_byte((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t start = i;
        /* Apostrophes inside words, straight or curly (’), do not split them. */
        while (i < len) {
            if (s[i] == '\'' && i + 1 < len && isalpha((unsigned char)s[i + 1]))
                i++;
            else if (i + 3 < len && !memcmp(s + i, "\xe2\x80\x99", 3) && isalpha((unsigned char)s[i + 3]))
                i += 3;
            else if (boiler_word_byte((unsigned char)s[i]) && !boiler_punct_at(s, i, len))
                i++;
            else
                break;
        }
        size_t n = i - start;
        int letter = 0;
        for (size_t k = start; k < i && !letter; k++)
            letter = s[k] < '0' || s[k] > '9';
        if (!letter)
            continue; /* figures are not words: "4,400 dlrs" is one word, not three */
        w++;
        if (n < sizeof low) {
            for (size_t k = 0; k < n; k++)
                low[k] = (char)boiler_lower[(unsigned char)s[start + k]];
            st += boiler_is_stop(low, n);
        }
    }
    *words = w;
    *stops = st;
}


/* ---- Patterns ---------------------------------------------------------------------------------- */

/* Lower-case ASCII, spaces folded; returns the length (truncated to MAX - 1). */
static size_t boiler_normalize(const char *s, size_t len, char *out, size_t max)
{
    pthread_once(&stop_once, stop_init);
    size_t n = 0;
    int space = 0;
    for (size_t i = 0; i < len && n + 1 < max; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
            space = n > 0;
            continue;
        }
        if (space && n + 2 < max)
            out[n++] = ' ';
        space = 0;
        out[n++] = (char)boiler_lower[c];
    }
    out[n] = '\0';
    return n;
}

static void boiler_add_to(boiler_pattern **list, size_t *n, const char *p, size_t len)
{
    boiler_pattern bp = {0};
    int space_before = 0, space_after = 0;
    if (len && p[0] == '*') {
        bp.suffix = 1;
        p++;
        len--;
        space_before = len && p[0] == ' ';
    }
    if (len && p[len - 1] == '*') {
        bp.prefix = 1;
        len--;
        space_after = len && p[len - 1] == ' ';
    }
    char norm[BOILER_NORM_MAX];
    /* "author *" is the word "author", not a prefix of "authorities": keep the spaces that
     * stand next to a '*'. */
    size_t at = 0;
    if (space_before)
        norm[at++] = ' ';
    bp.len = at + boiler_normalize(p, len, norm + at, sizeof norm - at - 1);
    if (space_after)
        norm[bp.len++] = ' ';
    norm[bp.len] = '\0';
    if (!bp.len)
        return;
    bp.text = strdup(norm);
    boiler_bigrams(norm, bp.len, bp.bigrams);
    *list = realloc(*list, (*n + 1) * sizeof **list);
    if (!*list || !bp.text)
        abort();
    (*list)[(*n)++] = bp;
}

static void boiler_add_pattern(boiler *b, const char *p, size_t len)
{
    boiler_add_to(&b->pats, &b->npats, p, len);
}

/* The sort key of a pattern: its first byte if a line's first byte must equal it, else 256. */
static int boiler_group(const boiler_pattern *p)
{
    return p->suffix ? 256 : (unsigned char)p->text[0];
}

static int boiler_group_cmp(const void *a, const void *b)
{
    return boiler_group(a) - boiler_group(b);
}

/* Sorts the furniture patterns into their groups; after every change to the list. */
static void boiler_index(boiler *b)
{
    qsort(b->pats, b->npats, sizeof *b->pats, boiler_group_cmp);
    size_t k = 0;
    for (int g = 0; g <= 256; g++) {
        while (k < b->npats && boiler_group(&b->pats[k]) < g)
            k++;
        b->first[g] = k;
    }
}

boiler *boiler_new(void)
{
    boiler *b = calloc(1, sizeof *b);
    if (!b)
        abort();
    for (size_t i = 0; i < BOILER_NBUILTIN; i++)
        boiler_add_pattern(b, boiler_builtin[i], strlen(boiler_builtin[i]));
    boiler_index(b);
    for (size_t i = 0; i < BOILER_NCOMMENT; i++)
        boiler_add_to(&b->comments, &b->ncomments, boiler_comment_markers[i],
                      strlen(boiler_comment_markers[i]));
    for (size_t i = 0; i < BOILER_NRELATED; i++)
        boiler_add_to(&b->related, &b->nrelated, boiler_related_markers[i],
                      strlen(boiler_related_markers[i]));
    return b;
}

void boiler_free(boiler *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->npats; i++)
        free(b->pats[i].text);
    free(b->pats);
    for (size_t i = 0; i < b->ncomments; i++)
        free(b->comments[i].text);
    free(b->comments);
    for (size_t i = 0; i < b->nrelated; i++)
        free(b->related[i].text);
    free(b->related);
    free(b->counts);
    free(b->learned);
    free(b);
}

static int boiler_pattern_line(void *data, const char *line, size_t len, int lineno, quarry_buf *err)
{
    (void)lineno, (void)err;
    size_t start = 0;
    while (start < len && isspace((unsigned char)line[start]))
        start++;
    boiler_add_pattern(data, line + start, len - start);
    return 0;
}

int boiler_load_patterns(boiler *b, const char *path, quarry_buf *err)
{
    int rc = textfile_each_line(path, "patterns file", boiler_pattern_line, b, err);
    boiler_index(b);
    return rc;
}

/* A line as patterns see it: lower case, spaces folded (the first BOILER_NORM_MAX - 1 bytes),
 * with its bigram signature, and the line key of the whole line, all from one pass. */
typedef struct line_norm {
    char text[BOILER_NORM_MAX];
    size_t n;
    uint64_t bigrams[4];
    uint64_t key;
    int digits, pipes, tokens, urls;  /* for the link, phone and menu rules */
} line_norm;

static void boiler_norm_line(const char *s, size_t len, line_norm *ln)
{
    pthread_once(&stop_once, stop_init);
    uint64_t key = BOILER_KEY_SEED;
    uint64_t *sig = ln->bigrams;
    sig[0] = sig[1] = sig[2] = sig[3] = 0;
    int digits = 0, pipes = 0, tokens = 0, urls = 0;
    size_t n = 0;
    int space = 0;
    char *out = ln->text;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        key = boiler_key_step(key, c);
        digits += c >= '0' && c <= '9';
        pipes += c == '|';
        if (c != ' ' && (i == 0 || s[i - 1] == ' ')) {
            tokens++;
            if ((c == 'h' && len - i > 7 && (!memcmp(s + i, "http://", 7) || !memcmp(s + i, "https://", 8))) ||
                (c == 'w' && len - i > 4 && !memcmp(s + i, "www.", 4)))
                urls++;
        }
        if (n + 1 >= BOILER_NORM_MAX)
            continue;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
            space = n > 0;
            continue;
        }
        if (space && n + 2 < BOILER_NORM_MAX) {
            out[n] = ' ';
            boiler_bigram(sig, (unsigned char)out[n - 1], ' ');
            n++;
        }
        space = 0;
        out[n] = (char)boiler_lower[c];
        if (n)
            boiler_bigram(sig, (unsigned char)out[n - 1], (unsigned char)out[n]);
        n++;
    }
    out[n] = '\0';
    ln->n = n;
    ln->key = key ? key : 1;
    ln->digits = digits;
    ln->pipes = pipes;
    ln->tokens = tokens;
    ln->urls = urls;
}

static int boiler_match_norm(const boiler_pattern *pats, size_t npats, const line_norm *ln)
{
    const char *norm = ln->text;
    size_t n = ln->n;
    const uint64_t *have = ln->bigrams;
    for (size_t i = 0; i < npats; i++) {
        const boiler_pattern *p = &pats[i];
        if ((p->bigrams[0] & ~have[0]) || (p->bigrams[1] & ~have[1]) || (p->bigrams[2] & ~have[2]) ||
            (p->bigrams[3] & ~have[3]) || p->len > n || (!p->suffix && p->text[0] != norm[0]) ||
            (!p->prefix && p->text[p->len - 1] != norm[n - 1]))
            continue;
        if (p->prefix && p->suffix ? strstr(norm, p->text) != NULL
            : p->prefix            ? memcmp(norm, p->text, p->len) == 0
            : p->suffix            ? memcmp(norm + n - p->len, p->text, p->len) == 0
                                   : (n == p->len && memcmp(norm, p->text, n) == 0))
            return 1;
    }
    return 0;
}

/* The furniture patterns against LN: only the group of its first byte, and the rest. */
static int boiler_match_furniture(const boiler *b, const line_norm *ln)
{
    unsigned char c = (unsigned char)ln->text[0];
    size_t g = b->first[c], ge = c < 255 ? b->first[c + 1] : b->first[256];
    return boiler_match_norm(b->pats + g, ge - g, ln) ||
           boiler_match_norm(b->pats + b->first[256], b->npats - b->first[256], ln);
}

static int boiler_match_in(const boiler_pattern *pats, size_t npats, const char *s, size_t len)
{
    line_norm ln;
    boiler_norm_line(s, len, &ln);
    return boiler_match_norm(pats, npats, &ln);
}

/* ---- Corpus learning ----------------------------------------------------------------------------- */

uint64_t boiler_line_key(const char *s, size_t len)
{
    pthread_once(&stop_once, stop_init);
    uint64_t h = BOILER_KEY_SEED;
    for (size_t i = 0; i < len; i++)
        h = boiler_key_step(h, (unsigned char)s[i]);
    return h ? h : 1;
}

static key_count *boiler_slot(boiler *b, uint64_t key)
{
    if ((b->used + 1) * 2 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        key_count *t = calloc(cap, sizeof *t);
        if (!t)
            abort();
        for (size_t i = 0; i < b->cap; i++) {
            if (!b->counts[i].key)
                continue;
            size_t h = b->counts[i].key & (cap - 1);
            while (t[h].key)
                h = (h + 1) & (cap - 1);
            t[h] = b->counts[i];
        }
        free(b->counts);
        b->counts = t;
        b->cap = cap;
    }
    size_t h = key & (b->cap - 1);
    while (b->counts[h].key && b->counts[h].key != key)
        h = (h + 1) & (b->cap - 1);
    if (!b->counts[h].key) {
        b->counts[h].key = key;
        b->used++;
    }
    return &b->counts[h];
}

void boiler_observe(boiler *b, const clean_doc *doc)
{
    b->ndocs++;
    for (size_t i = 0; i < doc->n; i++) {
        const clean_line *l = &doc->lines[i];
        if (l->blank || l->len > BOILER_LEARN_MAX_LEN)
            continue;
        key_count *kc = boiler_slot(b, boiler_line_key(doc_line(doc, i), l->len));
        if (kc->last_doc != b->ndocs) { /* count each document once */
            kc->last_doc = b->ndocs;
            kc->count++;
        }
    }
}

static int boiler_key_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

size_t boiler_learn(boiler *b, size_t min_docs, double share)
{
    double need = share * b->ndocs;
    if (need < (double)min_docs)
        need = (double)min_docs;
    for (size_t i = 0; i < b->cap; i++) {
        if (b->counts[i].key && b->counts[i].count >= need) {
            b->learned = realloc(b->learned, (b->nlearned + 1) * sizeof *b->learned);
            if (!b->learned)
                abort();
            b->learned[b->nlearned++] = b->counts[i].key;
        }
    }
    qsort(b->learned, b->nlearned, sizeof *b->learned, boiler_key_cmp);
    free(b->counts);
    b->counts = NULL;
    b->cap = b->used = 0;
    return b->nlearned;
}

static int boiler_is_learned(const boiler *b, uint64_t key, size_t len)
{
    if (!b->nlearned || len > BOILER_LEARN_MAX_LEN)
        return 0;
    return bsearch(&key, b->learned, b->nlearned, sizeof key, boiler_key_cmp) != NULL;
}

uint64_t boiler_doc_line_key(clean_doc *doc, size_t i)
{
    clean_line *l = &doc->lines[i];
    if (!l->has_key) {
        l->key = boiler_line_key(doc_line(doc, i), l->len);
        l->has_key = 1;
    }
    return l->key;
}

/* Words and stop words of line I, counted once. */
static void boiler_line_counts(clean_doc *doc, size_t i, int *words, int *stops)
{
    clean_line *l = &doc->lines[i];
    if (l->words < 0)
        boiler_count_words(doc_line(doc, i), l->len, &l->words, &l->stops);
    *words = l->words;
    *stops = l->stops;
}

/* ---- Classification ------------------------------------------------------------------------------ */

enum { CLS_BAD, CLS_SHORT, CLS_NEAR, CLS_GOOD, CLS_DATA };

/* The longest run of digits in S that single spaces, dashes, dots or parentheses may break,
 * as phone numbers are written ("(+91) 82350 58865"); thousands separators end a run. */
static int boiler_digit_run(const char *s, size_t len)
{
    int best = 0, run = 0;
    for (size_t i = 0; i < len; i++) {
        if (isdigit((unsigned char)s[i]))
            run++;
        else if (!(strchr(" -.()+", s[i]) && run > 0 && i + 1 < len &&
                   (isdigit((unsigned char)s[i + 1]) || s[i + 1] == ' ' || s[i + 1] == '(')))
            run = 0;
        if (run > best)
            best = run;
    }
    return best;
}

/* The rule that makes line S furniture by itself, or NULL. */
static const char *boiler_furniture(const boiler *b, const char *s, size_t len, const line_norm *ln)
{
    if (boiler_match_furniture(b, ln))
        return "furniture";
    if (boiler_is_learned(b, ln->key, len))
        return "learned-furniture";
    int digits = ln->digits, pipes = ln->pipes, tokens = ln->tokens, urls = ln->urls;
    if (urls && tokens <= 2 * urls + 1)
        return "link";
    if (digits >= 9 && tokens <= 8 && boiler_digit_run(s, len) >= 9)
        return "phone";
    if (pipes >= 2 && tokens <= 4 * (pipes + 1))
        return "menu";
    return NULL;
}

static int boiler_ends_sentence(const char *s, size_t len)
{
    while (len && (s[len - 1] == '"' || s[len - 1] == '\'' || s[len - 1] == ')'))
        len--;
    if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 && (unsigned char)s[len - 2] == 0x80 &&
        ((unsigned char)s[len - 1] == 0x9D || (unsigned char)s[len - 1] == 0x99 ||
         (unsigned char)s[len - 1] == 0xA6))
        return 1; /* ” ’ … */
    return len && strchr(".!?:;", s[len - 1]) != NULL;
}

static size_t boiler_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

typedef struct block_info {
    size_t first, last;  /* line range */
    int cls;
    size_t chars;
    /* The class of the nearest block on each side that is neither short nor data (_long), and
     * that is moreover not near-good (_verdict: good or bad); bad past either end. */
    int prev_long, next_long, prev_verdict, next_verdict;
} block_info;

/* Sentence ends inside S: . ! ? and their CJK and Indic forms, followed by space or the end. */
static int boiler_terminators(const char *s, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        size_t w = 0;
        if (c == '.' || c == '!' || c == '?')
            w = 1;
        else if (c == 0xE3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x82)
            w = 3; /* 。 */
        else if (c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBC &&
                 ((unsigned char)s[i + 2] == 0x81 || (unsigned char)s[i + 2] == 0x9F))
            w = 3; /* ！ ？ */
        else if (c == 0xE0 && i + 2 < len && (unsigned char)s[i + 1] == 0xA5 && (unsigned char)s[i + 2] == 0xA4)
            w = 3; /* । */
        if (w && (w == 3 || i + 1 == len || s[i + 1] == ' ' || s[i + 1] == '"' || s[i + 1] == ')' ||
                  (unsigned char)s[i + 1] == 0xE2))
            n++;
        if (w)
            i += w - 1;
    }
    return n;
}

static int boiler_block_class(clean_doc *doc, block_info *bk, int stoplang)
{
    size_t chars = 0, link_chars = 0;
    int words = 0, stops = 0, copyright = 0, terms = 0;
    for (size_t i = bk->first; i <= bk->last; i++) {
        const char *s = doc_line(doc, i);
        size_t len = doc->lines[i].len;
        int w, st;
        boiler_line_counts(doc, i, &w, &st);
        words += w;
        stops += st;
        chars += boiler_chars(s, len);
        copyright |= memmem(s, len, "\xc2\xa9", 2) != NULL;
        terms += boiler_terminators(s, len);
        for (const char *p = s; (p = memmem(p, len - (size_t)(p - s), "://", 3)); p += 3) {
            const char *e = p;
            while (e < s + len && *e != ' ')
                e++;
            link_chars += (size_t)(e - p) + 5;
        }
    }
    bk->chars = chars;
    /* Rows of figures (earnings tables, results, calendars) are content, but not prose. */
    size_t digits = 0, bytes = 0;
    for (size_t i = bk->first; i <= bk->last; i++) {
        const char *t = doc_line(doc, i);
        for (size_t k = 0; k < doc->lines[i].len; k++)
            digits += isdigit((unsigned char)t[k]) != 0;
        bytes += doc->lines[i].len;
    }
    if (!copyright && bytes && digits * BOILER_DATA_DIGITS >= bytes && link_chars == 0)
        return CLS_DATA;
    double stop_density = words ? (double)stops / words : 0;
    const char *last = doc_line(doc, bk->last);
    int ends = boiler_ends_sentence(last, doc->lines[bk->last].len);
    /* Without a stop-word list for the document's language, stop words say nothing. */
    int stop_low = !stoplang || stop_density >= BOILER_STOPS_LOW;
    int stop_high = !stoplang || stop_density >= BOILER_STOPS_HIGH;
    if (copyright || (chars && (double)link_chars / chars > BOILER_MAX_LINK_DENSITY))
        return CLS_BAD;
    if (chars < BOILER_LENGTH_LOW)
        return CLS_SHORT;
    /* Prose: stop words and at least one sentence end (news paragraphs are often one
     * sentence, shorter than jusText's 200 characters). */
    if (stop_high && (terms > 0 || ends) && (stoplang || chars > BOILER_LENGTH_LOW + 30))
        return CLS_GOOD;
    if (stop_high && chars > BOILER_LENGTH_HIGH)
        return CLS_GOOD;
    if (stop_low)
        return ends || terms ? CLS_NEAR : CLS_SHORT; /* headline-shaped: decided by context */
    return CLS_BAD;
}

/* Block class C passed on a walk through the blocks: the last long one and the last with a
 * verdict seen so far. */
static void boiler_seen(int c, int *long_seen, int *verdict_seen)
{
    if (c == CLS_SHORT || c == CLS_DATA)
        return;
    *long_seen = c;
    if (c != CLS_NEAR)
        *verdict_seen = c;
}

/* Fills the neighbour classes of the N blocks BK, in one pass each way: a run of thousands of
 * short blocks (a list, a line repeated) made a search from each block quadratic. */
static void boiler_link_neighbours(block_info *bk, size_t n)
{
    int long_seen = CLS_BAD, verdict_seen = CLS_BAD;
    for (size_t k = 0; k < n; k++) {
        bk[k].prev_long = long_seen;
        bk[k].prev_verdict = verdict_seen;
        boiler_seen(bk[k].cls, &long_seen, &verdict_seen);
    }
    long_seen = verdict_seen = CLS_BAD;
    for (size_t k = n; k-- > 0;) {
        bk[k].next_long = long_seen;
        bk[k].next_verdict = verdict_seen;
        boiler_seen(bk[k].cls, &long_seen, &verdict_seen);
    }
}

void boiler_classify(const boiler *b, clean_doc *doc)
{
    /* 1. Furniture, line by line. */
    for (size_t i = 0; i < doc->n; i++) {
        clean_line *l = &doc->lines[i];
        if (l->blank || l->drop)
            continue;
        line_norm ln;
        boiler_norm_line(doc_line(doc, i), l->len, &ln);
        l->key = ln.key; /* the repeats pass needs it too */
        l->has_key = 1;
        const char *rule = boiler_furniture(b, doc_line(doc, i), l->len, &ln);
        if (rule) {
            l->drop = 1;
            l->rule = rule;
        }
    }
    /* 2. Blocks. Hard-wrapped text (as Reuters') is told by its lines: most of a similar,
     * medium length, most not ending a sentence. There a paragraph runs to a blank or indented
     * line. Elsewhere a long line that does not end a sentence continues on the next, and
     * every other line is a block of its own. */
    size_t lines = 0, medium = 0, open_ended = 0;
    for (size_t i = 0; i < doc->n; i++) {
        const clean_line *l = &doc->lines[i];
        if (l->blank || l->drop)
            continue;
        lines++;
        medium += l->len >= BOILER_WRAP_MIN && l->len <= BOILER_WRAP_MAX;
        open_ended += !boiler_ends_sentence(doc_line(doc, i), l->len);
    }
    int wrapped = lines >= 3 && medium * 2 >= lines && open_ended * 5 >= lines * 2;
    /* Hard-wrapped text comes from wires and mail, not scraped pages (which hold a paragraph
     * on a line): its only furniture is what the patterns above find. */
    if (wrapped)
        return;
    /* 3. Does the document speak a language we have stop words for? */
    int words = 0, stops = 0;
    for (size_t i = 0; i < doc->n; i++) {
        if (doc->lines[i].blank)
            continue;
        int w, st;
        boiler_line_counts(doc, i, &w, &st);
        words += w;
        stops += st;
    }
    int stoplang = words && stops * 10 >= words;

    block_info *bk = malloc((doc->n + 1) * sizeof *bk);
    if (!bk)
        abort();
    size_t nb = 0;
    for (size_t i = 0; i < doc->n; i++) {
        clean_line *l = &doc->lines[i];
        if (l->blank || l->drop)
            continue;
        size_t j = i;
        while (j + 1 < doc->n && !doc->lines[j + 1].blank && !doc->lines[j + 1].drop &&
               (wrapped ? doc->lines[j + 1].indent < 2
                        : doc->lines[j].len >= BOILER_WRAP_MIN &&
                              !boiler_ends_sentence(doc_line(doc, j), doc->lines[j].len)))
            j++;
        bk[nb].first = i;
        bk[nb].last = j;
        bk[nb].cls = boiler_block_class(doc, &bk[nb], stoplang);
        nb++;
        i = j;
    }
    boiler_link_neighbours(bk, nb);
    /* 4. Context, as jusText: short blocks take their neighbours' verdict, then near-good
     * blocks are kept beside good ones. */
    int *final = malloc((nb + 1) * sizeof *final);
    if (!final)
        abort();
    for (size_t k = 0; k < nb; k++) {
        int c = bk[k].cls;
        if (c == CLS_SHORT) {
            int prev = bk[k].prev_verdict, next = bk[k].next_verdict;
            if (prev == CLS_GOOD && next == CLS_GOOD)
                c = CLS_GOOD;
            else if (prev == CLS_BAD && next == CLS_BAD)
                c = CLS_BAD;
            else if ((prev == CLS_BAD && bk[k].prev_long == CLS_NEAR) ||
                     (next == CLS_BAD && bk[k].next_long == CLS_NEAR))
                c = CLS_GOOD;
            else
                c = CLS_BAD;
        }
        if (c == CLS_DATA)
            c = bk[k].prev_verdict == CLS_GOOD || bk[k].next_verdict == CLS_GOOD
                    ? CLS_GOOD : CLS_BAD;
        final[k] = c;
    }
    for (size_t k = 0; k < nb; k++) {
        if (final[k] == CLS_NEAR) {
            int prev = bk[k].prev_verdict, next = bk[k].next_verdict;
            final[k] = (prev == CLS_BAD && next == CLS_BAD) ? CLS_BAD : CLS_GOOD;
        }
    }
    /* A document in which nothing reads as an article (a table, a list) keeps every line that
     * is not furniture: better than nothing at all. */
    int any_good = 0;
    for (size_t k = 0; k < nb; k++)
        any_good |= final[k] == CLS_GOOD;
    if (!any_good) {
        free(final);
        free(bk);
        return;
    }
    /* A short good block alone between bad ones is a teaser (a summary under a headline in a
     * list of other stories), not a paragraph: articles come in runs of paragraphs. */
    size_t ngood = 0;
    for (size_t k = 0; k < nb; k++)
        ngood += final[k] == CLS_GOOD;
    for (size_t k = 0; k < nb && ngood >= 3; k++) {
        if (final[k] != CLS_GOOD || bk[k].chars > BOILER_ISOLATED_MAX)
            continue;
        if (bk[k].prev_verdict == CLS_BAD && bk[k].next_verdict == CLS_BAD)
            final[k] = CLS_BAD;
    }
    for (size_t k = 0; k < nb; k++) {
        if (final[k] == CLS_GOOD)
            continue;
        for (size_t i = bk[k].first; i <= bk[k].last; i++) {
            doc->lines[i].drop = 1;
            doc->lines[i].rule = "boilerplate";
        }
    }
    /* 5. The article ends at the first end marker that follows a good part of its body. */
    size_t good_total = 0;
    for (size_t i = 0; i < doc->n; i++)
        if (!doc->lines[i].drop && !doc->lines[i].blank)
            good_total += doc->lines[i].len;
    size_t good_before = 0;
    for (size_t i = 0; i < doc->n; i++) {
        const clean_line *l = &doc->lines[i];
        if (l->blank)
            continue;
        const char *text = doc_line(doc, i);
        int w = BOILER_COMMENT_MAX_WORDS + 1, st;
        if (good_before >= BOILER_END_MIN_BODY && l->len <= BOILER_NORM_MAX)
            boiler_line_counts(doc, i, &w, &st);
        int ends = (w <= BOILER_COMMENT_MAX_WORDS &&
                    boiler_match_in(b->comments, b->ncomments, text, l->len)) ||
                   (w <= BOILER_END_MAX_WORDS && good_total - good_before <= good_before &&
                    boiler_match_in(b->related, b->nrelated, text, l->len));
        if (!ends) {
            if (!l->drop)
                good_before += l->len;
            continue;
        }
        for (size_t j = i; j < doc->n; j++) {
            if (!doc->lines[j].drop) {
                doc->lines[j].drop = 1;
                doc->lines[j].rule = "after-article";
            }
        }
        break;
    }
    free(final);
    free(bk);
}
