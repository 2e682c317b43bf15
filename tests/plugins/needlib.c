/* needlib.c: a test fixture stage linked against a library (qtdep) that a test hides. */
#include <quarry.h>

int qtdep_answer(void);

static int needlib_process(void *state, quarry_ctx *ctx, quarry_record *rec)
{
    (void)state, (void)ctx;
    quarry_set_int(rec, "answer", qtdep_answer());
    return QUARRY_OK;
}

QUARRY_STAGE(needlib) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "needlib", .version = "1.0.0", .summary = "fixture: needs libqtdep",
    .process = needlib_process,
};
