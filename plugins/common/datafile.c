/* datafile.c: reads the files a user gives a stage, a line at a time, and opens the models a
 * stage saves (see datafile.h). */
#include "datafile.h"
#include "openfile.h"
#include "textline.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

/* Appends the formatted message to ERR, and a NUL after it that LEN does not count, so that
 * ERR's data reads as a string. A message longer than a path of PATH_MAX bytes and a reason
 * is cut short. */
__attribute__((format(printf, 2, 3))) static void datafile_say(quarry_buf *err, const char *fmt, ...)
{
    char msg[PATH_MAX + 512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    size_t len = (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1;
    quarry_buf_append(err, msg, len + 1);
    err->len--;
}

/* Appends the components of TAIL (a path's end, the part that is not there) to the folder
 * OUT (PATH_MAX bytes): "." is skipped and ".." goes up, as nothing there can be a link. */
static void datafile_append_tail(char *out, const char *tail)
{
    while (*tail) {
        while (*tail == '/')
            tail++;
        size_t n = strcspn(tail, "/");
        size_t len = strlen(out);
        if (n == 2 && tail[0] == '.' && tail[1] == '.') {
            char *up = strrchr(out, '/');
            if (up)
                up[up == out] = '\0'; /* "/a" up is "/" */
        } else if (n && !(n == 1 && tail[0] == '.') && len + 1 + n < PATH_MAX) {
            if (len && out[len - 1] != '/')
                out[len++] = '/';
            memcpy(out + len, tail, n);
            out[len + n] = '\0';
        }
        tail += n;
    }
}

/* The folder DIR as an absolute path without links, "." or "..", in OUT (PATH_MAX bytes),
 * whether it is there or not: the longest part of it that is there is resolved, and the rest
 * appended. So "pipelines/../out" and "out" are one folder before either exists, as a check
 * of a run before its first must tell. 0, or -1 if the current folder cannot be told or the
 * path is too long. */
static int datafile_canonical(const char *dir, char *out)
{
    char full[PATH_MAX], cwd[PATH_MAX];
    int n = dir[0] == '/' ? snprintf(full, sizeof full, "%s", dir)
            : getcwd(cwd, sizeof cwd) ? snprintf(full, sizeof full, "%s/%s", cwd, dir)
                                      : -1;
    if (n < 0 || (size_t)n >= sizeof full)
        return -1;
    size_t cut = strlen(full);
    for (;;) {
        char prefix[PATH_MAX];
        memcpy(prefix, full, cut);
        prefix[cut] = '\0';
        if (realpath(cut ? prefix : "/", out))
            break;
        while (cut > 0 && full[cut - 1] != '/')
            cut--;
        while (cut > 0 && full[cut - 1] == '/')
            cut--;
    }
    datafile_append_tail(out, full + cut);
    return 0;
}

/* Whether PATH names the file NAME in the run's output folder, which need not be there yet. */
static int datafile_is_output(quarry_ctx *ctx, const char *path, const char *name)
{
    const char *slash = strrchr(path, '/');
    if (strcmp(slash ? slash + 1 : path, name) != 0)
        return 0;
    char dir[PATH_MAX] = ".";
    if (slash == path)
        strcpy(dir, "/");
    else if (slash) {
        size_t n = (size_t)(slash - path);
        if (n >= sizeof dir)
            return 0;
        memcpy(dir, path, n);
        dir[n] = '\0';
    }
    char a[PATH_MAX], b[PATH_MAX];
    return datafile_canonical(dir, a) == 0 && datafile_canonical(quarry_output_dir(ctx), b) == 0 && !strcmp(a, b);
}

int datafile_model_first_run(quarry_ctx *ctx, const char *path, const char *save_name, const char *what)
{
    if (!path || !save_name || !datafile_is_output(ctx, path, save_name) || access(path, F_OK) == 0 ||
        errno != ENOENT)
        return 0;
    quarry_log(ctx, QUARRY_LOG_WARN,
               "the model %s is not there yet: %s, and save-model writes it there (expected on a nightly "
               "job's first run; on a later one, the model the runs before it saved is lost)",
               path, what);
    return 1;
}

int datafile_fail(quarry_buf *err, const char *path, size_t lineno, const char *why)
{
    if (lineno)
        datafile_say(err, "%s:%zu: %s", path, lineno, why);
    else
        datafile_say(err, "%s: %s", path, why);
    return EX_DATAERR;
}

int datafile_each_line(const char *path, const char *what, datafile_line_fn fn, void *data,
                       quarry_buf *err)
{
    /* A folder is a wrong name, as a missing file is, not a disk failing part way through
     * (EX_IOERR): a cron job should be told so. */
    FILE *f = openfile_read(path);
    if (!f) {
        datafile_say(err, "cannot open the %s %s: %s", what, path, strerror(errno));
        return EX_NOINPUT;
    }
    char *line = NULL; /* whole lines, however long: a fixed buffer would cut one in two */
    size_t cap = 0, lineno = 0;
    ssize_t got;
    int status = 0;
    while (!status && (got = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t len = (size_t)got;
        if (len && line[len - 1] == '\n')
            len--;
        if (len && line[len - 1] == '\r')
            len--;
        line[len] = '\0';
        size_t skip = textline_bom(line, len, lineno);
        const char *why;
        if (memchr(line, '\0', len)) {
            datafile_say(err, "%s:%zu: a NUL byte, which no %s holds", path, lineno, what);
            status = EX_DATAERR;
        } else if ((why = fn(data, line + skip, len - skip, lineno)) != NULL) {
            status = datafile_fail(err, path, lineno, why);
        }
    }
    if (!status && ferror(f)) {
        datafile_say(err, "cannot read the %s %s: %s", what, path, strerror(errno));
        status = EX_IOERR;
    }
    free(line);
    fclose(f);
    return status;
}

FILE *datafile_save_open(quarry_ctx *ctx, const char *param, const char *name)
{
    if (!*name || strchr(name, '/')) {
        quarry_fail(ctx, EX_USAGE, "%s is a file name in the output folder, not a path: '%s'", param, name);
        return NULL;
    }
    return quarry_output_file(ctx, name);
}
