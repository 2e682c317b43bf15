/* cmd_state.c: `quarry state DIR`: what a state folder holds (its lock, the last run, the
 * per-document caches), and --prune to drop what the last run did not use. */
#include "cli.h"
#include "buf.h"
#include "doccache.h"
#include "runmemo.h"
#include "state.h"
#include "stream.h"

#include <dirent.h>
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
           "  -h, --help      show this help\n\n"
           "Exit status: 0 done; 64 usage error; 66 DIR is not a state folder; 73 a file could\n"
           "not be removed; 75 --prune while a run holds the lock.\n");
}

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

/* Lists (and with PRUNE removes the unused of) the cache files; returns 0 or EX_CANTCREAT. */
static int cmd_state_caches(const char *dir, const runmemo *m, int have_memo, int prune)
{
    quarry_buf cache_dir = {0}, path = {0};
    buf_printf(&cache_dir, "%s/cache", dir);
    DIR *d = opendir(buf_cstr(&cache_dir));
    struct dirent *e;
    int status = 0;
    size_t files = 0, removed = 0;
    double bytes = 0, freed = 0;
    while (d && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 4 || strcmp(e->d_name + len - 3, ".qz") != 0)
            continue;
        path.len = 0;
        buf_printf(&path, "%s/%s", buf_cstr(&cache_dir), e->d_name);
        struct stat sb;
        if (stat(buf_cstr(&path), &sb) != 0)
            continue;
        int used = have_memo && cmd_state_used(m, e->d_name);
        long long docs = cmd_state_documents(buf_cstr(&path));
        if (!files++)
            printf("caches (%s):\n", buf_cstr(&cache_dir));
        bytes += (double)sb.st_size;
        char count[32];
        if (docs < 0)
            snprintf(count, sizeof count, "damaged");
        else
            snprintf(count, sizeof count, "%lld", docs);
        printf("  %-52s %9s documents %9.2f MB  %s\n", e->d_name, count,
               (double)sb.st_size / 1e6, used ? "used by the last run" : "not used by the last run");
        if (prune && !used) {
            if (unlink(buf_cstr(&path)) == 0) {
                removed++;
                freed += (double)sb.st_size;
            } else {
                fprintf(stderr, "quarry: cannot remove %s: %m\n", buf_cstr(&path));
                status = EX_CANTCREAT;
            }
        }
    }
    if (d)
        closedir(d);
    if (!files)
        printf("caches: none\n");
    else
        printf("  %zu file%s, %.2f MB\n", files, files == 1 ? "" : "s", bytes / 1e6);
    if (prune) {
        size_t temps = state_sweep_temps(dir) + state_sweep_temps(buf_cstr(&cache_dir));
        printf("pruned: %zu cache file%s (%.2f MB) and %zu temporary file%s\n", removed,
               removed == 1 ? "" : "s", freed / 1e6, temps, temps == 1 ? "" : "s");
    }
    quarry_buf_free(&cache_dir);
    quarry_buf_free(&path);
    return status;
}

int cmd_state(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"prune", no_argument, NULL, 'p'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int prune = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'p': prune = 1; break;
        case 'h': cmd_state_help(); return 0;
        default: return cli_usage_error("state", "unknown option");
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("state", "give one state folder");
    const char *dir = argv[optind];
    quarry_buf path = {0};
    buf_printf(&path, "%s/lock", dir);
    struct stat sb;
    int is_state = stat(buf_cstr(&path), &sb) == 0;
    quarry_buf_free(&path);
    if (!is_state) {
        char msg[512];
        snprintf(msg, sizeof msg, "%s is not a state folder (it has no lock file): nothing to report", dir);
        return cli_fail(EX_NOINPUT, msg);
    }
    state_lock *lock = NULL;
    if (prune) {
        quarry_buf err = {0};
        int status = 0;
        if (!(lock = state_lock_take(dir, &err, &status))) {
            cli_fail(status, buf_cstr(&err));
            quarry_buf_free(&err);
            return status;
        }
        quarry_buf_free(&err);
    }
    char holder[256];
    printf("state folder: %s\n", dir);
    if (!prune && state_lock_held(dir, holder, sizeof holder))
        printf("lock: held by a run (%s)\n", holder);
    else
        printf("lock: free\n");
    runmemo m;
    int have_memo = runmemo_load(dir, &m) == 0;
    if (have_memo) {
        char pipe_hex[FINGERPRINT_HEX_LEN + 1];
        fingerprint_hex(&m.pipeline, pipe_hex);
        printf("last run: finished %s; %llu records read, %llu out, %llu rejected\n",
               m.finished, (unsigned long long)m.read, (unsigned long long)m.out,
               (unsigned long long)m.rejected);
        printf("  pipeline fingerprint %s\n", pipe_hex);
        printf("  %zu output%s, %s\n", m.noutputs, m.noutputs == 1 ? "" : "s",
               runmemo_outputs_intact(&m) ? "all as it wrote them"
                                          : "some changed or missing since (the next run redoes them)");
    } else {
        printf("last run: none recorded\n");
    }
    int status = cmd_state_caches(dir, &m, have_memo, prune);
    if (have_memo)
        runmemo_free(&m);
    state_lock_release(lock);
    return status;
}
