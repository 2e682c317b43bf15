/* testutil.c: helpers shared by the unit tests: temporary folders, files, harness set-up. */
#include "testutil.h"

#include <check.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

char *testutil_tempdir(void)
{
    const char *tmp = getenv("TMPDIR");
    char *dir = malloc(4096);
    snprintf(dir, 4096, "%s/quarry-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    return dir;
}

static int testutil_remove(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

void testutil_rmtree(const char *dir)
{
    nftw(dir, testutil_remove, 16, FTW_DEPTH | FTW_PHYS);
}

char *testutil_dir;

void testutil_dir_setup(void)
{
    testutil_dir = testutil_tempdir();
}

void testutil_dir_teardown(void)
{
    testutil_rmtree(testutil_dir);
    free(testutil_dir);
    testutil_dir = NULL;
}

void testutil_write(const char *dir, const char *name, const char *data, size_t len, int gz)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    for (char *s = path + strlen(dir) + 1; *s; s++) {
        if (*s == '/') {
            *s = '\0';
            mkdir(path, 0777);
            *s = '/';
        }
    }
    if (gz) {
        gzFile f = gzopen(path, "wb");
        ck_assert_ptr_nonnull(f);
        if (len)
            ck_assert_int_eq(gzwrite(f, data, (unsigned)len), (int)len);
        gzclose(f);
    } else {
        FILE *f = fopen(path, "wb");
        ck_assert_ptr_nonnull(f);
        if (len)
            ck_assert_uint_eq(fwrite(data, 1, len, f), len);
        fclose(f);
    }
}

char *testutil_read(const char *dir, const char *name, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *s = malloc((size_t)n + 1);
    ck_assert_uint_eq(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    fclose(f);
    if (len)
        *len = (size_t)n;
    return s;
}

quarry_harness *testutil_harness(const char *name, const char *const *kv, const char *outdir,
                                 const char *const *inputs, size_t ninputs)
{
    quarry_buf err = {0};
    quarry_harness *h = quarry_harness_new(name, QUARRY_BUILDDIR "/plugins", &err);
    ck_assert_msg(h != NULL, "%s", err.data);
    for (size_t i = 0; kv && kv[i]; i += 2)
        ck_assert_msg(quarry_harness_set(h, kv[i], kv[i + 1], &err) == 0, "%s", err.data);
    if (outdir)
        quarry_harness_set_output_dir(h, outdir);
    quarry_harness_set_inputs(h, inputs, ninputs);
    quarry_buf_free(&err);
    return h;
}

char *testutil_json(const quarry_record *rec)
{
    quarry_buf b = {0};
    quarry_record_to_json(rec, &b);
    quarry_buf_append(&b, "", 1);
    return b.data;
}

int testutil_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
