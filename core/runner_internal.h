/* runner_internal.h: the runner's private types (a node per stage, a worker per thread) and
 * what its parts (runner.c, runner_worker.c, runner_state.c, runner_fields.c) call of one
 * another. */
#ifndef QUARRY_RUNNER_INTERNAL_H
#define QUARRY_RUNNER_INTERNAL_H
#include "runner.h"
#include "block.h"
#include "doccache.h"
#include "instance.h"
#include "queue.h"
#include "record.h"
#include "runmemo.h"
#include "spool.h"
#include "stream.h"

#include <pthread.h>
#include <stdatomic.h>

typedef struct node node;

/* The bytes of table rows a two-pass stage takes off its input while its second pass runs
 * (node.rows_after), in blocks of the run's block size, and never more than so many blocks (of
 * a small block-size). Past it the stages before wait for room, as they waited for the whole
 * second pass before. */
#define NODE_ROWS_AFTER_BYTES ((size_t)64 << 20)
#define NODE_ROWS_AFTER_MOST_BLOCKS 1024

typedef struct node_stats {
    uint64_t in, out, rejected, created;
    uint64_t in_raw, in_packed, out_raw, out_packed;
    double cpu;
    /* Of cpu, what one thread did alone: the stage's own thread (a source, a first pass, a
     * finish), and the whole of a stage that takes its records one at a time. However many
     * jobs, the stage takes at least this long. */
    double cpu_one_thread;
} node_stats;

/* A block's output finished out of turn (runner_worker.c): what its worker sealed, waiting for
 * the blocks before it to be published. */
typedef struct parked {
    int used;
    uint64_t seq;  /* the input block's */
    size_t bytes;  /* what its blocks hold */
    block **pending, **rpending, **cpending;
    size_t npending, cappending, nrpending, caprpending, ncpending, capcpending;
} parked;

struct node {
    runner *run;
    instance *inst;
    size_t index;
    node *input;              /* the producer; NULL for a source */
    queue *inq;
    node **consumers;
    size_t nconsumers;
    int jobs;
    int discard;              /* nobody reads the output: count, do not encode */
    pthread_t thread;
    /* Ordered publishing: the worker holding input block next_seq publishes next. */
    pthread_mutex_t turn_lock;
    pthread_cond_t turn_cond;
    uint64_t next_seq;
    uint64_t out_seq;
    /* Under turn_lock: outputs of blocks finished before their turn, so that a worker goes on
     * with the next input instead of idling while a slower block before it is processed. */
    parked *parked;
    size_t nparked;
    size_t parked_bytes, parked_budget; /* held in the slots, and the most they may hold */
    stream_writer *keep;
    stream_writer *rejects;
    /* Two-pass stages replay their input from here: raw_spool at spool-compression 0, else a
     * block stream. */
    pthread_mutex_t spool_lock;
    spool *raw_spool;
    stream_reader *spool;
    /* The observe pass stopped at a block of rows only (rows_follow): while the workers read the
     * spool, the rest of the input is taken off inq into rows_after, so that the stages before
     * go on (ngrams' finish emits its tables), and read from there after the spool. spool_done,
     * under spool_lock: the spool is read to its end. */
    int rows_follow, spool_done;
    queue *rows_after;
    pthread_mutex_t stats_lock;
    node_stats stats;
    /* --state: what this per-record stage made of each document last time (NULL: not kept). */
    doccache *cache;
    atomic_uint_least64_t cache_hits;
    /* --state, the source: the hash of everything it emits; while it is probed for changes,
     * where its blocks go instead of downstream; afterwards, where they are replayed from. */
    fingerprint_stream *input_hash;
    stream_writer *probe;
    stream_reader *replay;
    /* Records taken in so far (emitted, for a source), for the progress line. */
    atomic_uint_least64_t progress;
};

struct runner {
    node *nodes;
    size_t n;
    param_set settings;
    char *output_dir;
    char *keep_dir;
    char *state_dir; /* NULL: no state folder */
    char **inputs;
    size_t ninputs;
    /* Blocks in memory are only framed and checked by default (edge_level 0): deflating them
     * costs CPU on every edge and saves nothing the bounded queues do not already bound.
     * Streams that rest on disk are compressed at rest_level. */
    int edge_level, rest_level, spool_level, cache_level, jobs, queue_cap;
    size_t block_size;
    run_env env;
    pthread_mutex_t outputs_lock;
    atomic_int failed;
    pthread_mutex_t fail_lock;
    quarry_buf error;
    int status;
    double seconds, started;
    int quiet;
    /* --state: the input was that of the last run, whose outputs were kept (counts in memo). */
    int unchanged;
    int refresh; /* --refresh: use neither the caches nor the last run's record; rewrite both */
    runmemo memo;
};

typedef struct worker {
    node *n;
    quarry_ctx ctx;
    block_codec codec;       /* at the edge level */
    block_codec rest_codec;  /* at the level of streams saved to disk */
    block_codec spool_codec; /* at the level of two-pass spools */
    block_codec cache_codec; /* at the level of the per-document caches */
    quarry_record *rec;
    quarry_buf payload, scratch;
    quarry_buf out, rej;
    uint32_t out_nrec, rej_nrec;
    msgpack_packer out_pk, rej_pk;
    quarry_buf out_index; /* the field spans of the records in out, for bare blocks */
    int index_out;        /* whether to write them */
    block **pending, **rpending;
    size_t npending, cappending, nrpending, caprpending;
    int direct;               /* publish each block when sealed (single-threaded phases) */
    /* What this worker emits now are table rows only, and so is all the node emits after it:
     * a QUARRY_TABLES_LAST stage handling input of rows only, or finishing. Its blocks are
     * marked rows_only, and a document emitted is refused. */
    int rows_only;
    node_stats stats;
    /* The per-document cache: the input record being processed, its entries for the new
     * cache file (sealed into blocks beside the output's), and this worker's reads. */
    const char *in_rec;
    size_t in_len;
    quarry_buf cache_out;
    uint32_t cache_nrec;
    block **cpending;
    size_t ncpending, capcpending;
    doccache_reader cache_rd;
    quarry_record *hit;
} worker;

/* runner.c */
int runner_failed(runner *r);
/* Records the first failure and wakes every thread so that all of them stop. Never call it
 * while holding a node's turn_lock. */
void runner_fail(runner *r, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void runner_fail_ctx(runner *r, quarry_ctx *ctx, const char *during, int default_status);
double runner_now(void);
/* Records the sources read, the records the last stages put out, and those stages made. */
void runner_counts(const runner *r, uint64_t *read, uint64_t *out, uint64_t *created);

/* runner_worker.c: a stage's thread: its source loop, or its workers (and observe pass). */
void *node_main(void *arg);

/* runner_state.c: the state folder's part in a run. */
int runner_open_caches(runner *r, quarry_buf *err);
node *runner_memo_source(runner *r);
int runner_check_unchanged(runner *r, node *src, quarry_buf *err, int *status);
int runner_save_memo(runner *r, node *src, char **outputs, size_t noutputs, quarry_buf *err);
int runner_commit_caches(runner *r, quarry_buf *err);

/* runner_fields.c: for each stage, the document fields the stages after it may read
 * (quarry_field_needed), once every stage has opened and the caches are open. */
void runner_fields_plan(runner *r);

/* runner_tables.c: for each stage, the corpus tables the stages before it said they make
 * (quarry_table_before), once every stage has opened. */
void runner_tables_plan(runner *r);
#endif
