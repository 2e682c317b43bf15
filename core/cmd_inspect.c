/* cmd_inspect.c: `quarry inspect STAGE`: a stage's descriptor and parameter table. */
#include "cli.h"
#include "buf.h"
#include "param.h"
#include "plugin.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

static void inspect_json_str(quarry_buf *out, const char *s)
{
    if (s)
        quarry_json_string(out, s, strlen(s));
    else
        buf_puts(out, "null");
}

static void inspect_flags(const plugin *p, quarry_buf *out, int json)
{
    static const struct { uint32_t bit; const char *name; } flags[] = {
        {QUARRY_SOURCE, "source"},
        {QUARRY_PER_RECORD, "per-record"},
        {QUARRY_TWO_PASS, "two-pass"},
        {QUARRY_TABLES_LAST, "tables-last"}};
    int first = 1;
    for (size_t i = 0; i < sizeof flags / sizeof *flags; i++) {
        if (!(p->stage.flags & flags[i].bit))
            continue;
        if (json)
            buf_printf(out, "%s\"%s\"", first ? "" : ",", flags[i].name);
        else
            buf_printf(out, "%s%s", first ? "" : ", ", flags[i].name);
        first = 0;
    }
    if (first && !json)
        buf_puts(out, "none");
}

static void inspect_range(const quarry_param *q, quarry_buf *out)
{
    if ((q->type == QUARRY_PARAM_INT || q->type == QUARRY_PARAM_FLOAT) && q->min < q->max)
        param_range_text(q, "..", out);
    for (size_t c = 0; q->type == QUARRY_PARAM_ENUM && q->choices[c]; c++)
        buf_printf(out, "%s%s", c ? "|" : "", q->choices[c]);
}

static void inspect_text(const plugin *p, quarry_buf *out)
{
    buf_printf(out, "Stage:       %s %s\nSummary:     %s\nFile:        %s\nABI:         %u.%u\nFlags:       ",
               p->name, p->stage.version, p->stage.summary, p->path, p->stage.abi >> 16,
               p->stage.abi & 0xffff);
    inspect_flags(p, out, 0);
    buf_puts(out, "\n\nParameters:\n");
    const quarry_param *t = p->stage.params;
    if (!t || !t[0].name)
        buf_puts(out, "  (none)\n");
    for (size_t i = 0; t && t[i].name; i++) {
        quarry_buf range = {0};
        inspect_range(&t[i], &range);
        buf_printf(out, "  %-16s %-6s %s%s%s%s\n", t[i].name, param_type_name(t[i].type),
                   t[i].required ? "required" : "default: ",
                   t[i].required ? "" : (t[i].default_value ? t[i].default_value : "(unset)"),
                   range.len ? "  allowed: " : "", range.len ? buf_cstr(&range) : "");
        buf_printf(out, "  %-16s %s\n", "", t[i].help ? t[i].help : "");
        quarry_buf_free(&range);
    }
}

static void inspect_json(const plugin *p, quarry_buf *out)
{
    buf_puts(out, "{\"name\":");
    inspect_json_str(out, p->name);
    buf_puts(out, ",\"version\":");
    inspect_json_str(out, p->stage.version);
    buf_puts(out, ",\"summary\":");
    inspect_json_str(out, p->stage.summary);
    buf_puts(out, ",\"path\":");
    inspect_json_str(out, p->path);
    buf_printf(out, ",\"abi\":\"%u.%u\",\"flags\":[", p->stage.abi >> 16, p->stage.abi & 0xffff);
    inspect_flags(p, out, 1);
    buf_puts(out, "],\"params\":[");
    const quarry_param *t = p->stage.params;
    for (size_t i = 0; t && t[i].name; i++) {
        buf_printf(out, "%s{\"name\":", i ? "," : "");
        inspect_json_str(out, t[i].name);
        buf_printf(out, ",\"type\":\"%s\",\"required\":%s,\"default\":", param_type_name(t[i].type),
                   t[i].required ? "true" : "false");
        inspect_json_str(out, t[i].default_value);
        if ((t[i].type == QUARRY_PARAM_INT || t[i].type == QUARRY_PARAM_FLOAT) && t[i].min < t[i].max)
            buf_printf(out, ",\"min\":%.17g,\"max\":%.17g", t[i].min, t[i].max);
        if (t[i].type == QUARRY_PARAM_ENUM) {
            buf_puts(out, ",\"choices\":[");
            for (size_t c = 0; t[i].choices[c]; c++) {
                if (c)
                    buf_putc(out, ',');
                inspect_json_str(out, t[i].choices[c]);
            }
            buf_putc(out, ']');
        }
        buf_puts(out, ",\"help\":");
        inspect_json_str(out, t[i].help);
        buf_putc(out, '}');
    }
    buf_puts(out, "]}\n");
}

int cmd_inspect(int argc, char **argv)
{
    enum { OPT_PLUGIN_PATH = 256, OPT_JSON };
    static const struct option longopts[] = {
        {"plugin-path", required_argument, NULL, OPT_PLUGIN_PATH},
        {"json", no_argument, NULL, OPT_JSON},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *extra = NULL;
    int json = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_PLUGIN_PATH: extra = optarg; break;
        case OPT_JSON: json = 1; break;
        case 'h':
            printf("Usage: quarry inspect [--json] [--plugin-path DIRS] STAGE\n\n"
                   "Prints a stage's version, summary, file, ABI, flags and its parameters\n"
                   "(type, default, allowed values, help), as text or as one JSON object.\n");
            return 0;
        default: return cli_option_error("inspect");
        }
    }
    if (optind + 1 != argc)
        return cli_usage_error("inspect", "give exactly one STAGE");
    plugin_path pp;
    plugin_path_init(&pp, extra);
    plugin *p;
    quarry_buf out = {0};
    plugin_status st = plugin_load(&pp, argv[optind], &p, &out);
    int status = 0;
    if (st != PLUGIN_OK) {
        status = cli_fail(st == PLUGIN_NOT_FOUND ? EX_USAGE : EX_UNAVAILABLE, buf_cstr(&out));
    } else {
        if (json)
            inspect_json(p, &out);
        else
            inspect_text(p, &out);
        fwrite(out.data, 1, out.len, stdout);
        plugin_unload(p);
    }
    quarry_buf_free(&out);
    plugin_path_free(&pp);
    return status;
}
