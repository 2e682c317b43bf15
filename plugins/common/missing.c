/* missing.c: the count of documents without a stage's input field, and its warning. */
#include "missing.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int missing_has(const quarry_record *rec, const char *name)
{
    size_t want = strlen(name), len;
    for (size_t i = 0; i < quarry_field_count(rec); i++) {
        const char *field = quarry_field_name(rec, i, &len);
        if (len == want && !memcmp(field, name, len))
            return 1;
    }
    return 0;
}

void missing_count(missing *m, int has)
{
    atomic_fetch_add_explicit(&m->documents, 1, memory_order_relaxed);
    if (!has)
        atomic_fetch_add_explicit(&m->without, 1, memory_order_relaxed);
}

/* Warns "COUNT of OF documents PREFIXWHAT: THEN" (": THEN" only if THEN), WHAT made from FORMAT
 * and AP. */
__attribute__((format(printf, 6, 0))) static void missing_vwarn(quarry_ctx *ctx, uint64_t count, uint64_t of,
                                                                const char *prefix, const char *then,
                                                                const char *format, va_list ap)
{
    char what[512];
    vsnprintf(what, sizeof what, format, ap);
    quarry_log(ctx, QUARRY_LOG_WARN, "%llu of %llu documents %s%s%s%s", (unsigned long long)count,
               (unsigned long long)of, prefix, what, then ? ": " : "", then ? then : "");
}

void missing_warn_some(missing *m, quarry_ctx *ctx, uint64_t count, const char *format, ...)
{
    if (!count)
        return;
    va_list ap;
    va_start(ap, format);
    missing_vwarn(ctx, count, atomic_load(&m->documents) - atomic_load(&m->without), "", NULL, format, ap);
    va_end(ap);
}

void missing_warn(missing *m, quarry_ctx *ctx, const char *then, const char *format, ...)
{
    uint64_t without = atomic_load(&m->without);
    if (!without)
        return;
    va_list ap;
    va_start(ap, format);
    missing_vwarn(ctx, without, atomic_load(&m->documents), "have no ", then, format, ap);
    va_end(ap);
}

void missing_count_stop(missing *m, const quarry_record *rec)
{
    missing_count(m, missing_has(rec, "stop"));
}

void missing_warn_stop(missing *m, quarry_ctx *ctx, const char *what, const char *stage)
{
    char then[256];
    snprintf(then, sizeof then,
             "no word of theirs is a stop word, so 'the' and 'of' can begin and end %s (put tokenize "
             "before %s, or give a 'stop' list: 1 for a stop word, else 0)",
             what, stage);
    missing_warn(m, ctx, then, "'stop' list");
}
