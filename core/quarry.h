/* quarry.h: the one public header of quarry: the stage ABI, parameters, records and emitting. */
#ifndef QUARRY_H
#define QUARRY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ABI version of this header. A stage built against major M, minor m loads in a core of
 * major M and minor >= m. New members are only ever added at the end of struct quarry_stage
 * (its .size tells the core which ones a stage knows). */
#define QUARRY_ABI_MAJOR 1
#define QUARRY_ABI_MINOR 9
#define QUARRY_ABI_VERSION ((uint32_t)((QUARRY_ABI_MAJOR << 16) | QUARRY_ABI_MINOR))

/* Declares the one descriptor a stage exports. NAME must equal the module's file name
 * (stage NAME lives in NAME.so or NAME.la); the _LTX_ prefix lets libltdl tell stages apart
 * and lets them be linked statically. In C++, where a const object at namespace scope is
 * local to its file, it is declared extern "C" so that it is exported under that name. It is
 * marked visible, so that a stage may be built with -fvisibility=hidden, as quarry's own are:
 * its other functions then stay its own, and calls between its files are direct. */
#if defined(__GNUC__) || defined(__clang__)
#define QUARRY_EXPORT __attribute__((visibility("default")))
#else
#define QUARRY_EXPORT
#endif
#ifdef __cplusplus
#define QUARRY_STAGE(NAME) extern "C" QUARRY_EXPORT const struct quarry_stage NAME##_LTX_quarry_stage
#else
#define QUARRY_STAGE(NAME) QUARRY_EXPORT const struct quarry_stage NAME##_LTX_quarry_stage
#endif

/* Signals: `quarry run` blocks SIGINT, SIGTERM and SIGHUP in every thread and takes them in a
 * thread of its own (a stopped run removes its temporary files). A stage that starts a child
 * process should unblock them in the child (pthread_sigmask) before it runs the program. */

/* ---- Return codes of callbacks ------------------------------------------------------ */
enum {
    QUARRY_OK = 0,      /* process: pass the record on (with any changes made to it) */
    QUARRY_REJECT = 1,  /* process: the record was rejected (returned by quarry_reject) */
    QUARRY_ERROR = -1   /* any callback: a fault of the stage; the run stops (see quarry_error) */
};

/* ---- Flags ------------------------------------------------------------------------------ */
enum {
    QUARRY_PER_RECORD = 1u << 0, /* process() depends on one record only: may run on many workers */
    QUARRY_SOURCE     = 1u << 1, /* has no input: produce() emits the records */
    QUARRY_TWO_PASS   = 1u << 2, /* sees the whole input in observe() before process() */
    /* ABI 1.8: once its input holds no more documents, the stage emits none: process() passes
     * a table's row on as a row (as every stage should), and finish() emits rows of its own
     * tables, or nothing. The core then tells the stages after it that only rows follow, and a
     * two-pass stage among them starts process() on its documents while the rows still come.
     * The core checks it: a document emitted then stops the run (status 70). */
    QUARRY_TABLES_LAST = 1u << 3
};

/* ---- Parameters ---------------------------------------------------------------------------- */
typedef enum {
    QUARRY_PARAM_STRING = 1,
    QUARRY_PARAM_INT,
    QUARRY_PARAM_FLOAT,
    QUARRY_PARAM_BOOL,  /* true/false, yes/no, on/off, 1/0 */
    QUARRY_PARAM_ENUM,  /* one of .choices */
    QUARRY_PARAM_PATH,  /* a file name; relative names are resolved against the pipeline file */
    QUARRY_PARAM_LIST   /* comma-separated strings */
} quarry_param_type;

/* One row of a stage's parameter table; the table ends with a row whose name is NULL.
 * The core validates every value against this table before any data is read. */
typedef struct quarry_param {
    const char *name;
    quarry_param_type type;
    const char *default_value;    /* as it would be written in a pipeline file; NULL: none */
    const char *help;             /* one line */
    int required;                 /* non-zero: must be given */
    double min, max;              /* INT and FLOAT: allowed range, used when min < max */
    const char *const *choices;   /* ENUM: the allowed values, NULL-terminated */
} quarry_param;

/* ---- Opaque types -------------------------------------------------------------------------- */
typedef struct quarry_ctx quarry_ctx;       /* the core's side of a running stage */
typedef struct quarry_record quarry_record; /* one document or table row: named, typed fields */
typedef struct quarry_value quarry_value;   /* one field value (read only) */
typedef struct quarry_list quarry_list;     /* a list being built into a field */

/* ---- The stage descriptor -------------------------------------------------------------- */
struct quarry_stage {
    uint32_t abi;          /* QUARRY_ABI_VERSION */
    uint32_t size;         /* sizeof(struct quarry_stage) */
    const char *name;      /* equals the module's file name */
    const char *version;   /* the stage's own version, e.g. "1.0.0" */
    const char *summary;   /* one line */
    const quarry_param *params;
    uint32_t flags;

    /* Called once before any data flows. Read parameters with quarry_param_*, set *state.
     * Return QUARRY_ERROR (after quarry_error) to stop the run before it starts. */
    int (*open)(quarry_ctx *ctx, void **state);
    /* QUARRY_PER_RECORD: called once per worker thread for worker-local data
     * (quarry_local() returns it); optional. worker_close calls are never concurrent, so a
     * stage may merge worker results into its state there. */
    int (*worker_open)(void *state, void **local);
    void (*worker_close)(void *state, void *local);
    /* QUARRY_TWO_PASS: every input record, in order, before the first process(); optional.
     * Since ABI 1.8, table rows that the stages before declare come after the last document
     * (QUARRY_TABLES_LAST) may go to process() without observe(), which counts nothing of rows. */
    int (*observe)(void *state, quarry_ctx *ctx, const quarry_record *rec);
    /* One input record: change it and return QUARRY_OK to pass it on, or return
     * quarry_reject(...). May quarry_emit() further new records. Required unless SOURCE.
     * A record with a string "_table" field is a row of the corpus table it names, emitted by
     * an earlier stage's finish (write puts it in TABLE.tsv): a stage of documents passes it on
     * untouched, and observe and recount count nothing of it, whatever its columns are called. */
    int (*process)(void *state, quarry_ctx *ctx, quarry_record *rec);
    /* QUARRY_SOURCE: emit every record with quarry_emit(); required for sources. */
    int (*produce)(void *state, quarry_ctx *ctx);
    /* After the last record: may emit corpus-level records; optional. */
    int (*finish)(void *state, quarry_ctx *ctx);
    /* Always called after a successful open, also when the run failed; optional. */
    void (*close)(void *state);

    /* ABI 1.1. With a state folder (quarry run --state), the core may take a per-record stage's
     * output for an unchanged document from its cache instead of calling process(). A stage
     * that gathers totals for finish() is cached only if it has recount: called on a worker,
     * instead of process(), with the output the stage made of that document in an earlier run
     * (REC, read only), so that its totals count the document as process() would have.
     * Optional; QUARRY_OK, or QUARRY_ERROR (after quarry_error) to stop the run. */
    int (*recount)(void *state, quarry_ctx *ctx, const quarry_record *rec);
};

/* ---- Parameters, read in open() ---------------------------------------------------------- */
/* The strings and lists these return are the core's, and stay valid until close() returns: a
 * stage may keep the pointers in its state rather than copy them. */
const char *quarry_param_str(quarry_ctx *ctx, const char *name);  /* STRING, ENUM, PATH; NULL if unset */
int64_t quarry_param_int(quarry_ctx *ctx, const char *name);
double quarry_param_float(quarry_ctx *ctx, const char *name);
int quarry_param_bool(quarry_ctx *ctx, const char *name);
/* LIST: number of items; *items receives the array (owned by the core). */
size_t quarry_param_list(quarry_ctx *ctx, const char *name, const char *const **items);
int quarry_param_is_set(quarry_ctx *ctx, const char *name);      /* given, not defaulted */

/* ---- The run around a stage ------------------------------------------------------------- */
const char *quarry_instance(quarry_ctx *ctx);    /* the section name in the pipeline */
const char *quarry_output_dir(quarry_ctx *ctx);  /* the run's output folder (exists) */
size_t quarry_inputs(quarry_ctx *ctx, const char *const **paths); /* the run's inputs */
void *quarry_local(quarry_ctx *ctx);             /* this worker's local data (worker_open) */
/* From open() of a QUARRY_TWO_PASS stage: this run needs no observe pass (e.g. an option that
 * uses corpus statistics is off), so the core neither spools the input nor calls observe. */
void quarry_skip_observe(quarry_ctx *ctx);
/* From open() (ABI 1.1): this stage computes its output faster than the core could read it back
 * from a state folder's per-document cache, so the core does not cache it (quarry run --state). */
void quarry_skip_cache(quarry_ctx *ctx);

/* From open() (ABI 1.4): LEN bytes of DATA that this stage's output depends on besides its code,
 * its parameters and the files its path parameters name: the version of a library it calls
 * (utf8proc's Unicode tables, Snowball's stemmers). They join the stage's fingerprint, so that a
 * state folder's kept outputs and per-document caches stand only while they are the same. May
 * be called more than once; the bytes add up. */
void quarry_fingerprint_add(quarry_ctx *ctx, const void *data, size_t len);
/* From open() (ABI 1.4): the contents of file PATH join the stage's fingerprint, as those of the
 * files its path parameters name do: a data file it reads, or the shared library it calls. */
void quarry_fingerprint_file(quarry_ctx *ctx, const char *path);

/* An output file NAME (a plain file name) in the output folder, for writing. It is written
 * under a temporary name and renamed into place, after fsync, only when the whole run succeeds,
 * so a failed or killed run leaves the previous file intact. The core closes it: do not fclose.
 * NULL, with the run's error set, if it cannot be created (EX_CANTCREAT), or if NAME is no plain
 * file name, is rejects.jsonl (the core's) or is written by another stage already (EX_USAGE).
 * Ask for it from open(), even for a file written in finish(), so that a clash stops the run
 * before any data flows. */
FILE *quarry_output_file(quarry_ctx *ctx, const char *name);

/* From open() (ABI 1.2): standard output, for a stage that writes its results there. Nothing of
 * it is kept, so a run with a state folder then always runs, where it would otherwise leave the
 * last outputs as they are when its input has not changed (and print nothing). */
FILE *quarry_output_stdout(quarry_ctx *ctx);

/* The folders this run writes into (ABI 1.2): the output folder, then the state folder and the
 * folder of kept streams when the run has them; up to MAX of them into DIRS, and how many. A
 * source that walks folders skips them, so that a run never reads its own outputs back. */
size_t quarry_run_folders(quarry_ctx *ctx, const char **dirs, size_t max);

/* From open() (ABI 1.7): this stage reads field NAME of the documents it is given. A stage that
 * says so for any field reads only the fields it names, and passes the rest on as they are; one
 * that never says so may read any field. The core adds them up for quarry_field_needed. */
void quarry_reads_field(quarry_ctx *ctx, const char *name);
/* ABI 1.7: whether a later stage may read field NAME of this stage's documents: nonzero unless
 * every stage after this one said what it reads (quarry_reads_field, as write does for its
 * 'fields') and none named NAME, and the run keeps neither this stage's output streams
 * (--keep-intermediate) nor its per-document cache (--state). A stage may then leave out a field
 * nobody would see. Ask from process, observe or finish: in open() the answer is always 1, as
 * the later stages have not opened yet; outside a run (quarry test-stage) it is always 1. */
int quarry_field_needed(quarry_ctx *ctx, const char *name);

/* ---- Corpus tables ------------------------------------------------------------------------ */
/* From open() (ABI 1.9): this stage's finish emits the rows of corpus table NAME (their
 * '_table'), with the NCOLUMNS columns COLUMNS (at least one; the rows' field names, in order),
 * whether or not this run gives it any row to emit. A stage that writes tables to files then
 * writes the file of a table that got no row with its header alone, so that an output folder
 * never keeps an earlier run's table beside this run's documents. The core copies the strings.
 * A stage whose finish always emits rows of a table need not say so. */
void quarry_makes_table(quarry_ctx *ctx, const char *name, const char *const *columns, size_t ncolumns);
/* ABI 1.9: the Ith (from 0) of the corpus tables that the stages before this one said they make
 * (quarry_makes_table): its name, its columns in *COLUMNS and how many in *NCOLUMNS (either may
 * be NULL); NULL past the last. Ask from process, observe or finish: in open(), and under
 * quarry test-stage, there are none. The strings stay valid until close() returns. */
const char *quarry_table_before(quarry_ctx *ctx, size_t i, const char *const **columns, size_t *ncolumns);

/* ---- Emitting, rejecting, failing -------------------------------------------------------- */
/* Emits a copy of REC downstream (REC stays the caller's). From produce, process or finish.
 * A corpus table's row carries the table's name in a string "_table" field. */
void quarry_emit(quarry_ctx *ctx, const quarry_record *rec);
/* ABI 1.5: nonzero once the run has failed (another stage stopped it): what is emitted from then
 * on is dropped. A source asks it between files and between chunks of one, and stops reading,
 * so that a failed run over a large corpus ends at once instead of reading it all first; a stage
 * with a long loop over one record may ask it too. Always 0 under quarry test-stage. */
int quarry_stopping(quarry_ctx *ctx);
/* ABI 1.6: passes on the records emitted so far now, rather than once a block of them is full.
 * For a source about to wait for input that has not come yet (a pipe fed as events happen), so
 * that each record reaches the end of a per-record pipeline without waiting for the next. */
void quarry_flush(quarry_ctx *ctx);
/* Rejects REC with a reason; it goes to the run's rejects file. Returns QUARRY_REJECT so that
 * process() can end with `return quarry_reject(ctx, rec, "...")`. Sources reject their own
 * new records the same way. */
int quarry_reject(quarry_ctx *ctx, const quarry_record *rec, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Sets the message of a QUARRY_ERROR; returns QUARRY_ERROR. */
int quarry_error(quarry_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* As quarry_error, with the exit status (sysexits.h) the run should end with. */
int quarry_fail(quarry_ctx *ctx, int exit_status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

typedef enum { QUARRY_LOG_DEBUG, QUARRY_LOG_INFO, QUARRY_LOG_WARN } quarry_log_level;
void quarry_log(quarry_ctx *ctx, quarry_log_level level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- Records --------------------------------------------------------------------------- */
/* Field values are msgpack-shaped. Strings are (pointer, length) and NOT NUL-terminated;
 * they stay valid until the record is changed, cleared or handed back to the core. */
typedef enum {
    QUARRY_NONE = 0, QUARRY_NIL, QUARRY_BOOL, QUARRY_INT, QUARRY_FLOAT, QUARRY_STRING,
    QUARRY_LIST, QUARRY_MAP
} quarry_type;

quarry_record *quarry_record_new(void);
void quarry_record_clear(quarry_record *rec);  /* removes every field, keeps the memory */
void quarry_record_free(quarry_record *rec);

const quarry_value *quarry_get(const quarry_record *rec, const char *name); /* NULL: absent */
/* The string field NAME, or NULL when absent or not a string; LEN may be NULL. Where a
 * string, a name or an item is asked for with a LEN, LEN is set whatever the result: 0 with
 * NULL. */
const char *quarry_get_string(const quarry_record *rec, const char *name, size_t *len);

size_t quarry_field_count(const quarry_record *rec);
const char *quarry_field_name(const quarry_record *rec, size_t i, size_t *len);
const quarry_value *quarry_field_value(const quarry_record *rec, size_t i);

quarry_type quarry_value_type(const quarry_value *v);
const char *quarry_value_string(const quarry_value *v, size_t *len); /* NULL (LEN 0) if not a string */
int64_t quarry_value_int(const quarry_value *v);     /* INT (FLOAT truncated), else 0 */
double quarry_value_float(const quarry_value *v);    /* FLOAT or INT, else 0 */
int quarry_value_bool(const quarry_value *v);
size_t quarry_value_size(const quarry_value *v);     /* items of a LIST or MAP, else 0 */
const quarry_value *quarry_value_at(const quarry_value *v, size_t i); /* LIST item */
/* MAP entry i: its key (a string) and value. */
const char *quarry_value_key(const quarry_value *v, size_t i, size_t *len);
const quarry_value *quarry_value_map_at(const quarry_value *v, size_t i);

/* A list of strings read in one step, for stages that walk a token per word: item i is STR[i],
 * LEN[i] bytes, or STR[i] NULL when that item is not a string. Zero-initialise, reuse it for
 * every record, release it with quarry_strings_free. The strings stay valid as field values do. */
typedef struct quarry_strings {
    const char **str;
    size_t *len;
    size_t n, cap;
} quarry_strings;

/* Fills OUT with the items of the list field NAME, read straight from its packed bytes when
 * the field is unchanged (much faster than quarry_value_at on long lists). Returns 0, or -1
 * with OUT empty when NAME is absent or not a list. */
int quarry_get_strings(const quarry_record *rec, const char *name, quarry_strings *out);
void quarry_strings_free(quarry_strings *s);

/* ABI 1.3. A list of numbers read in one step, as quarry_strings is of strings (a token's
 * sentence starts, its stop-word flags): item i is V[i], as quarry_value_int reads it (a bool
 * is 0 or 1, an item that is no number 0). Zero-initialise, reuse, release with quarry_ints_free. */
typedef struct quarry_ints {
    int64_t *v;
    size_t n, cap;
} quarry_ints;

/* Fills OUT with the items of the list field NAME, read straight from its packed bytes when the
 * field is unchanged, without a value per item. Returns 0, or -1 with OUT empty when NAME is
 * absent or not a list. */
int quarry_get_ints(const quarry_record *rec, const char *name, quarry_ints *out);
void quarry_ints_free(quarry_ints *s);

/* Setters copy their arguments and replace any field of the same name; a new field goes last.
 * They abort the process when memory runs out, as allocation failure is not recoverable here. */
void quarry_set_string(quarry_record *rec, const char *name, const char *s, size_t len);
void quarry_set_int(quarry_record *rec, const char *name, int64_t v);
void quarry_set_float(quarry_record *rec, const char *name, double v);
void quarry_set_bool(quarry_record *rec, const char *name, int v);
void quarry_set_value(quarry_record *rec, const char *name, const quarry_value *v); /* deep copy */
int quarry_remove(quarry_record *rec, const char *name);  /* 1 if it was there */

/* Lists: quarry_set_list starts an empty list in field NAME; add items until the next change
 * of the record's fields (a later quarry_set_* may move it). Pairs are [term, weight]. */
quarry_list *quarry_set_list(quarry_record *rec, const char *name);
void quarry_list_add_string(quarry_list *list, const char *s, size_t len);
void quarry_list_add_int(quarry_list *list, int64_t v);
void quarry_list_add_float(quarry_list *list, double v);
void quarry_list_add_pair(quarry_list *list, const char *term, size_t len, double weight);

/* ---- Output helpers ----------------------------------------------------------------------- */
typedef struct quarry_buf {
    char *data;
    size_t len, cap;
} quarry_buf;  /* a growable byte buffer; zero-initialise, release with quarry_buf_free */

void quarry_buf_append(quarry_buf *buf, const void *data, size_t len);
void quarry_buf_free(quarry_buf *buf);
/* Appends REC as one JSON object (no newline). Invalid UTF-8 becomes U+FFFD, as JSON must be
 * valid UTF-8; NaN and infinities become null. */
void quarry_record_to_json(const quarry_record *rec, quarry_buf *out);
void quarry_value_to_json(const quarry_value *v, quarry_buf *out);
/* Appends S (LEN bytes) as a JSON string. */
void quarry_json_string(quarry_buf *out, const char *s, size_t len);

/* Replaces REC's fields with those of one JSON object (JSON LINE of LEN bytes). Invalid UTF-8
 * inside strings is kept as it is, for later stages to repair. Returns 0, or -1 with the reason
 * in ERR. */
int quarry_record_from_json(quarry_record *rec, const char *json, size_t len, quarry_buf *err);

/* ---- Testing a stage: the harness -------------------------------------------------------------
 * Runs one stage in-process, as GStreamer's GstHarness runs one element: set parameters, open,
 * push records, finish, then read what it emitted and rejected. Failures return -1 with the
 * reason in ERR. */
typedef struct quarry_harness quarry_harness;

/* Loads stage NAME from PLUGIN_PATH (colon-separated; NULL: the usual search path). */
quarry_harness *quarry_harness_new(const char *name, const char *plugin_path, quarry_buf *err);
int quarry_harness_set(quarry_harness *h, const char *key, const char *value, quarry_buf *err);
/* The run's inputs (for sources) and output folder (default "."); before open. */
void quarry_harness_set_inputs(quarry_harness *h, const char *const *paths, size_t n);
void quarry_harness_set_output_dir(quarry_harness *h, const char *dir);
/* Validates the parameters and calls open (and worker_open). */
int quarry_harness_open(quarry_harness *h, quarry_buf *err);
/* One input record (copied). Two-pass stages see it when quarry_harness_finish runs. */
int quarry_harness_push(quarry_harness *h, const quarry_record *rec, quarry_buf *err);
/* Runs produce (sources), the observe and process passes (two-pass stages), finish, and
 * commits the stage's output files. */
int quarry_harness_finish(quarry_harness *h, quarry_buf *err);
size_t quarry_harness_output_count(const quarry_harness *h);
const quarry_record *quarry_harness_output(const quarry_harness *h, size_t i);
size_t quarry_harness_reject_count(const quarry_harness *h);
const quarry_record *quarry_harness_reject(const quarry_harness *h, size_t i);
const char *quarry_harness_reject_reason(const quarry_harness *h, size_t i);
void quarry_harness_free(quarry_harness *h);

/* ---- Saved record streams (ABI 1.4) -------------------------------------------------------
 * A record stream as the core saves it (--keep-intermediate: NN-stage.qz), read back record by
 * record with every block's CRC checked: what `quarry cat` prints and the read stage reads. */
typedef struct quarry_stream quarry_stream;
/* Whether the N bytes at HEAD begin a record stream: quarry's gzip block header, whose 24 bytes
 * are needed to tell. */
int quarry_stream_detect(const void *head, size_t n);
/* Opens PATH ("-": standard input) for reading; NULL, with ERR naming PATH, if it cannot. */
quarry_stream *quarry_stream_open(const char *path, quarry_buf *err);
/* The next record into REC, which stays valid until the next call: 1; 0 at the end of the
 * stream; -1 with ERR naming the file, block and offset. After a block that fails its CRC or
 * does not decode, the next call goes on with the following block (each block stands alone);
 * after a truncation or a damaged header nothing more can be read, and the next call gives 0. */
int quarry_stream_next(quarry_stream *s, quarry_record *rec, quarry_buf *err);
/* The records of blocks skipped so far as damaged, as their headers count them. */
uint64_t quarry_stream_lost(const quarry_stream *s);
void quarry_stream_close(quarry_stream *s);

/* The version of the core a stage is running in, e.g. "0.1.0". */
const char *quarry_version(void);

#ifdef __cplusplus
}
#endif
#endif
