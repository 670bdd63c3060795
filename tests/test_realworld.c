/* test_realworld.c — the postings people really have. Every file of
 * ../shared/fixtures/real-world/ is read and its first posting compared with
 * the title and apply target SOURCES.tsv says a person would read; the
 * score is printed and anything below 100% fails unless the row is marked
 * below with its reason. Then every posting of that folder and of samples/
 * is laid out with the real fonts and the laid-out text is searched for
 * markup: tags, entities, Liquid, Markdown, YAML keys, CSS, mail headers. */
#include "testutil.h"

#include "import.h"
#include "render.h"

#include <ctype.h>
#include <dirent.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Rows whose expected value the file alone cannot give, with the reason.
 * Where the value comes from the address the payload is fetched from,
 * as_source names it: the row is read again as if fetched from there and
 * must then be right. */
static const struct {
	const char *file;
	const char *column; /* "title" or "apply" */
	const char *reason;
	const char *as_source;
} marked[] = {
    {"ats-workday-salesforce-cxs.json", "apply",
     "a Workday list holds only paths (externalPath); the tenant's host and site are in the "
     "address it is fetched from, which the file does not keep",
     "https://salesforce.wd12.myworkdayjobs.com/wday/cxs/salesforce/External_Career_Site/jobs"},
    {"txt-yahoo-node-hiring.txt", "title",
     "the text states no title and names no role, only 'Quick facts' about Node.js at Yahoo; "
     "the title comes from the file's name",
     NULL},
    {"mail-usrp-users-astranis-hiring.eml", "title",
     "the message names no role: its Subject hires 'Radio Enthusiasts at Astranis' and the "
     "body people 'with a background in digital communications'; the title is the Subject's",
     NULL},
};

static int marked_row(const char *file, const char *column)
{
	for (size_t i = 0; i < JK_ARRAY_LEN(marked); i++)
		if (!strcmp(marked[i].file, file) && !strcmp(marked[i].column, column))
			return (int)i;
	return -1;
}

/* ---- comparing titles ---------------------------------------------------- */

enum { MAX_TOKENS = 96, TOKEN_BYTES = 48 };

typedef struct tokens {
	char v[MAX_TOKENS][TOKEN_BYTES];
	size_t n;
} tokens;

static uint32_t next_cp(const unsigned char **s)
{
	const unsigned char *p = *s;
	uint32_t c = *p++;
	int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
	c &= more == 3 ? 0x07 : more == 2 ? 0x0F : more == 1 ? 0x1F : 0x7F;
	while (more-- && (*p & 0xC0) == 0x80)
		c = (c << 6) | (*p++ & 0x3F);
	*s = p;
	return c;
}

/* Punctuation of every script separates words; CJK ideographs, kana and
 * hangul are words of one character each (they are written without
 * spaces); any other letter is part of a word. */
static int cp_class(uint32_t c)
{
	if (c < 0x80)
		return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') ? 'w'
		                                                                          : ' ';
	if ((c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) ||
	    (c >= 0xFF00 && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) || c >= 0xFF5B ||
	    c == 0xA0 || c == 0xB7 || c == 0x2026)
		return ' ';
	if (c >= 0x2E80)
		return 'c';
	return 'w';
}

static void tokenize(const char *text, tokens *t)
{
	static const char *const stop[] = {"at", "in", "for", "of", "the", "a", "an", "and", "und"};
	const unsigned char *s = (const unsigned char *)text;
	char word[TOKEN_BYTES];
	size_t wn = 0;
	t->n = 0;
	for (;;) {
		const unsigned char *at = s;
		uint32_t c = *s ? next_cp(&s) : 0;
		int cls = c ? cp_class(c) : ' ';
		if (cls == 'w' && wn + (size_t)(s - at) < sizeof word) {
			for (const unsigned char *k = at; k < s; k++)
				word[wn++] =
				    (char)(*k < 0x80 ? (*k | (isupper(*k) ? 0x20 : 0)) : *k);
			continue;
		}
		if (wn) {
			word[wn] = '\0';
			bool skip = false;
			for (size_t i = 0; i < JK_ARRAY_LEN(stop); i++)
				skip |= !strcmp(word, stop[i]);
			if (!skip && t->n < MAX_TOKENS)
				memcpy(t->v[t->n++], word, wn + 1);
			wn = 0;
		}
		if (cls == 'c' && t->n < MAX_TOKENS) {
			memcpy(t->v[t->n], at, (size_t)(s - at));
			t->v[t->n++][s - at] = '\0';
		}
		if (!c)
			break;
	}
}

/* Words match when equal, or when one begins the other and the shorter has
 * four letters or more ("researcher" and "researchers"). */
static bool word_match(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), m = la < lb ? la : lb;
	return la == lb ? !strcmp(a, b) : m >= 4 && !strncmp(a, b, m);
}

static bool has_word(const tokens *t, const char *w)
{
	for (size_t i = 0; i < t->n; i++)
		if (word_match(t->v[i], w))
			return true;
	return false;
}

/* The title part of SOURCES.tsv's description: before the first ';' (the
 * second posting) and ', ' (the organisation), with parentheses dropped;
 * for a name in two parts joined by " – " the first part. */
static void want_core(const char *want, char *out, size_t cap)
{
	size_t o = 0;
	int depth = 0;
	for (const char *s = want; *s && o + 1 < cap; s++) {
		if (*s == '(')
			depth++;
		else if (*s == ')' && depth)
			depth--;
		else if (!depth && (*s == ';' || (*s == ',' && s[1] == ' ')))
			break;
		else if (!depth && !strncmp(s, " \xE2\x80\x93 ", 5))
			break;
		else if (!depth)
			out[o++] = *s;
	}
	out[o] = '\0';
}

/* Every word of the core is in the title (or the organisation, for "X at
 * Company"), at least half of them in the title itself, and the title adds
 * few words the person did not read. */
static bool title_right(const char *want, const posting *p)
{
	if (!p->title)
		return false;
	char core[1024];
	want_core(want, core, sizeof core);
	tokens wc, wall, got, org;
	tokenize(core, &wc);
	tokenize(want, &wall);
	tokenize(p->title, &got);
	tokenize(p->organization ? p->organization : "", &org);
	size_t in_title = 0, extra = 0;
	for (size_t i = 0; i < wc.n; i++) {
		bool t = has_word(&got, wc.v[i]);
		in_title += t;
		if (!t && !has_word(&org, wc.v[i]))
			return false;
	}
	for (size_t i = 0; i < got.n; i++)
		extra += !has_word(&wall, got.v[i]);
	size_t allowed = wc.n / 3 > 1 ? wc.n / 3 : 1;
	return wc.n && in_title * 2 >= wc.n && extra <= allowed;
}

/* Apply targets are compared exactly, but for the case of a mailto:
 * address and a trailing slash; a mailto: that adds the subject line the
 * posting asks for ("?subject=…") is the same address. */
static bool apply_right(const char *want, const char *got)
{
	if (!strcmp(want, "none stated"))
		return true;
	if (!got)
		return false;
	bool mail = !strncasecmp(want, "mailto:", 7);
	size_t lw = strlen(want), lg = strlen(got);
	if (mail && !strchr(want, '?') && strchr(got, '?'))
		lg = (size_t)(strchr(got, '?') - got);
	lw -= lw && want[lw - 1] == '/';
	lg -= lg && got[lg - 1] == '/';
	if (lw != lg)
		return false;
	return mail ? !strncasecmp(want, got, lw) : !strncmp(want, got, lw);
}

/* ---- reading ---------------------------------------------------------- */

static bool read_file(const char *path, const char *as_source, posting_list *out, char *why,
                      size_t whylen)
{
	size_t len;
	char *data = tu_read(path, &len);
	import_opts o = {.source = as_source ? as_source : path};
	jk_err err = {0};
	int r = import_bytes(data, len, &o, out, &err);
	free(data);
	if (r)
		snprintf(why, whylen, "%s", err.msg);
	return r == 0 && out->n > 0;
}

/* The reason a wrong value is marked with, after checking that it is
 * right when read from its stated address; NULL when not marked. */
static const char *marked_reason(const char *path, char **f, const char *column)
{
	int m = marked_row(f[0], column);
	if (m < 0)
		return NULL;
	if (!marked[m].as_source)
		return marked[m].reason;
	posting_list l;
	posting_list_init(&l);
	char why[512] = "";
	bool ok = read_file(path, marked[m].as_source, &l, why, sizeof why);
	bool right = ok && (!strcmp(column, "title") ? title_right(f[5], l.items[0])
	                                             : apply_right(f[6], l.items[0]->apply));
	posting_list_free(&l);
	return right ? marked[m].reason : NULL;
}

typedef struct score {
	size_t rows, titles, applies, marked_titles, marked_applies;
} score;

static void score_row(char *line, score *sc, char *report, size_t cap)
{
	char *f[8] = {0};
	size_t nf = 0;
	for (char *tok = line; tok && nf < 8; nf++) {
		f[nf] = tok;
		tok = strchr(tok, '\t');
		if (tok)
			*tok++ = '\0';
	}
	if (nf < 7)
		return;
	char path[1024], why[512] = "";
	snprintf(path, sizeof path, "%s", tu_fixture("real-world/"));
	strncat(path, f[0], sizeof path - strlen(path) - 1);
	posting_list l;
	posting_list_init(&l);
	bool ok = read_file(path, NULL, &l, why, sizeof why);
	const posting *p = ok ? l.items[0] : NULL;
	bool t = p && title_right(f[5], p), a = p && apply_right(f[6], p->apply);
	const char *mt = t ? NULL : marked_reason(path, f, "title");
	const char *ma = a ? NULL : marked_reason(path, f, "apply");
	sc->rows++;
	sc->titles += t, sc->applies += a;
	sc->marked_titles += mt != NULL, sc->marked_applies += ma != NULL;
	size_t used = strlen(report);
	if ((!t && !mt) || (!a && !ma))
		snprintf(
		    report + used, cap - used, "  %s:%s%s%s%s%s%s%s\n", f[0],
		    !t && !mt ? " title \"" : "", !t && !mt ? (p && p->title ? p->title : "-") : "",
		    !t && !mt ? "\"" : "", !a && !ma ? " apply " : "",
		    !a && !ma ? (p && p->apply ? p->apply : "-") : "", why[0] ? " — " : "", why);
	posting_list_free(&l);
}

static void test_sources_tsv_score(void **state)
{
	(void)state;
	size_t len;
	char *tsv = tu_read(tu_fixture("real-world/SOURCES.tsv"), &len);
	score sc = {0};
	char report[16384] = "";
	for (char *line = tsv, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (*line && *line != '#')
			score_row(line, &sc, report, sizeof report);
	}
	free(tsv);
	for (size_t i = 0; i < JK_ARRAY_LEN(marked); i++)
		printf("marked: %s (%s): %s\n", marked[i].file, marked[i].column, marked[i].reason);
	printf("real-world: %zu files; titles %zu/%zu (%.0f%%), apply %zu/%zu (%.0f%%); "
	       "marked: %zu titles, %zu apply\n",
	       sc.rows, sc.titles, sc.rows, 100.0 * (double)sc.titles / (double)sc.rows, sc.applies,
	       sc.rows, 100.0 * (double)sc.applies / (double)sc.rows, sc.marked_titles,
	       sc.marked_applies);
	assert_true(sc.rows >= 20);
	if (report[0]) {
		printf("wrong without a stated reason:\n%s", report);
		fail_msg("real-world postings read wrong");
	}
}

/* The title comparison itself. */
static void test_title_rule(void **state)
{
	(void)state;
	posting p = {.title = "Senior Software Engineer"};
	assert_true(title_right("Senior Software Engineer, biicode (Madrid)", &p));
	p.title = "Kaleo Software: Senior Software Engineer";
	assert_true(title_right("Senior Software Engineer, Kaleo Software (first item)", &p));
	p.title = "Jobs";
	assert_false(title_right("Software Engineer (systems programming), Immunant", &p));
	p.title = "Return-Path: <usrp-users-bounces@lists.ettus.com>";
	assert_false(title_right("SDR Engineer, SkySafe", &p));
	p.title = "Reinigungskraft";
	assert_false(
	    title_right("Reinigungskraft (m/w/d) auf geringfügiger Basis, Tierklinik", &p));
	p.title = "\xE3\x82\xB9\xE3\x82\xBF\xE3\x83\x83\xE3\x83\x95\xE5\x8B\x9F\xE9\x9B\x86"
	          "\xE4\xB8\xAD\xEF\xBC\x81";
	assert_true(title_right("\xE3\x82\xB9\xE3\x82\xBF\xE3\x83\x83\xE3\x83\x95\xE5\x8B\x9F"
	                        "\xE9\x9B\x86 \xE2\x80\x93 volunteer staff (festival)",
	                        &p));
	p.title = "Postdoctoral researchers";
	assert_true(title_right("Postdoctoral researcher, An Lab, Korea University", &p));
	p.title = "Node.js engineer";
	p.organization = "Yahoo";
	assert_true(title_right("Node.js engineer at Yahoo, San Francisco (no title)", &p));
	assert_true(apply_right("mailto:A@b.org", "mailto:a@b.org"));
	assert_true(apply_right("mailto:a@b.org", "mailto:a@b.org?subject=Engineer"));
	assert_false(apply_right("mailto:a@b.org", "mailto:a@b.organic"));
	assert_false(apply_right("https://x.org/A", "https://x.org/a"));
}

/* ---- no markup on screen ---------------------------------------------- */

static render_fonts *fonts;

static const char *const markup_patterns[] = {
    "</?[A-Za-z][A-Za-z0-9]*([ \t][^<>]*)?/?>",    /* a tag */
    "&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]{2,8});", /* an entity */
    "\\{%|%\\}|\\{\\{|\\}\\}",                     /* Liquid, shortcodes */
    "\\]\\(|!\\[|\\*\\*|^#{1,6} |```",             /* Markdown */
    "\\{:",                                        /* kramdown attributes */
    "<!--|-->",                                    /* comments */
    "`_|^\\.\\. [a-z-]+::",                        /* reStructuredText */
    "^(layout|permalink|categories|draft|slug|weight|menu|excerpt|redirect_from|"
    "sitemap|published|aliases|type): ", /* front matter keys */
    "^(Return-Path|Received|Message-I[dD]|DKIM-Signature|X-[A-Za-z-]+|Content-Type|"
    "MIME-Version|In-Reply-To|References): ", /* mail headers */
    "[a-z-]+ *: *[^;{}]+; *[a-z-]+ *:",       /* CSS declarations */
};

typedef struct markup_check {
	regex_t re[JK_ARRAY_LEN(markup_patterns)];
	size_t boxes, postings, bad;
	char last[256]; /* the file the last remark was about */
	size_t in_file; /* remarks about it so far */
	char report[8192];
} markup_check;

static void check_text(markup_check *mc, const char *where, const char *text, size_t len)
{
	char buf[2048];
	snprintf(buf, sizeof buf, "%.*s", (int)len, text);
	for (size_t i = 0; i < JK_ARRAY_LEN(markup_patterns); i++)
		if (regexec(&mc->re[i], buf, 0, NULL, 0) == 0) {
			size_t used = strlen(mc->report);
			if (strcmp(mc->last, where))
				snprintf(mc->last, sizeof mc->last, "%s", where), mc->in_file = 0;
			mc->bad++;
			if (mc->in_file++ < 4)
				snprintf(mc->report + used, sizeof mc->report - used,
				         "  %s: \"%s\"\n", where, buf);
			return;
		}
}

static void check_laid_out(markup_check *mc, const posting *p, const char *file)
{
	layout_theme theme = layout_theme_default();
	layout_params lp = {
	    .w = 1920, .h = 1080, .theme = &theme, .measure = render_measurer(fonts)};
	layout_doc d;
	jk_err err = {0};
	if (layout_posting(p, &lp, &d, &err))
		fail_msg("%s: %s", file, err.msg);
	mc->postings++;
	for (size_t k = 0; k < d.npages; k++)
		for (size_t b = 0; b < d.pages[k].n; b++) {
			const layout_box *x = &d.pages[k].boxes[b];
			if (x->kind != LAYOUT_TEXT || !x->len)
				continue;
			mc->boxes++;
			check_text(mc, file, x->text, x->len);
		}
	layout_doc_free(&d);
}

static void check_folder(markup_check *mc, const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !strcmp(e->d_name, "SOURCES.tsv") ||
		    !strcmp(e->d_name, "README.md"))
			continue;
		char path[1024], why[512] = "";
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		posting_list l;
		posting_list_init(&l);
		size_t used = strlen(mc->report);
		if (!read_file(path, NULL, &l, why, sizeof why)) {
			mc->bad++;
			snprintf(mc->report + used, sizeof mc->report - used,
			         "  %s: nothing read: %s\n", e->d_name, why);
		}
		for (size_t i = 0; i < l.n; i++) {
			if (!l.items[i]->title || !*l.items[i]->title) {
				mc->bad++;
				used = strlen(mc->report);
				snprintf(mc->report + used, sizeof mc->report - used,
				         "  %s: posting %zu has no title\n", e->d_name, i + 1);
			}
			check_laid_out(mc, l.items[i], e->d_name);
		}
		posting_list_free(&l);
	}
	closedir(d);
}

static void test_no_markup_on_screen(void **state)
{
	(void)state;
	static markup_check mc;
	memset(&mc, 0, sizeof mc);
	for (size_t i = 0; i < JK_ARRAY_LEN(markup_patterns); i++)
		assert_int_equal(regcomp(&mc.re[i], markup_patterns[i], REG_EXTENDED | REG_NOSUB),
		                 0);
	jk_err err = {0};
	if (render_fonts_open(&fonts, &err))
		fail_msg("%s", err.msg);
	char rw[1024];
	snprintf(rw, sizeof rw, "%s", tu_fixture("real-world"));
	check_folder(&mc, rw);
	check_folder(&mc, tu_root("samples"));
	render_fonts_close(fonts);
	for (size_t i = 0; i < JK_ARRAY_LEN(markup_patterns); i++)
		regfree(&mc.re[i]);
	printf("laid out %zu postings, %zu text runs: %zu with markup\n", mc.postings, mc.boxes,
	       mc.bad);
	assert_true(mc.postings >= 40);
	if (mc.bad) {
		printf("markup on screen, or nothing to show:\n%s", mc.report);
		fail_msg("%zu runs with markup or postings without text", mc.bad);
	}
}

/* The patterns catch what they are for, and not ordinary text. */
static void test_markup_patterns(void **state)
{
	(void)state;
	static markup_check mc;
	memset(&mc, 0, sizeof mc);
	for (size_t i = 0; i < JK_ARRAY_LEN(markup_patterns); i++)
		assert_int_equal(regcomp(&mc.re[i], markup_patterns[i], REG_EXTENDED | REG_NOSUB),
		                 0);
	const char *bad[] = {"a <br> b",
	                     "Tom &amp; Jerry",
	                     "{{ site.url }}",
	                     "[apply](http://x)",
	                     "{: .lead}",
	                     "layout: post",
	                     "Return-Path: <x@y>",
	                     "color: red; margin: 0",
	                     "`Apply <http://x>`_",
	                     "**Note**"};
	const char *good[] = {"Salary 50k < 60k",    "R&D team",   "Location: Berlin",
	                      "Ratio 1:2; then 3:4", "C++ & Rust", "Send it to a@b.org"};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++) {
		size_t before = mc.bad;
		check_text(&mc, "bad", bad[i], strlen(bad[i]));
		if (mc.bad == before)
			fail_msg("not caught: %s", bad[i]);
	}
	size_t before = mc.bad;
	for (size_t i = 0; i < JK_ARRAY_LEN(good); i++)
		check_text(&mc, "good", good[i], strlen(good[i]));
	if (mc.bad != before)
		fail_msg("ordinary text taken for markup:\n%s", mc.report);
	for (size_t i = 0; i < JK_ARRAY_LEN(markup_patterns); i++)
		regfree(&mc.re[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_title_rule),
	    cmocka_unit_test(test_markup_patterns),
	    cmocka_unit_test(test_sources_tsv_score),
	    cmocka_unit_test(test_no_markup_on_screen),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
