/* record.c: records as ordered lists of named msgpack values, with copy-on-set storage. */
#include "record.h"
#include "buf.h"
#include "mem.h"
#include "record_scan.h"

#include <stdlib.h>
#include <string.h>

/* A field loaded from a packed block keeps its bytes (raw) and is decoded into value only when
 * a stage asks for it; a field nobody changed is packed again by copying those bytes. */
struct record_field {
    const char *name;
    uint32_t name_len;
    int decoded;         /* value holds the field; else only raw does */
    const char *raw;     /* the packed value, while the field is unchanged since loading */
    size_t raw_len;
    msgpack_object value;
    quarry_list *list;   /* the builder holding this field's list, if any */
    uint32_t list_seen;  /* the builder's item count when value was decoded */
};

/* Lists are packed as their items are added: a stage that emits a token per word writes each
 * once, straight into the bytes the next stage reads, with no tree to build and walk. */
struct quarry_list {
    quarry_buf items; /* the packed items */
    uint32_t n;
    msgpack_packer pk; /* appends to items */
};

/* Builders bigger than this are freed when their record is cleared instead of kept for reuse,
 * so that one huge document does not pin its memory for the rest of the run. */
#define RECORD_LIST_KEEP (1u << 20)

struct quarry_record {
    struct record_field *fields;
    size_t n, cap;
    msgpack_zone *zone;       /* copies made by setters; emptied by clear */
    quarry_list **lists;      /* builders: the first nlists are in use, the rest kept for reuse */
    size_t nlists, caplists, kept;
};

quarry_record *quarry_record_new(void)
{
    quarry_record *rec = mem_calloc(1, sizeof *rec);
    rec->zone = msgpack_zone_new(4096);
    if (!rec->zone)
        abort();
    return rec;
}

void quarry_record_clear(quarry_record *rec)
{
    for (size_t i = 0; i < rec->nlists; i++) {
        quarry_list *list = rec->lists[i];
        if (list->items.cap > RECORD_LIST_KEEP)
            quarry_buf_free(&list->items);
        list->items.len = 0;
        list->n = 0;
    }
    rec->nlists = 0;
    rec->n = 0;
    msgpack_zone_clear(rec->zone);
}

void quarry_record_free(quarry_record *rec)
{
    if (!rec)
        return;
    quarry_record_clear(rec);
    for (size_t i = 0; i < rec->kept; i++) {
        quarry_buf_free(&rec->lists[i]->items);
        free(rec->lists[i]);
    }
    free(rec->lists);
    free(rec->fields);
    msgpack_zone_free(rec->zone);
    free(rec);
}

static void *record_zalloc(quarry_record *rec, size_t size)
{
    void *p = msgpack_zone_malloc(rec->zone, size ? size : 1);
    if (!p)
        abort();
    return p;
}

static char *record_copy_bytes(quarry_record *rec, const char *s, size_t len)
{
    char *d = record_zalloc(rec, len + 1);
    if (len)
        memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

static struct record_field *record_find(const quarry_record *rec, const char *name, size_t len)
{
    for (size_t i = 0; i < rec->n; i++) {
        struct record_field *f = &rec->fields[i];
        if (f->name_len == len && memcmp(f->name, name, len) == 0)
            return f;
    }
    return NULL;
}

/* F emptied (nil), any list builder detached. */
static struct record_field *record_empty_field(struct record_field *f)
{
    f->list = NULL;
    f->raw = NULL;
    f->decoded = 1;
    f->value.type = MSGPACK_OBJECT_NIL;
    return f;
}

/* A new field NAME (LEN bytes) at the end of REC, empty. */
static struct record_field *record_new_field(quarry_record *rec, const char *name, size_t len)
{
    mem_grow((void **)&rec->fields, &rec->cap, rec->n + 1, sizeof *rec->fields);
    struct record_field *f = &rec->fields[rec->n++];
    f->name = record_copy_bytes(rec, name, len);
    f->name_len = (uint32_t)len;
    return record_empty_field(f);
}

/* The field NAME, emptied, or created empty at the end if absent. */
static struct record_field *record_slot(quarry_record *rec, const char *name)
{
    size_t len = strlen(name);
    struct record_field *f = record_find(rec, name, len);
    return f ? record_empty_field(f) : record_new_field(rec, name, len);
}

int record_load(quarry_record *rec, const msgpack_object *map)
{
    quarry_record_clear(rec);
    if (map->type != MSGPACK_OBJECT_MAP)
        return -1;
    size_t n = map->via.map.size;
    mem_grow((void **)&rec->fields, &rec->cap, n, sizeof *rec->fields);
    for (size_t i = 0; i < n; i++) {
        const msgpack_object_kv *kv = &map->via.map.ptr[i];
        if (kv->key.type != MSGPACK_OBJECT_STR)
            return -1;
        struct record_field *f = &rec->fields[i];
        f->name = kv->key.via.str.ptr;
        f->name_len = kv->key.via.str.size;
        f->value = kv->val;
        f->decoded = 1;
        f->raw = NULL;
        f->list = NULL;
    }
    rec->n = n;
    return 0;
}

int record_next(quarry_record *rec, const char *data, size_t len, size_t *off)
{
    quarry_record_clear(rec);
    if (*off == len)
        return 0;
    uint32_t n;
    if (record_scan_map(data, len, off, &n) < 0)
        return -1;
    mem_grow((void **)&rec->fields, &rec->cap, n, sizeof *rec->fields);
    for (uint32_t i = 0; i < n; i++) {
        struct record_field *f = &rec->fields[i];
        if (record_scan_str(data, len, off, &f->name, &f->name_len) < 0)
            return -1;
        size_t start = *off;
        if (record_scan_skip(data, len, off) < 0)
            return -1;
        f->raw = data + start;
        f->raw_len = *off - start;
        f->decoded = 0;
        f->list = NULL;
    }
    rec->n = n;
    return 1;
}

int record_next_indexed(quarry_record *rec, const char *data, size_t len, size_t *off,
                        const uint32_t *index, size_t nindex, size_t *at)
{
    quarry_record_clear(rec);
    if (*off == len)
        return 0;
    if (*at >= nindex)
        return -1;
    uint32_t n = index[(*at)++];
    if (nindex - *at < 4 * (size_t)n + 1)
        return -1;
    mem_grow((void **)&rec->fields, &rec->cap, n, sizeof *rec->fields);
    for (uint32_t i = 0; i < n; i++, *at += 4) {
        struct record_field *f = &rec->fields[i];
        f->name = data + index[*at];
        f->name_len = index[*at + 1];
        f->raw = data + index[*at + 2];
        f->raw_len = index[*at + 3];
        f->decoded = 0;
        f->list = NULL;
    }
    *off = index[(*at)++];
    rec->n = n;
    return 1;
}

/* The 5-byte msgpack header of LIST: array32, as the count was not known when packing began. */
static void record_list_head(const quarry_list *list, char head[5])
{
    head[0] = (char)0xdd;
    for (int k = 0; k < 4; k++)
        head[1 + k] = (char)(list->n >> (24 - 8 * k));
}

/* The field's value, decoded from its packed bytes on first use. */
static const quarry_value *record_value(const quarry_record *rec, struct record_field *f)
{
    if (f->list && (!f->decoded || f->list_seen != f->list->n)) {
        /* Read while being built (rare): decode a copy of the items so far. */
        const quarry_list *list = f->list;
        char *bytes = record_zalloc((quarry_record *)rec, list->items.len + 5);
        record_list_head(list, bytes);
        if (list->items.len)
            memcpy(bytes + 5, list->items.data, list->items.len);
        size_t off = 0;
        if (msgpack_unpack(bytes, list->items.len + 5, &off, rec->zone, &f->value) != MSGPACK_UNPACK_SUCCESS)
            abort();
        f->list_seen = list->n;
        f->decoded = 1;
    } else if (!f->decoded) {
        size_t off = 0;
        /* The bytes were checked by record_next: decoding cannot fail short of memory. */
        if (msgpack_unpack(f->raw, f->raw_len, &off, rec->zone, &f->value) != MSGPACK_UNPACK_SUCCESS)
            abort();
        f->decoded = 1;
    }
    return (const quarry_value *)&f->value;
}

const quarry_value *quarry_get(const quarry_record *rec, const char *name)
{
    struct record_field *f = record_find(rec, name, strlen(name));
    return f ? record_value(rec, f) : NULL;
}

static void record_strings_reserve(quarry_strings *out, size_t n)
{
    if (n <= out->cap)
        return;
    out->cap = n > 2 * out->cap ? n : 2 * out->cap;
    out->str = mem_realloc(out->str, out->cap * sizeof *out->str);
    out->len = mem_realloc(out->len, out->cap * sizeof *out->len);
}

int quarry_get_strings(const quarry_record *rec, const char *name, quarry_strings *out)
{
    out->n = 0;
    struct record_field *f = record_find(rec, name, strlen(name));
    if (!f)
        return -1;
    if (f->raw) {
        size_t off = 0;
        uint32_t n;
        if (record_scan_array(f->raw, f->raw_len, &off, &n) < 0)
            return -1;
        record_strings_reserve(out, n);
        for (uint32_t i = 0; i < n; i++) {
            uint32_t len;
            if (record_scan_str(f->raw, f->raw_len, &off, &out->str[i], &len) == 0) {
                out->len[i] = len;
            } else { /* checked by record_next: skipping cannot fail */
                out->str[i] = NULL;
                out->len[i] = 0;
                record_scan_skip(f->raw, f->raw_len, &off);
            }
        }
        out->n = n;
        return 0;
    }
    const quarry_value *list = record_value(rec, f);
    if (quarry_value_type(list) != QUARRY_LIST)
        return -1;
    size_t n = quarry_value_size(list);
    record_strings_reserve(out, n);
    for (size_t i = 0; i < n; i++)
        out->str[i] = quarry_value_string(quarry_value_at(list, i), &out->len[i]);
    out->n = n;
    return 0;
}

int quarry_get_ints(const quarry_record *rec, const char *name, quarry_ints *out)
{
    out->n = 0;
    struct record_field *f = record_find(rec, name, strlen(name));
    if (!f)
        return -1;
    size_t off = 0, n;
    const quarry_value *list = NULL; /* the decoded list, when the field has changed */
    if (f->raw) {
        uint32_t packed;
        if (record_scan_array(f->raw, f->raw_len, &off, &packed) < 0)
            return -1;
        n = packed;
    } else {
        list = record_value(rec, f);
        if (quarry_value_type(list) != QUARRY_LIST)
            return -1;
        n = quarry_value_size(list);
    }
    if (n > out->cap) {
        out->cap = n > 2 * out->cap ? n : 2 * out->cap;
        out->v = mem_realloc(out->v, out->cap * sizeof *out->v);
    }
    for (size_t i = 0; i < n; i++) {
        if (list) {
            out->v[i] = quarry_value_int(quarry_value_at(list, i));
        } else if (record_scan_int(f->raw, f->raw_len, &off, &out->v[i]) < 0) {
            out->v[i] = 0; /* no number; checked by record_next: skipping cannot fail */
            record_scan_skip(f->raw, f->raw_len, &off);
        }
    }
    out->n = n;
    return 0;
}

void quarry_ints_free(quarry_ints *s)
{
    free(s->v);
    memset(s, 0, sizeof *s);
}

void quarry_strings_free(quarry_strings *s)
{
    free(s->str);
    free(s->len);
    memset(s, 0, sizeof *s);
}

const char *record_peek_string(const quarry_record *rec, const char *name, uint32_t *len)
{
    const struct record_field *f = record_find(rec, name, strlen(name));
    if (!f)
        return NULL;
    if (f->decoded) {
        if (f->value.type != MSGPACK_OBJECT_STR)
            return NULL;
        *len = f->value.via.str.size;
        return f->value.via.str.ptr;
    }
    const char *s;
    size_t off = 0;
    return f->raw && record_scan_str(f->raw, f->raw_len, &off, &s, len) == 0 ? s : NULL;
}

const char *quarry_get_string(const quarry_record *rec, const char *name, size_t *len)
{
    return quarry_value_string(quarry_get(rec, name), len);
}

size_t quarry_field_count(const quarry_record *rec)
{
    return rec->n;
}

const char *quarry_field_name(const quarry_record *rec, size_t i, size_t *len)
{
    if (len)
        *len = i < rec->n ? rec->fields[i].name_len : 0;
    if (i >= rec->n)
        return NULL;
    return rec->fields[i].name;
}

const quarry_value *quarry_field_value(const quarry_record *rec, size_t i)
{
    return i < rec->n ? record_value(rec, &rec->fields[i]) : NULL;
}

quarry_type quarry_value_type(const quarry_value *v)
{
    if (!v)
        return QUARRY_NONE;
    switch (v->o.type) {
    case MSGPACK_OBJECT_NIL: return QUARRY_NIL;
    case MSGPACK_OBJECT_BOOLEAN: return QUARRY_BOOL;
    case MSGPACK_OBJECT_POSITIVE_INTEGER:
    case MSGPACK_OBJECT_NEGATIVE_INTEGER: return QUARRY_INT;
    case MSGPACK_OBJECT_FLOAT32:
    case MSGPACK_OBJECT_FLOAT64: return QUARRY_FLOAT;
    case MSGPACK_OBJECT_STR:
    case MSGPACK_OBJECT_BIN: return QUARRY_STRING;
    case MSGPACK_OBJECT_ARRAY: return QUARRY_LIST;
    case MSGPACK_OBJECT_MAP: return QUARRY_MAP;
    default: return QUARRY_NIL;
    }
}

const char *quarry_value_string(const quarry_value *v, size_t *len)
{
    if (len) /* what a caller that tests the length alone reads when there is no string */
        *len = 0;
    if (!v)
        return NULL;
    if (v->o.type == MSGPACK_OBJECT_STR) {
        if (len)
            *len = v->o.via.str.size;
        return v->o.via.str.ptr ? v->o.via.str.ptr : "";
    }
    if (v->o.type == MSGPACK_OBJECT_BIN) {
        if (len)
            *len = v->o.via.bin.size;
        return v->o.via.bin.ptr ? v->o.via.bin.ptr : "";
    }
    return NULL;
}

int64_t quarry_value_int(const quarry_value *v)
{
    switch (quarry_value_type(v)) {
    case QUARRY_INT:
        return v->o.type == MSGPACK_OBJECT_POSITIVE_INTEGER
                   ? (v->o.via.u64 > INT64_MAX ? INT64_MAX : (int64_t)v->o.via.u64)
                   : v->o.via.i64;
    case QUARRY_FLOAT:
        return record_float_int(v->o.via.f64);
    case QUARRY_BOOL:
        return v->o.via.boolean;
    default:
        return 0;
    }
}

double quarry_value_float(const quarry_value *v)
{
    switch (quarry_value_type(v)) {
    case QUARRY_FLOAT: return v->o.via.f64;
    case QUARRY_INT:
        return v->o.type == MSGPACK_OBJECT_POSITIVE_INTEGER ? (double)v->o.via.u64
                                                            : (double)v->o.via.i64;
    default: return 0;
    }
}

int quarry_value_bool(const quarry_value *v)
{
    return v && v->o.type == MSGPACK_OBJECT_BOOLEAN ? v->o.via.boolean : quarry_value_int(v) != 0;
}

size_t quarry_value_size(const quarry_value *v)
{
    if (!v)
        return 0;
    if (v->o.type == MSGPACK_OBJECT_ARRAY)
        return v->o.via.array.size;
    if (v->o.type == MSGPACK_OBJECT_MAP)
        return v->o.via.map.size;
    return 0;
}

const quarry_value *quarry_value_at(const quarry_value *v, size_t i)
{
    if (!v || v->o.type != MSGPACK_OBJECT_ARRAY || i >= v->o.via.array.size)
        return NULL;
    return (const quarry_value *)&v->o.via.array.ptr[i];
}

const char *quarry_value_key(const quarry_value *v, size_t i, size_t *len)
{
    int has = v && v->o.type == MSGPACK_OBJECT_MAP && i < v->o.via.map.size;
    return quarry_value_string(has ? (const quarry_value *)&v->o.via.map.ptr[i].key : NULL, len);
}

const quarry_value *quarry_value_map_at(const quarry_value *v, size_t i)
{
    if (!v || v->o.type != MSGPACK_OBJECT_MAP || i >= v->o.via.map.size)
        return NULL;
    return (const quarry_value *)&v->o.via.map.ptr[i].val;
}

static void record_make_string(quarry_record *rec, msgpack_object *o, const char *s, size_t len)
{
    o->type = MSGPACK_OBJECT_STR;
    o->via.str.ptr = record_copy_bytes(rec, s, len);
    o->via.str.size = (uint32_t)len;
}

void quarry_set_string(quarry_record *rec, const char *name, const char *s, size_t len)
{
    /* Copy before taking the slot: S may point into the field being replaced. */
    msgpack_object o;
    record_make_string(rec, &o, s, len);
    record_slot(rec, name)->value = o;
}

static void record_make_int(msgpack_object *o, int64_t v)
{
    if (v >= 0) {
        o->type = MSGPACK_OBJECT_POSITIVE_INTEGER;
        o->via.u64 = (uint64_t)v;
    } else {
        o->type = MSGPACK_OBJECT_NEGATIVE_INTEGER;
        o->via.i64 = v;
    }
}

void quarry_set_int(quarry_record *rec, const char *name, int64_t v)
{
    record_make_int(&record_slot(rec, name)->value, v);
}

void quarry_set_float(quarry_record *rec, const char *name, double v)
{
    msgpack_object *o = &record_slot(rec, name)->value;
    o->type = MSGPACK_OBJECT_FLOAT64;
    o->via.f64 = v;
}

void quarry_set_bool(quarry_record *rec, const char *name, int v)
{
    msgpack_object *o = &record_slot(rec, name)->value;
    o->type = MSGPACK_OBJECT_BOOLEAN;
    o->via.boolean = v != 0;
}

static void record_deep_copy(quarry_record *rec, msgpack_object *dst, const msgpack_object *src)
{
    *dst = *src;
    switch (src->type) {
    case MSGPACK_OBJECT_STR:
        dst->via.str.ptr = record_copy_bytes(rec, src->via.str.ptr, src->via.str.size);
        break;
    case MSGPACK_OBJECT_BIN:
        dst->via.bin.ptr = record_copy_bytes(rec, src->via.bin.ptr, src->via.bin.size);
        break;
    case MSGPACK_OBJECT_ARRAY: {
        msgpack_object *items = record_zalloc(rec, src->via.array.size * sizeof *items);
        for (uint32_t i = 0; i < src->via.array.size; i++)
            record_deep_copy(rec, &items[i], &src->via.array.ptr[i]);
        dst->via.array.ptr = items;
        break;
    }
    case MSGPACK_OBJECT_MAP: {
        msgpack_object_kv *kv = record_zalloc(rec, src->via.map.size * sizeof *kv);
        for (uint32_t i = 0; i < src->via.map.size; i++) {
            record_deep_copy(rec, &kv[i].key, &src->via.map.ptr[i].key);
            record_deep_copy(rec, &kv[i].val, &src->via.map.ptr[i].val);
        }
        dst->via.map.ptr = kv;
        break;
    }
    case MSGPACK_OBJECT_EXT:
        dst->via.ext.ptr = record_copy_bytes(rec, src->via.ext.ptr, src->via.ext.size);
        break;
    default:
        break;
    }
}

void quarry_set_value(quarry_record *rec, const char *name, const quarry_value *v)
{
    msgpack_object o;
    record_deep_copy(rec, &o, &v->o);
    record_slot(rec, name)->value = o;
}

int quarry_remove(quarry_record *rec, const char *name)
{
    struct record_field *f = record_find(rec, name, strlen(name));
    if (!f)
        return 0;
    size_t i = (size_t)(f - rec->fields);
    memmove(f, f + 1, (rec->n - i - 1) * sizeof *f);
    rec->n--;
    return 1;
}

static int record_buf_write(void *data, const char *bytes, size_t len)
{
    quarry_buf_append(data, bytes, len);
    return 0;
}

quarry_list *quarry_set_list(quarry_record *rec, const char *name)
{
    if (rec->nlists == rec->kept) {
        mem_grow((void **)&rec->lists, &rec->caplists, rec->kept + 1, sizeof *rec->lists);
        quarry_list *fresh = mem_calloc(1, sizeof *fresh);
        msgpack_packer_init(&fresh->pk, &fresh->items, record_buf_write);
        rec->lists[rec->kept++] = fresh;
    }
    quarry_list *list = rec->lists[rec->nlists++];
    struct record_field *f = record_slot(rec, name);
    f->list = list;
    f->decoded = 0;
    return list;
}

/* Room for N more bytes of items; returns where they go. */
/* Room for N more bytes at the end of B; returns where they go. */
static inline char *record_room(quarry_buf *b, size_t n)
{
    if (b->cap - b->len < n + 1)
        buf_reserve(b, n);
    return b->data + b->len;
}

/* Appends S (LEN bytes) to B as a msgpack string; returns the size of its header. Strings are
 * most of what records hold (a token per word): they are encoded here in one step, rather than
 * through msgpack_packer's callbacks, one for the header and one for the bytes. */
static size_t record_put_str(quarry_buf *b, const char *s, size_t len)
{
    char *p = record_room(b, len + 5);
    size_t head;
    if (len < 32) {
        p[0] = (char)(0xa0 | len);
        head = 1;
    } else if (len < 256) {
        p[0] = (char)0xd9;
        p[1] = (char)len;
        head = 2;
    } else if (len < 65536) {
        p[0] = (char)0xda;
        p[1] = (char)(len >> 8);
        p[2] = (char)len;
        head = 3;
    } else {
        p[0] = (char)0xdb;
        for (int k = 0; k < 4; k++)
            p[1 + k] = (char)(len >> (24 - 8 * k));
        head = 5;
    }
    if (len)
        memcpy(p + head, s, len);
    b->len += head + len;
    return head;
}

void quarry_list_add_string(quarry_list *list, const char *s, size_t len)
{
    record_put_str(&list->items, s, len);
    list->n++;
}

void quarry_list_add_int(quarry_list *list, int64_t v)
{
    if (v >= 0 && v < 128) {
        *record_room(&list->items, 1) = (char)v; /* positive fixint */
        list->items.len++;
    } else {
        msgpack_pack_int64(&list->pk, v);
    }
    list->n++;
}

void quarry_list_add_float(quarry_list *list, double v)
{
    msgpack_pack_double(&list->pk, v);
    list->n++;
}

void quarry_list_add_pair(quarry_list *list, const char *term, size_t len, double weight)
{
    msgpack_pack_array(&list->pk, 2);
    quarry_list_add_string(list, term, len);
    msgpack_pack_double(&list->pk, weight);
    /* The pair is one item: quarry_list_add_string counted it. */
}

void record_packer_init(msgpack_packer *pk, quarry_buf *out)
{
    msgpack_packer_init(pk, out, record_buf_write);
}

/* PK's buffer: every packer here writes into a quarry_buf (record_packer_init). */
static quarry_buf *record_pk_buf(msgpack_packer *pk)
{
    return pk->data;
}

static void record_pack_value(msgpack_packer *pk, const struct record_field *f)
{
    if (f->raw) {
        pk->callback(pk->data, f->raw, f->raw_len);
    } else if (f->list) {
        char head[5];
        record_list_head(f->list, head);
        pk->callback(pk->data, head, 5);
        pk->callback(pk->data, f->list->items.data, f->list->items.len);
    } else if (f->value.type == MSGPACK_OBJECT_STR) {
        record_put_str(record_pk_buf(pk), f->value.via.str.ptr, f->value.via.str.size);
    } else if (f->value.type == MSGPACK_OBJECT_POSITIVE_INTEGER && f->value.via.u64 < 128) {
        *record_room(record_pk_buf(pk), 1) = (char)f->value.via.u64; /* positive fixint */
        record_pk_buf(pk)->len++;
    } else {
        msgpack_pack_object(pk, f->value);
    }
}

/* Packs field F; when INDEX is given, appends its spans in the packer's buffer to it. */
static void record_pack_field(msgpack_packer *pk, const struct record_field *f, quarry_buf *index)
{
    quarry_buf *out = record_pk_buf(pk);
    size_t start = out->len;
    size_t head = record_put_str(out, f->name, f->name_len);
    uint32_t span[4] = {(uint32_t)(start + head), f->name_len, (uint32_t)out->len, 0};
    record_pack_value(pk, f);
    if (index) {
        span[3] = (uint32_t)(out->len - span[2]);
        quarry_buf_append(index, span, sizeof span);
    }
}

void record_pack_indexed(const quarry_record *rec, msgpack_packer *pk, quarry_buf *index)
{
    msgpack_pack_map(pk, rec->n);
    uint32_t n = (uint32_t)rec->n;
    quarry_buf_append(index, &n, sizeof n);
    for (size_t i = 0; i < rec->n; i++)
        record_pack_field(pk, &rec->fields[i], index);
    uint32_t end = (uint32_t)record_pk_buf(pk)->len;
    quarry_buf_append(index, &end, sizeof end);
}

void record_pack(const quarry_record *rec, msgpack_packer *pk)
{
    msgpack_pack_map(pk, rec->n);
    for (size_t i = 0; i < rec->n; i++)
        record_pack_field(pk, &rec->fields[i], NULL);
}

static void record_pack_cstr(msgpack_packer *pk, const char *s)
{
    record_put_str(record_pk_buf(pk), s, strlen(s));
}

void record_pack_tagged(const quarry_record *rec, msgpack_packer *pk, const char *stage,
                        const char *reason)
{
    size_t n = 0;
    for (size_t i = 0; i < rec->n; i++)
        n += !(rec->fields[i].name_len == 6 && (memcmp(rec->fields[i].name, "_stage", 6) == 0)) &&
             !(rec->fields[i].name_len == 7 && (memcmp(rec->fields[i].name, "_reason", 7) == 0));
    msgpack_pack_map(pk, n + 2);
    record_pack_cstr(pk, "_stage");
    record_pack_cstr(pk, stage);
    record_pack_cstr(pk, "_reason");
    record_pack_cstr(pk, reason);
    for (size_t i = 0; i < rec->n; i++) {
        const struct record_field *f = &rec->fields[i];
        if ((f->name_len == 6 && memcmp(f->name, "_stage", 6) == 0) ||
            (f->name_len == 7 && memcmp(f->name, "_reason", 7) == 0))
            continue;
        record_pack_field(pk, f, NULL);
    }
}

void *record_alloc(quarry_record *rec, size_t size)
{
    return record_zalloc(rec, size);
}

void record_set_object(quarry_record *rec, const char *name, const msgpack_object *o)
{
    record_slot(rec, name)->value = *o;
}

void record_add_object(quarry_record *rec, const char *name, const msgpack_object *o)
{
    record_new_field(rec, name, strlen(name))->value = *o;
}
