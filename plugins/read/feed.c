/* feed.c: RSS 2.0, RSS 1.0 (RDF) and Atom feeds read as their items, parsed by libxml2 (see
 * feed.h). */
#include "feed.h"
#include "encname.h"
#include "guess.h"
#include "intern.h"
#include "utf16.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* The namespaces of content:encoded and of Dublin Core's date and creator, which RSS feeds use
 * beside their own elements. */
#define FEED_NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define FEED_NS_DC "http://purl.org/dc/elements/1.1/"

/* Skips XML's white space, comments, processing instructions and a DOCTYPE at *P (before END):
 * what may stand before the root element. */
static void feed_skip_prolog(const char **p, const char *end)
{
    for (;;) {
        while (*p < end && isspace((unsigned char)**p))
            (*p)++;
        const char *close = NULL;
        if (end - *p >= 4 && !memcmp(*p, "<!--", 4)) {
            for (const char *q = *p + 4; q + 3 <= end && !close; q++)
                if (!memcmp(q, "-->", 3))
                    close = q + 3;
        } else if (end - *p >= 2 && (!memcmp(*p, "<?", 2) || !memcmp(*p, "<!", 2))) {
            const char *gt = memchr(*p, '>', (size_t)(end - *p));
            close = gt ? gt + 1 : NULL;
        } else {
            return;
        }
        if (!close) {
            *p = end;
            return;
        }
        *p = close;
    }
}

int feed_sniff(const char *s, size_t n)
{
    const char *p = s, *end = s + n;
    p += read_utf8_mark(p, n);
    feed_skip_prolog(&p, end);
    if (p >= end || *p != '<')
        return 0;
    p++;
    static const char *const roots[] = {"rss", "feed", "rdf:RDF", "RDF"};
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
        size_t len = strlen(roots[i]);
        if ((size_t)(end - p) > len && !memcmp(p, roots[i], len) &&
            (isspace((unsigned char)p[len]) || p[len] == '>' || p[len] == '/'))
            return 1;
    }
    return 0;
}

/* Whether element N is NAME, in namespace NS (NULL: any, or none). */
static int feed_is(const xmlNode *n, const char *name, const char *ns)
{
    if (!n || n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name) != 0)
        return 0;
    return !ns || (n->ns && n->ns->href && !strcmp((const char *)n->ns->href, ns));
}

/* The first child element of PARENT named NAME (in NS, if given), or NULL. */
static xmlNode *feed_child(const xmlNode *parent, const char *name, const char *ns)
{
    for (xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
        if (feed_is(c, name, ns))
            return c;
    return NULL;
}

/* The text of N and what it holds, into OUT, NUL-terminated: text and CDATA, in order. A
 * reference to an entity of the feed's own DTD is left out, not expanded: expanding them is how
 * a few hundred bytes become gigabytes ("billion laughs"). */
static void feed_text_into(const xmlNode *n, xmlBuffer *out)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            xmlBufferCat(out, c->content);
        else if (c->type == XML_ELEMENT_NODE)
            feed_text_into(c, out);
    }
}

/* N's text, its ends trimmed, or NULL if it has none: a new string (free). */
static char *feed_text(const xmlNode *n)
{
    if (!n)
        return NULL;
    xmlBuffer *b = xmlBufferCreate();
    feed_text_into(n, b);
    const char *t = (const char *)xmlBufferContent(b);
    size_t len = (size_t)xmlBufferLength(b);
    while (len && isspace((unsigned char)t[len - 1]))
        len--;
    while (len && isspace((unsigned char)*t)) {
        t++;
        len--;
    }
    char *out = len ? strndup(t, len) : NULL;
    xmlBufferFree(b);
    return out;
}

/* The text of the first child of PARENT named NAME that has any: an RSS item may hold Atom's
 * empty <atom:link href="..."/> beside its own <link>, in either order. */
static char *feed_child_text(const xmlNode *parent, const char *name)
{
    for (xmlNode *c = parent ? parent->children : NULL; c; c = c->next) {
        char *t = feed_is(c, name, NULL) ? feed_text(c) : NULL;
        if (t)
            return t;
    }
    return NULL;
}

/* Atom content of type "xhtml": its markup, as clean reads HTML; other types: its text. */
static char *feed_content(xmlDoc *doc, const xmlNode *n)
{
    xmlChar *type = n ? xmlGetProp(n, (const xmlChar *)"type") : NULL;
    int xhtml = type && !strcmp((const char *)type, "xhtml");
    xmlFree(type);
    if (!xhtml)
        return feed_text(n);
    xmlBuffer *b = xmlBufferCreate();
    for (xmlNode *c = n->children; c; c = c->next)
        xmlNodeDump(b, doc, c, 0, 0);
    char *out = xmlBufferLength(b) ? strdup((const char *)xmlBufferContent(b)) : NULL;
    xmlBufferFree(b);
    return out;
}

/* An Atom entry's link: the href of its <link rel="alternate"> (or one without rel). */
static char *feed_atom_link(const xmlNode *entry)
{
    for (xmlNode *c = entry->children; c; c = c->next) {
        if (!feed_is(c, "link", NULL))
            continue;
        xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
        int alternate = !rel || !strcmp((const char *)rel, "alternate");
        xmlFree(rel);
        if (!alternate)
            continue;
        xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
        char *out = href ? strdup((const char *)href) : NULL;
        xmlFree(href);
        return out;
    }
    return NULL;
}

/* N's attribute NAME, or NULL if it has none or an empty one: a new string (free). */
static char *feed_attr(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *out = v && *v ? strdup((const char *)v) : NULL;
    xmlFree(v);
    return out;
}

/* ITEM's categories, each once, in order, as the keys of a new table (NULL if it has none):
 * RSS <category>Business</category> and Dublin Core's <dc:subject>; Atom's <category
 * term="biz" label="Business"/>, by its label where it has one. A table, not a list searched
 * for each name: a hostile feed may give one item a million of them. */
static intern *feed_categories(const xmlNode *item, int atom)
{
    intern *names = NULL;
    for (const xmlNode *c = item->children; c; c = c->next) {
        char *name = NULL;
        if (atom && feed_is(c, "category", NULL)) {
            if (!(name = feed_attr(c, "label")))
                name = feed_attr(c, "term");
        } else if (!atom && (feed_is(c, "category", NULL) || feed_is(c, "subject", FEED_NS_DC))) {
            name = feed_text(c);
        }
        if (!name)
            continue;
        if (!names)
            names = intern_new(0);
        intern_put(names, name, strlen(name), NULL, NULL);
        free(name);
    }
    return names;
}

static const char *const feed_months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};

/* Whether Y-M-D is a day of the calendar, into OUT as YYYY-MM-DD. */
static int feed_put_date(int y, int m, int d, char *out)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return -1;
    const int parts[] = {y, m, d}, widths[] = {4, 2, 2};
    for (int k = 0, at = 0; k < 3; at += widths[k++] + 1) {
        for (int i = widths[k] - 1, v = parts[k]; i >= 0; i--, v /= 10)
            out[at + i] = (char)('0' + v % 10);
        out[at + widths[k]] = k < 2 ? '-' : '\0';
    }
    return 0;
}

int feed_date(const char *s, char *out)
{
    while (isspace((unsigned char)*s))
        s++;
    int y, m, d, n = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10)
        return feed_put_date(y, m, d, out); /* ISO 8601 */
    const char *comma = strchr(s, ',');
    if (comma && comma - s <= 9) /* a day's name first: "Tue," */
        s = comma + 1;
    char month[4] = "";
    n = 0;
    if (sscanf(s, " %2d %3s %d%n", &d, month, &y, &n) != 3)
        return -1;
    for (m = 0; m < 12 && strcasecmp(month, feed_months[m]) != 0; m++)
        ;
    if (y < 100) /* RFC 822's two-digit years */
        y += y < 50 ? 2000 : 1900;
    return feed_put_date(y, m + 1, d, out);
}

/* The items' parent and the names that tell their parts, for one kind of feed. */
typedef struct feed_kind {
    const char *item, *id, *text, *summary, *date, *updated;
    int atom;
} feed_kind;

static const feed_kind feed_rss = {"item", "guid", NULL, "description", "pubDate", NULL, 0};
static const feed_kind feed_atom = {"entry", "id", "content", "summary", "published", "updated", 1};

/* Calls FN with ITEM's parts; its strings are freed after. */
static void feed_item_read(xmlDoc *doc, const xmlNode *node, const feed_kind *k, size_t number,
                           const char *source, feed_item_fn fn, void *data)
{
    char *id = feed_text(feed_child(node, k->id, NULL));
    char *title = feed_text(feed_child(node, "title", NULL));
    char *text = k->atom ? feed_content(doc, feed_child(node, k->text, NULL))
                         : feed_text(feed_child(node, "encoded", FEED_NS_CONTENT));
    if (!text)
        text = feed_content(doc, feed_child(node, k->summary, NULL));
    char *url = k->atom ? feed_atom_link(node) : feed_child_text(node, "link");
    char *published = feed_text(feed_child(node, k->date, NULL));
    if (!published && k->updated)
        published = feed_text(feed_child(node, k->updated, NULL));
    if (!published)
        published = feed_text(feed_child(node, "date", FEED_NS_DC));
    char *author = k->atom ? feed_text(feed_child(feed_child(node, "author", NULL), "name", NULL))
                           : feed_text(feed_child(node, "creator", FEED_NS_DC));
    if (!author && !k->atom)
        author = feed_text(feed_child(node, "author", NULL));
    char date[11];
    long line = xmlGetLineNo(node);
    intern *categories = feed_categories(node, k->atom);
    feed_item item = {number, line > 0 ? (size_t)line : 0, id ? id : url, title, text, url,
                      published && feed_date(published, date) == 0 ? date : NULL, published, author, source,
                      categories};
    fn(data, &item);
    intern_free(categories);
    free(id);
    free(title);
    free(text);
    free(url);
    free(published);
    free(author);
}

/* The encoding the XML declaration at the start of S names, into NAME (CAP bytes): its length,
 * or 0 if it names none. */
static size_t feed_declared_encoding(const char *s, size_t n, char *name, size_t cap)
{
    size_t mark = read_utf8_mark(s, n);
    s += mark;
    n -= mark;
    if (n < 5 || memcmp(s, "<?xml", 5) != 0)
        return 0;
    const char *end = memchr(s, '>', n < 512 ? n : 512);
    const char *at = end ? memmem(s, (size_t)(end - s), "encoding", 8) : NULL;
    return at ? encname_value(at + 8, end, name, cap) : 0;
}

/* S parsed as XML in ENCODING (NULL: as it says, else UTF-8) into a new *CTXT (NULL if out of
 * memory). Recovering, a feed cut short or broken by one bad tag still gives the items before
 * the break; no network, no DTD loaded, no entity expanded. */
static xmlDoc *feed_parse(const char *s, size_t len, const char *encoding, xmlParserCtxt **ctxt)
{
    *ctxt = xmlNewParserCtxt();
    if (!*ctxt)
        return NULL;
    return xmlCtxtReadMemory(*ctxt, s, (int)len, NULL, encoding,
                             XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                 XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
}

int feed_read(const char *s, size_t len, const char *encoding, feed_item_fn fn, void *data, char *why,
              size_t cap)
{
    if (len > (size_t)INT_MAX) {
        snprintf(why, cap, "a feed larger than 2 GiB");
        return -1;
    }
    /* An encoding iconv does not know libxml2 would look up in ICU, whose tables then stay in
     * memory until the process ends: the feed is rejected instead, naming it. */
    char declared[64];
    int names = !encoding && feed_declared_encoding(s, len, declared, sizeof declared); /* one of its own */
    if (names && !encname_iconv_knows(declared, 1)) {
        snprintf(why, cap, "its XML declaration names encoding '%s', which iconv does not know ('iconv -l' "
                           "lists those it does)", declared);
        return -1;
    }
    xmlParserCtxt *ctxt = NULL;
    xmlDoc *doc = feed_parse(s, len, encoding, &ctxt);
    if (!ctxt) {
        snprintf(why, cap, "out of memory");
        return -1;
    }
    /* A feed that names no encoding and breaks may be in a legacy one (a crawl of a site in
     * Windows-1251): parsed again in the encoding guessed for it, it is taken if that mends it. */
    char guessed[64];
    if (!ctxt->wellFormed && !encoding && !names && guess_encoding(s, len, guessed, sizeof guessed)) {
        xmlParserCtxt *again = NULL;
        xmlDoc *mended = feed_parse(s, len, guessed, &again);
        if (again && again->wellFormed) {
            xmlFreeDoc(doc);
            xmlFreeParserCtxt(ctxt);
            doc = mended;
            ctxt = again;
        } else {
            xmlFreeDoc(mended);
            xmlFreeParserCtxt(again);
        }
    }
    const xmlError *err = xmlCtxtGetLastError(ctxt);
    int broken = !ctxt->wellFormed;
    char broke[200] = "";
    if (broken && err && err->message) {
        size_t mlen = strlen(err->message);
        while (mlen && isspace((unsigned char)err->message[mlen - 1]))
            mlen--;
        snprintf(broke, sizeof broke, "line %d: %.*s", err->line, (int)(mlen < 150 ? mlen : 150), err->message);
    } else if (broken) {
        snprintf(broke, sizeof broke, "no message from the parser");
    }
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    const feed_kind *kind = NULL;
    const xmlNode *parent = NULL, *head = NULL;
    if (feed_is(root, "rss", NULL)) {
        kind = &feed_rss;
        parent = head = feed_child(root, "channel", NULL);
    } else if (feed_is(root, "feed", NULL)) {
        kind = &feed_atom;
        parent = head = root;
    } else if (feed_is(root, "RDF", NULL)) { /* RSS 1.0: items beside the channel */
        kind = &feed_rss;
        parent = root;
        head = feed_child(root, "channel", NULL);
    }
    if (!kind) {
        int n = root ? snprintf(why, cap, "not an RSS or Atom feed: its root element is <%.60s>",
                                (const char *)root->name)
                     : snprintf(why, cap, "not an RSS or Atom feed: no XML element in it");
        if (*broke && n > 0 && (size_t)n < cap)
            snprintf(why + n, cap - (size_t)n, " (%s)", broke);
        xmlFreeDoc(doc);
        xmlFreeParserCtxt(ctxt);
        return -1;
    }
    char *source = feed_text(feed_child(head, "title", NULL));
    size_t number = 0;
    for (const xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
        if (feed_is(c, kind->item, NULL))
            feed_item_read(doc, c, kind, ++number, source, fn, data);
    free(source);
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    if (broken)
        snprintf(why, cap, "not well-formed XML (%s): %zu items read from it; any after the break are lost",
                 broke, number);
    return broken ? 1 : 0;
}
