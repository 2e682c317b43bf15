/* runner_fields.c: which document fields the stages after each stage may read, so that a stage
 * can leave out a field nobody would see (quarry_field_needed). */
#include "runner_internal.h"

/* Adds to INTO's needed fields those that the stages after node N say they read: 0, or -1 when
 * one of them said nothing, and so may read any field. A stage passes on the fields it does not
 * read, so the stages after it count too. */
static int fields_after(const node *n, instance *into)
{
    for (size_t c = 0; c < n->nconsumers; c++) {
        const node *next = n->consumers[c];
        const instance *inst = next->inst;
        if (!inst->nreads)
            return -1;
        for (size_t i = 0; i < inst->nreads; i++)
            instance_names_add(&into->needed, &into->nneeded, inst->reads[i]);
        if (fields_after(next, into) < 0)
            return -1;
    }
    return 0;
}

void runner_fields_plan(runner *r)
{
    for (size_t i = 0; i < r->n; i++) {
        node *n = &r->nodes[i];
        instance *inst = n->inst;
        instance_names_free(&inst->needed, &inst->nneeded);
        inst->needed_known = 0;
        /* A kept stream, or a per-document cache that a later run with other stages after this
         * one may reuse, holds the stage's output whole. */
        if (r->keep_dir || n->cache)
            continue;
        if (fields_after(n, inst) < 0)
            instance_names_free(&inst->needed, &inst->nneeded);
        else
            inst->needed_known = 1;
    }
}
