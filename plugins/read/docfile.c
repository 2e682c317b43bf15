/* docfile.c: files that hold many documents (JSON Lines, a JSON array, CSV, a feed), cut into
 * their documents as they are read, each named by its place when it has no id (docfile.h). */
#include "docfile.h"
#include "csvsplit.h"
#include "feed.h"
#include "jsonsplit.h"
#include "sniff.h"
#include "tablerows.h"
#include "utf16.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Where a document was: a line of JSON Lines or CSV (ELEMENT 0), or the ELEMENT-th value of a
 * JSON file, begun on LINE; RECORD, if not 0, its place in the list that object holds
 * (json-records). */
typedef struct docfile_place {
    const char *path, *file_id;
    size_t line, element, record;
} docfile_place;

/* "PATH:LINE" or "PATH: element N (line L)", then ", record R" if nested, for messages. */
static const char *docfile_place_name(const docfile_place *at, char *out, size_t cap)
{
    int n = at->element ? snprintf(out, cap, "%s: element %zu (line %zu)", at->path, at->element, at->line)
                        : snprintf(out, cap, "%s:%zu", at->path, at->line);
    if (at->record && n > 0 && (size_t)n < cap)
        snprintf(out + n, cap - (size_t)n, ", record %zu", at->record);
    return out;
}

/* Appends the id of a document AT that has none to OUT: FILE:N, N its line (JSON Lines, CSV)
 * or its element (JSON), then .R for the R-th record of a json-records list: "feed:3.2". */
static void docfile_place_id(quarry_buf *out, const docfile_place *at)
{
    char number[64];
    int len = snprintf(number, sizeof number, ":%zu", at->element ? at->element : at->line);
    if (at->record)
        len += snprintf(number + len, sizeof number - (size_t)len, ".%zu", at->record);
    quarry_buf_append(out, at->file_id, strlen(at->file_id));
    quarry_buf_append(out, number, (size_t)len);
}

/* REC cleared, with the id of the document AT, as one without an id of its own gets it. */
static void docfile_place_record(quarry_record *rec, const docfile_place *at)
{
    quarry_buf id = {0};
    docfile_place_id(&id, at);
    quarry_record_clear(rec);
    quarry_set_string(rec, "id", id.data, id.len);
    quarry_buf_free(&id);
}

/* A feed being read: where its items go, and the file's id for those without one of their own. */
typedef struct docfile_feed_file {
    quarry_ctx *ctx;
    read_state *st;
    const char *path, *file_id;
} docfile_feed_file;

/* One item of a feed (feed_item_fn): a document of its id (else FILE:N, N its number), title,
 * text (empty if it has none: a headline alone is still news), link, date, author and source. */
static void docfile_feed_item(void *data, const feed_item *item)
{
    docfile_feed_file *f = data;
    quarry_record *rec = f->st->rec;
    docfile_place at = {f->path, f->file_id, item->line, item->number, 0};
    docfile_place_record(rec, &at);
    if (item->id)
        read_set_cstr(rec, "id", item->id);
    const char *const parts[][2] = {{"title", item->title},   {"text", item->text ? item->text : ""},
                                    {"url", item->url},       {"date", item->date},
                                    {"published", item->published}, {"author", item->author},
                                    {"source", item->source}};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (parts[i][1])
            read_set_cstr(rec, parts[i][0], parts[i][1]);
    if (item->categories) {
        quarry_list *categories = quarry_set_list(rec, "categories");
        for (uint32_t i = 0; i < intern_count(item->categories); i++) {
            size_t len;
            const char *name = intern_key(item->categories, i, &len);
            quarry_list_add_string(categories, name, len);
        }
    }
    read_emit(f->ctx, f->st, rec, f->path, item->line);
}

int docfile_feed_items(quarry_ctx *ctx, read_state *st, const char *path, const char *id, int converted)
{
    docfile_feed_file f = {ctx, st, path, id};
    char why[512];
    if (feed_read(st->data.len ? st->data.data : "", st->data.len, converted ? "UTF-8" : NULL, docfile_feed_item, &f,
                  why, sizeof why) != 0)
        return read_reject_file(ctx, st, id, path, why);
    return 0;
}

/* Whether V is a list that holds an object. */
static int docfile_lists_objects(const quarry_value *v)
{
    if (quarry_value_type(v) != QUARRY_LIST)
        return 0;
    for (size_t i = 0; i < quarry_value_size(v); i++)
        if (quarry_value_type(quarry_value_at(v, i)) == QUARRY_MAP)
            return 1;
    return 0;
}

/* Appends to HINT, for a JSON object without a text, where its documents may be: a field that
 * is a list of objects, as an API's response holds its 'articles'. */
static void docfile_nested_hint(const quarry_record *rec, quarry_buf *hint)
{
    for (size_t i = 0; i < quarry_field_count(rec); i++) {
        const quarry_value *v = quarry_field_value(rec, i);
        if (!docfile_lists_objects(v))
            continue;
        size_t len;
        const char *name = quarry_field_name(rec, i, &len);
        char text[320];
        snprintf(text, sizeof text, "; its '%.*s' is a list of %zu: give json-records=%.*s to read them", (int)len,
                 name, quarry_value_size(v), (int)len, name);
        quarry_buf_append(hint, text, strlen(text));
        return;
    }
}

/* Whether NAME (LEN bytes) is WANT in other letter case: "Text" for text-field "text", as a
 * spreadsheet's or a data frame's export names its columns. */
static int docfile_case_twin(const char *name, size_t len, const char *want)
{
    return len == strlen(want) && strncasecmp(name, want, len) == 0 && memcmp(name, want, len) != 0;
}

/* The name of REC's field that is WANT in other letter case (docfile_case_twin), or NULL; its
 * length in *LEN. */
static const char *docfile_field_case_twin(const quarry_record *rec, const char *want, size_t *len)
{
    for (size_t i = 0; i < quarry_field_count(rec); i++) {
        const char *name = quarry_field_name(rec, i, len);
        if (docfile_case_twin(name, *len, want))
            return name;
    }
    return NULL;
}

/* A document without id-field, that has it in other letter case ("ID"): its id is its place,
 * which a user who meant that field would not know. Said once a run, at the first such one. */
static void docfile_id_case_warn(quarry_ctx *ctx, read_state *st, const docfile_place *at, const quarry_record *rec)
{
    size_t len;
    const char *twin = st->id_case_warned ? NULL : docfile_field_case_twin(rec, st->id_field, &len);
    if (!twin)
        return;
    st->id_case_warned = 1;
    char where[PATH_MAX + 64];
    quarry_log(ctx, QUARRY_LOG_WARN,
               "%s: no field '%s' for the id (id-field), but '%.*s' differs in case alone: documents "
               "without one are named by their place (FILE:LINE); give id-field = %.*s to take theirs",
               docfile_place_name(at, where, sizeof where), st->id_field, (int)len, twin, (int)len, twin);
}

/* The text of V if it is a list of strings (a scraper's or an API's paragraphs, "body":
 * ["...", "..."]), into OUT: the paragraphs joined by blank lines, as a text file parts them.
 * 0 for any other value. */
static int docfile_paragraphs(const quarry_value *v, quarry_buf *out)
{
    if (quarry_value_type(v) != QUARRY_LIST)
        return 0;
    for (size_t i = 0; i < quarry_value_size(v); i++)
        if (quarry_value_type(quarry_value_at(v, i)) != QUARRY_STRING)
            return 0;
    for (size_t i = 0; i < quarry_value_size(v); i++) {
        size_t len;
        const char *para = quarry_value_string(quarry_value_at(v, i), &len);
        if (i)
            quarry_buf_append(out, "\n\n", 2);
        quarry_buf_append(out, para, len);
    }
    return 1;
}

/* What V, a value that is no text, is: for a reason that says so. */
static const char *docfile_kind(const quarry_value *v)
{
    switch (quarry_value_type(v)) {
    case QUARRY_NIL: return "null";
    case QUARRY_BOOL: return "true or false";
    case QUARRY_INT: case QUARRY_FLOAT: return "a number";
    case QUARRY_MAP: return "an object";
    case QUARRY_LIST: return "a list of other than strings";
    default: return "no string";
    }
}

/* A document of fields (a JSON line or element, a CSV row) in REC, from AT: emitted with string
 * "id" and "text" fields, taken from id-field and text-field, or rejected. */
static void docfile_document(quarry_ctx *ctx, read_state *st, const docfile_place *at, quarry_record *rec)
{
    if (tablerows_is_row(rec)) { /* a corpus table's row: no document, and wants no id or text */
        read_emit(ctx, st, rec, at->path, at->line);
        return;
    }
    quarry_buf id = {0};
    char where[PATH_MAX + 64];
    const quarry_value *idv = quarry_get(rec, st->id_field);
    if (quarry_value_type(idv) == QUARRY_STRING) {
        size_t il;
        const char *s = quarry_value_string(idv, &il);
        quarry_buf_append(&id, s, il);
    } else if (idv && quarry_value_type(idv) != QUARRY_NIL) {
        quarry_value_to_json(idv, &id);  /* a number or other value: its JSON text */
    } else {
        docfile_place_id(&id, at);
        if (!idv)
            docfile_id_case_warn(ctx, st, at, rec);
    }
    if (strcmp(st->id_field, "id") != 0)
        quarry_remove(rec, st->id_field);
    quarry_set_string(rec, "id", id.data, id.len);
    quarry_buf_free(&id);
    size_t tl;
    const char *text = quarry_get_string(rec, st->text_field, &tl);
    const quarry_value *textv = quarry_get(rec, st->text_field);
    quarry_buf paragraphs = {0};
    int joined = !text && docfile_paragraphs(textv, &paragraphs);
    if (joined) {
        text = paragraphs.data ? paragraphs.data : "";
        tl = paragraphs.len;
    }
    if (textv && !text) {
        quarry_reject(ctx, rec, "%s: field '%s' is %s, not a string (nor a list of strings, a text's paragraphs)",
                      docfile_place_name(at, where, sizeof where), st->text_field, docfile_kind(textv));
        return;
    }
    if (!text) {
        quarry_buf hint = {0};
        size_t twin_len;
        const char *twin = docfile_field_case_twin(rec, st->text_field, &twin_len);
        if (twin) {
            char said[320];
            snprintf(said, sizeof said, "; it has '%.*s', which differs in case alone: give text-field = %.*s",
                     (int)twin_len, twin, (int)twin_len, twin);
            quarry_buf_append(&hint, said, strlen(said));
        } else if (!st->json_records)
            docfile_nested_hint(rec, &hint);
        quarry_reject(ctx, rec, "%s: no string field '%s'%.*s", docfile_place_name(at, where, sizeof where),
                      st->text_field, (int)hint.len, hint.data ? hint.data : "");
        quarry_buf_free(&hint);
        return;
    }
    if (memchr(text, '\0', tl)) {
        quarry_reject(ctx, rec, "%s: NUL character in '%s'", docfile_place_name(at, where, sizeof where),
                      st->text_field);
        quarry_buf_free(&paragraphs);
        return;
    }
    if (joined || strcmp(st->text_field, "text") != 0) {
        quarry_set_string(rec, "text", text, tl); /* copied before the field it may lie in goes */
        if (strcmp(st->text_field, "text") != 0)
            quarry_remove(rec, st->text_field);
    }
    quarry_buf_free(&paragraphs);
    read_emit(ctx, st, rec, at->path, at->line);
}

/* The value at dotted PATH ("response.results") in REC, or NULL. */
static const quarry_value *docfile_at_path(const quarry_record *rec, const char *path)
{
    char name[256];
    size_t n = strcspn(path, ".");
    if (n >= sizeof name)
        return NULL;
    memcpy(name, path, n);
    name[n] = '\0';
    const quarry_value *v = quarry_get(rec, name);
    for (path += n; v && *path == '.'; path += n) {
        path++;
        n = strcspn(path, ".");
        const quarry_value *next = NULL;
        for (size_t i = 0; quarry_value_type(v) == QUARRY_MAP && i < quarry_value_size(v) && !next; i++) {
            size_t kl;
            const char *key = quarry_value_key(v, i, &kl);
            if (kl == n && !memcmp(key, path, n))
                next = quarry_value_map_at(v, i);
        }
        v = next;
    }
    return v;
}

/* The documents of one JSON object (a line, or an element of a JSON file), in its list at
 * json-records: each object of the list one, numbered within it; the object itself is rejected
 * if it has no such list. */
static void docfile_json_nested(quarry_ctx *ctx, read_state *st, const docfile_place *outer, const char *value,
                             size_t len)
{
    char where[PATH_MAX + 64];
    quarry_buf err = {0};
    int parsed = quarry_record_from_json(st->outer, value, len, &err) == 0;
    const quarry_value *list = parsed ? docfile_at_path(st->outer, st->json_records) : NULL;
    if (quarry_value_type(list) != QUARRY_LIST) {
        docfile_place_record(st->rec, outer);
        if (!parsed)
            quarry_reject(ctx, st->rec, "%s: %.*s", docfile_place_name(outer, where, sizeof where), (int)err.len,
                          err.data);
        else
            quarry_reject(ctx, st->rec, "%s: no list at '%s' (json-records)",
                          docfile_place_name(outer, where, sizeof where), st->json_records);
        quarry_buf_free(&err);
        return;
    }
    quarry_buf_free(&err);
    quarry_buf name = {0};
    for (size_t i = 0; i < quarry_value_size(list); i++) {
        docfile_place at = *outer;
        at.record = i + 1;
        const quarry_value *item = quarry_value_at(list, i);
        quarry_record_clear(st->rec);
        if (quarry_value_type(item) != QUARRY_MAP) {
            docfile_place_record(st->rec, &at);
            quarry_reject(ctx, st->rec, "%s: not an object: a document is an object with an 'id' and a '%s'",
                          docfile_place_name(&at, where, sizeof where), st->text_field);
            continue;
        }
        for (size_t k = 0; k < quarry_value_size(item); k++) {
            size_t kl;
            const char *key = quarry_value_key(item, k, &kl);
            name.len = 0;
            quarry_buf_append(&name, key, kl);
            quarry_buf_append(&name, "", 1);
            quarry_set_value(st->rec, name.data, quarry_value_map_at(item, k));
        }
        docfile_document(ctx, st, &at, st->rec);
    }
    quarry_buf_free(&name);
}

/* One JSON document (a line, or an element of a JSON file): parsed, then docfile_document, or
 * rejected. */
static void docfile_json_line(quarry_ctx *ctx, read_state *st, const docfile_place *at, const char *line,
                           size_t len)
{
    if (st->json_records) {
        docfile_json_nested(ctx, st, at, line, len);
        return;
    }
    quarry_buf err = {0};
    quarry_record *rec = st->rec;
    if (quarry_record_from_json(rec, line, len, &err) < 0) {
        char where[PATH_MAX + 64];
        docfile_place_record(rec, at);
        quarry_set_string(rec, "raw", line, len);
        quarry_reject(ctx, rec, "%s: %.*s", docfile_place_name(at, where, sizeof where), (int)err.len, err.data);
        quarry_buf_free(&err);
        return;
    }
    quarry_buf_free(&err);
    docfile_document(ctx, st, at, rec);
}

/* Feeds the whole of GZ (its first PENDING bytes in st->chunk) to FEED with SPLITTER, chunk by
 * chunk, without the byte-order mark a Windows editor may put first, then closes GZ. 0; -1 with
 * the gzip problem that stopped it in WHY (CAP bytes); or -2, with why the file is no JSON or
 * CSV at all, before anything was fed, or why FEED refused the whole file (its header), where
 * reading stopped. */
typedef const char *(*docfile_feed_fn)(void *splitter, const char *s, size_t n);
static int docfile_feed_all(quarry_ctx *ctx, read_state *st, gzin *gz, int pending, docfile_feed_fn feed,
                         void *splitter, char *why, size_t cap)
{
    int n, first = 1;
    while ((n = read_next_chunk(ctx, st, gz, &pending)) > 0) {
        size_t skip = first ? read_utf8_mark(st->chunk, (size_t)n) : 0;
        /* Blank lines alone are an empty file, as a fetch that failed may leave; the first byte
         * after them tells a JSON array from JSON Lines. */
        for (size_t i = skip; st->file_first < 0 && i < (size_t)n; i++)
            if (!st->chunk[i] || !strchr(" \t\r\n", st->chunk[i]))
                st->file_first = (unsigned char)st->chunk[i];
        const char *other = first ? sniff_unreadable_start(st->chunk, (size_t)n) : NULL;
        if (other) {
            snprintf(why, cap, "%s", other);
            gzin_close(gz);
            return -2;
        }
        first = 0;
        const char *refused = feed(splitter, st->chunk + skip, (size_t)n - skip);
        if (refused) { /* the rest of the file would be read for nothing */
            snprintf(why, cap, "%s", refused);
            gzin_close(gz);
            return -2;
        }
    }
    const char *problem = read_gz_problem(st, gz);
    if (problem)
        snprintf(why, cap, "%s", problem); /* before gzin_close, which frees its text */
    gzin_close(gz);
    return problem ? -1 : 0;
}

/* A format whose files are cut into documents as they are read (JSON, CSV): FEED takes the next
 * bytes; END, at the end, returns 0, or -1 with why the file ends inside a document in WHY; AT
 * says how far reading got, for a gzip problem ("after element 3", "at line 12"). */
typedef struct docfile_splitter {
    docfile_feed_fn feed;
    int (*end)(void *file, char *why, size_t cap);
    void (*at)(void *file, char *out, size_t cap);
} docfile_splitter;

/* Reads GZ (its first PENDING bytes in st->chunk) from PATH through SP with FILE, its state; a
 * gzip problem or a file cut short rejects the file, naming how far it got, after the documents
 * before; a file SP refuses (a CSV header it cannot read) is one rejected record, no more. */
static void docfile_split(quarry_ctx *ctx, read_state *st, gzin *gz, int pending, const char *path,
                       const char *file_id, const docfile_splitter *sp, void *file)
{
    char problem[256], at[64], why[512];
    int fed = docfile_feed_all(ctx, st, gz, pending, sp->feed, file, problem, sizeof problem);
    if (fed == -2) {
        read_reject_file(ctx, st, file_id, path, problem);
    } else if (fed < 0) {
        sp->at(file, at, sizeof at);
        snprintf(why, sizeof why, "%s: %s", at, problem);
        read_reject_file(ctx, st, file_id, path, why);
    } else if (!quarry_stopping(ctx) && sp->end(file, why, sizeof why) < 0) {
        read_reject_file(ctx, st, file_id, path, why);
    }
}

/* A JSON Lines file being read: the line being gathered (in st->data) and how many ended. */
typedef struct docfile_jsonl_file {
    quarry_ctx *ctx;
    read_state *st;
    const char *path, *file_id;
    size_t lineno;
    int too_long; /* the line ran past max-bytes: the rest of it is not kept */
} docfile_jsonl_file;

/* Ends the line gathered: a document, rejected if it ran past max-bytes; a blank line is none. */
static void docfile_jsonl_line_end(docfile_jsonl_file *f)
{
    read_state *st = f->st;
    docfile_place at = {f->path, f->file_id, ++f->lineno, 0, 0};
    if (f->too_long) {
        docfile_place_record(st->rec, &at);
        quarry_reject(f->ctx, st->rec, "%s:%zu: line longer than max-bytes (%zu)", f->path, f->lineno,
                      st->max_bytes);
    } else if (strspn(st->data.data ? st->data.data : "", " \t\r") < st->data.len) {
        docfile_json_line(f->ctx, st, &at, st->data.data, st->data.len);
    }
    st->data.len = 0;
    f->too_long = 0;
}

/* The next N bytes at S of a JSON Lines file (docfile_feed_fn): a document a line. A file that
 * begins with '[' is a JSON array (an export or an API's answer named .jsonl): refused whole,
 * where each of its lines would be rejected on its own, a pretty-printed one's every line. */
static const char *docfile_jsonl_feed(void *data, const char *s, size_t n)
{
    docfile_jsonl_file *f = data;
    read_state *st = f->st;
    if (st->file_first == '[') /* docfile_feed_all has seen it, before this chunk's lines */
        return "it begins with '[': a JSON array, not JSON Lines (a document a line): name it .json, "
               "or give format = json";
    for (const char *p = s, *end = s + n; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t take = (size_t)((nl ? nl : end) - p);
        if (!f->too_long && st->data.len + take > st->max_bytes)
            f->too_long = 1;
        if (!f->too_long)
            quarry_buf_append(&st->data, p, take);
        p += take;
        if (!nl)
            break;
        p++;
        docfile_jsonl_line_end(f);
    }
    return NULL;
}

/* At the end of a JSON Lines file: a last line without its newline is a line too. */
static int docfile_jsonl_end(void *data, char *why, size_t cap)
{
    (void)why, (void)cap;
    docfile_jsonl_file *f = data;
    if (f->st->data.len || f->too_long)
        docfile_jsonl_line_end(f);
    return 0;
}

static void docfile_jsonl_at(void *data, char *out, size_t cap)
{
    snprintf(out, cap, "after line %zu", ((docfile_jsonl_file *)data)->lineno);
}

int docfile_jsonl(quarry_ctx *ctx, read_state *st, gzin *gz, const char *path, const char *file_id, int pending)
{
    static const docfile_splitter jsonl = {docfile_jsonl_feed, docfile_jsonl_end, docfile_jsonl_at};
    docfile_jsonl_file f = {.ctx = ctx, .st = st, .path = path, .file_id = file_id};
    st->data.len = 0;
    docfile_split(ctx, st, gz, pending, path, file_id, &jsonl, &f);
    return 0;
}

/* A JSON file being read: its splitter, and where its values go. */
typedef struct docfile_json_file {
    quarry_ctx *ctx;
    read_state *st;
    const char *path, *file_id;
    json_split js;
} docfile_json_file;

/* One value of a JSON file (json_split_fn): a document if it is an object, else rejected. */
static void docfile_json_value(void *data, const char *value, size_t len, size_t element, size_t line,
                            int too_long)
{
    docfile_json_file *f = data;
    docfile_place at = {f->path, f->file_id, line, element, 0};
    char where[PATH_MAX + 64];
    if (!too_long && value[0] == '{') {
        docfile_json_line(f->ctx, f->st, &at, value, len);
        return;
    }
    docfile_place_record(f->st->rec, &at);
    if (too_long) {
        quarry_reject(f->ctx, f->st->rec, "%s: larger than max-bytes (%zu)",
                      docfile_place_name(&at, where, sizeof where), f->st->max_bytes);
        return;
    }
    quarry_set_string(f->st->rec, "raw", value, len);
    quarry_reject(f->ctx, f->st->rec, "%s: not an object: a document is an object with an 'id' and a '%s'",
                  docfile_place_name(&at, where, sizeof where), f->st->text_field);
}

static const char *docfile_json_feed(void *data, const char *s, size_t n)
{
    docfile_json_file *f = data;
    json_split_feed(&f->js, s, n, docfile_json_value, f);
    return NULL;
}

static int docfile_json_end(void *data, char *why, size_t cap)
{
    docfile_json_file *f = data;
    if (json_split_end(&f->js, docfile_json_value, f) == 0)
        return 0;
    snprintf(why, cap, "ends inside element %zu, begun on line %zu: cut short?", f->js.values, f->js.value_line);
    return -1;
}

static void docfile_json_at(void *data, char *out, size_t cap)
{
    const json_split *js = &((docfile_json_file *)data)->js;
    if (js->in_value)
        snprintf(out, cap, "inside element %zu, begun on line %zu", js->values, js->value_line);
    else if (js->values)
        snprintf(out, cap, "after element %zu", js->values);
    else
        snprintf(out, cap, "before its first element");
}

int docfile_json(quarry_ctx *ctx, read_state *st, gzin *gz, const char *path, const char *file_id, int pending)
{
    static const docfile_splitter json = {docfile_json_feed, docfile_json_end, docfile_json_at};
    docfile_json_file f = {.ctx = ctx, .st = st, .path = path, .file_id = file_id};
    json_split_init(&f.js, st->max_bytes);
    docfile_split(ctx, st, gz, pending, path, file_id, &json, &f);
    json_split_free(&f.js);
    return 0;
}

/* A CSV file being read: its header's column names, and where its rows go. */
typedef struct docfile_csv_file {
    quarry_ctx *ctx;
    read_state *st;
    const char *path, *file_id;
    csv_split cs; /* cs.tsv: a TSV file */
    char **columns; /* the header's names, once read */
    size_t ncolumns;
    size_t text_column, id_column; /* their places in the header; ncolumns if it has none */
    int header_read;
    char why[512];  /* set: the header makes the file unreadable */
} docfile_csv_file;

/* The header of F: ROW's fields are the columns' names; an empty one (an index, as pandas writes
 * it) is named by its place, "column1". Sets f->why if the names repeat or lack text-field. */
static void docfile_csv_header(docfile_csv_file *f, const csv_row *row)
{
    f->header_read = 1;
    if (row->too_long) {
        snprintf(f->why, sizeof f->why, "its header row is longer than max-bytes (%zu)", f->st->max_bytes);
        return;
    }
    f->columns = calloc(row->n, sizeof *f->columns);
    if (!f->columns)
        abort();
    f->ncolumns = row->n;
    f->text_column = f->id_column = row->n;
    for (size_t i = 0; i < row->n; i++) {
        char place[32];
        snprintf(place, sizeof place, "column%zu", i + 1);
        f->columns[i] = row->len[i] ? strndup(row->text + row->at[i], row->len[i]) : strdup(place);
        if (!f->columns[i])
            abort();
        if (strcmp(f->columns[i], f->st->text_field) == 0)
            f->text_column = i;
        if (strcmp(f->columns[i], f->st->id_field) == 0)
            f->id_column = i;
        for (size_t k = 0; k < i && !f->why[0]; k++)
            if (strcmp(f->columns[k], f->columns[i]) == 0)
                snprintf(f->why, sizeof f->why, "its header names column '%.200s' twice", f->columns[i]);
    }
    if (f->text_column == row->n && !f->why[0]) {
        int n = snprintf(f->why, sizeof f->why, "no column '%s' for the text (text-field); its header: ",
                         f->st->text_field);
        for (size_t i = 0; i < row->n && n > 0 && (size_t)n < sizeof f->why; i++)
            n += snprintf(f->why + n, sizeof f->why - (size_t)n, "%s%s", i ? ", " : "", f->columns[i]);
        /* A column named so in other letter case ("Text"), as a spreadsheet's export has it; else
         * one column whose name holds another separator: a file of another dialect, as a
         * spreadsheet in a European locale saves CSV with semicolons. */
        const char *twin = NULL, *hint = NULL;
        for (size_t i = 0; i < row->n && !twin; i++)
            if (docfile_case_twin(f->columns[i], strlen(f->columns[i]), f->st->text_field))
                twin = f->columns[i];
        char twin_hint[320];
        if (twin) {
            snprintf(twin_hint, sizeof twin_hint, "; column '%.120s' differs in case alone: give text-field = %.120s",
                     twin, twin);
            hint = twin_hint;
        } else if (row->n == 1 && f->cs.tsv && strchr(f->columns[0], ','))
            hint = "; it looks comma-separated: name it .csv, or give format = csv";
        else if (row->n == 1 && !f->cs.tsv && strchr(f->columns[0], '\t'))
            hint = "; it looks tab-separated: name it .tsv if it escapes as TSV does (\\t, \\n), else "
                   "give csv-separator = tab";
        else if (row->n == 1 && !f->cs.tsv && strchr(f->columns[0], ';'))
            hint = "; it looks separated by semicolons: give csv-separator = semicolon";
        if (hint && n > 0 && (size_t)n < sizeof f->why)
            snprintf(f->why + n, sizeof f->why - (size_t)n, "%s", hint);
    }
}

/* One row of a CSV or TSV file (csv_split_fn): the header, then a document a row. */
static void docfile_csv_row(void *data, const csv_row *row)
{
    docfile_csv_file *f = data;
    if (!f->header_read) {
        docfile_csv_header(f, row);
        return;
    }
    if (f->why[0])
        return; /* the file is rejected whole: its reading ends with this chunk */
    docfile_place at = {f->path, f->file_id, row->line, 0, 0};
    quarry_record *rec = f->st->rec;
    char where[PATH_MAX + 64];
    if (row->too_long || row->n != f->ncolumns) {
        docfile_place_record(rec, &at);
        if (row->too_long)
            quarry_reject(f->ctx, rec, "%s: row longer than max-bytes (%zu)",
                          docfile_place_name(&at, where, sizeof where), f->st->max_bytes);
        else
            quarry_reject(f->ctx, rec, "%s: %zu fields, where the header has %zu",
                          docfile_place_name(&at, where, sizeof where), row->n, f->ncolumns);
        return;
    }
    quarry_record_clear(rec);
    /* An empty cell is a field the row lacks, unless quoted (""): an empty string. That is how
     * PostgreSQL's COPY tells NULL from '', and how write tells a missing field from an empty
     * one. An empty id is none, quoted or not. TSV cannot tell the two: its empty text is a
     * document's empty text, as an empty text file is one, and any other empty cell is none. */
    for (size_t i = 0; i < row->n; i++) {
        int empty_string = f->cs.tsv ? i == f->text_column : row->quoted[i] && i != f->id_column;
        if (row->len[i] || empty_string)
            quarry_set_string(rec, f->columns[i], row->text + row->at[i], row->len[i]);
    }
    docfile_document(f->ctx, f->st, &at, rec);
}

/* A header that makes the file unreadable ends its reading: the file is one rejected record. */
static const char *docfile_csv_feed(void *data, const char *s, size_t n)
{
    docfile_csv_file *f = data;
    csv_split_feed(&f->cs, s, n, docfile_csv_row, f);
    return f->why[0] ? f->why : NULL;
}

static int docfile_csv_end(void *data, char *why, size_t cap)
{
    docfile_csv_file *f = data;
    int cut = csv_split_end(&f->cs, docfile_csv_row, f) != 0;
    if (f->why[0]) /* a header alone, with no line end: the header's fault tells more */
        snprintf(why, cap, "%s", f->why);
    else if (cut)
        snprintf(why, cap, "ends inside a quoted field of the row begun on line %zu: cut short?", f->cs.row_line);
    return f->why[0] || cut ? -1 : 0;
}

static void docfile_csv_at(void *data, char *out, size_t cap)
{
    snprintf(out, cap, "at line %zu", ((docfile_csv_file *)data)->cs.line);
}

int docfile_csv(quarry_ctx *ctx, read_state *st, gzin *gz, const char *path, const char *file_id, int pending,
                int tsv)
{
    static const docfile_splitter csv = {docfile_csv_feed, docfile_csv_end, docfile_csv_at};
    docfile_csv_file f = {.ctx = ctx, .st = st, .path = path, .file_id = file_id};
    csv_split_init(&f.cs, st->max_bytes, tsv, st->csv_separator);
    docfile_split(ctx, st, gz, pending, path, file_id, &csv, &f);
    for (size_t i = 0; i < f.ncolumns; i++)
        free(f.columns[i]);
    free(f.columns);
    csv_split_free(&f.cs);
    return 0;
}
