/* mangle.c: writes hostile documents for hostile.sh, made from seed files by random (but
 * seeded, so repeatable) damage: flipped and inserted bytes, NULs, markup, entities, mojibake,
 * cut-off multi-byte characters, long runs, truncation; as text files, gzip files (some of them
 * truncated or corrupt) and JSON Lines. Prints how many documents it wrote: each text or gzip
 * file is one, and each line of a JSON Lines file.
 * Usage: mangle SEED COUNT OUTDIR SEEDFILE... */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

typedef struct bytes {
    unsigned char *data;
    size_t len, cap;
} bytes;

static uint64_t mangle_state;

static void mangle_die(const char *what)
{
    fprintf(stderr, "mangle: %s\n", what);
    exit(1);
}

/* splitmix64: a small generator whose sequence is the same everywhere. */
static uint64_t mangle_next(void)
{
    uint64_t z = (mangle_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static size_t mangle_below(size_t n)
{
    return n ? (size_t)(mangle_next() % n) : 0;
}

static void bytes_reserve(bytes *b, size_t extra)
{
    if (b->len + extra <= b->cap)
        return;
    b->cap = (b->len + extra) * 2;
    if (!(b->data = realloc(b->data, b->cap)))
        mangle_die("out of memory");
}

/* Inserts LEN bytes of S at AT (at most B's length). */
static void bytes_insert(bytes *b, size_t at, const void *s, size_t len)
{
    bytes_reserve(b, len);
    memmove(b->data + at + len, b->data + at, b->len - at);
    memcpy(b->data + at, s, len);
    b->len += len;
}

static void bytes_add(bytes *b, const void *s, size_t len)
{
    bytes_insert(b, b->len, s, len);
}

/* What text pipelines meet in the wild, and what broke parsers before. */
static const char *const mangle_pieces[] = {
    "\0", "&amp;amp;", "&#x", "&#99999999;", "&nbsp;", "<div>", "</p>", "<script>x</script>",
    "<!--", "\xc3\xa2\xe2\x82\xac\xe2\x84\xa2", "\xef\xbb\xbf", "\r", "\n\n\n", "'s", "\xe2\x80\x99",
    "-", "Mr.", " of ", "NEW DELHI, ", "Shr 12 cts vs 1.19 dlrs\n", "|", "http://x.y/z", "\xf4\x90\x80\x80",
    "\xed\xa0\x80", "\xc0\xaf", "\xe2\x80", "\xff\xfe", "{", "\"", "\\", "\t", "{spun|spinner|spinning}",
};
enum { MANGLE_PIECES = sizeof mangle_pieces / sizeof *mangle_pieces };

/* Damages B in 1 to 30 random ways; SEEDS (N of them) may be spliced in. */
static void mangle(bytes *b, const bytes *seeds, size_t n)
{
    size_t edits = 1 + mangle_below(30);
    for (size_t e = 0; e < edits; e++) {
        if (!b->len)
            bytes_add(b, "x", 1);
        size_t at = mangle_below(b->len), op = mangle_below(10);
        if (op == 0) {
            b->data[at] = (unsigned char)mangle_next();
        } else if (op == 1) {
            unsigned char junk[20];
            size_t k = 1 + mangle_below(sizeof junk);
            for (size_t i = 0; i < k; i++)
                junk[i] = (unsigned char)mangle_next();
            bytes_insert(b, at, junk, k);
        } else if (op == 2) {
            size_t k = 1 + mangle_below(50);
            if (k > b->len - at)
                k = b->len - at;
            memmove(b->data + at, b->data + at + k, b->len - at - k);
            b->len -= k;
        } else if (op == 3) {
            size_t p = mangle_below(MANGLE_PIECES), times = 1 + mangle_below(40);
            size_t len = p ? strlen(mangle_pieces[p]) : 1; /* piece 0 is a NUL byte */
            for (size_t t = 0; t < times; t++)
                bytes_insert(b, at, mangle_pieces[p], len);
        } else if (op == 4) {
            size_t k = 100 + mangle_below(70000);
            unsigned char c = (unsigned char)mangle_next();
            bytes_reserve(b, k);
            memmove(b->data + at + k, b->data + at, b->len - at);
            memset(b->data + at, c, k);
            b->len += k;
        } else if (op == 5) {
            b->len = mangle_below(b->len + 1);
        } else if (op == 6) {
            size_t times = 1 + mangle_below(3000);
            for (size_t t = 0; t < times; t++)
                bytes_insert(b, at, "word ", 5);
        } else {
            const bytes *s = &seeds[mangle_below(n)];
            bytes_insert(b, at, s->data, mangle_below(s->len < 2000 ? s->len : 2000));
        }
    }
}

static void mangle_write(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f || (len && fwrite(data, 1, len, f) != len) || fclose(f) != 0) {
        fprintf(stderr, "mangle: cannot write %s: %s\n", path, strerror(errno));
        exit(1);
    }
}

/* Appends B to OUT as a JSON string, every byte beyond ASCII as it is (invalid UTF-8 too). */
static void mangle_json_string(bytes *out, const bytes *b)
{
    bytes_add(out, "\"", 1);
    for (size_t i = 0; i < b->len; i++) {
        unsigned char c = b->data[i];
        char esc[8];
        if (c == '"' || c == '\\')
            bytes_add(out, (char[]){'\\', (char)c}, 2);
        else if (c < 0x20)
            bytes_add(out, esc, (size_t)snprintf(esc, sizeof esc, "\\u%04x", c));
        else
            bytes_add(out, &c, 1);
    }
    bytes_add(out, "\"", 1);
}

/* A gzip file of B's bytes, into OUT: whole, cut short, or with a flipped bit. */
static void mangle_gzip(bytes *out, const bytes *b)
{
    z_stream z = {0};
    if (deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        mangle_die("deflateInit2 failed");
    out->len = 0;
    bytes_reserve(out, deflateBound(&z, b->len) + 32);
    z.next_in = b->data;
    z.avail_in = (uInt)b->len;
    z.next_out = out->data;
    z.avail_out = (uInt)out->cap;
    if (deflate(&z, Z_FINISH) != Z_STREAM_END)
        mangle_die("deflate failed");
    out->len = z.total_out;
    deflateEnd(&z);
    size_t how = mangle_below(3);
    if (how == 1)
        out->len = mangle_below(out->len);
    else if (how == 2)
        out->data[mangle_below(out->len)] ^= (unsigned char)(1u << mangle_below(8));
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: mangle SEED COUNT OUTDIR SEEDFILE...\n");
        return 64;
    }
    mangle_state = strtoull(argv[1], NULL, 10);
    size_t count = strtoull(argv[2], NULL, 10), nseeds = (size_t)argc - 4;
    bytes *seeds = calloc(nseeds, sizeof *seeds);
    if (!seeds)
        mangle_die("out of memory");
    for (size_t i = 0; i < nseeds; i++) {
        FILE *f = fopen(argv[4 + i], "rb");
        if (!f) {
            fprintf(stderr, "mangle: cannot read %s: %s\n", argv[4 + i], strerror(errno));
            return 66;
        }
        unsigned char buf[65536];
        size_t got;
        while ((got = fread(buf, 1, sizeof buf, f)) > 0)
            bytes_add(&seeds[i], buf, got);
        fclose(f);
        if (!seeds[i].len) /* damage needs something to work on */
            bytes_add(&seeds[i], "x", 1);
    }
    size_t documents = 0;
    bytes doc = {0}, out = {0};
    char path[4096];
    for (size_t k = 0; k < count; k++) {
        doc.len = 0;
        const bytes *s = &seeds[mangle_below(nseeds)];
        bytes_add(&doc, s->data, s->len);
        size_t kind = mangle_below(10);
        if (kind < 5) { /* text */
            mangle(&doc, seeds, nseeds);
            snprintf(path, sizeof path, "%s/t%03zu.txt", argv[3], k);
            mangle_write(path, doc.data, doc.len);
            documents++;
        } else if (kind < 7) { /* gzip */
            mangle(&doc, seeds, nseeds);
            mangle_gzip(&out, &doc);
            snprintf(path, sizeof path, "%s/g%03zu.txt.gz", argv[3], k);
            mangle_write(path, out.data, out.len);
            documents++;
        } else if (kind < 9) { /* JSON Lines: valid lines of damaged text, and damaged lines */
            out.len = 0;
            size_t lines = 1 + mangle_below(8);
            for (size_t l = 0; l < lines; l++) {
                bytes text = {0};
                bytes_add(&text, doc.data, doc.len < 3000 ? doc.len : 3000);
                mangle(&text, seeds, nseeds);
                bytes line = {0};
                char head[64];
                bytes_add(&line, head, (size_t)snprintf(head, sizeof head, "{\"id\": \"j%03zu-%zu\", \"text\": ", k, l));
                mangle_json_string(&line, &text);
                if (mangle_below(2)) { /* a title: a damaged piece of the text, or empty */
                    bytes_add(&line, ", \"title\": ", 11);
                    text.len = mangle_below(3) ? mangle_below(text.len < 200 ? text.len : 200) : 0;
                    mangle_json_string(&line, &text);
                }
                bytes_add(&line, "}", 1);
                if (mangle_below(4) == 0) /* damaged, but still one line that is not blank */
                    mangle(&line, seeds, nseeds);
                /* One line, not blank, without NUL (which makes the whole file binary). */
                if (!line.len)
                    bytes_add(&line, "{", 1);
                for (size_t i = 0; i < line.len; i++)
                    if (line.data[i] == '\n' || line.data[i] == '\r' || line.data[i] == '\0')
                        line.data[i] = ' ';
                line.data[0] = '{';
                bytes_add(&out, line.data, line.len);
                bytes_add(&out, "\n", 1);
                free(text.data);
                free(line.data);
                documents++;
            }
            snprintf(path, sizeof path, "%s/j%03zu.jsonl", argv[3], k);
            mangle_write(path, out.data, out.len);
        } else { /* random bytes */
            doc.len = 0;
            size_t n = mangle_below(5000);
            for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)mangle_next();
                bytes_add(&doc, &c, 1);
            }
            snprintf(path, sizeof path, "%s/b%03zu.txt", argv[3], k);
            mangle_write(path, doc.data, doc.len);
            documents++;
        }
    }
    printf("%zu\n", documents);
    for (size_t i = 0; i < nseeds; i++)
        free(seeds[i].data);
    free(seeds);
    free(doc.data);
    free(out.data);
    return 0;
}
