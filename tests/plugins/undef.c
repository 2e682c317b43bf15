/* undef.c: a test fixture stage that needs a symbol no library provides, so loading fails. */
#include <quarry.h>

extern int quarry_fixture_missing_symbol;

static int undef_process(void *state, quarry_ctx *ctx, quarry_record *rec)
{
    (void)state, (void)ctx, (void)rec;
    return quarry_fixture_missing_symbol;
}

/* A data reference (not a call) fails at load time even under lazy binding. */
int *undef_pointer = &quarry_fixture_missing_symbol;

QUARRY_STAGE(undef) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "undef", .version = "1.0.0", .summary = "fixture: unresolved symbol",
    .process = undef_process,
};
