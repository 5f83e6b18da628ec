#!/bin/sh
# Tests of `leerplek check`: line, column and message for broken lessons.
#
#   run.sh LEERPLEK CASES_DIR [LESSONS_DIR]
#
# Every folder in CASES_DIR is a case. `leerplek check` runs inside it on the
# paths in its file `args` (default: lesson.yaml). Its file `expected` lists
# the problem lines to expect, one each; '#' lines and blank lines are notes.
# An expected line is the exact start of a real line up to its severity,
# which pins path, line, column and severity, followed by the words that the
# message must contain somewhere (the wording may change, the facts not):
#     lesson.yaml:7:1: error: 'colour'
# matches  lesson.yaml:7:1: error: unknown key 'colour' in a lesson (...)
# Each expected line must match its own output line, in any order, and no
# output line may be left over. From the expected lines the runner also
# derives the summary line ("N files, N errors, N warnings"; N files counts
# the *.yaml and *.yml files in the case) and the exit code (1 with errors,
# else 0), and asserts both.
# A file `xfail` in a case holds the reason it is known to fail (a parser bug
# to fix). It then reports "not ok ... # TODO"; once the case passes it
# reports "ok ... # TODO", which fails (meson: UNEXPECTEDPASS), so that the
# fix is noticed and `xfail` removed.
# With LESSONS_DIR, the real lesson tree must pass: exit 0, "0 errors".
# Output is TAP.

set -u

if [ $# -lt 2 ]; then
	echo "usage: $0 LEERPLEK CASES_DIR [LESSONS_DIR]" >&2
	exit 2
fi
bin=$1
cases=$2
lessons=${3-}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
[ -x "$bin" ] || { echo "Bail out! $bin is not an executable"; exit 2; }
[ -d "$cases" ] || { echo "Bail out! $cases is not a folder"; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-test.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

n=0
bad=0
total_files=0
total_errors=0
total_warnings=0

# plural COUNT WORD -> "1 file", "2 files"
plural() {
	if [ "$1" -eq 1 ]; then printf '%s %s' "$1" "$2"; else printf '%s %ss' "$1" "$2"; fi
}

# note FILE: the file as TAP comment lines
note() {
	sed 's/^/#   /' "$1"
}

# result OK NAME [TODO]: one TAP line; counts failures (and unexpected passes)
result() {
	n=$((n + 1))
	if [ -n "${3-}" ]; then
		if [ "$1" = ok ]; then
			echo "ok $n - $2 # TODO passes now: remove its xfail ($3)"
			bad=$((bad + 1))
		else
			echo "not ok $n - $2 # TODO known bug: $3"
		fi
	elif [ "$1" = ok ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		bad=$((bad + 1))
	fi
}

count_yaml() {
	find "$1" \( -name '.*' ! -name . ! -name .. -prune \) -o \
		-type f \( -name '*.yaml' -o -name '*.yml' \) -print | wc -l | tr -d ' '
}

for dir in "$cases"/*/; do
	dir=${dir%/}
	name=${dir##*/}
	[ -f "$dir/expected" ] || { echo "# $name: no file 'expected'"; result "not ok" "$name"; continue; }
	args=lesson.yaml
	[ -f "$dir/args" ] && args=$(cat "$dir/args")
	xfail=
	[ -f "$dir/xfail" ] && xfail=$(head -n 1 "$dir/xfail")

	grep -v -e '^#' -e '^[[:space:]]*$' "$dir/expected" > "$tmp/want"
	# shellcheck disable=SC2086 # args is a list of paths
	(cd "$dir" && exec "$bin" check $args) > "$tmp/out" 2> "$tmp/err"
	rc=$?
	sed '$d' "$tmp/out" > "$tmp/got"
	summary=$(tail -n 1 "$tmp/out")

	fail=0
	: > "$tmp/why"
	# The expected file itself must be well formed: every line names a
	# severity, with line and column unless it is a whole-file problem.
	if ! awk '!/^[^:]+(:[1-9][0-9]*:[1-9][0-9]*)?: (error|warning):/ { print "malformed expected line: " $0; bad = 1 } END { exit bad }' \
		"$tmp/want" >> "$tmp/why"; then
		fail=1
	fi
	errors=$(grep -c ': error:' "$tmp/want")
	warnings=$(grep -c ': warning:' "$tmp/want")
	files=$(count_yaml "$dir")
	want_summary="$(plural "$files" file), $(plural "$errors" error), $(plural "$warnings" warning)"
	want_rc=0
	[ "$errors" -gt 0 ] && want_rc=1

	if [ "$rc" -ne "$want_rc" ]; then
		echo "exit code $rc, expected $want_rc" >> "$tmp/why"
		fail=1
	fi
	if [ "$summary" != "$want_summary" ]; then
		echo "summary '$summary', expected '$want_summary'" >> "$tmp/why"
		fail=1
	fi
	# Pair every expected line with a distinct output line that starts with
	# its place and severity and contains its words.
	if ! awk '
		FILENAME == ARGV[1] {
			want[++nw] = $0
			match($0, /: (error|warning):/)
			head[nw] = substr($0, 1, RSTART + RLENGTH - 1)
			words[nw] = substr($0, RSTART + RLENGTH)
			sub(/^ +/, "", words[nw])
			next
		}
		{ got[++ng] = $0 }
		END {
			for (i = 1; i <= nw; i++) {
				hit = 0
				for (j = 1; j <= ng && !hit; j++)
					if (!used[j] && index(got[j], head[i]) == 1 &&
					    index(substr(got[j], length(head[i]) + 1), words[i])) {
						used[j] = 1
						hit = 1
					}
				if (!hit) { print "missing: " want[i]; bad = 1 }
			}
			for (j = 1; j <= ng; j++)
				if (!used[j]) { print "unexpected: " got[j]; bad = 1 }
			exit bad
		}' "$tmp/want" "$tmp/got" >> "$tmp/why"; then
		fail=1
	fi

	# Summary counts of the whole run, for the run over all cases below.
	# shellcheck disable=SC2046 # split into the three numbers
	set -- $(echo "$summary" | sed -n 's/^\([0-9]*\) files*, \([0-9]*\) errors*, \([0-9]*\) warnings*$/\1 \2 \3/p')
	if [ $# -eq 3 ]; then
		total_files=$((total_files + $1))
		total_errors=$((total_errors + $2))
		total_warnings=$((total_warnings + $3))
	else
		echo "the last line is not a summary: '$summary'" >> "$tmp/why"
		fail=1
	fi

	if [ "$fail" -eq 0 ]; then
		result ok "$name" "$xfail"
	else
		result "not ok" "$name" "$xfail"
		note "$tmp/why"
		echo "#   output of 'leerplek check $args':"
		note "$tmp/out"
		[ -s "$tmp/err" ] && note "$tmp/err"
	fi
done

if [ "$n" -eq 0 ]; then
	echo "Bail out! no cases in $cases"
	exit 1
fi

# All cases in one run: the folder walk finds every file, nothing is counted
# twice and one broken file does not hide the problems of another.
(cd "$cases" && exec "$bin" check .) > "$tmp/out" 2> "$tmp/err"
rc=$?
summary=$(tail -n 1 "$tmp/out")
want_summary="$(plural "$total_files" file), $(plural "$total_errors" error), $(plural "$total_warnings" warning)"
if [ "$rc" -eq 1 ] && [ "$summary" = "$want_summary" ]; then
	result ok "all cases in one run"
else
	result "not ok" "all cases in one run"
	echo "#   exit code $rc (expected 1), summary '$summary' (expected '$want_summary')"
fi

# Without a path: usage on stderr, exit 2.
"$bin" check > "$tmp/out" 2> "$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -q 'usage' "$tmp/err" && [ ! -s "$tmp/out" ]; then
	result ok "no path: usage, exit 2"
else
	result "not ok" "no path: usage, exit 2"
	echo "#   exit code $rc"
fi

# A path that does not exist is an error of its own, not a silent pass.
"$bin" check "$tmp/no-such-lesson" > "$tmp/out" 2> "$tmp/err"
rc=$?
if [ "$rc" -eq 1 ] && grep -q "^$tmp/no-such-lesson: error: " "$tmp/out" &&
	[ "$(tail -n 1 "$tmp/out")" = "0 files, 1 error, 0 warnings" ]; then
	result ok "missing path: error, exit 1"
else
	result "not ok" "missing path: error, exit 1"
	note "$tmp/out"
fi

# The real lessons must pass, and every lesson file in the tree is checked.
if [ -n "$lessons" ]; then
	(exec "$bin" check "$lessons") > "$tmp/out" 2> "$tmp/err"
	rc=$?
	files=$(count_yaml "$lessons")
	summary=$(tail -n 1 "$tmp/out")
	if [ "$rc" -eq 0 ] && [ "$files" -gt 0 ] &&
		echo "$summary" | grep -q "^$(plural "$files" file), 0 errors, [0-9]* warnings*\$" &&
		! grep -q ': error: ' "$tmp/out"; then
		result ok "lessons in $lessons pass ($files files)"
		[ -s "$tmp/out" ] && sed '$d' "$tmp/out" | sed 's/^/# /'
	else
		result "not ok" "lessons in $lessons pass"
		echo "#   exit code $rc (expected 0), $files lesson files found"
		note "$tmp/out"
		[ -s "$tmp/err" ] && note "$tmp/err"
	fi
fi

echo "1..$n"
[ "$bad" -eq 0 ]
