/* floor.c: the speed floor for tokenize ! stem: split ASCII text on anything not a letter or
 * digit, lower-case, stem with Snowball English; prints its CPU seconds, words and stems' bytes.
 * Not part of quarry: the peer that bench/tokenize.sh measures tokenize and stem against, and
 * the least work bench/keywords.sh measures the scikit-learn peer against. */
#include <ctype.h>
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
    if (argc != 2)
        return 64;
    FILE *f = fopen(argv[1], "rb");
    if (!f)
        return 66;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *s = malloc((size_t)n);
    if (!s || fread(s, 1, (size_t)n, f) != (size_t)n)
        return 74;
    fclose(f);
    struct sb_stemmer *st = sb_stemmer_new("english", "UTF_8");
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    long words = 0, stem_bytes = 0;
    char w[256];
    for (long i = 0; i < n;) {
        while (i < n && !isalnum((unsigned char)s[i]))
            i++;
        int k = 0;
        while (i < n && isalnum((unsigned char)s[i])) {
            if (k < 255)
                w[k++] = (char)tolower((unsigned char)s[i]);
            i++;
        }
        if (k) {
            sb_stemmer_stem(st, (const sb_symbol *)w, k);
            stem_bytes += sb_stemmer_length(st);
            words++;
        }
    }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("%.3f %ld %ld\n", secs, words, stem_bytes);
    sb_stemmer_delete(st);
    free(s);
    return 0;
}
