/* failopen.c: a test fixture stage whose open() fails with a message of its own. */
#include <quarry.h>
#include <sysexits.h>

static const quarry_param failopen_params[] = {
    {"model", QUARRY_PARAM_PATH, "model.bin", "a file the stage needs", 0, 0, 0, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};

static int failopen_open(quarry_ctx *ctx, void **state)
{
    (void)state;
    return quarry_fail(ctx, EX_NOINPUT, "cannot read model %s", quarry_param_str(ctx, "model"));
}

static int failopen_process(void *state, quarry_ctx *ctx, quarry_record *rec)
{
    (void)state, (void)ctx, (void)rec;
    return QUARRY_OK;
}

QUARRY_STAGE(failopen) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "failopen", .version = "1.0.0", .summary = "fixture: open fails",
    .params = failopen_params,
    .open = failopen_open,
    .process = failopen_process,
};
