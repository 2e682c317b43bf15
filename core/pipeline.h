/* pipeline.h: pipeline files and one-line graphs, parsed into sections (no stage loaded yet). */
#ifndef QUARRY_PIPELINE_H
#define QUARRY_PIPELINE_H
#include "quarry.h"

typedef struct pipeline_kv {
    char *key;
    char *value;
    int line;
} pipeline_kv;

typedef struct pipeline_section {
    char *name;
    char *use;     /* the plugin; NULL: same as name */
    char *input;   /* the section feeding this one; NULL: the one before (for non-sources) */
    int line;
    pipeline_kv *params;
    size_t nparams;
} pipeline_section;

typedef struct pipeline {
    char *file;      /* the file, or "<command line>" */
    char *base_dir;  /* relative paths in parameters resolve against this */
    pipeline_kv *settings;  /* the [pipeline] section */
    size_t nsettings;
    int settings_line;
    pipeline_section *sections;
    size_t nsections;
} pipeline;

/* Each returns 0, or -1 with ERR naming file and line. */
int pipeline_parse_file(const char *path, pipeline **out, quarry_buf *err);
int pipeline_parse_text(const char *text, size_t len, const char *file, const char *base_dir,
                        pipeline **out, quarry_buf *err);
/* "read ! clean ! c:stem language=english ! write   c. ! topics ! write path=t.jsonl" */
int pipeline_parse_graph(const char *graph, pipeline **out, quarry_buf *err);
void pipeline_free(pipeline *p);
/* "FILE:LINE" for messages. */
char *pipeline_where(const pipeline *p, int line);
#endif
