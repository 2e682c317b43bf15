/* progress.c: a progress line on the terminal, redrawn by a thread of its own. */
#include "progress.h"
#include "buf.h"
#include "log.h"
#include "mem.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

struct progress {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int stop;
    int interval_ms;
    progress_describe describe;
    void *arg;
};

/* The terminal's width, so that the line never wraps (a wrapped line cannot be redrawn). */
static size_t progress_width(void)
{
    struct winsize ws;
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 10)
        return ws.ws_col - 1;
    return 79;
}

static void *progress_main(void *arg)
{
    progress *p = arg;
    quarry_buf line = {0};
    pthread_mutex_lock(&p->lock);
    while (!p->stop) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += (long)p->interval_ms * 1000000L;
        until.tv_sec += until.tv_nsec / 1000000000L;
        until.tv_nsec %= 1000000000L;
        int rc = 0;
        while (!p->stop && rc != ETIMEDOUT)
            rc = pthread_cond_timedwait(&p->wake, &p->lock, &until);
        if (p->stop)
            break;
        pthread_mutex_unlock(&p->lock);
        line.len = 0;
        p->describe(p->arg, &line);
        size_t width = progress_width();
        if (line.len > width)
            line.len = width;
        log_progress(buf_cstr(&line));
        pthread_mutex_lock(&p->lock);
    }
    pthread_mutex_unlock(&p->lock);
    quarry_buf_free(&line);
    return NULL;
}

progress *progress_start(int interval_ms, progress_describe describe, void *arg)
{
    if (!log_progress_wanted())
        return NULL;
    progress *p = mem_calloc(1, sizeof *p);
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->wake, NULL);
    p->interval_ms = interval_ms;
    p->describe = describe;
    p->arg = arg;
    if (pthread_create(&p->thread, NULL, progress_main, p) != 0) {
        pthread_mutex_destroy(&p->lock);
        pthread_cond_destroy(&p->wake);
        free(p);
        return NULL; /* no progress line is no reason to fail a run */
    }
    return p;
}

void progress_stop(progress *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->lock);
    p->stop = 1;
    pthread_cond_signal(&p->wake);
    pthread_mutex_unlock(&p->lock);
    pthread_join(p->thread, NULL);
    log_progress_end();
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->wake);
    free(p);
}
