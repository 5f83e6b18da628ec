/* The script driver against a fake kiosk: parsing of lines, finding what
 * is visible and tappable, and the events a command pushes. */
#include "../../app/platform/kiosk.h"
#include "../../app/platform/script.h"
#include "test.h"

#include <stdbool.h>
#include <unistd.h>

/* ---- a fake kiosk ---- */

struct kiosk {
	struct ui_drawlist dl;
	struct {
		enum ui_event_type type;
		int x, y;
	} pushed[32];
	int n_pushed;
	char text[256];
	int64_t clock;
	char stick[64]; /* the stick inserted, "" after remove */
	int stick_calls;
};

const struct ui_drawlist *kiosk_drawlist(struct kiosk *k)
{
	return &k->dl;
}

void kiosk_size(struct kiosk *k, int *w, int *h)
{
	(void)k;
	*w = 1000;
	*h = 600;
}

void kiosk_push_pointer(struct kiosk *k, enum ui_event_type type, int x, int y)
{
	if (k->n_pushed < 32) {
		k->pushed[k->n_pushed].type = type;
		k->pushed[k->n_pushed].x = x;
		k->pushed[k->n_pushed].y = y;
		k->n_pushed++;
	}
}

void kiosk_push_text(struct kiosk *k, const char *utf8)
{
	strncat(k->text, utf8, sizeof k->text - strlen(k->text) - 1);
}

bool kiosk_push_key(struct kiosk *k, const char *name)
{
	(void)k;
	return !strcmp(name, "Return");
}

bool kiosk_save_png(struct kiosk *k, const char *path, char *err, size_t errlen)
{
	(void)k;
	(void)path;
	snprintf(err, errlen, "no screen in this test");
	return false;
}

void kiosk_advance_clock(struct kiosk *k, int64_t ms)
{
	k->clock += ms;
}

void kiosk_stick_insert(struct kiosk *k, const char *dir)
{
	snprintf(k->stick, sizeof k->stick, "%s", dir);
	k->stick_calls++;
}

void kiosk_stick_remove(struct kiosk *k, const char *dir)
{
	if (!dir)
		k->stick[0] = 0;
	k->stick_calls++;
}

/* ---- tests ---- */

static void test_split(void)
{
	char *w[8], err[200];
	int n = script_split("tap \"Ik ben nieuw\"  # a comment", w, 8, err, sizeof err);
	CHECK(n == 2);
	if (n == 2) {
		CHECK_STR(w[0], "tap");
		CHECK_STR(w[1], "Ik ben nieuw");
	}
	for (int i = 0; i < n; i++)
		free(w[i]);
	n = script_split("type \"say \\\"hi\\\" \\\\ ok\"", w, 8, err, sizeof err);
	CHECK(n == 2);
	if (n == 2)
		CHECK_STR(w[1], "say \"hi\" \\ ok");
	for (int i = 0; i < n; i++)
		free(w[i]);
	CHECK(script_split("   # only a comment", w, 8, err, sizeof err) == 0);
	CHECK(script_split("expect \"open", w, 8, err, sizeof err) == -1);
	CHECK(strstr(err, "closing") != NULL);
	CHECK(script_split("a b c d e f g h i", w, 8, err, sizeof err) == -1);
}

static char *write_script(const char *text)
{
	char tmpl[] = "/tmp/lp-script-XXXXXX";
	int fd = mkstemp(tmpl);
	if (fd < 0)
		return NULL;
	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
		close(fd);
		return NULL;
	}
	close(fd);
	return strdup(tmpl);
}

static enum script_status run(struct script *s, struct kiosk *k, int64_t *now)
{
	enum script_status st;
	int64_t wake = -1;
	while ((st = script_step(s, k, *now, &wake)) == SCRIPT_RAN || st == SCRIPT_WAIT)
		if (st == SCRIPT_WAIT)
			*now = wake > *now ? wake : *now + 1;
	return st;
}

static void test_steps(void)
{
	struct ui_elem elems[3] = {
		{.role = UI_ROLE_TEXT, .text = "Tik op je naam", .label = "Tik op je naam", .rect = {0, 0, 500, 50}},
		{.role = UI_ROLE_BUTTON, .text = "Ik ben nieuw", .label = "Ik ben nieuw", .rect = {100, 400, 200, 100},
		 .tappable = true, .action = 3},
		{.role = UI_ROLE_TILE, .label = "Samira", .rect = {10, 100, 200, 200}, .tappable = true, .action = 1},
	};
	struct kiosk k = {.dl = {.v = elems, .n = 3}};
	char err[300];
	char *path = write_script("expect \"op je naam\"\nabsent Kees\ntap nieuw\ntap Samira\ntap 5 6\n"
	                          "type \"Anna\"\nkey Return\nclock +3600\nhold Samira 700\nquit\nexpect never\n");
	struct script *s = script_load(path, err, sizeof err);
	CHECK(s != NULL);
	if (!s)
		return;
	int64_t now = 0;
	CHECK(run(s, &k, &now) == SCRIPT_DONE); /* stops at quit, never reaches the last line */
	CHECK(k.n_pushed == 8);
	CHECK(k.pushed[0].type == UI_EV_POINTER_DOWN && k.pushed[0].x == 200 && k.pushed[0].y == 450);
	CHECK(k.pushed[1].type == UI_EV_POINTER_UP);
	CHECK(k.pushed[2].x == 110 && k.pushed[2].y == 200);
	CHECK(k.pushed[4].x == 5 && k.pushed[4].y == 6);
	CHECK(k.pushed[6].type == UI_EV_POINTER_DOWN && k.pushed[7].type == UI_EV_POINTER_UP);
	CHECK(now >= 700); /* the hold waited */
	CHECK_STR(k.text, "Anna");
	CHECK(k.clock == 3600000);
	script_destroy(s);
	unlink(path);
	free(path);

	/* expect waits up to 3 s, then fails with FILE:LINE. */
	path = write_script("\n# nothing\nexpect \"Kees\"\n");
	s = script_load(path, err, sizeof err);
	now = 0;
	CHECK(s && run(s, &k, &now) == SCRIPT_FAILED);
	CHECK(now >= 3000 && now < 3200);
	char *fp = s ? script_failure_path(s) : NULL;
	CHECK(fp && !strcmp(fp, "script-failure.png"));
	free(fp);
	script_destroy(s);
	unlink(path);
	free(path);

	path = write_script("tap Kees\n");
	s = script_load(path, err, sizeof err);
	now = 0;
	CHECK(s && run(s, &k, &now) == SCRIPT_FAILED);
	script_destroy(s);
	unlink(path);
	free(path);

	path = write_script("absent Samira\n");
	s = script_load(path, err, sizeof err);
	CHECK(s && run(s, &k, &now) == SCRIPT_FAILED);
	script_destroy(s);
	unlink(path);
	free(path);

	path = write_script("expect a\nfly away\n");
	CHECK(script_load(path, err, sizeof err) == NULL);
	CHECK(strstr(err, ":2: unknown command 'fly'") != NULL);
	unlink(path);
	free(path);
	path = write_script("wait\n");
	CHECK(script_load(path, err, sizeof err) == NULL);
	unlink(path);
	free(path);
}

/* `stick insert DIR` and `stick remove` enter the kiosk's stick path and
 * go on at once (the summary is awaited with expect). */
static void test_stick(void)
{
	struct kiosk k = {0};
	char err[300];
	char *path = write_script("stick insert \"/media/usb stick\"\nstick remove\nstick insert /mnt\n");
	struct script *s = script_load(path, err, sizeof err);
	CHECK(s != NULL);
	int64_t now = 0;
	CHECK(s && run(s, &k, &now) == SCRIPT_DONE);
	CHECK(k.stick_calls == 3);
	CHECK_STR(k.stick, "/mnt");
	CHECK(now < 100);
	script_destroy(s);
	unlink(path);
	free(path);
	path = write_script("stick pull\n");
	s = script_load(path, err, sizeof err);
	CHECK(s && run(s, &k, &now) == SCRIPT_FAILED);
	script_destroy(s);
	unlink(path);
	free(path);
}

int main(void)
{
	test_split();
	test_steps();
	test_stick();
	return test_done();
}
