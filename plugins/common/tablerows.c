/* tablerows.c: corpus table rows in a stage's input: told from documents, and a stage's own
 * tables refused (see tablerows.h). */
#include "tablerows.h"

#include <string.h>
#include <sysexits.h>

int tablerows_is_row(const quarry_record *rec)
{
    return quarry_get_string(rec, "_table", NULL) != NULL;
}

int tablerows_check(quarry_ctx *ctx, const quarry_record *rec, const char *const *own)
{
    size_t len;
    const char *table = quarry_get_string(rec, "_table", &len);
    if (!table)
        return QUARRY_OK;
    for (size_t i = 0; own[i]; i++) {
        if (strlen(own[i]) == len && !memcmp(own[i], table, len))
            return quarry_fail(ctx, EX_USAGE,
                               "its input already holds rows of table '%s' (from an earlier stage, or a "
                               "kept stream read back), which a write would mix with this stage's in one "
                               "file: run the two stages in branches, each with its own write and "
                               "table-prefix, or read the stream kept before the earlier stage",
                               own[i]);
    }
    return QUARRY_OK;
}
