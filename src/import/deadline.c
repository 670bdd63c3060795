/* deadline.c — layer 0b: the deadline a posting states in its prose
 * ("Deadline: 27 November 2024", "apply by 01.02.2019", "2026年1月12日まで",
 * "마감: 2025-03-01", "Bewerbungsschluss: 7.12.2020"). Only a date that a
 * deadline word labels counts, and only a date that says its year and
 * leaves no doubt about the order of day and month: nothing is guessed. */
#include "support.h"

#include <stdio.h>
#include <string.h>

#define GAP 60 /* bytes between a label and its date ("for applications is") */
#define WORD_MAX 48

/* Words that label the date after them. */
static const import_word labels[] = {
    {"deadline", IMPORT_WORD_PREFIX},
    {"closing date", IMPORT_WORD_WHOLE},
    {"apply by", IMPORT_WORD_WHOLE},
    {"apply before", IMPORT_WORD_WHOLE},
    {"apply until", IMPORT_WORD_WHOLE},
    {"applications close", IMPORT_WORD_PREFIX},
    {"applications due", IMPORT_WORD_WHOLE},
    {"open until", IMPORT_WORD_WHOLE},
    {"no later than", IMPORT_WORD_WHOLE},
    {"bewerbungsschluss", IMPORT_WORD_WHOLE},
    {"bewerbungsfrist", IMPORT_WORD_WHOLE},
    {"einsendeschluss", IMPORT_WORD_WHOLE},
    {"date limite", IMPORT_WORD_WHOLE},
    {"date de cl\xC3\xB4ture", IMPORT_WORD_WHOLE},
    {"cl\xC3\xB4ture des candidatures", IMPORT_WORD_WHOLE},
    {"fecha l\xC3\xADmite", IMPORT_WORD_WHOLE},
    {"fecha limite", IMPORT_WORD_WHOLE},
    {"fecha de cierre", IMPORT_WORD_WHOLE},
    {"plazo", IMPORT_WORD_WHOLE},
    {"prazo", IMPORT_WORD_WHOLE},
    {"data limite", IMPORT_WORD_WHOLE},
    {"scadenza", IMPORT_WORD_WHOLE},
    {"sluitingsdatum", IMPORT_WORD_WHOLE},
    {"uz\xC3\xA1vierka", IMPORT_WORD_WHOLE},       /* uzávierka */
    {"uz\xC3\xA1v\xC4\x9Brka", IMPORT_WORD_WHOLE}, /* uzávěrka */
    {"\xD0\xB4\xD0\xB5\xD0\xB4\xD0\xBB\xD0\xB0\xD0\xB9\xD0\xBD", IMPORT_WORD_WHOLE}, /* дедлайн */
    {"\xD0\xBA\xD1\x80\xD0\xB0\xD0\xB9\xD0\xBD\xD0\xB8\xD0\xB9 \xD1\x81\xD1\x80\xD0\xBE\xD0\xBA",
     IMPORT_WORD_WHOLE}, /* крайний срок */
    {"\xD0\xBA\xD1\x80\xD0\xB0\xD0\xB9\xD0\xBD\xD1\x96\xD0\xB9 \xD1\x82\xD0\xB5\xD1\x80\xD0\xBC"
     "\xD1\x96\xD0\xBD",
     IMPORT_WORD_WHOLE},                             /* крайній термін */
    {"\xE7\xB7\xA0\xE5\x88\x87", IMPORT_WORD_WHOLE}, /* 締切 */
    {"\xE7\xB7\xA0\xE3\x82\x81\xE5\x88\x87\xE3\x82\x8A", IMPORT_WORD_WHOLE}, /* 締め切り */
    {"\xE5\xBF\x9C\xE5\x8B\x9F\xE6\x9C\x9F\xE9\x99\x90", IMPORT_WORD_WHOLE}, /* 応募期限 */
    {"\xEB\xA7\x88\xEA\xB0\x90", IMPORT_WORD_PREFIX},                        /* 마감 */
    {"\xE6\x88\xAA\xE6\xAD\xA2", IMPORT_WORD_WHOLE},                         /* 截止 */
    {"\xE6\x88\xAA\xE8\x87\xB3", IMPORT_WORD_WHOLE},                         /* 截至 */
};

/* Words after a date that make it a deadline ("…まで", "…까지", "…截止"),
 * in a text that speaks of applying. */
static const import_word until_words[] = {
    {"\xE3\x81\xBE\xE3\x81\xA7", IMPORT_WORD_WHOLE},  /* まで */
    {"\xEA\xB9\x8C\xEC\xA7\x80", IMPORT_WORD_PREFIX}, /* 까지 */
    {"\xE6\x88\xAA\xE6\xAD\xA2", IMPORT_WORD_WHOLE},  /* 截止 */
};
static const import_word applying_words[] = {
    {"\xE5\xBF\x9C\xE5\x8B\x9F", IMPORT_WORD_WHOLE}, /* 応募 */
    {"\xE5\x8B\x9F\xE9\x9B\x86", IMPORT_WORD_WHOLE}, /* 募集 */
    {"\xE5\x8F\x97\xE4\xBB\x98", IMPORT_WORD_WHOLE}, /* 受付 */
    {"\xE7\x94\xB3\xE8\xBE\xBC", IMPORT_WORD_WHOLE}, /* 申込 */
    {"\xE3\x82\xA8\xE3\x83\xB3\xE3\x83\x88\xE3\x83\xAA\xE3\x83\xBC", IMPORT_WORD_WHOLE},
    {"\xEC\xA7\x80\xEC\x9B\x90", IMPORT_WORD_PREFIX}, /* 지원 */
    {"\xEC\xA0\x91\xEC\x88\x98", IMPORT_WORD_PREFIX}, /* 접수 */
    {"\xEB\xAA\xA8\xEC\xA7\x91", IMPORT_WORD_PREFIX}, /* 모집 */
    {"\xE7\x94\xB3\xE8\xAF\xB7", IMPORT_WORD_WHOLE},  /* 申请 */
    {"\xE6\x8A\xA5\xE5\x90\x8D", IMPORT_WORD_WHOLE},  /* 报名 */
    {"\xE6\x8A\x95\xE9\x80\x92", IMPORT_WORD_WHOLE},  /* 投递 */
};

/* Month names (and the genitive forms dates use) of the languages of
 * postings; an abbreviation of three letters or more matches too. */
static const struct {
	const char *name;
	int month;
} months[] = {
    {"january", 1},
    {"february", 2},
    {"march", 3},
    {"april", 4},
    {"may", 5},
    {"june", 6},
    {"july", 7},
    {"august", 8},
    {"september", 9},
    {"october", 10},
    {"november", 11},
    {"december", 12},
    {"januar", 1},
    {"j\xC3\xA4nner", 1},
    {"februar", 2},
    {"m\xC3\xA4rz", 3},
    {"mai", 5},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"dezember", 12},
    {"janvier", 1},
    {"f\xC3\xA9vrier", 2},
    {"mars", 3},
    {"avril", 4},
    {"juin", 6},
    {"juillet", 7},
    {"ao\xC3\xBBt", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"d\xC3\xA9"
     "cembre",
     12},
    {"enero", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    {"janeiro", 1},
    {"fevereiro", 2},
    {"mar\xC3\xA7o", 3},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"setembro", 9},
    {"outubro", 10},
    {"novembro", 11},
    {"dezembro", 12},
    {"gennaio", 1},
    {"febbraio", 2},
    {"aprile", 4},
    {"maggio", 5},
    {"giugno", 6},
    {"luglio", 7},
    {"settembre", 9},
    {"ottobre", 10},
    {"dicembre", 12},
    {"januari", 1},
    {"februari", 2},
    {"maart", 3},
    {"mei", 5},
    {"augustus", 8},
    {"janu\xC3\xA1ra", 1},
    {"febru\xC3\xA1ra", 2},
    {"marca", 3},
    {"apr\xC3\xADla", 4},
    {"m\xC3\xA1ja", 5},
    {"j\xC3\xBAna", 6},
    {"j\xC3\xBAla", 7},
    {"augusta", 8},
    {"septembra", 9},
    {"okt\xC3\xB3"
     "bra",
     10},
    {"novembra", 11},
    {"decembra", 12},
    {"\xD1\x8F\xD0\xBD\xD0\xB2\xD0\xB0\xD1\x80\xD1\x8F", 1},
    {"\xD1\x84\xD0\xB5\xD0\xB2\xD1\x80\xD0\xB0\xD0\xBB\xD1\x8F", 2},
    {"\xD0\xBC\xD0\xB0\xD1\x80\xD1\x82\xD0\xB0", 3},
    {"\xD0\xB0\xD0\xBF\xD1\x80\xD0\xB5\xD0\xBB\xD1\x8F", 4},
    {"\xD0\xBC\xD0\xB0\xD1\x8F", 5},
    {"\xD0\xB8\xD1\x8E\xD0\xBD\xD1\x8F", 6},
    {"\xD0\xB8\xD1\x8E\xD0\xBB\xD1\x8F", 7},
    {"\xD0\xB0\xD0\xB2\xD0\xB3\xD1\x83\xD1\x81\xD1\x82\xD0\xB0", 8},
    {"\xD1\x81\xD0\xB5\xD0\xBD\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 9},
    {"\xD0\xBE\xD0\xBA\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 10},
    {"\xD0\xBD\xD0\xBE\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 11},
    {"\xD0\xB4\xD0\xB5\xD0\xBA\xD0\xB0\xD0\xB1\xD1\x80\xD1\x8F", 12},
};

/* The month the word at t[i] names: 1 to 12, 0 when none; *used gets its
 * length (with an abbreviation's dot). */
static int month_at(const char *t, size_t n, size_t i, size_t *used)
{
	/* Month names start with one of these letters, or are not ASCII. */
	if (i >= n || ((unsigned char)t[i] < 0x80 && !strchr("jfmasondgleJFMASONDGLE", t[i])) ||
	    !t[i])
		return 0;
	char w[WORD_MAX];
	size_t l = import_fold_word(t, n, i, w, sizeof w), wl = strlen(w);
	size_t chars = 0;
	for (size_t k = 0; k < wl; k++)
		chars += ((unsigned char)w[k] & 0xC0) != 0x80;
	if (!l || chars < 3)
		return 0;
	for (size_t k = 0; k < JK_ARRAY_LEN(months); k++) {
		if (months[k].name[0] != w[0] || strncmp(months[k].name, w, wl) != 0)
			continue;
		if (strlen(months[k].name) != wl && wl < 3)
			continue;
		*used = l + (i + l < n && t[i + l] == '.');
		return months[k].month;
	}
	return 0;
}

/* Reads 1 to max digits at t[*i]; false when there are none or more. */
static bool digits(const char *t, size_t n, size_t *i, int max, int *v)
{
	int k = 0, x = 0;
	while (*i + k < n && k <= max && t[*i + k] >= '0' && t[*i + k] <= '9')
		x = x * 10 + (t[*i + k++] - '0');
	if (k == 0 || k > max)
		return false;
	*i += (size_t)k;
	*v = x;
	return true;
}

static size_t skip_spaces(const char *t, size_t n, size_t i)
{
	while (i < n && (t[i] == ' ' || t[i] == '\t'))
		i++;
	return i;
}

/* Skips a little word ("de", "of", "the", "le") before a month or year. */
static size_t skip_little(const char *t, size_t n, size_t i)
{
	static const char *const little[] = {"de ", "of ", "del ", "do "};
	for (size_t k = 0; k < JK_ARRAY_LEN(little); k++) {
		size_t l = strlen(little[k]);
		if (i + l <= n && !strncasecmp(t + i, little[k], l))
			return skip_spaces(t, n, i + l);
	}
	return i;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Writes "YYYY-MM-DD" into out when y-m-d is a real date of our era. */
static bool put_ymd(int y, int m, int d, char out[11])
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 ||
	    d > days[m - 1] + (m == 2 && leap(y)))
		return false;
	char tmp[40];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
	memcpy(out, tmp, 11);
	return true;
}

/* "Y年M月D日", "Y년 M월 D일" from t[i] (the year's digits). */
static size_t date_cjk(const char *t, size_t n, size_t i, char out[11])
{
	static const char *const marks[2][3] = {
	    {"\xE5\xB9\xB4", "\xE6\x9C\x88", "\xE6\x97\xA5"},  /* 年 月 日 */
	    {"\xEB\x85\x84", "\xEC\x9B\x94", "\xEC\x9D\xBC"}}; /* 년 월 일 */
	for (int s = 0; s < 2; s++) {
		size_t j = i;
		int v[3];
		bool ok = true;
		for (int k = 0; k < 3 && ok; k++) {
			j = skip_spaces(t, n, j);
			ok = digits(t, n, &j, k ? 2 : 4, &v[k]) && j + 3 <= n &&
			     !memcmp(t + j, marks[s][k], 3);
			j += 3;
		}
		if (ok && put_ymd(v[0], v[1], v[2], out))
			return j - i;
	}
	return 0;
}

/* "2025-03-01", "7.12.2020", "9/30/2022", "27 November 2024",
 * "27. November 2024", "27 de noviembre de 2024" from t[i], a digit. */
static size_t date_from_digits(const char *t, size_t n, size_t i, char out[11])
{
	size_t j = i, used;
	int a, b, c, m;
	if (!digits(t, n, &j, 4, &a))
		return 0;
	if (j - i == 4) { /* year first */
		char sep = j < n ? t[j] : 0;
		if ((sep == '-' || sep == '/' || sep == '.') && (++j, digits(t, n, &j, 2, &b)) &&
		    j < n && t[j] == sep && (++j, digits(t, n, &j, 2, &c)) && put_ymd(a, b, c, out))
			return j - i;
		return date_cjk(t, n, i, out);
	}
	char sep = j < n ? t[j] : 0;
	if (sep == '.' || sep == '/' || sep == '-') {
		size_t k = skip_spaces(t, n, j + 1);
		if (digits(t, n, &k, 2, &b) && k < n && t[k] == sep) {
			size_t y0 = k = skip_spaces(t, n, k + 1);
			if (!digits(t, n, &k, 4, &c) || k - y0 != 4)
				return 0;
			/* Dots put the day first; otherwise only an order no one can
			 * misread (a day over 12) is taken. */
			bool day_first = sep == '.' || (a > 12 && b <= 12);
			if (sep != '.' && a <= 12 && b <= 12 && a != b)
				return 0;
			return put_ymd(c, day_first ? b : a, day_first ? a : b, out) ? k - i : 0;
		}
	}
	/* A day, then a month's name and the year. */
	while (j < n && (t[j] == '.' || ((t[j] | 32) >= 'a' && (t[j] | 32) <= 'z')) && j - i < 5)
		j++; /* "27th", "1er", "27." */
	j = skip_little(t, n, skip_spaces(t, n, j));
	if (j < n && t[j] == '-')
		j++;
	if (!(m = month_at(t, n, j, &used)))
		return 0;
	j = skip_spaces(t, n, j + used);
	if (j < n && (t[j] == ',' || t[j] == '-'))
		j = skip_spaces(t, n, j + 1);
	j = skip_little(t, n, j);
	size_t y0 = j;
	if (!digits(t, n, &j, 4, &c) || j - y0 != 4)
		return 0;
	return put_ymd(c, m, a, out) ? j - i : 0;
}

/* "November 27, 2024", "Nov. 27th 2024" from t[i], a month's name. */
static size_t date_from_month(const char *t, size_t n, size_t i, char out[11])
{
	size_t used, j;
	int m = month_at(t, n, i, &used), d, y;
	if (!m)
		return 0;
	j = skip_spaces(t, n, i + used);
	if (!digits(t, n, &j, 2, &d))
		return 0;
	while (j < n && ((t[j] | 32) >= 'a' && (t[j] | 32) <= 'z') && j - i < 40)
		j++;
	if (j < n && t[j] == ',')
		j++;
	j = skip_spaces(t, n, j);
	size_t y0 = j;
	if (!digits(t, n, &j, 4, &y) || j - y0 != 4)
		return 0;
	return put_ymd(y, m, d, out) ? j - i : 0;
}

static size_t date_at(const char *t, size_t n, size_t i, char out[11])
{
	if (((unsigned char)t[i] & 0xC0) == 0x80)
		return 0;
	if (t[i] >= '0' && t[i] <= '9')
		return (i == 0 || !(t[i - 1] >= '0' && t[i - 1] <= '9'))
		           ? date_from_digits(t, n, i, out)
		           : 0;
	return import_word_boundary(t, n, i) ? date_from_month(t, n, i, out) : 0;
}

/* The date within GAP bytes after a label ending at t[i], in its sentence. */
static bool date_after(const char *t, size_t n, size_t i, char out[11])
{
	for (size_t j = i; j < n && j < i + GAP; j++) {
		if (import_sentence_end(t, n, j) || t[j] == '\n')
			return false;
		if (date_at(t, n, j, out))
			return true;
	}
	return false;
}

/* A date right before one of until_words ("2026年1月12日（月）まで"). */
static bool date_until(const char *t, size_t n, char out[11])
{
	if (!import_words_has(t, n, applying_words, JK_ARRAY_LEN(applying_words)))
		return false;
	for (size_t i = 0; i < n; i++) {
		size_t l =
		    (t[i] >= '0' && t[i] <= '9' && (i == 0 || t[i - 1] < '0' || t[i - 1] > '9'))
		        ? date_from_digits(t, n, i, out)
		        : 0;
		if (!l)
			continue;
		size_t e = i + l, len = 0;
		size_t lim = e + 16 < n ? e + 16 : n; /* room for "（月）" */
		size_t at =
		    import_words_find(t + e, lim - e, until_words, JK_ARRAY_LEN(until_words), &len);
		if (at < lim - e && !memchr(t + e, '\n', at))
			return true;
		i = e - 1;
	}
	return false;
}

bool import_deadline(const char *t, size_t n, char out[11])
{
	size_t pos = 0, len = 0;
	while (pos < n) {
		size_t at = import_words_find(t + pos, n - pos, labels, JK_ARRAY_LEN(labels), &len);
		if (at >= n - pos)
			break;
		if (date_after(t, n, pos + at + len, out))
			return true;
		pos += at + len;
	}
	return date_until(t, n, out);
}
