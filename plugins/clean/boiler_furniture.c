/* boiler_furniture.c: page furniture, line by line: the built-in and loaded patterns of whole
 * lines, the lines learned from the corpus, the rules that make a line furniture by itself
 * (links, phone numbers, menus), and the markers that end an article. */
#include "clean.h"
#include "datafile.h"
#include "fold.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define BOILER_LEARN_MAX_LEN 200 /* longer lines are content, never learned as furniture */

/* Built-in furniture: whole lines (case and spacing ignored); '*' at an end is a wildcard. */
static const char *const boiler_builtin[] = {
    "advertisement", "advertisements", "sponsored", "sponsored content", "story continues below*",
    "article continues below*", "loading taboola*", "*taboola*", "read comments", "latest comment",
    "latest comments", "post comment", "post a comment", "leave a reply", "leave a comment",
    "add comment", "comments", "show comments", "view comments", "last updated*", "updated:*",
    "upload file", "premium", "share", "share this", "share this:", "share:", "share this article", "share this story",
    "share on *", "share via *", "share close*", "show more sharing options", "*sharing options",
    "facebook", "twitter", "linkedin", "whatsapp", "reddit", "pinterest", "telegram", "email",
    "e-mail", "print", "copy link", "copy link url copied!", "skip to content", "skip to main content",
    "menu", "search", "show search", "search query submit search", "sign in", "log in", "login",
    "register", "subscribe", "subscribe now", "sign up", "newsletter", "newsletters",
    "read more", "read more:*", "read more at*", "click here*", "also read*", "related:*",
    "related articles", "related stories", "related news", "related posts", "recommended*",
    "more from *", "follow us*", "*follow us on *", "tags:*", "topics:*", "filed under*",
    "getty images", "reuter", "reuters", "*all rights reserved*",
    "terms of service*", "terms of use*", "privacy policy*", "cookie policy*", "*email protected*",
    "*[email*protected]*", "for registration call*", "phone:*", "tel:*", "address:*", "fax:*",
    "this is an archive article*", "stay updated with the latest*", "download the app*",
    "next article*", "previous article*", "back to top", "top of page", "home", "more", "you may also like*",
    "trending*", "most read*", "most popular*", "author:*", "author *", "about the author*",
    "*has been a journalist*", "*is a journalist*", "*is a freelance journalist*", "image source*",
    "*is a freelance writer*", "*is a staff writer*", "*is a contributing writer*", "*is a reporter for*",
    "photo credit*", "(photo*", "file photo*", "watch:*", "listen:*", "listen to this article*",
    "advertise with us", "contact us", "about us", "we recommend*", "don't miss*", "must read*",
    "subscribe to *", "sign up for *", "get the latest *", "enter your email*", "your email address*",
    "accept", "close", "continue reading*", "view all*", "see all*", "load more*",
    "media playback is unsupported on your device", "image copyright*", "image caption*",
    "this article was originally published on *", "this article is republished from *",
    "this article originally appeared on *", "you have reached your*", "you've reached your*",
    "already a subscriber*", "subscribe now *", "*min read", "comments (*", "photo:*", "photos:*",
    "photograph:*", "*photo/*", "click to share*", "*(opens in new window)",
    "this story has been updated*", "this article has been updated*", "*contributed to this report*",
    "*contributed reporting*", "have a news tip*", "got a news tip*", "like us on facebook*",
    "a version of this article appears in print*", "read the full story*", "read the full article*",
    "read the full report*", "keep an eye on your inbox*", "there was an error*", "have your say*",
    "tweet", "comment", "x", "photo by *", "photo illustration by *", "this document is subject to copyright*",
    "just watched", "must watch", "replay", "more videos*", "*protected by recaptcha*", "*by clicking here",
    "breaking news emails", "get breaking news alerts*", "let our news meet your inbox*", "tag:*",
    "publish date:*", "published:", "posted:", "date:", "share to *", "getty", "caption", "back to gallery",
    "our standards:*", "all quotes delayed*", "stay connected", "sharing is caring*", "instagram", "flipboard",
    "youtube", "tumblr", "google+", "advert",
    /* A blog's widgets, as WordPress labels them, and in Indonesian. */
    "entries feed", "comments feed", "feed komentar", "wordpress.com", "wordpress.org", "blogroll", "rss feed",
    "like loading...", "suka memuat...",
    /* A site's notice of its affiliate links and of others' trademarks. */
    "*affiliate links*", "*affiliate link *", "*affiliate and/or referral links*", "*affiliate commission*",
    "*affiliate partnerships*", "*affiliate advertising program*", "*may earn a commission*",
    "*may earn commission*", "*may receive a small commission*", "*may receive a commission*",
    "*are registered trademarks of *", "*is a registered trademark of *",
    /* "Read also:" and "Read more" in other languages, before a link's title set into a story. */
    "leia também*", "lea también*", "lee también*", "lire aussi*", "leggi anche*", "lesen sie auch*",
    "baca juga*", "читайте также*", "leia mais", "saiba mais", "en savoir plus", "weiterlesen",
};
#define BOILER_NBUILTIN (sizeof boiler_builtin / sizeof boiler_builtin[0])

/* Short lines that mark the end of an article once its body has begun. Comments always come
 * after the article: everything after their marker goes. Lists of other stories may also
 * stand inside it, so they end it only if less of the body follows than came before. */
static const char *const boiler_comment_markers[] = {
    "*comments*", "*responses to *", "leave a reply*", "leave a comment*", "post a comment*",
    "add a comment*", "join the discussion*", "join the conversation*", "discussion", "reader comments*",
    "comment on this*", "what do you think*", "want more stories*", "*responses to*",
    /* WordPress's "Leave a Reply" as its translations write it, above a blog's comments. */
    "deixe uma resposta*", "deixe um comentário*", "deja una respuesta*", "deja un comentario*",
    "laisser un commentaire*", "laisser une réponse*", "lascia un commento*", "lascia una risposta*",
    "schreibe einen kommentar*", "hinterlasse einen kommentar*", "kommentar verfassen*",
    "geef een reactie*", "laat een reactie achter*", "tinggalkan balasan*", "tinggalkan komentar*",
    "добавить комментарий*", "оставить комментарий*", "комментарии",
};
static const char *const boiler_related_markers[] = {
    "you may also like*", "more stories*", "more from *", "read next*", "recommended*",
    "related articles*", "related stories*", "related posts*", "related news*", "most read*",
    "most popular*", "trending*", "latest news*", "sponsored stories*", "around the web*",
    "more in *", "more on *", "more great *", "more coverage*", "top stories*", "related topics*",
    "editors' picks*", "editor's picks*", "editors picks*", "elsewhere on *", "related", "related tags*",
    "related content*", "related coverage*", "related links*", "related reading*", "you may like*",
    "you might like*", "you might also like*",
    /* "Related articles" in the languages whose stop words clean knows best. */
    "artigos relacionados*", "artículos relacionados*", "articles similaires*", "articles connexes*",
    "articoli correlati*", "ähnliche artikel*", "verwandte artikel*", "gerelateerde artikelen*",
    "artikel terkait*", "berita terkait*", "terkait", "похожие статьи*",
};
#define BOILER_NCOMMENT (sizeof boiler_comment_markers / sizeof boiler_comment_markers[0])
#define BOILER_NRELATED (sizeof boiler_related_markers / sizeof boiler_related_markers[0])

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

/* A line as patterns see it: lower case, spaces folded (the first BOILER_NORM_MAX - 1 bytes),
 * with its bigram signature, and the line key of the whole line, all from one pass. */
typedef struct line_norm {
    char text[BOILER_NORM_MAX];
    size_t n;
    uint64_t bigrams[4];
    uint64_t key;
    int digits, pipes, tokens, urls;  /* for the link, phone and menu rules */
} line_norm;

static void boiler_norm_line(const char *s, size_t len, line_norm *ln);

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
    line_norm ln;
    boiler_norm_line(p, len, &ln);
    char norm[BOILER_NORM_MAX + 2];
    /* "author *" is the word "author", not a prefix of "authorities": keep the spaces that
     * stand next to a '*'. */
    size_t at = 0;
    if (space_before)
        norm[at++] = ' ';
    memcpy(norm + at, ln.text, ln.n);
    bp.len = at + ln.n;
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

static const char *boiler_pattern_line(void *data, char *line, size_t len, size_t lineno)
{
    (void)lineno;
    if (datafile_is_blank(line, len))
        return NULL;
    size_t start = 0;
    while (start < len && isspace((unsigned char)line[start]))
        start++;
    boiler_add_pattern(data, line + start, len - start);
    return NULL;
}

int boiler_load_patterns(boiler *b, const char *path, quarry_buf *err)
{
    int rc = datafile_each_line(path, "patterns file", boiler_pattern_line, b, err);
    boiler_index(b);
    return rc;
}

/* Appends BYTE to the normalized line of LN (N bytes so far), with the pair it ends. */
static inline void boiler_norm_put(line_norm *ln, size_t *n, char byte)
{
    if (*n)
        boiler_bigram(ln->bigrams, (unsigned char)ln->text[*n - 1], (unsigned char)byte);
    ln->text[(*n)++] = byte;
}

static void boiler_norm_line(const char *s, size_t len, line_norm *ln)
{
    boiler_words_init();
    uint64_t key = BOILER_KEY_SEED;
    ln->bigrams[0] = ln->bigrams[1] = ln->bigrams[2] = ln->bigrams[3] = 0;
    int digits = 0, pipes = 0, tokens = 0, urls = 0;
    size_t n = 0;
    int space = 0, full = 0;
    size_t folded_to = 0; /* the bytes before it belong to a character folded already */
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
        if (full || i < folded_to)
            continue;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
            space = n > 0;
            continue;
        }
        /* lower case in every alphabet, as tokenize lowers tokens: "ÜBER UNS" is "über uns" */
        char lower[4];
        size_t m = 1;
        if (c < 0x80) {
            lower[0] = (char)boiler_lower[c];
        } else {
            size_t taken;
            m = fold_char(s + i, len - i, lower, &taken);
            folded_to = i + taken;
        }
        if (n + (size_t)space + m >= BOILER_NORM_MAX) { /* no character cut in two */
            full = 1;
            continue;
        }
        if (space)
            boiler_norm_put(ln, &n, ' ');
        space = 0;
        for (size_t k = 0; k < m; k++)
            boiler_norm_put(ln, &n, lower[k]);
    }
    ln->text[n] = '\0';
    ln->n = n;
    ln->key = key ? key : 1;
    ln->digits = digits;
    ln->pipes = pipes;
    ln->tokens = tokens;
    ln->urls = urls;
}

/* Whether a pattern of PATS matches LN; with OPENING, only where the line begins with the
 * pattern's text, as if no pattern had a '*' before it. */
static int boiler_match_anchored(const boiler_pattern *pats, size_t npats, const line_norm *ln, int opening)
{
    const char *norm = ln->text;
    size_t n = ln->n;
    const uint64_t *have = ln->bigrams;
    for (size_t i = 0; i < npats; i++) {
        const boiler_pattern *p = &pats[i];
        int suffix = p->suffix && !opening;
        if ((p->bigrams[0] & ~have[0]) || (p->bigrams[1] & ~have[1]) || (p->bigrams[2] & ~have[2]) ||
            (p->bigrams[3] & ~have[3]) || p->len > n || (!suffix && p->text[0] != norm[0]) ||
            (!p->prefix && p->text[p->len - 1] != norm[n - 1]))
            continue;
        if (p->prefix && suffix ? strstr(norm, p->text) != NULL
            : p->prefix         ? memcmp(norm, p->text, p->len) == 0
            : suffix            ? memcmp(norm + n - p->len, p->text, p->len) == 0
                                : (n == p->len && memcmp(norm, p->text, n) == 0))
            return 1;
    }
    return 0;
}

static int boiler_match_norm(const boiler_pattern *pats, size_t npats, const line_norm *ln)
{
    return boiler_match_anchored(pats, npats, ln, 0);
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

int boiler_table_row(const char *s, size_t len)
{
    size_t words = 0, figures = 0; /* and words that hold a digit */
    int in_figure = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == ' ') {
            in_figure = 0;
            continue;
        }
        words += i == 0 || s[i - 1] == ' ';
        if (s[i] >= '0' && s[i] <= '9' && !in_figure) {
            figures++;
            in_figure = 1;
        }
    }
    return figures >= 2 && figures * 5 >= words && !doc_sentence_ended(s, len);
}

/* Whether line S may be learned as furniture: not too long to be content, and no table's row
 * (the line key leaves figures out, so that every quarterly report would give its revenue line
 * the same key, "Revs 35.1 mln vs 18.0 mln", in more than a twentieth of a wire's stories); a
 * counter or a date has one figure ("Updated 5 mins ago", "© 2019 Example Media"). */
static int boiler_learnable(const char *s, size_t len)
{
    return len <= BOILER_LEARN_MAX_LEN && !boiler_table_row(s, len);
}

void boiler_observe(boiler *b, const clean_doc *doc)
{
    b->ndocs++;
    for (size_t i = 0; i < doc->n; i++) {
        const clean_line *l = &doc->lines[i];
        if (l->blank || !boiler_learnable(doc_line(doc, i), l->len))
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
    if (b->nlearned) /* qsort must not be given NULL, even with nothing to sort */
        qsort(b->learned, b->nlearned, sizeof *b->learned, boiler_key_cmp);
    free(b->counts);
    b->counts = NULL;
    b->cap = b->used = 0;
    return b->nlearned;
}

static int boiler_is_learned(const boiler *b, uint64_t key, const char *s, size_t len)
{
    if (!b->nlearned || !boiler_learnable(s, len))
        return 0;
    return bsearch(&key, b->learned, b->nlearned, sizeof key, boiler_key_cmp) != NULL;
}

/* The longest run of digits in S that single spaces, dashes, dots or parentheses may break,
 * as phone numbers are written ("(+91) 82350 58865"); thousands separators end a run. A phone
 * number has one figure of a single digit between spaces at most ("+1 555 ..."): a table's row
 * of small figures ("Kyle Busch 5040 5 1 17 27") is none. */
static int boiler_digit_run(const char *s, size_t len)
{
    int best = 0, run = 0, group = 0, singles = 0;
    for (size_t i = 0; i < len; i++) {
        if (isdigit((unsigned char)s[i])) {
            run++;
            group++;
        } else if (!(strchr(" -.()+", s[i]) && run > 0 && i + 1 < len &&
                     (isdigit((unsigned char)s[i + 1]) || s[i + 1] == ' ' || s[i + 1] == '('))) {
            run = singles = 0;
        } else if (group) {
            singles += group == 1 && s[i] == ' ' && (i < 2 || s[i - 2] == ' ');
            if (singles > 1)
                run = singles = 0;
        }
        if (!isdigit((unsigned char)s[i]))
            group = 0;
        if (run > best)
            best = run;
    }
    return best;
}

/* How many figures of S, between spaces or a range's dash, are decimal, digits with one point
 * inside ("148.25", "0.5"): two or more make a table of prices ("Apr 148.00 148.00 148.25
 * 148.50 147.75 38", "FEATHER MEAL 145.00-150.00"), where a phone number written with points
 * has two or more in one figure ("555.123.4567", "01.23.45.67.89"). */
static int boiler_decimal_figures(const char *s, size_t len)
{
    int decimals = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && (s[i] == ' ' || s[i] == '-'))
            i++;
        size_t start = i;
        int points = 0, digits = 0, other = 0;
        for (; i < len && s[i] != ' ' && s[i] != '-'; i++) {
            if (isdigit((unsigned char)s[i]))
                digits++;
            else if (s[i] == '.' && i > start && i + 1 < len && isdigit((unsigned char)s[i + 1]))
                points++;
            else
                other = 1;
        }
        decimals += digits && points == 1 && !other;
    }
    return decimals;
}

/* The names on a page's share buttons. */
static const char *const boiler_share_words[] = {
    "facebook", "twitter", "x", "linkedin", "whatsapp", "reddit", "pinterest", "telegram", "email", "e-mail",
    "mail", "print", "share", "copy", "link", "messenger", "flipboard", "tumblr", "sms", "bluesky",
};
#define BOILER_NSHARE (sizeof boiler_share_words / sizeof boiler_share_words[0])


/* Whether normalized line LN is share buttons run into one line, two names or more and nothing
 * else but punctuation ("Facebook Twitter Email", "Email • Twitter"): each alone is a built-in
 * pattern, but a scraped page flattens the row, and the row then stands among the article's
 * paragraphs, which keep it from jusText. A word in another alphabet is no name. */
static int boiler_share_buttons(const line_norm *ln)
{
    static const char *const separators[] = {"\xe2\x80\xa2", "\xc2\xb7", "\xe2\x80\x93", "\xe2\x80\x94"};
    size_t words = 0;
    for (size_t i = 0, end; i < ln->n; i = end) {
        const char *w = ln->text + i;
        unsigned char c = (unsigned char)*w;
        end = i + 1;
        if (c < 0x80 && !isalnum(c) && c != '-')
            continue; /* a space or punctuation */
        while (end < ln->n && ((unsigned char)ln->text[end] >= 0x80 || isalnum((unsigned char)ln->text[end]) ||
                               ln->text[end] == '-'))
            end++;
        if (boiler_listed(separators, sizeof separators / sizeof *separators, w, end - i))
            continue;
        if (!boiler_listed(boiler_share_words, BOILER_NSHARE, w, end - i))
            return 0;
        words++;
    }
    return words >= 2;
}

/* Whether word W (LEN bytes, lower case) names a day of the week, in full or cut short. */
static int boiler_weekday(const char *w, size_t len)
{
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    if (len > 3 && w[len - 1] == '.')
        len--;
    for (size_t d = 0; d < sizeof days / sizeof *days; d++)
        if (len >= 3 && len <= strlen(days[d]) && !memcmp(days[d], w, len))
            return 1;
    return 0;
}

/* The next word of a time stamp from *T (before END), after spaces and commas: letters and
 * figures, and the dots of "Nov." or "p.m."; its length in *LEN (0: none there). Moves *T past
 * it. */
static const char *boiler_stamp_word(const char **t, const char *end, size_t *len)
{
    while (*t < end && (**t == ' ' || **t == ','))
        (*t)++;
    const char *w = *t;
    while (*t < end && (isalnum((unsigned char)**t) || (**t == '.' && *t > w)))
        (*t)++;
    *len = (size_t)(*t - w);
    return w;
}

/* The most words of an author's name in a time stamp ("Posted by Michael David Smith on ..."). */
#define BOILER_STAMP_AUTHOR_WORDS 5

/* Whether line S (LEN bytes), a time stamp's head and "by", names a person after it: a capital
 * follows the first " by " ("Posted by Jane Roe on ..."); "Posted by the ministers on Monday,
 * ..." is a sentence. */
static int boiler_stamp_named(const char *s, size_t len)
{
    for (size_t i = 0; i + 3 < len; i++)
        if ((i == 0 || s[i - 1] == ' ') && (s[i] | 0x20) == 'b' && (s[i + 1] | 0x20) == 'y' && s[i + 2] == ' ')
            return s[i + 3] >= 'A' && s[i + 3] <= 'Z';
    return 0;
}

/* Past the author's name that T (up to END, a normalized line) begins with, to the "on" after
 * it; END if no "on" comes within BOILER_STAMP_AUTHOR_WORDS words, so that no date is read. */
static const char *boiler_stamp_author(const char *t, const char *end)
{
    for (int words = 0; t < end && words <= BOILER_STAMP_AUTHOR_WORDS; words++) {
        if (end - t > 3 && !memcmp(t, "on ", 3) && words > 0)
            return t;
        while (t < end && *t != ' ')
            t++;
        while (t < end && *t == ' ')
            t++;
    }
    return end;
}

/* Whether normalized line LN is a page's time stamp: "Published: Nov. 19, 2019, 6:18 p.m.",
 * "First published on November 19, 2019 / 8:16 AM", "Updated 11:21 pm CST, Tuesday, ...". Its
 * first words say what the stamp is, and the next (after "on" or a colon, or the author's name
 * and "on": "Posted by Jane Roe on November 19, 2019") opens a date or a
 * time: a figure, a month or a day of the week. A sentence that begins so ("Posted on social
 * media by ...", "Published in 1851, the paper ...") opens no date there. Its first letter, in
 * line S, is a capital: in hard-wrapped wire copy, a line may go on with a sentence ("published
 * on April 6.", "modified 1986 British Ford Escort", both in Reuters). */
static int boiler_stamp(const char *s, size_t len, const line_norm *ln)
{
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    if (!len || *s < 'A' || *s > 'Z')
        return 0;
    static const char *const heads[] = {"first published", "last published", "published", "posted", "last updated",
                                        "updated", "last modified", "modified", "by"};
    if (!ln->digits || ln->tokens > 24 || !memchr("flpumb", ln->text[0], 6)) /* the heads' first letters */
        return 0;
    const char *t = ln->text, *end = ln->text + ln->n;
    size_t h = 0;
    while (h < sizeof heads / sizeof *heads && strncmp(t, heads[h], strlen(heads[h])) != 0)
        h++;
    if (h == sizeof heads / sizeof *heads)
        return 0;
    t += strlen(heads[h]);
    if (t < end && isalnum((unsigned char)*t))
        return 0; /* "postedby", "publishedness": another word */
    while (t < end && (*t == ' ' || *t == ':'))
        t++;
    /* "Posted by Jane Roe on November 19, 2019", "By Jane Roe, John Doe on Monday, ..." */
    int byline = !strcmp(heads[h], "by");
    if (byline || (end - t > 3 && !memcmp(t, "by ", 3)))
        t = boiler_stamp_named(s, len) ? boiler_stamp_author(byline ? t : t + 3, end) : end;
    if (end - t > 3 && !memcmp(t, "on", 2) && (t[2] == ' ' || t[2] == ':'))
        for (t += 2; t < end && (*t == ' ' || *t == ':');)
            t++;
    size_t wlen;
    const char *w = boiler_stamp_word(&t, end, &wlen);
    if (!wlen)
        return 0;
    if (!isdigit((unsigned char)*w))
        return meta_month(w, wlen) || boiler_weekday(w, wlen);
    /* A figure: a time or a date written in figures ("6:18", "19/11/2019", "12-10-2020"), or
     * one that a month, a day, an hour, "ago" or a time zone follows ("18 Nov", "22 hours ago",
     * "0339 GMT"). "Posted 12% growth in May" is a sentence. */
    if (t + 1 < end && memchr(":/-.", *t, 4) && isdigit((unsigned char)t[1]))
        return 1;
    static const char *const after_figure[] = {"am", "a.m.", "pm", "p.m.", "gmt", "utc", "est", "edt", "cst",
                                               "cdt", "pst", "pdt", "ist", "bst", "cet", "cest", "hkt", "jst",
                                               "day", "days", "hour", "hours", "hr", "hrs", "minute", "minutes",
                                               "min", "mins", "week", "weeks", "month", "months"};
    const char *next = boiler_stamp_word(&t, end, &wlen);
    return wlen && (meta_month(next, wlen) || boiler_weekday(next, wlen) ||
                    boiler_listed(after_figure, sizeof after_figure / sizeof *after_figure, next, wlen));
}

/* The most words of a date alone on its line, an hour's figures two: "November 19, 2019 / 12:21
 * AM / Updated 14 hours ago". */
#define BOILER_DATE_WORDS 12

/* What word W (LEN bytes) of a date alone is: 1 a figure (a day, a year, an hour, with "am",
 * "pm" or a day's "th" run into it: "10:00PM", "18th"), 2 a month, 3 a day of the week,
 * "today" or "yesterday", 4 another word a date's line holds ("at", "am", a time zone); 0 none
 * of them. A year or an hour, which a date alone gives and a story's "on February 17." does
 * not, into *YEAR_OR_HOUR: a figure of four, or one with "am" or "pm". */
static int boiler_date_word(const char *w, size_t len, int *year_or_hour)
{
    static const char *const suffixes[] = {"am", "pm", "st", "nd", "rd", "th"}; /* an hour's first */
    static const char *const others[] = {"at", "am", "a.m", "pm", "p.m", "gmt", "utc", "et", "est", "edt", "ct",
                                         "cst", "cdt", "pt", "pst", "pdt", "ist", "bst", "cet", "cest", "jst",
                                         "updated", "hour", "hours", "minute", "minutes", "ago"};
    static const char *const days[] = {"today", "yesterday", "monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
                                       "thur", "thurs", "fri", "sat", "sun"};
    size_t digits = 0;
    while (digits < len && isdigit((unsigned char)w[digits]))
        digits++;
    if (digits) {
        if (digits < len && !boiler_listed(suffixes, sizeof suffixes / sizeof *suffixes, w + digits, len - digits))
            return 0;
        *year_or_hour |= digits == len ? digits == 4 : boiler_listed(suffixes, 2, w + digits, len - digits);
        return 1;
    }
    if (meta_month(w, len))
        return 2;
    if (boiler_listed(days, sizeof days / sizeof *days, w, len)) /* in any case, as the line writes it */
        return 3;
    if (!boiler_listed(others, sizeof others / sizeof *others, w, len))
        return 0;
    *year_or_hour |= (w[0] | 0x20) == 'a' || (w[0] | 0x20) == 'p'; /* "am", "p.m." ("at" too: a time follows) */
    return 4;
}

int boiler_date_alone(const char *s, size_t len)
{
    /* Whether it ends with an hour's "am" or "pm" ("5:50 PM", "6:38 p.m."). A full stop otherwise
     * ends a sentence that a hard-wrapped line goes on with ("... a stock dividend, also 10 pct,
     * in" / "March 1986."). */
    int meridiem = len >= 2 && (!strncasecmp(s + len - 2, "am", 2) || !strncasecmp(s + len - 2, "pm", 2) ||
                                (len >= 4 && (!strncasecmp(s + len - 4, "a.m.", 4) || !strncasecmp(s + len - 4, "p.m.", 4))));
    if (!len || !isalnum((unsigned char)s[0]) || (s[len - 1] == '.' && !meridiem))
        return 0;
    int words = 0, month = 0, day = 0, figures = 0, year_or_hour = 0, slashes = 0, in_figures = 0, clock = 0;
    for (size_t i = 0; i < len;) {
        if (!isalnum((unsigned char)s[i])) {
            /* Between figures, a colon makes a time ("6:38"), and two slashes in one run of
             * figures a date ("11/20/19"; "2/26 2/27", a table's columns, is none). */
            int between = i > 0 && i + 1 < len && isdigit((unsigned char)s[i - 1]) && isdigit((unsigned char)s[i + 1]);
            clock |= between && s[i] == ':';
            in_figures = between && s[i] == '/' ? in_figures + 1 : 0;
            slashes += in_figures == 2;
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && (isalnum((unsigned char)s[j]) || (s[j] == '.' && j + 1 < len && isalpha((unsigned char)s[j + 1]))))
            j++;
        int kind = boiler_date_word(s + i, j - i, &year_or_hour);
        if (!kind || ++words > BOILER_DATE_WORDS)
            return 0;
        month += kind == 2;
        figures += kind == 1;
        day |= kind == 3;
        i = j;
    }
    /* Two dates are a table's columns ("02/28/87 01/31/87 02/28/86", "January February"). */
    if (slashes + month > 1)
        return 0;
    year_or_hour |= clock;
    /* An hour alone, with its "am" or "pm", as a list of stories stamps its items: "5:50 PM". */
    return slashes || (month && figures && year_or_hour) || (day && year_or_hour && figures) ||
           (clock && meridiem && figures == 2 && words <= 3);
}

/* The most tokens of a relative time stamp's line: a figure, a unit, "ago", and a video's
 * length or a gallery's count after it ("7H ago 08:51", "17H ago 50 photos"). */
#define BOILER_AGO_TOKENS 5

/* Whether line S (LEN bytes, normalized as LN) is a relative time stamp alone, as a list of
 * stories puts under each: a figure and a unit, apart or together, then "ago" ("13 hours ago",
 * "1 day ago", "32M ago", "14H ago"). A sentence that begins so ("2 days ago, the storm hit the
 * coast ...") has more words. */
static int boiler_ago_stamp(const char *s, size_t len, const line_norm *ln)
{
    static const char *const units[] = {"m", "h", "d", "min", "mins", "minute", "minutes", "hour",
                                        "hours", "hr", "hrs", "day", "days", "week", "weeks"};
    if (!ln->digits || ln->tokens > BOILER_AGO_TOKENS || !isdigit((unsigned char)*s))
        return 0;
    const char *t = s, *end = s + len;
    size_t wlen, digits = 0;
    const char *w = boiler_stamp_word(&t, end, &wlen);
    while (digits < wlen && isdigit((unsigned char)w[digits]))
        digits++;
    const char *unit = w + digits;
    size_t ulen = wlen - digits;
    if (!ulen)
        unit = boiler_stamp_word(&t, end, &ulen);
    if (!ulen)
        return 0;
    const char *ago = boiler_stamp_word(&t, end, &wlen);
    return boiler_listed(units, sizeof units / sizeof *units, unit, ulen) && wlen == 3 && !strncasecmp(ago, "ago", 3);
}

/* The bytes of the count that line S (LEN bytes) opens with: a figure, its thousands parted by
 * commas or a dot ("1,204", "3.409"), or in thousands or millions ("1.2K", "7M"); 0 if none. A
 * figure with two dots is a date's or a version's ("31.02.2020", "1.2.3"). */
static size_t boiler_count_end(const char *s, size_t len)
{
    if (!len || !isdigit((unsigned char)s[0]))
        return 0;
    size_t at = 0, dots = 0;
    while (at < len && (isdigit((unsigned char)s[at]) || s[at] == ',' || s[at] == '.')) {
        if (s[at] == '.' && ++dots > 1)
            return 0;
        at++;
    }
    if (at < len && memchr("KkMm", s[at], 4))
        at++;
    return at;
}

/* Whether line S (LEN bytes) is a share bar's count alone: a figure, in thousands or millions
 * perhaps, and "shares", "views" or "likes" ("445 shares", "197 Shares", "1.2K views"). A
 * line of a story has more words ("The fund holds 445 shares of Acme"). */
static int boiler_share_count(const char *s, size_t len)
{
    static const char *const counted[] = {"share", "shares", "view", "views", "like", "likes"};
    size_t at = boiler_count_end(s, len);
    if (!at || at + 1 >= len || s[at] != ' ')
        return 0;
    return boiler_listed(counted, sizeof counted / sizeof *counted, s + at + 1, len - at - 1);
}

int boiler_figure_alone(const char *s, size_t len)
{
    return len && boiler_count_end(s, len) == len;
}

/* Whether line S (LEN bytes) is a page's code that a scrape took for text: a script, a style
 * sheet or structured data ("googletag.cmd.push(function() { ... });", ".share-bar { display:
 * none; }", {"@type":"NewsArticle",...}). Prose has no braces; such a line has a pair, and a
 * colon, a semicolon or a call's parenthesis. Left among the paragraphs, it would also make
 * the paragraph beside it look like furniture to jusText. */
static int boiler_code(const char *s, size_t len)
{
    const char *open = memchr(s, '{', len);
    if (!open || !memchr(open, '}', len - (size_t)(open - s)))
        return 0;
    return memchr(s, ';', len) || memchr(s, ':', len) || memchr(s, '(', len);
}

/* Whether LN is a site's notice of cookies ("This website uses cookies to improve your
 * experience", "Cookies", "Privacy & Cookies Policy"): the word, and a word of the web or of
 * consent beside it, or little else. A line of a story on biscuits ("cookies, candy and bakery
 * trays") is none, where the pattern "*cookies*" took every line that held the word. */
static int boiler_cookie_notice(const line_norm *ln)
{
    static const char *const beside[] = {"site", "browser", "consent", "experience", "policy", "policies",
                                         "setting", "preference", "personal data", "privacy", "accept"};
    if (!strstr(ln->text, "cookie"))
        return 0;
    if (ln->tokens <= 3)
        return 1;
    for (size_t k = 0; k < sizeof beside / sizeof *beside; k++)
        if (strstr(ln->text, beside[k]))
            return 1;
    return 0;
}

/* The most tokens of a site's promotion of its own channels: a sentence or two. */
#define BOILER_PROMOTION_TOKENS 45

/* Whether LN is a site's promotion of its own channels: "Follow The New York Times Opinion
 * section on Facebook, Twitter (@NYTopinion) and Instagram.", "Follow Newsbeat on Instagram,
 * ...", or of its newsletter ("Get our daily Entertainment newsletter", "Get the day's top
 * headlines delivered to your inbox every morning by subscribing to our newsletter."): the line
 * opens with the prompt. A story's line on the networks or on newsletters opens otherwise ("His
 * followers on Twitter ...", "The newsletter, which has 40,000 subscribers, ..."), and one that
 * ends with such a prompt loses the prompt alone (markers.c). */
static int boiler_promotion(const line_norm *ln)
{
    static const char *const networks[] = {"twitter", "facebook", "instagram", "linkedin", "youtube"};
    static const char *const signups[] = {"get ", "sign up", "subscribe", "join ", "receive "};
    if (ln->tokens > BOILER_PROMOTION_TOKENS)
        return 0;
    if (!strncmp(ln->text, "follow ", 7))
        for (size_t k = 0; k < sizeof networks / sizeof *networks; k++)
            if (strstr(ln->text, networks[k]))
                return 1;
    /* The prompt first, the search for "newsletter" behind it: searching every line took clean
     * on 3,000 Reuters stories, whose lines open with no prompt, from 656.7 M instructions to
     * 658.0 M. */
    for (size_t k = 0; k < sizeof signups / sizeof *signups; k++)
        if (!strncmp(ln->text, signups[k], strlen(signups[k])))
            return strstr(ln->text, "newsletter") != NULL;
    return 0;
}

/* The most words before a bio's "is a journalist": a name and what it is ("Shubhajit Roy,
 * Diplomatic Editor at The Indian Express, has been a journalist for ..."). */
#define BOILER_BIO_NAME_WORDS 12

/* Whether LN (line S, LEN bytes), which a pattern took for furniture, is a story's line: a
 * paragraph (doc_paragraph) that opens with a pattern's everyday words ("Author Stephen King
 * said on Monday ...", "There was an error in the count, officials said."), or a sentence that
 * calls someone a journalist in a clause of its own ("Khashoggi, who is a journalist for The
 * Washington Post, vanished ...") or goes on in one ("Jane Roe is a reporter for the Courier
 * who was detained ..."), or far into it, where an author's bio begins with the name
 * and what the author is ("Jane Roe is a freelance writer ...", "Shubhajit Roy, Diplomatic
 * Editor at The Indian Express, has been a journalist for ..."). The patterns of a site's own
 * sentences ("Subscribe to ...", "Keep an eye on your inbox ...") are furniture in any shape. */
static int boiler_story_line(const line_norm *ln, const char *s, size_t len)
{
    static const char *const everyday[] = {"author ", "recommended", "we recommend", "don't miss", "must read",
                                           "most read", "most popular", "trending", "there was an error",
                                           "more from ", "see all", "view all", "continue reading", "file photo",
                                           "photo credit", "image source", "share on ", "share via ", "photo by "};
    static const char *const bios[] = {" has been a journalist", " is a journalist", " is a freelance journalist",
                                       " is a freelance writer", " is a staff writer", " is a contributing writer",
                                       " is a reporter for"};
    for (size_t k = 0; k < sizeof everyday / sizeof *everyday; k++)
        if (!strncmp(ln->text, everyday[k], strlen(everyday[k])))
            return doc_paragraph(s, len);
    for (size_t k = 0; k < sizeof bios / sizeof *bios; k++) {
        const char *at = strstr(ln->text, bios[k]);
        if (!at)
            continue;
        size_t words = doc_words(ln->text, (size_t)(at - ln->text));
        int clause = (at - ln->text >= 4 && !memcmp(at - 4, " who", 4)) || strstr(at, " who ");
        return clause || words > BOILER_BIO_NAME_WORDS;
    }
    return 0;
}

/* The rule that makes line S furniture by itself, or NULL. */
static const char *boiler_furniture_rule(const boiler *b, const char *s, size_t len, const line_norm *ln)
{
    /* Rules in the place of patterns that also took a story's lines: "copyright*" and "(c) *"
     * (rights.c), "*cookies*"; and a story's line that a pattern's words are in. */
    if ((boiler_match_furniture(b, ln) && !boiler_story_line(ln, s, len)) || rights_line(s, len) ||
        boiler_cookie_notice(ln) || boiler_promotion(ln))
        return "furniture";
    if (caption_line(s, len))
        return "caption";
    if (boiler_is_learned(b, ln->key, s, len))
        return "learned-furniture";
    int digits = ln->digits, pipes = ln->pipes, tokens = ln->tokens, urls = ln->urls;
    if (urls && tokens <= 2 * urls + 1)
        return "link";
    if (digits >= 9 && tokens <= 8 && boiler_digit_run(s, len) >= 9 && boiler_decimal_figures(s, len) < 2)
        return "phone";
    if (boiler_code(s, len)) /* before the menu's rule: a script's "a || b" is no menu */
        return "code";
    if (pipes >= 2 && tokens <= 4 * (pipes + 1))
        return "menu";
    if (tokens >= 2 && tokens <= 12 && boiler_share_buttons(ln))
        return "share-buttons";
    if (boiler_stamp(s, len, ln) || boiler_ago_stamp(s, len, ln))
        return "time-stamp";
    if (digits && tokens <= 3 && boiler_share_count(s, len))
        return "share-count";
    return NULL;
}

/* Whether line S (LEN bytes) ends as a sentence does: a word in lower case, then a full stop,
 * a question or an exclamation mark (past closing quotes). "More in Texas than anywhere else."
 * is a story's line, where "More in U.S." and "You may also like..." are headings. */
static int boiler_sentence_line(const char *s, size_t len)
{
    if (!doc_sentence_ended(s, len))
        return 0;
    while (len && !memchr(".!?", s[len - 1], 3))
        len--; /* back to the mark, past the quotes that close it */
    return len >= 2 && s[len - 2] >= 'a' && s[len - 2] <= 'z';
}

const char *boiler_furniture(const boiler *b, const char *s, size_t len, int *related)
{
    line_norm ln;
    boiler_norm_line(s, len, &ln);
    /* Asked of short lines only: Reuters' lines, hard-wrapped, never are (1.7% of clean's
     * instructions there when every line was matched). */
    *related = ln.tokens > BOILER_MARKER_WORDS
                   ? 0
                   : 1 + (boiler_match_norm(b->related, b->nrelated, &ln) && !boiler_sentence_line(s, len));
    return boiler_furniture_rule(b, s, len, &ln);
}

/* Whether line S (LEN bytes) heads a blog's comments with their count, as WordPress's themes
 * write it: a number, in figures or a word, then "thought(s)", "response(s)", "reply"/"replies"
 * or "comment(s)", then "on" or "to" and the post's title in quotes ("6 thoughts on “How to
 * Adopt an Online Leader Success Mindset”", "One thought on “...”"), or the count and the
 * noun alone ("1 comment", "3 Responses"). "Five thoughts on the budget" heads a story's
 * section. */
static int boiler_comment_count(const char *s, size_t len)
{
    static const char *const numbers[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    static const char *const nouns[] = {"thoughts on ", "thought on ", "responses to ", "response to ", "replies to ",
                                        "reply to ", "comments on ", "comment on ", "comments to "};
    size_t at = 0;
    while (at < len && isdigit((unsigned char)s[at]))
        at++;
    for (size_t k = 0; !at && k < sizeof numbers / sizeof *numbers; k++) {
        size_t n = strlen(numbers[k]);
        if (len > n && !strncasecmp(s, numbers[k], n) && s[n] == ' ')
            at = n;
    }
    if (!at || at >= len || s[at] != ' ')
        return 0;
    at++;
    for (size_t k = 0; k < sizeof nouns / sizeof *nouns; k++) {
        size_t n = strlen(nouns[k]);
        if (len - at > n && !strncasecmp(s + at, nouns[k], n))
            return doc_opens_quote(s + at + n, len - at - n);
    }
    /* The count alone, as a post's footer or the comments' heading writes it: "1 comment". */
    static const char *const alone[] = {"comment", "comments", "response", "responses", "reply", "replies"};
    for (size_t k = 0; k < sizeof alone / sizeof *alone; k++)
        if (len - at == strlen(alone[k]) && !strncasecmp(s + at, alone[k], len - at))
            return 1;
    return 0;
}

int boiler_comment_marker(const boiler *b, const char *s, size_t len)
{
    line_norm ln;
    boiler_norm_line(s, len, &ln);
    /* A story's sentence may hold a marker's words ("He made the comments on Tuesday."): in a
     * line that ends as a sentence, the marker must open it ("Comments are closed."). */
    return boiler_match_anchored(b->comments, b->ncomments, &ln, boiler_sentence_line(s, len)) ||
           boiler_comment_count(s, len);
}

int boiler_related_marker(const boiler *b, const char *s, size_t len)
{
    return boiler_match_in(b->related, b->nrelated, s, len) && !boiler_sentence_line(s, len);
}

int boiler_related_line(const boiler *b, clean_doc *doc, size_t i)
{
    clean_line *l = &doc->lines[i];
    if (!l->related)
        l->related = 1 + boiler_related_marker(b, doc_line(doc, i), l->len);
    return l->related == 2;
}
