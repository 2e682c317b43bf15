/* docbound.c: the warning of a stage that pruned one document's rarest terms (max-doc-terms). */
#include "docbound.h"

void docbound_warn(quarry_ctx *ctx, const quarry_record *rec, const char *what, uint64_t max,
                   uint64_t pruned, uint64_t floor)
{
    size_t idlen;
    const char *id = quarry_get_string(rec, "id", &idlen);
    quarry_log(ctx, QUARRY_LOG_WARN,
               "document '%.*s': max-doc-terms (%llu) reached: %llu of its rare %s were pruned "
               "(those seen at most %llu time%s by then); its counts near that floor are lower "
               "bounds",
               id ? (int)idlen : 1, id ? id : "?", (unsigned long long)max,
               (unsigned long long)pruned, what, (unsigned long long)floor, floor == 1 ? "" : "s");
}
