/* runner.c: builds a pipeline's stage graph and runs it: a thread per stage (runner_worker.c),
 * bounded queues of compressed blocks between them, the state folder (runner_state.c), and the
 * outputs committed together; then the run's figures. */
#include "runner_internal.h"
#include "kept.h"
#include "buf.h"
#include "interrupt.h"
#include "log.h"
#include "mem.h"
#include "output.h"
#include "progress.h"
#include "state.h"
#include "suggest.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

const quarry_param runner_settings[] = {
    {"input", QUARRY_PARAM_LIST, NULL,
     "files, folders or globs to read, comma-separated (relative to the pipeline file)", 0, 0, 0, NULL},
    {"output", QUARRY_PARAM_PATH, "out", "output folder (relative to the pipeline file)", 0, 0, 0, NULL},
    {"compression", QUARRY_PARAM_INT, "1",
     "zlib level of record streams kept on disk (kept edges, rejects): 0 (stored) to 9", 0, 0, 9, NULL},
    {"spool-compression", QUARRY_PARAM_INT, "0",
     "zlib level of the temporary spools of two-pass stages: 0 (their blocks as they are, unframed; they live for "
     "the run only) to 9",
     0, 0, 9, NULL},
    {"cache-compression", QUARRY_PARAM_INT, "0",
     "zlib level of the per-document caches in the state folder: 0 (stored: cheapest to reread and "
     "rewrite every night; blocks are CRC-checked either way) to 9", 0, 0, 9, NULL},
    {"edge-compression", QUARRY_PARAM_INT, "0",
     "zlib level of blocks passed between stages in memory: 0 (passed as they are) to 9",
     0, 0, 9, NULL},
    {"jobs", QUARRY_PARAM_INT, "1", "worker threads for each per-record stage", 0, 1, 256, NULL},
    /* Each block wakes the thread that takes it; on a virtual machine a wakeup can cost a tenth
     * of a millisecond before the thread runs. Blocks of 256 KiB, not 64, cut the keyword
     * pipeline's context switches on Reuters from about 12,000 to 4,000 (doc/writing-stages.md). */
    {"block-size", QUARRY_PARAM_INT, "262144", "payload bytes after which a record block is closed",
     0, 256, 67108864, NULL},
    {"queue", QUARRY_PARAM_INT, "8", "blocks an edge holds before its producer waits", 0, 1, 1024, NULL},
    {"state", QUARRY_PARAM_PATH, NULL,
     "folder kept between nightly runs: its lock (a second run exits with 75), per-document caches, "
     "the last run's record (unchanged input keeps its outputs)", 0, 0, 0, NULL},
    {"keep-intermediate", QUARRY_PARAM_PATH, NULL,
     "folder to save the record stream each stage emits, as NN-stage.qz", 0, 0, 0, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};

/* ---- Failure --------------------------------------------------------------------------- */

int runner_failed(runner *r)
{
    return atomic_load(&r->failed);
}

void runner_fail(runner *r, int status, const char *fmt, ...)
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
    /* Every queue first: a worker publishes in its turn, holding its stage's turn_lock while it
     * waits for room in the next stage's queue. Taking that lock before the queue it waits on is
     * aborted would wait for ever (a full pipeline behind a failed stage hung the run). */
    for (size_t i = 0; i < r->n; i++)
        if (r->nodes[i].inq) {
            queue_abort(r->nodes[i].inq);
            queue_abort(r->nodes[i].rows_after);
        }
    for (size_t i = 0; i < r->n; i++) {
        node *n = &r->nodes[i];
        pthread_mutex_lock(&n->turn_lock);
        pthread_cond_broadcast(&n->turn_cond);
        pthread_mutex_unlock(&n->turn_lock);
    }
}

void runner_fail_ctx(runner *r, quarry_ctx *ctx, const char *during, int default_status)
{
    quarry_buf msg = {0};
    ctx_describe_error(ctx, during, &msg);
    runner_fail(r, ctx->status ? ctx->status : default_status, "%s", buf_cstr(&msg));
    quarry_buf_free(&msg);
}

/* ---- Building ---------------------------------------------------------------------------------- */

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
    if (r->refresh && !r->state_dir) /* a run without one recomputes everything anyway */
        log_msg(LOG_WARN, NULL, "--refresh does nothing without a state folder (--state, or 'state =' "
                                "in [pipeline])");
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

double runner_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Writes every stage's rejects, in stage order, as rejects.jsonl. No stage can have taken the
 * name (quarry_output_file), so a failure is one to create the file. */
static int runner_write_rejects(runner *r, quarry_buf *err)
{
    int status;
    FILE *f = output_open(&r->env, OUTPUT_REJECTS, &status, err);
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

static int runner_run_unlocked(runner *r, int output_locked, int keep_locked, quarry_buf *err);

static void runner_wake_handler(int sig)
{
    (void)sig; /* its whole work is to interrupt a blocked read */
}

/* Waits for node N's thread to end. A source can be blocked reading standard input or a pipe
 * whose writer neither writes nor closes: after the run has failed, that would hold the run (and
 * its lock) until the writer does. So while the run has failed and the source still runs, it is
 * sent SIGURG every tenth of a second; the handler does nothing and is installed without
 * SA_RESTART, so the read fails with EINTR, and the source, asking quarry_stopping, stops.
 * SIGURG is ignored by default: one that came before the handler, or after, harms nothing. */
static void runner_join(runner *r, node *n)
{
    if (n->input) {
        pthread_join(n->thread, NULL);
        return;
    }
    for (;;) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 100000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        if (pthread_timedjoin_np(n->thread, NULL, &until) != ETIMEDOUT)
            return;
        if (runner_failed(r))
            pthread_kill(n->thread, SIGURG);
    }
}

static void runner_install_wake(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = runner_wake_handler;
    sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGURG, &sa, NULL);
}

int runner_run(runner *r, quarry_buf *err)
{
    /* A state folder is one run's at a time: cron may start tonight's before last night's ends. */
    state_lock *lock = NULL;
    if (r->state_dir) {
        int status = 0;
        /* Made with its parents, as the output and kept-streams folders are. */
        if (output_make_folders(r->state_dir, err) < 0)
            return EX_CANTCREAT;
        if (!(lock = state_lock_take(r->state_dir, err, &status)))
            return status;
    }
    /* And an output folder too, with or without a state folder: the outputs of one run replace
     * the last ones together (output_commit_all), which two runs renaming at once would undo. */
    int out_lock = -1, keep_lock = -1;
    int status = EX_CANTCREAT;
    int made = output_make_folders(r->output_dir, err) == 0 &&
               (!r->keep_dir || output_make_folders(r->keep_dir, err) == 0);
    if (made) {
        /* The kept streams' folder likewise: they are replaced as the outputs are. */
        int locked = output_lock_folder(r->output_dir, &out_lock, err);
        if (locked == 0 && r->keep_dir)
            locked = output_lock_keep_folder(r->keep_dir, out_lock, &keep_lock, err);
        status = locked == -1 ? EX_TEMPFAIL
                 : locked < 0 ? EX_CANTCREAT
                              : runner_run_unlocked(r, out_lock >= 0, keep_lock >= 0, err);
    }
    if (out_lock >= 0)
        close(out_lock);
    if (keep_lock >= 0)
        close(keep_lock);
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

/* Closes every stage that opened and discards every output: what a start leaves when no data is
 * to flow (a stage could not start, or quarry check --start is done). */
static void runner_close_stages(runner *r)
{
    for (size_t i = 0; i < r->n; i++)
        instance_close(r->nodes[i].inst); /* a stage that did not open is passed over */
    output_discard_all(&r->env);
}

/* Opens every stage, in the run's environment (DRY: quarry check --start's, run_env.dry): 0,
 * or the status of the first that could not start, with ERR set, every stage closed again and
 * every output discarded. A run stops at the first; a dry start opens the others still, so that
 * a pipeline being set up has each of its faults told at once: all but the last are logged as
 * they come, and the last is left in ERR. */
static int runner_open_stages(runner *r, int dry, quarry_buf *err)
{
    r->env.output_dir = r->output_dir;
    r->env.state_dir = r->state_dir;
    r->env.keep_dir = r->keep_dir;
    r->env.inputs = (const char *const *)r->inputs;
    r->env.ninputs = r->ninputs;
    r->env.quiet = r->quiet;
    r->env.outputs_lock = &r->outputs_lock;
    r->env.log = runner_log;
    r->env.failed = &r->failed;
    r->env.dry = dry;
    /* Every stage opens before any data flows: a cron job must never half-run. */
    int first = 0;
    for (size_t i = 0; i < r->n; i++) {
        int status;
        quarry_buf why = {0};
        if (instance_open(r->nodes[i].inst, &r->env, &why, &status) < 0) {
            if (err->len)
                log_msg(LOG_ERROR, NULL, "%s", buf_cstr(err));
            err->len = 0;
            buf_puts(err, buf_cstr(&why));
            first = first ? first : status;
        }
        quarry_buf_free(&why);
        if (first && !dry)
            break;
    }
    /* A source with a 'path' of its own reads it instead: inputs given as well would be left
     * unread, and the user believe them read. */
    if (!first && r->ninputs && !r->env.inputs_taken)
        log_msg(LOG_WARN, NULL, "the run's input%s (%s%s) %s read by no stage: its source reads its own 'path' "
                "instead, or reads no files; give one or the other", r->ninputs == 1 ? "" : "s", r->inputs[0],
                r->ninputs > 1 ? ", ..." : "", r->ninputs == 1 ? "is" : "are");
    if (first)
        runner_close_stages(r);
    return first;
}

int runner_start_dry(runner *r, quarry_buf *err)
{
    /* The folders the run would make or write into, from the pipeline or the options; made by
     * none of this, as nothing is written. */
    const char *folders[] = {r->output_dir, r->state_dir, r->keep_dir};
    for (size_t i = 0; i < sizeof folders / sizeof *folders; i++)
        if (folders[i] && output_check_folder(folders[i], err) < 0)
            return EX_CANTCREAT;
    int status = runner_open_stages(r, 1, err);
    if (!status)
        runner_close_stages(r);
    return status;
}

/* Warns of the kept streams that an earlier run with other stages left in the folder of kept
 * streams: a later stage run again from "04-ngrams.qz" there would read the n-grams of a
 * pipeline that has changed since, or that this one never had. They are not removed: a run may
 * have read one as its input. */
static void runner_warn_stale_kept(runner *r)
{
    char **names = mem_calloc(r->n ? r->n : 1, sizeof *names);
    quarry_buf name = {0}, stale = {0};
    for (size_t i = 0; i < r->n; i++) {
        kept_name(&name, i, r->nodes[i].inst->name);
        names[i] = mem_strdup(buf_cstr(&name));
    }
    size_t count = kept_stale(r->keep_dir, names, r->n, &stale);
    if (count)
        log_msg(LOG_WARN, NULL,
                "%s also holds %zu stream%s that this run did not keep, of stages it does not have: %s; "
                "remove %s, or keep each pipeline's streams in a folder of its own",
                r->keep_dir, count, count == 1 ? "" : "s", buf_cstr(&stale), count == 1 ? "it" : "them");
    for (size_t i = 0; i < r->n; i++)
        free(names[i]);
    free(names);
    quarry_buf_free(&name);
    quarry_buf_free(&stale);
}

static int runner_run_unlocked(runner *r, int output_locked, int keep_locked, quarry_buf *err)
{
    double t0 = runner_now();
    r->started = t0;
    /* A run killed outright (SIGKILL, a crash, a power cut) leaves its temporary files behind.
     * Only a run holding the output folder's lock, or a state folder's, sweeps them: the folders
     * are then its own, whereas a PID that looks dead here may be a live run on another host
     * sharing a folder that its file system cannot lock. */
    size_t swept = output_locked || r->state_dir ? state_sweep_temps(r->output_dir) : 0;
    if (keep_locked)
        swept += state_sweep_temps(r->keep_dir);
    interrupt_add_dir(r->output_dir);
    if (r->keep_dir)
        interrupt_add_dir(r->keep_dir);
    if (r->state_dir) {
        quarry_buf cache_dir = {0};
        buf_printf(&cache_dir, "%s/cache", r->state_dir);
        swept += state_sweep_temps(r->state_dir) + state_sweep_temps(buf_cstr(&cache_dir));
        interrupt_add_dir(r->state_dir);
        interrupt_add_dir(buf_cstr(&cache_dir));
        quarry_buf_free(&cache_dir);
    }
    if (swept)
        log_msg(LOG_INFO, NULL, "removed %zu temporary file%s left by a run that did not finish",
                swept, swept == 1 ? "" : "s");
    int open_status = runner_open_stages(r, 0, err);
    if (open_status)
        return open_status;
    /* Stages open their output files in open(), so none now means none: a pipeline that ends
     * without 'write' runs to exit 0 and leaves an empty folder, which looks like success. */
    if (!r->env.noutputs && !r->env.uses_stdout && !r->keep_dir)
        log_msg(LOG_WARN, NULL, "no stage of this pipeline writes a file or to standard output: its "
                "documents are counted and dropped (end it with '! write' to keep them)");
    int status = 0;
    for (size_t i = 0; i < r->n && !status; i++) {
        node *n = &r->nodes[i];
        n->discard = n->nconsumers == 0 && !r->keep_dir;
        if (n->input) {
            n->inq = queue_new((size_t)r->queue_cap);
            size_t rows_blocks = NODE_ROWS_AFTER_BYTES / r->block_size;
            n->rows_after = queue_new(rows_blocks < NODE_ROWS_AFTER_MOST_BLOCKS ? rows_blocks
                                                                                : NODE_ROWS_AFTER_MOST_BLOCKS);
        }
        const char *tmpdir;
        FILE *tmp = stream_temp_file(&tmpdir);
        if (!tmp) {
            buf_printf(err, "cannot create a temporary file for rejects in %s: %s", tmpdir, strerror(errno));
            status = EX_CANTCREAT;
            break;
        }
        n->rejects = stream_writer_wrap(tmp, "rejects spool");
        if (r->keep_dir) {
            /* An output like the others: under a temporary name until the run succeeds, so that
             * a run that fails or is stopped leaves the last run's edges whole. */
            quarry_buf name = {0}, path = {0};
            kept_name(&name, i, n->inst->name);
            buf_printf(&path, "%s/%s", r->keep_dir, buf_cstr(&name));
            int why;
            FILE *f = output_open_in(&r->env, r->keep_dir, buf_cstr(&name), &why, err);
            if (f)
                n->keep = stream_writer_borrow(f, buf_cstr(&path));
            else
                status = why;
            quarry_buf_free(&name);
            quarry_buf_free(&path);
        }
    }
    node *memo_source = status ? NULL : runner_memo_source(r);
    if (memo_source) {
        memo_source->input_hash = fingerprint_stream_new();
        r->unchanged = !r->refresh && !r->env.uses_stdout &&
                       runner_check_unchanged(r, memo_source, err, &status);
    }
    if (!status && !r->unchanged && r->state_dir && runner_open_caches(r, err) < 0)
        status = EX_CANTCREAT;
    if (!status && !r->unchanged) {
        runner_fields_plan(r);
        runner_tables_plan(r);
    }
    size_t started = 0;
    progress *bar = status || r->unchanged ? NULL : progress_start(200, runner_describe, r);
    runner_install_wake();
    for (size_t i = 0; i < r->n && !status && !r->unchanged; i++, started++) {
        int why = pthread_create(&r->nodes[i].thread, NULL, node_main, &r->nodes[i]);
        if (why != 0) { /* EAGAIN: a limit on threads or memory (ulimit -u, -v) */
            runner_fail(r, EX_OSERR, "cannot start a thread for stage '%s': %s", r->nodes[i].inst->name,
                        strerror(why));
            break;
        }
    }
    for (size_t i = 0; i < started; i++)
        runner_join(r, &r->nodes[i]);
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
    if (status) {
        output_discard_all(&r->env);
    } else {
        interrupt_commit_begin();
        if (output_commit_all(&r->env, err) < 0)
            status = EX_CANTCREAT;
        interrupt_commit_end();
    }
    if (!status && r->keep_dir)
        runner_warn_stale_kept(r);
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

/* --stats in a JSON log: a line for each stage, its figures as numbers, so that a log collector
 * that reads the log line by line is not given a table. */
static void runner_log_stats_json(const runner *r)
{
    quarry_buf fields = {0};
    for (size_t i = 0; i < r->n; i++) {
        const node *n = &r->nodes[i];
        const node_stats *s = &n->stats;
        fields.len = 0;
        buf_puts(&fields, "{\"plugin\":");
        quarry_json_string(&fields, n->inst->plugin->name, strlen(n->inst->plugin->name));
        buf_printf(&fields, ",\"in\":%llu,\"out\":%llu,\"rejected\":%llu,\"new\":%llu,\"out_bytes\":%llu,"
                   "\"packed_bytes\":%llu,\"cpu_s\":%.3f,\"one_thread_cpu_s\":%.3f}",
                   (unsigned long long)s->in, (unsigned long long)s->out, (unsigned long long)s->rejected,
                   (unsigned long long)s->created, (unsigned long long)s->out_raw, (unsigned long long)s->out_packed,
                   s->cpu, s->cpu_one_thread);
        log_json_data(n->inst->name, "stats", buf_cstr(&fields), "%llu in, %llu out, %llu rejected, %.2f CPU s",
                      (unsigned long long)s->in, (unsigned long long)s->out, (unsigned long long)s->rejected, s->cpu);
    }
    quarry_buf_free(&fields);
}

void runner_print_stats(const runner *r, FILE *to)
{
    if (log_json_wanted()) {
        runner_log_stats_json(r);
        return;
    }
    fprintf(to, "%-14s %-10s %10s %10s %9s %8s %10s %10s %10s %8s %11s\n", "stage", "plugin", "in", "out",
            "rejected", "new", "out MB", "packed MB", "ratio", "cpu s", "1-thread s");
    for (size_t i = 0; i < r->n; i++) {
        const node *n = &r->nodes[i];
        const node_stats *s = &n->stats;
        double ratio = s->out_packed ? (double)s->out_raw / (double)s->out_packed : 0;
        fprintf(to, "%-14s %-10s %10llu %10llu %9llu %8llu %10.2f %10.2f %10.2f %8.2f %11.2f\n",
                n->inst->name, n->inst->plugin->name, (unsigned long long)s->in,
                (unsigned long long)s->out, (unsigned long long)s->rejected,
                (unsigned long long)s->created, s->out_raw / 1e6, s->out_packed / 1e6, ratio,
                s->cpu, s->cpu_one_thread);
    }
}

void runner_counts(const runner *r, uint64_t *read, uint64_t *out, uint64_t *created)
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
        log_msg(LOG_INFO, NULL, "%llu record%s read, the same as in the run that finished %s: "
                "its outputs stand (%llu out, %llu rejected) in %.2f s", (unsigned long long)read,
                read == 1 ? "" : "s", r->memo.finished, (unsigned long long)r->memo.out,
                (unsigned long long)r->memo.rejected, r->seconds);
        return;
    }
    buf_printf(&line, "%llu record%s read, %llu out", (unsigned long long)read, read == 1 ? "" : "s",
               (unsigned long long)final_out);
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
        queue_free(n->rows_after);
        free(n->consumers);
        stream_writer_free(n->keep);
        stream_writer_free(n->rejects);
        stream_reader_free(n->spool);
        spool_free(n->raw_spool);
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
