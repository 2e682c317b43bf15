/* log.h: the run's messages on stderr: plain on a terminal, timestamped otherwise. */
#ifndef QUARRY_LOG_H
#define QUARRY_LOG_H
#include <stdarg.h>

typedef enum { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR } log_level;

/* quiet: drop INFO and below; verbose: keep DEBUG; json: one JSON object a line (time, level,
 * stage, message), for log collectors. */
void log_configure(int quiet, int verbose, int json);
void log_msg(log_level level, const char *who, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void log_vmsg(log_level level, const char *who, const char *fmt, va_list ap);

/* Whether lines are JSON (log_configure): for the crash handler, which writes its own. */
int log_json_wanted(void);
/* A JSON line of level info from WHO, with its message and one more member, "KEY":VALUE (VALUE
 * JSON text): figures for a program, as --stats gives, whatever --quiet says. */
void log_json_data(const char *who, const char *key, const char *value, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* A progress line is for a person: only on a terminal, not under --quiet, not in JSON. */
int log_progress_wanted(void);
/* Shows TEXT as the progress line, over the previous one; other messages clear it first. */
void log_progress(const char *text);
/* Clears the progress line. */
void log_progress_end(void);
#endif
