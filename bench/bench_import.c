/* bench_import.c — ingest speed: 1,000 generated postings (2–6 KB each) in
 * every format, parsed through import_bytes on one core. Prints postings
 * per second and MB/s, overall and per format; never asserts timings.
 * Target (issue 2): at least 2,000 postings/s. */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define POSTINGS 1000
#define ROUNDS 5

typedef enum {
	MD_YAML,
	MD_TOML,
	HTML_LD,
	HTML_FRAG,
	GREENHOUSE,
	LEVER,
	JSONFEED,
	RSS,
	ATOM,
	TEXT,
	MAIL,
	RST,
	NFMT
} fmt;
static const char *const fmt_name[NFMT] = {
    "markdown+yaml", "markdown+toml", "html+json-ld", "html fragment", "greenhouse", "lever",
    "json feed",     "rss",           "atom",         "text",          "mail",       "rst"};
static const char *const fmt_source[NFMT] = {"a.md",   "b.md",   "c.html", "d.html",
                                             "e.json", "f.json", "g.json", "h.rss",
                                             "i.atom", "j.txt",  "k.eml",  "l.rst"};
/* Postings per document: boards and feeds hold several. */
static const int per_doc[NFMT] = {1, 1, 1, 1, 5, 5, 5, 5, 5, 1, 1, 1};

static unsigned long long rng = 88172645463325252ULL;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static const char *const words[] = {
    "team",    "build",   "customers", "data",   "systems",     "safely",       "weekly",
    "design",  "support", "project",   "clear",  "reliable",    "service",      "training",
    "across",  "improve", "review",    "plan",   "shift",       "field",        "written",
    "English", "results", "tools",     "growth", "caf\xC3\xA9", "na\xC3\xAFve", "\xE2\x80\x94",
    "quality", "learn",   "share",     "own"};

static void sentence(jk_buf *b, int nwords)
{
	for (int i = 0; i < nwords; i++)
		jk_buf_printf(b, "%s%s", i ? " " : "", words[rnd(JK_ARRAY_LEN(words))]);
	jk_buf_putc(b, '.');
}

/* One posting's body as a neutral outline: 'h' heading, 'p' paragraph,
 * 'b' bullet; rendered per format below. Roughly 2–6 KB of text. */
typedef struct part {
	char kind;
	char *text;
} part;

static size_t outline(part *parts, size_t max)
{
	size_t n = 0, target = 2000 + rnd(4000), bytes = 0;
	while (bytes < target && n + 6 < max) {
		jk_buf b = {0};
		sentence(&b, 3 + (int)rnd(3));
		parts[n++] = (part){'h', jk_buf_detach(&b)};
		for (int k = 0; k < 2; k++) {
			sentence(&b, 25 + (int)rnd(30));
			bytes += b.len;
			parts[n++] = (part){'p', jk_buf_detach(&b)};
		}
		for (int k = 0; k < 3; k++) {
			sentence(&b, 6 + (int)rnd(10));
			bytes += b.len;
			parts[n++] = (part){'b', jk_buf_detach(&b)};
		}
	}
	return n;
}

static void put_html(jk_buf *b, const part *pt, size_t n)
{
	bool list = false;
	for (size_t i = 0; i < n; i++) {
		if (pt[i].kind != 'b' && list)
			jk_buf_puts(b, "</ul>"), list = false;
		if (pt[i].kind == 'b' && !list)
			jk_buf_puts(b, "<ul>"), list = true;
		jk_buf_printf(b,
		              pt[i].kind == 'h'   ? "<h2>%s</h2>"
		              : pt[i].kind == 'p' ? "<p>%s</p>"
		                                  : "<li>%s</li>",
		              pt[i].text);
	}
	if (list)
		jk_buf_puts(b, "</ul>");
}

static void put_text(jk_buf *b, const part *pt, size_t n, bool md)
{
	for (size_t i = 0; i < n; i++)
		jk_buf_printf(b,
		              pt[i].kind == 'h'   ? (md ? "\n## %s\n\n" : "\n%s:\n")
		              : pt[i].kind == 'p' ? "%s\n\n"
		                                  : "- %s\n",
		              pt[i].text);
}

/* reStructuredText: underlined headings, blank lines around lists. */
static void put_rst(jk_buf *b, const part *pt, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		bool list_ends = pt[i].kind == 'b' && (i + 1 == n || pt[i + 1].kind != 'b');
		jk_buf_printf(b, pt[i].kind == 'b' ? "- %s\n" : "%s\n", pt[i].text);
		for (size_t k = 0; pt[i].kind == 'h' && k < strlen(pt[i].text) + 2; k++)
			jk_buf_putc(b, '-');
		jk_buf_puts(b, pt[i].kind == 'h'                ? "\n\n"
		               : pt[i].kind == 'p' || list_ends ? "\n"
		                                                : "");
	}
}

/* JSON string body of s (quotes and backslashes escaped); entity-escaped
 * once more for Greenhouse. */
static void put_json_str(jk_buf *b, const char *s, bool entities)
{
	for (; *s; s++) {
		if (entities && *s == '<')
			jk_buf_puts(b, "&lt;");
		else if (entities && *s == '>')
			jk_buf_puts(b, "&gt;");
		else if (*s == '"' || *s == '\\')
			jk_buf_printf(b, "\\%c", *s);
		else if (*s == '\n')
			jk_buf_puts(b, "\\n");
		else
			jk_buf_putc(b, *s);
	}
}

static void put_xml_escaped(jk_buf *b, const char *s)
{
	for (; *s; s++)
		*s == '<'   ? jk_buf_puts(b, "&lt;")
		: *s == '&' ? jk_buf_puts(b, "&amp;")
		            : jk_buf_putc(b, *s);
}

/* Appends posting number i of format f to the document in b. */
static void posting_into(jk_buf *b, fmt f, int i, int k)
{
	part pt[200];
	size_t n = outline(pt, JK_ARRAY_LEN(pt));
	jk_buf html = {0}, text = {0};
	put_html(&html, pt, n);
	put_text(&text, pt, n, f == MD_YAML || f == MD_TOML);
	const char *title = "Field Service Engineer";
	switch (f) {
	case MD_YAML:
		jk_buf_printf(
		    b,
		    "---\ntitle: %s %d\ncompany: Example Works\nlocation: Lyon, France\n"
		    "salary: EUR 40,000 per year\ndate: 2026-10-01\nexpires: 2027-06-30\n"
		    "apply: https://jobs.example.org/%d\ntags: [field, service]\n---\n\n%s",
		    title, i, i, text.data);
		break;
	case MD_TOML:
		jk_buf_printf(b,
		              "+++\ntitle = \"%s %d\"\ncompany = \"Example Works\"\n"
		              "location = \"Lyon, France\"\ndate = 2026-10-01\n"
		              "apply = \"https://jobs.example.org/%d\"\n+++\n\n%s",
		              title, i, i, text.data);
		break;
	case HTML_LD:
		jk_buf_printf(b,
		              "<!DOCTYPE html><html><head><title>%s</title><script "
		              "type=\"application/ld+json\">"
		              "{\"@context\":\"https://"
		              "schema.org\",\"@type\":\"JobPosting\",\"title\":\"%s %d\","
		              "\"hiringOrganization\":{\"name\":\"Example "
		              "Works\"},\"datePosted\":\"2026-10-01\","
		              "\"url\":\"https://jobs.example.org/%d\",\"description\":\"",
		              title, title, i, i);
		put_json_str(b, html.data, false);
		jk_buf_printf(
		    b,
		    "\"}</script></head><body><nav><a href=\"/\">Home</a></nav><h1>%s</h1>%s"
		    "</body></html>",
		    title, html.data);
		break;
	case HTML_FRAG:
		jk_buf_printf(b,
		              "<h1>%s %d</h1><p>Example Works \xC2\xB7 Lyon, France</p>%s"
		              "<p><a href=\"https://jobs.example.org/%d\">Apply now</a></p>",
		              title, i, html.data, i);
		break;
	case GREENHOUSE:
		jk_buf_printf(b,
		              "%s{\"id\":%d,\"title\":\"%s %d\",\"location\":{\"name\":\"Lyon\"},"
		              "\"absolute_url\":\"https://boards.example.com/j/%d\","
		              "\"updated_at\":\"2026-10-01T09:00:00Z\",\"metadata\":[{\"name\":"
		              "\"Employment Type\",\"value\":\"Full-time\"}],\"content\":\"",
		              k ? "," : "", i, title, i, i);
		put_json_str(b, html.data, true);
		jk_buf_puts(b, "\"}");
		break;
	case LEVER:
		jk_buf_printf(b,
		              "%s{\"id\":\"lv-%d\",\"text\":\"%s %d\",\"categories\":{\"location\":"
		              "\"Lyon\",\"commitment\":\"Full-time\"},\"hostedUrl\":"
		              "\"https://jobs.example.com/x/%d\",\"createdAt\":1790812800000,"
		              "\"description\":\"",
		              k ? "," : "", i, title, i, i);
		put_json_str(b, html.data, false);
		jk_buf_puts(b, "\",\"lists\":[{\"text\":\"Requirements\",\"content\":\"<li>One</li>"
		               "<li>Two</li>\"}]}");
		break;
	case JSONFEED:
		jk_buf_printf(
		    b,
		    "%s{\"id\":\"%d\",\"url\":\"https://jobs.example.org/%d\",\"title\":\"%s %d\","
		    "\"date_published\":\"2026-10-01T09:00:00Z\",\"content_html\":\"",
		    k ? "," : "", i, i, title, i);
		put_json_str(b, html.data, false);
		jk_buf_puts(b, "\"}");
		break;
	case RSS:
		jk_buf_printf(b,
		              "<item><title>%s %d</title><link>https://jobs.example.org/%d</link>"
		              "<guid>g%d</guid><pubDate>Thu, 01 Oct 2026 09:00:00 +0000</pubDate>"
		              "<description>",
		              title, i, i, i);
		put_xml_escaped(b, html.data);
		jk_buf_puts(b, "</description></item>\n");
		break;
	case ATOM:
		jk_buf_printf(
		    b,
		    "<entry><title>%s %d</title><link href=\"https://jobs.example.org/%d\"/>"
		    "<id>e%d</id><updated>2026-10-01T09:00:00Z</updated><content type=\"html\">",
		    title, i, i, i);
		put_xml_escaped(b, html.data);
		jk_buf_puts(b, "</content></entry>\n");
		break;
	case MAIL:
		jk_buf_printf(b,
		              "From: Ana Ruiz via jobs <jobs@lists.example.org>\n"
		              "Reply-To: Ana Ruiz <ana@works.example.org>\n"
		              "To: jobs@lists.example.org\nDate: Thu, 01 Oct 2026 09:00:00 +0200\n"
		              "Message-ID: <%d@works.example.org>\nSubject: [jobs] Re: %s %d\n"
		              "List-Post: <mailto:jobs@lists.example.org>\nMIME-Version: 1.0\n"
		              "Content-Type: text/plain; charset=utf-8\n"
		              "Content-Transfer-Encoding: 8bit\n\n%s\nApply: "
		              "https://jobs.example.org/%d\n\n-- \nAna Ruiz\n"
		              "_______________________________________________\n"
		              "jobs mailing list -- jobs@lists.example.org\n",
		              i, title, i, text.data, i);
		break;
	case RST:
		jk_buf_printf(b,
		              "%s %d\n============================\n\n:date: 2026-10-01\n"
		              ":tags: field, service\n\n",
		              title, i);
		put_rst(b, pt, n);
		jk_buf_printf(b, "`Apply online <https://jobs.example.org/%d>`_\n", i);
		break;
	default:
		jk_buf_printf(b,
		              "%s %d\n\nCompany: Example Works\nLocation: Lyon, France\n"
		              "Apply: https://jobs.example.org/%d\n\n%s",
		              title, i, i, text.data);
	}
	for (size_t j = 0; j < n; j++)
		free(pt[j].text);
	jk_buf_free(&html);
	jk_buf_free(&text);
}

typedef struct doc {
	fmt f;
	char *data;
	size_t len;
} doc;

static size_t make_corpus(doc *docs)
{
	static const char *const open[NFMT] = {
	    [GREENHOUSE] = "{\"jobs\":[",
	    [LEVER] = "[",
	    [JSONFEED] =
	        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Example Works\","
	        "\"items\":[",
	    [RSS] =
	        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Example Works</title>",
	    [ATOM] = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
	             "<title>Example Works</title>"};
	static const char *const close[NFMT] = {[GREENHOUSE] = "]}",
	                                        [LEVER] = "]",
	                                        [JSONFEED] = "]}",
	                                        [RSS] = "</channel></rss>",
	                                        [ATOM] = "</feed>"};
	size_t nd = 0;
	int made = 0;
	for (int f = 0; made < POSTINGS; f = (f + 1) % NFMT) {
		jk_buf b = {0};
		jk_buf_puts(&b, open[f] ? open[f] : "");
		for (int k = 0; k < per_doc[f] && made < POSTINGS; k++)
			posting_into(&b, (fmt)f, made++, k);
		jk_buf_puts(&b, close[f] ? close[f] : "");
		docs[nd++] = (doc){(fmt)f, b.data, b.len};
	}
	return nd;
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(void)
{
	static doc docs[POSTINGS];
	size_t nd = make_corpus(docs), bytes = 0;
	for (size_t i = 0; i < nd; i++)
		bytes += docs[i].len;
	double best = 1e9, fmt_time[NFMT] = {0};
	size_t postings = 0, fmt_postings[NFMT] = {0}, fmt_bytes[NFMT] = {0}, failed = 0;
	char first_error[300] = "";
	for (int round = 0; round < ROUNDS; round++) {
		double t0 = now();
		postings = 0;
		for (size_t i = 0; i < nd; i++) {
			posting_list l;
			posting_list_init(&l);
			jk_err err = {0};
			import_opts o = {.source = fmt_source[docs[i].f]};
			double d0 = now();
			if (import_bytes(docs[i].data, docs[i].len, &o, &l, &err)) {
				failed += round == 0;
				if (!first_error[0])
					snprintf(first_error, sizeof first_error, "%s: %s",
					         fmt_name[docs[i].f], err.msg);
			}
			if (round == ROUNDS - 1) {
				fmt_time[docs[i].f] += now() - d0;
				fmt_postings[docs[i].f] += l.n;
				fmt_bytes[docs[i].f] += docs[i].len;
			}
			postings += l.n;
			posting_list_free(&l);
		}
		double t = now() - t0;
		if (t < best)
			best = t;
	}
	printf("import: %zu postings in %zu documents, %.1f MB, best of %d rounds (CPU time, one "
	       "core)\n",
	       postings, nd, (double)bytes / 1e6, ROUNDS);
	printf("import: %.0f postings/s, %.1f MB/s (target >= 2000 postings/s)\n",
	       (double)postings / best, (double)bytes / 1e6 / best);
	for (int f = 0; f < NFMT; f++)
		if (fmt_time[f] > 0)
			printf("  %-14s %6.0f postings/s %6.1f MB/s\n", fmt_name[f],
			       (double)fmt_postings[f] / fmt_time[f],
			       (double)fmt_bytes[f] / 1e6 / fmt_time[f]);
	if (failed)
		printf("import: %zu documents failed; first: %s\n", failed, first_error);
	for (size_t i = 0; i < nd; i++)
		free(docs[i].data);
	return 0;
}
