#!/bin/sh
# `leerplek export` on a prepared data folder: exit codes, the folder it
# writes, the three files, the same statements twice, and no secret in any
# file. Answers and completions are put in with sqlite3 (a test package).
# With node and npm at hand, every statement also goes through Learning
# Locker's xAPI validator (@learninglocker/xapi-validation); without them,
# or offline, that part says so and is skipped.
# usage: export.sh LEERPLEK SOURCE_ROOT
set -u
bin=$1 src=$2
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
work=$(mktemp -d /tmp/lp-exporttest-XXXXXX)
trap 'rm -rf "$work"' EXIT
passes=0 fails=0
ok() { passes=$((passes + 1)); }
bad() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
check() { # check WHAT COMMAND...
	what=$1
	shift
	if "$@"; then ok; else bad "$what"; fi
}
rc_is() { # rc_is WANT WHAT COMMAND...
	want=$1 what=$2
	shift 2
	"$@" >"$work/out" 2>"$work/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else bad "$what: exit $got, expected $want"; cat "$work/err" >&2; fi
}

# usage and bad input
rc_is 0 "--help" "$bin" export --help
check "--help prints one usage line" sh -c "[ \$(wc -l <'$work/out') -eq 1 ] && grep -q '^usage: leerplek export --data DIR --out DIR' '$work/out'"
rc_is 2 "no --out" "$bin" export --data "$work/data"
rc_is 2 "unknown option" "$bin" export --data "$work/data" --out "$work/o" --colour
rc_is 1 "a folder without data" "$bin" export --data "$work/nothing" --out "$work/o"
check "no database made by a failed export" test ! -e "$work/nothing/leerplek.db"

# a terminal with an organisation, a PIN, learners (one with a code, one erased)
data=$work/data
echo 246810 | "$bin" setup --data "$data" --org "De Linde" --site "Kantine Zuid" --lang nl --codes yes >/dev/null ||
	bad "setup"
"$bin" org create --data "$data" >"$work/orgcode" || bad "org create"
zoe=$("$bin" learner add --data "$data" --name Zoë --code apple-key-hat) || bad "learner add Zoë"
sam=$("$bin" learner add --data "$data" --name Samira --route supervisor) || bad "learner add Samira"
erik=$("$bin" learner add --data "$data" --name Erik) || bad "learner add Erik"

if command -v sqlite3 >/dev/null; then
	now=$(($(date +%s) * 1000))
	dev=00000000000000000000000000000001
	sql="INSERT INTO attempts(id, learner_id, lesson_id, lesson_version, step, correct, answer, at_ms, device, seq, hints, ms, review) VALUES"
	sqlite3 "$data/leerplek.db" "
		$sql ('a0000000000000000000000000000001', '$zoe', 'tap-hold-drag', 1, 2, 0, '1', $now, '$dev', 1, 0, 8000, 0);
		$sql ('a0000000000000000000000000000002', '$zoe', 'tap-hold-drag', 1, 2, 1, '0', $now + 1, '$dev', 2, 1, 4000, 0);
		$sql ('a0000000000000000000000000000003', '$zoe', 'step-by-step', 1, 1, 1, '0', $now + 2, '$dev', 3, 0, 6000, 0);
		$sql ('a0000000000000000000000000000004', '$erik', 'step-by-step', 1, 1, 1, '0', $now + 3, '$dev', 4, 0, 6000, 0);
		INSERT INTO completions(id, learner_id, lesson_id, lesson_version, at_ms, device, seq) VALUES
			('c0000000000000000000000000000001', '$zoe', 'step-by-step', 1, $now + 10, '$dev', 5),
			('c0000000000000000000000000000002', '$zoe', 'poster-and-photo-story', 1, $now + 20, '$dev', 6);" ||
		bad "answers put in"
else
	echo "# sqlite3 is missing: the export has no answers to show" >&2
fi
"$bin" learner erase --data "$data" "$erik" >/dev/null || bad "learner erase"

out=$work/stick/LEERPLEK/export
rc_is 0 "export" "$bin" export --data "$data" --out "$out" --lessons "$src/lessons"
folder=$(head -n 1 "$work/out")
check "the folder is named SITE-YYYYMMDD-HHMM" sh -c "basename '$folder' | grep -Eq '^Kantine-Zuid-[0-9]{8}-[0-9]{4}\$'"
check "a summary line" grep -q "^2 learners, .* statements, 1 certificate\$" "$work/out"
for f in results.csv statements.jsonl report.html; do
	check "$f written" test -s "$folder/$f"
done
check "only the three files" sh -c "[ \$(ls -A '$folder' | wc -l) -eq 3 ]"
check "BOM" sh -c "head -c 3 '$folder/results.csv' | od -An -tx1 | grep -q 'ef bb bf'"
check "every line of results.csv ends in CRLF" sh -c "! grep -q \"\$(printf '[^\r]\$')\" '$folder/results.csv'"
check "the route's lessons and titles" grep -q "^$zoe;Zoë;worker;tap-hold-drag;Tikken, vasthouden en slepen;DigComp 5.1;1;started;" "$folder/results.csv"
check "Samira on the supervisor route" grep -q "^$sam;Samira;supervisor;" "$folder/results.csv"
check "the certificate of a completed module" grep -q 'class="module">Digitale content maken<' "$folder/report.html"
check "the erased learner is nowhere" sh -c "! grep -rqF -e '$erik' -e Erik '$folder'"
if command -v sqlite3 >/dev/null; then
	check "one statement per answer and completion, and derived ones" sh -c "[ \$(grep -c '' '$folder/statements.jsonl') -eq 7 ]"
fi

# no secret anywhere: the code's hash, the PIN's hash, the organisation's key and code
if command -v sqlite3 >/dev/null; then
	for secret in "$(sqlite3 "$data/leerplek.db" "SELECT code_hash FROM learners WHERE id = '$zoe'")" \
		"$(sqlite3 "$data/leerplek.db" "SELECT value FROM meta WHERE key = 'pin'")" \
		"$(sqlite3 "$data/leerplek.db" "SELECT value FROM meta WHERE key = 'org_key'")" \
		"$(cat "$work/orgcode")" '$argon2' 246810 apple-key-hat; do
		[ -n "$secret" ] || { bad "a secret could not be read"; continue; }
		check "no '$(printf %.12s "$secret")...' in the export" sh -c "! grep -rqF -e '$secret' '$folder'"
	done
fi

# the same data again: another folder, the same statements; --lessons defaults to the source tree's
rc_is 0 "a second export" "$bin" export --data "$data" --out "$out"
folder2=$(head -n 1 "$work/out")
check "a second folder" test "$folder2" != "$folder"
check "the same statements, byte for byte" cmp -s "$folder/statements.jsonl" "$folder2/statements.jsonl"
check "titles from the default lessons" grep -q "Tikken, vasthouden en slepen" "$folder2/results.csv"

# where it cannot write
touch "$work/afile"
rc_is 3 "--out is a file" "$bin" export --data "$data" --out "$work/afile"
ln -s "$out" "$work/link"
rc_is 3 "--out is a symlink" "$bin" export --data "$data" --out "$work/link"

# a real xAPI validator, when node and npm are here
cache=${XDG_CACHE_HOME:-$HOME/.cache}/leerplek-test/xapi
if command -v node >/dev/null && command -v npm >/dev/null; then
	if [ ! -d "$cache/node_modules/@learninglocker/xapi-validation" ]; then
		mkdir -p "$cache" &&
			(cd "$cache" && timeout 120 npm install --silent --no-audit --no-fund --no-save \
				@learninglocker/xapi-validation@3.0.0 >/dev/null 2>&1) ||
			echo "# the xAPI validator could not be installed (offline?): skipped" >&2
	fi
	if [ -d "$cache/node_modules/@learninglocker/xapi-validation" ]; then
		cat >"$work/validate.js" <<'EOF'
const validate = require(process.argv[2] + '/node_modules/@learninglocker/xapi-validation').default;
const lines = require('fs').readFileSync(process.argv[3], 'utf8').split('\n').filter(l => l);
let bad = 0;
for (const l of lines) {
	const w = validate(JSON.parse(l));
	if (w.length) { bad++; console.error(l + '\n' + JSON.stringify(w.map(x => x.path))); }
}
console.log(lines.length + ' statements, ' + bad + ' refused');
process.exit(bad || !lines.length ? 1 : 0);
EOF
		check "Learning Locker's validator takes every statement" node "$work/validate.js" "$cache" "$folder/statements.jsonl"
	fi
else
	echo "# node or npm missing: the xAPI validator is skipped" >&2
fi

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
