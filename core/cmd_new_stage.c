/* cmd_new_stage.c: `quarry new-stage NAME [DIR]`: a complete out-of-tree stage project to start
 * from: the source, a Makefile using pkg-config, a test and a README. */
#include "cli.h"
#include "buf.h"
#include "plugin.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

/* The files, with @NAME@ for the stage's name. */
static const char new_stage_source[] =
    "/* @NAME@.c: the @NAME@ stage: counts the words of a field, and rejects records with too few. */\n"
    "#include <quarry.h>\n"
    "\n"
    "#include <ctype.h>\n"
    "#include <stdlib.h>\n"
    "#include <string.h>\n"
    "\n"
    "/* Parameters arrive validated: a wrong type or a value out of range stops the run first. */\n"
    "static const quarry_param @NAME@_params[] = {\n"
    "    {\"field\", QUARRY_PARAM_STRING, \"text\", \"the field whose words are counted\", 0, 0, 0, NULL},\n"
    "    {\"min-words\", QUARRY_PARAM_INT, \"0\", \"records with fewer words are rejected\", 0, 0, 1000000, NULL},\n"
    "    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};\n"
    "\n"
    "typedef struct @NAME@_state {\n"
    "    const char *field;\n"
    "    char out[128]; /* the output field: FIELD_words */\n"
    "    int64_t min_words;\n"
    "} @NAME@_state;\n"
    "\n"
    "static int @NAME@_open(quarry_ctx *ctx, void **state)\n"
    "{\n"
    "    @NAME@_state *st = calloc(1, sizeof *st);\n"
    "    if (!st)\n"
    "        return quarry_error(ctx, \"out of memory\");\n"
    "    st->field = quarry_param_str(ctx, \"field\"); /* owned by quarry, valid until close */\n"
    "    st->min_words = quarry_param_int(ctx, \"min-words\");\n"
    "    snprintf(st->out, sizeof st->out, \"%s_words\", st->field);\n"
    "    *state = st;\n"
    "    return QUARRY_OK;\n"
    "}\n"
    "\n"
    "/* Per record, possibly on several workers at once (QUARRY_PER_RECORD): only the record and\n"
    " * read-only state are touched here. */\n"
    "static int @NAME@_process(void *state, quarry_ctx *ctx, quarry_record *rec)\n"
    "{\n"
    "    @NAME@_state *st = state;\n"
    "    if (quarry_get_string(rec, \"_table\", NULL))\n"
    "        return QUARRY_OK; /* a corpus table's row, from an earlier stage: no document */\n"
    "    size_t len;\n"
    "    const char *s = quarry_get_string(rec, st->field, &len); /* not NUL-terminated */\n"
    "    if (!s)\n"
    "        return quarry_reject(ctx, rec, \"no string field '%s'\", st->field);\n"
    "    int64_t words = 0;\n"
    "    for (size_t i = 0; i < len; i++)\n"
    "        if (!isspace((unsigned char)s[i]) && (i == 0 || isspace((unsigned char)s[i - 1])))\n"
    "            words++;\n"
    "    if (words < st->min_words)\n"
    "        return quarry_reject(ctx, rec, \"%lld words, fewer than %lld\", (long long)words,\n"
    "                             (long long)st->min_words);\n"
    "    quarry_set_int(rec, st->out, words);\n"
    "    return QUARRY_OK; /* pass the record on, with its new field */\n"
    "}\n"
    "\n"
    "QUARRY_STAGE(@NAME@) = {\n"
    "    .abi = QUARRY_ABI_VERSION,\n"
    "    .size = sizeof(struct quarry_stage),\n"
    "    .name = \"@NAME@\",\n"
    "    .version = \"0.1.0\",\n"
    "    .summary = \"counts the words of a field, and rejects records with too few\",\n"
    "    .params = @NAME@_params,\n"
    "    /* Rows pass on as rows, and no finish emits documents: a two-pass stage after it may\n"
    "     * begin its second pass while the tables of the stages before still come. */\n"
    "    .flags = QUARRY_PER_RECORD | QUARRY_TABLES_LAST,\n"
    "    .open = @NAME@_open,\n"
    "    .process = @NAME@_process,\n"
    "    .close = free,\n"
    "};\n";

static const char new_stage_makefile[] =
    "# Makefile: builds the @NAME@ stage against quarry, found by pkg-config: the installed one, or\n"
    "# a build folder of it that PKG_CONFIG_PATH names (its quarry-uninstalled.pc).\n"
    "QUARRY_FOUND := $(shell pkg-config --exists quarry && echo yes)\n"
    "CFLAGS ?= -O2 -g\n"
    "# Hidden: the stage exports its descriptor alone (QUARRY_STAGE marks it), as quarry's own do.\n"
    "CFLAGS += -std=c11 -Wall -Wextra -fPIC -fvisibility=hidden $(shell pkg-config --cflags quarry 2>/dev/null)\n"
    "LDLIBS += $(shell pkg-config --libs quarry 2>/dev/null)\n"
    "# libquarry's folder as the stage's run path, as quarry's own stages have it: under a prefix\n"
    "# that the loader does not search (/usr/local before ldconfig, /opt), the stage would not load.\n"
    "LDFLAGS += $(shell pkg-config --libs-only-L quarry 2>/dev/null | sed 's/-L\\([^ ]*\\)/-Wl,-rpath,\\1/g')\n"
    "PLUGINSDIR ?= $(shell pkg-config --variable=pluginsdir quarry 2>/dev/null)\n"
    "\n"
    "all: @NAME@.so\n"
    "\n"
    "@NAME@.so: @NAME@.c\n"
    "\t@test -n \"$(QUARRY_FOUND)\" || { echo \"$@: pkg-config finds no quarry: install it (make install in\" \\\n"
    "\t    \"its build folder), or name that folder: PKG_CONFIG_PATH=/path/to/quarry make\" >&2; exit 1; }\n"
    "\t$(CC) $(CFLAGS) -shared -o $@ $< $(LDFLAGS) $(LDLIBS)\n"
    "\n"
    "check: @NAME@.so\n"
    "\tQUARRY_PLUGIN_PATH=$(CURDIR) sh test.sh\n"
    "\n"
    "install: @NAME@.so\n"
    "\tinstall -D -m 755 @NAME@.so $(DESTDIR)$(PLUGINSDIR)/@NAME@.so\n"
    "\n"
    "clean:\n"
    "\trm -f @NAME@.so\n"
    "\n"
    ".PHONY: all check install clean\n";

static const char new_stage_test[] =
    "# test.sh: the @NAME@ stage through quarry's harness: counts, a rejection, a table's row passed\n"
    "# on, a bad parameter.\n"
    "# $QUARRY, if set, is the quarry to run (a build folder's: QUARRY=/path/to/quarry/quarry).\n"
    "set -u\n"
    "fail() { echo \"FAIL: $*\" >&2; exit 1; }\n"
    "out=$(printf '{\"id\":\"a\",\"text\":\"three little words\"}\\n{\"id\":\"b\",\"text\":\"one\"}\\n{\"_table\":\"t\",\"text\":\"a row\"}\\n' |\n"
    "    ${QUARRY:-quarry} test-stage @NAME@ min-words=2 2>err.log)\n"
    "[ $? -eq 79 ] || fail \"one record should have been rejected (exit 79)\"\n"
    "echo \"$out\" | grep -q '\"text_words\":3' || fail \"no count in: $out\"\n"
    "grep -q '1 words, fewer than 2' err.log || fail \"no reason for the rejection\"\n"
    "echo \"$out\" | grep -qx '{\"_table\":\"t\",\"text\":\"a row\"}' || fail \"a table's row changed: $out\"\n"
    "${QUARRY:-quarry} test-stage @NAME@ min-words=-1 </dev/null 2>err.log && fail \"a negative min-words was accepted\"\n"
    "rm -f err.log\n"
    "echo \"@NAME@: all tests passed\"\n";

static const char new_stage_readme[] =
    "# @NAME@: a quarry stage\n"
    "\n"
    "Counts the words of a field (`field`, default `text`) into `FIELD_words`, and rejects\n"
    "records with fewer than `min-words`. Start from here: the source is `@NAME@.c`.\n"
    "\n"
    "    make                     # builds @NAME@.so with `pkg-config --cflags --libs quarry`\n"
    "    make check               # runs test.sh through `quarry test-stage`\n"
    "    make install             # into `pkg-config --variable=pluginsdir quarry`\n"
    "\n"
    "Against a build folder of quarry, not installed, name it to pkg-config and to the test:\n"
    "\n"
    "    PKG_CONFIG_PATH=/path/to/quarry make\n"
    "    QUARRY=/path/to/quarry/quarry make check\n"
    "\n"
    "Without installing the stage, point quarry at this folder:\n"
    "\n"
    "    QUARRY_PLUGIN_PATH=$PWD quarry list\n"
    "    QUARRY_PLUGIN_PATH=$PWD quarry run -e 'read ! @NAME@ min-words=5 ! write' corpus/\n"
    "\n"
    "The stage's life cycle, its record API and what the ABI promises are in quarry's\n"
    "doc/writing-stages.md and `quarry.h`.\n";

/* Writes TEMPLATE with NAME for @NAME@ to DIR/FILE, a new file. Returns 1 when written, 0 when
 * a file of that name was there (left alone), or -1 when this call made a file it could not
 * finish (ERR set either way). */
static int new_stage_write(const char *dir, const char *file, const char *template, const char *name,
                           quarry_buf *err)
{
    quarry_buf text = {0}, path = {0};
    for (const char *p = template; *p;) {
        const char *at = strstr(p, "@NAME@");
        size_t n = at ? (size_t)(at - p) : strlen(p);
        quarry_buf_append(&text, p, n);
        if (!at)
            break;
        quarry_buf_append(&text, name, strlen(name));
        p = at + 6;
    }
    buf_printf(&path, "%s/%s", dir, file);
    FILE *f = fopen(buf_cstr(&path), "wx"); /* never over a file that is there */
    int rc = 1;
    if (!f) {
        buf_printf(err, "cannot write %s: %s", buf_cstr(&path), strerror(errno));
        rc = 0;
    } else {
        /* Closed whatever the write did: a short write must not keep the file open. */
        int written = fwrite(text.data, 1, text.len, f) == text.len;
        int saved = errno;
        if (fclose(f) != 0 || !written) {
            buf_printf(err, "cannot write %s: %s", buf_cstr(&path), strerror(written ? errno : saved));
            rc = -1;
        }
    }
    quarry_buf_free(&text);
    quarry_buf_free(&path);
    return rc;
}

int cmd_new_stage(int argc, char **argv)
{
    static const struct option longopts[] = {{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (c == 'h') {
            printf("Usage: quarry new-stage NAME [DIR]\n\n"
                   "Writes a complete stage project to DIR (default: NAME): NAME.c, a stage with two\n"
                   "parameters whose process() counts words and rejects short records; a Makefile\n"
                   "that builds it with pkg-config only (make, make check, make install); test.sh,\n"
                   "its test through 'quarry test-stage'; and a README. NAME is a C identifier,\n"
                   "lower case: the stage's name, its file name and its symbol prefix. No file there\n"
                   "is overwritten; if one is in the way, or a write fails, the files written are\n"
                   "removed again (exit status 73).\n\n"
                   "Against a build folder of quarry, not installed: PKG_CONFIG_PATH=FOLDER make\n"
                   "(pkg-config reads FOLDER/quarry-uninstalled.pc), then QUARRY=FOLDER/quarry make\n"
                   "check. Run from such a folder, new-stage prints these commands.\n");
            return 0;
        }
        return cli_option_error("new-stage");
    }
    if (optind >= argc || argc - optind > 2)
        return cli_usage_error("new-stage", "give a NAME, and a DIR if not NAME");
    const char *name = argv[optind], *dir = optind + 1 < argc ? argv[optind + 1] : name;
    int valid = *name >= 'a' && *name <= 'z' && strlen(name) < 64;
    for (const char *p = name; valid && *p; p++)
        valid = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_';
    if (!valid)
        return cli_usage_error("new-stage", "'%s' is no stage name: a lower-case C identifier, like word_count",
                               name);
    quarry_buf err = {0}, source = {0};
    int made_dir = mkdir(dir, 0777) == 0;
    if (!made_dir && errno != EEXIST) {
        buf_printf(&err, "cannot create the folder %s: %s", dir, strerror(errno));
        int rc = cli_fail(EX_CANTCREAT, buf_cstr(&err));
        quarry_buf_free(&err);
        return rc;
    }
    buf_printf(&source, "%s.c", name);
    const struct {
        const char *file, *template;
    } files[] = {{buf_cstr(&source), new_stage_source},
                 {"Makefile", new_stage_makefile},
                 {"test.sh", new_stage_test},
                 {"README.md", new_stage_readme}};
    size_t n = sizeof files / sizeof *files, written = 0;
    int got = 1;
    while (written < n &&
           (got = new_stage_write(dir, files[written].file, files[written].template, name, &err)) > 0)
        written++;
    int rc = 0;
    if (written < n) {
        /* Half a project would not build, and a second try would stop at its first file: what
         * this call made goes, the file it could not finish included. */
        for (size_t i = 0; i < written + (got < 0); i++) {
            quarry_buf path = {0};
            buf_printf(&path, "%s/%s", dir, files[i].file);
            remove(buf_cstr(&path));
            quarry_buf_free(&path);
        }
        if (made_dir)
            rmdir(dir);
        rc = cli_fail(EX_CANTCREAT, buf_cstr(&err));
    } else {
        const char *build = plugin_build_dir();
        if (build) /* this quarry is a build folder's: pkg-config and the test must be told */
            printf("%s: a new stage '%s'; next: cd %s && PKG_CONFIG_PATH=%s make && QUARRY=%s/quarry make check\n",
                   dir, name, dir, build, build);
        else
            printf("%s: a new stage '%s'; next: cd %s && make && make check\n", dir, name, dir);
    }
    quarry_buf_free(&err);
    quarry_buf_free(&source);
    return rc;
}
