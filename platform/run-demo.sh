#!/bin/sh
# make run: the demo slideshow of samples/ when there is a display; without
# one, the slides of samples/ as PNG files in build/preview/.
set -eu
bin=$1
shift
have_display=no
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
	have_display=yes
elif [ -z "${SSH_CONNECTION:-}" ]; then
	# A console with a usable KMS device (Raspberry Pi without a desktop).
	for c in /dev/dri/card*; do
		[ -r "$c" ] && [ -w "$c" ] && have_display=yes && break
	done
fi
if [ "$have_display" = yes ]; then
	echo "run-demo: showing samples/ (q or Esc quits, arrows move, space pauses)"
	exec "$bin" --no-config --hide-expired=no "$@" samples/
fi
out=build/preview
rm -rf "$out"
mkdir -p "$out"
echo "run-demo: no display found; rendering the slides of samples/ instead"
"$bin" --no-config --hide-expired=no --render "$out" "$@" samples/
echo "run-demo: the slides are in $(cd "$out" && pwd)/ (open the PNG files to look at them)"
