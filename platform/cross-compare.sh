#!/bin/sh
# Compares a cross-built jobkiosk (run through qemu) with the native one
# (make test-cross): --dump of each input must be byte-identical, every
# --render PNG must match within FUZZ (per-channel colour distance) on at
# most MAXPIX pixels. Inputs: samples/ as one folder, each sample, and the
# seeds in FIXTURES/seeds; extra arguments replace that list (CI passes one).
# usage: cross-compare.sh NATIVE_BIN CROSS_BIN OUTDIR FIXTURES [INPUT...]
set -u
native=$1 cross=$2 out=$3 fixtures=$4
shift 4
# Tolerance: blended pixels (anti-aliased glyph edges, fades) differ by up
# to 2 levels of 255 between x86 and ARM (the C libraries' SIMD paths round
# differently; measured: about 5% of a slide's pixels, never more than 2
# levels). FUZZ 1% is 2.55 levels, and no pixel may differ beyond it: a
# moved line or a wrong QR module changes hundreds by far more.
FUZZ=${FUZZ:-1%}
MAXPIX=${MAXPIX:-0}
SIZE=${SIZE:-960x540}

if [ $# -eq 0 ]; then
	set -- samples samples/* "$fixtures"/seeds/*
fi
command -v compare >/dev/null || {
	echo "cross-compare: ImageMagick's compare not found (install-deps.sh installs it)"
	exit 1
}
rm -rf "$out"
mkdir -p "$out"
export SDL_VIDEODRIVER=offscreen
pass=0 fail=0 n=0
for f in "$@"; do
	n=$((n + 1))
	d="$out/$n"
	mkdir -p "$d/x86" "$d/arm"
	"$native" --dump "$f" >"$d/x86.dump" 2>"$d/x86.err"
	rx=$?
	"$cross" --dump "$f" >"$d/arm.dump" 2>"$d/arm.err"
	ra=$?
	if [ $rx -eq $ra ] && cmp -s "$d/x86.dump" "$d/arm.dump"; then
		echo "dump   ok      $f"
		pass=$((pass + 1))
	else
		echo "dump   DIFFERS $f (exit $rx/$ra; diff $d/x86.dump $d/arm.dump)"
		fail=$((fail + 1))
	fi
	"$native" --render "$d/x86" --size "$SIZE" "$f" >/dev/null 2>&1
	"$cross" --render "$d/arm" --size "$SIZE" "$f" >/dev/null 2>&1
	worst=0 bad=""
	nx=$(ls "$d/x86" | wc -l)
	na=$(ls "$d/arm" | wc -l)
	[ "$nx" -eq "$na" ] || bad="$nx x86 slides, $na ARM slides"
	for p in "$d"/x86/*.png; do
		[ -e "$p" ] || continue
		q="$d/arm/$(basename "$p")"
		if [ ! -e "$q" ]; then
			bad="no ARM $(basename "$p")"
			continue
		fi
		ae=$(compare -metric AE -fuzz "$FUZZ" "$p" "$q" null: 2>&1)
		case "$ae" in
		'' | *[!0-9]*) bad="compare: $ae" ;;
		*) [ "$ae" -gt "$worst" ] && worst=$ae ;;
		esac
	done
	[ "$worst" -gt "$MAXPIX" ] && bad="${bad:+$bad; }$worst pixels differ beyond $FUZZ"
	if [ -z "$bad" ] && [ "$nx" -gt 0 ]; then
		echo "render ok      $f ($nx slides)"
		pass=$((pass + 1))
	elif [ -z "$bad" ]; then
		echo "render ok      $f (no slides on either)"
		pass=$((pass + 1))
	else
		echo "render DIFFERS $f: $bad ($d)"
		fail=$((fail + 1))
	fi
done
echo "cross-compare: $n inputs, $pass checks passed, $fail failed (PNG tolerance: $MAXPIX pixels beyond fuzz $FUZZ)"
[ "$fail" -eq 0 ]
