#!/bin/sh
# catalogue.sh: how Leerplek copes with a large lesson catalogue. For 10 and
# for 1,000 lessons made by bench/gen-lessons.sh it prints
#   (a) `leerplek check DIR`: wall time (median of 5 runs, after one warm-up
#       run that fills the page cache) and peak RSS (/usr/bin/time -f %M);
#   (b) bench-startup with `--lessons DIR` (headless, SDL_VIDEODRIVER=dummy):
#       exec to first frame and peak RSS, and how much slower start-up is
#       with 1,000 lessons than with 10, in percent.
# The aims (issue): check over 1,000 lessons under 1 s; start-up with 10 and
# with 1,000 lessons within 10% of each other. Figures only: it never fails on
# time. It exits non-zero only when lessons could not be made, `check` found
# errors in them, or the kiosk did not start or end cleanly.
#
# usage: bench/catalogue.sh [-n STARTUP_RUNS] [-i IDLE_SECONDS] [-c CHECK_RUNS]
#        defaults 7, 2 and 5
# env:   BUILD (default <source>/build), TMPDIR, NO_BUILD=1 (do not run ninja)
set -u

src=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$src/build}
leerplek=$build/app/leerplek
bench=$build/bench/bench-startup
gen=$src/bench/gen-lessons.sh
runs=7
idle=2
check_runs=5
small=10
large=1000

while getopts n:i:c: opt; do
	case $opt in
	n) runs=$OPTARG ;;
	i) idle=$OPTARG ;;
	c) check_runs=$OPTARG ;;
	*) echo "usage: catalogue.sh [-n STARTUP_RUNS] [-i IDLE_SECONDS] [-c CHECK_RUNS]" >&2; exit 2 ;;
	esac
done
case $check_runs in '' | *[!0-9]* | 0) echo "catalogue.sh: -c needs a whole number of 1 or more" >&2; exit 2 ;; esac

# Under `meson test --benchmark` (which sets NO_BUILD=1) everything is built
# already; by hand, build what is measured. If the tree is briefly broken, say
# so and measure the programs that are there.
if [ -n "${NO_BUILD:-}" ]; then
	:
elif ! ninja -C "$build" app/leerplek bench/bench-startup >/dev/null 2>&1; then
	if [ -x "$leerplek" ] && [ -x "$bench" ]; then
		echo "catalogue.sh: warning: building in $build failed; measuring the programs already built" >&2
	else
		echo "catalogue.sh: building leerplek and bench-startup in $build failed" >&2
		exit 1
	fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/leerplek-catalogue-XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM HUP

# Median of the numbers on stdin, one a line.
median() {
	sort -n | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "-"; exit }
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

now_ns() {
	date +%s%N
}

echo "=== machine ==="
cpu=$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo 2>/dev/null | head -n1)
mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
buildtype=$(tr '{' '\n' <"$build/meson-info/intro-buildoptions.json" 2>/dev/null |
	sed -n 's/.*"name": *"buildtype", *"value": *"\([^"]*\)".*/\1/p' | head -n1)
echo "cpu:       ${cpu:-unknown}, $(getconf _NPROCESSORS_ONLN) cores online"
echo "memory:    ${mem:-unknown}"
echo "kernel:    $(uname -srm)"
echo "leerplek:  $("$leerplek" --version 2>&1 | head -n1), buildtype ${buildtype:-unknown}, $leerplek"
echo "lessons:   in $work ($(stat -f -c %T "$work" 2>/dev/null || echo '?'))"
echo "date:      $(date -u '+%Y-%m-%d %H:%M UTC')"

echo
echo "=== generating lessons (bench/gen-lessons.sh) ==="
for n in $small $large; do
	t0=$(now_ns)
	"$gen" "$n" "$work/$n" || { echo "catalogue.sh: generating $n lessons failed" >&2; exit 1; }
	t1=$(now_ns)
	files=$(find "$work/$n" -name lesson.yaml | wc -l)
	bytes=$(find "$work/$n" -name lesson.yaml -exec cat {} + | wc -c)
	steps=$(find "$work/$n" -name lesson.yaml -exec cat {} + | grep -c '^  - type:')
	pics=$(find "$work/$n" -name '*.svg' | wc -l)
	echo "$n lessons: $files lesson.yaml, $((bytes / 1024)) KiB of YAML ($((bytes / files)) bytes each)," \
	     "$steps steps, $pics pictures; made in $(((t1 - t0) / 1000000)) ms"
done

status=0
cs=- cl=- ss='' sl='' rs='' rl=''

echo
echo "=== (a) leerplek check DIR: $check_runs runs after one warm-up ==="
have_time=false
[ -x /usr/bin/time ] && have_time=true
$have_time || echo "(no /usr/bin/time here: peak RSS is not measured for check)"
printf '%-9s %10s %10s %10s %14s  %s\n' lessons median-ms min-ms max-ms peak-rss-MB "check's last line"
for n in $small $large; do
	: >"$work/ms" && : >"$work/kb"
	last=
	i=0
	while [ $i -le "$check_runs" ]; do
		t0=$(now_ns)
		if $have_time; then
			/usr/bin/time -f %M -o "$work/rss" "$leerplek" check "$work/$n" >"$work/out" 2>&1
		else
			"$leerplek" check "$work/$n" >"$work/out" 2>&1
		fi
		rc=$?
		t1=$(now_ns)
		last=$(tail -n1 "$work/out")
		if [ $rc -ne 0 ]; then
			echo "catalogue.sh: leerplek check $work/$n exited with $rc:" >&2
			head -n 20 "$work/out" >&2
			status=1
			break
		fi
		if [ $i -gt 0 ]; then # run 0 warms the page cache
			echo $(((t1 - t0) / 1000)) >>"$work/ms"
			$have_time && tail -n1 "$work/rss" >>"$work/kb"
		fi
		i=$((i + 1))
	done
	med=$(median <"$work/ms" | awk '{ printf "%.1f", $1 / 1000 }')
	min=$(sort -n "$work/ms" | head -n1 | awk '{ printf "%.1f", $1 / 1000 }')
	max=$(sort -n "$work/ms" | tail -n1 | awk '{ printf "%.1f", $1 / 1000 }')
	if $have_time; then
		rss=$(median <"$work/kb" | awk '{ printf "%.1f", $1 / 1024 }')
	else
		rss=-
	fi
	printf '%-9s %10s %10s %10s %14s  %s\n' "$n" "$med" "$min" "$max" "$rss" "$last"
	if [ "$n" = "$small" ]; then cs=$med; else cl=$med; fi
done
echo "(wall time from the shell, including fork/exec of /usr/bin/time, about 1 ms;"
echo " peak RSS is the median of /usr/bin/time's %M)"

echo
echo "=== (b) kiosk start-up, headless, with --lessons DIR ==="
for n in $small $large; do
	echo
	echo "--- $n lessons ---"
	env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_RENDER_DRIVER -u SDL_FRAMEBUFFER_ACCELERATION SDL_VIDEODRIVER=dummy \
		"$bench" -n "$runs" -i "$idle" "$leerplek" --windowed=1920x1080 --lessons "$work/$n" >"$work/startup-$n" ||
		status=1
	cat "$work/startup-$n"
	ms=$(awk '/^  exec to first frame/ { print $5 }' "$work/startup-$n")
	rss=$(awk '/^  peak RSS/ { print $3 }' "$work/startup-$n")
	if [ "$n" = "$small" ]; then ss=$ms rs=$rss; else sl=$ms rl=$rss; fi
done

echo
echo "=== summary ==="
printf '%-34s %12s %12s %12s\n' "" "$small lessons" "$large lessons" difference
diff_pct() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a == "" || b == "" || a == "-" || b == "-" || a + 0 == 0) print "-"
		else printf "%+.1f%%", (b - a) / a * 100 }'
}
printf '%-34s %12s %12s %12s\n' "check, median wall ms" "$cs" "$cl" "$(diff_pct "$cs" "$cl")"
printf '%-34s %12s %12s %12s\n' "start-up, median exec-to-frame ms" "${ss:--}" "${sl:--}" "$(diff_pct "$ss" "$sl")"
printf '%-34s %12s %12s %12s\n' "start-up, median peak RSS MB" "${rs:--}" "${rl:--}" "$(diff_pct "$rs" "$rl")"
echo "aims: check over $large lessons under 1000 ms (measured: $cl ms);"
echo "      start-up with $large lessons within 10% of $small (measured: $(diff_pct "$ss" "$sl"))"
exit $status
