/* wordclass.c: what a token is, for keyphrases: a phrase word or not (function words, quantities,
 * numbers in words), and the shape of its surface form (case, hyphens, endings). */
#include "wordclass.h"
#include "letters.h"
#include "intern.h"
#include "adjectives.h"
#include "adverbs.h"
#include "headlineverbs.h"
#include "places.h"
#include "verbbases.h"
#include "verbsmostly.h"
#include "verbforms.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Words that the stop lists leave in but no reader takes for a keyphrase: modal verbs, the
 * reporting verbs of news ("said"), the days a story counts from ("yesterday"), the titles
 * written before names ("Sen. Kerry" gives "Kerry"), "versus", "prior" (of "25 cts vs 25 cts
 * prior", in 511 of Reuters' top tens), "include" and "exclude" ("Net includes tax credits":
 * one of their forms alone was in 403) and "compare" ("up 5 pct compared with a year earlier",
 * "This compares with": 117), and the units wire copy writes beside its figures
 * ("19 cts vs 15 cts", "one ct", "5.2 mln dlrs", "3.1 pct", "40 mln stg"),
 * which Reuters' earnings notes repeat so often that they topped its keyword table, and the
 * abbreviations of its earnings tables and their headlines ("Shr", "Avg shrs", "Revs",
 * "Nine mths", "Qtly div", "4TH QTR NET", "Oper net"): "qtr" headed its table with titles read; the
 * prepositions and conjunctions that Snowball's English list lacks ("without", "near", "per",
 * "since", "despite", "whether"), and its determiners and quantifiers ("another", "every",
 * "several", "certain", "whose": "certain conditions" was in 11 of Reuters' top tens, and
 * such words, alone or in a phrase, in 321); and the designations of a firm's legal form
 * ("Hertz Corp", "Dahlberg Inc"), which a reader leaves out of its name and which alone ("Inc",
 * "Corp") were in 675 and 449 of Reuters' top tens. Compared with the token's stem, and with its
 * surface form ignoring case, since stems may differ ("since" gives "sinc"). "Ms" is told from
 * "MS" (multiple sclerosis) by its case, in kw_wordlike. */
/* A word of a fixed list, with its length. */
typedef struct kw_listed {
    const char *s;
    size_t len;
} kw_listed;
#define KW_WORD(s) {s, sizeof s - 1}
#define KW_LIST_SIZE(list) (sizeof list / sizeof *list)

#define KW_LETTER(c) (1u << ((c) - 'a'))

/* Whether S (LEN bytes) is a word of LIST (N words, in lower case, beginning with the letters
 * of the mask LETTERS, KW_LETTER), in any case if ANY_CASE. Asked of most tokens: the first
 * letter settles most words at once. */
static int kw_in_list(const kw_listed *list, size_t n, uint32_t letters, const char *s, size_t len, int any_case)
{
    char first = any_case ? (char)(s[0] | 0x20) : s[0];
    if ((unsigned)(first - 'a') >= 26u || !(letters & KW_LETTER(first)))
        return 0;
    char second = any_case ? (char)(s[1] | 0x20) : s[1]; /* len >= 2 in every list */
    for (size_t k = 0; k < n; k++)
        if (list[k].len == len && list[k].s[0] == first && list[k].s[1] == second &&
            (any_case ? !strncasecmp(list[k].s, s, len) : !memcmp(list[k].s, s, len)))
            return 1;
    return 0;
}

/* What a function word is besides: a firm's legal form ("Inc"), which ends its name; an
 * abbreviation known only as written, since its stem is a word's ("Oper", of "Oper net", stems
 * as "operations" does); a word that also ends names, where it is a name's word
 * (kw_name_end: "Theresa May", "Dan Rather", "USA Today"); or a word known only as written in
 * lower case or first in a sentence (kw_minor_word): an adverb of time or degree or an
 * indefinite pronoun that Snowball's list lacks and the adverb table leaves out, being an
 * adjective or a noun too ("now", "still", "less", "others", "something", "none"; alone each was
 * in 2 to 21 of Reuters' top tens: "is now", "at least", "among others"), or a preposition
 * that it lacks (keywords 1.70: "concerning", "unlike", "throughout"; "news concerning" was in a
 * list), which capitalised mid-sentence is a title's or a name's ("The Music Never Stopped",
 * "NOW accounts", "Social Inside"); and "us", the pronoun, which Snowball's list lacks too
 * ("look at us": in 22 of Reuters' top tens), where "US" is the country, though both stem as
 * "us". */
enum { KW_FUNCTION_PLAIN, KW_FUNCTION_LEGAL_FORM, KW_FUNCTION_WRITTEN, KW_FUNCTION_NAME_END, KW_FUNCTION_LOWER };
#define KW_FUNCTION(s) {s, sizeof s - 1, KW_FUNCTION_PLAIN}
#define KW_LEGAL_FORM(s) {s, sizeof s - 1, KW_FUNCTION_LEGAL_FORM}
#define KW_WRITTEN(s) {s, sizeof s - 1, KW_FUNCTION_WRITTEN}
#define KW_NAME_END(s) {s, sizeof s - 1, KW_FUNCTION_NAME_END}
#define KW_LOWER(s) {s, sizeof s - 1, KW_FUNCTION_LOWER}
static const struct {
    const char *s;
    size_t len;
    int kind; /* KW_FUNCTION_* */
} kw_function_words[] = {
    KW_FUNCTION("said"), KW_FUNCTION("say"), KW_FUNCTION("says"), KW_FUNCTION("can"),
    KW_FUNCTION("could"), KW_FUNCTION("would"), KW_FUNCTION("will"), KW_NAME_END("may"),
    KW_FUNCTION("might"), KW_FUNCTION("must"), KW_FUNCTION("shall"), KW_FUNCTION("also"),
    KW_FUNCTION("yesterday"), KW_NAME_END("today"), KW_FUNCTION("tomorrow"), KW_FUNCTION("ago"), KW_FUNCTION("earlier"),
    KW_FUNCTION("later"), KW_FUNCTION("mr"),
    KW_FUNCTION("mrs"), KW_FUNCTION("dr"), KW_FUNCTION("sen"), KW_FUNCTION("rep"), KW_FUNCTION("gov"),
    KW_FUNCTION("vs"), KW_FUNCTION("versus"), KW_FUNCTION("prior"), KW_FUNCTION("mln"), KW_FUNCTION("bln"),
    KW_FUNCTION("million"), KW_FUNCTION("billion"), KW_FUNCTION("trillion"),
    KW_FUNCTION("dlr"), KW_FUNCTION("dlrs"), KW_FUNCTION("ct"), KW_FUNCTION("cts"), KW_FUNCTION("pct"),
    KW_FUNCTION("stg"),
    KW_FUNCTION("shr"), KW_FUNCTION("shrs"), KW_FUNCTION("avg"), KW_FUNCTION("revs"), KW_FUNCTION("rev"),
    KW_FUNCTION("mths"), KW_FUNCTION("qtr"), KW_FUNCTION("qtrs"), KW_FUNCTION("qtly"), KW_FUNCTION("qtrly"),
    KW_FUNCTION("mthly"),
    KW_FUNCTION("div"), KW_WRITTEN("oper"), KW_FUNCTION("without"), KW_FUNCTION("within"), KW_FUNCTION("upon"),
    KW_FUNCTION("among"), KW_FUNCTION("amongst"), KW_FUNCTION("toward"), KW_FUNCTION("towards"),
    KW_FUNCTION("across"), KW_FUNCTION("along"), KW_FUNCTION("around"), KW_FUNCTION("behind"),
    KW_FUNCTION("beyond"), KW_FUNCTION("despite"), KW_FUNCTION("near"), KW_FUNCTION("per"),
    KW_FUNCTION("via"), KW_FUNCTION("since"), KW_FUNCTION("unless"), KW_FUNCTION("whether"),
    KW_FUNCTION("however"), KW_FUNCTION("although"), KW_FUNCTION("though"), KW_FUNCTION("yet"),
    KW_FUNCTION("onto"), KW_FUNCTION("amid"), KW_FUNCTION("amidst"), KW_FUNCTION("whilst"),
    KW_FUNCTION("include"), KW_FUNCTION("includes"), KW_FUNCTION("included"),
    KW_FUNCTION("including"), KW_FUNCTION("exclude"), KW_FUNCTION("excludes"), KW_FUNCTION("excluded"),
    KW_FUNCTION("excluding"), KW_FUNCTION("according"), KW_FUNCTION("regarding"), KW_FUNCTION("compare"),
    KW_FUNCTION("compares"), KW_FUNCTION("compared"), KW_FUNCTION("comparing"), KW_FUNCTION("whereby"),
    KW_FUNCTION("whereas"), KW_NAME_END("rather"), KW_FUNCTION("whose"), KW_FUNCTION("another"),
    KW_FUNCTION("every"), KW_FUNCTION("either"), KW_FUNCTION("neither"), KW_FUNCTION("many"),
    KW_FUNCTION("much"), KW_FUNCTION("several"), KW_FUNCTION("various"), KW_FUNCTION("certain"),
    KW_NAME_END("just"),
    KW_LOWER("now"), KW_LOWER("still"), KW_LOWER("ever"), KW_LOWER("never"), KW_LOWER("together"),
    KW_LOWER("altogether"), KW_FUNCTION("whenever"), KW_FUNCTION("whichever"), KW_FUNCTION("whatever"),
    KW_FUNCTION("whoever"), KW_FUNCTION("wherever"),
    KW_LOWER("otherwise"), KW_LOWER("sometime"), KW_LOWER("sometimes"), KW_LOWER("enough"), KW_LOWER("less"),
    KW_LOWER("least"), KW_LOWER("else"), KW_LOWER("others"), KW_LOWER("other"), KW_LOWER("someone"),
    KW_LOWER("somebody"), KW_LOWER("something"), KW_LOWER("anyone"), KW_LOWER("anybody"), KW_LOWER("anything"),
    KW_LOWER("everyone"), KW_LOWER("everybody"), KW_LOWER("everything"), KW_LOWER("nobody"), KW_LOWER("nothing"),
    KW_LOWER("none"), KW_LOWER("us"), KW_LOWER("concerning"), KW_LOWER("unlike"), KW_LOWER("till"), KW_LOWER("except"),
    KW_LOWER("beside"), KW_LOWER("besides"), KW_LOWER("alongside"), KW_LOWER("atop"), KW_LOWER("beneath"),
    KW_LOWER("underneath"), KW_LOWER("throughout"),
    KW_LEGAL_FORM("inc"), KW_LEGAL_FORM("corp"),
    KW_LEGAL_FORM("co"), KW_LEGAL_FORM("ltd"), KW_LEGAL_FORM("plc"), KW_LEGAL_FORM("llc"),
};

enum { KW_FUNCTION_WORDS = sizeof kw_function_words / sizeof *kw_function_words };
_Static_assert(KW_FUNCTION_WORDS < 256, "kw_function_order and kw_function_start hold indices in a byte");

/* The function words by first letter and length: kw_function_order holds their indices in
 * kw_function_words sorted so (in the table's order within each pair), and the words of letter L
 * and length N are kw_function_order[kw_function_start[L * 16 + N]] up to the next pair's start.
 * Asked of every token a few times a document, so a word is settled by at most four
 * comparisons, most of them by none. kw_function_word_id asks no word longer than 15 letters:
 * a longer one listed would be left out of the index rather than share the next letter's
 * place. */
static unsigned char kw_function_order[KW_FUNCTION_WORDS];
static unsigned char kw_function_start[26 * 16 + 1];
static pthread_once_t kw_function_once = PTHREAD_ONCE_INIT;

/* The place of word I of kw_function_words in the index, or 26 * 16 for none. */
static unsigned kw_function_pair(size_t i)
{
    if (kw_function_words[i].len > 15)
        return 26 * 16;
    return (unsigned)(kw_function_words[i].s[0] - 'a') * 16u + (unsigned)kw_function_words[i].len;
}

static void kw_function_index_init(void)
{
    unsigned char count[26 * 16 + 1] = {0};
    for (size_t i = 0; i < KW_FUNCTION_WORDS; i++)
        count[kw_function_pair(i)]++;
    for (unsigned p = 0; p < 26 * 16; p++)
        kw_function_start[p + 1] = (unsigned char)(kw_function_start[p] + count[p]);
    unsigned char filled[26 * 16] = {0};
    for (size_t i = 0; i < KW_FUNCTION_WORDS; i++) {
        unsigned p = kw_function_pair(i);
        if (p < 26 * 16)
            kw_function_order[kw_function_start[p] + filled[p]++] = (unsigned char)i;
    }
}

/* Whether S is a function word: 0, or 1 + its index in kw_function_words. */
static unsigned kw_function_word_id(const char *s, size_t len)
{
    unsigned letter = (unsigned)((s[0] | 0x20) - 'a');
    if (len < 2 || len > 15 || letter >= 26u)
        return 0;
    pthread_once(&kw_function_once, kw_function_index_init);
    unsigned pair = letter * 16u + (unsigned)len;
    char second = (char)(s[1] | 0x20); /* a byte of no letter never matches a listed one */
    for (unsigned k = kw_function_start[pair]; k < kw_function_start[pair + 1]; k++) {
        const char *w = kw_function_words[kw_function_order[k]].s;
        if (w[1] == second && !strncasecmp(w, s, len))
            return 1u + kw_function_order[k];
    }
    return 0;
}

/* Whether S, a token's stem if STEM, else its written form, is a function word whatever its
 * case (a KW_FUNCTION_LOWER word is one by kw_minor_word). */
static int kw_function_word(const char *s, size_t len, int stem)
{
    unsigned id = kw_function_word_id(s, len);
    return id && kw_function_words[id - 1].kind != KW_FUNCTION_LOWER &&
           !(stem && kw_function_words[id - 1].kind == KW_FUNCTION_WRITTEN);
}

int kw_legal_form(const char *s, size_t len)
{
    unsigned id = kw_function_word_id(s, len);
    return id && kw_function_words[id - 1].kind == KW_FUNCTION_LEGAL_FORM;
}

int kw_legal_form_abroad(const char *s, size_t len)
{
    /* As written: "Spa", "SE" and "ASA" are a resort, a model ("Macintosh SE") and acronyms
     * too, and are left out. */
    static const char *const forms[] = {"AB",   "AG",  "B.V.", "BV",    "Bhd",    "Cie",  "GmbH", "K.K.",
                                        "KGaA", "KK",  "L.P.", "LP",    "Ltda",   "N.V.", "NV",   "Oy",
                                        "Oyj",  "Pty", "S.A.", "S.p.A.", "SA",    "SARL", "Sarl", "SpA"};
    if (len < 2 || len > 6 || (unsigned)(s[0] - 'A') >= 26u)
        return 0; /* asked of every word: most begin in lower case */
    for (size_t k = 0; k < sizeof forms / sizeof *forms; k++)
        if (forms[k][0] == s[0] && strlen(forms[k]) == len && !memcmp(forms[k], s, len))
            return 1;
    return 0;
}

int kw_organisation_head(const char *s, size_t len)
{
    static const kw_listed heads[] = {
        KW_WORD("administration"), KW_WORD("agency"),      KW_WORD("association"),  KW_WORD("authority"),
        KW_WORD("bank"),           KW_WORD("board"),       KW_WORD("bureau"),       KW_WORD("commission"),
        KW_WORD("committee"),      KW_WORD("company"),     KW_WORD("corporation"),  KW_WORD("council"),
        KW_WORD("court"),          KW_WORD("department"),  KW_WORD("federation"),   KW_WORD("foundation"),
        KW_WORD("fund"),           KW_WORD("institute"),   KW_WORD("institution"),  KW_WORD("league"),
        KW_WORD("ministry"),       KW_WORD("office"),      KW_WORD("organisation"), KW_WORD("organization"),
        KW_WORD("service"),        KW_WORD("services"),    KW_WORD("society"),      KW_WORD("university")};
    const uint32_t letters = KW_LETTER('a') | KW_LETTER('b') | KW_LETTER('c') | KW_LETTER('d') | KW_LETTER('f') |
                             KW_LETTER('i') | KW_LETTER('l') | KW_LETTER('m') | KW_LETTER('o') | KW_LETTER('s') |
                             KW_LETTER('u');
    return len >= 4 && kw_in_list(heads, KW_LIST_SIZE(heads), letters, s, len, 1);
}

static int kw_ends_with(const char *s, size_t len, const char *end)
{
    size_t n = strlen(end);
    return len > n && !memcmp(s + len - n, end, n);
}

/* The length of the figure S (LEN bytes) begins with: its digits, points and commas ("3.25" of
 * "3.25-Y", "325,000"), and a fraction's slash and a mixed number's hyphen ("7-3/4" of
 * "7-3/4s"; not "3-for-2" nor "1-800"); 0 if it begins with no digit. *FRACTION says whether
 * it holds a slash. */
static size_t kw_figure_length(const char *s, size_t len, int *fraction)
{
    *fraction = 0;
    if (!len || s[0] < '0' || s[0] > '9')
        return 0;
    size_t k = 1;
    for (; k < len; k++) {
        if (s[k] >= '0' && s[k] <= '9')
            continue;
        if (s[k] == '.' || s[k] == ',')
            continue;
        size_t after = k + 1; /* past the digits after the mark */
        while (after < len && s[after] >= '0' && s[after] <= '9')
            after++;
        if (after == k + 1)
            break;
        /* A hyphen only before a fraction: "1-800-FLOWERS" is a name, not a number. */
        if (s[k] != '/' && !(s[k] == '-' && after < len && s[after] == '/'))
            break;
        *fraction |= s[k] == '/';
    }
    return k;
}

/* Whether S (lower case) is a quantity written as one word, which no reader takes for a
 * keyphrase however rare it is: an age ("73-year-old", "six-month-old"), an amount with its
 * magnitude ("40b", "8m", "3.2bn", "10pc", "6.5p"), an ordinal ("1st", "3rd": Reuters' "1ST
 * QTR") or a fraction's ("5/8ths"; "the 9-5/8s", a bond by its coupon). "5G", "G20" and
 * "COVID-19" are not. */
enum { KW_QUANTITY_PENCE = 2 }; /* kw_quantity's answer for pence, which kw_quantity_at asks more of */
static int kw_quantity(const char *s, size_t len)
{
    static const char *const ages[] = {"-year-old", "-years-old", "-month-old", "-week-old", "-day-old"};
    if (len > 8 && !memcmp(s + len - 4, "-old", 4)) /* asked of every token: the common case first */
        for (size_t k = 0; k < sizeof ages / sizeof *ages; k++)
            if (kw_ends_with(s, len, ages[k]))
                return 1;
    int fraction;
    size_t digits = kw_figure_length(s, len, &fraction);
    if (!digits)
        return 0;
    /* Magnitudes, pence (British wire copy's prices and dividends: "6.5p", "241p"; a screen's
     * "1080p" is a measure too), then ordinals' endings. Not "k": "4K" is a picture's
     * resolution as often as "40k" is a sum. */
    static const char *const endings[] = {"m",  "b",  "bn", "mn", "mln", "bln", "pc",
                                          "pct", "p", "st", "nd", "rd",  "th"};
    for (size_t k = 0; k < sizeof endings / sizeof *endings; k++)
        if (len - digits == strlen(endings[k]) && !memcmp(s + digits, endings[k], len - digits))
            return !strcmp(endings[k], "p") ? KW_QUANTITY_PENCE : 1;
    return fraction && ((len - digits == 1 && s[digits] == 's') ||
                        (len - digits == 3 && !memcmp(s + digits, "ths", 3)));
}

/* Small numbers in words, as tables write them (kw_number_word), and the first letters of all. */
static const kw_listed kw_numbers[] = {KW_WORD("nil"),  KW_WORD("one"),   KW_WORD("two"),   KW_WORD("three"),
                                       KW_WORD("four"), KW_WORD("five"),  KW_WORD("six"),   KW_WORD("seven"),
                                       KW_WORD("eight"), KW_WORD("nine"), KW_WORD("ten"),   KW_WORD("eleven"),
                                       KW_WORD("twelve")};
#define KW_NUMBER_LETTERS                                                                                              \
    (KW_LETTER('n') | KW_LETTER('o') | KW_LETTER('t') | KW_LETTER('f') | KW_LETTER('s') | KW_LETTER('e'))

int kw_measure(const kw_tokens *t, size_t i)
{
    /* Numbers in words past kw_numbers that begin a measure: "thirty-year", "half-point". */
    static const kw_listed more[] = {KW_WORD("twenty"), KW_WORD("thirty"), KW_WORD("forty"), KW_WORD("fifty"),
                                     KW_WORD("sixty"),  KW_WORD("seventy"), KW_WORD("eighty"), KW_WORD("ninety"),
                                     KW_WORD("hundred"), KW_WORD("half")};
    const uint32_t more_letters = KW_LETTER('t') | KW_LETTER('f') | KW_LETTER('s') | KW_LETTER('e') |
                                  KW_LETTER('n') | KW_LETTER('h');
    const char *s = t->surface.str[i];
    size_t len = t->surface.len[i];
    if (!s || len < 4)
        return 0;
    int fraction;
    size_t k = kw_figure_length(s, len, &fraction); /* "7-1/2-year" as "7-year" */
    if (!k && kw_is_letter((unsigned char)s[0])) { /* "five-year", "one-third", "Thirty-three" */
        const char *hyphen = memchr(s, '-', len < 8 ? len : 8);
        k = hyphen ? (size_t)(hyphen - s) : 0;
        if (k < 3 || (!kw_in_list(kw_numbers, KW_LIST_SIZE(kw_numbers), KW_NUMBER_LETTERS, s, k, 1) &&
                      !kw_in_list(more, KW_LIST_SIZE(more), more_letters, s, k, 1)))
            return 0;
    } else if (!k)
        return 0;
    /* A word of two letters at least after the number's hyphen: "13-D" (a filing), "3-D" and
     * "1-800-FLOWERS" are names. */
    return k + 3 <= len && s[k] == '-' && kw_is_letter((unsigned char)s[k + 1]) &&
           kw_is_letter((unsigned char)s[k + 2]);
}

/* Whether S (LEN bytes, LEN_MIN to LEN_MAX of them) is a word of LIST (N words, their first
 * letters in the mask LETTERS), in any case. */
static int kw_listed_as(const char *s, size_t len, const kw_listed *list, size_t n, uint32_t letters,
                        size_t len_min, size_t len_max)
{
    return s && len >= len_min && len <= len_max && kw_in_list(list, n, letters, s, len, 1);
}

/* kw_listed_as of token I of T, as written. */
static int kw_token_listed(const kw_tokens *t, size_t i, const kw_listed *list, size_t n, uint32_t letters,
                           size_t len_min, size_t len_max)
{
    return kw_listed_as(t->surface.str[i], t->surface.len[i], list, n, letters, len_min, len_max);
}

/* A name sought in kw_places: LEN bytes from S. */
typedef struct kw_place_key {
    const char *s;
    size_t len;
} kw_place_key;

/* Orders KEY (a kw_place_key) and NAME (an entry of kw_places) as strcmp orders the names; by
 * bytes and lengths, as a story's token may hold a NUL that strncmp would stop at. */
static int kw_place_order(const void *key, const void *name)
{
    const kw_place_key *k = key;
    const char *n = *(const char *const *)name;
    size_t n_len = strlen(n);
    int order = memcmp(k->s, n, k->len < n_len ? k->len : n_len);
    return order ? order : (k->len > n_len) - (k->len < n_len);
}

int kw_place_listed(const char *s, size_t len)
{
    kw_place_key key = {s, len};
    return bsearch(&key, kw_places, kw_places_count, sizeof *kw_places, kw_place_order) != NULL;
}

int kw_title(const kw_tokens *t, size_t i)
{
    /* Offices that no firm's name holds: "President" does ("American President Lines"), as do
     * "Director" and "Premier"; and "Senator" stems as "Senate" does, whose counts it would
     * take. */
    static const kw_listed offices[] = {
        KW_WORD("analyst"),      KW_WORD("chairman"),       KW_WORD("chairwoman"),   KW_WORD("chancellor"),
        KW_WORD("commissioner"), KW_WORD("economist"),      KW_WORD("governor"),     KW_WORD("minister"),
        KW_WORD("secretary"),    KW_WORD("spokesman"),      KW_WORD("spokeswoman"),  KW_WORD("treasurer"),
        KW_WORD("undersecretary"), KW_WORD("vice-chairman")};
    const uint32_t letters = KW_LETTER('a') | KW_LETTER('c') | KW_LETTER('e') | KW_LETTER('g') | KW_LETTER('m') |
                             KW_LETTER('s') | KW_LETTER('t') | KW_LETTER('u') | KW_LETTER('v');
    return i + 1 < t->stems.n && kw_capitalised(t, i + 1) &&
           kw_token_listed(t, i, offices, KW_LIST_SIZE(offices), letters, 7, 14);
}

/* Whether token I is a small number in words, as tables write them: "Shr one dlr vs 73 cts",
 * "Nine mths", "Shr nil vs 12 cts". Asked of most tokens, so the length rules most out. */
int kw_number_word(const kw_tokens *t, size_t i)
{
    return kw_token_listed(t, i, kw_numbers, KW_LIST_SIZE(kw_numbers), KW_NUMBER_LETTERS, 3, 6);
}

/* Whether token I of T ranks or places a thing without naming it: an ordinal in words, a
 * fraction, or a place before or after others, in a series or in time ("first", "Third",
 * "thirds", "half", "next", "previous", "current"). Asked of the words of one-word phrases
 * only. */
int kw_rank_word(const kw_tokens *t, size_t i)
{
    static const kw_listed ranks[] = {
        KW_WORD("first"),   KW_WORD("second"),  KW_WORD("third"),    KW_WORD("fourth"),  KW_WORD("fifth"),
        KW_WORD("sixth"),   KW_WORD("seventh"), KW_WORD("eighth"),   KW_WORD("ninth"),   KW_WORD("tenth"),
        KW_WORD("half"),    KW_WORD("halves"),  KW_WORD("thirds"),   KW_WORD("fourths"), KW_WORD("fifths"),
        KW_WORD("sixths"),  KW_WORD("sevenths"), KW_WORD("eighths"), KW_WORD("ninths"),  KW_WORD("tenths"),
        KW_WORD("next"),    KW_WORD("last"),    KW_WORD("previous"), KW_WORD("prior"),   KW_WORD("former"),
        KW_WORD("latter"),  KW_WORD("latest"),  KW_WORD("recent"),   KW_WORD("current")};
    const uint32_t letters = KW_LETTER('f') | KW_LETTER('s') | KW_LETTER('t') | KW_LETTER('e') | KW_LETTER('n') |
                             KW_LETTER('h') | KW_LETTER('l') | KW_LETTER('p') | KW_LETTER('r') | KW_LETTER('c');
    return kw_token_listed(t, i, ranks, KW_LIST_SIZE(ranks), letters, 4, 8);
}

/* Whether token I of T is a general noun, one that can stand for nearly anything and so names
 * nothing alone: "side" ("the Japanese side", "on each side"), "way", "part", "kind", "sort",
 * "type", "thing", "lot", "bit", "fact". Asked of the words of one-word phrases only: in a
 * phrase such a noun is its head, and the words before it say what it is ("flip side"). "parts"
 * is left out, as auto parts are goods. */
int kw_general_noun(const kw_tokens *t, size_t i)
{
    static const kw_listed nouns[] = {
        KW_WORD("side"),  KW_WORD("sides"), KW_WORD("way"),    KW_WORD("ways"), KW_WORD("part"),
        KW_WORD("kind"),  KW_WORD("kinds"), KW_WORD("sort"),   KW_WORD("sorts"), KW_WORD("type"),
        KW_WORD("types"), KW_WORD("thing"), KW_WORD("things"), KW_WORD("lot"),  KW_WORD("lots"),
        KW_WORD("bit"),   KW_WORD("fact"),  KW_WORD("facts")};
    const uint32_t letters = KW_LETTER('s') | KW_LETTER('w') | KW_LETTER('p') | KW_LETTER('k') | KW_LETTER('t') |
                             KW_LETTER('l') | KW_LETTER('b') | KW_LETTER('f');
    return kw_token_listed(t, i, nouns, KW_LIST_SIZE(nouns), letters, 3, 6);
}

/* Whether token I of T opens a verb's object: a figure or an amount ("covering 1.5 mln shares",
 * "$"), a determiner or a clause's conjunction ("awaiting the review", "indicating that"), or a
 * pronoun that is only ever an object ("warrants allowing them to buy"). After a noun, even one
 * in "-ing" ("offering of", "meeting in"), these are rare. "it" is not one: "the meeting it
 * called". */
/* Whether S (LEN bytes) is a pronoun that is only ever an object, written in lower case: "us",
 * "them", "him", "me". */
static int kw_object_pronoun(const char *s, size_t len)
{
    static const kw_listed pronouns[] = {KW_WORD("us"), KW_WORD("them"), KW_WORD("him"), KW_WORD("me")};
    const uint32_t letters = KW_LETTER('u') | KW_LETTER('t') | KW_LETTER('h') | KW_LETTER('m');
    return len >= 2 && kw_in_list(pronouns, KW_LIST_SIZE(pronouns), letters, s, len, 0);
}

int kw_object_opener(const kw_tokens *t, size_t i)
{
    static const kw_listed openers[] = {
        KW_WORD("the"), KW_WORD("an"), KW_WORD("its"), KW_WORD("their"), KW_WORD("his"), KW_WORD("her"),
        KW_WORD("this"), KW_WORD("these"), KW_WORD("those"), KW_WORD("that"), KW_WORD("whether")};
    const uint32_t letters = KW_LETTER('t') | KW_LETTER('a') | KW_LETTER('i') | KW_LETTER('h') | KW_LETTER('w');
    const char *s = t->surface.str[i];
    size_t len = t->surface.len[i];
    if (!s || !len)
        return 0;
    if (s[0] == '$' || kw_figure(t, i))
        return 1;
    if (len == 1) /* kw_in_list compares two letters */
        return s[0] == 'a';
    return len <= 7 && (kw_in_list(openers, KW_LIST_SIZE(openers), letters, s, len, 0) || kw_object_pronoun(s, len));
}

int kw_quantity_at(const kw_tokens *t, size_t i)
{
    int quantity = t->stems.str[i] ? kw_quantity(t->stems.str[i], t->stems.len[i]) : 0;
    /* Pence are written in lower case: "17P" is a drug's name, "4P" a party's. */
    if (quantity == KW_QUANTITY_PENCE && t->surface.str[i] && t->surface.len[i])
        return t->surface.str[i][t->surface.len[i] - 1] == 'p';
    return quantity != 0;
}

int kw_figure(const kw_tokens *t, size_t i)
{
    const char *s = t->stems.str[i];
    size_t len = t->stems.len[i];
    return s && len && (unsigned)(s[0] - '0') < 10u && !letters_any(s, len);
}

/* Whether S is a month's name, or its abbreviation ("April", "Apr", "Sept", "May": a modal
 * verb too, and a function word, but before a day a month all the same). */
static int kw_month(const char *s, size_t len)
{
    static const kw_listed months[] = {
        KW_WORD("january"), KW_WORD("jan"), KW_WORD("february"), KW_WORD("feb"), KW_WORD("march"), KW_WORD("mar"),
        KW_WORD("april"), KW_WORD("apr"), KW_WORD("may"), KW_WORD("june"), KW_WORD("jun"), KW_WORD("july"),
        KW_WORD("jul"), KW_WORD("august"), KW_WORD("aug"), KW_WORD("september"), KW_WORD("sept"), KW_WORD("sep"),
        KW_WORD("october"), KW_WORD("oct"), KW_WORD("november"), KW_WORD("nov"), KW_WORD("december"), KW_WORD("dec")};
    const uint32_t letters = KW_LETTER('j') | KW_LETTER('f') | KW_LETTER('m') | KW_LETTER('a') | KW_LETTER('s') |
                             KW_LETTER('o') | KW_LETTER('n') | KW_LETTER('d');
    return len >= 3 && len <= 9 && kw_in_list(months, KW_LIST_SIZE(months), letters, s, len, 1);
}

/* Whether S (LEN bytes), a token as written, names a month or a day of the week ("January",
 * "Sept", "Monday"), or is a unit of calendar time in lower case ("year", "weeks"): a noun
 * phrase that says when or for how long, not what ("on Monday", "in January", "this year", "for
 * weeks"). A closed class, as the calendar is: "quarter" is not in it, as it is also a
 * district, and in earnings stories "the quarter" is what they are about. */
static int kw_time_name_as(const char *s, size_t len)
{
    static const kw_listed days[] = {KW_WORD("monday"), KW_WORD("tuesday"), KW_WORD("wednesday"), KW_WORD("thursday"),
                                     KW_WORD("friday"), KW_WORD("saturday"), KW_WORD("sunday")};
    static const kw_listed units[] = {KW_WORD("day"), KW_WORD("days"), KW_WORD("week"), KW_WORD("weeks"),
                                      KW_WORD("month"), KW_WORD("months"), KW_WORD("year"), KW_WORD("years"),
                                      KW_WORD("decade"), KW_WORD("decades")};
    const uint32_t letters = KW_LETTER('m') | KW_LETTER('t') | KW_LETTER('w') | KW_LETTER('f') | KW_LETTER('s');
    const uint32_t unit_letters = KW_LETTER('d') | KW_LETTER('w') | KW_LETTER('m') | KW_LETTER('y');
    if (!s)
        return 0;
    return kw_month(s, len) ||
           (len >= 6 && len <= 9 && kw_in_list(days, KW_LIST_SIZE(days), letters, s, len, 1)) ||
           (len >= 3 && len <= 7 && kw_in_list(units, KW_LIST_SIZE(units), unit_letters, s, len, 0));
}

/* kw_time_name_as of token I of T. */
int kw_time_name(const kw_tokens *t, size_t i)
{
    return kw_time_name_as(t->surface.str[i], t->surface.len[i]);
}

int kw_of(const kw_tokens *t, size_t i)
{
    const char *s = t->surface.str[i];
    return s && t->surface.len[i] == 2 && (s[0] | 0x20) == 'o' && (s[1] | 0x20) == 'f';
}

/* The first letters of the determiners and prepositions below, for kw_in_list. */
#define KW_OPENER_LETTERS                                                                                              \
    (KW_LETTER('t') | KW_LETTER('a') | KW_LETTER('i') | KW_LETTER('h') | KW_LETTER('o') | KW_LETTER('m') |             \
     KW_LETTER('y') | KW_LETTER('e') | KW_LETTER('n') | KW_LETTER('s') | KW_LETTER('f') | KW_LETTER('w') |             \
     KW_LETTER('b') | KW_LETTER('u'))

int kw_preposition(const kw_tokens *t, size_t i)
{
    static const kw_listed prepositions[] = {
        KW_WORD("of"),   KW_WORD("in"),   KW_WORD("on"),    KW_WORD("at"),    KW_WORD("for"),     KW_WORD("with"),
        KW_WORD("by"),   KW_WORD("from"), KW_WORD("about"), KW_WORD("into"),  KW_WORD("over"),    KW_WORD("under"),
        KW_WORD("against"), KW_WORD("after"), KW_WORD("to")};
    return kw_token_listed(t, i, prepositions, KW_LIST_SIZE(prepositions), KW_OPENER_LETTERS, 2, 7);
}

/* Whether token I of T says when: a month, a day or a unit of the calendar (kw_time_name), or a
 * time of day ("today", "night", "morning"), which names no span of the calendar; with a
 * possessive too, as a word of time governs it ("the previous year's budget"). */
static int kw_time_word(const kw_tokens *t, size_t i)
{
    static const kw_listed day_times[] = {KW_WORD("today"), KW_WORD("tonight"), KW_WORD("yesterday"),
                                          KW_WORD("tomorrow"), KW_WORD("night"), KW_WORD("morning"),
                                          KW_WORD("afternoon"), KW_WORD("evening")};
    const uint32_t letters = KW_LETTER('t') | KW_LETTER('y') | KW_LETTER('n') | KW_LETTER('m') | KW_LETTER('a') |
                             KW_LETTER('e');
    const char *s = t->surface.str[i];
    if (!s)
        return 0;
    size_t len = kw_without_possessive(s, t->surface.len[i]);
    return kw_time_name_as(s, len) || kw_listed_as(s, len, day_times, KW_LIST_SIZE(day_times), letters, 5, 9);
}

/* Whether the first LEN bytes of token I of T are written in lower case, or capitalised as its
 * sentence's first word: how a common word is written, where a capital mid-sentence marks a
 * name or a title's word. */
static int kw_lower_or_first(const kw_tokens *t, size_t i, size_t len)
{
    const char *s = t->surface.str[i];
    for (size_t k = 1; k < len; k++)
        if (kw_is_upper((unsigned char)s[k]))
            return 0;
    return !kw_is_upper((unsigned char)s[0]) || t->starts[i];
}

int kw_governs_next(const kw_tokens *t, size_t i)
{
    static const kw_listed only[] = {KW_WORD("plus"), KW_WORD("minus"), KW_WORD("following"), KW_WORD("like")};
    static const kw_listed or_modifier[] = {KW_WORD("outside"), KW_WORD("inside"), KW_WORD("pending"),
                                            KW_WORD("opposite")};
    static const kw_listed timed[] = {KW_WORD("last"), KW_WORD("next"),  KW_WORD("early"), KW_WORD("late"),
                                      KW_WORD("due"),  KW_WORD("worth"), KW_WORD("previous")};
    const char *s = t->surface.str[i];
    size_t len = t->surface.len[i];
    if (!s || len < 3 || len > 9 || i + 1 >= t->stems.n || t->clauses[i + 1] || t->starts[i + 1] ||
        !t->surface.str[i + 1] || !t->surface.len[i + 1])
        return 0;
    /* Asked of every token: the lists, by first letter, rule out most before the case is read. */
    enum { KW_ONLY = 1, KW_OR_MODIFIER, KW_TIMED } kind =
        kw_in_list(only, KW_LIST_SIZE(only), KW_LETTER('p') | KW_LETTER('m') | KW_LETTER('f') | KW_LETTER('l'), s, len,
                   1)
            ? KW_ONLY
        : kw_in_list(or_modifier, KW_LIST_SIZE(or_modifier), KW_LETTER('o') | KW_LETTER('i') | KW_LETTER('p'), s, len,
                     1)
            ? KW_OR_MODIFIER
        : kw_in_list(timed, KW_LIST_SIZE(timed),
                     KW_LETTER('l') | KW_LETTER('n') | KW_LETTER('e') | KW_LETTER('d') | KW_LETTER('w') |
                         KW_LETTER('p'),
                     s, len, 1)
            ? KW_TIMED
            : 0;
    if (!kind || !kw_lower_or_first(t, i, len))
        return 0;
    if (kind == KW_ONLY)
        return 1;
    /* A modifier comes before its noun, which is no stop word or name. */
    if (kind == KW_OR_MODIFIER)
        return t->stop[i + 1] || kw_capitalised(t, i + 1);
    /* A word of time or amount governs the time, the figure or the stop word after it ("last
     * week", "early next month", "due 1992", "due to", "worth 10 mln", "worth about"); the
     * "worth" of "net worth" is a noun ("net worth of", "net worth was"). */
    if (len == 5 && !strncasecmp(s, "worth", 5) && i > 0 && t->surface.str[i - 1] && t->surface.len[i - 1] == 3 &&
        !strncasecmp(t->surface.str[i - 1], "net", 3))
        return 0;
    const char *next = t->surface.str[i + 1];
    return kw_time_word(t, i + 1) || kw_object_opener(t, i + 1) || kw_number_word(t, i + 1) || t->stop[i + 1] ||
           (t->surface.len[i + 1] == 4 && (!strncasecmp(next, "last", 4) || !strncasecmp(next, "next", 4)));
}

int kw_reporting(const kw_tokens *t, size_t i)
{
    static const kw_listed verbs[] = {KW_WORD("said"), KW_WORD("says"), KW_WORD("say"), KW_WORD("told"),
                                      KW_WORD("added")};
    return kw_token_listed(t, i, verbs, KW_LIST_SIZE(verbs), KW_LETTER('s') | KW_LETTER('t') | KW_LETTER('a'), 3, 5);
}

/* Whether token I of T opens a noun phrase: a determiner ("the company", "a film", "its
 * cybersecurity") or a preposition ("of cyber security", "in Tokyo"), in any case. A phrase
 * right after one that runs to the end of its run of phrase words is a noun phrase by itself
 * (kw_cand.whole). */
int kw_noun_phrase_opener(const kw_tokens *t, size_t i)
{
    static const kw_listed determiners[] = {
        KW_WORD("the"),  KW_WORD("an"),   KW_WORD("its"),   KW_WORD("their"), KW_WORD("his"), KW_WORD("her"),
        KW_WORD("this"), KW_WORD("these"), KW_WORD("those"), KW_WORD("our"),  KW_WORD("my"),  KW_WORD("your"),
        KW_WORD("every"), KW_WORD("each"), KW_WORD("no"),   KW_WORD("any"),   KW_WORD("some")};
    const char *s = t->surface.str[i];
    size_t len = t->surface.len[i];
    if (!s || !len)
        return 0;
    if (len == 1) /* kw_in_list compares two letters */
        return (s[0] | 0x20) == 'a';
    return (len <= 5 && kw_in_list(determiners, KW_LIST_SIZE(determiners), KW_OPENER_LETTERS, s, len, 1)) ||
           kw_preposition(t, i);
}

int kw_date_month(const kw_tokens *t, size_t i)
{
    /* Asked of every word: whether it is a month rules out most, before the token after it. */
    if (i + 1 >= t->stems.n || t->clauses[i + 1] || !t->surface.str[i] ||
        !kw_month(t->surface.str[i], t->surface.len[i]))
        return 0;
    return kw_figure(t, i + 1) || kw_number_word(t, i + 1);
}

/* What the classes of the word tables (KW_LEX_*) tell of a token.
 *
 * KW_LEX_VERB_FORM: a verb form that no noun phrase ends in (verbforms.h): "told", "bought",
 * "reflects", "intends". Like the regular past tenses of kw_past_tense, it ends a subject and
 * its verb ("Douglas told", "company intends"), which took 625 places in 614 of Reuters' top
 * tens.
 *
 * KW_LEX_VERB_THIRD: of those, a third person singular ("expects", "reflects"), where the
 * others are pasts and participles. Unlike a participle ("frozen blood", "underwritten
 * offering"), it modifies no noun: a phrase that holds one is a clause or a verb and its object
 * ("expects sales", "requires shareholder approval"), and alone it reports ("expects"), as
 * base forms do.
 *
 * KW_LEX_VERB_BASE: a verb in its base form that is nothing else (verbbases.h): "reduce",
 * "reflect", "ensure"; not "plan" or "open". A phrase that begins with or holds one is a verb
 * and its object ("reduce short-term debt") or a clause ("Results reflect gains"), and one that
 * ends in one a subject and its verb ("figures reflect"); alone, it is no keyphrase
 * (kw_cand.verb).
 *
 * KW_LEX_ADJECTIVE: a word that is only an adjective (adjectives.h): "economic",
 * "significant", "operating". A phrase ending in one has lost its noun ("chief operating" of
 * "chief operating officer", "Canadian economic") or is a verb with its object's modifier
 * ("achieve significant"), as noun phrases end in their noun.
 *
 * KW_LEX_ADVERB: a word that is only an adverb (adverbs.h): "immediately", "instead". No
 * keyphrase is one or holds one, as no noun phrase does: wire copy's "effective immediately",
 * "Airlines currently" and "previously" were in about one Reuters list in ten. */

/* The generated word tables (verbforms.h, verbbases.h, adjectives.h, adverbs.h, headlineverbs.h)
 * as one hash set of their words, each with the classes (KW_LEX_*) of the tables that hold it: a
 * token's surface is looked up once, where each table asked apart cost a hash and a probe for
 * every phrase the token ends. A fixed array, not a heap table, so that nothing is left to free
 * when the stage is unloaded; twice the words' number of slots keeps probes short (test_keywords
 * checks that every word fits). */
#define KW_LEXICON_SLOTS 65536
typedef struct kw_lexicon_table {
    const char *const *words;
    const size_t *count;
    unsigned char lex;
} kw_lexicon_table;
static const kw_lexicon_table kw_lexicon_tables[] = {
    {kw_verb_forms, &kw_verb_forms_count, KW_LEX_VERB_FORM},
    {kw_verb_bases, &kw_verb_bases_count, KW_LEX_VERB_BASE},
    {kw_adjectives, &kw_adjectives_count, KW_LEX_ADJECTIVE},
    {kw_adverbs, &kw_adverbs_count, KW_LEX_ADVERB},
    {kw_headline_verbs, &kw_headline_verbs_count, KW_LEX_HEADLINE_VERB},
    {kw_verbs_mostly, &kw_verbs_mostly_count, KW_LEX_VERB_MOSTLY},
};
static struct {
    const char *word[KW_LEXICON_SLOTS / 2];
    unsigned char len[KW_LEXICON_SLOTS / 2], lex[KW_LEXICON_SLOTS / 2];
    uint16_t slots[KW_LEXICON_SLOTS]; /* 1 + an index of word, or 0 */
    size_t n, dropped;
} kw_lexicon;
static pthread_once_t kw_lexicon_once = PTHREAD_ONCE_INIT;

/* The index of S (LEN bytes, lower case) in the lexicon, or -1; its slot, or the empty slot
 * where it would go, into *AT. */
static long kw_lexicon_find(const char *s, size_t len, size_t *at)
{
    const size_t mask = KW_LEXICON_SLOTS - 1;
    for (*at = intern_hash(s, len) & mask; kw_lexicon.slots[*at]; *at = (*at + 1) & mask) {
        size_t k = kw_lexicon.slots[*at] - 1u;
        if (kw_lexicon.len[k] == len && !memcmp(kw_lexicon.word[k], s, len))
            return (long)k;
    }
    return -1;
}

static void kw_lexicon_init(void)
{
    for (size_t t = 0; t < sizeof kw_lexicon_tables / sizeof *kw_lexicon_tables; t++) {
        const kw_lexicon_table *table = &kw_lexicon_tables[t];
        for (size_t i = 0; i < *table->count; i++) {
            const char *w = table->words[i];
            size_t len = strlen(w), at;
            long k = kw_lexicon_find(w, len, &at);
            if (k < 0 && (len > 255 || kw_lexicon.n == KW_LEXICON_SLOTS / 2)) {
                kw_lexicon.dropped++; /* kw_lexicon_dropped: test_keywords fails on it */
                continue;
            }
            if (k < 0) {
                k = (long)kw_lexicon.n++;
                kw_lexicon.word[k] = w;
                kw_lexicon.len[k] = (unsigned char)len;
                kw_lexicon.slots[at] = (uint16_t)(k + 1);
            }
            kw_lexicon.lex[k] |= table->lex;
            /* verbforms.h's words in "-s" are its third persons: it lists no irregular past so. */
            if (table->lex == KW_LEX_VERB_FORM && w[len - 1] == 's')
                kw_lexicon.lex[k] |= KW_LEX_VERB_THIRD;
        }
    }
}

size_t kw_lexicon_dropped(void)
{
    pthread_once(&kw_lexicon_once, kw_lexicon_init);
    return kw_lexicon.dropped;
}

/* The classes of surface form S (KW_LEX_*): what the tables say of it; START: it begins a
 * sentence.
 *
 * The verb and adjective tables are read only in lower case: "Told" begins a sentence or a
 * name, and a capitalised word may end one ("Royal Financial"). An adverb in "-ly" counts in
 * any case ("Sharply" of a headline in title case); another one only in lower case, or
 * capitalised as a sentence's first word, since names hold a few ("Dolce & Gabbana"). The
 * words are ASCII letters: "re-elected" and "café" are in no table. */
unsigned kw_lexical(const char *s, size_t len, int start)
{
    if (!s || len < 3 || len > 24)
        return 0;
    char lower[24];
    int ly = (s[len - 2] | 0x20) == 'l' && (s[len - 1] | 0x20) == 'y';
    int capitals = 0;
    for (size_t k = 0; k < len; k++) {
        unsigned char c = (unsigned char)s[k];
        if (!kw_is_letter(c))
            return 0;
        if (kw_is_upper(c)) {
            if (!ly && (k > 0 || !start))
                return 0; /* of no class: capitalised, and no adverb (most names) */
            capitals = 1;
        }
        lower[k] = (char)(c | 0x20);
    }
    pthread_once(&kw_lexicon_once, kw_lexicon_init);
    size_t at;
    long k = kw_lexicon_find(lower, len, &at);
    if (k < 0)
        return 0;
    return capitals ? kw_lexicon.lex[k] & KW_LEX_ADVERB : kw_lexicon.lex[k];
}

size_t kw_ascii_lower(char *out, size_t cap, const char *s, size_t len)
{
    if (!s || len > cap)
        return 0;
    for (size_t k = 0; k < len; k++)
        out[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] - 'A' + 'a' : s[k]);
    return len;
}

int kw_after_to_or_modal(const kw_tokens *t, size_t i)
{
    static const kw_listed modals[] = {KW_WORD("will"),  KW_WORD("would"), KW_WORD("can"),
                                       KW_WORD("could"), KW_WORD("must"),  KW_WORD("shall"),
                                       KW_WORD("should"), KW_WORD("might")};
    const uint32_t letters = KW_LETTER('w') | KW_LETTER('c') | KW_LETTER('m') | KW_LETTER('s');
    if (i == 0 || t->clauses[i] || t->starts[i] || !t->surface.str[i - 1] || t->surface.len[i - 1] < 2)
        return KW_AFTER_NONE;
    const char *before = t->surface.str[i - 1];
    size_t len = t->surface.len[i - 1];
    if (len == 2 && (before[0] | 0x20) == 't' && (before[1] | 0x20) == 'o')
        return KW_AFTER_TO;
    return kw_in_list(modals, KW_LIST_SIZE(modals), letters, before, len, 1) ? KW_AFTER_MODAL : KW_AFTER_NONE;
}

int kw_after_infinitive_to(const kw_tokens *t, size_t i)
{
    /* Words that "to" and a verb follow, and seldom "to" and a noun: not "due", "subject",
     * "according", "offer" ("an offer to shareholders"), "proposed", "declined" ("declined to
     * record lows") nor the forms of "be" ("sales were to distributors"). */
    static const kw_listed before[] = {
        KW_WORD("expect"), KW_WORD("expects"), KW_WORD("expected"), KW_WORD("expecting"), KW_WORD("plan"),
        KW_WORD("plans"), KW_WORD("planned"), KW_WORD("planning"), KW_WORD("decide"), KW_WORD("decides"),
        KW_WORD("decided"), KW_WORD("decision"), KW_WORD("agree"), KW_WORD("agrees"), KW_WORD("agreed"),
        KW_WORD("able"), KW_WORD("unable"), KW_WORD("ability"), KW_WORD("continue"), KW_WORD("continues"),
        KW_WORD("continued"), KW_WORD("continuing"), KW_WORD("intend"), KW_WORD("intends"), KW_WORD("intended"),
        KW_WORD("intention"), KW_WORD("used"), KW_WORD("want"), KW_WORD("wants"), KW_WORD("wanted"),
        KW_WORD("seek"), KW_WORD("seeks"), KW_WORD("seeking"), KW_WORD("sought"), KW_WORD("hope"),
        KW_WORD("hopes"), KW_WORD("hoped"), KW_WORD("need"), KW_WORD("needs"), KW_WORD("needed"),
        KW_WORD("likely"), KW_WORD("unlikely"), KW_WORD("enough"), KW_WORD("ready"), KW_WORD("try"),
        KW_WORD("tries"), KW_WORD("tried"), KW_WORD("trying"), KW_WORD("attempt"), KW_WORD("attempts"),
        KW_WORD("attempted"), KW_WORD("aim"), KW_WORD("aims"), KW_WORD("aimed"), KW_WORD("fail"),
        KW_WORD("fails"), KW_WORD("failed"), KW_WORD("refuse"), KW_WORD("refuses"), KW_WORD("refused"),
        KW_WORD("voted"), KW_WORD("chose"), KW_WORD("choose"), KW_WORD("willing"), KW_WORD("unwilling"),
        KW_WORD("prepared"), KW_WORD("preparing"), KW_WORD("began"), KW_WORD("begin"), KW_WORD("begins"),
        KW_WORD("started"), KW_WORD("help"), KW_WORD("helps"), KW_WORD("helped"), KW_WORD("allowed"),
        KW_WORD("required"), KW_WORD("authorized"), KW_WORD("asked"), KW_WORD("urged"), KW_WORD("forced"),
        KW_WORD("designed"), KW_WORD("scheduled"), KW_WORD("pledged"), KW_WORD("promised"), KW_WORD("vowed"),
        KW_WORD("threatened"), KW_WORD("managed"), KW_WORD("appeared"), KW_WORD("seemed"), KW_WORD("going"),
        KW_WORD("efforts"), KW_WORD("effort"), KW_WORD("has"), KW_WORD("have"), KW_WORD("had")};
    const uint32_t letters = KW_LETTER('e') | KW_LETTER('p') | KW_LETTER('d') | KW_LETTER('a') | KW_LETTER('u') |
                             KW_LETTER('c') | KW_LETTER('i') | KW_LETTER('w') | KW_LETTER('s') | KW_LETTER('h') |
                             KW_LETTER('n') | KW_LETTER('l') | KW_LETTER('r') | KW_LETTER('t') | KW_LETTER('f') |
                             KW_LETTER('v') | KW_LETTER('b') | KW_LETTER('g') | KW_LETTER('m');
    return i >= 2 && !t->clauses[i - 1] && !t->starts[i - 1] &&
           kw_token_listed(t, i - 2, before, KW_LIST_SIZE(before), letters, 3, 10);
}

int kw_after_preposition_to(const kw_tokens *t, size_t i)
{
    /* "according to", "due to", "in addition to": compound prepositions, and the adjectives
     * and nouns that "to" and a noun phrase follow ("exposure to", "access to"). */
    static const kw_listed before[] = {
        KW_WORD("according"), KW_WORD("due"),       KW_WORD("subject"),  KW_WORD("prior"),
        KW_WORD("addition"),  KW_WORD("owing"),     KW_WORD("thanks"),   KW_WORD("related"),
        KW_WORD("relating"),  KW_WORD("compared"),  KW_WORD("relative"), KW_WORD("close"),
        KW_WORD("next"),      KW_WORD("similar"),   KW_WORD("contrary"), KW_WORD("pursuant"),
        KW_WORD("response"),  KW_WORD("regard"),    KW_WORD("respect"),  KW_WORD("exposure"),
        KW_WORD("access"),    KW_WORD("attributable"), KW_WORD("applicable"), KW_WORD("equal")};
    const uint32_t letters = KW_LETTER('a') | KW_LETTER('d') | KW_LETTER('s') | KW_LETTER('p') | KW_LETTER('o') |
                             KW_LETTER('t') | KW_LETTER('r') | KW_LETTER('c') | KW_LETTER('n') | KW_LETTER('e');
    return i >= 2 && kw_token_listed(t, i - 2, before, KW_LIST_SIZE(before), letters, 3, 12);
}

int kw_after_be(const kw_tokens *t, size_t i)
{
    static const kw_listed be[] = {KW_WORD("is"), KW_WORD("are"), KW_WORD("was"),
                                   KW_WORD("were"), KW_WORD("be"), KW_WORD("been")};
    const uint32_t letters = KW_LETTER('i') | KW_LETTER('a') | KW_LETTER('w') | KW_LETTER('b');
    if (i == 0 || t->clauses[i] || t->starts[i])
        return 0;
    size_t j = i - 1;
    /* One word may stand between: "is not selling", "are also seeking", "was currently
     * studying". */
    if (j > 0 && !t->clauses[j] && !t->starts[j] && t->surface.str[j] &&
        ((t->surface.len[j] == 3 && !memcmp(t->surface.str[j], "not", 3)) || kw_token_is(t, j, KW_LEX_ADVERB)))
        j--;
    return t->surface.str[j] && t->surface.len[j] >= 2 &&
           kw_in_list(be, KW_LIST_SIZE(be), letters, t->surface.str[j], t->surface.len[j], 1);
}

int kw_before_object_pronoun(const kw_tokens *t, size_t i)
{
    size_t j = i + 1;
    return j < t->stems.n && !t->clauses[j] && !t->starts[j] && t->surface.str[j] &&
           kw_object_pronoun(t->surface.str[j], t->surface.len[j]);
}

int kw_progressive_listed(const char *ing, size_t len)
{
    if (len < 5 || len > 24 || memcmp(ing + len - 3, "ing", 3))
        return 0;
    char base[25];
    size_t stem = len - 3;
    memcpy(base, ing, stem);
    if (kw_third_person_listed(base, stem)) /* "seeking": "seek" */
        return 1;
    base[stem] = 'e'; /* "issuing": "issue" */
    if (kw_third_person_listed(base, stem + 1))
        return 1;
    /* "cutting": "cut" */
    return stem > 2 && base[stem - 1] == base[stem - 2] && kw_third_person_listed(base, stem - 1);
}

int kw_third_person_listed(const char *base, size_t len)
{
    char form[27];
    if (len < 2 || len > 24)
        return 0;
    memcpy(form, base, len);
    char last = base[len - 1], before = base[len - 2];
    size_t n;
    if (last == 'y' && !strchr("aeiou", before)) { /* "carry": "carries" */
        memcpy(form + len - 1, "ies", 3);
        n = len + 2;
    } else if (strchr("sxzo", last) || (last == 'h' && (before == 'c' || before == 's'))) {
        memcpy(form + len, "es", 2); /* "issue" is "issues"; "push", "pushes" */
        n = len + 2;
    } else {
        form[len] = 's';
        n = len + 1;
    }
    return (kw_lexical(form, n, 0) & (KW_LEX_VERB_THIRD | KW_LEX_HEADLINE_VERB)) != 0;
}

/* Whether surface form S is "rose", "fell" or "led", in lower case: the pasts that report a
 * figure ("car sales fell 5.1 pct", "load factor rose to"), which gave "sales fell", "miles
 * rose" and "rose" alone to hundreds of Reuters' lists, and the past of an offering's managers
 * ("underwriters led by", in 26). WordNet knows them as nouns too, so verbforms.h leaves them
 * out; in lower case news means the verb. Capitalised, "Rose" is a name. */
int kw_news_verb(const char *s, size_t len)
{
    return (len == 4 && (!memcmp(s, "rose", 4) || !memcmp(s, "fell", 4))) || (len == 3 && !memcmp(s, "led", 3));
}

/* Whether token I of T says how a thing is or what was done rather than what it is: a word that
 * is only an adjective ("robust", "respective"), or a verb form that is no noun ("ensure",
 * "discussed", "reflects"). Such a word alone is a keyphrase only where the corpus shows it
 * rare ("radioactive", "arrested"), which a few documents cannot (kw_cand.describing); a base
 * form or a third person never is (kw_cand.verb). */
int kw_describing(const kw_tokens *t, size_t i)
{
    return kw_token_is(t, i, KW_LEX_ADJECTIVE | KW_LEX_VERB_BASE | KW_LEX_VERB_FORM) ||
           (t->surface.str[i] && kw_past_tense(t->surface.str[i], t->surface.len[i]));
}

/* Whether token I of T is a function word that also ends names (KW_FUNCTION_NAME_END), by its
 * written form or its stem ("May's" stems as "may"). */
static int kw_name_end_word(const kw_tokens *t, size_t i)
{
    unsigned id = t->surface.str[i] ? kw_function_word_id(t->surface.str[i], t->surface.len[i]) : 0;
    if (!id && t->stems.str[i])
        id = kw_function_word_id(t->stems.str[i], t->stems.len[i]);
    return id && kw_function_words[id - 1].kind == KW_FUNCTION_NAME_END;
}

/* Whether token I of T, a function word that also ends names (KW_FUNCTION_NAME_END), ends one
 * here: written capitalised and the rest in lower case, inside its sentence and clause, right
 * after a capitalised word of a phrase that is no month, and before no capitalised word unless
 * it is a possessive ("Prime Minister Theresa May said", "Dan Rather", "USA Today", "Theresa
 * May's Conservative Party"). A headline in title case writes the modal so too, but goes on in
 * capitals ("Trump May Face Fine"); "In May" follows a stop word, "April May shipment" a month,
 * and "in the U.S. May ask" may begin a sentence after an abbreviation. If MONTHS, a month
 * ("May") must not follow a sentence's first word either ("During May", "Spot May tumbled"),
 * unless the story confirms the name elsewhere (kw_name_ends_confirm). Asked in token order,
 * after the token before (kw_tokens.wordlike). */
static int kw_name_end(const kw_tokens *t, size_t i, int months)
{
    const char *s = t->surface.str[i];
    size_t len = t->surface.len[i];
    const char *before = t->surface.str[i - (i > 0)]; /* the token before, when I > 0 */
    size_t before_len = t->surface.len[i - (i > 0)];
    if (!s || !len || i == 0 || t->starts[i] || t->clauses[i] || !t->wordlike[i - 1] || !kw_capitalised(t, i - 1) ||
        kw_month(before, before_len) || before[before_len - 1] == '.' || !kw_is_upper((unsigned char)s[0]) ||
        (months && t->starts[i - 1] && kw_month(s, len)))
        return 0;
    for (size_t k = 1; k < len; k++)
        if (kw_is_upper((unsigned char)s[k]))
            return 0;
    if (i + 1 < t->stems.n && !t->clauses[i + 1] && kw_capitalised(t, i + 1) && kw_without_possessive(s, len) == len)
        return 0;
    return kw_name_end_word(t, i);
}

/* Whether token I of T is a lawmaker's party and state after the name, past a comma or in
 * brackets: "Dick Durbin, D-Ill.", "Charles Grassley (R-Iowa)", the "D-N" of "D-N.Y.". It names
 * no topic: kpcrowd's stories of American politics had up to ten of them ("R-Mich", "D-N",
 * "R-S") in their lists of 100. */
static int kw_party_tag(const kw_tokens *t, size_t i)
{
    const char *s = t->surface.str[i];
    return s && t->surface.len[i] >= 3 && (s[0] == 'D' || s[0] == 'R' || s[0] == 'I') && s[1] == '-' &&
           kw_is_upper((unsigned char)s[2]) && i > 0 && t->clauses[i] && !t->starts[i] && kw_capitalised(t, i - 1);
}

/* Whether stem I of T is STEM (LEN bytes). */
static int kw_stem_is(const kw_tokens *t, size_t i, const char *stem, size_t len)
{
    return t->stems.str[i] && t->stems.len[i] == len && !memcmp(t->stems.str[i], stem, len);
}

/* How many tokens from token I of T, in one clause, are "full name" or "full company name" (or
 * "corporate", "legal"): 2 or 3, or 0 if none begins there. */
static size_t kw_full_name_at(const kw_tokens *t, size_t i)
{
    size_t n = t->stems.n, k = i + 1;
    if (!kw_stem_is(t, i, "full", 4))
        return 0;
    if (k < n && !t->clauses[k] && !t->starts[k] &&
        (kw_stem_is(t, k, "compani", 7) || kw_stem_is(t, k, "corpor", 6) || kw_stem_is(t, k, "legal", 5)))
        k++;
    return k < n && !t->clauses[k] && !t->starts[k] && kw_stem_is(t, k, "name", 4) ? k - i + 1 : 0;
}

int kw_full_name_word(const kw_tokens *t, size_t i)
{
    /* Asked of every word: a "full" up to two tokens back, told by its length and first letter,
     * rules out nearly all before any comparison. */
    for (size_t back = 0; back < 3 && back <= i; back++) {
        size_t j = i - back;
        if (t->stems.len[j] == 4 && t->stems.str[j] && t->stems.str[j][0] == 'f' && kw_full_name_at(t, j) > back)
            return 1;
    }
    return 0;
}

/* Whether token I of T is a word of kw_function_words of the kind KW_FUNCTION_LOWER, as the
 * kind says: written in lower case, or capitalised as its sentence's first word, and with a
 * possessive or not ("the other's drug"). */
static int kw_minor_word(const kw_tokens *t, size_t i)
{
    const char *s = t->surface.str[i];
    size_t len = s ? kw_without_possessive(s, t->surface.len[i]) : 0;
    if (len < 2 || !kw_lower_or_first(t, i, len))
        return 0;
    unsigned id = kw_function_word_id(s, len);
    return id && kw_function_words[id - 1].kind == KW_FUNCTION_LOWER;
}

/* Whether token I can be part of a phrase: a string, not a stop word, not a bare number,
 * quantity or punctuation (it has a letter, or any byte beyond ASCII), nor a number in words
 * in lower case, which counts as a figure does ("loss two" of "Shr loss two cts", "one ct"),
 * nor the month of a date (kw_date_month), nor an adverb (KW_LEX_ADVERB), nor a lawmaker's
 * party and state (kw_party_tag), nor a word of "full name" (kw_full_name_word), nor a word
 * that governs what follows it as a preposition does (kw_governs_next), nor the time such a
 * word governs ("last week"); a function word only where it ends a name (kw_name_end, with
 * MONTHS). Asked in token order, after the token before (kw_tokens.wordlike). */
static int kw_wordlike_as(const kw_tokens *t, size_t i, int months)
{
    const char *s = t->stems.str[i];
    if (!s || t->stop[i] || !t->stems.len[i] || kw_quantity_at(t, i))
        return 0;
    if ((kw_function_word(s, t->stems.len[i], 1) ||
         (t->surface.str[i] && kw_function_word(t->surface.str[i], t->surface.len[i], 0))) &&
        !kw_name_end(t, i, months))
        return 0;
    /* "Ms" before a name is a title; "MS" (multiple sclerosis) is a keyword. */
    if (t->surface.str[i] && t->surface.len[i] == 2 && !memcmp(t->surface.str[i], "Ms", 2))
        return 0;
    if (t->surface.str[i] && !kw_is_upper((unsigned char)t->surface.str[i][0]) && kw_number_word(t, i))
        return 0;
    if (kw_token_is(t, i, KW_LEX_ADVERB) || (t->surface.str[i] && kw_news_verb(t->surface.str[i], t->surface.len[i])) ||
        kw_party_tag(t, i) || kw_full_name_word(t, i) || kw_minor_word(t, i) || kw_governs_next(t, i) ||
        (i > 0 && !t->wordlike[i - 1] && kw_governs_next(t, i - 1) && kw_time_word(t, i)))
        return 0;
    return letters_any(s, t->stems.len[i]) && !kw_date_month(t, i);
}

int kw_wordlike(const kw_tokens *t, size_t i)
{
    return kw_wordlike_as(t, i, 1);
}

/* Whether tokens I and J of T (each after another) write the same name's end: the same word
 * before them, and the same stem ("Theresa May" and "Theresa May's"). */
static int kw_same_name_end(const kw_tokens *t, size_t i, size_t j)
{
    return t->surface.len[i - 1] == t->surface.len[j - 1] &&
           !memcmp(t->surface.str[i - 1], t->surface.str[j - 1], t->surface.len[i - 1]) &&
           t->stems.len[i] == t->stems.len[j] && !memcmp(t->stems.str[i], t->stems.str[j], t->stems.len[i]);
}

/* Whether token I of T is a month written capitalised that also ends names ("May"). */
static int kw_month_name_end(const kw_tokens *t, size_t i)
{
    return kw_capitalised(t, i) && kw_month(t->stems.str[i], t->stems.len[i]) && kw_name_end_word(t, i);
}

void kw_name_ends_confirm(kw_tokens *t)
{
    enum { KW_NAMES_CONFIRMED = 16 }; /* distinct names kept: a bound on the work (each token asks
                                       * them all), far over what a story has */
    size_t confirmed[KW_NAMES_CONFIRMED], names = 0, n = t->stems.n;
    int left = 0;
    for (size_t i = 1; i < n; i++) {
        if (!kw_month_name_end(t, i))
            continue;
        left |= !t->wordlike[i] && t->starts[i - 1];
        if (!t->wordlike[i])
            continue;
        size_t k = 0;
        while (k < names && !kw_same_name_end(t, i, confirmed[k]))
            k++;
        if (k == names && names < KW_NAMES_CONFIRMED)
            confirmed[names++] = i;
    }
    /* The token after one marked keeps its answer: it would differ only for a second name-end
     * word in a row ("May Just"), which no name has. */
    for (size_t i = 1; names && left && i < n; i++) {
        if (t->wordlike[i] || !t->starts[i - 1] || !kw_month_name_end(t, i) || !kw_wordlike_as(t, i, 0))
            continue;
        for (size_t k = 0; k < names; k++)
            if (kw_same_name_end(t, i, confirmed[k])) {
                t->wordlike[i] = 1;
                break;
            }
    }
}

/* Whether surface form S is a compound with a hyphen inside, in lower case ("five-time",
 * "floral-print", "3-for-2") or capitalised and ending in a word of lower case ("Chicago-based",
 * "Year-ago"): English hyphenates such compounds before a noun. Ratings and codes ("BB-plus",
 * "A-1-plus", "Baa-1") are as often nouns as not, and do not count. */
int kw_modifier_compound(const char *s, size_t len)
{
    if (len < 3 || !memchr(s + 1, '-', len - 2)) /* asked of every token: most have none */
        return 0;
    for (size_t k = 1; k < len; k++)
        if (kw_is_upper((unsigned char)s[k]))
            return 0;
    if (!kw_is_upper((unsigned char)s[0]))
        return 1;
    const char *last = s + len;
    while (last[-1] != '-')
        last--;
    return (unsigned)(s[1] - 'a') < 26u && last < s + len && (unsigned)(*last - 'a') < 26u;
}

/* Whether surface form S reads as a verb's past tense or participle: a word of five letters or
 * more, in lower case, ending in "-ed" but not "-eed" ("declared", "intervened"; not "speed").
 * A phrase ending in one is a subject and its verb ("board declared", "Japan intervened",
 * "Period ended"), not a noun phrase: noun phrases end in their noun. */
int kw_past_tense(const char *s, size_t len)
{
    return len > 4 && s[len - 1] == 'd' && s[len - 2] == 'e' && s[len - 3] != 'e' &&
           (unsigned)(s[0] - 'a') < 26u;
}

/* Whether S is a particle that names write in lower case ("Joran van der Sloot", "Leonardo da
 * Vinci"): before a capitalised word it continues a name rather than cutting one. Asked of
 * every token, so most are settled by their length and first letter. */
int kw_name_particle(const char *s, size_t len)
{
    static const kw_listed particles[] = {KW_WORD("van"), KW_WORD("von"), KW_WORD("der"), KW_WORD("den"), KW_WORD("de"),
                     KW_WORD("da"),  KW_WORD("del"), KW_WORD("della"), KW_WORD("di"), KW_WORD("du"),
                     KW_WORD("la"),  KW_WORD("le"),  KW_WORD("bin"), KW_WORD("ibn"), KW_WORD("al"),
                     KW_WORD("el"),  KW_WORD("es")};
    const uint32_t letters = KW_LETTER('v') | KW_LETTER('d') | KW_LETTER('l') | KW_LETTER('b') | KW_LETTER('i') |
                             KW_LETTER('a') | KW_LETTER('e');
    return len >= 2 && len <= 5 && kw_in_list(particles, KW_LIST_SIZE(particles), letters, s, len, 0);
}

/* Whether S is a name's particle that is no English word, as "van", "bin" and "den" are: in
 * English text it is part of a name or of a foreign phrase ("Banco de los Trabajadores"), and
 * never ends a keyphrase. */
int kw_foreign_particle(const char *s, size_t len)
{
    int english = len == 3 && (!memcmp(s, "van", 3) || !memcmp(s, "bin", 3) || !memcmp(s, "den", 3));
    return !english && kw_name_particle(s, len);
}

/* Case features of surface form S: capitalised; all capitals (2+ letters, an acronym); a code
 * (an acronym, or letters and digits: "5G", "G20"). */
void kw_case(const char *s, size_t len, int *capital, int *acronym, int *code)
{
    *capital = len && kw_is_upper((unsigned char)s[0]);
    size_t letters = 0, upper = 0, digits = 0;
    for (size_t k = 0; k < len; k++) {
        unsigned char c = (unsigned char)s[k];
        if (kw_is_letter(c)) {
            letters++;
            upper += kw_is_upper(c);
        }
        digits += (unsigned)(c - '0') < 10u;
    }
    *acronym = letters >= 2 && upper == letters;
    *code = *acronym || (letters && digits);
}

/* The length of the surface S without an English possessive ending ("'s", "’s"): the phrase
 * "Japan" is shown so, not as "Japan's", however often a story wrote the latter. */
size_t kw_without_possessive(const char *s, size_t len)
{
    if (len > 2 && s[len - 2] == '\'' && (s[len - 1] | 0x20) == 's')
        return len - 2;
    if (len > 4 && !memcmp(s + len - 4, "\xE2\x80\x99", 3) && (s[len - 1] | 0x20) == 's')
        return len - 4;
    return len;
}

/* Whether token I of T begins with a capital letter. */
int kw_capitalised(const kw_tokens *t, size_t i)
{
    return t->surface.str[i] && t->surface.len[i] && kw_is_upper((unsigned char)t->surface.str[i][0]);
}
