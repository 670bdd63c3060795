/* auth.c — the bearer token, compared in constant time, and the table of
 * addresses that sent wrong tokens: CTL_FAIL_MAX within CTL_FAIL_WINDOW_S
 * seconds block an address for CTL_FAIL_BLOCK_S seconds (429), even with
 * the right token, so guessing costs a minute per ten tries. The table is
 * bounded: when full, the entry least recently failed gives way. */
#include "internal.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

int64_t ctl_mono_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec;
}

void ctl_auth_init(ctl_auth *a)
{
	memset(a, 0, sizeof *a);
	pthread_mutex_init(&a->lock, NULL);
}

void ctl_auth_destroy(ctl_auth *a)
{
	pthread_mutex_destroy(&a->lock);
}

bool ctl_token_ok(const char *hdr, const char *token, size_t token_len)
{
	if (!hdr || strncasecmp(hdr, "Bearer ", 7))
		return false;
	const char *p = hdr + 7;
	while (*p == ' ')
		p++;
	size_t n = strlen(p);
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	/* Every byte of the token is looked at whatever was sent: the time
	 * tells nothing of where the first difference is. */
	unsigned diff = (unsigned)(n != token_len);
	for (size_t i = 0; i < token_len; i++)
		diff |= (unsigned char)token[i] ^ (unsigned char)(i < n ? p[i] : 0);
	return diff == 0;
}

static bool same(const ctl_addr *x, const ctl_addr *y)
{
	return x->family == y->family && !memcmp(x->bytes, y->bytes, sizeof x->bytes);
}

/* The slot of addr; NULL when it has none. Lock held. */
static ctl_fail *find(ctl_auth *a, const ctl_addr *addr)
{
	for (size_t i = 0; i < CTL_FAIL_SLOTS; i++)
		if (a->slots[i].used && same(&a->slots[i].addr, addr))
			return &a->slots[i];
	return NULL;
}

bool ctl_auth_blocked(ctl_auth *a, const ctl_addr *addr, int64_t now)
{
	pthread_mutex_lock(&a->lock);
	const ctl_fail *f = find(a, addr);
	bool blocked = f && f->blocked_till > now;
	pthread_mutex_unlock(&a->lock);
	return blocked;
}

bool ctl_auth_fail(ctl_auth *a, const ctl_addr *addr, int64_t now)
{
	pthread_mutex_lock(&a->lock);
	ctl_fail *f = find(a, addr);
	if (!f) {
		/* A free slot, else the one that failed longest ago and is not
		 * blocked, else the one failed longest ago. */
		ctl_fail *old = NULL;
		for (size_t i = 0; i < CTL_FAIL_SLOTS && !f; i++) {
			ctl_fail *s = &a->slots[i];
			if (!s->used)
				f = s;
			else if (!old || (s->blocked_till <= now && old->blocked_till > now) ||
			         ((s->blocked_till <= now) == (old->blocked_till <= now) &&
			          s->last < old->last))
				old = s;
		}
		if (!f)
			f = old;
		memset(f, 0, sizeof *f);
		f->used = true;
		f->addr = *addr;
		f->first = now;
	}
	if (now - f->first >= CTL_FAIL_WINDOW_S) {
		f->first = now;
		f->count = 0;
	}
	f->count++;
	f->last = now;
	bool blocks = false;
	if (f->count >= CTL_FAIL_MAX && f->blocked_till <= now) {
		f->blocked_till = now + CTL_FAIL_BLOCK_S;
		f->count = 0;
		f->first = now;
		blocks = true;
	}
	pthread_mutex_unlock(&a->lock);
	return blocks;
}

void ctl_addr_str(const ctl_addr *addr, char *out, size_t cap)
{
	if (!inet_ntop(addr->family, addr->bytes, out, (socklen_t)cap))
		snprintf(out, cap, "?");
}
