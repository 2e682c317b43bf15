/* main.c: the quarry command: dispatches to its subcommands. */
#include "config.h"
#include "cli.h"
#include "crash.h"
#include "plugin.h"
#include "suggest.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

static const struct {
    const char *name;
    int (*fn)(int, char **);
    const char *summary;
} commands[] = {
    {"run", cmd_run, "run a pipeline file (or -e GRAPH) over inputs"},
    {"check", cmd_check, "load and validate a pipeline without reading data"},
    {"list", cmd_list, "list the stages found on the plugin path"},
    {"inspect", cmd_inspect, "show a stage's version, flags and parameters"},
    {"cat", cmd_cat, "print a saved record stream as JSON Lines"},
    {"test-stage", cmd_test_stage, "run one stage on JSON Lines from standard input"},
    {"state", cmd_state, "show what a state folder holds; --prune drops unused caches"},
    {"new-stage", cmd_new_stage, "write a new stage project to start from (source, Makefile, test)"},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void main_help(void)
{
    printf("Usage: quarry COMMAND [OPTIONS] [ARGS]\n\n"
           "A plugin-based text-mining pipeline: stages loaded from shared objects, connected\n"
           "by streams of compressed record blocks.\n\nCommands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        printf("  %-11s %s\n", commands[i].name, commands[i].summary);
    printf("\n'quarry COMMAND --help' tells more. Options: --help, --version.\n"
           "Stages are searched in --plugin-path, $QUARRY_PLUGIN_PATH, then %s.\n",
           plugin_shipped_dir());
}

/* Reports CMD as no command, with the command its spelling is nearest, if any; after 'help'
 * (HELP), where a user may name a stage, with the command that shows a stage. */
static int main_unknown_command(const char *cmd, int help)
{
    const char *names[NCOMMANDS];
    for (size_t i = 0; i < NCOMMANDS; i++)
        names[i] = commands[i].name;
    const char *near = suggest_closest(cmd, names, NCOMMANDS);
    if (near)
        return cli_usage_error(NULL, "unknown command '%s'; did you mean '%s'?", cmd, near);
    if (help)
        return cli_usage_error(NULL, "unknown command '%s'; a stage's parameters: quarry inspect %s", cmd, cmd);
    return cli_usage_error(NULL, "unknown command '%s'", cmd);
}

/* Runs the command of ARGV: its exit status, before standard output is checked. */
static int main_dispatch(int argc, char **argv)
{
    if (argc < 2)
        return main_help(), EX_USAGE;
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        if (strcmp(cmd, "help") == 0 && argc > 2) {
            char *help_argv[] = {argv[2], "--help", NULL};
            for (size_t i = 0; i < NCOMMANDS; i++)
                if (strcmp(commands[i].name, argv[2]) == 0)
                    return commands[i].fn(2, help_argv);
            return main_unknown_command(argv[2], 1);
        }
        main_help();
        return 0;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("quarry %s (stage ABI %d.%d)\n", PACKAGE_VERSION, QUARRY_ABI_MAJOR, QUARRY_ABI_MINOR);
        return 0;
    }
    for (size_t i = 0; i < NCOMMANDS; i++) {
        if (strcmp(commands[i].name, cmd) == 0) {
            if (plugin_system_init() < 0) {
                fprintf(stderr, "quarry: cannot initialise libltdl\n");
                return EX_SOFTWARE;
            }
            /* getopt names the program in its messages ("invalid option -- 'x'"): the command
             * as the user typed it, not "run" alone. */
            char program[64];
            snprintf(program, sizeof program, "quarry %s", commands[i].name);
            argv[1] = program;
            int status = commands[i].fn(argc - 1, argv + 1);
            plugin_system_exit();
            return status;
        }
    }
    return main_unknown_command(cmd, 0);
}

/* Standard input, output and error started closed (`2>&-`, a daemon's child) are opened on
 * /dev/null, read-only: else the next file opened takes the number, and log lines or records
 * meant for the terminal go into it (a state folder's lock, an output file). Writes to them fail,
 * so lost output is still reported (cli_close_stdout); reads see an empty input. */
static void main_guard_standard_fds(void)
{
    /* open() takes the lowest free number: in this order, the one just found closed. */
    for (int fd = 0; fd <= 2; fd++)
        if (fcntl(fd, F_GETFD) < 0 && errno == EBADF && open("/dev/null", O_RDONLY) < 0)
            return; /* no /dev/null (a bare chroot): nothing better to do */
}

int main(int argc, char **argv)
{
    main_guard_standard_fds();
    crash_install();
    /* Past a file-size limit, a write should fail with EFBIG (reported, exit 73, the previous
     * outputs left as they were), not kill the process. */
    signal(SIGXFSZ, SIG_IGN);
    /* Every command's output (help, lists, records) is checked once written: lost output is a
     * failure (74), whichever command printed it. */
    return cli_close_stdout(main_dispatch(argc, argv));
}
