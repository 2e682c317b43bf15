/* pick.c: the choice of a document's top phrases from their scores: near-duplicates left out,
 * names in the place of their words. */
#include "pick.h"
#include "spelling.h"
#include "topsort.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct kw_rank {
    double value;
    uint32_t id;
    int label; /* mostly a label (kw_label): ranked after every other candidate */
} kw_rank;

static int kw_rank_cmp(const void *x, const void *y)
{
    const kw_rank *a = x, *b = y;
    if (a->label != b->label)
        return a->label ? 1 : -1;
    /* A total order even if a score is NaN (last), which topsort's partitioning relies on. */
    if (isnan(a->value) || isnan(b->value)) {
        if (isnan(a->value) != isnan(b->value))
            return isnan(a->value) ? 1 : -1;
    } else if (a->value != b->value)
        return a->value > b->value ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id); /* earlier candidates first: deterministic */
}

/* The words of candidate ID's stem phrase, hyphenated ones split, into WORDS (at most MAX). */
static size_t kw_words_of(const kw_doc *d, uint32_t id, const char **words, size_t *lens, size_t max)
{
    size_t len, n = 0;
    const char *key = intern_key(d->cands, id, &len);
    for (size_t a = 0, b = 0; b <= len && n < max; b++) {
        if (b < len && key[b] != ' ' && key[b] != '-')
            continue;
        if (b > a) {
            words[n] = key + a;
            lens[n++] = b - a;
        }
        a = b + 1;
    }
    return n;
}

/* Whether stem A (AL bytes) is stem B with an "s" after its final "u": the plural of a word in
 * "-u", which Snowball leaves apart ("menus", "menu"), as it cannot tell it from "bonus". */
static int kw_plural_in_us(const char *a, size_t al, const char *b, size_t bl)
{
    return al == bl + 1 && bl && b[bl - 1] == 'u' && a[bl] == 's' && !memcmp(a, b, bl);
}

/* Whether stems A and B are one word. */
static int kw_same_word(const char *a, size_t al, const char *b, size_t bl)
{
    return (al == bl && !memcmp(a, b, al)) || kw_plural_in_us(a, al, b, bl) || kw_plural_in_us(b, bl, a, al);
}

/* Whether every word of A is among B's. */
static int kw_subset(const char *const *a, const size_t *al, size_t an, const char *const *b,
                     const size_t *bl, size_t bn)
{
    for (size_t i = 0; i < an; i++) {
        size_t j = 0;
        while (j < bn && !kw_same_word(a[i], al[i], b[j], bl[j]))
            j++;
        if (j == bn)
            return 0;
    }
    return 1;
}

/* Whether the last K words of A are the first K of B, in order. */
static int kw_overlaps(const char *const *a, const size_t *al, size_t an, const char *const *b,
                       const size_t *bl, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (!kw_same_word(a[an - k + i], al[an - k + i], b[i], bl[i]))
            return 0;
    return 1;
}

/* Whether phrases A and B are overlapping windows of one longer run of words: A's last words
 * B's first, or B's last words A's first, from LEAST words up to MOST. "star Hailee" beside
 * "Hailee Steinfeld", "Grit star" beside "True Grit" (one word); "unrealized foreign exchange"
 * beside "foreign exchange losses" (two), windows of a phrase longer than max-words. Such a phrase repeats a better one and
 * adds a word no reader would pick out. Phrases that share a word in the same place ("Bush
 * Doctrine", "Obama Doctrine") are different things and are both kept. */
static int kw_chained(const char *const *a, const size_t *al, size_t an, const char *const *b,
                      const size_t *bl, size_t bn, size_t least, size_t most)
{
    for (size_t k = least; k <= most && k < an && k < bn; k++)
        if (kw_overlaps(a, al, an, b, bl, k) || kw_overlaps(b, bl, bn, a, al, k))
            return 1;
    return 0;
}

static int kw_size_cmp(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return (a > b) - (a < b);
}

/* What a chosen phrase is, for merging names: a name of 2+ words, a word of a name alone
 * ("Perry"), or anything else. */
enum { KW_PLAIN, KW_NAME_WORD, KW_NAME };

enum { KW_PICK_WORDS = 4 * 8 }; /* room for a phrase's words, hyphenated ones split */

/* Whether the words A (AN of them) joined without spaces are the words B (BN) joined. */
static int kw_joined_equal(const char *const *a, const size_t *al, size_t an, const char *const *b,
                           const size_t *bl, size_t bn)
{
    size_t i = 0, j = 0, ia = 0, jb = 0; /* word i of A at byte ia; word j of B at byte jb */
    for (;;) {
        while (i < an && ia == al[i])
            i++, ia = 0;
        while (j < bn && jb == bl[j])
            j++, jb = 0;
        if (i == an || j == bn)
            return i == an && j == bn;
        if (a[i][ia++] != b[j][jb++])
            return 0;
    }
}

/* Whether word WORD (LEN bytes) is a compound that phrase V (VN words) writes apart, as its
 * words *FROM up to *TO (2+ of them) joined: "cybersecur" and "cyber secur", whose stems join up
 * alike as the words do. Letters apart are initials, no compound: "S-K-I" spells no "ski". */
static inline int kw_run_spelled(const char *word, size_t len, const char *const *v, const size_t *vl, size_t vn,
                                 size_t *from, size_t *to)
{
    for (size_t i = 0; i + 1 < vn; i++) {
        if (v[i][0] != word[0] || vl[i] >= len)
            continue; /* the usual case, told cheaply */
        for (size_t j = i, run = 0; j < vn && vl[j] > 1 && (run += vl[j]) <= len; j++)
            if (j > i && run == len && kw_joined_equal(&word, &len, 1, v + i, vl + i, j - i + 1)) {
                *from = i, *to = j + 1;
                return 1;
            }
    }
    return 0;
}

/* Phrase W (WN words) with each word that is a compound which V writes apart replaced by V's
 * words (kw_run_spelled): "cybersecur budget" beside "cyber secur" becomes "cyber secur
 * budget". Into OUT (at most KW_PICK_WORDS); returns the number of its words. */
static size_t kw_split_compounds(const char *const *w, const size_t *wl, size_t wn, const char *const *v,
                                 const size_t *vl, size_t vn, const char **out, size_t *outl)
{
    size_t n = 0;
    for (size_t k = 0; k < wn; k++) {
        size_t from, to;
        int split = kw_run_spelled(w[k], wl[k], v, vl, vn, &from, &to);
        const char *const *src = split ? v : w;
        const size_t *srcl = split ? vl : wl;
        if (!split)
            from = k, to = k + 1;
        for (size_t i = from; i < to && n < KW_PICK_WORDS; i++) {
            out[n] = src[i];
            outl[n++] = srcl[i];
        }
    }
    return n;
}

/* Whether a word of phrase W is a compound that phrase V writes apart (kw_run_spelled). */
static int kw_any_spelled(const char *const *w, const size_t *wl, size_t wn, const char *const *v,
                          const size_t *vl, size_t vn)
{
    size_t from, to;
    for (size_t k = 0; k < wn; k++)
        if (kw_run_spelled(w[k], wl[k], v, vl, vn, &from, &to))
            return 1;
    return 0;
}

/* How candidates X and Y of D, of words W and V, stand once the compounds that one writes as a
 * word and the other apart are split (kw_split_compounds): no such compound; the same phrase
 * spelled two ways ("cybersecurity", "cyber security"); or one within, around or shifted from
 * the other, as kw_picks_repeat tells of phrases of 2+ words ("cybersecurity budgets" beside
 * "cyber security"). A word alone beside a phrase of it stays, as it does otherwise ("cyber").
 * Stems cannot always tell the same phrase: Snowball stems a compound's last word by the whole
 * word's length ("noteholders" to "notehold", "holders" to "holder") and a hyphenated word as
 * one ("tax-free" to "tax-fre"). So the letters the story writes tell it first (kw_spelled_alike:
 * "note holders", "TAX FREE RESERVES"), names too ("Hong Kong Land", "Hongkong Land"). Else
 * names are left apart: a name written apart is another thing ("Federal Paper Board" beside
 * "paperboard"). */
enum { KW_COMPOUND_NONE, KW_COMPOUND_SAME, KW_COMPOUND_REPEAT };

static int kw_compound(const kw_doc *d, uint32_t x, const char *const *w, const size_t *wl, size_t wn, uint32_t y,
                       const char *const *v, const size_t *vl, size_t vn)
{
    const kw_cand *a = intern_value(d->cands, x), *b = intern_value(d->cands, y);
    if (kw_spelled_alike(d, a, b))
        return KW_COMPOUND_SAME;
    if (wn + vn < 3 || (!kw_any_spelled(w, wl, wn, v, vl, vn) && !kw_any_spelled(v, vl, vn, w, wl, wn)))
        return KW_COMPOUND_NONE; /* nearly every pair: two words alone, or no word spelled apart */
    const char *sw[KW_PICK_WORDS], *sv[KW_PICK_WORDS];
    size_t swl[KW_PICK_WORDS], svl[KW_PICK_WORDS];
    size_t swn = kw_split_compounds(w, wl, wn, v, vl, vn, sw, swl);
    size_t svn = kw_split_compounds(v, vl, vn, w, wl, wn, sv, svl);
    if (swn < 2 || svn < 2 || kw_is_name(d, intern_value(d->cands, x), 0) ||
        kw_is_name(d, intern_value(d->cands, y), 0))
        return KW_COMPOUND_NONE;
    int within = kw_subset(sw, swl, swn, sv, svl, svn), around = kw_subset(sv, svl, svn, sw, swl, swn);
    if (within && around && swn == svn)
        return KW_COMPOUND_SAME;
    return within || around || kw_chained(sw, swl, swn, sv, svl, svn, 1, 1) ? KW_COMPOUND_REPEAT : KW_COMPOUND_NONE;
}

/* Whether candidate X of D is the spelling to show of a compound that candidate Y spells
 * the other way (KW_COMPOUND_SAME): the one the story writes more often, and on a tie the words
 * apart ("cyber security"), which read as the list's other phrases do. */
static int kw_spelled_better(const kw_doc *d, uint32_t x, uint32_t y)
{
    const kw_cand *a = intern_value(d->cands, x), *b = intern_value(d->cands, y);
    return a->tf != b->tf ? a->tf > b->tf : a->words > b->words;
}

/* The phrases chosen so far for a document's top: each one's words (split once), what it is,
 * its rank in the order of scores, its id and the id of a phrase left out as its other spelling
 * (KW_NO_TWIN: none); and the ranks of words left out for the names or phrases they are in (a
 * name's words, kw_enclosed's), which may fill a short list. */
enum { KW_NO_TWIN = UINT32_MAX };

typedef struct kw_picks {
    const char **words;
    size_t *lens, *count, *rank;
    unsigned char *kind;
    uint32_t *id, *twin;
    size_t n;
    size_t *left, lefts, left_cap;
} kw_picks;

static void kw_picks_init(kw_picks *p, size_t k, uint32_t *out)
{
    size_t room = k ? k : 1;
    *p = (kw_picks){.id = out};
    p->words = malloc(room * KW_PICK_WORDS * sizeof *p->words);
    p->lens = malloc(room * KW_PICK_WORDS * sizeof *p->lens);
    p->count = malloc(room * sizeof *p->count);
    p->rank = malloc(room * sizeof *p->rank);
    p->kind = malloc(room);
    p->twin = malloc(room * sizeof *p->twin);
    if (!p->words || !p->lens || !p->count || !p->rank || !p->kind || !p->twin)
        abort();
}

static void kw_picks_free(kw_picks *p)
{
    free(p->words);
    free(p->lens);
    free(p->count);
    free(p->rank);
    free(p->kind);
    free(p->twin);
    free(p->left);
}

/* Notes that the word at rank R was left out for a name or phrase it is in. */
static void kw_picks_leave(kw_picks *p, size_t r)
{
    if (p->lefts == p->left_cap) {
        p->left_cap = p->left_cap ? 2 * p->left_cap : 16;
        if (!(p->left = realloc(p->left, p->left_cap * sizeof *p->left)))
            abort();
    }
    p->left[p->lefts++] = r;
}

/* Drops pick I, keeping the order of the others. */
static void kw_picks_drop(kw_picks *p, size_t i)
{
    size_t rest = p->n - i - 1;
    memmove(p->words + i * KW_PICK_WORDS, p->words + (i + 1) * KW_PICK_WORDS, rest * KW_PICK_WORDS * sizeof *p->words);
    memmove(p->lens + i * KW_PICK_WORDS, p->lens + (i + 1) * KW_PICK_WORDS, rest * KW_PICK_WORDS * sizeof *p->lens);
    memmove(p->count + i, p->count + i + 1, rest * sizeof *p->count);
    memmove(p->rank + i, p->rank + i + 1, rest * sizeof *p->rank);
    memmove(p->kind + i, p->kind + i + 1, rest);
    memmove(p->id + i, p->id + i + 1, rest * sizeof *p->id);
    memmove(p->twin + i, p->twin + i + 1, rest * sizeof *p->twin);
    p->n--;
}

/* Puts candidate ID (rank R, what WHAT) in pick I, overwriting it, or appending if I is n. */
static void kw_picks_set(kw_picks *p, const kw_doc *d, size_t i, uint32_t id, size_t r, unsigned char what)
{
    p->count[i] = kw_words_of(d, id, p->words + i * KW_PICK_WORDS, p->lens + i * KW_PICK_WORDS, KW_PICK_WORDS);
    p->kind[i] = what;
    p->rank[i] = r;
    p->id[i] = id;
    p->twin[i] = KW_NO_TWIN;
    if (i == p->n)
        p->n++;
}

/* What candidate C is, for merging names (always plain if MERGE_NAMES is off). */
static unsigned char kw_kind(const kw_doc *d, const kw_cand *c, int merge_names)
{
    return !merge_names || !kw_is_name(d, c, 0) ? KW_PLAIN : c->words >= 2 ? KW_NAME : KW_NAME_WORD;
}

/* How many of candidate C's words are bridges of the kinds KINDS (KW_BRIDGE_* bits;
 * KW_BRIDGE_NONE: of any kind): "of" of "Bank of Japan", "di" of "Banco di Roma". */
static size_t kw_bridges_in(const kw_doc *d, const kw_cand *c, int kinds)
{
    size_t n = 0;
    for (uint32_t k = 0; k < c->words; k++) {
        int bridge = ((const kw_word *)intern_value(d->words, c->word[k]))->bridge;
        n += (size_t)(bridge != KW_BRIDGE_NONE && (kinds == KW_BRIDGE_NONE || (bridge & kinds)));
    }
    return n;
}

/* Whether name NAME of D stands for WORD, a word of it, when names are merged: a name joined by
 * "of" or "and" only for the words seen within it in most of their occurrences ("Hall",
 * "Fame" of "Hall of Fame"), as the words on either side are often names of their own ("Japan"
 * beside "Bank of Japan", "Standard" beside "Standard and Poor's"), or, a name joined by "of",
 * for a word seen mostly within such names, of which it is one ("Ministry" and "Affairs" of
 * "Ministry of External Affairs", in a story of several ministries: each word alone names none
 * of them; kw_word.of_names); any other name for all its words ("Sloot" of "Joran van der
 * Sloot"). */
static int kw_absorbs(const kw_doc *d, uint32_t name, uint32_t word)
{
    const kw_cand *n = intern_value(d->cands, name), *w = intern_value(d->cands, word);
    if (!kw_bridges_in(d, n, KW_BRIDGE_OF | KW_BRIDGE_AND) || 2 * n->tf > w->tf)
        return 1;
    const kw_word *alone = intern_value(d->words, w->word[0]);
    return w->words == 1 && kw_bridges_in(d, n, KW_BRIDGE_OF) && 2 * alone->of_names > alone->tf &&
           2 * alone->of_names > w->tf;
}

/* Whether one-word candidate WORD of D occurs in D only inside candidate PHRASE, of 2+ words:
 * "Zealand" of "New Zealand", "Copper" of "Magma Copper", "Reserve" of "Federal Reserve".
 * Beside the phrase such a word says nothing the phrase does not; a word the story also writes
 * elsewhere stays ("cyber" beside "cyber security": the crowd picks both). */
static int kw_enclosed(const kw_doc *d, uint32_t word, uint32_t phrase)
{
    const kw_cand *w = intern_value(d->cands, word), *p = intern_value(d->cands, phrase);
    if (w->words != 1 || p->words < 2)
        return 0;
    /* The word's occurrences: the more of the word table's count and the candidate's, so that
     * one outside the phrase counted by either keeps the word. */
    uint32_t within = 0, tf = ((const kw_word *)intern_value(d->words, w->word[0]))->tf;
    for (uint32_t k = 0; k < p->words; k++)
        within += p->word[k] == w->word[0];
    return within && (uint64_t)within * p->tf >= (tf > w->tf ? tf : w->tf);
}

/* Whether the phrase of words W (WN of them), candidate ID, repeats pick I: the same single
 * word; a phrase of 2+ words within, around or shifted from another; a word of a name picked,
 * or a word the story writes only inside the phrase picked (kw_enclosed): both *ABSORBED. */
static int kw_picks_repeat(const kw_doc *d, const kw_picks *p, size_t i, uint32_t id, const char *const *w,
                           const size_t *wl, size_t wn, unsigned char what, int *absorbed)
{
    const char *const *v = p->words + i * KW_PICK_WORDS;
    const size_t *vl = p->lens + i * KW_PICK_WORDS, vn = p->count[i];
    if (wn < 2 && vn < 2 && wn == vn && kw_subset(w, wl, wn, v, vl, vn))
        return 1;
    /* A long name's windows overlap by one word at most in what is shown: "Peter Miller Apparel"
     * and "Miller Apparel Group", of a name past the longest phrase, are each a name's start or
     * end; without the second, "Group" would be shown alone. */
    size_t most = what == KW_NAME || p->kind[i] == KW_NAME ? 1 : KW_PICK_WORDS;
    if (wn >= 2 && vn >= 2 &&
        (kw_subset(w, wl, wn, v, vl, vn) || kw_subset(v, vl, vn, w, wl, wn) ||
         kw_chained(w, wl, wn, v, vl, vn, 1, most)))
        return 1;
    /* So does one within, around or shifted from the pick's other spelling, left out, whose
     * stems may differ ("FREE RESERVES" of "TAX FREE RESERVES" beside "tax-free reserves"). */
    if (wn >= 2 && p->twin[i] != KW_NO_TWIN) {
        const char *t[KW_PICK_WORDS];
        size_t tl[KW_PICK_WORDS], tn = kw_words_of(d, p->twin[i], t, tl, KW_PICK_WORDS);
        if ((vn >= 2 || tn >= 2) && (kw_subset(w, wl, wn, t, tl, tn) || kw_subset(t, tl, tn, w, wl, wn) ||
                                     kw_chained(w, wl, wn, t, tl, tn, 1, most)))
            return 1;
    }
    /* A word of a name shown already ("Perry" after "Katy Perry"). */
    if (what == KW_NAME_WORD && p->kind[i] == KW_NAME && kw_subset(w, wl, wn, v, vl, vn) && kw_absorbs(d, p->id[i], id))
        return *absorbed = 1;
    /* Or inside the other spelling of the pick, left out ("Kline" of "Smith Kline" beside
     * "SmithKline"). */
    if (kw_enclosed(d, id, p->id[i]) || (p->twin[i] != KW_NO_TWIN && kw_enclosed(d, id, p->twin[i])))
        return *absorbed = 1;
    return 0;
}

/* Whether candidate ID of D, of words W (WN of them) and kind WHAT, repeats none of P's picks
 * but pick SKIP (kw_picks_repeat, kw_compound): it would be shown in its turn. */
static int kw_picks_new_beside(const kw_doc *d, const kw_picks *p, size_t skip, uint32_t id, const char *const *w,
                               const size_t *wl, size_t wn, unsigned char what)
{
    for (size_t j = 0; j < p->n; j++) {
        int absorbed = 0;
        if (j != skip && (kw_picks_repeat(d, p, j, id, w, wl, wn, what, &absorbed) ||
                          kw_compound(d, id, w, wl, wn, p->id[j], p->words + j * KW_PICK_WORDS,
                                      p->lens + j * KW_PICK_WORDS, p->count[j]) != KW_COMPOUND_NONE))
            return 0;
    }
    return 1;
}

/* Whether candidate ID of D, of words W (WN of them) and kind WHAT, and pick I are windows of
 * one longer phrase that overlap by two words or more (kw_chained), of which the candidate is
 * the set phrase: in more of the corpus's documents (so never without document frequencies,
 * as for yake and rake). A window that is a term mostly recurs across stories, and one that
 * runs past it or stops short of it mostly does not: "effective tax rate" against "lower
 * effective tax", "magnetic resonance imaging" against "resonance imaging system". So the pick
 * gives way, and the candidate takes the place its own score gives it; unless either is a
 * name, which begins where it begins, or the candidate is no whole phrase where it is written
 * (kw_cand.unbounded, headless, cut). */
static int kw_picks_outlasted(const kw_doc *d, const kw_picks *p, size_t i, uint32_t id, const char *const *w,
                              const size_t *wl, size_t wn, unsigned char what)
{
    const char *const *v = p->words + i * KW_PICK_WORDS;
    const size_t *vl = p->lens + i * KW_PICK_WORDS, vn = p->count[i];
    const kw_cand *c = intern_value(d->cands, id), *pick = intern_value(d->cands, p->id[i]);
    if (what != KW_PLAIN || p->kind[i] != KW_PLAIN || wn < 2 || vn < 2 || c->docs <= pick->docs ||
        c->unbounded || c->headless || c->cut || kw_subset(w, wl, wn, v, vl, vn) || kw_subset(v, vl, vn, w, wl, wn) ||
        !kw_chained(w, wl, wn, v, vl, vn, 2, KW_PICK_WORDS))
        return 0;
    /* Only where the candidate would be shown in its turn: else the pick would go for nothing. */
    return kw_picks_new_beside(d, p, i, id, w, wl, wn, what);
}

/* Drops the words that P picked alone and that D writes only inside phrase ID (kw_enclosed). */
static void kw_picks_drop_enclosed(const kw_doc *d, kw_picks *p, uint32_t id)
{
    for (size_t i = p->n; i-- > 0;)
        if (kw_enclosed(d, p->id[i], id)) {
            kw_picks_leave(p, p->rank[i]);
            kw_picks_drop(p, i);
        }
}

/* Whether pick I is a word of a name picked alone that name NAME of D, of words W (WN of them),
 * stands for. */
static int kw_picks_name_word_in(const kw_doc *d, const kw_picks *p, size_t i, uint32_t name, const char *const *w,
                                 const size_t *wl, size_t wn)
{
    return p->kind[i] == KW_NAME_WORD &&
           kw_subset(p->words + i * KW_PICK_WORDS, p->lens + i * KW_PICK_WORDS, p->count[i], w, wl, wn) &&
           kw_absorbs(d, name, p->id[i]);
}

/* How many of the words of name NAME of D (W, WN of them) pick I stands for, which the name
 * would replace: a word of it picked alone (kw_picks_name_word_in), or a shorter name within
 * it, of all its words but bridges ("Pickens III" of "Boone Pickens III"); else 0. */
static size_t kw_picks_name_part_in(const kw_doc *d, const kw_picks *p, size_t i, uint32_t name,
                                    const char *const *w, const size_t *wl, size_t wn)
{
    if (kw_picks_name_word_in(d, p, i, name, w, wl, wn))
        return p->count[i];
    if (p->kind[i] != KW_NAME || p->count[i] >= wn ||
        !kw_subset(p->words + i * KW_PICK_WORDS, p->lens + i * KW_PICK_WORDS, p->count[i], w, wl, wn) ||
        !kw_absorbs(d, name, p->id[i]))
        return 0;
    return p->count[i] - kw_bridges_in(d, intern_value(d->cands, p->id[i]), KW_BRIDGE_NONE);
}

/* Whether name C holds its words together: its first word occurs within it in most of its
 * occurrences, "Daniel" of "Daniel Craig" (news names a person whole, then by the surname
 * alone), not "India" of "India Japan" (a list of countries); or its last word occurs nowhere
 * else and no word before it is a possessive, "Zainuddin" of "Daim Zainuddin" ("Daim said"),
 * "Manhattan" of "Chase Manhattan", not "Gaullist" of "Chirac's Gaullist". */
static int kw_name_held_together(const kw_doc *d, const kw_cand *c)
{
    const kw_word *first = intern_value(d->words, c->word[0]);
    const kw_word *last = intern_value(d->words, c->word[c->words - 1]);
    return 2 * c->tf > first->tf || (c->tf == last->tf && !kw_possessive_within(d, c, c->words - 1));
}

/* Candidate ID of D, or the longer phrase it is a piece of (kw_cand.fragment), and so on. */
static uint32_t kw_whole(const kw_doc *d, uint32_t id)
{
    for (const kw_cand *c = intern_value(d->cands, id); c->fragment; c = intern_value(d->cands, id))
        id = c->longer - 1;
    return id;
}

/* What kw_no_phrase says of C, but for its being a piece of a longer phrase. */
static int kw_unreadable(const kw_cand *c)
{
    return kw_broken(c) || kw_unfixed(c) || 2 * c->verb > c->tf || 2 * c->headings > c->tf - c->headline;
}

/* Whether C is no phrase a reader would take: one broken in most of its occurrences
 * (kw_broken), a piece of a longer phrase (kw_cand.fragment: "revenue passenger" of "revenue
 * passenger miles"), two names joined by "and" (kw_unfixed: "Britain and France"), a verb in
 * most of its occurrences, which says what is done, not what a story is about (kw_cand.verb:
 * "reflect", "redeem", "acquire" and "expects" alone were in 2,800 of Reuters' 19,043 lists),
 * or a heading in most of its occurrences outside headlines, which says how a story is laid
 * out ("NOTE:", "Photo:"; kw_heading). A table's label names a figure ("net loss"), and fills
 * a list; "NOTE" was in 687 of Reuters' lists, as "NOTE", "Note" or "note", as a fill. */
static int kw_no_phrase(const kw_cand *c)
{
    return c->fragment || kw_unreadable(c);
}

/* Whether one-word candidate ID of D is a piece of a name that stands for it (kw_mark_extended):
 * the first word of a name of two ("Puerto" of "Puerto Rico"), or the middle word of a name of
 * three ("Burnham" of "Drexel Burnham Lambert"); not a part of a phrase joined by "and". */
static int kw_name_word_piece(const kw_doc *d, uint32_t id)
{
    const kw_cand *c = intern_value(d->cands, id);
    if (c->words != 1 || !c->fragment)
        return 0;
    const kw_cand *whole = intern_value(d->cands, c->longer - 1);
    return (whole->words == 3 && whole->word[1] == c->word[0]) ||
           (whole->words == 2 && whole->word[0] == c->word[0]);
}

/* Whether candidate C of D holds the first word of a name or a name's word that P picked: a
 * cheap test that most candidates fail, before the words are compared. */
static int kw_holds_name_word(const kw_doc *d, const kw_picks *p, const kw_cand *c)
{
    for (size_t i = 0; i < p->n; i++) {
        if (p->kind[i] == KW_PLAIN)
            continue;
        uint32_t word = ((const kw_cand *)intern_value(d->cands, p->id[i]))->word[0];
        for (uint32_t k = 0; k < c->words; k++)
            if (c->word[k] == word)
                return 1;
    }
    return 0;
}

/* The best name of 2+ words not picked whose words are all picked, alone or in shorter names
 * (kw_picks_name_part_in: "Daniel", "Craig"; "Boone", "Pickens III"; "Plessis" of "du
 * Plessis"), and repeats no other pick; its index in ORDER, or N if there is none. Its parts
 * outscore it, as each is seen at least as often and a longer phrase scores less; but a reader
 * looks for "Daniel Craig". */
static size_t kw_picks_scattered_name(const kw_doc *d, const kw_rank *order, size_t n, const kw_picks *p)
{
    size_t best = n, alone = 0, names = 0;
    for (size_t i = 0; i < p->n; i++) {
        alone += p->kind[i] == KW_NAME_WORD ? p->count[i] : 0;
        names += p->kind[i] == KW_NAME;
    }
    if (!alone || (alone < 2 && !names)) /* most lists: no need to scan every candidate */
        return n;
    for (size_t r = 0; r < n; r++) {
        const kw_cand *c = intern_value(d->cands, order[r].id);
        if (c->words < 2 || !kw_holds_name_word(d, p, c) || kw_broken(c) || kw_unfixed(c) ||
            (best < n && kw_rank_cmp(&order[r], &order[best]) > 0) || !kw_is_name(d, c, 0) ||
            !kw_name_held_together(d, c))
            continue;
        const char *w[KW_PICK_WORDS];
        size_t wl[KW_PICK_WORDS], wn = kw_words_of(d, order[r].id, w, wl, KW_PICK_WORDS);
        size_t covered = 0;
        int repeats = 0, absorbed = 0;
        for (size_t i = 0; i < p->n && !repeats; i++) {
            size_t part = kw_picks_name_part_in(d, p, i, order[r].id, w, wl, wn);
            covered += part;
            if (!part)
                repeats = kw_picks_repeat(d, p, i, order[r].id, w, wl, wn, KW_NAME, &absorbed);
        }
        if (!repeats && covered == wn - kw_bridges_in(d, c, KW_BRIDGE_NONE))
            best = r;
    }
    return best;
}

/* Whether name ID of D (its words W, WN of them) repeats a pick of P other than pick SKIP (p->n:
 * none) and its words picked alone, which it would replace. */
static int kw_picks_repeated_by_name(const kw_doc *d, const kw_picks *p, size_t skip, uint32_t id,
                                     const char *const *w, const size_t *wl, size_t wn)
{
    int absorbed = 0;
    for (size_t i = 0; i < p->n; i++)
        if (i != skip && !kw_picks_name_word_in(d, p, i, id, w, wl, wn) &&
            kw_picks_repeat(d, p, i, id, w, wl, wn, KW_NAME, &absorbed))
            return 1;
    return 0;
}

/* Drops the words of name ID of D (its words W, WN of them) that P picked alone: one entry for
 * one person or place, where the words alone say less ("Katy", "Perry" for "Katy Perry"). */
static void kw_picks_drop_name_words(const kw_doc *d, kw_picks *p, uint32_t id, const char *const *w,
                                     const size_t *wl, size_t wn)
{
    for (size_t i = p->n; i-- > 0;)
        if (kw_picks_name_word_in(d, p, i, id, w, wl, wn)) {
            kw_picks_leave(p, p->rank[i]);
            kw_picks_drop(p, i);
        }
}

/* A name of D picked that is a piece of name ID (its words W, WN of them), which stands for it
 * in the corpus (kw_cand.fragment), becomes that name: "Lehman Brothers" picked before
 * "Shearson Lehman" (a piece too) becomes "Shearson Lehman Brothers". As when a name is picked,
 * its words picked alone go ("Shearson"), and a name that would repeat another pick is not
 * widened: "Lehman Brothers" stays beside "Shearson Lehman Hutton" rather than repeat it. */
static void kw_picks_widen_name(const kw_doc *d, kw_picks *p, uint32_t id, const char *const *w,
                                const size_t *wl, size_t wn)
{
    size_t widened = p->n;
    for (size_t i = 0; i < p->n && widened == p->n; i++)
        if (p->kind[i] == KW_NAME &&
            kw_subset(p->words + i * KW_PICK_WORDS, p->lens + i * KW_PICK_WORDS, p->count[i], w, wl, wn))
            widened = i;
    if (widened == p->n || kw_picks_repeated_by_name(d, p, widened, id, w, wl, wn))
        return;
    kw_picks_set(p, d, widened, id, p->rank[widened], KW_NAME);
    kw_picks_drop_name_words(d, p, id, w, wl, wn);
}

/* The name to show for name ID of D, whose words P picked alone: the longer name it is a piece
 * of ("Daniel Craig Jones" for "Daniel Craig", kw_cand.fragment), if that is a name too and
 * repeats no pick of P but its words alone, which it replaces; else ID. */
static uint32_t kw_whole_name(const kw_doc *d, const kw_picks *p, uint32_t id)
{
    uint32_t whole = kw_whole(d, id);
    if (whole == id || kw_kind(d, intern_value(d->cands, whole), 1) != KW_NAME)
        return id;
    const char *w[KW_PICK_WORDS];
    size_t wl[KW_PICK_WORDS], wn = kw_words_of(d, whole, w, wl, KW_PICK_WORDS);
    return kw_picks_repeated_by_name(d, p, p->n, whole, w, wl, wn) ? id : whole;
}

/* Candidate of D whose stems are KEY (LEN bytes), a space and WORD (WLEN), or WORD first when
 * AFTER is 0; -1 if there is none. */
static int64_t kw_joined_find(const kw_doc *d, const char *key, size_t len, const char *word, size_t wlen, int after)
{
    char joined[512];
    if (len + wlen + 1 > sizeof joined)
        return -1;
    const char *first = after ? key : word, *second = after ? word : key;
    size_t first_len = after ? len : wlen, second_len = after ? wlen : len;
    memcpy(joined, first, first_len);
    joined[first_len] = ' ';
    memcpy(joined + first_len + 1, second, second_len);
    return intern_find(d->cands, joined, len + wlen + 1);
}

/* Whether one-word candidate ID of D, which repeats no pick of P, extends a pick of 2+ words
 * into the phrase that holds every occurrence of both (kw_enclosed): "chief executive" and
 * "officer" into "chief executive officer", "consumer price" and "index" into "consumer price
 * index". That pick becomes the longer phrase if it is one a reader would take (whole in every
 * occurrence, no clause: "Company went public", nor a name with a word past its end: "Vivienne
 * Westwood launches"), the corpus has it in another document too, and it repeats no other pick. */
static int kw_picks_extend(const kw_doc *d, kw_picks *p, uint32_t id, int merge_names)
{
    size_t wlen, len;
    const char *word = intern_key(d->cands, id, &wlen);
    for (size_t i = 0; i < p->n; i++) {
        const kw_cand *pick = intern_value(d->cands, p->id[i]);
        if (pick->words < 2)
            continue;
        const char *key = intern_key(d->cands, p->id[i], &len);
        for (int after = 1; after >= 0; after--) {
            int64_t found = kw_joined_find(d, key, len, word, wlen, after);
            if (found < 0)
                continue;
            uint32_t longer = (uint32_t)found;
            const kw_cand *c = intern_value(d->cands, longer);
            if (c->tf < pick->tf || c->docs < 2 || kw_no_phrase(c) || c->clause || c->headless || c->cut ||
                c->unbounded || c->past_name || !kw_enclosed(d, id, longer))
                continue;
            const char *w[KW_PICK_WORDS];
            size_t wl[KW_PICK_WORDS], wn = kw_words_of(d, longer, w, wl, KW_PICK_WORDS);
            if (kw_picks_repeated_by_name(d, p, i, longer, w, wl, wn))
                continue;
            kw_picks_set(p, d, i, longer, p->rank[i], kw_kind(d, c, merge_names));
            return 1;
        }
    }
    return 0;
}

/* Documents of the corpus that a phrase the story writes once must be in to stand for its
 * first word (kw_enclosing): "registration statement", in hundreds of Reuters' stories, is a
 * term; "half non-underwritten", in two, is one story's words. */
enum { KW_ENCLOSING_ONCE_DOCS = 5 };

/* The phrase of two words that one-word candidate ID of D begins in all its occurrences
 * (kw_enclosed); else ID. Such a word is a modifier cut from its noun ("central" of "central
 * bank", "discontinued" of "discontinued operations", "McDonnell" of "McDonnell Douglas"), which
 * alone says little: the phrase says what it means. Not a noun after its modifier ("theaters"
 * of "movie theaters"), a word of its own that readers take alone (kpcrowd's annotators keyed
 * "theaters"). Only a phrase a reader would take, as kw_picks_extend asks, that at least half
 * the corpus's documents with the word have: a word the corpus writes elsewhere more is a word
 * of its own there. */
static uint32_t kw_enclosing(const kw_doc *d, uint32_t id)
{
    /* Its first occurrence, as every one, is the phrase's first word: the phrase is the word
     * and the token after it, found by their stems, with no scan of the candidates. */
    const kw_cand *w = intern_value(d->cands, id);
    const quarry_strings *stems = &d->tokens->stems;
    if ((size_t)w->first + 1 >= stems->n || !stems->str[w->first + 1])
        return id;
    size_t len;
    const char *key = intern_key(d->cands, id, &len);
    int64_t found = kw_joined_find(d, key, len, stems->str[w->first + 1], stems->len[w->first + 1], 1);
    if (found < 0)
        return id;
    const kw_cand *c = intern_value(d->cands, (uint32_t)found);
    if (c->words != 2 || c->docs < (c->tf < 2 ? KW_ENCLOSING_ONCE_DOCS : 2) || 2 * (uint64_t)c->docs < w->docs ||
        kw_no_phrase(c) || c->clause || c->headless || c->cut || c->unbounded || c->past_name || c->fragment ||
        !kw_enclosed(d, id, (uint32_t)found))
        return id;
    return (uint32_t)found;
}

/* Whether plain one-word candidate *ID of D is shown as the phrase it begins
 * (kw_enclosing), where that phrase repeats none of P's picks: then *ID, *WHAT and the words
 * W, WL (*WN of them) are the phrase's. The word may still fill a short list. */
static int kw_picks_enclosing(const kw_doc *d, const kw_picks *p, uint32_t *id, unsigned char *what,
                              const char **w, size_t *wl, size_t *wn, int merge_names)
{
    uint32_t phrase = kw_enclosing(d, *id);
    if (phrase == *id)
        return 0;
    const char *pw[KW_PICK_WORDS];
    size_t pwl[KW_PICK_WORDS], pwn = kw_words_of(d, phrase, pw, pwl, KW_PICK_WORDS);
    unsigned char pwhat = kw_kind(d, intern_value(d->cands, phrase), merge_names);
    if (!kw_picks_new_beside(d, p, p->n, phrase, pw, pwl, pwn, pwhat))
        return 0;
    *id = phrase;
    *what = pwhat;
    *wn = pwn;
    memcpy(w, pw, pwn * sizeof *pw);
    memcpy(wl, pwl, pwn * sizeof *pwl);
    return 1;
}

/* Candidate ID of D, or, if it is an acronym of the story, the phrase it stands for
 * (kw_cand.defined), whole: one entry for "FDA" and "Food and Drug Administration", in the
 * acronym's place; kw_picks_acronyms shows it in the story's more frequent form. Not where that
 * phrase is no phrase (kw_no_phrase) or would repeat another of P's picks ("Farm Credit
 * Administration" beside "farm credit"): the acronym is a phrase of its own then, as it would
 * be without the phrase. */
static uint32_t kw_spelled_out(const kw_doc *d, const kw_picks *p, uint32_t id, int merge_names)
{
    const kw_cand *c = intern_value(d->cands, id);
    if (!c->defined)
        return id;
    uint32_t phrase = kw_whole(d, c->defined - 1);
    const kw_cand *pc = intern_value(d->cands, phrase);
    if (kw_no_phrase(pc))
        return id;
    for (size_t i = 0; i < p->n; i++)
        if (p->id[i] == phrase)
            return phrase; /* picked: the acronym repeats it */
    const char *w[KW_PICK_WORDS];
    size_t wl[KW_PICK_WORDS], wn = kw_words_of(d, phrase, w, wl, KW_PICK_WORDS);
    return kw_picks_new_beside(d, p, p->n, phrase, w, wl, wn, kw_kind(d, pc, merge_names)) ? phrase : id;
}

/* Each of the N picks OUT of D that an acronym stands for (kw_spelled_out) shown as the acronym,
 * unless the story writes the phrase more often: "FDA", as the story names it once it has spelled
 * it out, and as the crowd keyed it in kpcrowd's stories ("FDA", "BBA", "WBCA"). */
static void kw_picks_acronyms(const kw_doc *d, uint32_t *out, size_t n)
{
    uint32_t count = (uint32_t)intern_count(d->cands);
    for (uint32_t id = 0; id < count; id++) {
        const kw_cand *c = intern_value(d->cands, id);
        if (!c->defined)
            continue;
        uint32_t phrase = kw_whole(d, c->defined - 1);
        size_t at = n;
        int itself = 0; /* picked as itself, and the phrase too: both stay, as they are */
        for (size_t i = 0; i < n; i++) {
            itself |= out[i] == id;
            at = out[i] == phrase ? i : at;
        }
        if (at < n && !itself && c->tf >= ((const kw_cand *)intern_value(d->cands, phrase))->tf)
            out[at] = id;
    }
}

size_t kw_top(const kw_doc *d, size_t k, int merge_names, uint32_t *out)
{
    size_t n = intern_count(d->cands);
    kw_rank *order = malloc((n ? n : 1) * sizeof *order);
    if (!order)
        abort();
    for (uint32_t i = 0; i < n; i++) {
        const kw_cand *c = intern_value(d->cands, i);
        order[i] = (kw_rank){c->score, i, kw_label(c)};
    }
    /* Only the best few need an order: those a top of K could need, with room for the
     * near-duplicates left out; the rest is sorted only if they run out. */
    size_t sorted = topsort(order, n, sizeof *order, 4 * k + 16, kw_rank_cmp);
    kw_picks p;
    kw_picks_init(&p, k, out);
    const char *w[KW_PICK_WORDS];
    size_t wl[KW_PICK_WORDS];
    for (size_t r = 0;;) {
        for (; r < n && p.n < k; r++) {
            if (r == sorted)
                sorted = topsort(order + r, n - r, sizeof *order, n - r, kw_rank_cmp) + r;
            /* A piece of a longer phrase is shown as the whole, in its place: the whole scores
             * less, as a longer phrase does, and its other piece would take the place instead
             * ("Mercantile Exchange" for "Chicago Mercantile Exchange"). */
            uint32_t id = kw_spelled_out(d, &p, kw_whole(d, order[r].id), merge_names);
            const kw_cand *cand = intern_value(d->cands, id);
            int middle = kw_name_word_piece(d, order[r].id);
            if (!middle && kw_no_phrase(cand))
                continue;
            unsigned char what = kw_kind(d, cand, merge_names);
            size_t wn = kw_words_of(d, id, w, wl, KW_PICK_WORDS);
            /* A name's middle or first word stands for the name, unless the name is no phrase or
             * would repeat a pick ("Dai-Ichi Kangyo Bank" beside "Dai-Ichi", which a hyphen makes
             * two words): then it is shown alone, as before, and the picks may yet make the name
             * of its words (kw_picks_scattered_name). */
            if (middle && (kw_no_phrase(cand) || !kw_picks_new_beside(d, &p, p.n, id, w, wl, wn, what))) {
                id = order[r].id;
                cand = intern_value(d->cands, id);
                if (kw_unreadable(cand))
                    continue;
                what = kw_kind(d, cand, merge_names);
                wn = kw_words_of(d, id, w, wl, KW_PICK_WORDS);
            }
            int repeats = 0, absorbed = 0;
            uint32_t twin = KW_NO_TWIN; /* a pick this candidate spells better, dropped for it */
            int spelled = 0;            /* whether a pick spells this candidate better */
            for (size_t i = 0; i < p.n && !repeats;) {
                if (kw_picks_outlasted(d, &p, i, id, w, wl, wn, what)) {
                    kw_picks_drop(&p, i);
                    continue;
                }
                repeats = kw_picks_repeat(d, &p, i, id, w, wl, wn, what, &absorbed);
                int compound = repeats ? KW_COMPOUND_NONE
                                       : kw_compound(d, id, w, wl, wn, p.id[i], p.words + i * KW_PICK_WORDS,
                                                     p.lens + i * KW_PICK_WORDS, p.count[i]);
                /* A compound picked in the spelling the story writes less gives way to this one,
                 * which takes the place its own score gives it, if it is shown: else both would
                 * go. The spelling left out stays beside the one shown, for the words it holds. */
                if (compound == KW_COMPOUND_SAME && kw_spelled_better(d, id, p.id[i]) &&
                    kw_picks_new_beside(d, &p, i, id, w, wl, wn, what)) {
                    twin = p.id[i];
                    kw_picks_drop(&p, i);
                    continue;
                }
                if (compound == KW_COMPOUND_SAME) {
                    spelled = 1;
                    if (p.twin[i] == KW_NO_TWIN)
                        p.twin[i] = id;
                }
                repeats = repeats || compound != KW_COMPOUND_NONE;
                i += !repeats;
            }
            /* A word shown as the name it is inside ("Burnham" as "Drexel Burnham Lambert") may
             * still fill a short list, as a name's words do. */
            if (absorbed || (middle && id != order[r].id))
                kw_picks_leave(&p, r);
            /* A phrase shown in its other spelling stands for its words, as it would itself:
             * "Kline", picked before "Smith Kline" beside "SmithKline", goes. */
            if (spelled && what == KW_NAME)
                kw_picks_drop_name_words(d, &p, id, w, wl, wn);
            if (spelled)
                kw_picks_drop_enclosed(d, &p, id);
            if (repeats && id != order[r].id && what == KW_NAME)
                kw_picks_widen_name(d, &p, id, w, wl, wn);
            if (repeats)
                continue;
            if (cand->words == 1 && kw_picks_extend(d, &p, id, merge_names)) {
                kw_picks_leave(&p, r);
                continue;
            }
            /* A modifier written only before one noun is shown with it, in the word's place. */
            if (cand->words == 1 && what == KW_PLAIN && twin == KW_NO_TWIN &&
                kw_picks_enclosing(d, &p, &id, &what, w, wl, &wn, merge_names))
                kw_picks_leave(&p, r);
            if (what == KW_NAME) /* a name replaces its words picked alone before it */
                kw_picks_drop_name_words(d, &p, id, w, wl, wn);
            kw_picks_drop_enclosed(d, &p, id);
            kw_picks_set(&p, d, p.n, id, r, what);
            p.twin[p.n - 1] = twin;
        }
        if (!merge_names || p.n < k)
            break;
        /* A full list whose picks make up a name ("Daniel", "Craig"; "Boone", "Pickens III"): the
         * name takes the place of the first of them, and the list fills up again from where it
         * stopped. */
        size_t name = kw_picks_scattered_name(d, order, n, &p);
        if (name == n)
            break;
        uint32_t shown = kw_whole_name(d, &p, order[name].id);
        size_t wn = kw_words_of(d, shown, w, wl, KW_PICK_WORDS), first = p.n;
        for (size_t i = p.n; i-- > 0;) /* from the last: dropping one keeps the earlier in place */
            if (kw_picks_name_part_in(d, &p, i, shown, w, wl, wn)) {
                if (p.kind[i] == KW_NAME_WORD) /* a short list may end with it; a shorter name
                                                * would repeat the name */
                    kw_picks_leave(&p, p.rank[i]);
                if (first < p.n)
                    kw_picks_drop(&p, first);
                first = i;
            }
        kw_picks_set(&p, d, first, shown, name, KW_NAME);
    }
    /* A short story (a headline alone) may have fewer phrases than the list has room for: the
     * words left out for its names and phrases fill it, best first, rather than leave it short
     * ("Hailee" and "Steinfeld" after "Hailee Steinfeld"). Near-duplicates do not. */
    if (p.n < k && p.lefts) {
        qsort(p.left, p.lefts, sizeof *p.left, kw_size_cmp);
        for (size_t i = 0; i < p.lefts && p.n < k; i++)
            out[p.n++] = order[p.left[i]].id;
    }
    size_t chosen = p.n;
    kw_picks_acronyms(d, out, chosen);
    kw_picks_free(&p);
    free(order);
    return chosen;
}
