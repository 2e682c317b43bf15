/* boiler.c: tells an article's text from page furniture in plain text: furniture line by line
 * (boiler_furniture.c) and lists of links (boiler_lists.c), then jusText's classification
 * (length, stop-word density, links, then the neighbouring paragraphs) applied to lines instead
 * of HTML blocks, and the article's end. */
#include "clean.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* jusText's thresholds, in characters and shares of words; tuned on plain text. */
#define BOILER_LENGTH_LOW 70
#define BOILER_LENGTH_HIGH 200
#define BOILER_STOPS_LOW 0.22
#define BOILER_STOPS_HIGH 0.25
#define BOILER_MAX_LINK_DENSITY 0.2
#define BOILER_ISOLATED_MAX 300  /* a good block this short alone among bad ones is a teaser */
#define BOILER_DATA_DIGITS 5  /* a block with a fifth of its bytes digits is data */
#define BOILER_WRAP_MIN DOC_WRAP_MIN
#define BOILER_WRAP_MAX 85  /* hard-wrapped lines are 40-85 characters long */

#define BOILER_CLOSING_MIN_WORDS 3 /* "He declined to comment." ends a story; "Read more." does not */
#define BOILER_COMMENT_MAX_WORDS 14   /* "34 responses to “Headline of the story”" */
#define BOILER_END_MIN_BODY 400  /* bytes of kept text before an end marker counts */

/* Words and stop words of line I, counted once. */
static void boiler_line_counts(clean_doc *doc, size_t i, int *words, int *stops)
{
    clean_line *l = &doc->lines[i];
    if (l->words < 0)
        boiler_count_words(doc_line(doc, i), l->len, &l->words, &l->stops);
    *words = l->words;
    *stops = l->stops;
}

enum { CLS_BAD, CLS_SHORT, CLS_NEAR, CLS_GOOD, CLS_DATA };

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
    int closed; /* a good block that closing sentences of the story's follow (boiler_closing_sentence) */
    int words, stops; /* of its lines, counted by boiler_block_class */
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
    bk->words = words;
    bk->stops = stops;
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
    int ends = doc_line_closed(last, doc->lines[bk->last].len);
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

/* A journalist's jobs, and the jobs besides them that an author's note names. */
static const char *const boiler_jobs[] = {"reporter", "reporters", "correspondent", "columnist", "journalist",
                                          "editor", "writer", "contributor"};
static const char *const boiler_note_jobs[] = {"author", "educator", "blogger"};
#define BOILER_COUNT(list) (sizeof list / sizeof *list)

/* The end of the run of letters at S[I], up to LEN. */
static size_t boiler_letters_end(const char *s, size_t i, size_t len)
{
    while (i < len && isalpha((unsigned char)s[i]))
        i++;
    return i;
}

/* Whether line S (LEN bytes) speaks of the story's staff or its publishing, as the lines after a
 * story do, rather than of its subject: an address ("Contact the writer at jroe@example.com."),
 * a journalist's job ("Jane Roe is a business reporter at the Daily Planet."), or the start of a
 * credit or a time stamp ("Additional reporting by ...", "Edited by ...", "Updated at 3:45 p.m.
 * ET."). Such a line ends a story as a sentence would, and the closing sentences' rule leaves it
 * to the context, as before it. */
static int boiler_staff_line(const char *s, size_t len)
{
    static const char *const starts[] = {"additional reporting", "reporting by", "edited by", "editing by",
                                         "written by", "updated", "posted", "contact", "with reporting"};
    if (memchr(s, '@', len))
        return 1;
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++) {
        size_t n = strlen(starts[k]);
        if (len >= n && !strncasecmp(s, starts[k], n))
            return 1;
    }
    for (size_t i = 0; i < len;) { /* each word against the jobs */
        size_t j = boiler_letters_end(s, i, len);
        if (j > i && boiler_listed(boiler_jobs, BOILER_COUNT(boiler_jobs), s + i, j - i))
            return 1;
        i = j + (j == i);
    }
    return 0;
}

/* The most words of the name an author's note opens with, and between its "is a" and the job. */
#define BOILER_NOTE_NAME_WORDS 4
#define BOILER_NOTE_JOB_WORDS 6

/* Past the words of a name at S[AT] (up to LEN): BOILER_NOTE_NAME_WORDS at most, each opening
 * with a capital (or a letter beyond ASCII), each up to its space. Their count into *WORDS, and
 * where the last begins into *LAST. */
static size_t boiler_name_end(const char *s, size_t len, size_t at, size_t *words, size_t *last)
{
    *words = 0;
    while (at < len && *words < BOILER_NOTE_NAME_WORDS &&
           (isupper((unsigned char)s[at]) || (unsigned char)s[at] >= 0xC0)) {
        *last = at;
        while (at < len && s[at] != ' ')
            at++;
        ++*words;
        at += at < len;
    }
    return at;
}

/* Whether line S (LEN bytes) is an author's note, as a page sets under its story: a name of a
 * few capitalised words, a Twitter handle perhaps, "is a" or "is an", and a journalist's job
 * (or an author's, an educator's, a blogger's) within a few words ("Meg James is a corporate
 * media reporter for the Los Angeles Times, ...", "Molly Wood (@mollywood) is an Ideas
 * contributor at WIRED ...", "Pamela Wilson is an online educator, author, ..."). A story's
 * sentence on a journalist goes on in a clause ("Jane Roe is a reporter for the Daily Planet who
 * was detained on Monday."). */
static int boiler_author_note(const char *s, size_t len)
{
    if (memmem(s, len, " who ", 5))
        return 0;
    size_t names, last;
    size_t i = boiler_name_end(s, len, 0, &names, &last);
    if (!names)
        return 0;
    if (i + 2 < len && s[i] == '(' && s[i + 1] == '@') { /* "(@mollywood)" */
        while (i < len && s[i] != ' ')
            i++;
        i += i < len;
    }
    if (len - i > 5 && !strncmp(s + i, "is a ", 5))
        i += 5;
    else if (len - i > 6 && !strncmp(s + i, "is an ", 6))
        i += 6;
    else
        return 0;
    for (int words = 0; i < len && words <= BOILER_NOTE_JOB_WORDS; words++) {
        size_t j = boiler_letters_end(s, i, len);
        if (j > i && (boiler_listed(boiler_jobs, BOILER_COUNT(boiler_jobs), s + i, j - i) ||
                      boiler_listed(boiler_note_jobs, BOILER_COUNT(boiler_note_jobs), s + i, j - i)))
            return 1;
        while (j < len && s[j] != ' ')
            j++;
        i = j + (j < len);
    }
    return 0;
}

/* Whether line I of DOC heads an author's box: "About", "Sobre", "Über", "Acerca de" or "À propos
 * de", then a name of 2 to 4 capitalised words and nothing else ("Sobre Carlos Nadalim", "Über
 * Moritz Bachmann"), with the name's last word in the next line that is not blank, the note on
 * the author ("Pai de Francesco e Teresa ..., Carlos Nadalim é também ..."). A section's
 * heading names no one in the line below it, or has a word in lower case ("About the deal"). */
static int boiler_author_heading(const clean_doc *doc, size_t i)
{
    static const char *const abouts[] = {"About ", "Sobre ", "\xc3\x9c" "ber ", "Acerca de ", "\xc3\x80 propos de "};
    const char *s = doc_line(doc, i);
    size_t len = doc->lines[i].len, at = 0;
    for (size_t k = 0; k < BOILER_COUNT(abouts) && !at; k++)
        if (len > strlen(abouts[k]) && !memcmp(s, abouts[k], strlen(abouts[k])))
            at = strlen(abouts[k]);
    if (!at)
        return 0;
    size_t names, last = at;
    if (boiler_name_end(s, len, at, &names, &last) < len || names < 2) /* the name and nothing else */
        return 0;
    size_t next = i + 1;
    while (next < doc->n && doc->lines[next].blank)
        next++;
    return next < doc->n && memmem(doc_line(doc, next), doc->lines[next].len, s + last, len - last);
}

/* Whether block BK, short, is a sentence of the story's own: words enough, as many stop words
 * as prose has, a full stop at its end (not a teaser's question, nor a label's colon), and no
 * word of the story's staff (boiler_staff_line). News stories often end on one: "A spokesman
 * declined to comment." */
static int boiler_closing_sentence(clean_doc *doc, const block_info *bk, int stoplang)
{
    const char *s = doc_line(doc, bk->last);
    size_t len = doc->lines[bk->last].len;
    for (;;) { /* past the quotes and brackets that close it: ” ’ » " ' ) */
        if (len && (s[len - 1] == '"' || s[len - 1] == '\'' || s[len - 1] == ')'))
            len--;
        else if (len >= 3 && !memcmp(s + len - 3, "\xe2\x80", 2) && (s[len - 1] == '\x9d' || s[len - 1] == '\x99'))
            len -= 3;
        else if (len >= 2 && !memcmp(s + len - 2, "\xc2\xbb", 2))
            len -= 2;
        else
            break;
    }
    int full_stop = len >= 2 && s[len - 1] == '.' && s[len - 2] != '.';
    if (!stoplang || !full_stop || bk->words < BOILER_CLOSING_MIN_WORDS ||
        (double)bk->stops / bk->words < BOILER_STOPS_LOW)
        return 0;
    for (size_t i = bk->first; i <= bk->last; i++)
        if (boiler_staff_line(doc_line(doc, i), doc->lines[i].len))
            return 0;
    return 1;
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

/* Whether line I of DOC goes on with the sentence of the line before it, as hard-wrapped text
 * does ("... a dividend of 10 cts a" / "share on its common stock, said James E. Olson."): that
 * line is long (in TYPED copy, of any length: "Divi Hotels N.V. said its board" / "recommended
 * that shareholders approve ..."), kept, and ends in a word or a comma, and this one begins in
 * lower case with two words or more, or with one that ends the sentence ("... reported earlier
 * this" / "year."). Such a line is a sentence's middle or end, whatever a pattern of furniture
 * or the lines learned from the corpus say of its words. */
static int boiler_continues(const clean_doc *doc, size_t i, int typed)
{
    const clean_line *before = i ? &doc->lines[i - 1] : NULL;
    if (!before || before->blank || before->drop || (before->len < BOILER_WRAP_MIN && !typed))
        return 0;
    const char *s = doc_line(doc, i);
    size_t len = doc->lines[i].len;
    return doc_open_end(doc, i - 1) && len && s[0] >= 'a' && s[0] <= 'z' &&
           (memchr(s, ' ', len) || doc_sentence_ended(s, len));
}

/* Whether the lines around line I of DOC, the nearest before and after it that are not blank,
 * are both paragraphs of a story. */
static int boiler_between_paragraphs(const clean_doc *doc, size_t i)
{
    size_t before = i, after = i + 1;
    while (before > 0 && doc->lines[before - 1].blank)
        before--;
    while (after < doc->n && doc->lines[after].blank)
        after++;
    return before > 0 && after < doc->n && doc_paragraph(doc_line(doc, before - 1), doc->lines[before - 1].len) &&
           doc_paragraph(doc_line(doc, after), doc->lines[after].len);
}

/* Whether line I of DOC may go on with the sentence or the table row of the last kept line
 * before it that is not blank: that line ends in a word, a figure or a comma ("... 17.1 mln
 * dlrs at December" / "31", "Oper net profit 1,492,000 vs profit" / "1,842,000"). */
static int boiler_goes_on(const clean_doc *doc, size_t i)
{
    while (i > 0 && (doc->lines[i - 1].blank || doc->lines[i - 1].drop))
        i--;
    return i > 0 && doc_open_end(doc, i - 1);
}

/* Whether one of the next two lines of DOC after line I that are not blank is a table's row
 * (the first may spell its figures: "Shr profit two cts vs profit 34 cts"). */
static int boiler_heads_row(const clean_doc *doc, size_t i)
{
    for (int seen = 0; seen < 2 && ++i < doc->n;) {
        if (doc->lines[i].blank)
            continue;
        if (boiler_table_row(doc_line(doc, i), doc->lines[i].len))
            return 1;
        seen++;
    }
    return 0;
}

/* Whether DOC is typed copy, a wire's or a mail's: a paragraph begins indented right under a
 * line of text, as Reuters' do ("    The company said ..."), and no scraped page's does (no page
 * of the boilerplate dev set, nor any kpcrowd story, has an indented line). Such copy has no
 * page's furniture around it: jusText's classification, made for pages, took a short story's
 * lead line for a heading beside nothing ("Tribune Co said it will offer up to 100"), and an
 * earnings report's rows for a menu, 4,138 lines of 862 of Reuters' stories. */
static int boiler_typed_copy(const clean_doc *doc)
{
    for (size_t i = 1; i < doc->n; i++) {
        const clean_line *l = &doc->lines[i], *above = &doc->lines[i - 1];
        if (l->indent < 2 || l->blank || above->blank || above->indent >= 2)
            continue;
        /* Not a list's item, which a page converted to text indents under its paragraph: a
         * bullet and a space ("  * item", "  - item", "  • item") or a number ("  1. item"). */
        const char *s = doc_line(doc, i);
        size_t len = l->len;
        size_t bullet = memchr("*-+", s[0], 3) ? 1 : len >= 3 && !memcmp(s, "\xe2\x80\xa2", 3) ? 3 : 0;
        if (!(bullet && len > bullet && s[bullet] == ' ') && !boiler_list_number(s, len))
            return 1;
    }
    return 0;
}

void boiler_classify(const boiler *b, clean_doc *doc)
{
    int typed = boiler_typed_copy(doc);
    /* 1. Furniture, line by line. */
    for (size_t i = 0; i < doc->n; i++) {
        clean_line *l = &doc->lines[i];
        if (l->blank || l->drop)
            continue;
        if (boiler_continues(doc, i, typed))
            continue;
        const char *rule = boiler_furniture(b, doc_line(doc, i), l->len, &l->related);
        /* A label that recurs across the corpus heads a table's rows, not furniture, where
         * rows follow it ("Year" above a report's annual figures). */
        if (rule && !strcmp(rule, "learned-furniture") && boiler_heads_row(doc, i))
            rule = NULL;
        /* A wire's rows of figures read as phone numbers ("PERU 56 28 238 104"), and a phone
         * number in a wire's copy is its story's ("physicians can call 1-800-843-9388"). */
        if (typed && rule && !strcmp(rule, "phone"))
            rule = NULL;
        if (rule) {
            l->drop = 1;
            l->rule = rule;
        }
    }
    /* 2. Blocks. Hard-wrapped text (as Reuters') is told by its lines: most of a similar,
     * medium length, most not ending a sentence. There a paragraph runs to a blank or indented
     * line. Elsewhere a line that does not end a sentence continues on the next if it is long,
     * or if its sentence runs onto the next, and every other line is a block of its own. */
    size_t lines = 0, medium = 0, open_ended = 0;
    for (size_t i = 0; i < doc->n; i++) {
        const clean_line *l = &doc->lines[i];
        if (l->blank || l->drop)
            continue;
        lines++;
        medium += l->len >= BOILER_WRAP_MIN && l->len <= BOILER_WRAP_MAX;
        open_ended += !doc_line_closed(doc_line(doc, i), l->len);
    }
    int wrapped = lines >= 3 && medium * 2 >= lines && open_ended * 5 >= lines * 2;
    /* Hard-wrapped text and typed copy come from wires and mail, not scraped pages (which hold
     * a paragraph on a line): their only furniture is what the patterns above find. */
    if (wrapped || typed)
        return;
    /* A scraped page's template, the lines it repeats, goes before the classification: kept in
     * their place, its captions lent the story's short lines between them a bad verdict. */
    boiler_drop_template(doc);
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
                        : doc_runs_on(doc, j)))
            j++;
        bk[nb].first = i;
        bk[nb].last = j;
        bk[nb].cls = boiler_block_class(doc, &bk[nb], stoplang);
        bk[nb].closed = 0;
        nb++;
        i = j;
    }
    /* A scraped page's first line is its title (the headline and the site's name): it stands
     * above the page's menus, not beside the story, and lends them no verdict. Decided by its
     * neighbours, as a heading is; the title rule takes it out of the text all the same. */
    size_t first_line = 0;
    while (first_line < doc->n && doc->lines[first_line].blank)
        first_line++;
    if (nb && bk[0].first == first_line && bk[0].last == first_line &&
        meta_site_name(doc_line(doc, first_line), doc->lines[first_line].len) < doc->lines[first_line].len)
        bk[0].cls = CLS_SHORT;
    boiler_link_neighbours(bk, nb);
    /* 4. Context, as jusText: short blocks take their neighbours' verdict, then near-good
     * blocks are kept beside good ones. */
    int *final = malloc((nb + 1) * sizeof *final);
    if (!final)
        abort();
    size_t verdict_at = nb; /* the last good or bad block so far: prev_verdict's */
    for (size_t k = 0; k < nb; k++) {
        int c = bk[k].cls;
        if (c == CLS_GOOD || c == CLS_BAD)
            verdict_at = k;
        if (c == CLS_SHORT) {
            int prev = bk[k].prev_verdict, next = bk[k].next_verdict;
            if (prev == CLS_GOOD && next == CLS_GOOD)
                c = CLS_GOOD;
            else if (prev == CLS_BAD && next == CLS_BAD)
                c = CLS_BAD;
            else if (prev == CLS_GOOD && boiler_closing_sentence(doc, &bk[k], stoplang)) {
                c = CLS_GOOD; /* a sentence of the story's after its body: its last, or one
                               * before the page's furniture that follows the story */
                bk[verdict_at].closed = 1;
            }
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
        /* Closing sentences kept after it are good neighbours, though short. */
        if (bk[k].prev_verdict == CLS_BAD && bk[k].next_verdict == CLS_BAD && !bk[k].closed)
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
    /* A numbered list after a paragraph of the story's is the story's, however short its items
     * (a shopping list's products): before the end markers, which still end it where one
     * stands before it. */
    boiler_keep_numbered(doc);
    /* 5. The article ends at the first end marker that follows a good part of its body. A
     * related-stories marker over a list with prose after it is an inset in the article (a
     * tabloid sets several into one story), and ends nothing. An author's note ends it as a
     * related-stories marker does, with more of the body before it than after. A publisher's
     * notice of rights ends it once some of the body is behind, however much follows: the
     * footer of a page whose teasers come after it. */
    size_t good_total = 0;
    for (size_t i = 0; i < doc->n; i++)
        if (!doc->lines[i].drop && !doc->lines[i].blank)
            good_total += doc->lines[i].len;
    size_t good_before = 0, inset_end = 0;
    for (size_t i = 0; i < doc->n; i++) {
        const clean_line *l = &doc->lines[i];
        if (l->blank)
            continue;
        const char *text = doc_line(doc, i);
        int w = BOILER_COMMENT_MAX_WORDS + 1, st;
        if (good_before >= BOILER_END_MIN_BODY && l->len <= BOILER_NORM_MAX)
            boiler_line_counts(doc, i, &w, &st);
        int ends = w <= BOILER_COMMENT_MAX_WORDS && boiler_comment_marker(b, text, l->len);
        /* Related-stories markers and authors' notes end it once most of its body is behind. */
        int body_behind = good_before >= BOILER_END_MIN_BODY && good_total - good_before <= good_before;
        /* A list's lines are no markers: once past, as each scan of the list below is its length. */
        if (!ends && body_behind && i >= inset_end && w <= BOILER_MARKER_WORDS && boiler_related_line(b, doc, i)) {
            size_t inset = boiler_inset_list(doc, i);
            ends = !inset;
            inset_end = inset;
        }
        ends = ends || (body_behind && (boiler_author_note(text, l->len) || boiler_author_heading(doc, i))) ||
               (good_before >= BOILER_END_MIN_BODY && rights_footer(text, l->len));
        if (!ends) {
            if (!l->drop)
                good_before += l->len;
            continue;
        }
        for (size_t j = i; j < doc->n; j++)
            doc_drop(&doc->lines[j], "after-article");
        break;
    }
    /* 6. Lists of other stories under their headings, and menus, last: kept in their place until
     * now, as the page's other lines, they lent their neighbours a verdict and the end markers a
     * measure of the body. */
    boiler_drop_lists(b, doc);
    boiler_drop_menus(doc);
    boiler_drop_playlists(doc);
    /* A date alone on its line is a page's stamp, not the story's: under a headline, beside a
     * list's items. Not in hard-wrapped text, where a sentence goes on over such a line ("...
     * between February 1, 1985 and" / "April 2, 1987"), nor between two of the story's
     * paragraphs, where it heads the next (a timeline's). A figure alone is a counter, unless a
     * sentence or a table's row may go on with it. */
    for (size_t i = 0; i < doc->n; i++) {
        clean_line *l = &doc->lines[i];
        if (l->blank || l->drop)
            continue;
        const char *text = doc_line(doc, i);
        if (boiler_date_alone(text, l->len) && !boiler_between_paragraphs(doc, i))
            doc_drop(l, "time-stamp");
        else if (boiler_figure_alone(text, l->len) && !boiler_goes_on(doc, i))
            doc_drop(l, "share-count");
    }
    free(final);
    free(bk);
}
