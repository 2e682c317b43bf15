/* cmd_list.c: `quarry list`: the stages found on the plugin path. */
#include "cli.h"
#include "buf.h"
#include "plugin.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <sysexits.h>

int cmd_list(int argc, char **argv)
{
    enum { OPT_PLUGIN_PATH = 256 };
    static const struct option longopts[] = {
        {"plugin-path", required_argument, NULL, OPT_PLUGIN_PATH},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *extra = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_PLUGIN_PATH: extra = optarg; break;
        case 'h':
            printf("Usage: quarry list [--plugin-path DIRS]\n\n"
                   "Lists the stages found on the plugin path (--plugin-path, then\n"
                   "$QUARRY_PLUGIN_PATH, then the installed or build-tree stages): name, version,\n"
                   "file and summary. A module that cannot be loaded is listed with the reason,\n"
                   "and the exit status is then 69.\n");
            return 0;
        default: return cli_option_error("list");
        }
    }
    if (optind < argc)
        return cli_usage_error("list", "unexpected argument '%s'", argv[optind]);
    plugin_path pp;
    plugin_path_init(&pp, extra);
    char **names;
    size_t n = plugin_names(&pp, &names);
    int status = 0;
    for (size_t i = 0; i < n; i++) {
        plugin *p;
        quarry_buf err = {0};
        if (plugin_load(&pp, names[i], &p, &err) == PLUGIN_OK) {
            printf("%-12s %-8s %s\n%-12s %-8s   %s\n", p->name, p->stage.version, p->path, "", "",
                   p->stage.summary);
            plugin_unload(p);
        } else {
            fprintf(stderr, "quarry: list: %s\n", buf_cstr(&err));
            status = EX_UNAVAILABLE;
        }
        quarry_buf_free(&err);
    }
    if (n == 0) {
        quarry_buf dirs = {0};
        plugin_path_describe(&pp, &dirs);
        fprintf(stderr, "quarry: list: no stages found in %s\n", buf_cstr(&dirs));
        quarry_buf_free(&dirs);
        status = EX_UNAVAILABLE;
    }
    plugin_names_free(names, n);
    plugin_path_free(&pp);
    return status;
}
