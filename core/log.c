/* log.c: the run's messages on stderr: plain on a terminal, timestamped for cron and logs. */
#include "log.h"
#include "buf.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int log_quiet;
static int log_verbose;
static int log_json;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static int log_progress_shown; /* a progress line stands on the terminal (under log_lock) */

void log_configure(int quiet, int verbose, int json)
{
    log_quiet = quiet;
    log_verbose = verbose;
    log_json = json;
}

/* {"time":"...","level":"...","stage":"...","message":"..."}, then ,"KEY":VALUE if KEY is given
 * (VALUE: JSON text). */
static void log_json_line(quarry_buf *line, const char *level, const char *who, const char *key, const char *value,
                          const char *fmt, va_list ap)
{
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S%z", &tm);
    quarry_buf text = {0};
    buf_vprintf(&text, fmt, ap);
    buf_puts(line, "{\"time\":\"");
    buf_puts(line, stamp);
    buf_puts(line, "\",\"level\":\"");
    buf_puts(line, level);
    buf_puts(line, "\"");
    if (who) {
        buf_puts(line, ",\"stage\":");
        quarry_json_string(line, who, strlen(who));
    }
    buf_puts(line, ",\"message\":");
    quarry_json_string(line, text.data ? text.data : "", text.len);
    if (key)
        buf_printf(line, ",\"%s\":%s", key, value);
    buf_puts(line, "}\n");
    quarry_buf_free(&text);
}

/* Writes LINE to standard error, whole, between other threads' lines. */
static void log_write(const quarry_buf *line)
{
    pthread_mutex_lock(&log_lock);
    fwrite(line->data, 1, line->len, stderr);
    pthread_mutex_unlock(&log_lock);
}

void log_json_data(const char *who, const char *key, const char *value, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    quarry_buf line = {0};
    log_json_line(&line, "info", who, key, value, fmt, ap);
    va_end(ap);
    log_write(&line);
    quarry_buf_free(&line);
}


/* Writes the control characters of LINE from byte FROM on as escapes ("\\n", "\\x01"): a
 * message quotes data (a document's id), and a line break in it would split one log line in two
 * for whatever reads the log line by line. */
static void log_escape_controls(quarry_buf *line, size_t from)
{
    size_t n = 0;
    for (size_t i = from; i < line->len; i++)
        n += (unsigned char)line->data[i] < 0x20 || line->data[i] == 0x7F;
    if (!n)
        return;
    quarry_buf out = {0};
    quarry_buf_append(&out, line->data, from);
    for (size_t i = from; i < line->len; i++) {
        unsigned char c = (unsigned char)line->data[i];
        if (c == '\n')
            buf_puts(&out, "\\n");
        else if (c == '\t')
            buf_puts(&out, "\\t");
        else if (c < 0x20 || c == 0x7F)
            buf_printf(&out, "\\x%02x", c);
        else
            buf_putc(&out, (char)c);
    }
    quarry_buf_free(line);
    *line = out;
}

void log_vmsg(log_level level, const char *who, const char *fmt, va_list ap)
{
    if ((level == LOG_INFO && log_quiet) || (level == LOG_DEBUG && !log_verbose))
        return;
    static const char *const names[] = {"debug", "info", "warning", "error"};
    quarry_buf line = {0};
    if (log_json) {
        log_json_line(&line, names[level], who, NULL, NULL, fmt, ap);
        log_write(&line);
        quarry_buf_free(&line);
        return;
    }
    /* A person at a terminal wants short lines; a log file wants to know when. */
    if (!isatty(STDERR_FILENO)) {
        char stamp[32];
        time_t now = time(NULL);
        struct tm tm;
        localtime_r(&now, &tm);
        strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S%z ", &tm);
        buf_puts(&line, stamp);
    }
    buf_puts(&line, "quarry: ");
    if (who)
        buf_printf(&line, "%s: ", who);
    if (level != LOG_INFO)
        buf_printf(&line, "%s: ", names[level]);
    size_t from = line.len;
    buf_vprintf(&line, fmt, ap);
    log_escape_controls(&line, from);
    buf_putc(&line, '\n');
    pthread_mutex_lock(&log_lock);
    if (log_progress_shown) {
        fputs("\r\033[K", stderr);
        log_progress_shown = 0;
    }
    fwrite(line.data, 1, line.len, stderr);
    pthread_mutex_unlock(&log_lock);
    quarry_buf_free(&line);
}

void log_msg(log_level level, const char *who, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_vmsg(level, who, fmt, ap);
    va_end(ap);
}

int log_json_wanted(void)
{
    return log_json;
}

int log_progress_wanted(void)
{
    return !log_quiet && !log_json && isatty(STDERR_FILENO);
}

void log_progress(const char *text)
{
    pthread_mutex_lock(&log_lock);
    fprintf(stderr, "\r%s\033[K", text);
    fflush(stderr);
    log_progress_shown = 1;
    pthread_mutex_unlock(&log_lock);
}

void log_progress_end(void)
{
    pthread_mutex_lock(&log_lock);
    if (log_progress_shown)
        fputs("\r\033[K", stderr);
    log_progress_shown = 0;
    pthread_mutex_unlock(&log_lock);
}
