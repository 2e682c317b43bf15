/* runner.c: builds a pipeline's stage graph and runs it: a thread per stage, bounded queues of
 * compressed blocks between them, ordered worker pools, spools for two-pass stages. */
#include "runner.h"
#include "block.h"
#include "doccache.h"
#include "runmemo.h"
#include "state.h"
#include "buf.h"
#include "instance.h"
#include "log.h"
#include "mem.h"
#include "progress.h"
#include "queue.h"
#include "record.h"
#include "stream.h"
#include "suggest.h"

#include <errno.h>
#include <stdio.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>

const quarry_param runner_settings[] = {
    {"input", QUARRY_PARAM_LIST, NULL,
     "files, folders or globs to read, comma-separated (relative to the pipeline file)", 0, 0, 0, NULL},
    {"output", QUARRY_PARAM_PATH, "out", "output folder (relative to the pipeline file)", 0, 0, 0, NULL},
    {"compression", QUARRY_PARAM_INT, "1",
     "zlib level of record streams kept on disk (kept edges, rejects): 0 (stored) to 9", 0, 0, 9, NULL},
    {"spool-compression", QUARRY_PARAM_INT, "0",
     "zlib level of the temporary spools of two-pass stages: 0 (stored; they live for the run only) to 9",
     0, 0, 9, NULL},
    {"cache-compression", QUARRY_PARAM_INT, "0",
     "zlib level of the per-document caches in the state folder: 0 (stored: cheapest to reread and "
     "rewrite every night; blocks are CRC-checked either way) to 9", 0, 0, 9, NULL},
    {"edge-compression", QUARRY_PARAM_INT, "0",
     "zlib level of blocks passed between stages in memory: 0 (passed as they are) to 9",
     0, 0, 9, NULL},
    {"jobs", QUARRY_PARAM_INT, "1", "worker threads for each per-record stage", 0, 1, 256, NULL},
    {"block-size", QUARRY_PARAM_INT, "65536", "payload bytes after which a record block is closed",
     0, 256, 67108864, NULL},
    {"queue", QUARRY_PARAM_INT, "8", "blocks an edge holds before its producer waits", 0, 1, 1024, NULL},
    {"state", QUARRY_PARAM_PATH, NULL,
     "folder kept between nightly runs: its lock (a second run exits with 75), per-document caches, "
     "the last run's record (unchanged input keeps its outputs)", 0, 0, 0, NULL},
    {"keep-intermediate", QUARRY_PARAM_PATH, NULL,
     "folder to save the record stream each stage emits, as NN-stage.qz", 0, 0, 0, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};

typedef struct node node;

typedef struct node_stats {
    uint64_t in, out, rejected, created;
    uint64_t in_raw, in_packed, out_raw, out_packed;
    double cpu;
} node_stats;

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
    stream_writer *keep;
    stream_writer *rejects;
    /* Two-pass stages replay their input from here. */
    pthread_mutex_t spool_lock;
    stream_reader *spool;
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

/* ---- Failure --------------------------------------------------------------------------- */

static int runner_failed(runner *r)
{
    return atomic_load(&r->failed);
}

/* Records the first failure and wakes every thread so that all of them stop. Never call it
 * while holding a node's turn_lock. */
static void runner_fail(runner *r, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void runner_fail(runner *r, int status, const char *fmt, ...)
{
    pthread_mutex_lock(&r->fail_lock);
    if (!atomic_load(&r->failed)) {
        va_list ap;
        va_start(ap, fmt);
        buf_vprintf(&r->error, fmt, ap);
        va_end(ap);
        r->status = status;
        atomic_store(&r->failed, 1);
    }
    pthread_mutex_unlock(&r->fail_lock);
    for (size_t i = 0; i < r->n; i++) {
        node *n = &r->nodes[i];
        if (n->inq)
            queue_abort(n->inq);
        pthread_mutex_lock(&n->turn_lock);
        pthread_cond_broadcast(&n->turn_cond);
        pthread_mutex_unlock(&n->turn_lock);
    }
}

static void runner_fail_ctx(runner *r, quarry_ctx *ctx, const char *during, int default_status)
{
    quarry_buf msg = {0};
    ctx_describe_error(ctx, during, &msg);
    runner_fail(r, ctx->status ? ctx->status : default_status, "%s", buf_cstr(&msg));
    quarry_buf_free(&msg);
}

/* ---- Publishing ---------------------------------------------------------------------------- */

/* B as it should be written with CODEC (of level LEVEL): B itself when it is framed at that
 * level already, else (re)packed. */
static block *worker_disk_form(worker *w, block *b, block_codec *codec, int level)
{
    if (!b->bare && level == w->n->run->edge_level)
        return block_ref(b);
    quarry_buf why = {0};
    block *rest = NULL;
    const char *data;
    size_t len;
    if (block_payload(&w->codec, b, &w->scratch, &data, &len, &why) == 0)
        rest = block_pack(codec, data, len, b->nrec, &why);
    quarry_buf_free(&why);
    if (rest)
        rest->seq = b->seq;
    return rest;
}

/* Writes B to SW with CODEC (at LEVEL). */
static int worker_save(worker *w, stream_writer *sw, block *b, block_codec *codec, int level)
{
    block *rest = worker_disk_form(w, b, codec, level);
    int rc = rest ? stream_write_block(sw, rest) : -1;
    block_unref(rest);
    return rc;
}

static void node_publish(worker *w, block *b, int *write_failed)
{
    node *n = w->n;
    if (!n->input)
        atomic_fetch_add(&n->progress, b->nrec);
    if (n->probe) {
        if (worker_save(w, n->probe, b, &w->spool_codec, n->run->spool_level) < 0)
            *write_failed = 1;
        block_unref(b);
        return;
    }
    b->seq = n->out_seq++;
    if (n->keep && worker_save(w, n->keep, b, &w->rest_codec, n->run->rest_level) < 0)
        *write_failed = 1;
    for (size_t i = 0; i < n->nconsumers; i++)
        queue_push(n->consumers[i]->inq, block_ref(b));
    block_unref(b);
}

/* Publishes W's sealed blocks and rejects. Called in turn (or in a single-threaded phase). */
static void worker_publish(worker *w)
{
    node *n = w->n;
    int keep_failed = 0, rejects_failed = 0;
    for (size_t i = 0; i < w->npending; i++)
        node_publish(w, w->pending[i], &keep_failed);
    for (size_t i = 0; i < w->nrpending; i++) {
        if (stream_write_block(n->rejects, w->rpending[i]) < 0)
            rejects_failed = 1;
        block_unref(w->rpending[i]);
    }
    quarry_buf cache_error = {0};
    for (size_t i = 0; i < w->ncpending; i++) {
        if (!cache_error.len)
            doccache_write(n->cache, w->cpending[i], &cache_error);
        block_unref(w->cpending[i]);
    }
    w->npending = w->nrpending = w->ncpending = 0;
    if (cache_error.len && !w->ctx.error) { /* deferred, as below */
        w->ctx.status = EX_CANTCREAT;
        w->ctx.error = buf_steal(&cache_error);
    }
    quarry_buf_free(&cache_error);
    if (keep_failed || rejects_failed) {
        stream_writer *sw = keep_failed ? (n->probe ? n->probe : n->keep) : n->rejects;
        /* Defer the failure: the caller may hold the turn lock. */
        w->ctx.status = EX_CANTCREAT;
        if (!w->ctx.error) {
            quarry_buf m = {0};
            buf_printf(&m, "cannot write %s: %s", sw->name, strerror(sw->failed));
            w->ctx.error = buf_steal(&m);
        }
    }
}

/* A block of PAYLOAD's records, which leaves PAYLOAD empty: bare when it only passes between
 * threads uncompressed, else deflated with CODEC. */
static block *worker_pack(worker *w, block_codec *codec, quarry_buf *payload, uint32_t nrec)
{
    if (codec == &w->codec && w->n->run->edge_level == 0) {
        quarry_buf why = {0};
        block *b = block_bare(payload, &w->out_index, nrec, &why);
        if (!b) {
            if (!w->ctx.error) {
                w->ctx.error = buf_steal(&why);
                w->ctx.status = EX_DATAERR;
            }
            payload->len = 0;
            w->out_index.len = 0;
        }
        quarry_buf_free(&why);
        /* The next block's room: its target size and a record's overshoot, so that it is
         * rarely grown. */
        buf_reserve(payload, w->n->run->block_size + w->n->run->block_size / 4);
        return b;
    }
    quarry_buf why = {0};
    block *b = block_pack(codec, payload->data, payload->len, nrec, &why);
    if (!b && !w->ctx.error) {
        w->ctx.error = buf_steal(&why);
        w->ctx.status = EX_DATAERR;
    }
    quarry_buf_free(&why);
    payload->len = 0;
    return b;
}

static void worker_seal(worker *w)
{
    if (w->n->input_hash) {
        fingerprint_stream_add(w->n->input_hash, w->out.data, w->out.len);
        fingerprint_stream_add(w->n->input_hash, w->rej.data, w->rej.len);
    }
    if (w->out_nrec) {
        block *b = worker_pack(w, &w->codec, &w->out, w->out_nrec);
        w->stats.out_raw += b ? b->raw_len : 0;
        w->stats.out_packed += b ? b->len : 0;
        if (b) {
            mem_grow((void **)&w->pending, &w->cappending, w->npending + 1, sizeof *w->pending);
            w->pending[w->npending++] = b;
        }
        w->out_nrec = 0;
    }
    if (w->rej_nrec) {
        block *b = worker_pack(w, &w->rest_codec, &w->rej, w->rej_nrec); /* rejects go to disk */
        if (b) {
            mem_grow((void **)&w->rpending, &w->caprpending, w->nrpending + 1, sizeof *w->rpending);
            w->rpending[w->nrpending++] = b;
        }
        w->rej_nrec = 0;
    }
    if (w->cache_nrec) {
        block *b = worker_pack(w, &w->cache_codec, &w->cache_out, w->cache_nrec);
        if (b) {
            mem_grow((void **)&w->cpending, &w->capcpending, w->ncpending + 1, sizeof *w->cpending);
            w->cpending[w->ncpending++] = b;
        }
        w->cache_nrec = 0;
    }
    if (w->direct)
        worker_publish(w);
}

/* Packs REC into the output; with KEY, also keeps it in the per-document cache under KEY. */
static void worker_encode_keyed(worker *w, const quarry_record *rec, const fingerprint *key)
{
    if (w->n->discard)
        return;
    size_t start = w->out.len;
    if (w->index_out)
        record_pack_indexed(rec, &w->out_pk, &w->out_index);
    else
        record_pack(rec, &w->out_pk);
    w->out_nrec++;
    if (key) {
        doccache_entry(&w->cache_out, key, w->out.data + start, w->out.len - start);
        w->cache_nrec++;
    }
    if (w->out.len >= w->n->run->block_size)
        worker_seal(w);
}

static void worker_encode(worker *w, const quarry_record *rec)
{
    worker_encode_keyed(w, rec, NULL);
}

static void worker_sink_emit(quarry_ctx *ctx, const quarry_record *rec)
{
    worker_encode(ctx->sink_data, rec);
}

static void worker_sink_reject(quarry_ctx *ctx, const quarry_record *rec, const char *reason)
{
    worker *w = ctx->sink_data;
    record_pack_tagged(rec, &w->rej_pk, w->n->inst->name, reason);
    w->rej_nrec++;
    if (w->rej.len >= w->n->run->block_size)
        worker_seal(w);
}

static const ctx_sink worker_sink = {worker_sink_emit, worker_sink_reject};

static void worker_init(worker *w, node *n)
{
    memset(w, 0, sizeof *w);
    w->n = n;
    ctx_init(&w->ctx, n->inst, &worker_sink, w);
    block_codec_init(&w->codec, n->run->edge_level);
    block_codec_init(&w->rest_codec, n->run->rest_level);
    block_codec_init(&w->spool_codec, n->run->spool_level);
    block_codec_init(&w->cache_codec, n->run->cache_level);
    w->rec = quarry_record_new();
    record_packer_init(&w->out_pk, &w->out);
    record_packer_init(&w->rej_pk, &w->rej);
    w->index_out = n->run->edge_level == 0; /* bare blocks: the next stage reads the spans */
    doccache_reader_init(&w->cache_rd);
    w->hit = quarry_record_new();
}

static void worker_free(worker *w)
{
    for (size_t i = 0; i < w->npending; i++)
        block_unref(w->pending[i]);
    for (size_t i = 0; i < w->nrpending; i++)
        block_unref(w->rpending[i]);
    for (size_t i = 0; i < w->ncpending; i++)
        block_unref(w->cpending[i]);
    free(w->pending);
    free(w->rpending);
    free(w->cpending);
    quarry_buf_free(&w->cache_out);
    doccache_reader_free(&w->cache_rd);
    quarry_record_free(w->hit);
    quarry_record_free(w->rec);
    quarry_buf_free(&w->payload);
    quarry_buf_free(&w->scratch);
    quarry_buf_free(&w->out);
    quarry_buf_free(&w->out_index);
    quarry_buf_free(&w->rej);
    block_codec_free(&w->codec);
    block_codec_free(&w->rest_codec);
    block_codec_free(&w->spool_codec);
    block_codec_free(&w->cache_codec);
    ctx_free(&w->ctx);
}

static double worker_cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void node_add_stats(node *n, worker *w)
{
    pthread_mutex_lock(&n->stats_lock);
    node_stats *s = &n->stats;
    s->in += w->ctx.in;
    s->out += w->ctx.out;
    s->rejected += w->ctx.rejected;
    s->created += w->ctx.created;
    s->in_raw += w->stats.in_raw;
    s->in_packed += w->stats.in_packed;
    s->out_raw += w->stats.out_raw;
    s->out_packed += w->stats.out_packed;
    s->cpu += w->stats.cpu;
    pthread_mutex_unlock(&n->stats_lock);
}

/* ---- Input ------------------------------------------------------------------------------------ */

static block *node_next_input(node *n)
{
    if (!n->spool)
        return queue_pop(n->inq);
    block *b = NULL;
    quarry_buf err = {0};
    pthread_mutex_lock(&n->spool_lock);
    int rc = runner_failed(n->run) ? 0 : stream_read_block(n->spool, &b, &err);
    pthread_mutex_unlock(&n->spool_lock);
    if (rc < 0)
        runner_fail(n->run, EX_IOERR, "stage '%s': spool: %s", n->inst->name, buf_cstr(&err));
    quarry_buf_free(&err);
    return rc > 0 ? b : NULL;
}

/* Decodes block B and calls FN on each record. Returns 0, or -1 after failing the run. */
static int worker_each_record(worker *w, block *b,
                              int (*fn)(worker *w, quarry_record *rec))
{
    node *n = w->n;
    quarry_buf why = {0};
    const char *data;
    size_t len;
    if (block_payload(&w->codec, b, &w->payload, &data, &len, &why) < 0) {
        runner_fail(n->run, EX_SOFTWARE, "stage '%s': input block %llu: %s", n->inst->name,
                    (unsigned long long)b->seq, buf_cstr(&why));
        quarry_buf_free(&why);
        return -1;
    }
    w->stats.in_raw += len;
    w->stats.in_packed += b->len;
    size_t off = 0, at = 0;
    uint32_t seen = 0;
    int rc = 0, got;
    size_t start = off;
    while ((got = b->index ? record_next_indexed(w->rec, data, len, &off, b->index, b->nindex, &at)
                           : record_next(w->rec, data, len, &off)) > 0) {
        seen++;
        w->in_rec = data + start;
        w->in_len = off - start;
        start = off;
        if (fn(w, w->rec) < 0) {
            rc = -1;
            break;
        }
    }
    quarry_record_clear(w->rec);
    atomic_fetch_add(&n->progress, seen);
    if (rc == 0 && (got < 0 || seen != b->nrec)) {
        runner_fail(n->run, EX_SOFTWARE, "stage '%s': input block %llu holds %u readable records "
                    "of %u", n->inst->name, (unsigned long long)b->seq, seen, b->nrec);
        rc = -1;
    }
    return rc;
}

/* The cached output of the input record in hand, passed on as the stage would have made it (and
 * recounted, for a stage that keeps totals): 1 if there was one, -1 if recount failed. */
static int worker_reuse(worker *w, const fingerprint *key)
{
    const char *entry;
    size_t len, off = 0;
    if (doccache_find(w->n->cache, &w->cache_rd, key, &entry, &len) <= 0)
        return 0;
    if (record_next(w->hit, entry, len, &off) <= 0)
        return 0;
    quarry_buf_append(&w->cache_out, entry, len); /* into the new cache as it is */
    w->cache_nrec++;
    quarry_remove(w->hit, "_key");
    const struct quarry_stage *st = w->n->inst->stage;
    if (st->recount && (st->recount(w->n->inst->state, &w->ctx, w->hit) != QUARRY_OK || w->ctx.error))
        return -1;
    w->ctx.in++;
    w->ctx.out++;
    worker_encode(w, w->hit);
    quarry_record_clear(w->hit);
    atomic_fetch_add(&w->n->cache_hits, 1);
    return 1;
}

static int worker_process_one(worker *w, quarry_record *rec)
{
    fingerprint key;
    uint64_t created = w->ctx.created, rejected = w->ctx.rejected;
    if (w->n->cache) {
        key = doccache_key(w->n->cache, w->in_rec, w->in_len);
        int reused = worker_reuse(w, &key);
        if (reused < 0) {
            runner_fail_ctx(w->n->run, &w->ctx, "failed to recount a cached document", EX_SOFTWARE);
            return -1;
        }
        if (reused)
            return 0;
    }
    int outcome = ctx_process(&w->ctx, rec);
    /* Only a record that became exactly one record is kept: anything else is recomputed. */
    int keyed = w->n->cache && w->ctx.created == created && w->ctx.rejected == rejected;
    if (outcome > 0)
        worker_encode_keyed(w, rec, keyed ? &key : NULL);
    if (outcome >= 0)
        return 0;
    runner_fail_ctx(w->n->run, &w->ctx, "failed", EX_SOFTWARE);
    return -1;
}

static int worker_observe_one(worker *w, quarry_record *rec)
{
    node *n = w->n;
    if (n->inst->stage->observe(n->inst->state, &w->ctx, rec) != QUARRY_OK || w->ctx.error) {
        runner_fail_ctx(n->run, &w->ctx, "failed while observing", EX_SOFTWARE);
        return -1;
    }
    return 0;
}

/* ---- Threads ---------------------------------------------------------------------------------- */

/* Names the calling thread after stage N, so that top -H and perf tell the stages apart. */
static void node_name_thread(const node *n)
{
    char name[16]; /* the kernel keeps 15 bytes */
    snprintf(name, sizeof name, "q:%s", n->inst->name);
    pthread_setname_np(pthread_self(), name);
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    node *n = w->n;
    node_name_thread(n);
    const struct quarry_stage *st = n->inst->stage;
    double cpu0 = worker_cpu_now();
    if (st->worker_open && st->worker_open(n->inst->state, &w->ctx.local) != QUARRY_OK) {
        runner_fail(n->run, EX_SOFTWARE, "stage '%s': a worker could not start",
                    n->inst->name);
        goto out;
    }
    block *b;
    while ((b = node_next_input(n))) {
        int rc = worker_each_record(w, b, worker_process_one);
        if (rc == 0)
            worker_seal(w);
        /* Publish in input order, whatever order the workers finish in. */
        pthread_mutex_lock(&n->turn_lock);
        while (n->next_seq != b->seq && !runner_failed(n->run))
            pthread_cond_wait(&n->turn_cond, &n->turn_lock);
        if (rc == 0 && !runner_failed(n->run))
            worker_publish(w);
        n->next_seq++;
        pthread_cond_broadcast(&n->turn_cond);
        pthread_mutex_unlock(&n->turn_lock);
        block_unref(b);
        if (w->ctx.error && !runner_failed(n->run))
            runner_fail_ctx(n->run, &w->ctx, "failed", EX_SOFTWARE);
        if (rc < 0 || runner_failed(n->run))
            break;
    }
    if (st->worker_close) {
        static pthread_mutex_t close_lock = PTHREAD_MUTEX_INITIALIZER;
        pthread_mutex_lock(&close_lock);
        st->worker_close(n->inst->state, w->ctx.local);
        pthread_mutex_unlock(&close_lock);
    }
out:
    w->stats.cpu += worker_cpu_now() - cpu0;
    node_add_stats(n, w);
    return NULL;
}

/* Observes the whole input while saving its blocks, as they are, to a temporary spool. */
static int node_observe_and_spool(node *n, worker *w)
{
    FILE *tmp = tmpfile();
    if (!tmp) {
        runner_fail(n->run, EX_CANTCREAT, "stage '%s': cannot create a spool file: %s",
                    n->inst->name, strerror(errno));
        return -1;
    }
    stream_writer *sw = stream_writer_wrap(tmp, "spool");
    block *b;
    int rc = 0;
    while (rc == 0 && (b = queue_pop(n->inq))) {
        if (worker_save(w, sw, b, &w->spool_codec, n->run->spool_level) < 0) {
            runner_fail(n->run, EX_CANTCREAT, "stage '%s': cannot write its spool: %s",
                        n->inst->name, strerror(sw->failed));
            rc = -1;
        } else {
            rc = worker_each_record(w, b, worker_observe_one);
        }
        block_unref(b);
    }
    quarry_buf err = {0};
    if (rc == 0 && !runner_failed(n->run) && stream_writer_finish(sw, &w->rest_codec, &err) < 0) {
        runner_fail(n->run, EX_CANTCREAT, "stage '%s': %s", n->inst->name, buf_cstr(&err));
        rc = -1;
    }
    quarry_buf_free(&err);
    /* The stats of this pass would count every record twice. */
    w->stats.in_raw = w->stats.in_packed = 0;
    if (rc < 0 || runner_failed(n->run)) {
        stream_writer_free(sw);
        return -1;
    }
    rewind(tmp);
    sw->file = NULL;
    stream_writer_free(sw);
    n->spool = stream_reader_wrap(tmp, "spool");
    return 0;
}

static void node_run_workers(node *n)
{
    worker *ws = mem_calloc((size_t)n->jobs, sizeof *ws);
    pthread_t *tids = mem_calloc((size_t)n->jobs, sizeof *tids);
    int started = 0;
    for (int i = 0; i < n->jobs; i++) {
        worker_init(&ws[i], n);
        if (pthread_create(&tids[i], NULL, worker_main, &ws[i]) != 0) {
            runner_fail(n->run, EX_OSERR, "stage '%s': cannot start a worker thread",
                        n->inst->name);
            break;
        }
        started++;
    }
    for (int i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    for (int i = 0; i < n->jobs; i++) {
        if (i < started && ws[i].ctx.error && !runner_failed(n->run))
            runner_fail_ctx(n->run, &ws[i].ctx, "failed", EX_SOFTWARE);
        worker_free(&ws[i]);
    }
    free(ws);
    free(tids);
}

static void *node_main(void *arg)
{
    node *n = arg;
    if (!n->probe) /* a probe runs in the caller's thread */
        node_name_thread(n);
    runner *r = n->run;
    const struct quarry_stage *st = n->inst->stage;
    worker w;
    worker_init(&w, n);
    w.direct = 1;
    double cpu0 = worker_cpu_now();
    if (n->replay) {
        /* Probed already: its records (and its stats and rejects) are those of the probe. */
        block *b;
        int got, write_failed = 0;
        quarry_buf why = {0};
        while (!runner_failed(r) && (got = stream_read_block(n->replay, &b, &why)) > 0)
            node_publish(&w, b, &write_failed);
        if (!runner_failed(r) && got < 0)
            runner_fail(r, EX_IOERR, "stage '%s': input spool: %s", n->inst->name, buf_cstr(&why));
        quarry_buf_free(&why);
    } else if (st->flags & QUARRY_SOURCE) {
        int rc = st->produce(n->inst->state, &w.ctx);
        /* A source's emits are its output, and everything it saw is its input. */
        w.ctx.out = w.ctx.created;
        w.ctx.in = w.ctx.created + w.ctx.rejected;
        w.ctx.created = 0;
        if ((rc != QUARRY_OK || w.ctx.error) && !runner_failed(r))
            runner_fail_ctx(r, &w.ctx, "failed", EX_SOFTWARE);
    } else {
        if (instance_two_pass(n->inst) && node_observe_and_spool(n, &w) < 0)
            goto end;
        double cpu_mid = worker_cpu_now();
        node_run_workers(n);
        cpu0 -= worker_cpu_now() - cpu_mid; /* the workers count their own time */
        if (!runner_failed(r) && st->finish &&
            (st->finish(n->inst->state, &w.ctx) != QUARRY_OK || w.ctx.error))
            runner_fail_ctx(r, &w.ctx, "failed to finish", EX_SOFTWARE);
    }
    if (!runner_failed(r))
        worker_seal(&w);
    if (w.ctx.error && !runner_failed(r))
        runner_fail_ctx(r, &w.ctx, "failed", EX_CANTCREAT);
end:
    w.stats.cpu += worker_cpu_now() - cpu0;
    node_add_stats(n, &w);
    worker_free(&w);
    for (size_t i = 0; i < n->nconsumers && !n->probe; i++)
        queue_close(n->consumers[i]->inq);
    return NULL;
}

/* ---- Building ---------------------------------------------------------------------------------- */

static int runner_mkdirs(const char *path, quarry_buf *err)
{
    char *p = mem_strdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        mkdir(p, 0777);
        *s = '/';
    }
    int rc = mkdir(p, 0777);
    struct stat sb;
    if (rc != 0 && (errno != EEXIST || stat(p, &sb) != 0 || !S_ISDIR(sb.st_mode))) {
        buf_printf(err, "cannot create folder %s: %s", path,
                   errno == EEXIST ? "a file of that name is in the way" : strerror(errno));
        free(p);
        return -1;
    }
    free(p);
    return 0;
}

static int runner_apply_settings(runner *r, const pipeline *p, const runner_options *opt,
                                 quarry_buf *err)
{
    param_set_init(&r->settings, runner_settings, "pipeline", "pipeline");
    for (size_t i = 0; i < p->nsettings; i++) {
        char *where = pipeline_where(p, p->settings[i].line);
        int rc = param_assign(&r->settings, p->settings[i].key, p->settings[i].value, where,
                              p->base_dir, err);
        free(where);
        if (rc < 0)
            return -1;
    }
    char *where = pipeline_where(p, p->settings_line);
    int rc = param_complete(&r->settings, where, err);
    free(where);
    if (rc < 0)
        return -1;
    r->output_dir = mem_strdup(opt->output_dir ? opt->output_dir
                                               : param_find(&r->settings, "output")->str);
    const char *state = opt->state_dir ? opt->state_dir : param_find(&r->settings, "state")->str;
    r->state_dir = state && *state ? mem_strdup(state) : NULL;
    const char *keep = opt->keep_dir ? opt->keep_dir : param_find(&r->settings, "keep-intermediate")->str;
    r->keep_dir = keep && *keep ? mem_strdup(keep) : NULL;
    r->jobs = opt->jobs > 0 ? opt->jobs : (int)param_find(&r->settings, "jobs")->i;
    r->rest_level = opt->compression >= 0 ? opt->compression
                                          : (int)param_find(&r->settings, "compression")->i;
    r->spool_level = (int)param_find(&r->settings, "spool-compression")->i;
    r->cache_level = (int)param_find(&r->settings, "cache-compression")->i;
    r->edge_level = opt->edge_compression >= 0
                        ? opt->edge_compression
                        : (int)param_find(&r->settings, "edge-compression")->i;
    r->block_size = (size_t)param_find(&r->settings, "block-size")->i;
    r->queue_cap = (int)param_find(&r->settings, "queue")->i;
    if (opt->ninputs) {
        r->inputs = mem_calloc(opt->ninputs, sizeof *r->inputs);
        for (size_t i = 0; i < opt->ninputs; i++)
            r->inputs[i] = mem_strdup(opt->inputs[i]);
        r->ninputs = opt->ninputs;
    } else {
        param_value *in = param_find(&r->settings, "input");
        r->inputs = mem_calloc(in->nitems, sizeof *r->inputs);
        for (size_t i = 0; i < in->nitems; i++) {
            quarry_buf path = {0};
            if (in->items[i][0] == '/' || strcmp(in->items[i], "-") == 0)
                buf_puts(&path, in->items[i]);
            else
                buf_printf(&path, "%s/%s", p->base_dir, in->items[i]);
            r->inputs[i] = buf_steal(&path);
        }
        r->ninputs = in->nitems;
    }
    return 0;
}

static int runner_status_of(plugin_status st)
{
    return st == PLUGIN_NOT_FOUND ? EX_USAGE : EX_UNAVAILABLE;
}

int runner_build(const pipeline *p, const runner_options *opt, runner **out, quarry_buf *err)
{
    runner *r = mem_calloc(1, sizeof *r);
    *out = r;
    pthread_mutex_init(&r->fail_lock, NULL);
    pthread_mutex_init(&r->outputs_lock, NULL);
    r->quiet = opt->quiet;
    r->refresh = opt->refresh;
    r->nodes = mem_calloc(p->nsections, sizeof *r->nodes);
    r->n = 0;
    if (runner_apply_settings(r, p, opt, err) < 0)
        return EX_USAGE;
    plugin_path pp;
    plugin_path_init(&pp, opt->plugin_path);
    int status = 0;
    for (size_t i = 0; i < p->nsections && !status; i++) {
        const pipeline_section *s = &p->sections[i];
        node *n = &r->nodes[i];
        n->run = r;
        n->index = i;
        pthread_mutex_init(&n->turn_lock, NULL);
        pthread_cond_init(&n->turn_cond, NULL);
        pthread_mutex_init(&n->spool_lock, NULL);
        pthread_mutex_init(&n->stats_lock, NULL);
        r->n++;
        char *where = pipeline_where(p, s->line);
        quarry_buf why = {0};
        int st = instance_create(&n->inst, s->name, s->use ? s->use : s->name, where, &pp, &why);
        if (st != PLUGIN_OK) {
            buf_printf(err, "%s: %s", where, buf_cstr(&why));
            status = runner_status_of(st);
        }
        quarry_buf_free(&why);
        for (size_t k = 0; k < s->nparams && !status; k++) {
            char *pw = pipeline_where(p, s->params[k].line);
            if (param_assign(&n->inst->params, s->params[k].key, s->params[k].value, pw,
                             p->base_dir, err) < 0)
                status = EX_USAGE;
            free(pw);
        }
        if (!status && param_complete(&n->inst->params, where, err) < 0)
            status = EX_USAGE;
        int source = !status && (n->inst->stage->flags & QUARRY_SOURCE);
        if (!status && source && s->input) {
            buf_printf(err, "%s: stage '%s' is a source and reads no input; remove 'input = %s'",
                       where, s->name, s->input);
            status = EX_USAGE;
        } else if (!status && !source) {
            if (s->input) {
                for (size_t j = 0; j < i && !n->input; j++)
                    if (strcmp(r->nodes[j].inst->name, s->input) == 0)
                        n->input = &r->nodes[j];
                if (!n->input) {
                    const char **names = mem_calloc(p->nsections, sizeof *names);
                    for (size_t j = 0; j < p->nsections; j++)
                        names[j] = p->sections[j].name;
                    int later = 0;
                    for (size_t j = i; j < p->nsections; j++)
                        later |= strcmp(p->sections[j].name, s->input) == 0;
                    const char *near = suggest_closest(s->input, names, i);
                    buf_printf(err, "%s: stage '%s': input '%s' %s", where, s->name, s->input,
                               later ? "comes later in the file; a stage's input must stand above it"
                                     : "names no stage");
                    if (near && !later)
                        buf_printf(err, "; did you mean '%s'?", near);
                    free(names);
                    status = EX_USAGE;
                }
            } else if (i == 0) {
                buf_printf(err, "%s: stage '%s' needs input: put a source stage such as 'read' "
                           "before it", where, s->name);
                status = EX_USAGE;
            } else {
                n->input = &r->nodes[i - 1];
            }
            if (n->input) {
                node *in = n->input;
                in->consumers = mem_realloc(in->consumers, (in->nconsumers + 1) * sizeof *in->consumers);
                in->consumers[in->nconsumers++] = n;
            }
        }
        if (!status)
            n->jobs = (n->inst->stage->flags & QUARRY_PER_RECORD) ? r->jobs : 1;
        free(where);
    }
    plugin_path_free(&pp);
    return status;
}

/* ---- Running -------------------------------------------------------------------------------- */

static double runner_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Writes every stage's rejects, in stage order, as rejects.jsonl. */
static int runner_write_rejects(runner *r, quarry_buf *err)
{
    FILE *f = output_open(&r->env, "rejects.jsonl", err);
    if (!f)
        return -1;
    block_codec codec;
    block_codec_init(&codec, 0);
    quarry_buf payload = {0}, line = {0};
    quarry_record *rec = quarry_record_new();
    int rc = 0;
    for (size_t i = 0; i < r->n && rc == 0; i++) {
        node *n = &r->nodes[i];
        if (!n->rejects || (stream_writer_finish(n->rejects, &codec, err) < 0 && (rc = -1)))
            continue;
        rewind(n->rejects->file);
        stream_reader *sr = stream_reader_wrap(n->rejects->file, "rejects spool");
        block *b;
        int got;
        while (rc == 0 && (got = stream_read_block(sr, &b, err)) > 0) {
            if (block_unpack(&codec, b, &payload, err) < 0)
                rc = -1;
            size_t off = 0;
            while (rc == 0 && record_next(rec, payload.data, payload.len, &off) > 0) {
                line.len = 0;
                quarry_record_to_json(rec, &line);
                buf_putc(&line, '\n');
                fwrite(line.data, 1, line.len, f);
            }
            block_unref(b);
        }
        if (got < 0)
            rc = -1;
        sr->file = NULL; /* still owned by the writer */
        stream_reader_free(sr);
    }
    quarry_record_free(rec);
    quarry_buf_free(&payload);
    quarry_buf_free(&line);
    block_codec_free(&codec);
    return rc;
}

static void runner_log(int level, const char *who, const char *fmt, va_list ap)
{
    log_vmsg((log_level)level, who, fmt, ap);
}

static int runner_run_unlocked(runner *r, quarry_buf *err);

/* Whether N's output for a record depends on that record alone, so that it may be taken from
 * the cache instead: per-record, no observe pass, no finish (which may emit what it gathered
 * from every record) unless the stage can recount cached documents into its totals, and
 * something reads its output. */
static int node_cacheable(const node *n)
{
    const struct quarry_stage *st = n->inst->stage;
    return n->input && (st->flags & QUARRY_PER_RECORD) && !instance_two_pass(n->inst) &&
           (!st->finish || st->recount) && n->nconsumers > 0;
}

/* Opens the per-document cache of every stage that can have one. */
static int runner_open_caches(runner *r, quarry_buf *err)
{
    quarry_buf dir = {0};
    buf_printf(&dir, "%s/cache", r->state_dir);
    int rc = runner_mkdirs(buf_cstr(&dir), err);
    for (size_t i = 0; i < r->n && rc == 0; i++) {
        node *n = &r->nodes[i];
        if (!node_cacheable(n))
            continue;
        fingerprint fp = fingerprint_instance(n->inst);
        if (!(n->cache = doccache_open(buf_cstr(&dir), n->inst->name, &fp, r->cache_level,
                                       !r->refresh, err)))
            rc = -1;
    }
    quarry_buf_free(&dir);
    return rc;
}

/* The one source whose input decides whether a run can keep the last run's outputs, or NULL:
 * there must be a state folder, one source, and no intermediate streams to save. */
static node *runner_memo_source(runner *r)
{
    node *src = NULL;
    if (!r->state_dir || r->keep_dir)
        return NULL;
    for (size_t i = 0; i < r->n; i++) {
        if (!(r->nodes[i].inst->stage->flags & QUARRY_SOURCE))
            continue;
        if (src)
            return NULL;
        src = &r->nodes[i];
    }
    return src;
}

/* What the outputs depend on besides the input: every stage's fingerprint, the edges, and
 * where the outputs go. */
static fingerprint runner_fingerprint(const runner *r)
{
    fingerprint f = {0x7175617272790001ull, 0}; /* "quarry", format 1 */
    for (size_t i = 0; i < r->n; i++) {
        const node *n = &r->nodes[i];
        fingerprint stage = fingerprint_instance(n->inst);
        fingerprint edge = {i, n->input ? n->input->index + 1 : 0};
        fingerprint_mix(&f, &stage);
        fingerprint_mix(&f, &edge);
    }
    fingerprint dir = fingerprint_bytes(&f, r->output_dir, strlen(r->output_dir));
    fingerprint_mix(&f, &dir);
    return f;
}

/* Runs SRC alone, its blocks spooled, to learn its input's hash; the run proper replays them. */
static int runner_probe(runner *r, node *src, quarry_buf *err)
{
    FILE *tmp = tmpfile();
    if (!tmp) {
        buf_printf(err, "cannot create a temporary file for the input: %s", strerror(errno));
        return EX_CANTCREAT;
    }
    src->probe = stream_writer_wrap(tmp, "input spool");
    node_main(src);
    block_codec codec;
    block_codec_init(&codec, r->spool_level);
    int status = 0;
    if (runner_failed(r)) {
        buf_puts(err, buf_cstr(&r->error));
        status = r->status ? r->status : EX_SOFTWARE;
    } else if (stream_writer_finish(src->probe, &codec, err) < 0) {
        status = EX_CANTCREAT;
    } else {
        rewind(tmp);
        src->probe->file = NULL;
        src->replay = stream_reader_wrap(tmp, "input spool");
    }
    block_codec_free(&codec);
    stream_writer_free(src->probe);
    src->probe = NULL;
    return status;
}

/* Whether the last run had this pipeline and this input, and its outputs are as it left them:
 * then they are this run's outputs too. Probes SRC (see runner_probe). */
static int runner_check_unchanged(runner *r, node *src, quarry_buf *err, int *status)
{
    runmemo *m = &r->memo;
    if (runmemo_load(r->state_dir, m) < 0)
        return 0;
    fingerprint now = runner_fingerprint(r);
    if (!fingerprint_equal(&m->pipeline, &now) || !runmemo_outputs_intact(m))
        return 0;
    if ((*status = runner_probe(r, src, err)))
        return 0;
    fingerprint input = fingerprint_stream_value(src->input_hash);
    return fingerprint_equal(&m->input, &input);
}

static void runner_counts(const runner *r, uint64_t *read, uint64_t *out, uint64_t *created);

/* Records this run in the state folder for the next one: after its outputs were committed. */
static int runner_save_memo(runner *r, node *src, char **outputs, size_t noutputs,
                            quarry_buf *err)
{
    runmemo m = {0};
    m.pipeline = runner_fingerprint(r); /* after the run: a model it saved is part of it */
    m.input = fingerprint_stream_value(src->input_hash);
    time_t now = time(NULL);
    struct tm tm;
    strftime(m.finished, sizeof m.finished, "%Y-%m-%dT%H:%M:%S%z", localtime_r(&now, &tm));
    runner_counts(r, &m.read, &m.out, &m.created);
    m.rejected = runner_rejected(r);
    for (size_t i = 0; i < r->n; i++)
        if (r->nodes[i].cache)
            runmemo_add_cache(&m, doccache_file_name(r->nodes[i].cache));
    for (size_t i = 0; i < noutputs; i++)
        runmemo_add_output(&m, outputs[i]);
    int rc = runmemo_save(r->state_dir, &m, err);
    runmemo_free(&m);
    return rc;
}

/* Renames every new cache file into place, and says in one line how much each stage reused. */
static int runner_commit_caches(runner *r, quarry_buf *err)
{
    quarry_buf line = {0};
    int rc = 0;
    for (size_t i = 0; i < r->n && rc == 0; i++) {
        node *n = &r->nodes[i];
        if (!n->cache)
            continue;
        if (doccache_commit(n->cache, err) < 0)
            rc = -1;
        buf_printf(&line, "%s%s %llu of %llu", line.len ? ", " : "", n->inst->name,
                   (unsigned long long)atomic_load(&n->cache_hits), (unsigned long long)n->stats.in);
    }
    if (rc == 0 && line.len)
        log_msg(LOG_INFO, NULL, "documents taken from the state folder's caches: %s", buf_cstr(&line));
    quarry_buf_free(&line);
    return rc;
}

int runner_run(runner *r, quarry_buf *err)
{
    /* A state folder is one run's at a time: cron may start tonight's before last night's ends. */
    state_lock *lock = NULL;
    if (r->state_dir) {
        int status = 0;
        if (!(lock = state_lock_take(r->state_dir, err, &status)))
            return status;
    }
    int status = runner_run_unlocked(r, err);
    state_lock_release(lock);
    return status;
}

/* The progress line: seconds so far, then each stage and the records it has taken in. */
static void runner_describe(void *arg, quarry_buf *line)
{
    runner *r = arg;
    buf_printf(line, "quarry: %.1f s:", runner_now() - r->started);
    for (size_t i = 0; i < r->n; i++)
        buf_printf(line, " %s %llu%s", r->nodes[i].inst->name,
                   (unsigned long long)atomic_load(&r->nodes[i].progress), i + 1 < r->n ? " >" : "");
}

static int runner_run_unlocked(runner *r, quarry_buf *err)
{
    double t0 = runner_now();
    r->started = t0;
    if (runner_mkdirs(r->output_dir, err) < 0)
        return EX_CANTCREAT;
    if (r->keep_dir && runner_mkdirs(r->keep_dir, err) < 0)
        return EX_CANTCREAT;
    /* A run killed outright (SIGKILL, a power cut) leaves its temporary files behind. */
    size_t swept = state_sweep_temps(r->output_dir);
    if (r->state_dir) {
        quarry_buf cache_dir = {0};
        buf_printf(&cache_dir, "%s/cache", r->state_dir);
        swept += state_sweep_temps(r->state_dir) + state_sweep_temps(buf_cstr(&cache_dir));
        quarry_buf_free(&cache_dir);
    }
    if (swept)
        log_msg(LOG_INFO, NULL, "removed %zu temporary file%s left by a run that did not finish",
                swept, swept == 1 ? "" : "s");
    r->env.output_dir = r->output_dir;
    r->env.inputs = (const char *const *)r->inputs;
    r->env.ninputs = r->ninputs;
    r->env.quiet = r->quiet;
    r->env.outputs_lock = &r->outputs_lock;
    r->env.log = runner_log;

    /* Every stage opens before any data flows: a cron job must never half-run. */
    for (size_t i = 0; i < r->n; i++) {
        int status;
        if (instance_open(r->nodes[i].inst, &r->env, err, &status) < 0) {
            for (size_t j = 0; j < i; j++)
                instance_close(r->nodes[j].inst);
            output_discard_all(&r->env);
            return status;
        }
    }
    int status = 0;
    for (size_t i = 0; i < r->n && !status; i++) {
        node *n = &r->nodes[i];
        n->discard = n->nconsumers == 0 && !r->keep_dir;
        if (n->input)
            n->inq = queue_new((size_t)r->queue_cap);
        FILE *tmp = tmpfile();
        if (!tmp) {
            buf_printf(err, "cannot create a temporary file for rejects: %s", strerror(errno));
            status = EX_CANTCREAT;
            break;
        }
        n->rejects = stream_writer_wrap(tmp, "rejects spool");
        if (r->keep_dir) {
            quarry_buf path = {0};
            buf_printf(&path, "%s/%02zu-%s.qz", r->keep_dir, i + 1, n->inst->name);
            n->keep = stream_writer_open(buf_cstr(&path), err);
            quarry_buf_free(&path);
            if (!n->keep)
                status = EX_CANTCREAT;
        }
    }
    node *memo_source = status ? NULL : runner_memo_source(r);
    if (memo_source) {
        memo_source->input_hash = fingerprint_stream_new();
        r->unchanged = !r->refresh && runner_check_unchanged(r, memo_source, err, &status);
    }
    if (!status && !r->unchanged && r->state_dir && runner_open_caches(r, err) < 0)
        status = EX_CANTCREAT;
    size_t started = 0;
    progress *bar = status || r->unchanged ? NULL : progress_start(200, runner_describe, r);
    for (size_t i = 0; i < r->n && !status && !r->unchanged; i++, started++) {
        if (pthread_create(&r->nodes[i].thread, NULL, node_main, &r->nodes[i]) != 0) {
            runner_fail(r, EX_OSERR, "cannot start a thread for stage '%s'", r->nodes[i].inst->name);
            break;
        }
    }
    for (size_t i = 0; i < started; i++)
        pthread_join(r->nodes[i].thread, NULL);
    progress_stop(bar);

    if (!status && !runner_failed(r)) {
        block_codec codec;
        block_codec_init(&codec, r->rest_level);
        for (size_t i = 0; i < r->n && !status; i++) {
            if (r->nodes[i].keep && stream_writer_finish(r->nodes[i].keep, &codec, err) < 0)
                status = EX_CANTCREAT;
        }
        block_codec_free(&codec);
    }
    for (size_t i = 0; i < r->n; i++)
        instance_close(r->nodes[i].inst);
    if (!status && runner_failed(r)) {
        buf_puts(err, buf_cstr(&r->error));
        status = r->status ? r->status : EX_SOFTWARE;
    }
    if (r->unchanged) { /* the last run's outputs stand, rejects.jsonl included */
        output_discard_all(&r->env);
        r->seconds = runner_now() - t0;
        return 0;
    }
    if (!status && runner_write_rejects(r, err) < 0)
        status = EX_CANTCREAT;
    /* The caches before the outputs: a cache newer than the outputs is still right (it is keyed
     * by content), and a run that dies between the two redoes only the outputs. */
    if (!status && runner_commit_caches(r, err) < 0)
        status = EX_CANTCREAT;
    size_t noutputs = r->env.noutputs;
    char **outputs = mem_calloc(noutputs + 1, sizeof *outputs);
    for (size_t i = 0; i < noutputs; i++)
        outputs[i] = mem_strdup(r->env.outputs[i].final_path);
    if (status)
        output_discard_all(&r->env);
    else if (output_commit_all(&r->env, err) < 0)
        status = EX_CANTCREAT;
    if (!status && memo_source && runner_save_memo(r, memo_source, outputs, noutputs, err) < 0) {
        quarry_buf why = {0};
        buf_printf(&why, "the outputs are written, but the state folder is not: %s", buf_cstr(err));
        err->len = 0;
        buf_puts(err, buf_cstr(&why));
        quarry_buf_free(&why);
        status = EX_CANTCREAT;
    }
    for (size_t i = 0; i < noutputs; i++)
        free(outputs[i]);
    free(outputs);
    r->seconds = runner_now() - t0;
    return status;
}

/* ---- Reporting -------------------------------------------------------------------------------- */

uint64_t runner_rejected(const runner *r)
{
    if (r->unchanged)
        return r->memo.rejected;
    uint64_t total = 0;
    for (size_t i = 0; i < r->n; i++)
        total += r->nodes[i].stats.rejected;
    return total;
}

const char *runner_output_dir(const runner *r)
{
    return r->output_dir;
}

void runner_print_stats(const runner *r, FILE *to)
{
    fprintf(to, "%-14s %-10s %10s %10s %9s %8s %10s %10s %10s %8s\n", "stage", "plugin", "in", "out",
            "rejected", "new", "out MB", "packed MB", "ratio", "cpu s");
    for (size_t i = 0; i < r->n; i++) {
        const node *n = &r->nodes[i];
        const node_stats *s = &n->stats;
        double ratio = s->out_packed ? (double)s->out_raw / (double)s->out_packed : 0;
        fprintf(to, "%-14s %-10s %10llu %10llu %9llu %8llu %10.2f %10.2f %10.2f %8.2f\n",
                n->inst->name, n->inst->plugin->name, (unsigned long long)s->in,
                (unsigned long long)s->out, (unsigned long long)s->rejected,
                (unsigned long long)s->created, s->out_raw / 1e6, s->out_packed / 1e6, ratio,
                s->cpu);
    }
}

/* Records the sources read, the records the last stages put out, and those stages made. */
static void runner_counts(const runner *r, uint64_t *read, uint64_t *out, uint64_t *created)
{
    *read = *out = *created = 0;
    for (size_t i = 0; i < r->n; i++) {
        const node *n = &r->nodes[i];
        if (n->inst->stage->flags & QUARRY_SOURCE)
            *read += n->stats.in;
        if (n->nconsumers == 0)
            *out += n->stats.out + n->stats.created;
        *created += n->stats.created;
    }
}

void runner_print_summary(const runner *r)
{
    uint64_t read, final_out, created;
    runner_counts(r, &read, &final_out, &created);
    uint64_t rejected = runner_rejected(r);
    quarry_buf line = {0};
    if (r->unchanged) {
        log_msg(LOG_INFO, NULL, "%llu records read, the same as in the run that finished %s: "
                "its outputs stand (%llu out, %llu rejected) in %.2f s", (unsigned long long)read,
                r->memo.finished, (unsigned long long)r->memo.out,
                (unsigned long long)r->memo.rejected, r->seconds);
        return;
    }
    buf_printf(&line, "%llu records read, %llu out", (unsigned long long)read, (unsigned long long)final_out);
    if (created)
        buf_printf(&line, " (%llu of them made by stages: corpus tables)", (unsigned long long)created);
    buf_printf(&line, ", %llu rejected", (unsigned long long)rejected);
    if (rejected)
        buf_printf(&line, " (see %s/rejects.jsonl)", r->output_dir);
    buf_printf(&line, " in %.2f s", r->seconds);
    /* Through the log: timestamped in a log file, JSON with --log-format json, none if quiet. */
    log_msg(LOG_INFO, NULL, "%s", buf_cstr(&line));
    quarry_buf_free(&line);
}

void runner_free(runner *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++) {
        node *n = &r->nodes[i];
        instance_free(n->inst);
        queue_free(n->inq);
        free(n->consumers);
        stream_writer_free(n->keep);
        stream_writer_free(n->rejects);
        stream_reader_free(n->spool);
        doccache_free(n->cache);
        fingerprint_stream_free(n->input_hash);
        stream_writer_free(n->probe);
        stream_reader_free(n->replay);
        pthread_mutex_destroy(&n->turn_lock);
        pthread_cond_destroy(&n->turn_cond);
        pthread_mutex_destroy(&n->spool_lock);
        pthread_mutex_destroy(&n->stats_lock);
    }
    free(r->nodes);
    param_set_free(&r->settings);
    for (size_t i = 0; i < r->ninputs; i++)
        free(r->inputs[i]);
    free(r->inputs);
    free(r->output_dir);
    free(r->keep_dir);
    free(r->state_dir);
    output_discard_all(&r->env);
    runmemo_free(&r->memo);
    quarry_buf_free(&r->error);
    pthread_mutex_destroy(&r->fail_lock);
    pthread_mutex_destroy(&r->outputs_lock);
    free(r);
}
