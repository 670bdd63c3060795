#!/bin/sh
# tests/deb.sh PACKAGE.deb — the Debian package in a clean Debian 12 root,
# as a user meets it: `apt-get install ./jobkiosk_….deb` (dependencies
# from the archive), `jobkiosk --check-config` and `--render` of the
# installed samples, an edit of the installed config, `apt-get remove`.
# Then the root's file list must equal the one before the install but for
# the edited config, and after `apt-get purge` equal it exactly.
# `make test-deb` runs it (as root: debootstrap, chroot, mounts).
#
# The root is a debootstrap'ed minbase, kept as build/deb-test/*.tar with
# the package lists; the downloaded dependencies are kept in
# build/deb-test/archives/, so a rerun downloads nothing. DEB_MIRROR
# overrides the Debian archive (default: the one this machine's apt uses).
# "a && b || die" means: die unless both hold (SC2015); ${Status} is
# dpkg-query's, not the shell's (SC2016).
# shellcheck disable=SC2015,SC2016
set -eu

die() {
	echo "test-deb: $*" >&2
	exit 1
}

[ $# -eq 1 ] && [ -f "$1" ] || die "usage: tests/deb.sh PACKAGE.deb (made by make deb)"
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot and mounts)"
deb=$(realpath "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
work=$top/build/deb-test
suite=bookworm
arch=$(dpkg --print-architecture)
tarball=$work/root-$suite-minbase-$arch.tar
root=$work/root

# Everything below runs in a private mount namespace: the /dev and /proc
# mounts of the root vanish with this process, whatever way it ends.
if [ -z "${JK_DEB_NS:-}" ]; then
	JK_DEB_NS=1 exec unshare --mount --propagation private sh "$0" "$deb"
fi

# The Debian archive this machine's apt reads (deb822 or one-line form).
host_mirror() {
	sed -n 's|^URIs: *\([^ ]*/debian\)/*$|\1|p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1
	sed -n 's|^deb \(\[[^]]*\] \)\{0,1\}\([^ ]*/debian\)/* .*|\2|p' /etc/apt/sources.list 2>/dev/null | head -1
}
mirror=${DEB_MIRROR:-$(host_mirror | head -1)}
mirror=${mirror:-http://deb.debian.org/debian}

in_root() {
	chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp/home \
		XDG_CACHE_HOME=/tmp/home/cache DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@"
}
apt() {
	in_root apt-get -y -q -o APT::Install-Recommends=false "$@" >>"$work/apt.log" 2>&1 ||
		die "apt-get $* failed in the root: see $work/apt.log"
}

# Removing a root must never reach through a mount into the host:
# nothing may be mounted below it, and rm stays on one file system.
mounted_below() {
	awk -v r="$1/" 'index($5 "/", r) == 1 { found = 1 } END { exit !found }' /proc/self/mountinfo
}
remove_tree() {
	umount "$1/proc" 2>/dev/null || true
	! mounted_below "$1" || die "still mounted below $1; not removing it"
	rm -rf --one-file-system "$1"
}

mkdir -p "$work/archives"
: >"$work/apt.log"
t0=$(date +%s)
if [ ! -f "$tarball" ]; then
	echo "test-deb: debootstrap --variant=minbase $suite from $mirror (once; kept in $tarball)"
	remove_tree "$work/boot"
	debootstrap --variant=minbase "$suite" "$work/boot" "$mirror" >"$work/debootstrap.log" 2>&1 ||
		die "debootstrap failed: see $work/debootstrap.log"
	sec=$(echo "$mirror" | sed 's|/debian$|/debian-security|')
	printf 'deb %s %s main\ndeb %s %s-updates main\ndeb %s %s-security main\n' \
		"$mirror" "$suite" "$mirror" "$suite" "$sec" "$suite" >"$work/boot/etc/apt/sources.list"
	cp /etc/resolv.conf "$work/boot/etc/resolv.conf"
	chroot "$work/boot" apt-get -q update >"$work/apt.log" 2>&1 ||
		die "apt-get update failed in the root: see $work/apt.log"
	tar -C "$work/boot" -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
	remove_tree "$work/boot"
fi
remove_tree "$root"
mkdir -p "$root"
tar -C "$root" -xf "$tarball"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$work/archives/"*.deb "$root/var/cache/apt/archives/" 2>/dev/null || true
# The root's /dev holds the nodes debootstrap made (null, zero, random,
# tty...); the host's /dev is never mounted into it.
mount -t proc proc "$root/proc"
mkdir -p "$root/tmp/home"
cp "$deb" "$root/tmp/"
pkg=/tmp/$(basename "$deb")
echo "test-deb: root ready in $(($(date +%s) - t0)) s"

# The dependencies first, so that the file lists around the package see
# the package's own files only. Lists older than the cached root may
# point at versions the archive dropped: update once and retry.
depends=$(dpkg-deb -f "$deb" Depends)
if ! in_root apt-get -y -q -o APT::Install-Recommends=false satisfy "$depends" >>"$work/apt.log" 2>&1; then
	apt update
	apt satisfy "$depends"
fi
cp -n "$root/var/cache/apt/archives/"*.deb "$work/archives/" 2>/dev/null || true
echo "test-deb: dependencies installed at $(($(date +%s) - t0)) s"

# Paths only; the package managers' own records, logs and /tmp (where the
# program runs) change by design and are left out.
files() {
	(cd "$root" && find . -xdev \( -path ./proc -o -path ./dev -o -path ./sys -o -path ./run \
		-o -path ./tmp -o -path ./var/lib/dpkg -o -path ./var/lib/apt -o -path ./var/cache/apt \
		-o -path ./var/cache/debconf -o -path ./var/log \) -prune -o -print | LC_ALL=C sort)
}
files >"$work/before.txt"

apt install "$pkg"
in_root dpkg-query -W -f='${Status}\n' jobkiosk | grep -q 'install ok installed' ||
	die "jobkiosk is not installed after apt-get install $pkg"
for f in /usr/bin/jobkiosk /etc/jobkiosk/jobkiosk.conf /lib/systemd/system/jobkiosk.service \
	/usr/share/man/man1/jobkiosk.1.gz /usr/share/doc/jobkiosk/examples/jobkiosk.conf.example \
	/usr/share/jobkiosk/samples/fernleaf-data-analyst.md; do
	[ -s "$root$f" ] || die "installed package lacks $f"
done
[ ! -e "$root/etc/systemd/system/multi-user.target.wants/jobkiosk.service" ] ||
	die "the service was enabled on install; it should wait until configured"

# One version: the package's is the program's (include/jk.h).
v=$(in_root jobkiosk --version 2>&1) || die "jobkiosk --version failed in the root: $v"
[ "$v" = "jobkiosk $(dpkg-deb -f "$deb" Version)" ] ||
	die "the package is version $(dpkg-deb -f "$deb" Version), the program says '$v'"

# The installed config shows the installed samples.
in_root jobkiosk --check-config >"$work/check.txt" 2>&1 ||
	die "jobkiosk --check-config failed in the root: $(cat "$work/check.txt")"
grep -q '/usr/share/jobkiosk/samples' "$work/check.txt" ||
	die "--check-config does not name the installed samples: see $work/check.txt"

# The libraries opened when first needed (libcurl, GMime, libmicrohttpd,
# fontconfig, SDL2_image) come from the package's Depends: dpkg-shlibdeps
# cannot see them.
for l in libcurl.so.4 libgmime-3.0.so.0 libmicrohttpd.so.12 libfontconfig.so.1 \
	libSDL2_image-2.0.so.0; do
	in_root ldconfig -p | grep -q "$l " || die "$l is not installed: add its package to Depends"
done

# A Latin and a Japanese posting: the fonts come from the package's Depends;
# a mail (GMime) and an apply link (libcurl's URL parser) open their
# libraries.
for s in fernleaf-data-analyst.md sakura-do-bakery-kitchen-ja.txt marlin-bay-sdr-engineer.eml; do
	out=/tmp/png-${s%%.*}
	in_root env SDL_VIDEODRIVER=offscreen jobkiosk --render "$out" --size 960x540 \
		"/usr/share/jobkiosk/samples/$s" >"$work/render.txt" 2>&1 ||
		die "jobkiosk --render $s failed in the root: $(cat "$work/render.txt")"
	! grep -q 'fonts-' "$work/render.txt" ||
		die "--render $s misses a font: $(cat "$work/render.txt")"
	! grep -q 'needs lib' "$work/render.txt" ||
		die "--render $s misses a library: $(cat "$work/render.txt")"
	png=$(find "$root$out" -name '*.png' -size +0 | head -1)
	[ -n "$png" ] && [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
		die "--render $s wrote no non-empty PNG into $out"
	echo "test-deb: --render $s: $(find "$root$out" -name '*.png' | wc -l) PNG(s), first $(wc -c <"$png") bytes"
done

# The user's edit, which removal must keep.
echo 'header = Booth 12 (edited)' >>"$root/etc/jobkiosk/jobkiosk.conf"
in_root jobkiosk --check-config >"$work/check.txt" 2>&1 && grep -q 'Booth 12 (edited)' "$work/check.txt" ||
	die "--check-config does not see the edited config: see $work/check.txt"

apt remove jobkiosk
files >"$work/removed.txt"
left=$(LC_ALL=C comm -13 "$work/before.txt" "$work/removed.txt")
gone=$(LC_ALL=C comm -23 "$work/before.txt" "$work/removed.txt")
[ -z "$gone" ] || die "apt-get remove took away files it had not installed: $gone"
# Besides the config, deb-systemd-helper's record of the unit's enable
# links stays until purge (Debian's design: a unit the user enabled is
# disabled at purge); the purge check below sees it go.
kept='./etc/jobkiosk
./etc/jobkiosk/jobkiosk.conf
./var/lib/systemd/deb-systemd-helper-enabled/jobkiosk.service.dsh-also'
[ "$left" = "$kept" ] ||
	die "after apt-get remove, left behind: $(echo "$left" | tr '\n' ' ')(expected only /etc/jobkiosk/jobkiosk.conf and deb-systemd-helper's record)"
grep -q 'Booth 12 (edited)' "$root/etc/jobkiosk/jobkiosk.conf" || die "remove lost the edit"

apt purge jobkiosk
files >"$work/purged.txt"
cmp -s "$work/before.txt" "$work/purged.txt" ||
	die "after apt-get purge the file list differs: $(LC_ALL=C comm -3 "$work/before.txt" "$work/purged.txt" | tr '\n' ' ')"

remove_tree "$root"
echo "test-deb: ok in $(($(date +%s) - t0)) s: installed, checked, rendered, removed (edited config kept), purged (nothing left)"
