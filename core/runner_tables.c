/* runner_tables.c: for each stage, the corpus tables the stages before it said they make
 * (quarry_table_before), so that a stage that writes tables can write one that got no row. */
#include "runner_internal.h"
#include "mem.h"

#include <string.h>

/* Whether INST's list of the tables made before it holds NAME already. */
static int tables_listed(const instance *inst, const char *name)
{
    for (size_t i = 0; i < inst->nbefore; i++)
        if (!strcmp(inst->before[i]->name, name))
            return 1;
    return 0;
}

void runner_tables_plan(runner *r)
{
    for (size_t i = 0; i < r->n; i++) {
        instance *inst = r->nodes[i].inst;
        free(inst->before);
        inst->before = NULL;
        inst->nbefore = 0;
        /* The stages a record passes through on its way here: a branch's own, then those it
         * shares, up to the source. Two that make one table stop the run when its rows meet
         * (tablerows.h), so it is listed once. */
        for (const node *up = r->nodes[i].input; up; up = up->input)
            for (size_t t = 0; t < up->inst->nmakes; t++) {
                if (tables_listed(inst, up->inst->makes[t].name))
                    continue;
                inst->before = mem_realloc(inst->before, (inst->nbefore + 1) * sizeof *inst->before);
                inst->before[inst->nbefore++] = &up->inst->makes[t];
            }
    }
}
