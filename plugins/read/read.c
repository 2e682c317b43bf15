/* read.c: the read stage: documents from files, folders, globs and standard input, as plain
 * text, JSON Lines, JSON, CSV or RSS and Atom feeds, gzip-compressed or not, or as the record
 * streams runs save. */
#include "read.h"
#include "docfile.h"
#include "facts.h"
#include "feed.h"
#include "guess.h"
#include "live.h"
#include "sniff.h"
#include "tablerows.h"
#include "utf16.h"

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <stdio.h>
#include <sysexits.h>
#include <unistd.h>

#include <libxml/parser.h>

static const char *const read_formats[] = {"auto", "text", "jsonl", "records", "json", "csv", "tsv", "feed", NULL};
/* read_formats' order; then READ_XML, for auto alone: a feed if its root element is a feed's, else text. */
enum { READ_AUTO, READ_TEXT, READ_JSONL, READ_RECORDS, READ_JSON, READ_CSV, READ_TSV, READ_FEED, READ_XML };
static const char *const read_duplicates[] = {"keep", "first", NULL};
/* csv-separator's names, and the bytes they name. */
static const char *const read_separators[] = {"comma", "semicolon", "tab", "pipe", NULL};
static const char read_separator_bytes[] = ",;\t|";

static const quarry_param read_params[] = {
    {"path", QUARRY_PARAM_LIST, NULL,
     "files, folders or globs to read instead of the run's inputs (inputs given as well go unread, with a "
     "warning)", 0, 0, 0, NULL},
    {"format", QUARRY_PARAM_ENUM, "auto",
     "auto: .jsonl and .ndjson (also .gz) are JSON Lines, .json a JSON array of documents (or "
     "objects one after another), .csv a table with a header row, .tsv one with tabs and backslash "
     "escapes (as write writes it), a record stream a run kept (--keep-intermediate: .qz) is read as "
     "its records when named (in a folder it is skipped), "
     ".rss and .atom (and .xml whose root is a feed's) RSS or Atom feeds, an item a document, "
     "anything else is plain text (with a warning if its first line is a JSON object); standard input, "
     "and a pipe or a /dev/ name that says no format (/dev/stdin, the shell's <(...)), is a record stream "
     "by its first bytes, else JSON Lines if it begins with '{', a JSON array if with '[', a feed if its "
     "root is a feed's", 0, 0, 0,
     read_formats},
    {"id-field", QUARRY_PARAM_STRING, "id", "JSON Lines, JSON, CSV and TSV: the field holding the document id", 0, 0,
     0, NULL},
    {"text-field", QUARRY_PARAM_STRING, "text",
     "JSON Lines, JSON, CSV and TSV: the field holding the text (read as 'text')", 0, 0, 0, NULL},
    {"csv-separator", QUARRY_PARAM_ENUM, "comma",
     "CSV: what stands between fields: comma, semicolon (as a spreadsheet in a European locale saves "
     "CSV), tab (a spreadsheet's tab-delimited text, quoted as CSV) or pipe", 0, 0, 0, read_separators},
    {"json-records", QUARRY_PARAM_STRING, NULL,
     "JSON Lines and JSON: the list in each object that holds the documents, a field or a dotted path, "
     "as web APIs nest them ('articles', 'response.results'); unset: each object is a document", 0, 0, 0,
     NULL},
    /* 256 MiB: the keyword pipeline holds 35 to 70 times its largest document, so a larger one
     * would need more memory than most machines have, and be killed, not rejected. */
    {"max-bytes", QUARRY_PARAM_INT, "268435456",
     "documents (or JSON lines, JSON elements, CSV or TSV rows, feeds) larger than this are rejected", 0, 1,
     1099511627776.0, NULL},
    {"duplicates", QUARRY_PARAM_ENUM, "keep",
     "a document whose id an earlier one had: keep it (and warn), or first: leave it out, so that only the "
     "first of each id is read (a folder of a feed's nightly snapshots repeats their items)", 0, 0, 0,
     read_duplicates},
    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};

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
    walk_seen_free(&st->seen);
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
 * is only skipped (walk_folder); files named in it are read as asked. */
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
    const char *separator = quarry_param_str(ctx, "csv-separator");
    for (int i = 0; read_separators[i]; i++)
        if (strcmp(separator, read_separators[i]) == 0)
            st->csv_separator = read_separator_bytes[i];
    xmlInitParser(); /* feeds: once, before any other stage's thread parses HTML side by side */
    facts_library(ctx, (const void *)xmlCtxtReadMemory); /* its parser: what a feed's items are */
    guess_fact(ctx); /* uchardet's guesses: what a feed in a legacy encoding naming none reads as */
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

/* The format of file PATH (READ_TEXT, READ_JSONL, READ_JSON, READ_CSV, READ_TSV, READ_FEED, READ_XML or
 * READ_RECORDS): the one given, else by its first bytes (HEAD, N of them: a record stream
 * whatever its name), else by its name (".qz": a record stream, so that a damaged one is told as
 * such). Standard input ("-") has no name to go by: READ_AUTO, told after gunzip (read_file); nor
 * has a name under /dev/ (/dev/stdin, or /dev/fd/63 from the shell's "<(zcat feed.jsonl.gz)"), or
 * a pipe's, that says no format: told as standard input is. */
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
    if (read_has_suffix(path, len, ".tsv"))
        return READ_TSV;
    if (read_has_suffix(path, len, ".rss") || read_has_suffix(path, len, ".atom"))
        return READ_FEED;
    if (read_has_suffix(path, len, ".xml"))
        return READ_XML;
    if (read_has_suffix(path, len, ".jsonl") || read_has_suffix(path, len, ".ndjson"))
        return READ_JSONL;
    if (strncmp(path, "/dev/", 5) == 0) /* /dev/stdin is a regular file when the shell gives one */
        return READ_AUTO;
    struct stat sb;
    return stat(path, &sb) == 0 && !S_ISREG(sb.st_mode) ? READ_AUTO : READ_TEXT;
}

enum { READ_JSON_TEXT_WARNINGS = 5 }; /* such files named one by one; the rest counted at the end */

/* Warns when plain text from PATH (LEN bytes of TEXT, by its name: format = auto) begins with a
 * line that is a JSON object: JSON Lines whose name says nothing of it (Hadoop's "part-00000",
 * an export saved as .txt), read as one document of JSON text. */
static void read_check_json_text(quarry_ctx *ctx, read_state *st, const char *path, const char *text, size_t len)
{
    size_t k = read_utf8_mark(text, len);
    while (k < len && memchr(" \t\r\n", text[k], 4))
        k++;
    if (st->format != READ_AUTO || k == len || text[k] != '{')
        return;
    const char *end = memchr(text + k, '\n', len - k);
    quarry_record *line = quarry_record_new();
    quarry_buf err = {0};
    int is_json = quarry_record_from_json(line, text + k, (end ? (size_t)(end - text) : len) - k, &err) == 0;
    quarry_buf_free(&err);
    quarry_record_free(line);
    if (is_json && ++st->json_texts <= READ_JSON_TEXT_WARNINGS)
        quarry_log(ctx, QUARRY_LOG_WARN,
                   "%s: read as one plain-text document, as its name says, but its first line is a JSON "
                   "object: if it is JSON Lines, name it .jsonl or give format = jsonl%s",
                   path, st->json_texts == READ_JSON_TEXT_WARNINGS ? " (further such files are only counted)" : "");
}

void read_set_cstr(quarry_record *rec, const char *field, const char *s)
{
    quarry_set_string(rec, field, s, strlen(s));
}

const char *read_gz_problem(const read_state *st, gzin *gz)
{
    return st->live_errno ? strerror(st->live_errno) : gzin_problem(gz);
}

enum { READ_ID_WARNINGS = 10 }; /* repeated ids named one by one; the rest counted at the end */

void read_emit(quarry_ctx *ctx, read_state *st, quarry_record *rec, const char *path, size_t lineno)
{
    if (tablerows_is_row(rec)) {
        quarry_emit(ctx, rec); /* a corpus table's row (a saved stream's, say): no document */
        return;
    }
    size_t len;
    const char *id = quarry_get_string(rec, "id", &len);
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

int read_reject_file(quarry_ctx *ctx, read_state *st, const char *id, const char *path, const char *why)
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

int read_next_chunk(quarry_ctx *ctx, read_state *st, gzin *gz, int *pending)
{
    int n = *pending;
    *pending = 0;
    if (quarry_stopping(ctx))
        return 0;
    if (n)
        return n;
    ssize_t got = st->live_fd < 0 ? gzin_read(gz, st->chunk, READ_CHUNK)
                                  : live_read(st->live_fd, st->chunk, READ_CHUNK, &read_live_hooks, ctx);
    if (got < 0 && st->live_fd >= 0)
        st->live_errno = errno;
    if (got > 0)
        st->file_bytes += (uint64_t)got;
    return (int)got;
}

/* The first chunk of GZ, as read_next_chunk: from a pipe read as its bytes come, at least up to
 * a byte that tells the format, or the end. */
static int read_head_chunk(quarry_ctx *ctx, read_state *st, gzin *gz)
{
    int none = 0, n = read_next_chunk(ctx, st, gz, &none);
    while (st->live_fd >= 0 && n > 0 && n < (int)READ_CHUNK && !live_head_told(st->chunk, (size_t)n)) {
        ssize_t more = live_read(st->live_fd, st->chunk + n, READ_CHUNK - (size_t)n, &read_live_hooks, ctx);
        if (more < 0)
            st->live_errno = errno;
        if (more <= 0)
            break;
        st->file_bytes += (uint64_t)more;
        n += (int)more;
    }
    return n;
}

/* One document: the whole of GZ (opened from PATH; its first PENDING bytes in st->chunk); or,
 * FEED 1 (or -1, and it looks like one), the items of the feed it is. */
static int read_text_stream(quarry_ctx *ctx, read_state *st, gzin *gz, const char *path,
                            const char *id, int pending, int feed)
{
    st->data.len = 0;
    int n, sniffed = 0;
    char why[256];
    while ((n = read_next_chunk(ctx, st, gz, &pending)) > 0) {
        if (st->data.len + (size_t)n > st->max_bytes) {
            gzin_close(gz);
            snprintf(why, sizeof why, "larger than max-bytes (%zu bytes)", st->max_bytes);
            return read_reject_file(ctx, st, id, path, why);
        }
        quarry_buf_append(&st->data, st->chunk, (size_t)n);
        /* A video or a disk image in a corpus folder shows what it is in its first bytes: it is
         * rejected then, not read up to max-bytes first (a gigabyte of memory, for a message
         * that would not say what it is). The same checks as on the whole text, below. */
        if (sniffed || st->data.len < SNIFF_SAMPLE)
            continue;
        sniffed = 1;
        const char *early =
            read_utf16_detect((const unsigned char *)st->data.data, st->data.len) == READ_UTF16_NO
                ? sniff_binary_problem(st->data.data, st->data.len, why, sizeof why)
                : NULL;
        if (early) {
            gzin_close(gz);
            return read_reject_file(ctx, st, id, path, early);
        }
    }
    const char *problem = read_gz_problem(st, gz);
    if (problem) {
        snprintf(why, sizeof why, "%s", problem);
        gzin_close(gz);
        return read_reject_file(ctx, st, id, path, why);
    }
    gzin_close(gz);
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
    const char *binary = sniff_binary_problem(st->data.data, st->data.len, why, sizeof why);
    if (binary)
        return read_reject_file(ctx, st, id, path, binary);
    if (feed > 0 || (feed < 0 && feed_sniff(st->data.data, st->data.len)))
        return docfile_feed_items(ctx, st, path, id, converted);
    if (feed == 0)
        read_check_json_text(ctx, st, path, st->data.data, st->data.len);
    quarry_record_clear(st->rec);
    read_set_cstr(st->rec, "id", id);
    quarry_set_string(st->rec, "text", st->data.len ? st->data.data : "", st->data.len);
    read_emit(ctx, st, st->rec, path, 0);
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

int read_file(quarry_ctx *ctx, read_state *st, const char *path, const char *rel, int in_folder)
{
    quarry_buf id = {0};
    int is_stdin = strcmp(path, "-") == 0;
    st->files++;
    read_make_id(is_stdin ? "stdin" : rel, &id);
    const char *sid = id.data;
    int rc = 0;
    unsigned char head[32];
    ssize_t n_head = 0;
    st->file_bytes = 0;
    st->file_first = -1;
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
    gzin *gz = fd < 0 ? NULL : gzin_open(fd);
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
        if (sniff_records((const unsigned char *)st->chunk, n > 0 ? (size_t)n : 0)) {
            /* Records, after gunzip: a stream that could not be peeked at (format = records
             * reads it), or one already gunzipped (zcat), which has lost its blocks' framing. */
            gzin_close(gz);
            rc = read_reject_file(ctx, st, sid, path,
                                  n_head > 0 ? "the records of a saved stream without their blocks (gunzipped?): "
                                               "give the stream as it was saved"
                                             : "a record stream a run saved, it seems: read it with format = records");
        } else {
            rc = k < n && st->chunk[k] == '{'   ? docfile_jsonl(ctx, st, gz, path, sid, n)
                 : k < n && st->chunk[k] == '[' ? docfile_json(ctx, st, gz, path, sid, n)
                                                : read_text_stream(ctx, st, gz, path, sid, n > 0 ? n : 0, -1);
        }
    } else {
        /* From a pipe too, the first chunk holds a byte-order mark whole, for it to be skipped. */
        int first = st->live_fd >= 0 ? read_head_chunk(ctx, st, gz) : 0, pending = first > 0 ? first : 0;
        rc = format == READ_JSONL ? docfile_jsonl(ctx, st, gz, path, sid, pending)
             : format == READ_JSON ? docfile_json(ctx, st, gz, path, sid, pending)
             : format == READ_CSV  ? docfile_csv(ctx, st, gz, path, sid, pending, 0)
             : format == READ_TSV  ? docfile_csv(ctx, st, gz, path, sid, pending, 1)
             : format == READ_FEED ? read_text_stream(ctx, st, gz, path, sid, pending, 1)
             : format == READ_XML  ? read_text_stream(ctx, st, gz, path, sid, pending, -1)
                                   : read_text_stream(ctx, st, gz, path, sid, pending, 0);
        /* An empty text file is an empty document, and an empty feed is rejected as no feed;
         * an empty file of documents holds none. A fetch that failed and left an empty file
         * behind should be told, as an empty folder is, where a header alone or "[]" is a day
         * without news. */
        int of_documents = format == READ_JSONL || format == READ_JSON || format == READ_CSV || format == READ_TSV;
        if (!rc && st->file_first < 0 && of_documents && !quarry_stopping(ctx))
            quarry_log(ctx, QUARRY_LOG_WARN, "%s: an empty file%s: no document was read from it", path,
                       st->file_bytes ? " (white space alone)" : "");
    }
    quarry_buf_free(&id);
    return rc;
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
        if (stat(own[i], &sb) == 0 && !walk_folder_seen(&st->seen, &sb, own[i], &id))
            st->seen.run_folders = (size_t)id + 1;
    }
    for (size_t i = 0; i < st->nroots && !quarry_stopping(ctx); i++) {
        const read_root *root = &st->roots[i];
        if (root->is_dir) {
            walk_folder(ctx, st, root->path, "", 0);
        } else {
            const char *slash = strrchr(root->path, '/');
            read_file(ctx, st, root->path, slash ? slash + 1 : root->path, 0);
        }
    }
    /* Only folders can give nothing (a file named is read, a glob that matches none fails at
     * open): a nightly job whose fetch left its folder empty exits 0, but says so, under
     * --quiet too. A folder that could not be read is rejected, not empty. */
    if (!st->files && !st->bad_folders && !quarry_stopping(ctx))
        quarry_log(ctx, QUARRY_LOG_WARN, "no file in the input folder%s (%s%s): nothing was read",
                   st->nroots == 1 ? "" : "s", st->roots[0].path, st->nroots == 1 ? "" : ", ...");
    if (st->repeated_ids > READ_ID_WARNINGS)
        quarry_log(ctx, QUARRY_LOG_WARN, "%llu documents in all had the same id as an earlier one",
                   (unsigned long long)st->repeated_ids);
    if (st->json_texts > READ_JSON_TEXT_WARNINGS)
        quarry_log(ctx, QUARRY_LOG_WARN, "%llu files in all were read as plain text whose first line is a JSON object",
                   (unsigned long long)st->json_texts);
    if (st->left_out)
        quarry_log(ctx, QUARRY_LOG_INFO, "%llu document%s left out: an earlier one had %s id (duplicates = first)",
                   (unsigned long long)st->left_out, st->left_out == 1 ? "" : "s",
                   st->left_out == 1 ? "its" : "their");
    return QUARRY_OK;
}

QUARRY_STAGE(read) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "read",
    .version = "1.17.1",
    .summary = "documents from files, folders, globs or stdin: plain text (UTF-8 or UTF-16), JSON Lines, JSON, CSV, "
               "TSV or RSS and Atom feeds, gzip or not, and the record streams runs save",
    .params = read_params,
    .flags = QUARRY_SOURCE,
    .open = read_open,
    .produce = read_produce,
    .close = read_close,
};
