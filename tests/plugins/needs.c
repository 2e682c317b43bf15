/* needs.c: a test fixture stage that writes to each document's 'needed' whether a later stage
 * may read field 'field' (quarry_field_needed). Per record, with no totals, so that a state
 * folder caches it. */
#include <quarry.h>

static const quarry_param needs_params[] = {
    {"field", QUARRY_PARAM_STRING, NULL, "the field asked about", 1, 0, 0, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};

static int needs_open(quarry_ctx *ctx, void **state)
{
    *state = (void *)quarry_param_str(ctx, "field"); /* the core's, valid until close */
    return QUARRY_OK;
}

static int needs_process(void *state, quarry_ctx *ctx, quarry_record *rec)
{
    quarry_set_int(rec, "needed", quarry_field_needed(ctx, state));
    return QUARRY_OK;
}

QUARRY_STAGE(needs) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "needs", .version = "0.1.0", .summary = "fixture: whether a later stage may read a field",
    .params = needs_params,
    .flags = QUARRY_PER_RECORD,
    .open = needs_open,
    .process = needs_process,
};
