/* state.c: the state folder of nightly runs and its lock (flock, so that the kernel releases it
 * when a run dies, however it dies). */
#include "state.h"
#include "buf.h"
#include "log.h"
#include "mem.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

struct state_lock {
    int fd;
};

/* The lock file's text (who holds it or held it last) on one line: "pid 42, started ...". */
static void state_read_holder(int fd, char *text, size_t cap)
{
    char raw[256];
    ssize_t got = pread(fd, raw, sizeof raw - 1, 0);
    size_t n = got > 0 ? (size_t)got : 0, out = 0;
    for (size_t i = 0; i < n && out + 3 < cap; i++) {
        if (raw[i] == '\n') {
            if (i + 1 < n) {
                text[out++] = ',';
                text[out++] = ' ';
            }
        } else if ((unsigned char)raw[i] >= 0x20) {
            text[out++] = raw[i];
        }
    }
    text[out] = '\0';
}

state_lock *state_lock_take(const char *dir, quarry_buf *err, int *status)
{
    if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
        buf_printf(err, "cannot create the state folder %s: %s", dir, strerror(errno));
        *status = EX_CANTCREAT;
        return NULL;
    }
    quarry_buf path = {0};
    buf_printf(&path, "%s/lock", dir);
    int fd = open(buf_cstr(&path), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        buf_printf(err, "cannot open %s: %s", buf_cstr(&path), strerror(errno));
        quarry_buf_free(&path);
        *status = EX_CANTCREAT;
        return NULL;
    }
    char holder[256];
    if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
        int e = errno;
        state_read_holder(fd, holder, sizeof holder);
        if (e == EWOULDBLOCK)
            buf_printf(err, "the state folder %s is in use by another run (%s); try again when it ends",
                       dir, *holder ? holder : "its pid not written yet");
        else /* a file system without locks: no run could tell whether another is using the folder */
            buf_printf(err, "cannot lock %s: %s (a state folder needs a file system with locks: a local disk)",
                       buf_cstr(&path), strerror(e));
        *status = e == EWOULDBLOCK ? EX_TEMPFAIL : EX_CANTCREAT;
        close(fd);
        quarry_buf_free(&path);
        return NULL;
    }
    /* Ours now. Text left in the file means the run that wrote it ended without releasing the
     * lock: it died (the kernel dropped its flock), and its work is to be redone. */
    state_read_holder(fd, holder, sizeof holder);
    if (*holder)
        log_msg(LOG_WARN, NULL, "taking over the state folder %s from a run that did not finish (%s)", dir,
                holder);
    char started[32];
    time_t now = time(NULL);
    struct tm tm;
    strftime(started, sizeof started, "%Y-%m-%dT%H:%M:%S%z", localtime_r(&now, &tm));
    char text[128];
    int n = snprintf(text, sizeof text, "pid %ld\nstarted %s\n", (long)getpid(), started);
    if (ftruncate(fd, 0) < 0 || pwrite(fd, text, (size_t)n, 0) != n || fsync(fd) < 0) {
        buf_printf(err, "cannot write %s: %s", buf_cstr(&path), strerror(errno));
        close(fd);
        quarry_buf_free(&path);
        *status = EX_CANTCREAT;
        return NULL;
    }
    quarry_buf_free(&path);
    state_lock *l = mem_calloc(1, sizeof *l);
    l->fd = fd;
    return l;
}

void state_lock_release(state_lock *l)
{
    if (!l)
        return;
    /* An empty lock file says the last run finished; then the kernel's lock goes with close. */
    if (ftruncate(l->fd, 0) == 0)
        fsync(l->fd);
    close(l->fd);
    free(l);
}

int state_lock_held(const char *dir, char *holder, size_t cap)
{
    quarry_buf path = {0};
    buf_printf(&path, "%s/lock", dir);
    int fd = open(buf_cstr(&path), O_RDONLY | O_CLOEXEC);
    quarry_buf_free(&path);
    *holder = '\0';
    if (fd < 0)
        return 0;
    int held = flock(fd, LOCK_SH | LOCK_NB) < 0 && errno == EWOULDBLOCK;
    if (held)
        state_read_holder(fd, holder, cap);
    close(fd); /* drops the shared lock if we got it */
    return held;
}

/* Removes DIR's temporary files whose run is dead (OWN false) or is this process (OWN true). */
static size_t state_sweep(const char *dir, int own)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t removed = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *tmp = e->d_name[0] == '.' ? strstr(e->d_name, ".tmp-") : NULL;
        if (!tmp)
            continue;
        char *end;
        long pid = strtol(tmp + 5, &end, 10);
        if (*end || pid <= 0)
            continue;
        if (own ? pid != (long)getpid()
                : pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue; /* not ours to judge, or its run is alive */
        quarry_buf path = {0};
        buf_printf(&path, "%s/%s", dir, e->d_name);
        if (unlink(buf_cstr(&path)) == 0)
            removed++;
        quarry_buf_free(&path);
    }
    closedir(d);
    return removed;
}

size_t state_sweep_temps(const char *dir)
{
    return state_sweep(dir, 0);
}

size_t state_sweep_own_temps(const char *dir)
{
    return state_sweep(dir, 1);
}
