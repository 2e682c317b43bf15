/* csvsplit.c: a CSV or TSV file cut into its rows, fields unquoted (see csvsplit.h). Lenient
 * where RFC 4180 is strict and the meaning is plain: a quote inside an unquoted field is kept as
 * written, and a row may end in CRLF, LF or CR. In TSV, PostgreSQL's \N (NULL) is an empty cell,
 * a field the row lacks, and a backslash before any other byte is kept as written. Written here
 * rather than with Debian's libcsv, which tells neither the line a row began on (every message
 * here names it) nor stops a field from growing without bound (a quote never closed would take
 * the whole file into memory), and reads no TSV escapes. */
#include "csvsplit.h"

#include <stdlib.h>
#include <string.h>

void csv_split_init(csv_split *cs, size_t max, int tsv, char separator)
{
    *cs = (csv_split){.text.max = max, .line = 1, .tsv = tsv, .separator = tsv ? '\t' : separator};
}

void csv_split_free(csv_split *cs)
{
    split_buf_free(&cs->text);
    free(cs->at);
    free(cs->len);
    free(cs->was_quoted);
}

static void csv_split_keep(csv_split *cs, char c)
{
    split_buf_keep(&cs->text, &c, 1);
}

/* Ends the field that began after the last one: the row's text since then. */
static void csv_split_field_end(csv_split *cs)
{
    if (cs->n == cs->cap) {
        cs->cap = cs->cap ? 2 * cs->cap : 16;
        cs->at = realloc(cs->at, cs->cap * sizeof *cs->at);
        cs->len = realloc(cs->len, cs->cap * sizeof *cs->len);
        cs->was_quoted = realloc(cs->was_quoted, cs->cap);
        if (!cs->at || !cs->len || !cs->was_quoted)
            abort();
    }
    size_t start = cs->n ? cs->at[cs->n - 1] + cs->len[cs->n - 1] : 0;
    cs->at[cs->n] = start;
    cs->len[cs->n] = cs->text.bytes.len - start;
    cs->was_quoted[cs->n] = (unsigned char)cs->field_quoted;
    cs->field_quoted = 0;
    cs->n++;
}

static void csv_split_row_end(csv_split *cs, csv_split_fn fn, void *data)
{
    if (cs->in_row) { /* a blank line is no row */
        csv_split_field_end(cs);
        const quarry_buf *t = &cs->text.bytes;
        csv_row row = {t->data ? t->data : "", cs->at, cs->len, cs->was_quoted, cs->n, cs->row_line,
                       cs->text.too_long};
        fn(data, &row);
    }
    cs->in_row = cs->quoted = cs->quote_seen = cs->field_quoted = cs->escaped = 0;
    cs->n = 0;
    split_buf_reset(&cs->text);
}

/* Whether the field being read has no byte yet, so that a quote opens it. */
static int csv_split_field_empty(const csv_split *cs)
{
    size_t start = cs->n ? cs->at[cs->n - 1] + cs->len[cs->n - 1] : 0;
    return cs->text.bytes.len == start;
}

void csv_split_feed(csv_split *cs, const char *s, size_t n, csv_split_fn fn, void *data)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        int after_cr = cs->cr;
        cs->cr = 0;
        if (cs->quoted) {
            if (cs->quote_seen) {
                cs->quote_seen = 0;
                if (c == '"') { /* "" inside quotes is one quote */
                    csv_split_keep(cs, c);
                    continue;
                }
                cs->quoted = 0; /* the quote closed the field: C is read as outside one */
            } else {
                if (c == '"')
                    cs->quote_seen = 1;
                else
                    csv_split_keep(cs, c);
                if (c == '\n')
                    cs->line++;
                continue;
            }
        }
        if (c == '\n' && after_cr) { /* CRLF: the CR ended the row */
            cs->line++;
            continue;
        }
        if (!cs->in_row) {
            cs->in_row = 1;
            cs->row_line = cs->line;
            if (c == '\n' || c == '\r') { /* a blank line */
                cs->in_row = 0;
                cs->cr = c == '\r';
                cs->line += c == '\n';
                continue;
            }
        }
        if (cs->escaped) {
            cs->escaped = 0;
            const char *from = "tnr\\0N", *to = "\t\n\r\\\0";
            const char *at = c ? strchr(from, c) : NULL;
            if (at && *at != 'N') {
                csv_split_keep(cs, to[at - from]);
                continue;
            }
            if (at) /* \N: NULL, no bytes */
                continue;
            csv_split_keep(cs, '\\'); /* no escape: the backslash as written, and C as ever */
        }
        if (cs->tsv && c == '\\') {
            cs->escaped = 1;
        } else if (!cs->tsv && c == '"' && csv_split_field_empty(cs)) {
            cs->quoted = cs->field_quoted = 1;
        } else if (c == cs->separator) {
            csv_split_field_end(cs);
        } else if (c == '\n' || c == '\r') {
            csv_split_row_end(cs, fn, data);
            cs->cr = c == '\r';
            cs->line += c == '\n';
        } else {
            csv_split_keep(cs, c);
        }
    }
}

int csv_split_end(csv_split *cs, csv_split_fn fn, void *data)
{
    if (cs->quoted && !cs->quote_seen)
        return -1;
    if (cs->escaped) /* a backslash last of all: kept as written */
        csv_split_keep(cs, '\\');
    csv_split_row_end(cs, fn, data);
    return 0;
}
