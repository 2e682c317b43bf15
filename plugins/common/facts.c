/* facts.c: what a stage's output depends on besides its code and parameters, for its
 * fingerprint (quarry_fingerprint_add): the shared libraries it calls. */
#include "facts.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

void facts_library(quarry_ctx *ctx, const void *symbol)
{
    Dl_info where;
    if (!dladdr(symbol, &where) || !where.dli_fname)
        return;
    FILE *f = fopen(where.dli_fname, "rb");
    if (!f) { /* the file is gone (upgraded under a running quarry): its name, at least */
        quarry_fingerprint_add(ctx, where.dli_fname, strlen(where.dli_fname));
        return;
    }
    char chunk[1 << 16];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        quarry_fingerprint_add(ctx, chunk, got);
    fclose(f);
}
