/* schedule.h — when the display is on: per-weekday on/off times, rules
 * across midnight, and the next moment anything changes. Pure: local wall
 * time is passed in as a struct tm, so tests drive it with a fake clock.
 * Prefix schedule_. */
#ifndef SCHEDULE_H
#define SCHEDULE_H

#include "jk.h"

#include <time.h>

/* One rule: on the days in `days` (bit 0 = Sunday … bit 6 = Saturday, as
 * tm_wday), on from `on` to `off` minutes after midnight. off <= on means
 * the period runs past midnight into the next day (fri 18:00-02:00 is on
 * Friday 18:00 until Saturday 02:00). on == off is refused by the parser. */
typedef struct schedule_rule {
	unsigned days;
	int on, off; /* 0..1439 */
} schedule_rule;

#define SCHEDULE_MAX_RULES 32

/* No rules: always on. */
typedef struct schedule {
	schedule_rule rules[SCHEDULE_MAX_RULES];
	size_t n;
} schedule;

/* Parses one rule and appends it to s. Syntax (case-insensitive):
 *   DAYS HH:MM-HH:MM
 * DAYS is "daily", "weekdays" (mon-fri), "weekends", a day ("mon", "monday"),
 * a range ("mon-fri", "fri-mon" wraps) or a comma list of these
 * ("mon,wed,fri-sun"). Times are 24-hour, 00:00..24:00 (24:00 only as an
 * off time). Fails with JK_EARG and a message saying what was expected
 * ("expected DAYS HH:MM-HH:MM, e.g. mon-fri 08:00-18:00") or JK_ETOOBIG
 * when s is full. s unchanged on failure. */
int schedule_add(schedule *s, const char *text, jk_err *err);

/* True when the display is on at local time *tm (tm_wday, tm_hour, tm_min
 * are read). Always true for an empty schedule. */
bool schedule_is_on(const schedule *s, const struct tm *tm);

/* Minutes from *tm (taken at the start of its minute) until
 * schedule_is_on() changes; -1 when it never changes (empty schedule, or
 * always on / always off). At most 7 * 24 * 60. */
int schedule_minutes_to_change(const schedule *s, const struct tm *tm);

/* Writes the rule back in canonical form ("mon-fri 08:00-18:00") into out
 * (cap bytes, NUL-terminated, truncated if too small). */
void schedule_rule_format(const schedule_rule *r, char *out, size_t cap);

#endif
