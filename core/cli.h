/* cli.h: what the quarry subcommands share: option values, loading a pipeline, messages. */
#ifndef QUARRY_CLI_H
#define QUARRY_CLI_H
#include "pipeline.h"

int cmd_run(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_inspect(int argc, char **argv);
int cmd_cat(int argc, char **argv);
int cmd_test_stage(int argc, char **argv);
int cmd_new_stage(int argc, char **argv);
int cmd_state(int argc, char **argv);

/* Parses a whole decimal number in [MIN, MAX] for OPTION; 0, or -1 after a message. */
int cli_int(const char *option, const char *text, long min, long max, int *out);
/* Reports a usage error for COMMAND (with a pointer to its --help); returns EX_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* After getopt has said what is wrong with an option (naming "quarry COMMAND"): where to look,
 * and EX_USAGE. */
int cli_option_error(const char *command);

/* The run finished and wrote its outputs, but rejected some documents (rejects.jsonl says which
 * and why): past sysexits.h's range, so that it is neither success nor any failure. */
#define CLI_EXIT_REJECTED 79
/* Prints "quarry: MESSAGE" on stderr; returns STATUS. */
int cli_fail(int status, const char *message);
/* Writes LEN bytes of DATA to standard output; -1 if that failed (the reason is kept for
 * cli_close_stdout, which tells it). */
int cli_write_stdout(const char *data, size_t len);
/* Flushes standard output, for a reader waiting on a pipe; -1 if that failed (the reason is kept
 * as cli_write_stdout keeps it). */
int cli_flush_stdout(void);
/* Flushes standard output and asks whether any write to it failed (a full disk, a closed pipe's
 * reader gone with SIGPIPE ignored): a command whose output was lost must not exit 0. Returns
 * STATUS, or EX_IOERR after a message when STATUS said success (0 or CLI_EXIT_REJECTED). */
int cli_close_stdout(int status);
#endif
