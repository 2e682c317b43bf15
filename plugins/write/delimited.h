/* delimited.h: rows of TSV and CSV files: cells escaped or quoted, always valid UTF-8. */
#ifndef QUARRY_WRITE_DELIMITED_H
#define QUARRY_WRITE_DELIMITED_H

#include <quarry.h>

typedef enum delim_style {
    DELIM_TSV, /* tab-separated, \t \n \r \\ \0 escaped, lines end in LF (PostgreSQL's text COPY) */
    DELIM_CSV  /* comma-separated, RFC 4180: cells quoted where they must be, lines end in CRLF */
} delim_style;

/* The file extension of STYLE, without its dot: "tsv" or "csv". */
const char *delim_extension(delim_style style);

/* How a cell shows a list: its JSON text (["a","b"], [["cocoa",61.9]]), or its items' text
 * joined by "; ", a [term, weight] pair by its term (a; b, cocoa), for people to read. */
typedef enum delim_lists { DELIM_LISTS_JSON, DELIM_LISTS_TERMS } delim_lists;

/* How the cells of a row are written, beside the file's style. */
typedef struct delim_cells {
    delim_lists lists;
    /* A text cell that begins with '=', '+', '-', '@', a tab or a carriage return gets a "'"
     * before it, which a spreadsheet shows as text, so that it runs no formula a document brought
     * ("=HYPERLINK(...)" in a feed's title: CSV injection). */
    int formula_guard;
} delim_cells;

/* One line of N cells into OUT: the names COLUMNS themselves when HEADER, else the values of
 * REC's fields of those names (a field REC lacks: an empty cell). Strings are written as text,
 * lists as CELLS says, other values as their JSON text. */
void delim_row(quarry_buf *out, delim_style style, const delim_cells *cells, const quarry_record *rec,
               char *const *columns, size_t n, int header);

#endif
