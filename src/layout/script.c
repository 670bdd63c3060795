/* script.c — what the script of a text says about its language: the
 * languages written right to left, and a guess for a text that states no
 * language. Pure: no SDL, no I/O, const tables only. */
#include "posting.h"
#include "text.h"

#include <string.h>

bool text_lang_rtl(const char *lang)
{
	static const char *const rtl[] = {"ar", "he", "fa", "ur", "yi",
	                                  "ps", "dv", "sd", "ug", "ckb"};
	char tag[POSTING_LANG_MAX];
	if (!lang || posting_lang_norm(lang, (size_t)-1, tag) <= 0)
		return false;
	for (size_t i = 0; i < JK_ARRAY_LEN(rtl); i++)
		if (!strcmp(tag, rtl[i]))
			return true;
	return false;
}

/* Characters written one way in Traditional and another in Simplified
 * Chinese, common in postings: {traditional, simplified}. */
static const uint32_t han_pairs[][2] = {
    {0x5011, 0x4EEC}, /* 們们 */ {0x9019, 0x8FD9}, /* 這这 */ {0x500B, 0x4E2A}, /* 個个 */
    {0x70BA, 0x4E3A}, /* 為为 */ {0x8207, 0x4E0E}, /* 與与 */ {0x5B78, 0x5B66}, /* 學学 */
    {0x7D93, 0x7ECF}, /* 經经 */ {0x9A57, 0x9A8C}, /* 驗验 */ {0x8077, 0x804C}, /* 職职 */
    {0x52D9, 0x52A1}, /* 務务 */ {0x61C9, 0x5E94}, /* 應应 */ {0x8CC7, 0x8D44}, /* 資资 */
    {0x958B, 0x5F00}, /* 開开 */ {0x767C, 0x53D1}, /* 發发 */ {0x54E1, 0x5458}, /* 員员 */
    {0x6703, 0x4F1A}, /* 會会 */ {0x5C08, 0x4E13}, /* 專专 */ {0x696D, 0x4E1A}, /* 業业 */
    {0x6642, 0x65F6}, /* 時时 */ {0x9593, 0x95F4}, /* 間间 */ {0x984C, 0x9898}, /* 題题 */
    {0x512A, 0x4F18}, /* 優优 */ {0x8CAC, 0x8D23}, /* 責责 */ {0x8CA0, 0x8D1F}, /* 負负 */
    {0x8ACB, 0x8BF7}, /* 請请 */ {0x8A0A, 0x8BAF}, /* 訊讯 */ {0x8A08, 0x8BA1}, /* 計计 */
    {0x8A2D, 0x8BBE}, /* 設设 */ {0x6578, 0x6570}, /* 數数 */ {0x64DA, 0x636E}, /* 據据 */
    {0x7DB2, 0x7F51}, /* 網网 */ {0x96FB, 0x7535}, /* 電电 */ {0x8166, 0x8111}, /* 腦脑 */
    {0x8EDF, 0x8F6F}, /* 軟软 */ {0x9AD4, 0x4F53}, /* 體体 */ {0x5E2B, 0x5E08}, /* 師师 */
    {0x6B77, 0x5386}, /* 歷历 */ {0x5BE6, 0x5B9E}, /* 實实 */ {0x7FD2, 0x4E60}, /* 習习 */
    {0x6A5F, 0x673A}, /* 機机 */ {0x69CB, 0x6784}, /* 構构 */ {0x5718, 0x56E2}, /* 團团 */
    {0x968A, 0x961F}, /* 隊队 */ {0x5C0E, 0x5BFC}, /* 導导 */ {0x74B0, 0x73AF}, /* 環环 */
    {0x689D, 0x6761}, /* 條条 */ {0x8655, 0x5904}, /* 處处 */ {0x7522, 0x4EA7}, /* 產产 */
    {0x8CEA, 0x8D28}, /* 質质 */ {0x95DC, 0x5173}, /* 關关 */ {0x8AAA, 0x8BF4}, /* 說说 */
    {0x8A9E, 0x8BED}, /* 語语 */ {0x9032, 0x8FDB}, /* 進进 */ {0x904E, 0x8FC7}, /* 過过 */
    {0x9084, 0x8FD8}, /* 還还 */ {0x9EDE, 0x70B9}, /* 點点 */ {0x7DDA, 0x7EBF}, /* 線线 */
    {0x8A8D, 0x8BA4}, /* 認认 */ {0x8B49, 0x8BC1}, /* 證证 */ {0x6A19, 0x6807}, /* 標标 */
};

typedef enum script {
	SC_LATIN,
	SC_ARABIC,
	SC_HEBREW,
	SC_DEVANAGARI,
	SC_BENGALI,
	SC_THAI,
	SC_HANGUL,
	SC_CJK, /* Han and kana: Chinese or Japanese */
	SC_CYRILLIC,
	SC_GREEK,
	SC_OTHER,
	SC_N
} script;

static script script_of(uint32_t cp)
{
	static const struct {
		uint32_t lo, hi;
		script s;
	} ranges[] = {
	    {'A', 'Z', SC_LATIN},          {'a', 'z', SC_LATIN},        {0xC0, 0x24F, SC_LATIN},
	    {0x370, 0x3FF, SC_GREEK},      {0x400, 0x52F, SC_CYRILLIC}, {0x590, 0x5FF, SC_HEBREW},
	    {0x600, 0x6FF, SC_ARABIC},     {0x750, 0x77F, SC_ARABIC},   {0x8A0, 0x8FF, SC_ARABIC},
	    {0x900, 0x97F, SC_DEVANAGARI}, {0x980, 0x9FF, SC_BENGALI},  {0xE00, 0xE7F, SC_THAI},
	    {0x1100, 0x11FF, SC_HANGUL},   {0x1E00, 0x1EFF, SC_LATIN},  {0x1F00, 0x1FFF, SC_GREEK},
	    {0x3040, 0x30FF, SC_CJK},      {0x3130, 0x318F, SC_HANGUL}, {0x31F0, 0x31FF, SC_CJK},
	    {0x3400, 0x4DBF, SC_CJK},      {0x4E00, 0x9FFF, SC_CJK},    {0xAC00, 0xD7AF, SC_HANGUL},
	    {0xF900, 0xFAFF, SC_CJK},      {0xFB1D, 0xFB4F, SC_HEBREW}, {0xFB50, 0xFDFF, SC_ARABIC},
	    {0xFE70, 0xFEFF, SC_ARABIC},   {0xFF66, 0xFF9F, SC_CJK},    {0x20000, 0x2FFFF, SC_CJK},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(ranges); i++)
		if (cp >= ranges[i].lo && cp <= ranges[i].hi)
			return ranges[i].s;
	return SC_OTHER;
}

static bool is_any(uint32_t cp, const uint32_t *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (set[i] == cp)
			return true;
	return false;
}

/* What the letters of one text add up to. */
typedef struct tally {
	size_t n[SC_N];
	size_t persian, arabic_only, ukrainian, kana, trad, simp;
} tally;

static void count(tally *t, uint32_t cp)
{
	/* Letters only Persian uses (پ چ ژ گ ک ی), only Arabic (ة ي ك ى),
	 * only Ukrainian among Cyrillic (і ї є ґ). */
	static const uint32_t fa[] = {0x67E, 0x686, 0x698, 0x6AF, 0x6A9, 0x6CC};
	static const uint32_t ar[] = {0x629, 0x64A, 0x643, 0x649};
	static const uint32_t uk[] = {0x456, 0x406, 0x457, 0x407, 0x454, 0x404, 0x491, 0x490};
	script s = script_of(cp);
	t->n[s]++;
	if (s == SC_ARABIC) {
		t->persian += is_any(cp, fa, JK_ARRAY_LEN(fa));
		t->arabic_only += is_any(cp, ar, JK_ARRAY_LEN(ar));
	} else if (s == SC_CYRILLIC) {
		t->ukrainian += is_any(cp, uk, JK_ARRAY_LEN(uk));
	} else if (s == SC_CJK) {
		t->kana += (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
		           (cp >= 0xFF66 && cp <= 0xFF9F);
		for (size_t i = 0; i < JK_ARRAY_LEN(han_pairs); i++) {
			t->trad += cp == han_pairs[i][0];
			t->simp += cp == han_pairs[i][1];
		}
	}
}

const char *text_lang_guess(const char *s, size_t n)
{
	tally t = {0};
	for (size_t i = 0; s && i < n;) {
		uint32_t cp;
		i = text_next_cp(s, n, i, &cp);
		count(&t, cp);
	}
	/* A CJK character says as much as a word of Latin letters does. */
	t.n[SC_CJK] *= 3;
	t.n[SC_HANGUL] *= 2;
	script best = SC_LATIN;
	for (int k = SC_ARABIC; k < SC_OTHER; k++)
		if (t.n[k] > t.n[best])
			best = (script)k;
	switch (best) {
	case SC_ARABIC:
		return t.persian > t.arabic_only ? "fa" : "ar";
	case SC_HEBREW:
		return "he";
	case SC_DEVANAGARI:
		return "hi";
	case SC_BENGALI:
		return "bn";
	case SC_THAI:
		return "th";
	case SC_HANGUL:
		return "ko";
	case SC_CJK:
		return t.kana ? "ja" : t.trad > t.simp ? "zh-Hant" : "zh-Hans";
	case SC_CYRILLIC:
		return t.ukrainian ? "uk" : "ru";
	case SC_GREEK:
		return "el";
	default:
		return NULL;
	}
}
