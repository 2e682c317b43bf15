/* badness.c: how much a line looks like mojibake, from sequences of character classes that
 * real text almost never has and mis-decoded UTF-8 very often does. The classes and sequences
 * follow the study behind ftfy (Robyn Speer); the matcher is quarry's own. */
#include "clean.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum {
    K_C1 = 1 << 0,        /* C1 controls: only mis-decoding makes them */
    K_BAD = 1 << 1,       /* symbols nearly only ever seen in mojibake */
    K_CURRENCY = 1 << 2,
    K_START = 1 << 3,     /* punctuation that opens: ¡ « ¿ © ‘ “ ... */
    K_END = 1 << 4,       /* punctuation that closes: ® » ” ™ ... */
    K_NUMERIC = 1 << 5,   /* ² ³ ± ¼ × µ ÷ √ ∞ ≤ ... */
    K_KAOMOJI = 1 << 6,   /* accented o and u, used as eyes in faces */
    K_UPPER_ACC = 1 << 7,
    K_LOWER_ACC = 1 << 8,
    K_UPPER_COMMON = 1 << 9,  /* Greek and Cyrillic capitals, Þ */
    K_LOWER_COMMON = 1 << 10,
    K_BOX = 1 << 11,
    K_COMMON = 1 << 12,   /* NBSP, soft hyphen, dashes, ellipsis, ’: common in text and mojibake */
    K_LATIN_AZ = 1 << 13,
    K_LOWER_AZ = 1 << 14,
    K_SPACE = 1 << 15,
    K_WORD = 1 << 16
};

#define BADNESS_TABLE 0x2600 /* classes below this code point are precomputed */
static uint32_t badness_table[BADNESS_TABLE];
static pthread_once_t badness_once = PTHREAD_ONCE_INIT;

static void badness_mark(const char *utf8, uint32_t k)
{
    int32_t cp;
    while (utf8_next(&utf8, &cp))
        if (cp < BADNESS_TABLE)
            badness_table[cp] |= k;
}

static void badness_range(int32_t a, int32_t b, uint32_t k)
{
    for (int32_t c = a; c <= b; c++)
        badness_table[c] |= k;
}

static void badness_init(void)
{
    for (int32_t c = 0; c < BADNESS_TABLE; c++) {
        utf8proc_category_t cat = utf8proc_category(c);
        if (c == '_' || (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
            (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO) ||
            (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME))
            badness_table[c] |= K_WORD;
        if (cat == UTF8PROC_CATEGORY_ZS || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
            badness_table[c] |= K_SPACE;
    }
    badness_range('a', 'z', K_LATIN_AZ | K_LOWER_AZ);
    badness_range('A', 'Z', K_LATIN_AZ);
    /* NEL (U+0085) is a line break in its own right, not a sign of mis-decoding. */
    badness_range(0x80, 0x84, K_C1);
    badness_range(0x86, 0x9F, K_C1);
    badness_mark("\u00a6\u00a4\u00a8\u00ac\u00af\u00b8\u0192\u02c6\u02c7\u02d8\u02db\u02dc\u2020"
                 "\u2021\u2030\u2310\u25ca\u00aa\u00ba", K_BAD);
    badness_mark("\u00a2\u00a3\u20a7\u20ac", K_CURRENCY);
    badness_mark("\u00a1\u00ab\u00bf\u00a9\u0384\u0385\u2018\u201a\u201c\u201e\u2022\u2039", K_START);
    badness_mark("\u00ae\u00bb\u02dd\u201d\u203a\u2122", K_END);
    badness_mark("\u00b2\u00b3\u00b9\u00b1\u00bc\u00bd\u00be\u00d7\u00b5\u00f7\u2044\u2202\u2206"
                 "\u220f\u2211\u221a\u221e\u2229\u222b\u2248\u2260\u2261\u2264\u2265\u2116", K_NUMERIC);
    badness_range(0xD2, 0xD6, K_KAOMOJI);
    badness_range(0xD9, 0xDC, K_KAOMOJI);
    badness_range(0xF2, 0xF6, K_KAOMOJI);
    badness_range(0xF8, 0xFC, K_KAOMOJI);
    badness_mark("\u0150\u014c\u016a\u0172\u00b0", K_KAOMOJI);
    badness_range(0xC0, 0xD1, K_UPPER_ACC);
    badness_mark("\u00d8\u00dc\u00dd\u0102\u0100\u0104\u0106\u010c\u010e\u0110\u0118\u011a\u0112"
                 "\u0116\u011e\u0122\u0130\u012a\u0136\u0139\u013d\u0141\u013b\u0143\u0147\u0145"
                 "\u0152\u0158\u015a\u015e\u0160\u0162\u0164\u016e\u0170\u0178\u0179\u017b\u017d"
                 "\u0490", K_UPPER_ACC);
    badness_range(0xE0, 0xF1, K_LOWER_ACC);
    badness_mark("\u00df\u0103\u0101\u0105\u0107\u010d\u010f\u0111\u0119\u011b\u0113\u0117\u011f"
                 "\u0123\u012b\u0137\u013a\u013e\u0142\u013c\u0144\u0148\u0146\u0153\u0159\u015b"
                 "\u015f\u0161\u0163\u0165\u016f\u0171\u00ff\u017a\u017c\u017e\u0491\u0131", K_LOWER_ACC);
    badness_mark("\u00de\u0386\u0388\u0389\u038a\u038c\u038e\u038f", K_UPPER_COMMON);
    badness_range(0x391, 0x3A9, K_UPPER_COMMON);
    badness_range(0x401, 0x42F, K_UPPER_COMMON);
    badness_mark("\u03ac\u03ad\u03ae\u03af\u03b0\u03cc\u03cd\u03ce\u03ca\u03cb", K_LOWER_COMMON);
    badness_range(0x3B1, 0x3C9, K_LOWER_COMMON);
    badness_range(0x430, 0x45F, K_LOWER_COMMON);
    badness_mark("\u2502\u250c\u2510\u2518\u251c\u2524\u252c\u253c\u2580\u2584\u2588\u258c\u2590"
                 "\u2591\u2592\u2593", K_BOX);
    badness_range(0x2550, 0x256C, K_BOX);
    badness_mark("\u00a0\u00ad\u00b7\u00b4\u2013\u2014\u2015\u2026\u2019", K_COMMON);
}

static uint32_t badness_class(int32_t cp)
{
    if (cp < BADNESS_TABLE)
        return badness_table[cp];
    if (cp == 0xFFFD)
        return K_BAD;
    if (cp == 0xF8FF)
        return K_START;
    utf8proc_category_t cat = utf8proc_category(cp);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO) ? K_WORD : 0;
}

/* An atom matches one character: by class, or by being one of a few literal characters. */
typedef struct atom {
    uint32_t classes;
    const char *literals; /* UTF-8, may be NULL */
    int negate;           /* matches any character the rest does not */
} atom;

#define ACC (K_LOWER_ACC | K_UPPER_ACC)
#define MAX_ATOMS 5

typedef struct pattern {
    int at_start;  /* only at the start of the line */
    atom a[MAX_ATOMS];
} pattern;

/* The sequences, each a run of atoms that must match consecutive characters. */
/* Atoms: by class, by literal characters, both, or anything but a class. */
#define C(k) {(k), NULL, 0}
#define L(s) {0, (s), 0}
#define CL(k, s) {(k), (s), 0}
#define NOT(k) {(k), NULL, 1}

static const pattern patterns[] = {
    {0, {C(K_C1)}},
    {0, {C(K_BAD | ACC | K_BOX | K_START | K_END | K_CURRENCY | K_NUMERIC), C(K_BAD)}},
    {0, {C(K_LATIN_AZ), C(K_LOWER_COMMON | K_UPPER_COMMON), C(K_BAD)}},
    {0, {C(K_BAD), C(ACC | K_BOX | K_START | K_END | K_CURRENCY | K_NUMERIC)}},
    {0, {C(K_LOWER_ACC | K_LOWER_COMMON | K_BOX | K_END | K_CURRENCY | K_NUMERIC), C(K_UPPER_ACC)}},
    {0, {C(K_BOX | K_END | K_CURRENCY | K_NUMERIC), C(K_LOWER_ACC)}},
    {0, {C(K_LOWER_ACC | K_BOX | K_END), C(K_CURRENCY)}},
    {0, {C(K_SPACE), C(K_UPPER_ACC), C(K_CURRENCY)}},
    {0, {C(K_UPPER_ACC | K_BOX), C(K_NUMERIC)}},
    {0, {C(ACC | K_BOX | K_CURRENCY | K_END), C(K_START), C(K_NUMERIC)}},
    {0, {C(ACC | K_CURRENCY | K_NUMERIC | K_BOX), C(K_END), C(K_START)}},
    {0, {C(K_CURRENCY | K_NUMERIC | K_BOX), C(K_START)}},
    {0, {C(K_LOWER_AZ), C(K_UPPER_ACC), C(K_START | K_CURRENCY)}},
    {0, {C(K_BOX), C(K_KAOMOJI)}},
    {0, {C(ACC | K_CURRENCY | K_NUMERIC | K_START | K_END), C(K_BOX)}},
    {0, {C(K_BOX), C(K_END)}},
    {0, {C(ACC), C(K_START | K_END), C(K_WORD)}},
    /* œ not followed by an ASCII letter */
    {0, {L("\u0152\u0153"), NOT(K_LATIN_AZ)}},
    {0, {C(K_UPPER_ACC), L("\u00b0")}},
    {0, {C(ACC), L("\u00b6")}},
    /* Windows-1252 two-character mojibake the classes above miss */
    {0, {L("\u00c2\u00c3\u00ce\u00d0"),
         CL(K_START | K_END, "\u0153\u20ac\u0160\u0161\u00a2\u00a3\u0178\u017e\u00a0\u00ad\u00ae\u00a9\u00b0\u00b7\u00bb\u2013\u2014\u00b4")}},
    {0, {L("\u00d7"), L("\u00b2\u00b3")}},
    /* Arabic in Windows-1252: needs two pairs, as the pairs alone are plausible */
    {0, {L("\u00d8\u00d9"), CL(K_COMMON | K_CURRENCY | K_BAD | K_NUMERIC | K_START, "\u0178\u0160\u00ae\u00b0\u00b5\u00bb"),
         L("\u00d8\u00d9"), CL(K_COMMON | K_CURRENCY | K_BAD | K_NUMERIC | K_START, "\u0178\u0160\u00ae\u00b0\u00b5\u00bb")}},
    /* the start of three-byte South Asian letters */
    {0, {L("\u00e0"), L("\u00b2\u00b5\u00b9\u00bc\u00bd\u00be")}},
    /* MacRoman */
    {0, {L("\u221a"), L("\u00b1\u2202\u2020\u2260\u00ae\u2122\u00b4\u2264\u2265\u00a5\u00b5\u00f8")}},
    {0, {L("\u2248"), L("\u00b0\u00a2")}},
    {0, {L("\u221a"), L("\u00c4\u00c5\u00c7\u00c9\u00d1\u00d6\u00dc\u00e1\u00e0\u00e2\u00e4\u00e3\u00e5\u00e7\u00e9\u00e8\u00ea\u00eb\u00ed\u00ec\u00ee\u00ef\u00f1\u00fa\u00f9\u00fb\u00fc\u00a7\u00b6\u00df\u00a9\u00c6\u00d8\u00aa\u00e6\u00f8")}},
    {0, {L("\u00ac"), L("\u00c4\u00c5\u00c7\u00c9\u00d1\u00d6\u00dc\u00e1\u00e0\u00e2\u00e4\u00e3\u00e5\u00e7\u00e9\u00e8\u00ea\u00eb\u00ed\u00ec\u00ee\u00ef\u00f1\u00fa\u00f9\u00fb\u00a7\u00df\u00c6\u00d8\u00e6")}},
    {0, {L("\u201a"), L("\u00c4"), L("\u00ec\u00ee\u00ef\u00f2\u00f4\u00fa\u00f9\u00fb\u2020\u00b0\u00a2\u03c0")}},
    {0, {L("\u201a"), L("\u00e2\u00f3"), L("\u00e0\u00e4\u00b0\u00ea")}},
    /* Windows-1251: punctuation of the U+2000 block, and three-letter sequences */
    {0, {L("\u0432"), L("\u0402")}},
    {0, {L("\u0412\u0413\u0420\u0421"), CL(K_C1 | K_BAD | K_START | K_END | K_CURRENCY, "\u00b0\u00b5"), L("\u0412\u0413\u0420\u0421")}},
    {0, {L("\u0413"), L("\u045e"), L("\u0412"), L("\u0402"), L("\u0412")}},
    /* à and á in Windows-1252, and a lost NBSP */
    {0, {L("\u00c3"), L("\u00a0\u00a1")}},
    {0, {C(K_LOWER_AZ), L("\u00c3\u00c2"), L(" ")}},
    {0, {C(K_LOWER_AZ), C(K_SPACE), L("\u00c3\u00c2"), L(" ")}},
    {1, {L("\u00c3\u00c2"), L(" ")}},
    {0, {CL(K_LOWER_AZ | K_END, ".,?!"), L("\u00c2"), CL(K_START | K_END, " ")}},
    /* Windows-1253 */
    {0, {L("\u03b2"), L("\u20ac"), L("\u2122\u00a0\u0386\u00ad\u00ae\u00b0")}},
    {0, {L("\u0392\u0393\u039e\u039f"), CL(K_C1 | K_BAD | K_START | K_END | K_CURRENCY, "\u00b0"), L("\u0392\u0393\u039e\u039f")}},
    /* Windows-1252 and -1257 punctuation */
    {0, {L("\u00e2"), L("\u20ac")}},
};
#define NPATTERNS (sizeof patterns / sizeof patterns[0])

static int badness_literal(const char *lits, int32_t cp)
{
    int32_t c;
    while (utf8_next(&lits, &c))
        if (c == cp)
            return 1;
    return 0;
}

static int badness_atom(const atom *a, int32_t cp, uint32_t k)
{
    int hit = (a->classes & k) || (a->literals && badness_literal(a->literals, cp));
    return a->negate ? !hit : hit;
}

_Static_assert(NPATTERNS <= 64, "a pattern set is one bit of a 64-bit mask");

/* The patterns whose first atom a character matches, as bits; those of the characters below
 * BADNESS_TABLE are worked out once. Most characters of any text start no pattern at all, and
 * trying all of them at every character is what the score cost before. */
static uint64_t badness_first[BADNESS_TABLE];

static uint64_t badness_first_of(int32_t cp, uint32_t k)
{
    uint64_t m = 0;
    for (size_t p = 0; p < NPATTERNS; p++)
        if (badness_atom(&patterns[p].a[0], cp, k))
            m |= (uint64_t)1 << p;
    return m;
}

static void badness_setup(void)
{
    badness_init();
    for (int32_t c = 0; c < BADNESS_TABLE; c++)
        badness_first[c] = badness_first_of(c, badness_table[c]);
}

int badness_score(const char *text, size_t len)
{
    pthread_once(&badness_once, badness_setup);
    /* Decode once into code points and classes; lines are short, so a small stack buffer
     * serves most and the heap the rest. */
    int32_t stack_cp[512];
    uint32_t stack_k[512];
    int32_t *cps = stack_cp;
    uint32_t *ks = stack_k;
    if (len > 512) {
        cps = malloc(len * sizeof *cps);
        ks = malloc(len * sizeof *ks);
        if (!cps || !ks)
            abort();
    }
    size_t n = 0;
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t l = utf8_decode(s + i, len - i, &cp);
        if (!l) {
            cp = 0xFFFD;
            l = 1;
        }
        cps[n] = cp;
        ks[n++] = badness_class(cp);
        i += l;
    }
    int score = 0;
    for (size_t i = 0; i < n;) {
        size_t matched = 0;
        uint64_t maybe = cps[i] >= 0 && cps[i] < BADNESS_TABLE ? badness_first[cps[i]]
                                                               : badness_first_of(cps[i], ks[i]);
        while (maybe && !matched) { /* in the patterns' order: the first that matches counts */
            const pattern *pt = &patterns[__builtin_ctzll(maybe)];
            maybe &= maybe - 1;
            if (pt->at_start && i != 0)
                continue;
            size_t k = 1; /* the first atom matched, or the pattern's bit would not be set */
            while (k < MAX_ATOMS && (pt->a[k].classes || pt->a[k].literals)) {
                if (i + k >= n || !badness_atom(&pt->a[k], cps[i + k], ks[i + k]))
                    break;
                k++;
            }
            if (k && (k == MAX_ATOMS || !(pt->a[k].classes || pt->a[k].literals)))
                matched = k;
        }
        if (matched) {
            score++;
            i += matched;
        } else {
            i++;
        }
    }
    if (cps != stack_cp) {
        free(cps);
        free(ks);
    }
    return score;
}
