/* runner_worker.c: the threads of a run: a source's loop, a stage's ordered worker pool (with
 * its observe pass and spool for two-pass stages), encoding and publishing blocks, and taking
 * documents from the per-document cache. */
#include "crash.h"
#include "runner_internal.h"
#include "buf.h"
#include "log.h"
#include "mem.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

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

/* Tells N's consumers that its documents have ended: N declares QUARRY_TABLES_LAST, and its
 * finish, about to begin, makes table rows only. A two-pass stage after it then begins its
 * second pass now, beside the finish (ngrams' sorting and scoring of its table), instead of
 * waiting idle for the first block of rows. Called when every document block N made is
 * published: its workers have ended. */
static void node_announce_documents_end(node *n)
{
    block *end = block_documents_end();
    for (size_t i = 0; i < n->nconsumers; i++)
        queue_push(n->consumers[i]->inq, block_ref(end));
    block_unref(end);
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

/* Swaps W's sealed blocks with those of slot P. */
static void parked_swap(worker *w, parked *p)
{
#define PARKED_SWAP(type, field)                                                                       \
    do {                                                                                               \
        type held = w->field;                                                                          \
        w->field = p->field;                                                                           \
        p->field = held;                                                                               \
    } while (0)
    PARKED_SWAP(block **, pending);
    PARKED_SWAP(block **, rpending);
    PARKED_SWAP(block **, cpending);
    PARKED_SWAP(size_t, npending);
    PARKED_SWAP(size_t, cappending);
    PARKED_SWAP(size_t, nrpending);
    PARKED_SWAP(size_t, caprpending);
    PARKED_SWAP(size_t, ncpending);
    PARKED_SWAP(size_t, capcpending);
#undef PARKED_SWAP
}

/* The bytes the N blocks of LIST hold. */
static size_t blocks_bytes(block *const *list, size_t n)
{
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++)
        bytes += list[i]->len;
    return bytes;
}

/* Under the turn lock: parks W's sealed blocks, the output of input block SEQ, in a free slot
 * of N. 1, or 0 when every slot is taken or they would hold more than their budget (W then
 * waits for its turn): the memory held stays small, even for a corpus of huge documents. */
static int node_park(node *n, worker *w, uint64_t seq)
{
    size_t bytes = blocks_bytes(w->pending, w->npending) + blocks_bytes(w->rpending, w->nrpending) +
                   blocks_bytes(w->cpending, w->ncpending);
    if (n->parked_bytes + bytes > n->parked_budget)
        return 0;
    for (size_t i = 0; i < n->nparked; i++) {
        parked *p = &n->parked[i];
        if (p->used)
            continue;
        parked_swap(w, p);
        p->used = 1;
        p->seq = seq;
        p->bytes = bytes;
        n->parked_bytes += bytes;
        return 1;
    }
    return 0;
}

/* Under the turn lock, after W published in its turn: publishes the parked outputs whose turn
 * has come, in order, with W's codecs. */
static void node_publish_parked(node *n, worker *w)
{
    for (size_t i = 0; i < n->nparked; i++) {
        parked *p = &n->parked[i];
        if (!p->used || p->seq != n->next_seq)
            continue;
        parked_swap(w, p); /* W's own lists are empty: published already */
        if (!runner_failed(n->run))
            worker_publish(w);
        parked_swap(w, p);
        p->used = 0;
        n->parked_bytes -= p->bytes;
        n->next_seq++;
        i = (size_t)-1; /* the next one may sit in any slot */
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
            b->rows_only = w->rows_only;
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

/* Whether REC is a document that W may not emit: its stage declared QUARRY_TABLES_LAST, and
 * only rows were to follow. Refused, and the run stops: a two-pass stage after it may have
 * begun its second pass, and would never have observed the document. */
static int worker_refuses_document(worker *w, const quarry_record *rec)
{
    uint32_t len;
    if (!w->rows_only || record_peek_string(rec, "_table", &len))
        return 0;
    if (!w->ctx.error) {
        quarry_buf m = {0};
        buf_printf(&m, "it emitted a document (a record without '_table') after the last of its input, where "
                       "it declares that only table rows follow (QUARRY_TABLES_LAST)");
        w->ctx.error = buf_steal(&m);
        w->ctx.status = EX_SOFTWARE;
    }
    return 1;
}

/* Packs REC into the output; with KEY, also keeps it in the per-document cache under KEY. */
static void worker_encode_keyed(worker *w, const quarry_record *rec, const fingerprint *key)
{
    if (w->n->discard || worker_refuses_document(w, rec))
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

/* quarry_flush: the records so far become a block of their own, published at once by a source
 * (direct) and with the block in hand by a pool's worker. */
static void worker_sink_flush(quarry_ctx *ctx)
{
    worker_seal(ctx->sink_data);
}

static const ctx_sink worker_sink = {worker_sink_emit, worker_sink_reject, worker_sink_flush};

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

/* Drops the N blocks of LIST, and LIST. */
static void blocks_free(block **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        block_unref(list[i]);
    free(list);
}

static void worker_free(worker *w)
{
    blocks_free(w->pending, w->npending);
    blocks_free(w->rpending, w->nrpending);
    blocks_free(w->cpending, w->ncpending);
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
    if (w->direct || n->jobs == 1) /* the node's own thread, or a stage's only worker */
        s->cpu_one_thread += w->stats.cpu;
    pthread_mutex_unlock(&n->stats_lock);
}

/* ---- Input ------------------------------------------------------------------------------------ */

static block *node_next_input(node *n)
{
    if (!n->spool && !n->raw_spool)
        return queue_pop(n->inq);
    block *b = NULL;
    quarry_buf err = {0};
    pthread_mutex_lock(&n->spool_lock);
    int rc = runner_failed(n->run) || n->spool_done ? 0
             : n->raw_spool                       ? spool_read(n->raw_spool, &b, &err)
                                                  : stream_read_block(n->spool, &b, &err);
    if (rc == 0)
        n->spool_done = 1;
    pthread_mutex_unlock(&n->spool_lock);
    if (rc < 0)
        runner_fail(n->run, EX_IOERR, "stage '%s': spool: %s", n->inst->name, buf_cstr(&err));
    quarry_buf_free(&err);
    if (rc != 0)
        return rc > 0 ? b : NULL;
    /* The spool is read: the rows that came after the observe pass stopped follow, numbered on
     * from the spool's last block, as the producer numbered them all. */
    return n->rows_follow && !runner_failed(n->run) ? queue_pop(n->rows_after) : NULL;
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
    crash_enter(n->inst->name, rec);
    int rc = n->inst->stage->observe(n->inst->state, &w->ctx, rec);
    crash_leave();
    if (rc != QUARRY_OK || w->ctx.error) {
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
    crash_thread_begin();
    const struct quarry_stage *st = n->inst->stage;
    double cpu0 = worker_cpu_now();
    if (st->worker_open && st->worker_open(n->inst->state, &w->ctx.local) != QUARRY_OK) {
        runner_fail(n->run, EX_SOFTWARE, "stage '%s': a worker could not start",
                    n->inst->name);
        goto out;
    }
    block *b;
    while ((b = node_next_input(n))) {
        if (b->documents_end) { /* news for a two-pass stage's first pass, which this is not */
            block_unref(b);
            continue;
        }
        w->rows_only = b->rows_only && (st->flags & QUARRY_TABLES_LAST);
        int rc = worker_each_record(w, b, worker_process_one);
        if (rc == 0)
            worker_seal(w);
        /* A block is what came so far: a reader at the other end of a pipe gets its lines now,
         * not when stdio's buffer fills, which may be hours for a stream fed as events happen. */
        if (rc == 0 && n->inst->writes_stdout && fflush(stdout) != 0)
            runner_fail(n->run, EX_IOERR, "stage '%s' failed: cannot write to standard output: %s",
                        n->inst->name, strerror(errno));
        /* Publish in input order, whatever order the workers finish in: a block done before its
         * turn is parked while a slot is free, and published by whoever publishes the one
         * before it. */
        pthread_mutex_lock(&n->turn_lock);
        int parked_it = rc == 0 && n->next_seq != b->seq && !runner_failed(n->run) && node_park(n, w, b->seq);
        if (!parked_it) {
            while (n->next_seq != b->seq && !runner_failed(n->run))
                pthread_cond_wait(&n->turn_cond, &n->turn_lock);
            if (rc == 0 && !runner_failed(n->run))
                worker_publish(w);
            n->next_seq++;
            node_publish_parked(n, w);
            pthread_cond_broadcast(&n->turn_cond);
        }
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
    crash_thread_end();
    return NULL;
}

/* Fails the run for a spool that could not be written in TMPDIR: ERRNUM, or WHY. */
static void node_spool_failed(node *n, const char *tmpdir, int errnum, const char *why)
{
    runner_fail(n->run, EX_CANTCREAT,
                "stage '%s': cannot write its spool in %s: %s (a two-pass stage spools its whole input there: "
                "point TMPDIR at a disk with room)",
                n->inst->name, tmpdir, why ? why : strerror(errnum));
}

/* Observes the whole input while saving its blocks to a temporary spool: raw (spool.h) at
 * spool-compression 0, else as a block stream at that level. */
static int node_observe_and_spool(node *n, worker *w)
{
    const char *tmpdir;
    FILE *tmp = stream_temp_file(&tmpdir);
    if (!tmp) {
        runner_fail(n->run, EX_CANTCREAT, "stage '%s': cannot create a spool file in %s: %s",
                    n->inst->name, tmpdir, strerror(errno));
        return -1;
    }
    int raw = n->run->spool_level == 0;
    spool *rs = raw ? spool_wrap(tmp) : NULL;
    stream_writer *sw = raw ? NULL : stream_writer_wrap(tmp, "spool");
    quarry_buf err = {0};
    block *b;
    int rc = 0;
    while (rc == 0 && (b = queue_pop(n->inq))) {
        /* The news that the documents have ended (block_documents_end) holds nothing to spool or
         * observe, and takes no place in the numbering the spool gives. */
        int saved = b->documents_end ? 0
                    : raw            ? spool_write(rs, b, &w->codec, &w->scratch, &err)
                                     : worker_save(w, sw, b, &w->spool_codec, n->run->spool_level);
        if (saved < 0) {
            node_spool_failed(n, tmpdir, raw ? rs->failed : sw->failed, err.len ? buf_cstr(&err) : NULL);
            rc = -1;
        } else if (!b->documents_end) {
            rc = worker_each_record(w, b, worker_observe_one);
        }
        /* Only rows follow (the stages before say so): every document is observed, and the
         * second pass may begin while the rows still come. They are taken off the input into
         * rows_after meanwhile (node_run_workers), and go to process() after the spool
         * (node_next_input). */
        int documents_done = b->rows_only;
        block_unref(b);
        if (rc == 0 && documents_done) {
            n->rows_follow = 1;
            log_msg(LOG_DEBUG, n->inst->name, "only table rows follow in its input: its second pass begins");
            break;
        }
    }
    if (rc == 0 && !runner_failed(n->run)) {
        if (raw ? spool_finish(rs) < 0 : stream_writer_finish(sw, &w->rest_codec, &err) < 0) {
            node_spool_failed(n, tmpdir, raw ? rs->failed : sw->failed, err.len ? buf_cstr(&err) : NULL);
            rc = -1;
        }
    }
    quarry_buf_free(&err);
    /* The stats of this pass would count every record twice. */
    w->stats.in_raw = w->stats.in_packed = 0;
    if (rc < 0 || runner_failed(n->run)) {
        spool_free(rs);
        stream_writer_free(sw);
        return -1;
    }
    if (raw) {
        n->raw_spool = rs;
        return 0;
    }
    rewind(tmp);
    sw->file = NULL;
    stream_writer_free(sw);
    n->spool = stream_reader_wrap(tmp, "spool");
    return 0;
}

/* Slots for blocks finished out of turn, per worker: enough that a worker rarely waits behind
 * a slow block, few enough that what they hold stays small. A slot holds an input block's
 * output, about the input's size, or a few times it for a stage that adds lists (tokenize):
 * the slots hold up to four blocks' worth each. */
#define NODE_PARKED_PER_WORKER 4
#define NODE_PARKED_BLOCKS_PER_SLOT 4

static void node_run_workers(node *n)
{
    n->nparked = n->jobs > 1 ? (size_t)n->jobs * NODE_PARKED_PER_WORKER : 0;
    n->parked = n->nparked ? mem_calloc(n->nparked, sizeof *n->parked) : NULL;
    n->parked_bytes = 0;
    n->parked_budget = n->nparked * NODE_PARKED_BLOCKS_PER_SLOT * n->run->block_size;
    worker *ws = mem_calloc((size_t)n->jobs, sizeof *ws);
    pthread_t *tids = mem_calloc((size_t)n->jobs, sizeof *tids);
    int started = 0;
    for (int i = 0; i < n->jobs; i++) {
        worker_init(&ws[i], n);
        int why = pthread_create(&tids[i], NULL, worker_main, &ws[i]);
        if (why != 0) {
            runner_fail(n->run, EX_OSERR, "stage '%s': cannot start a worker thread: %s", n->inst->name,
                        strerror(why));
            break;
        }
        started++;
    }
    if (n->rows_follow) { /* the rows after the last document: see node_next_input */
        block *b;
        while ((b = queue_pop(n->inq)))
            if (queue_push(n->rows_after, b) < 0)
                break;
        queue_close(n->rows_after);
    }
    for (int i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    for (int i = 0; i < n->jobs; i++) {
        if (i < started && ws[i].ctx.error && !runner_failed(n->run))
            runner_fail_ctx(n->run, &ws[i].ctx, "failed", EX_SOFTWARE);
        worker_free(&ws[i]);
    }
    /* Left parked only by a run that failed: dropped, with the slots' lists. */
    for (size_t i = 0; i < n->nparked; i++) {
        parked *p = &n->parked[i];
        blocks_free(p->pending, p->npending);
        blocks_free(p->rpending, p->nrpending);
        blocks_free(p->cpending, p->ncpending);
    }
    free(n->parked);
    n->parked = NULL;
    n->nparked = 0;
    free(ws);
    free(tids);
}

void *node_main(void *arg)
{
    node *n = arg;
    if (!n->probe) { /* a probe runs in the caller's thread */
        node_name_thread(n);
        crash_thread_begin();
    }
    runner *r = n->run;
    const struct quarry_stage *st = n->inst->stage;
    worker w;
    worker_init(&w, n);
    w.direct = 1;
    double cpu0 = worker_cpu_now();
    if (n->replay) {
        /* Probed already: its records (and its stats and rejects) are those of the probe. */
        block *b;
        int got = 0, write_failed = 0; /* 0 when the run failed before a block was read */
        quarry_buf why = {0};
        while (!runner_failed(r) && (got = stream_read_block(n->replay, &b, &why)) > 0)
            node_publish(&w, b, &write_failed);
        if (!runner_failed(r) && got < 0)
            runner_fail(r, EX_IOERR, "stage '%s': input spool: %s", n->inst->name, buf_cstr(&why));
        quarry_buf_free(&why);
    } else if (st->flags & QUARRY_SOURCE) {
        crash_enter(n->inst->name, NULL);
        int rc = st->produce(n->inst->state, &w.ctx);
        crash_leave();
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
        if (!runner_failed(r) && st->finish) {
            w.rows_only = (st->flags & QUARRY_TABLES_LAST) != 0;
            if (w.rows_only)
                node_announce_documents_end(n);
            crash_enter(n->inst->name, NULL);
            int rc = st->finish(n->inst->state, &w.ctx);
            crash_leave();
            if (rc != QUARRY_OK || w.ctx.error)
                runner_fail_ctx(r, &w.ctx, "failed to finish", EX_SOFTWARE);
        }
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
    if (!n->probe)
        crash_thread_end();
    return NULL;
}
