/* cmd_test_stage.c: `quarry test-stage STAGE [KEY=VALUE...]`: one stage run on JSON Lines from
 * standard input, what it emits on standard output: the harness, from the shell. */
#include "cli.h"
#include "buf.h"
#include "harness.h"
#include "output.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

static void test_stage_help(void)
{
    printf("Usage: quarry test-stage [OPTIONS] STAGE [KEY=VALUE...] < IN.jsonl > OUT.jsonl\n\n"
           "Runs one stage in-process, as a pipeline would, on the records of standard input\n"
           "(one JSON object a line): sets its parameters, opens it, pushes every record, finishes\n"
           "it, and prints what it emits as JSON Lines, in order, as it emits them: a stage that\n"
           "takes one record at a time answers each line as it comes; a two-pass stage, at the\n"
           "end. Rejected records go to standard error with their reasons. For trying a stage,\n"
           "and for its tests.\n\n"
           "Options:\n"
           "  -o, --output DIR           the folder for the stage's own output files (default .;\n"
           "                             created if missing)\n"
           "      --plugin-path DIRS     colon-separated folders searched first for the stage\n"
           "  -h, --help                 show this help\n\n"
           "Exit status: 0 done; 64 bad parameter; 65 a line of input is not a JSON object;\n"
           "69 the stage could not be loaded; 70 the stage failed; 74 standard input could\n"
           "not be read, or standard output not written; 78 it could not start, or the status\n"
           "its open chose, as quarry run exits with it (66 for a file it cannot open); 79\n"
           "done, but some records were rejected.\n");
}

/* What the stage has emitted and rejected so far, printed as it comes. */
typedef struct test_stage_out {
    quarry_buf line;
    size_t rejected;
    int write_failed; /* reported by cli_close_stdout, at the end */
} test_stage_out;

/* A record taken from the harness (harness_take_fn): an emitted one on standard output, a
 * rejected one on standard error with its reason. */
static void test_stage_print(void *arg, const quarry_record *rec, const char *reason)
{
    test_stage_out *out = arg;
    out->line.len = 0;
    quarry_record_to_json(rec, &out->line);
    if (reason) {
        out->rejected++;
        fprintf(stderr, "rejected: %s: %.*s\n", reason, (int)out->line.len, out->line.data ? out->line.data : "");
        return;
    }
    buf_putc(&out->line, '\n');
    if (!out->write_failed && cli_write_stdout(out->line.data, out->line.len) < 0)
        out->write_failed = 1;
}

/* Prints what H has emitted and rejected since the last call; flushed, so that a reader of a
 * pipe sees each record as the stage answers its line. */
static void test_stage_flush(quarry_harness *h, test_stage_out *out)
{
    if (!quarry_harness_output_count(h) && !quarry_harness_reject_count(h))
        return;
    harness_take(h, test_stage_print, out);
    if (!out->write_failed && cli_flush_stdout() < 0)
        out->write_failed = 1;
}

/* Reads standard input's lines into H, printing what each gives; returns 0 or an exit status
 * after a message. */
static int test_stage_feed(quarry_harness *h, test_stage_out *out, quarry_buf *err)
{
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t got;
    int status = 0;
    quarry_record *rec = quarry_record_new();
    while (!status && (got = getline(&line, &cap, stdin)) >= 0) {
        lineno++;
        size_t len = (size_t)got;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        if (!len)
            continue;
        quarry_buf why = {0};
        if (quarry_record_from_json(rec, line, len, &why) < 0) {
            buf_printf(err, "standard input, line %zu: %s", lineno, buf_cstr(&why));
            status = EX_DATAERR;
        } else if (quarry_harness_push(h, rec, err) < 0) {
            status = EX_SOFTWARE;
        }
        quarry_buf_free(&why);
        test_stage_flush(h, out);
    }
    /* getline's -1 is the end or a failure (standard input a folder, a read error): the second
     * must not pass for an input that ended well. */
    if (!status && ferror(stdin)) {
        buf_printf(err, "cannot read standard input: %s", strerror(errno));
        status = EX_IOERR;
    }
    free(line);
    quarry_record_free(rec);
    return status;
}

int cmd_test_stage(int argc, char **argv)
{
    enum { OPT_PLUGIN_PATH = 256 };
    static const struct option longopts[] = {{"output", required_argument, NULL, 'o'},
                                             {"plugin-path", required_argument, NULL, OPT_PLUGIN_PATH},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *outdir = ".", *plugin_path = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': outdir = optarg; break;
        case OPT_PLUGIN_PATH: plugin_path = optarg; break;
        case 'h': test_stage_help(); return 0;
        default: return cli_option_error("test-stage");
        }
    }
    if (optind >= argc)
        return cli_usage_error("test-stage", "give a STAGE");
    quarry_buf err = {0};
    int status = 0;
    quarry_harness *h = quarry_harness_new(argv[optind], plugin_path, &err);
    if (!h)
        status = EX_UNAVAILABLE;
    for (int i = optind + 1; !status && i < argc; i++) {
        const char *eq = strchr(argv[i], '=');
        if (!eq || eq == argv[i]) {
            buf_printf(&err, "expected KEY=VALUE, not '%s'", argv[i]);
            status = EX_USAGE;
            break;
        }
        char *key = strndup(argv[i], (size_t)(eq - argv[i]));
        if (!key || quarry_harness_set(h, key, eq + 1, &err) < 0)
            status = EX_USAGE;
        free(key);
    }
    if (!status && output_make_folders(outdir, &err) < 0)
        status = EX_CANTCREAT;
    if (!status) {
        quarry_harness_set_output_dir(h, outdir);
        if (quarry_harness_open(h, &err) < 0)
            status = harness_open_status(h);
    }
    test_stage_out out = {0};
    if (!status)
        status = test_stage_feed(h, &out, &err);
    if (!status && quarry_harness_finish(h, &err) < 0)
        status = EX_SOFTWARE;
    if (h)
        test_stage_flush(h, &out);
    if (!status) {
        if (out.rejected)
            status = CLI_EXIT_REJECTED;
        status = cli_close_stdout(status);
    } else {
        cli_fail(status, buf_cstr(&err));
    }
    quarry_buf_free(&out.line);
    quarry_harness_free(h);
    quarry_buf_free(&err);
    return status;
}
