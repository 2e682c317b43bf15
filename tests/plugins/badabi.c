/* badabi.c: a test fixture stage built for a future ABI major version. */
#include <quarry.h>

static int badabi_process(void *state, quarry_ctx *ctx, quarry_record *rec)
{
    (void)state, (void)ctx, (void)rec;
    return QUARRY_OK;
}

QUARRY_STAGE(badabi) = {
    .abi = (9u << 16) | 2u,
    .size = sizeof(struct quarry_stage),
    .name = "badabi", .version = "1.0.0", .summary = "fixture: wrong ABI",
    .process = badabi_process,
};
