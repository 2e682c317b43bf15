/* boiler_lists.c: the list of other stories under a list's heading ("Trending News", "Most Read",
 * "More on this story"): the paragraph below it, a headline a line, goes as the heading does. */
#include "clean.h"

/* A list's heading is a short line, as the related-stories markers that end an article are. */
#define LISTS_HEADING_MAX_BYTES 80
#define LISTS_HEADING_MAX_WORDS 8
/* A list is two lines or more, each a headline or a headline's one-sentence summary: an
 * article's paragraph is longer, and stands alone between blank lines on a scraped page. */
#define LISTS_MIN_LINES 2
#define LISTS_LINE_MAX_WORDS 30

/* Whether lines FIRST to LAST (exclusive) of DOC read as a list: enough of them, each short. */
static int lists_shaped(const clean_doc *doc, size_t first, size_t last)
{
    if (last - first < LISTS_MIN_LINES)
        return 0;
    for (size_t i = first; i < last; i++)
        if (doc_words(doc_line(doc, i), doc->lines[i].len) > LISTS_LINE_MAX_WORDS)
            return 0;
    return 1;
}

void boiler_drop_lists(const boiler *b, clean_doc *doc)
{
    for (size_t i = 0; i < doc->n; i++) {
        const clean_line *heading = &doc->lines[i];
        const char *s = doc_line(doc, i);
        if (heading->blank || heading->len > LISTS_HEADING_MAX_BYTES ||
            doc_words(s, heading->len) > LISTS_HEADING_MAX_WORDS || !boiler_related_marker(b, s, heading->len))
            continue;
        /* The paragraph below, past the blank lines that a page's markup may leave between a
         * heading and its list. */
        size_t first = i + 1;
        while (first < doc->n && doc->lines[first].blank)
            first++;
        size_t last = first;
        while (last < doc->n && !doc->lines[last].blank)
            last++;
        if (!lists_shaped(doc, first, last))
            continue;
        for (size_t k = first; k < last; k++) {
            if (!doc->lines[k].drop) {
                doc->lines[k].drop = 1;
                doc->lines[k].rule = "link-list";
            }
        }
        i = last - 1;
    }
}
