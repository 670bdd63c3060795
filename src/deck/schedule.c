/* schedule.c — when the display is on. Pure: the wall time comes in as a
 * struct tm. Times are handled as minutes of the week (Sunday 00:00 = 0). */
#include "schedule.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define DAY_MIN 1440
#define WEEK_MIN (7 * DAY_MIN)
#define EXPECTED "expected DAYS HH:MM-HH:MM, e.g. mon-fri 08:00-18:00"
#define ALL_DAYS 0x7Fu

/* Parsing ----------------------------------------------------------------- */

static const struct {
	const char *name;
	unsigned days;
} day_names[] = {
    {"sun", 1u << 0},       {"sunday", 1u << 0}, {"mon", 1u << 1},     {"monday", 1u << 1},
    {"tue", 1u << 2},       {"tues", 1u << 2},   {"tuesday", 1u << 2}, {"wed", 1u << 3},
    {"wednesday", 1u << 3}, {"thu", 1u << 4},    {"thur", 1u << 4},    {"thurs", 1u << 4},
    {"thursday", 1u << 4},  {"fri", 1u << 5},    {"friday", 1u << 5},  {"sat", 1u << 6},
    {"saturday", 1u << 6},  {"daily", ALL_DAYS}, {"weekdays", 0x3Eu},  {"weekends", 0x41u},
};

typedef struct cursor {
	const char *s;
	size_t i, n;
} cursor;

static bool is_ws(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static void skip_ws(cursor *c)
{
	while (c->i < c->n && is_ws(c->s[c->i]))
		c->i++;
}

/* A short, printable copy of s[0..n) for messages: at most 32 bytes of it,
 * control characters and invalid UTF-8 shown as '?', "..." when cut. */
static void shorten(char *out, size_t cap, const char *s, size_t n)
{
	size_t o = 0, i = 0;
	while (i < n && o + 8 < cap && i < 32) {
		uint32_t cp;
		size_t k = jk_utf8_decode(s + i, n - i, &cp);
		bool bad = (cp == 0xFFFD && k == 1) || cp < 0x20 || cp == 0x7F;
		if (bad || i + k > 32) {
			if (!bad)
				break;
			out[o++] = '?';
		} else {
			memcpy(out + o, s + i, k);
			o += k;
		}
		i += k;
	}
	if (i < n) {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
}

/* Fails with "PRE'TOKEN'POST; expected …", TOKEN being the text at the
 * cursor up to white space or a comma, or the rest when rest. */
static int fail_at(jk_err *err, const cursor *c, bool rest, const char *pre, const char *post)
{
	size_t e = c->i;
	if (rest) {
		e = c->n;
		while (e > c->i && is_ws(c->s[e - 1]))
			e--;
	} else {
		while (e < c->n && !is_ws(c->s[e]) && c->s[e] != ',')
			e++;
	}
	char tok[48];
	shorten(tok, sizeof tok, c->s + c->i, e - c->i);
	if (e == c->i)
		return jk_fail(err, JK_EARG, "%s(end of text)%s; " EXPECTED, pre, post);
	return jk_fail(err, JK_EARG, "%s'%s'%s; " EXPECTED, pre, tok, post);
}

/* One name at the cursor; *days gets its mask, *single whether it is one
 * day (which a range may join). */
static bool read_name(cursor *c, unsigned *days, bool *single)
{
	size_t b = c->i;
	while (c->i < c->n && is_alpha(c->s[c->i]))
		c->i++;
	size_t len = c->i - b;
	for (size_t k = 0; len && k < JK_ARRAY_LEN(day_names); k++) {
		if (strlen(day_names[k].name) == len &&
		    !strncasecmp(c->s + b, day_names[k].name, len)) {
			*days = day_names[k].days;
			*single = day_names[k].days != ALL_DAYS && day_names[k].days != 0x3Eu &&
			          day_names[k].days != 0x41u;
			return true;
		}
	}
	c->i = b;
	return false;
}

static int day_index(unsigned bit)
{
	int d = 0;
	while (!(bit & 1u)) {
		bit >>= 1;
		d++;
	}
	return d;
}

static int parse_days(cursor *c, unsigned *out, jk_err *err)
{
	unsigned days = 0;
	for (;;) {
		skip_ws(c);
		cursor start = *c;
		unsigned a;
		bool single;
		if (!read_name(c, &a, &single))
			return fail_at(err, c, false, "",
			               " is not a day (mon..sun, daily, weekdays or weekends)");
		skip_ws(c);
		if (c->i < c->n && c->s[c->i] == '-') {
			c->i++;
			skip_ws(c);
			unsigned b;
			bool single_b;
			if (!single)
				return fail_at(err, &start, false, "",
				               ": a range joins two single days");
			if (!read_name(c, &b, &single_b) || !single_b)
				return fail_at(err, c, false, "",
				               " is not a day to end a range (mon..sun)");
			/* Walk forward from a to b; fri-mon wraps over the weekend. */
			for (int d = day_index(a);; d = (d + 1) % 7) {
				a |= 1u << d;
				if ((1u << d) == b)
					break;
			}
			skip_ws(c);
		}
		days |= a;
		if (c->i < c->n && c->s[c->i] == ',') {
			c->i++;
			continue;
		}
		break;
	}
	*out = days;
	return 0;
}

/* H:MM or HH:MM; *min gets minutes after midnight (24:00 gives 1440). */
static int parse_time(cursor *c, int *min, jk_err *err)
{
	size_t b = c->i;
	int h = 0, nd = 0;
	while (c->i < c->n && is_digit(c->s[c->i]) && nd < 3) {
		h = h * 10 + (c->s[c->i++] - '0');
		nd++;
	}
	if (nd < 1 || nd > 2 || c->i + 3 > c->n || c->s[c->i] != ':' || !is_digit(c->s[c->i + 1]) ||
	    !is_digit(c->s[c->i + 2]) || (c->i + 3 < c->n && is_digit(c->s[c->i + 3]))) {
		c->i = b;
		return fail_at(err, c, false, "", " is not a time HH:MM");
	}
	int m = (c->s[c->i + 1] - '0') * 10 + (c->s[c->i + 2] - '0');
	c->i += 3;
	if (h > 24 || m > 59 || (h == 24 && m != 0)) {
		c->i = b;
		return fail_at(err, c, false, "", " is not a time between 00:00 and 24:00");
	}
	*min = h * 60 + m;
	return 0;
}

int schedule_add(schedule *s, const char *text, jk_err *err)
{
	if (!s)
		return jk_fail(err, JK_EARG, "no schedule");
	cursor c = {text ? text : "", 0, text ? strlen(text) : 0};
	skip_ws(&c);
	if (c.i == c.n)
		return jk_fail(err, JK_EARG, "empty rule; " EXPECTED);
	schedule_rule r = {0};
	int on = 0, off = 0;
	int e = parse_days(&c, &r.days, err);
	if (e)
		return e;
	skip_ws(&c);
	if (c.i == c.n)
		return jk_fail(err, JK_EARG, "no times after the days; " EXPECTED);
	cursor at = c;
	if ((e = parse_time(&c, &on, err)))
		return e;
	if (on == DAY_MIN)
		return fail_at(err, &at, false, "", ": 24:00 is only an off time");
	skip_ws(&c);
	if (c.i >= c.n || c.s[c.i] != '-')
		return fail_at(err, &c, true, "", ": expected '-' and an off time");
	c.i++;
	skip_ws(&c);
	if ((e = parse_time(&c, &off, err)))
		return e;
	skip_ws(&c);
	if (c.i < c.n)
		return fail_at(err, &c, true, "unexpected ", " after the times");
	if (on == off)
		return fail_at(err, &at, true, "",
		               ": on and off are the same time (always on: "
		               "daily 00:00-24:00)");
	r.on = on;
	r.off = off % DAY_MIN;
	if (s->n >= SCHEDULE_MAX_RULES)
		return jk_fail(err, JK_ETOOBIG, "more than %d schedule rules", SCHEDULE_MAX_RULES);
	s->rules[s->n++] = r;
	return 0;
}

/* Evaluation -------------------------------------------------------------- */

static int wrap(int v, int n)
{
	v %= n;
	return v < 0 ? v + n : v;
}

static int week_minute(const struct tm *tm)
{
	return wrap(tm->tm_wday, 7) * DAY_MIN + wrap(tm->tm_hour, 24) * 60 + wrap(tm->tm_min, 60);
}

/* Is rule r on at minute t of the week? The part of a period after
 * midnight belongs to the day before. */
static bool rule_on(const schedule_rule *r, int t)
{
	int d = t / DAY_MIN, m = t % DAY_MIN;
	int on = wrap(r->on, DAY_MIN), off = wrap(r->off, DAY_MIN);
	bool today = r->days & (1u << d), yesterday = r->days & (1u << wrap(d - 1, 7));
	if (off > on)
		return today && m >= on && m < off;
	return (today && m >= on) || (yesterday && m < off);
}

static bool on_at(const schedule *s, int t)
{
	for (size_t i = 0; i < s->n; i++)
		if (rule_on(&s->rules[i], t))
			return true;
	return false;
}

bool schedule_is_on(const schedule *s, const struct tm *tm)
{
	if (!s || !s->n || !tm)
		return true;
	return on_at(s, week_minute(tm));
}

/* The state can only change at a rule's on or off minute on one of its days
 * (or the day after, for the off of a period past midnight): at most
 * 32 * 7 * 2 candidates, each checked against the state now. */
int schedule_minutes_to_change(const schedule *s, const struct tm *tm)
{
	if (!s || !s->n || !tm)
		return -1;
	int now = week_minute(tm);
	bool state = on_at(s, now);
	int best = -1;
	for (size_t i = 0; i < s->n; i++) {
		const schedule_rule *r = &s->rules[i];
		int on = wrap(r->on, DAY_MIN), off = wrap(r->off, DAY_MIN);
		for (int d = 0; d < 7; d++) {
			if (!(r->days & (1u << d)))
				continue;
			int edges[2] = {d * DAY_MIN + on,
			                d * DAY_MIN + off + (off <= on ? DAY_MIN : 0)};
			for (int k = 0; k < 2; k++) {
				int dt = wrap(edges[k] - now, WEEK_MIN);
				if (dt == 0 || (best >= 0 && dt >= best))
					continue;
				if (on_at(s, (now + dt) % WEEK_MIN) != state)
					best = dt;
			}
		}
	}
	return best;
}

/* Formatting -------------------------------------------------------------- */

void schedule_rule_format(const schedule_rule *r, char *out, size_t cap)
{
	if (!out || !cap)
		return;
	if (!r) {
		out[0] = '\0';
		return;
	}
	static const char *const names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
	char days[64] = "";
	unsigned m = r->days & ALL_DAYS;
	if (m == ALL_DAYS) {
		snprintf(days, sizeof days, "daily");
	} else {
		size_t o = 0;
		/* Monday first: runs of two or more days become ranges. */
		for (int k = 0; k < 7;) {
			int d = (k + 1) % 7;
			if (!(m & (1u << d))) {
				k++;
				continue;
			}
			int e = k;
			while (e + 1 < 7 && (m & (1u << ((e + 2) % 7))))
				e++;
			int last = (e + 1) % 7;
			o += (size_t)snprintf(days + o, sizeof days - o, "%s%s", o ? "," : "",
			                      names[d]);
			if (e > k)
				o +=
				    (size_t)snprintf(days + o, sizeof days - o, "-%s", names[last]);
			k = e + 1;
		}
		if (!o)
			snprintf(days, sizeof days, "none");
	}
	int on = wrap(r->on, DAY_MIN), off = wrap(r->off, DAY_MIN);
	/* An off time of midnight reads as the end of the day. */
	if (off == 0)
		off = DAY_MIN;
	snprintf(out, cap, "%s %02d:%02d-%02d:%02d", days, on / 60, on % 60, off / 60, off % 60);
}
