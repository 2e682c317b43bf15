/* model.c: reading and writing the keywords stage's document-frequency model. */
#include "model.h"

#include "casing.h"
#include "counted.h"
#include "datafile.h"
#include "idioms.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define KW_MODEL_MAGIC_1 "# quarry keywords model 1" /* before the settings lines */
#define KW_MODEL_MAGIC_2 "# quarry keywords model 2" /* before the casings */
#define KW_MODEL_MAGIC_3 "# quarry keywords model 3" /* before the idioms */
#define KW_MODEL_MAGIC_4 "# quarry keywords model 4" /* idioms without the reporting verbs' count */
#define KW_MODEL_MAGIC_5 "# quarry keywords model 5" /* before the possessives and documents' keys */
#define KW_MODEL_MAGIC_6 "# quarry keywords model 6" /* before the end line */
#define KW_MODEL_MAGIC "# quarry keywords model 7"
/* The lines before the casings, the idioms, the possessives and the documents' keys: they have
 * no tab, so no phrase or word is one. */
#define KW_MODEL_CASINGS "casings"
#define KW_MODEL_IDIOMS "idioms"
#define KW_MODEL_POSSESSIVES "possessives"
#define KW_MODEL_COUNTED "counted"
/* The last line of a version 7 model, after its last section, whichever that is: a file cut
 * short at a line's end (a copy that stopped part way) reads as a model of fewer phrases, and
 * would be taken for one without it. */
#define KW_MODEL_END "end"

/* Reads the settings line LINE ("NAME<TAB>VALUE") of a version 2 model into INFO; NULL, or
 * what is wrong with it. */
static const char *kw_model_setting(char *line, const char *name, kw_model_info *info)
{
    size_t n = strlen(name);
    int is_field = !strcmp(name, "field");
    if (strncmp(line, name, n) != 0 || line[n] != '\t')
        return is_field ? "expected 'field<TAB>...'" : "expected 'max-words<TAB>...'";
    const char *value = line + n + 1;
    if (is_field) {
        if (!*value || strlen(value) >= sizeof info->field)
            return "expected the name of a field";
        strcpy(info->field, value);
        return NULL;
    }
    char *end;
    errno = 0;
    long v = strtol(value, &end, 10);
    if (end == value || *end || errno || v < 1 || v > 64)
        return "expected the longest phrase, in words";
    info->max_words = (int)v;
    return NULL;
}

_Static_assert(sizeof(kw_casing) == KW_CASINGS * sizeof(uint32_t) && sizeof(kw_idiom_count) == 3 * sizeof(uint32_t),
               "a model's counts are read into and written from the values as arrays of 32-bit counts");

/* Reads a line LINE of LEN bytes of a word and N counts, tab-separated ("WORD<TAB>3<TAB>1"),
 * and adds the counts to the N 32-bit counts that TABLE holds for the word (its value begins
 * with them); NULL, or WHY if the line is not that. */
static const char *kw_model_counts(char *line, size_t len, intern *table, int n, const char *why)
{
    uint32_t add[KW_CASINGS];
    char *end = line + len;
    for (int k = n - 1; k >= 0; k--) {
        char *tab = end;
        while (tab > line && tab[-1] != '\t')
            tab--;
        char *stop = NULL;
        errno = 0;
        unsigned long long v = tab > line ? strtoull(tab, &stop, 10) : 0;
        if (tab == line || stop == tab || stop != end || errno || v > UINT32_MAX)
            return why;
        add[k] = (uint32_t)v;
        end = tab - 1;
    }
    if (end == line)
        return why;
    uint32_t *c = intern_put(table, line, (size_t)(end - line), NULL, NULL);
    for (int k = 0; k < n; k++)
        c[k] = c[k] + add[k] < c[k] ? UINT32_MAX : c[k] + add[k];
    return NULL;
}

/* Reads the line LINE of a document's key (16 hexadecimal digits) into COUNTED, if not NULL, as
 * a document of the model; NULL, or what is wrong with it. */
static const char *kw_model_key(const char *line, size_t len, intern *counted)
{
    if (len != 16 || strspn(line, "0123456789abcdef") != 16)
        return "expected a document's key: 16 hexadecimal digits";
    if (counted)
        kw_counted_add_before(counted, strtoull(line, NULL, 16));
    return NULL;
}

/* The sections of a model after its settings. */
enum {
    KW_MODEL_PHRASES,
    KW_MODEL_IN_CASINGS,
    KW_MODEL_IN_IDIOMS,
    KW_MODEL_IN_POSSESSIVES,
    KW_MODEL_IN_COUNTED,
    KW_MODEL_ENDED
};

/* What kw_model_load fills, and where in the file it is. */
typedef struct kw_model_loading {
    kw_model_tables *tables;
    kw_model_info *info;
    size_t lines;
    int section;
} kw_model_loading;

static const char *kw_model_line(void *data, char *line, size_t len, size_t lineno)
{
    kw_model_loading *ld = data;
    kw_model_info *info = ld->info;
    kw_model_tables *t = ld->tables;
    ld->lines = lineno;
    if (lineno == 1) {
        info->version = !strcmp(line, KW_MODEL_MAGIC)     ? 7
                        : !strcmp(line, KW_MODEL_MAGIC_6) ? 6
                        : !strcmp(line, KW_MODEL_MAGIC_5) ? 5
                        : !strcmp(line, KW_MODEL_MAGIC_4) ? 4
                        : !strcmp(line, KW_MODEL_MAGIC_3) ? 3
                        : !strcmp(line, KW_MODEL_MAGIC_2) ? 2
                        : !strcmp(line, KW_MODEL_MAGIC_1) ? 1
                                                          : 0;
        return info->version ? NULL : "not a keywords model (the first line should be '" KW_MODEL_MAGIC "')";
    }
    if (info->version >= 2 && (lineno == 3 || lineno == 4))
        return kw_model_setting(line, lineno == 3 ? "field" : "max-words", info);
    if (ld->section == KW_MODEL_IN_CASINGS && info->version >= 4 && !strcmp(line, KW_MODEL_IDIOMS)) {
        ld->section = KW_MODEL_IN_IDIOMS;
        return NULL;
    }
    if (ld->section == KW_MODEL_ENDED)
        return "a line after the '" KW_MODEL_END "' line";
    /* It may end after any section (a background keeps its phrases alone): no line of one is
     * "end", without a tab, nor is a key. */
    if (info->version >= 7 && lineno > 4 && !strcmp(line, KW_MODEL_END)) {
        ld->section = KW_MODEL_ENDED;
        return NULL;
    }
    if (ld->section == KW_MODEL_IN_COUNTED)
        return kw_model_key(line, len, t->counted);
    if (ld->section == KW_MODEL_IN_POSSESSIVES && !strcmp(line, KW_MODEL_COUNTED)) {
        ld->section = KW_MODEL_IN_COUNTED;
        return NULL;
    }
    if (ld->section == KW_MODEL_IN_POSSESSIVES)
        return kw_model_counts(line, len, t->possessives, 1, "expected a word and a count, tab-separated");
    if (ld->section == KW_MODEL_IN_IDIOMS && info->version >= 6 && !strcmp(line, KW_MODEL_POSSESSIVES)) {
        ld->section = KW_MODEL_IN_POSSESSIVES;
        return NULL;
    }
    if (ld->section == KW_MODEL_IN_IDIOMS && info->version >= 6 && !strcmp(line, KW_MODEL_COUNTED)) {
        ld->section = KW_MODEL_IN_COUNTED; /* no possessives */
        return NULL;
    }
    if (ld->section == KW_MODEL_IN_IDIOMS)
        return info->version >= 5
                   ? kw_model_counts(line, len, t->idioms, 3, "expected a word and three counts, tab-separated")
                   : kw_model_counts(line, len, t->idioms, 2, "expected a word and two counts, tab-separated");
    if (ld->section == KW_MODEL_IN_CASINGS)
        return kw_model_counts(line, len, t->casings, KW_CASINGS, "expected a word and four counts, tab-separated");
    if (info->version >= 3 && lineno > 4 && !strcmp(line, KW_MODEL_CASINGS)) {
        ld->section = KW_MODEL_IN_CASINGS;
        return NULL;
    }
    char *tab = strrchr(line, '\t');
    char *end = NULL;
    errno = 0;
    unsigned long long v = tab ? strtoull(tab + 1, &end, 10) : 0;
    if (!tab || tab == line || end == tab + 1 || *end || errno || v > UINT32_MAX)
        return "expected a phrase, a tab and a count";
    if (lineno == 2) {
        if (strncmp(line, "documents\t", 10) != 0)
            return "expected 'documents<TAB>N'";
        t->docs += v;
        return NULL;
    }
    uint32_t *c = intern_put(t->df, line, (size_t)(tab - line), NULL, NULL);
    *c = *c + (uint32_t)v < *c ? UINT32_MAX : *c + (uint32_t)v;
    return NULL;
}

int kw_model_load(const char *path, kw_model_tables *t, kw_model_info *info, quarry_buf *err)
{
    memset(info, 0, sizeof *info);
    kw_model_loading ld = {t, info, 0, KW_MODEL_PHRASES};
    int status = datafile_each_line(path, "keywords model", kw_model_line, &ld, err);
    if (!status && ld.lines < 2)
        status = datafile_fail(err, path, ld.lines, "truncated: no 'documents' line");
    else if (!status && info->version >= 2 && ld.lines < 4)
        status = datafile_fail(err, path, ld.lines, "truncated: no 'field' and 'max-words' lines");
    else if (!status && info->version >= 7 && ld.section != KW_MODEL_ENDED)
        status = datafile_fail(err, path, ld.lines,
                               "truncated: no '" KW_MODEL_END "' line after the last (the file was cut short)");
    return status;
}

typedef struct kw_model_row {
    const char *key;
    size_t len;
    uint32_t id;
} kw_model_row;

static int kw_model_row_cmp(const void *x, const void *y)
{
    const kw_model_row *a = x, *b = y;
    return intern_bytes_cmp(a->key, a->len, b->key, b->len);
}

/* The entries of T in byte order of their keys, in an array to free; NULL if out of memory. */
static kw_model_row *kw_model_sorted(const intern *t)
{
    size_t n = intern_count(t);
    kw_model_row *rows = malloc((n ? n : 1) * sizeof *rows);
    if (!rows)
        return NULL;
    for (uint32_t i = 0; i < n; i++) {
        rows[i].key = intern_key(t, i, &rows[i].len);
        rows[i].id = i;
    }
    qsort(rows, n, sizeof *rows, kw_model_row_cmp);
    return rows;
}

/* Writes the entries of T, in the order of ROWS, as lines of the key and the N 32-bit counts
 * its value begins with, tab-separated. */
static void kw_model_write_counts(FILE *f, const intern *t, const kw_model_row *rows, int n)
{
    for (size_t i = 0; i < intern_count(t); i++) {
        const uint32_t *c = intern_value(t, rows[i].id);
        fwrite(rows[i].key, 1, rows[i].len, f);
        for (int k = 0; k < n; k++)
            fprintf(f, "\t%" PRIu32, c[k]);
        fputc('\n', f);
    }
}

static int kw_model_key_cmp(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

/* The keys of the documents in COUNTED, in their order, in an array to free; NULL if out of
 * memory. */
static uint64_t *kw_model_keys(const intern *counted)
{
    size_t n = intern_count(counted);
    uint64_t *keys = malloc((n ? n : 1) * sizeof *keys);
    if (!keys)
        return NULL;
    for (uint32_t i = 0; i < n; i++)
        memcpy(&keys[i], intern_key(counted, i, NULL), sizeof *keys);
    qsort(keys, n, sizeof *keys, kw_model_key_cmp);
    return keys;
}

int kw_model_write(FILE *f, const kw_model_tables *t, const char *field, int max_words)
{
    kw_model_row *rows = kw_model_sorted(t->df), *words = kw_model_sorted(t->casings),
                 *written = kw_model_sorted(t->idioms), *named = kw_model_sorted(t->possessives);
    uint64_t *keys = kw_model_keys(t->counted);
    int status = rows && words && written && named && keys ? 0 : -1;
    if (!status) {
        fprintf(f, "%s\ndocuments\t%" PRIu64 "\nfield\t%s\nmax-words\t%d\n", KW_MODEL_MAGIC, t->docs, field,
                max_words);
        kw_model_write_counts(f, t->df, rows, 1);
        fputs(KW_MODEL_CASINGS "\n", f);
        kw_model_write_counts(f, t->casings, words, KW_CASINGS);
        fputs(KW_MODEL_IDIOMS "\n", f);
        kw_model_write_counts(f, t->idioms, written, 3);
        fputs(KW_MODEL_POSSESSIVES "\n", f);
        kw_model_write_counts(f, t->possessives, named, 1);
        fputs(KW_MODEL_COUNTED "\n", f);
        for (size_t i = 0; i < intern_count(t->counted); i++)
            fprintf(f, "%016" PRIx64 "\n", keys[i]);
        fputs(KW_MODEL_END "\n", f);
        status = ferror(f) ? -1 : 0;
    }
    free(rows);
    free(words);
    free(written);
    free(named);
    free(keys);
    return status;
}
