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
#endif
