/* html.c: a story that came as an HTML page (or a fragment with its tags) turned into lines of
 * text, one a block, by libxml2's HTML parser; script, style and the head left out. */
#include "clean.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

/* Tags that mark a text as HTML when they open or close: common in pages and fragments, rare
 * in prose. "<BP>" of a wire story (a ticker) is none of them. */
static const char *const html_marker_tags[] = {
    "p", "div", "br", "span", "a", "html", "body", "head", "h1", "h2", "h3", "h4", "li", "ul",
    "table", "tr", "td", "script", "style", "article", "section", "img", "meta", "em", "strong",
    "b", "i", "blockquote", NULL};

/* Elements whose text no reader sees. */
static const char *const html_hidden_tags[] = {"script", "style", "noscript", "template", "head",
                                               "svg", "iframe", "object", NULL};

/* Elements that stand on lines of their own. */
static const char *const html_block_tags[] = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "tr", "td", "th", "table", "section", "article", "header", "footer", "nav", "aside", "main",
    "blockquote", "pre", "figure", "figcaption", "form", "address", "hr", "title", "caption", NULL};

static int html_in(const char *const *list, const char *name, size_t len)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == len && !strncasecmp(list[i], name, len))
            return 1;
    return 0;
}

int html_looks_like(const char *s, size_t len)
{
    int marks = 0;
    for (const char *p = memchr(s, '<', len); p; p = memchr(p, '<', len - (size_t)(p - s))) {
        p++;
        size_t left = len - (size_t)(p - s);
        if (left >= 8 && !strncasecmp(p, "!doctype", 8))
            return 1;
        size_t k = left && *p == '/';
        size_t start = k;
        while (k < left && isalnum((unsigned char)p[k]))
            k++;
        if (k > start && k < left && (p[k] == '>' || p[k] == ' ' || p[k] == '/' || p[k] == '\n') &&
            html_in(html_marker_tags, p + start, k - start) && ++marks >= 2)
            return 1;
    }
    return 0;
}

/* Appends text T to OUT with runs of white space as one space, as a browser shows it; *SPACE
 * says whether OUT ends in white space already. */
static void html_add_text(quarry_buf *out, const char *t, int *space)
{
    while (*t) {
        if (isspace((unsigned char)*t)) {
            if (!*space)
                quarry_buf_append(out, " ", 1);
            *space = 1;
            t++;
            continue;
        }
        const char *word = t;
        while (*t && !isspace((unsigned char)*t))
            t++;
        quarry_buf_append(out, word, (size_t)(t - word));
        *space = 0;
    }
}

/* Ends the current line of OUT at the edge of block element N, once: with a blank line, as
 * paragraphs are set apart in text (so that a headline stands alone), but a line break only
 * for <br>. */
static void html_break(quarry_buf *out, const xmlNode *n, int *space)
{
    while (out->len && out->data[out->len - 1] == ' ')
        out->len--;
    *space = 1;
    if (!out->len)
        return;
    size_t want = strcasecmp((const char *)n->name, "br") ? 2 : 1; /* line breaks at the end */
    size_t ends = 0;
    while (ends < want && ends < out->len && out->data[out->len - 1 - ends] == '\n')
        ends++;
    while (ends < want) {
        quarry_buf_append(out, "\n", 1);
        ends++;
    }
}

static int html_is_block(const xmlNode *n)
{
    const char *name = (const char *)n->name;
    return n->type == XML_ELEMENT_NODE && html_in(html_block_tags, name, strlen(name));
}

int html_to_text(const char *s, size_t len, quarry_buf *out)
{
    if (len > (size_t)INT_MAX)
        return -1;
    /* The text is UTF-8 by now, whatever a <meta charset> of the page says. */
    htmlDocPtr doc = htmlReadMemory(s, (int)len, NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
    if (!doc)
        return -1;
    out->len = 0;
    int space = 1;
    /* Depth first without recursion: a page nested a million deep must not end the run. */
    xmlNode *n = xmlDocGetRootElement(doc);
    while (n) {
        int enter = 0;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                html_add_text(out, (const char *)n->content, &space);
        } else if (n->type == XML_ELEMENT_NODE) {
            const char *name = (const char *)n->name;
            enter = !html_in(html_hidden_tags, name, strlen(name));
            if (enter && html_is_block(n))
                html_break(out, n, &space);
        }
        if (enter && n->children) {
            n = n->children;
            continue;
        }
        /* Up until a node with a next sibling, closing the blocks left on the way. */
        while (n && !n->next) {
            n = n->parent;
            if (n && n->type == XML_ELEMENT_NODE && html_is_block(n))
                html_break(out, n, &space);
            if (n && (xmlNode *)doc == n)
                n = NULL;
        }
        if (n) {
            if (html_is_block(n))
                html_break(out, n, &space);
            n = n->next;
        }
    }
    while (out->len && (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '\n'))
        out->len--;
    xmlFreeDoc(doc);
    return 0;
}
