/* param.h: validates and converts stage parameters against a stage's typed table. */
#ifndef QUARRY_PARAM_H
#define QUARRY_PARAM_H
#include "quarry.h"

typedef struct param_value {
    const quarry_param *def;
    int set;         /* given explicitly */
    char *where;     /* "file:line" where it was given */
    char *text;      /* as written, or the default */
    char *str;       /* STRING, ENUM, PATH (resolved) */
    int64_t i;
    double f;
    int b;
    char **items;    /* LIST */
    size_t nitems;
} param_value;

typedef struct param_set {
    const char *instance; /* section name, for messages */
    const char *plugin;
    const quarry_param *table;
    size_t n;
    param_value *values;
} param_set;

void param_set_init(param_set *ps, const quarry_param *table, const char *instance,
                    const char *plugin);
void param_set_free(param_set *ps);
/* NAME = VALUE, given at WHERE ("file:line"); relative paths resolve against BASE_DIR.
 * Returns 0, or -1 with a message in ERR naming WHERE, the stage and the problem. */
int param_assign(param_set *ps, const char *name, const char *value, const char *where,
                 const char *base_dir, quarry_buf *err);
/* Fills in defaults and checks required parameters (WHERE: the stage's section). */
int param_complete(param_set *ps, const char *where, quarry_buf *err);
param_value *param_find(param_set *ps, const char *name);
/* Checks a descriptor's table: names unique and non-empty, types known, defaults valid. */
int param_check_table(const quarry_param *table, quarry_buf *err);
const char *param_type_name(quarry_param_type type);
/* Appends a number's allowed range, "MIN" TO "MAX" ("1..1000"), or "at least MIN". */
void param_range_text(const quarry_param *def, const char *to, quarry_buf *out);
/* Appends the table's names, comma-separated. */
void param_list_names(const quarry_param *table, quarry_buf *out);
#endif
