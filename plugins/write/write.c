/* write.c: the write stage: records as JSON Lines, TSV or CSV, corpus tables as TSV, CSV and/or
 * JSON Lines files, each file replaced atomically when the run succeeds. */
#include "delimited.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>
#include <zlib.h>

static const char *const write_formats[] = {"auto", "jsonl", "tsv", "csv", NULL};
static const char *const write_table_formats[] = {"tsv", "jsonl", "both", "csv", NULL};

/* The formats a main file may be written in, as write_formats names them. */
enum { WRITE_AUTO, WRITE_JSONL, WRITE_TSV, WRITE_CSV };

static const char *const write_format_names[] = {"", "JSON Lines", "TSV", "CSV"};

static const char *const write_lists[] = {"json", "terms", NULL};

static const quarry_param write_params[] = {
    {"path", QUARRY_PARAM_STRING, "documents.jsonl",
     "file name in the output folder (ending in .gz: gzip-compressed), or '-' for standard output; "
     "documents.tsv when format = tsv, documents.csv when format = csv",
     0, 0, 0, NULL},
    {"format", QUARRY_PARAM_ENUM, "auto",
     "auto: .tsv (or .tsv.gz) files are TSV, .csv (or .csv.gz) files CSV, anything else JSON Lines", 0, 0, 0,
     write_formats},
    {"gzip-level", QUARRY_PARAM_INT, "6", "zlib level of a main file whose name ends in .gz", 0, 1, 9,
     NULL},
    {"fields", QUARRY_PARAM_LIST, NULL,
     "the main file's fields, in this order (default: all); NAME? is one that may be in no document, unwarned; "
     "tables keep all their columns",
     0, 0, 0, NULL},
    {"tables", QUARRY_PARAM_BOOL, "true",
     "records with a '_table' field go to files of their own (TABLE.tsv), not the main file", 0, 0, 0,
     NULL},
    {"table-format", QUARRY_PARAM_ENUM, "tsv",
     "the tables' files: TABLE.tsv (a header, then a row a line), TABLE.jsonl (an object a row), both of "
     "those, or TABLE.csv",
     0, 0, 0, write_table_formats},
    {"lists", QUARRY_PARAM_ENUM, "json",
     "how TSV and CSV cells show a list: json (its JSON text: [[\"cocoa\",61.9],[\"Bahia\",47.4]]) or "
     "terms (its items joined by '; ', a [term, weight] pair by its term: cocoa; Bahia), for people to read",
     0, 0, 0, write_lists},
    {"bom", QUARRY_PARAM_BOOL, "false",
     "TSV and CSV files (the main file and the tables) begin with a UTF-8 byte-order mark, which Excel needs "
     "to read them as UTF-8, not in the system's code page (JSON Lines never has one)", 0, 0, 0, NULL},
    {"formula-guard", QUARRY_PARAM_BOOL, "false",
     "in TSV and CSV files, a text cell that begins with =, +, -, @, a tab or a carriage return gets a ' before "
     "it, so that a spreadsheet shows it as text and runs no formula a document brought (CSV injection)",
     0, 0, 0, NULL},
    {"table-prefix", QUARRY_PARAM_STRING, NULL,
     "put before each table's file name (PREFIXstems.tsv): for a second write whose branch has tables "
     "of the same names", 0, 0, 0, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};

/* The longest table name and table-prefix: their files' names stay below NAME_MAX (255). */
#define WRITE_TABLE_NAME_MAX 200
#define WRITE_TABLE_PREFIX_MAX 40

typedef struct write_table {
    char *name;
    FILE *file, *json; /* TABLE.tsv (or .csv), TABLE.jsonl: either may be NULL */
    char **columns;  /* taken from the first row */
    size_t ncolumns;
} write_table;

typedef struct write_state {
    FILE *file;
    gzFile gz;        /* the main file compressed (its name ends in .gz), or NULL */
    const char *path;
    int format;        /* of the main file: WRITE_JSONL, WRITE_TSV or WRITE_CSV */
    int to_stdout;
    char **fields;           /* 'fields' without the '?' of optional ones; NULL: all */
    size_t nfields;
    unsigned char *optional; /* for each of 'fields': NAME?, in no document without a warning */
    int tables, table_delimited, table_json;
    delim_style table_style;
    delim_cells cells; /* how TSV and CSV cells show a list, and whether formulas are guarded */
    int bom;           /* a byte-order mark before a TSV or CSV file's header */
    const char *table_prefix;
    char **columns;  /* TSV or CSV columns of the main file */
    size_t ncolumns;
    int header_done;
    write_table *tab;
    size_t ntab;
    quarry_buf line;
    uint64_t documents;  /* documents written to the main file */
    uint64_t *holders;   /* for each of 'fields': the documents that have it */
    uint64_t bare;       /* documents with none of 'fields', whose lines are empty... */
    uint64_t bare_rows;  /* ...and of those, rows of corpus tables (tables = false) */
    quarry_buf seen;     /* the first document's field names, ", " between them */
    uint64_t unlisted;   /* TSV or CSV without 'fields': documents with fields outside the columns */
    quarry_buf unlisted_names; /* the first few of those fields, ", " between them */
    size_t nunlisted_names;
} write_state;

static void write_free_columns(char **columns, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(columns[i]);
    free(columns);
}

static void write_close(void *state)
{
    write_state *st = state;
    if (!st)
        return;
    if (st->gz) /* a run that failed: the file is discarded, only the memory matters */
        gzclose_w(st->gz);
    for (size_t i = 0; i < st->ntab; i++) {
        free(st->tab[i].name);
        write_free_columns(st->tab[i].columns, st->tab[i].ncolumns);
    }
    free(st->tab);
    write_free_columns(st->columns, st->ncolumns);
    quarry_buf_free(&st->line);
    free(st->holders);
    write_free_columns(st->fields, st->nfields);
    free(st->optional);
    quarry_buf_free(&st->seen);
    quarry_buf_free(&st->unlisted_names);
    free(st);
}

static int write_ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* Whether FILE's name ends in EXT, then .gz if GZIP. */
static int write_named(const char *file, int gzip, const char *ext)
{
    char suffix[16];
    snprintf(suffix, sizeof suffix, "%s%s", ext, gzip ? ".gz" : "");
    return write_ends_with(file, suffix);
}

/* The format FILE's name (less a .gz) says, or WRITE_AUTO if it says none. */
static int write_named_format(const char *file, int gzip)
{
    if (write_named(file, gzip, ".tsv"))
        return WRITE_TSV;
    if (write_named(file, gzip, ".csv"))
        return WRITE_CSV;
    int json = write_named(file, gzip, ".jsonl") || write_named(file, gzip, ".json") ||
               write_named(file, gzip, ".ndjson");
    return json ? WRITE_JSONL : WRITE_AUTO;
}

/* Takes 'fields' into ST: each name, and whether it ends in '?': a field that a source may never
 * give (a feed without categories), whose column stays, empty, without a warning every night. */
static int write_fields(quarry_ctx *ctx, write_state *st)
{
    const char *const *items;
    size_t n = quarry_param_list(ctx, "fields", &items);
    if (!n)
        return QUARRY_OK;
    st->fields = calloc(n, sizeof *st->fields);
    st->optional = calloc(n, 1);
    st->holders = calloc(n, sizeof *st->holders);
    if (!st->fields || !st->optional || !st->holders)
        return quarry_error(ctx, "out of memory");
    st->nfields = n;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(items[i]);
        st->optional[i] = len > 0 && items[i][len - 1] == '?';
        if (len == st->optional[i])
            return quarry_fail(ctx, EX_USAGE, "fields: '%s' names no field", items[i]);
        if (!(st->fields[i] = strndup(items[i], len - st->optional[i])))
            return quarry_error(ctx, "out of memory");
        /* The fields written are all the fields read: a stage before may leave out the others
         * (ngrams its per-document lists, when no column holds them). */
        quarry_reads_field(ctx, st->fields[i]);
    }
    return QUARRY_OK;
}

static int write_open(quarry_ctx *ctx, void **state)
{
    const char *path = quarry_param_str(ctx, "path");
    const char *format = quarry_param_str(ctx, "format");
    int to_stdout = strcmp(path, "-") == 0;
    int gzip = !to_stdout && write_ends_with(path, ".gz");
    int named = to_stdout ? WRITE_AUTO : write_named_format(path, gzip);
    int asked = WRITE_AUTO;
    while (strcmp(format, write_formats[asked]))
        asked++;
    int chosen = asked != WRITE_AUTO ? asked : named != WRITE_AUTO ? named : WRITE_JSONL;
    if (!quarry_param_is_set(ctx, "path") && chosen != WRITE_JSONL) {
        /* format = tsv alone must not fill a file named .jsonl */
        path = chosen == WRITE_TSV ? "documents.tsv" : "documents.csv";
    } else if (asked != WRITE_AUTO && named != WRITE_AUTO && named != asked) {
        /* A downstream loader goes by the name: JSON Lines would choke on TSV, and the reverse. */
        return quarry_fail(ctx, EX_USAGE, "format = %s, but path '%s' names a %s file: "
                           "name it for its format, or leave format to the name (auto)",
                           format, path, write_format_names[named]);
    }
    const char *table_prefix = quarry_param_str(ctx, "table-prefix");
    if (!table_prefix)
        table_prefix = "";
    if (strchr(table_prefix, '/') || table_prefix[0] == '.' || strlen(table_prefix) > WRITE_TABLE_PREFIX_MAX)
        return quarry_fail(ctx, EX_USAGE, "table-prefix '%s' must begin a plain file name: no '/', no "
                           "leading '.', at most %d bytes", table_prefix, WRITE_TABLE_PREFIX_MAX);
    write_state *st = calloc(1, sizeof *st);
    if (!st)
        return quarry_error(ctx, "out of memory");
    *state = st;
    st->path = path;
    st->format = chosen;
    if (write_fields(ctx, st) != QUARRY_OK) {
        write_close(st);
        *state = NULL;
        return QUARRY_ERROR;
    }
    st->tables = quarry_param_bool(ctx, "tables");
    st->table_prefix = table_prefix;
    const char *table_format = quarry_param_str(ctx, "table-format");
    st->table_delimited = strcmp(table_format, "jsonl") != 0;
    st->table_json = !strcmp(table_format, "jsonl") || !strcmp(table_format, "both");
    st->table_style = strcmp(table_format, "csv") ? DELIM_TSV : DELIM_CSV;
    st->cells.lists = strcmp(quarry_param_str(ctx, "lists"), "terms") ? DELIM_LISTS_JSON : DELIM_LISTS_TERMS;
    st->cells.formula_guard = quarry_param_bool(ctx, "formula-guard");
    st->bom = quarry_param_bool(ctx, "bom");
    if (to_stdout) {
        st->file = quarry_output_stdout(ctx);
        st->to_stdout = 1;
    } else {
        st->file = quarry_output_file(ctx, path);
    }
    if (!st->file) {
        write_close(st);
        *state = NULL;
        return QUARRY_ERROR;
    }
    if (gzip) {
        /* zlib writes to a second descriptor of the same file, which the core then syncs and
         * renames as any other: nothing goes through the FILE itself. */
        char mode[8];
        snprintf(mode, sizeof mode, "wb%d", (int)quarry_param_int(ctx, "gzip-level"));
        int fd = dup(fileno(st->file));
        if (fd < 0 || !(st->gz = gzdopen(fd, mode))) {
            if (fd >= 0)
                close(fd);
            write_close(st);
            *state = NULL;
            return quarry_fail(ctx, EX_CANTCREAT, "cannot compress %s: %s", path, strerror(errno));
        }
        gzbuffer(st->gz, 256 * 1024);
    }
    return QUARRY_OK;
}

/* Whether field NAME (LEN bytes) is the '_table' mark, which no file shows as a column. */
static int write_table_mark(const char *name, size_t len)
{
    return len == 6 && memcmp(name, "_table", 6) == 0;
}

/* The columns of a TSV or CSV file: the NFIELDS chosen FIELDS, else the first row's (without
 * _table). -1 when memory runs out (nothing set). */
static int write_pick_columns(char *const *fields, size_t nfields, const quarry_record *rec,
                              char ***columns, size_t *n)
{
    size_t count = nfields ? nfields : quarry_field_count(rec);
    char **cols = calloc(count ? count : 1, sizeof *cols);
    if (!cols)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < count; i++) {
        size_t len;
        const char *name = nfields ? fields[i] : quarry_field_name(rec, i, &len);
        if (nfields)
            len = strlen(name);
        if (write_table_mark(name, len))
            continue;
        if (!(cols[k++] = strndup(name, len))) {
            while (k > 0)
                free(cols[--k]);
            free(cols);
            return -1;
        }
    }
    *columns = cols;
    *n = k;
    return 0;
}

/* "NAME":VALUE into a JSON object, after a comma unless it is the object's first (*COUNT). */
static void write_json_member(quarry_buf *out, size_t *count, const char *name, size_t len,
                              const quarry_value *v)
{
    if ((*count)++)
        quarry_buf_append(out, ",", 1);
    quarry_json_string(out, name, len);
    quarry_buf_append(out, ":", 1);
    quarry_value_to_json(v, out);
}

/* A row of a table as a JSON object: every field but '_table', in order. */
static void write_json_table_row(quarry_buf *out, const quarry_record *rec)
{
    quarry_buf_append(out, "{", 1);
    size_t count = 0;
    for (size_t i = 0; i < quarry_field_count(rec); i++) {
        size_t len;
        const char *name = quarry_field_name(rec, i, &len);
        if (!write_table_mark(name, len))
            write_json_member(out, &count, name, len, quarry_field_value(rec, i));
    }
    quarry_buf_append(out, "}\n", 2);
}

/* The room for a table's file name: the prefix, NAME (at most WRITE_TABLE_NAME_MAX bytes), '.',
 * EXT. */
#define WRITE_TABLE_FILE_SIZE (WRITE_TABLE_PREFIX_MAX + WRITE_TABLE_NAME_MAX + 8)

/* The file name PREFIXNAME.EXT of a table (NAME of LEN bytes) into FILE. */
static void write_table_file_name(const write_state *st, char *file, const char *name, size_t len,
                                  const char *ext)
{
    snprintf(file, WRITE_TABLE_FILE_SIZE, "%s%.*s.%s", st->table_prefix, (int)len, name, ext);
}

/* The output file PREFIXNAME.EXT of a table. */
static FILE *write_table_file(quarry_ctx *ctx, const write_state *st, const char *name, size_t len,
                              const char *ext)
{
    char file[WRITE_TABLE_FILE_SIZE];
    write_table_file_name(st, file, name, len, ext);
    return quarry_output_file(ctx, file);
}

/* Why table NAME (LEN bytes) cannot name its files, or NULL. The name comes from the data (a
 * kept stream read back may carry any '_table'), so a bad one rejects its row instead of
 * failing the run: a name that is no plain file name, or whose file would be the main file or
 * rejects.jsonl. */
static const char *write_table_fault(const write_state *st, const char *name, size_t len)
{
    if (!len || name[0] == '.' || memchr(name, '/', len) || memchr(name, '\0', len))
        return "is no plain file name (empty, a '/', a NUL byte or a leading '.')";
    if (len > WRITE_TABLE_NAME_MAX)
        return "is too long for a file name";
    const char *exts[] = {st->table_delimited ? delim_extension(st->table_style) : NULL,
                          st->table_json ? "jsonl" : NULL};
    for (size_t i = 0; i < 2; i++) {
        if (!exts[i])
            continue;
        char file[WRITE_TABLE_FILE_SIZE];
        write_table_file_name(st, file, name, len, exts[i]);
        if (!strcmp(file, "rejects.jsonl") || (!st->to_stdout && !strcmp(file, st->path)))
            return "would write over the run's main file or rejects.jsonl";
    }
    return NULL;
}

/* Appends to OUT the header of a STYLE file with the NCOLUMNS COLUMNS (or those of REC): after a
 * byte-order mark, with bom = true. Excel takes a file without one to be in the system's code
 * page, and shows "café" as "cafÃ©". */
static void write_header_row(const write_state *st, quarry_buf *out, delim_style style, const quarry_record *rec,
                             char *const *columns, size_t ncolumns)
{
    if (st->bom)
        quarry_buf_append(out, "\xEF\xBB\xBF", 3);
    delim_row(out, style, &st->cells, rec, columns, ncolumns, 1);
}

/* The files for rows of table NAME, opened (the TSV or CSV one with its header) on first use: its
 * columns the NCOLUMNS COLUMNS a stage said it has (write_empty_tables), else those of its FIRST
 * row. NULL if they cannot be: with *FAULT set if the name cannot name them (write_table_fault),
 * else with the run's error set. */
static write_table *write_table_for(quarry_ctx *ctx, write_state *st, const char *name, size_t len,
                                    char *const *columns, size_t ncolumns, const quarry_record *first,
                                    const char **fault)
{
    for (size_t i = 0; i < st->ntab; i++)
        if (strlen(st->tab[i].name) == len && memcmp(st->tab[i].name, name, len) == 0)
            return &st->tab[i];
    if ((*fault = write_table_fault(st, name, len)) != NULL)
        return NULL;
    const char *ext = delim_extension(st->table_style);
    FILE *f = st->table_delimited ? write_table_file(ctx, st, name, len, ext) : NULL;
    FILE *json = st->table_json ? write_table_file(ctx, st, name, len, "jsonl") : NULL;
    if ((st->table_delimited && !f) || (st->table_json && !json))
        return NULL;
    write_table *grown = realloc(st->tab, (st->ntab + 1) * sizeof *st->tab);
    char *copy = strndup(name, len);
    if (grown)
        st->tab = grown;
    if (!grown || !copy) {
        free(copy);
        quarry_error(ctx, "out of memory");
        return NULL;
    }
    write_table *t = &st->tab[st->ntab++];
    memset(t, 0, sizeof *t);
    t->name = copy;
    t->file = f;
    t->json = json;
    if (!f)
        return t;
    /* 'fields' chooses the main file's columns: each table has columns of its own, which a list
     * meant for documents would leave empty. */
    if (write_pick_columns(columns, ncolumns, first, &t->columns, &t->ncolumns) < 0) {
        quarry_error(ctx, "out of memory");
        return NULL;
    }
    quarry_buf head = {0};
    write_header_row(st, &head, st->table_style, first, t->columns, t->ncolumns);
    fwrite(head.data, 1, head.len, f);
    quarry_buf_free(&head);
    return t;
}

/* The most handed to gzwrite at once: it takes an unsigned length and fails past INT_MAX, and a
 * huge document's line with its token lists can be gigabytes. */
#define WRITE_GZ_CHUNK (1u << 30)

/* Writes the line built in st->line to the main file; 0, or -1 (errno, or gzerror, says why). */
static int write_line(write_state *st)
{
    const char *p = st->line.data;
    size_t left = st->line.len;
    if (!st->gz)
        return fwrite(p, 1, left, st->file) == left ? 0 : -1;
    while (left) {
        unsigned piece = left < WRITE_GZ_CHUNK ? (unsigned)left : WRITE_GZ_CHUNK;
        if (gzwrite(st->gz, p, piece) != (int)piece)
            return -1;
        p += piece;
        left -= piece;
    }
    return 0;
}

/* Why write_line failed: zlib's own error, else the system's (errno, set to 0 before). */
static const char *write_line_failure(write_state *st)
{
    int zerr = Z_OK;
    const char *zlib_says = st->gz ? gzerror(st->gz, &zerr) : NULL;
    if (zerr != Z_OK && zerr != Z_ERRNO)
        return zlib_says;
    return errno ? strerror(errno) : "a write failed part way";
}

/* Past this, the line built so far goes to the file before the next field is added: a huge
 * document's line (its text and token lists: five times the text) is never held whole. */
#define WRITE_FLUSH (4u << 20)

/* Writes REC as a JSON line (the fields asked for, else all in their order) to the main file,
 * a field at a time once the line is long; 0, or -1 as write_line. */
static int write_jsonl_row(write_state *st, const quarry_record *rec)
{
    quarry_buf *out = &st->line;
    quarry_buf_append(out, "{", 1);
    size_t count = 0, n = st->nfields ? st->nfields : quarry_field_count(rec);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *name;
        const quarry_value *v;
        if (st->nfields) {
            name = st->fields[i];
            len = strlen(name);
            if (!(v = quarry_get(rec, name)))
                continue; /* a field asked for that this record lacks */
        } else {
            name = quarry_field_name(rec, i, &len);
            v = quarry_field_value(rec, i);
        }
        write_json_member(out, &count, name, len, v);
        if (out->len >= WRITE_FLUSH) {
            if (write_line(st) < 0)
                return -1;
            out->len = 0;
        }
    }
    quarry_buf_append(out, "}\n", 2);
    return write_line(st);
}

/* The most field names a warning lists (JSON Lines may hold any number). */
#define WRITE_SEEN_MAX 40

/* Counts document REC towards the fields asked for that it has, and keeps the first one's
 * field names: a field no document has (a typo in 'fields', or a stage missing before write)
 * would otherwise leave its column empty without a word (write_warn_absent). */
static void write_count_fields(write_state *st, const quarry_record *rec)
{
    if (!st->documents++ && st->nfields) {
        size_t n = quarry_field_count(rec);
        for (size_t i = 0; i < n && i < WRITE_SEEN_MAX; i++) {
            size_t len;
            const char *name = quarry_field_name(rec, i, &len);
            quarry_buf_append(&st->seen, ", ", i ? 2 : 0);
            quarry_buf_append(&st->seen, name, len < 80 ? len : 80);
        }
        if (n > WRITE_SEEN_MAX)
            quarry_buf_append(&st->seen, ", ...", 5);
        quarry_buf_append(&st->seen, "", 1);
    }
    int any = 0;
    for (size_t i = 0; i < st->nfields; i++) {
        int has = quarry_get(rec, st->fields[i]) != NULL;
        st->holders[i] += (uint64_t)has;
        any |= has;
    }
    if (st->nfields && !any) {
        size_t len;
        st->bare++;
        st->bare_rows += quarry_get_string(rec, "_table", &len) != NULL;
    }
}

/* Whether NAME (LEN bytes) is one of the main file's columns. */
static int write_is_column(const write_state *st, const char *name, size_t len)
{
    for (size_t i = 0; i < st->ncolumns; i++)
        if (strlen(st->columns[i]) == len && !memcmp(st->columns[i], name, len))
            return 1;
    return 0;
}

/* The most names of fields outside the columns that a warning lists. */
#define WRITE_UNLISTED_MAX 10

/* TSV or CSV without 'fields' takes its columns from the first document: counts document REC if it
 * has a field outside them, which its line leaves out, and keeps the first few such names. */
static void write_count_unlisted(write_state *st, const quarry_record *rec)
{
    int counted = 0;
    for (size_t i = 0; i < quarry_field_count(rec); i++) {
        size_t len;
        const char *name = quarry_field_name(rec, i, &len);
        if (write_table_mark(name, len) || write_is_column(st, name, len))
            continue;
        st->unlisted += !counted;
        counted = 1;
        quarry_buf *names = &st->unlisted_names;
        int known = 0;
        for (size_t at = 0; at < names->len && !known; at += strlen(names->data + at) + 1)
            known = strlen(names->data + at) == len && !memcmp(names->data + at, name, len);
        if (!known && st->nunlisted_names < WRITE_UNLISTED_MAX) {
            quarry_buf_append(names, name, len);
            quarry_buf_append(names, "", 1); /* NUL-separated, joined by write_warn_absent */
            st->nunlisted_names++;
        }
    }
}

/* From finish: a warning for each field asked for that no document had, for the documents that
 * had none of them (their lines empty: "{}" in JSON Lines), and for the fields that columns taken
 * from the first document left out of later ones. */
static void write_warn_absent(const write_state *st, quarry_ctx *ctx)
{
    if (st->unlisted) {
        quarry_buf names = {0};
        for (size_t at = 0; at < st->unlisted_names.len; at += strlen(st->unlisted_names.data + at) + 1) {
            quarry_buf_append(&names, ", ", at ? 2 : 0);
            quarry_buf_append(&names, st->unlisted_names.data + at, strlen(st->unlisted_names.data + at));
        }
        quarry_buf_append(&names, "", 1);
        quarry_log(ctx, QUARRY_LOG_WARN,
                   "%llu of %llu documents have fields that the %s's columns leave out (%s%s): the "
                   "columns are the first document's fields; name every column in 'fields'",
                   (unsigned long long)st->unlisted, (unsigned long long)st->documents,
                   write_format_names[st->format], names.data,
                   st->nunlisted_names == WRITE_UNLISTED_MAX ? ", ..." : "");
        quarry_buf_free(&names);
    }
    int required = 0; /* a field of 'fields' without '?': an empty line is then no document's */
    for (size_t i = 0; i < st->nfields; i++)
        required |= !st->optional[i];
    if (required && st->bare && st->bare < st->documents) { /* else each field is in no document: below */
        char rows[160] = "";
        if (st->bare_rows == st->bare)
            snprintf(rows, sizeof rows, ": they are rows of corpus tables, which tables = false writes to the "
                                        "main file; name their columns in 'fields' too, or leave 'tables' on");
        else if (st->bare_rows)
            snprintf(rows, sizeof rows, ": %llu of them are rows of corpus tables, which tables = false writes "
                                        "to the main file", (unsigned long long)st->bare_rows);
        quarry_log(ctx, QUARRY_LOG_WARN,
                   "%llu of %llu records written have none of the fields of 'fields', so their lines are empty%s",
                   (unsigned long long)st->bare, (unsigned long long)st->documents, rows);
    }
    for (size_t i = 0; i < st->nfields && st->documents; i++)
        if (!st->holders[i] && !st->optional[i])
            quarry_log(ctx, QUARRY_LOG_WARN,
                       "field '%s' of 'fields' is in no document (%llu written), so %s; the first "
                       "document's fields: %s",
                       st->fields[i], (unsigned long long)st->documents,
                       st->format != WRITE_JSONL ? "its column is empty" : "no line has it", st->seen.data);
}

/* The delimited style of a TSV or CSV main file. */
static delim_style write_style(const write_state *st)
{
    return st->format == WRITE_CSV ? DELIM_CSV : DELIM_TSV;
}

/* The main TSV or CSV file's header into st->line: its columns 'fields', else those of REC, the
 * first document. 0, or -1 when memory runs out. */
static int write_header(write_state *st, const quarry_record *rec)
{
    if (write_pick_columns(st->fields, st->nfields, rec, &st->columns, &st->ncolumns) < 0)
        return -1;
    write_header_row(st, &st->line, write_style(st), rec, st->columns, st->ncolumns);
    st->header_done = 1;
    return 0;
}

/* Fails the run for a line of the main file that could not be written (write_line). */
static int write_failed(write_state *st, quarry_ctx *ctx)
{
    /* A full disk under the output folder stops the run before anything is renamed into
     * place (73); standard output, once written to, cannot be taken back (74). */
    const char *why = write_line_failure(st);
    if (st->to_stdout)
        return quarry_fail(ctx, EX_IOERR, "cannot write to standard output: %s", why);
    return quarry_fail(ctx, EX_CANTCREAT, "cannot write %s: %s", st->path, why);
}

static int write_process(void *state, quarry_ctx *ctx, quarry_record *rec)
{
    write_state *st = state;
    st->line.len = 0;
    size_t tlen;
    const char *table = st->tables ? quarry_get_string(rec, "_table", &tlen) : NULL;
    if (table) {
        const char *fault = NULL;
        write_table *t = write_table_for(ctx, st, table, tlen, NULL, 0, rec, &fault);
        if (fault)
            return quarry_reject(ctx, rec, "a table row whose '_table' (%.*s) %s",
                                 (int)(tlen < 80 ? tlen : 80), table, fault);
        if (!t)
            return QUARRY_ERROR;
        if (t->file) {
            delim_row(&st->line, st->table_style, &st->cells, rec, t->columns, t->ncolumns, 0);
            fwrite(st->line.data, 1, st->line.len, t->file);
        }
        if (t->json) {
            st->line.len = 0;
            write_json_table_row(&st->line, rec);
            fwrite(st->line.data, 1, st->line.len, t->json);
        }
        return QUARRY_OK;
    }
    write_count_fields(st, rec);
    if (st->format != WRITE_JSONL) {
        if (!st->header_done && write_header(st, rec) < 0)
            return quarry_error(ctx, "out of memory");
        delim_row(&st->line, write_style(st), &st->cells, rec, st->columns, st->ncolumns, 0);
        if (!st->nfields)
            write_count_unlisted(st, rec);
    }
    errno = 0;
    if (st->format != WRITE_JSONL ? write_line(st) < 0 : write_jsonl_row(st, rec) < 0)
        return write_failed(st, ctx);
    return QUARRY_OK;
}

/* The files of each table a stage before said it makes (quarry_table_before) that got no row:
 * the header alone (an empty JSON Lines file). Else the folder would keep an earlier run's
 * file of that table beside this run's documents, as if this run had made it. */
static int write_empty_tables(write_state *st, quarry_ctx *ctx)
{
    const char *name;
    const char *const *columns;
    size_t ncolumns;
    for (size_t i = 0; st->tables && (name = quarry_table_before(ctx, i, &columns, &ncolumns)); i++) {
        const char *fault = NULL; /* a table that got rows has its files already, and is passed over */
        if (!write_table_for(ctx, st, name, strlen(name), (char *const *)columns, ncolumns, NULL, &fault)) {
            if (!fault)
                return QUARRY_ERROR;
            quarry_log(ctx, QUARRY_LOG_WARN,
                       "table '%s', which a stage before says it makes, %s: no file is written for it", name, fault);
        }
    }
    return QUARRY_OK;
}

static int write_finish(void *state, quarry_ctx *ctx)
{
    write_state *st = state;
    write_warn_absent(st, ctx);
    if (write_empty_tables(st, ctx) != QUARRY_OK)
        return QUARRY_ERROR;
    /* No document came: a TSV or CSV file whose columns 'fields' names has its header all the
     * same, for a reader that expects one (a database's COPY ... HEADER). Without 'fields' the
     * columns would be the first document's, and the file stays empty. */
    if (st->format != WRITE_JSONL && !st->header_done && st->nfields) {
        st->line.len = 0;
        if (write_header(st, NULL) < 0)
            return quarry_error(ctx, "out of memory");
        errno = 0;
        if (write_line(st) < 0)
            return write_failed(st, ctx);
    }
    errno = 0;
    if (st->to_stdout && (fflush(stdout) != 0 || ferror(stdout)))
        return quarry_fail(ctx, EX_IOERR, "cannot write to standard output: %s",
                           errno ? strerror(errno) : "a write failed part way");
    if (st->gz) {
        int rc = gzclose_w(st->gz); /* the compressed stream's end, before the core syncs it */
        st->gz = NULL;
        if (rc != Z_OK)
            return quarry_fail(ctx, EX_CANTCREAT, "cannot write %s: %s", st->path,
                               rc == Z_ERRNO ? strerror(errno) : "compression failed");
    }
    return QUARRY_OK;
}

QUARRY_STAGE(write) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "write",
    .version = "1.11.0",
    .summary = "records to JSON Lines, TSV or CSV (gzipped if .gz) in the output folder (atomic), tables to files of their own",
    .params = write_params,
    .flags = QUARRY_TABLES_LAST, /* it passes on what it writes, and emits nothing of its own */
    .open = write_open,
    .process = write_process,
    .finish = write_finish,
    .close = write_close,
};
