#!/bin/sh
# Every UI string in the sources has a translation in each .po file.
# usage: po-complete.sh SOURCE_ROOT
set -u
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src" || exit 1
xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 -o "$tmp/leerplek.pot" $(cat assets/po/POTFILES) || exit 1
n=$(grep -c '^msgid ' "$tmp/leerplek.pot")
fails=0
for po in assets/po/*.po; do
	if msgcmp "$po" "$tmp/leerplek.pot" >"$tmp/out" 2>&1 && msgfmt -c -o /dev/null "$po" 2>>"$tmp/out"; then
		echo "ok: $po translates all $((n - 1)) strings"
	else
		echo "FAIL: $po"
		cat "$tmp/out"
		fails=$((fails + 1))
	fi
done
[ "$n" -gt 40 ] || { echo "FAIL: only $n strings found; is POTFILES right?"; fails=$((fails + 1)); }
echo "$(ls assets/po/*.po | wc -l) files checked, $fails failed"
[ $fails -eq 0 ]
