/* candidates.c: a document's candidate keyphrases and the statistics of their words. */
#include "candidates.h"
#include "letters.h"
#include "tokenlists.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int kw_tokens_read(kw_tokens *t, const quarry_record *rec, const char *stems_field)
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
        free(t->stop);
        free(t->starts);
        free(t->clauses);
        t->stop = malloc(t->cap);
        t->starts = malloc(t->cap);
        t->clauses = malloc(t->cap);
        if (!t->stop || !t->starts || !t->clauses)
            abort();
    }
    tokenlists_flags(rec, "stop", t->stop, n);
    tokenlists_starts(rec, t->starts, n);
    tokenlists_clauses(rec, t->starts, t->clauses, n);
    return 0;
}

void kw_tokens_free(kw_tokens *t)
{
    quarry_strings_free(&t->stems);
    quarry_strings_free(&t->surface);
    free(t->stop);
    free(t->starts);
    free(t->clauses);
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
    free(d->label);
    free(d->casing);
    quarry_buf_free(&d->key);
    quarry_buf_free(&d->surface);
    memset(d, 0, sizeof *d);
}

/* TABLE emptied, or made, for the next document. */
static intern *kw_fresh(intern *table, size_t value_size)
{
    if (!table)
        return intern_new(value_size);
    intern_clear(table);
    return table;
}

/* Words that the stop lists leave in but no reader takes for a keyphrase: modal verbs, the
 * reporting verbs of news ("said"), the days a story counts from ("yesterday"), the titles
 * written before names ("Sen. Kerry" gives "Kerry"), "versus", and the units wire copy writes
 * beside its figures ("19 cts vs 15 cts", "5.2 mln dlrs", "3.1 pct", "40 mln stg"),
 * which Reuters' earnings notes repeat so often that they topped its keyword table, and the
 * abbreviations of its earnings tables and their headlines ("Shr", "Avg shrs", "Revs",
 * "Nine mths", "Qtly div", "4TH QTR NET"): "qtr" headed its table with titles read; the
 * prepositions and conjunctions that Snowball's English list lacks ("without", "near", "per",
 * "since", "despite", "whether"); and the designations of a firm's legal form ("Hertz Corp",
 * "Dahlberg Inc"), which a reader leaves out of its name and which alone ("Inc", "Corp") were
 * in 675 and 449 of Reuters' top tens. Compared with the token's stem, and with its surface form
 * ignoring case, since stems may differ ("since" gives "sinc"). "Ms" is told from "MS"
 * (multiple sclerosis) by its case, in kw_wordlike. */
#define KW_WORD(s) {s, sizeof s - 1}
static const struct {
    const char *s;
    size_t len;
} kw_function_words[] = {
    KW_WORD("said"), KW_WORD("say"),   KW_WORD("says"),  KW_WORD("can"),
    KW_WORD("could"), KW_WORD("would"), KW_WORD("will"),  KW_WORD("may"),
    KW_WORD("might"), KW_WORD("must"),  KW_WORD("shall"), KW_WORD("also"),
    KW_WORD("yesterday"), KW_WORD("today"), KW_WORD("tomorrow"), KW_WORD("mr"),
    KW_WORD("mrs"),   KW_WORD("dr"),    KW_WORD("sen"),   KW_WORD("rep"),
    KW_WORD("gov"),   KW_WORD("vs"),    KW_WORD("versus"), KW_WORD("mln"),
    KW_WORD("bln"),   KW_WORD("dlr"),   KW_WORD("dlrs"),  KW_WORD("cts"),
    KW_WORD("pct"),   KW_WORD("stg"),   KW_WORD("shr"),   KW_WORD("shrs"),
    KW_WORD("avg"),   KW_WORD("revs"),  KW_WORD("mths"),
    KW_WORD("qtr"),   KW_WORD("qtrs"),  KW_WORD("qtly"),  KW_WORD("div"),
    KW_WORD("without"), KW_WORD("within"), KW_WORD("upon"), KW_WORD("among"), KW_WORD("amongst"),
    KW_WORD("toward"), KW_WORD("towards"), KW_WORD("across"), KW_WORD("along"), KW_WORD("around"),
    KW_WORD("behind"), KW_WORD("beyond"), KW_WORD("despite"), KW_WORD("near"), KW_WORD("per"),
    KW_WORD("via"), KW_WORD("since"), KW_WORD("unless"), KW_WORD("whether"), KW_WORD("however"),
    KW_WORD("although"), KW_WORD("though"), KW_WORD("yet"), KW_WORD("onto"), KW_WORD("amid"),
    KW_WORD("inc"), KW_WORD("corp"), KW_WORD("co"), KW_WORD("ltd"), KW_WORD("plc"), KW_WORD("llc"),
};

enum { KW_FUNCTION_WORDS = sizeof kw_function_words / sizeof *kw_function_words };

/* The function words by first letter: for each, the lengths they have (as bits) and where they
 * are in kw_function_words. Asked of every token twice a document, so most words are settled
 * by one bit, and the rest compared with a few words only. */
typedef struct kw_function_letter {
    uint16_t lengths;
    unsigned char n, at[KW_FUNCTION_WORDS];
} kw_function_letter;
static kw_function_letter kw_function_index[26];
static pthread_once_t kw_function_once = PTHREAD_ONCE_INIT;

static void kw_function_index_init(void)
{
    for (size_t i = 0; i < KW_FUNCTION_WORDS; i++) {
        kw_function_letter *x = &kw_function_index[kw_function_words[i].s[0] - 'a'];
        x->lengths |= (uint16_t)(1u << kw_function_words[i].len);
        x->at[x->n++] = (unsigned char)i;
    }
}

static int kw_function_word(const char *s, size_t len)
{
    unsigned letter = (unsigned)((s[0] | 0x20) - 'a');
    if (len < 2 || len > 15 || letter >= 26u)
        return 0;
    pthread_once(&kw_function_once, kw_function_index_init);
    const kw_function_letter *x = &kw_function_index[letter];
    if (!(x->lengths >> len & 1u))
        return 0;
    for (unsigned k = 0; k < x->n; k++)
        if (kw_function_words[x->at[k]].len == len && !strncasecmp(kw_function_words[x->at[k]].s, s, len))
            return 1;
    return 0;
}

static int kw_ends_with(const char *s, size_t len, const char *end)
{
    size_t n = strlen(end);
    return len > n && !memcmp(s + len - n, end, n);
}

/* Whether S (lower case) is a quantity written as one word, which no reader takes for a
 * keyphrase however rare it is: an age ("73-year-old", "six-month-old"), an amount with its
 * magnitude ("40b", "8m", "3.2bn", "10pc") or an ordinal ("1st", "3rd": Reuters' "1ST QTR").
 * "5G", "G20" and "COVID-19" are not. */
static int kw_quantity(const char *s, size_t len)
{
    static const char *const ages[] = {"-year-old", "-years-old", "-month-old", "-week-old", "-day-old"};
    if (len > 8 && !memcmp(s + len - 4, "-old", 4)) /* asked of every token: the common case first */
        for (size_t k = 0; k < sizeof ages / sizeof *ages; k++)
            if (kw_ends_with(s, len, ages[k]))
                return 1;
    if (s[0] < '0' || s[0] > '9')
        return 0;
    size_t digits = 0;
    while (digits < len && ((s[digits] >= '0' && s[digits] <= '9') || s[digits] == '.' || s[digits] == ','))
        digits++;
    if (digits == 0 || s[0] < '0' || s[0] > '9')
        return 0;
    /* Magnitudes, then ordinals' endings. Not "k": "4K" is a picture's resolution as often as
     * "40k" is a sum. */
    static const char *const endings[] = {"m",  "b",   "bn", "mn", "mln", "bln",
                                          "pc", "pct", "st", "nd", "rd",  "th"};
    for (size_t k = 0; k < sizeof endings / sizeof *endings; k++)
        if (len - digits == strlen(endings[k]) && !memcmp(s + digits, endings[k], len - digits))
            return 1;
    return 0;
}

static int kw_is_letter(unsigned char c)
{
    return (unsigned)((c | 0x20) - 'a') < 26u;
}

static int kw_is_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

/* Whether token I is a small number in words, as tables write them: "Shr one dlr vs 73 cts",
 * "Nine mths", "Shr nil vs 12 cts". Asked of most tokens, so the length rules most out. */
static int kw_number_word(const kw_tokens *t, size_t i)
{
    static const struct {
        const char *s;
        size_t len;
    } numbers[] = {KW_WORD("nil"),  KW_WORD("one"),   KW_WORD("two"),   KW_WORD("three"),
                   KW_WORD("four"), KW_WORD("five"),  KW_WORD("six"),   KW_WORD("seven"),
                   KW_WORD("eight"), KW_WORD("nine"), KW_WORD("ten"),   KW_WORD("eleven"),
                   KW_WORD("twelve")};
    const char *s = t->surface.str[i];
    size_t len = t->surface.len[i];
    if (!s || len < 3 || len > 6)
        return 0;
    for (size_t k = 0; k < sizeof numbers / sizeof *numbers; k++)
        if (numbers[k].len == len && (s[0] | 0x20) == numbers[k].s[0] && !strncasecmp(numbers[k].s, s, len))
            return 1;
    return 0;
}

/* Whether token I can be part of a phrase: a string, not a stop word, not a bare number,
 * quantity or punctuation (it has a letter, or any byte beyond ASCII), nor a number in words
 * in lower case, which counts as a figure does ("loss two" of "Shr loss two cts", "one ct"). */
static int kw_wordlike(const kw_tokens *t, size_t i)
{
    const char *s = t->stems.str[i];
    if (!s || t->stop[i] || !t->stems.len[i] || kw_function_word(s, t->stems.len[i]) ||
        (t->surface.str[i] && kw_function_word(t->surface.str[i], t->surface.len[i])) ||
        kw_quantity(s, t->stems.len[i]))
        return 0;
    /* "Ms" before a name is a title; "MS" (multiple sclerosis) is a keyword. */
    if (t->surface.str[i] && t->surface.len[i] == 2 && !memcmp(t->surface.str[i], "Ms", 2))
        return 0;
    if (t->surface.str[i] && !kw_is_upper((unsigned char)t->surface.str[i][0]) && kw_number_word(t, i))
        return 0;
    return letters_any(s, t->stems.len[i]);
}

/* Whether surface form S is a compound written in lower case with a hyphen inside
 * ("five-time", "floral-print"): English hyphenates such compounds before a noun. */
static int kw_lower_compound(const char *s, size_t len)
{
    if (len < 3 || !memchr(s + 1, '-', len - 2)) /* asked of every token: most have none */
        return 0;
    for (size_t k = 0; k < len; k++)
        if (kw_is_upper((unsigned char)s[k]))
            return 0;
    return 1;
}

/* Whether surface form S reads as a verb's past tense or participle: a word of five letters or
 * more, in lower case, ending in "-ed" but not "-eed" ("declared", "intervened"; not "speed").
 * A phrase ending in one is a subject and its verb ("board declared", "Japan intervened",
 * "Period ended"), not a noun phrase: noun phrases end in their noun. */
static int kw_past_tense(const char *s, size_t len)
{
    return len > 4 && s[len - 1] == 'd' && s[len - 2] == 'e' && s[len - 3] != 'e' &&
           (unsigned)(s[0] - 'a') < 26u;
}

/* Whether S is a particle that names write in lower case ("Joran van der Sloot", "Leonardo da
 * Vinci"): before a capitalised word it continues a name rather than cutting one. */
static int kw_name_particle(const char *s, size_t len)
{
    static const char *const particles[] = {"van", "von", "der", "den", "de", "da", "del", "della",
                                            "di", "du", "la", "le", "bin", "ibn", "al", "el"};
    if (len > 5)
        return 0;
    for (size_t k = 0; k < sizeof particles / sizeof *particles; k++)
        if (strlen(particles[k]) == len && !memcmp(particles[k], s, len))
            return 1;
    return 0;
}

/* Case features of surface form S: capitalised; all capitals (2+ letters, an acronym); a code
 * (an acronym, or letters and digits: "5G", "G20"). */
static void kw_case(const char *s, size_t len, int *capital, int *acronym, int *code)
{
    *capital = len && kw_is_upper((unsigned char)s[0]);
    size_t letters = 0, upper = 0, digits = 0;
    for (size_t k = 0; k < len; k++) {
        unsigned char c = (unsigned char)s[k];
        if ((unsigned)((c | 0x20) - 'a') < 26u) {
            letters++;
            upper += kw_is_upper(c);
        }
        digits += (unsigned)(c - '0') < 10u;
    }
    *acronym = letters >= 2 && upper == letters;
    *code = *acronym || (letters && digits);
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

/* The length of the surface S without an English possessive ending ("'s", "’s"): the phrase
 * "Japan" is shown so, not as "Japan's", however often a story wrote the latter. */
static size_t kw_without_possessive(const char *s, size_t len)
{
    if (len > 2 && s[len - 2] == '\'' && (s[len - 1] | 0x20) == 's')
        return len - 2;
    if (len > 4 && !memcmp(s + len - 4, "\xE2\x80\x99", 3) && (s[len - 1] | 0x20) == 's')
        return len - 4;
    return len;
}

/* Whether no phrase runs from token I - 1 into token I: a sentence or a clause begins at I, or
 * token I - 1 is a possessive, which ends its noun phrase ("Britain's ruling party" holds no
 * "Britain's ruling", "this year's federal budget" no "year's federal"), unless both words are
 * capitalised, as in names ("McDonald's Restaurants", "Women's Basketball"). */
static int kw_phrase_break(const kw_tokens *t, size_t i)
{
    if (t->clauses[i])
        return 1;
    const char *s = t->surface.str[i - 1];
    size_t len = t->surface.len[i - 1];
    if (!s || kw_without_possessive(s, len) == len)
        return 0;
    const char *next = t->surface.str[i];
    return !(kw_is_upper((unsigned char)s[0]) && next && t->surface.len[i] && kw_is_upper((unsigned char)next[0]));
}

/* How a sentence's words are capitalised, when that says nothing of names or acronyms. */
enum { KW_CASE_TOLD, KW_CASE_TITLE, KW_CASE_SHOUTED };

/* Whether token I is a figure: it begins with a digit and holds no letter ("807", "1.19";
 * not "4th", "5G"). */
static int kw_figure(const kw_tokens *t, size_t i)
{
    const char *s = t->stems.str[i];
    size_t len = t->stems.len[i];
    return s && len && (unsigned)(s[0] - '0') < 10u && !letters_any(s, len);
}

int kw_corpus_casing(const kw_doc *d, const char *stem, size_t len)
{
    if (!d->casings)
        return KW_MIXED;
    int64_t id = intern_find(d->casings, stem, len);
    return kw_casing_main(id >= 0 ? intern_value(d->casings, (uint32_t)id) : NULL);
}

/* Whether token I of T is a heading: a sentence's first word, alone before punctuation, that
 * the corpus writes in lower case inside sentences, so a common word set before what it heads:
 * "NOTE: 1986 year includes 53 weeks", "Photo: ...", "Meanwhile, ...". Wire copy's earnings
 * notes put "NOTE" in 633 of Reuters' top tens, fourth in its corpus table. A name so placed
 * is a dateline ("CLEVELAND (AP) --", "NEW DELHI:"), which the crowd's keys take for a key;
 * the corpus writes it capitalised, so it is no heading. */
static int kw_heading(const kw_doc *d, const kw_tokens *t, size_t i)
{
    return t->starts[i] && i + 1 < t->stems.n && t->clauses[i + 1] && t->stems.str[i] &&
           kw_corpus_casing(d, t->stems.str[i], t->stems.len[i]) == KW_LOWER;
}

/* Whether the sentence from START to END is a table's row: figures and labels without a stop
 * word, at least half as many figures as words that could be in a phrase, as in wire copy's
 * earnings tables ("Shr loss 12 cts vs profit 5 cts", "Net 807,000 vs 2,858,000"), results
 * ("Arsenal 2 Chelsea 1") and prices ("Gold 421.90 422.40"). Its words are labels, which a
 * reader takes for a story's keyphrases only when the story has nothing else (kw_top); a
 * sentence has stop words ("Exports rose 5.3 pct to 1.2 billion"). A figure that a comma
 * splits ("807,000") counts once; a small number in words counts as a figure ("Shr one dlr vs
 * 73 cts", the heading "Nine mths"), or tables of earnings would show "eight" and "Nine mths". */
static int kw_table_row(const kw_tokens *t, size_t start, size_t end)
{
    size_t figures = 0, words = 0;
    for (size_t i = start; i < end; i++) {
        if (t->stop[i])
            return 0;
        if (kw_figure(t, i))
            figures += i == start || !kw_figure(t, i - 1);
        else if (kw_number_word(t, i))
            figures++;
        else
            words += (size_t)kw_wordlike(t, i);
    }
    return figures && 2 * figures >= words;
}

int kw_label(const kw_cand *c)
{
    return 2 * c->labels > c->tf - c->headline;
}

/* Whether the sentence from token START is written in title case ("Feds Investigate Seattle
 * Police for Possible Excessive Use of Force") or in capitals ("BAHIA COCOA REVIEW"), as
 * headlines are: three of its words at least after the first, stop words aside, and four in
 * five of them capitalised, or in capitals. *END receives the token after the sentence. */
static int kw_sentence_case(const kw_tokens *t, size_t start, size_t *end)
{
    size_t n = t->stems.n, words = 0, capitals = 0, shouts = 0, i = start + 1;
    for (; i < n && !t->starts[i]; i++) {
        const char *s = t->surface.str[i];
        if (!s || t->stop[i] || !t->surface.len[i] || !kw_is_letter((unsigned char)s[0]))
            continue;
        /* The first two letters tell ("U.S." too): this pass is over every token of every
         * document. */
        int capital = kw_is_upper((unsigned char)s[0]);
        size_t k = 1, len = t->surface.len[i];
        while (k < len && !kw_is_letter((unsigned char)s[k]))
            k++;
        words++;
        capitals += (size_t)capital;
        shouts += (size_t)(capital && k < len && kw_is_upper((unsigned char)s[k]));
    }
    *end = i;
    if (words < 3)
        return KW_CASE_TOLD;
    return 5 * shouts >= 4 * words ? KW_CASE_SHOUTED : 5 * capitals >= 4 * words ? KW_CASE_TITLE : KW_CASE_TOLD;
}

/* Whether S (LEN bytes) holds an English vowel, as a place's name does and an acronym may not
 * ("NTSB"). */
static int kw_has_vowel(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] && strchr("AEIOUYaeiouy", s[i]))
            return 1;
    return 0;
}

/* How many words open the sentence from token START as a dateline, 0 if none: one to three
 * words in capitals that end at punctuation inside the sentence, in a story's first sentences
 * ("AUBURN HILLS, Mich. (AP) -", "NEW DELHI:", "TRIPOLI, April 1 (Xinhua) -"). SENTENCE is
 * its index; a title and a byline may come first. A place's name has no stop word and a word
 * of four letters or more with a vowel ("ST. LOUIS"), so an acronym that opens a sentence ("UL,
 * the lab", "WWD:") is none, nor is a word that D's corpus writes in capitals inside
 * sentences ("GMAC (Australia) Finance Ltd"). */
static size_t kw_dateline(const kw_doc *d, const kw_tokens *t, size_t start, uint32_t sentence)
{
    if (sentence > 2)
        return 0;
    size_t n = t->stems.n, k = 0;
    int named = 0; /* a word of four letters or more with a vowel so far */
    for (; k < 3 && start + k < n && (!k || !t->clauses[start + k]); k++) {
        const char *s = t->surface.str[start + k];
        size_t len = t->surface.len[start + k];
        if (!s || t->stop[start + k] || kw_casing_of(s, len) != KW_CAPITALS)
            break;
        if (kw_corpus_casing(d, t->stems.str[start + k], t->stems.len[start + k]) == KW_CAPITALS)
            break; /* an acronym */
        named |= len >= 4 && kw_has_vowel(s, len);
    }
    /* The punctuation is inside the sentence: a short headline in capitals ("BRAZILIAN COFFEE
     * RAINFALL") ends at the next sentence. */
    if (!k || !named || start + k >= n || !t->clauses[start + k] || t->starts[start + k])
        return 0;
    /* The sentence goes on in lower case or capitalised ("Mich.", "April 1"); a headline in
     * capitals goes on in capitals ("WESTPORT BANCORP <WBAT.O> 3RD QTR NET", whose first
     * sentence ends at "WBAT."). */
    for (size_t i = start + k; i < n && (i == start + k || !t->starts[i]); i++) {
        int casing = t->surface.str[i] ? kw_casing_of(t->surface.str[i], t->surface.len[i]) : KW_MIXED;
        if (casing == KW_LOWER || casing == KW_CAPITAL)
            return k;
    }
    return 0;
}

/* The casings of D's word ID, zeroed if the word was just ADDED. */
static kw_casing *kw_casing_slot(kw_doc *d, uint32_t id, int added)
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

/* Whether token I of T begins with a capital letter. */
static int kw_capitalised(const kw_tokens *t, size_t i)
{
    return t->surface.str[i] && t->surface.len[i] && kw_is_upper((unsigned char)t->surface.str[i][0]);
}

/* Whether token I of T, with D's words and cases so far, is "of" inside a name: written so, in
 * lower case, between two capitalised phrase words of one clause, the second where its case
 * is told ("the Bank of Japan", "Hall of Fame"); not in a headline, whose capitals say nothing. */
static int kw_bridge_at(const kw_doc *d, const kw_tokens *t, size_t i)
{
    return i > 0 && i + 1 < t->stems.n && t->stop[i] && t->surface.str[i] && t->surface.len[i] == 2 &&
           !memcmp(t->surface.str[i], "of", 2) && !t->clauses[i] && !t->clauses[i + 1] &&
           d->word_of[i - 1] != UINT32_MAX && d->word_of[i + 1] != UINT32_MAX && kw_capitalised(t, i - 1) &&
           kw_capitalised(t, i + 1) && d->caseless[i + 1] == KW_CASE_SHOWN && d->caseless[i - 1] != KW_CASELESS_HEADLINE;
}

/* Lets each "of" inside a name into D's phrases, as a word that is only a bridge (a word
 * whose casings, with WHAT asking for them, the corpus learns nothing from). */
static void kw_bridges(kw_doc *d, const kw_tokens *t, int what)
{
    for (size_t i = 1; i + 1 < t->stems.n; i++) {
        if (!kw_bridge_at(d, t, i))
            continue;
        int added;
        kw_word *w = intern_put(d->words, t->stems.str[i], t->stems.len[i], &d->word_of[i], &added);
        w->bridge = 1;
        w->tf++;
        if (what & KW_BUILD_CASE)
            kw_casing_slot(d, d->word_of[i], added);
        i++; /* the next token is a word */
    }
}

/* Whether token I of T is a bridge (kw_bridges): a stop word in a phrase. */
static int kw_is_bridge(const kw_doc *d, const kw_tokens *t, size_t i)
{
    return t->stop[i] && d->word_of[i] != UINT32_MAX;
}

/* Whether the candidate of tokens A to B of T, BRIDGED if it holds a bridge, within the run of
 * phrase words from RUN to END, may be a phrase: one with a bridge is a whole name, with no
 * capitalised word beside it ("Bank of New" of "Bank of New York" is none). */
static int kw_bridged_whole(const kw_tokens *t, size_t a, size_t b, int bridged, size_t run, size_t end)
{
    return !bridged || ((a == run || !kw_capitalised(t, a - 1)) && (b + 1 == end || !kw_capitalised(t, b + 1)));
}

void kw_doc_build(kw_doc *d, const kw_tokens *t, int max_words, int what)
{
    d->pruned = d->prune_floor = 0;
    d->cands = kw_fresh(d->cands, sizeof(kw_cand));
    d->words = kw_fresh(d->words, sizeof(kw_word));
    d->neighbours = kw_fresh(d->neighbours, 0);
    size_t n = t->stems.n;
    if (n + 1 > d->word_cap) {
        d->word_cap = n + 1;
        free(d->word_of);
        free(d->caseless);
        free(d->initial);
        free(d->label);
        if (!(d->word_of = malloc(d->word_cap * sizeof *d->word_of)) || !(d->caseless = malloc(d->word_cap)) ||
            !(d->initial = malloc(d->word_cap)) || !(d->label = malloc(d->word_cap)))
            abort();
    }
    uint32_t sentence = 0;
    size_t sentence_end = 0;
    size_t dateline_end = 0; /* the token after the current sentence's dateline, if any */
    int sentence_case = KW_CASE_TOLD, row = 0;
    /* Words: every token that could be in a phrase, with its case, position and neighbours. */
    for (size_t i = 0; i < n; i++) {
        if (i && t->starts[i])
            sentence++;
        if (i == sentence_end && (what & (KW_BUILD_WORDS | KW_BUILD_CASE))) {
            sentence_case = kw_sentence_case(t, i, &sentence_end);
            row = (what & KW_BUILD_WORDS) && kw_table_row(t, i, sentence_end);
            dateline_end = sentence_case == KW_CASE_TOLD ? i + kw_dateline(d, t, i, sentence) : i;
        }
        d->word_of[i] = UINT32_MAX;
        /* A sentence's first word, and any word of a headline in title case or in capitals, is
         * capitalised whatever it is, and a dateline is in capitals: only the other
         * occurrences tell a name (or, outside capitals, an acronym), and the form shown. */
        d->caseless[i] = sentence_case != KW_CASE_TOLD ? KW_CASELESS_HEADLINE
                         : i < dateline_end            ? KW_CASELESS_DATELINE
                         : t->starts[i]                ? KW_CASELESS_START
                                                       : KW_CASE_SHOWN;
        d->initial[i] = KW_INITIAL_OTHER;
        d->label[i] = (unsigned char)(row || ((what & KW_BUILD_WORDS) && kw_heading(d, t, i)));
        if (!kw_wordlike(t, i))
            continue;
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
        int shouted = sentence_case == KW_CASE_SHOUTED || i < dateline_end;
        if (!d->caseless[i] && t->surface.str[i] && t->surface.len[i])
            d->initial[i] = capital ? KW_INITIAL_CAPITAL
                            : (unsigned)(t->surface.str[i][0] - 'a') < 26u &&
                                      !kw_name_particle(t->surface.str[i], t->surface.len[i])
                                ? KW_INITIAL_LOWER
                                : KW_INITIAL_OTHER;
        w->acronym += (uint32_t)(acronym && !shouted);
        w->code += (uint32_t)(code && !shouted);
        w->upper += (uint32_t)(capital && !acronym && !d->caseless[i]);
        w->inner += (uint32_t)!d->caseless[i];
        if (w->last_sentence1 != sentence + 1) {
            w->sentences++;
            w->last_sentence1 = sentence + 1;
        }
        w->position_sum += sentence;
        if (t->surface.str[i])
            w->compound += (uint32_t)kw_lower_compound(t->surface.str[i], t->surface.len[i]);
        if (!(what & KW_BUILD_NEIGHBOURS))
            continue;
        if (i > 0 && !t->starts[i] && t->stems.str[i - 1])
            kw_neighbour(d, w, d->word_of[i], 'L', t->stems.str[i - 1], t->stems.len[i - 1]);
        if (i + 1 < n && !t->starts[i + 1] && t->stems.str[i + 1])
            kw_neighbour(d, w, d->word_of[i], 'R', t->stems.str[i + 1], t->stems.len[i + 1]);
    }
    d->sentences = n ? sentence + 1 : 0;
    kw_bridges(d, t, what);
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
            if (kw_is_bridge(d, t, a))
                continue;
            d->key.len = 0;
            int cut = 0; /* a lower-case word right before a capitalised one, so far */
            /* A bridge ("of") counts towards no phrase's length: "Ministry of External Affairs"
             * is three words long, and the longest phrase KW_MAX_WORDS tokens. */
            size_t bridges = 0;
            for (size_t b = a; b < end && b - a < (size_t)max_words + bridges && b - a < KW_MAX_WORDS; b++) {
                if (b > a)
                    quarry_buf_append(&d->key, " ", 1);
                if (b > a && (what & KW_BUILD_WORDS))
                    cut |= d->initial[b - 1] == KW_INITIAL_LOWER && d->initial[b] == KW_INITIAL_CAPITAL;
                quarry_buf_append(&d->key, t->stems.str[b], t->stems.len[b]);
                if (kw_is_bridge(d, t, b)) {
                    bridges++;
                    continue; /* no phrase ends in one */
                }
                if (b == a && t->stems.len[a] < 2)
                    continue; /* a lone letter ("S" of "S Jaishankar") is no keyphrase */
                if (b == a && kw_number_word(t, a))
                    continue; /* nor a number in words alone ("Nine" of "Nine mths"), as "1" is none;
                               * in lower case ("one") it is in no phrase at all: kw_wordlike */
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
                 * York". */
                c->cut += (uint32_t)(cut || (b > a && b + 1 < end && kw_is_bridge(d, t, b + 1)));
                c->labels += d->label[a];
                c->headline += d->caseless[a] == KW_CASELESS_HEADLINE;
                if (b > a && (what & KW_BUILD_WORDS) && t->surface.str[b])
                    c->verb_end += (uint32_t)kw_past_tense(t->surface.str[b], t->surface.len[b]);
                /* One huge document (a 100 MB dump) can hold tens of millions of phrases, most
                 * seen once: the bound keeps its memory in check, and a top phrase of such a
                 * document is seen far more often than the floor. */
                if (d->max_cands && intern_count(d->cands) > d->max_cands)
                    d->pruned += intern_prune(d->cands, d->max_cands / 2, kw_cand_tf, &d->prune_floor);
            }
        }
        i = end;
    }
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

/* How often a surface form occurs where its case is told, at a sentence's start, and in a
 * headline; compared in that order. */
typedef struct kw_form_count {
    uint32_t told, start, headline;
} kw_form_count;

static int kw_form_more(const kw_form_count *a, const kw_form_count *b)
{
    if (a->told != b->told)
        return a->told > b->told;
    if (a->start != b->start)
        return a->start > b->start;
    return a->headline > b->headline;
}

/* How the corpus writes each word of candidate C, found in capitals at token AT of T, into
 * CASING; 0 when the phrase is to be shown as written. A headline in title case is shown so:
 * its capitals are a headline's, but also a name's ("Google Motion", "Jeff Sessions" in a list
 * of names), and a name in lower case reads worse than a common word capitalised. So are
 * phrases that would be rewritten in part: a word the corpus never writes inside a sentence,
 * or writes in no one way ("ZURN INDUSTRIES" is not "ZURN industries"), or words it writes in
 * lower case beside words it capitalises, as a name's are ("SOUTHERN PETROLEUM" is not
 * "southern Petroleum"). A dateline at AT is rewritten whole, as a place's name, whatever the
 * corpus writes (CASING is left alone). */
static int kw_headline_casings(const kw_doc *d, const kw_tokens *t, const kw_cand *c, size_t at, int *casing)
{
    int dateline = d->caseless[at] == KW_CASELESS_DATELINE;
    if (!d->casings && !dateline)
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
        if (casing[k] == KW_MIXED)
            return 0;
        lower |= casing[k] == KW_LOWER;
        capital |= casing[k] == KW_CAPITAL;
    }
    return !(lower && capital);
}

void kw_doc_surface(kw_doc *d, const kw_tokens *t, uint32_t id, quarry_buf *out)
{
    const kw_cand *c = intern_value(d->cands, id);
    d->surfaces = kw_fresh(d->surfaces, sizeof(kw_form_count));
    kw_form_count best = {0, 0, 0};
    uint32_t best_id = 0;
    size_t best_at = 0; /* an occurrence of the best form */
    int any = 0;
    /* Occurrences start at or after the first: count each one's surface form. */
    for (size_t i = c->first; i < t->stems.n; i++) {
        if (!kw_occurs_at(d, t, c, i))
            continue;
        d->surface.len = 0;
        for (uint32_t k = 0; k < c->words; k++) {
            if (k)
                quarry_buf_append(&d->surface, " ", 1);
            if (t->surface.str[i + k])
                quarry_buf_append(&d->surface, t->surface.str[i + k], t->surface.len[i + k]);
        }
        d->surface.len = kw_without_possessive(d->surface.data, d->surface.len);
        uint32_t sid;
        /* A sentence's first word is capitalised whatever it is, and so is a headline's:
         * occurrences elsewhere count first, those at a sentence's start next and those in a
         * headline last, so "cyber security" is shown so even where sentences begin with it
         * more often, and "CCX Network" from the text's first words, not the "CCX NETWORK" of
         * a headline in capitals. */
        kw_form_count *count = intern_put(d->surfaces, d->surface.data, d->surface.len, &sid, NULL);
        uint32_t *tier = d->caseless[i] >= KW_CASELESS_HEADLINE ? &count->headline /* and a dateline */
                         : d->caseless[i]                       ? &count->start
                                                                : &count->told;
        if (*tier < UINT32_MAX)
            (*tier)++;
        if (!any || kw_form_more(count, &best)) { /* strictly more: ties keep the first seen */
            best = *count;
            best_id = sid;
            best_at = i;
            any = 1;
        }
    }
    out->len = 0;
    int casing[KW_MAX_WORDS];
    if (any && !best.told && !best.start && kw_headline_casings(d, t, c, best_at, casing)) {
        /* Only a headline in capitals holds it, where case says nothing ("DIVIDEND"), or a
         * dateline ("WINSTON-SALEM", shown as a place is written). */
        int place = d->caseless[best_at] == KW_CASELESS_DATELINE;
        for (uint32_t k = 0; k < c->words; k++) {
            const char *form = t->surface.str[best_at + k];
            size_t len = t->surface.len[best_at + k];
            if (k)
                quarry_buf_append(out, " ", 1);
            if (form && place)
                kw_casing_write_place(out, form, len);
            else if (form)
                kw_casing_write(out, form, len, casing[k]);
        }
        out->len = kw_without_possessive(out->data, out->len);
    } else if (any) {
        size_t len;
        const char *s = intern_key(d->surfaces, best_id, &len);
        quarry_buf_append(out, s, len);
    }
}
