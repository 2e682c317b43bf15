/* testutil.h: helpers shared by the unit tests: temporary folders, files, harness set-up. */
#ifndef QUARRY_TESTUTIL_H
#define QUARRY_TESTUTIL_H
#include <quarry.h>
#include <check.h>

/* Runs suite S; the exit status for main(). */
int testutil_run(Suite *s);

/* A new empty folder under $TMPDIR; removed (recursively) by testutil_rmtree. */
char *testutil_tempdir(void);
void testutil_rmtree(const char *dir);
/* The folder of each test of a case that adds this fixture (tcase_add_checked_fixture(tc,
 * testutil_dir_setup, testutil_dir_teardown)): made before the test, removed after it. */
extern char *testutil_dir;
void testutil_dir_setup(void);
void testutil_dir_teardown(void);
/* Writes LEN bytes to DIR/NAME (creating folders on the way); gzip-compresses when GZ. */
void testutil_write(const char *dir, const char *name, const char *data, size_t len, int gz);
/* The contents of DIR/NAME as a malloc'd NUL-terminated string, or NULL. */
char *testutil_read(const char *dir, const char *name, size_t *len);
/* A harness for build-tree stage NAME with KEY=VALUE pairs (NULL-terminated list), not yet
 * opened. Fails the test on any error. */
quarry_harness *testutil_harness(const char *name, const char *const *kv, const char *outdir,
                                 const char *const *inputs, size_t ninputs);
/* The JSON of a harness output (or reject) record; the caller frees it. */
char *testutil_json(const quarry_record *rec);

/* How many times the seconds a hostile-input test allows are multiplied in this build: those
 * bounds catch time in a line's length squared, and ThreadSanitizer runs the same work some 5
 * to 15 times slower than a plain build (test_clean's took 61 s of its 60 there). */
#if defined(__SANITIZE_THREAD__)
#define TESTUTIL_SLOWER 4
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TESTUTIL_SLOWER 4
#endif
#endif
#ifndef TESTUTIL_SLOWER
#define TESTUTIL_SLOWER 1
#endif
#endif
