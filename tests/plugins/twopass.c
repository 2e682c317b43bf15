/* twopass.c: a test fixture two-pass stage: counts the corpus in observe(), stamps each record
 * with the total and its share in process(), and emits a summary table row in finish(). */
#include <quarry.h>

#include <stdatomic.h>
#include <stdlib.h>

typedef struct twopass {
    int64_t records, bytes;
    atomic_llong seen; /* process() runs on several workers */
} twopass;

static int twopass_open(quarry_ctx *ctx, void **state)
{
    (void)ctx;
    *state = calloc(1, sizeof(twopass));
    return QUARRY_OK;
}

static int twopass_observe(void *state, quarry_ctx *ctx, const quarry_record *rec)
{
    (void)ctx;
    twopass *t = state;
    size_t len = 0;
    quarry_get_string(rec, "text", &len);
    t->records++;
    t->bytes += (int64_t)len;
    return QUARRY_OK;
}

static int twopass_process(void *state, quarry_ctx *ctx, quarry_record *rec)
{
    (void)ctx;
    twopass *t = state;
    size_t len = 0;
    quarry_get_string(rec, "text", &len);
    quarry_set_int(rec, "corpus_records", t->records);
    quarry_set_float(rec, "share", t->bytes ? (double)len / (double)t->bytes : 0);
    atomic_fetch_add(&t->seen, 1);
    return QUARRY_OK;
}

static int twopass_finish(void *state, quarry_ctx *ctx)
{
    twopass *t = state;
    quarry_record *row = quarry_record_new();
    quarry_set_string(row, "_table", "summary", 7);
    quarry_set_int(row, "records", t->records);
    quarry_set_int(row, "bytes", t->bytes);
    quarry_set_int(row, "processed", (int64_t)atomic_load(&t->seen));
    quarry_emit(ctx, row);
    quarry_record_free(row);
    return QUARRY_OK;
}

QUARRY_STAGE(twopass) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "twopass", .version = "0.1.0", .summary = "fixture: two-pass corpus statistics",
    .flags = QUARRY_TWO_PASS | QUARRY_PER_RECORD,
    .open = twopass_open,
    .observe = twopass_observe,
    .process = twopass_process,
    .finish = twopass_finish,
    .close = free,
};
