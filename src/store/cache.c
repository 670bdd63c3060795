/* cache.c — the crash-safe cache of fetched documents. */
#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CACHE_MAGIC "JKC1"
#define CACHE_DEFAULT_MAX ((size_t)64 << 20)

struct store_cache {
	char *dir;
	size_t max_bytes;
};

void store_meta_clear(store_meta *m)
{
	if (!m)
		return;
	free(m->key);
	free(m->etag);
	free(m->last_modified);
	free(m->content_type);
	memset(m, 0, sizeof *m);
}

int store_cache_default_dir(char *buf, size_t cap, jk_err *err)
{
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	int n;
	if (xdg && xdg[0] == '/')
		n = snprintf(buf, cap, "%s/jobkiosk", xdg);
	else if (home && home[0] == '/')
		n = snprintf(buf, cap, "%s/.cache/jobkiosk", home);
	else /* a service user without a home */
		n = snprintf(buf, cap, "/var/cache/jobkiosk");
	if (n < 0 || (size_t)n >= cap)
		return jk_fail(err, JK_ETOOBIG, "cache path too long");
	return JK_OK;
}

void store_cache_name(const char *key, char *buf, size_t cap)
{
	size_t n = strlen(key);
	uint64_t a = jk_hash64(key, n, JK_HASH_SEED);
	uint64_t b = jk_hash64(key, n, 0x84222325cbf29ce4ULL);
	snprintf(buf, cap, "%016" PRIx64 "%016" PRIx64 ".jkc", a, b);
}

/* mkdir -p with mode 0700 for the parts it creates. */
static int make_dirs(const char *dir, jk_err *err)
{
	char *p = strdup(dir);
	if (!p)
		return jk_fail(err, JK_ENOMEM, "out of memory");
	int r = JK_OK;
	for (char *s = p + 1;; s++) {
		if (*s == '/' || *s == '\0') {
			char c = *s;
			*s = '\0';
			if (mkdir(p, 0700) < 0 && errno != EEXIST) {
				r = jk_fail(err, JK_EIO, "cannot create %s: %s", p,
				            strerror(errno));
				break;
			}
			*s = c;
			if (!c)
				break;
		}
	}
	free(p);
	return r;
}

static void remove_temps(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)))
		if (strncmp(e->d_name, ".tmp-", 5) == 0)
			unlinkat(dirfd(d), e->d_name, 0);
	closedir(d);
}

int store_cache_open(const char *dir, size_t max_bytes, store_cache **out, jk_err *err)
{
	*out = NULL;
	int r = make_dirs(dir, err);
	if (r)
		return r;
	struct stat st;
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
		return jk_fail(err, JK_EIO, "%s is not a folder", dir);
	store_cache *c = calloc(1, sizeof *c);
	if (!c || !(c->dir = strdup(dir))) {
		free(c);
		return jk_fail(err, JK_ENOMEM, "out of memory");
	}
	c->max_bytes = max_bytes ? max_bytes : CACHE_DEFAULT_MAX;
	remove_temps(dir);
	*out = c;
	return JK_OK;
}

void store_cache_close(store_cache *c)
{
	if (!c)
		return;
	free(c->dir);
	free(c);
}

const char *store_cache_dir(const store_cache *c)
{
	return c->dir;
}

static void path_of(const store_cache *c, const char *key, char *buf, size_t cap)
{
	char name[48];
	store_cache_name(key, name, sizeof name);
	snprintf(buf, cap, "%s/%s", c->dir, name);
}

/* Header values are single lines: anything else is cut at the first break. */
static int put_field(jk_buf *b, const char *name, const char *v)
{
	if (!v)
		return JK_OK;
	size_t n = strcspn(v, "\r\n");
	int r = jk_buf_printf(b, "%s ", name);
	if (!r)
		r = jk_buf_append(b, v, n);
	if (!r)
		r = jk_buf_putc(b, '\n');
	return r;
}

static int encode(const store_meta *m, const char *body, size_t len, jk_buf *out)
{
	jk_buf pay = {0};
	int r = put_field(&pay, "key", m->key);
	if (!r)
		r = put_field(&pay, "etag", m->etag);
	if (!r)
		r = put_field(&pay, "last-modified", m->last_modified);
	if (!r)
		r = put_field(&pay, "content-type", m->content_type);
	if (!r)
		r = jk_buf_printf(&pay, "fetched %" PRId64 "\n\n", m->fetched_at);
	if (!r)
		r = jk_buf_append(&pay, body, len);
	if (!r)
		r = jk_buf_printf(out, CACHE_MAGIC " %016" PRIx64 " %zu\n",
		                  jk_hash64(pay.data, pay.len, JK_HASH_SEED), pay.len);
	if (!r)
		r = jk_buf_append(out, pay.data, pay.len);
	jk_buf_free(&pay);
	return r;
}

static char *field_dup(const char *line, const char *end)
{
	return jk_strndup(line, (size_t)(end - line));
}

/* Parses and verifies an entry file's bytes. */
static int decode(const char *data, size_t n, store_meta *m, char **body, size_t *blen)
{
	const char *nl = memchr(data, '\n', n < 64 ? n : 64);
	uint64_t sum;
	size_t plen;
	if (!nl || strncmp(data, CACHE_MAGIC " ", 5) != 0 ||
	    sscanf(data + 5, "%16" SCNx64 " %zu", &sum, &plen) != 2)
		return JK_EFORMAT;
	const char *pay = nl + 1;
	if ((size_t)(data + n - pay) != plen || jk_hash64(pay, plen, JK_HASH_SEED) != sum)
		return JK_EFORMAT;
	const char *p = pay, *end = pay + plen;
	while (p < end && *p != '\n') {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *sp = memchr(p, ' ', eol ? (size_t)(eol - p) : 0);
		if (!eol || !sp)
			return JK_EFORMAT;
		size_t kl = (size_t)(sp - p);
		char **f = kl == 3 && !strncmp(p, "key", 3)               ? &m->key
		           : kl == 4 && !strncmp(p, "etag", 4)            ? &m->etag
		           : kl == 13 && !strncmp(p, "last-modified", 13) ? &m->last_modified
		           : kl == 12 && !strncmp(p, "content-type", 12)  ? &m->content_type
		                                                          : NULL;
		if (f) {
			free(*f);
			if (!(*f = field_dup(sp + 1, eol)))
				return JK_ENOMEM;
		} else if (kl == 7 && !strncmp(p, "fetched", 7)) {
			m->fetched_at = strtoll(sp + 1, NULL, 10);
		}
		p = eol + 1;
	}
	if (p >= end)
		return JK_EFORMAT;
	p++; /* the blank line */
	*blen = (size_t)(end - p);
	*body = jk_strndup(p, *blen);
	return *body ? JK_OK : JK_ENOMEM;
}

int store_cache_get(store_cache *c, const char *key, store_meta *meta, char **body, size_t *len,
                    jk_err *err)
{
	memset(meta, 0, sizeof *meta);
	*body = NULL;
	*len = 0;
	char path[4096];
	path_of(c, key, path, sizeof path);
	char *data = NULL;
	size_t n = 0;
	jk_err rerr = {0};
	int r = jk_read_file(path, c->max_bytes + 4096, &data, &n, &rerr);
	if (r) {
		if (access(path, F_OK) < 0)
			return jk_fail(err, JK_ENOTFOUND, "not cached");
		return jk_fail(err, r, "cache entry unreadable: %s", rerr.msg);
	}
	r = decode(data, n, meta, body, len);
	free(data);
	if (!r && (!meta->key || strcmp(meta->key, key) != 0))
		r = JK_ENOTFOUND; /* a hash collision: another key's entry */
	if (r) {
		store_meta_clear(meta);
		free(*body);
		*body = NULL;
		*len = 0;
		if (r == JK_EFORMAT) {
			unlink(path);
			return jk_fail(err, r, "cache entry was corrupt and is removed");
		}
		return jk_fail(err, r, r == JK_ENOTFOUND ? "not cached" : "out of memory");
	}
	return JK_OK;
}

static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static int fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int r = fsync(fd);
	close(fd);
	return r;
}

typedef struct {
	char name[48];
	time_t mtime;
	off_t size;
} entry_info;

static int by_age(const void *a, const void *b)
{
	const entry_info *x = a, *y = b;
	return x->mtime < y->mtime ? -1 : x->mtime > y->mtime;
}

/* The cache's entries (not temp files) of the open folder d; *total gets
 * their bytes. Caller frees the array. */
static entry_info *scan(DIR *d, size_t *n_out, uint64_t *total)
{
	entry_info *v = NULL;
	size_t n = 0, cap = 0;
	*total = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		struct stat st;
		if (l != 36 || strcmp(e->d_name + 32, ".jkc") ||
		    fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			entry_info *t = realloc(v, cap * sizeof *v);
			if (!t)
				break;
			v = t;
		}
		memcpy(v[n].name, e->d_name, l + 1);
		v[n].mtime = st.st_mtime;
		v[n].size = st.st_size;
		*total += (uint64_t)st.st_size;
		n++;
	}
	*n_out = n;
	return v;
}

/* Removes the oldest entries while the folder is over the cap. */
static void evict(store_cache *c, const char *keep)
{
	DIR *d = opendir(c->dir);
	if (!d)
		return;
	size_t n;
	uint64_t total;
	entry_info *v = scan(d, &n, &total);
	if (n)
		qsort(v, n, sizeof *v, by_age);
	for (size_t i = 0; i < n && total > c->max_bytes; i++) {
		if (strcmp(v[i].name, keep) == 0)
			continue;
		if (unlinkat(dirfd(d), v[i].name, 0) == 0)
			total -= (uint64_t)v[i].size;
	}
	closedir(d);
	free(v);
}

uint64_t store_cache_bytes(const store_cache *c)
{
	DIR *d = c ? opendir(c->dir) : NULL;
	if (!d)
		return 0;
	size_t n;
	uint64_t total;
	free(scan(d, &n, &total));
	closedir(d);
	return total;
}

int store_cache_put(store_cache *c, const store_meta *meta, const char *body, size_t len,
                    bool *written, jk_err *err)
{
	if (written)
		*written = false;
	if (!meta->key || !*meta->key || meta->key[strcspn(meta->key, "\r\n")])
		return jk_fail(err, JK_EARG, "cache key empty or not one line");
	if (len > c->max_bytes)
		return jk_fail(err, JK_ETOOBIG, "document larger than the whole cache");
	/* Unchanged content: no write at all. */
	store_meta old;
	char *obody = NULL;
	size_t olen = 0;
	if (store_cache_get(c, meta->key, &old, &obody, &olen, NULL) == JK_OK) {
		bool unchanged = olen == len && !memcmp(obody, body, len) &&
		                 same(old.etag, meta->etag) &&
		                 same(old.last_modified, meta->last_modified) &&
		                 same(old.content_type, meta->content_type);
		store_meta_clear(&old);
		free(obody);
		if (unchanged)
			return JK_OK;
	}
	jk_buf b = {0};
	int r = encode(meta, body, len, &b);
	if (r) {
		jk_buf_free(&b);
		return jk_fail(err, r, "out of memory");
	}
	char tmp[4096], path[4096], name[48];
	store_cache_name(meta->key, name, sizeof name);
	snprintf(path, sizeof path, "%s/%s", c->dir, name);
	snprintf(tmp, sizeof tmp, "%s/.tmp-%s-XXXXXX", c->dir, name);
	int fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		jk_buf_free(&b);
		return jk_fail(err, JK_EIO, "cannot write to the cache %s: %s", c->dir,
		               strerror(errno));
	}
	size_t off = 0;
	while (off < b.len) {
		ssize_t k = write(fd, b.data + off, b.len - off);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			r = jk_fail(err, JK_EIO, "cache write failed: %s",
			            k < 0 ? strerror(errno) : "no space");
			break;
		}
		off += (size_t)k;
	}
	if (!r && fsync(fd) < 0)
		r = jk_fail(err, JK_EIO, "cache fsync failed: %s", strerror(errno));
	if (close(fd) < 0 && !r)
		r = jk_fail(err, JK_EIO, "cache write failed: %s", strerror(errno));
	if (!r && rename(tmp, path) < 0)
		r = jk_fail(err, JK_EIO, "cache rename failed: %s", strerror(errno));
	if (r)
		unlink(tmp);
	else if (fsync_dir(c->dir) < 0)
		r = jk_fail(err, JK_EIO, "cache folder fsync failed: %s", strerror(errno));
	jk_buf_free(&b);
	if (!r) {
		if (written)
			*written = true;
		evict(c, name);
	}
	return r;
}

int store_cache_remove(store_cache *c, const char *key, jk_err *err)
{
	char path[4096];
	path_of(c, key, path, sizeof path);
	if (unlink(path) < 0 && errno != ENOENT)
		return jk_fail(err, JK_EIO, "cannot remove cache entry: %s", strerror(errno));
	fsync_dir(c->dir);
	return JK_OK;
}
