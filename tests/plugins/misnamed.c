/* misnamed.c: a test fixture stage whose descriptor breaks the rules (wrong name, no process). */
#include <quarry.h>

QUARRY_STAGE(misnamed) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "other", .version = "1.0.0", .summary = "fixture: invalid descriptor",
};
