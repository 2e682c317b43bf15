/* scriptstop.c: the stop words of Chinese, Japanese and Thai (see scriptstop.h). */
#include "scriptstop.h"

#include "unspaced.h"

/* Thai's commonest function words in news: conjunctions ("และ" and, "หรือ" or, "แต่" but),
 * relative and complement markers ("ที่", "ซึ่ง", "ว่า"), prepositions ("ของ" of, "ใน" in, "กับ"
 * with, "จาก" from), auxiliaries and particles ("จะ" will, "ได้" can, "ถูก" of the passive, "ไม่"
 * not), demonstratives, the prefixes that make nouns of verbs ("การ", "ความ"), the repetition
 * mark and the polite endings. ICU's dictionary cuts them from their neighbours: "ความร่วมมือ"
 * gives "ความ", "ร่วม", "มือ". */
const char *const scriptstop_thai[] = {
    "และ", "หรือ", "แต่", "ที่", "ซึ่ง", "ของ", "ใน", "กับ", "จาก", "ให้", "ได้", "จะ", "ไม่", "เป็น",
    "มี", "ว่า", "นี้", "นั้น", "โดย", "เพื่อ", "แล้ว", "ก็", "อยู่", "ถึง", "กว่า", "ต่อ", "ทั้ง",
    "เมื่อ", "การ", "ความ", "ไป", "มา", "อีก", "คือ", "ยัง", "ถูก", "ระหว่าง", "หาก", "ถ้า", "ตาม",
    "แห่ง", "ด้วย", "ต้อง", "อาจ", "ควร", "เช่น", "เคย", "กำลัง", "เพราะ", "จึง", "ขณะ", "แม้",
    "จน", "ทุก", "บาง", "เหล่า", "พวก", "ๆ", "ครับ", "ค่ะ", "คะ", "นะ", NULL};

/* Whether code point C is Hiragana, or the mark that lengthens a kana's vowel. */
static int scriptstop_kana(int32_t c)
{
    return (c >= 0x3041 && c <= 0x309F) || c == 0x30FC;
}

int scriptstop_by_script(const char *t, size_t len)
{
    if (len < 3 || len % 3)
        return 0; /* most tokens: not three bytes a character */
    if (len == 3 && unspaced_ideograph(unspaced_decode3(t)))
        return 1;
    int hiragana = 0;
    for (size_t i = 0; i < len; i += 3) {
        int32_t c = unspaced_decode3(t + i);
        if (!scriptstop_kana(c))
            return 0;
        hiragana |= c != 0x30FC;
    }
    return hiragana;
}
