/* cli.c: helpers the quarry subcommands share: number options, usage errors, failures. */
#include "cli.h"
#include "buf.h"
#include "log.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
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
