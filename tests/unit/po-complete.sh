#!/bin/sh
# The UI strings in the sources against the .po files.
# usage: po-complete.sh SOURCE_ROOT        (PO_STRICT=1: gaps in drafts fail too)
#
# Every file fails on:
#   - any msgfmt -c error (header, Plural-Forms, a missing plural form);
#   - a translation whose printf placeholders differ from its msgid's. This
#     is checked against the template's c-format flags, so a file that has
#     no flags of its own (nl.po, en.po) is checked too: msgmerge marks such
#     a translation fuzzy;
#   - a plural entry with an empty form beside filled ones, or a translation
#     of only spaces: gettext would show an empty label;
#   - a fuzzy header (msginit's, not filled in), a Language header that is
#     not the file's name, a file not in LINGUAS, a LINGUAS entry without a
#     file, a language offered in app/ui/i18n.c without a file.
# nl and en must translate every string (REQUIRED below): Dutch is the
# kiosk's first language, English the msgids' own.
# The other languages were drafted without a native speaker and were
# complete when they were added. A string added later and not yet
# translated there is a WARNING that lists it, not a failure: at run time
# gettext shows the msgid, a whole English sentence (never an empty label,
# never an identifier), as it does for a fuzzy or empty entry. Whoever
# translates runs this with PO_STRICT=1, which makes such gaps fail too.
set -u
REQUIRED="nl en"
src=$1
strict=${PO_STRICT:-0}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src" || exit 1
xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 -o "$tmp/leerplek.pot" $(cat assets/po/POTFILES) || exit 1
n=$(($(grep -c '^msgid ' "$tmp/leerplek.pot") - 1))
fails=0 warns=0

# One line per entry of a .po file: a class, a tab, the msgid as written in
# the file. H: a fuzzy header; F: fuzzy; U: untranslated; E: a plural form
# empty beside filled ones, or only spaces; T: translated.
classify() {
	awk '
	function unq(s) { sub(/^[^"]*"/, "", s); sub(/"[ \t]*$/, "", s); return s }
	function flush(   i, empty, full) {
		if (state == "") return
		empty = 0; full = 0
		for (i = 0; i < nf; i++) {
			if (form[i] == "") empty++
			else if (form[i] ~ /^([ \t]|\\n|\\t)*$/) { empty++; full++ }
			else full++
		}
		if (id == "") { if (fuzzy) print "H\t"; }
		else if (full == 0) print "U\t" id
		else if (fuzzy) print "F\t" id
		else if (empty > 0) print "E\t" id
		else print "T\t" id
		state = ""; id = ""; nf = 0; fuzzy = 0
	}
	/^#~/ { next }
	/^[ \t]*$/ { flush(); next }
	/^#,/ { if (state == "str") flush(); if ($0 ~ /fuzzy/) fuzzy = 1; next }
	/^#/ { if (state == "str") flush(); next }
	/^msgctxt / { if (state == "str") flush(); state = "ctx"; next }
	/^msgid / { if (state == "str") flush(); state = "id"; id = unq($0); next }
	/^msgid_plural / { state = "plural"; next }
	/^msgstr/ { state = "str"; form[nf++] = unq($0); next }
	/^"/ {
		if (state == "id") id = id unq($0)
		else if (state == "str") form[nf - 1] = form[nf - 1] unq($0)
		next
	}
	END { flush() }
	' "$1"
}

list() { # list CLASS FILE: the msgids of that class, indented
	awk -F '\t' -v c="$1" '$1 == c { print "    \"" $2 "\"" }' "$2"
}

linguas=$(sed 's/#.*//' assets/po/LINGUAS)
for po in assets/po/*.po; do
	lang=$(basename "$po" .po)
	required=0
	case " $REQUIRED " in *" $lang "*) required=1 ;; esac
	bad=0
	out=$tmp/out
	: >"$out"
	case " $(echo $linguas) " in
	*" $lang "*) ;;
	*) echo "  $lang is not in assets/po/LINGUAS, so it is never built" >>"$out"; bad=1 ;;
	esac
	grep -q "^\"Language: $lang\\\\n\"" "$po" ||
		{ echo "  the header has no \"Language: $lang\"" >>"$out"; bad=1; }
	if ! msgfmt -c -o /dev/null "$po" 2>"$tmp/msgfmt"; then
		grep -v "warning: header field" "$tmp/msgfmt" | sed 's/^/  /' >>"$out"
		bad=1
	elif classify "$po" | grep -q '^H'; then
		echo "  the header is marked fuzzy (as msginit leaves it): fill it in, then remove the flag" >>"$out"
		bad=1
	else
		# The file against the template: fuzzy entries left out (they never
		# reach the .mo), the template's flags and new strings merged in.
		msgattrib --no-fuzzy -o "$tmp/nofuzzy.po" "$po" &&
			msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" "$tmp/nofuzzy.po" "$tmp/leerplek.pot" ||
			{ echo "  msgattrib or msgmerge failed" >>"$out"; bad=1; }
	fi
	if [ $bad -eq 0 ]; then
		classify "$tmp/merged.po" >"$tmp/classes"
		if grep -q '^F' "$tmp/classes"; then
			echo "  placeholders that differ from the English (%s, %d, their number or order):" >>"$out"
			list F "$tmp/classes" >>"$out"
			msgattrib --clear-fuzzy "$tmp/merged.po" | msgfmt -c -o /dev/null - 2>&1 |
				grep -v "warning: header field\|fatal error" | sed "s|^<stdin>:[0-9]*: |    |" >>"$out"
			bad=1
		fi
		if grep -q '^E' "$tmp/classes"; then
			echo "  translations that would show an empty label (an empty plural form, or only spaces):" >>"$out"
			list E "$tmp/classes" >>"$out"
			bad=1
		fi
		done=$(grep -c '^T' "$tmp/classes")
		if grep -q '^U' "$tmp/classes"; then
			if [ $required -eq 1 ] || [ "$strict" = 1 ]; then
				echo "  not translated ($done of $n are):" >>"$out"
				list U "$tmp/classes" >>"$out"
				bad=1
			elif [ $bad -eq 1 ]; then
				echo "  and not translated yet ($done of $n are):" >>"$out"
				list U "$tmp/classes" >>"$out"
			else
				echo "WARNING: $po translates $done of $n strings; these show in English until they are translated (a fuzzy entry counts as not translated):"
				list U "$tmp/classes"
				warns=$((warns + 1))
				continue
			fi
		fi
	fi
	if [ $bad -eq 0 ]; then
		note=
		grep -q '^"X-Review: needed\\n"' "$po" && note=" (drafted without a native speaker; X-Review: needed)"
		echo "ok: $po translates all $n strings$note"
	else
		echo "FAIL: $po"
		cat "$out"
		fails=$((fails + 1))
	fi
done

for lang in $linguas; do
	[ -f "assets/po/$lang.po" ] || { echo "FAIL: assets/po/LINGUAS names $lang, but there is no assets/po/$lang.po"; fails=$((fails + 1)); }
done
for lang in $REQUIRED; do
	[ -f "assets/po/$lang.po" ] || { echo "FAIL: assets/po/$lang.po is required"; fails=$((fails + 1)); }
done
# The languages a learner can pick: the codes in the languages[] table.
offered=$(sed -n '/languages\[\] = {/,/^};/s/^[[:space:]]*{"\([a-z_A-Z]*\)".*/\1/p' app/ui/i18n.c)
[ -n "$offered" ] || { echo "FAIL: no languages[] table found in app/ui/i18n.c"; fails=$((fails + 1)); }
for lang in $offered; do
	case " $(echo $linguas) " in
	*" $lang "*) ;;
	*) echo "FAIL: app/ui/i18n.c offers $lang, which assets/po/LINGUAS does not build"; fails=$((fails + 1)) ;;
	esac
done

[ "$n" -gt 40 ] || { echo "FAIL: only $n strings found; is POTFILES right?"; fails=$((fails + 1)); }
echo "$(ls assets/po/*.po | wc -l) files checked against $n strings, $fails failed, $warns with warnings"
[ $fails -eq 0 ]
