/* faults.c: a library faults.sh preloads into quarry to make chosen system calls fail, so that
 * the tests reach what a failing disk does to a run (its outputs, caches, state folder, temporary
 * files and input), which a healthy file system never shows.
 *
 * FAULTS="CALL:TEXT:ERRNO[:FROM] ..." (space-separated): each call to CALL (open, read, pread,
 * scandir, rename, link, unlink, fsync, pwrite, ftruncate or flock) whose path holds TEXT (is
 * TEXT, if it begins with '='), from the FROMth such call on (the first, by default), fails with
 * ERRNO (EIO, EPERM, ENOSPC, EXDEV, ENOLCK, EOPNOTSUPP or EACCES), and is logged to FAULTS_LOG
 * if it is set. Only quarry's own calls fail, not those libc makes inside its functions (fopen's
 * open, mkstemp's, fread's read). A rename's path is either of its two; a call on a descriptor
 * has the path /proc/self/fd names. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/file.h>
#include <sys/types.h>
#include <unistd.h>

/* Whether PATH is named by TEXT: holds it, or is what follows its '='. */
static int faults_match(const char *path, const char *text)
{
    return path && (*text == '=' ? !strcmp(path, text + 1) : strstr(path, text) != NULL);
}

/* How many calls each rule of FAULTS has matched: its first FROM - 1 pass. */
static atomic_uint faults_seen[32];

/* The errno of the fault for CALL on PATH (or on SECOND, if given), or 0 for none. */
static int faults_errno(const char *call, const char *path, const char *second)
{
    const char *spec = getenv("FAULTS");
    if (!spec)
        return 0;
    static const struct {
        const char *name;
        int value;
    } errnos[] = {{"EIO", EIO}, {"EPERM", EPERM}, {"ENOSPC", ENOSPC}, {"EXDEV", EXDEV}, {"ENOLCK", ENOLCK},
                  {"EOPNOTSUPP", EOPNOTSUPP}, {"EACCES", EACCES}};
    char rule[512];
    size_t index = 0;
    for (const char *at = spec; *at && index < sizeof faults_seen / sizeof *faults_seen; index++) {
        size_t len = strcspn(at, " ");
        char which[32], text[448], name[16];
        unsigned from = 1;
        if (len < sizeof rule) {
            memcpy(rule, at, len);
            rule[len] = '\0';
        } else {
            rule[0] = '\0';
        }
        at += len;
        at += *at == ' ';
        if (sscanf(rule, "%31[^:]:%447[^:]:%15[^:]:%u", which, text, name, &from) < 3 || strcmp(which, call) ||
            !(faults_match(path, text) || faults_match(second, text)) ||
            atomic_fetch_add(&faults_seen[index], 1) + 1 < from)
            continue;
        for (size_t k = 0; k < sizeof errnos / sizeof *errnos; k++)
            if (!strcmp(name, errnos[k].name)) {
                const char *log = getenv("FAULTS_LOG");
                FILE *f = log ? fopen(log, "a") : NULL;
                if (f) {
                    fprintf(f, "%s %s %s\n", call, path, name);
                    fclose(f);
                }
                return errnos[k].value;
            }
    }
    return 0;
}

/* The errno of the fault for CALL on descriptor FD's file. */
static int faults_fd_errno(const char *call, int fd)
{
    const char *spec = getenv("FAULTS");
    if (!spec || !strstr(spec, call)) /* no rule for CALL: spare the readlink */
        return 0;
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n < 0)
        return 0;
    path[n] = '\0';
    return faults_errno(call, path, NULL);
}

/* Whether E is a fault's errno: then errno is set to it, for the caller to fail with. */
static int faults_fail(int e)
{
    if (e)
        errno = e;
    return e != 0;
}

/* The next definition of NAME: libc's, or a sanitizer's interceptor of it. */
static void *faults_next(const char *name)
{
    void *f = dlsym(RTLD_NEXT, name);
    if (!f)
        abort();
    return f;
}

int open(const char *path, int flags, ...)
{
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, mode_t);
        va_end(ap);
    }
    if (faults_fail(faults_errno("open", path, NULL)))
        return -1;
    return ((int (*)(const char *, int, ...))faults_next("open"))(path, flags, mode);
}

int rename(const char *from, const char *to)
{
    if (faults_fail(faults_errno("rename", from, to)))
        return -1;
    return ((int (*)(const char *, const char *))faults_next("rename"))(from, to);
}

int link(const char *from, const char *to)
{
    if (faults_fail(faults_errno("link", from, to)))
        return -1;
    return ((int (*)(const char *, const char *))faults_next("link"))(from, to);
}

int unlink(const char *path)
{
    if (faults_fail(faults_errno("unlink", path, NULL)))
        return -1;
    return ((int (*)(const char *))faults_next("unlink"))(path);
}

int fsync(int fd)
{
    if (faults_fail(faults_fd_errno("fsync", fd)))
        return -1;
    return ((int (*)(int))faults_next("fsync"))(fd);
}

ssize_t pread(int fd, void *buf, size_t len, off_t at)
{
    if (faults_fail(faults_fd_errno("pread", fd)))
        return -1;
    return ((ssize_t(*)(int, void *, size_t, off_t))faults_next("pread"))(fd, buf, len, at);
}

ssize_t pwrite(int fd, const void *data, size_t len, off_t at)
{
    if (faults_fail(faults_fd_errno("pwrite", fd)))
        return -1;
    return ((ssize_t(*)(int, const void *, size_t, off_t))faults_next("pwrite"))(fd, data, len, at);
}

int ftruncate(int fd, off_t len)
{
    if (faults_fail(faults_fd_errno("ftruncate", fd)))
        return -1;
    return ((int (*)(int, off_t))faults_next("ftruncate"))(fd, len);
}

int flock(int fd, int operation)
{
    if (faults_fail(faults_fd_errno("flock", fd)))
        return -1;
    return ((int (*)(int, int))faults_next("flock"))(fd, operation);
}

ssize_t read(int fd, void *buf, size_t len)
{
    if (faults_fail(faults_fd_errno("read", fd)))
        return -1;
    return ((ssize_t(*)(int, void *, size_t))faults_next("read"))(fd, buf, len);
}

int scandir(const char *dir, struct dirent ***list, int (*keep)(const struct dirent *),
            int (*order)(const struct dirent **, const struct dirent **))
{
    if (faults_fail(faults_errno("scandir", dir, NULL)))
        return -1;
    typedef int (*scandir_fn)(const char *, struct dirent ***, int (*)(const struct dirent *),
                              int (*)(const struct dirent **, const struct dirent **));
    return ((scandir_fn)faults_next("scandir"))(dir, list, keep, order);
}
