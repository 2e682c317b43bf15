/* instance.h: one stage of a pipeline: its plugin, validated parameters, state and context. */
#ifndef QUARRY_INSTANCE_H
#define QUARRY_INSTANCE_H
#include "param.h"
#include "plugin.h"
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

typedef struct instance instance;

/* A corpus table a stage said it makes (quarry_makes_table): its name and columns. */
typedef struct table_decl {
    char *name;
    char **columns;
    size_t ncolumns;
} table_decl;

/* Where a context's emitted and rejected records go (the runner's encoder, or a harness). */
typedef struct ctx_sink {
    void (*emit)(quarry_ctx *ctx, const quarry_record *rec);
    void (*reject)(quarry_ctx *ctx, const quarry_record *rec, const char *reason);
    void (*flush)(quarry_ctx *ctx); /* quarry_flush; NULL: nothing is held back */
} ctx_sink;

/* Atomic outputs: written under a temporary name, renamed into place on commit. */
typedef struct output_file {
    char *final_path;
    char *temp_path; /* NULL for a dry run's (run_env.dry) */
    char *dir; /* the folder both are in, synced after the rename */
    FILE *file;
} output_file;

/* What a stage sees of the run it is in. */
typedef struct run_env {
    const char *output_dir;
    const char *state_dir, *keep_dir; /* NULL when the run has none */
    const char *const *inputs;
    size_t ninputs;
    int inputs_taken; /* a stage asked for them (quarry_inputs): else they go unread */
    int quiet;
    /* Outputs opened by any stage, committed or discarded together by the runner. */
    output_file *outputs;
    size_t noutputs;
    void *outputs_lock; /* pthread_mutex_t * */
    int uses_stdout;    /* a stage writes to standard output (quarry_output_stdout) */
    /* The quarry command's logger. Stages call quarry_log in libquarry.so, which holds its own
     * copy of the core, so the command's settings (--quiet) must travel with the run. */
    void (*log)(int level, const char *who, const char *fmt, va_list ap);
    /* Set once the run has failed (the runner's flag): what the stages do from then on is
     * wasted, and quarry_stopping tells them so. NULL outside a run. */
    const atomic_int *failed;
    /* quarry check --start: stages open and close as in a run, but their output files are
     * /dev/null: their names are checked (output_open_in), and nothing is written. */
    int dry;
} run_env;

struct instance {
    char *name;              /* section name */
    char *where;             /* "file:line" of the section */
    plugin *plugin;
    const struct quarry_stage *stage;
    param_set params;
    void *state;
    int opened;
    int skip_observe;        /* a two-pass stage said it needs no observe pass this run */
    int skip_cache;          /* the stage said its output is cheaper to compute than to reread */
    int writes_stdout;       /* it asked for standard output (quarry_output_stdout) */
    quarry_buf facts;        /* what its output depends on besides code and parameters (open), */
    char **fact_files;       /* and the files whose contents it depends on besides */
    size_t nfact_files;
    /* The document fields it said it reads (quarry_reads_field), if it said any: else it may
     * read every field. */
    char **reads;
    size_t nreads;
    /* The fields a later stage may read (quarry_field_needed), worked out by the runner once
     * every stage has opened (runner_fields.c): NEEDED when needed_known, else any field (in
     * open(), and outside a run). */
    int needed_known;
    char **needed;
    size_t nneeded;
    /* The corpus tables it said it makes (quarry_makes_table), and those the stages before it
     * said they make (quarry_table_before), worked out by the runner once every stage has opened
     * (runner_tables.c): pointers into those stages' own lists. */
    table_decl *makes;
    size_t nmakes;
    const table_decl **before;
    size_t nbefore;
    run_env *env;
};

/* Adds NAME to the list of LIST (N of them) unless it is there already. */
void instance_names_add(char ***list, size_t *n, const char *name);
/* Whether NAME is in the list LIST (N of them). */
int instance_names_have(char *const *list, size_t n, const char *name);
/* Frees the list LIST (N of them) and empties it. */
void instance_names_free(char ***list, size_t *n);

/* Whether INST runs an observe pass before process. */
int instance_two_pass(const instance *inst);

struct quarry_ctx {
    instance *inst;
    void *local;
    const ctx_sink *sink;
    void *sink_data;
    int in_open;            /* parameter access is allowed */
    char *error;            /* set by quarry_error/quarry_fail */
    int status;             /* sysexits code asked for, 0: the caller's default */
    uint64_t in, out, rejected, created;
};

/* Loads the plugin and prepares the parameter table. Returns a plugin_status. */
int instance_create(instance **out, const char *name, const char *plugin_name, const char *where,
                    const plugin_path *pp, quarry_buf *err);
void instance_free(instance *inst);
/* Runs open(). Returns 0, or -1 with ERR holding the stage's message and *STATUS an exit code. */
int instance_open(instance *inst, run_env *env, quarry_buf *err, int *status);
void instance_close(instance *inst);

void ctx_init(quarry_ctx *ctx, instance *inst, const ctx_sink *sink, void *sink_data);
void ctx_free(quarry_ctx *ctx);
/* Runs the stage's process() on REC and counts the outcome: 1 pass REC on, 0 it was rejected
 * (with a reason, supplied if the stage gave none), -1 the stage failed (ctx->error says why). */
int ctx_process(quarry_ctx *ctx, quarry_record *rec);
/* Records a callback's QUARRY_ERROR in ERR ("stage 'x': message"). */
void ctx_describe_error(quarry_ctx *ctx, const char *during, quarry_buf *err);

/* Opens output NAME for the runner itself (e.g. the rejects file); NULL with ERR set and *STATUS
 * EX_USAGE (NAME is no plain file name, or another output has it) or EX_CANTCREAT. */
FILE *output_open(run_env *env, const char *name, int *status, quarry_buf *err);
/* The same in folder DIR, for the run's own files there (the kept edges, --keep-intermediate):
 * NAME is not checked. */
FILE *output_open_in(run_env *env, const char *dir, const char *name, int *status, quarry_buf *err);
/* Commits (flush, fsync, rename) or discards every output a stage opened. */
int output_commit_all(run_env *env, quarry_buf *err);
void output_discard_all(run_env *env);
#endif
