/* crash.c: when a stage crashes, one line naming the stage and the document it was working on,
 * then the death the signal would have brought (exit 128 + N, a core dump if enabled). */
#include "crash.h"
#include "log.h"
#include "record.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* What this thread runs, read by the handler: set around a stage's code only, so that a crash
 * in the core's own code is not blamed on a stage. */
static _Thread_local const char *crash_stage;
static _Thread_local const quarry_record *crash_record;
static _Thread_local void *crash_thread_stack;

static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};

/* A sanitizer's runtime catches these signals itself, and its report says more than ours. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CRASH_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define CRASH_SANITIZED 1
#endif
#endif

/* 64 KiB: room for the handler on any kernel (MINSIGSTKSZ is a few KiB, SIGSTKSZ 8 or more). */
enum { CRASH_STACK_SIZE = 1 << 16 };

/* The signal's name, for the message: strsignal is not async-signal-safe. */
static const char *crash_signal_name(int sig)
{
    switch (sig) {
    case SIGSEGV:
        return "SIGSEGV, a bad memory access";
    case SIGBUS:
        return "SIGBUS, a bad memory access";
    case SIGFPE:
        return "SIGFPE, an arithmetic fault";
    case SIGILL:
        return "SIGILL, an illegal instruction";
    default:
        return "SIGABRT, aborted";
    }
}

/* The message, built without anything a signal handler may not call (no stdio, no malloc). */
typedef struct crash_line {
    char text[768];
    size_t at;
    int json; /* inside a JSON string: '"' and '\' escaped */
} crash_line;

/* Appends LEN bytes of S: control characters as '?' (a document's id may hold anything, and
 * the line must stay one line), and in JSON '"' and '\' escaped. Cut short rather than overrun. */
static void crash_put(crash_line *l, const char *s, size_t len)
{
    size_t cap = sizeof l->text - 3; /* room for the closing '"}' and the newline */
    for (size_t i = 0; i < len && l->at + 2 <= cap; i++) {
        char c = (unsigned char)s[i] < 0x20 ? '?' : s[i];
        if (l->json && (c == '"' || c == '\\'))
            l->text[l->at++] = '\\';
        l->text[l->at++] = c;
    }
}

static void crash_puts(crash_line *l, const char *s)
{
    crash_put(l, s, strlen(s));
}

/* Appends the N-digit decimal V, zero-padded. */
static void crash_put_number(crash_line *l, long v, int n)
{
    char digits[12];
    for (int i = n - 1; i >= 0; i--, v /= 10)
        digits[i] = (char)('0' + v % 10);
    crash_put(l, digits, (size_t)n);
}

/* Appends the time now in UTC, as the log's lines write theirs: gmtime_r and strftime are not
 * async-signal-safe, so days become a date here (Hinnant's civil_from_days). */
static void crash_put_time(crash_line *l)
{
    long t = (long)time(NULL), days = t / 86400, secs = t % 86400;
    long z = days + 719468, era = z / 146097, doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    long day = doy - (153 * mp + 2) / 5 + 1, month = mp < 10 ? mp + 3 : mp - 9;
    long year = yoe + era * 400 + (month <= 2);
    crash_put_number(l, year, 4);
    crash_puts(l, "-");
    crash_put_number(l, month, 2);
    crash_puts(l, "-");
    crash_put_number(l, day, 2);
    crash_puts(l, "T");
    crash_put_number(l, secs / 3600, 2);
    crash_puts(l, ":");
    crash_put_number(l, secs / 60 % 60, 2);
    crash_puts(l, ":");
    crash_put_number(l, secs % 60, 2);
    crash_puts(l, "+0000");
}

/* What happened: "stage 'X' crashed (SIGSEGV, ...) on document 'ID': ...", the stage left out
 * unless NAME_STAGE (JSON has a field for it). OUT_OF_MEMORY: an abort after an allocation
 * failed (errno ENOMEM), which stages and the core do when memory runs out: no bug. */
static void crash_put_what(crash_line *l, int sig, int name_stage, int out_of_memory)
{
    const char *what = out_of_memory ? "ran out of memory (SIGABRT after an allocation failed)" : NULL;
    if (!crash_stage) {
        crash_puts(l, "quarry ");
        if (what) {
            crash_puts(l, what);
            crash_puts(l, ": give the run more memory, or lower read's max-bytes");
        } else {
            crash_puts(l, "crashed (");
            crash_puts(l, crash_signal_name(sig));
            crash_puts(l, "), outside any stage's code: a bug in quarry itself (or in a thread a "
                          "stage started)");
        }
        crash_puts(l, "; the last run's outputs are left as they were");
        return;
    }
    if (name_stage) {
        crash_puts(l, "stage '");
        crash_put(l, crash_stage, strnlen(crash_stage, 64));
        crash_puts(l, "' ");
    }
    if (what) {
        crash_puts(l, what);
    } else {
        crash_puts(l, "crashed (");
        crash_puts(l, crash_signal_name(sig));
        crash_puts(l, ")");
    }
    uint32_t len = 0;
    const char *id = crash_record ? record_peek_string(crash_record, "id", &len) : NULL;
    if (id) {
        crash_puts(l, " on document '");
        crash_put(l, id, len < 200 ? len : 200);
        crash_puts(l, "'");
    } else if (crash_record) {
        crash_puts(l, " on a record without an id");
    }
    crash_puts(l, what ? ": give the run more memory, or lower read's max-bytes or the stage's limits"
                       : ": a bug in the stage");
    crash_puts(l, "; nothing of this run was written");
}

static void crash_handler(int sig)
{
    int out_of_memory = sig == SIGABRT && errno == ENOMEM; /* before anything here can change it */
    crash_line l = {.at = 0, .json = 0};
    if (log_json_wanted()) {
        crash_puts(&l, "{\"time\":\"");
        crash_put_time(&l);
        crash_puts(&l, "\",\"level\":\"fatal\"");
        if (crash_stage) {
            crash_puts(&l, ",\"stage\":\"");
            l.json = 1;
            crash_put(&l, crash_stage, strnlen(crash_stage, 64));
            l.json = 0;
            crash_puts(&l, "\"");
        }
        crash_puts(&l, ",\"message\":\"");
        l.json = 1; /* the values' quotes and backslashes escaped, not the line's own */
        crash_put_what(&l, sig, 0, out_of_memory);
        l.text[l.at++] = '"';
        l.text[l.at++] = '}';
    } else {
        if (!isatty(STDERR_FILENO)) { /* as log.c: a log file wants to know when */
            crash_put_time(&l);
            crash_puts(&l, " ");
        }
        crash_puts(&l, "quarry: fatal: ");
        crash_put_what(&l, sig, 1, out_of_memory);
    }
    l.text[l.at++] = '\n';
    ssize_t ignored = write(STDERR_FILENO, l.text, l.at);
    (void)ignored;
    /* SA_RESETHAND made the action the default again: raised here, the signal waits till the
     * handler returns, then ends the process as it would have without this handler (a fault
     * sent by kill or raise would not come back by itself). */
    raise(sig);
}

void crash_install(void)
{
#ifdef CRASH_SANITIZED
    /* The sanitizers' own reports say more; the handler is still compiled, and checked. */
    (void)crash_handler;
    (void)crash_signals;
#else
    crash_thread_begin();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = crash_handler;
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof crash_signals / sizeof *crash_signals; i++)
        sigaction(crash_signals[i], &sa, NULL);
#endif
}

void crash_thread_begin(void)
{
    if (crash_thread_stack || !(crash_thread_stack = malloc(CRASH_STACK_SIZE)))
        return;
    stack_t ss = {.ss_sp = crash_thread_stack, .ss_size = CRASH_STACK_SIZE, .ss_flags = 0};
    if (sigaltstack(&ss, NULL) != 0) {
        free(crash_thread_stack);
        crash_thread_stack = NULL;
    }
}

void crash_thread_end(void)
{
    if (!crash_thread_stack)
        return;
    stack_t ss = {.ss_flags = SS_DISABLE};
    sigaltstack(&ss, NULL);
    free(crash_thread_stack);
    crash_thread_stack = NULL;
}

void crash_enter(const char *stage, const quarry_record *rec)
{
    crash_stage = stage;
    crash_record = rec;
}

void crash_leave(void)
{
    crash_stage = NULL;
    crash_record = NULL;
}
