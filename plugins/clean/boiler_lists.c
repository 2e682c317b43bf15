/* boiler_lists.c: lists of links that a page's classification kept (the other stories under a
 * list's heading, "Trending News", "Most Read", and the long runs of a menu's short lines), and
 * the story's own numbered lists, which it dropped. */
#include "clean.h"

#include <string.h>
#include <strings.h>

/* A list's heading is a short line, as the related-stories markers that end an article are
 * (BOILER_MARKER_WORDS). */
#define LISTS_HEADING_MAX_BYTES 80
/* A list is two lines or more, each a headline or a headline's one-sentence summary: an
 * article's paragraph is longer, and stands alone between blank lines on a scraped page. */
#define LISTS_MIN_LINES 2
#define LISTS_LINE_MAX_WORDS 30

/* The first of lines FIRST to LAST (exclusive) of DOC that is too long for a list's: LAST if
 * none. */
static size_t lists_long_line(const clean_doc *doc, size_t first, size_t last)
{
    while (first < last && doc_words(doc_line(doc, first), doc->lines[first].len) <= LISTS_LINE_MAX_WORDS)
        first++;
    return first;
}

/* Whether lines FIRST to LAST (exclusive) of DOC read as a list: enough of them, each short. */
static int lists_shaped(const clean_doc *doc, size_t first, size_t last)
{
    return last - first >= LISTS_MIN_LINES && lists_long_line(doc, first, last) == last;
}

/* The line after line I of DOC that is not blank: DOC->n if none. */
static size_t lists_next_text(const clean_doc *doc, size_t i)
{
    while (i + 1 < doc->n && doc->lines[i + 1].blank)
        i++;
    return i + 1;
}

/* The end (exclusive) of the paragraph that begins at line FIRST of DOC. */
static size_t lists_paragraph_end(const clean_doc *doc, size_t first)
{
    while (first < doc->n && !doc->lines[first].blank)
        first++;
    return first;
}

size_t boiler_inset_list(const clean_doc *doc, size_t i)
{
    size_t first = lists_next_text(doc, i), end = lists_paragraph_end(doc, first);
    if (!lists_shaped(doc, first, end))
        return 0;
    size_t after = lists_next_text(doc, end - 1);
    return after < doc->n && doc_paragraph(doc_line(doc, after), doc->lines[after].len) ? end : 0;
}

void boiler_drop_lists(const boiler *b, clean_doc *doc)
{
    for (size_t i = 0; i < doc->n; i++) {
        const clean_line *heading = &doc->lines[i];
        if (heading->blank || heading->len > LISTS_HEADING_MAX_BYTES ||
            doc_words(doc_line(doc, i), heading->len) > BOILER_MARKER_WORDS || !boiler_related_line(b, doc, i))
            continue;
        /* The paragraph below, past the blank lines that a page's markup may leave between a
         * heading and its list. */
        size_t first = lists_next_text(doc, i), last = lists_paragraph_end(doc, first);
        size_t long_at = lists_long_line(doc, first, last);
        if (long_at < last) {
            /* No heading above the long line in this paragraph heads a list either: the
             * paragraph below each holds that line. Past it, at once: a page of a thousand
             * headings over one long line cost a thousand scans of it. */
            if (long_at > i + 1)
                i = long_at - 1;
            continue;
        }
        if (last - first < LISTS_MIN_LINES)
            continue;
        for (size_t k = first; k < last; k++)
            doc_drop(&doc->lines[k], "link-list");
        i = last - 1;
    }
}

/* A menu is a run of 8 lines or more (blank lines aside), each a link's label: 4 words at most
 * and under 40 bytes ("Home", "World", "Climate & Environment", "Share this:"). A figure makes a
 * line data, not a label ("VIP : 60,000"): a price list or a table stays. A full stop, a comma
 * or a semicolon at its end makes it a sentence's or a verse's: a short poem's lines stay. */
#define MENU_MIN_LINES 8
#define MENU_LINE_MAX_WORDS 4
#define MENU_LINE_MAX_BYTES 40

/* A blog's widgets count what each link leads to: categories and archives by their posts
 * ("Politik (3)", "November 2019 (12)"), headlines by their comments ("Week 12 power rankings
 * (133)"). A run of 6 lines or more (blank lines aside), each a label of 16 words at most with a
 * count in brackets at its end, is such a list. A story's table of figures writes them in
 * columns, or after a colon; a label ending as a sentence ("... said (2).") is no link's. */
#define COUNTED_MIN_LINES 6
#define COUNTED_LABEL_MAX_WORDS 16

/* Whether line I of DOC reads as a menu's item. */
static int menu_item(const clean_doc *doc, size_t i)
{
    const char *s = doc_line(doc, i);
    size_t len = doc->lines[i].len;
    if (len >= MENU_LINE_MAX_BYTES || doc_words(s, len) > MENU_LINE_MAX_WORDS || strchr(".,;", s[len - 1]))
        return 0;
    for (size_t k = 0; k < len; k++)
        if (s[k] >= '0' && s[k] <= '9')
            return 0;
    return 1;
}

/* Whether line I of DOC reads as a counted list's item: a label, a space and a count in brackets,
 * digits with perhaps a thousands' separator. */
static int counted_item(const clean_doc *doc, size_t i)
{
    const char *s = doc_line(doc, i);
    size_t len = doc->lines[i].len;
    if (len < 4 || s[len - 1] != ')')
        return 0;
    size_t open = len - 1, digits = 0;
    while (open > 0 && s[open - 1] != '(') {
        char c = s[open - 1];
        if (c >= '0' && c <= '9')
            digits++;
        else if (c != ',' && c != '.')
            return 0;
        open--;
    }
    /* OPEN is just past the bracket: the label before it and its space. */
    if (!digits || open < 3 || s[open - 2] != ' ')
        return 0;
    size_t label = open - 2;
    return !strchr(".,;:", s[label - 1]) && doc_words(s, label) <= COUNTED_LABEL_MAX_WORDS;
}

/* Whether the last line before line I of DOC that is not blank introduces a list of the story's
 * own: a kept line that ends in a colon ("The nominees are:"), or, if PARAGRAPH, a kept
 * paragraph of the story's. */
static int lists_introduced(const clean_doc *doc, size_t i, int paragraph)
{
    while (i > 0 && doc->lines[i - 1].blank)
        i--;
    if (i == 0 || doc->lines[i - 1].drop)
        return 0;
    const char *s = doc_line(doc, i - 1);
    size_t len = doc->lines[i - 1].len;
    return s[len - 1] == ':' || (paragraph && doc_paragraph(s, len));
}

/* Drops, as RULE, each run of MIN lines or more of DOC (blank lines aside) that ITEM takes for a
 * list's, unless a kept line introduces it. */
static void lists_drop_runs(clean_doc *doc, int (*item)(const clean_doc *, size_t), size_t min, const char *rule)
{
    size_t i = 0;
    while (i < doc->n) {
        if (doc->lines[i].blank || !item(doc, i)) {
            i++;
            continue;
        }
        size_t j = i, items = 0;
        while (j < doc->n && (doc->lines[j].blank || item(doc, j))) {
            items += !doc->lines[j].blank;
            j++;
        }
        if (items >= min && !lists_introduced(doc, i, 0))
            for (size_t k = i; k < j; k++)
                if (!doc->lines[k].blank)
                    doc_drop(&doc->lines[k], rule);
        i = j;
    }
}

void boiler_drop_menus(clean_doc *doc)
{
    lists_drop_runs(doc, menu_item, MENU_MIN_LINES, "menu");
    lists_drop_runs(doc, counted_item, COUNTED_MIN_LINES, "counted-list");
}

/* A video player's playlist, as CNN sets one above its stories: a count of its videos alone on
 * a line, "(16 Videos)", then their titles, a line each. Its titles are headlines: none is a
 * paragraph, and the first one that is ends the list, whatever the count says. */
#define PLAYLIST_MAX_VIDEOS 100

/* The count of line I of DOC if it is a playlist's ("(16 Videos)", "(1 video)"), or 0. */
static size_t playlist_count(const clean_doc *doc, size_t i)
{
    const char *s = doc_line(doc, i);
    size_t len = doc->lines[i].len, n = 0, k = 1;
    if (len < 9 || s[0] != '(' || s[len - 1] != ')')
        return 0;
    while (k < len && s[k] >= '0' && s[k] <= '9' && n <= PLAYLIST_MAX_VIDEOS)
        n = n * 10 + (size_t)(s[k++] - '0');
    if (k == 1 || n > PLAYLIST_MAX_VIDEOS || s[k] != ' ')
        return 0;
    size_t word = len - 1 - (k + 1);
    return (word == 5 || word == 6) && !strncasecmp(s + k + 1, "videos", word) ? n : 0;
}

void boiler_drop_playlists(clean_doc *doc)
{
    for (size_t i = 0; i < doc->n; i++) {
        size_t videos = doc->lines[i].blank ? 0 : playlist_count(doc, i);
        if (videos)
            doc_drop(&doc->lines[i], "playlist");
        for (size_t k = i + 1; videos && k < doc->n; k++) {
            clean_line *l = &doc->lines[k];
            if (l->blank)
                continue;
            if (doc_paragraph(doc_line(doc, k), l->len))
                break;
            doc_drop(l, "playlist");
            videos--;
            i = k;
        }
    }
}

/* A story's numbered list: items numbered 1, 2, 3, ... in order, 3 of them at least, each at the
 * start of its line, the number and a full stop or a bracket, then a space ("1) Lego Star Wars
 * 75188", "2. Go topless"). Other lines may stand between the items (a link's address, a
 * paragraph on each). */
#define NUMBERED_MIN_ITEMS 3
/* The most lines, blank ones aside, between two items: a list whose next item is further away
 * has ended, and what the page sets below is not the story's. */
#define NUMBERED_MAX_GAP 10

int boiler_list_number(const char *s, size_t len)
{
    size_t digits = 0;
    while (digits < len && digits < 3 && s[digits] >= '0' && s[digits] <= '9')
        digits++;
    if (!digits || digits > 2 || digits + 2 >= len || (s[digits] != '.' && s[digits] != ')') ||
        s[digits + 1] != ' ' || s[digits + 2] == ' ')
        return 0;
    return digits == 1 ? s[0] - '0' : (s[0] - '0') * 10 + s[1] - '0';
}

void boiler_keep_numbered(clean_doc *doc)
{
    for (size_t i = 0; i < doc->n; i++) {
        if (doc->lines[i].blank || boiler_list_number(doc_line(doc, i), doc->lines[i].len) != 1 ||
            !lists_introduced(doc, i, 1))
            continue;
        /* The items in order, and where the last is. */
        size_t last = i, gap = 0;
        int next = 2;
        for (size_t k = i + 1; k < doc->n && gap < NUMBERED_MAX_GAP; k++) {
            if (doc->lines[k].blank)
                continue;
            int number = boiler_list_number(doc_line(doc, k), doc->lines[k].len);
            if (number == next) {
                last = k;
                next++;
                gap = 0;
            } else if (number) {
                break;
            } else {
                gap++;
            }
        }
        if (next - 1 < NUMBERED_MIN_ITEMS)
            continue;
        /* The items, and what the classification alone dropped between them, are the story's;
         * furniture (a link's address) stays out. */
        for (size_t k = i; k <= last; k++)
            if (doc->lines[k].drop && doc->lines[k].rule && !strcmp(doc->lines[k].rule, "boilerplate"))
                doc->lines[k].drop = 0;
        i = last;
    }
}
