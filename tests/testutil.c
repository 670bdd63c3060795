#include "testutil.h"

#include "import.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
