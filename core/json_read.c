/* json_read.c: JSON objects (one line of JSON Lines) into records, through json-c. */
#include "buf.h"
#include "record.h"

#include <json-c/json.h>
#include <string.h>

static void json_read_value(quarry_record *rec, msgpack_object *o, struct json_object *j)
{
    switch (json_object_get_type(j)) {
    case json_type_null:
        o->type = MSGPACK_OBJECT_NIL;
        break;
    case json_type_boolean:
        o->type = MSGPACK_OBJECT_BOOLEAN;
        o->via.boolean = json_object_get_boolean(j);
        break;
    case json_type_int: {
        int64_t v = json_object_get_int64(j);
        if (v == INT64_MAX) {
            o->type = MSGPACK_OBJECT_POSITIVE_INTEGER;
            o->via.u64 = json_object_get_uint64(j);
        } else if (v >= 0) {
            o->type = MSGPACK_OBJECT_POSITIVE_INTEGER;
            o->via.u64 = (uint64_t)v;
        } else {
            o->type = MSGPACK_OBJECT_NEGATIVE_INTEGER;
            o->via.i64 = v;
        }
        break;
    }
    case json_type_double:
        o->type = MSGPACK_OBJECT_FLOAT64;
        o->via.f64 = json_object_get_double(j);
        break;
    case json_type_string: {
        int len = json_object_get_string_len(j);
        char *s = record_alloc(rec, (size_t)len);
        memcpy(s, json_object_get_string(j), (size_t)len);
        o->type = MSGPACK_OBJECT_STR;
        o->via.str.ptr = s;
        o->via.str.size = (uint32_t)len;
        break;
    }
    case json_type_array: {
        size_t n = json_object_array_length(j);
        msgpack_object *items = record_alloc(rec, n * sizeof *items);
        for (size_t i = 0; i < n; i++)
            json_read_value(rec, &items[i], json_object_array_get_idx(j, i));
        o->type = MSGPACK_OBJECT_ARRAY;
        o->via.array.size = (uint32_t)n;
        o->via.array.ptr = items;
        break;
    }
    case json_type_object: {
        size_t n = (size_t)json_object_object_length(j), i = 0;
        msgpack_object_kv *kv = record_alloc(rec, n * sizeof *kv);
        json_object_object_foreach(j, key, val) {
            size_t kl = strlen(key);
            char *k = record_alloc(rec, kl);
            memcpy(k, key, kl);
            kv[i].key.type = MSGPACK_OBJECT_STR;
            kv[i].key.via.str.ptr = k;
            kv[i].key.via.str.size = (uint32_t)kl;
            json_read_value(rec, &kv[i].val, val);
            i++;
        }
        o->type = MSGPACK_OBJECT_MAP;
        o->via.map.size = (uint32_t)i;
        o->via.map.ptr = kv;
        break;
    }
    }
}

/* Whether JSON's first LEN bytes are one whole object: what a line holds before the text that
 * the parser refused after it (a second document on the line, a stray comma). */
static int json_read_object_ends(const char *json, size_t len)
{
    struct json_tokener *tok = json_tokener_new_ex(64);
    if (!tok)
        return 0;
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
    struct json_object *j = json_tokener_parse_ex(tok, json, (int)len);
    int whole = j && json_object_is_type(j, json_type_object) && json_tokener_get_error(tok) == json_tokener_success;
    json_object_put(j);
    json_tokener_free(tok);
    return whole;
}

int quarry_record_from_json(quarry_record *rec, const char *json, size_t len, quarry_buf *err)
{
    quarry_record_clear(rec);
    struct json_tokener *tok = json_tokener_new_ex(64);
    if (!tok) {
        buf_puts(err, "out of memory");
        return -1;
    }
    /* Strict JSON, and no UTF-8 validation: broken encodings are kept for the clean stage. */
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
    if (len > INT32_MAX) {
        json_tokener_free(tok);
        buf_printf(err, "a line of %zu bytes is too long for the JSON parser", len);
        return -1;
    }
    /* A line of plain text, or a value that is no object: the parser's word for "not json"
     * would be "null expected", at byte 2. */
    size_t first = 0;
    while (first < len && (json[first] == ' ' || json[first] == '\t' || json[first] == '\r' || json[first] == '\n'))
        first++;
    if (first < len && json[first] != '{') {
        unsigned char c = (unsigned char)json[first];
        buf_puts(err, "a JSON line must hold an object ({...}): this one begins with ");
        if (c > ' ' && c < 0x7f)
            buf_printf(err, "'%c'", c);
        else
            buf_printf(err, "the byte 0x%02x", c);
        json_tokener_free(tok);
        return -1;
    }
    struct json_object *j = json_tokener_parse_ex(tok, json, (int)len);
    enum json_tokener_error jerr = json_tokener_get_error(tok);
    size_t used = json_tokener_get_parse_end(tok);
    int rc = -1;
    if (!j) {
        if (jerr == json_tokener_continue)
            buf_puts(err, "invalid JSON: the line ends inside a value");
        else if (json_read_object_ends(json, used))
            buf_printf(err, "invalid JSON at byte %zu: text after the end of the object (a second "
                            "document on the line, or a stray character)", used + 1);
        else
            buf_printf(err, "invalid JSON at byte %zu: %s", used + 1, json_tokener_error_desc(jerr));
    } else {
        /* The record was cleared above, and an object's keys are unique (json-c keeps the last
         * of a repeated one). */
        json_object_object_foreach(j, key, val) {
            msgpack_object o;
            json_read_value(rec, &o, val);
            record_add_object(rec, key, &o);
        }
        rc = 0;
    }
    json_object_put(j);
    json_tokener_free(tok);
    return rc;
}
