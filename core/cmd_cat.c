/* cmd_cat.c: `quarry cat FILE...`: a saved record stream as JSON Lines. */
#include "cli.h"
#include "buf.h"

#include <getopt.h>
#include <stdio.h>
#include <sysexits.h>

/* Prints one stream, all of it that can be read: a damaged block is named, and the blocks after
 * it printed, as each stands alone. Returns 0 or an exit status, after a message for each
 * fault; stops at once if standard output cannot be written (main reports it). */
static int cat_stream(const char *name)
{
    quarry_buf err = {0}, line = {0};
    quarry_stream *s = quarry_stream_open(name, &err);
    int status = s ? 0 : cli_fail(EX_NOINPUT, buf_cstr(&err));
    quarry_record *rec = quarry_record_new();
    int got;
    while (s && (got = quarry_stream_next(s, rec, &err)) != 0) {
        if (got < 0) {
            status = cli_fail(EX_DATAERR, buf_cstr(&err));
            err.len = 0;
            continue;
        }
        line.len = 0;
        quarry_record_to_json(rec, &line);
        buf_putc(&line, '\n');
        if (cli_write_stdout(line.data, line.len) < 0) {
            status = cli_close_stdout(0);
            break;
        }
    }
    quarry_record_free(rec);
    quarry_stream_close(s);
    quarry_buf_free(&err);
    quarry_buf_free(&line);
    return status;
}

int cmd_cat(int argc, char **argv)
{
    static const struct option longopts[] = {{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (c == 'h') {
            printf("Usage: quarry cat FILE...\n\n"
                   "Prints saved record streams (from --keep-intermediate, '-' for standard\n"
                   "input) as JSON Lines, checking every block's CRC. A truncated or corrupt\n"
                   "stream is an error naming the file, block and offset (exit status 65); the\n"
                   "blocks after a corrupt one, and the other files, are printed all the same.\n"
                   "A missing file exits with 66; standard output that cannot be written (a full\n"
                   "disk) with 74.\n");
            return 0;
        }
        return cli_option_error("cat");
    }
    if (optind >= argc)
        return cli_usage_error("cat", "give at least one FILE");
    int status = 0;
    for (int i = optind; i < argc; i++) {
        int rc = cat_stream(argv[i]);
        if (rc == EX_IOERR)
            return rc; /* standard output is lost: nothing more can be printed */
        if (rc && !status)
            status = rc; /* the first fault's status; the other files are printed all the same */
    }
    return cli_close_stdout(status);
}
