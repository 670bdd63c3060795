#!/bin/sh
# Installs the Debian / Ubuntu / Raspberry Pi OS packages jobkiosk needs to
# build, run and test. Idempotent: when every package is already present it
# only asks dpkg and exits, so `make` can call it every time.
set -eu

BUILD_PKGS="build-essential pkg-config
libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libfontconfig-dev
libcurl4-openssl-dev libqrencode-dev libmd4c-dev libmd4c-html0-dev libyaml-dev libxml2-dev
libcjson-dev libinih-dev libicu-dev libharfbuzz-dev libgmime-3.0-dev
libmicrohttpd-dev"
# `make deb` (debian/): the packaging tools; debootstrap makes the clean
# root `make test-deb` installs the package into.
DEB_PKGS="debhelper dpkg-dev fakeroot lintian debootstrap"
PKGS="$BUILD_PKGS $DEB_PKGS
libcmocka-dev libzbar-dev zbar-tools imagemagick xvfb xauth valgrind
tesseract-ocr tesseract-ocr-ara tesseract-ocr-heb tesseract-ocr-fas tesseract-ocr-hin
tesseract-ocr-ben tesseract-ocr-tam tesseract-ocr-tha tesseract-ocr-kor tesseract-ocr-jpn
tesseract-ocr-chi-sim tesseract-ocr-rus tesseract-ocr-ell
clang libclang-rt-14-dev clang-format cppcheck bear
fonts-inter fonts-noto-core fonts-noto-cjk
prometheus chromium chromium-driver
libgl1-mesa-dri"

# clang-format (14 on Debian 12), cppcheck and bear are for `make
# format-check`, `make lint` and `make compdb`. tesseract and its language
# packs read the titles of tests/data/scripts back from rendered slides
# (tests/test_scripts.c); HarfBuzz shapes each script run. ImageMagick
# scales and blurs booth slides as a phone's preview sees them from the
# aisle, for zbar (tests/test_booth.c). libmicrohttpd is the control
# server; prometheus brings promtool, which checks /metrics and
# platform/prometheus/; chromium and chromium-driver drive the control page
# in a real browser (tests/test_page.c).
# libgl1-mesa-dri is Mesa's llvmpipe: tests/test_window.c forces the GPU
# renderer onto it to check the GPU crossfade against the software one.
# bench: `--bench` installs only what `make bench` compares against (the
# browser kiosk) and links to (libX11 for reading the screen back).
if [ "${1:-}" = "--bench" ]; then
	PKGS="chromium libx11-dev"
fi
# --deb: only what building the package needs (a board that builds its
# own package need not install the test tools).
if [ "${1:-}" = "--deb" ]; then
	PKGS="$BUILD_PKGS $DEB_PKGS"
fi
# cross: `--cross arm64|armhf` adds the foreign architecture, its cross
# compiler, qemu-user-static to run the results (make test-cross) and the
# :ARCH libraries of the Makefile's PKGS and TEST_PKGS. libzbar-dev is the
# one that cannot be installed for two architectures (it pulls
# libmagick++-dev, whose :ARCH and amd64 copies conflict), so only the
# runtime libzbar0:ARCH comes; the test support compiles against the
# native zbar.h, which is the same on every architecture.
CROSS=""
if [ "${1:-}" = "--cross" ]; then
	CROSS="${2:-}"
	case "$CROSS" in
	arm64) CROSS_CC=gcc-aarch64-linux-gnu ;;
	armhf) CROSS_CC=gcc-arm-linux-gnueabihf ;;
	*)
		echo "install-deps: --cross needs arm64 or armhf, not '$CROSS'" >&2
		exit 1
		;;
	esac
	PKGS="$CROSS_CC qemu-user-static imagemagick"
	for p in libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libfontconfig-dev \
		libcurl4-openssl-dev libqrencode-dev libmd4c-dev libmd4c-html0-dev libyaml-dev \
		libxml2-dev libcjson-dev libinih-dev libicu-dev libharfbuzz-dev \
		libgmime-3.0-dev libmicrohttpd-dev libcmocka-dev libzbar0; do
		PKGS="$PKGS $p:$CROSS"
	done
fi

missing=""
if [ -n "$CROSS" ] && ! dpkg --print-foreign-architectures | grep -qx "$CROSS"; then
	missing=" (architecture $CROSS)"
fi
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "install-deps: apt-get not found; install these packages by hand:$missing" >&2
	exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		SUDO="sudo"
	else
		echo "install-deps: not root and no sudo; install:$missing" >&2
		exit 1
	fi
fi

echo "install-deps: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
if [ -n "$CROSS" ]; then
	$SUDO dpkg --add-architecture "$CROSS"
	missing=$(echo "$missing" | sed 's/ (architecture [a-z0-9]*)//')
fi
# An old or empty package list makes apt-get install fail; refresh it once.
$SUDO apt-get update -qq || true
# Some -dev packages cannot sit beside the native ones (see --cross above):
# never let a cross install remove a native package.
if [ -n "$CROSS" ]; then
	# shellcheck disable=SC2086
	gone=$(apt-get -s install --no-install-recommends $missing | sed -n 's/^Remv \([^ ]*\).*/\1/p')
	if [ -n "$gone" ]; then
		echo "install-deps: the $CROSS packages would remove:" $gone "; not installing" >&2
		exit 1
	fi
fi
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
