/* bench_import.c — ingest speed: 2,000 generated postings (2–6 KB of text
 * each) in every format the readers read, parsed through import_bytes on
 * one core. Prints postings per second and MB/s, overall and per format;
 * never asserts timings. Each document is first read once to check that it
 * reads as its format with every posting titled; one that does not is said
 * in an error line. Target (issues 2 and 11): at least 2,000 postings/s. */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define POSTINGS 2000
#define ROUNDS 5
#define TITLE "Field Service Engineer"
#define EURO "\xE2\x82\xAC"

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
	ASHBY,
	WORKABLE,
	RECRUITEE,
	SR_DETAIL,
	SR_LIST,
	WD_DETAIL,
	WD_LIST,
	BREEZY,
	PERSONIO,
	TEAMTAILOR,
	MAIL,
	RST,
	NFMT
} fmt;

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

/* One posting to write: its number in the corpus and in its document, its
 * outline, and that outline as HTML, as Markdown and as plain text. */
typedef struct gen {
	int i, k;
	const part *pt;
	size_t n;
	const char *html, *md, *text;
} gen;

/* The outline's parts [from, to) as HTML in a JSON string body. */
static void put_json_html(jk_buf *b, const gen *g, size_t from, size_t to)
{
	jk_buf h = {0};
	put_html(&h, g->pt + from, to - from);
	put_json_str(b, h.data ? h.data : "", false);
	jk_buf_free(&h);
}

/* Where the outline splits in two at a heading, for boards that keep the
 * requirements or qualifications apart from the description. */
static size_t half(const gen *g)
{
	size_t h = g->n / 2;
	while (h < g->n && g->pt[h].kind != 'h')
		h++;
	return h;
}

static void w_md_yaml(jk_buf *b, const gen *g)
{
	jk_buf_printf(b,
	              "---\ntitle: %s %d\ncompany: Example Works\nlocation: Lyon, France\n"
	              "salary: EUR 40,000 per year\ndate: 2026-10-01\nexpires: 2027-06-30\n"
	              "apply: https://jobs.example.org/%d\ntags: [field, service]\n---\n\n%s",
	              TITLE, g->i, g->i, g->md);
}

static void w_md_toml(jk_buf *b, const gen *g)
{
	jk_buf_printf(b,
	              "+++\ntitle = \"%s %d\"\ncompany = \"Example Works\"\n"
	              "location = \"Lyon, France\"\ndate = 2026-10-01\n"
	              "apply = \"https://jobs.example.org/%d\"\n+++\n\n%s",
	              TITLE, g->i, g->i, g->md);
}

static void w_html_ld(jk_buf *b, const gen *g)
{
	jk_buf_printf(b,
	              "<!DOCTYPE html><html><head><title>%s</title><script "
	              "type=\"application/ld+json\">"
	              "{\"@context\":\"https://"
	              "schema.org\",\"@type\":\"JobPosting\",\"title\":\"%s %d\","
	              "\"hiringOrganization\":{\"name\":\"Example "
	              "Works\"},\"datePosted\":\"2026-10-01\","
	              "\"url\":\"https://jobs.example.org/%d\",\"description\":\"",
	              TITLE, TITLE, g->i, g->i);
	put_json_str(b, g->html, false);
	jk_buf_printf(b,
	              "\"}</script></head><body><nav><a href=\"/\">Home</a></nav><h1>%s</h1>%s"
	              "</body></html>",
	              TITLE, g->html);
}

static void w_html_frag(jk_buf *b, const gen *g)
{
	jk_buf_printf(b,
	              "<h1>%s %d</h1><p>Example Works \xC2\xB7 Lyon, France</p>%s"
	              "<p><a href=\"https://jobs.example.org/%d\">Apply now</a></p>",
	              TITLE, g->i, g->html, g->i);
}

static void w_greenhouse(jk_buf *b, const gen *g)
{
	jk_buf_printf(b,
	              "%s{\"id\":%d,\"title\":\"%s %d\",\"location\":{\"name\":\"Lyon\"},"
	              "\"absolute_url\":\"https://boards.example.com/j/%d\","
	              "\"updated_at\":\"2026-10-01T09:00:00Z\",\"metadata\":[{\"name\":"
	              "\"Employment Type\",\"value\":\"Full-time\"}],\"content\":\"",
	              g->k ? "," : "", g->i, TITLE, g->i, g->i);
	put_json_str(b, g->html, true);
	jk_buf_puts(b, "\"}");
}

static void w_lever(jk_buf *b, const gen *g)
{
	jk_buf_printf(b,
	              "%s{\"id\":\"lv-%d\",\"text\":\"%s %d\",\"categories\":{\"location\":"
	              "\"Lyon\",\"commitment\":\"Full-time\"},\"hostedUrl\":"
	              "\"https://jobs.example.com/x/%d\",\"createdAt\":1790812800000,"
	              "\"description\":\"",
	              g->k ? "," : "", g->i, TITLE, g->i, g->i);
	put_json_str(b, g->html, false);
	jk_buf_puts(b, "\",\"lists\":[{\"text\":\"Requirements\",\"content\":\"<li>One</li>"
	               "<li>Two</li>\"}]}");
}

static void w_jsonfeed(jk_buf *b, const gen *g)
{
	jk_buf_printf(
	    b,
	    "%s{\"id\":\"%d\",\"url\":\"https://jobs.example.org/%d\",\"title\":\"%s %d\","
	    "\"date_published\":\"2026-10-01T09:00:00Z\",\"content_html\":\"",
	    g->k ? "," : "", g->i, g->i, TITLE, g->i);
	put_json_str(b, g->html, false);
	jk_buf_puts(b, "\"}");
}

static void w_rss(jk_buf *b, const gen *g)
{
	jk_buf_printf(b,
	              "<item><title>%s %d</title><link>https://jobs.example.org/%d</link>"
	              "<guid>g%d</guid><pubDate>Thu, 01 Oct 2026 09:00:00 +0000</pubDate>"
	              "<description>",
	              TITLE, g->i, g->i, g->i);
	put_xml_escaped(b, g->html);
	jk_buf_puts(b, "</description></item>\n");
}

static void w_atom(jk_buf *b, const gen *g)
{
	jk_buf_printf(b,
	              "<entry><title>%s %d</title><link href=\"https://jobs.example.org/%d\"/>"
	              "<id>e%d</id><updated>2026-10-01T09:00:00Z</updated><content type=\"html\">",
	              TITLE, g->i, g->i, g->i);
	put_xml_escaped(b, g->html);
	jk_buf_puts(b, "</content></entry>\n");
}

static void w_text(jk_buf *b, const gen *g)
{
	jk_buf_printf(b,
	              "%s %d\n\nCompany: Example Works\nLocation: Lyon, France\n"
	              "Apply: https://jobs.example.org/%d\n\n%s",
	              TITLE, g->i, g->i, g->text);
}

/* A job ad sent to a mailing list: the list's footer, a signature, the
 * list tag and a Reply-To the reader must see through. */
static void w_mail(jk_buf *b, const gen *g)
{
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
	              g->i, TITLE, g->i, g->text, g->i);
}

/* A Pelican post: a title, a field list, the outline and a link. */
static void w_rst(jk_buf *b, const gen *g)
{
	jk_buf_printf(b,
	              "%s %d\n============================\n\n:date: 2026-10-01\n"
	              ":tags: field, service\n\n",
	              TITLE, g->i);
	put_rst(b, g->pt, g->n);
	jk_buf_printf(b, "`Apply online <https://jobs.example.org/%d>`_\n", g->i);
}

/* A job of Ashby's posting API with compensation: HTML and plain text. */
static void w_ashby(jk_buf *b, const gen *g)
{
	jk_buf_printf(
	    b,
	    "%s{\"id\":\"5e1c0000-0000-4000-8000-%012d\",\"title\":\"%s %d\",\"department\":"
	    "\"Field\",\"team\":\"Service\",\"employmentType\":\"FullTime\",\"location\":"
	    "\"Lyon, France\",\"secondaryLocations\":[{\"location\":\"Paris\",\"address\":{"
	    "\"addressLocality\":\"Paris\",\"addressCountry\":\"France\"}}],\"isRemote\":false,"
	    "\"workplaceType\":\"Hybrid\",\"publishedAt\":\"2026-10-01T09:00:00.000+00:00\","
	    "\"isListed\":true,\"jobUrl\":\"https://jobs.ashbyhq.com/example/%d\",\"applyUrl\":"
	    "\"https://jobs.ashbyhq.com/example/%d/application\","
	    "\"shouldDisplayCompensationOnJobPostings\":true,\"compensation\":{"
	    "\"compensationTierSummary\":\"" EURO "40K \xE2\x80\x93 " EURO "48K\","
	    "\"summaryComponents\":[{\"compensationType\":\"Salary\",\"interval\":\"1 YEAR\","
	    "\"currencyCode\":\"EUR\",\"minValue\":40000,\"maxValue\":48000}]},"
	    "\"descriptionHtml\":\"",
	    g->k ? "," : "", g->i, TITLE, g->i, g->i, g->i);
	put_json_str(b, g->html, false);
	jk_buf_puts(b, "\",\"descriptionPlain\":\"");
	put_json_str(b, g->text, false);
	jk_buf_puts(b, "\"}");
}

/* A job of Workable's widget API with details. */
static void w_workable(jk_buf *b, const gen *g)
{
	jk_buf_printf(
	    b,
	    "%s{\"title\":\"%s %d\",\"shortcode\":\"EX%08d\",\"code\":\"\",\"employment_type\":"
	    "\"Full-time\",\"telecommuting\":false,\"department\":\"Field\",\"url\":"
	    "\"https://apply.workable.com/j/EX%08d\",\"shortlink\":"
	    "\"https://apply.workable.com/j/EX%08d\",\"application_url\":"
	    "\"https://apply.workable.com/j/EX%08d/apply\",\"published_on\":\"2026-10-01\","
	    "\"created_at\":\"2026-10-01\",\"country\":\"France\",\"city\":\"Lyon\",\"state\":"
	    "\"Auvergne-Rh\xC3\xB4ne-Alpes\",\"education\":\"\",\"experience\":"
	    "\"Mid-Senior level\",\"function\":\"Engineering\",\"industry\":\"Energy\","
	    "\"locations\":[{\"country\":\"France\",\"countryCode\":\"FR\",\"city\":\"Lyon\","
	    "\"region\":\"Auvergne-Rh\xC3\xB4ne-Alpes\",\"hidden\":false}],\"description\":\"",
	    g->k ? "," : "", TITLE, g->i, g->i, g->i, g->i, g->i);
	put_json_str(b, g->html, false);
	jk_buf_puts(b, "\"}");
}

/* An offer of Recruitee's careers API: description, then requirements. */
static void w_recruitee(jk_buf *b, const gen *g)
{
	size_t h = half(g);
	jk_buf_printf(
	    b,
	    "%s{\"id\":%d,\"slug\":\"field-service-engineer-%d\",\"title\":\"%s %d\",\"status\":"
	    "\"published\",\"location\":\"Lyon, France\",\"city\":\"Lyon\",\"country\":"
	    "\"France\",\"country_code\":\"FR\",\"remote\":false,\"hybrid\":true,\"on_site\":"
	    "false,\"careers_url\":\"https://example.recruitee.com/o/field-service-engineer-%d\","
	    "\"careers_apply_url\":"
	    "\"https://example.recruitee.com/o/field-service-engineer-%d/c/new\","
	    "\"employment_type_code\":\"fulltime_permanent\",\"department\":\"Field\","
	    "\"published_at\":\"2026-10-01 09:00:00 UTC\",\"close_at\":"
	    "\"2027-06-30T23:59:00.000Z\",\"company_name\":\"Example Works\",\"salary\":{"
	    "\"min\":\"3300\",\"max\":\"4000\",\"currency\":\"EUR\",\"period\":\"month\"},"
	    "\"description\":\"",
	    g->k ? "," : "", 900000 + g->i, g->i, TITLE, g->i, g->i, g->i);
	put_json_html(b, g, 0, h);
	jk_buf_puts(b, "\",\"requirements\":\"");
	put_json_html(b, g, h, g->n);
	jk_buf_puts(b, "\"}");
}

/* The fields a SmartRecruiters posting has in the list and the detail. */
static void sr_common(jk_buf *b, const gen *g)
{
	jk_buf_printf(
	    b,
	    "{\"id\":\"7440%011d\",\"uuid\":\"0761de07-8adc-465d-af91-%012d\",\"name\":"
	    "\"%s %d\",\"refNumber\":\"REF%d\",\"company\":{\"identifier\":\"ExampleWorks\","
	    "\"name\":\"Example Works\"},\"releasedDate\":\"2026-10-01T09:00:00.000Z\","
	    "\"location\":{\"city\":\"Lyon\",\"region\":\"ARA\",\"country\":\"fr\",\"remote\":"
	    "false,\"hybrid\":true,\"fullLocation\":\"Lyon, Auvergne-Rh\xC3\xB4ne-Alpes, "
	    "France\"},\"industry\":{\"id\":\"energy\",\"label\":\"Energy\"},\"department\":{"
	    "\"id\":\"18554\",\"label\":\"Field\"},\"function\":{\"id\":\"engineering\","
	    "\"label\":\"Engineering\"},\"typeOfEmployment\":{\"id\":\"permanent\",\"label\":"
	    "\"Full-time\"},\"experienceLevel\":{\"id\":\"mid_senior_level\",\"label\":"
	    "\"Mid-Senior Level\"},\"customField\":[],\"visibility\":\"PUBLIC\",\"creator\":{"
	    "\"name\":\"Talent Team\"},\"language\":{\"code\":\"en\",\"label\":\"English\"}",
	    g->i, g->i, TITLE, g->i, g->i);
}

/* One posting's detail: the job ad's four sections. */
static void w_sr_detail(jk_buf *b, const gen *g)
{
	size_t h = half(g);
	sr_common(b, g);
	jk_buf_printf(b,
	              ",\"postingUrl\":\"https://jobs.smartrecruiters.com/ExampleWorks/"
	              "7440%011d-field-service-engineer\",\"applyUrl\":"
	              "\"https://jobs.smartrecruiters.com/ExampleWorks/"
	              "7440%011d-field-service-engineer?oga=true\",\"jobAd\":{\"sections\":{"
	              "\"companyDescription\":{\"title\":\"Company Description\",\"text\":"
	              "\"<p>Example Works keeps heat pumps running across the region.</p>\"},"
	              "\"jobDescription\":{\"title\":\"Job Description\",\"text\":\"",
	              g->i, g->i);
	put_json_html(b, g, 0, h);
	jk_buf_puts(b, "\"},\"qualifications\":{\"title\":\"Qualifications\",\"text\":\"");
	put_json_html(b, g, h, g->n);
	jk_buf_puts(b, "\"},\"additionalInformation\":{\"title\":\"Additional Information\","
	               "\"text\":\"<p>Shifts around the clock.</p>\"}}}}");
}

/* An entry of the list: no job ad, a ref to the detail. */
static void w_sr_list(jk_buf *b, const gen *g)
{
	jk_buf_puts(b, g->k ? "," : "");
	sr_common(b, g);
	jk_buf_printf(b,
	              ",\"ref\":\"https://api.smartrecruiters.com/v1/companies/ExampleWorks/"
	              "postings/7440%011d\"}",
	              g->i);
}

/* A job's detail from Workday's cxs API. */
static void w_wd_detail(jk_buf *b, const gen *g)
{
	jk_buf_printf(b,
	              "{\"jobPostingInfo\":{\"id\":\"59f1d09e17f91000%016d\",\"title\":\"%s %d\","
	              "\"jobDescription\":\"",
	              g->i, TITLE, g->i);
	put_json_str(b, g->html, false);
	jk_buf_printf(
	    b,
	    "\",\"location\":\"Lyon, France\",\"additionalLocations\":[\"Paris, France\"],"
	    "\"postedOn\":\"Posted 3 Days Ago\",\"startDate\":\"2026-10-01\",\"timeType\":"
	    "\"Full time\",\"remoteType\":\"Hybrid\",\"jobReqId\":\"R%d\",\"jobPostingId\":"
	    "\"Field-Service-Engineer_R%d\",\"jobPostingSiteId\":\"External\",\"country\":{"
	    "\"descriptor\":\"France\",\"id\":\"54c5b6971ffb4bf0b116fe7651ec789a\"},\"canApply\":"
	    "true,\"posted\":true,\"externalUrl\":\"https://example.wd3.myworkdayjobs.com/"
	    "External/job/Lyon/Field-Service-Engineer_R%d\"},\"hiringOrganization\":{\"name\":"
	    "\"Example Works\",\"url\":\"\"},\"similarJobs\":[],\"userAuthenticated\":false}",
	    g->i, g->i, g->i);
}

/* An entry of a page of Workday's job search: no text. */
static void w_wd_list(jk_buf *b, const gen *g)
{
	jk_buf_printf(b,
	              "%s{\"title\":\"%s %d\",\"externalPath\":"
	              "\"/job/Lyon/Field-Service-Engineer_R%d\",\"locationsText\":\"Lyon, France\","
	              "\"postedOn\":\"Posted 3 Days Ago\",\"bulletFields\":[\"R%d\"]}",
	              g->k ? "," : "", TITLE, g->i, g->i, g->i);
}

/* A position of Breezy's list: no text, the page that has it. */
static void w_breezy(jk_buf *b, const gen *g)
{
	jk_buf_printf(
	    b,
	    "%s{\"id\":\"bz%010d\",\"friendly_id\":\"bz%010d-field-service-engineer\",\"name\":"
	    "\"%s %d\",\"url\":\"https://example.breezy.hr/p/bz%010d-field-service-engineer\","
	    "\"published_date\":\"2026-10-01T09:00:00.000Z\",\"type\":{\"id\":\"fullTime\","
	    "\"name\":\"Full-Time\"},\"location\":{\"country\":{\"name\":\"France\",\"id\":"
	    "\"FR\"},\"state\":{\"id\":\"ARA\",\"name\":\"Auvergne-Rh\xC3\xB4ne-Alpes\"},\"city\":"
	    "\"Lyon\",\"is_remote\":false,\"name\":\"Lyon, FR\"},\"department\":\"Field\","
	    "\"salary\":\"" EURO "40,000 - " EURO "48,000\",\"company\":{\"name\":"
	    "\"Example Works\",\"logo_url\":null,\"friendly_id\":\"example\"}}",
	    g->k ? "," : "", g->i, g->i, TITLE, g->i, g->i);
}

/* A position of Personio's XML feed: each heading of the outline a named
 * job description. */
static void w_personio(jk_buf *b, const gen *g)
{
	jk_buf_printf(b,
	              "<position><id>%d</id><subcompany>Example Works SAS</subcompany>"
	              "<office>Lyon</office><additionalOffices><office>Paris</office>"
	              "</additionalOffices><department>Field</department><recruitingCategory>"
	              "Service</recruitingCategory><name>%s %d</name><jobDescriptions>",
	              1000000 + g->i, TITLE, g->i);
	for (size_t s = 0; s < g->n; s++) {
		if (g->pt[s].kind != 'h')
			continue;
		size_t e = s + 1;
		while (e < g->n && g->pt[e].kind != 'h')
			e++;
		jk_buf_puts(b, "<jobDescription><name>");
		put_xml_escaped(b, g->pt[s].text);
		jk_buf_puts(b, "</name><value><![CDATA[");
		put_html(b, g->pt + s + 1, e - s - 1);
		jk_buf_puts(b, "]]></value></jobDescription>");
	}
	jk_buf_puts(b, "</jobDescriptions><employmentType>permanent</employmentType>"
	               "<seniority>experienced</seniority><schedule>full-time</schedule>"
	               "<yearsOfExperience>2-5</yearsOfExperience><keywords>Field,Service"
	               "</keywords><occupation>field_service</occupation><occupationCategory>"
	               "engineering</occupationCategory><createdAt>2026-10-01T09:00:00+00:00"
	               "</createdAt></position>\n");
}

/* An item of Teamtailor's RSS with its teamtailor: elements. */
static void w_teamtailor(jk_buf *b, const gen *g)
{
	jk_buf_printf(b, "<item><title>%s %d</title><description>", TITLE, g->i);
	put_xml_escaped(b, g->html);
	jk_buf_printf(
	    b,
	    "</description><pubDate>Thu, 01 Oct 2026 09:00:00 +0000</pubDate><link>"
	    "https://example.teamtailor.com/jobs/%d-field-service-engineer</link><guid>"
	    "https://example.teamtailor.com/jobs/%d-field-service-engineer</guid><remoteStatus>"
	    "hybrid</remoteStatus><teamtailor:locations><teamtailor:location><teamtailor:name>"
	    "Lyon</teamtailor:name><teamtailor:city>Lyon</teamtailor:city><teamtailor:country>"
	    "France</teamtailor:country></teamtailor:location><teamtailor:location>"
	    "<teamtailor:name>Paris</teamtailor:name><teamtailor:city>Paris</teamtailor:city>"
	    "<teamtailor:country>France</teamtailor:country></teamtailor:location>"
	    "</teamtailor:locations><teamtailor:department>Field</teamtailor:department></item>\n",
	    g->i, g->i);
}

/* Each format: its row, where it is read from (a board's document from the
 * address the sources module fetches it at), postings per document (boards
 * and feeds hold several; a list page as many as a page of Workday), the
 * document's envelope, the format import_sniff must give, and whether its
 * entries lack the text (list pages: the text is in each one's detail). */
typedef struct fmt_info {
	const char *name, *source;
	int per_doc;
	const char *open, *close;
	void (*write)(jk_buf *b, const gen *g);
	import_format want;
	bool list;
} fmt_info;

#define WD_BASE "https://example.wd3.myworkdayjobs.com/wday/cxs/example/External"
#define SR_BASE "https://api.smartrecruiters.com/v1/companies/ExampleWorks/postings"

static const fmt_info fmts[NFMT] = {
    [MD_YAML] = {"markdown+yaml", "a.md", 1, "", "", w_md_yaml, IMPORT_MARKDOWN, false},
    [MD_TOML] = {"markdown+toml", "b.md", 1, "", "", w_md_toml, IMPORT_MARKDOWN, false},
    [HTML_LD] = {"html+json-ld", "c.html", 1, "", "", w_html_ld, IMPORT_HTML, false},
    [HTML_FRAG] = {"html fragment", "d.html", 1, "", "", w_html_frag, IMPORT_HTML, false},
    [GREENHOUSE] = {"greenhouse", "e.json", 5, "{\"jobs\":[", "]}", w_greenhouse, IMPORT_GREENHOUSE,
                    false},
    [LEVER] = {"lever", "f.json", 5, "[", "]", w_lever, IMPORT_LEVER, false},
    [JSONFEED] = {"json feed", "g.json", 5,
                  "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Example "
                  "Works\",\"items\":[",
                  "]}", w_jsonfeed, IMPORT_JSONFEED, false},
    [RSS] = {"rss", "h.rss", 5,
             "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Example "
             "Works</title>",
             "</channel></rss>", w_rss, IMPORT_RSS, false},
    [ATOM] = {"atom", "i.atom", 5,
              "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
              "<title>Example Works</title>",
              "</feed>", w_atom, IMPORT_ATOM, false},
    [TEXT] = {"text", "j.txt", 1, "", "", w_text, IMPORT_TEXT, false},
    [ASHBY] = {"ashby",
               "https://api.ashbyhq.com/posting-api/job-board/example?includeCompensation=true", 5,
               "{\"apiVersion\":\"1\",\"jobs\":[", "]}", w_ashby, IMPORT_ASHBY, false},
    [WORKABLE] = {"workable",
                  "https://apply.workable.com/api/v1/widget/accounts/example?details=true", 5,
                  "{\"name\":\"Example Works\",\"description\":null,\"jobs\":[", "]}", w_workable,
                  IMPORT_WORKABLE, false},
    [RECRUITEE] = {"recruitee", "https://example.recruitee.com/api/offers/", 5, "{\"offers\":[",
                   "]}", w_recruitee, IMPORT_RECRUITEE, false},
    [SR_DETAIL] = {"smartrecruiters", SR_BASE "/744000000000001", 1, "", "", w_sr_detail,
                   IMPORT_SMARTRECRUITERS, false},
    [SR_LIST] = {"smartrecruiters list", SR_BASE, 20,
                 "{\"offset\":0,\"limit\":100,\"totalFound\":20,\"content\":[", "]}", w_sr_list,
                 IMPORT_SMARTRECRUITERS, true},
    [WD_DETAIL] = {"workday", WD_BASE "/job/Lyon/Field-Service-Engineer_R1", 1, "", "", w_wd_detail,
                   IMPORT_WORKDAY, false},
    [WD_LIST] = {"workday list", WD_BASE "/jobs", 20, "{\"total\":20,\"jobPostings\":[",
                 "],\"facets\":[],\"userAuthenticated\":false}", w_wd_list, IMPORT_WORKDAY, true},
    [BREEZY] = {"breezy list", "https://example.breezy.hr/json", 20, "[", "]", w_breezy,
                IMPORT_BREEZY, true},
    [PERSONIO] = {"personio xml", "https://example.jobs.personio.de/xml", 5,
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workzag-jobs>\n",
                  "</workzag-jobs>\n", w_personio, IMPORT_PERSONIO, false},
    [TEAMTAILOR] = {"teamtailor rss", "https://example.teamtailor.com/jobs.rss", 5,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" "
                    "xmlns:teamtailor=\"https://teamtailor.com/locations\"><channel><title>"
                    "Example Works</title><link>https://example.teamtailor.com/jobs</link>"
                    "<description>Jobs at Example Works</description>",
                    "</channel></rss>", w_teamtailor, IMPORT_RSS, false},
    [MAIL] = {"mail", "k.eml", 1, "", "", w_mail, IMPORT_MAIL, false},
    [RST] = {"rst", "l.rst", 1, "", "", w_rst, IMPORT_RST, false},
};

/* Appends posting number i (k-th of its document) of format f to b. */
static void posting_into(jk_buf *b, fmt f, int i, int k)
{
	part pt[200];
	size_t n = outline(pt, JK_ARRAY_LEN(pt));
	jk_buf html = {0}, md = {0}, text = {0};
	put_html(&html, pt, n);
	put_text(&md, pt, n, true);
	put_text(&text, pt, n, false);
	gen g = {i, k, pt, n, html.data, md.data, text.data};
	fmts[f].write(b, &g);
	for (size_t j = 0; j < n; j++)
		free(pt[j].text);
	jk_buf_free(&html);
	jk_buf_free(&md);
	jk_buf_free(&text);
}

typedef struct doc {
	fmt f;
	int count; /* postings written into it */
	char *data;
	size_t len;
} doc;

static size_t make_corpus(doc *docs)
{
	size_t nd = 0;
	int made = 0;
	for (int f = 0; made < POSTINGS; f = (f + 1) % NFMT) {
		jk_buf b = {0};
		int k = 0;
		jk_buf_puts(&b, fmts[f].open);
		for (; k < fmts[f].per_doc && made < POSTINGS; k++)
			posting_into(&b, (fmt)f, made++, k);
		jk_buf_puts(&b, fmts[f].close);
		docs[nd++] = (doc){(fmt)f, k, b.data, b.len};
	}
	return nd;
}

/* Why d does not read as written: not sniffed as its format, an error,
 * postings missing or without the title written. "" when it does. */
static void check_doc(const doc *d, char *why, size_t cap)
{
	const fmt_info *fi = &fmts[d->f];
	import_opts o = {.source = fi->source};
	import_format got = import_sniff(d->data, d->len, &o);
	posting_list l;
	posting_list_init(&l);
	jk_err err = {0};
	why[0] = '\0';
	if (got != fi->want)
		snprintf(why, cap, "read as %s, not %s", import_format_name(got),
		         import_format_name(fi->want));
	else if (import_bytes(d->data, d->len, &o, &l, &err))
		snprintf(why, cap, "%s", err.msg);
	else if (l.n != (size_t)d->count)
		snprintf(why, cap, "%zu of %d postings read", l.n, d->count);
	/* Finishing names an untitled posting after its source: only the
	 * title written proves the reader found it. */
	for (size_t k = 0; !why[0] && k < l.n; k++)
		if (!l.items[k]->title || strncmp(l.items[k]->title, TITLE, strlen(TITLE)))
			snprintf(why, cap, "posting %zu of %zu is titled \"%.60s\", not \"%s …\"",
			         k + 1, l.n, l.items[k]->title ? l.items[k]->title : "", TITLE);
	posting_list_free(&l);
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* CPU time of one round: in all, over the documents with their text, and
 * per format. */
typedef struct timing {
	double all, text, fmt[NFMT];
} timing;

static void one_round(const doc *docs, size_t nd, timing *t)
{
	*t = (timing){0};
	double t0 = now();
	for (size_t i = 0; i < nd; i++) {
		posting_list l;
		posting_list_init(&l);
		jk_err err = {0};
		import_opts o = {.source = fmts[docs[i].f].source};
		double d0 = now();
		(void)import_bytes(docs[i].data, docs[i].len, &o, &l, &err);
		t->fmt[docs[i].f] += now() - d0;
		posting_list_free(&l);
	}
	t->all = now() - t0;
	for (int f = 0; f < NFMT; f++)
		t->text += fmts[f].list ? 0 : t->fmt[f];
}

/* The best of the rounds, for each figure on its own. */
static void best_of(const timing *t, timing *best)
{
	best->all = t->all < best->all ? t->all : best->all;
	best->text = t->text < best->text ? t->text : best->text;
	for (int f = 0; f < NFMT; f++)
		best->fmt[f] = t->fmt[f] < best->fmt[f] ? t->fmt[f] : best->fmt[f];
}

static void report(const doc *docs, size_t nd, const timing *best)
{
	size_t postings = 0, bytes = 0, text_postings = 0, n[NFMT] = {0}, by[NFMT] = {0};
	for (size_t i = 0; i < nd; i++) {
		n[docs[i].f] += (size_t)docs[i].count;
		by[docs[i].f] += docs[i].len;
		postings += (size_t)docs[i].count;
		bytes += docs[i].len;
		text_postings += fmts[docs[i].f].list ? 0 : (size_t)docs[i].count;
	}
	printf("import: %zu postings in %zu documents, %.1f MB, best of %d rounds (CPU time, one "
	       "core)\n",
	       postings, nd, (double)bytes / 1e6, ROUNDS);
	printf("import: %.0f postings/s, %.1f MB/s (target >= 2000 postings/s)\n",
	       (double)postings / best->all, (double)bytes / 1e6 / best->all);
	printf("import: %.0f postings/s over the %zu postings with their text (list pages left "
	       "out)\n",
	       (double)text_postings / best->text, text_postings);
	for (int f = 0; f < NFMT; f++)
		if (best->fmt[f] > 0)
			printf("  %-20s %6.0f postings/s %6.1f MB/s\n", fmts[f].name,
			       (double)n[f] / best->fmt[f], (double)by[f] / 1e6 / best->fmt[f]);
}

int main(void)
{
	static doc docs[POSTINGS];
	size_t nd = make_corpus(docs), failed = 0;
	char first_error[300] = "", why[256];
	for (size_t i = 0; i < nd; i++) {
		check_doc(&docs[i], why, sizeof why);
		if (why[0] && !failed++)
			snprintf(first_error, sizeof first_error, "%s: %s", fmts[docs[i].f].name,
			         why);
	}
	timing best = {1e9, 1e9, {0}}, t;
	for (int f = 0; f < NFMT; f++)
		best.fmt[f] = 1e9;
	for (int round = 0; round < ROUNDS; round++) {
		one_round(docs, nd, &t);
		best_of(&t, &best);
	}
	report(docs, nd, &best);
	if (failed)
		printf("import: %zu documents failed; first: %s\n", failed, first_error);
	for (size_t i = 0; i < nd; i++)
		free(docs[i].data);
	return 0;
}
