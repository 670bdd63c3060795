/* settings.c — the settings of a run: defaults, the config file, the
 * fleet file (config_url) and the command line (config parses their form), then the checks that
 * need the file system or the sources module. Start-up, --check-config and SIGHUP all come through
 * here. */
#include "internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A path that names a readable regular file; reason gets why not. */
static bool readable_file(const char *path, const char **reason)
{
	struct stat st;
	if (stat(path, &st) < 0) {
		*reason = strerror(errno);
		return false;
	}
	if (S_ISDIR(st.st_mode)) {
		*reason = "is a folder";
		return false;
	}
	if (!S_ISREG(st.st_mode)) {
		*reason = "not a regular file";
		return false;
	}
	if (access(path, R_OK) < 0) {
		*reason = strerror(errno);
		return false;
	}
	return true;
}

static int check_one(const config_check *chk, source_list *l, jk_err *err)
{
	if (config_key_table[chk->key].type == CONFIG_SOURCE) {
		jk_err why = {0};
		int r = sources_add(l, chk->value, &why);
		if (r == JK_EARG)
			return config_fail_value(err, chk->origin, chk->key, chk->value, why.msg);
		if (r)
			return jk_fail(err, r, "%s", why.msg);
		return JK_OK;
	}
	const char *reason = NULL;
	if (!readable_file(chk->value, &reason))
		return config_fail_value(err, chk->origin, chk->key, chk->value, reason);
	return JK_OK;
}

/* Each check stands alone (a source list is built for it and dropped);
 * the sources in use are parsed again, in order, once all passed. */
int app_settings_check(const config *c, source_list *out, jk_err *err)
{
	int r = JK_OK;
	for (size_t i = 0; !r && i < c->nchecks; i++) {
		source_list scratch = {0};
		r = check_one(&c->checks[i], &scratch, err);
		sources_free(&scratch);
	}
	if (!r)
		r = app_control_check(c, err);
	if (r || !out)
		return r;
	source_list l = {0};
	for (size_t i = 0; !r && i < c->nsources; i++)
		r = sources_add(&l, c->sources[i], err);
	if (r)
		sources_free(&l);
	else
		*out = l;
	return r;
}

/* A repeatable key given on the command line replaces the file's list (an
 * empty value clears it), as SOURCE arguments replace `source`. */
static int apply_cli(const app_cli *c, config *out, jk_err *err)
{
	bool cleared[CONFIG_NKEYS] = {0};
	int r = 0;
	for (size_t i = 0; !r && i < c->nsets; i++) {
		const char *o = c->sets[i].origin;
		char origin[64];
		snprintf(origin, sizeof origin, "%s%s", o[0] == '-' ? "" : "--", o);
		int k = config_key_find(c->sets[i].key);
		if (k >= 0 && config_key_table[k].repeatable && !cleared[k]) {
			cleared[k] = true;
			r = config_set(out, c->sets[i].key, "", origin, err);
		}
		if (!r)
			r = config_set(out, c->sets[i].key, c->sets[i].value, origin, err);
	}
	if (!r && c->nsources)
		r = config_set_sources(out, c->sources, (size_t)c->nsources, err);
	return r;
}

/* Defaults, the local file, the fleet file (NULL: none), the command line. */
static int parse_all(const app_cli *c, const app_fleet_doc *fleet, config *out, jk_err *err)
{
	config_init(out);
	int r = 0;
	char found[4096];
	if (c->config_path)
		r = config_load_file(out, c->config_path, err);
	else if (!c->no_config && config_find_default(found, sizeof found))
		r = config_load_file(out, found, err);
	if (!r && fleet)
		r = config_parse_fleet(out, fleet->url, fleet->body, fleet->len, err);
	if (!r)
		r = apply_cli(c, out, err);
	return r;
}

int app_settings_load(const app_cli *c, const app_fleet_doc *fleet, config *out,
                      source_list *sources, jk_err *err)
{
	int r = parse_all(c, NULL, out, err);
	/* The local file and the command line say where the fleet file is;
	 * a copy of another URL's file does not apply. */
	if (!r && fleet && fleet->body && out->config_url && fleet->url &&
	    !strcmp(out->config_url, fleet->url)) {
		config_free(out);
		r = parse_all(c, fleet, out, err);
	}
	if (!r) {
		r = app_settings_check(out, sources, err);
	} else {
		/* out holds what was set before the bad value: a bad source or
		 * file among it came first, and is the one to name. */
		jk_err first = {0};
		int rc = app_settings_check(out, NULL, &first);
		if (rc)
			r = jk_fail(err, rc, "%s", first.msg);
	}
	/* The overview's code counts its scans as the postings' do. */
	if (!r && out->careers_url)
		r = deck_track_link(out->careers_url, NULL, &out->deck.track, &out->careers_qr,
		                    err);
	if (r)
		config_free(out);
	return r;
}
