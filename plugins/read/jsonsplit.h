/* jsonsplit.h: a JSON file cut into the values it holds, as its bytes arrive: the elements of a
 * top-level array ('[{...}, {...}]', as exports and APIs write documents), or values one after
 * another (one object, pretty-printed or not, or several). Each value is handed on whole, to be
 * parsed as a document; only the one being read is held. */
#ifndef QUARRY_READ_JSONSPLIT_H
#define QUARRY_READ_JSONSPLIT_H
#include <quarry.h>
#include <stddef.h>

#include "splitbuf.h"

/* Called with each value: its text (LEN bytes, or its first MAX bytes when TOO_LONG), its place
 * among the file's values (ORDINAL, from 1) and the line it began on (LINE, from 1). */
typedef void (*json_split_fn)(void *data, const char *value, size_t len, size_t ordinal, size_t line,
                              int too_long);

typedef struct json_split {
    split_buf value;     /* the value being read, up to max-bytes */
    size_t depth;        /* brackets open, a top-level array's included */
    size_t base;         /* the depth values lie at: 1 inside a top-level array, else 0 */
    int in_string, escape;
    int in_value, scalar; /* inside a value; a bare word or number, which a separator ends */
    size_t line, value_line, values;
} json_split;

/* Ready for a file, holding values of up to MAX bytes whole. */
void json_split_init(json_split *js, size_t max);
/* Reads the next N bytes at S, calling FN with each value they complete. */
void json_split_feed(json_split *js, const char *s, size_t n, json_split_fn fn, void *data);
/* At the end of the input: hands on a bare word or number left open, and returns 0; or -1 when
 * the input ends inside an object, array or string (a truncated file), which then began at
 * js->value_line, as value js->values. */
int json_split_end(json_split *js, json_split_fn fn, void *data);
void json_split_free(json_split *js);
#endif
