/* plugin.c: finds stage modules on the plugin path and loads them with libltdl. */
#include "config.h"
#include "plugin.h"
#include "buf.h"
#include "mem.h"
#include "param.h"
#include "suggest.h"

#include <ctype.h>
#include <dirent.h>
#include <dlfcn.h>
#include <stdio.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The size of struct quarry_stage in ABI 1.0: smaller descriptors cannot be valid. */
#define PLUGIN_MIN_SIZE (offsetof(struct quarry_stage, close) + sizeof(void (*)(void *)))

int plugin_system_init(void)
{
    return lt_dlinit() == 0 ? 0 : -1;
}

void plugin_system_exit(void)
{
    lt_dlexit();
}

static void plugin_path_add(plugin_path *pp, const char *dir, size_t len)
{
    if (len == 0)
        return;
    for (size_t i = 0; i < pp->n; i++)
        if (strlen(pp->dirs[i]) == len && memcmp(pp->dirs[i], dir, len) == 0)
            return;
    pp->dirs = mem_realloc(pp->dirs, (pp->n + 1) * sizeof *pp->dirs);
    pp->dirs[pp->n++] = mem_strndup(dir, len);
}

static void plugin_path_add_list(plugin_path *pp, const char *list)
{
    while (list && *list) {
        const char *colon = strchr(list, ':');
        size_t len = colon ? (size_t)(colon - list) : strlen(list);
        plugin_path_add(pp, list, len);
        list = colon ? colon + 1 : NULL;
    }
}

/* True when this process is the build tree's quarry (its binary or libtool's .libs copy). */
static int plugin_running_uninstalled(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return 0;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return 0;
    *slash = '\0';
    const char *top = QUARRY_BUILDDIR;
    size_t tl = strlen(top);
    return strcmp(exe, top) == 0 ||
           (strncmp(exe, top, tl) == 0 && strcmp(exe + tl, "/.libs") == 0);
}

const char *plugin_shipped_dir(void)
{
    return plugin_running_uninstalled() ? QUARRY_BUILDDIR "/plugins" : QUARRY_PLUGINDIR;
}

const char *plugin_build_dir(void)
{
    return plugin_running_uninstalled() ? QUARRY_BUILDDIR : NULL;
}

void plugin_path_init(plugin_path *pp, const char *cli_path)
{
    memset(pp, 0, sizeof *pp);
    plugin_path_add_list(pp, cli_path);
    plugin_path_add_list(pp, getenv("QUARRY_PLUGIN_PATH"));
    const char *last = plugin_shipped_dir();
    plugin_path_add(pp, last, strlen(last));
}

void plugin_path_free(plugin_path *pp)
{
    for (size_t i = 0; i < pp->n; i++)
        free(pp->dirs[i]);
    free(pp->dirs);
    pp->dirs = NULL;
    pp->n = 0;
}

void plugin_path_describe(const plugin_path *pp, quarry_buf *out)
{
    for (size_t i = 0; i < pp->n; i++)
        buf_printf(out, "%s%s", i ? ", " : "", pp->dirs[i]);
}

static int plugin_valid_name(const char *name)
{
    if (!*name)
        return 0;
    for (const char *p = name; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_')
            return 0;
    return 1;
}

/* The module file for NAME in DIR (.la preferred, as libtool writes it), or NULL. */
static char *plugin_file_in(const char *dir, const char *name)
{
    static const char *const exts[] = {".la", ".so"};
    for (size_t i = 0; i < 2; i++) {
        quarry_buf p = {0};
        buf_printf(&p, "%s/%s%s", dir, name, exts[i]);
        if (access(buf_cstr(&p), F_OK) == 0)
            return buf_steal(&p);
        quarry_buf_free(&p);
    }
    return NULL;
}

static plugin_status plugin_check_descriptor(plugin *p, const struct quarry_stage *d,
                                             quarry_buf *err)
{
    uint32_t major = d->abi >> 16, minor = d->abi & 0xffff;
    if (major != QUARRY_ABI_MAJOR || minor > QUARRY_ABI_MINOR) {
        buf_printf(err, "stage '%s' (%s) was built for quarry ABI %u.%u, but this quarry provides "
                   "ABI %d.%d: %s", p->name, p->path, major, minor, QUARRY_ABI_MAJOR,
                   QUARRY_ABI_MINOR,
                   major != QUARRY_ABI_MAJOR ? "rebuild the stage against this quarry's quarry.h"
                                             : "upgrade quarry or rebuild the stage");
        return PLUGIN_ABI_MISMATCH;
    }
    if (d->size < PLUGIN_MIN_SIZE) {
        buf_printf(err, "stage '%s' (%s): invalid descriptor: size %u is smaller than ABI %u.0's "
                   "%zu bytes", p->name, p->path, d->size, QUARRY_ABI_MAJOR, PLUGIN_MIN_SIZE);
        return PLUGIN_INVALID;
    }
    /* Members a newer minor added are zero for an older stage. */
    memset(&p->stage, 0, sizeof p->stage);
    memcpy(&p->stage, d, d->size < sizeof p->stage ? d->size : sizeof p->stage);
    const struct quarry_stage *s = &p->stage;
    const char *why = NULL;
    quarry_buf detail = {0};
    if (!s->name || strcmp(s->name, p->name) != 0) {
        buf_printf(&detail, "its name '%s' differs from its file name '%s'",
                   s->name ? s->name : "(null)", p->name);
        why = buf_cstr(&detail);
    } else if (!s->version || !*s->version) {
        why = "it has no version";
    } else if (!s->summary) {
        why = "it has no summary";
    } else if (s->flags & ~(uint32_t)(QUARRY_PER_RECORD | QUARRY_SOURCE | QUARRY_TWO_PASS | QUARRY_TABLES_LAST)) {
        why = "it sets flags this ABI does not define";
    } else if ((s->flags & QUARRY_SOURCE) && !s->produce) {
        why = "it is a source but has no produce callback";
    } else if (!(s->flags & QUARRY_SOURCE) && !s->process) {
        why = "it has no process callback";
    } else if ((s->flags & QUARRY_SOURCE) && (s->flags & (QUARRY_TWO_PASS | QUARRY_PER_RECORD))) {
        why = "a source cannot be two-pass or per-record";
    } else if ((s->flags & QUARRY_TWO_PASS) && !s->observe) {
        why = "it is two-pass but has no observe callback";
    } else if (param_check_table(s->params, &detail) < 0) {
        why = buf_cstr(&detail);
    }
    if (why) {
        buf_printf(err, "stage '%s' (%s): invalid descriptor: %s", p->name, p->path, why);
        quarry_buf_free(&detail);
        return PLUGIN_INVALID;
    }
    quarry_buf_free(&detail);
    return PLUGIN_OK;
}

/* libltdl reports a module that fails to link as "file not found", losing the loader's reason.
 * Ask dlopen directly for the real one, into OUT: the .so itself, or the one a libtool .la names.
 * OUT stays empty if dlopen gives none. */
static void plugin_diagnose(const char *file, quarry_buf *out)
{
    quarry_buf so = {0};
    size_t len = strlen(file);
    if (len > 3 && strcmp(file + len - 3, ".la") == 0) {
        FILE *f = fopen(file, "r");
        char line[1024], dlname[512] = "";
        while (f && fgets(line, sizeof line, f))
            if (sscanf(line, "dlname='%511[^']'", dlname) == 1)
                break;
        if (f)
            fclose(f);
        if (!*dlname)
            return;
        const char *slash = strrchr(file, '/');
        int dirlen = slash ? (int)(slash - file) : 1;
        const char *dir = slash ? file : ".";
        /* Uninstalled libtool modules live in .libs beside their .la. */
        buf_printf(&so, "%.*s/.libs/%s", dirlen, dir, dlname);
        if (access(buf_cstr(&so), F_OK) != 0) {
            so.len = 0;
            buf_printf(&so, "%.*s/%s", dirlen, dir, dlname);
        }
    } else {
        buf_puts(&so, file);
    }
    void *h = dlopen(buf_cstr(&so), RTLD_NOW | RTLD_LOCAL);
    if (h)
        dlclose(h);
    else
        buf_puts(out, dlerror());
    quarry_buf_free(&so);
}

plugin_status plugin_load(const plugin_path *pp, const char *name, plugin **out, quarry_buf *err)
{
    *out = NULL;
    if (!plugin_valid_name(name)) {
        buf_printf(err, "'%s' is not a valid stage name (letters, digits and _ only)", name);
        return PLUGIN_NOT_FOUND;
    }
    char *file = NULL;
    for (size_t i = 0; i < pp->n && !file; i++)
        file = plugin_file_in(pp->dirs[i], name);
    if (!file) {
        buf_printf(err, "stage '%s' not found; searched ", name);
        plugin_path_describe(pp, err);
        buf_printf(err, " for %s.la or %s.so", name, name);
        char **names;
        size_t n = plugin_names(pp, &names);
        const char *near = suggest_closest(name, (const char *const *)names, n);
        if (near)
            buf_printf(err, "; did you mean '%s'?", near);
        plugin_names_free(names, n);
        return PLUGIN_NOT_FOUND;
    }
    plugin *p = mem_calloc(1, sizeof *p);
    p->name = mem_strdup(name);
    p->path = file;
    p->handle = lt_dlopen(file);
    if (!p->handle) {
        const char *why = lt_dlerror();
        quarry_buf real = {0};
        plugin_diagnose(file, &real);
        buf_printf(err, "stage '%s': cannot load %s: %s", name, file,
                   real.len ? buf_cstr(&real) : why ? why : "unknown error");
        /* The stage is there, but a library it needs is not where the loader looks. */
        if (real.len && strstr(buf_cstr(&real), "cannot open shared object file"))
            buf_puts(err, " (a library the stage needs: build the stage with a run path to its folder, "
                          "-Wl,-rpath, as quarry new-stage's Makefile does, or set LD_LIBRARY_PATH, or "
                          "run ldconfig)");
        quarry_buf_free(&real);
        plugin_unload(p);
        return PLUGIN_LOAD_FAILED;
    }
    /* libltdl tries NAME_LTX_quarry_stage first, then the plain symbol. */
    const struct quarry_stage *d = lt_dlsym(p->handle, "quarry_stage");
    if (!d) {
        const char *why = lt_dlerror();
        buf_printf(err, "stage '%s': %s exports no stage descriptor (%s_LTX_quarry_stage; "
                   "declare it with QUARRY_STAGE(%s)): %s", name, file, name, name,
                   why ? why : "symbol not found");
        plugin_unload(p);
        return PLUGIN_NO_SYMBOL;
    }
    /* The file its code is in, which a .la only names: a nightly run's caches hold what this
     * code made (fingerprint_instance). */
    Dl_info where;
    if (dladdr(d, &where) && where.dli_fname)
        p->object = mem_strdup(where.dli_fname);
    plugin_status st = plugin_check_descriptor(p, d, err);
    if (st != PLUGIN_OK) {
        plugin_unload(p);
        return st;
    }
    *out = p;
    return PLUGIN_OK;
}

void plugin_unload(plugin *p)
{
    if (!p)
        return;
    if (p->handle)
        lt_dlclose(p->handle);
    free(p->name);
    free(p->path);
    free(p->object);
    free(p);
}

static int plugin_name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t plugin_names(const plugin_path *pp, char ***names)
{
    char **list = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < pp->n; i++) {
        DIR *dir = opendir(pp->dirs[i]);
        if (!dir)
            continue;
        struct dirent *e;
        while ((e = readdir(dir))) {
            size_t len = strlen(e->d_name);
            if (len < 4 || (strcmp(e->d_name + len - 3, ".la") && strcmp(e->d_name + len - 3, ".so")))
                continue;
            char *stem = mem_strndup(e->d_name, len - 3);
            int seen = !plugin_valid_name(stem);
            for (size_t j = 0; j < n && !seen; j++)
                seen = strcmp(list[j], stem) == 0;
            if (seen) {
                free(stem);
                continue;
            }
            mem_grow((void **)&list, &cap, n + 1, sizeof *list);
            list[n++] = stem;
        }
        closedir(dir);
    }
    if (n) /* no stage found: list is NULL, which qsort may not be given even for no items */
        qsort(list, n, sizeof *list, plugin_name_cmp);
    *names = list;
    return n;
}

void plugin_names_free(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}
