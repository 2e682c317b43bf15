/* output.c: atomic output files: temporary name, fsync, rename when the whole run succeeded. */
#include "output.h"
#include "instance.h"
#include "interrupt.h"
#include "log.h"
#include "buf.h"
#include "mem.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sysexits.h>
#include <unistd.h>

FILE *output_open(run_env *env, const char *name, int *status, quarry_buf *err)
{
    if (!*name || strchr(name, '/') || name[0] == '.') {
        *status = EX_USAGE; /* a name that cannot be: the pipeline's to change */
        buf_printf(err, "output name '%s' must be a plain file name (no '/', not hidden)", name);
        return NULL;
    }
    return output_open_in(env, env->output_dir, name, status, err);
}

FILE *output_open_in(run_env *env, const char *dir, const char *name, int *status, quarry_buf *err)
{
    *status = EX_USAGE;
    quarry_buf final = {0}, temp = {0};
    buf_printf(&final, "%s/%s", dir, name);
    output_temp_path(&temp, dir, name);
    pthread_mutex_t *lock = env->outputs_lock;
    if (lock)
        pthread_mutex_lock(lock);
    FILE *f = NULL;
    for (size_t i = 0; i < env->noutputs; i++) {
        if (strcmp(env->outputs[i].final_path, buf_cstr(&final)) == 0) {
            buf_printf(err, "output %s is already written by another stage of this run; give "
                       "one of them another file name (a corpus table's: write's table-prefix)",
                       buf_cstr(&final));
            goto out;
        }
    }
    f = env->dry ? fopen("/dev/null", "wb") : interrupt_fopen(buf_cstr(&temp), "wb");
    if (!f) {
        buf_printf(err, "cannot create %s: %s", env->dry ? "/dev/null" : buf_cstr(&temp), strerror(errno));
        *status = EX_CANTCREAT;
        goto out;
    }
    env->outputs = mem_realloc(env->outputs, (env->noutputs + 1) * sizeof *env->outputs);
    env->outputs[env->noutputs].final_path = buf_steal(&final);
    env->outputs[env->noutputs].temp_path = env->dry ? NULL : buf_steal(&temp);
    env->outputs[env->noutputs].dir = mem_strdup(dir);
    env->outputs[env->noutputs].file = f;
    env->noutputs++;
out:
    if (lock)
        pthread_mutex_unlock(lock);
    quarry_buf_free(&final);
    quarry_buf_free(&temp);
    return f;
}

FILE *quarry_output_file(quarry_ctx *ctx, const char *name)
{
    if (!ctx->inst->env) {
        quarry_error(ctx, "no output folder in this context");
        return NULL;
    }
    /* The runner writes its rejects last: a stage that took the name would fail the run at its
     * end, after all its work, so the name is refused from open(). */
    if (!strcmp(name, OUTPUT_REJECTS)) {
        quarry_fail(ctx, EX_USAGE, "output name '%s' is the run's own list of rejected documents: give "
                    "the stage another file name", name);
        return NULL;
    }
    quarry_buf err = {0};
    int status;
    FILE *f = output_open(ctx->inst->env, name, &status, &err);
    if (!f)
        quarry_fail(ctx, status, "%s", buf_cstr(&err));
    quarry_buf_free(&err);
    return f;
}

void output_temp_path(quarry_buf *out, const char *dir, const char *name)
{
    buf_printf(out, "%s/.%s.tmp-%ld", dir, name, (long)getpid());
}

void output_absolute_path(quarry_buf *out, const char *path)
{
    char *cwd = path[0] == '/' ? NULL : getcwd(NULL, 0);
    if (cwd)
        buf_printf(out, "%s%s%s", cwd, strcmp(cwd, "/") ? "/" : "", path);
    else
        buf_puts(out, path);
    free(cwd);
}

int output_close_synced(FILE *f)
{
    int failed = 0;
    /* After a failed write, errno still holds its reason (ENOSPC, EFBIG) as a rule. */
    if (ferror(f) || fflush(f) != 0 || fsync(fileno(f)) != 0)
        failed = errno ? errno : EIO;
    if (fclose(f) != 0 && !failed)
        failed = errno ? errno : EIO;
    return failed;
}

static int output_sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

int output_rename_synced(const char *temp, const char *final, const char *dir, quarry_buf *err)
{
    int e = 0;
    if (rename(temp, final) != 0) {
        e = errno ? errno : EIO;
        if (err)
            buf_printf(err, "cannot rename %s to %s: %s", temp, final, strerror(e));
    } else if (output_sync_dir(dir) != 0) {
        e = errno ? errno : EIO;
        if (err)
            buf_printf(err, "cannot sync folder %s: %s", dir, strerror(e));
    }
    errno = e;
    return e ? -1 : 0;
}

static void output_forget(run_env *env)
{
    for (size_t i = 0; i < env->noutputs; i++) {
        free(env->outputs[i].final_path);
        free(env->outputs[i].temp_path);
        free(env->outputs[i].dir);
    }
    free(env->outputs);
    env->outputs = NULL;
    env->noutputs = 0;
}

/* The name output O's previous file is kept under while the outputs are renamed into place: a
 * temporary file's (".NAME.prev.tmp-PID"), which a later run removes if this one dies. */
static void output_prev_path(quarry_buf *out, const output_file *o)
{
    const char *slash = strrchr(o->final_path, '/');
    quarry_buf name = {0};
    buf_printf(&name, "%s.prev", slash ? slash + 1 : o->final_path);
    output_temp_path(out, o->dir, buf_cstr(&name));
    quarry_buf_free(&name);
}

/* After the rename of output FAILED_AT failed: gives the outputs renamed before it their
 * previous files back (PREV[i], a link to it; or removes the output where EXISTED[i] says there
 * was none), so that the folder holds the last run's outputs alone. Says in ERR which outputs
 * could not be given back: those whose previous file could not be linked, or whose rename back
 * failed too; the link of such a file stays, named, for the user to put back by hand (the next
 * run's sweep removes it). Every PREV[i] is NULL after it: none is to be removed. */
static void output_take_back(run_env *env, size_t failed_at, char **prev, const int *existed, quarry_buf *err)
{
    quarry_buf lost = {0}, kept = {0};
    size_t nlost = 0, nkept = 0;
    for (size_t i = 0; i < failed_at; i++) {
        const char *final = env->outputs[i].final_path;
        int back = prev[i] ? rename(prev[i], final) == 0 : !existed[i] && unlink(final) == 0;
        if (!back) {
            buf_printf(&lost, "%s%s", nlost++ ? ", " : "", final);
            if (prev[i])
                buf_printf(&kept, "%s%s", nkept++ ? ", " : "", prev[i]);
        }
        free(prev[i]);
        prev[i] = NULL;
    }
    if (nlost)
        buf_printf(err, "; the outputs renamed before it could not all be given back their previous files: %s %s "
                   "this run's", buf_cstr(&lost), nlost == 1 ? "is" : "are");
    else if (failed_at)
        buf_puts(err, "; the outputs renamed before it have their previous files back");
    if (nkept)
        buf_printf(err, " (the previous %s kept as %s until the next run)", nkept == 1 ? "file is" : "files are",
                   buf_cstr(&kept));
    quarry_buf_free(&lost);
    quarry_buf_free(&kept);
}

int output_commit_all(run_env *env, quarry_buf *err)
{
    /* First make every file durable; rename only when all of them are, so that the outputs of
     * one run replace the previous ones together or not at all. */
    int failed = 0;
    for (size_t i = 0; i < env->noutputs; i++) {
        output_file *o = &env->outputs[i];
        int bad = output_close_synced(o->file);
        o->file = NULL;
        if (bad && !failed) {
            buf_printf(err, "cannot write %s: %s", o->final_path, strerror(bad));
            failed = 1;
        }
    }
    /* A rename can fail part way (an output's name taken by a folder since the run began, a
     * disk failing): each previous file is linked under a temporary name first, so that those
     * renamed before the failure can be given theirs back. A file system without hard links
     * leaves that file without one, and a failure after it says so. */
    size_t n = env->noutputs;
    char **prev = mem_calloc(n ? n : 1, sizeof *prev);
    int *existed = mem_calloc(n ? n : 1, sizeof *existed);
    for (size_t i = 0; i < n && !failed; i++) {
        quarry_buf path = {0};
        output_prev_path(&path, &env->outputs[i]);
        unlink(buf_cstr(&path)); /* one a run that died here left */
        int linked = link(env->outputs[i].final_path, buf_cstr(&path)) == 0;
        existed[i] = linked || errno != ENOENT;
        if (linked)
            prev[i] = buf_steal(&path);
        else
            quarry_buf_free(&path);
    }
    size_t renamed = 0;
    while (renamed < n && !failed) {
        output_file *o = &env->outputs[renamed];
        if (rename(o->temp_path, o->final_path) != 0) {
            buf_printf(err, "cannot rename %s to %s: %s", o->temp_path, o->final_path, strerror(errno));
            failed = 1;
            output_take_back(env, renamed, prev, existed, err);
        } else {
            renamed++;
        }
    }
    if (failed) {
        for (size_t i = 0; i < n; i++)
            unlink(env->outputs[i].temp_path);
    }
    /* Synced even after a failure: the outputs given back are to last as well. */
    for (size_t i = 0; i < n; i++) {
        const char *dir = env->outputs[i].dir;
        size_t seen = 0;
        while (seen < i && strcmp(env->outputs[seen].dir, dir) != 0)
            seen++;
        if (seen == i && output_sync_dir(dir) != 0 && !failed) { /* each folder once */
            buf_printf(err, "cannot sync folder %s: %s (the outputs are this run's, but a crash may yet undo their "
                       "renames)", dir, strerror(errno));
            failed = 1;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (prev[i])
            unlink(prev[i]);
        free(prev[i]);
    }
    free(prev);
    free(existed);
    output_forget(env);
    return failed ? -1 : 0;
}

/* The PID of the process holding a flock on the file open as FD, from /proc/locks (Linux), or 0
 * when it cannot be told. The lock itself is the kernel's: this only names the holder. */
static long output_lock_holder(int fd)
{
    struct stat sb;
    FILE *locks = fstat(fd, &sb) == 0 ? fopen("/proc/locks", "re") : NULL;
    if (!locks)
        return 0;
    char line[256];
    long holder = 0;
    while (!holder && fgets(line, sizeof line, locks)) {
        long pid;
        unsigned major, minor;
        unsigned long inode;
        /* "1: FLOCK  ADVISORY  WRITE 4242 fe:00:11681800 0 EOF"; waiters' lines have "->". */
        if (sscanf(line, "%*d: FLOCK ADVISORY WRITE %ld %x:%x:%lu", &pid, &major, &minor, &inode) == 4 &&
            inode == (unsigned long)sb.st_ino && major == major(sb.st_dev) && minor == minor(sb.st_dev))
            holder = pid;
    }
    fclose(locks);
    return holder;
}

static int output_lock(const char *dir, const char *what, int *fd, quarry_buf *err);

int output_lock_folder(const char *dir, int *fd, quarry_buf *err)
{
    return output_lock(dir, "output folder", fd, err);
}

int output_lock_keep_folder(const char *dir, int out_fd, int *fd, quarry_buf *err)
{
    struct stat keep, out;
    *fd = -1;
    /* flock conflicts between two descriptors of one folder even in one process. */
    if (out_fd >= 0 && stat(dir, &keep) == 0 && fstat(out_fd, &out) == 0 && keep.st_dev == out.st_dev &&
        keep.st_ino == out.st_ino)
        return 0;
    return output_lock(dir, "folder of kept streams", fd, err);
}

static int output_lock(const char *dir, const char *what, int *fd, quarry_buf *err)
{
    *fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (*fd < 0) { /* output_make_folders made it: no permission to read it, as a rule */
        buf_printf(err, "cannot open the %s %s: %s (a run locks it, and syncs it after renaming its files into it)",
                   what, dir, strerror(errno));
        return -2;
    }
    if (flock(*fd, LOCK_EX | LOCK_NB) == 0)
        return 0;
    int e = errno;
    long holder = e == EWOULDBLOCK ? output_lock_holder(*fd) : 0;
    close(*fd);
    *fd = -1;
    if (e != EWOULDBLOCK) { /* a file system without locks (some network ones): run, but say so */
        log_msg(LOG_WARN, NULL, "cannot lock the %s %s (%s): nothing keeps another run from writing there at once",
                what, dir, strerror(e));
        return 0;
    }
    buf_printf(err, "the %s %s is being written by another run", what, dir);
    if (holder)
        buf_printf(err, " (pid %ld)", holder);
    buf_printf(err, "; try again when it ends");
    return -1;
}

void output_discard_all(run_env *env)
{
    for (size_t i = 0; i < env->noutputs; i++) {
        if (env->outputs[i].file)
            fclose(env->outputs[i].file);
        if (env->outputs[i].temp_path) /* NULL: a dry run's, which made none */
            unlink(env->outputs[i].temp_path);
    }
    output_forget(env);
}

/* Why folder PATH cannot be made, in ERR, from errno as mkdir or stat left it. ENOTDIR means a
 * parent is a file: it is named, where "Not a directory" leaves the reader to find which. */
static void output_folder_fault(const char *path, int errnum, quarry_buf *err)
{
    if (errnum == ENOTDIR) {
        char *p = mem_strdup(path);
        struct stat sb;
        for (char *s = p + 1; *s; s++) {
            if (*s != '/')
                continue;
            *s = '\0';
            if (stat(p, &sb) == 0 && !S_ISDIR(sb.st_mode)) {
                buf_printf(err, "cannot create folder %s: %s is a file, not a folder", path, p);
                free(p);
                return;
            }
            *s = '/';
        }
        free(p);
    }
    buf_printf(err, "cannot create folder %s: %s", path,
               errnum == EEXIST ? "a file of that name is in the way" : strerror(errnum));
}

int output_check_folder(const char *path, quarry_buf *err)
{
    size_t len = strlen(path);
    char *p = mem_alloc(len + 2); /* room for "." */
    memcpy(p, path, len + 1);
    struct stat sb;
    /* The nearest of PATH and its parents that is there: the one mkdir would make a folder in. */
    while (stat(p, &sb) != 0) {
        if (errno != ENOENT) {
            output_folder_fault(path, errno, err);
            free(p);
            return -1;
        }
        char *slash = strrchr(p, '/');
        if (!slash)
            strcpy(p, ".");
        else if (slash == p)
            p[1] = '\0';
        else
            *slash = '\0';
    }
    int there = !strcmp(p, path), rc = 0;
    /* Only PATH itself can be there and no folder: beneath a file, stat fails (ENOTDIR). */
    if (!S_ISDIR(sb.st_mode)) {
        buf_printf(err, "cannot create folder %s: a file of that name is in the way", path);
        rc = -1;
    } else if (access(p, W_OK | X_OK) != 0) {
        if (there)
            buf_printf(err, "cannot write into folder %s: %s", path, strerror(errno));
        else
            buf_printf(err, "cannot create folder %s: %s", path, strerror(errno));
        rc = -1;
    }
    free(p);
    return rc;
}

int output_make_folders(const char *path, quarry_buf *err)
{
    char *p = mem_strdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        mkdir(p, 0777);
        *s = '/';
    }
    int rc = mkdir(p, 0777);
    struct stat sb;
    if (rc != 0 && (errno != EEXIST || stat(p, &sb) != 0 || !S_ISDIR(sb.st_mode))) {
        output_folder_fault(path, errno, err);
        free(p);
        return -1;
    }
    free(p);
    return 0;
}
