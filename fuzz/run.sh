#!/bin/sh
# Seeds and runs the fuzz harnesses: fuzz/run.sh OUT SECONDS FIXTURES NAME...
#
# OUT holds the harness binaries (built by `make fuzz`). Each harness gets a
# corpus in OUT/corpus/NAME, seeded every run from samples/, tests/data/,
# fuzz/seeds/NAME/ and the shared fixtures (copied, never committed; what
# earlier runs found stays), runs SECONDS seconds, single process, and
# prints one summary line. Crash, leak, timeout and out-of-memory inputs go
# to OUT/crashes/, full logs to OUT/logs/. Exits 1 when any harness failed.
set -u
out=$1 secs=$2 fix=$3
shift 3
mkdir -p "$out/crashes" "$out/logs" "$out/corpus"

# The seed files of harness $1, one path per line.
seeds() {
	case $1 in
	markdown) ls samples/*.md tests/data/md/*; find "$fix" -type f -name '*.md' ;;
	html) ls samples/*.html tests/data/html/*; find "$fix" -type f -name '*.htm*' ;;
	greenhouse) ls samples/*greenhouse*.json tests/data/json/greenhouse-*.json ;;
	lever) ls samples/*lever*.json tests/data/json/lever-*.json ;;
	jsonfeed) grep -l jsonfeed.org samples/*.json tests/data/json/*.json "$fix"/real-world/*.json ;;
	ashby) ls tests/data/boards/ashby/* "$fix"/real-world/ats-ashby-*.json ;;
	workable) ls tests/data/boards/workable/* ;;
	recruitee) ls tests/data/boards/recruitee/* ;;
	feed) ls samples/*.rss samples/*.atom tests/data/feed/* "$fix"/real-world/feed-*.rss ;;
	personio) ls tests/data/personio/* ;;
	text) ls samples/*.txt ;;
	paragraphs) ls samples/*.md samples/*.txt tests/data/scripts/* ;;
	smartrecruiters | breezy) ls tests/data/boards/"$1"/* ;;
	workday) ls tests/data/boards/workday/*; find "$fix" -type f -name '*workday*.json' ;;
	mail) ls samples/*.eml tests/data/mail/*; find "$fix" -type f -name '*.eml' ;;
	rst) ls samples/*.rst tests/data/rst/*; find "$fix" -type f -name '*.rst' ;;
	config) ls jobkiosk.conf.example ;;
	import)
		for h in markdown html greenhouse lever ashby workable recruitee jsonfeed feed personio \
			text grid jsonld smartrecruiters workday breezy mail rst; do
			seeds "$h"
		done
		;;
	esac 2>/dev/null
	[ -d "fuzz/seeds/$1" ] && find "fuzz/seeds/$1" -type f
	return 0
}

# The JSON of every <script type="application/ld+json"> in the HTML seeds,
# one file each, into directory $1.
jsonld_from_pages() {
	for f in $(seeds html); do
		awk -v dir="$1" -v base="$(basename "$f")" '
			/application\/ld\+json/ { on = 1; n++; sub(/.*ld\+json"?[^>]*>/, ""); }
			on { line = $0; end = index(line, "</script>");
			     if (end) { line = substr(line, 1, end - 1); on = 0 }
			     print line > (dir "/page-" base "-" n ".json") }' "$f"
	done
}

# Front-door seeds carry the name and content type in their first two bytes
# (see fuzz/import.c): the name index follows the extension.
name_byte() {
	case $1 in
	*.md) printf '\001' ;; *.html | *.htm) printf '\002' ;; *.xml) printf '\003' ;;
	*.rss) printf '\004' ;; *.atom) printf '\005' ;; *.txt) printf '\006' ;;
	*.json) printf '\007' ;; *.eml) printf '\014' ;; *.rst) printf '\015' ;;
	*) printf '\000' ;;
	esac
}

fail=0
for n in "$@"; do
	corpus="$out/corpus/$n"
	mkdir -p "$corpus"
	k=0
	for f in $(seeds "$n"); do
		k=$((k + 1))
		if [ "$n" = import ]; then
			{ name_byte "$f"; printf '\000'; cat "$f"; } >"$corpus/seed-$k-$(basename "$f")"
		else
			cp "$f" "$corpus/seed-$k-$(basename "$f")"
		fi
	done
	[ "$n" = jsonld ] && jsonld_from_pages "$corpus"
	case $n in
	greenhouse | lever | ashby | workable | recruitee | jsonfeed | jsonld | control) d=json ;;
	grid) d=html ;;
	import) d=html ;;
	*) d=$n ;;
	esac
	dict=""
	[ -f "fuzz/$d.dict" ] && dict="-dict=fuzz/$d.dict"
	log="$out/logs/$n.log"
	# shellcheck disable=SC2086
	UBSAN_OPTIONS=print_stacktrace=1 "$out/$n" -max_total_time="$secs" -timeout=10 \
		-rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
		-artifact_prefix="$out/crashes/$n-" $dict "$corpus" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
	ft=$(grep -o 'ft: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
	files=$(ls "$corpus" | wc -l)
	if [ $rc -eq 0 ]; then
		result=ok
	else
		fail=1
		art=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
		result="FAILED (exit $rc): ${art:-no input saved}; log $log"
	fi
	printf 'fuzz %-10s %10s runs %7s/s  cov %5s  ft %6s  corpus %5s  %s\n' \
		"$n" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$files" "$result"
done
exit $fail
