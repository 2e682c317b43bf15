/* facts.c: what a stage's output depends on besides its code and parameters, for its
 * fingerprint (quarry_fingerprint_file): the shared libraries it calls. */
#include "facts.h"

#include <dlfcn.h>

void facts_library(quarry_ctx *ctx, const void *symbol)
{
    Dl_info where;
    if (dladdr(symbol, &where) && where.dli_fname)
        quarry_fingerprint_file(ctx, where.dli_fname);
}
