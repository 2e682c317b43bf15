/* runmemo.c: reads and writes the state folder's record of the last run that finished. */
#include "runmemo.h"
#include "buf.h"
#include "interrupt.h"
#include "mem.h"
#include "output.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define RUNMEMO_MAGIC "# quarry state 2: the last run that finished"
/* Before the end line: read as no record, as the pipeline's fingerprint has changed anyway. */
#define RUNMEMO_MAGIC_1 "# quarry state 1: the last run that finished"
/* The last line. A record cut short lacks it: its list of outputs, which says whether they are
 * still as written, may have lost lines, and a run would keep outputs that are gone. */
#define RUNMEMO_END "end"

static void runmemo_stat_into(runmemo_output *o, const struct stat *sb)
{
    o->size = (uint64_t)sb->st_size;
    o->mtime_sec = (int64_t)sb->st_mtim.tv_sec;
    o->mtime_nsec = (int64_t)sb->st_mtim.tv_nsec;
}

int runmemo_add_output(runmemo *m, const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return -1;
    m->outputs = mem_realloc(m->outputs, (m->noutputs + 1) * sizeof *m->outputs);
    runmemo_output *o = &m->outputs[m->noutputs++];
    /* From the root, so that 'quarry state' run from any folder finds them. */
    quarry_buf absolute = {0};
    output_absolute_path(&absolute, path);
    o->path = mem_strdup(buf_cstr(&absolute));
    quarry_buf_free(&absolute);
    runmemo_stat_into(o, &sb);
    return 0;
}

void runmemo_add_cache(runmemo *m, const char *file_name)
{
    m->caches = mem_realloc(m->caches, (m->ncaches + 1) * sizeof *m->caches);
    m->caches[m->ncaches++] = mem_strdup(file_name);
}

int runmemo_outputs_intact(const runmemo *m)
{
    for (size_t i = 0; i < m->noutputs; i++) {
        struct stat sb;
        runmemo_output now;
        if (stat(m->outputs[i].path, &sb) != 0)
            return 0;
        runmemo_stat_into(&now, &sb);
        if (now.size != m->outputs[i].size || now.mtime_sec != m->outputs[i].mtime_sec ||
            now.mtime_nsec != m->outputs[i].mtime_nsec)
            return 0;
    }
    return 1;
}

static void runmemo_path(quarry_buf *out, const char *dir, const char *name)
{
    buf_printf(out, "%s/%s", dir, name);
}

int runmemo_save(const char *dir, const runmemo *m, quarry_buf *err)
{
    quarry_buf path = {0}, temp = {0};
    runmemo_path(&path, dir, RUNMEMO_FILE);
    output_temp_path(&temp, dir, RUNMEMO_FILE);
    FILE *f = interrupt_fopen(buf_cstr(&temp), "w");
    int rc = -1;
    if (!f) {
        /* Named as the user knows it, not by the hidden temporary file. */
        buf_printf(err, "cannot create %s: %s", buf_cstr(&path), strerror(errno));
        goto out;
    }
    char pipe_hex[FINGERPRINT_HEX_LEN + 1], in_hex[FINGERPRINT_HEX_LEN + 1];
    fingerprint_hex(&m->pipeline, pipe_hex);
    fingerprint_hex(&m->input, in_hex);
    fprintf(f, "%s\npipeline %s\ninput %s\nfinished %s\n", RUNMEMO_MAGIC, pipe_hex, in_hex,
            m->finished);
    fprintf(f, "counts %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 "\n", m->read, m->out,
            m->created, m->rejected);
    for (size_t i = 0; i < m->ncaches; i++)
        fprintf(f, "cache %s\n", m->caches[i]);
    /* The path last: it may hold spaces. */
    for (size_t i = 0; i < m->noutputs; i++)
        fprintf(f, "output %" PRIu64 " %" PRId64 ".%09" PRId64 " %s\n", m->outputs[i].size,
                m->outputs[i].mtime_sec, m->outputs[i].mtime_nsec, m->outputs[i].path);
    fputs(RUNMEMO_END "\n", f);
    int bad = output_close_synced(f);
    if (bad)
        buf_printf(err, "cannot write %s: %s", buf_cstr(&path), strerror(bad));
    else
        rc = output_rename_synced(buf_cstr(&temp), buf_cstr(&path), dir, err);
    if (rc < 0)
        unlink(buf_cstr(&temp));
out:
    quarry_buf_free(&path);
    quarry_buf_free(&temp);
    return rc;
}

/* The lines a whole record has, as bits of runmemo_parse_line's *SEEN. */
#define RUNMEMO_SEEN_ALL 15

/* One line of the file into M; -1 if it is not one of its lines, or comes after the end line. */
static int runmemo_parse_line(runmemo *m, char *line, int *seen)
{
    size_t n = strlen(line);
    if (n && line[n - 1] == '\n')
        line[--n] = '\0';
    if (*seen & 8)
        return -1;
    if (!strcmp(line, RUNMEMO_END))
        return *seen |= 8, 0;
    if (!strncmp(line, "pipeline ", 9))
        return fingerprint_parse(line + 9, &m->pipeline) < 0 ? -1 : (*seen |= 1, 0);
    if (!strncmp(line, "input ", 6))
        return fingerprint_parse(line + 6, &m->input) < 0 ? -1 : (*seen |= 2, 0);
    if (!strncmp(line, "finished ", 9)) {
        snprintf(m->finished, sizeof m->finished, "%s", line + 9);
        return 0;
    }
    if (!strncmp(line, "counts ", 7)) {
        if (sscanf(line + 7, "%" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64, &m->read, &m->out,
                   &m->created, &m->rejected) != 4)
            return -1;
        *seen |= 4;
        return 0;
    }
    if (!strncmp(line, "cache ", 6)) {
        runmemo_add_cache(m, line + 6);
        return 0;
    }
    if (!strncmp(line, "output ", 7)) {
        runmemo_output o = {0};
        int used = 0;
        if (sscanf(line + 7, "%" SCNu64 " %" SCNd64 ".%" SCNd64 " %n", &o.size, &o.mtime_sec,
                   &o.mtime_nsec, &used) != 3 || !used || !line[7 + used])
            return -1;
        m->outputs = mem_realloc(m->outputs, (m->noutputs + 1) * sizeof *m->outputs);
        o.path = mem_strdup(line + 7 + used);
        m->outputs[m->noutputs++] = o;
        return 0;
    }
    return -1;
}

int runmemo_load(const char *dir, runmemo *m)
{
    memset(m, 0, sizeof *m);
    quarry_buf path = {0};
    runmemo_path(&path, dir, RUNMEMO_FILE);
    FILE *f = fopen(buf_cstr(&path), "r");
    quarry_buf_free(&path);
    if (!f)
        return -1;
    char *line = NULL;
    size_t cap = 0;
    int rc = 0, seen = 0;
    if (getline(&line, &cap, f) < 0)
        rc = RUNMEMO_DAMAGED;
    else if (!strncmp(line, RUNMEMO_MAGIC_1, strlen(RUNMEMO_MAGIC_1)))
        rc = -1; /* an older quarry's */
    else if (strncmp(line, RUNMEMO_MAGIC, strlen(RUNMEMO_MAGIC)) != 0)
        rc = RUNMEMO_DAMAGED;
    while (rc == 0 && getline(&line, &cap, f) >= 0)
        rc = runmemo_parse_line(m, line, &seen) < 0 ? RUNMEMO_DAMAGED : 0;
    free(line);
    fclose(f);
    if (rc == 0 && seen != RUNMEMO_SEEN_ALL)
        rc = RUNMEMO_DAMAGED;
    if (rc < 0)
        runmemo_free(m);
    return rc;
}

void runmemo_free(runmemo *m)
{
    for (size_t i = 0; i < m->ncaches; i++)
        free(m->caches[i]);
    free(m->caches);
    for (size_t i = 0; i < m->noutputs; i++)
        free(m->outputs[i].path);
    free(m->outputs);
    memset(m, 0, sizeof *m);
}
