/* candidates.c: a document's candidate keyphrases and the statistics of their words. */
#include "candidates.h"
#include "acronyms.h"
#include "names.h"
#include "idioms.h"
#include "layout.h"
#include "tokenlists.h"
#include "wordclass.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Whether LOWER (LEN bytes) ends in "-ing" after three letters or more: a participle or a
 * gerund ("covering", "meeting"), not "king" or "thing". */
static int kw_ing_form(const char *lower, size_t len)
{
    return len >= 6 && !memcmp(lower + len - 3, "ing", 3);
}

/* Whether token I of T, LOWER (LEN bytes, in lower case), is a participle in "-ing" with its
 * object after it in the same clause: "statement covering 1.5 mln shares", "methods of relieving
 * the strain", "group comprising the". An "-ing" noun is followed by a preposition ("public
 * offering of", "annual meeting in"), and WordNet, which lists no "restructuring" nor
 * "underwriting", cannot tell them apart. Where the word opens a clause, a capitalised word
 * after it is its object too, a name or a date ("elected president, succeeding James Baker",
 * "a five-year bullet, maturing March 26"); after a determiner the word describes a name ("the
 * ruling Liberal Democratic Party", "the leading U.S. maker"). */
static int kw_ing_before_object(const kw_tokens *t, size_t i, const char *lower, size_t len)
{
    size_t next = i + 1;
    if (!kw_ing_form(lower, len) || next >= t->stems.n || t->clauses[next])
        return 0;
    return kw_object_opener(t, next) || (t->clauses[i] && !t->starts[i] && kw_capitalised(t, next));
}

/* Whether LOWER (LEN bytes, in lower case; CLASSES: its kw_lexical), after a form of "be", is a
 * verb's progressive: one whose third person the tables list ("is seeking", "are issuing"), or
 * any "-ing" word that is no adjective ("are guesstimating today's hog slaughter", "is holding
 * discussions"), where an adjective is a complement ("is controlling shareholder", "is binding",
 * "is forthcoming"). */
static int kw_progressive(const char *lower, size_t len, unsigned classes)
{
    return kw_progressive_listed(lower, len) || (kw_ing_form(lower, len) && !(classes & KW_LEX_ADJECTIVE));
}

/* KW_LEX_VERB_BASE if token I of T, LOWER (LEN bytes: its surface in lower case; CLASSES: what the
 * word tables say of it, kw_lexical's), is a verb by the words beside it: a word before an object
 * pronoun ("give us permission"; a preposition there is no keyphrase either) or an "-ing" word
 * before its object (kw_ing_before_object); a base form after "to" or a modal whose third person
 * the tables list ("agreed to sell its unit", "ACME TO SELL UNIT", "Acme will sell"), which the
 * tables leave out as a noun too ("sell" was in 151 of Reuters' lists, "buy" in 41, "file" in 32);
 * "back" after a verb (BEFORE: the classes of the token before it), as in "buy back stock", a
 * verb's particle that would begin "back stock"; or a progressive after "be" (kw_progressive).
 * KW_LEX_VERB_INFINITIVE if it is any other word after a modal or an infinitive's "to"
 * (kw_after_infinitive_to), that is no stop word nor only an adjective: "will meet conditions",
 * "expects to report earnings"; or a word that is mostly a verb (KW_LEX_VERB_MOSTLY) after "to"
 * that no word before makes a preposition (kw_after_preposition_to): "shares to cover
 * overallotments", not "according to press reports". Else 0. */
static unsigned kw_verb_in_context(const kw_tokens *t, size_t i, const char *lower, size_t len, unsigned classes,
                                   unsigned before)
{
    if (kw_before_object_pronoun(t, i) || kw_ing_before_object(t, i, lower, len))
        return KW_LEX_VERB_BASE;
    if (i == 0 || t->clauses[i] || t->starts[i])
        return 0;
    if (len == 4 && !memcmp(lower, "back", 4))
        return before & (KW_LEX_VERB_BASE | KW_LEX_VERB_FORM | KW_LEX_VERB_INFINITIVE) ? KW_LEX_VERB_BASE : 0;
    int after = kw_after_to_or_modal(t, i);
    if (after != KW_AFTER_NONE && kw_third_person_listed(lower, len))
        return KW_LEX_VERB_BASE;
    int infinitive = after == KW_AFTER_MODAL || (after == KW_AFTER_TO && kw_after_infinitive_to(t, i));
    if (infinitive && !t->stop[i] && !(classes & KW_LEX_ADJECTIVE))
        return KW_LEX_VERB_INFINITIVE;
    if (after == KW_AFTER_TO && (classes & KW_LEX_VERB_MOSTLY) && !kw_after_preposition_to(t, i))
        return KW_LEX_VERB_INFINITIVE;
    return kw_after_be(t, i) && kw_progressive(lower, len, classes) ? KW_LEX_VERB_BASE : 0;
}

int kw_tokens_read_lists(kw_tokens *t, const quarry_record *rec, const char *stems_field)
{
    if (quarry_get_strings(rec, stems_field, &t->stems) < 0 &&
        quarry_get_strings(rec, "tokens", &t->stems) < 0)
        return -1;
    size_t n = t->stems.n;
    if (quarry_get_strings(rec, "surface", &t->surface) < 0 || t->surface.n != n)
        quarry_get_strings(rec, "tokens", &t->surface);
    if (t->surface.n != n)
        quarry_get_strings(rec, stems_field, &t->surface);
    if (n + 1 > t->cap) {
        t->cap = n + 1;
        t->stop = kw_fresh_array(t->stop, t->cap);
        t->starts = kw_fresh_array(t->starts, t->cap);
        t->clauses = kw_fresh_array(t->clauses, t->cap);
        t->wordlike = kw_fresh_array(t->wordlike, t->cap);
        t->lexical = kw_fresh_array(t->lexical, t->cap);
        t->codes = kw_fresh_array(t->codes, t->cap);
    }
    tokenlists_flags(rec, "stop", t->stop, n);
    tokenlists_starts(rec, t->starts, n);
    tokenlists_clauses(rec, t->starts, t->clauses, n);
    /* A code (tokenize's 'codes': a ticker alone in angle brackets, "Hadson Corp <HADS.O>") is
     * an identifier beside the name a reader knows, no word of the story: in no phrase. */
    tokenlists_indices(rec, "codes", t->codes, n);
    return 0;
}

void kw_tokens_classify(kw_tokens *t)
{
    size_t n = t->stems.n;
    for (size_t i = 0; i < n; i++) {
        t->lexical[i] = (unsigned char)kw_lexical(t->surface.str[i], t->surface.len[i], t->starts[i]);
        if (t->surface.str[i] && t->surface.len[i] && (unsigned)(t->surface.str[i][0] - 'a') < 26u)
            t->lexical[i] |= (unsigned char)kw_verb_in_context(t, i, t->surface.str[i], t->surface.len[i],
                                                               t->lexical[i], t->lexical[i - (i > 0)]);
        t->wordlike[i] = (unsigned char)(!t->codes[i] && kw_wordlike(t, i));
    }
    kw_name_ends_confirm(t);
}

int kw_tokens_read(kw_tokens *t, const quarry_record *rec, const char *stems_field)
{
    if (kw_tokens_read_lists(t, rec, stems_field) < 0)
        return -1;
    kw_tokens_classify(t);
    return 0;
}

void kw_tokens_free(kw_tokens *t)
{
    quarry_strings_free(&t->stems);
    quarry_strings_free(&t->surface);
    free(t->stop);
    free(t->starts);
    free(t->clauses);
    free(t->wordlike);
    free(t->lexical);
    free(t->codes);
    memset(t, 0, sizeof *t);
}

void kw_doc_trim(kw_doc *d)
{
    enum { KW_KEEP_WORDS = 1 << 20 }; /* a long book has a few hundred thousand words */
    if (d->word_cap <= KW_KEEP_WORDS && (!d->words || intern_count(d->words) <= KW_KEEP_WORDS))
        return;
    size_t max_cands = d->max_cands; /* a setting, not a table */
    kw_doc_free(d);
    d->max_cands = max_cands;
}

void kw_doc_free(kw_doc *d)
{
    intern_free(d->cands);
    intern_free(d->words);
    intern_free(d->neighbours);
    intern_free(d->surfaces);
    free(d->word_of);
    free(d->caseless);
    free(d->initial);
    free(d->particle);
    free(d->lexical);
    free(d->label);
    free(d->casing);
    quarry_buf_free(&d->key);
    quarry_buf_free(&d->surface);
    memset(d, 0, sizeof *d);
}

void *kw_fresh_array(void *old, size_t size)
{
    free(old);
    void *fresh = malloc(size ? size : 1);
    if (!fresh)
        abort();
    return fresh;
}

/* TABLE emptied, or made, for the next document. */
intern *kw_fresh(intern *table, size_t value_size)
{
    if (!table)
        return intern_new(value_size);
    intern_clear(table);
    return table;
}

static void kw_neighbour(kw_doc *d, kw_word *w, uint32_t id, char side, const char *stem, size_t len)
{
    d->key.len = 0;
    quarry_buf_append(&d->key, &id, 4);
    quarry_buf_append(&d->key, &side, 1);
    quarry_buf_append(&d->key, stem, len);
    int added;
    intern_put(d->neighbours, d->key.data, d->key.len, NULL, &added);
    if (added)
        *(side == 'L' ? &w->left : &w->right) += 1;
}

static uint64_t kw_cand_tf(const void *value)
{
    return ((const kw_cand *)value)->tf;
}

/* Whether no phrase runs from token I - 1 into token I: a sentence or a clause begins at I;
 * token I - 1 is an office before its holder's name ("Fed chairman Paul Volcker": kw_title); or
 * it is a possessive, which ends its noun phrase ("Britain's ruling party" holds no "Britain's
 * ruling", "this year's federal budget" no "year's federal"), unless both words are
 * capitalised, as in names ("McDonald's Restaurants", "Women's Basketball"), and the first is
 * not a place's: a place's possessive names an owner, not a part of the name ("Sweden's
 * Electrolux AB", "Japan's American Honda Motor", "Sri Lanka's Central Bank"). */
int kw_phrase_break(const kw_tokens *t, size_t i)
{
    if (t->clauses[i])
        return 1;
    if (kw_title(t, i - 1))
        return 1;
    const char *s = t->surface.str[i - 1];
    size_t len = t->surface.len[i - 1];
    if (!s || kw_without_possessive(s, len) == len)
        return 0;
    const char *next = t->surface.str[i];
    return !(kw_is_upper((unsigned char)s[0]) && next && t->surface.len[i] && kw_is_upper((unsigned char)next[0])) ||
           kw_place_ends(t, i - 1);
}

int kw_possessive_within(const kw_doc *d, const kw_cand *c, uint32_t words)
{
    const kw_tokens *t = d->tokens; /* a candidate's words are tokens in a row */
    for (size_t i = c->first; i < (size_t)c->first + words; i++)
        if (t->surface.str[i] && kw_without_possessive(t->surface.str[i], t->surface.len[i]) != t->surface.len[i])
            return 1;
    return 0;
}

/* Whether token B, a word of the run of phrase words that ends before END, is a hyphenated
 * modifier in lower case before a word in lower case: "short-term" of "short-term debt",
 * "two-for-one" of "two-for-one split". English hyphenates such compounds before their noun, so
 * a phrase that ends in one has lost its head ("reduce short-term", "corresponding year-ago").
 * Before a capitalised word it may end a phrase ("Bundesbank vice-president Helmut
 * Schlesinger"); capitalised, it may be a name's ("Chang Chi-cheng told reporters"). */
static int kw_modifier_before_noun(const kw_doc *d, const kw_tokens *t, size_t b, size_t end)
{
    return b + 1 < end && d->initial[b + 1] == KW_INITIAL_LOWER && d->initial[b] == KW_INITIAL_LOWER &&
           kw_modifier_compound(t->surface.str[b], t->surface.len[b]);
}

int kw_corpus_casing(const kw_doc *d, const char *stem, size_t len)
{
    if (!d->casings)
        return KW_MIXED;
    int64_t id = intern_find(d->casings, stem, len);
    return kw_casing_main(id >= 0 ? intern_value(d->casings, (uint32_t)id) : NULL);
}

/* Whether a token of T from AFTER on, inside a sentence, writes token I's word capitalised:
 * "Rose" of "Pete Rose signed", below "PETE ROSE SIGNS". */
static int kw_capitalised_after(const kw_tokens *t, size_t i, size_t after)
{
    for (size_t j = after; j < t->stems.n; j++)
        if (!t->starts[j] && t->surface.len[j] == t->surface.len[i] && kw_capitalised(t, j) &&
            !strncasecmp(t->surface.str[j], t->surface.str[i], t->surface.len[i]))
            return 1;
    return 0;
}

/* The verb classes (KW_LEX_VERB_*) of token I of T, a headline's ending before token AFTER,
 * read in lower case, if the corpus writes its stem so (for "ROSE", "FELL" and "LED": if the
 * story writes it capitalised nowhere after); else 0. A headline in capitals or title case
 * hides a verb from the word tables, which read lower case only (kw_lexical): "redeem
 * debentures" of "ACME TO REDEEM DEBENTURES" and "president resigns" were shown as keyphrases.
 * In a headline in capitals (SHOUTED), past its first word, a third person that is a noun's
 * plural too and that wire headlines use as verbs (KW_LEX_HEADLINE_VERB) counts as one: "TAIWAN
 * ISSUES MORE CDS" and "JAPAN BUYS ..." gave "TAIWAN ISSUES" and "JAPAN BUYS" to Reuters'
 * lists. So does a past there (KW_LEX_VERB_FORM), as in lower case (kw_past_tense,
 * kw_news_verb): "FED EXPECTED TO ADD RESERVES"; and a base form after "to", as in lower case
 * (kw_verb_in_context): "SELL" of "ACME TO SELL UNIT". A headline's first word is as often a
 * noun ("TALKS", "CUTS SEEN"), and a headline in title case is left alone, as its capitals may
 * be a name's. *NEWS_VERB is set where the verb is "ROSE", "FELL" or "LED", which is then in no
 * phrase, as in lower case (kw_wordlike): "TREASURY BALANCES AT FED ROSE" gave "FED ROSE" and
 * "ROSE" to lists. */
static unsigned char kw_headline_verb_classes(const kw_doc *d, const kw_tokens *t, size_t i, int shouted,
                                              size_t after, int *news_verb)
{
    const char *s = t->surface.str[i];
    size_t len = t->surface.len[i];
    char lower[24];
    if (!kw_ascii_lower(lower, sizeof lower, s, len))
        return 0;
    /* "rose", "fell" and "led" in lower case are in no phrase (kw_wordlike), and the corpus
     * counts no casing of them but a name's ("Pete Rose"): the story tells instead. */
    int news = kw_news_verb(lower, len);
    if (news ? kw_capitalised_after(t, i, after)
             : kw_corpus_casing(d, t->stems.str[i], t->stems.len[i]) != KW_LOWER)
        return 0;
    unsigned lex = kw_lexical(lower, len, 0);
    if (shouted && !t->starts[i]) {
        if (lex & KW_LEX_HEADLINE_VERB)
            lex |= KW_LEX_VERB_FORM | KW_LEX_VERB_THIRD;
        if (kw_past_tense(lower, len) || news)
            lex |= KW_LEX_VERB_FORM;
        lex |= kw_verb_in_context(t, i, lower, len, lex, d->lexical[i - (i > 0)]);
        *news_verb = news;
    }
    return (unsigned char)(lex & (KW_LEX_VERB_FORM | KW_LEX_VERB_BASE | KW_LEX_VERB_THIRD | KW_LEX_VERB_INFINITIVE));
}

/* Whether token I of D's build is of a verb class of LEX (KW_LEX_VERB_*): by the word tables,
 * or in a headline as the corpus writes it (kw_headline_verb_classes). */
static int kw_verb_at(const kw_doc *d, size_t i, unsigned lex)
{
    return (d->lexical[i] & lex) != 0;
}

/* Whether the corpus writes word ID of D capitalised or in capitals, in most of its
 * occurrences inside sentences. */
static int kw_corpus_capitalises(const kw_doc *d, uint32_t id)
{
    size_t len;
    const char *stem = intern_key(d->words, id, &len);
    int casing = kw_corpus_casing(d, stem, len);
    return casing == KW_CAPITAL || casing == KW_CAPITALS;
}

int kw_token_heads_body(const kw_doc *d, size_t i)
{
    const kw_tokens *t = d->tokens;
    return i < t->stems.n && t->surface.str[i] && kw_organisation_head(t->surface.str[i], t->surface.len[i]);
}

/* Whether word I of candidate C of D (W) is the last of 2+, an organisation's noun
 * (kw_token_heads_body) written capitalised where C is first seen: a body's name ends in it
 * ("Taiwan Flour Mills Association"), whatever the story writes after ("an association
 * spokesman"), as a story calls a body by its noun once it has named it. */
static int kw_capitalised_head(const kw_doc *d, const kw_cand *c, uint32_t i, const kw_word *w)
{
    size_t at = (size_t)c->first + i;
    return c->words >= 2 && i + 1 == c->words && w->upper && kw_capitalised(d->tokens, at) &&
           kw_token_heads_body(d, at);
}

int kw_is_name(const kw_doc *d, const kw_cand *c, int told)
{
    for (uint32_t i = 0; i < c->words; i++) {
        const kw_word *w = intern_value(d->words, c->word[i]);
        if (w->bridge)
            continue; /* "of" of "Bank of Japan" */
        if (w->inner ? 2 * (w->upper + w->acronym) <= w->inner && !kw_capitalised_head(d, c, i, w)
                     : !w->firm && (told || !kw_corpus_capitalises(d, c->word[i])))
            return 0;
    }
    return 1;
}

int kw_broken(const kw_cand *c)
{
    return 2 * c->cut > c->tf || 2 * c->headless > c->tf;
}

int kw_unfixed(const kw_cand *c)
{
    return c->joined && !c->fixed;
}

int kw_label(const kw_cand *c)
{
    return 2 * c->labels > c->tf - c->headline;
}

kw_casing *kw_casing_slot(kw_doc *d, uint32_t id, int added)
{
    if (id >= d->casing_cap) { /* grown with the words, fewer than the tokens */
        d->casing_cap = 2 * (size_t)id + 64;
        if (!(d->casing = realloc(d->casing, d->casing_cap * sizeof *d->casing)))
            abort();
    }
    kw_casing *c = &d->casing[id];
    if (added)
        memset(c, 0, sizeof *c);
    return c;
}

/* Whether token B of T comes right before a figure or a date, in its clause ("satellite launch"
 * of "satellite launch May 5"): a phrase that ends there runs on into it. */
static int kw_before_figure(const kw_tokens *t, size_t b)
{
    return b + 1 < t->stems.n && !t->clauses[b + 1] && (kw_figure(t, b + 1) || kw_date_month(t, b + 1));
}

/* Whether tokens A..B of T, in the run of phrase words I..END of D, make a noun phrase by
 * themselves (kw_cand.whole): the run, right after a determiner or a preposition in its clause
 * ("the company said"), not running on into "of" and its complement ("in terms of", "the price
 * of oil"), a figure or a date ("a satellite launch May 5"), and not a month, a day or a
 * unit of calendar time alone, which says when, not what ("on Monday", "in January", "this
 * year"; kw_time_name), nor a word alone that the corpus writes after a preposition nearly
 * always: a set phrase's ("in principle") or a verb after "to" (kw_idiom). */
static int kw_noun_phrase_whole(const kw_doc *d, const kw_tokens *t, size_t i, size_t a, size_t b, size_t end)
{
    return a == i && b + 1 == end && i > 0 && !t->clauses[i] && kw_noun_phrase_opener(t, i - 1) &&
           !(end < t->stems.n && !t->clauses[end] && kw_of(t, end)) && !kw_before_figure(t, b) &&
           !kw_before_object_pronoun(t, b) &&
           !(a == b && (kw_time_name(t, a) || kw_idiom(d->idioms, t, a))); /* a lookup: asked last */
}

/* Whether tokens A..B of T, in the run of phrase words I..END of D, begin or end inside a name
 * (a capitalised word before and a capitalised word first, or the like at the end: "Secretary
 * James" of "Treasury Secretary James Baker"), or end before a figure or a date ("satellite
 * launch" of "satellite launch May 5"). Such a phrase is no whole that a shorter one could stand
 * for. */
static int kw_unbounded(const kw_doc *d, const kw_tokens *t, size_t i, size_t a, size_t b, size_t end)
{
    if (a > i && d->initial[a - 1] == KW_INITIAL_CAPITAL && d->initial[a] == KW_INITIAL_CAPITAL)
        return 1;
    if (b + 1 < end && d->initial[b] == KW_INITIAL_CAPITAL && d->initial[b + 1] == KW_INITIAL_CAPITAL)
        return 1;
    return kw_before_figure(t, b);
}

/* Whether the phrase of tokens A..B of T (B > A) holds, before its last word, a verb's base
 * form that is nothing else (KW_LEX_VERB_BASE) or its third person (KW_LEX_VERB_THIRD): a verb
 * and its object ("reduce short-term debt", "acquire privately-held", "expects sales"), or a
 * clause ("Results reflect acceleration", "action reduces coverage"), not a noun phrase. Its
 * last word is judged with the other ways a phrase ends headless. Irregular pasts and
 * participles (verbforms.h) are left alone there, as they often modify a noun: "frozen
 * blood", "stolen cars". */
static int kw_verbal(const kw_doc *d, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (kw_verb_at(d, k, KW_LEX_VERB_BASE | KW_LEX_VERB_THIRD | KW_LEX_VERB_INFINITIVE))
            return 1;
    return 0;
}

/* Whether candidate C, where first seen in T, has a verb form no noun phrase holds after its
 * first word ("Company went public", "stock began trading"): a clause, not a term. A first word
 * may be a participle before its noun ("underwritten public offering"), and a regular past in
 * "-ed" is as often one ("proposed public offering", "convertible subordinated debentures"). */
static int kw_holds_verb(const kw_tokens *t, const kw_cand *c)
{
    for (uint32_t k = 1; k < c->words; k++)
        if (kw_token_is(t, c->first + k, KW_LEX_VERB_FORM | KW_LEX_VERB_BASE))
            return 1;
    return 0;
}

/* Whether token K of T reads as a name's word: capitalised, in a sentence that is no headline
 * (where any word may be), or in a firm's name in one (kw_firm_names: "FAMILY STEAK HOUSES OF
 * FLORIDA INC"). Both passes must build the same phrases, and whether a word opens a dateline
 * depends on the corpus's casings known so far, so a dateline's words count as a sentence's. */
static int kw_name_token(const kw_doc *d, const kw_tokens *t, size_t k)
{
    return t->surface.str[k] && kw_is_upper((unsigned char)t->surface.str[k][0]) &&
           (d->caseless[k] == KW_CASE_SHOWN || d->caseless[k] == KW_CASELESS_START ||
            d->caseless[k] == KW_CASELESS_DATELINE || d->caseless[k] == KW_CASELESS_FIRM);
}

/* Notes in C, candidate KEY (LEN bytes) of D, whether it is joined by "and" (kw_cand.joined)
 * and its parts: the phrases before and after the bridge, if they are candidates. A firm's name
 * in a headline, where first seen, is one name whatever the corpus says ("HORN AND HARDART CO"),
 * and no phrase joined so; so is a name joined by an ampersand ("Procter & Gamble", "Marks &
 * Spencer"), which writers keep for names and seldom put between two ("Britain & France"). */
static void kw_mark_joined(const kw_doc *d, kw_cand *c, const char *key, size_t len)
{
    uint32_t k = 1;
    while (k + 1 < c->words && ((const kw_word *)intern_value(d->words, c->word[k]))->bridge != KW_BRIDGE_AND)
        k++;
    if (k + 1 >= c->words || d->caseless[c->first + k - 1] == KW_CASELESS_FIRM)
        return;
    size_t bridge_len;
    const char *bridge = intern_key(d->words, c->word[k], &bridge_len);
    if (bridge_len == 1 && *bridge == '&')
        return;
    c->joined = 1;
    /* The stems are joined by single spaces, and none holds one: word K, the bridge, begins
     * after the K-th, and the part after it after the next. */
    size_t at = 0;
    for (uint32_t spaces = 0; spaces < k; at++)
        spaces += key[at] == ' ';
    const char *after = (const char *)memchr(key + at, ' ', len - at) + 1;
    int64_t before_id = intern_find(d->cands, key, at - 1);
    int64_t after_id = intern_find(d->cands, after, len - (size_t)(after - key));
    c->parts[0] = (uint32_t)(before_id + 1);
    c->parts[1] = (uint32_t)(after_id + 1);
}

/* Whether candidate C is a name that begins where a name does in all its occurrences: no
 * capitalised word comes before it ("Minister Chrispus Kiyonga" of "Finance Minister Chrispus
 * Kiyonga" begins inside a name). Its first word is no verb before an object. */
static int kw_name_whole(const kw_doc *d, const kw_cand *c)
{
    return !c->led && kw_is_name(d, c, 0);
}

/* Notes in piece PIECE_ID of D that whole WHOLE_ID holds it, if no whole seen more often does. */
static void kw_extend(kw_doc *d, uint32_t piece_id, uint32_t whole_id)
{
    kw_cand *piece = intern_value(d->cands, piece_id);
    const kw_cand *whole = intern_value(d->cands, whole_id);
    if (piece->extended < whole->tf) {
        piece->extended = whole->tf;
        piece->longer = whole_id + 1;
    }
}

/* Notes the pieces inside whole ID of D (its KEY, LEN bytes; four words or more, which only
 * names are at the default max-words). The pieces one word shorter than such a name are cut
 * names ("New York Stock", "Federal Home Loan Bank"), no wholes, and so cannot lead to it.
 * - The piece without its first and last words gives way to it: "York Stock" of "New York
 *   Stock Exchange", "Minister Kiichi" of "Finance Minister Kiichi Miyazawa".
 * - So does every other piece of two words or more that does not end at its last word ("Federal
 *   Home" of "Federal Home Loan Bank Board", "Student Loan" of "Student Loan Marketing
 *   Association"), unless the story uses its last word alone as a name ("Miyazawa said"): it
 *   is then a title and a person, and the title ("Finance Minister") stays itself, as does the
 *   person ("Kiichi Miyazawa"). */
static void kw_mark_inner_pieces(kw_doc *d, uint32_t id, const char *key, size_t len)
{
    const kw_cand *c = intern_value(d->cands, id);
    size_t starts[KW_MAX_TOKENS + 1], n = 0; /* each word's first byte, and one past the end */
    starts[n++] = 0;
    for (size_t k = 0; k < len; k++)
        if (key[k] == ' ')
            starts[n++] = k + 1;
    starts[n] = len + 1;
    int surname = ((const kw_word *)intern_value(d->words, c->word[c->words - 1]))->heads > 0;
    for (size_t a = 0; a + 2 < n; a++)
        for (size_t b = a + 2; b < n; b++) { /* words a..b-1 */
            if (surname && !(a == 1 && b == n - 1))
                continue;
            int64_t piece = intern_find(d->cands, key + starts[a], starts[b] - 1 - starts[a]);
            if (piece >= 0)
                kw_extend(d, (uint32_t)piece, id);
        }
}

/* Notes in the first word of two-word name ID of D (C; its KEY, LEN bytes) that the name holds
 * it: "Puerto" of "Puerto Rico", "Merrill" of "Merrill Lynch". A word the story writes only
 * inside the name, and the corpus mostly so (kw_mark_fragments), is no keyphrase of its own, and
 * kw_top shows the name in its place. Not the last word, most often a surname, which news and
 * readers take alone ("Coburn" of "Tom Coburn"); not a name that begins inside a longer one
 * (kw_name_whole): "Never" of "Never Stopped" is the middle word of "The Music Never Stopped". */
static void kw_mark_first_word(kw_doc *d, const kw_cand *c, uint32_t id, const char *key, size_t len)
{
    if (!kw_name_whole(d, c) || kw_broken(c) || kw_label(c))
        return;
    const char *space = memchr(key, ' ', len);
    /* A letter is no name's word of its own: "F-16A B" is "F-16A/B", two models. */
    if (!space || space - key < 2 || key + len - space < 3)
        return;
    int64_t first = intern_find(d->cands, key, (size_t)(space - key));
    if (first >= 0)
        kw_extend(d, (uint32_t)first, id);
}

/* Notes in each candidate how often the phrase a word longer that holds it most often, as
 * its first words or its last, occurs (kw_cand.extended and .longer): "revenue passenger" in
 * "revenue passenger miles". Only a whole of its own counts: not broken (kw_broken) nor a label;
 * not a name with a word past its end ("Vivienne Westwood launch"), nor mostly begun or ended
 * inside a name or run into a figure (kw_unbounded), nor a clause (kw_cand.clause, noted here
 * for each phrase of 3+ words). A word added before the piece counts only if the whole is seen
 * twice or more, as it is often a verb before its object ("repay short-term debt"), or if the
 * whole is a name that begins where a name does (kw_name_whole: "Drexel Burnham Lambert", seen
 * once, for "Burnham Lambert"); a word after it, even once ("American Stock Exchange"); and, in a
 * whole of four words or more, which only names are at the default max-words, the pieces inside
 * it, even once (kw_mark_inner_pieces: "York Stock" of "New York Stock Exchange"). A name of two
 * words holds its first word (kw_mark_first_word). */
static void kw_mark_extended(kw_doc *d, const kw_tokens *t)
{
    size_t n = intern_count(d->cands);
    for (uint32_t i = 0; i < n; i++) {
        kw_cand *c = intern_value(d->cands, i);
        size_t len;
        const char *key = intern_key(d->cands, i, &len);
        if (c->words == 2) {
            kw_mark_first_word(d, c, i, key, len);
            continue;
        }
        if (c->words < 3)
            continue;
        kw_mark_joined(d, c, key, len);
        c->clause = kw_holds_verb(t, c);
        if (kw_broken(c) || kw_label(c) || c->past_name || 2 * c->unbounded > c->tf || c->clause)
            continue;
        const char *first_space = memchr(key, ' ', len), *last_space = key + len;
        while (last_space[-1] != ' ')
            last_space--;
        /* The phrase without its last word, and without its first (the pieces inside a whole
         * of four words or more: kw_mark_inner_pieces). */
        const char *after_first = first_space + 1;
        int whole_name = kw_name_whole(d, c);
        /* The middle word of a name of three words, alone, is no name of its own: "Burnham"
         * of "Drexel Burnham Lambert", "Suchard" of "Jacobs Suchard AG" (kw_top shows the name
         * in its place). Not after a possessive, which may end a name of its own ("Chirac's
         * Gaullist RPR"). */
        int64_t middle = -1;
        if (c->words == 3 && whole_name && last_space - 1 > after_first && !kw_possessive_within(d, c, 1))
            middle = intern_find(d->cands, after_first, (size_t)(last_space - 1 - after_first));
        /* A phrase joined by "and" holds its parts on either side of it, as a whole: "Exchange
         * Commission" of "Securities and Exchange Commission", "Phelps" of "Duff and Phelps". */
        int64_t pieces[5] = {intern_find(d->cands, key, (size_t)(last_space - 1 - key)),
                             c->tf >= 2 || whole_name
                                 ? intern_find(d->cands, after_first, len - (size_t)(after_first - key))
                                 : -1,
                             (int64_t)c->parts[0] - 1, (int64_t)c->parts[1] - 1, middle};
        for (int k = 0; k < 5; k++)
            if (pieces[k] >= 0)
                kw_extend(d, (uint32_t)pieces[k], i);
        if (c->words >= 4)
            kw_mark_inner_pieces(d, i, key, len);
    }
}

/* Whether token I of T is TEXT_START, the first word of the text after a dateline or a heading,
 * whose capital says nothing of it ("(UPI) - Eating a meal", "NOTE: Share adjusted"): not when
 * a capitalised word follows it in its clause, as a name goes on ("NOTE: Great Lakes Federal
 * Savings", "Separately, Inter-Regional Financial Group"), where it counts as told. */
static int kw_text_start(const kw_tokens *t, size_t i, size_t text_start)
{
    return i == text_start && !(i + 1 < t->stems.n && !t->clauses[i + 1] && kw_capitalised(t, i + 1));
}

void kw_doc_build(kw_doc *d, const kw_tokens *t, int max_words, int what)
{
    d->tokens = t;
    d->pruned = d->prune_floor = 0;
    d->cands = kw_fresh(d->cands, sizeof(kw_cand));
    d->words = kw_fresh(d->words, sizeof(kw_word));
    d->neighbours = kw_fresh(d->neighbours, 0);
    size_t n = t->stems.n;
    if (n + 1 > d->word_cap) {
        d->word_cap = n + 1;
        d->word_of = kw_fresh_array(d->word_of, d->word_cap * sizeof *d->word_of);
        d->caseless = kw_fresh_array(d->caseless, d->word_cap);
        d->initial = kw_fresh_array(d->initial, d->word_cap);
        d->particle = kw_fresh_array(d->particle, d->word_cap);
        d->lexical = kw_fresh_array(d->lexical, d->word_cap);
        d->label = kw_fresh_array(d->label, d->word_cap);
    }
    uint32_t sentence = 0;
    size_t sentence_end = 0;
    size_t dateline_at = 0, dateline_end = 0; /* the current sentence's dateline, if any */
    size_t text_start = SIZE_MAX; /* the first word of text after a dateline or a heading */
    int sentence_case = KW_CASE_TOLD, row = 0;
    /* Words: every token that could be in a phrase, with its case, position and neighbours. */
    for (size_t i = 0; i < n; i++) {
        if (i && t->starts[i])
            sentence++;
        if (i == sentence_end && (what & (KW_BUILD_WORDS | KW_BUILD_CASE))) {
            sentence_case = kw_sentence_case(t, i, &sentence_end);
            row = (what & KW_BUILD_WORDS) && kw_table_row(t, i, sentence_end);
            size_t dateline_words = 0;
            dateline_at = i;
            if (sentence_case == KW_CASE_TOLD)
                dateline_words = kw_dateline(d, t, i, sentence, &dateline_at);
            dateline_end = dateline_at + dateline_words;
            text_start = dateline_words ? kw_dateline_text(t, dateline_end, sentence_end) : SIZE_MAX;
        }
        d->word_of[i] = UINT32_MAX;
        /* A sentence's first word (and the text's first after a dateline, "(UPI) - Eating a
         * meal", or a heading, "NOTE: Share adjusted"), and any word of a headline in title
         * case or in capitals, is capitalised whatever it is, and a dateline is in capitals:
         * only the other occurrences tell a name (or, outside capitals, an acronym), and the
         * form shown. */
        int in_dateline = i >= dateline_at && i < dateline_end;
        d->caseless[i] = sentence_case != KW_CASE_TOLD                      ? KW_CASELESS_HEADLINE
                         : in_dateline                                      ? KW_CASELESS_DATELINE
                         : t->starts[i] || kw_text_start(t, i, text_start) ? KW_CASELESS_START
                                                                            : KW_CASE_SHOWN;
        d->initial[i] = KW_INITIAL_OTHER;
        d->lexical[i] = t->lexical[i];
        d->label[i] = row                                                ? KW_LABEL_ROW
                      : !(what & KW_BUILD_WORDS) || !kw_heading(d, t, i) ? KW_LABEL_NONE
                      : sentence                                         ? KW_LABEL_HEADING
                                                                         : KW_LABEL_FIRST;
        if (d->label[i] == KW_LABEL_HEADING || d->label[i] == KW_LABEL_FIRST)
            text_start = i + 1;
        int news_verb = 0; /* the headline's "ROSE", in no phrase */
        if ((what & KW_BUILD_WORDS) && d->caseless[i] == KW_CASELESS_HEADLINE && t->wordlike[i])
            d->lexical[i] |=
                kw_headline_verb_classes(d, t, i, sentence_case == KW_CASE_SHOUTED, sentence_end, &news_verb);
        if (!t->wordlike[i] || (row && kw_date_month(t, i + 1)) || news_verb)
            continue; /* a row's label of a date names no content: "Pay April 30", "Record April 16" */
        int added;
        kw_word *w = intern_put(d->words, t->stems.str[i], t->stems.len[i], &d->word_of[i], &added);
        if (what & KW_BUILD_CASE) {
            kw_casing *c = kw_casing_slot(d, d->word_of[i], added);
            if (!d->caseless[i] && t->surface.str[i])
                c->count[kw_casing_of(t->surface.str[i], t->surface.len[i])]++;
        }
        if (!(what & KW_BUILD_WORDS))
            continue;
        w->tf++;
        int capital = 0, acronym = 0, code = 0;
        if (t->surface.str[i])
            kw_case(t->surface.str[i], t->surface.len[i], &capital, &acronym, &code);
        int shouted = sentence_case == KW_CASE_SHOUTED || in_dateline;
        if (!d->caseless[i] && t->surface.str[i] && t->surface.len[i])
            d->initial[i] = capital ? (kw_modifier_compound(t->surface.str[i], t->surface.len[i])
                                           ? KW_INITIAL_COMPOUND
                                           : KW_INITIAL_CAPITAL)
                            : (unsigned)(t->surface.str[i][0] - 'a') < 26u &&
                                      !kw_name_particle(t->surface.str[i], t->surface.len[i])
                                ? KW_INITIAL_LOWER
                                : KW_INITIAL_OTHER;
        w->acronym += (uint32_t)(acronym && !shouted);
        w->code += (uint32_t)(code && !shouted);
        w->upper += (uint32_t)(capital && !acronym && !d->caseless[i]);
        w->inner += (uint32_t)!d->caseless[i];
        w->heads += (uint32_t)(capital && (i == 0 || t->clauses[i] || !kw_capitalised(t, i - 1)));
        if (w->last_sentence1 != sentence + 1) {
            w->sentences++;
            w->last_sentence1 = sentence + 1;
        }
        w->position_sum += sentence;
        if (t->surface.str[i])
            w->compound += (uint32_t)kw_modifier_compound(t->surface.str[i], t->surface.len[i]);
        if (!(what & KW_BUILD_NEIGHBOURS))
            continue;
        if (i > 0 && !t->starts[i] && t->stems.str[i - 1])
            kw_neighbour(d, w, d->word_of[i], 'L', t->stems.str[i - 1], t->stems.len[i - 1]);
        if (i + 1 < n && !t->starts[i + 1] && t->stems.str[i + 1])
            kw_neighbour(d, w, d->word_of[i], 'R', t->stems.str[i + 1], t->stems.len[i + 1]);
    }
    d->sentences = n ? sentence + 1 : 0;
    kw_names_mark(d, t, what);
    /* Candidates: within each run of phrase words, every sequence of 1..max_words. A run ends
     * at punctuation too, as RAKE's and YAKE's do ("the Capitol, aiming to" holds no phrase
     * "Capitol aiming"), and after a possessive (kw_phrase_break). */
    for (size_t i = 0; i < n;) {
        if (d->word_of[i] == UINT32_MAX) {
            i++;
            continue;
        }
        size_t end = i + 1;
        while (end < n && d->word_of[end] != UINT32_MAX && !kw_phrase_break(t, end))
            end++;
        uint32_t chunk = (uint32_t)(end - i);
        for (size_t k = i; (what & KW_BUILD_WORDS) && k < end; k++) { /* RAKE's degree */
            kw_word *w = intern_value(d->words, d->word_of[k]);
            w->degree += chunk;
            w->in_chunks++;
            w->attributive += (uint32_t)(k + 1 < end);
        }
        for (size_t a = i; a < end; a++) {
            int amid_particles =
                a > i && d->particle[a] == KW_PARTICLE_LEADS && d->particle[a - 1] == KW_PARTICLE_LEADS;
            if (kw_is_bridge(d, t, a) || amid_particles)
                continue; /* nor does one begin amid a name's particles ("der Sloot" of "van der Sloot") */
            d->key.len = 0;
            int cut = 0; /* the phrase so far cuts a name (kw_cuts_name) */
            /* A bridge ("of") counts towards no phrase's length: "Ministry of External Affairs"
             * is three words long, and the longest name KW_MAX_NAME_WORDS words, KW_MAX_TOKENS
             * tokens. */
            size_t bridges = 0;
            /* A name may run two words longer than max-words, so that it is whole: "New York
             * Stock Exchange", "Federal Home Loan Bank Board" at 3, not "York Stock" and
             * "Federal Home" (kw_name_token). */
            int named = 1;
            for (size_t b = a; b < end && b - a < KW_MAX_TOKENS; b++) {
                int bridge = kw_is_bridge(d, t, b);
                named = named && (bridge || kw_name_token(d, t, b));
                size_t longest = (size_t)max_words + (named && max_words > 1 ? 2 : 0);
                if (b - a >= (longest < KW_MAX_NAME_WORDS ? longest : KW_MAX_NAME_WORDS) + bridges)
                    break;
                if (b > a)
                    quarry_buf_append(&d->key, " ", 1);
                if (what & KW_BUILD_WORDS)
                    cut |= kw_cuts_name(d, i, a, b);
                quarry_buf_append(&d->key, t->stems.str[b], t->stems.len[b]);
                if (bridge) {
                    bridges++;
                    continue; /* no phrase ends in one */
                }
                if (d->particle[b] == KW_PARTICLE_LEADS ||
                    (t->surface.str[b] && kw_foreign_particle(t->surface.str[b], t->surface.len[b])))
                    continue; /* nor in a particle before a name ("van der" of "said van der Sloot"),
                               * nor in one that is no English word ("de", "Banco de") */
                if (b == a && (t->stems.len[a] < 2 ||
                               (t->surface.str[a] && kw_legal_form_abroad(t->surface.str[a], t->surface.len[a]))))
                    continue; /* a lone letter ("S" of "S Jaishankar") is no keyphrase, nor a
                               * legal form alone ("AG" of "Mannesmann AG"), which names no firm */
                if (b == a && (kw_number_word(t, a) || kw_rank_word(t, a) || kw_general_noun(t, a) ||
                               kw_measure(t, a)))
                    continue; /* nor a number in words alone ("Nine" of "Nine mths"), as "1" is none;
                               * in lower case ("one") it is in no phrase at all: kw_wordlike. Nor
                               * a rank, a share or a place ("first" of "first quarter", "half",
                               * "next"), which says nothing of what it ranks, nor a general noun
                               * ("side", "way"), nor a measure ("15-year" of "15-year bonds") */
                if (!kw_bridged_whole(t, a, b, bridges > 0, i, end))
                    continue;
                int added;
                kw_cand *c = intern_put(d->cands, d->key.data, d->key.len, NULL, &added);
                if (added) {
                    c->first = (uint32_t)a;
                    c->words = (uint32_t)(b - a + 1);
                    for (size_t k = a; k <= b; k++)
                        c->word[k - a] = d->word_of[k];
                }
                c->tf++;
                /* A phrase of 2+ words before a bridge is the head of a name cut off:
                 * "Hollywood Walk" of "Hollywood Walk of Fame", "Royal Bank" of "Royal Bank of
                 * Scotland". After one, it is often a name whole: "New York" of "Bank of New
                 * York". Before "and" it is as often a name of its own ("West Germany and
                 * Japan"): the corpus tells, through the phrase it is a part of. */
                c->cut += (uint32_t)(cut || (b > a && b + 1 < end && kw_is_bridge(d, t, b + 1) &&
                                             !kw_is_and_bridge(d, t, b + 1)));
                c->labels += d->label[a] != KW_LABEL_NONE;
                c->headings += d->label[a] == KW_LABEL_HEADING && kw_capitalised(t, a);
                if (what & KW_BUILD_WORDS)
                    c->whole += (uint32_t)kw_noun_phrase_whole(d, t, i, a, b, end);
                if (b >= a + 2 && (what & KW_BUILD_WORDS)) { /* only a whole's (kw_mark_extended) */
                    c->past_name += d->initial[b - 1] == KW_INITIAL_CAPITAL && d->initial[b] == KW_INITIAL_LOWER;
                    c->unbounded += kw_unbounded(d, t, i, a, b, end);
                }
                if (b >= a + 1 && (what & KW_BUILD_WORDS)) /* a whole's, a name's of two words too */
                    c->led += (uint32_t)(a > i && kw_capitalised(t, a - 1));
                c->headline += d->caseless[a] == KW_CASELESS_HEADLINE || d->caseless[a] == KW_CASELESS_FIRM;
                if (b == a && (what & KW_BUILD_WORDS)) {
                    c->describing += (uint32_t)kw_describing(t, b);
                    c->verb += (uint32_t)kw_verb_at(d, b, KW_LEX_VERB_BASE | KW_LEX_VERB_THIRD);
                }
                if (b > a && (what & KW_BUILD_WORDS) && t->surface.str[b])
                    c->headless += (uint32_t)(kw_past_tense(t->surface.str[b], t->surface.len[b]) ||
                                              kw_token_is(t, b, KW_LEX_ADJECTIVE) ||
                                              kw_verb_at(d, b, KW_LEX_VERB_FORM | KW_LEX_VERB_BASE) ||
                                              kw_modifier_before_noun(d, t, b, end) ||
                                              kw_verbal(d, a, b));
                /* One huge document (a 100 MB dump) can hold tens of millions of phrases, most
                 * seen once: the bound keeps its memory in check, and a top phrase of such a
                 * document is seen far more often than the floor. */
                if (d->max_cands && intern_count(d->cands) > d->max_cands)
                    d->pruned += intern_prune(d->cands, d->max_cands / 2, kw_cand_tf, &d->prune_floor);
            }
        }
        i = end;
    }
    if (what & KW_BUILD_WORDS) {
        kw_mark_extended(d, t);
        kw_acronyms_mark(d, t);
    }
}
