/* spin.c: repairs what article spinners leave behind: acronym echoes ("AI (AI)"), known spun
 * phrases ("brand spanking new Delhi"), spelled-out numbers glued to decimals ("three .2"), and
 * their templates left unrendered ("The {company|firm} said"). */
#include "clean.h"
#include "datafile.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct spin_pair {
    char *spun, *original;
} spin_pair;

struct spin {
    spin_pair *pairs;
    size_t n;
    unsigned char first[256]; /* bytes that start some spun phrase */
};

/* Spun phrases seen in syndicated copies, and what they replaced. */
static const char *const spin_builtin[][2] = {
    {"brand spanking new Delhi", "New Delhi"},
    {"brand spanking New Delhi", "New Delhi"},
    {"brand new Delhi", "New Delhi"},
    {"brand spanking new York", "New York"},
    {"brand spanking new Zealand", "New Zealand"},
    {"synthetic intelligence", "artificial intelligence"},
    {"Synthetic Intelligence", "Artificial Intelligence"},
    {"man-made intelligence", "artificial intelligence"},
    {"web of things", "internet of things"},
    {"Web of Things", "Internet of Things"},
    {"Web of Issues", "Internet of Things"},
};

/* Expansions to fall back on when a document does not spell an echoed acronym out. */
static const char *const spin_acronyms[][2] = {
    {"AI", "artificial intelligence"},
    {"IoT", "Internet of Things"},
    {"ML", "machine learning"},
};

static const char *const spin_numbers[] = {"zero", "one", "two", "three", "four", "five", "six",
                                           "seven", "eight", "nine"};

static void spin_add(spin *sp, const char *spun, size_t sl, const char *orig, size_t ol)
{
    sp->pairs = realloc(sp->pairs, (sp->n + 1) * sizeof *sp->pairs);
    if (!sp->pairs)
        abort();
    if (sl)
        sp->first[(unsigned char)spun[0]] = 1;
    sp->pairs[sp->n].spun = strndup(spun, sl);
    sp->pairs[sp->n].original = strndup(orig, ol);
    sp->n++;
}

spin *spin_new(void)
{
    spin *sp = calloc(1, sizeof *sp);
    if (!sp)
        abort();
    for (size_t i = 0; i < sizeof spin_builtin / sizeof spin_builtin[0]; i++)
        spin_add(sp, spin_builtin[i][0], strlen(spin_builtin[i][0]), spin_builtin[i][1],
                 strlen(spin_builtin[i][1]));
    return sp;
}

void spin_free(spin *sp)
{
    if (!sp)
        return;
    for (size_t i = 0; i < sp->n; i++) {
        free(sp->pairs[i].spun);
        free(sp->pairs[i].original);
    }
    free(sp->pairs);
    free(sp);
}

static const char *spin_table_line(void *data, char *line, size_t len, size_t lineno)
{
    (void)lineno;
    if (datafile_is_blank(line, len))
        return NULL;
    const char *tab = memchr(line, '\t', len);
    if (!tab || tab == line)
        return "expected 'spun phrase<TAB>original'";
    spin_add(data, line, (size_t)(tab - line), tab + 1, len - (size_t)(tab - line) - 1);
    return NULL;
}

int spin_load_table(spin *sp, const char *path, quarry_buf *err)
{
    return datafile_each_line(path, "spun-phrase table", spin_table_line, sp, err);
}

static int spin_word_char(unsigned char c)
{
    return isalnum(c) || c >= 0x80;
}

/* An expansion of ACRONYM spelled out in DOC: capitalised words whose initials spell it, none
 * of them a stop word unless it is a connector filling a lower-case letter ("Internet of
 * Things"). Lower-case words are not trusted: "additionally important" is not "AI". */
static int spin_find_expansion(const clean_doc *doc, const char *acro, size_t alen, quarry_buf *out)
{
    const char *s = doc->text.data, *end = doc->text.data + doc->text.len;
    for (const char *p = s; p < end; p++) {
        if (!isalpha((unsigned char)*p) || (p > s && spin_word_char((unsigned char)p[-1])))
            continue;
        const char *q = p;
        size_t k = 0;
        int words = 0;
        while (k < alen && q < end) {
            const char *w = q;
            while (q < end && spin_word_char((unsigned char)*q))
                q++;
            size_t wl = (size_t)(q - w);
            int ws, st;
            boiler_count_words(w, wl, &ws, &st);
            int connector = islower((unsigned char)acro[k]);
            if (wl < 2 || tolower((unsigned char)*w) != tolower((unsigned char)acro[k]) ||
                (st && !connector) || (!connector && !isupper((unsigned char)*w)) ||
                (wl == alen && !strncmp(w, acro, alen)))
                break;
            k++;
            words++;
            if (k < alen) {
                if (q >= end || (*q != ' ' && *q != '-'))
                    break;
                q++;
            }
        }
        if (k == alen && words >= 2) {
            quarry_buf_append(out, p, (size_t)(q - p));
            return 1;
        }
    }
    for (size_t i = 0; i < sizeof spin_acronyms / sizeof spin_acronyms[0]; i++) {
        if (strlen(spin_acronyms[i][0]) == alen && !memcmp(spin_acronyms[i][0], acro, alen)) {
            quarry_buf_append(out, spin_acronyms[i][1], strlen(spin_acronyms[i][1]));
            return 1;
        }
    }
    return 0;
}

/* The expansions found in one document, by acronym: a search reads the whole document, and a
 * spun article echoes the same few acronyms again and again ("AI (AI)" 20,000 times took 28 s).
 * Past SPIN_MEMO_MAX distinct acronyms, an echo is dropped without a search, which bounds the
 * work of a document that is nothing but acronyms. */
enum { SPIN_MEMO_MAX = 64 };
typedef struct spin_memo {
    size_t n;
    struct {
        char acro[11];
        size_t alen;
        int found;
        quarry_buf expansion;
    } item[SPIN_MEMO_MAX];
} spin_memo;

/* spin_find_expansion, remembered in MEMO. */
static int spin_expansion(spin_memo *memo, const clean_doc *doc, const char *acro, size_t alen,
                          quarry_buf *out)
{
    size_t i = 0;
    while (i < memo->n && (memo->item[i].alen != alen || memcmp(memo->item[i].acro, acro, alen)))
        i++;
    if (i == memo->n) { /* not looked for yet */
        if (memo->n == SPIN_MEMO_MAX)
            return 0;
        memo->n++;
        memcpy(memo->item[i].acro, acro, alen); /* alen <= 10: spin_line checks */
        memo->item[i].alen = alen;
        memo->item[i].expansion.len = 0;
        memo->item[i].found = spin_find_expansion(doc, acro, alen, &memo->item[i].expansion);
    }
    if (memo->item[i].found)
        quarry_buf_append(out, memo->item[i].expansion.data, memo->item[i].expansion.len);
    return memo->item[i].found;
}

enum {
    SPIN_SPINTAX_SPAN = 1024, /* the most bytes a spintax group runs to: a spinner's options are words */
    SPIN_SPINTAX_DEPTH = 4,   /* and the deepest it nests ("{{big|large}|huge}" is 2) */
};

/* Whether byte C may stand in a spintax option: words and their punctuation, not the bytes of
 * code, markup or data ("{ display: none; }", "{\"id\": 1}", "${HOME}"). */
static int spin_spintax_byte(unsigned char c)
{
    return c >= 0x80 || (c >= ' ' && !memchr(";=\"():<>[]\\`$#", c, 14));
}

/* The end (past its '}') of the spintax group that opens at S[I] (LEN bytes in all): options of
 * words parted by '|', two at least, none with a space at either end, groups nested in them
 * ("{{big|large}|huge}"); 0 if none opens there. A scan ends at the first byte that fails, and
 * a nested group at DEPTH past SPIN_SPINTAX_DEPTH fails at once, so that a line of unclosed
 * braces costs a few passes over it, not one for each brace. */
static size_t spin_spintax_end(const char *s, size_t len, size_t i, int depth)
{
    if (depth > SPIN_SPINTAX_DEPTH)
        return 0;
    size_t option = i + 1, limit = len - i > SPIN_SPINTAX_SPAN ? i + SPIN_SPINTAX_SPAN : len;
    int bars = 0;
    for (size_t k = i + 1; k < limit; k++) {
        unsigned char c = (unsigned char)s[k];
        if (c == '{') {
            size_t end = spin_spintax_end(s, len, k, depth + 1);
            if (!end)
                return 0;
            k = end - 1;
        } else if (c == '|' || c == '}') {
            if (k > option && (s[option] == ' ' || s[k - 1] == ' '))
                return 0;
            if (c == '}')
                return bars ? k + 1 : 0;
            bars++;
            option = k + 1;
        } else if (!spin_spintax_byte(c)) {
            return 0;
        }
    }
    return 0;
}

/* Appends to OUT the spintax group S[I..END) (spin_spintax_end) as the spinner would have
 * rendered it, choosing its first option that is not empty, and so on inside it: one choice,
 * the same on every run. */
static void spin_spintax_render(const char *s, size_t i, size_t end, quarry_buf *out)
{
    size_t from = i + 1, k = from;
    int depth = 0;
    for (; k < end - 1; k++) { /* the first option: up to a '|' outside nested groups */
        if (s[k] == '{')
            depth++;
        else if (s[k] == '}')
            depth--;
        else if (s[k] == '|' && depth == 0) {
            if (k > from)
                break;
            from = k + 1; /* an empty option: the next */
        }
    }
    for (size_t j = from; j < k; j++) {
        if (s[j] != '{') {
            size_t run = j;
            while (run < k && s[run] != '{')
                run++;
            quarry_buf_append(out, s + j, run - j);
            j = run - 1;
            continue;
        }
        size_t inner = spin_spintax_end(s, k, j, 1); /* found when the whole was */
        if (!inner) {
            quarry_buf_append(out, "{", 1);
            continue;
        }
        spin_spintax_render(s, j, inner, out);
        j = inner - 1;
    }
}

/* One pass of every repair over line S; appends the result to OUT, returns repairs made. */
static int spin_line(const spin *sp, spin_memo *memo, const clean_doc *doc, const char *s, size_t len,
                     quarry_buf *out)
{
    int repairs = 0;
    size_t copied = 0;
    for (size_t i = 0; i < len; i++) {
        /* "{company|firm|business}": a spinner's template, left as it was; not a shell's or a
         * template language's "${...}", "#{...}", "%{...}". */
        size_t spintax = s[i] == '{' && (i == 0 || !memchr("$#%", s[i - 1], 3)) ? spin_spintax_end(s, len, i, 1) : 0;
        if (spintax) {
            quarry_buf_append(out, s + copied, i - copied);
            spin_spintax_render(s, i, spintax, out);
            copied = spintax;
            i = copied - 1;
            repairs++;
            continue;
        }
        /* "X (X)": an acronym echoed by a spinner that replaced its expansion. */
        if (s[i] == '(' && i >= 2 && s[i - 1] == ' ') {
            /* An echo is at most 10 bytes: looking no further keeps a line of unclosed
             * parentheses linear (it was quadratic: 7 MB of "It rose. (Adds " took 17 s). */
            const char *close = memchr(s + i, ')', len - i < 12 ? len - i : 12);
            size_t alen = close ? (size_t)(close - s - i - 1) : 0;
            const char *acro = s + i + 1;
            if (alen >= 2 && alen <= 10 && i - 1 >= alen && !memcmp(s + i - 1 - alen, acro, alen) &&
                (i - 1 == alen || !spin_word_char((unsigned char)s[i - 2 - alen])) &&
                isupper((unsigned char)acro[0]) && !memchr(acro, ' ', alen)) {
                size_t start = i - 1 - alen;
                quarry_buf_append(out, s + copied, start - copied);
                if (!spin_expansion(memo, doc, acro, alen, out))
                    quarry_buf_append(out, acro, alen); /* not recoverable: drop the echo */
                else {
                    quarry_buf_append(out, " (", 2);
                    quarry_buf_append(out, acro, alen);
                    quarry_buf_append(out, ")", 1);
                }
                copied = i + alen + 2;
                i = copied - 1;
                repairs++;
                continue;
            }
        }
        /* "three .2 million" */
        if (s[i] == '.' && i >= 2 && s[i - 1] == ' ' && i + 1 < len && isdigit((unsigned char)s[i + 1])) {
            for (size_t d = 0; d < 10; d++) {
                size_t nl = strlen(spin_numbers[d]);
                if (i - 1 < nl || strncasecmp(s + i - 1 - nl, spin_numbers[d], nl) ||
                    (i - 1 > nl && spin_word_char((unsigned char)s[i - 2 - nl])))
                    continue;
                quarry_buf_append(out, s + copied, i - 1 - nl - copied);
                char digit = (char)('0' + d);
                quarry_buf_append(out, &digit, 1);
                copied = i;
                repairs++;
                break;
            }
        }
        /* Known spun phrases, on word boundaries. */
        if (i == 0 || !spin_word_char((unsigned char)s[i - 1])) {
            for (size_t k = 0; k < sp->n; k++) {
                size_t pl = strlen(sp->pairs[k].spun);
                if (pl > len - i || memcmp(s + i, sp->pairs[k].spun, pl) ||
                    (i + pl < len && spin_word_char((unsigned char)s[i + pl]) &&
                     spin_word_char((unsigned char)s[i + pl - 1])))
                    continue;
                quarry_buf_append(out, s + copied, i - copied);
                quarry_buf_append(out, sp->pairs[k].original, strlen(sp->pairs[k].original));
                copied = i + pl;
                i = copied - 1;
                repairs++;
                break;
            }
        }
    }
    quarry_buf_append(out, s + copied, len - copied);
    return repairs;
}

/* Whether line S could need a repair: an opening parenthesis or brace, " ." or a known phrase.
 * The full pass is far slower, and almost no line needs it. */
static int spin_candidate(const spin *sp, const char *s, size_t len)
{
    if (memchr(s, '(', len) || memchr(s, '{', len))
        return 1;
    /* Word starts are the first byte and the bytes after spaces: jump from space to space.
     * " ." marks a glued decimal; a phrase is compared only where its first byte stands. */
    for (const char *p = s, *end = s + len; p < end;) {
        if (p > s && *p == '.')
            return 1;
        if (sp->first[(unsigned char)*p]) {
            size_t left = (size_t)(end - p);
            for (size_t k = 0; k < sp->n; k++) {
                size_t pl = strlen(sp->pairs[k].spun);
                if (pl <= left && !memcmp(p, sp->pairs[k].spun, pl))
                    return 1;
            }
        }
        const char *sp_next = memchr(p, ' ', (size_t)(end - p));
        if (!sp_next)
            break;
        p = sp_next + 1;
    }
    return 0;
}

int spin_repair(const spin *sp, clean_doc *doc)
{
    int total = 0;
    quarry_buf out = {0};
    spin_memo *memo = calloc(1, sizeof *memo);
    if (!memo)
        abort();
    for (size_t i = 0; i < doc->n; i++) {
        if (doc->lines[i].blank || !spin_candidate(sp, doc_line(doc, i), doc->lines[i].len))
            continue;
        out.len = 0;
        int r = spin_line(sp, memo, doc, doc_line(doc, i), doc->lines[i].len, &out);
        if (r) {
            doc_explain(doc, "spinner", doc_line(doc, i), doc->lines[i].len);
            doc_set_line(doc, i, out.data, out.len);
            total += r;
        }
    }
    for (size_t i = 0; i < memo->n; i++)
        quarry_buf_free(&memo->item[i].expansion);
    free(memo);
    quarry_buf_free(&out);
    return total;
}
