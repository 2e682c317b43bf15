/* interrupt.c: a run stopped by SIGINT, SIGTERM or SIGHUP removes its temporary files, leaves
 * the previous outputs whole, and then dies of the signal (exit status 128 + its number). */
#include "interrupt.h"
#include "log.h"
#include "mem.h"
#include "state.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>

enum { INTERRUPT_MAX_DIRS = 8 };

/* Taken to add a folder, to create a temporary file in one (interrupt_fopen), and by the watcher
 * to remove them, which keeps it until the process dies: a stage thread that opens its cache
 * a moment after the sweep would otherwise leave that file behind. */
static pthread_mutex_t interrupt_lock = PTHREAD_MUTEX_INITIALIZER;
static char *interrupt_dirs[INTERRUPT_MAX_DIRS]; /* under interrupt_lock */
static size_t interrupt_ndirs;
/* Held across the renames that replace the outputs, so that a signal lands before them or after
 * them, never between two. */
static pthread_mutex_t interrupt_commit = PTHREAD_MUTEX_INITIALIZER;
static atomic_int interrupt_committed;
static sigset_t interrupt_set;

static const char *interrupt_name(int sig)
{
    return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "SIGHUP";
}

/* The watcher: the only thread that takes these signals (all others block them), so that the
 * clean-up runs in an ordinary thread, free to take locks and read folders. */
static void *interrupt_watch_main(void *arg)
{
    (void)arg;
    int sig;
    if (sigwait(&interrupt_set, &sig) != 0)
        return NULL;
    pthread_mutex_lock(&interrupt_commit); /* kept: nothing is replaced after this point */
    size_t removed = 0;
    pthread_mutex_lock(&interrupt_lock); /* kept too: no temporary file is made after the sweep */
    for (size_t i = 0; i < interrupt_ndirs; i++)
        removed += state_sweep_own_temps(interrupt_dirs[i]);
    if (atomic_load(&interrupt_committed))
        log_msg(LOG_ERROR, NULL, "stopped by %s after the outputs were replaced", interrupt_name(sig));
    else
        log_msg(LOG_ERROR, NULL,
                "stopped by %s: the last run's outputs are left as they were (%zu temporary "
                "file%s removed)", interrupt_name(sig), removed, removed == 1 ? "" : "s");
    /* Die of the signal itself, as the shell and cron expect of a process that was stopped. */
    signal(sig, SIG_DFL);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, sig);
    pthread_sigmask(SIG_UNBLOCK, &one, NULL);
    raise(sig);
    return NULL;
}

int interrupt_watch(void)
{
    /* Not SIGPIPE: it goes to the thread that wrote, which the watcher cannot take it from, and
     * blocked it would turn 'quarry run ... path=- | head' into a write error instead of the
     * quiet end every filter has. */
    static const int signals[] = {SIGINT, SIGTERM, SIGHUP};
    sigemptyset(&interrupt_set);
    int watched = 0;
    for (size_t i = 0; i < sizeof signals / sizeof *signals; i++) {
        struct sigaction old;
        /* An ignored signal stays ignored: nohup, or a background job of a shell. */
        if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN) {
            sigaddset(&interrupt_set, signals[i]);
            watched++;
        }
    }
    if (!watched)
        return 0; /* all three ignored: nothing to wait for */
    /* Blocked here, before any other thread starts, so that every thread inherits the mask. */
    if (pthread_sigmask(SIG_BLOCK, &interrupt_set, NULL) != 0)
        return -1;
    pthread_t watcher;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int rc = pthread_create(&watcher, &attr, interrupt_watch_main, NULL);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        pthread_sigmask(SIG_UNBLOCK, &interrupt_set, NULL);
        return -1;
    }
    return 0;
}

void interrupt_add_dir(const char *dir)
{
    pthread_mutex_lock(&interrupt_lock);
    size_t i = 0;
    while (i < interrupt_ndirs && strcmp(interrupt_dirs[i], dir) != 0)
        i++;
    if (i == interrupt_ndirs && i < INTERRUPT_MAX_DIRS)
        interrupt_dirs[interrupt_ndirs++] = mem_strdup(dir);
    pthread_mutex_unlock(&interrupt_lock);
}

FILE *interrupt_fopen(const char *path, const char *mode)
{
    pthread_mutex_lock(&interrupt_lock);
    FILE *f = fopen(path, mode);
    pthread_mutex_unlock(&interrupt_lock);
    return f;
}

void interrupt_commit_begin(void)
{
    pthread_mutex_lock(&interrupt_commit);
}

void interrupt_commit_end(void)
{
    atomic_store(&interrupt_committed, 1);
    pthread_mutex_unlock(&interrupt_commit);
}
