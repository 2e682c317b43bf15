/* cmd_cat.c: `quarry cat FILE...`: a saved record stream as JSON Lines. */
#include "cli.h"
#include "block.h"
#include "buf.h"
#include "record.h"
#include "stream.h"

#include <getopt.h>
#include <stdio.h>
#include <sysexits.h>

/* Prints one stream; returns 0 or an exit status after a message. */
static int cat_stream(const char *name, block_codec *codec)
{
    quarry_buf err = {0}, payload = {0}, line = {0};
    stream_reader *r = stream_reader_open(name, &err);
    int status = r ? 0 : EX_NOINPUT;
    quarry_record *rec = quarry_record_new();
    block *b;
    int got = 0;
    while (r && !status && (got = stream_read_block(r, &b, &err)) > 0) {
        quarry_buf why = {0};
        if (block_unpack(codec, b, &payload, &why) < 0) {
            buf_printf(&err, "%s: block %llu at offset %llu: %s", name, (unsigned long long)b->seq,
                       (unsigned long long)(r->offset - b->len), buf_cstr(&why));
            status = EX_DATAERR;
        }
        quarry_buf_free(&why);
        size_t off = 0;
        uint32_t seen = 0;
        int loaded = 0;
        while (!status && (loaded = record_next(rec, payload.data, payload.len, &off)) > 0) {
            seen++;
            line.len = 0;
            quarry_record_to_json(rec, &line);
            buf_putc(&line, '\n');
            fwrite(line.data, 1, line.len, stdout);
        }
        if (!status && (loaded < 0 || seen != b->nrec)) {
            buf_printf(&err, "%s: block %llu at offset %llu: %u of its %u records are readable",
                       name, (unsigned long long)b->seq, (unsigned long long)(r->offset - b->len),
                       seen, b->nrec);
            status = EX_DATAERR;
        }
        block_unref(b);
    }
    if (got < 0)
        status = EX_DATAERR;
    if (status)
        cli_fail(status, buf_cstr(&err));
    quarry_record_free(rec);
    stream_reader_free(r);
    quarry_buf_free(&err);
    quarry_buf_free(&payload);
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
                   "stream is an error naming the file, block and offset (exit status 65).\n");
            return 0;
        }
        return cli_option_error("cat");
    }
    if (optind >= argc)
        return cli_usage_error("cat", "give at least one FILE");
    block_codec codec;
    block_codec_init(&codec, 0);
    int status = 0;
    for (int i = optind; i < argc && !status; i++)
        status = cat_stream(argv[i], &codec);
    block_codec_free(&codec);
    if (fflush(stdout) != 0 && !status)
        status = cli_fail(EX_IOERR, "cannot write to standard output");
    return status;
}
