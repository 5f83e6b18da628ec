/* USB stick detection: the mountinfo parser (escapes, optional fields,
 * fuse types), which mounts count as sticks (a LEERPLEK folder, not a
 * symlink to one), the difference between two readings (a stick found,
 * a stick gone), the organisation code checks, and the watcher thread
 * started and stopped on the real /proc/self/mountinfo. */
#include "../../app/core/org_code.h"
#include "../../app/core/sync.h"
#include "../../app/platform/stick.h"
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void test_unescape(void)
{
	char s[] = "/media/usb\\040stick\\011x\\134y\\012z\\0";
	stick_unescape(s);
	CHECK_STR(s, "/media/usb stick\tx\\y\nz\\0");
	char t[] = "\\999 and \\04";
	stick_unescape(t);
	CHECK_STR(t, "\\999 and \\04"); /* not octal escapes: left alone */
}

static void test_parse(void)
{
	const char *text =
		"22 27 0:21 / /proc rw,relatime - proc proc rw\n"
		"27 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
		"40 27 8:17 / /media/kees/USB\\040STICK rw,nosuid shared:20 master:3 - vfat /dev/sdb1 rw,fmask=0022\n"
		"41 27 0:50 / /mnt/fat rw - fuse.fusefat /tmp/fat.img rw,user_id=0\n"
		"42 27 8:33 / /media/ex rw - exfat /dev/sdc1 rw\n"
		"43 27 8:34 / /media/nt rw - fuseblk /dev/sdd1 rw\n"
		"garbage line\n"
		"44 27 8:35 / /media/cut rw\n" /* no separator: skipped */
		"45 27 0:51 / /run/user tmpfs rw - tmpfs tmpfs rw";
	struct stick_mounts m;
	CHECK(stick_parse_mountinfo(text, &m));
	CHECK(m.n == 7);
	if (m.n == 7) {
		CHECK(m.v[0].id == 22);
		CHECK_STR(m.v[2].dir, "/media/kees/USB STICK");
		CHECK_STR(m.v[2].fstype, "vfat");
		CHECK_STR(m.v[3].fstype, "fuse.fusefat");
		CHECK(m.v[6].id == 45);
		CHECK_STR(m.v[6].fstype, "tmpfs");
	}
	stick_mounts_free(&m);
	CHECK(stick_fstype_removable("vfat") && stick_fstype_removable("exfat") && stick_fstype_removable("msdos"));
	CHECK(stick_fstype_removable("fuseblk") && stick_fstype_removable("fuse.fusefat"));
	CHECK(!stick_fstype_removable("ext4") && !stick_fstype_removable("tmpfs") && !stick_fstype_removable("fusectl"));
	CHECK(stick_parse_mountinfo("", &m) && m.n == 0);
	stick_mounts_free(&m);
}

static char *mount_line(int id, const char *dir, const char *type)
{
	/* the kernel escapes spaces in mount points */
	char esc[600];
	size_t n = 0;
	for (const char *p = dir; *p && n < sizeof esc - 5; p++) {
		if (*p == ' ') {
			memcpy(esc + n, "\\040", 4);
			n += 4;
		} else {
			esc[n++] = *p;
		}
	}
	esc[n] = 0;
	char *line = malloc(800);
	snprintf(line, 800, "%d 1 8:1 / %s rw - %s /dev/x rw\n", id, esc, type);
	return line;
}

static void test_diff(void)
{
	char base[] = "/tmp/lp-stick-XXXXXX";
	if (!mkdtemp(base)) {
		CHECK(false);
		return;
	}
	char a[300], b[300], c[300], d[300], tmp[400];
	snprintf(a, sizeof a, "%s/stick one", base); /* a space in the mount point */
	snprintf(b, sizeof b, "%s/symlinked", base);
	snprintf(c, sizeof c, "%s/empty", base);
	snprintf(d, sizeof d, "%s/ext", base);
	mkdir(a, 0755);
	mkdir(b, 0755);
	mkdir(c, 0755);
	mkdir(d, 0755);
	snprintf(tmp, sizeof tmp, "%s/LEERPLEK", a);
	mkdir(tmp, 0755);
	snprintf(tmp, sizeof tmp, "%s/LEERPLEK", b);
	CHECK(symlink(a, tmp) == 0); /* a symlink to a real folder is not one */
	snprintf(tmp, sizeof tmp, "%s/LEERPLEK", d);
	mkdir(tmp, 0755);
	CHECK(stick_has_folder(a));
	CHECK(!stick_has_folder(b));
	CHECK(!stick_has_folder(c));

	char *la = mount_line(50, a, "vfat"), *lb = mount_line(51, b, "fuse.fusefat"), *lc = mount_line(52, c, "exfat"),
	     *ld = mount_line(53, d, "ext4");
	char *before_text = util_printf("27 1 8:1 / / rw - ext4 /dev/sda1 rw\n");
	char *after_text = util_printf("27 1 8:1 / / rw - ext4 /dev/sda1 rw\n%s%s%s%s", la, lb, lc, ld);
	struct stick_mounts before, after, gone;
	CHECK(stick_parse_mountinfo(before_text, &before));
	CHECK(stick_parse_mountinfo(after_text, &after));
	struct stick_change *ch = NULL;
	int n = stick_diff(&before, &after, &ch, 0);
	/* only the FAT stick with a real LEERPLEK folder: not the symlink, not
	 * the empty stick, not the ext4 disk that has the folder */
	CHECK(n == 1);
	if (n == 1) {
		CHECK(ch[0].kind == STICK_INSERTED);
		CHECK_STR(ch[0].dir, a);
	}
	stick_changes_free(ch, n);
	/* the same reading again: nothing new */
	ch = NULL;
	n = stick_diff(&after, &after, &ch, 0);
	CHECK(n == 0);
	stick_changes_free(ch, n);
	/* the stick goes away (and the empty one): both reported gone */
	char *gone_text = util_printf("27 1 8:1 / / rw - ext4 /dev/sda1 rw\n%s%s", lb, ld);
	CHECK(stick_parse_mountinfo(gone_text, &gone));
	ch = NULL;
	n = stick_diff(&after, &gone, &ch, 0);
	CHECK(n == 2);
	if (n == 2) {
		CHECK(ch[0].kind == STICK_REMOVED && !strcmp(ch[0].dir, a));
		CHECK(ch[1].kind == STICK_REMOVED && !strcmp(ch[1].dir, c));
	}
	stick_changes_free(ch, n);
	/* mounted again at the same place (a new mount id): found again */
	char *again = mount_line(60, a, "vfat");
	char *again_text = util_printf("%s%s", gone_text, again);
	struct stick_mounts back;
	CHECK(stick_parse_mountinfo(again_text, &back));
	ch = NULL;
	n = stick_diff(&gone, &back, &ch, 0);
	CHECK(n == 1 && ch[0].kind == STICK_INSERTED);
	stick_changes_free(ch, n);
	stick_mounts_free(&before);
	stick_mounts_free(&after);
	stick_mounts_free(&gone);
	stick_mounts_free(&back);
	free(la), free(lb), free(lc), free(ld), free(again);
	free(before_text), free(after_text), free(gone_text), free(again_text);
	char *cmd = util_printf("rm -rf '%s'", base);
	CHECK(system(cmd) == 0);
	free(cmd);
}

static void test_org_code(void)
{
	char code[SYNC_CODE_MAX], bad;
	int n;
	CHECK(sync_org_code_new(code));
	CHECK(org_code_check(code, &n, &bad) == ORG_CODE_OK && n == 21);
	/* lower case, no dashes, O for 0 and I for 1 */
	char typed[64];
	size_t k = 0;
	for (const char *p = code; *p; p++)
		if (*p != '-')
			typed[k++] = *p == '0' ? 'o' : *p == '1' ? 'I' : (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	typed[k] = 0;
	CHECK(org_code_check(typed, &n, &bad) == ORG_CODE_OK);
	/* one character changed: a typo */
	char typo[SYNC_CODE_MAX];
	memcpy(typo, code, sizeof typo);
	typo[0] = typo[0] == 'A' ? 'B' : 'A';
	CHECK(org_code_check(typo, &n, &bad) == ORG_CODE_TYPO);
	CHECK(org_code_check("ABCD-EFGH", &n, &bad) == ORG_CODE_TOO_SHORT && n == 8);
	char longer[64];
	snprintf(longer, sizeof longer, "%sX", code);
	CHECK(org_code_check(longer, &n, &bad) == ORG_CODE_TOO_LONG && n == 22);
	CHECK(org_code_check("UUUU", &n, &bad) == ORG_CODE_BAD_CHAR && bad == 'U');
	CHECK(org_code_check(" - ", &n, &bad) == ORG_CODE_EMPTY);
	CHECK(org_code_char('o') == '0' && org_code_char('l') == '1' && org_code_char('a') == 'A' && !org_code_char('u'));
}

static void wake(void *ud)
{
	(void)ud;
}

static void test_watcher(void)
{
	char err[300];
	struct stick_watcher *w = stick_watcher_start("/proc/self/mountinfo", wake, NULL, err, sizeof err);
	CHECK(w != NULL);
	struct stick_change *v;
	CHECK(w && stick_watcher_take(w, &v) == 0);
	stick_watcher_stop(w);
	CHECK(stick_watcher_start("/nonexistent/mountinfo", wake, NULL, err, sizeof err) == NULL);
	CHECK(strstr(err, "cannot watch") != NULL);
}

int main(void)
{
	test_unescape();
	test_parse();
	test_diff();
	test_org_code();
	test_watcher();
	return test_done();
}
