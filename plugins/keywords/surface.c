/* surface.c: how a document's phrase is shown: its most frequent surface form, or, where only a
 * headline or a dateline in capitals holds it, its words as the corpus writes them. */
#include "surface.h"
#include "names.h"
#include "unspaced.h"
#include "wordclass.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

/* Whether D's corpus writes the last word of candidate C, capitalised, with its "'s" in at
 * least nine of ten occurrences where its case is told, three or more: a name's ("Moody's",
 * "Poor's" of "Standard and Poor's"), not a name in the possessive ("Britain's", a fifth of
 * Reuters' "Britain"; "EC's", beside "EC" in capitals). Its casings count the same
 * occurrences, with and without. */
static int kw_keeps_possessive(const kw_doc *d, const kw_cand *c)
{
    if (!d->possessives || !d->casings)
        return 0;
    size_t len;
    const char *stem = intern_key(d->words, c->word[c->words - 1], &len);
    /* The few words ever written so come first: most phrases need no look in the casings. */
    int64_t p = intern_find(d->possessives, stem, len);
    if (p < 0)
        return 0;
    int64_t k = intern_find(d->casings, stem, len);
    if (k < 0)
        return 0;
    uint64_t with = *(const uint32_t *)intern_value(d->possessives, (uint32_t)p);
    const kw_casing *casing = intern_value(d->casings, (uint32_t)k);
    uint64_t capitalised =
        (uint64_t)casing->count[KW_CAPITAL] + casing->count[KW_CAPITALS] + casing->count[KW_MIXED];
    return with >= 3 && 10 * with >= 9 * capitalised;
}

static uint64_t kw_possessive_count(const void *value)
{
    return *(const uint32_t *)value;
}

uint64_t kw_possessives_count(intern *possessives, const kw_doc *d, const kw_tokens *t, size_t max_words)
{
    uint64_t pruned = 0, floor = 0;
    for (size_t i = 0; i < t->stems.n; i++) {
        const char *s = t->surface.str[i];
        size_t len = t->surface.len[i];
        if (d->word_of[i] == UINT32_MAX || d->caseless[i] || !s || kw_without_possessive(s, len) == len)
            continue; /* most tokens: no possessive */
        int casing = kw_casing_of(s, len);
        if (casing != KW_CAPITAL && casing != KW_MIXED)
            continue;
        uint32_t *with = intern_put(possessives, t->stems.str[i], t->stems.len[i], NULL, NULL);
        if (*with < UINT32_MAX)
            (*with)++;
        if (intern_count(possessives) > max_words)
            pruned += intern_prune(possessives, max_words / 2, kw_possessive_count, &floor);
    }
    return pruned;
}

/* Whether candidate C occurs at token I of T. */
static int kw_occurs_at(const kw_doc *d, const kw_tokens *t, const kw_cand *c, size_t i)
{
    if (i + c->words > t->stems.n)
        return 0;
    for (uint32_t k = 0; k < c->words; k++)
        if (d->word_of[i + k] != c->word[k] || (k && kw_phrase_break(t, i + k)))
            return 0;
    return 1;
}

/* Appends to OUT the space between a phrase's words BEFORE and AFTER (NULL: none known), but
 * for two of a script written without spaces: "网络安全", not "网络 安全". */
static void kw_surface_space(quarry_buf *out, const char *before, size_t before_len, const char *after,
                             size_t after_len)
{
    if (!before || !after || !unspaced_ends(before, before_len) || !unspaced_starts(after, after_len))
        quarry_buf_append(out, " ", 1);
}

/* How often a surface form occurs where its case is told, at a sentence's start, and in a
 * headline; compared in that order. */
typedef struct kw_form_count {
    uint32_t told, start, headline;
    uint32_t at; /* the token where it first occurs */
} kw_form_count;

static int kw_form_more(const kw_form_count *a, const kw_form_count *b)
{
    if (a->told != b->told)
        return a->told > b->told;
    if (a->start != b->start)
        return a->start > b->start;
    return a->headline > b->headline;
}

/* Whether form A (S, LEN bytes) of a word alone, as frequent as form BEST_ID of D's surfaces
 * (its counts B) in each count, is the better to show: B is a past and A is not ("approval"
 * beside "approved", "resignation" beside "resigned", "increase" beside "increased"). A story
 * that writes the word once as each names the thing by the noun; the past only says it
 * happened. Not a form with a capital, a name's ("Insurance" beside "insured"), nor one in
 * "-ing": the word tables take "reducing" and "failing" for nouns, as "offering" and "filing"
 * are, so no rule tells them. */
static int kw_form_tie_better(const kw_doc *d, uint32_t best_id, const kw_form_count *a, const kw_form_count *b,
                              const char *s, size_t len)
{
    if (a->told != b->told || a->start != b->start || a->headline != b->headline)
        return 0;
    size_t best_len;
    const char *best = intern_key(d->surfaces, best_id, &best_len);
    return kw_past_tense(best, best_len) && !kw_past_tense(s, len) && len && (unsigned)(s[0] - 'a') < 26u &&
           !(len > 4 && !memcmp(s + len - 3, "ing", 3));
}

/* Adds the counts of FORM to SUM. */
static void kw_form_add(kw_form_count *sum, const kw_form_count *form)
{
    sum->told += form->told;
    sum->start += form->start;
    sum->headline += form->headline;
}

/* The surface form of D's (kw_doc.surfaces) to show, where form BEST occurs the most: BEST,
 * unless it has a capital and most occurrences are in lower case. Then it is the most frequent
 * form in lower case. Stemming groups a common word with a name: "nations" and "nation" with
 * the "National" of three names, "banks" and "bank" with a "Bank" that outnumbers each. A
 * capital inside a sentence marks a name, so the word is shown as the common word the story
 * mostly writes. A verb of the stem is another word, and does not count ("purchased" beside
 * "Purchasing"). It does not work the other way round: a form in lower case that outnumbers
 * each other form stays, though the capitalised ones are more in all ("dollar" beside "Dollar"
 * and "Dollars" in names), as the story's own word. Ties keep the form seen first (a
 * past gives way: kw_form_tie_better). */
static uint32_t kw_form_lower_case(const kw_doc *d, uint32_t best)
{
    size_t len;
    const char *shown = intern_key(d->surfaces, best, &len);
    if (kw_casing_of(shown, len) == KW_LOWER)
        return best;
    size_t n = intern_count(d->surfaces);
    kw_form_count lower = {0, 0, 0, 0}, other = {0, 0, 0, 0};
    uint32_t chosen = UINT32_MAX;
    for (uint32_t id = 0; id < n; id++) {
        const char *form = intern_key(d->surfaces, id, &len);
        const kw_form_count *count = intern_value(d->surfaces, id);
        if (kw_casing_of(form, len) != KW_LOWER) {
            kw_form_add(&other, count);
            continue;
        }
        if (kw_past_tense(form, len) || (kw_lexical(form, len, 0) & (KW_LEX_VERB_FORM | KW_LEX_VERB_BASE)))
            continue;
        kw_form_add(&lower, count);
        if (chosen == UINT32_MAX || kw_form_more(count, intern_value(d->surfaces, chosen)))
            chosen = id;
    }
    return kw_form_more(&lower, &other) ? chosen : best;
}

/* How the corpus writes each word of candidate C, found in capitals at token AT of T, into
 * CASING; 0 when the phrase is to be shown as written. A headline in title case is shown so:
 * its capitals are a headline's, but also a name's ("Google Motion", "Jeff Sessions" in a list
 * of names), and a name in lower case reads worse than a common word capitalised. So are
 * phrases that would be rewritten in part: a word the corpus never writes inside a sentence,
 * or writes in no one way ("ZURN INDUSTRIES" is not "ZURN industries"), or words it writes in
 * lower case beside words it capitalises, as a name's are ("SOUTHERN PETROLEUM" is not
 * "southern Petroleum"). A dateline at AT is rewritten whole, as a place's name, whatever the
 * corpus writes (CASING is left alone). So is a firm's name (KW_CASELESS_FIRM: "COMBUSTION
 * ENGINEERING INC" gives "Combustion Engineering"), but for the words the corpus writes in
 * capitals, or, where it says nothing, of three letters or fewer or with a dot, as acronyms
 * are ("IDB COMMUNICATIONS GROUP" gives "IDB Communications Group", "U.S."): those are
 * KW_CAPITALS in CASING, its "of" and "and" KW_LOWER, and the others KW_CAPITAL. */
static int kw_headline_casings(const kw_doc *d, const kw_tokens *t, const kw_cand *c, size_t at, int *casing)
{
    int dateline = d->caseless[at] == KW_CASELESS_DATELINE, firm = d->caseless[at] == KW_CASELESS_FIRM;
    if (!d->casings && !dateline && !firm)
        return 0;
    int lower = 0, capital = 0;
    for (uint32_t k = 0; k < c->words; k++) {
        const char *form = t->surface.str[at + k];
        if (!form || kw_casing_of(form, t->surface.len[at + k]) != KW_CAPITALS)
            return 0;
        if (dateline)
            continue; /* a place, written as one: "New Delhi" (kw_casing_write_place) */
        size_t len;
        const char *stem = intern_key(d->words, c->word[k], &len);
        casing[k] = kw_corpus_casing(d, stem, len);
        if (firm && ((const kw_word *)intern_value(d->words, c->word[k]))->bridge) {
            casing[k] = KW_LOWER; /* "of" and "and" inside the name: "Software Services of America" */
            continue;
        }
        if (firm) {
            size_t form_len = t->surface.len[at + k];
            int acronym = casing[k] == KW_CAPITALS ||
                          (casing[k] == KW_MIXED && (form_len <= 3 || memchr(form, '.', form_len)));
            casing[k] = acronym ? KW_CAPITALS : KW_CAPITAL;
            continue;
        }
        if (casing[k] == KW_MIXED)
            return 0;
        lower |= casing[k] == KW_LOWER;
        capital |= casing[k] == KW_CAPITAL;
    }
    return !(lower && capital);
}

/* Whether token I of T, capitalised, is inside a run of capitalised phrase words of D: a word
 * of a name of two words or more ("Copper" of "Magma Copper"). */
static int kw_in_name(const kw_doc *d, const kw_tokens *t, size_t i)
{
    if (!kw_capitalised(t, i))
        return 0;
    return (i > 0 && !kw_phrase_break(t, i) && kw_name_word(d, t, i - 1)) ||
           (i + 1 < t->stems.n && !kw_phrase_break(t, i + 1) && kw_name_word(d, t, i + 1));
}

/* Whether written forms A and B are one word but for case and a plural's "s" or "es":
 * "copper" and "Copper", "systems" and "System"; not "banking" and "Bank". */
static int kw_one_word_cased(const char *a, size_t al, const char *b, size_t bl)
{
    if (al > bl)
        return kw_one_word_cased(b, bl, a, al);
    if (bl - al > 2 || (bl - al >= 1 && (b[bl - 1] | 0x20) != 's') || (bl - al == 2 && (b[bl - 2] | 0x20) != 'e'))
        return 0;
    return !strncasecmp(a, b, al);
}

/* The form of one-word candidate C of D to show instead of SHOWN, capitalised, whose first
 * occurrence is a name's word: the token of its first form in lower case that is one word with
 * SHOWN (kw_one_word_cased), where the story writes the word outside names in lower case more
 * often than capitalised, its case told; else SIZE_MAX. Such a word alone is the common noun
 * ("copper" beside "Magma Copper", "bank" beside "Bank of England"), and the name stands for
 * itself; a word used alone as a name ("Sykes said", beside "Sykes Datatronics") stays, even
 * where a slip writes it in lower case once ("sykes assets"). */
static size_t kw_common_form(const kw_doc *d, const kw_tokens *t, const kw_cand *c, const char *shown, size_t len)
{
    size_t first = SIZE_MAX, lower = 0, capital = 0;
    for (size_t i = c->first; i < t->stems.n; i++) {
        const char *s = t->surface.str[i];
        if (!s || d->word_of[i] != c->word[0] || d->caseless[i] != KW_CASE_SHOWN || kw_in_name(d, t, i) ||
            !kw_one_word_cased(s, t->surface.len[i], shown, len))
            continue;
        if (kw_capitalised(t, i)) {
            capital++;
        } else if (!lower++) {
            first = i;
        }
    }
    return lower > capital ? first : SIZE_MAX;
}

/* Whether token I of T, capitalised, is a word of a name in D: of a run of capitalised phrase
 * words (kw_in_name), before a firm's legal form ("Ball Corp", "Centuri Inc"), or a place's
 * name ("France", whose stem "franc" the corpus writes in lower case; kw_place_ends). */
static int kw_named(const kw_doc *d, const kw_tokens *t, size_t i)
{
    return kw_in_name(d, t, i) ||
           (kw_capitalised(t, i) && ((i + 1 < t->stems.n && t->surface.str[i + 1] &&
                                      kw_legal_form(t->surface.str[i + 1], t->surface.len[i + 1])) ||
                                     kw_place_ends(t, i)));
}

/* Whether candidate C, whose form at token AT of T D shows, where it and its like occur only
 * at a sentence's start or in a headline, is shown with its first word in lower case: that word
 * is capitalised, the corpus writes its stem in lower case, the words after it are written in
 * lower case, and the story never sets the word in a name outside its headline. A sentence's
 * first capital says nothing of the word, and wire copy's tables begin each row with one:
 * Reuters' earnings stories gave "Net" to 1,568 lists, "Sales" to 399 and "Net loss" to 387,
 * beside "sales" in 283, one keyphrase under two keys for the systems fed with them. A name
 * keeps its capital: the corpus writes "Texaco" so, and a story that begins each sentence with
 * "Foote" calls the firm "Foote Mineral Co" once (kw_named), though the corpus writes "foot".
 * So does a phrase with a capital further on ("Bank of England"). */
static int kw_start_lowered(const kw_doc *d, const kw_tokens *t, const kw_cand *c, size_t at)
{
    if (!t->surface.str[at] || kw_casing_of(t->surface.str[at], t->surface.len[at]) != KW_CAPITAL)
        return 0;
    for (uint32_t k = 1; k < c->words; k++)
        if (!t->surface.str[at + k] || kw_casing_of(t->surface.str[at + k], t->surface.len[at + k]) != KW_LOWER)
            return 0;
    size_t len;
    const char *stem = intern_key(d->words, c->word[0], &len);
    if (kw_corpus_casing(d, stem, len) != KW_LOWER)
        return 0;
    for (size_t i = 0; i < t->stems.n; i++)
        if (d->word_of[i] == c->word[0] && d->caseless[i] <= KW_CASELESS_START && kw_named(d, t, i))
            return 0;
    return 1;
}

/* The form seen most, of C's occurrences in T: counts each one's surface form into D's
 * surfaces, and sets BEST (its counts), BEST_ID and BEST_AT (an occurrence of it). Unless
 * WITH_VERBS, a word alone is not counted where it is a verb (KW_LEX_VERB_BASE or
 * KW_LEX_VERB_THIRD: "is issuing a bond"), as it is in no phrase there: the phrase is the word
 * the story writes elsewhere ("the issue"). 0 if it counted none. */
static int kw_count_forms(kw_doc *d, const kw_tokens *t, const kw_cand *c, int keep_possessive, int with_verbs,
                          kw_form_count *best_count, uint32_t *best_id, size_t *best_at)
{
    d->surfaces = kw_fresh(d->surfaces, sizeof(kw_form_count));
    kw_form_count best = {0, 0, 0, 0};
    int any = 0;
    /* Occurrences start at or after the first: count each one's surface form. */
    for (size_t i = c->first; i < t->stems.n; i++) {
        if (!kw_occurs_at(d, t, c, i) ||
            (!with_verbs && c->words == 1 && (d->lexical[i] & (KW_LEX_VERB_BASE | KW_LEX_VERB_THIRD))))
            continue;
        d->surface.len = 0;
        for (uint32_t k = 0; k < c->words; k++) {
            if (k)
                kw_surface_space(&d->surface, t->surface.str[i + k - 1], t->surface.len[i + k - 1],
                                 t->surface.str[i + k], t->surface.len[i + k]);
            if (t->surface.str[i + k])
                quarry_buf_append(&d->surface, t->surface.str[i + k], t->surface.len[i + k]);
        }
        if (!keep_possessive)
            d->surface.len = kw_without_possessive(d->surface.data, d->surface.len);
        uint32_t sid;
        /* A sentence's first word is capitalised whatever it is, and so is a headline's:
         * occurrences elsewhere count first, those at a sentence's start next and those in a
         * headline last, so "cyber security" is shown so even where sentences begin with it
         * more often, and "CCX Network" from the text's first words, not the "CCX NETWORK" of
         * a headline in capitals. */
        int added;
        kw_form_count *count = intern_put(d->surfaces, d->surface.data, d->surface.len, &sid, &added);
        if (added)
            count->at = (uint32_t)i;
        uint32_t *tier = d->caseless[i] >= KW_CASELESS_HEADLINE ? &count->headline /* and a dateline */
                         : d->caseless[i]                       ? &count->start
                                                                : &count->told;
        if (*tier < UINT32_MAX)
            (*tier)++;
        /* Strictly more: ties keep the first seen, but for a word's past (kw_form_tie_better). */
        if (!any || kw_form_more(count, &best) ||
            (c->words == 1 && kw_form_tie_better(d, *best_id, count, &best, d->surface.data, d->surface.len))) {
            best = *count;
            *best_id = sid;
            *best_at = i;
            any = 1;
        }
    }
    *best_count = best;
    return any;
}

void kw_doc_surface(kw_doc *d, const kw_tokens *t, uint32_t id, quarry_buf *out)
{
    const kw_cand *c = intern_value(d->cands, id);
    int keep_possessive = kw_keeps_possessive(d, c);
    kw_form_count best = {0, 0, 0, 0};
    uint32_t best_id = 0;
    size_t best_at = 0; /* an occurrence of the best form */
    /* A word that is a verb in most occurrences is in no list (kw_cand.verb); one that is a
     * verb in all of them, if asked for, is shown as written there. */
    int any = kw_count_forms(d, t, c, keep_possessive, 0, &best, &best_id, &best_at) ||
              kw_count_forms(d, t, c, keep_possessive, 1, &best, &best_id, &best_at);
    out->len = 0;
    uint32_t lower_id = any ? kw_form_lower_case(d, best_id) : best_id;
    if (lower_id != best_id) {
        best_id = lower_id;
        best = *(const kw_form_count *)intern_value(d->surfaces, best_id);
        best_at = best.at;
    }
    int casing[KW_MAX_TOKENS];
    if (any && !best.told && !best.start && kw_headline_casings(d, t, c, best_at, casing)) {
        /* Only a headline in capitals holds it, where case says nothing ("DIVIDEND"), or a
         * dateline ("WINSTON-SALEM", shown as a place is written). */
        int place = d->caseless[best_at] == KW_CASELESS_DATELINE;
        int firm = d->caseless[best_at] == KW_CASELESS_FIRM;
        for (uint32_t k = 0; k < c->words; k++) {
            const char *form = t->surface.str[best_at + k];
            size_t len = t->surface.len[best_at + k];
            if (k)
                kw_surface_space(out, t->surface.str[best_at + k - 1], t->surface.len[best_at + k - 1], form, len);
            if (form && (place || (firm && casing[k] == KW_CAPITAL)))
                kw_casing_write_place(out, form, len);
            else if (form)
                kw_casing_write(out, form, len, casing[k]);
        }
        if (!keep_possessive)
            out->len = kw_without_possessive(out->data, out->len);
    } else if (any) {
        size_t len, common = SIZE_MAX;
        const char *s = intern_key(d->surfaces, best_id, &len);
        if (c->words == 1 && kw_casing_of(s, len) == KW_CAPITAL && kw_in_name(d, t, best.at))
            common = kw_common_form(d, t, c, s, len);
        if (common != SIZE_MAX) {
            quarry_buf_append(out, t->surface.str[common], t->surface.len[common]);
        } else if (!best.told && best.start && kw_start_lowered(d, t, c, best.at)) {
            /* S begins with the occurrence's first word, but for a possessive's "'s" cut off */
            size_t first = t->surface.len[best.at] < len ? t->surface.len[best.at] : len;
            kw_casing_write(out, s, first, KW_LOWER);
            quarry_buf_append(out, s + first, len - first);
        } else {
            quarry_buf_append(out, s, len);
        }
    }
}
