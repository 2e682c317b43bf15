/* datafile.h: the files a user gives a stage (models, topic files, word lists), read a line at
 * a time, and the models a stage saves, with the same messages and exit statuses whichever
 * stage reads or saves them. */
#ifndef QUARRY_DATAFILE_H
#define QUARRY_DATAFILE_H
#include "quarry.h"

#include <stddef.h>
#include <stdio.h>

/* One line of the file: LINE holds LEN bytes, NUL-terminated and writable, without its line
 * end ("\n" or "\r\n") or, on line 1, a UTF-8 byte-order mark; LINENO counts from 1. Returns
 * NULL to go on, or why the line is wrong, which stops the reading. */
typedef const char *(*datafile_line_fn)(void *data, char *line, size_t len, size_t lineno);

/* Reads the file at PATH, which WHAT names in messages ("keywords model"), calling FN for
 * each line. Returns 0, or an exit status from sysexits.h with the reason in ERR:
 *   EX_NOINPUT  the file cannot be opened, or is a folder ("cannot open the WHAT PATH: REASON");
 *   EX_DATAERR  FN refused a line, or a line holds a NUL byte ("PATH:LINE: WHY");
 *   EX_IOERR    reading failed part way. */
int datafile_each_line(const char *path, const char *what, datafile_line_fn fn, void *data,
                       quarry_buf *err);

/* Whether LINE (LEN bytes) says nothing: only spaces, or a comment ('#' after any spaces). */
static inline int datafile_is_blank(const char *line, size_t len)
{
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\v' || line[i] == '\f' || line[i] == '\r'))
        i++;
    return i == len || line[i] == '#';
}

/* From open(): the output file NAME, which parameter PARAM ("save-model") gives, for a model
 * the stage writes from finish(). It is taken at open, so that a path, a hidden name, or a name
 * another output has (the main file, rejects.jsonl) stops the run with EX_USAGE before any data
 * flows, not after all its work. NULL, with quarry_fail called, if it cannot be. */
FILE *datafile_save_open(quarry_ctx *ctx, const char *param, const char *name);

/* From open(): whether the model at PATH (parameter "model") is one the run will save, the file
 * SAVE_NAME of save-model in the output folder, and is not there yet. That is a nightly job's
 * first run, as each run reads back what the one before saved: a warning says so, ending with
 * WHAT the run does instead ("this run starts it"), and the stage goes on without the model.
 * Else 0, and a missing model is an error, as a mistyped path should be. */
int datafile_model_first_run(quarry_ctx *ctx, const char *path, const char *save_name, const char *what);

/* Puts "PATH:LINE: WHY" in ERR ("PATH: WHY" for line 0) and returns EX_DATAERR: for what is
 * wrong with a file as a whole, found after its last line. */
int datafile_fail(quarry_buf *err, const char *path, size_t lineno, const char *why);

#endif
