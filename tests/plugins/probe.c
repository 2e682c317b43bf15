/* probe.c: a test fixture stage with a parameter of every type; it stamps records, rejects or
 * fails on request, and can jitter its timing to shuffle worker completion order. It can say
 * which fields it reads (quarry_reads_field). What
 * $QUARRY_PROBE_FACT holds, and the file $QUARRY_PROBE_FACT_FILE names, join its fingerprint,
 * as a library's version or file would. */
#include <quarry.h>

#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const probe_modes[] = {"upper", "keep", NULL};

static const quarry_param probe_params[] = {
    {"tag", QUARRY_PARAM_STRING, NULL, "written to each record's 'tag' field", 1, 0, 0, NULL},
    {"mode", QUARRY_PARAM_ENUM, "keep", "upper: upper-case ASCII in 'text'", 0, 0, 0, probe_modes},
    {"count", QUARRY_PARAM_INT, "1", "copies of the tag in 'tags'", 0, 1, 10, NULL},
    {"ratio", QUARRY_PARAM_FLOAT, "0.5", "written to 'ratio'", 0, 0, 1, NULL},
    {"jitter", QUARRY_PARAM_BOOL, "false", "sleep a little, differently per record", 0, 0, 0, NULL},
    {"reject", QUARRY_PARAM_STRING, NULL, "reject records whose text contains this", 0, 0, 0, NULL},
    {"fail", QUARRY_PARAM_STRING, NULL, "fail the run on a record whose text contains this", 0, 0, 0, NULL},
    {"crash", QUARRY_PARAM_STRING, NULL, "crash (SIGSEGV) on a record whose text contains this", 0, 0, 0, NULL},
    {"oom", QUARRY_PARAM_STRING, NULL, "run out of memory (abort when malloc fails) on a record whose text contains this", 0, 0, 0, NULL},
    {"crash-finish", QUARRY_PARAM_BOOL, "false", "crash (SIGSEGV) in finish, after every record", 0, 0, 0, NULL},
    {"words", QUARRY_PARAM_LIST, NULL, "written to 'words'", 0, 0, 0, NULL},
    {"file", QUARRY_PARAM_PATH, NULL, "written to 'file'", 0, 0, 0, NULL},
    {"reads", QUARRY_PARAM_LIST, NULL, "says it reads these fields and 'text' (quarry_reads_field)", 0, 0, 0, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};

typedef struct probe {
    const char *tag, *reject, *fail, *crash, *oom, *file;
    int upper, jitter, crash_finish;
    int64_t count;
    double ratio;
    const char *const *words;
    size_t nwords;
} probe;

static int probe_open(quarry_ctx *ctx, void **state)
{
    probe *p = calloc(1, sizeof *p);
    p->tag = quarry_param_str(ctx, "tag");
    p->upper = strcmp(quarry_param_str(ctx, "mode"), "upper") == 0;
    p->count = quarry_param_int(ctx, "count");
    p->ratio = quarry_param_float(ctx, "ratio");
    p->jitter = quarry_param_bool(ctx, "jitter");
    p->reject = quarry_param_str(ctx, "reject");
    p->fail = quarry_param_str(ctx, "fail");
    p->crash = quarry_param_str(ctx, "crash");
    p->oom = quarry_param_str(ctx, "oom");
    p->crash_finish = quarry_param_bool(ctx, "crash-finish");
    p->file = quarry_param_str(ctx, "file");
    p->nwords = quarry_param_list(ctx, "words", &p->words);
    const char *const *reads;
    size_t nreads = quarry_param_list(ctx, "reads", &reads);
    for (size_t i = 0; i < nreads; i++)
        quarry_reads_field(ctx, reads[i]);
    if (nreads)
        quarry_reads_field(ctx, "text");
    const char *fact = getenv("QUARRY_PROBE_FACT"), *fact_file = getenv("QUARRY_PROBE_FACT_FILE");
    if (fact)
        quarry_fingerprint_add(ctx, fact, strlen(fact));
    if (fact_file)
        quarry_fingerprint_file(ctx, fact_file);
    *state = p;
    return QUARRY_OK;
}

static int probe_contains(const char *text, size_t len, const char *needle)
{
    return needle && *needle && memmem(text, len, needle, strlen(needle)) != NULL;
}

static int probe_process(void *state, quarry_ctx *ctx, quarry_record *rec)
{
    probe *p = state;
    size_t len = 0;
    const char *text = quarry_get_string(rec, "text", &len);
    if (!text)
        text = "";
    if (p->jitter) {
        unsigned h = 2166136261u;
        for (size_t i = 0; i < len; i++)
            h = (h ^ (unsigned char)text[i]) * 16777619u;
        struct timespec ts = {0, (long)(h % 400) * 1000L};
        nanosleep(&ts, NULL);
    }
    if (probe_contains(text, len, p->crash))
        raise(SIGSEGV); /* as a stage's bad pointer would */
    if (probe_contains(text, len, p->oom)) {
        volatile size_t huge = SIZE_MAX / 2; /* no malloc can give it: fails with ENOMEM */
        void *never = malloc(huge);
        if (!never)
            abort(); /* as the shipped stages do when memory runs out */
        free(never);
    }
    if (probe_contains(text, len, p->fail))
        return quarry_error(ctx, "asked to fail on '%s'", p->fail);
    if (probe_contains(text, len, p->reject))
        return quarry_reject(ctx, rec, "text contains '%s'", p->reject);
    if (p->upper) {
        char *up = malloc(len + 1);
        for (size_t i = 0; i < len; i++)
            up[i] = (text[i] >= 'a' && text[i] <= 'z') ? (char)(text[i] - 32) : text[i];
        quarry_set_string(rec, "text", up, len);
        free(up);
    }
    quarry_set_string(rec, "tag", p->tag, strlen(p->tag));
    quarry_list *tags = quarry_set_list(rec, "tags");
    for (int64_t i = 0; i < p->count; i++)
        quarry_list_add_string(tags, p->tag, strlen(p->tag));
    quarry_set_float(rec, "ratio", p->ratio);
    if (p->nwords) {
        quarry_list *w = quarry_set_list(rec, "words");
        for (size_t i = 0; i < p->nwords; i++)
            quarry_list_add_pair(w, p->words[i], strlen(p->words[i]), (double)i);
    }
    if (p->file)
        quarry_set_string(rec, "file", p->file, strlen(p->file));
    return QUARRY_OK;
}

static int probe_finish(void *state, quarry_ctx *ctx)
{
    (void)ctx;
    if (((probe *)state)->crash_finish)
        raise(SIGSEGV);
    return QUARRY_OK;
}

QUARRY_STAGE(probe) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "probe", .version = "0.1.0", .summary = "fixture: every parameter type",
    .params = probe_params,
    .flags = QUARRY_PER_RECORD,
    .open = probe_open,
    .process = probe_process,
    .finish = probe_finish,
    .close = free,
};
