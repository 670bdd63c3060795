/* slideshow.c — postings → one self-contained HTML slideshow for the
 * browser kiosk. The pages come from layout_ with the renderer's font
 * metrics, so Chromium draws the same lines at the same places in the same
 * fonts (Inter, Noto Sans CJK through fontconfig) as jobkiosk: the
 * comparison is between two engines drawing one thing, not between two
 * designs. Chromium only positions ready-made lines here, which if
 * anything spares it work a hand-written page would cost. */
#include "slideshow.h"

#include "qr.h"
#include "render.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static void put_escaped(FILE *f, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		default:
			fputc(s[i], f);
		}
	}
}

static uint32_t mix(uint32_t a, uint32_t b, int pct)
{
	uint32_t o = 0;
	for (int s = 0; s < 24; s += 8) {
		int ca = (int)((a >> s) & 255), cb = (int)((b >> s) & 255);
		o |= (uint32_t)((ca * (100 - pct) + cb * pct) / 100) << s;
	}
	return o;
}

/* The code as one SVG path of horizontal runs, light card behind it. */
static void put_qr(FILE *f, const layout_box *b, uint32_t light)
{
	qr_code q;
	if (qr_encode(b->text, &q, NULL))
		return;
	int m = q.size + 2 * QR_QUIET;
	fprintf(f,
	        "<svg style=\"left:%dpx;top:%dpx;width:%dpx;height:%dpx\" viewBox=\"0 0 %d %d\" "
	        "shape-rendering=\"crispEdges\"><rect width=\"%d\" height=\"%d\" fill=\"#%06x\"/>"
	        "<path fill=\"#%06x\" d=\"",
	        b->x, b->y, b->w, b->h, m, m, m, m, (unsigned)light, (unsigned)b->color);
	for (int y = 0; y < q.size; y++)
		for (int x = 0; x < q.size; x++) {
			if (!qr_dark(&q, x, y))
				continue;
			int e = x;
			while (e + 1 < q.size && qr_dark(&q, e + 1, y))
				e++;
			fprintf(f, "M%d %dh%dv1h-%dz", x + QR_QUIET, y + QR_QUIET, e - x + 1,
			        e - x + 1);
			x = e;
		}
	fputs("\"/></svg>", f);
	qr_code_free(&q);
}

static void put_box(FILE *f, const layout_box *b, const layout_theme *th)
{
	switch (b->kind) {
	case LAYOUT_PANEL:
	case LAYOUT_RULE:
		fprintf(f,
		        "<div style=\"left:%dpx;top:%dpx;width:%dpx;height:%dpx;background:#%06x\">"
		        "</div>\n",
		        b->x, b->y, b->w, b->h, (unsigned)b->color);
		break;
	case LAYOUT_QR:
		put_qr(f, b, th->card);
		fputc('\n', f);
		break;
	case LAYOUT_TEXT:
		fprintf(f,
		        "<div class=\"t%s%s\" style=\"left:%dpx;top:%dpx;font-size:%dpx;"
		        "line-height:%dpx;color:#%06x\">",
		        b->style & POSTING_BOLD ? " b" : "", b->style & POSTING_ITALIC ? " i" : "",
		        b->x, b->y, b->px, b->h, (unsigned)b->color);
		put_escaped(f, b->text, b->len);
		fputs("</div>\n", f);
		break;
	default:
		break; /* a logo: the benchmark shows none on either side */
	}
}

static void fill_probe(const layout_doc *d, bb_html_probe *p)
{
	const layout_page *pg = &d->pages[0];
	int best = 0;
	for (size_t i = 0; i < pg->n; i++) {
		const layout_box *b = &pg->boxes[i];
		if (b->kind == LAYOUT_TEXT && b->px > best) {
			best = b->px;
			p->title_x = b->x;
			p->title_y = b->y;
			p->title_w = b->w;
			p->title_h = b->h;
		} else if (b->kind == LAYOUT_QR && !p->qr_w) {
			p->qr_x = b->x;
			p->qr_y = b->y;
			p->qr_w = b->w;
			p->qr_h = b->h;
		}
	}
}

/* The pages of one deck entry as slides; slot is its place in the bar. */
static void put_doc(FILE *f, const layout_doc *d, size_t slot, size_t *nslides,
                    const layout_theme *th)
{
	for (size_t k = 0; k < d->npages; k++) {
		fprintf(f, "<section class=\"s%s\" data-k=\"%zu\" data-p=\"%zu\" data-n=\"%zu\">\n",
		        *nslides ? "" : " on", slot, k, d->npages);
		const layout_page *pg = &d->pages[k];
		for (size_t i = 0; i < pg->n; i++)
			put_box(f, &pg->boxes[i], th);
		fputs("</section>\n", f);
		(*nslides)++;
	}
}

static void put_head(FILE *f, int w, int h, int fade_ms, const layout_theme *th)
{
	int S = w < h ? w : h, bh = S / 270 > 3 ? S / 270 : 3;
	/* The CSP is the proof that nothing is fetched: only inline style,
	 * inline script and data: images may load. */
	fprintf(f,
	        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
	        "<link rel=\"icon\" href=\"data:,\">\n<title>Jobs</title>\n<style>\n"
	        "html,body{margin:0;width:%dpx;height:%dpx;overflow:hidden;background:#%06x;"
	        "cursor:none}\n"
	        "body{font-family:Inter,\"Noto Sans CJK JP\",sans-serif}\n"
	        ".s{position:absolute;left:0;top:0;width:%dpx;height:%dpx;opacity:0;"
	        "transition:opacity %dms linear}\n"
	        ".s.on{opacity:1}\n"
	        ".s>*{position:absolute;margin:0}\n"
	        ".t{white-space:pre}\n.b{font-weight:700}\n.i{font-style:italic}\n"
	        "#bar,#d,#r{position:absolute;height:%dpx;top:%dpx;left:0}\n"
	        "#bar{width:%dpx;background:#%06x}\n#d{background:#%06x}\n#r{background:#%06x}\n"
	        "</style></head><body>\n",
	        w, h, (unsigned)th->bg, w, h, fade_ms, bh, h - bh, w,
	        (unsigned)mix(th->bg, th->muted, 25), (unsigned)mix(th->bg, th->muted, 70),
	        (unsigned)th->accent);
}

/* One timer a second for the bar, one per slide change: the same wake-ups
 * the kiosk has (the crossfade itself is the browser's animation). */
static void put_tail(FILE *f, size_t slots, int w, int slide_ms)
{
	fprintf(
	    f,
	    "<div id=\"bar\"></div><div id=\"d\"></div><div id=\"r\"></div>\n<script>\n"
	    "(function(){var S=document.querySelectorAll('.s'),n=S.length,i=0,t0=0,iv=0,"
	    "W=%d,slots=%zu,T=%d,d=document.getElementById('d'),r=document.getElementById('r');\n"
	    "function bar(){var a=S[i].dataset,seg=W/slots,np=+a.n,x0=seg*a.k+seg*a.p/np,"
	    "sw=seg/np,f=Math.min(1,(Date.now()-t0)/T);d.style.width=Math.floor(x0)+'px';"
	    "r.style.left=Math.floor(x0)+'px';r.style.width=Math.max(1,Math.floor(sw*f))+'px';}\n"
	    "function start(){t0=Date.now();bar();clearInterval(iv);iv=setInterval(bar,1000);"
	    "setTimeout(next,T);}\n"
	    "function next(){S[i].classList.remove('on');i=(i+1)%%n;S[i].classList.add('on');"
	    "start();}\n"
	    "if(n)start();})();\n</script>\n</body></html>\n",
	    w, slots, slide_ms);
}

int bb_html_write(const posting_list *l, int w, int h, int slide_ms, int fade_ms, const char *path,
                  size_t *nslides, bb_html_probe *probe, jk_err *err)
{
	size_t ns = 0;
	if (nslides)
		*nslides = 0;
	if (probe)
		memset(probe, 0, sizeof *probe);
	render_fonts *fonts;
	int r = render_fonts_open(&fonts, err);
	if (r)
		return r;
	FILE *f = fopen(path, "w");
	if (!f) {
		render_fonts_close(fonts);
		return jk_fail(err, JK_EIO, "%s: cannot create: %s", path, strerror(errno));
	}
	layout_theme th = layout_theme_default();
	layout_params lp = {.w = w, .h = h, .theme = &th, .measure = render_measurer(fonts)};
	put_head(f, w, h, fade_ms, &th);
	for (size_t i = 0; i <= l->n && !r; i++) {
		layout_doc d;
		/* The kiosk skips a posting that cannot be laid out; so do we. */
		jk_err lerr = {0};
		int lr = i < l->n ? layout_posting(l->items[i], &lp, &d, &lerr)
		                  : layout_overview((const posting *const *)l->items, l->n, &lp, &d,
		                                    &lerr);
		if (!lr) {
			if (probe && !ns && d.npages)
				fill_probe(&d, probe);
			put_doc(f, &d, i, &ns, &th);
		} else if (lr == JK_ENOMEM) {
			r = jk_fail(err, lr, "%s", lerr.msg);
		}
		layout_doc_free(&d);
	}
	if (!r)
		put_tail(f, l->n + 1, w, slide_ms);
	if (ferror(f) && !r)
		r = jk_fail(err, JK_EIO, "%s: write failed", path);
	if (fclose(f) != 0 && !r)
		r = jk_fail(err, JK_EIO, "%s: write failed: %s", path, strerror(errno));
	render_fonts_close(fonts);
	if (!r && !ns)
		r = jk_fail(err, JK_EEMPTY, "no slide could be laid out");
	if (probe)
		probe->theme = th;
	if (nslides)
		*nslides = ns;
	return r;
}
