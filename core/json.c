/* json.c: records and values as JSON text, always valid UTF-8 and byte-for-byte deterministic. */
#include "buf.h"
#include "dtoa.h"
#include "record.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at S (at most N bytes), or 0 if it is not one:
 * no overlong forms, no surrogates, nothing above U+10FFFF. */
static size_t json_utf8_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0xC2 || c > 0xF4)
        return 0;
    size_t len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if (c == 0xE0 && s[1] < 0xA0)
        return 0; /* overlong */
    if (c == 0xED && s[1] >= 0xA0)
        return 0; /* surrogate */
    if (c == 0xF0 && s[1] < 0x90)
        return 0; /* overlong */
    if (c == 0xF4 && s[1] >= 0x90)
        return 0; /* beyond U+10FFFF */
    return len;
}

void quarry_json_string(quarry_buf *out, const char *str, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)str;
    buf_reserve(out, len + 2);
    buf_putc(out, '"');
    size_t i = 0;
    while (i < len) {
        /* Copy the longest run that needs no escaping in one go. */
        size_t start = i;
        while (i < len && s[i] >= 0x20 && s[i] < 0x80 && s[i] != '"' && s[i] != '\\')
            i++;
        if (i > start)
            quarry_buf_append(out, s + start, i - start);
        if (i >= len)
            break;
        unsigned char c = s[i];
        if (c >= 0x80) {
            size_t n = json_utf8_len(s + i, len - i);
            if (n) {
                quarry_buf_append(out, s + i, n);
                i += n;
            } else {
                quarry_buf_append(out, "\xEF\xBF\xBD", 3); /* U+FFFD for each bad byte */
                i++;
            }
            continue;
        }
        switch (c) {
        case '"': buf_puts(out, "\\\""); break;
        case '\\': buf_puts(out, "\\\\"); break;
        case '\n': buf_puts(out, "\\n"); break;
        case '\r': buf_puts(out, "\\r"); break;
        case '\t': buf_puts(out, "\\t"); break;
        default: {
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            quarry_buf_append(out, esc, 6);
        }
        }
        i++;
    }
    buf_putc(out, '"');
}

/* V in decimal: by hand, as printf would parse its format for each of millions of counts. */
static void json_uint(quarry_buf *out, int negative, uint64_t v)
{
    char text[24], *p = text + sizeof text;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (negative)
        *--p = '-';
    quarry_buf_append(out, p, (size_t)(text + sizeof text - p));
}

/* The shortest of %.15g/%.16g/%.17g that reads back as the same double. */
static void json_double(quarry_buf *out, double d)
{
    if (!isfinite(d)) {
        buf_puts(out, "null");
        return;
    }
    /* Whole numbers below 10^15 (counts, mostly) print as %.15g prints them: all digits. */
    if (fabs(d) < 1e15 && d == (double)(int64_t)d && !(d == 0 && signbit(d))) {
        json_uint(out, d < 0, (uint64_t)(d < 0 ? -d : d));
        return;
    }
    char text[DTOA_SIZE];
    dtoa_shortest(d, text);
    buf_puts(out, text);
}

static void json_object(quarry_buf *out, const msgpack_object *o)
{
    switch (o->type) {
    case MSGPACK_OBJECT_NIL:
        buf_puts(out, "null");
        break;
    case MSGPACK_OBJECT_BOOLEAN:
        buf_puts(out, o->via.boolean ? "true" : "false");
        break;
    case MSGPACK_OBJECT_POSITIVE_INTEGER:
        json_uint(out, 0, o->via.u64);
        break;
    case MSGPACK_OBJECT_NEGATIVE_INTEGER:
        json_uint(out, 1, o->via.i64 == INT64_MIN ? (uint64_t)INT64_MAX + 1 : (uint64_t)-o->via.i64);
        break;
    case MSGPACK_OBJECT_FLOAT32:
    case MSGPACK_OBJECT_FLOAT64:
        json_double(out, o->via.f64);
        break;
    case MSGPACK_OBJECT_STR:
        quarry_json_string(out, o->via.str.ptr, o->via.str.size);
        break;
    case MSGPACK_OBJECT_BIN:
        quarry_json_string(out, o->via.bin.ptr, o->via.bin.size);
        break;
    case MSGPACK_OBJECT_ARRAY:
        buf_putc(out, '[');
        for (uint32_t i = 0; i < o->via.array.size; i++) {
            if (i)
                buf_putc(out, ',');
            json_object(out, &o->via.array.ptr[i]);
        }
        buf_putc(out, ']');
        break;
    case MSGPACK_OBJECT_MAP:
        buf_putc(out, '{');
        for (uint32_t i = 0; i < o->via.map.size; i++) {
            const msgpack_object *key = &o->via.map.ptr[i].key;
            if (i)
                buf_putc(out, ',');
            if (key->type == MSGPACK_OBJECT_STR) {
                json_object(out, key);
            } else {
                /* JSON keys are strings: write a non-string key as its JSON text, quoted. */
                quarry_buf text = {0};
                json_object(&text, key);
                quarry_json_string(out, text.data, text.len);
                quarry_buf_free(&text);
            }
            buf_putc(out, ':');
            json_object(out, &o->via.map.ptr[i].val);
        }
        buf_putc(out, '}');
        break;
    default:
        buf_puts(out, "null");
        break;
    }
}

void quarry_value_to_json(const quarry_value *v, quarry_buf *out)
{
    if (v)
        json_object(out, &v->o);
    else
        buf_puts(out, "null");
}

void quarry_record_to_json(const quarry_record *rec, quarry_buf *out)
{
    buf_putc(out, '{');
    size_t n = quarry_field_count(rec);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *name = quarry_field_name(rec, i, &len);
        if (i)
            buf_putc(out, ',');
        quarry_json_string(out, name, len);
        buf_putc(out, ':');
        quarry_value_to_json(quarry_field_value(rec, i), out);
    }
    buf_putc(out, '}');
}
