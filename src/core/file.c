/* file.c — reading a whole file with a size cap, for every module that
 * reads files it did not write (config, store). */
#include "jk.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Refuses what is not a regular file, and a file known to be too big
 * before reading it. */
static int check_kind(int fd, size_t cap, jk_err *err)
{
	struct stat st;
	if (fstat(fd, &st) < 0)
		return jk_fail(err, JK_EIO, "cannot stat: %s", strerror(errno));
	if (S_ISDIR(st.st_mode))
		return jk_fail(err, JK_EIO, "is a folder");
	if (!S_ISREG(st.st_mode))
		return jk_fail(err, JK_EIO, "not a regular file");
	if ((uint64_t)st.st_size > cap)
		return jk_fail(err, JK_ETOOBIG, "too large (%.1f MB, limit %.0f MB)",
		               (double)st.st_size / 1e6, (double)cap / 1e6);
	return JK_OK;
}

/* Reads fd to its end into b; the file may grow while it is read, so the
 * cap is enforced here too. */
static int read_all(int fd, jk_buf *b, size_t cap, jk_err *err)
{
	char chunk[65536];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return jk_fail(err, JK_EIO, "read failed: %s", strerror(errno));
		if (n == 0)
			return JK_OK;
		int r = jk_buf_append(b, chunk, (size_t)n);
		if (r == JK_ETOOBIG)
			return jk_fail(err, r, "too large (over %.0f MB)", (double)cap / 1e6);
		if (r)
			return jk_fail(err, r, "out of memory");
	}
}

int jk_read_file(const char *path, size_t cap, char **data, size_t *len, jk_err *err)
{
	*data = NULL;
	*len = 0;
	/* O_NONBLOCK: a FIFO given as a file must not hang the open. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return jk_fail(err, JK_EIO, "cannot open: %s", strerror(errno));
	jk_buf b = {.limit = cap};
	int r = check_kind(fd, cap, err);
	if (!r)
		r = read_all(fd, &b, cap, err);
	if (!r) {
		*len = b.len;
		*data = jk_buf_detach(&b);
		if (!*data)
			r = jk_fail(err, JK_ENOMEM, "out of memory");
	}
	jk_buf_free(&b);
	close(fd);
	return r;
}
