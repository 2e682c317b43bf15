/* jsonsplit.c: a JSON file cut into its top-level values, or its top-level array's elements (see
 * jsonsplit.h). Only the nesting is followed, not the grammar: each value is parsed afterwards,
 * and a broken one is rejected there, with its place. */
#include "jsonsplit.h"

void json_split_init(json_split *js, size_t max)
{
    *js = (json_split){.value.max = max, .line = 1};
}

void json_split_free(json_split *js)
{
    split_buf_free(&js->value);
}

static void json_split_done(json_split *js, json_split_fn fn, void *data)
{
    const quarry_buf *v = &js->value.bytes;
    fn(data, v->data ? v->data : "", v->len, js->values, js->value_line, js->value.too_long);
    js->in_value = js->scalar = 0;
    split_buf_reset(&js->value);
}

static int json_split_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Bytes that matter inside an object or array: quotes, escapes, brackets and line ends. */
static int json_split_special(char c, int in_string)
{
    return c == '"' || c == '\\' || c == '\n' ||
           (!in_string && (c == '{' || c == '}' || c == '[' || c == ']'));
}

void json_split_feed(json_split *js, const char *s, size_t n, json_split_fn fn, void *data)
{
    for (size_t i = 0; i < n;) {
        char c = s[i];
        if (js->in_value && !js->scalar) {
            /* A run of plain bytes is kept at once: most of a document is its text. */
            size_t run = i;
            while (run < n && !json_split_special(s[run], js->in_string) && !js->escape)
                run++;
            if (run > i) {
                split_buf_keep(&js->value, s + i, run - i);
                i = run;
                continue;
            }
            split_buf_keep(&js->value, &c, 1);
            i++;
            if (c == '\n')
                js->line++;
            if (js->escape) {
                js->escape = 0;
            } else if (js->in_string) {
                if (c == '\\') {
                    js->escape = 1;
                } else if (c == '"') {
                    js->in_string = 0;
                    if (js->depth == js->base)
                        json_split_done(js, fn, data); /* a string on its own */
                }
            } else if (c == '"') {
                js->in_string = 1;
            } else if (c == '{' || c == '[') {
                js->depth++;
            } else if ((c == '}' || c == ']') && --js->depth == js->base) {
                json_split_done(js, fn, data);
            }
            continue;
        }
        if (js->in_value) { /* a bare word or number: a separator ends it, and is read below */
            if (!json_split_space(c) && c != ',' && c != ']' && c != '}' && c != '[' && c != '{' &&
                c != '"') {
                split_buf_keep(&js->value, &c, 1);
                i++;
                continue;
            }
            json_split_done(js, fn, data);
        }
        i++;
        if (c == '\n')
            js->line++;
        if (json_split_space(c) || c == ',')
            continue;
        if (c == '[' && js->depth == 0) { /* a top-level array: its elements are the values */
            js->depth = js->base = 1;
            continue;
        }
        if (c == ']' && js->base == 1 && js->depth == 1) { /* it closes; another may follow */
            js->depth = js->base = 0;
            continue;
        }
        js->in_value = 1;
        js->value_line = js->line;
        js->values++;
        split_buf_keep(&js->value, &c, 1);
        if (c == '{' || c == '[') {
            js->depth++;
        } else if (c == '"') {
            js->in_string = 1;
        } else if (c == '}' || c == ']') {
            json_split_done(js, fn, data); /* a stray bracket: a value of its own, to be rejected */
        } else {
            js->scalar = 1;
        }
    }
}

int json_split_end(json_split *js, json_split_fn fn, void *data)
{
    if (js->in_value && js->scalar)
        json_split_done(js, fn, data);
    return js->in_value ? -1 : 0;
}
