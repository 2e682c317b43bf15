/* cmd_run.c: `quarry run` and `quarry check`: load a pipeline, validate it, and run it. */
#include "cli.h"
#include "buf.h"
#include "interrupt.h"
#include "log.h"
#include "runner.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

static void cmd_run_help(int check)
{
    if (check)
        printf("Usage: quarry check [OPTIONS] PIPELINE\n"
               "       quarry check [OPTIONS] -e GRAPH\n"
               "       quarry check --start [OPTIONS] PIPELINE [INPUT...]\n"
               "       quarry check --start [OPTIONS] -e GRAPH INPUT...\n\n"
               "Loads every stage of a pipeline and validates every parameter and edge,\n"
               "without opening a stage or reading any data; prints 'PIPELINE: OK' when all\n"
               "are valid. What a stage checks as it opens (the files it is given, parameters\n"
               "that contradict each other, output file names, the inputs) is left to the run,\n"
               "or to --start.\n\n"
               "With --start, every stage is also started as a run starts it, and stopped: it\n"
               "reads the files it is given (models, word lists, stop words), refuses what\n"
               "contradicts itself, and a source finds its inputs (INPUT, else the pipeline's\n"
               "'input ='). Every stage that cannot start is named (a run stops at the first),\n"
               "and the exit status is the first one's. No document is read and nothing is\n"
               "written: output files are checked by name only, and the output, state and\n"
               "kept-streams folders must be ones the run could make or write into. A nightly\n"
               "job can so be checked when it is set up, not at its first run: its command\n"
               "line with 'check --start' in place of 'run'.\n\n");
    else
        printf("Usage: quarry run [OPTIONS] PIPELINE [INPUT...]\n"
               "       quarry run [OPTIONS] -e GRAPH [INPUT...]\n\n"
               "Runs a pipeline over INPUT files, folders, globs or '-' (standard input); with\n"
               "no INPUT, over the pipeline's 'input ='. Outputs go to the output folder, each\n"
               "replaced atomically when the whole run succeeds; rejected documents and their\n"
               "reasons go to rejects.jsonl there. Standard input from a pipe or a terminal is\n"
               "read as its lines come: each document goes through the stages that take one at\n"
               "a time, and out of 'write path=-', without waiting for the lines after it.\n\n"
               "GRAPH is a pipeline on one line: stages joined by '!', parameters as key=value,\n"
               "'label:plugin' to name a stage and 'label.' to branch from it, e.g.\n"
               "  quarry run -e 'read ! write' samples/\n"
               "  quarry run -e 'read ! c:write path=all.jsonl  c. ! write path=copy.jsonl' in/\n\n");
    printf("Options:\n"
           "  -e, --graph GRAPH          the pipeline given on the command line\n");
    if (check)
        printf("      --start                also start and stop every stage, as a run would; takes\n"
               "                             the options of 'quarry run' too, and checks the folders\n"
               "                             they name (-o, --state, --keep-intermediate)\n");
    if (!check)
        printf("  -o, --output DIR           output folder (default: the pipeline's 'output =', else ./out;\n"
               "                             not '-': 'write path=-' writes to standard output);\n"
               "                             one run at a time: a run holds it locked (flock) till it ends\n"
               "  -j, --jobs N               worker threads for each per-record stage (1-256)\n"
               "  -c, --compression N        zlib level of streams kept on disk: kept edges, rejects (0-9;\n"
               "                             default 1; spools of two-pass stages: the pipeline's\n"
               "                             'spool-compression =', default 0)\n"
               "      --edge-compression N   zlib level of blocks passed between stages in memory (0-9;\n"
               "                             default 0: passed as they are, framed only if saved)\n"
               "      --keep-intermediate DIR  save the record stream each stage emits as DIR/NN-stage.qz\n"
               "                             ('read' reads one back: a later stage run again alone;\n"
               "                             replaced only when the run succeeds, as the outputs are;\n"
               "                             a warning names any other NN-stage.qz there)\n"
               "      --state DIR            the folder kept between nightly runs (created if missing):\n"
               "                             a run holds its lock (a second run exits at once with 75);\n"
               "                             unchanged input keeps the last run's outputs, and per-record\n"
               "                             stages take unchanged documents from their caches there\n"
               "      --refresh              with --state: recompute everything (no cache, no shortcut\n"
               "                             for unchanged input), then rewrite the state folder\n"
               "      --stats                print records in/out/rejected, bytes and CPU time per stage,\n"
               "                             and the part of that time one thread did alone\n");
    printf("      --log-format FORMAT    plain (the default; timestamped unless on a terminal) or json\n"
           "                             (one object a line: time, level, stage, message; --stats\n"
           "                             adds a line a stage, its figures in 'stats')\n"
           "  -q, --quiet                print nothing but errors and warnings%s\n"
           "  -v, --verbose              print debugging messages too\n"
           "      --plugin-path DIRS     colon-separated folders searched first for stages\n"
           "  -h, --help                 show this help\n\n",
           check ? " (not the OK line)" : "");
    if (check) {
        printf("Exit status: 0 all valid; 64 usage or pipeline error (syntax, an unknown stage or\n"
               "parameter, a bad value, a bad edge); 69 a stage could not be loaded. With --start,\n"
               "a stage that could not start exits as the run would: 64 parameters it refuses\n"
               "together or an output name it refuses; 65 a file it was given is not what it\n"
               "should be; 66 a file or input that is not there; 73 an output folder that cannot\n"
               "be made or written into; 74 a file that cannot be read; 78 any other reason (its\n"
               "message says why).\n");
        return;
    }
    printf("Exit status: 0 done; 64 usage or pipeline error; 65 bad input data; 66 no input;\n"
           "69 a stage could not be loaded; 70 internal error; 73 cannot create output;\n"
           "74 reading or writing failed part way; 75 the output or state folder is in use by\n"
           "another run; 78 a stage could not start (its message says why); 79 done, but some\n"
           "documents were rejected (see rejects.jsonl).\n"
           "Stopped by SIGHUP, SIGINT or SIGTERM, a run removes its temporary files, leaves the\n"
           "last outputs as they were, and exits with 128 + the signal (129, 130, 143).\n");
}

static int cmd_run_or_check(int argc, char **argv, int check)
{
    const char *cmd = check ? "check" : "run";
    enum { OPT_KEEP = 256, OPT_PLUGIN_PATH, OPT_STATS, OPT_EDGE, OPT_STATE, OPT_LOG_FORMAT,
           OPT_REFRESH, OPT_START };
    static const struct option longopts[] = {
        {"graph", required_argument, NULL, 'e'},
        {"output", required_argument, NULL, 'o'},
        {"jobs", required_argument, NULL, 'j'},
        {"compression", required_argument, NULL, 'c'},
        {"edge-compression", required_argument, NULL, OPT_EDGE},
        {"keep-intermediate", required_argument, NULL, OPT_KEEP},
        {"state", required_argument, NULL, OPT_STATE},
        {"refresh", no_argument, NULL, OPT_REFRESH},
        {"start", no_argument, NULL, OPT_START},
        {"log-format", required_argument, NULL, OPT_LOG_FORMAT},
        {"plugin-path", required_argument, NULL, OPT_PLUGIN_PATH},
        {"stats", no_argument, NULL, OPT_STATS},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    runner_options opt = {.compression = -1, .edge_compression = -1};
    const char *graph = NULL;
    int stats = 0, verbose = 0, json_log = 0, start = 0, c;
    optind = 1;
    /* check --start takes a run's options too, so that a cron line checks with 'check --start'
     * in place of 'run'; plain check refuses them below. */
    while ((c = getopt_long(argc, argv, "e:o:j:c:qvh", longopts, NULL)) != -1) {
        switch (c) {
        case 'e': graph = optarg; break;
        case 'o': opt.output_dir = optarg; break;
        case 'j':
            if (cli_int("--jobs", optarg, 1, 256, &opt.jobs) < 0)
                return EX_USAGE;
            break;
        case 'c':
            if (cli_int("--compression", optarg, 0, 9, &opt.compression) < 0)
                return EX_USAGE;
            break;
        case OPT_EDGE:
            if (cli_int("--edge-compression", optarg, 0, 9, &opt.edge_compression) < 0)
                return EX_USAGE;
            break;
        case OPT_KEEP: opt.keep_dir = optarg; break;
        case OPT_STATE: opt.state_dir = optarg; break;
        case OPT_REFRESH: opt.refresh = 1; break;
        case OPT_LOG_FORMAT:
            if (strcmp(optarg, "plain") && strcmp(optarg, "json"))
                return cli_usage_error(cmd, "--log-format is plain or json, not '%s'", optarg);
            json_log = !strcmp(optarg, "json");
            break;
        case OPT_PLUGIN_PATH: opt.plugin_path = optarg; break;
        case OPT_STATS: stats = 1; break;
        case OPT_START: start = 1; break;
        case 'q': opt.quiet = 1; break;
        case 'v': verbose = 1; break;
        case 'h': cmd_run_help(check); return 0;
        default: return cli_option_error(cmd);
        }
    }
    if (check && !start &&
        (opt.output_dir || opt.jobs || opt.compression >= 0 || opt.edge_compression >= 0 || opt.keep_dir ||
         opt.state_dir || opt.refresh || stats))
        return cli_usage_error(cmd, "check takes only -e, --start, --plugin-path, --log-format, -q and -v: it "
                                    "runs nothing (check --start takes a run's options as well)");
    if (!check && start)
        return cli_usage_error(cmd, "--start is quarry check's: a run starts its stages anyway");
    /* '-' is standard input among the inputs; as a folder it would be a folder named '-'. */
    if (opt.output_dir && !strcmp(opt.output_dir, "-"))
        return cli_usage_error(cmd, "-o names a folder, not standard output: for the documents on "
                                    "standard output, end the pipeline with 'write path=-' "
                                    "(rejects.jsonl still goes to the output folder)");
    log_configure(opt.quiet, verbose, json_log);
    pipeline *p = NULL;
    quarry_buf err = {0};
    int rc;
    if (graph) {
        rc = pipeline_parse_graph(graph, &p, &err);
    } else if (optind < argc) {
        rc = pipeline_parse_file(argv[optind++], &p, &err);
    } else {
        return cli_usage_error(cmd, "give a PIPELINE file or -e GRAPH");
    }
    if (rc < 0) {
        rc = cli_fail(EX_USAGE, buf_cstr(&err));
        quarry_buf_free(&err);
        return rc;
    }
    if (check && !start && optind < argc) {
        pipeline_free(p);
        return cli_usage_error(cmd, "check reads no input; unexpected '%s' (inputs are for check --start, "
                                    "which finds them)", argv[optind]);
    }
    /* Before the runner makes a thread: a run stopped by a signal cleans up after itself. */
    if (!check && interrupt_watch() < 0)
        log_msg(LOG_WARN, NULL, "cannot watch for signals: a stopped run leaves temporary files");
    opt.inputs = (const char *const *)argv + optind;
    opt.ninputs = (size_t)(argc - optind);
    runner *r;
    int status = runner_build(p, &opt, &r, &err);
    if (!status && check && start)
        status = runner_start_dry(r, &err);
    if (!status && check && !opt.quiet)
        printf("%s: OK\n", p->file);
    if (!status && !check) {
        status = runner_run(r, &err);
        if (stats)
            runner_print_stats(r, stderr);
        if (!status)
            runner_print_summary(r);
        /* Done, but not with every document: a status of its own, and a word even under
         * --quiet, so that cron mails it and a wrapper can tell it from success and failure. */
        uint64_t rejected = status ? 0 : runner_rejected(r);
        if (rejected) {
            log_msg(LOG_WARN, NULL, "%llu document%s rejected: see %s/rejects.jsonl",
                    (unsigned long long)rejected, rejected == 1 ? "" : "s", runner_output_dir(r));
            status = CLI_EXIT_REJECTED;
        }
    }
    if (status && status != CLI_EXIT_REJECTED)
        cli_fail(status, buf_cstr(&err));
    runner_free(r);
    pipeline_free(p);
    quarry_buf_free(&err);
    return status;
}

int cmd_run(int argc, char **argv)
{
    return cmd_run_or_check(argc, argv, 0);
}

int cmd_check(int argc, char **argv)
{
    return cmd_run_or_check(argc, argv, 1);
}
