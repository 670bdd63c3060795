/* mail.c — layer 3: email messages (RFC 5322 with MIME; an mbox file holds
 * several) read with GMime. The Subject is the title, without list tags and
 * reply markers; the body is the text/plain part, or else the HTML part,
 * without quoted replies, signatures and list footers. The apply target is
 * a job link in the body, then what the body states, then the sender when
 * the body says to write, never the list itself. GMime decodes transfer
 * encodings and converts charsets; import_bytes() hands this reader the
 * bytes unconverted, as each MIME part declares its own charset. */
#include "readers.h"

#include "mime.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* MIME nesting followed; GMime itself stops at 1024 levels. */
#define MAIL_DEPTH 64
#define MAIL_TOO_DEEP "MIME parts nested more than 64 levels deep"

/* MIME parts ------------------------------------------------------------------ */

/* The body parts a message offers: its first text/plain and text/html
 * parts that are not attachments, as a mail program shows them. */
typedef struct mail_parts {
	GMimePart *plain, *html;
	bool too_deep;
} mail_parts;

static bool mail_is_text(GMimeObject *o, const char *sub)
{
	const import_mime_fns *gm = import_mime(NULL); /* loaded: import_mail */
	GMimeContentType *ct = gm->object_get_content_type(o);
	GMimeContentDisposition *cd = gm->object_get_content_disposition(o);
	return import_mime_is(gm, o, gm->text_part_get_type()) && ct &&
	       gm->content_type_is_type(ct, "text", sub) &&
	       !(cd && gm->content_disposition_is_attachment(cd));
}

/* Fills b from the first part under o that has a body; an alternative
 * offers both kinds, a mixed part the first child that has any. */
static void mail_find(GMimeObject *o, int depth, mail_parts *b)
{
	const import_mime_fns *gm = import_mime(NULL); /* loaded: import_mail */
	if (!o || b->plain || b->html)
		return;
	if (depth > MAIL_DEPTH) {
		b->too_deep = true;
		return;
	}
	if (import_mime_is(gm, o, gm->message_part_get_type())) {
		GMimeMessage *m = gm->message_part_get_message((GMimeMessagePart *)o);
		if (m)
			mail_find(gm->message_get_mime_part(m), depth + 1, b);
		return;
	}
	if (import_mime_is(gm, o, gm->multipart_get_type())) {
		GMimeMultipart *mp = (GMimeMultipart *)o;
		GMimeContentType *ct = gm->object_get_content_type(o);
		bool alt = ct && gm->content_type_is_type(ct, "multipart", "alternative");
		mail_parts best = {0};
		int n = gm->multipart_get_count(mp);
		for (int i = 0; i < n && !best.plain && !(best.html && !alt); i++) {
			mail_parts c = {0};
			mail_find(gm->multipart_get_part(mp, i), depth + 1, &c);
			best.too_deep = best.too_deep || c.too_deep;
			best.plain = best.plain ? best.plain : c.plain;
			best.html = best.html ? best.html : c.html;
		}
		*b = best;
		return;
	}
	if (mail_is_text(o, "plain"))
		b->plain = (GMimePart *)o;
	else if (mail_is_text(o, "html"))
		b->html = (GMimePart *)o;
}

static bool mail_utf8_name(const char *cs)
{
	return !strcasecmp(cs, "utf-8") || !strcasecmp(cs, "utf8") || !strcasecmp(cs, "us-ascii") ||
	       !strcasecmp(cs, "ascii");
}

/* A copy of s with NULs as spaces and, when utf8, each invalid UTF-8
 * sequence as U+FFFD (else the bytes as they are). Caller frees. */
static char *mail_fix_utf8(const char *s, size_t n, bool utf8)
{
	jk_buf b = {.limit = 4 * IMPORT_MAX_BYTES};
	int r = jk_buf_append(&b, "", 0);
	for (size_t i = 0; i < n && !r;) {
		uint32_t cp;
		size_t k = utf8 ? jk_utf8_decode(s + i, n - i, &cp) : 1;
		if (!utf8)
			cp = (unsigned char)s[i];
		r = cp == 0                          ? jk_buf_putc(&b, ' ')
		    : utf8 && cp == 0xFFFD && k == 1 ? jk_buf_puts(&b, "\xEF\xBF\xBD")
		                                     : jk_buf_append(&b, s + i, k);
		i += k;
	}
	if (r) {
		jk_buf_free(&b);
		return NULL;
	}
	return jk_buf_detach(&b);
}

/* The text of part as UTF-8 (caller frees): transfer encoding undone,
 * converted from the charset it declares; bytes that fit no declared
 * charset are read as Windows-1252, saying so. NULL on OOM. */
static char *mail_part_text(GMimePart *part, const import_opts *o)
{
	const import_mime_fns *gm = import_mime(NULL); /* loaded: import_mail */
	GMimeDataWrapper *w = gm->part_get_content(part);
	GMimeStream *mem = gm->stream_mem_new();
	if (w)
		gm->data_wrapper_write_to_stream(w, mem);
	GByteArray *raw = gm->stream_mem_get_byte_array((GMimeStreamMem *)mem);
	const char *s = raw && raw->data ? (const char *)raw->data : "";
	size_t n = raw && raw->data ? raw->len : 0;
	const char *cs = gm->object_get_content_type_parameter((GMimeObject *)part, "charset");
	char *out = NULL;
	if (cs && !mail_utf8_name(cs)) {
		char *t = gm->text_part_get_text((GMimeTextPart *)part);
		if (t && jk_utf8_valid(t, strlen(t)))
			out = mail_fix_utf8(t, strlen(t), true);
		gm->free(t);
	}
	if (!out && (jk_utf8_valid(s, n) || (cs && !strncasecmp(cs, "utf", 3))))
		out = mail_fix_utf8(s, n, true);
	if (!out) {
		if (cs)
			import_warnf(o, "a text part does not read as %s; read as Windows-1252",
			             cs);
		else
			import_warnf(o, "a text part is not UTF-8 and names no charset; read as "
			                "Windows-1252");
		char *z = mail_fix_utf8(s, n, false);
		out = z ? jk_cp1252_to_utf8(z, strlen(z)) : NULL;
		free(z);
	}
	gm->object_unref(mem);
	return out;
}

/* The message's body into sections of p; links seen go into links. */
static int mail_body(posting *p, GMimeMessage *m, const import_opts *o, bool fwd,
                     import_links *links, jk_err *err)
{
	const import_mime_fns *gm = import_mime(NULL); /* loaded: import_mail */
	mail_parts b = {0};
	mail_find(gm->message_get_mime_part(m), 0, &b);
	if (b.too_deep)
		import_warnf(o, MAIL_TOO_DEEP "; the rest was skipped");
	int r = JK_OK;
	for (int kind = 0; kind < 2 && !r && !p->nsections; kind++) {
		GMimePart *part = kind == 0 ? b.plain : b.html;
		char *t = part ? mail_part_text(part, o) : NULL;
		if (part && !t)
			return JK_ENOMEM;
		if (!t)
			continue;
		if (kind == 0) {
			jk_buf c = {0};
			r = mail_clean_text(t, strlen(t), fwd, &c);
			if (!r && c.len)
				r = import_body(p, c.data, c.len, BODY_TEXT, TEXT_KEYS, links, NULL,
				                err);
			jk_buf_free(&c);
		} else {
			r = import_body(p, t, mail_html_cut(t, strlen(t), fwd), BODY_HTML, 0, links,
			                NULL, err);
		}
		free(t);
	}
	if (!r)
		mail_trim_blocks(p);
	return r;
}

/* Apply target ---------------------------------------------------------------- */

/* v names addr (n bytes) with nothing of an address around it; with dots,
 * as List-Id writes a list ("<list.lists.example.org>"). List headers are
 * short: only their first 4 KB are looked at. */
static bool mail_names(const char *v, const char *addr, size_t n, bool dots)
{
	for (const char *c = v; *c && c - v < 4096; c++) {
		size_t i = 0;
		for (; i < n && c[i]; i++) {
			char a = addr[i] == '@' && dots ? '.' : addr[i];
			if (tolower((unsigned char)c[i]) != tolower((unsigned char)a))
				break;
		}
		bool edge_a = c == v || !(isalnum((unsigned char)c[-1]) || strchr("._+-", c[-1]));
		bool edge_b =
		    i == n && (!c[n] || !(isalnum((unsigned char)c[n]) || strchr("_+-", c[n]) ||
		                          (c[n] == '.' && isalnum((unsigned char)c[n + 1]))));
		if (edge_a && edge_b)
			return true;
	}
	return false;
}

/* addr (a bare address or a mailto: URL) belongs to a mailing list: the
 * list's own address or one of its service addresses. */
static bool mail_is_list(GMimeMessage *m, const char *addr)
{
	const import_mime_fns *gm = import_mime(NULL); /* loaded: import_mail */
	static const char *const roles[] = {"-request", "-owner",     "-bounces",
	                                    "-bounce",  "-leave",     "-join",
	                                    "-admin",   "-subscribe", "-unsubscribe"};
	static const char *const hdrs[] = {
	    "List-Post",  "List-Id",   "X-BeenThere",    "X-Mailing-List",   "Mailing-List",
	    "List-Owner", "List-Help", "List-Subscribe", "List-Unsubscribe", "Errors-To"};
	if (!strncasecmp(addr, "mailto:", 7))
		addr += 7;
	size_t n = strcspn(addr, "?"), local = strcspn(addr, "@");
	if (local >= n || !local)
		return false;
	for (size_t i = 0; i < JK_ARRAY_LEN(roles); i++) {
		size_t k = strlen(roles[i]);
		if (local > k && !strncasecmp(addr + local - k, roles[i], k))
			return true;
	}
	if (!strncasecmp(addr, "owner-", 6) || !strncasecmp(addr, "mailer-daemon@", 14))
		return true;
	for (size_t i = 0; i < JK_ARRAY_LEN(hdrs); i++) {
		const char *v = gm->object_get_header((GMimeObject *)m, hdrs[i]);
		if (v && mail_names(v, addr, n, i == 1))
			return true;
	}
	return false;
}

/* The first mailbox's address in l (borrowed), its name in *name. */
static const char *mail_mailbox(InternetAddressList *l, const char **name)
{
	const import_mime_fns *gm = import_mime(NULL); /* loaded: import_mail */
	int n = l ? gm->address_list_length(l) : 0;
	for (int i = 0; i < n; i++) {
		InternetAddress *a = gm->address_list_get_address(l, i);
		if (!import_mime_is(gm, a, gm->mailbox_get_type()))
			continue;
		if (name)
			*name = gm->address_get_name(a);
		return gm->mailbox_get_addr((InternetAddressMailbox *)a);
	}
	return NULL;
}

/* The address a reply reaches the one who wrote: Reply-To unless it is
 * the list, else From unless a list rewrote it ("Jane via list", or the
 * list's address), else what the list kept of the original
 * (X-Original-From, X-Original-Sender). NULL when none; caller frees. */
static char *mail_sender(GMimeMessage *m)
{
	const import_mime_fns *gm = import_mime(NULL); /* loaded: import_mail */
	const char *name = NULL, *a = mail_mailbox(gm->message_get_reply_to(m), NULL);
	if (a && !mail_is_list(m, a))
		return jk_strndup(a, (size_t)-1);
	a = mail_mailbox(gm->message_get_from(m), &name);
	if (a && !(name && jk_strcasestr(name, " via ")) && !mail_is_list(m, a))
		return jk_strndup(a, (size_t)-1);
	static const char *const orig[] = {"X-Original-From", "X-Original-Sender"};
	for (size_t i = 0; i < JK_ARRAY_LEN(orig); i++) {
		const char *v = gm->object_get_header((GMimeObject *)m, orig[i]);
		InternetAddressList *l = v ? gm->address_list_parse(NULL, v) : NULL;
		a = mail_mailbox(l, NULL);
		char *copy = a && !mail_is_list(m, a) ? jk_strndup(a, (size_t)-1) : NULL;
		if (l)
			gm->object_unref(l);
		if (copy)
			return copy;
	}
	return NULL;
}

/* The apply target: a job link, then what apply.c finds in the body (its
 * links but front pages and the list's), then the sender when the body
 * says to write, then a front page the body says to apply at. */
static int mail_apply(posting *p, GMimeMessage *m, const import_links *links)
{
	import_links keep = {0}, home = {0};
	int r = JK_OK;
	for (size_t i = 0; i < links->n && !r && !p->apply; i++) {
		const import_link *k = &links->v[i];
		char *url =
		    strncasecmp(k->href, "mailto:", 7) ? import_url_accept(k->href, NULL) : NULL;
		if (url && mail_job_link(url))
			p->apply = url, url = NULL;
		else if (mail_home_page(k->href))
			r = import_links_add(&home, k->href, k->text, k->context);
		else if (!mail_is_list(m, k->href))
			r = import_links_add(&keep, k->href, k->text, k->context);
		free(url);
	}
	if (!r && !p->apply)
		r = import_apply_choose(p, &keep, NULL);
	if (!r && p->apply && !strncmp(p->apply, "mailto:", 7) && mail_is_list(m, p->apply)) {
		free(p->apply);
		p->apply = NULL;
	}
	char *from = !r && !p->apply && mail_says_write(p) ? mail_sender(m) : NULL;
	if (from) {
		jk_buf b = {0};
		r = jk_buf_printf(&b, "mailto:%s", from);
		if (!r)
			p->apply = import_url_accept(b.data, NULL);
		jk_buf_free(&b);
		free(from);
	}
	if (!r && !p->apply)
		r = import_apply_choose(p, &home, NULL);
	import_links_free(&keep);
	import_links_free(&home);
	return r;
}

/* The reader ------------------------------------------------------------------ */

/* One message as a posting appended to out; none when it has neither a
 * Subject nor text. */
static int mail_posting(GMimeMessage *m, const import_opts *o, posting_list *out, jk_err *err)
{
	const import_mime_fns *gm = import_mime(NULL); /* loaded: import_mail */
	posting *p = posting_new();
	if (!p)
		return JK_ENOMEM;
	import_links links = {0};
	bool fwd = false;
	const char *id = gm->message_get_message_id(m);
	int r = mail_subject(p, gm->message_get_subject(m), &fwd);
	if (!r)
		r = import_set_date(&p->posted, gm->object_get_header((GMimeObject *)m, "Date"));
	if (!r && id)
		r = posting_set(&p->native_id, id, (size_t)-1);
	if (!r)
		r = mail_body(p, m, o, fwd, &links, err);
	if (!r)
		r = mail_apply(p, m, &links);
	if (!r)
		r = import_infer_organization(p);
	import_links_free(&links);
	if (r || (!p->title && !p->nsections)) {
		posting_free(p);
		return r;
	}
	if (!p->nsections)
		import_warnf(o, "a message without text; only its Subject is shown");
	return posting_list_push(out, p);
}

int import_mail(const char *data, size_t len, const import_opts *opts, posting_list *out,
                jk_err *err)
{
	static const char *fallback[] = {"utf-8", "windows-1252", NULL};
	const import_mime_fns *gm = import_mime(err);
	if (!gm)
		return JK_EUNSUPPORTED; /* err says which library */
	GMimeStream *st = gm->stream_mem_new_with_buffer(data, len);
	GMimeParser *ps = gm->parser_new_with_stream(st);
	GMimeParserOptions *po = gm->parser_options_new();
	gm->parser_options_set_fallback_charsets(po, fallback);
	/* An mbox file: messages one after another, each after a "From " line. */
	bool mbox = len > 5 && !memcmp(data, "From ", 5);
	gm->parser_set_format(ps, mbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
	size_t first = out->n, skipped = 0, read = 0;
	int r = JK_OK;
	while (!r && !gm->parser_eos(ps) && !import_full(opts, out, first, &skipped)) {
		GMimeMessage *m = gm->parser_construct_message(ps, po);
		if (!m)
			break;
		read++;
		r = mail_posting(m, opts, out, err);
		gm->object_unref(m);
		if (!mbox)
			break;
	}
	gm->parser_options_free(po);
	gm->object_unref(ps);
	gm->object_unref(st);
	if (!r && out->n == first)
		r = read ? jk_fail(err, JK_EEMPTY, "a mail message without a Subject or text")
		         : jk_fail(err, JK_EFORMAT, "not a mail message: no header lines");
	if (r) {
		import_drop_from(out, first);
		if (err && !err->code)
			jk_fail(err, r, "out of memory");
	}
	return r;
}
