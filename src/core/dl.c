/* dl.c — libraries opened when first needed (jk.h): dlopen, then dlsym
 * into the caller's table. One lock for every library: loading is rare, and
 * a thread that arrives meanwhile must wait for the table anyway. */
#include "jk.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t dl_lock = PTHREAD_MUTEX_INITIALIZER;

static int dl_open(jk_dl *lib, jk_err *e)
{
	const char *file = lib->env ? getenv(lib->env) : NULL;
	if (!file || !*file)
		file = lib->soname;
	/* RTLD_LOCAL: its symbols never stand in for another library's. */
	void *h = dlopen(file, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *why = dlerror();
		return jk_fail(e, JK_EUNSUPPORTED, "%s %s: %s", lib->need, lib->soname,
		               why ? why : "cannot be opened");
	}
	for (size_t i = 0; i < lib->nsyms; i++) {
		dlerror();
		void *f = dlsym(h, lib->syms[i].name);
		if (!f) {
			/* An older release without a function we call. */
			jk_fail(e, JK_EUNSUPPORTED, "%s %s: it has no %s (too old?)", lib->need,
			        lib->soname, lib->syms[i].name);
			dlclose(h);
			return e->code;
		}
		/* POSIX: a data pointer from dlsym converts to a function pointer. */
		memcpy((char *)lib->table + lib->syms[i].offset, &f, sizeof f);
	}
	if (lib->ready)
		lib->ready(lib->table);
	return JK_OK;
}

int jk_dl_load(jk_dl *lib, jk_err *err)
{
	if (!lib->done) {
		pthread_mutex_lock(&dl_lock);
		if (!lib->done) {
			jk_err e = {0};
			lib->status = dl_open(lib, &e);
			/* Kept for every later caller. */
			memcpy(lib->msg, e.msg, sizeof lib->msg);
			lib->done = 1;
		}
		pthread_mutex_unlock(&dl_lock);
	}
	if (lib->status)
		return jk_fail(err, lib->status, "%s", lib->msg);
	return JK_OK;
}
