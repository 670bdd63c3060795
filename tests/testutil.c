#include "testutil.h"

#include "import.h"
#include "render.h"

#include <SDL.h>
#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zbar.h>

const char *tu_fixture(const char *rel)
{
	static char path[4096];
	const char *base = getenv("JK_FIXTURES");
	snprintf(path, sizeof path, "%s/%s", base ? base : "../shared/fixtures", rel);
	return path;
}

const char *tu_root(const char *rel)
{
	static char path[4096];
	const char *base = getenv("JK_ROOT");
	snprintf(path, sizeof path, "%s/%s", base ? base : ".", rel);
	return path;
}

char *tu_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *d = malloc((size_t)n + 1);
	assert_non_null(d);
	assert_int_equal(fread(d, 1, (size_t)n, f), (size_t)n);
	d[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)n;
	return d;
}

void tu_import_ok(const char *data, size_t len, const char *source, posting_list *out)
{
	jk_err err = {0};
	import_opts o = {.source = source};
	int r = import_bytes(data, len, &o, out, &err);
	if (r)
		fail_msg("import of %s failed: %s", source, err.msg);
}

void tu_on_warn(void *ud, const char *source, const char *msg)
{
	tu_warnings *w = ud;
	assert_non_null(source);
	assert_null(strchr(msg, '\n'));
	w->n++;
	snprintf(w->last, sizeof w->last, "%s", msg);
}

int tu_load(const char *data, size_t len, const char *source, posting_list *out, jk_err *err,
            tu_warnings *w)
{
	tu_warnings dummy = {0};
	import_opts o = {.source = source, .warn = tu_on_warn, .ud = w ? w : &dummy};
	memset(err, 0, sizeof *err);
	posting_list_init(out);
	return import_bytes(data, len == (size_t)-1 ? strlen(data) : len, &o, out, err);
}

int tu_load_checked(const char *data, size_t len, const char *source, posting_list *out,
                    jk_err *err, tu_warnings *w)
{
	int r = tu_load(data, len, source, out, err, w);
	if (r) {
		assert_int_equal(out->n, 0);
		assert_true(err->msg[0] != '\0');
		assert_null(strchr(err->msg, '\n'));
	}
	return r;
}

posting *tu_one(const char *text, const char *source, posting_list *out, tu_warnings *w)
{
	jk_err err;
	if (tu_load(text, (size_t)-1, source, out, &err, w))
		fail_msg("import of %s failed: %s", source, err.msg);
	assert_int_equal(out->n, 1);
	return out->items[0];
}

posting *tu_data_one(const char *dir, const char *name, posting_list *out, tu_warnings *w)
{
	char rel[256];
	snprintf(rel, sizeof rel, "tests/data/%s/%s", dir, name);
	size_t len;
	char *data = tu_read(tu_root(rel), &len);
	jk_err err;
	int r = tu_load(data, len, rel, out, &err, w);
	free(data);
	if (r)
		fail_msg("import of %s failed: %s", rel, err.msg);
	assert_int_equal(out->n, 1);
	return out->items[0];
}

const char *tu_fails(const char *data, size_t len, const char *source)
{
	static jk_err err;
	posting_list l;
	int r = tu_load_checked(data, len, source, &l, &err, NULL);
	if (!r)
		fail_msg("hostile input was read (%zu postings)", l.n);
	posting_list_free(&l);
	return err.msg;
}

int tu_run_reader(tu_reader rd, const char *data, size_t len, const char *source, jk_err *err,
                  size_t *n)
{
	posting_list l;
	posting_list_init(&l);
	tu_warnings w = {0};
	import_opts o = {.source = source, .warn = tu_on_warn, .ud = &w};
	memset(err, 0, sizeof *err);
	int r = rd(data, len, &o, &l, err);
	if (r) {
		assert_int_equal(l.n, 0);
		assert_true(strlen(err->msg) > 0);
		assert_null(strchr(err->msg, '\n'));
	}
	for (size_t i = 0; i < l.n; i++) {
		const posting *p = l.items[i];
		if (p->detail)
			assert_true(!strncmp(p->detail, "http://", 7) ||
			            !strncmp(p->detail, "https://", 8));
		assert_int_equal(posting_finish(l.items[i], i), 0);
	}
	if (n)
		*n = l.n;
	posting_list_free(&l);
	return r;
}

void tu_run_each(const tu_reader *rds, size_t nrds, const char *const *docs, size_t ndocs,
                 const char *source)
{
	jk_err err;
	for (size_t r = 0; r < nrds; r++)
		for (size_t d = 0; d < ndocs; d++)
			tu_run_reader(rds[r], docs[d], strlen(docs[d]), source, &err, NULL);
}

void tu_expect_str(const char *got, const char *want)
{
	if (want)
		assert_string_equal(got, want);
	else
		assert_null(got);
}

const posting_section *tu_section(const posting *p, const char *heading)
{
	for (size_t i = 0; i < p->nsections; i++)
		if (p->sections[i].heading && strcmp(p->sections[i].heading, heading) == 0)
			return &p->sections[i];
	return NULL;
}

bool tu_contains(const posting *p, const char *needle)
{
	const char *fields[] = {p->title, p->organization, p->location, p->employment, p->pay};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		if (fields[i] && strstr(fields[i], needle))
			return true;
	for (size_t i = 0; i < p->nsections; i++) {
		const posting_section *s = &p->sections[i];
		if (s->heading && strstr(s->heading, needle))
			return true;
		for (size_t j = 0; j < s->nblocks; j++)
			if (s->blocks[j].text && strstr(s->blocks[j].text, needle))
				return true;
	}
	return false;
}

void tu_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		fail_msg("cannot write %s", path);
	fputs(text, f);
	fclose(f);
}

int tu_count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

const char *tu_tmpdir(void)
{
	static char dir[64];
	snprintf(dir, sizeof dir, "/tmp/jktest.XXXXXX");
	if (!mkdtemp(dir))
		fail_msg("mkdtemp failed");
	return dir;
}

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb, (void)flag, (void)ftw;
	return remove(path);
}

void tu_rmtree(const char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

char *tu_zbar_grey(unsigned char *grey, int w, int h, int *nsyms)
{
	zbar_image_scanner_t *sc = zbar_image_scanner_create();
	zbar_image_scanner_set_config(sc, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
	zbar_image_scanner_set_config(sc, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
	zbar_image_t *img = zbar_image_create();
	zbar_image_set_format(img, zbar_fourcc('Y', '8', '0', '0'));
	zbar_image_set_size(img, (unsigned)w, (unsigned)h);
	zbar_image_set_data(img, grey, (unsigned long)w * (unsigned long)h, NULL);
	int n = zbar_scan_image(sc, img);
	if (nsyms)
		*nsyms = n;
	char *out = NULL;
	const zbar_symbol_t *sym = zbar_image_first_symbol(img);
	if (sym)
		out = jk_strndup(zbar_symbol_get_data(sym), zbar_symbol_get_data_length(sym));
	zbar_image_destroy(img);
	zbar_image_scanner_destroy(sc);
	return out;
}

char *tu_zbar_surface(SDL_Surface *s, int *nsyms)
{
	SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_XRGB8888, 0);
	assert_non_null(c);
	unsigned char *grey = malloc((size_t)c->w * (size_t)c->h);
	assert_non_null(grey);
	for (int y = 0; y < c->h; y++)
		for (int x = 0; x < c->w; x++) {
			Uint32 p =
			    *(Uint32 *)((Uint8 *)c->pixels + (size_t)y * c->pitch + (size_t)x * 4);
			unsigned r = (p >> 16) & 255, g = (p >> 8) & 255, b = p & 255;
			grey[(size_t)y * c->w + x] =
			    (unsigned char)((r * 299 + g * 587 + b * 114) / 1000);
		}
	char *out = tu_zbar_grey(grey, c->w, c->h, nsyms);
	free(grey);
	SDL_FreeSurface(c);
	return out;
}

int tu_fonts_default(render_fonts **fonts, layout_theme *theme)
{
	jk_err err = {0};
	render_look look = render_look_default();
	if (render_fonts_open_look(&look, fonts, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	*theme = render_look_theme(&look);
	return 0;
}

char *tu_tesseract(const char *path, const char *lang, int psm)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "tesseract '%s' stdout -l %s --psm %d 2>/dev/null", path, lang,
	         psm);
	FILE *f = popen(cmd, "r");
	assert_non_null(f);
	size_t cap = 8192, n = 0;
	char *out = malloc(cap);
	assert_non_null(out);
	size_t k;
	while ((k = fread(out + n, 1, cap - 1 - n, f)) > 0)
		if ((n += k) == cap - 1)
			break;
	out[n] = '\0';
	if (pclose(f) != 0)
		fail_msg("tesseract failed on %s (-l %s)", path, lang);
	return out;
}

void tu_make_list(posting_list *l, size_t n)
{
	posting_list_init(l);
	for (size_t i = 0; i < n; i++) {
		posting *p = posting_new();
		char t[64];
		snprintf(t, sizeof t, "Position %zu", i + 1);
		posting_set(&p->title, t, (size_t)-1);
		posting_set(&p->organization, "Harbor Robotics", (size_t)-1);
		posting_set(&p->apply, "https://example.com/jobs/1", (size_t)-1);
		posting_section *s = posting_add_section(p, "About");
		posting_block *b = posting_add_block(s, POSTING_PARAGRAPH, 0);
		posting_block_append(b, "A short description of the role.", (size_t)-1, 0);
		posting_finish(p, i);
		posting_list_push(l, p);
	}
}

const char *tu_bin(void)
{
	const char *b = getenv("JK_BIN");
	return b ? b : "build/asan/jobkiosk";
}

tu_run_result tu_run(const char *args)
{
	char dir[512], cmd[4096], o[600], e[600];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	snprintf(o, sizeof o, "%s/out", dir);
	snprintf(e, sizeof e, "%s/err", dir);
	snprintf(cmd, sizeof cmd, "%s %s >%s 2>%s </dev/null", tu_bin(), args, o, e);
	int st = system(cmd);
	tu_run_result r = {.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1};
	r.out = tu_read(o, NULL);
	r.err = tu_read(e, NULL);
	tu_rmtree(dir);
	return r;
}

tu_run_result tu_run_without(const char *name, const char *value, const char *sample1,
                             const char *sample2, const char *extra)
{
	jk_buf args = {0};
	const char *const samples[] = {sample1, sample2};
	int rc = jk_buf_puts(&args, "--dump");
	for (size_t i = 0; i < 2 && !rc; i++)
		rc = samples[i][0] == '/'
		         ? jk_buf_printf(&args, " %s", samples[i])
		         : jk_buf_printf(&args, " %s/samples/%s",
		                         getenv("JK_ROOT") ? getenv("JK_ROOT") : ".", samples[i]);
	if (!rc)
		rc = jk_buf_printf(&args, " %s", extra);
	assert_int_equal(rc, 0);
	setenv(name, value, 1);
	tu_run_result r = tu_run(args.data);
	unsetenv(name);
	jk_buf_free(&args);
	return r;
}

void tu_run_free(tu_run_result *r)
{
	free(r->out);
	free(r->err);
}

void tu_capture_start(tu_capture *c)
{
	snprintf(c->path, sizeof c->path, "/tmp/jktest-stderr.XXXXXX");
	fflush(stderr);
	c->saved = dup(2);
	int fd = mkstemp(c->path);
	assert_true(fd >= 0 && c->saved >= 0);
	dup2(fd, 2);
	close(fd);
}

char *tu_capture_end(tu_capture *c)
{
	fflush(stderr);
	dup2(c->saved, 2);
	close(c->saved);
	char *s = tu_read(c->path, NULL);
	unlink(c->path);
	return s;
}

static void each_in(const char *dir, const char *prefix,
                    void (*fn)(const char *path, const char *rel))
{
	DIR *d = opendir(dir);
	if (!d)
		fail_msg("cannot open %s", dir);
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !strcmp(e->d_name, "README.md") ||
		    !strcmp(e->d_name, "SOURCES.tsv"))
			continue;
		char path[1024], rel[512];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		snprintf(rel, sizeof rel, "%s/%s", prefix, e->d_name);
		fn(path, rel);
	}
	closedir(d);
}

void tu_each_corpus_file(void (*fn)(const char *path, const char *rel))
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", tu_fixture("real-world"));
	each_in(dir, "real-world", fn);
	snprintf(dir, sizeof dir, "%s", tu_fixture("seeds"));
	each_in(dir, "seeds", fn);
	snprintf(dir, sizeof dir, "%s", tu_root("samples"));
	each_in(dir, "samples", fn);
}
