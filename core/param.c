/* param.c: validates and converts stage parameters against a stage's typed table. */
#include "param.h"
#include "buf.h"
#include "mem.h"
#include "suggest.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *param_type_name(quarry_param_type type)
{
    switch (type) {
    case QUARRY_PARAM_STRING: return "string";
    case QUARRY_PARAM_INT: return "int";
    case QUARRY_PARAM_FLOAT: return "float";
    case QUARRY_PARAM_BOOL: return "bool";
    case QUARRY_PARAM_ENUM: return "enum";
    case QUARRY_PARAM_PATH: return "path";
    case QUARRY_PARAM_LIST: return "list";
    }
    return NULL;
}

void param_list_names(const quarry_param *table, quarry_buf *out)
{
    for (size_t i = 0; table && table[i].name; i++)
        buf_printf(out, "%s%s", i ? ", " : "", table[i].name);
}

void param_range_text(const quarry_param *def, const char *to, quarry_buf *out)
{
    /* An int bounded only by int64_t has no upper bound worth printing: as a double it reads
     * 9.22337203685478e+18, like a float, and is off by one besides. */
    if (def->type == QUARRY_PARAM_INT && def->max >= 0x1p63)
        buf_printf(out, "at least %.15g", def->min);
    else
        buf_printf(out, "%.15g%s%.15g", def->min, to, def->max);
}

/* "VALUE is out of range (MIN to MAX)", for ints and floats alike. */
static void param_out_of_range(const quarry_param *def, const char *value, quarry_buf *why)
{
    buf_printf(why, "%s is out of range (", value);
    param_range_text(def, " to ", why);
    buf_puts(why, ")");
}

static void param_value_clear(param_value *v)
{
    free(v->where);
    free(v->text);
    free(v->str);
    for (size_t i = 0; i < v->nitems; i++)
        free(v->items[i]);
    free(v->items);
    const quarry_param *def = v->def;
    memset(v, 0, sizeof *v);
    v->def = def;
}

void param_set_init(param_set *ps, const quarry_param *table, const char *instance,
                    const char *plugin)
{
    memset(ps, 0, sizeof *ps);
    ps->table = table;
    ps->instance = instance;
    ps->plugin = plugin;
    while (table && table[ps->n].name)
        ps->n++;
    ps->values = mem_calloc(ps->n, sizeof *ps->values);
    for (size_t i = 0; i < ps->n; i++)
        ps->values[i].def = &table[i];
}

void param_set_free(param_set *ps)
{
    for (size_t i = 0; i < ps->n; i++)
        param_value_clear(&ps->values[i]);
    free(ps->values);
    ps->values = NULL;
    ps->n = 0;
}

param_value *param_find(param_set *ps, const char *name)
{
    for (size_t i = 0; i < ps->n; i++)
        if (strcmp(ps->values[i].def->name, name) == 0)
            return &ps->values[i];
    return NULL;
}

static int param_parse_bool(const char *s, int *out)
{
    static const char *const yes[] = {"true", "yes", "on", "1"};
    static const char *const no[] = {"false", "no", "off", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (strcasecmp(s, yes[i]) == 0) {
            *out = 1;
            return 0;
        }
        if (strcasecmp(s, no[i]) == 0) {
            *out = 0;
            return 0;
        }
    }
    return -1;
}

static void param_split_list(param_value *v, const char *s)
{
    while (*s) {
        const char *comma = strchr(s, ',');
        const char *end = comma ? comma : s + strlen(s);
        const char *a = s, *b = end;
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
            b--;
        if (b > a) {
            v->items = mem_realloc(v->items, (v->nitems + 1) * sizeof *v->items);
            v->items[v->nitems++] = mem_strndup(a, (size_t)(b - a));
        }
        if (!comma)
            break;
        s = comma + 1;
    }
}

/* Converts TEXT for DEF into V. Returns 0, or -1 with the reason (no location) in WHY. */
static int param_convert(const quarry_param *def, const char *text, const char *base_dir,
                         param_value *v, quarry_buf *why)
{
    v->text = mem_strdup(text);
    switch (def->type) {
    case QUARRY_PARAM_STRING:
        v->str = mem_strdup(text);
        return 0;
    case QUARRY_PARAM_PATH:
        if (text[0] == '/' || !base_dir || !*base_dir || strcmp(text, "-") == 0 || !*text) {
            v->str = mem_strdup(text);
        } else {
            quarry_buf p = {0};
            buf_printf(&p, "%s/%s", base_dir, text);
            v->str = buf_steal(&p);
        }
        return 0;
    case QUARRY_PARAM_INT: {
        char *end;
        errno = 0;
        long long n = strtoll(text, &end, 10);
        if (end == text || *end) {
            buf_printf(why, "'%s' is not a whole number", text);
            return -1;
        }
        if (errno == ERANGE) {
            buf_printf(why, "'%s' is too large", text);
            return -1;
        }
        if (def->min < def->max && ((double)n < def->min || (double)n > def->max)) {
            char written[24];
            snprintf(written, sizeof written, "%lld", n);
            param_out_of_range(def, written, why);
            return -1;
        }
        v->i = n;
        v->f = (double)n;
        return 0;
    }
    case QUARRY_PARAM_FLOAT: {
        char *end;
        errno = 0;
        double d = strtod(text, &end);
        if (end == text || *end || !isfinite(d)) {
            buf_printf(why, "'%s' is not a number", text);
            return -1;
        }
        if (errno == ERANGE && d != 0) {
            buf_printf(why, "'%s' is out of the range of a double", text);
            return -1;
        }
        if (def->min < def->max && (d < def->min || d > def->max)) {
            param_out_of_range(def, text, why);
            return -1;
        }
        v->f = d;
        v->i = (int64_t)d;
        return 0;
    }
    case QUARRY_PARAM_BOOL:
        if (param_parse_bool(text, &v->b) < 0) {
            buf_printf(why, "'%s' is not a boolean (use true or false)", text);
            return -1;
        }
        v->i = v->b;
        return 0;
    case QUARRY_PARAM_ENUM: {
        size_t n = 0;
        while (def->choices && def->choices[n])
            n++;
        for (size_t i = 0; i < n; i++) {
            if (strcmp(text, def->choices[i]) == 0) {
                v->str = mem_strdup(text);
                v->i = (int64_t)i;
                return 0;
            }
        }
        buf_printf(why, "'%s' is not one of: ", text);
        for (size_t i = 0; i < n; i++)
            buf_printf(why, "%s%s", i ? ", " : "", def->choices[i]);
        const char *near = suggest_closest(text, def->choices, n);
        if (near)
            buf_printf(why, " (did you mean '%s'?)", near);
        return -1;
    }
    case QUARRY_PARAM_LIST:
        param_split_list(v, text);
        return 0;
    }
    buf_printf(why, "parameter has an unknown type %d", (int)def->type);
    return -1;
}

static void param_where(param_set *ps, const char *where, quarry_buf *err)
{
    if (where && *where)
        buf_printf(err, "%s: ", where);
    buf_printf(err, "stage '%s'", ps->instance);
    if (ps->plugin && strcmp(ps->plugin, ps->instance) != 0)
        buf_printf(err, " (%s)", ps->plugin);
    buf_puts(err, ": ");
}

int param_assign(param_set *ps, const char *name, const char *value, const char *where,
                 const char *base_dir, quarry_buf *err)
{
    param_value *v = param_find(ps, name);
    if (!v) {
        param_where(ps, where, err);
        buf_printf(err, "unknown parameter '%s'", name);
        /* Zeroed, though only the first n are read: with the whole program in view (LTO) the
         * compiler cannot tell, and warns. */
        const char **names = mem_calloc(ps->n + 1, sizeof *names);
        for (size_t i = 0; i < ps->n; i++)
            names[i] = ps->values[i].def->name;
        const char *near = suggest_closest(name, names, ps->n);
        free(names);
        if (near)
            buf_printf(err, "; did you mean '%s'?", near);
        if (ps->n) {
            buf_printf(err, " (%s takes: ", ps->plugin ? ps->plugin : ps->instance);
            param_list_names(ps->table, err);
            buf_putc(err, ')');
        } else {
            buf_printf(err, " (%s takes no parameters)", ps->plugin ? ps->plugin : ps->instance);
        }
        return -1;
    }
    if (v->set) {
        param_where(ps, where, err);
        buf_printf(err, "parameter '%s' given twice (first at %s)", name, v->where);
        return -1;
    }
    param_value_clear(v);
    quarry_buf why = {0};
    if (param_convert(v->def, value, base_dir, v, &why) < 0) {
        param_where(ps, where, err);
        buf_printf(err, "parameter '%s' (%s): %s", name, param_type_name(v->def->type),
                   buf_cstr(&why));
        quarry_buf_free(&why);
        param_value_clear(v);
        return -1;
    }
    v->set = 1;
    v->where = mem_strdup(where ? where : "");
    return 0;
}

int param_complete(param_set *ps, const char *where, quarry_buf *err)
{
    for (size_t i = 0; i < ps->n; i++) {
        param_value *v = &ps->values[i];
        if (v->set)
            continue;
        if (v->def->required) {
            param_where(ps, where, err);
            buf_printf(err, "missing required parameter '%s' (%s): %s", v->def->name,
                       param_type_name(v->def->type), v->def->help ? v->def->help : "");
            return -1;
        }
        if (v->def->default_value) {
            quarry_buf why = {0};
            /* Defaults were checked when the stage was loaded; paths in defaults are kept as
             * written (relative to the working directory). Clearing first makes a second call
             * harmless. */
            param_value_clear(v);
            int rc = param_convert(v->def, v->def->default_value, NULL, v, &why);
            quarry_buf_free(&why);
            if (rc < 0)
                return -1;
        }
    }
    return 0;
}

int param_check_table(const quarry_param *table, quarry_buf *err)
{
    for (size_t i = 0; table && table[i].name; i++) {
        const quarry_param *p = &table[i];
        if (!*p->name) {
            buf_printf(err, "parameter %zu has an empty name", i);
            return -1;
        }
        for (size_t j = 0; j < i; j++) {
            if (strcmp(table[j].name, p->name) == 0) {
                buf_printf(err, "parameter '%s' is declared twice", p->name);
                return -1;
            }
        }
        if (!param_type_name(p->type)) {
            buf_printf(err, "parameter '%s' has an unknown type %d", p->name, (int)p->type);
            return -1;
        }
        if (p->type == QUARRY_PARAM_ENUM && (!p->choices || !p->choices[0])) {
            buf_printf(err, "enum parameter '%s' lists no choices", p->name);
            return -1;
        }
        if (p->default_value) {
            param_value v = {.def = p};
            quarry_buf why = {0};
            int rc = param_convert(p, p->default_value, NULL, &v, &why);
            if (rc < 0)
                buf_printf(err, "default of parameter '%s' is invalid: %s", p->name,
                           buf_cstr(&why));
            quarry_buf_free(&why);
            param_value_clear(&v);
            if (rc < 0)
                return -1;
        }
    }
    return 0;
}
