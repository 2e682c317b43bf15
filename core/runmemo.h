/* runmemo.h: the state folder's record of the last run that finished (its pipeline, its input,
 * its counts, the caches it used and the outputs it wrote), so that a run over unchanged input
 * can keep those outputs instead of recomputing them. */
#ifndef QUARRY_RUNMEMO_H
#define QUARRY_RUNMEMO_H
#include "fingerprint.h"
#include <stdint.h>

#define RUNMEMO_FILE "last-run"

typedef struct runmemo_output {
    char *path;
    uint64_t size;
    int64_t mtime_sec, mtime_nsec;
} runmemo_output;

typedef struct runmemo {
    fingerprint pipeline; /* every stage's fingerprint, the edges and the output folder */
    fingerprint input;    /* the records the source emitted (and rejected), in order */
    char finished[32];    /* local time, as the log writes it */
    uint64_t read, out, created, rejected;
    char **caches;        /* file names in the cache folder */
    size_t ncaches;
    runmemo_output *outputs;
    size_t noutputs;
} runmemo;

/* Reads DIR/last-run into M (zeroed first). 0; -1 if there is none; RUNMEMO_DAMAGED if the
 * file is there but not readable as one (which only costs a full run, but is worth a word). */
#define RUNMEMO_DAMAGED (-2)
int runmemo_load(const char *dir, runmemo *m);
/* Writes M as DIR/last-run: a temporary file, fsync, rename. 0, or -1 with ERR set. */
int runmemo_save(const char *dir, const runmemo *m, quarry_buf *err);
/* Records output PATH as it is now on disk; -1 if it cannot be seen. */
int runmemo_add_output(runmemo *m, const char *path);
void runmemo_add_cache(runmemo *m, const char *file_name);
/* Whether every output is still there with the size and time it was written with. */
int runmemo_outputs_intact(const runmemo *m);
void runmemo_free(runmemo *m);
#endif
