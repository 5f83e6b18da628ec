#!/bin/sh
# Script tests of the real kiosk, headless (SDL_VIDEODRIVER=dummy).
# usage: run.sh LEERPLEK SOURCE_ROOT CASE
# Under the valgrind test setup (LEERPLEK_UNDER_VALGRIND=1) the kiosk runs
# inside memcheck, and any error or definite leak fails the case.
set -u
bin=$1 src=$2 case=$3
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
export SDL_VIDEODRIVER=dummy
work=$(mktemp -d /tmp/lp-uitest-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
here=$src/tests/ui
# The first two lessons of the worker route as they were when the cases were
# written, frozen as fixtures: the cases do not change with the curriculum.
lessons=$here/fixtures/basic
fails=0 passes=0

run() { # run ARGS...: the kiosk, possibly under valgrind
	if [ "${LEERPLEK_UNDER_VALGRIND:-}" = 1 ]; then
		valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
			--show-leak-kinds=definite --suppressions="$src/tests/valgrind.supp" "$bin" "$@"
	else
		"$bin" "$@"
	fi
}

# A data folder set up as the first-start wizard would (learners need no
# code); the cases about the wizard and codes start from scratch instead.
prep() { sh "$here/prepare-data.sh" "$bin" "$1"; }
case $case in
nodata | damaged | signin) ;;
*) prep "$work/data" ;;
esac

ok() { passes=$((passes + 1)); }
bad() { echo "FAIL ($case): $*" >&2; fails=$((fails + 1)); }
expect_rc() { # expect_rc WANT GOT WHAT
	if [ "$2" -eq "$1" ]; then ok; else bad "$3: exit code $2, expected $1"; fi
}
expect_grep() { # expect_grep PATTERN FILE WHAT
	if grep -q -- "$1" "$2"; then ok; else bad "$3: no '$1' in $2"; cat "$2" >&2; fi
}

case $case in
flow)
	# A new learner does the whole first lesson and half of the second,
	# the kiosk restarts, and her progress is there.
	run --windowed=1920x1080 --data "$work/data" --lessons "$lessons" --script "$here/flow1.script" 2>"$work/err1"
	expect_rc 0 $? "first run"
	expect_grep "^saved learner [0-9a-f]\{32\}$" "$work/err1" "learner commit logged"
	n=$(grep -c "^saved attempt [0-9a-f]\{32\}$" "$work/err1")
	[ "$n" -eq 7 ] && ok || bad "7 attempts saved, saw $n"
	expect_grep "^saved completion " "$work/err1" "completion logged"
	run --windowed=1280x800 --data "$work/data" --lessons "$lessons" --script "$here/flow2.script" 2>"$work/err2"
	expect_rc 0 $? "second run"
	"$bin" learner list --data "$work/data" >"$work/list"
	expect_grep "	Samira	1$" "$work/list" "learner list shows one lesson done"
	;;
plug)
	# Pulled plug: the kiosk is killed with SIGKILL right after an answer
	# was logged as saved; on restart the answer and the step are there.
	# (exec ...) keeps one pid: the kill hits the kiosk, not a shell.
	(exec "$bin" --windowed=1280x800 --data "$work/data" --lessons "$lessons" --script "$here/plug1.script" 2>"$work/err1") &
	pid=$!
	i=0
	# learner, progress 0, 1, 2, the attempt, progress 3: six commits
	while n=$(grep -c '^saved' "$work/err1" 2>/dev/null); [ "${n:-0}" -lt 6 ]; do
		i=$((i + 1))
		[ $i -gt 300 ] && break
		sleep 0.1
	done
	kill -KILL $pid 2>/dev/null
	wait $pid
	expect_rc 137 $? "killed while running"
	expect_grep "^saved attempt" "$work/err1" "answer saved before the kill"
	if command -v sqlite3 >/dev/null; then
		n=$(sqlite3 "$work/data/leerplek.db" "SELECT count(*) FROM attempts WHERE correct = 1")
		[ "$n" = 1 ] && ok || bad "one right attempt in the database after the kill, found '$n'"
	fi
	run --windowed=1280x800 --data "$work/data" --lessons "$lessons" --script "$here/plug2.script" 2>"$work/err2"
	expect_rc 0 $? "restart after kill"
	;;
term)
	# SIGTERM ends the kiosk cleanly (exit 0), closing the window does not.
	(exec "$bin" --windowed=800x600 --data "$work/data" --lessons "$lessons" 2>"$work/err") &
	pid=$!
	sleep 1.5
	kill -TERM $pid
	i=0
	while kill -0 $pid 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	if kill -0 $pid 2>/dev/null; then bad "still running 5 s after SIGTERM"; kill -KILL $pid; fi
	wait $pid
	expect_rc 0 $? "exit after SIGTERM"
	[ -s "$work/data/leerplek.db" ] && ok || bad "database made"
	;;
nodata)
	# A data folder that cannot be made: a clear message on screen and on
	# stderr, exit 3, no crash.
	echo "a file, not a folder" >"$work/file"
	run --windowed=1280x800 --data "$work/file/data" --lessons "$lessons" --script "$here/nodata.script" 2>"$work/err"
	expect_rc 3 $? "unusable data folder"
	expect_grep "cannot create folder" "$work/err" "message on stderr"
	;;
badlesson)
	# A broken lesson file is skipped and named; the other lessons work.
	mkdir -p "$work/lessons/broken"
	cp -r "$lessons/10-tap-hold-drag" "$work/lessons/"
	printf 'id: broken\nversion: 1\ntitle: {nl: "Kapot"\n' >"$work/lessons/broken/lesson.yaml"
	run --windowed=1280x800 --data "$work/data" --lessons "$work/lessons" --script "$here/badlesson.script" 2>"$work/err"
	expect_rc 0 $? "kiosk with a broken lesson"
	expect_grep "broken/lesson.yaml:[0-9]*:[0-9]*: error: " "$work/err" "located error on stderr"
	;;
nofont)
	# No fonts at all: a message that says what to install, exit 3.
	printf '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n' >"$work/fonts.conf"
	FONTCONFIG_FILE="$work/fonts.conf" "$bin" --windowed=800x600 --data "$work/data" --lessons "$lessons" \
		--script "$here/nodata.script" 2>"$work/err"
	expect_rc 3 $? "no fonts"
	expect_grep "fonts-sil-andika" "$work/err" "names the package"
	;;
signin)
	# The set-up wizard on a new terminal, sign-up with a picture code,
	# sign-in, the lock after 5 wrong codes, a supervisor's unlock.
	run --windowed=1280x800 --data "$work/data" --lessons "$lessons" --script "$here/signin.script" 2>"$work/err"
	expect_rc 0 $? "signin run"
	db=$work/data/leerplek.db
	[ "$(sqlite3 "$db" "SELECT value FROM meta WHERE key = 'org'")" = "Groenbedrijf De Linde" ] && ok || bad "organisation saved"
	pin=$(sqlite3 "$db" "SELECT value FROM meta WHERE key = 'pin'")
	case $pin in '$argon2id$'*) ok ;; *) bad "PIN kept as Argon2id, found '$pin'" ;; esac
	sqlite3 "$db" .dump | grep -q 135791 && bad "the PIN appears in the database" || ok
	n=$(sqlite3 "$db" "SELECT count(*) FROM learners WHERE name = 'Fatma' AND code_hash LIKE '\$argon2id\$%' AND code_fails = 0")
	[ "$n" = 1 ] && ok || bad "Fatma has an Argon2id code and no wrong tries left over, found '$n'"
	n=$(sqlite3 "$db" "SELECT count(*) FROM pin_checks")
	[ "$n" = 2 ] && ok || bad "2 PIN guesses checked, found '$n'"
	;;
supervisor)
	# PIN back-off, learner management, settings, idle return.
	run --windowed=1920x1080 --data "$work/data" --lessons "$lessons" --script "$here/supervisor.script" 2>"$work/err"
	expect_rc 0 $? "supervisor run"
	db=$work/data/leerplek.db
	n=$(sqlite3 "$db" "SELECT count(*) FROM pin_checks")
	[ "$n" = 6 ] && ok || bad "6 PIN guesses checked (5 wrong, 1 right), found '$n'"
	n=$(sqlite3 "$db" "SELECT count(*) FROM learners WHERE erased = 1 AND name = '' AND code_hash = ''")
	[ "$n" = 1 ] && ok || bad "the erased learner is a tombstone without name or code, found '$n'"
	[ "$(sqlite3 "$db" "SELECT value FROM meta WHERE key = 'idle_seconds'")" = 300 ] && ok || bad "idle time saved"
	expect_grep "saved erase" "$work/err" "erasure committed"
	;;
language)
	# The session's language, and back to the terminal's at sign-out.
	"$bin" learner add --data "$work/data" --name Samira >/dev/null
	run --windowed=1280x800 --data "$work/data" --lessons "$lessons" --script "$here/language.script" 2>"$work/err"
	expect_rc 0 $? "language run"
	;;
names)
	# Hostile names from the command line, two learners with one name, and
	# 30 learners on the start screen (3 pages of 12).
	"$bin" learner add --data "$work/data" --name "$(printf '%0200d' 0 | tr 0 a)" 2>"$work/err" >/dev/null
	expect_rc 1 $? "a 200-character name"
	expect_grep "at most 30 characters" "$work/err" "the message for a long name"
	"$bin" learner add --data "$work/data" --name "Ali 😀" 2>"$work/err" >/dev/null
	expect_rc 1 $? "an emoji name"
	expect_grep "no emoji" "$work/err" "the message for emoji"
	"$bin" learner add --data "$work/data" --name "apple" --code "apple-dragon-key" 2>"$work/err" >/dev/null
	expect_rc 1 $? "a code with an unknown picture"
	for name in محمد Fatma Fatma Олександра Piotr Yonas Dewi Kees Samira Mehmet Ans Oksana Bram Noor Sanne Lotte \
		Daan Emre Aylin Tomasz Joanna Mariam Abdi Sven Iris Ruud Priya Chen "Maria-Fernanda de los Santos" Jo; do
		"$bin" learner add --data "$work/data" --name "$name" --code apple-key-hat >/dev/null || bad "learner $name"
	done
	n=$(sqlite3 "$work/data/leerplek.db" "SELECT count(DISTINCT avatar) FROM learners WHERE name = 'Fatma'")
	[ "$n" = 2 ] && ok || bad "the two Fatmas have different pictures, found $n"
	[ "$("$bin" learner list --data "$work/data" | wc -l)" = 30 ] && ok || bad "30 learners listed"
	run --windowed=1920x1080 --data "$work/data" --lessons "$lessons" --script "$here/names.script" 2>"$work/err"
	expect_rc 0 $? "30 learners on the start screen"
	echo 246810 | "$bin" setup --data "$work/en" --org Test --site Hal --lang en >/dev/null
	expect_rc 0 $? "set-up in English from the shell"
	run --windowed=1280x800 --data "$work/en" --lessons "$lessons" --script "$here/lang-en.script" 2>"$work/err"
	expect_rc 0 $? "the terminal's language without --lang"
	echo 1234 | "$bin" setup --data "$work/en" --org Test --site Hal >/dev/null 2>"$work/err"
	expect_rc 1 $? "a PIN of 4 digits"
	expect_grep "6 to 12 digits" "$work/err" "the message for a short PIN"
	;;
dump)
	# The start screen's elements, compared with the reference dump.
	run --windowed=1920x1080 --data "$work/data" --lessons "$lessons" --script "$here/dump.script" 2>"$work/err"
	expect_rc 0 $? "dump run"
	for f in start-empty name; do
		if cmp -s "$here/expected/$f.json" "$work/$f.json"; then ok; else
			bad "$f.json differs from tests/ui/expected/$f.json"
			diff "$here/expected/$f.json" "$work/$f.json" | head -20 >&2
		fi
	done
	;;
arabic)
	# A lesson in Arabic: shaped and right to left; the screen shows it.
	run --windowed=1280x800 --data "$work/data" --lessons "$here/fixtures/arabic" --lang ar \
		--script "$here/arabic.script" 2>"$work/err"
	expect_rc 0 $? "Arabic lesson"
	;;
review)
	# Mastery: practised today, offered a mixed review the next day
	# (clock +90000), mastered after answering it without a tip.
	run --windowed=1280x800 --data "$work/data" --lessons "$here/fixtures/review" --script "$here/review.script" \
		2>"$work/err"
	expect_rc 0 $? "review run"
	n=$(sqlite3 "$work/data/leerplek.db" "SELECT count(*) FROM attempts WHERE review = 1 AND correct = 1 AND hints = 0" 2>/dev/null)
	[ "$n" = 3 ] && ok || bad "three right review answers stored, found '$n'"
	;;
steps)
	# One script per step type (tests/ui/steps/TYPE.script) against its
	# lessons (tests/ui/fixtures/steps/TYPE/); TYPE.sql holds lines
	# "QUERY -> EXPECTED" that must hold in the database afterwards.
	for script in "$here"/steps/*.script; do
		[ -f "$script" ] || continue
		name=$(basename "$script" .script)
		rm -rf "$work/data"
		prep "$work/data"
		run --windowed=1920x1080 --data "$work/data" --lessons "$here/fixtures/steps/$name" --script "$script" \
			2>"$work/err-$name"
		rc=$?
		if [ $rc -ne 0 ]; then
			bad "$name: exit code $rc"
			grep -v '^saved' "$work/err-$name" >&2
			continue
		fi
		ok
		[ -f "$here/steps/$name.sql" ] || continue
		while IFS= read -r line; do
			case $line in '' | '#'*) continue ;; esac
			query=${line% -> *}
			want=${line##* -> }
			got=$(sqlite3 "$work/data/leerplek.db" "$query" 2>&1)
			if [ "$got" = "$want" ]; then ok; else bad "$name: $query gave '$got', expected '$want'"; fi
		done <"$here/steps/$name.sql"
	done
	;;
diskfull)
	# A full disk and a read-only data folder, on a small tmpfs of our own:
	# a clear message, nothing half-written, and the earlier work intact.
	mkdir -p "$work/mnt"
	if ! mount -t tmpfs -o size=1m tmpfs "$work/mnt" 2>/dev/null; then
		echo "SKIP: cannot mount a small file system here"
		exit 77
	fi
	trap 'umount "$work/mnt" 2>/dev/null; rm -rf "$work"' EXIT
	prep "$work/mnt/data"
	(exec "$bin" --windowed=800x600 --data "$work/mnt/data" --lessons "$here/fixtures/crash" \
		--script "$here/diskfull.script" 2>"$work/err") &
	pid=$!
	waitfor() { # waitfor PATTERN: until the kiosk logs it (at most 10 s)
		i=0
		while ! grep -q -- "$1" "$work/err" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	}
	waitfor "^saved progress"
	dd if=/dev/zero of="$work/mnt/filler" bs=4k 2>/dev/null
	waitfor "disk is full"
	rm -f "$work/mnt/filler"
	wait $pid
	expect_rc 0 $? "kiosk through a full disk"
	expect_grep "disk is full" "$work/err" "the full disk was noticed"
	# Read-only: a folder cannot be remounted read-only while the kiosk
	# writes in it, so the kiosk starts on a read-only folder instead.
	mount -o remount,ro "$work/mnt"
	run --windowed=800x600 --data "$work/mnt/data" --lessons "$here/fixtures/crash" --script "$here/nodata.script" \
		2>"$work/err2"
	expect_rc 3 $? "kiosk on a read-only data folder"
	expect_grep "read-only\|readonly" "$work/err2" "says the folder is read-only"
	mount -o remount,rw "$work/mnt"
	check=$(sqlite3 "$work/mnt/data/leerplek.db" "PRAGMA quick_check" 2>&1)
	[ "$check" = ok ] && ok || bad "quick_check after it all: $check"
	n=$(sqlite3 "$work/mnt/data/leerplek.db" "SELECT count(*) FROM attempts" 2>&1)
	[ "$n" = 1 ] && ok || bad "one attempt saved (the one given after space came back), found '$n'"
	;;
crash)
	# Pulled plug, again and again: the kiosk is killed with SIGKILL at a
	# random moment while a script answers questions; after every kill the
	# database passes PRAGMA quick_check and holds every attempt whose
	# "saved attempt ID" line was printed. LEERPLEK_CRASH_RUNS sets the
	# count (200 by default; the long mode in bench/ runs 1,000).
	runs=${LEERPLEK_CRASH_RUNS:-200}
	mkdir -p "$work/data"
	lost=0 broken=0 saved=0
	i=0
	while [ $i -lt "$runs" ]; do
		i=$((i + 1))
		delay=$(awk -v s="$i" 'BEGIN { srand(s); printf "%.3f", rand() * 0.6 }')
		(exec "$bin" --windowed=800x600 --data "$work/data" --lessons "$here/fixtures/crash" \
			--script "$here/crash.script" 2>"$work/err") &
		pid=$!
		sleep "$delay"
		kill -KILL $pid 2>/dev/null
		wait $pid 2>/dev/null
		check=$(sqlite3 "$work/data/leerplek.db" "PRAGMA quick_check" 2>&1)
		[ "$check" = ok ] || { broken=$((broken + 1)); echo "run $i: quick_check says: $check" >&2; }
		for id in $(sed -n 's/^saved attempt \([0-9a-f]*\)$/\1/p' "$work/err"); do
			saved=$((saved + 1))
			n=$(sqlite3 "$work/data/leerplek.db" "SELECT count(*) FROM attempts WHERE id = '$id'")
			[ "$n" = 1 ] || { lost=$((lost + 1)); echo "run $i: attempt $id was printed as saved but is not there" >&2; }
		done
	done
	echo "$runs kills, $saved attempts printed as saved, $lost lost, $broken damaged databases"
	[ $broken -eq 0 ] && ok || bad "$broken damaged databases"
	[ $lost -eq 0 ] && ok || bad "$lost saved attempts lost"
	[ $saved -gt 0 ] && ok || bad "no attempt was saved in $runs runs: the kill came too early every time"
	;;
damaged)
	# The database file is damaged at start: it is kept aside (never
	# deleted), a new one is started, and a notice says where the old one is.
	mkdir -p "$work/data"
	head -c 8192 /dev/urandom >"$work/data/leerplek.db"
	cp "$work/data/leerplek.db" "$work/original.db"
	run --windowed=1280x800 --data "$work/data" --lessons "$lessons" --script "$here/damaged.script" 2>"$work/err"
	expect_rc 0 $? "start with a damaged database"
	set -- "$work"/data/leerplek-damaged-*.db
	if [ -f "$1" ] && cmp -s "$1" "$work/original.db"; then ok; else bad "the damaged file was not kept as it was"; fi
	expect_grep "leerplek-damaged-" "$work/err" "message on stderr"
	n=$(sqlite3 "$work/data/leerplek.db" "SELECT count(*) FROM learners" 2>&1)
	[ "$n" = 1 ] && ok || bad "the new database has the new learner, found '$n'"
	;;
idle)
	# Idle sign-out with the application clock (clock +SECONDS).
	run --windowed=1280x800 --data "$work/data" --lessons "$lessons" --script "$here/idle.script" 2>"$work/err"
	expect_rc 0 $? "idle run"
	;;
touch)
	# Taps arrive as finger events (a touchscreen), including a long hold
	# on a button, which still counts as pressing it.
	LEERPLEK_SCRIPT_POINTER=finger run --windowed=1280x800 --data "$work/data" --lessons "$lessons" \
		--script "$here/touch.script" 2>"$work/err"
	expect_rc 0 $? "touch run"
	expect_grep "^saved attempt" "$work/err" "answer by touch saved"
	;;
xvfb)
	# A real X window (Xvfb) and real pointer input (xdotool): the kiosk
	# opens borderless at the desktop size and a click goes through X.
	if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null; then
		echo "SKIP: Xvfb or xdotool is not installed"
		exit 77
	fi
	n=$((50 + $$ % 40))
	Xvfb :$n -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
	xpid=$!
	i=0
	while [ ! -S /tmp/.X11-unix/X$n ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	(DISPLAY=:$n SDL_VIDEODRIVER=x11 exec "$bin" --data "$work/data" --lessons "$lessons" \
		--script "$here/xvfb.script" 2>"$work/err") &
	kpid=$!
	i=0
	while [ ! -s start-x.json ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	set -- $(sed -n 's/.*"label": "Ik ben nieuw".*"rect": \[\([0-9]*\), \([0-9]*\), \([0-9]*\), \([0-9]*\)\].*/\1 \2 \3 \4/p' start-x.json)
	if [ $# -eq 4 ]; then
		# Let the window settle, move, then click: under load the first
		# motion may arrive while the window is still being mapped.
		sleep 0.3
		DISPLAY=:$n xdotool mousemove $(($1 + $3 / 2)) $(($2 + $4 / 2))
		sleep 0.2
		DISPLAY=:$n xdotool click 1
		ok
	else
		bad "no 'Ik ben nieuw' button in the dump"
	fi
	wait $kpid
	expect_rc 0 $? "kiosk under Xvfb"
	expect_grep '"rect": \[0, 0, 1280, ' start-x.json "window fills the 1280x800 desktop"
	kill $xpid 2>/dev/null
	wait $xpid 2>/dev/null
	;;
stick)
	# USB sticks through `stick insert DIR` / `stick remove` (the path right
	# after detection, SPEC.md): no organisation, an empty LEERPLEK folder,
	# sending, a second terminal receiving, "Stick bijwerken", a stick
	# pulled mid-sync (a slow stick: LEERPLEK_SYNC_DELAY_MS).
	mkdir -p "$work/stick/LEERPLEK"
	run --windowed=1920x1080 --data "$work/data" --lessons "$lessons" --script "$here/stick-noorg.script" 2>"$work/err"
	expect_rc 0 $? "a stick on a terminal without an organisation"
	expect_grep "^stick: no organisation" "$work/err" "the outcome logged"
	[ -z "$(ls -A "$work/stick/LEERPLEK")" ] && ok || bad "something was written to the stick without an organisation"
	code=$("$bin" org create --data "$work/data")
	expect_rc 0 $? "org create"
	run --windowed=1280x800 --data "$work/data" --lessons "$lessons" --script "$here/stick-empty.script" 2>"$work/err"
	expect_rc 0 $? "a stick with an empty LEERPLEK folder"
	expect_grep "^stick: synced, 0 received, 0 sent, 0 rejected" "$work/err" "the empty sync logged"
	"$bin" learner add --data "$work/data" --name Samira >/dev/null
	run --windowed=1280x800 --data "$work/data" --lessons "$lessons" --script "$here/stick-send.script" 2>"$work/err"
	expect_rc 0 $? "sending to the stick"
	n=$(ls "$work/stick/LEERPLEK/sync" 2>/dev/null | wc -l)
	[ "$n" -ge 1 ] && ok || bad "a bundle on the stick after sending, found $n files"
	prep "$work/second"
	"$bin" org join --data "$work/second" --code "$code" >/dev/null
	expect_rc 0 $? "org join on the second terminal"
	run --windowed=1920x1080 --data "$work/second" --lessons "$lessons" --script "$here/stick-receive.script" 2>"$work/err"
	expect_rc 0 $? "the second terminal receives"
	[ "$("$bin" learner list --data "$work/second" | cut -f2)" = Samira ] && ok || bad "Samira on the second terminal"
	before=$(ls -l "$work/stick/LEERPLEK/sync" | md5sum)
	LEERPLEK_SYNC_DELAY_MS=3000 run --windowed=1280x800 --data "$work/second" --lessons "$lessons" \
		--script "$here/stick-pull.script" 2>"$work/err"
	expect_rc 0 $? "a stick pulled mid-sync"
	expect_grep "^stick: stopped" "$work/err" "the sync stopped at a safe point"
	[ "$(ls -l "$work/stick/LEERPLEK/sync" | md5sum)" = "$before" ] && ok || bad "the stopped sync changed the stick"
	[ "$("$bin" learner list --data "$work/second" | wc -l)" = 1 ] && ok || bad "the second terminal's data intact"
	;;
stick-fat)
	# Real detection: a FAT image mounted with fusefat (the kernel here has
	# no vfat) in a private mount namespace is noticed by the running kiosk
	# through /proc/self/mountinfo, synced, and taken out again.
	if ! command -v fusefat >/dev/null || ! command -v mkfs.vfat >/dev/null || [ ! -e /dev/fuse ] ||
		! unshare -m true 2>/dev/null; then
		echo "SKIP: needs fusefat, mkfs.vfat, /dev/fuse and unshare -m"
		exit 77
	fi
	code=$("$bin" org create --data "$work/data")
	"$bin" learner add --data "$work/data" --name Samira >/dev/null
	prep "$work/data2"
	"$bin" org join --data "$work/data2" --code "$code" >/dev/null
	truncate -s 16M "$work/fat.img"
	mkfs.vfat "$work/fat.img" >/dev/null
	mkdir -p "$work/mnt"
	cat >"$work/inner.sh" <<EOF
waitfor() { i=0; while ! grep -q -- "\$1" "$work/err" 2>/dev/null && [ \$i -lt 200 ]; do sleep 0.05; i=\$((i + 1)); done; }
mount --make-rprivate /
fusefat -o rw+ "$work/fat.img" "$work/mnt" >/dev/null 2>&1 && mkdir "$work/mnt/LEERPLEK" && fusermount -u "$work/mnt"
LEERPLEK_LOG=info "$bin" --windowed=1280x800 --data "$work/data" --lessons "$lessons" --script "$here/stick-fat.script" 2>"$work/err" &
pid=\$!
waitfor "lessons loaded"
fusefat -o rw+ "$work/fat.img" "$work/mnt" >/dev/null 2>&1
waitfor "^stick: synced"
fusermount -u "$work/mnt"
wait \$pid
echo \$? >"$work/rc"
fusefat -o rw+ "$work/fat.img" "$work/mnt" >/dev/null 2>&1 && ls "$work/mnt/LEERPLEK/sync" >"$work/files"
fusermount -u "$work/mnt"
# A stick pulled part-way: the bundle on the FAT stick cut to half its
# length. The other terminal says so and takes nothing; the first terminal
# writes its records again; then the other terminal has Samira.
fusefat -o rw+ "$work/fat.img" "$work/mnt" >/dev/null 2>&1
for f in "$work/mnt"/LEERPLEK/sync/*.lpb; do truncate -s \$((\$(stat -c %s "\$f") / 2)) "\$f"; done
"$bin" sync --data "$work/data2" --stick "$work/mnt" >"$work/sync1" 2>"$work/sync1.err"; echo \$? >"$work/sync1.rc"
"$bin" sync --data "$work/data" --stick "$work/mnt" >"$work/sync2" 2>&1; echo \$? >"$work/sync2.rc"
"$bin" sync --data "$work/data2" --stick "$work/mnt" >"$work/sync3" 2>&1; echo \$? >"$work/sync3.rc"
fusermount -u "$work/mnt"
EOF
	unshare -m sh "$work/inner.sh"
	expect_rc 0 "$(cat "$work/rc" 2>/dev/null || echo 99)" "the kiosk with a real FAT stick"
	expect_grep "stick found: $work/mnt" "$work/err" "found through mountinfo"
	expect_grep "^stick: synced, 0 received, 1 sent" "$work/err" "synced"
	expect_grep "stick gone: $work/mnt" "$work/err" "taken out noticed"
	expect_grep '\.lpb$' "$work/files" "the bundle on the FAT stick"
	expect_rc 0 "$(cat "$work/sync1.rc" 2>/dev/null || echo 99)" "a sync with a cut-short bundle still runs"
	expect_grep "shorter than it says" "$work/sync1.err" "the cut-short bundle named"
	expect_rc 0 "$(cat "$work/sync3.rc" 2>/dev/null || echo 99)" "the next syncs"
	"$bin" learner list --data "$work/data2" >"$work/list2"
	expect_grep "Samira" "$work/list2" "the other terminal has Samira after the next syncs"
	;;
org)
	# The organisation from the command line (org create/join, sync without
	# one) and on the supervisor screen.
	"$bin" org create --data "$work/data" >"$work/out" 2>"$work/err"
	expect_rc 0 $? "org create"
	code=$(cat "$work/out")
	echo "$code" | grep -Eq '^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}-[0-9A-HJKMNP-TV-Z]$' && ok ||
		bad "the code is 21 characters in groups of four: '$code'"
	"$bin" org create --data "$work/data" >/dev/null 2>"$work/err"
	expect_rc 1 $? "org create twice"
	expect_grep "already" "$work/err" "says it has one already"
	expect_grep "\-\-force" "$work/err" "names --force"
	code2=$("$bin" org create --data "$work/data" --force)
	expect_rc 0 $? "org create --force"
	[ "$code2" != "$code" ] && ok || bad "--force makes a new code"
	# lower case, no dashes, O for 0 and I for 1: the same key
	typed=$(echo "$code2" | tr -d - | tr 'A-Z01' 'a-zOI')
	"$bin" org join --data "$work/b" --code "$typed" >"$work/out" 2>"$work/err"
	expect_rc 0 $? "org join with lower case, O for 0, I for 1"
	k1=$(sqlite3 "$work/data/leerplek.db" "SELECT value FROM meta WHERE key = 'org_key'")
	k2=$(sqlite3 "$work/b/leerplek.db" "SELECT value FROM meta WHERE key = 'org_key'")
	[ -n "$k1" ] && [ "$k1" = "$k2" ] && ok || bad "both terminals have the same key"
	last=${code2#"${code2%?}"}
	other=0
	[ "$last" = 0 ] && other=1
	"$bin" org join --data "$work/c" --code "${code2%?}$other" >/dev/null 2>"$work/err"
	expect_rc 1 $? "a code with a typo"
	expect_grep "typing mistake" "$work/err" "says it is a typo"
	"$bin" org join --data "$work/c" --code "ABCD-EFGH" >/dev/null 2>"$work/err"
	expect_rc 1 $? "a code of the wrong length"
	expect_grep "not an organisation code: it has 8 characters" "$work/err" "says it is not a code"
	"$bin" org join --data "$work/c" --code "hello world!" >/dev/null 2>"$work/err"
	expect_rc 1 $? "not a code at all"
	expect_grep "not an organisation code" "$work/err" "says it is not a code"
	[ ! -e "$work/c" ] && ok || bad "a wrong code makes no data folder"
	mkdir -p "$work/stick/LEERPLEK"
	"$bin" sync --data "$work/c" --stick "$work/stick" >"$work/out" 2>"$work/err"
	expect_rc 1 $? "sync without an organisation"
	expect_grep "no organisation yet" "$work/err" "says there is none"
	expect_grep "org create" "$work/err" "says how to make one"
	expect_grep "org join" "$work/err" "says how to join one"
	echo "not a bundle" >"$work/stick/LEERPLEK/sync-notes.txt"
	mkdir -p "$work/stick/LEERPLEK/sync"
	echo "not a bundle" >"$work/stick/LEERPLEK/sync/junk.lpb"
	"$bin" sync --data "$work/data" --stick "$work/stick" >"$work/out" 2>"$work/err"
	expect_rc 0 $? "sync with a file it rejects"
	expect_grep "junk.lpb not used: " "$work/err" "names the rejected file with its reason"
	tail -n 1 "$work/out" | grep -q "^read .*, wrote .*, rejected 1 file$" && ok || bad "last line sums up: $(tail -n 1 "$work/out")"
	"$bin" sync --data "$work/data" --stick "$work/nostick" >/dev/null 2>"$work/err"
	expect_rc 1 $? "sync with no LEERPLEK folder"
	for sub in "org" "org create" "org join" "sync"; do
		n=$("$bin" $sub --help | wc -l)
		[ "$n" = 1 ] && ok || bad "'$sub --help' prints one line, printed $n"
	done
	# The supervisor screen, with a code made elsewhere (typed with a typo first).
	code3=$("$bin" org create --data "$work/elsewhere")
	last=${code3#"${code3%?}"}
	other=0
	[ "$last" = 0 ] && other=1
	typo=$(echo "${code3%?}$other" | tr 'A-Z' 'a-z')
	sed -e "s/@TYPO@/$typo/" -e "s/@LAST@/$last/" -e "s/@CODE@/$code3/" "$here/org.script.in" >"$work/org.script"
	prep "$work/ui"
	run --windowed=1920x1080 --data "$work/ui" --lessons "$lessons" --script "$work/org.script" 2>"$work/err"
	expect_rc 0 $? "the organisation on the supervisor screen"
	saved=$(sqlite3 "$work/ui/leerplek.db" "SELECT value FROM meta WHERE key = 'org_code'")
	[ -n "$saved" ] && [ "$saved" != "$code3" ] && ok || bad "the new organisation's code kept, found '$saved'"
	;;
routes)
	# Each route on the real lessons, not the fixtures: a learner of the
	# route signs in, sees the route's first lesson and no other route's, and
	# completes it (tests/ui/routes/ROUTE.script); the database then holds
	# that completion, and only that one.
	for r in worker:Yonas:tap-hold-drag:1280x800 supervisor:Fatma:strong-password:1920x1080 \
		manager:Mehmet:workers-data-privacy:1280x800; do
		route=${r%%:*} r=${r#*:}
		name=${r%%:*} r=${r#*:}
		lesson=${r%%:*} size=${r#*:}
		"$bin" learner add --data "$work/data" --name "$name" --route "$route" >/dev/null
		expect_rc 0 $? "learner add --route $route"
		run --windowed="$size" --data "$work/data" --lessons "$src/lessons" --script "$here/routes/$route.script" \
			2>"$work/err"
		expect_rc 0 $? "the $route route's first lesson"
		expect_grep "^saved completion " "$work/err" "the $route route's completion logged"
		n=$(sqlite3 "$work/data/leerplek.db" "SELECT count(*) FROM completions c JOIN learners l
			ON l.id = c.learner_id WHERE l.name = '$name' AND c.lesson_id = '$lesson'")
		[ "$n" = 1 ] && ok || bad "$name ($route) completed $lesson once, found '$n'"
	done
	n=$(sqlite3 "$work/data/leerplek.db" "SELECT count(*) FROM completions")
	[ "$n" = 3 ] && ok || bad "three completions in all, found '$n'"
	;;
*)
	echo "unknown case $case" >&2
	exit 2
	;;
esac
echo "$passes passed, $fails failed"
[ $fails -eq 0 ]
