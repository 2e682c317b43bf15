/* instance.c: loads a stage, holds its validated parameters, opens and closes it. */
#include "instance.h"
#include "buf.h"
#include "crash.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

int instance_create(instance **out, const char *name, const char *plugin_name, const char *where,
                    const plugin_path *pp, quarry_buf *err)
{
    *out = NULL;
    plugin *p;
    plugin_status st = plugin_load(pp, plugin_name, &p, err);
    if (st != PLUGIN_OK)
        return st;
    instance *inst = mem_calloc(1, sizeof *inst);
    inst->name = mem_strdup(name);
    inst->where = mem_strdup(where);
    inst->plugin = p;
    inst->stage = &p->stage;
    param_set_init(&inst->params, p->stage.params, inst->name, p->name);
    *out = inst;
    return PLUGIN_OK;
}

/* Forgets what the stage said its output depends on (quarry_fingerprint_add, _file). */
static void instance_forget_facts(instance *inst)
{
    quarry_buf_free(&inst->facts);
    instance_names_free(&inst->fact_files, &inst->nfact_files);
}

void instance_names_add(char ***list, size_t *n, const char *name)
{
    if (instance_names_have(*list, *n, name))
        return;
    *list = mem_realloc(*list, (*n + 1) * sizeof **list);
    (*list)[(*n)++] = mem_strdup(name);
}

int instance_names_have(char *const *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(list[i], name))
            return 1;
    return 0;
}

void instance_names_free(char ***list, size_t *n)
{
    plugin_names_free(*list, *n);
    *list = NULL;
    *n = 0;
}

/* Forgets the fields the stage said it reads, and those found needed after it: each opening
 * says them anew. */
static void instance_forget_fields(instance *inst)
{
    instance_names_free(&inst->reads, &inst->nreads);
    instance_names_free(&inst->needed, &inst->nneeded);
    inst->needed_known = 0;
}

/* Forgets the tables the stage said it makes, and those found made before it: each opening
 * says them anew. */
static void instance_forget_tables(instance *inst)
{
    for (size_t i = 0; i < inst->nmakes; i++) {
        free(inst->makes[i].name);
        plugin_names_free(inst->makes[i].columns, inst->makes[i].ncolumns);
    }
    free(inst->makes);
    inst->makes = NULL;
    inst->nmakes = 0;
    free(inst->before);
    inst->before = NULL;
    inst->nbefore = 0;
}

void instance_free(instance *inst)
{
    if (!inst)
        return;
    instance_close(inst);
    param_set_free(&inst->params);
    instance_forget_facts(inst);
    instance_forget_fields(inst);
    instance_forget_tables(inst);
    plugin_unload(inst->plugin);
    free(inst->name);
    free(inst->where);
    free(inst);
}

static const ctx_sink instance_no_sink = {NULL, NULL, NULL};

int instance_open(instance *inst, run_env *env, quarry_buf *err, int *status)
{
    inst->env = env;
    instance_forget_facts(inst); /* this opening says anew what its output depends on */
    instance_forget_fields(inst);
    instance_forget_tables(inst);
    if (!inst->stage->open) {
        inst->opened = 1;
        return 0;
    }
    quarry_ctx ctx;
    ctx_init(&ctx, inst, &instance_no_sink, NULL);
    ctx.in_open = 1;
    crash_enter(inst->name, NULL);
    int rc = inst->stage->open(&ctx, &inst->state);
    crash_leave();
    if (rc != QUARRY_OK || ctx.error) {
        ctx_describe_error(&ctx, "could not start", err);
        *status = ctx.status ? ctx.status : EX_CONFIG;
        /* A stage that failed open owns nothing the core must release. */
        ctx_free(&ctx);
        return -1;
    }
    ctx_free(&ctx);
    inst->opened = 1;
    return 0;
}

int instance_two_pass(const instance *inst)
{
    return (inst->stage->flags & QUARRY_TWO_PASS) && !inst->skip_observe;
}

void instance_close(instance *inst)
{
    if (inst->opened && inst->stage->close)
        inst->stage->close(inst->state);
    inst->opened = 0;
    inst->state = NULL;
}
