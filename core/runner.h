/* runner.h: builds a pipeline's stage graph and runs it: threads, queues, workers, outputs. */
#ifndef QUARRY_RUNNER_H
#define QUARRY_RUNNER_H
#include "pipeline.h"
#include <stdio.h>

typedef struct runner_options {
    const char *plugin_path;       /* --plugin-path, may be NULL */
    const char *output_dir;        /* -o; NULL: [pipeline] output */
    const char *keep_dir;          /* --keep-intermediate; NULL: [pipeline] keep-intermediate */
    const char *state_dir;         /* --state; NULL: [pipeline] state */
    int jobs;                      /* --jobs; 0: [pipeline] jobs */
    int compression;               /* --compression; -1: [pipeline] compression */
    int edge_compression;          /* --edge-compression; -1: [pipeline] edge-compression */
    const char *const *inputs;     /* command-line inputs; none: [pipeline] input */
    size_t ninputs;
    int quiet;
    int refresh;                   /* --refresh: recompute all, then rewrite the state folder */
} runner_options;

typedef struct runner runner;

/* Loads every stage and validates every parameter and edge; reads no data.
 * Returns 0, or an exit status (sysexits.h) with ERR set. */
int runner_build(const pipeline *p, const runner_options *opt, runner **out, quarry_buf *err);
/* What quarry check --start asks: opens every stage as runner_run does before any data flows
 * (a stage reads the files it is given, resolves its inputs, refuses what contradicts itself),
 * then closes them; output files are checked by name and go to /dev/null: nothing is written.
 * Returns 0, or the status the run would exit with, with ERR set. */
int runner_start_dry(runner *r, quarry_buf *err);
/* Runs the graph to the end. Returns 0, or an exit status with ERR set. */
int runner_run(runner *r, quarry_buf *err);
/* The per-stage table of --stats. */
void runner_print_stats(const runner *r, FILE *to);
/* One line: records read, written, rejected, seconds. */
void runner_print_summary(const runner *r);
uint64_t runner_rejected(const runner *r);
const char *runner_output_dir(const runner *r);
void runner_free(runner *r);

/* The [pipeline] section's parameter table (shown by --help and the docs). */
extern const quarry_param runner_settings[];
#endif
