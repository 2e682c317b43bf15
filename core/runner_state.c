/* runner_state.c: the state folder's part in a run: which stages keep per-document caches,
 * the pipeline's fingerprint, probing the source to see whether the input changed since the
 * last run, and recording this run for the next. */
#include "output.h"
#include "runner_internal.h"
#include "buf.h"
#include "log.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

/* Whether N's output for a record depends on that record alone, so that it may be taken from
 * the cache instead: per-record, no observe pass, no finish (which may emit what it gathered
 * from every record) unless the stage can recount cached documents into its totals, not
 * declined by the stage (quarry_skip_cache), and something reads its output. */
static int node_cacheable(const node *n)
{
    const struct quarry_stage *st = n->inst->stage;
    return n->input && (st->flags & QUARRY_PER_RECORD) && !instance_two_pass(n->inst) &&
           (!st->finish || st->recount) && !n->inst->skip_cache && n->nconsumers > 0;
}

/* Opens the per-document cache of every stage that can have one. */
int runner_open_caches(runner *r, quarry_buf *err)
{
    quarry_buf dir = {0};
    buf_printf(&dir, "%s/cache", r->state_dir);
    int rc = output_make_folders(buf_cstr(&dir), err);
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
node *runner_memo_source(runner *r)
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
 * where the outputs go, from the root: a run from another folder with the same '-o out' writes
 * to another folder, whose outputs the last run's are not. */
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
    quarry_buf where = {0};
    output_absolute_path(&where, r->output_dir);
    fingerprint dir = fingerprint_bytes(&f, where.data, where.len);
    fingerprint_mix(&f, &dir);
    quarry_buf_free(&where);
    return f;
}

/* Runs SRC alone, its blocks spooled, to learn its input's hash; the run proper replays them. */
static int runner_probe(runner *r, node *src, quarry_buf *err)
{
    const char *tmpdir;
    FILE *tmp = stream_temp_file(&tmpdir);
    if (!tmp) {
        buf_printf(err, "cannot create a temporary file for the input in %s: %s", tmpdir, strerror(errno));
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
int runner_check_unchanged(runner *r, node *src, quarry_buf *err, int *status)
{
    runmemo *m = &r->memo;
    int loaded = runmemo_load(r->state_dir, m);
    if (loaded == RUNMEMO_DAMAGED)
        log_msg(LOG_WARN, NULL, "state folder %s: its record of the last run (last-run) is damaged: "
                "this run redoes everything the caches do not hold, and writes a new one", r->state_dir);
    if (loaded < 0)
        return 0;
    fingerprint now = runner_fingerprint(r);
    if (!fingerprint_equal(&m->pipeline, &now) || !runmemo_outputs_intact(m))
        return 0;
    if ((*status = runner_probe(r, src, err)))
        return 0;
    fingerprint input = fingerprint_stream_value(src->input_hash);
    return fingerprint_equal(&m->input, &input);
}

/* Records this run in the state folder for the next one: after its outputs were committed. */
int runner_save_memo(runner *r, node *src, char **outputs, size_t noutputs,
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
int runner_commit_caches(runner *r, quarry_buf *err)
{
    quarry_buf line = {0};
    int rc = 0;
    for (size_t i = 0; i < r->n && rc == 0; i++) {
        node *n = &r->nodes[i];
        if (!n->cache)
            continue;
        quarry_buf why = {0};
        if (doccache_commit(n->cache, &why) < 0) {
            buf_printf(err, "stage '%s' failed: %s", n->inst->name, buf_cstr(&why));
            rc = -1;
        }
        quarry_buf_free(&why);
        buf_printf(&line, "%s%s %llu of %llu", line.len ? ", " : "", n->inst->name,
                   (unsigned long long)atomic_load(&n->cache_hits), (unsigned long long)n->stats.in);
    }
    if (rc == 0 && line.len)
        log_msg(LOG_INFO, NULL, "documents taken from the state folder's caches: %s", buf_cstr(&line));
    quarry_buf_free(&line);
    return rc;
}
