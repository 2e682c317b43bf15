/* read.h: what the read stage's files share: its state, and how a document, or a file that
 * cannot be read, leaves the stage. */
#ifndef QUARRY_READ_READ_H
#define QUARRY_READ_READ_H
#include <quarry.h>
#include <stddef.h>
#include <stdint.h>

#include "gzin.h"
#include "intern.h"
#include "walk.h"

#define READ_CHUNK (1u << 20)

typedef struct read_root {
    char *path;
    int is_dir;
} read_root;

typedef struct read_state {
    read_root *roots;
    size_t nroots;
    intern *ids;           /* the 64-bit hash of each document id emitted */
    uint64_t repeated_ids; /* documents whose id an earlier one had */
    int first_only;        /* duplicates = first: those are left out, and counted */
    uint64_t left_out;
    uint64_t json_texts; /* files read as plain text by their names whose first line is JSON */
    uint64_t files;        /* files (and standard input) read, whole or rejected */
    uint64_t bad_folders;  /* folders rejected: unreadable, or nested too deep */
    uint64_t file_bytes;   /* the bytes read of the file being read (after gunzip) */
    int file_first;        /* its first byte not white space (after a byte-order mark), -1 if none yet */
    int id_case_warned;    /* a document lacked id-field, and had it in other letter case */
    walk_seen seen;        /* the folders read so far */
    int format;            /* index into read_formats */
    const char *id_field, *text_field;
    char csv_separator; /* csv-separator */
    const char *json_records; /* a dotted path to the documents in a JSON object, or NULL */
    quarry_record *outer;     /* the object they are nested in */
    size_t max_bytes;
    quarry_record *rec;
    quarry_buf data;      /* the current document or line */
    quarry_buf converted; /* a UTF-16 document in UTF-8 */
    char *chunk;
    int live_fd;    /* standard input read as its bytes come (live.h), or -1 */
    int live_errno; /* why reading it failed, or 0 */
} read_state;

/* quarry_set_string with a NUL-terminated S. */
void read_set_cstr(quarry_record *rec, const char *field, const char *s);
/* Emits REC (from PATH, at line LINENO of it, or the whole file if 0), with a warning when an
 * earlier document had its id: "a.txt" and "a.md" both get id "a", and a system downstream
 * keyed by id would keep one of them. With duplicates = first, such a document is left out.
 * Ids are compared by a 64-bit hash, 8 bytes a document: two ids taken for one are about one
 * chance in 10^19 a pair, so unlikely below billions of documents. */
void read_emit(quarry_ctx *ctx, read_state *st, quarry_record *rec, const char *path, size_t lineno);
/* Rejects file PATH (its document id ID) for WHY. 0. */
int read_reject_file(quarry_ctx *ctx, read_state *st, const char *id, const char *path, const char *why);
/* The next chunk of GZ in st->chunk, and its length: the *PENDING bytes already there (the
 * start of standard input, read to tell its format) first. 0, as at the end, once the run has
 * failed: what would be read is wasted, and a large file would hold the run until read.
 * Standard input from a pipe gives what has come (gzin_read would wait for a whole chunk). */
int read_next_chunk(quarry_ctx *ctx, read_state *st, gzin *gz, int *pending);
/* The reason reading GZ (or standard input as its bytes come) stopped before the data's end, or
 * NULL when they ended properly (gzin_problem). */
const char *read_gz_problem(const read_state *st, gzin *gz);
/* Reads file PATH (REL: its path below the input folder given, or its name), met in a folder's
 * walk if IN_FOLDER. */
int read_file(quarry_ctx *ctx, read_state *st, const char *path, const char *rel, int in_folder);
#endif
