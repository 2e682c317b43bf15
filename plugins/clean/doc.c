/* doc.c: a document as a list of lines, each kept or dropped, with the reasons for the audit. */
#include "clean.h"
#include "textline.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static clean_line *doc_push(clean_doc *doc)
{
    if (doc->n == doc->cap) {
        doc->cap = doc->cap ? doc->cap * 2 : 64;
        doc->lines = realloc(doc->lines, doc->cap * sizeof *doc->lines);
        if (!doc->lines)
            abort();
    }
    clean_line *l = &doc->lines[doc->n++];
    memset(l, 0, sizeof *l);
    l->words = -1;
    return l;
}

void doc_load(clean_doc *doc, const char *s, size_t len)
{
    doc->text.len = 0;
    doc->n = 0;
    doc->explain.len = 0;
    doc->nexplain = 0;
    /* Lines only shrink (spaces fold) and each gains at most its '\n': reserve once, then
     * write in place. */
    if (doc->text.cap < len + 2) {
        free(doc->text.data);
        doc->text.data = malloc(len + 2);
        if (!doc->text.data)
            abort();
        doc->text.cap = len + 2;
    }
    char *w = doc->text.data;
    const char *end = s + len;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end;
        clean_line *l = doc_push(doc);
        l->off = (size_t)(w - doc->text.data);
        const char *p = s;
        while (p < e && (*p == ' ' || *p == '\t')) {
            l->indent += *p == '\t' ? 4 : 1;
            p++;
        }
        /* Fold runs of spaces and tabs; trim both ends. Most lines have nothing to fold:
         * copy them whole. */
        const char *q = e;
        while (q > p && (q[-1] == ' ' || q[-1] == '\t'))
            q--;
        if (!memchr(p, '\t', (size_t)(q - p)) && !memmem(p, (size_t)(q - p), "  ", 2)) {
            memcpy(w, p, (size_t)(q - p));
            w += q - p;
            p = e;
        }
        while (p < e) {
            const char *run = p;
            while (p < e && *p != ' ' && *p != '\t')
                p++;
            memcpy(w, run, (size_t)(p - run));
            w += p - run;
            while (p < e && (*p == ' ' || *p == '\t'))
                p++;
            if (p < e)
                *w++ = ' ';
        }
        l->len = (size_t)(w - doc->text.data) - l->off;
        l->blank = l->len == 0;
        *w++ = '\n';
        s = nl ? nl + 1 : end;
    }
    doc->text.len = (size_t)(w - doc->text.data);
}

void doc_set_line(clean_doc *doc, size_t i, const char *s, size_t len)
{
    size_t off = doc->text.len;
    quarry_buf_append(&doc->text, s, len);
    quarry_buf_append(&doc->text, "\n", 1);
    doc->lines[i].off = off;
    doc->lines[i].len = len;
    doc->lines[i].blank = len == 0;
    doc->lines[i].words = -1;
    doc->lines[i].related = 0;
}

void doc_keep_span(clean_doc *doc, size_t i, size_t start, size_t end)
{
    clean_line *l = &doc->lines[i];
    l->off += start;
    l->len = end - start;
    l->blank = l->len == 0;
    l->words = -1;
    l->related = 0;
}

void doc_trim_endings(clean_doc *doc, const char *rule, doc_ending_fn ending, const void *arg)
{
    for (size_t i = 0; i < doc->n; i++) {
        clean_line *l = &doc->lines[i];
        if (l->blank || l->drop)
            continue;
        const char *s = doc_line(doc, i);
        size_t start = ending(s, l->len, arg);
        if (start == l->len)
            continue;
        if (!start) { /* all of it: explained as a dropped line is */
            l->drop = 1;
            l->rule = rule;
            continue;
        }
        size_t from = start;
        while (from < l->len && s[from] == ' ')
            from++;
        doc_explain(doc, rule, s + from, l->len - from);
        doc_keep_span(doc, i, 0, start);
    }
}

int doc_sentence_ended(const char *s, size_t len)
{
    for (;;) {
        if (len && memchr("\"')", s[len - 1], 3)) /* memchr: a NUL byte is no quote */
            len--;
        else if (len >= 3 && !memcmp(s + len - 3, "\xe2\x80", 2) && (s[len - 1] == '\x9d' || s[len - 1] == '\x99'))
            len -= 3; /* a closing curly quote, double or single */
        else
            break;
    }
    return len && memchr(".!?", s[len - 1], 3);
}

int doc_line_closed(const char *s, size_t len)
{
    while (len && memchr("\"')", s[len - 1], 3))
        len--;
    if (len >= 3 && !memcmp(s + len - 3, "\xe2\x80", 2) &&
        (s[len - 1] == '\x9d' || s[len - 1] == '\x99' || s[len - 1] == '\xa6'))
        return 1; /* ” ’ … */
    return len && memchr(".!?:;", s[len - 1], 5);
}

int doc_open_end(const clean_doc *doc, size_t i)
{
    unsigned char end = (unsigned char)doc_line(doc, i)[doc->lines[i].len - 1];
    return isalnum(end) || end == ',';
}

int doc_runs_on(const clean_doc *doc, size_t i)
{
    if (i + 1 >= doc->n || doc->lines[i + 1].blank)
        return 0;
    const char *s = doc_line(doc, i), *next = doc_line(doc, i + 1);
    size_t len = doc->lines[i].len;
    if (doc_line_closed(s, len))
        return 0;
    if (len >= DOC_WRAP_MIN)
        return 1;
    if (doc_words(s, len) < 2)
        return 0;
    if (next[0] >= 'a' && next[0] <= 'z')
        return 1;
    /* A paragraph's short first line before a hard-wrapped line that runs on in turn: wire copy
     * whose dateline was cut from its lead ("India will hold a buying tender on" / "Wednesday,
     * March 4, for two to three cargoes of white sugar for" / "March/April shipment."). */
    size_t next_len = doc->lines[i + 1].len;
    return (i == 0 || doc->lines[i - 1].blank) && doc_open_end(doc, i) && next_len >= DOC_WRAP_MIN &&
           next_len <= TEXTLINE_WRAP_WIDTH && doc_open_end(doc, i + 1) && i + 2 < doc->n &&
           !doc->lines[i + 2].blank;
}

int doc_opens_quote(const char *s, size_t len)
{
    return (len >= 1 && (s[0] == '"' || s[0] == '\'')) ||
           (len >= 3 && !memcmp(s, "\xe2\x80", 2) && (s[2] == '\x9c' || s[2] == '\x98'));
}

size_t doc_words(const char *s, size_t len)
{
    size_t words = 0;
    for (size_t i = 0; i < len; i++)
        words += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    return words;
}

int doc_paragraph(const char *s, size_t len)
{
    return doc_words(s, len) >= DOC_PARAGRAPH_WORDS && doc_sentence_ended(s, len);
}

void doc_drop(clean_line *l, const char *rule)
{
    if (!l->drop) {
        l->drop = 1;
        l->rule = rule;
    }
}

void doc_explain(clean_doc *doc, const char *rule, const char *s, size_t len)
{
    quarry_buf_append(&doc->explain, rule, strlen(rule));
    quarry_buf_append(&doc->explain, ": ", 2);
    quarry_buf_append(&doc->explain, s, len);
    quarry_buf_append(&doc->explain, "", 1);
    doc->nexplain++;
}

void doc_render(const clean_doc *doc, quarry_buf *out)
{
    int pending_blank = 0, any = 0;
    for (size_t i = 0; i < doc->n; i++) {
        const clean_line *l = &doc->lines[i];
        if (l->drop)
            continue;
        if (l->blank) {
            pending_blank = any;
            continue;
        }
        /* An indented line begins a paragraph (newswire indents them, "    The company
         * said"): it is written after a blank line, which later stages read as a paragraph's
         * end, since the indentation itself is not kept. */
        if (l->indent >= 2)
            pending_blank = any;
        if (any)
            quarry_buf_append(out, pending_blank ? "\n\n" : "\n", pending_blank ? 2 : 1);
        quarry_buf_append(out, doc_line(doc, i), l->len);
        pending_blank = 0;
        any = 1;
    }
}

void doc_free(clean_doc *doc)
{
    quarry_buf_free(&doc->text);
    quarry_buf_free(&doc->explain);
    free(doc->lines);
    memset(doc, 0, sizeof *doc);
}
