/* test_config.c: unit tests of parameter validation and of pipeline files and one-line graphs. */
#include "buf.h"
#include "param.h"
#include "pipeline.h"
#include "suggest.h"

#include "testutil.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

static const char *const modes[] = {"fast", "exact", NULL};
static const quarry_param table[] = {
    {"language", QUARRY_PARAM_STRING, "english", "stemmer", 0, 0, 0, NULL},
    {"top", QUARRY_PARAM_INT, "10", "how many", 0, 1, 100, NULL},
    {"ratio", QUARRY_PARAM_FLOAT, "0.5", "share", 0, 0, 1, NULL},
    {"seed", QUARRY_PARAM_INT, "1", "any seed", 0, 0, (double)INT64_MAX, NULL},
    {"lower", QUARRY_PARAM_BOOL, "true", "fold case", 0, 0, 0, NULL},
    {"mode", QUARRY_PARAM_ENUM, "fast", "how", 0, 0, 0, modes},
    {"stop", QUARRY_PARAM_LIST, NULL, "words", 0, 0, 0, NULL},
    {"model", QUARRY_PARAM_PATH, NULL, "file", 0, 0, 0, NULL},
    {"needed", QUARRY_PARAM_STRING, NULL, "must be given", 1, 0, 0, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};

/* Assigns KEY=VALUE on a fresh set; returns the error text (caller frees) or NULL. */
static char *assign_error(const char *key, const char *value)
{
    param_set ps;
    param_set_init(&ps, table, "kw", "keywords");
    quarry_buf err = {0};
    int rc = param_assign(&ps, key, value, "x.pipeline:7", "/base", &err);
    param_set_free(&ps);
    if (rc == 0) {
        quarry_buf_free(&err);
        return NULL;
    }
    return buf_steal(&err);
}

static void expect_error(const char *key, const char *value, const char *part)
{
    char *e = assign_error(key, value);
    ck_assert_msg(e != NULL, "%s=%s accepted", key, value);
    ck_assert_msg(strstr(e, part) != NULL, "'%s' lacks '%s'", e, part);
    ck_assert_msg(strstr(e, "x.pipeline:7: stage 'kw' (keywords): ") == e, "no location: %s", e);
    free(e);
}

START_TEST(test_param_errors)
{
    expect_error("langauge", "x", "unknown parameter 'langauge'; did you mean 'language'?");
    expect_error("colour", "x", "(keywords takes: language, top, ratio, seed, lower, mode, stop, model, needed)");
    expect_error("top", "ten", "'ten' is not a whole number");
    expect_error("top", "10x", "'10x' is not a whole number");
    expect_error("top", "", "is not a whole number");
    expect_error("top", "101", "101 is out of range (1 to 100)");
    expect_error("top", "99999999999999999999", "too large");
    expect_error("ratio", "1.5", "out of range (0 to 1)");
    /* A bound of INT64_MAX is no bound to print: not "(0 to 9.22337203685478e+18)". */
    expect_error("seed", "-1", "-1 is out of range (at least 0)");
    expect_error("ratio", "nan", "is not a number");
    expect_error("lower", "maybe", "not a boolean");
    expect_error("mode", "fats", "'fats' is not one of: fast, exact (did you mean 'fast'?)");
    char *ok = assign_error("top", " 5");
    ck_assert_ptr_null(ok); /* strtol skips leading space; the parser trims anyway */
}
END_TEST

START_TEST(test_param_values)
{
    param_set ps;
    param_set_init(&ps, table, "kw", "keywords");
    quarry_buf err = {0};
    ck_assert_int_eq(param_assign(&ps, "top", "42", "f:1", "/base", &err), 0);
    ck_assert_int_eq(param_assign(&ps, "stop", " a, b ,,c ", "f:2", "/base", &err), 0);
    ck_assert_int_eq(param_assign(&ps, "model", "m.bin", "f:3", "/base", &err), 0);
    ck_assert_int_eq(param_assign(&ps, "lower", "off", "f:4", "/base", &err), 0);
    ck_assert_int_eq(param_assign(&ps, "top", "43", "f:9", "/base", &err), -1);
    ck_assert_ptr_nonnull(strstr(buf_cstr(&err), "f:9: stage 'kw' (keywords): parameter 'top' given twice (first at f:1)"));
    err.len = 0;
    ck_assert_int_eq(param_complete(&ps, "f:0", &err), -1);
    ck_assert_ptr_nonnull(strstr(buf_cstr(&err), "missing required parameter 'needed'"));
    ck_assert_int_eq(param_assign(&ps, "needed", "yes", "f:5", NULL, &err), 0);
    err.len = 0;
    ck_assert_int_eq(param_complete(&ps, "f:0", &err), 0);
    ck_assert_int_eq(param_find(&ps, "top")->i, 42);
    ck_assert_uint_eq(param_find(&ps, "stop")->nitems, 3);
    ck_assert_str_eq(param_find(&ps, "stop")->items[1], "b");
    ck_assert_str_eq(param_find(&ps, "model")->str, "/base/m.bin");
    ck_assert_int_eq(param_find(&ps, "lower")->b, 0);
    ck_assert_str_eq(param_find(&ps, "language")->str, "english");
    ck_assert_double_eq(param_find(&ps, "ratio")->f, 0.5);
    ck_assert_int_eq(param_find(&ps, "mode")->i, 0);
    ck_assert_int_eq(param_find(&ps, "top")->set, 1);
    ck_assert_int_eq(param_find(&ps, "ratio")->set, 0);
    param_set_free(&ps);
    quarry_buf_free(&err);
}
END_TEST

START_TEST(test_param_table_checks)
{
    static const quarry_param dup[] = {{"a", QUARRY_PARAM_INT, NULL, "", 0, 0, 0, NULL},
                                       {"a", QUARRY_PARAM_INT, NULL, "", 0, 0, 0, NULL},
                                       {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};
    static const quarry_param baddef[] = {{"n", QUARRY_PARAM_INT, "x", "", 0, 0, 0, NULL},
                                          {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};
    static const quarry_param nochoice[] = {{"e", QUARRY_PARAM_ENUM, NULL, "", 0, 0, 0, NULL},
                                            {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};
    quarry_buf err = {0};
    ck_assert_int_eq(param_check_table(table, &err), 0);
    ck_assert_int_eq(param_check_table(dup, &err), -1);
    ck_assert_int_eq(param_check_table(baddef, &err), -1);
    ck_assert_int_eq(param_check_table(nochoice, &err), -1);
    ck_assert_ptr_nonnull(strstr(buf_cstr(&err), "declared twice"));
    quarry_buf_free(&err);
}
END_TEST

START_TEST(test_suggest)
{
    static const char *const names[] = {"read", "write", "stem", "tokenize"};
    ck_assert_str_eq(suggest_closest("raed", names, 4), "read");
    ck_assert_str_eq(suggest_closest("tokenise", names, 4), "tokenize");
    ck_assert_ptr_null(suggest_closest("topics", names, 4));
}
END_TEST

static pipeline *parse(const char *text, quarry_buf *err)
{
    pipeline *p = NULL;
    err->len = 0;
    pipeline_parse_text(text, strlen(text), "t.pipeline", "/dir", &p, err);
    return p;
}

START_TEST(test_pipeline_file)
{
    quarry_buf err = {0};
    pipeline *p = parse("# comment\n[pipeline]\ninput = a, b\n\n[read]\n; also a comment\n"
                        "[c]\nuse = clean\nexplain = \"yes please\"\n[kw]\nuse=keywords\ninput = c\n"
                        "top = 5\r\n",
                        &err);
    ck_assert_msg(p != NULL, "%s", buf_cstr(&err));
    ck_assert_uint_eq(p->nsettings, 1);
    ck_assert_str_eq(p->settings[0].value, "a, b");
    ck_assert_uint_eq(p->nsections, 3);
    ck_assert_str_eq(p->sections[1].use, "clean");
    ck_assert_str_eq(p->sections[1].params[0].value, "yes please");
    ck_assert_int_eq(p->sections[1].params[0].line, 9);
    ck_assert_str_eq(p->sections[2].input, "c");
    ck_assert_str_eq(p->sections[2].params[0].value, "5");
    ck_assert_str_eq(p->base_dir, "/dir");
    pipeline_free(p);
    /* A UTF-8 byte-order mark before the first section, as Windows editors write it. */
    p = parse("\xEF\xBB\xBF[pipeline]\ninput = a\n[read]\n", &err);
    ck_assert_msg(p != NULL, "%s", buf_cstr(&err));
    ck_assert_uint_eq(p->nsections, 1);
    pipeline_free(p);

    static const struct { const char *text, *msg; } bad[] = {
        {"[read]\n[read]\n", "t.pipeline:2: section [read] given twice (first at line 1)"},
        {"top = 1\n", "t.pipeline:1: 'top' comes before any [section]"},
        {"[read\n", "t.pipeline:1: section header without a closing ']'"},
        {"[re ad]\n", "t.pipeline:1: section name 're ad'"},
        {"[read]\njust words\n", "t.pipeline:2: expected 'key = value'"},
        {"[read]\nuse = a\nuse = b\n", "t.pipeline:3: [read]: 'use' given twice"},
        {"[pipeline]\njobs = 1\njobs = 2\n[read]\n", "t.pipeline:3: [pipeline]: 'jobs' given twice"},
        {"# nothing\n", "no stages"},
        {"[read]\n= x\n", "t.pipeline:2: a value without a key"},
        {"[c]\nuse =\n", "t.pipeline:2: [c]: 'use' needs a value"},
        {"[read]\n[ ]\n", "t.pipeline:2: empty section name"},
        {"[ pipeline ]\ninput = a\n[pipeline]\n", "t.pipeline:3: section [pipeline] given twice (first at line 1)"},
        {"[read]\nmax bytes = 1\n", "t.pipeline:2: key 'max bytes' may hold only letters, digits, '_' and '-'"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        p = parse(bad[i].text, &err);
        ck_assert_ptr_null(p);
        ck_assert_msg(strstr(buf_cstr(&err), bad[i].msg) != NULL, "got '%s', want '%s'",
                      buf_cstr(&err), bad[i].msg);
    }
    /* A NUL byte: a binary file given for a pipeline, named by its line. */
    static const char nul[] = "[read]\n\n[write]\npath = a\0b\n";
    err.len = 0;
    p = NULL;
    ck_assert_int_eq(pipeline_parse_text(nul, sizeof nul - 1, "t.pipeline", "/dir", &p, &err), -1);
    ck_assert_ptr_null(p);
    ck_assert_str_eq(buf_cstr(&err), "t.pipeline:4: NUL byte in a pipeline file (is it a text file?)");
    quarry_buf_free(&err);
}
END_TEST

START_TEST(test_pipeline_graph)
{
    quarry_buf err = {0};
    pipeline *p;
    ck_assert_int_eq(pipeline_parse_graph("read ! stem language='porter' ! write", &p, &err), 0);
    ck_assert_uint_eq(p->nsections, 3);
    ck_assert_str_eq(p->sections[1].use, "stem");
    ck_assert_str_eq(p->sections[1].input, "read");
    ck_assert_str_eq(p->sections[1].params[0].key, "language");
    ck_assert_str_eq(p->sections[1].params[0].value, "porter");
    pipeline_free(p);

    ck_assert_int_eq(pipeline_parse_graph("r:read!write path=a.jsonl r. ! write path=b.jsonl", &p, &err), 0);
    ck_assert_uint_eq(p->nsections, 3);
    ck_assert_str_eq(p->sections[0].name, "r");
    ck_assert_str_eq(p->sections[1].name, "write");
    ck_assert_str_eq(p->sections[2].name, "write-2");
    ck_assert_str_eq(p->sections[2].input, "r");
    ck_assert_str_eq(p->sections[2].params[0].value, "b.jsonl");
    pipeline_free(p);

    static const struct { const char *graph, *msg; } bad[] = {
        {"", "<command line>"},
        {"read !", "<command line>"},
        {"! read", "<command line>: '!' must stand between two stages"},
        {"read ! ! write", "<command line>: '!' must stand between two stages"},
        {"x. ! write", "<command line>: no stage is labelled 'x' (label one with 'x:plugin')"},
        {"read 'open", "<command line>"},
        {"k=v read", "<command line>: 'k=v' comes before any stage"},
        {"a:read ! a:write", "<command line>: label 'a' is used twice"},
        {"r:read r. write", "<command line>: 'r.' must be followed by '!'"},
        {"read =x ! write", "<command line>: '=x' has no parameter name"},
        {"read ! :write", "<command line>: ':write' is not 'plugin' or 'label:plugin'"},
        {"read ! w: ! write", "<command line>: 'w:' is not 'plugin' or 'label:plugin'"},
        {"read ! stem use=x ! write", "<command line>: 'use=x': a graph names each stage's plugin ('label:plugin') "
                                      "and its input ('!', 'label.'); 'use' and 'input' are a pipeline file's"},
        {"r:read ! stem input=r ! write", "<command line>: 'input=r': a graph names"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        err.len = 0;
        ck_assert_msg(pipeline_parse_graph(bad[i].graph, &p, &err) == -1, "accepted '%s'", bad[i].graph);
        ck_assert_msg(strstr(buf_cstr(&err), bad[i].msg) != NULL, "'%s': got '%s', want '%s'", bad[i].graph,
                      buf_cstr(&err), bad[i].msg);
    }
    quarry_buf_free(&err);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("config");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_param_errors);
    tcase_add_test(tc, test_param_values);
    tcase_add_test(tc, test_param_table_checks);
    tcase_add_test(tc, test_suggest);
    tcase_add_test(tc, test_pipeline_file);
    tcase_add_test(tc, test_pipeline_graph);
    suite_add_tcase(s, tc);
    return testutil_run(s);
}
