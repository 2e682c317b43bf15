/* delimited.c: rows of TSV and CSV files: cells escaped or quoted, always valid UTF-8. */
#include "delimited.h"

#include <math.h>
#include <string.h>
#include <utf8proc.h>

const char *delim_extension(delim_style style)
{
    return style == DELIM_CSV ? "csv" : "tsv";
}

/* The bytes of S (LEN) that need a look: those a style escapes or quotes for, and every byte
 * that is not ASCII, as it may begin a sequence that is not UTF-8. */
static int delim_special(delim_style style, unsigned char c)
{
    if (c >= 0x80 || c == '\n' || c == '\r' || c == '\0')
        return 1;
    return style == DELIM_CSV ? c == ',' || c == '"' : c == '\t' || c == '\\';
}

/* Whether a CSV cell holding S (LEN bytes) must be quoted: it holds a comma, a quote or a line
 * end, or it is empty (an empty string, where an unquoted empty cell is a field the record
 * lacks, as PostgreSQL's COPY tells NULL from ''). */
static int delim_csv_quoted(const char *s, size_t len)
{
    if (!len)
        return 1;
    for (size_t i = 0; i < len; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
            return 1;
    return 0;
}

/* S (LEN bytes) as the text of a cell, after a "'" if GUARD and a spreadsheet would take it for
 * a formula (delim_cells). Bytes that are not UTF-8 become U+FFFD, one each, as in JSON output:
 * the loaders of both formats reject a file with one such byte. TSV escapes tab, line ends,
 * backslash and NUL; CSV quotes (delim_csv_quoted) and doubles quotes, and NUL, which it cannot
 * carry, becomes U+FFFD. */
static void delim_text(quarry_buf *out, delim_style style, const char *s, size_t len, int guard)
{
    int quoted = style == DELIM_CSV && delim_csv_quoted(s, len);
    if (quoted)
        quarry_buf_append(out, "\"", 1);
    if (guard && len && memchr("=+-@\t\r", s[0], 6))
        quarry_buf_append(out, "'", 1);
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        while (i < len && !delim_special(style, (unsigned char)s[i]))
            i++;
        quarry_buf_append(out, s + start, i - start);
        if (i >= len)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
            size_t take = n > 0 ? (size_t)n : 1;
            quarry_buf_append(out, n > 0 ? s + i : "\xEF\xBF\xBD", n > 0 ? take : 3);
            i += take;
            continue;
        }
        const char *put;
        if (style == DELIM_TSV)
            put = c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\\' ? "\\\\" : "\\0";
        else
            put = c == '"' ? "\"\"" : c == '\0' ? "\xEF\xBF\xBD" : NULL;
        if (put)
            quarry_buf_append(out, put, strlen(put));
        else
            quarry_buf_append(out, s + i, 1); /* a comma or line end, inside the quotes */
        i++;
    }
    if (quoted)
        quarry_buf_append(out, "\"", 1);
}

/* The text of list V's items, joined by "; ", into TEXT: a string as itself, a [term, weight]
 * pair (a list whose first item is a string) by its term, anything else as its JSON text. */
static void delim_terms(quarry_buf *text, const quarry_value *v)
{
    for (size_t i = 0; i < quarry_value_size(v); i++) {
        const quarry_value *item = quarry_value_at(v, i);
        if (i)
            quarry_buf_append(text, "; ", 2);
        size_t len;
        const char *s = quarry_value_string(item, &len);
        if (!s && quarry_value_type(item) == QUARRY_LIST && quarry_value_size(item))
            s = quarry_value_string(quarry_value_at(item, 0), &len);
        if (s)
            quarry_buf_append(text, s, len);
        else
            quarry_value_to_json(item, text);
    }
}

/* One cell: a string as text, a list as CELLS says, another value as its JSON text, a missing
 * one as nothing. */
static void delim_cell(quarry_buf *out, delim_style style, const delim_cells *cells, const quarry_value *v)
{
    size_t len;
    const char *s = quarry_value_string(v, &len);
    int type = quarry_value_type(v);
    if (s) {
        delim_text(out, style, s, len, cells->formula_guard);
    } else if (type == QUARRY_NIL || (type == QUARRY_FLOAT && !isfinite(quarry_value_float(v)))) {
        /* JSON's null, and a NaN or an infinity (null in JSON): no value, an empty cell, as a
         * field the document lacks. The text "null" would be read back as that text, and a
         * database's numeric column refuses it. */
    } else if (type == QUARRY_INT || type == QUARRY_FLOAT || type == QUARRY_BOOL) {
        /* Digits, "true": nothing to escape or quote, and most cells of a table (an
         * n-gram's counts) are such, so they skip the copy. */
        quarry_value_to_json(v, out);
    } else if (v) {
        quarry_buf text = {0};
        if (cells->lists == DELIM_LISTS_TERMS && type == QUARRY_LIST)
            delim_terms(&text, v);
        else
            quarry_value_to_json(v, &text);
        delim_text(out, style, text.data ? text.data : "", text.len, cells->formula_guard);
        quarry_buf_free(&text);
    }
}

void delim_row(quarry_buf *out, delim_style style, const delim_cells *cells, const quarry_record *rec,
               char *const *columns, size_t n, int header)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            quarry_buf_append(out, style == DELIM_CSV ? "," : "\t", 1);
        if (header) /* the pipeline's field names, not a document's text */
            delim_text(out, style, columns[i], strlen(columns[i]), 0);
        else
            delim_cell(out, style, cells, quarry_get(rec, columns[i]));
    }
    if (style == DELIM_CSV)
        quarry_buf_append(out, "\r\n", 2);
    else
        quarry_buf_append(out, "\n", 1);
}
