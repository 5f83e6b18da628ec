#!/bin/sh
# Every step example in lessons/FORMAT.md is a working example: each
# ```yaml block that starts with "- type:" is put in a lesson of its own and
# must pass `leerplek check`. Types listed in PENDING are not built yet:
# for them `check` must say exactly that.
# usage: format-examples.sh LEERPLEK SOURCE_ROOT
set -u
bin=$1 src=$2
PENDING=""
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
awk -v dir="$tmp" '
	/^```yaml/ { inblock = 1; n++; file = dir "/block" n; first = 1; next }
	/^```/ && inblock { inblock = 0; close(file); next }
	inblock { if (first && $0 !~ /^- type:/) { inblock = 0; next } first = 0; print > file }
' "$src/lessons/FORMAT.md"
passes=0 fails=0 count=0
for block in "$tmp"/block*; do
	[ -s "$block" ] || continue
	count=$((count + 1))
	type=$(sed -n '1s/^- type: *//p' "$block")
	d="$tmp/lesson-$count"
	mkdir -p "$d"
	for pic in $(sed -n 's/^ *picture: *"*\([^"]*\)"* *$/\1/p' "$block"); do
		cp "$src/tests/fuzz/workdir/pic.svg" "$d/$pic"
	done
	{
		printf 'id: example-%d\nversion: 1\n' "$count"
		printf 'title: { nl: "Voorbeeld", en: "Example" }\n'
		printf 'summary: { nl: "Een voorbeeld uit FORMAT.md.", en: "An example from FORMAT.md." }\n'
		printf 'competences: ["1.1"]\nroles: [worker]\nminutes: 5\nsteps:\n'
		sed 's/^/  /' "$block"
	} >"$d/lesson.yaml"
	out=$("$bin" check "$d/lesson.yaml" 2>&1)
	case " $PENDING " in
	*" $type "*)
		if echo "$out" | grep -q "not built yet"; then passes=$((passes + 1)); else
			echo "FAIL: the $type example should be reported as not built yet:"; echo "$out"; fails=$((fails + 1))
		fi ;;
	*)
		if echo "$out" | grep -q "^1 file, 0 errors"; then passes=$((passes + 1)); else
			echo "FAIL: the $type example in FORMAT.md does not pass check:"; echo "$out"; fails=$((fails + 1))
		fi ;;
	esac
done
[ $count -ge 12 ] || { echo "FAIL: found $count step examples in FORMAT.md, expected 12"; fails=$((fails + 1)); }
echo "$passes passed, $fails failed"
[ $fails -eq 0 ]
