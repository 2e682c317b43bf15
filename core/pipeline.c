/* pipeline.c: parses pipeline files (INI-like) and one-line graphs into sections. */
#include "pipeline.h"
#include "buf.h"
#include "mem.h"
#include "openfile.h"

#include <ctype.h>
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PIPELINE_MAX_BYTES (16u << 20)

static pipeline *pipeline_new(const char *file, const char *base_dir)
{
    pipeline *p = mem_calloc(1, sizeof *p);
    p->file = mem_strdup(file);
    p->base_dir = mem_strdup(base_dir);
    return p;
}

static void pipeline_kv_free(pipeline_kv *kv, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(kv[i].key);
        free(kv[i].value);
    }
    free(kv);
}

void pipeline_free(pipeline *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->nsections; i++) {
        pipeline_section *s = &p->sections[i];
        free(s->name);
        free(s->use);
        free(s->input);
        pipeline_kv_free(s->params, s->nparams);
    }
    free(p->sections);
    pipeline_kv_free(p->settings, p->nsettings);
    free(p->file);
    free(p->base_dir);
    free(p);
}

char *pipeline_where(const pipeline *p, int line)
{
    quarry_buf b = {0};
    if (line > 0)
        buf_printf(&b, "%s:%d", p->file, line);
    else
        buf_puts(&b, p->file);
    return buf_steal(&b);
}

static void pipeline_kv_add(pipeline_kv **kv, size_t *n, const char *key, size_t klen,
                            const char *value, size_t vlen, int line)
{
    *kv = mem_realloc(*kv, (*n + 1) * sizeof **kv);
    (*kv)[*n].key = mem_strndup(key, klen);
    (*kv)[*n].value = mem_strndup(value, vlen);
    (*kv)[*n].line = line;
    (*n)++;
}

static pipeline_section *pipeline_find(pipeline *p, const char *name)
{
    for (size_t i = 0; i < p->nsections; i++)
        if (strcmp(p->sections[i].name, name) == 0)
            return &p->sections[i];
    return NULL;
}

static pipeline_section *pipeline_add_section(pipeline *p, const char *name, int line)
{
    p->sections = mem_realloc(p->sections, (p->nsections + 1) * sizeof *p->sections);
    pipeline_section *s = &p->sections[p->nsections++];
    memset(s, 0, sizeof *s);
    s->name = mem_strdup(name);
    s->line = line;
    return s;
}

static int pipeline_name_char(int c)
{
    return isalnum(c) || c == '_' || c == '-' || c == '.';
}

/* Sets KEY = VALUE on section S (use and input are the core's; the rest are parameters). */
static int pipeline_section_set(pipeline *p, pipeline_section *s, const char *key,
                                const char *value, size_t vlen, int line, quarry_buf *err)
{
    char **slot = strcmp(key, "use") == 0 ? &s->use : strcmp(key, "input") == 0 ? &s->input : NULL;
    if (!slot) {
        pipeline_kv_add(&s->params, &s->nparams, key, strlen(key), value, vlen, line);
        return 0;
    }
    if (*slot) {
        buf_printf(err, "%s:%d: [%s]: '%s' given twice", p->file, line, s->name, key);
        return -1;
    }
    if (vlen == 0) {
        buf_printf(err, "%s:%d: [%s]: '%s' needs a value", p->file, line, s->name, key);
        return -1;
    }
    *slot = mem_strndup(value, vlen);
    return 0;
}

int pipeline_parse_text(const char *text, size_t len, const char *file, const char *base_dir,
                        pipeline **out, quarry_buf *err)
{
    pipeline *p = pipeline_new(file, base_dir);
    pipeline_section *cur = NULL;
    int in_settings = 0;
    int line = 0;
    const char *pos = text, *end = text + len;
    /* A byte-order mark, as some Windows editors begin UTF-8 files with: no part of line 1. */
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
        pos += 3;
    while (pos < end) {
        const char *nl = memchr(pos, '\n', (size_t)(end - pos));
        const char *a = pos, *b = nl ? nl : end;
        pos = nl ? nl + 1 : end;
        line++;
        if (memchr(a, '\0', (size_t)(b - a))) {
            buf_printf(err, "%s:%d: NUL byte in a pipeline file (is it a text file?)", file, line);
            goto fail;
        }
        while (a < b && isspace((unsigned char)*a))
            a++;
        while (b > a && isspace((unsigned char)b[-1]))
            b--;
        if (a == b || *a == '#' || *a == ';')
            continue;
        if (*a == '[') {
            if (b[-1] != ']') {
                buf_printf(err, "%s:%d: section header without a closing ']'", file, line);
                goto fail;
            }
            const char *na = a + 1, *nb = b - 1;
            while (na < nb && isspace((unsigned char)*na))
                na++;
            while (nb > na && isspace((unsigned char)nb[-1]))
                nb--;
            if (na == nb) {
                buf_printf(err, "%s:%d: empty section name", file, line);
                goto fail;
            }
            for (const char *c = na; c < nb; c++) {
                if (!pipeline_name_char((unsigned char)*c)) {
                    buf_printf(err, "%s:%d: section name '%.*s' may hold only letters, digits, "
                               "'_', '-' and '.'", file, line, (int)(nb - na), na);
                    goto fail;
                }
            }
            char *name = mem_strndup(na, (size_t)(nb - na));
            if (strcmp(name, "pipeline") == 0) {
                if (p->settings_line) {
                    buf_printf(err, "%s:%d: section [pipeline] given twice (first at line %d)",
                               file, line, p->settings_line);
                    free(name);
                    goto fail;
                }
                p->settings_line = line;
                in_settings = 1;
                cur = NULL;
            } else {
                pipeline_section *dup = pipeline_find(p, name);
                if (dup) {
                    buf_printf(err, "%s:%d: section [%s] given twice (first at line %d); name "
                               "the second one differently and add 'use = %s'", file, line, name,
                               dup->line, dup->use ? dup->use : dup->name);
                    free(name);
                    goto fail;
                }
                cur = pipeline_add_section(p, name, line);
                in_settings = 0;
            }
            free(name);
            continue;
        }
        const char *eq = memchr(a, '=', (size_t)(b - a));
        if (!eq) {
            buf_printf(err, "%s:%d: expected 'key = value' or '[section]', got '%.*s'", file, line,
                       (int)(b - a), a);
            goto fail;
        }
        const char *ka = a, *kb = eq, *va = eq + 1, *vb = b;
        while (kb > ka && isspace((unsigned char)kb[-1]))
            kb--;
        while (va < vb && isspace((unsigned char)*va))
            va++;
        if (ka == kb) {
            buf_printf(err, "%s:%d: a value without a key", file, line);
            goto fail;
        }
        for (const char *c = ka; c < kb; c++) {
            if (!isalnum((unsigned char)*c) && *c != '_' && *c != '-') {
                buf_printf(err, "%s:%d: key '%.*s' may hold only letters, digits, '_' and '-'",
                           file, line, (int)(kb - ka), ka);
                goto fail;
            }
        }
        /* "quoted" values keep their spaces; the quotes go. */
        if (vb - va >= 2 && *va == '"' && vb[-1] == '"') {
            va++;
            vb--;
        }
        char *key = mem_strndup(ka, (size_t)(kb - ka));
        int rc = 0;
        if (in_settings) {
            for (size_t i = 0; i < p->nsettings; i++) {
                if (strcmp(p->settings[i].key, key) == 0) {
                    buf_printf(err, "%s:%d: [pipeline]: '%s' given twice (first at line %d)", file,
                               line, key, p->settings[i].line);
                    rc = -1;
                }
            }
            if (rc == 0)
                pipeline_kv_add(&p->settings, &p->nsettings, key, strlen(key), va,
                                (size_t)(vb - va), line);
        } else if (cur) {
            rc = pipeline_section_set(p, cur, key, va, (size_t)(vb - va), line, err);
        } else {
            buf_printf(err, "%s:%d: '%s' comes before any [section]", file, line, key);
            rc = -1;
        }
        free(key);
        if (rc < 0)
            goto fail;
    }
    if (p->nsections == 0) {
        buf_printf(err, "%s: no stages: add a [section] for each stage, e.g. [read] and [write]",
                   file);
        goto fail;
    }
    *out = p;
    return 0;
fail:
    pipeline_free(p);
    *out = NULL;
    return -1;
}

int pipeline_parse_file(const char *path, pipeline **out, quarry_buf *err)
{
    *out = NULL;
    FILE *f = openfile_read(path);
    if (!f) {
        buf_printf(err, "cannot open pipeline file %s: %s", path, strerror(errno));
        return -1;
    }
    quarry_buf text = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        quarry_buf_append(&text, chunk, n);
        if (text.len > PIPELINE_MAX_BYTES)
            break;
    }
    int failed = ferror(f), why = errno; /* before fclose, which may set errno */
    fclose(f);
    if (failed || text.len > PIPELINE_MAX_BYTES) {
        if (failed)
            buf_printf(err, "cannot read pipeline file %s: %s", path, strerror(why));
        else
            buf_printf(err, "%s: too large for a pipeline file", path);
        quarry_buf_free(&text);
        return -1;
    }
    char *copy = mem_strdup(path);
    int rc = pipeline_parse_text(text.data ? text.data : "", text.len, path, dirname(copy), out,
                                 err);
    free(copy);
    quarry_buf_free(&text);
    return rc;
}

/* ---- One-line graphs ---------------------------------------------------------------------- */

/* Splits GRAPH into words: whitespace separates, '!' is a word of its own, quotes group. */
static int pipeline_words(const char *graph, char ***words, size_t *nwords, quarry_buf *err)
{
    char **list = NULL;
    size_t n = 0;
    const char *s = graph;
    for (;;) {
        while (isspace((unsigned char)*s))
            s++;
        if (!*s)
            break;
        quarry_buf w = {0};
        if (*s == '!') {
            buf_putc(&w, '!');
            s++;
        } else {
            while (*s && !isspace((unsigned char)*s) && *s != '!') {
                if (*s == '\'' || *s == '"') {
                    char q = *s++;
                    const char *close = strchr(s, q);
                    if (!close) {
                        buf_printf(err, "<command line>: unclosed %c quote", q);
                        quarry_buf_free(&w);
                        goto fail;
                    }
                    quarry_buf_append(&w, s, (size_t)(close - s));
                    s = close + 1;
                } else {
                    buf_putc(&w, *s++);
                }
            }
        }
        list = mem_realloc(list, (n + 1) * sizeof *list);
        list[n++] = buf_steal(&w);
    }
    *words = list;
    *nwords = n;
    return 0;
fail:
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
    return -1;
}

/* A section name for PLUGIN not yet taken: plugin, plugin-2, plugin-3, ... */
static char *pipeline_unique_name(pipeline *p, const char *base)
{
    if (!pipeline_find(p, base))
        return mem_strdup(base);
    for (int i = 2;; i++) {
        quarry_buf b = {0};
        buf_printf(&b, "%s-%d", base, i);
        if (!pipeline_find(p, buf_cstr(&b)))
            return buf_steal(&b);
        quarry_buf_free(&b);
    }
}

int pipeline_parse_graph(const char *graph, pipeline **out, quarry_buf *err)
{
    *out = NULL;
    char **words;
    size_t nwords;
    if (pipeline_words(graph, &words, &nwords, err) < 0)
        return -1;
    char cwd[4096];
    pipeline *p = pipeline_new("<command line>", getcwd(cwd, sizeof cwd) ? cwd : ".");
    /* Indices, not pointers: adding a section may move them all. */
    size_t prev = (size_t)-1;        /* the element a '!' continues from */
    int branch = 0;                  /* a 'label.' waits for its '!' */
    int expect_element = 1;
    for (size_t i = 0; i < nwords; i++) {
        const char *w = words[i];
        size_t wl = strlen(w);
        if (strcmp(w, "!") == 0) {
            if (expect_element) {
                buf_puts(err, "<command line>: '!' must stand between two stages");
                goto fail;
            }
            expect_element = 1;
            continue;
        }
        if (!strchr(w, '=') && wl > 1 && w[wl - 1] == '.' && !strchr(w, ':')) {
            /* 'label.' starts a branch from an earlier, labelled stage. */
            char *label = mem_strndup(w, wl - 1);
            pipeline_section *from = pipeline_find(p, label);
            free(label);
            if (!from) {
                buf_printf(err, "<command line>: no stage is labelled '%.*s' (label one with "
                           "'%.*s:plugin')", (int)wl - 1, w, (int)wl - 1, w);
                goto fail;
            }
            if (i + 1 >= nwords || strcmp(words[i + 1], "!") != 0) {
                buf_printf(err, "<command line>: '%s' must be followed by '!'", w);
                goto fail;
            }
            branch = 1;
            prev = (size_t)(from - p->sections);
            expect_element = 0;
            continue;
        }
        if (strchr(w, '=') && !expect_element && prev != (size_t)-1) {
            const char *eq = strchr(w, '=');
            char *key = mem_strndup(w, (size_t)(eq - w));
            /* A graph gives each stage its plugin and input itself: 'use' or 'input' after it
             * would only be "given twice", at a line 0 that a command line has not. */
            int rc = -1;
            if (!*key)
                buf_printf(err, "<command line>: '%s' has no parameter name", w);
            else if (!strcmp(key, "use") || !strcmp(key, "input"))
                buf_printf(err, "<command line>: '%s': a graph names each stage's plugin ('label:plugin') and its "
                           "input ('!', 'label.'); 'use' and 'input' are a pipeline file's",
                           w);
            else
                rc = pipeline_section_set(p, &p->sections[prev], key, eq + 1, strlen(eq + 1), 0, err);
            free(key);
            if (rc < 0)
                goto fail;
            continue;
        }
        if (strchr(w, '=')) {
            buf_printf(err, "<command line>: '%s' comes before any stage", w);
            goto fail;
        }
        const char *colon = strchr(w, ':');
        char *label = colon ? mem_strndup(w, (size_t)(colon - w)) : NULL;
        const char *plugin = colon ? colon + 1 : w;
        if (!*plugin || (label && !*label)) {
            buf_printf(err, "<command line>: '%s' is not 'plugin' or 'label:plugin'", w);
            free(label);
            goto fail;
        }
        if (label && pipeline_find(p, label)) {
            buf_printf(err, "<command line>: label '%s' is used twice", label);
            free(label);
            goto fail;
        }
        char *name = label ? label : pipeline_unique_name(p, plugin);
        pipeline_section *s = pipeline_add_section(p, name, 0);
        free(name);
        s->use = mem_strdup(plugin);
        /* After '!', the element before feeds this one; a new chain without '!' (a second
         * source, say) gets the file language's default. */
        if (expect_element && prev != (size_t)-1)
            s->input = mem_strdup(p->sections[prev].name);
        prev = p->nsections - 1;
        branch = 0;
        expect_element = 0;
    }
    if (expect_element || branch) {
        buf_puts(err, nwords ? "<command line>: the graph ends with '!'"
                             : "<command line>: the graph is empty");
        goto fail;
    }
    for (size_t i = 0; i < nwords; i++)
        free(words[i]);
    free(words);
    *out = p;
    return 0;
fail:
    for (size_t i = 0; i < nwords; i++)
        free(words[i]);
    free(words);
    pipeline_free(p);
    return -1;
}
