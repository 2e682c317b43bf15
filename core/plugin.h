/* plugin.h: finds stage modules on the plugin path and loads them with libltdl. */
#ifndef QUARRY_PLUGIN_H
#define QUARRY_PLUGIN_H
#include "quarry.h"
#include <ltdl.h>

typedef struct plugin {
    char *name;
    char *path;                 /* the file loaded */
    char *object;               /* the shared object its code is in (the one a .la names), or NULL */
    lt_dlhandle handle;
    struct quarry_stage stage;  /* the stage's descriptor, zero-extended to this core's size */
} plugin;

typedef struct plugin_path {
    char **dirs;
    size_t n;
} plugin_path;

typedef enum {
    PLUGIN_OK = 0,
    PLUGIN_NOT_FOUND,
    PLUGIN_LOAD_FAILED,  /* dlopen failed: a missing library or unresolved symbol */
    PLUGIN_NO_SYMBOL,    /* loaded, but exports no descriptor */
    PLUGIN_ABI_MISMATCH,
    PLUGIN_INVALID       /* the descriptor breaks the ABI's rules */
} plugin_status;

/* Must be called before any other plugin_ function; pairs with plugin_system_exit. */
int plugin_system_init(void);
void plugin_system_exit(void);

/* The search order: CLI_PATH (colon-separated, may be NULL), $QUARRY_PLUGIN_PATH, then the
 * build tree's plugins when this quarry runs from its build tree, else the installed ones. */
void plugin_path_init(plugin_path *pp, const char *cli_path);
/* The folder of the shipped stages, searched last: the installed one, or the build tree's when
 * this quarry runs from its build tree. */
const char *plugin_shipped_dir(void);
/* The build tree this quarry runs from, or NULL when it is installed. */
const char *plugin_build_dir(void);
void plugin_path_free(plugin_path *pp);
void plugin_path_describe(const plugin_path *pp, quarry_buf *out); /* "a, b, c" */

/* Loads stage NAME. On failure, *OUT is NULL and ERR says what was tried and why. */
plugin_status plugin_load(const plugin_path *pp, const char *name, plugin **out, quarry_buf *err);
void plugin_unload(plugin *p);

/* The names of every stage module on the path, sorted, the first of a name winning.
 * Returns the count; free with plugin_names_free. */
size_t plugin_names(const plugin_path *pp, char ***names);
void plugin_names_free(char **names, size_t n);
#endif
