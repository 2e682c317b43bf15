/* snowball.c: the usage error for a language libstemmer has no stemmer for (see snowball.h). */
#include "snowball.h"
#include "alphabet.h"

#include <libstemmer.h>
#include <string.h>
#include <sysexits.h>

int snowball_unknown_language(quarry_ctx *ctx, const char *language)
{
    quarry_buf list = {0};
    const char **names = sb_stemmer_list();
    const char *near = NULL;
    size_t best = (size_t)-1;
    for (size_t i = 0; names[i]; i++) {
        quarry_buf_append(&list, i ? ", " : "", i ? 2 : 0);
        quarry_buf_append(&list, names[i], strlen(names[i]));
        size_t common = 0, a = strlen(language), b = strlen(names[i]);
        while (common < a && common < b && language[common] == names[i][common])
            common++;
        size_t d = (a > b ? a : b) - common;
        if (d < best && common >= 2) {
            best = d;
            near = names[i];
        }
    }
    if (alphabet_cjk_thai_language(language)) {
        const char *instead = " (it stems no Chinese, Japanese or Thai: under any language their words are left as "
                              "they are)";
        quarry_buf_append(&list, instead, strlen(instead));
    }
    quarry_buf_append(&list, "", 1);
    int rc = near ? quarry_fail(ctx, EX_USAGE, "unknown language '%s' (did you mean '%s'?); libstemmer has: %s",
                                language, near, list.data)
                  : quarry_fail(ctx, EX_USAGE, "unknown language '%s'; libstemmer has: %s", language, list.data);
    quarry_buf_free(&list);
    return rc;
}
