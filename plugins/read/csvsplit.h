/* csvsplit.h: a CSV file (RFC 4180: comma-separated, fields in double quotes may hold commas,
 * line breaks and doubled quotes), or a TSV one (tab-separated, with no quotes: a tab, line
 * break or backslash written \t, \n, \r or \\, as write writes it, with the escapes of
 * PostgreSQL's text COPY and MySQL's LOAD DATA), cut into its rows as its bytes arrive, each row's fields
 * unquoted or unescaped; only the row being read is held. */
#ifndef QUARRY_READ_CSVSPLIT_H
#define QUARRY_READ_CSVSPLIT_H
#include <quarry.h>
#include <stddef.h>

#include "splitbuf.h"

/* One row: its N fields (field I is the LEN[I] bytes at TEXT + AT[I], QUOTED[I] nonzero if it
 * was written in quotes), the line it began on (LINE, from 1), and TOO_LONG when it ran past the
 * limit (its fields are then cut short). */
typedef struct csv_row {
    const char *text;
    const size_t *at, *len;
    const unsigned char *quoted;
    size_t n, line;
    int too_long;
} csv_row;

typedef void (*csv_split_fn)(void *data, const csv_row *row);

typedef struct csv_split {
    split_buf text;       /* the row's fields, unquoted, end to end, up to max-bytes */
    size_t *at, *len, n, cap; /* where each field of the row is in TEXT */
    unsigned char *was_quoted; /* for each field of the row: it opened with a quote */
    int quoted;           /* inside a quoted field */
    int field_quoted;     /* the field being read opened with a quote */
    int quote_seen;       /* a quote inside a quoted field: it ends the field, or doubles */
    int in_row;
    int cr;               /* the byte before was a CR: a LF after it ends nothing more */
    int tsv;              /* TSV: tabs between fields, backslash escapes, no quotes */
    char separator;       /* between fields: CSV's (',' unless told), or a tab */
    int escaped;          /* TSV: the byte before was a backslash */
    size_t line, row_line;
} csv_split;

/* Ready for a file, CSV with SEPARATOR between fields (',', or ';' as a spreadsheet in a European
 * locale saves it) or, TSV nonzero, TSV; holding rows of up to MAX bytes whole. */
void csv_split_init(csv_split *cs, size_t max, int tsv, char separator);
/* Reads the next N bytes at S, calling FN with each row they complete. */
void csv_split_feed(csv_split *cs, const char *s, size_t n, csv_split_fn fn, void *data);
/* At the end of the input: hands on a last row without a line break, and returns 0; or -1 when
 * the input ends inside a quoted field (a file cut short), whose row began at cs->row_line. */
int csv_split_end(csv_split *cs, csv_split_fn fn, void *data);
void csv_split_free(csv_split *cs);
#endif
