/* read.c: the read stage: documents from files, folders, globs and standard input, as plain
 * text, JSON Lines, JSON, CSV or RSS and Atom feeds, gzip-compressed or not, or as the record
 * streams runs save. */
#include <quarry.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <stdio.h>
#include <sysexits.h>
#include <unistd.h>
#include <zlib.h>

#include "intern.h"
#include "csvsplit.h"
#include "facts.h"
#include "feed.h"
#include "jsonsplit.h"
#include "live.h"
#include "utf16.h"

#include <libxml/parser.h>

#define READ_MAX_DEPTH 64
#define READ_CHUNK (1u << 20)

static const char *const read_formats[] = {"auto", "text", "jsonl", "records", "json", "csv", "feed", NULL};
/* read_formats' order; then READ_XML, for auto alone: a feed if its root element is a feed's, else text. */
enum { READ_AUTO, READ_TEXT, READ_JSONL, READ_RECORDS, READ_JSON, READ_CSV, READ_FEED, READ_XML };
static const char *const read_duplicates[] = {"keep", "first", NULL};

static const quarry_param read_params[] = {
    {"path", QUARRY_PARAM_LIST, NULL,
     "files, folders or globs to read instead of the run's inputs", 0, 0, 0, NULL},
    {"format", QUARRY_PARAM_ENUM, "auto",
     "auto: .jsonl and .ndjson (also .gz) are JSON Lines, .json a JSON array of documents (or "
     "objects one after another), .csv a table with a header row, a record stream a run kept "
     "(--keep-intermediate: .qz) is read as its records when named (in a folder it is skipped), "
     ".rss and .atom (and .xml whose root is a feed's) RSS or Atom feeds, an item a document, "
     "anything else is plain text; standard input is a record stream by its first bytes, else "
     "JSON Lines if it begins with '{', a JSON array if with '[', a feed if its root is a feed's", 0, 0, 0,
     read_formats},
    {"id-field", QUARRY_PARAM_STRING, "id", "JSON Lines, JSON and CSV: the field holding the document id", 0, 0,
     0, NULL},
    {"text-field", QUARRY_PARAM_STRING, "text",
     "JSON Lines, JSON and CSV: the field holding the text (read as 'text')", 0, 0, 0, NULL},
    {"json-records", QUARRY_PARAM_STRING, NULL,
     "JSON Lines and JSON: the list in each object that holds the documents, a field or a dotted path, "
     "as web APIs nest them ('articles', 'response.results'); unset: each object is a document", 0, 0, 0,
     NULL},
    /* 256 MiB: the keyword pipeline holds 35 to 70 times its largest document, so a larger one
     * would need more memory than most machines have, and be killed, not rejected. */
    {"max-bytes", QUARRY_PARAM_INT, "268435456",
     "documents (or JSON lines, JSON elements, CSV rows, feeds) larger than this are rejected", 0, 1,
     1099511627776.0, NULL},
    {"duplicates", QUARRY_PARAM_ENUM, "keep",
     "a document whose id an earlier one had: keep it (and warn), or first: leave it out, so that only the "
     "first of each id is read (a folder of a feed's nightly snapshots repeats their items)", 0, 0, 0,
     read_duplicates},
    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};

typedef struct read_root {
    char *path;
    int is_dir;
} read_root;

typedef struct read_state {
    read_root *roots;
    size_t nroots;
    intern *folders;     /* (device, inode) of each folder read -> the index of its name */
    intern *ids;         /* the 64-bit hash of each document id emitted */
    uint64_t repeated_ids; /* documents whose id an earlier one had */
    int first_only;        /* duplicates = first: those are left out, and counted */
    uint64_t left_out;
    char **folder_names; /* as the warning of a second visit names it */
    size_t run_folders;  /* the first ones: folders this run writes, never read */
    int format;   /* index into read_formats */
    const char *id_field, *text_field;
    const char *json_records; /* a dotted path to the documents in a JSON object, or NULL */
    quarry_record *outer;     /* the object they are nested in */
    size_t max_bytes;
    quarry_record *rec;
    quarry_buf data;  /* the current document or line */
    quarry_buf converted; /* a UTF-16 document in UTF-8 */
    char *chunk;
    int live_fd;    /* standard input read as its bytes come (live.h), or -1 */
    int live_errno; /* why reading it failed, or 0 */
} read_state;

static void read_add_root(read_state *st, const char *path, int is_dir)
{
    st->roots = realloc(st->roots, (st->nroots + 1) * sizeof *st->roots);
    if (!st->roots)
        abort();
    st->roots[st->nroots].path = strdup(path);
    st->roots[st->nroots].is_dir = is_dir;
    st->nroots++;
}

static void read_close(void *state)
{
    read_state *st = state;
    if (!st)
        return;
    for (size_t i = 0; i < st->nroots; i++)
        free(st->roots[i].path);
    free(st->roots);
    for (size_t i = 0; st->folders && i < intern_count(st->folders); i++)
        free(st->folder_names[i]);
    free(st->folder_names);
    intern_free(st->folders);
    intern_free(st->ids);
    quarry_record_free(st->rec);
    quarry_record_free(st->outer);
    quarry_buf_free(&st->data);
    quarry_buf_free(&st->converted);
    free(st->chunk);
    free(st);
}

/* Resolves one input into roots; a missing input stops the run before it starts. */
static int read_resolve(quarry_ctx *ctx, read_state *st, const char *in)
{
    struct stat sb;
    if (strcmp(in, "-") == 0) {
        /* Read once, standard input is gone: a second '-' would be an empty document. */
        for (size_t i = 0; i < st->nroots; i++)
            if (strcmp(st->roots[i].path, "-") == 0)
                return quarry_fail(ctx, EX_USAGE, "standard input ('-') is given twice: it can be read once");
        read_add_root(st, in, 0);
        return 0;
    }
    if (stat(in, &sb) == 0) {
        read_add_root(st, in, S_ISDIR(sb.st_mode));
        return 0;
    }
    if (strpbrk(in, "*?[")) {
        glob_t g;
        int rc = glob(in, 0, NULL, &g);  /* glob sorts its matches */
        if (rc == GLOB_NOMATCH) {
            globfree(&g);
            return quarry_fail(ctx, EX_NOINPUT, "input '%s' matches no file", in);
        }
        if (rc != 0) {
            globfree(&g);
            return quarry_fail(ctx, EX_NOINPUT, "cannot expand input '%s'", in);
        }
        for (size_t i = 0; i < g.gl_pathc; i++)
            read_add_root(st, g.gl_pathv[i], stat(g.gl_pathv[i], &sb) == 0 && S_ISDIR(sb.st_mode));
        globfree(&g);
        return 0;
    }
    return quarry_fail(ctx, EX_NOINPUT, "input %s: %s", in, strerror(errno));
}

/* Refuses an input folder that this run writes into. Its outputs (the documents, the tables,
 * rejects.jsonl, saved models) would be read back as documents on the next run, and grow run
 * after run: a nightly job given one folder for both. Such a folder met inside an input folder
 * is only skipped (read_walk); files named in it are read as asked. */
static int read_refuse_run_folders(quarry_ctx *ctx, const read_state *st)
{
    const char *own[4];
    size_t nown = quarry_run_folders(ctx, own, 4);
    for (size_t i = 0; i < st->nroots; i++) {
        struct stat root, sb;
        if (!st->roots[i].is_dir || stat(st->roots[i].path, &root) != 0)
            continue;
        for (size_t k = 0; k < nown; k++)
            if (stat(own[k], &sb) == 0 && sb.st_dev == root.st_dev && sb.st_ino == root.st_ino)
                return quarry_fail(ctx, EX_USAGE,
                                   "input folder %s is %s: what the run writes there would be read "
                                   "back as documents on the next run; give the outputs a folder of "
                                   "their own (-o), or name the files to read",
                                   st->roots[i].path,
                                   k == 0 ? "the run's output folder" : "a folder the run writes into");
    }
    return 0;
}

static int read_open(quarry_ctx *ctx, void **state)
{
    read_state *st = calloc(1, sizeof *st);
    if (!st)
        return quarry_error(ctx, "out of memory");
    *state = st;
    st->live_fd = -1;
    const char *fmt = quarry_param_str(ctx, "format");
    for (int i = 0; read_formats[i]; i++)
        if (strcmp(fmt, read_formats[i]) == 0)
            st->format = i;
    st->id_field = quarry_param_str(ctx, "id-field");
    st->text_field = quarry_param_str(ctx, "text-field");
    st->max_bytes = (size_t)quarry_param_int(ctx, "max-bytes");
    st->json_records = quarry_param_str(ctx, "json-records");
    st->first_only = strcmp(quarry_param_str(ctx, "duplicates"), "first") == 0;
    xmlInitParser(); /* feeds: once, before any other stage's thread parses HTML side by side */
    facts_library(ctx, (const void *)xmlCtxtReadMemory); /* its parser: what a feed's items are */
    const char *const *inputs;
    size_t n = quarry_param_list(ctx, "path", &inputs);
    if (n == 0)
        n = quarry_inputs(ctx, &inputs);
    if (n == 0) {
        read_close(st);
        return quarry_fail(ctx, EX_NOINPUT, "no input: give files or folders after the pipeline, "
                           "or 'input =' in its [pipeline] section");
    }
    for (size_t i = 0; i < n; i++) {
        if (read_resolve(ctx, st, inputs[i]) != 0) {
            read_close(st);
            return QUARRY_ERROR;
        }
    }
    if (read_refuse_run_folders(ctx, st) != 0) {
        read_close(st);
        return QUARRY_ERROR;
    }
    st->rec = quarry_record_new();
    st->outer = quarry_record_new();
    st->chunk = malloc(READ_CHUNK);
    if (!st->chunk) {
        read_close(st);
        return quarry_error(ctx, "out of memory");
    }
    return QUARRY_OK;
}

static int read_has_suffix(const char *s, size_t len, const char *suffix)
{
    size_t sl = strlen(suffix);
    return len >= sl && memcmp(s + len - sl, suffix, sl) == 0;
}

/* The id of a file: its path relative to the folder given, without its extension(s).
 * Returned NUL-terminated in ID. */
static void read_make_id(const char *rel, quarry_buf *id)
{
    size_t len = strlen(rel);
    if (read_has_suffix(rel, len, ".gz"))
        len -= 3;
    const char *slash = memrchr(rel, '/', len);
    const char *base = slash ? slash + 1 : rel;
    const char *dot = memrchr(base, '.', len - (size_t)(base - rel));
    if (dot && dot > base)
        len = (size_t)(dot - rel);
    id->len = 0;
    quarry_buf_append(id, rel, len);
    quarry_buf_append(id, "", 1);
}

/* The format of file PATH (READ_TEXT, READ_JSONL, READ_JSON, READ_CSV, READ_FEED, READ_XML or
 * READ_RECORDS): the one given, else by its first bytes (HEAD, N of them: a record stream whatever its name), else by its name (".qz": a
 * record stream, so that a damaged one is told as such). Standard input ("-") has no name to go
 * by: READ_AUTO, told after gunzip (read_file). */
static int read_format_of(const read_state *st, const char *path, const unsigned char *head, size_t n)
{
    if (st->format != READ_AUTO)
        return st->format;
    size_t len = strlen(path);
    if (quarry_stream_detect(head, n) || read_has_suffix(path, len, ".qz"))
        return READ_RECORDS;
    if (strcmp(path, "-") == 0)
        return READ_AUTO;
    if (read_has_suffix(path, len, ".gz"))
        len -= 3;
    if (read_has_suffix(path, len, ".json"))
        return READ_JSON;
    if (read_has_suffix(path, len, ".csv"))
        return READ_CSV;
    if (read_has_suffix(path, len, ".rss") || read_has_suffix(path, len, ".atom"))
        return READ_FEED;
    if (read_has_suffix(path, len, ".xml"))
        return READ_XML;
    return read_has_suffix(path, len, ".jsonl") || read_has_suffix(path, len, ".ndjson") ? READ_JSONL : READ_TEXT;
}

static void read_set_cstr(quarry_record *rec, const char *field, const char *s)
{
    quarry_set_string(rec, field, s, strlen(s));
}

/* The reason a gzip read failed, or NULL when the data ended properly. zlib's message begins
 * with the name the file was opened under, "<fd:N>" for a descriptor: that is left out, as the
 * reject names the file, and N depends on what else the run has open. */
static const char *read_gz_problem(const read_state *st, gzFile gz)
{
    if (st->live_errno)
        return strerror(st->live_errno);
    int errnum;
    const char *msg = gzerror(gz, &errnum);
    if (errnum == Z_OK)
        return NULL;
    if (errnum == Z_BUF_ERROR)
        return "truncated gzip data (unexpected end of file)";
    if (errnum == Z_ERRNO)
        return strerror(errno);
    const char *after_name = strstr(msg, ">: ");
    return msg[0] == '<' && after_name ? after_name + 3 : msg;
}

/* What a file that is no text is, by its first bytes, and what to do about it: the formats a
 * corpus folder is likely to hold by mistake. NULL if none of them. */
static const char *read_other_format(const char *s, size_t n)
{
    /* bzip2: "BZh", the block size digit, then the first block's magic (the digits of pi), so
     * that a text beginning with "BZh" is no bzip2 file. */
    if (n >= 10 && !memcmp(s, "BZh", 3) && s[3] >= '1' && s[3] <= '9' && !memcmp(s + 4, "1AY&SY", 6))
        return "a bzip2 file: quarry reads plain or gzip-compressed text; decompress it first (bunzip2)";
    static const struct {
        const char *magic;
        size_t len;
        const char *why;
    } formats[] = {
        {"\xFD" "7zXZ\0", 6, "an xz file: quarry reads plain or gzip-compressed text; decompress it first (unxz)"},
        {"\x28\xB5\x2F\xFD", 4, "a zstd file: quarry reads plain or gzip-compressed text; decompress it first (unzstd)"},
        {"PK\x03\x04", 4, "a zip archive: extract its files first (unzip)"},
        {"%PDF-", 5, "a PDF document: extract its text first (pdftotext)"},
    };
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
        if (n >= formats[i].len && !memcmp(s, formats[i].magic, formats[i].len))
            return formats[i].why;
    return NULL;
}

/* The start of a text that tells binary data (read_looks_binary, and UTF-16 within it). */
enum { READ_SAMPLE = 8192 };

/* Share of bytes that only binary data has (C0 controls other than whitespace and ESC), in the
 * first READ_SAMPLE bytes. */
static int read_looks_binary(const unsigned char *s, size_t n)
{
    size_t sample = n < READ_SAMPLE ? n : READ_SAMPLE, odd = 0;
    for (size_t i = 0; i < sample; i++)
        odd += s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f' &&
               s[i] != '\v' && s[i] != 0x1b;
    return sample && odd * 10 > sample;
}

/* Whether S (N bytes, after gunzip) begins as a saved record stream's payload does: a msgpack
 * map of a few fields whose first key is a short string. As text, that would be a UTF-8
 * continuation byte and another, which no document begins with; standard input cannot be read
 * again to check its gzip headers, which tell a stream for sure (quarry_stream_detect). */
static int read_looks_like_records(const unsigned char *s, size_t n)
{
    return n >= 2 && s[0] >= 0x81 && s[0] <= 0x8f && s[1] >= 0xa1 && s[1] <= 0xbf;
}

/* Why a text (N bytes of it so far, not UTF-16) is no document, by what it holds: another
 * format's first bytes, a NUL byte, or control bytes in its first 8 KiB; NULL if none. WHY (CAP
 * bytes) holds a message made here. */
static const char *read_binary_problem(const char *s, size_t n, char *why, size_t cap)
{
    const char *other = read_other_format(s ? s : "", n);
    if (other)
        return other;
    const char *nul = n ? memchr(s, '\0', n) : NULL;
    if (nul) {
        snprintf(why, cap, "binary or corrupt: NUL byte at offset %zu", (size_t)(nul - s));
        return why;
    }
    if (read_looks_binary((const unsigned char *)s, n))
        return "binary: over 10% control bytes";
    return NULL;
}

/* Why a file of documents (JSON Lines, JSON, CSV) whose first bytes are S (N of them) cannot be
 * read as one: UTF-16 (as Excel's "Unicode" export writes it), or another format by mistake (a
 * zip archive); NULL if neither. Their documents are read as they arrive, so UTF-16 is not
 * converted as a text file's is, and each line would be rejected on its own. */
static const char *read_unreadable_start(const char *s, size_t n)
{
    if (read_utf16_detect((const unsigned char *)s, n) != READ_UTF16_NO)
        return "UTF-16 text: convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8; UTF-16LE or UTF-16BE "
               "if it has no byte-order mark)";
    return read_other_format(s, n);
}

enum { READ_ID_WARNINGS = 10 }; /* repeated ids named one by one; the rest counted at the end */

/* Emits REC (from PATH, at line LINENO of it, or the whole file if 0), with a warning when an
 * earlier document had its id: "a.txt" and "a.md" both get id "a", and a system downstream
 * keyed by id would keep one of them. With duplicates = first, such a document is left out.
 * Ids are compared by a 64-bit hash, 8 bytes a document: two ids taken for one are about one
 * chance in 10^19 a pair, so unlikely below billions of documents. */
static void read_emit(quarry_ctx *ctx, read_state *st, quarry_record *rec, const char *path,
                      size_t lineno)
{
    size_t len;
    const char *id = quarry_get_string(rec, "id", &len);
    if (!id && quarry_get(rec, "_table")) {
        quarry_emit(ctx, rec); /* a corpus table's row, from a saved stream: it has no id */
        return;
    }
    uint64_t hash = intern_hash(id ? id : "", id ? len : 0);
    if (!st->ids)
        st->ids = intern_new(0);
    int added;
    intern_put(st->ids, &hash, sizeof hash, NULL, &added);
    if (!added && st->first_only) {
        st->left_out++;
        return;
    }
    if (!added && ++st->repeated_ids <= READ_ID_WARNINGS) {
        char line[32] = "";
        if (lineno)
            snprintf(line, sizeof line, ":%zu", lineno);
        quarry_log(ctx, QUARRY_LOG_WARN, "%s%s: same id '%.*s' as an earlier document%s", path, line,
                   (int)(len > 200 ? 200 : len), id ? id : "",
                   st->repeated_ids == READ_ID_WARNINGS ? " (further repeats are only counted)" : "");
    }
    quarry_emit(ctx, rec);
}

static int read_reject_file(quarry_ctx *ctx, read_state *st, const char *id, const char *path,
                            const char *why)
{
    quarry_record_clear(st->rec);
    read_set_cstr(st->rec, "id", id);
    read_set_cstr(st->rec, "path", path);
    quarry_reject(ctx, st->rec, "%s: %s", path, why);
    return 0;
}

static void read_live_waiting(void *ctx)
{
    quarry_flush(ctx);
}

static int read_live_stopped(void *ctx)
{
    return quarry_stopping(ctx);
}

static const live_hooks read_live_hooks = {read_live_waiting, read_live_stopped};

/* The next chunk of GZ in st->chunk, and its length: the *PENDING bytes already there (the
 * start of standard input, read to tell its format) first. 0, as at the end, once the run has
 * failed: what would be read is wasted, and a large file would hold the run until read.
 * Standard input from a pipe gives what has come (gzread would wait for a whole chunk). */
static int read_next_chunk(quarry_ctx *ctx, read_state *st, gzFile gz, int *pending)
{
    int n = *pending;
    *pending = 0;
    if (quarry_stopping(ctx))
        return 0;
    if (n)
        return n;
    if (st->live_fd < 0)
        return gzread(gz, st->chunk, READ_CHUNK);
    ssize_t got = live_read(st->live_fd, st->chunk, READ_CHUNK, &read_live_hooks, ctx);
    if (got < 0)
        st->live_errno = errno;
    return (int)got;
}

/* The first chunk of GZ, as read_next_chunk: from a pipe read as its bytes come, at least up to
 * a byte that tells the format, or the end. */
static int read_head_chunk(quarry_ctx *ctx, read_state *st, gzFile gz)
{
    int none = 0, n = read_next_chunk(ctx, st, gz, &none);
    while (st->live_fd >= 0 && n > 0 && n < (int)READ_CHUNK && !live_head_told(st->chunk, (size_t)n)) {
        ssize_t more = live_read(st->live_fd, st->chunk + n, READ_CHUNK - (size_t)n, &read_live_hooks, ctx);
        if (more < 0)
            st->live_errno = errno;
        if (more <= 0)
            break;
        n += (int)more;
    }
    return n;
}

/* Where a document was: a line of JSON Lines or CSV (ELEMENT 0), or the ELEMENT-th value of a
 * JSON file, begun on LINE; RECORD, if not 0, its place in the list that object holds
 * (json-records). */
typedef struct read_place {
    const char *path, *file_id;
    size_t line, element, record;
} read_place;

/* "PATH:LINE" or "PATH: element N (line L)", then ", record R" if nested, for messages. */
static const char *read_place_name(const read_place *at, char *out, size_t cap)
{
    int n = at->element ? snprintf(out, cap, "%s: element %zu (line %zu)", at->path, at->element, at->line)
                        : snprintf(out, cap, "%s:%zu", at->path, at->line);
    if (at->record && n > 0 && (size_t)n < cap)
        snprintf(out + n, cap - (size_t)n, ", record %zu", at->record);
    return out;
}

/* Appends the id of a document AT that has none to OUT: FILE:N, N its line (JSON Lines, CSV)
 * or its element (JSON), then .R for the R-th record of a json-records list: "feed:3.2". */
static void read_place_id(quarry_buf *out, const read_place *at)
{
    char number[64];
    int len = snprintf(number, sizeof number, ":%zu", at->element ? at->element : at->line);
    if (at->record)
        len += snprintf(number + len, sizeof number - (size_t)len, ".%zu", at->record);
    quarry_buf_append(out, at->file_id, strlen(at->file_id));
    quarry_buf_append(out, number, (size_t)len);
}

/* REC cleared, with the id of the document AT, as one without an id of its own gets it. */
static void read_place_record(quarry_record *rec, const read_place *at)
{
    quarry_buf id = {0};
    read_place_id(&id, at);
    quarry_record_clear(rec);
    quarry_set_string(rec, "id", id.data, id.len);
    quarry_buf_free(&id);
}

/* A feed being read: where its items go, and the file's id for those without one of their own. */
typedef struct read_feed_file {
    quarry_ctx *ctx;
    read_state *st;
    const char *path, *file_id;
} read_feed_file;

/* One item of a feed (feed_item_fn): a document of its id (else FILE:N, N its number), title,
 * text (empty if it has none: a headline alone is still news), link, date, author and source. */
static void read_feed_item(void *data, const feed_item *item)
{
    read_feed_file *f = data;
    quarry_record *rec = f->st->rec;
    read_place at = {f->path, f->file_id, item->line, item->number, 0};
    read_place_record(rec, &at);
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

/* The items of the feed in st->data (from PATH), each a document; the file is rejected when it
 * is no feed, or, after the items read, when its XML breaks. Text converted from UTF-16 is
 * UTF-8 whatever its XML declaration says. */
static int read_feed_items(quarry_ctx *ctx, read_state *st, const char *path, const char *id, int converted)
{
    read_feed_file f = {ctx, st, path, id};
    char why[512];
    if (feed_read(st->data.len ? st->data.data : "", st->data.len, converted ? "UTF-8" : NULL, read_feed_item, &f,
                  why, sizeof why) != 0)
        return read_reject_file(ctx, st, id, path, why);
    return 0;
}

/* One document: the whole of GZ (opened from PATH; its first PENDING bytes in st->chunk); or,
 * FEED 1 (or -1, and it looks like one), the items of the feed it is. */
static int read_text_stream(quarry_ctx *ctx, read_state *st, gzFile gz, const char *path,
                            const char *id, int pending, int feed)
{
    st->data.len = 0;
    int n, sniffed = 0;
    char why[256];
    while ((n = read_next_chunk(ctx, st, gz, &pending)) > 0) {
        if (st->data.len + (size_t)n > st->max_bytes) {
            gzclose(gz);
            snprintf(why, sizeof why, "larger than max-bytes (%zu bytes)", st->max_bytes);
            return read_reject_file(ctx, st, id, path, why);
        }
        quarry_buf_append(&st->data, st->chunk, (size_t)n);
        /* A video or a disk image in a corpus folder shows what it is in its first bytes: it is
         * rejected then, not read up to max-bytes first (a gigabyte of memory, for a message
         * that would not say what it is). The same checks as on the whole text, below. */
        if (sniffed || st->data.len < READ_SAMPLE)
            continue;
        sniffed = 1;
        const char *early =
            read_utf16_detect((const unsigned char *)st->data.data, st->data.len) == READ_UTF16_NO
                ? read_binary_problem(st->data.data, st->data.len, why, sizeof why)
                : NULL;
        if (early) {
            gzclose(gz);
            return read_reject_file(ctx, st, id, path, early);
        }
    }
    const char *problem = read_gz_problem(st, gz);
    if (problem) {
        snprintf(why, sizeof why, "%s", problem);
        gzclose(gz);
        return read_reject_file(ctx, st, id, path, why);
    }
    gzclose(gz);
    int converted = 0;
    switch (read_utf16_detect((const unsigned char *)st->data.data, st->data.len)) {
    case READ_UTF16_UNMARKED:
        return read_reject_file(ctx, st, id, path,
                                "UTF-16 text without a byte-order mark to say its byte order: "
                                "convert it to UTF-8 (iconv -f UTF-16LE -t UTF-8, or UTF-16BE)");
    case READ_UTF16_MARKED: {
        if (read_utf16_to_utf8(st->data.data, st->data.len, &st->converted, why, sizeof why) < 0)
            return read_reject_file(ctx, st, id, path, why);
        quarry_buf utf16 = st->data; /* the UTF-8 text becomes the document, and the UTF-16
                                      * buffer the next conversion's */
        st->data = st->converted;
        st->converted = utf16;
        converted = 1;
        break;
    }
    case READ_UTF16_NO:
        break;
    }
    const char *binary = read_binary_problem(st->data.data, st->data.len, why, sizeof why);
    if (binary)
        return read_reject_file(ctx, st, id, path, binary);
    if (feed > 0 || (feed < 0 && feed_sniff(st->data.data, st->data.len)))
        return read_feed_items(ctx, st, path, id, converted);
    quarry_record_clear(st->rec);
    read_set_cstr(st->rec, "id", id);
    quarry_set_string(st->rec, "text", st->data.len ? st->data.data : "", st->data.len);
    read_emit(ctx, st, st->rec, path, 0);
    return 0;
}

/* Whether V is a list that holds an object. */
static int read_lists_objects(const quarry_value *v)
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
static void read_nested_hint(const quarry_record *rec, quarry_buf *hint)
{
    for (size_t i = 0; i < quarry_field_count(rec); i++) {
        const quarry_value *v = quarry_field_value(rec, i);
        if (!read_lists_objects(v))
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

/* A document of fields (a JSON line or element, a CSV row) in REC, from AT: emitted with string
 * "id" and "text" fields, taken from id-field and text-field, or rejected. */
static void read_document(quarry_ctx *ctx, read_state *st, const read_place *at, quarry_record *rec)
{
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
        read_place_id(&id, at);
    }
    if (strcmp(st->id_field, "id") != 0)
        quarry_remove(rec, st->id_field);
    quarry_set_string(rec, "id", id.data, id.len);
    quarry_buf_free(&id);
    size_t tl;
    const char *text = quarry_get_string(rec, st->text_field, &tl);
    if (!text) {
        quarry_buf hint = {0};
        if (!st->json_records)
            read_nested_hint(rec, &hint);
        quarry_reject(ctx, rec, "%s: no string field '%s'%.*s", read_place_name(at, where, sizeof where),
                      st->text_field, (int)hint.len, hint.data ? hint.data : "");
        quarry_buf_free(&hint);
        return;
    }
    if (memchr(text, '\0', tl)) {
        quarry_reject(ctx, rec, "%s: NUL character in '%s'", read_place_name(at, where, sizeof where),
                      st->text_field);
        return;
    }
    if (strcmp(st->text_field, "text") != 0) {
        quarry_set_string(rec, "text", text, tl);
        quarry_remove(rec, st->text_field);
    }
    read_emit(ctx, st, rec, at->path, at->line);
}

/* The value at dotted PATH ("response.results") in REC, or NULL. */
static const quarry_value *read_at_path(const quarry_record *rec, const char *path)
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
static void read_json_nested(quarry_ctx *ctx, read_state *st, const read_place *outer, const char *value,
                             size_t len)
{
    char where[PATH_MAX + 64];
    quarry_buf err = {0};
    int parsed = quarry_record_from_json(st->outer, value, len, &err) == 0;
    const quarry_value *list = parsed ? read_at_path(st->outer, st->json_records) : NULL;
    if (quarry_value_type(list) != QUARRY_LIST) {
        read_place_record(st->rec, outer);
        if (!parsed)
            quarry_reject(ctx, st->rec, "%s: %.*s", read_place_name(outer, where, sizeof where), (int)err.len,
                          err.data);
        else
            quarry_reject(ctx, st->rec, "%s: no list at '%s' (json-records)",
                          read_place_name(outer, where, sizeof where), st->json_records);
        quarry_buf_free(&err);
        return;
    }
    quarry_buf_free(&err);
    quarry_buf name = {0};
    for (size_t i = 0; i < quarry_value_size(list); i++) {
        read_place at = *outer;
        at.record = i + 1;
        const quarry_value *item = quarry_value_at(list, i);
        quarry_record_clear(st->rec);
        if (quarry_value_type(item) != QUARRY_MAP) {
            read_place_record(st->rec, &at);
            quarry_reject(ctx, st->rec, "%s: not an object: a document is an object with an 'id' and a '%s'",
                          read_place_name(&at, where, sizeof where), st->text_field);
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
        read_document(ctx, st, &at, st->rec);
    }
    quarry_buf_free(&name);
}

/* One JSON document (a line, or an element of a JSON file): parsed, then read_document, or
 * rejected. */
static void read_json_line(quarry_ctx *ctx, read_state *st, const read_place *at, const char *line,
                           size_t len)
{
    if (st->json_records) {
        read_json_nested(ctx, st, at, line, len);
        return;
    }
    quarry_buf err = {0};
    quarry_record *rec = st->rec;
    if (quarry_record_from_json(rec, line, len, &err) < 0) {
        char where[PATH_MAX + 64];
        read_place_record(rec, at);
        quarry_set_string(rec, "raw", line, len);
        quarry_reject(ctx, rec, "%s: %.*s", read_place_name(at, where, sizeof where), (int)err.len, err.data);
        quarry_buf_free(&err);
        return;
    }
    quarry_buf_free(&err);
    read_document(ctx, st, at, rec);
}


/* Feeds the whole of GZ (its first PENDING bytes in st->chunk) to FEED with SPLITTER, chunk by
 * chunk, without the byte-order mark a Windows editor may put first, then closes GZ. 0; -1 with
 * the gzip problem that stopped it in WHY (CAP bytes); or -2, with why the file is no JSON or
 * CSV at all, before anything was fed. */
typedef void (*read_feed_fn)(void *splitter, const char *s, size_t n);
static int read_feed_all(quarry_ctx *ctx, read_state *st, gzFile gz, int pending, read_feed_fn feed,
                         void *splitter, char *why, size_t cap)
{
    int n, first = 1;
    while ((n = read_next_chunk(ctx, st, gz, &pending)) > 0) {
        const char *other = first ? read_unreadable_start(st->chunk, (size_t)n) : NULL;
        if (other) {
            snprintf(why, cap, "%s", other);
            gzclose(gz);
            return -2;
        }
        size_t skip = first ? read_utf8_mark(st->chunk, (size_t)n) : 0;
        first = 0;
        feed(splitter, st->chunk + skip, (size_t)n - skip);
    }
    const char *problem = read_gz_problem(st, gz);
    if (problem)
        snprintf(why, cap, "%s", problem); /* before gzclose, which frees zlib's message */
    gzclose(gz);
    return problem ? -1 : 0;
}

/* A format whose files are cut into documents as they are read (JSON, CSV): FEED takes the next
 * bytes; END, at the end, returns 0, or -1 with why the file ends inside a document in WHY; AT
 * says how far reading got, for a gzip problem ("after element 3", "at line 12"). */
typedef struct read_splitter {
    read_feed_fn feed;
    int (*end)(void *file, char *why, size_t cap);
    void (*at)(void *file, char *out, size_t cap);
} read_splitter;

/* Reads GZ (its first PENDING bytes in st->chunk) from PATH through SP with FILE, its state; a
 * gzip problem or a file cut short rejects the file, naming how far it got, after the documents
 * before. */
static void read_split(quarry_ctx *ctx, read_state *st, gzFile gz, int pending, const char *path,
                       const char *file_id, const read_splitter *sp, void *file)
{
    char problem[256], at[64], why[512];
    int fed = read_feed_all(ctx, st, gz, pending, sp->feed, file, problem, sizeof problem);
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
typedef struct read_jsonl_file {
    quarry_ctx *ctx;
    read_state *st;
    const char *path, *file_id;
    size_t lineno;
    int too_long; /* the line ran past max-bytes: the rest of it is not kept */
} read_jsonl_file;

/* Ends the line gathered: a document, rejected if it ran past max-bytes; a blank line is none. */
static void read_jsonl_line_end(read_jsonl_file *f)
{
    read_state *st = f->st;
    read_place at = {f->path, f->file_id, ++f->lineno, 0, 0};
    if (f->too_long) {
        read_place_record(st->rec, &at);
        quarry_reject(f->ctx, st->rec, "%s:%zu: line longer than max-bytes (%zu)", f->path, f->lineno,
                      st->max_bytes);
    } else if (strspn(st->data.data ? st->data.data : "", " \t\r") < st->data.len) {
        read_json_line(f->ctx, st, &at, st->data.data, st->data.len);
    }
    st->data.len = 0;
    f->too_long = 0;
}

/* The next N bytes at S of a JSON Lines file (read_feed_fn): a document a line. */
static void read_jsonl_feed(void *data, const char *s, size_t n)
{
    read_jsonl_file *f = data;
    read_state *st = f->st;
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
        read_jsonl_line_end(f);
    }
}

/* At the end of a JSON Lines file: a last line without its newline is a line too. */
static int read_jsonl_end(void *data, char *why, size_t cap)
{
    (void)why, (void)cap;
    read_jsonl_file *f = data;
    if (f->st->data.len || f->too_long)
        read_jsonl_line_end(f);
    return 0;
}

static void read_jsonl_at(void *data, char *out, size_t cap)
{
    snprintf(out, cap, "after line %zu", ((read_jsonl_file *)data)->lineno);
}

/* A document a line of GZ (opened from PATH; its first PENDING bytes in st->chunk). */
static int read_jsonl_stream(quarry_ctx *ctx, read_state *st, gzFile gz, const char *path,
                             const char *file_id, int pending)
{
    static const read_splitter jsonl = {read_jsonl_feed, read_jsonl_end, read_jsonl_at};
    read_jsonl_file f = {.ctx = ctx, .st = st, .path = path, .file_id = file_id};
    st->data.len = 0;
    read_split(ctx, st, gz, pending, path, file_id, &jsonl, &f);
    return 0;
}

/* A JSON file being read: its splitter, and where its values go. */
typedef struct read_json_file {
    quarry_ctx *ctx;
    read_state *st;
    const char *path, *file_id;
    json_split js;
} read_json_file;

/* One value of a JSON file (json_split_fn): a document if it is an object, else rejected. */
static void read_json_value(void *data, const char *value, size_t len, size_t element, size_t line,
                            int too_long)
{
    read_json_file *f = data;
    read_place at = {f->path, f->file_id, line, element, 0};
    char where[PATH_MAX + 64];
    if (!too_long && value[0] == '{') {
        read_json_line(f->ctx, f->st, &at, value, len);
        return;
    }
    read_place_record(f->st->rec, &at);
    if (too_long) {
        quarry_reject(f->ctx, f->st->rec, "%s: larger than max-bytes (%zu)", read_place_name(&at, where, sizeof where),
                      f->st->max_bytes);
        return;
    }
    quarry_set_string(f->st->rec, "raw", value, len);
    quarry_reject(f->ctx, f->st->rec, "%s: not an object: a document is an object with an 'id' and a '%s'",
                  read_place_name(&at, where, sizeof where), f->st->text_field);
}

/* The documents of a JSON file GZ (opened from PATH; its first PENDING bytes in st->chunk): the
 * elements of its array, or the objects it holds one after another. A file cut short loses
 * the element it ends in, named, and keeps those before. */
static void read_json_feed(void *data, const char *s, size_t n)
{
    read_json_file *f = data;
    json_split_feed(&f->js, s, n, read_json_value, f);
}

static int read_json_end(void *data, char *why, size_t cap)
{
    read_json_file *f = data;
    if (json_split_end(&f->js, read_json_value, f) == 0)
        return 0;
    snprintf(why, cap, "ends inside element %zu, begun on line %zu: cut short?", f->js.values, f->js.value_line);
    return -1;
}

static void read_json_at(void *data, char *out, size_t cap)
{
    const json_split *js = &((read_json_file *)data)->js;
    if (js->in_value)
        snprintf(out, cap, "inside element %zu, begun on line %zu", js->values, js->value_line);
    else if (js->values)
        snprintf(out, cap, "after element %zu", js->values);
    else
        snprintf(out, cap, "before its first element");
}

static int read_json_stream(quarry_ctx *ctx, read_state *st, gzFile gz, const char *path,
                            const char *file_id, int pending)
{
    static const read_splitter json = {read_json_feed, read_json_end, read_json_at};
    read_json_file f = {.ctx = ctx, .st = st, .path = path, .file_id = file_id};
    json_split_init(&f.js, st->max_bytes);
    read_split(ctx, st, gz, pending, path, file_id, &json, &f);
    json_split_free(&f.js);
    return 0;
}

/* A CSV file being read: its header's column names, and where its rows go. */
typedef struct read_csv_file {
    quarry_ctx *ctx;
    read_state *st;
    const char *path, *file_id;
    csv_split cs;
    char **columns; /* the header's names, once read */
    size_t ncolumns;
    int header_read;
    char why[512];  /* set: the header makes the file unreadable */
} read_csv_file;

/* The header of F: ROW's fields are the columns' names; an empty one (an index, as pandas writes
 * it) is named by its place, "column1". Sets f->why if the names repeat or lack text-field. */
static void read_csv_header(read_csv_file *f, const csv_row *row)
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
    int has_text = 0;
    for (size_t i = 0; i < row->n; i++) {
        char place[32];
        snprintf(place, sizeof place, "column%zu", i + 1);
        f->columns[i] = row->len[i] ? strndup(row->text + row->at[i], row->len[i]) : strdup(place);
        if (!f->columns[i])
            abort();
        has_text |= strcmp(f->columns[i], f->st->text_field) == 0;
        for (size_t k = 0; k < i && !f->why[0]; k++)
            if (strcmp(f->columns[k], f->columns[i]) == 0)
                snprintf(f->why, sizeof f->why, "its header names column '%.200s' twice", f->columns[i]);
    }
    if (!has_text && !f->why[0]) {
        int n = snprintf(f->why, sizeof f->why, "no column '%s' for the text (text-field); its header: ",
                         f->st->text_field);
        for (size_t i = 0; i < row->n && n > 0 && (size_t)n < sizeof f->why; i++)
            n += snprintf(f->why + n, sizeof f->why - (size_t)n, "%s%s", i ? ", " : "", f->columns[i]);
    }
}

/* One row of a CSV file (csv_split_fn): the header, then a document a row. */
static void read_csv_row(void *data, const csv_row *row)
{
    read_csv_file *f = data;
    if (!f->header_read) {
        read_csv_header(f, row);
        return;
    }
    if (f->why[0])
        return; /* the file is rejected whole, below */
    read_place at = {f->path, f->file_id, row->line, 0, 0};
    quarry_record *rec = f->st->rec;
    char where[PATH_MAX + 64];
    if (row->too_long || row->n != f->ncolumns) {
        read_place_record(rec, &at);
        if (row->too_long)
            quarry_reject(f->ctx, rec, "%s: row longer than max-bytes (%zu)", read_place_name(&at, where, sizeof where),
                          f->st->max_bytes);
        else
            quarry_reject(f->ctx, rec, "%s: %zu fields, where the header has %zu",
                          read_place_name(&at, where, sizeof where), row->n, f->ncolumns);
        return;
    }
    quarry_record_clear(rec);
    /* An empty cell is a field the row lacks, unless quoted (""): an empty string. That is how
     * PostgreSQL's COPY tells NULL from '', and how write tells a missing field from an empty
     * one. An empty id is none, quoted or not. */
    for (size_t i = 0; i < row->n; i++)
        if (row->len[i] || (row->quoted[i] && strcmp(f->columns[i], f->st->id_field) != 0))
            quarry_set_string(rec, f->columns[i], row->text + row->at[i], row->len[i]);
    read_document(f->ctx, f->st, &at, rec);
}

/* The documents of a CSV file GZ (opened from PATH; its first PENDING bytes in st->chunk): a
 * header row naming the columns, then a document a row, each column a string field. */
static void read_csv_feed(void *data, const char *s, size_t n)
{
    read_csv_file *f = data;
    csv_split_feed(&f->cs, s, n, read_csv_row, f);
}

static int read_csv_end(void *data, char *why, size_t cap)
{
    read_csv_file *f = data;
    if (csv_split_end(&f->cs, read_csv_row, f) == 0)
        return 0;
    snprintf(why, cap, "ends inside a quoted field of the row begun on line %zu: cut short?", f->cs.row_line);
    return -1;
}

static void read_csv_at(void *data, char *out, size_t cap)
{
    snprintf(out, cap, "at line %zu", ((read_csv_file *)data)->cs.line);
}

static int read_csv_stream(quarry_ctx *ctx, read_state *st, gzFile gz, const char *path,
                           const char *file_id, int pending)
{
    static const read_splitter csv = {read_csv_feed, read_csv_end, read_csv_at};
    read_csv_file f = {.ctx = ctx, .st = st, .path = path, .file_id = file_id};
    csv_split_init(&f.cs, st->max_bytes);
    read_split(ctx, st, gz, pending, path, file_id, &csv, &f);
    if (f.why[0])
        read_reject_file(ctx, st, file_id, path, f.why);
    for (size_t i = 0; i < f.ncolumns; i++)
        free(f.columns[i]);
    free(f.columns);
    csv_split_free(&f.cs);
    return 0;
}

/* The records of the stream a run saved at PATH, as they are: a document's fields, a corpus
 * table's rows. A damaged block is rejected, naming its offset and the records it held, and the
 * blocks after it are read on, as each stands alone; a truncated stream, after what it holds. */
static int read_records_stream(quarry_ctx *ctx, read_state *st, const char *path, const char *file_id)
{
    quarry_buf err = {0};
    quarry_stream *s = quarry_stream_open(path, &err);
    if (!s) {
        int saved = errno;
        quarry_buf_free(&err);
        return read_reject_file(ctx, st, file_id, path, strerror(saved));
    }
    int got;
    while (!quarry_stopping(ctx) && (got = quarry_stream_next(s, st->rec, &err)) != 0) {
        if (got > 0) {
            read_emit(ctx, st, st->rec, path, 0);
            continue;
        }
        quarry_record_clear(st->rec);
        read_set_cstr(st->rec, "id", file_id);
        read_set_cstr(st->rec, "path", path);
        quarry_reject(ctx, st->rec, "%s", err.data); /* it names the file */
        err.len = 0;
    }
    quarry_stream_close(s);
    quarry_buf_free(&err);
    return 0;
}

/* Up to CAP of the first bytes of standard input, left unread for the reader after: by pread
 * where it is a file, and by tee(2) where it is a pipe, which copies what the pipe holds without
 * taking it (a writer's first write, in practice the whole header of a stream's first block).
 * 0 where neither works (a terminal, a socket): the format is then told after gunzip. */
static size_t read_peek_stdin(unsigned char *head, size_t cap)
{
    struct stat sb;
    if (fstat(0, &sb) < 0)
        return 0;
    ssize_t n = 0;
    if (S_ISREG(sb.st_mode)) {
        off_t at = lseek(0, 0, SEEK_CUR);
        n = at < 0 ? 0 : pread(0, head, cap, at);
    } else if (S_ISFIFO(sb.st_mode)) {
        int copy[2];
        if (pipe2(copy, O_CLOEXEC) < 0)
            return 0;
        n = tee(0, copy[1], cap, 0);
        if (n > 0)
            n = read(copy[0], head, (size_t)n); /* a fresh pipe holds all that tee put in it */
        close(copy[0]);
        close(copy[1]);
    }
    return n > 0 ? (size_t)n : 0;
}

/* Reads file PATH (REL: its path below the input folder given, or its name), met in a folder's
 * walk if IN_FOLDER. */
static int read_file(quarry_ctx *ctx, read_state *st, const char *path, const char *rel, int in_folder)
{
    quarry_buf id = {0};
    int is_stdin = strcmp(path, "-") == 0;
    read_make_id(is_stdin ? "stdin" : rel, &id);
    const char *sid = id.data;
    int rc = 0;
    unsigned char head[32];
    ssize_t n_head = 0;
    int fd = is_stdin ? dup(0) : open(path, O_RDONLY | O_CLOEXEC);
    /* The format by its first bytes (gzip starts at 0); standard input's tell too whether it
     * is to be read as its bytes come. */
    if ((st->format == READ_AUTO || is_stdin) && fd >= 0)
        n_head = is_stdin ? (ssize_t)read_peek_stdin(head, sizeof head) : pread(fd, head, sizeof head, 0);
    int format = read_format_of(st, path, head, n_head > 0 ? (size_t)n_head : 0);
    if (format == READ_RECORDS && fd >= 0) {
        close(fd); /* a stream is read by its name */
        fd = -1;
    }
    gzFile gz = fd < 0 ? NULL : gzdopen(fd, "rb");
    st->live_fd = gz && is_stdin && live_input(fd, head, n_head > 0 ? (size_t)n_head : 0) ? fd : -1;
    st->live_errno = 0;
    if (format == READ_RECORDS && in_folder && st->format == READ_AUTO) {
        /* A corpus folder that holds one is most likely where an earlier run kept its edges:
         * each holds the documents again, as one stage left them. Nothing is lost by skipping
         * it, and naming it reads it. */
        quarry_log(ctx, QUARRY_LOG_WARN,
                   "%s: a record stream a run kept, not read inside a folder: name it to read it", path);
    } else if (format == READ_RECORDS) {
        rc = read_records_stream(ctx, st, path, sid);
    } else if (!gz) {
        int saved = errno;
        if (fd >= 0)
            close(fd);
        rc = read_reject_file(ctx, st, sid, path, strerror(saved));
    } else if (format == READ_AUTO) {
        /* Standard input has no name to tell its format by: JSON Lines if its first byte other
         * than white space (after gunzip, and a byte-order mark) opens an object, as `zcat
         * feed.jsonl.gz |` gives. */
        int n = read_head_chunk(ctx, st, gz);
        int k = n > 0 ? (int)read_utf8_mark(st->chunk, (size_t)n) : 0;
        while (k < n && memchr(" \t\r\n", st->chunk[k], 4))
            k++;
        if (read_looks_like_records((const unsigned char *)st->chunk, n > 0 ? (size_t)n : 0)) {
            /* Records, after gunzip: a stream that could not be peeked at (format = records
             * reads it), or one already gunzipped (zcat), which has lost its blocks' framing. */
            gzclose(gz);
            rc = read_reject_file(ctx, st, sid, path,
                                  n_head > 0 ? "the records of a saved stream without their blocks (gunzipped?): "
                                               "give the stream as it was saved"
                                             : "a record stream a run saved, it seems: read it with format = records");
        } else {
            rc = k < n && st->chunk[k] == '{'   ? read_jsonl_stream(ctx, st, gz, path, sid, n)
                 : k < n && st->chunk[k] == '[' ? read_json_stream(ctx, st, gz, path, sid, n)
                                                : read_text_stream(ctx, st, gz, path, sid, n > 0 ? n : 0, -1);
        }
    } else {
        /* From a pipe too, the first chunk holds a byte-order mark whole, for it to be skipped. */
        int first = st->live_fd >= 0 ? read_head_chunk(ctx, st, gz) : 0, pending = first > 0 ? first : 0;
        rc = format == READ_JSONL ? read_jsonl_stream(ctx, st, gz, path, sid, pending)
             : format == READ_JSON ? read_json_stream(ctx, st, gz, path, sid, pending)
             : format == READ_CSV  ? read_csv_stream(ctx, st, gz, path, sid, pending)
             : format == READ_FEED ? read_text_stream(ctx, st, gz, path, sid, pending, 1)
             : format == READ_XML  ? read_text_stream(ctx, st, gz, path, sid, pending, -1)
                                   : read_text_stream(ctx, st, gz, path, sid, pending, 0);
    }
    quarry_buf_free(&id);
    return rc;
}

static int read_name_cmp(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);  /* byte order: the same on every locale */
}

static int read_not_hidden(const struct dirent *e)
{
    return e->d_name[0] != '.';
}

/* The name under which folder SB was first read, or NULL if it was not (it is then recorded as
 * NAME); its index in *ID. A link to a folder above it would make the walk read the same
 * documents again and again, under ever longer names; a second link to one folder, twice. */
static const char *read_folder_seen(read_state *st, const struct stat *sb, const char *name,
                                    uint32_t *id_out)
{
    struct {
        uint64_t dev, ino;
    } key = {(uint64_t)sb->st_dev, (uint64_t)sb->st_ino};
    if (!st->folders)
        st->folders = intern_new(0);
    uint32_t id;
    int added;
    intern_put(st->folders, &key, sizeof key, &id, &added);
    *id_out = id;
    if (!added)
        return st->folder_names[id];
    st->folder_names = realloc(st->folder_names, (id + 1) * sizeof *st->folder_names);
    if (!st->folder_names || !(st->folder_names[id] = strdup(name)))
        abort();
    return NULL;
}

/* What a path that is neither a regular file nor a folder is, for a message. */
static const char *read_file_kind(mode_t mode)
{
    if (S_ISFIFO(mode))
        return "a named pipe";
    if (S_ISSOCK(mode))
        return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device";
    return "of another kind";
}

/* Reads folder DIR (REL: its path below the root) recursively, in sorted order. */
static int read_walk(quarry_ctx *ctx, read_state *st, const char *dir, const char *rel, int depth)
{
    if (depth > READ_MAX_DEPTH)
        return read_reject_file(ctx, st, rel, dir, "folders nested too deep");
    struct stat folder;
    if (stat(dir, &folder) != 0)
        return read_reject_file(ctx, st, rel, dir, strerror(errno));
    /* Nothing is lost by skipping it, so a warning, not a reject: a link such as "latest" beside
     * the folder it names must not fail every nightly run. */
    uint32_t seen;
    const char *first = read_folder_seen(st, &folder, dir, &seen);
    if (first && seen < st->run_folders) {
        /* Given as an input itself, it is read as asked (its outputs are replaced only at the
         * end). Met inside an input folder, it is not: info, not a warning, as an output folder
         * inside the input folder is a layout of its own, and a nightly run would say so every
         * night. */
        if (depth > 0) {
            quarry_log(ctx, QUARRY_LOG_INFO, "%s: not read: this run writes into it (%s)", dir,
                       seen == 0 ? "its output folder" : "its state or kept-streams folder");
            return 0;
        }
    } else if (first) {
        quarry_log(ctx, QUARRY_LOG_WARN, "%s: the same folder as %s, read already (a link to it): skipped",
                   dir, first);
        return 0;
    }
    struct dirent **entries;
    int n = scandir(dir, &entries, read_not_hidden, read_name_cmp);
    if (n < 0)
        return read_reject_file(ctx, st, rel, dir, strerror(errno));
    for (int i = 0; i < n; i++) {
        if (quarry_stopping(ctx)) { /* the run failed: the rest would be read for nothing */
            free(entries[i]);
            continue;
        }
        quarry_buf path = {0}, sub = {0};
        const char *name = entries[i]->d_name;
        quarry_buf_append(&path, dir, strlen(dir));
        if (path.len && path.data[path.len - 1] != '/')
            quarry_buf_append(&path, "/", 1);
        quarry_buf_append(&path, name, strlen(name) + 1);
        if (*rel) {
            quarry_buf_append(&sub, rel, strlen(rel));
            quarry_buf_append(&sub, "/", 1);
        }
        quarry_buf_append(&sub, name, strlen(name) + 1);
        struct stat sb;
        if (stat(path.data, &sb) != 0)
            read_reject_file(ctx, st, sub.data, path.data, strerror(errno));
        else if (S_ISDIR(sb.st_mode))
            read_walk(ctx, st, path.data, sub.data, depth + 1);
        else if (S_ISREG(sb.st_mode))
            read_file(ctx, st, path.data, sub.data, 1);
        else /* a FIFO would wait for a writer, and a nightly run with it */
            quarry_log(ctx, QUARRY_LOG_WARN, "%s: not a file or a folder (%s): skipped", path.data,
                       read_file_kind(sb.st_mode));
        quarry_buf_free(&path);
        quarry_buf_free(&sub);
        free(entries[i]);
    }
    free(entries);
    return 0;
}

static int read_produce(void *state, quarry_ctx *ctx)
{
    read_state *st = state;
    /* The folders this run writes go first into the set of folders read: an output folder kept
     * inside the input folder would otherwise be read back, and grow, every night. */
    const char *own[4];
    size_t nown = quarry_run_folders(ctx, own, 4);
    for (size_t i = 0; i < nown; i++) {
        struct stat sb;
        uint32_t id;
        if (stat(own[i], &sb) == 0 && !read_folder_seen(st, &sb, own[i], &id))
            st->run_folders = (size_t)id + 1;
    }
    for (size_t i = 0; i < st->nroots && !quarry_stopping(ctx); i++) {
        const read_root *root = &st->roots[i];
        if (root->is_dir) {
            read_walk(ctx, st, root->path, "", 0);
        } else {
            const char *slash = strrchr(root->path, '/');
            read_file(ctx, st, root->path, slash ? slash + 1 : root->path, 0);
        }
    }
    if (st->repeated_ids > READ_ID_WARNINGS)
        quarry_log(ctx, QUARRY_LOG_WARN, "%llu documents in all had the same id as an earlier one",
                   (unsigned long long)st->repeated_ids);
    if (st->left_out)
        quarry_log(ctx, QUARRY_LOG_INFO, "%llu documents left out: an earlier one had their id (duplicates = first)",
                   (unsigned long long)st->left_out);
    return QUARRY_OK;
}

QUARRY_STAGE(read) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "read",
    .version = "1.9.0",
    .summary = "documents from files, folders, globs or stdin: plain text (UTF-8 or UTF-16), JSON Lines, JSON, CSV "
               "or RSS and Atom feeds, gzip or not, and the record streams runs save",
    .params = read_params,
    .flags = QUARRY_SOURCE,
    .open = read_open,
    .produce = read_produce,
    .close = read_close,
};
