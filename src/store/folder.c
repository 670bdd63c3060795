/* store.c — reading posting files and folders from disk. */
#include "store.h"

#include "import.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

enum { STORE_MAX_DEPTH = 4, STORE_MAX_FILES = 10000 };

bool store_is_posting_name(const char *name)
{
	static const char *const ext[] = {".md",   ".markdown", ".html", ".htm", ".json",
	                                  ".xml",  ".rss",      ".atom", ".txt", ".eml",
	                                  ".mbox", ".rst",      ".rest"};
	const char *dot = strrchr(name, '.');
	if (!dot)
		return false;
	for (size_t i = 0; i < JK_ARRAY_LEN(ext); i++)
		if (strcasecmp(dot, ext[i]) == 0)
			return true;
	return false;
}

typedef struct load_state {
	posting_list *out;
	jk_warn_fn warn;
	void *ud;
	size_t files, failed;
	bool warming; /* mail_th opens the mail library */
	pthread_t mail_th;
} load_state;

/* Reads one file into st->out; the reason for a failure is left in err. */
static int load_file(load_state *st, const char *path, jk_err *err)
{
	char *data = NULL;
	size_t len = 0;
	st->files++;
	int r = jk_read_file(path, IMPORT_MAX_BYTES, &data, &len, err);
	if (!r) {
		import_opts o = {.source = path, .warn = st->warn, .ud = st->ud};
		r = import_bytes(data, len, &o, st->out, err);
	}
	free(data);
	if (r)
		st->failed++;
	return r;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Visits every posting file under dir in name order, a few levels deep,
 * hidden entries and links skipped. bad is called for a folder that cannot
 * be opened. */
typedef struct walker {
	/* A folder's entry names, before its files are visited; may be NULL. */
	void (*names)(void *ud, char *const *names, size_t n);
	void (*file)(void *ud, const char *path, const struct stat *sb);
	void (*bad)(void *ud, const char *dir, int errnum);
	void *ud;
	const bool *stop; /* may be NULL; once true, nothing more is visited */
} walker;

static void walk_dir(const walker *w, const char *dir, int depth)
{
	DIR *d = opendir(dir);
	if (!d) {
		if (w->bad)
			w->bad(w->ud, dir, errno);
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *ent;
	while ((ent = readdir(d)) && n < STORE_MAX_FILES) {
		if (ent->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			char **t = realloc(names, cap * sizeof *t);
			if (!t)
				break;
			names = t;
		}
		if (!(names[n] = strdup(ent->d_name)))
			break;
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, name_cmp);
	if (w->names)
		w->names(w->ud, names, n);
	for (size_t i = 0; i < n; i++) {
		size_t plen = strlen(dir) + strlen(names[i]) + 2;
		char *path = w->stop && *w->stop ? NULL : malloc(plen);
		if (path) {
			snprintf(path, plen, "%s/%s", dir, names[i]);
			struct stat sb;
			/* lstat: a link loop or a link out of the stick is not followed. */
			if (lstat(path, &sb) == 0) {
				if (S_ISDIR(sb.st_mode) && depth < STORE_MAX_DEPTH)
					walk_dir(w, path, depth + 1);
				else if (S_ISREG(sb.st_mode) && store_is_posting_name(names[i]))
					w->file(w->ud, path, &sb);
			}
		}
		free(path);
		free(names[i]);
	}
	free(names);
}

typedef struct first_state {
	posting_list *out;
	bool done;
} first_state;

static void first_one(void *ud, const char *path, const struct stat *sb)
{
	(void)sb;
	first_state *fs = ud;
	load_state st = {.out = fs->out};
	jk_err err = {0};
	(void)load_file(&st, path, &err); /* the full read tells what failed */
	fs->done = fs->out->n > 0;
}

int store_load_first(const char *path, posting_list *out)
{
	first_state fs = {.out = out};
	struct stat sb;
	if (stat(path, &sb) < 0)
		return JK_ENOTFOUND;
	if (!S_ISDIR(sb.st_mode)) {
		first_one(&fs, path, &sb);
	} else {
		walker w = {.file = first_one, .ud = &fs, .stop = &fs.done};
		walk_dir(&w, path, 0);
	}
	return fs.done ? JK_OK : JK_EEMPTY;
}

static void load_one(void *ud, const char *path, const struct stat *sb)
{
	(void)sb;
	load_state *st = ud;
	jk_err ferr = {0};
	if (load_file(st, path, &ferr) && st->warn)
		st->warn(st->ud, path, ferr.msg);
}

static void load_bad(void *ud, const char *dir, int errnum)
{
	load_state *st = ud;
	st->failed++;
	if (st->warn) {
		char msg[200];
		snprintf(msg, sizeof msg, "cannot open folder: %s", strerror(errnum));
		st->warn(st->ud, dir, msg);
	}
}

static void stamp_one(void *ud, const char *path, const struct stat *sb)
{
	uint64_t *h = ud;
	int64_t v[3] = {(int64_t)sb->st_size, (int64_t)sb->st_mtim.tv_sec,
	                (int64_t)sb->st_mtim.tv_nsec};
	*h = jk_hash64(path, strlen(path) + 1, *h);
	*h = jk_hash64(v, sizeof v, *h);
}

static void stamp_bad(void *ud, const char *dir, int errnum)
{
	uint64_t *h = ud;
	*h = jk_hash64(dir, strlen(dir), *h ^ (uint64_t)errnum);
}

uint64_t store_path_stamp(const char *path)
{
	uint64_t h = JK_HASH_SEED;
	struct stat sb;
	if (stat(path, &sb) < 0)
		return jk_hash64(&errno, sizeof errno, h);
	if (S_ISDIR(sb.st_mode)) {
		walker w = {.file = stamp_one, .bad = stamp_bad, .ud = &h};
		walk_dir(&w, path, 0);
	} else {
		stamp_one(&h, path, &sb);
	}
	return h;
}

static void *open_mail(void *ud)
{
	(void)ud;
	(void)import_mail_prepare(NULL); /* a failure is told by the mail file's read */
	return NULL;
}

/* The mail library (GMime and GIO: ~3 ms) opens on a thread of its own,
 * from the first folder listing a mail file, while the files are read. */
static void load_names(void *ud, char *const *names, size_t n)
{
	load_state *st = ud;
	for (size_t i = 0; i < n && !st->warming; i++)
		if (import_is_mail_name(names[i]))
			st->warming = pthread_create(&st->mail_th, NULL, open_mail, NULL) == 0;
}

int store_load_path(const char *path, posting_list *out, jk_warn_fn warn, void *ud, size_t *nfiles,
                    size_t *nfailed, jk_err *err)
{
	load_state st = {.out = out, .warn = warn, .ud = ud};
	struct stat sb;
	int r = JK_OK;
	if (stat(path, &sb) < 0) {
		r = jk_fail(err, JK_ENOTFOUND, "%s", strerror(errno));
	} else if (S_ISDIR(sb.st_mode)) {
		walker w = {.names = load_names, .file = load_one, .bad = load_bad, .ud = &st};
		walk_dir(&w, path, 0);
		if (st.warming)
			pthread_join(st.mail_th, NULL);
		if (st.files == 0)
			r = jk_fail(err, JK_EEMPTY, "folder holds no posting files");
		else if (st.failed >= st.files)
			r = jk_fail(err, JK_EFORMAT, "none of its %zu files could be read",
			            st.files);
	} else {
		/* A single file's failure comes back through err, not warn, so the
		 * caller prints it once. */
		r = load_file(&st, path, err);
	}
	if (nfiles)
		*nfiles = st.files;
	if (nfailed)
		*nfailed = st.failed;
	return r;
}
