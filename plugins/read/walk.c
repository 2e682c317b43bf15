/* walk.c: the folders read: their files in sorted order, each folder once (walk.h). */
#include "read.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define WALK_MAX_DEPTH 64

static int walk_name_cmp(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);  /* byte order: the same on every locale */
}

static int walk_not_hidden(const struct dirent *e)
{
    return e->d_name[0] != '.';
}

const char *walk_folder_seen(walk_seen *seen, const struct stat *sb, const char *name, uint32_t *id_out)
{
    struct {
        uint64_t dev, ino;
    } key = {(uint64_t)sb->st_dev, (uint64_t)sb->st_ino};
    if (!seen->folders)
        seen->folders = intern_new(0);
    uint32_t id;
    int added;
    intern_put(seen->folders, &key, sizeof key, &id, &added);
    *id_out = id;
    if (!added)
        return seen->names[id];
    seen->names = realloc(seen->names, (id + 1) * sizeof *seen->names);
    if (!seen->names || !(seen->names[id] = strdup(name)))
        abort();
    return NULL;
}

void walk_seen_free(walk_seen *seen)
{
    for (size_t i = 0; seen->folders && i < intern_count(seen->folders); i++)
        free(seen->names[i]);
    free(seen->names);
    intern_free(seen->folders);
}

/* What a path that is neither a regular file nor a folder is, for a message. */
static const char *walk_file_kind(mode_t mode)
{
    if (S_ISFIFO(mode))
        return "a named pipe";
    if (S_ISSOCK(mode))
        return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device";
    return "of another kind";
}

/* Rejects folder DIR (REL inside the input folder; "" for an input folder itself, then known
 * by its path) for WHY. */
static int walk_reject_folder(quarry_ctx *ctx, read_state *st, const char *dir, const char *rel, const char *why)
{
    st->bad_folders++;
    return read_reject_file(ctx, st, *rel ? rel : dir, dir, why);
}

int walk_folder(quarry_ctx *ctx, read_state *st, const char *dir, const char *rel, int depth)
{
    if (depth > WALK_MAX_DEPTH)
        return walk_reject_folder(ctx, st, dir, rel, "folders nested too deep");
    struct stat folder;
    if (stat(dir, &folder) != 0)
        return walk_reject_folder(ctx, st, dir, rel, strerror(errno));
    /* Nothing is lost by skipping it, so a warning, not a reject: a link such as "latest" beside
     * the folder it names must not fail every nightly run. */
    uint32_t seen;
    const char *first = walk_folder_seen(&st->seen, &folder, dir, &seen);
    if (first && seen < st->seen.run_folders) {
        /* Given as an input itself, it is read as asked (its outputs are replaced only at the
         * end). Met inside an input folder, it is not: info, not a warning, as an output folder
         * inside the input folder is a layout of its own, and a nightly run would say so every
         * night. */
        if (depth > 0) {
            quarry_log(ctx, QUARRY_LOG_INFO, "%s: not read: this run writes into it (%s)", dir,
                       seen == 0 ? "its output folder" : "its state or kept-streams folder");
            return 0;
        }
    } else if (first) {
        quarry_log(ctx, QUARRY_LOG_WARN, "%s: the same folder as %s, read already (a link to it): skipped",
                   dir, first);
        return 0;
    }
    struct dirent **entries;
    int n = scandir(dir, &entries, walk_not_hidden, walk_name_cmp);
    if (n < 0)
        return walk_reject_folder(ctx, st, dir, rel, strerror(errno));
    for (int i = 0; i < n; i++) {
        if (quarry_stopping(ctx)) { /* the run failed: the rest would be read for nothing */
            free(entries[i]);
            continue;
        }
        quarry_buf path = {0}, sub = {0};
        const char *name = entries[i]->d_name;
        quarry_buf_append(&path, dir, strlen(dir));
        if (path.len && path.data[path.len - 1] != '/')
            quarry_buf_append(&path, "/", 1);
        quarry_buf_append(&path, name, strlen(name) + 1);
        if (*rel) {
            quarry_buf_append(&sub, rel, strlen(rel));
            quarry_buf_append(&sub, "/", 1);
        }
        quarry_buf_append(&sub, name, strlen(name) + 1);
        struct stat sb;
        if (stat(path.data, &sb) != 0)
            read_reject_file(ctx, st, sub.data, path.data, strerror(errno));
        else if (S_ISDIR(sb.st_mode))
            walk_folder(ctx, st, path.data, sub.data, depth + 1);
        else if (S_ISREG(sb.st_mode))
            read_file(ctx, st, path.data, sub.data, 1);
        else /* a FIFO would wait for a writer, and a nightly run with it */
            quarry_log(ctx, QUARRY_LOG_WARN, "%s: not a file or a folder (%s): skipped", path.data,
                       walk_file_kind(sb.st_mode));
        quarry_buf_free(&path);
        quarry_buf_free(&sub);
        free(entries[i]);
    }
    free(entries);
    return 0;
}
