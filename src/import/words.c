/* words.c — layer 0a: words in prose, in the languages postings are written
 * in: finding one of a list of words (case-folded for Latin, Greek and
 * Cyrillic letters; CJK words anywhere, as those scripts do not separate
 * words), where sentences end, and the words that say "apply" or "send it
 * to" in the languages of postings. Every scan is linear in the text. */
#include "support.h"

#include <string.h>
#include <strings.h>

/* Lower case of cp for the scripts whose case matters here. */
static uint32_t fold(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp < 0xC0)
		return cp;
	if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3AB) ||
	    (cp >= 0x410 && cp <= 0x42F))
		return cp + 32;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 80;
	/* Greek capitals with tonos (Ά Έ Ή Ί Ό Ύ Ώ): headings start with them. */
	if (cp == 0x386)
		return 0x3AC;
	if (cp >= 0x388 && cp <= 0x38A)
		return cp + 37;
	if (cp == 0x38C)
		return 0x3CC;
	if (cp == 0x38E || cp == 0x38F)
		return cp + 63;
	/* Latin Extended Additional (Vietnamese "YÊU CẦU"): pairs, upper case even. */
	if ((cp >= 0x1E00 && cp <= 0x1E95) || (cp >= 0x1EA0 && cp <= 0x1EFF))
		return cp | 1;
	/* Latin Extended-A: upper case letters are the even ones of each pair
	 * (with a shifted run from U+0139 to U+0148 and from U+0179). */
	if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
		return cp | 1;
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
		return (cp & 1) ? cp + 1 : cp;
	return cp;
}

/* A letter or digit of a script that separates its words with spaces. */
static bool wordish(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' && (cp | 32) <= 'z');
	return (cp >= 0xC0 && cp < 0x2000 && cp != 0xD7 && cp != 0xF7) ||
	       (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x3130 && cp <= 0x318F);
}

/* Han and kana: words in these scripts match anywhere. */
static bool unspaced(uint32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF);
}

/* The character that ends right before t[i] (U+0020 at the start). */
static uint32_t cp_before(const char *t, size_t i)
{
	size_t s = i;
	while (s > 0 && i - s < 4 && ((unsigned char)t[s - 1] & 0xC0) == 0x80)
		s--;
	if (s > 0)
		s--;
	uint32_t cp = ' ';
	if (i > 0)
		jk_utf8_decode(t + s, i - s, &cp);
	return cp;
}

bool import_word_boundary(const char *t, size_t n, size_t i)
{
	uint32_t a = cp_before(t, i), b = ' ';
	if (i < n)
		jk_utf8_decode(t + i, n - i, &b);
	return !wordish(a) || !wordish(b);
}

/* Whether t[i..n) starts with word w (lower case), folding t's letters;
 * *len gets the bytes of t it spans. */
static bool folded_prefix(const char *t, size_t n, size_t i, const char *w, size_t *len)
{
	size_t j = i, k = 0, wl = strlen(w);
	while (k < wl) {
		if (j >= n)
			return false;
		uint32_t a, b;
		size_t da = jk_utf8_decode(t + j, n - j, &a);
		size_t db = jk_utf8_decode(w + k, wl - k, &b);
		if (fold(a) != b)
			return false;
		j += da;
		k += db;
	}
	*len = j - i;
	return true;
}

/* Endings a stem may carry: plurals and feminine forms of the languages
 * postings are written in ("researchers", "Mitarbeiterin", "Entwicklerinnen",
 * "ingénieure", "desarrolladora", "špecialistka"). */
static const char *const inflections[] = {"", "s", "es", "e", "en", "in", "innen", "a", "ka"};

/* Whether an inflection ending and then a word end follow at t[j]; *len
 * grows by the ending's bytes. */
static bool inflected(const char *t, size_t n, size_t j, size_t *len)
{
	for (size_t k = 0; k < JK_ARRAY_LEN(inflections); k++) {
		size_t l = 0;
		if (folded_prefix(t, n, j, inflections[k], &l) &&
		    import_word_boundary(t, n, j + l)) {
			*len += l;
			return true;
		}
	}
	return false;
}

/* Whether w matches at t[i]: at a word start (anywhere for a Han or kana
 * word, a part, or a stem of five bytes or more), ending at a word end
 * unless it is a prefix word or a part. */
static bool word_at(const char *t, size_t n, size_t i, bool start, const import_word *w,
                    size_t *len)
{
	unsigned char c = (unsigned char)t[i], w0 = (unsigned char)w->w[0];
	/* Quick refusals: ASCII folds only to ASCII, and no character of three
	 * bytes or more changes when folded. */
	if ((c < 0x80) != (w0 < 0x80) || (c < 0x80 && (c >= 'A' && c <= 'Z' ? c + 32 : c) != w0) ||
	    (c >= 0xE0 && c != w0))
		return false;
	bool any = w->mode == IMPORT_WORD_PART;
	if (w0 >= 0xE3) {
		uint32_t first;
		jk_utf8_decode(w->w, strlen(w->w), &first);
		any = any || unspaced(first);
	}
	bool inside = any || (w->mode == IMPORT_WORD_STEM && strlen(w->w) >= 5);
	if ((!start && !inside) || !folded_prefix(t, n, i, w->w, len))
		return false;
	if (any || w->mode == IMPORT_WORD_PREFIX)
		return true;
	if (w->mode == IMPORT_WORD_STEM)
		return inflected(t, n, i + *len, len);
	return import_word_boundary(t, n, i + *len);
}

#define WORDS_INDEXED 512 /* a longer list is tried word by word */

/* Where the words of a list may start: their first bytes (either case, any
 * two-byte lead when folding may change it), the first bytes of parts,
 * which may start inside a word, and how far before a word's end a stem
 * may start inside it; and the list's words by the bucket of their first
 * byte, in the list's order: order[from[b]..from[b + 1]). */
typedef struct word_starts {
	bool lead[256], inner[256], indexed;
	size_t reach;
	uint16_t from[257], order[WORDS_INDEXED];
} word_starts;

/* The bucket of a first byte: folded, and one for all two-byte leads. */
static unsigned char bucket(unsigned char b)
{
	return b >= 'A' && b <= 'Z' ? (unsigned char)(b + 32) : b >= 0xC0 && b < 0xE0 ? 0xC0 : b;
}

static void mark_lead(bool *tab, unsigned char w0)
{
	tab[w0] = true;
	if (w0 >= 'a' && w0 <= 'z')
		tab[w0 - 32] = true;
	for (unsigned c = 0xC0; w0 >= 0xC0 && w0 < 0xE0 && c < 0xE0; c++)
		tab[c] = true;
}

static void starts_of(const import_word *list, size_t count, word_starts *s)
{
	size_t ending = 0;
	for (size_t k = 0; k < JK_ARRAY_LEN(inflections); k++)
		ending = strlen(inflections[k]) > ending ? strlen(inflections[k]) : ending;
	memset(s, 0, sizeof *s);
	for (size_t k = 0; k < count; k++) {
		unsigned char w0 = (unsigned char)list[k].w[0];
		size_t wl = strlen(list[k].w);
		mark_lead(s->lead, w0);
		if (list[k].mode == IMPORT_WORD_PART)
			mark_lead(s->inner, w0);
		if (list[k].mode == IMPORT_WORD_STEM && wl >= 5 && wl + ending > s->reach)
			s->reach = wl + ending;
		s->from[bucket(w0) + 1]++;
	}
	s->indexed = count <= WORDS_INDEXED;
	for (size_t b = 1; b <= 256; b++)
		s->from[b] = (uint16_t)(s->from[b] + s->from[b - 1]);
	uint16_t next[256];
	memcpy(next, s->from, sizeof next);
	for (size_t k = 0; s->indexed && k < count; k++)
		s->order[next[bucket((unsigned char)list[k].w[0])]++] = (uint16_t)k;
}

/* The end of the word t[i] is in: i when t[i] is no letter or digit. */
static size_t word_end(const char *t, size_t n, size_t i)
{
	while (i < n) {
		uint32_t cp;
		size_t d = jk_utf8_decode(t + i, n - i, &cp);
		if (!wordish(cp))
			break;
		i += d;
	}
	return i;
}

/* ASCII letters and digits, by table: the scan's inner loop. */
static bool ascii_wordish(unsigned char c)
{
	static const bool table[128] = {
	    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
	    ['8'] = 1, ['9'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	    ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
	    ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1,
	    ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1,
	    ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	    ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
	    ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1};
	return c < 0x80 && table[c];
}

/* The first word of list, in its order, that matches at t[i] among those
 * of t[i]'s bucket; its length to *len (may be NULL). */
static bool words_match(const char *t, size_t n, size_t i, bool start, const word_starts *s,
                        const import_word *list, size_t count, size_t *len)
{
	unsigned char key = bucket((unsigned char)t[i]);
	size_t j0 = s->indexed ? s->from[key] : 0, j1 = s->indexed ? s->from[key + 1] : count;
	for (size_t j = j0; j < j1; j++) {
		size_t l = 0, k = s->indexed ? s->order[j] : j;
		if (bucket((unsigned char)list[k].w[0]) != key)
			continue;
		if (word_at(t, n, i, start, &list[k], &l)) {
			if (len)
				*len = l;
			return true;
		}
	}
	return false;
}

static bool bucket_match(const char *t, size_t n, size_t i, const word_starts *s,
                         const import_word *list, size_t count, size_t *len)
{
	return words_match(t, n, i, true, s, list, count, len);
}

size_t import_words_find(const char *t, size_t n, const import_word *list, size_t count,
                         size_t *len)
{
	word_starts s;
	starts_of(list, count, &s);
	size_t end = 0; /* of the word last looked into */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t[i];
		if (!s.lead[c])
			continue;
		if (c < 0x80 && !s.reach && !s.inner[c]) {
			/* Only a word's first letter can start a match: try it, then
			 * pass over the rest of its run of ASCII letters in one step. */
			size_t e = i + 1;
			while (e < n && ascii_wordish((unsigned char)t[e]))
				e++;
			if (ascii_wordish(c) && !wordish(cp_before(t, i)) &&
			    bucket_match(t, n, i, &s, list, count, len))
				return i;
			i = e - 1;
			continue;
		}
		uint32_t cp;
		jk_utf8_decode(t + i, n - i, &cp);
		bool start = wordish(cp) && !wordish(cp_before(t, i));
		/* Inside a word only a part, or a stem near the word's end. */
		if (!start && !unspaced(cp) && !s.inner[c]) {
			if (!s.reach)
				continue;
			end = i < end ? end : word_end(t, n, i);
			if (i >= end || end - i > s.reach)
				continue;
		}
		if (words_match(t, n, i, start, &s, list, count, len))
			return i;
	}
	return n;
}

bool import_words_has(const char *t, size_t n, const import_word *list, size_t count)
{
	return import_words_find(t, n, list, count, NULL) < n;
}

bool import_words_is(const char *t, size_t n, const import_word *list, size_t count)
{
	for (size_t k = 0; k < count; k++) {
		size_t l = 0;
		if (folded_prefix(t, n, 0, list[k].w, &l) && l == n)
			return true;
	}
	return false;
}

size_t import_words_start(const char *t, size_t n, const import_word *list, size_t count)
{
	size_t best = 0;
	for (size_t k = 0; n && k < count; k++) {
		size_t l = 0;
		if (word_at(t, n, 0, true, &list[k], &l) && l > best)
			best = l;
	}
	return best;
}

/* Titles and abbreviations that end in '.' but end no sentence. */
static bool abbreviation(const char *t, size_t dot)
{
	static const char *const abbr[] = {"dr",  "mr",   "mrs", "ms",  "mgr",    "ing", "prof",
	                                   "bc",  "jr",   "sr",  "st",  "no",     "nr",  "tel",
	                                   "mag", "dipl", "vs",  "etc", "approx", "ca",  "resp"};
	size_t s = dot;
	while (s > 0 && dot - s < 8 && (unsigned char)t[s - 1] < 0x80 &&
	       wordish((unsigned char)t[s - 1]))
		s--;
	if (s == dot ||
	    (s > 0 && ((unsigned char)t[s - 1] >= 0x80 || wordish((unsigned char)t[s - 1]))))
		return false;
	if (dot - s == 1 && t[s] >= 'A' && t[s] <= 'Z')
		return true; /* an initial: "J. Smith" */
	for (size_t i = 0; i < JK_ARRAY_LEN(abbr); i++)
		if (strlen(abbr[i]) == dot - s && !strncasecmp(t + s, abbr[i], dot - s))
			return true;
	return false;
}

size_t import_sentence_end(const char *t, size_t n, size_t i)
{
	const unsigned char *u = (const unsigned char *)t + i;
	if (i + 3 <= n && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x82) { /* 。 */
		/* "（件名は…。）" goes on after the bracket. */
		bool closes = (i + 6 <= n && u[3] == 0xEF && u[4] == 0xBC && u[5] == 0x89) ||
		              (i + 6 <= n && u[3] == 0xE3 && u[4] == 0x80 &&
		               (u[5] == 0x8D || u[5] == 0x8F)) ||
		              (i + 3 < n && u[3] == ')');
		return closes ? 0 : 3;
	}
	if (i + 3 <= n && u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x81 || u[2] == 0x9F))
		return 3; /* ！ ？ */
	if (t[i] != '.' && t[i] != '!' && t[i] != '?')
		return 0;
	if (i + 1 < n && t[i + 1] != ' ')
		return 0;
	if (t[i] == '.') {
		/* "e.g. send", "Dr. Huang": no end before a lower-case word or
		 * after a title. */
		if (i + 2 < n && t[i + 2] >= 'a' && t[i + 2] <= 'z')
			return 0;
		if (abbreviation(t, i))
			return 0;
	}
	return 1;
}

size_t import_fold_word(const char *t, size_t n, size_t i, char *out, size_t cap)
{
	size_t j = i, k = 0;
	while (j < n) {
		uint32_t cp;
		size_t d = jk_utf8_decode(t + j, n - j, &cp);
		if (!wordish(cp) || (cp >= '0' && cp <= '9'))
			break;
		char tmp[4];
		size_t l = jk_utf8_encode(fold(cp), tmp);
		if (k + l + 1 > cap)
			return 0;
		memcpy(out + k, tmp, l);
		k += l;
		j += d;
	}
	out[k] = '\0';
	return j - i;
}

/* Words of postings ------------------------------------------------------- */

/* Words that say "apply" on a button, a link or in the sentence around one. */
static const import_word apply_words[] = {
    {"apply", IMPORT_WORD_WHOLE},
    {"bewerben", IMPORT_WORD_WHOLE},
    {"bewirb", IMPORT_WORD_PREFIX},
    {"bewerbung", IMPORT_WORD_PREFIX},
    {"postuler", IMPORT_WORD_WHOLE},
    {"postulez", IMPORT_WORD_WHOLE},
    {"postular", IMPORT_WORD_WHOLE},
    {"post\xC3\xBAlate", IMPORT_WORD_WHOLE},
    {"candidature", IMPORT_WORD_PREFIX},
    {"candidater", IMPORT_WORD_WHOLE},
    {"candidatez", IMPORT_WORD_WHOLE},
    {"candidatar", IMPORT_WORD_PREFIX},
    {"candidate-se", IMPORT_WORD_WHOLE},
    {"candidatura", IMPORT_WORD_PREFIX},
    {"candidati", IMPORT_WORD_WHOLE},
    {"aplicar", IMPORT_WORD_WHOLE},
    {"solicitar", IMPORT_WORD_WHOLE},
    {"solliciteer", IMPORT_WORD_PREFIX},
    {"aplikuj", IMPORT_WORD_PREFIX},
    {"prihl\xC3\xA1si\xC5\xA5", IMPORT_WORD_PREFIX},                          /* prihlásiť */
    {"p\xC5\x99ihl\xC3\xA1sit", IMPORT_WORD_PREFIX},                          /* přihlásit */
    {"reagova\xC5\xA5", IMPORT_WORD_PREFIX},                                  /* reagovať */
    {"\xD0\xBF\xD0\xBE\xD0\xB4\xD0\xB0\xD1\x82\xD1\x8C", IMPORT_WORD_WHOLE},  /* подать */
    {"\xD0\xBF\xD0\xBE\xD0\xB4\xD0\xB0\xD1\x82\xD0\xB8", IMPORT_WORD_WHOLE},  /* подати */
    {"\xD0\xBE\xD1\x82\xD0\xBA\xD0\xBB\xD0\xB8\xD0\xBA", IMPORT_WORD_PREFIX}, /* отклик */
    {"\xD0\xB2\xD1\x96\xD0\xB4\xD0\xB3\xD1\x83\xD0\xBA", IMPORT_WORD_PREFIX}, /* відгук */
    {"\xE5\xBF\x9C\xE5\x8B\x9F", IMPORT_WORD_WHOLE},                          /* 応募 */
    {"\xE3\x82\xA8\xE3\x83\xB3\xE3\x83\x88\xE3\x83\xAA\xE3\x83\xBC",
     IMPORT_WORD_WHOLE},                              /* エントリー */
    {"\xEC\xA7\x80\xEC\x9B\x90", IMPORT_WORD_PREFIX}, /* 지원 */
    {"\xE7\x94\xB3\xE8\xAF\xB7", IMPORT_WORD_WHOLE},  /* 申请 */
    {"\xE7\x94\xB3\xE8\xAB\x8B", IMPORT_WORD_WHOLE},  /* 申請 */
    {"\xE5\xBA\x94\xE8\x81\x98", IMPORT_WORD_WHOLE},  /* 应聘 */
};

/* Words that tell the reader to send something to an address. */
static const import_word send_words[] = {
    {"send", IMPORT_WORD_PREFIX}, /* also German senden */
    {"submit", IMPORT_WORD_PREFIX},
    {"email", IMPORT_WORD_PREFIX},
    {"e-mail", IMPORT_WORD_PREFIX},
    {"mail", IMPORT_WORD_PREFIX},
    {"contact", IMPORT_WORD_PREFIX}, /* also French, Spanish contacto */
    {"resume", IMPORT_WORD_PREFIX},
    {"r\xC3\xA9sum\xC3\xA9", IMPORT_WORD_PREFIX},
    {"cv", IMPORT_WORD_WHOLE},
    {"cvs", IMPORT_WORD_WHOLE},
    {"apply", IMPORT_WORD_WHOLE},
    {"application", IMPORT_WORD_PREFIX},
    {"write", IMPORT_WORD_WHOLE},
    {"schick", IMPORT_WORD_PREFIX},
    {"zusend", IMPORT_WORD_PREFIX},
    {"bewerb", IMPORT_WORD_PREFIX},
    {"lebenslauf", IMPORT_WORD_PREFIX},
    {"kontakt", IMPORT_WORD_PREFIX}, /* German, Slovak, Czech, Polish */
    {"meld", IMPORT_WORD_PREFIX},
    {"wenden", IMPORT_WORD_WHOLE},
    {"envoy", IMPORT_WORD_PREFIX},
    {"adress", IMPORT_WORD_PREFIX},
    {"candidat", IMPORT_WORD_PREFIX},
    {"courriel", IMPORT_WORD_PREFIX},
    {"postul", IMPORT_WORD_PREFIX},
    {"envi", IMPORT_WORD_PREFIX},
    {"env\xC3\xAD", IMPORT_WORD_PREFIX}, /* envíe */
    {"curr\xC3\xAD"
     "culum",
     IMPORT_WORD_PREFIX},
    {"curriculum", IMPORT_WORD_PREFIX},
    {"correo", IMPORT_WORD_PREFIX},
    {"contat", IMPORT_WORD_PREFIX},
    {"solicitud", IMPORT_WORD_PREFIX},
    {"invia", IMPORT_WORD_PREFIX},
    {"stuur", IMPORT_WORD_PREFIX},
    {"sollicit", IMPORT_WORD_PREFIX},
    {"posiel", IMPORT_WORD_PREFIX},
    {"po\xC5\xA1l", IMPORT_WORD_PREFIX}, /* pošlite */
    {"za\xC5\xA1l", IMPORT_WORD_PREFIX}, /* zašlite */
    {"zasiel", IMPORT_WORD_PREFIX},
    {"pos\xC3\xADl", IMPORT_WORD_PREFIX},     /* posílejte */
    {"\xC5\xBEivotopis", IMPORT_WORD_PREFIX}, /* životopis */
    {"prihl\xC3\xA1s", IMPORT_WORD_PREFIX},   /* prihláste */
    {"reag", IMPORT_WORD_PREFIX},
    {"wy\xC5\x9Blij", IMPORT_WORD_PREFIX},                                    /* wyślij */
    {"\xD0\xBE\xD1\x82\xD0\xBF\xD1\x80\xD0\xB0\xD0\xB2", IMPORT_WORD_PREFIX}, /* отправ */
    {"\xD0\xBF\xD1\x80\xD0\xB8\xD1\x81\xD1\x8B\xD0\xBB", IMPORT_WORD_PREFIX}, /* присыл */
    {"\xD0\xBF\xD1\x80\xD0\xB8\xD1\x88\xD0\xBB", IMPORT_WORD_PREFIX},         /* пришл */
    {"\xD1\x80\xD0\xB5\xD0\xB7\xD1\x8E\xD0\xBC\xD0\xB5", IMPORT_WORD_PREFIX}, /* резюме */
    {"\xD0\xBF\xD0\xB8\xD1\x88\xD0\xB8", IMPORT_WORD_PREFIX},                 /* пиши */
    {"\xD0\xBD\xD0\xB0\xD0\xBF\xD0\xB8\xD1\x88", IMPORT_WORD_PREFIX},         /* напиш */
    {"\xD0\xBD\xD0\xB0\xD0\xB4\xD1\x81\xD0\xB8\xD0\xBB", IMPORT_WORD_PREFIX}, /* надсил */
    {"\xD0\xBD\xD0\xB0\xD0\xB4\xD1\x96\xD1\x88\xD0\xBB", IMPORT_WORD_PREFIX}, /* надішл */
    {"\xD0\xBA\xD0\xBE\xD0\xBD\xD1\x82\xD0\xB0\xD0\xBA\xD1\x82", IMPORT_WORD_PREFIX}, /* контакт */
    {"\xD0\xBF\xD0\xBE\xD1\x87\xD1\x82", IMPORT_WORD_PREFIX},                         /* почт */
    {"\xD0\xBF\xD0\xBE\xD1\x88\xD1\x82", IMPORT_WORD_PREFIX},                         /* пошт */
    {"\xD0\xBE\xD1\x82\xD0\xBA\xD0\xBB\xD0\xB8\xD0\xBA", IMPORT_WORD_PREFIX}, /* отклик */
    {"\xD0\xB2\xD1\x96\xD0\xB4\xD0\xB3\xD1\x83\xD0\xBA", IMPORT_WORD_PREFIX}, /* відгук */
    {"\xE5\x8F\x91\xE9\x80\x81", IMPORT_WORD_WHOLE},                          /* 发送 */
    {"\xE5\x8F\x91\xE8\x87\xB3", IMPORT_WORD_WHOLE},                          /* 发至 */
    {"\xE5\x8F\x91\xE5\x88\xB0", IMPORT_WORD_WHOLE},                          /* 发到 */
    {"\xE7\x94\xB5\xE9\x82\xAE", IMPORT_WORD_WHOLE},                          /* 电邮 */
    {"\xE9\x82\xAE\xE4\xBB\xB6", IMPORT_WORD_WHOLE},                          /* 邮件 */
    {"\xE9\x82\xAE\xE7\xAE\xB1", IMPORT_WORD_WHOLE},                          /* 邮箱 */
    {"\xE7\xAE\x80\xE5\x8E\x86", IMPORT_WORD_WHOLE},                          /* 简历 */
    {"\xE8\x81\x94\xE7\xB3\xBB", IMPORT_WORD_WHOLE},                          /* 联系 */
    {"\xE6\x8A\x95\xE9\x80\x92", IMPORT_WORD_WHOLE},                          /* 投递 */
    {"\xE7\x94\xB3\xE8\xAF\xB7", IMPORT_WORD_WHOLE},                          /* 申请 */
    {"\xE5\xBA\x94\xE8\x81\x98", IMPORT_WORD_WHOLE},                          /* 应聘 */
    {"\xE3\x83\xA1\xE3\x83\xBC\xE3\x83\xAB", IMPORT_WORD_WHOLE},              /* メール */
    {"\xE9\x80\x81", IMPORT_WORD_WHOLE},                          /* 送 (送付, お送り) */
    {"\xE5\xBF\x9C\xE5\x8B\x9F", IMPORT_WORD_WHOLE},              /* 応募 */
    {"\xE9\x80\xA3\xE7\xB5\xA1", IMPORT_WORD_WHOLE},              /* 連絡 */
    {"\xE5\xB1\xA5\xE6\xAD\xB4\xE6\x9B\xB8", IMPORT_WORD_WHOLE},  /* 履歴書 */
    {"\xEC\x9D\xB4\xEB\xA9\x94\xEC\x9D\xBC", IMPORT_WORD_PREFIX}, /* 이메일 */
    {"\xEB\xA9\x94\xEC\x9D\xBC", IMPORT_WORD_PREFIX},             /* 메일 */
    {"\xEC\xA7\x80\xEC\x9B\x90", IMPORT_WORD_PREFIX},             /* 지원 */
    {"\xEB\xB3\xB4\xEB\x82\xB4", IMPORT_WORD_PREFIX},             /* 보내 */
    {"\xE7\xB0\xA1\xE6\xAD\xB7", IMPORT_WORD_WHOLE},              /* 簡歷 */
    {"\xE6\x8A\x95\xE9\x81\x9E", IMPORT_WORD_WHOLE},              /* 投遞 */
    {"\xE7\x99\xBC\xE9\x80\x81", IMPORT_WORD_WHOLE},              /* 發送 */
    {"\xE9\x83\xB5\xE4\xBB\xB6", IMPORT_WORD_WHOLE},              /* 郵件 */
    {"\xE9\x83\xB5\xE7\xAE\xB1", IMPORT_WORD_WHOLE},              /* 郵箱 */
    {"\xE8\x81\xAF\xE7\xB9\xAB", IMPORT_WORD_WHOLE},              /* 聯繫 */
    {"\xEC\x9D\xB4\xEB\xA0\xA5\xEC\x84\x9C", IMPORT_WORD_PREFIX}, /* 이력서 */
    {"\xEC\x97\xB0\xEB\x9D\xBD", IMPORT_WORD_PREFIX},             /* 연락 */
    {"\xEC\x97\xB0\xEB\x9D\xBD", IMPORT_WORD_PREFIX},             /* 연락 */
    {"\xEC\x9D\xB4\xEB\xA0\xA5\xEC\x84\x9C", IMPORT_WORD_PREFIX}, /* 이력서 */
    {"\xEC\xA0\x9C\xEC\xB6\x9C", IMPORT_WORD_PREFIX},             /* 제출 */
};

bool import_says_apply(const char *t, size_t n)
{
	return import_words_has(t, n, apply_words, JK_ARRAY_LEN(apply_words));
}

bool import_says_send(const char *t, size_t n)
{
	return import_words_has(t, n, send_words, JK_ARRAY_LEN(send_words));
}
