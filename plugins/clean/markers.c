/* markers.c: what a page's furniture leaves inside a scraped paragraph, between two of its
 * sentences: an advertisement's label ("... this funny video." Advertisement Cameron wants ...),
 * a sidebar's marks, a link's prompt ("Click here for the whole thing."), a site's own sentences
 * ("Follow Fast Company on Twitter."), a list of links. */
#include "clean.h"

#include <string.h>

/* The labels, longest first where one begins another. On a line of their own they are
 * furniture (boiler_furniture.c); these are the same words inside a paragraph's line. */
static const struct {
    const char *s, *rule; /* rule: for explain */
} markers_labels[] = {{"Story continues below advertisement", "ad-marker"},
                      {"Story continues below", "ad-marker"},
                      {"Article continues below", "ad-marker"},
                      {"Advertisement", "ad-marker"},
                      {"ADVERTISEMENT", "ad-marker"},
                      {"Start of sidebar.", "sidebar"},
                      {"Skip to end of sidebar.", "sidebar"},
                      {"End of sidebar.", "sidebar"},
                      {"Return to start of sidebar.", "sidebar"}};

/* The sentences of a page's own that a scrape runs into a paragraph, each all furniture: what
 * opens it, what ends it (NULL: any words), and whether it must end the line, as a stray
 * sentence of the story's could also open so. */
static const struct {
    const char *opening, *ending, *rule;
    int last;
} markers_sentences[] = {
    {"Click here ", NULL, "link-prompt", 0},                 /* "Click here (pdf) to read the study." */
    {"Follow ", " on Twitter.", "site-sentence", 0},         /* "Follow Fast Company on Twitter." */
    {"Email ", ", the author of this post.", "site-sentence", 0},
    {"Subscribe to ", NULL, "site-sentence", 1}, /* "Subscribe to Detroit News home delivery and ..." */
};
/* The longest such sentence, in bytes, and the longest list that a label heads at a line's end
 * or in brackets. */
#define MARKERS_PROMPT_MAX 200
/* The labels that head a page's list after a story's last sentence, to the line's end ("...
 * the author of this post. Read More: Most Innovative Companies: Twitter"). */
static const char *const markers_tails[] = {"Read More: ", "Read more: ", "Related: ", "Tags: "};
/* A list of links in brackets between two sentences: "[Related: Extreme Living: Scientists at
 * the End of the Earth.]" */
static const char markers_related[] = "[Related: ";

/* Whether the bytes of S before AT end a sentence: a full stop, a question or an exclamation
 * mark, then any closing quotes or brackets, then a space; or AT is the line's start. */
static int markers_after_sentence(const char *s, size_t at)
{
    return !at || (s[at - 1] == ' ' && doc_sentence_ended(s, at - 1));
}

/* Whether the bytes of S (LEN bytes) from AT begin a sentence after a space, or are the line's
 * end: a capital, a figure or an opening quote. "Advertisement revenue fell" is a sentence. */
static int markers_before_sentence(const char *s, size_t len, size_t at)
{
    if (at == len)
        return 1;
    if (s[at] != ' ' || at + 1 == len)
        return 0;
    unsigned char c = (unsigned char)s[at + 1];
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || doc_opens_quote(s + at + 1, len - at - 1);
}

/* The length of a sentence of markers_sentences at AT of line S (LEN bytes), to its full stop,
 * question or exclamation mark, its rule into *RULE; 0 if none is there, or it runs on too
 * long. */
static size_t markers_sentence_at(const char *s, size_t len, size_t at, const char **rule)
{
    for (size_t k = 0; k < sizeof markers_sentences / sizeof *markers_sentences; k++) {
        size_t n = strlen(markers_sentences[k].opening);
        if (len - at < n || memcmp(s + at, markers_sentences[k].opening, n))
            continue;
        size_t e = at + n;
        while (e < len && e - at < MARKERS_PROMPT_MAX &&
               !((s[e] == '.' || s[e] == '!' || s[e] == '?') && (e + 1 == len || s[e + 1] == ' ')))
            e++;
        if (e == len || e - at >= MARKERS_PROMPT_MAX || (markers_sentences[k].last && e + 1 != len))
            continue;
        const char *ending = markers_sentences[k].ending;
        size_t m = ending ? strlen(ending) : 0;
        if (ending && (e + 1 - at < n + m || memcmp(s + e + 1 - m, ending, m)))
            continue;
        *rule = markers_sentences[k].rule;
        return e + 1 - at;
    }
    return 0;
}

/* The length of the label or prompt at AT of line S (LEN bytes) that stands between two
 * sentences, its rule into *RULE; or 0. */
static size_t markers_label_at(const char *s, size_t len, size_t at, const char **rule)
{
    if (!markers_after_sentence(s, at))
        return 0;
    size_t n = markers_sentence_at(s, len, at, rule);
    if (n && markers_before_sentence(s, len, at + n))
        return n;
    for (size_t k = 0; k < sizeof markers_tails / sizeof *markers_tails; k++) {
        n = strlen(markers_tails[k]);
        if (len - at > n && len - at <= MARKERS_PROMPT_MAX && !memcmp(s + at, markers_tails[k], n)) {
            *rule = "links";
            return len - at;
        }
    }
    n = sizeof markers_related - 1;
    if (len - at > n && !memcmp(s + at, markers_related, n)) {
        const char *close = memchr(s + at, ']', len - at < MARKERS_PROMPT_MAX ? len - at : MARKERS_PROMPT_MAX);
        if (close && markers_before_sentence(s, len, (size_t)(close - s) + 1)) {
            *rule = "links";
            return (size_t)(close - s) + 1 - at;
        }
    }
    for (size_t k = 0; k < sizeof markers_labels / sizeof *markers_labels; k++) {
        n = strlen(markers_labels[k].s);
        if (len - at >= n && !memcmp(s + at, markers_labels[k].s, n) && markers_before_sentence(s, len, at + n)) {
            *rule = markers_labels[k].rule;
            return n;
        }
    }
    return 0;
}

void markers_trim(clean_doc *doc)
{
    quarry_buf kept = {0};
    for (size_t i = 0; i < doc->n; i++) {
        clean_line *l = &doc->lines[i];
        if (l->blank || l->drop || l->len < 20)
            continue; /* a label alone on its line is furniture's */
        const char *s = doc_line(doc, i);
        size_t len = l->len, from = 0;
        kept.len = 0;
        for (size_t at = 0; at < len; at++) {
            if ((at && s[at - 1] != ' ') || !memchr("ASCERTF[", s[at], 8))
                continue; /* every label begins a word, with one of these */
            const char *rule;
            size_t n = markers_label_at(s, len, at, &rule);
            if (!n)
                continue;
            doc_explain(doc, rule, s + at, n);
            /* The label goes with the space before it; or, where it begins what is kept (the
             * line's start, or right after a label cut with the space after it: "Start of
             * sidebar. Skip to end of sidebar. The rest ..."), with the space after it. */
            int first = at == from;
            size_t cut = first ? at : at - 1, end = at + n + (first && at + n < len);
            quarry_buf_append(&kept, s + from, cut - from);
            from = end;
            at = end - 1;
        }
        if (!from)
            continue;
        quarry_buf_append(&kept, s + from, len - from);
        doc_set_line(doc, i, kept.data ? kept.data : "", kept.len);
    }
    quarry_buf_free(&kept);
}
