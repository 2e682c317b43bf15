/* boiler_template.c: the lines a page repeats (a gallery's captions, a carousel's headlines, a
 * form's labels, a ticker's teasers rolled twice): its template, not its story. */
#include "clean.h"

#include <stdlib.h>
#include <string.h>

/* Shorter lines repeat in a story too ("Meal 1", "Q:"); a menu's labels are the menus' rule's. */
#define TEMPLATE_MIN_BYTES 40
/* Three copies make a template's line, whatever it says: a story does not tell a sentence three
 * times over. */
#define TEMPLATE_MIN_COPIES 3

/* A page's template shows itself in its furniture too: this many lines or more that the
 * furniture's rules took (share buttons, menus, links). A wire's story or table has its sign-off
 * at most, and the rows of figures that the phone rule takes: not counted. */
#define TEMPLATE_MIN_FURNITURE 2

/* Whether DOC reads as a scraped page, whose template its furniture shows. */
static int template_page(const clean_doc *doc)
{
    size_t furniture = 0;
    for (size_t i = 0; i < doc->n && furniture < TEMPLATE_MIN_FURNITURE; i++)
        furniture += doc->lines[i].drop && doc->lines[i].rule && strcmp(doc->lines[i].rule, "phone");
    return furniture >= TEMPLATE_MIN_FURNITURE;
}

/* Whether S ends in an ellipsis, as a teaser cut off does ("... may soon..."). */
static int template_cut_off(const char *s, size_t len)
{
    return len >= 3 && (!memcmp(s + len - 3, "...", 3) || !memcmp(s + len - 3, "\xe2\x80\xa6", 3));
}

/* Whether line I of DOC, which the page holds COPIES times, is its template's. Two copies are
 * unless the line is a paragraph, which a pull quote or the page's highlights repeat from the
 * story, or a table's row, whose figures a report may tell twice (a quarter's and a year's);
 * a paragraph cut off with an ellipsis is a teaser. */
static int template_line(const clean_doc *doc, size_t i, unsigned copies)
{
    const char *s = doc_line(doc, i);
    size_t len = doc->lines[i].len;
    if (copies >= TEMPLATE_MIN_COPIES)
        return 1;
    return copies == 2 && (!doc_paragraph(s, len) || template_cut_off(s, len)) && !boiler_table_row(s, len);
}

void boiler_drop_template(clean_doc *doc)
{
    if (!template_page(doc))
        return;
    repeats_index index;
    repeats_count(doc, TEMPLATE_MIN_BYTES, -1, &index);
    const size_t *first = index.first;
    /* The first line that no rule took is the headline, or the page's title (the headline and
     * the site's name): its copies are the headline's, which the title and repeats rules take,
     * and the title gives the document its 'title' field. */
    size_t headline = 0;
    while (headline < doc->n && (doc->lines[headline].blank || doc->lines[headline].drop))
        headline++;
    size_t title_copy = headline < doc->n ? first[headline] : REPEATS_NONE;
    for (size_t i = 0; i < doc->n; i++)
        if (first[i] != REPEATS_NONE && first[i] != title_copy && template_line(doc, i, index.copies[first[i]]))
            doc_drop(&doc->lines[i], "template");
    free(index.first);
}
