/* xmldoc.c — layer 1a: XML documents read safely (libxml2), for the feed
 * and Personio readers.
 *
 * Safety: the parser never substitutes entities (no XML_PARSE_NOENT), never
 * loads a DTD or anything else outside the document (no DTDLOAD, NONET),
 * and keeps its depth limit (no XML_PARSE_HUGE). Entity references stay
 * nodes in the tree; the text helpers here read text nodes themselves and
 * never follow them (xmlNodeGetContent and xmlGetProp would expand them,
 * which is how a billion-laughs document explodes). */
#include "blocks.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const int xml_opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                            XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC;

/* An entity reference the document left unexpanded: an HTML name (&nbsp;
 * in a sloppy feed) is written back for the HTML decoding that follows;
 * anything else (its own or external entities) is dropped unread. */
static int entity_ref(jk_buf *b, const char *name)
{
	char ref[64];
	int n = snprintf(ref, sizeof ref, "&%s;", name);
	if (n <= 0 || (size_t)n >= sizeof ref)
		return JK_OK;
	char *d = import_decode_entities(ref, (size_t)n);
	int r = !d ? JK_ENOMEM : strcmp(d, ref) ? jk_buf_append(b, ref, (size_t)n) : JK_OK;
	free(d);
	return r;
}

/* Appends the text under n. Depth is bounded by the parser's limit. */
static int text_into(const xmlNode *n, jk_buf *b)
{
	int r = JK_OK;
	for (const xmlNode *c = n->children; c && !r; c = c->next) {
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			r = jk_buf_puts(b, (const char *)c->content);
		else if (c->type == XML_ENTITY_REF_NODE)
			r = entity_ref(b, (const char *)c->name);
		else if (c->type == XML_ELEMENT_NODE)
			r = text_into(c, b);
	}
	return r;
}

char *import_xml_text(const xmlNode *n)
{
	jk_buf b = {.limit = IMPORT_MAX_BYTES};
	if (text_into(n, &b)) {
		jk_buf_free(&b);
		return NULL;
	}
	return jk_buf_detach(&b);
}

char *import_xml_attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (!strcmp((const char *)a->name, name))
			return import_xml_text((const xmlNode *)a);
	return NULL;
}

bool import_xml_has_attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (!strcmp((const char *)a->name, name))
			return true;
	return false;
}

/* Parses data; on failure fills why with the parser's reason and *fatal when
 * the reason is one that recovery must not work around (depth, entities). */
static xmlDoc *parse(const char *data, size_t len, const char *url, int extra, char *why,
                     size_t whyn, bool *fatal)
{
	xmlParserCtxt *ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		snprintf(why, whyn, "out of memory");
		return NULL;
	}
	xmlDoc *doc = xmlCtxtReadMemory(ctxt, data, (int)len, url, "UTF-8", xml_opts | extra);
	const xmlError *e = xmlCtxtGetLastError(ctxt);
	if (doc && !extra && !ctxt->wellFormed) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (!doc && e && e->message) {
		const char *m = e->message;
		*fatal = e->code == XML_ERR_ENTITY_LOOP || strstr(m, "depth") ||
		         strstr(m, "mplification");
		if (strstr(m, "depth"))
			snprintf(why, whyn, IMPORT_TOO_DEEP);
		else
			snprintf(why, whyn, "line %d: %s", e->line, m);
		size_t n = strlen(why);
		while (n && (why[n - 1] == '\n' || why[n - 1] == ' '))
			why[--n] = '\0';
	} else if (!doc) {
		snprintf(why, whyn, "not XML");
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

/* The length of an XML reference (&amp; &#38; &#x26; ...) at s, else 0. */
static size_t xml_ref(const char *s, size_t n)
{
	static const char *const named[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
	for (size_t i = 0; i < JK_ARRAY_LEN(named); i++)
		if (n >= strlen(named[i]) && !memcmp(s, named[i], strlen(named[i])))
			return strlen(named[i]);
	if (n < 4 || s[1] != '#')
		return 0;
	bool hex = s[2] == 'x';
	size_t i = 2 + hex, start = i;
	while (i < n && i < 12 &&
	       ((s[i] >= '0' && s[i] <= '9') ||
	        (hex && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'f'))))
		i++;
	return i > start && i < n && s[i] == ';' ? i + 1 : 0;
}

/* Documents in the wild put HTML entities (&nbsp;) and bare '&' in XML.
 * Every '&' that starts no XML reference becomes "&amp;", so the text keeps
 * "&nbsp;" for the HTML decoding that follows. CDATA and comments are
 * left alone. Caller frees. */
static char *fix_amps(const char *s, size_t n, size_t *outlen)
{
	jk_buf b = {.limit = IMPORT_MAX_BYTES + IMPORT_MAX_BYTES / 2};
	int r = JK_OK;
	size_t i = 0;
	while (i < n && !r) {
		const char *amp = memchr(s + i, '&', n - i), *lt = memchr(s + i, '<', n - i);
		const char *stop = amp && (!lt || amp < lt) ? amp : lt;
		if (!stop) {
			r = jk_buf_append(&b, s + i, n - i);
			break;
		}
		r = jk_buf_append(&b, s + i, (size_t)(stop - s) - i);
		i = (size_t)(stop - s);
		const char *end = NULL;
		size_t skip = 1;
		if (*stop == '<' && n - i >= 9 && !memcmp(stop, "<![CDATA[", 9))
			end = memmem(stop, n - i, "]]>", 3), skip = 3;
		else if (*stop == '<' && n - i >= 4 && !memcmp(stop, "<!--", 4))
			end = memmem(stop, n - i, "-->", 3), skip = 3;
		if (*stop == '<') {
			size_t k = end ? (size_t)(end - stop) + skip : 1;
			if (!r)
				r = jk_buf_append(&b, stop, k);
			i += k;
		} else if ((skip = xml_ref(stop, n - i))) {
			if (!r)
				r = jk_buf_append(&b, stop, skip);
			i += skip;
		} else {
			if (!r)
				r = jk_buf_puts(&b, "&amp;");
			i++;
		}
	}
	if (r) {
		jk_buf_free(&b);
		return NULL;
	}
	*outlen = b.len;
	return jk_buf_detach(&b);
}

int import_xml_read(const char *data, size_t len, const char *url, xmlDoc **doc, bool *recovered,
                    char *why, size_t whyn)
{
	bool fatal = false;
	*doc = NULL;
	*recovered = false;
	if (len > IMPORT_MAX_BYTES || len > INT_MAX) {
		snprintf(why, whyn, "too large");
		return JK_ETOOBIG;
	}
	import_xml_init();
	*doc = parse(data, len, url, 0, why, whyn, &fatal);
	if (*doc || fatal)
		return *doc ? JK_OK : JK_EFORMAT;
	/* Not quite XML (a bare '&', an HTML entity): mend the ampersands,
	 * else keep what a forgiving parse finds. The first reason stays. */
	char ignore[8];
	size_t flen = 0;
	char *fixed = fix_amps(data, len, &flen);
	if (!fixed)
		return JK_ENOMEM;
	*doc = parse(fixed, flen, url, 0, ignore, sizeof ignore, &fatal);
	if (!*doc && !fatal)
		*doc = parse(fixed, flen, url, XML_PARSE_RECOVER, ignore, sizeof ignore, &fatal);
	free(fixed);
	*recovered = *doc != NULL;
	return *doc ? JK_OK : JK_EFORMAT;
}
