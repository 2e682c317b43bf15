/* twopass.c: a test fixture two-pass stage: counts the corpus in observe(), stamps each record
 * with the total and its share in process(), and emits a summary table row in finish(); or,
 * asked to, a document there, breaking its word that only table rows come last; or, asked to,
 * waits in finish for a stage after it to begin its second pass. */
#include <quarry.h>

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const twopass_finishes[] = {"row", "document", NULL};

static const quarry_param twopass_params[] = {
    {"finish", QUARRY_PARAM_ENUM, "row",
     "what finish() emits: its summary as a table's row, or as a document (which QUARRY_TABLES_LAST forbids)", 0,
     0, 0, twopass_finishes},
    {"wait", QUARRY_PARAM_BOOL, "false",
     "finish waits (up to 30 s) for a twopass after this one to process a document, and says in its row whether "
     "one did (next_began): it can only if the core has told it that the documents have ended, before this "
     "finish emits its row",
     0, 0, 0, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};

typedef struct twopass {
    int64_t records, bytes;
    atomic_llong seen; /* process() runs on several workers */
    int finish_document, wait;
} twopass;

/* Documents that the process() of every twopass of the run has seen: the stages of a run that
 * load one plugin share its library, so a finish can tell when a later one has begun. */
static atomic_llong twopass_processed_by_all;

static int twopass_open(quarry_ctx *ctx, void **state)
{
    twopass *t = calloc(1, sizeof(twopass));
    if (!t)
        return quarry_error(ctx, "out of memory");
    t->finish_document = !strcmp(quarry_param_str(ctx, "finish"), "document");
    t->wait = quarry_param_bool(ctx, "wait");
    *state = t;
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
    atomic_fetch_add(&twopass_processed_by_all, 1);
    return QUARRY_OK;
}

static int twopass_finish(void *state, quarry_ctx *ctx)
{
    twopass *t = state;
    /* Another twopass has processed a document once the count passes this one's own. */
    int next_began = 0;
    for (int tick = 0; t->wait && tick < 3000 && !next_began; tick++) {
        next_began = atomic_load(&twopass_processed_by_all) > atomic_load(&t->seen);
        if (!next_began)
            nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
    }
    quarry_record *row = quarry_record_new();
    if (t->finish_document)
        quarry_set_string(row, "id", "summary", 7);
    else
        quarry_set_string(row, "_table", "summary", 7);
    quarry_set_int(row, "records", t->records);
    quarry_set_int(row, "bytes", t->bytes);
    quarry_set_int(row, "processed", (int64_t)atomic_load(&t->seen));
    if (t->wait)
        quarry_set_int(row, "next_began", next_began);
    quarry_emit(ctx, row);
    quarry_record_free(row);
    return QUARRY_OK;
}

QUARRY_STAGE(twopass) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "twopass", .version = "0.3.0", .summary = "fixture: two-pass corpus statistics",
    .params = twopass_params,
    .flags = QUARRY_TWO_PASS | QUARRY_PER_RECORD | QUARRY_TABLES_LAST,
    .open = twopass_open,
    .observe = twopass_observe,
    .process = twopass_process,
    .finish = twopass_finish,
    .close = free,
};
