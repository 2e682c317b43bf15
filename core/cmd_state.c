/* cmd_state.c: `quarry state DIR`: what a state folder holds (its lock, the last run, the
 * per-document caches), as text or JSON, and --prune to drop what the last run did not use. */
#include "cli.h"
#include "buf.h"
#include "mem.h"
#include "runmemo.h"
#include "state.h"
#include "stream.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

static void cmd_state_help(void)
{
    printf("Usage: quarry state [OPTIONS] DIR\n\n"
           "Reports what the state folder DIR of nightly runs (quarry run --state DIR) holds:\n"
           "whether a run holds its lock, the last run that finished (its counts and whether\n"
           "its outputs are still as it wrote them), and each stage's per-document cache\n"
           "(documents, size, whether the last run used it).\n\n"
           "Options:\n"
           "      --prune     remove the caches the last run did not use (those of changed\n"
           "                  stage parameters) and temporary files of runs that died; takes\n"
           "                  the folder's lock, so it exits with 75 while a run holds it\n"
           "      --json      one JSON object instead of text, for monitoring\n"
           "  -h, --help      show this help\n\n"
           "Exit status: 0 done; 64 usage error; 66 DIR is not a state folder; 73 a file could\n"
           "not be removed; 74 standard output could not be written; 75 --prune while a run\n"
           "holds the lock.\n");
}

/* One cache file, as found. */
typedef struct cmd_state_cache {
    char *name;
    char *stage; /* the file name up to its fingerprint: STAGE-FINGERPRINT.qz */
    long long documents; /* -1: the file is damaged */
    long long bytes;
    int used, removed;
} cmd_state_cache;

/* What the report says, gathered before it is printed in either form. */
typedef struct cmd_state_report {
    const char *dir;
    int held;
    char holder[256];
    int have_memo, intact, memo_damaged;
    runmemo memo;
    cmd_state_cache *caches;
    size_t ncaches;
    long long cache_bytes, freed;
    size_t removed, temps;
    int prune;
} cmd_state_report;

/* The number of documents in cache file PATH (from its block headers); -1 if unreadable. */
static long long cmd_state_documents(const char *path)
{
    quarry_buf err = {0};
    stream_reader *sr = stream_reader_open(path, &err);
    long long total = 0;
    block *b;
    int got = -1;
    while (sr && (got = stream_read_block(sr, &b, &err)) > 0) {
        total += b->nrec;
        block_unref(b);
    }
    stream_reader_free(sr);
    quarry_buf_free(&err);
    return got < 0 ? -1 : total;
}

static int cmd_state_used(const runmemo *m, const char *name)
{
    for (size_t i = 0; i < m->ncaches; i++)
        if (strcmp(m->caches[i], name) == 0)
            return 1;
    return 0;
}

static int cmd_state_by_name(const void *a, const void *b)
{
    return strcmp(((const cmd_state_cache *)a)->name, ((const cmd_state_cache *)b)->name);
}

/* Finds the cache files (and with PRUNE removes the unused); 0, or EX_CANTCREAT. */
static int cmd_state_scan(cmd_state_report *rep)
{
    quarry_buf cache_dir = {0}, path = {0};
    buf_printf(&cache_dir, "%s/cache", rep->dir);
    DIR *d = opendir(buf_cstr(&cache_dir));
    struct dirent *e;
    int status = 0;
    while (d && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 4 || strcmp(e->d_name + len - 3, ".qz") != 0)
            continue;
        path.len = 0;
        buf_printf(&path, "%s/%s", buf_cstr(&cache_dir), e->d_name);
        struct stat sb;
        if (stat(buf_cstr(&path), &sb) != 0)
            continue;
        rep->caches = mem_realloc(rep->caches, (rep->ncaches + 1) * sizeof *rep->caches);
        cmd_state_cache *c = &rep->caches[rep->ncaches++];
        c->name = mem_strdup(e->d_name);
        const char *dash = strrchr(e->d_name, '-');
        c->stage = mem_strdup(e->d_name);
        c->stage[dash ? (size_t)(dash - e->d_name) : len - 3] = '\0';
        c->documents = cmd_state_documents(buf_cstr(&path));
        c->bytes = (long long)sb.st_size;
        c->used = rep->have_memo && cmd_state_used(&rep->memo, e->d_name);
        c->removed = 0;
        rep->cache_bytes += c->bytes;
        if (rep->prune && !c->used) {
            if (unlink(buf_cstr(&path)) == 0) {
                c->removed = 1;
                rep->removed++;
                rep->freed += c->bytes;
            } else {
                fprintf(stderr, "quarry: cannot remove %s: %s\n", buf_cstr(&path), strerror(errno));
                status = EX_CANTCREAT;
            }
        }
    }
    if (d)
        closedir(d);
    if (rep->ncaches)
        qsort(rep->caches, rep->ncaches, sizeof *rep->caches, cmd_state_by_name);
    if (rep->prune)
        rep->temps = state_sweep_temps(rep->dir) + state_sweep_temps(buf_cstr(&cache_dir));
    quarry_buf_free(&cache_dir);
    quarry_buf_free(&path);
    return status;
}

static void cmd_state_print_text(const cmd_state_report *rep)
{
    printf("state folder: %s\n", rep->dir);
    if (rep->held)
        printf("lock: held by a run (%s)\n", rep->holder);
    else
        printf("lock: free\n");
    if (rep->have_memo) {
        const runmemo *m = &rep->memo;
        char pipe_hex[FINGERPRINT_HEX_LEN + 1];
        fingerprint_hex(&m->pipeline, pipe_hex);
        printf("last run: finished %s; %llu record%s read, %llu out, %llu rejected\n",
               m->finished, (unsigned long long)m->read, m->read == 1 ? "" : "s", (unsigned long long)m->out,
               (unsigned long long)m->rejected);
        printf("  pipeline fingerprint %s\n", pipe_hex);
        printf("  %zu output%s, %s\n", m->noutputs, m->noutputs == 1 ? "" : "s",
               rep->intact ? "all as it wrote them"
                           : "some changed or missing since (the next run redoes them)");
    } else {
        printf("last run: %s\n", rep->memo_damaged ? "its record (last-run) is damaged; the next run "
                                                     "redoes what the caches do not hold"
                                                   : "none recorded");
    }
    if (!rep->ncaches) {
        printf("caches: none\n");
    } else {
        printf("caches (%s/cache):\n", rep->dir);
        for (size_t i = 0; i < rep->ncaches; i++) {
            const cmd_state_cache *c = &rep->caches[i];
            char count[32];
            if (c->documents < 0)
                snprintf(count, sizeof count, "damaged");
            else
                snprintf(count, sizeof count, "%lld", c->documents);
            const char *unit = c->documents < 0 ? "" : c->documents == 1 ? "document" : "documents";
            printf("  %-12s %-46s %9s %-9s %9.2f MB  %s%s\n", c->stage, c->name, count, unit, (double)c->bytes / 1e6,
                   c->used ? "used by the last run" : "not used by the last run",
                   c->removed ? " (removed)" : "");
        }
        printf("  %zu file%s, %.2f MB\n", rep->ncaches, rep->ncaches == 1 ? "" : "s",
               (double)rep->cache_bytes / 1e6);
    }
    if (rep->prune)
        printf("pruned: %zu cache file%s (%.2f MB) and %zu temporary file%s\n", rep->removed,
               rep->removed == 1 ? "" : "s", (double)rep->freed / 1e6, rep->temps,
               rep->temps == 1 ? "" : "s");
}

static void cmd_state_json_str(quarry_buf *out, const char *key, const char *value)
{
    buf_printf(out, "\"%s\":", key);
    quarry_json_string(out, value, strlen(value));
}

static void cmd_state_print_json(const cmd_state_report *rep)
{
    quarry_buf out = {0};
    buf_putc(&out, '{');
    cmd_state_json_str(&out, "folder", rep->dir);
    buf_printf(&out, ",\"lock\":{\"held\":%s", rep->held ? "true" : "false");
    if (rep->held) {
        buf_putc(&out, ',');
        cmd_state_json_str(&out, "holder", rep->holder);
    }
    buf_puts(&out, "},\"last_run\":");
    if (rep->have_memo) {
        const runmemo *m = &rep->memo;
        char pipe_hex[FINGERPRINT_HEX_LEN + 1];
        fingerprint_hex(&m->pipeline, pipe_hex);
        buf_putc(&out, '{');
        cmd_state_json_str(&out, "finished", m->finished);
        buf_printf(&out, ",\"read\":%llu,\"out\":%llu,\"rejected\":%llu,",
                   (unsigned long long)m->read, (unsigned long long)m->out,
                   (unsigned long long)m->rejected);
        cmd_state_json_str(&out, "pipeline", pipe_hex);
        buf_printf(&out, ",\"outputs\":%zu,\"outputs_intact\":%s}", m->noutputs,
                   rep->intact ? "true" : "false");
    } else {
        buf_puts(&out, rep->memo_damaged ? "{\"damaged\":true}" : "null");
    }
    buf_puts(&out, ",\"caches\":[");
    for (size_t i = 0; i < rep->ncaches; i++) {
        const cmd_state_cache *c = &rep->caches[i];
        buf_puts(&out, i ? ",{" : "{");
        cmd_state_json_str(&out, "stage", c->stage);
        buf_putc(&out, ',');
        cmd_state_json_str(&out, "file", c->name);
        if (c->documents < 0)
            buf_puts(&out, ",\"documents\":null,\"damaged\":true");
        else
            buf_printf(&out, ",\"documents\":%lld", c->documents);
        buf_printf(&out, ",\"bytes\":%lld,\"used\":%s,\"removed\":%s}", c->bytes,
                   c->used ? "true" : "false", c->removed ? "true" : "false");
    }
    buf_printf(&out, "],\"cache_bytes\":%lld", rep->cache_bytes);
    if (rep->prune)
        buf_printf(&out, ",\"pruned\":{\"caches\":%zu,\"bytes\":%lld,\"temporary_files\":%zu}",
                   rep->removed, rep->freed, rep->temps);
    buf_puts(&out, "}\n");
    fwrite(out.data, 1, out.len, stdout);
    quarry_buf_free(&out);
}

int cmd_state(int argc, char **argv)
{
    enum { OPT_PRUNE = 256, OPT_JSON };
    static const struct option longopts[] = {
        {"prune", no_argument, NULL, OPT_PRUNE},
        {"json", no_argument, NULL, OPT_JSON},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    cmd_state_report rep;
    memset(&rep, 0, sizeof rep);
    int json = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_PRUNE: rep.prune = 1; break;
        case OPT_JSON: json = 1; break;
        case 'h': cmd_state_help(); return 0;
        default: return cli_option_error("state");
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("state", "give one state folder");
    rep.dir = argv[optind];
    quarry_buf path = {0};
    buf_printf(&path, "%s/lock", rep.dir);
    struct stat sb;
    int is_state = stat(buf_cstr(&path), &sb) == 0;
    quarry_buf_free(&path);
    if (!is_state) {
        char msg[512];
        snprintf(msg, sizeof msg, "%s is not a state folder (it has no lock file): nothing to report",
                 rep.dir);
        return cli_fail(EX_NOINPUT, msg);
    }
    state_lock *lock = NULL;
    if (rep.prune) {
        quarry_buf err = {0};
        int status = 0;
        if (!(lock = state_lock_take(rep.dir, &err, &status))) {
            cli_fail(status, buf_cstr(&err));
            quarry_buf_free(&err);
            return status;
        }
        quarry_buf_free(&err);
    } else {
        rep.held = state_lock_held(rep.dir, rep.holder, sizeof rep.holder);
    }
    int loaded = runmemo_load(rep.dir, &rep.memo);
    rep.have_memo = loaded == 0;
    rep.memo_damaged = loaded == RUNMEMO_DAMAGED;
    rep.intact = rep.have_memo && runmemo_outputs_intact(&rep.memo);
    int status = cmd_state_scan(&rep);
    if (json)
        cmd_state_print_json(&rep);
    else
        cmd_state_print_text(&rep);
    runmemo_free(&rep.memo);
    for (size_t i = 0; i < rep.ncaches; i++) {
        free(rep.caches[i].name);
        free(rep.caches[i].stage);
    }
    free(rep.caches);
    state_lock_release(lock);
    return status;
}
