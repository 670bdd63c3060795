#!/bin/sh
# bench/board.sh — the kiosk on a Pi-class CPU budget: the release binary
# on Xvfb at 1920x1080 inside a cgroup CPU quota of 25 % of one core
# (cgroup v1 `cpu`/`cpuacct`, or v2 `cpu.max`), 100 generated postings,
# crossfades, short slides. Prints the first slide, how late the slide
# changes came (median, worst), crossfade frames a second, CPU per minute,
# and what the kiosk's pacing did (slowed frames, cuts). Prints figures,
# never fails on them; exits 0 with a line saying why when it cannot run
# (no root, no cgroup, no Xvfb).
#
# Environment: JK_BIN (default build/jobkiosk), BOARD_SECONDS (measured
# window after the first slide, default 60), BOARD_SLIDE (seconds a slide,
# default 4), BOARD_QUOTA (percent of one core, default 25), BOARD_OUT
# (the kiosk's log and the figures, default build/board).
set -u

BIN=${JK_BIN:-build/jobkiosk}
WAIT=${BOARD_WAIT:-build/rel/bench/board_wait}
SECONDS_RUN=${BOARD_SECONDS:-60}
SLIDE=${BOARD_SLIDE:-4}
QUOTA=${BOARD_QUOTA:-25}
OUT=${BOARD_OUT:-build/board}
W=1920
H=1080

say() { echo "board: $*"; }
skip() { say "skipped: $*"; exit 0; }

[ -x "$BIN" ] || skip "no $BIN (make $BIN)"
[ -x "$WAIT" ] || skip "no $WAIT (make $WAIT)"
command -v Xvfb >/dev/null 2>&1 || skip "no Xvfb (apt-get install xvfb)"

# ---- the cgroup ------------------------------------------------------------
name=jkboard.$$
quota_us=$((QUOTA * 1000))
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
	# v2: the cpu controller enabled for children of the root, then cpu.max.
	cg=/sys/fs/cgroup/$name
	grep -qw cpu /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null ||
		echo +cpu >/sys/fs/cgroup/cgroup.subtree_control 2>/dev/null
	mkdir "$cg" 2>/dev/null || skip "cannot create $cg (run as root)"
	echo "$quota_us 100000" >"$cg/cpu.max" || skip "cannot set $cg/cpu.max"
	CG_PROCS="$cg/cgroup.procs"
	cg_cpu_ns() { awk '$1 == "usage_usec" { printf "%d\n", $2 * 1000 }' "$cg/cpu.stat"; }
	cg_throttled() { awk '$1 == "nr_throttled" { print $2 }' "$cg/cpu.stat"; }
	cg_remove() { rmdir "$cg" 2>/dev/null; }
	CG_KIND="cgroup v2 cpu.max \"$quota_us 100000\""
elif [ -d /sys/fs/cgroup/cpu ]; then
	cg=/sys/fs/cgroup/cpu/$name
	mkdir "$cg" 2>/dev/null || skip "cannot create $cg (run as root)"
	if ! { echo 100000 >"$cg/cpu.cfs_period_us" && echo "$quota_us" >"$cg/cpu.cfs_quota_us"; }; then
		rmdir "$cg"
		skip "cannot set the quota in $cg"
	fi
	# cpuacct is mounted on its own here, or together with cpu.
	acct=$cg
	if [ ! -f "$cg/cpuacct.usage" ] && [ -d /sys/fs/cgroup/cpuacct ]; then
		acct=/sys/fs/cgroup/cpuacct/$name
		mkdir "$acct" 2>/dev/null || acct=
	fi
	CG_PROCS="$cg/cgroup.procs${acct:+ $acct/cgroup.procs}"
	cg_cpu_ns() { if [ -n "$acct" ]; then cat "$acct/cpuacct.usage"; else echo 0; fi; }
	cg_throttled() { awk '$1 == "nr_throttled" { print $2 }' "$cg/cpu.stat"; }
	cg_remove() { rmdir "$cg" 2>/dev/null; [ "$acct" != "$cg" ] && [ -n "$acct" ] && rmdir "$acct" 2>/dev/null; true; }
	CG_KIND="cgroup v1 cpu.cfs_quota_us=$quota_us cpu.cfs_period_us=100000"
else
	skip "no cgroup cpu controller under /sys/fs/cgroup"
fi

# ---- the display and the postings ------------------------------------------
tmp=$(mktemp -d /tmp/jkboard.XXXXXX)
mkdir -p "$OUT" "$tmp/posts" "$tmp/cache" "$tmp/config"
xpid=
kpid=
cleanup() {
	[ -n "$kpid" ] && kill "$kpid" 2>/dev/null
	[ -n "$xpid" ] && kill "$xpid" 2>/dev/null
	wait 2>/dev/null
	cg_remove
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

Xvfb -displayfd 3 -screen 0 ${W}x${H}x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xpid=$!
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.05; done
[ -s "$tmp/display" ] || skip "Xvfb did not start (see $tmp/xvfb.log)"
DISPLAY=:$(head -1 "$tmp/display")
export DISPLAY

# 100 postings in Markdown with TOML front matter, each a little different,
# so every slide is composed anew.
towns="Leeds Bristol Porto Lyon Graz Turku Ghent Aarhus Bergen Cork"
roles="Data Analyst|Firmware Engineer|Library Assistant|Stage Technician|Nurse|Welder|Teacher|Chef|Electrician|Designer"
i=1
while [ $i -le 100 ]; do
	role=$(echo "$roles" | cut -d'|' -f$(((i % 10) + 1)))
	town=$(echo "$towns" | cut -d' ' -f$((((i / 10) % 10) + 1)))
	cat >"$tmp/posts/p$i.md" <<EOF
+++
title = "$role $i"
company = "Board Bench Co-op $i"
location = "$town (on site)"
type = "Full-time"
salary = "€$((30 + i % 30)),000 per year"
date = 2026-11-01
expires = 2036-12-31
apply = "https://jobs.example.org/board/$i"
+++

Posting $i of the board benchmark: a $role in $town. The team of $((i + 4))
people keeps a small service running for the town and wants someone who
likes careful work and plain explanations.

## You will

- Look after the day-to-day work of the $role role
- Write down what you learn so the next person can find it
- Work with colleagues in $town and two other towns

## You have

- Some years of experience, or a good reason to start
- Patience with old equipment

Apply online; the form takes ten minutes.
EOF
	i=$((i + 1))
done

# ---- the run -----------------------------------------------------------------
log="$OUT/jobkiosk.log"
: >"$log"
# The wrapper joins the cgroup first, then becomes the kiosk: every
# instruction of the kiosk runs under the quota, start-up included.
t0=$(date +%s%N)
XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config" HOME="$tmp" SDL_VIDEODRIVER=x11 \
	sh -c 'for f in $0; do echo $$ >"$f"; done; exec "$@"' "$CG_PROCS" \
	"$BIN" --slide-seconds "$SLIDE" --transition crossfade "$tmp/posts" >>"$log" 2>&1 &
kpid=$!
t1=$("$WAIT" 30)
[ -n "$t1" ] || { say "no slide on the screen within 30 s (see $log)"; exit 0; }
first_ms=$(((t1 - t0) / 1000000))
# Measured from the first slide on, a whole number of slides.
cpu0=$(cg_cpu_ns)
thr0=$(cg_throttled)
w0=$(date +%s%N)
sleep "$SECONDS_RUN"
cpu1=$(cg_cpu_ns)
thr1=$(cg_throttled)
w1=$(date +%s%N)
kill -TERM "$kpid" 2>/dev/null
wait "$kpid" 2>/dev/null
kpid=
kill "$xpid" 2>/dev/null
wait "$xpid" 2>/dev/null
xpid=

pace=$(grep 'pace:' "$log" | tail -1)
busy=$(cut -d' ' -f1 /proc/loadavg)
cpu_min=$(awk -v c=$((cpu1 - cpu0)) -v w=$((w1 - w0)) 'BEGIN { printf "%.2f", c / w * 60 }')
echo "board: jobkiosk under $CG_KIND (${QUOTA}% of one core), Xvfb ${W}x${H}, 100 postings,"
echo "       ${SLIDE} s slides, 0.7 s crossfade, ${SECONDS_RUN} s measured; load average $busy"
printf '  %-34s %s\n' "first slide (launch to screen)" "$first_ms ms (target <= 1000 ms)"
printf '  %-34s %s\n' "CPU per minute (cgroup)" "$cpu_min s ($((thr1 - thr0)) periods throttled)"
if [ -n "$pace" ]; then
	echo "$pace" | sed -n 's/.*pace: \([0-9]*\) timed slide changes, late by median \([0-9]*\) ms, worst \([0-9]*\) ms (started \([0-9]*\) ms early); \([0-9]*\) crossfades at \([0-9.]*\) frames\/s, \([0-9]*\) frames slowed, \([0-9]*\) cut for the CPU; first slide after \([0-9]*\) ms/\1 \2 \3 \4 \5 \6 \7 \8 \9/p' |
		while read -r n med worst lead nf fps slow cut first; do
			printf '  %-34s %s\n' "slide changes" "$n"
			printf '  %-34s %s\n' "late, median / worst" "$med ms / $worst ms (target <= 100 ms)"
			printf '  %-34s %s\n' "changes started early by (lead)" "$lead ms at the end"
			printf '  %-34s %s\n' "crossfades, frames a second" "$nf at $fps (target >= 20)"
			printf '  %-34s %s\n' "pacing: frames slowed, cuts" "$slow, $cut"
			printf '  %-34s %s\n' "first slide (kiosk's own clock)" "$first ms"
		done
else
	say "the kiosk printed no pace line (see $log)"
fi
