/* wire.c: wire-copy furniture inside the story's own lines: a byline run into the first
 * paragraph, the agency's contact trailer at the end, and a sign-off on the last line. */
#include "clean.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int wire_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

static int wire_lower(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}

/* The length of the dash at S ("-", "--", an en or em dash), or 0. */
static size_t wire_dash(const char *s, size_t len)
{
    if (len >= 2 && s[0] == '-' && s[1] == '-')
        return 2;
    if (len >= 1 && s[0] == '-')
        return 1;
    if (len >= 3 && !memcmp(s, "\xE2\x80", 2) && ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
        return 3;
    return 0;
}

/* The end of the word at I: a space, a parenthesis or an en or em dash ends it ("ROME—The"). */
static size_t wire_word_end(const char *s, size_t len, size_t i)
{
    while (i < len && s[i] != ' ' && s[i] != '(' && !(wire_dash(s + i, len - i) == 3))
        i++;
    return i;
}

static size_t wire_skip_spaces(const char *s, size_t len, size_t i)
{
    while (i < len && s[i] == ' ')
        i++;
    return i;
}

/* A word of a name as bylines write it: "Jane", "O'Neil", an initial "J."; a comma may end it. */
static int wire_name_word(const char *w, size_t n)
{
    if (n && w[n - 1] == ',')
        n--;
    if (n == 0 || !wire_upper((unsigned char)w[0]))
        return 0;
    if (n == 2 && w[1] == '.')
        return 1;
    int lower = 0;
    for (size_t i = 1; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (wire_lower(c))
            lower = 1;
        else if (!wire_upper(c) && c != '\'' && c != '-')
            return 0;
    }
    return lower;
}

/* A word in capitals, as datelines write places ("NEW", "YORK,", "D.C."): two letters at least. */
static int wire_caps_word(const char *w, size_t n)
{
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (wire_upper(c))
            letters++;
        else if (c != '.' && c != ',' && c != '\'' && c != '-')
            return 0;
    }
    return letters >= 2;
}

/* Whether a dateline ends at I after the place: an agency in parentheses may come first, then a
 * dash ("NEW YORK (Reuters) - ", "ROME—"). */
static int wire_dateline_end(const char *s, size_t len, size_t i)
{
    i = wire_skip_spaces(s, len, i);
    if (i < len && s[i] == '(') {
        const char *close = memchr(s + i, ')', len - i < 60 ? len - i : 60);
        if (!close)
            return 0;
        i = wire_skip_spaces(s, len, (size_t)(close - s) + 1);
    }
    return wire_dash(s + i, len - i) > 0;
}

/* Whether a dateline starts at I: a place of up to four words in capitals, then its end. */
static int wire_dateline_at(const char *s, size_t len, size_t i)
{
    for (int words = 0; words < 4 && i < len; words++) {
        size_t end = wire_word_end(s, len, i);
        if (!wire_caps_word(s + i, end - i))
            return 0;
        if (wire_dateline_end(s, len, end))
            return 1;
        i = wire_skip_spaces(s, len, end);
    }
    return 0;
}

/* The first line with text that is kept, or doc->n. */
static size_t wire_first_kept(const clean_doc *doc)
{
    size_t i = 0;
    while (i < doc->n && (doc->lines[i].blank || doc->lines[i].drop))
        i++;
    return i;
}

/* The last line with text that is kept above line END, or SIZE_MAX. */
static size_t wire_last_kept(const clean_doc *doc, size_t end)
{
    while (end-- > 0)
        if (!doc->lines[end].blank && !doc->lines[end].drop)
            return end;
    return SIZE_MAX;
}

/* How many bytes of S are a byline run into the paragraph, up to the dateline it precedes:
 * "By Jane Roe and John Doe NEW YORK (Reuters) - ...", "BY JANE ROE ROME—...". 0 if none. A
 * byline written in capitals is taken to be two words long, as nothing tells it from the
 * place that follows. Without a dateline after it nothing is cut ("By Jane Roe of Nature ..."
 * could run straight into the story). */
static size_t wire_byline_length(const char *s, size_t len)
{
    if (len < 4 || s[0] != 'B' || (s[1] != 'y' && s[1] != 'Y') || s[2] != ' ')
        return 0;
    size_t i = 3, place = 0;
    int names = 0;
    while (i < len && names < 6) {
        size_t end = wire_word_end(s, len, i);
        if (names && end - i == 3 && !memcmp(s + i, "and", 3)) {
            i = wire_skip_spaces(s, len, end);
            continue;
        }
        if (!wire_name_word(s + i, end - i))
            break;
        names++;
        i = place = wire_skip_spaces(s, len, end);
    }
    if (names >= 2)
        return wire_dateline_at(s, len, place) ? place : 0;
    if (names)
        return 0;
    /* In capitals: two words of name, then the place. */
    for (int k = 0; k < 2; k++) {
        size_t end = wire_word_end(s, len, i);
        if (!wire_caps_word(s + i, end - i))
            return 0;
        i = wire_skip_spaces(s, len, end);
    }
    return wire_dateline_at(s, len, i) ? i : 0;
}

/* The byline at the start of the body's first line goes; the dateline stays. */
static void wire_byline(clean_doc *doc)
{
    size_t i = wire_first_kept(doc);
    if (i == doc->n)
        return;
    const char *s = doc_line(doc, i);
    size_t cut = wire_byline_length(s, doc->lines[i].len);
    if (cut) {
        doc_explain(doc, "byline", s, cut - (s[cut - 1] == ' '));
        doc_keep_span(doc, i, cut, doc->lines[i].len);
    }
}

/* Where an agency's contact trailer begins in S ("To contact the reporter on this story: Jane
 * Roe in Paris at jroe@example.net", "To contact the editor responsible for this story: ..."),
 * or LEN if there is none: the phrase, "this story" soon after it, and an address after that. */
static size_t wire_contact_start(const char *s, size_t len)
{
    static const char phrase[] = "To contact the ";
    const size_t plen = sizeof phrase - 1;
    const char *last_at = memrchr(s, '@', len); /* found once: a line of phrases stays linear */
    if (!last_at)
        return len;
    for (const char *p = s; (p = memmem(p, len - (size_t)(p - s), phrase, plen)) != NULL; p++) {
        const char *who = p + plen;
        size_t left = len - (size_t)(who - s);
        if (!(left >= 6 && !memcmp(who, "editor", 6)) && !(left >= 8 && !memcmp(who, "reporter", 8)) &&
            !(left >= 6 && !memcmp(who, "writer", 6)))
            continue;
        const char *story = memmem(who, left < 60 ? left : 60, "this story", 10);
        if (story && story < last_at)
            return (size_t)(p - s);
    }
    return len;
}

/* Where a list of editors ends S ("... Editors: Jane Roe, John Doe", "Editor: J Roe"), with the
 * dash before it if any, or LEN. */
static size_t wire_editors_start(const char *s, size_t len)
{
    const char *p = NULL;
    for (const char *q = s; (q = memmem(q, len - (size_t)(q - s), "Editor", 6)) != NULL; q++)
        p = q;
    if (!p)
        return len;
    size_t i = (size_t)(p - s) + 6;
    if (i < len && s[i] == 's')
        i++;
    if (i >= len || s[i] != ':')
        return len;
    int words = 0;
    for (i = wire_skip_spaces(s, len, i + 1); i < len; i = wire_skip_spaces(s, len, i)) {
        size_t end = wire_word_end(s, len, i);
        /* Names, initials without a dot ("B Kunto Wibisono") included. */
        if (++words > 12 || !(wire_name_word(s + i, end - i) || (end - i == 1 && wire_upper((unsigned char)s[i]))))
            return len;
        i = end;
    }
    if (!words)
        return len;
    size_t start = (size_t)(p - s);
    while (start && (s[start - 1] == ' ' || s[start - 1] == '-'))
        start--;
    return start;
}

/* Contact trailers at the end of the story go, and the list of editors before them: whole
 * lines, then the end of the last line. */
static void wire_contacts(clean_doc *doc)
{
    for (size_t i = wire_last_kept(doc, doc->n); i != SIZE_MAX; i = wire_last_kept(doc, i)) {
        clean_line *l = &doc->lines[i];
        const char *s = doc_line(doc, i);
        size_t start = wire_contact_start(s, l->len);
        start = wire_editors_start(s, start);
        if (start == l->len)
            return;
        size_t shown = start;
        while (shown < l->len && (s[shown] == ' ' || s[shown] == '-'))
            shown++;
        doc_explain(doc, "contact", s + shown, l->len - shown);
        if (start == 0) {
            l->drop = 1;
            l->rule = "contact";
            continue;
        }
        while (start && s[start - 1] == ' ')
            start--;
        doc_keep_span(doc, i, 0, start);
        return;
    }
}

enum { WIRE_NOTE_MAX = 400 }; /* the longest editor's note, in bytes */

/* How editors' notes open ("(Updates with comments in second paragraph.)", "(Corrects spelling
 * of name)"): the verbs wire desks use. */
static const char *const wire_note_verbs[] = {"Updates ", "Corrects ", "Adds ", "Recasts ", "Repeats ",
                                              "Refiles ", "Rewrites ", "Clarifies ", NULL};
/* How an agency's credits open ("Reporting by Jane Roe; Editing by John Doe"), in a parenthesis
 * at the story's end or on a line of their own. */
static const char *const wire_credit_openings[] = {"Reporting by ", "Additional reporting by ", "Writing by ",
                                                   "Editing by ", "Compiled by ", "Reporting and writing by ",
                                                   NULL};

/* Whether S (LEN bytes) begins with one of OPENINGS (NULL-terminated), and more after it. */
static int wire_opens(const char *const *openings, const char *s, size_t len)
{
    for (; *openings; openings++) {
        size_t n = strlen(*openings);
        if (len > n && !memcmp(s, *openings, n))
            return 1;
    }
    return 0;
}

/* The length of an editor's note or of the agency's credits ("(Reporting by Jane Roe; Editing by
 * John Doe)") at S, with the spaces after it, or 0: a parenthesis that opens as one of them does
 * and closes on the same line. *RULE names which. */
static size_t wire_note_length(const char *s, size_t len, const char **rule)
{
    if (len < 2 || s[0] != '(')
        return 0;
    *rule = wire_opens(wire_credit_openings, s + 1, len - 1) ? "credits"
            : wire_opens(wire_note_verbs, s + 1, len - 1)    ? "editors-note"
                                                              : NULL;
    if (!*rule)
        return 0;
    /* Notes are short: a bounded search keeps a line of unclosed ones linear. */
    const char *close = memchr(s, ')', len < WIRE_NOTE_MAX ? len : WIRE_NOTE_MAX);
    if (!close)
        return 0;
    size_t end = (size_t)(close - s) + 1;
    if (end < len && s[end] == '.')
        end++;
    return wire_skip_spaces(s, len, end);
}

/* Line S (LEN bytes) of DOC without its editors' notes and credits, from its start or after the
 * end of a sentence, into KEPT (trailing spaces dropped); each explained in DOC if EXPLAIN. The
 * rule of the last one removed, or NULL if none was. */
static const char *wire_strip_notes(clean_doc *doc, const char *s, size_t len, quarry_buf *kept, int explain)
{
    const char *removed = NULL;
    size_t from = 0;
    kept->len = 0;
    for (size_t j = 0; j < len; j++) {
        if (s[j] != '(')
            continue;
        size_t before = j;
        while (before > from && s[before - 1] == ' ')
            before--;
        if (before && !strchr(".!?\"", s[before - 1]))
            continue;
        const char *rule;
        size_t note = wire_note_length(s + j, len - j, &rule);
        if (!note)
            continue;
        size_t shown = note;
        while (s[j + shown - 1] == ' ')
            shown--;
        if (explain)
            doc_explain(doc, rule, s + j, shown);
        quarry_buf_append(kept, s + from, j - from);
        from = j + note;
        j = from - 1;
        removed = rule;
    }
    quarry_buf_append(kept, s + from, len - from);
    while (kept->len && kept->data[kept->len - 1] == ' ')
        kept->len--;
    return removed;
}

/* Editors' notes and credits go from the start of a line, or after the end of a sentence. A
 * line of nothing else goes whole, explained once as a dropped line is. */
static void wire_notes(clean_doc *doc)
{
    quarry_buf kept = {0};
    for (size_t i = 0; i < doc->n; i++) {
        clean_line *l = &doc->lines[i];
        if (l->blank || l->drop || !memchr(doc_line(doc, i), '(', l->len))
            continue;
        const char *rule = wire_strip_notes(doc, doc_line(doc, i), l->len, &kept, 0);
        if (!rule)
            continue;
        if (kept.len == 0) {
            l->drop = 1;
            l->rule = rule;
        } else {
            wire_strip_notes(doc, doc_line(doc, i), l->len, &kept, 1);
            doc_set_line(doc, i, kept.data, kept.len);
        }
    }
    quarry_buf_free(&kept);
}

/* A line of an agency's credits alone, without the parenthesis ("Reporting by Jane Roe;
 * additional reporting by Ann Poe; Editing by John Doe") goes: one that opens as credits do, and
 * names an editor, in a short line of no sentences ("Reporting by the BBC showed. It" is none). */
static void wire_credit_lines(clean_doc *doc)
{
    for (size_t i = 0; i < doc->n; i++) {
        clean_line *l = &doc->lines[i];
        const char *s = doc_line(doc, i);
        if (l->blank || l->drop || l->len > WIRE_NOTE_MAX || !wire_opens(wire_credit_openings, s, l->len) ||
            !(memmem(s, l->len, "Editing by ", 11) || memmem(s, l->len, "editing by ", 11)) ||
            memmem(s, l->len, ". ", 2))
            continue;
        l->drop = 1; /* explained as a dropped line is */
        l->rule = "credits";
    }
}

/* A wire sign-off left on the last line of the story ("... an ounce. REUTER") goes. */
static void wire_signoff(clean_doc *doc)
{
    static const char *const signoffs[] = {" REUTER", " Reuter", " REUTERS", " Reuters"};
    size_t i = wire_last_kept(doc, doc->n);
    if (i == SIZE_MAX)
        return;
    const char *s = doc_line(doc, i);
    size_t len = doc->lines[i].len;
    for (size_t k = 0; k < sizeof signoffs / sizeof signoffs[0]; k++) {
        size_t n = strlen(signoffs[k]);
        if (len > n + 1 && !memcmp(s + len - n, signoffs[k], n) && strchr(".!?\"')", s[len - n - 1])) {
            doc_explain(doc, "sign-off", s, len);
            doc_keep_span(doc, i, 0, len - n);
            return;
        }
    }
}

void wire_trim(clean_doc *doc)
{
    wire_notes(doc);
    wire_credit_lines(doc);
    wire_byline(doc);
    wire_contacts(doc);
    wire_signoff(doc);
}
