/* ctx.c: the functions a stage calls on its context: parameters, emitting, rejecting, failing. */
#include "config.h"
#include "crash.h"
#include "instance.h"
#include "buf.h"
#include "log.h"
#include "mem.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void ctx_init(quarry_ctx *ctx, instance *inst, const ctx_sink *sink, void *sink_data)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->inst = inst;
    ctx->sink = sink;
    ctx->sink_data = sink_data;
}

void ctx_free(quarry_ctx *ctx)
{
    free(ctx->error);
    ctx->error = NULL;
}

void ctx_describe_error(quarry_ctx *ctx, const char *during, quarry_buf *err)
{
    buf_printf(err, "stage '%s' %s: %s", ctx->inst->name, during,
               ctx->error ? ctx->error : "it failed without saying why");
}

int ctx_process(quarry_ctx *ctx, quarry_record *rec)
{
    uint64_t rejected_before = ctx->rejected;
    ctx->in++;
    crash_enter(ctx->inst->name, rec);
    int rc = ctx->inst->stage->process(ctx->inst->state, ctx, rec);
    crash_leave();
    if (ctx->error || (rc != QUARRY_OK && rc != QUARRY_REJECT)) {
        if (!ctx->error)
            quarry_error(ctx, "process returned %d", rc);
        return -1;
    }
    if (rc == QUARRY_REJECT) {
        if (ctx->rejected == rejected_before)
            quarry_reject(ctx, rec, "rejected without a reason");
        return 0;
    }
    ctx->out++;
    return 1;
}

/* A stage asking for a parameter it did not declare (or with the wrong type) is a bug in the
 * stage: fail its open() with a message that says so, rather than crash. */
static param_value *ctx_param(quarry_ctx *ctx, const char *name, quarry_param_type want)
{
    param_value *v = param_find(&ctx->inst->params, name);
    int ok = v && (v->def->type == want ||
                   (want == QUARRY_PARAM_STRING &&
                    (v->def->type == QUARRY_PARAM_ENUM || v->def->type == QUARRY_PARAM_PATH)));
    if (!ok && !ctx->error) {
        quarry_error(ctx, "bug in the stage: it reads parameter '%s' as %s, but %s", name,
                     param_type_name(want),
                     v ? "declares it with another type" : "does not declare it");
    }
    return ok ? v : NULL;
}

const char *quarry_param_str(quarry_ctx *ctx, const char *name)
{
    param_value *v = ctx_param(ctx, name, QUARRY_PARAM_STRING);
    return v ? v->str : NULL;
}

int64_t quarry_param_int(quarry_ctx *ctx, const char *name)
{
    param_value *v = ctx_param(ctx, name, QUARRY_PARAM_INT);
    return v ? v->i : 0;
}

double quarry_param_float(quarry_ctx *ctx, const char *name)
{
    param_value *v = ctx_param(ctx, name, QUARRY_PARAM_FLOAT);
    return v ? v->f : 0;
}

int quarry_param_bool(quarry_ctx *ctx, const char *name)
{
    param_value *v = ctx_param(ctx, name, QUARRY_PARAM_BOOL);
    return v ? v->b : 0;
}

size_t quarry_param_list(quarry_ctx *ctx, const char *name, const char *const **items)
{
    param_value *v = ctx_param(ctx, name, QUARRY_PARAM_LIST);
    *items = v ? (const char *const *)v->items : NULL;
    return v ? v->nitems : 0;
}

int quarry_param_is_set(quarry_ctx *ctx, const char *name)
{
    param_value *v = param_find(&ctx->inst->params, name);
    return v && v->set;
}

const char *quarry_instance(quarry_ctx *ctx)
{
    return ctx->inst->name;
}

const char *quarry_output_dir(quarry_ctx *ctx)
{
    return ctx->inst->env && ctx->inst->env->output_dir ? ctx->inst->env->output_dir : ".";
}

size_t quarry_inputs(quarry_ctx *ctx, const char *const **paths)
{
    run_env *env = ctx->inst->env;
    if (env)
        env->inputs_taken = 1; /* stages open one at a time, on one thread */
    *paths = env ? env->inputs : NULL;
    return env ? env->ninputs : 0;
}

void *quarry_local(quarry_ctx *ctx)
{
    return ctx->local;
}

void quarry_skip_observe(quarry_ctx *ctx)
{
    ctx->inst->skip_observe = 1;
}

void quarry_skip_cache(quarry_ctx *ctx)
{
    ctx->inst->skip_cache = 1;
}

void quarry_fingerprint_add(quarry_ctx *ctx, const void *data, size_t len)
{
    quarry_buf_append(&ctx->inst->facts, data, len);
}

void quarry_fingerprint_file(quarry_ctx *ctx, const char *path)
{
    instance *inst = ctx->inst;
    inst->fact_files = mem_realloc(inst->fact_files, (inst->nfact_files + 1) * sizeof *inst->fact_files);
    inst->fact_files[inst->nfact_files++] = mem_strdup(path);
}

void quarry_reads_field(quarry_ctx *ctx, const char *name)
{
    if (name)
        instance_names_add(&ctx->inst->reads, &ctx->inst->nreads, name);
}

int quarry_field_needed(quarry_ctx *ctx, const char *name)
{
    const instance *inst = ctx->inst;
    return !inst->needed_known || !name || instance_names_have(inst->needed, inst->nneeded, name);
}

void quarry_makes_table(quarry_ctx *ctx, const char *name, const char *const *columns, size_t ncolumns)
{
    instance *inst = ctx->inst;
    if (!name || !columns || !ncolumns)
        return;
    for (size_t i = 0; i < inst->nmakes; i++)
        if (!strcmp(inst->makes[i].name, name))
            return; /* said already: the first saying stands */
    inst->makes = mem_realloc(inst->makes, (inst->nmakes + 1) * sizeof *inst->makes);
    table_decl *t = &inst->makes[inst->nmakes++];
    t->name = mem_strdup(name);
    t->columns = mem_calloc(ncolumns, sizeof *t->columns);
    t->ncolumns = ncolumns;
    for (size_t i = 0; i < ncolumns; i++)
        t->columns[i] = mem_strdup(columns[i]);
}

const char *quarry_table_before(quarry_ctx *ctx, size_t i, const char *const **columns, size_t *ncolumns)
{
    const instance *inst = ctx->inst;
    if (i >= inst->nbefore)
        return NULL;
    const table_decl *t = inst->before[i];
    if (columns)
        *columns = (const char *const *)t->columns;
    if (ncolumns)
        *ncolumns = t->ncolumns;
    return t->name;
}

size_t quarry_run_folders(quarry_ctx *ctx, const char **dirs, size_t max)
{
    const run_env *env = ctx->inst->env;
    size_t n = 0;
    const char *all[] = {env ? env->output_dir : NULL, env ? env->state_dir : NULL,
                         env ? env->keep_dir : NULL};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        if (all[i] && n < max)
            dirs[n++] = all[i];
    return n;
}

FILE *quarry_output_stdout(quarry_ctx *ctx)
{
    if (ctx->inst->env)
        ctx->inst->env->uses_stdout = 1; /* set while stages open, one at a time */
    ctx->inst->writes_stdout = 1;
    return stdout;
}

int quarry_stopping(quarry_ctx *ctx)
{
    const run_env *env = ctx->inst->env;
    return env && env->failed && atomic_load(env->failed);
}

void quarry_flush(quarry_ctx *ctx)
{
    if (ctx->sink->flush)
        ctx->sink->flush(ctx);
}

void quarry_emit(quarry_ctx *ctx, const quarry_record *rec)
{
    ctx->created++;
    if (ctx->sink->emit)
        ctx->sink->emit(ctx, rec);
}

int quarry_reject(quarry_ctx *ctx, const quarry_record *rec, const char *fmt, ...)
{
    quarry_buf reason = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&reason, fmt, ap);
    va_end(ap);
    ctx->rejected++;
    if (ctx->sink->reject)
        ctx->sink->reject(ctx, rec, buf_cstr(&reason));
    quarry_buf_free(&reason);
    return QUARRY_REJECT;
}

static int ctx_set_error(quarry_ctx *ctx, int status, const char *fmt, va_list ap)
{
    if (!ctx->error) {
        quarry_buf msg = {0};
        buf_vprintf(&msg, fmt, ap);
        ctx->error = buf_steal(&msg);
        ctx->status = status;
    }
    return QUARRY_ERROR;
}

int quarry_error(quarry_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ctx_set_error(ctx, 0, fmt, ap);
    va_end(ap);
    return QUARRY_ERROR;
}

int quarry_fail(quarry_ctx *ctx, int exit_status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ctx_set_error(ctx, exit_status, fmt, ap);
    va_end(ap);
    return QUARRY_ERROR;
}

void quarry_log(quarry_ctx *ctx, quarry_log_level level, const char *fmt, ...)
{
    static const log_level map[] = {LOG_DEBUG, LOG_INFO, LOG_WARN};
    va_list ap;
    log_level lv = map[level <= QUARRY_LOG_WARN ? level : QUARRY_LOG_WARN];
    run_env *env = ctx->inst->env;
    va_start(ap, fmt);
    if (env && env->log)
        env->log((int)lv, ctx->inst->name, fmt, ap);
    else
        log_vmsg(lv, ctx->inst->name, fmt, ap);
    va_end(ap);
}

const char *quarry_version(void)
{
    return PACKAGE_VERSION;
}
