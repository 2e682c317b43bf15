/* names.c: which tokens of a document belong to names though their case or class says
 * otherwise ("of" and particles inside names, firms' names in headlines), and which phrases cut
 * a name off. */
#include "names.h"
#include "places.h"
#include "wordclass.h"

#include <string.h>
#include <strings.h>

int kw_place_ends(const kw_tokens *t, size_t i)
{
    char key[64];
    for (size_t words = 1; words <= KW_PLACE_MAX_WORDS && words <= i + 1; words++) {
        size_t first = i + 1 - words, len = 0;
        if (words > 1 && t->starts[first + 1])
            return 0; /* a sentence begins inside */
        for (size_t j = first; j <= i; j++) {
            const char *s = t->surface.str[j];
            if (!s)
                return 0;
            size_t n = j == i ? kw_without_possessive(s, t->surface.len[j]) : t->surface.len[j];
            if (len + (j > first) + n > sizeof key)
                return 0; /* longer than any name */
            if (j > first)
                key[len++] = ' ';
            memcpy(key + len, s, n);
            len += n;
        }
        if (kw_place_listed(key, len))
            return 1;
    }
    return 0;
}

int kw_name_word(const kw_doc *d, const kw_tokens *t, size_t i)
{
    return d->word_of[i] != UINT32_MAX && kw_capitalised(t, i);
}

/* Whether token I of T, with D's words and cases so far, is "of" or "and" inside a name
 * (KW_BRIDGE_OF or KW_BRIDGE_AND; else 0): written so, in lower case, between two capitalised
 * phrase words of one clause, the second where its case is told ("the Bank of Japan", "Hall of
 * Fame", "Duff and Phelps", "Procter & Gamble"); not in a headline, whose capitals say nothing, but for a firm's
 * name there (kw_firm_names), in any case ("HORN AND HARDART CO", "SOFTWARE SERVICES OF AMERICA
 * INC"). */
static int kw_bridge_at(const kw_doc *d, const kw_tokens *t, size_t i)
{
    if (!(i > 0 && i + 1 < t->stems.n && t->stop[i] && t->surface.str[i] && !t->clauses[i] && !t->clauses[i + 1] &&
          kw_name_word(d, t, i - 1) && kw_name_word(d, t, i + 1)))
        return KW_BRIDGE_NONE;
    int firm = d->caseless[i - 1] == KW_CASELESS_FIRM && d->caseless[i + 1] == KW_CASELESS_FIRM;
    if (!firm && (d->caseless[i + 1] != KW_CASE_SHOWN || d->caseless[i - 1] == KW_CASELESS_HEADLINE))
        return KW_BRIDGE_NONE;
    const char *s = t->surface.str[i];
    size_t len = t->surface.len[i];
    int (*same)(const char *, const char *, size_t) = firm ? strncasecmp : strncmp;
    /* Portuguese "do", "dos" and "das" ("of the") are stop words in English text, and join a
     * name as "of" does: "Banco do Brasil", "Rio Grande do Sul". */
    int of = (len == 2 && (!same(s, "of", 2) || !same(s, "do", 2))) ||
             (len == 3 && (!same(s, "dos", 3) || !same(s, "das", 3)));
    return of                                                          ? KW_BRIDGE_OF
           : (len == 3 && !same(s, "and", 3)) || (len == 1 && *s == '&') ? KW_BRIDGE_AND
                                                                         : KW_BRIDGE_NONE;
}

/* Whether the capitalised words of D just before token I of T follow a bridge marked already:
 * they end a name joined by "of" ("Plenty" of "Bay of Plenty and Waikato"), which an "and" at
 * I would cut in two. */
static int kw_after_bridge(const kw_doc *d, const kw_tokens *t, size_t i)
{
    size_t j = i - 1;
    while (j > 0 && !t->clauses[j] && kw_name_word(d, t, j - 1))
        j--;
    return j > 0 && !t->clauses[j] && d->word_of[j - 1] != UINT32_MAX && t->stop[j - 1];
}

/* Counts in D's words (kw_word.of_names) the capitalised words of T on either side of "of" at
 * token I, a bridge: the name it joins, within its clause. Tokens before *FROM were counted
 * already ("Plenty" of "Bay of Plenty of ..."); *FROM is moved past the name's end. */
static void kw_count_of_name(kw_doc *d, const kw_tokens *t, size_t i, size_t *from)
{
    size_t first = i - 1, last = i + 1;
    while (first > *from && !t->clauses[first] && kw_name_word(d, t, first - 1))
        first--;
    while (last + 1 < t->stems.n && !t->clauses[last + 1] && kw_name_word(d, t, last + 1))
        last++;
    for (size_t k = first > *from ? first : *from; k <= last; k++)
        if (k != i)
            ((kw_word *)intern_value(d->words, d->word_of[k]))->of_names++;
    *from = last + 1;
}

/* Lets each "of" and "and" inside a name into D's phrases, as a word that is only a bridge (a
 * word whose casings, with WHAT asking for them, the corpus learns nothing from); with WHAT
 * asking for the words' statistics, the words of names joined by "of" count it. */
static void kw_bridges(kw_doc *d, const kw_tokens *t, int what)
{
    size_t counted = 0; /* tokens before it are counted in names joined by "of" */
    for (size_t i = 1; i + 1 < t->stems.n; i++) {
        int kind = kw_bridge_at(d, t, i);
        if (!kind || (kind == KW_BRIDGE_AND && kw_after_bridge(d, t, i)))
            continue;
        if (kind == KW_BRIDGE_OF && (what & KW_BUILD_WORDS))
            kw_count_of_name(d, t, i, &counted);
        int added;
        kw_word *w = intern_put(d->words, t->stems.str[i], t->stems.len[i], &d->word_of[i], &added);
        w->bridge = kind;
        w->tf++;
        if (what & KW_BUILD_CASE)
            kw_casing_slot(d, d->word_of[i], added);
        i++; /* the next token is a word */
    }
}

/* Whether token I of T, a phrase word of D, is a name's particle written in lower case. */
static int kw_lower_particle(const kw_doc *d, const kw_tokens *t, size_t i)
{
    const char *s = t->surface.str[i];
    return d->word_of[i] != UINT32_MAX && s && !kw_is_upper((unsigned char)s[0]) && kw_name_particle(s, t->surface.len[i]);
}

/* Whether token I of T, a phrase word of D, is a name's particle ("van", "de", "bin"), if it
 * is before a name: written in lower case; or capitalised as a sentence's first word is ("Van
 * der Sloot is..."), or as a surname's first particle is before another in lower case ("said
 * Van der Sloot", "De la Hoya"). */
static int kw_maybe_particle(const kw_doc *d, const kw_tokens *t, size_t i)
{
    const char *s = t->surface.str[i];
    size_t len = t->surface.len[i];
    if (d->word_of[i] == UINT32_MAX || !s || len < 2 || len > 5)
        return 0;
    if (!kw_is_upper((unsigned char)s[0]))
        return kw_lower_particle(d, t, i);
    if (!t->starts[i] && !(i + 1 < t->stems.n && !t->clauses[i + 1] && kw_lower_particle(d, t, i + 1)))
        return 0;
    char lower[5];
    memcpy(lower, s, len);
    lower[0] = (char)(s[0] - 'A' + 'a');
    return kw_name_particle(lower, len);
}

/* Marks the names' particles of T in D (KW_PARTICLE_*): each run of particles in lower case
 * before a capitalised phrase word of the same clause (a headline's too: a word in lower case
 * there is no common word capitalised, as "of" may be one of a headline's). Between two such
 * words ("Joran van der Sloot", "Rio de Janeiro", "Banca Nazionale del Lavoro") they are inside
 * a name: like "of" in "Bank of Japan", in phrases but beginning and ending none, and counting
 * towards no phrase's length, so the name is one phrase. Before one only ("said van der
 * Sloot"), they may lead a name (or be a foreign preposition: "di Myanmar"): a phrase may
 * begin with the first of them, and ends in none. So "der", "van", "der Sloot" or "Joran van"
 * is none. With WHAT asking for the words' statistics, a word that is only ever a particle in D,
 * inside a name at least once, is a bridge: no word of the name of its own. So "Joran van der
 * Sloot" is a name of two words, and "van der Sloot" of one, where the story writes both; but
 * "du Quebec" of "placement du Quebec" stays two words, as the particle leads no name the story
 * shows whole. One pass, however long a run. */
static void kw_particles(kw_doc *d, const kw_tokens *t, int what)
{
    size_t n = t->stems.n, marked = 0;
    memset(d->particle, KW_PARTICLE_NONE, n);
    for (size_t i = 0; i < n;) {
        if (!kw_maybe_particle(d, t, i)) {
            i++;
            continue;
        }
        size_t end = i + 1;
        while (end < n && !t->clauses[end] && kw_maybe_particle(d, t, end))
            end++;
        if (end < n && !t->clauses[end] && kw_name_word(d, t, end)) {
            /* A capitalised particle begins its name ("Advertisement Van der Sloot is"). */
            int inside = i > 0 && !t->clauses[i] && kw_name_word(d, t, i - 1) && !kw_capitalised(t, i);
            memset(d->particle + i, inside ? KW_PARTICLE_INSIDE : KW_PARTICLE_LEADS, end - i);
            marked += inside ? end - i : 0;
        }
        i = end;
    }
    if (!marked || !(what & KW_BUILD_WORDS))
        return;
    for (size_t i = 0; i < n; i++)
        if (d->particle[i] != KW_PARTICLE_NONE)
            ((kw_word *)intern_value(d->words, d->word_of[i]))->particles++;
    for (size_t i = 0; i < n; i++)
        if (d->particle[i] == KW_PARTICLE_INSIDE) {
            kw_word *w = intern_value(d->words, d->word_of[i]);
            /* Only then: a word seen elsewhere ("the van") may be a phrase alone, which needs a
             * word to score. */
            w->bridge = w->particles == w->tf ? KW_BRIDGE_PARTICLE : KW_BRIDGE_NONE;
        }
}

/* Whether token I of T is a bridge (kw_bridges, kw_particles): a stop word or a name's particle
 * inside a phrase. */
int kw_is_bridge(const kw_doc *d, const kw_tokens *t, size_t i)
{
    return (t->stop[i] && d->word_of[i] != UINT32_MAX) || d->particle[i] == KW_PARTICLE_INSIDE;
}

int kw_is_and_bridge(const kw_doc *d, const kw_tokens *t, size_t i)
{
    return t->stop[i] && d->word_of[i] != UINT32_MAX &&
           ((const kw_word *)intern_value(d->words, d->word_of[i]))->bridge == KW_BRIDGE_AND;
}

/* Whether token I of T is a stop word that joins the words of a firm's name: "and" (or "&"),
 * "of", "the" ("OWENS AND MINOR INC", "BANK OF BOSTON CORP", "TATE & LYLE PLC"). */
static int kw_firm_joint(const kw_tokens *t, size_t i)
{
    const char *s = t->surface.str[i];
    size_t len = t->surface.len[i];
    return t->stop[i] && s &&
           ((len == 3 && (!strncasecmp(s, "and", 3) || !strncasecmp(s, "the", 3))) ||
            (len == 2 && !strncasecmp(s, "of", 2)) || (len == 1 && *s == '&'));
}

/* The headline's verb in D after a firm's name that ends at token END of T (its legal form),
 * and its ticker: the next word, if it ends in "s" but not "ss" ("SETS", "RAISES",
 * "COMPLETES"; not "CLASS"). Its token, or 0 if there is none. Of the Reuters headlines that
 * open with a firm's name, 480 have such a word there, and all but a handful ("UNITS",
 * "HOLDERS") are verbs, which gave "sets quarterly" and "sets" to hundreds of lists. */
static size_t kw_headline_verb(const kw_doc *d, const kw_tokens *t, size_t end)
{
    size_t n = t->stems.n, j = end + 1;
    if (j < n && t->clauses[j]) { /* past the ticker, a clause of its own: "INC <CSP> SETS", "<DXNS.L>" */
        size_t ticker = j++;
        while (j < n && !t->clauses[j])
            j++;
        if (j - ticker > 3)
            return 0;
    }
    if (j >= n || t->starts[j] || d->caseless[j] != KW_CASELESS_HEADLINE || d->word_of[j] == UINT32_MAX)
        return 0;
    const char *s = t->surface.str[j];
    size_t len = t->surface.len[j];
    return s && len >= 3 && (s[len - 1] | 0x20) == 's' && (s[len - 2] | 0x20) != 's' ? j : 0;
}

/* Whether token I of T is a legal form ("INC", "Corp"). */
static int kw_legal_form_at(const kw_tokens *t, size_t i)
{
    return t->surface.str[i] && kw_legal_form(t->surface.str[i], t->surface.len[i]);
}

/* Whether token I of T, a headline's word, reads in lower case as a verb's third person
 * ("RAISES", "UPGRADES", "ACQUIRES"; verbforms.h and headlineverbs.h): the headline's verb,
 * which no firm's name holds. The tables alone say so, not the corpus, so that both passes mark
 * the same names. */
static int kw_headline_third(const kw_tokens *t, size_t i)
{
    char lower[24];
    size_t len = kw_ascii_lower(lower, sizeof lower, t->surface.str[i], t->surface.len[i]);
    return len && (kw_lexical(lower, len, 0) & (KW_LEX_VERB_THIRD | KW_LEX_HEADLINE_VERB));
}

/* Marks the firms' names in D's headlines (KW_CASELESS_FIRM): the words that open a headline,
 * or a clause of it, and end in a legal form ("COMBUSTION ENGINEERING INC <CSP> REGULAR DIV",
 * "<OWENS AND MINOR INC> ...") or before a ticker that tokenize took for a code ("GULF APPLIED
 * <GATS> SELLS UNITS"), or that follow the headline's verb ("S/P UPGRADES HERITAGE
 * COMMUNICATIONS <HCI>") or "full name" (a note's "NOTE: Full name Public Service Enterprise
 * Group Inc", in title case as a headline is). The headline says nothing of their case, and
 * the corpus may write them in lower case ("engineering"), but here they are a name. A legal
 * form after other words ("U.S. TO SUE ACME INC") ends no name that could be told from them.
 * With WHAT asking for the words' statistics, the words count it (kw_word.firm). The headline's
 * verb after the name and its ticker (kw_headline_verb) is in no phrase. */
static void kw_firm_names(kw_doc *d, const kw_tokens *t, int what)
{
    for (size_t i = 1; i < t->stems.n; i++) {
        /* A legal form is the name's last word; a code follows the name, a clause of its own,
         * unless a legal form ended the name already ("HADSON CORP <HADS.O>"). */
        if (d->caseless[i] != KW_CASELESS_HEADLINE)
            continue; /* most tokens: asked first, as it costs no lookup */
        int legal = kw_legal_form_at(t, i), code = t->codes[i] && !kw_legal_form_at(t, i - 1);
        if (!(legal || code))
            continue;
        size_t last = legal ? i : i - 1, first = last;
        if (code && (d->caseless[last] != KW_CASELESS_HEADLINE || d->word_of[last] == UINT32_MAX))
            continue;
        /* The name's last word, right before its legal form or ticker, is no verb, which its
         * object would follow ("ENNIS BUSINESS FORMS INC"); a verb before it ends the name. */
        while (first > 0 && !t->clauses[first] && d->caseless[first - 1] == KW_CASELESS_HEADLINE &&
               (d->word_of[first - 1] != UINT32_MAX || kw_firm_joint(t, first - 1)) &&
               (first == i || !kw_headline_third(t, first - 1)))
            first--;
        if ((legal && first == i) ||
            (first > 0 && !t->clauses[first] && !kw_headline_third(t, first - 1) && !kw_full_name_word(t, first - 1)))
            continue;
        for (size_t k = first; k < i; k++) {
            if (d->word_of[k] == UINT32_MAX)
                continue;
            d->caseless[k] = KW_CASELESS_FIRM;
            d->lexical[k] = t->lexical[k]; /* no headline's verb: "FORMS" of "ENNIS BUSINESS FORMS INC" */
            if (what & KW_BUILD_WORDS)
                ((kw_word *)intern_value(d->words, d->word_of[k]))->firm++;
        }
        size_t verb = kw_headline_verb(d, t, last);
        if (verb)
            d->word_of[verb] = UINT32_MAX;
    }
}

/* Whether the candidate of tokens A to B of T, BRIDGED if it holds a bridge, within the run of
 * phrase words from RUN to END, may be a phrase: one with a bridge is a whole name, with no
 * capitalised word beside it ("Bank of New" of "Bank of New York" is none). */
int kw_bridged_whole(const kw_tokens *t, size_t a, size_t b, int bridged, size_t run, size_t end)
{
    return !bridged || ((a == run || !kw_capitalised(t, a - 1)) && (b + 1 == end || !kw_capitalised(t, b + 1)));
}

/* Whether the phrase of tokens A to B, in the run of phrase words from RUN, cuts a name at its
 * word B, by D's initials (KW_BUILD_WORDS). A word ending in lower case before a capitalised
 * one cuts a name off from the words before it ("times New" of "2.27 times New York", "giant
 * Huawei", "Boston-based FMR"), as a name does not begin inside a phrase. A phrase that begins
 * inside a name has lost the name's start: with a compound ("York-based" of "New York-based"),
 * or going on in lower case ("York metropolitan" of "New York metropolitan area"). */
int kw_cuts_name(const kw_doc *d, size_t run, size_t a, size_t b)
{
    const unsigned char *initial = d->initial;
    int inside = a > run && initial[a - 1] == KW_INITIAL_CAPITAL;
    if (b == a)
        return inside && initial[a] == KW_INITIAL_COMPOUND;
    return ((initial[b - 1] == KW_INITIAL_LOWER || initial[b - 1] == KW_INITIAL_COMPOUND) &&
            (initial[b] == KW_INITIAL_CAPITAL || initial[b] == KW_INITIAL_COMPOUND)) ||
           (inside && initial[a] == KW_INITIAL_CAPITAL && initial[b] == KW_INITIAL_LOWER);
}

void kw_names_mark(kw_doc *d, const kw_tokens *t, int what)
{
    kw_firm_names(d, t, what);
    kw_bridges(d, t, what);
    kw_particles(d, t, what);
}
