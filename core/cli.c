/* cli.c: helpers the quarry subcommands share: number options, usage errors, failures. */
#include "cli.h"
#include "buf.h"
#include "log.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

int cli_int(const char *option, const char *text, long min, long max, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (end == text || *end || errno == ERANGE || v < min || v > max) {
        fprintf(stderr, "quarry: %s takes a whole number from %ld to %ld, not '%s'\n", option,
                min, max, text);
        return -1;
    }
    *out = (int)v;
    return 0;
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "quarry%s%s: ", command ? " " : "", command ? command : "");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'quarry %s%s--help'.\n", command ? command : "", command ? " " : "");
    return EX_USAGE;
}

int cli_option_error(const char *command)
{
    fprintf(stderr, "Try 'quarry %s --help'.\n", command);
    return EX_USAGE;
}

int cli_fail(int status, const char *message)
{
    log_msg(LOG_ERROR, NULL, "%s", message);
    return status;
}

/* Why the first write to standard output that failed did (errno), if cli_write_stdout saw it. */
static int cli_stdout_errno;

int cli_write_stdout(const char *data, size_t len)
{
    errno = 0;
    if (fwrite(data, 1, len, stdout) == len)
        return 0;
    if (!cli_stdout_errno)
        cli_stdout_errno = errno ? errno : EIO;
    return -1;
}

int cli_flush_stdout(void)
{
    errno = 0;
    if (fflush(stdout) == 0)
        return 0;
    if (!cli_stdout_errno)
        cli_stdout_errno = errno ? errno : EIO;
    return -1;
}

int cli_close_stdout(int status)
{
    /* A failed write sets the stream's error flag and drops its buffer, so the last flush
     * alone can succeed after output was lost: both are asked. */
    errno = 0;
    int flushed = fflush(stdout) == 0;
    int why = cli_stdout_errno ? cli_stdout_errno : errno;
    if (flushed && !ferror(stdout))
        return status;
    if (status != 0 && status != CLI_EXIT_REJECTED)
        return status; /* the failure already reported says more */
    log_msg(LOG_ERROR, NULL, "cannot write to standard output%s%s", why ? ": " : "",
            why ? strerror(why) : " (a write failed part way)");
    return EX_IOERR;
}
