/* clean.c: the clean stage: turns garbled syndicated text into the article a reader would see. */
#include "clean.h"

#include <stdlib.h>
#include <string.h>

static const char *const clean_forms[] = {"nfc", "nfkc", NULL};

static const quarry_param clean_params[] = {
    {"field", QUARRY_PARAM_STRING, "text", "the field to clean", 0, 0, 0, NULL},
    {"entities", QUARRY_PARAM_BOOL, "true", "decode HTML character references (also double-escaped)", 0, 0, 0, NULL},
    {"mojibake", QUARRY_PARAM_BOOL, "true", "repair UTF-8 that was decoded as a single-byte code page", 0, 0, 0, NULL},
    {"normalize", QUARRY_PARAM_ENUM, "nfc", "Unicode normalization form", 0, 0, 0, clean_forms},
    {"straighten-quotes", QUARRY_PARAM_BOOL, "false", "turn curly quotes into straight ones", 0, 0, 0, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};

typedef struct clean_state {
    const char *field;
    int entities, mojibake;
    chars_options chars;
} clean_state;

static int clean_open(quarry_ctx *ctx, void **state)
{
    clean_state *st = calloc(1, sizeof *st);
    if (!st)
        return quarry_error(ctx, "out of memory");
    st->field = quarry_param_str(ctx, "field");
    st->entities = quarry_param_bool(ctx, "entities");
    st->mojibake = quarry_param_bool(ctx, "mojibake");
    st->chars.nfkc = strcmp(quarry_param_str(ctx, "normalize"), "nfkc") == 0;
    st->chars.straight_quotes = quarry_param_bool(ctx, "straighten-quotes");
    *state = st;
    return QUARRY_OK;
}

/* Swaps the roles of two buffers: what was written becomes what is read. */
static void clean_swap(quarry_buf *a, quarry_buf *b)
{
    quarry_buf t = *a;
    *a = *b;
    *b = t;
    b->len = 0;
}

static void clean_mojibake_lines(const quarry_buf *in, quarry_buf *out)
{
    const char *s = in->data, *end = in->data + in->len;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t len = (size_t)((nl ? nl : end) - s);
        mojibake_fix_line(s, len, out);
        if (nl)
            quarry_buf_append(out, "\n", 1);
        s += len + (nl ? 1 : 0);
    }
}

static int clean_process(void *state, quarry_ctx *ctx, quarry_record *rec)
{
    (void)ctx;
    clean_state *st = state;
    size_t len;
    const char *text = quarry_get_string(rec, st->field, &len);
    if (!text)
        return QUARRY_OK; /* nothing to clean: pass it on as it is */
    quarry_buf a = {0}, b = {0};
    utf8_repair_bytes(&a, text, len);
    if (st->entities) {
        entities_decode(a.data ? a.data : "", a.len, &b);
        clean_swap(&a, &b);
    }
    if (st->mojibake) {
        clean_mojibake_lines(&a, &b);
        clean_swap(&a, &b);
    }
    chars_clean(a.data ? a.data : "", a.len, &st->chars, &b);
    clean_swap(&a, &b);
    quarry_set_string(rec, st->field, a.data ? a.data : "", a.len);
    quarry_buf_free(&a);
    quarry_buf_free(&b);
    return QUARRY_OK;
}

QUARRY_STAGE(clean) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "clean",
    .version = "0.1.0",
    .summary = "repairs garbled text: encodings, mojibake, entities, boilerplate, repeats, spinners",
    .params = clean_params,
    .flags = QUARRY_PER_RECORD,
    .open = clean_open,
    .process = clean_process,
    .close = free,
};
