/* fingerprint.c: 128-bit content hashes (XXH3) of documents, stages and whole pipelines. */
#include "config.h"
#include "fingerprint.h"
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <xxhash.h>

static fingerprint fingerprint_of(XXH128_hash_t h)
{
    fingerprint f = {h.high64, h.low64};
    return f;
}

fingerprint fingerprint_bytes(const fingerprint *salt, const void *data, size_t len)
{
    return fingerprint_of(XXH3_128bits_withSeed(data, len, salt->hi ^ (salt->lo * 0x9E3779B97F4A7C15ull)));
}

void fingerprint_mix(fingerprint *a, const fingerprint *b)
{
    uint64_t pair[4] = {a->hi, a->lo, b->hi, b->lo};
    *a = fingerprint_of(XXH3_128bits(pair, sizeof pair));
}

struct fingerprint_stream {
    XXH3_state_t *state;
};

fingerprint_stream *fingerprint_stream_new(void)
{
    fingerprint_stream *fs = malloc(sizeof *fs);
    if (!fs || !(fs->state = XXH3_createState()))
        abort();
    XXH3_128bits_reset(fs->state);
    return fs;
}

void fingerprint_stream_add(fingerprint_stream *fs, const void *data, size_t len)
{
    XXH3_128bits_update(fs->state, data, len);
}

fingerprint fingerprint_stream_value(const fingerprint_stream *fs)
{
    return fingerprint_of(XXH3_128bits_digest(fs->state));
}

void fingerprint_stream_free(fingerprint_stream *fs)
{
    if (!fs)
        return;
    XXH3_freeState(fs->state);
    free(fs);
}

/* Folds the contents of the regular file PATH into STATE; nothing for anything else. */
static void fingerprint_file(XXH3_state_t *state, const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
        return;
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    char chunk[1 << 16];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        XXH3_128bits_update(state, chunk, got);
    fclose(f);
}

fingerprint fingerprint_instance(const instance *inst)
{
    fingerprint_stream *fs = fingerprint_stream_new();
    XXH3_state_t *state = fs->state;
    quarry_buf text = {0};
    /* NUL-separated, so that no two different lists of strings read alike. The core's own
     * version is in it too: a new quarry may pack records differently. */
    buf_printf(&text, "%s%c%s%c%s%c%u%c%s%c", inst->name, 0, inst->plugin->name, 0,
               inst->stage->version ? inst->stage->version : "", 0, (unsigned)inst->stage->abi, 0,
               PACKAGE_VERSION, 0);
    for (size_t i = 0; i < inst->params.n; i++) {
        const param_value *v = &inst->params.values[i];
        buf_printf(&text, "%s=%s%c", v->def->name,
                   v->def->type == QUARRY_PARAM_PATH && v->str ? v->str : (v->text ? v->text : ""), 0);
    }
    XXH3_128bits_update(state, text.data, text.len);
    /* The stage's code itself: a stage rebuilt with other rules and the same .version (its
     * author forgot to bump it) must not pass off its old outputs, kept in a state folder, as
     * its new ones. A rebuild of the same code gives the same bytes, and changes nothing. */
    fingerprint_file(state, inst->plugin->object ? inst->plugin->object : inst->plugin->path);
    /* And what it said its output depends on besides (quarry_fingerprint_add, _file), counted
     * first, so that no facts read as another stage's facts and parameters. */
    uint64_t facts[2] = {inst->facts.len, inst->nfact_files};
    XXH3_128bits_update(state, facts, sizeof facts);
    if (inst->facts.len)
        XXH3_128bits_update(state, inst->facts.data, inst->facts.len);
    for (size_t i = 0; i < inst->nfact_files; i++)
        fingerprint_file(state, inst->fact_files[i]);
    for (size_t i = 0; i < inst->params.n; i++) {
        const param_value *v = &inst->params.values[i];
        if (v->def->type == QUARRY_PARAM_PATH && v->str)
            fingerprint_file(state, v->str);
    }
    fingerprint f = fingerprint_stream_value(fs);
    fingerprint_stream_free(fs);
    quarry_buf_free(&text);
    return f;
}

void fingerprint_hex(const fingerprint *f, char out[FINGERPRINT_HEX_LEN + 1])
{
    snprintf(out, FINGERPRINT_HEX_LEN + 1, "%016llx%016llx", (unsigned long long)f->hi,
             (unsigned long long)f->lo);
}

static int fingerprint_half(const char *s, uint64_t *out)
{
    uint64_t v = 0;
    for (int i = 0; i < 16; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0)
            return -1;
        v = v << 4 | (uint64_t)d;
    }
    *out = v;
    return 0;
}

int fingerprint_parse(const char *s, fingerprint *f)
{
    if (strlen(s) < FINGERPRINT_HEX_LEN || fingerprint_half(s, &f->hi) < 0 ||
        fingerprint_half(s + 16, &f->lo) < 0)
        return -1;
    return 0;
}

int fingerprint_equal(const fingerprint *a, const fingerprint *b)
{
    return a->hi == b->hi && a->lo == b->lo;
}
