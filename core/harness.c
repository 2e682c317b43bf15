/* harness.c: runs one stage in-process on given records, for unit tests of stages. */
#include "harness.h"
#include "buf.h"
#include "crash.h"
#include "instance.h"
#include "mem.h"
#include "plugin.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

typedef struct harness_item {
    quarry_record *rec;
    char *reason; /* rejects only */
} harness_item;

struct quarry_harness {
    instance *inst;
    plugin_path path;
    run_env env;
    char **inputs;
    size_t ninputs;
    char *output_dir;
    quarry_ctx ctx;
    int opened, finished;
    int open_status; /* of a failed open: harness_open_status */
    harness_item *out, *rej, *pending;
    size_t nout, nrej, npending;
    quarry_record *work;
};

static quarry_record *harness_copy(const quarry_record *rec)
{
    quarry_record *copy = quarry_record_new();
    for (size_t i = 0; i < quarry_field_count(rec); i++) {
        size_t len;
        const char *name = quarry_field_name(rec, i, &len);
        char *cname = mem_strndup(name, len);
        quarry_set_value(copy, cname, quarry_field_value(rec, i));
        free(cname);
    }
    return copy;
}

static void harness_keep(harness_item **items, size_t *n, const quarry_record *rec,
                         const char *reason)
{
    *items = mem_realloc(*items, (*n + 1) * sizeof **items);
    (*items)[*n].rec = harness_copy(rec);
    (*items)[*n].reason = reason ? mem_strdup(reason) : NULL;
    (*n)++;
}

static void harness_emit(quarry_ctx *ctx, const quarry_record *rec)
{
    quarry_harness *h = ctx->sink_data;
    harness_keep(&h->out, &h->nout, rec, NULL);
}

static void harness_reject(quarry_ctx *ctx, const quarry_record *rec, const char *reason)
{
    quarry_harness *h = ctx->sink_data;
    harness_keep(&h->rej, &h->nrej, rec, reason);
}

static const ctx_sink harness_sink = {harness_emit, harness_reject, NULL};

quarry_harness *quarry_harness_new(const char *name, const char *search_path, quarry_buf *err)
{
    quarry_harness *h = mem_calloc(1, sizeof *h);
    static int ltdl_ready;
    if (!ltdl_ready) {
        plugin_system_init(); /* reference-counted by libltdl; lives as long as the process */
        ltdl_ready = 1;
    }
    plugin_path_init(&h->path, search_path);
    if (instance_create(&h->inst, name, name, "harness", &h->path, err) != PLUGIN_OK) {
        plugin_path_free(&h->path);
        free(h);
        return NULL;
    }
    h->output_dir = mem_strdup(".");
    h->work = quarry_record_new();
    return h;
}

int quarry_harness_set(quarry_harness *h, const char *key, const char *value, quarry_buf *err)
{
    return param_assign(&h->inst->params, key, value, "harness", NULL, err);
}

void quarry_harness_set_inputs(quarry_harness *h, const char *const *paths, size_t n)
{
    for (size_t i = 0; i < h->ninputs; i++)
        free(h->inputs[i]);
    h->inputs = mem_realloc(h->inputs, (n ? n : 1) * sizeof *h->inputs);
    for (size_t i = 0; i < n; i++)
        h->inputs[i] = mem_strdup(paths[i]);
    h->ninputs = n;
}

void quarry_harness_set_output_dir(quarry_harness *h, const char *dir)
{
    free(h->output_dir);
    h->output_dir = mem_strdup(dir);
}

int quarry_harness_open(quarry_harness *h, quarry_buf *err)
{
    if (param_complete(&h->inst->params, "harness", err) < 0) {
        h->open_status = EX_USAGE;
        return -1;
    }
    h->env.output_dir = h->output_dir;
    h->env.inputs = (const char *const *)h->inputs;
    h->env.ninputs = h->ninputs;
    if (instance_open(h->inst, &h->env, err, &h->open_status) < 0)
        return -1;
    ctx_init(&h->ctx, h->inst, &harness_sink, h);
    const struct quarry_stage *st = h->inst->stage;
    if (st->worker_open && st->worker_open(h->inst->state, &h->ctx.local) != QUARRY_OK) {
        buf_printf(err, "stage '%s': worker_open failed", h->inst->name);
        return -1;
    }
    h->opened = 1;
    return 0;
}

int harness_open_status(const quarry_harness *h)
{
    return h->open_status ? h->open_status : EX_CONFIG;
}

static int harness_check(quarry_harness *h, int rc, const char *during, quarry_buf *err)
{
    if (rc == QUARRY_ERROR || h->ctx.error) {
        ctx_describe_error(&h->ctx, during, err);
        return -1;
    }
    return 0;
}

static int harness_process(quarry_harness *h, const quarry_record *rec, quarry_buf *err)
{
    quarry_record_clear(h->work);
    for (size_t i = 0; i < quarry_field_count(rec); i++) {
        size_t len;
        const char *name = quarry_field_name(rec, i, &len);
        char *cname = mem_strndup(name, len);
        quarry_set_value(h->work, cname, quarry_field_value(rec, i));
        free(cname);
    }
    int outcome = ctx_process(&h->ctx, h->work);
    if (outcome < 0)
        return harness_check(h, QUARRY_ERROR, "failed", err);
    if (outcome > 0)
        harness_emit(&h->ctx, h->work);
    return 0;
}

int quarry_harness_push(quarry_harness *h, const quarry_record *rec, quarry_buf *err)
{
    if (!h->opened || h->finished) {
        buf_puts(err, "harness: push needs an opened, unfinished stage");
        return -1;
    }
    if (h->inst->stage->flags & QUARRY_SOURCE) {
        buf_printf(err, "harness: stage '%s' is a source and takes no input", h->inst->name);
        return -1;
    }
    if (instance_two_pass(h->inst)) {
        harness_keep(&h->pending, &h->npending, rec, NULL);
        return 0;
    }
    return harness_process(h, rec, err);
}

int quarry_harness_finish(quarry_harness *h, quarry_buf *err)
{
    if (!h->opened || h->finished) {
        buf_puts(err, "harness: finish needs an opened, unfinished stage");
        return -1;
    }
    h->finished = 1;
    const struct quarry_stage *st = h->inst->stage;
    int rc = 0;
    if (st->flags & QUARRY_SOURCE) {
        crash_enter(h->inst->name, NULL);
        int produced = st->produce(h->inst->state, &h->ctx);
        crash_leave();
        rc = harness_check(h, produced, "failed", err);
    }
    if (rc == 0 && instance_two_pass(h->inst)) {
        for (size_t i = 0; i < h->npending && rc == 0; i++) {
            crash_enter(h->inst->name, h->pending[i].rec);
            int observed = st->observe(h->inst->state, &h->ctx, h->pending[i].rec);
            crash_leave();
            rc = harness_check(h, observed, "failed while observing", err);
        }
        for (size_t i = 0; i < h->npending && rc == 0; i++)
            rc = harness_process(h, h->pending[i].rec, err);
    }
    if (st->worker_close)
        st->worker_close(h->inst->state, h->ctx.local);
    if (rc == 0 && st->finish) {
        crash_enter(h->inst->name, NULL);
        int finished = st->finish(h->inst->state, &h->ctx);
        crash_leave();
        rc = harness_check(h, finished, "failed to finish", err);
    }
    instance_close(h->inst);
    if (rc == 0)
        rc = output_commit_all(&h->env, err);
    else
        output_discard_all(&h->env);
    return rc;
}

size_t quarry_harness_output_count(const quarry_harness *h)
{
    return h->nout;
}

const quarry_record *quarry_harness_output(const quarry_harness *h, size_t i)
{
    return i < h->nout ? h->out[i].rec : NULL;
}

size_t quarry_harness_reject_count(const quarry_harness *h)
{
    return h->nrej;
}

const quarry_record *quarry_harness_reject(const quarry_harness *h, size_t i)
{
    return i < h->nrej ? h->rej[i].rec : NULL;
}

const char *quarry_harness_reject_reason(const quarry_harness *h, size_t i)
{
    return i < h->nrej ? h->rej[i].reason : NULL;
}

static void harness_free_items(harness_item *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        quarry_record_free(items[i].rec);
        free(items[i].reason);
    }
    free(items);
}

void harness_take(quarry_harness *h, harness_take_fn take, void *arg)
{
    for (size_t i = 0; i < h->nout; i++)
        take(arg, h->out[i].rec, NULL);
    for (size_t i = 0; i < h->nrej; i++)
        take(arg, h->rej[i].rec, h->rej[i].reason);
    harness_free_items(h->out, h->nout);
    harness_free_items(h->rej, h->nrej);
    h->out = h->rej = NULL;
    h->nout = h->nrej = 0;
}

void quarry_harness_free(quarry_harness *h)
{
    if (!h)
        return;
    if (h->opened && !h->finished) {
        if (h->inst->stage->worker_close)
            h->inst->stage->worker_close(h->inst->state, h->ctx.local);
    }
    instance_free(h->inst);
    output_discard_all(&h->env);
    ctx_free(&h->ctx);
    harness_free_items(h->out, h->nout);
    harness_free_items(h->rej, h->nrej);
    harness_free_items(h->pending, h->npending);
    quarry_record_free(h->work);
    for (size_t i = 0; i < h->ninputs; i++)
        free(h->inputs[i]);
    free(h->inputs);
    free(h->output_dir);
    plugin_path_free(&h->path);
    free(h);
}
