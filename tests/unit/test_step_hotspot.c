/* Step `hotspot`: the parser's checks (with line and column), the shape of
 * the picture read from its file, the judge, and the view in the running
 * ui: spots tappable by their labels, at least 20 mm even when small, never
 * overlapping, a tap beside every spot doing nothing, one tap answering
 * with one right spot and Check with several. */
#include "../../app/core/step_hotspot.h"
#include "../../app/core/lesson.h"
#include "../../app/core/store.h"
#include "../../app/ui/ui.h"
#include "lesson_rig.h"
#include "test.h"
#include "ui_rig.h"

#include <math.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>

#define FIXTURE "../ui/fixtures/steps/hotspot"

/* The view's and the core's struct (app/core/step_hotspot.c). */
#define MAX_SPOTS HOTSPOT_MAX_SPOTS

static char dir[64];

static void write_file(const char *name, const void *data, size_t len)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	fwrite(data, 1, len, f);
	fclose(f);
}

static const char head[] = LRIG_HEAD("hotspot-test", "{nl: \"T\"}", "{nl: \"S\"}", "5.1", "1")
                           "  - type: hotspot\n"
                           "    question: {nl: \"Tik.\"}\n"
                           "    feedback: {right: {nl: \"Ja\"}, wrong: {nl: \"Nee\"}}\n";
/* head is 11 lines: the next line is line 12 */

/* Parses head + body in dir (so pictures there are found). */
static struct lesson *parse(const char *body, struct lrig_seen *seen)
{
	char text[4096], path[256];
	snprintf(text, sizeof text, "%s%s", head, body);
	snprintf(path, sizeof path, "%s/lesson.yaml", dir);
	*seen = (struct lrig_seen){.all = true};
	return lrig_parse(path, text, seen);
}

static void test_parse(void)
{
	struct lrig_seen s;
	static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"400\"/>\n";
	write_file("p.svg", svg, sizeof svg - 1);
	struct lesson *l = parse("    picture: p.svg\n"
	                         "    spots:\n"
	                         "      - {x: 10, y: 20, w: 20, h: 15, label: {nl: \"Mail\"}}\n"
	                         "      - {x: 30, y: 20, w: 20, h: 15, label: {nl: \"Camera\"}, correct: true}\n",
	                         &s);
	CHECK(l && s.n == 0);
	if (l) {
		const struct lesson_step *st = &l->steps[0];
		const struct hotspot_data *d = st->data;
		CHECK(st->n_answers == 2 && !st->multiple);
		CHECK_STR(st->answers[1].text.s[0], "Camera");
		CHECK(!st->answers[0].correct && st->answers[1].correct);
		CHECK(d && d->aspect_milli == 750);
		CHECK(d && d->box[1][0] == 30 && d->box[1][1] == 20 && d->box[1][2] == 20 && d->box[1][3] == 15);
		/* touching spots (10+20 = 30) are fine */
		struct step_response r = {.n = 1, .v = {1}};
		CHECK(lesson_step_judge(st, &r));
		r.v[0] = 0;
		CHECK(!lesson_step_judge(st, &r));
		r.v[0] = 2;
		CHECK(!lesson_step_judge(st, &r));
		r.v[0] = -1;
		CHECK(!lesson_step_judge(st, &r));
		r.n = 0;
		CHECK(!lesson_step_judge(st, &r));
	}
	lesson_destroy(l);

	/* Several right spots: Check, and exactly the right set. */
	l = parse("    picture: p.svg\n"
	          "    spots:\n"
	          "      - {x: 0, y: 0, w: 10, h: 10, label: {nl: \"A\"}, correct: true}\n"
	          "      - {x: 50, y: 0, w: 10, h: 10, label: {nl: \"B\"}}\n"
	          "      - {x: 0, y: 50, w: 10, h: 10, label: {nl: \"C\"}, correct: yes}\n",
	          &s);
	CHECK(l && s.n == 0);
	if (l) {
		const struct lesson_step *st = &l->steps[0];
		CHECK(st->multiple);
		struct step_response r = {.n = 2, .v = {0, 2}};
		CHECK(lesson_step_judge(st, &r));
		r.v[0] = 2, r.v[1] = 0;
		CHECK(lesson_step_judge(st, &r)); /* order does not matter */
		r.n = 1;
		CHECK(!lesson_step_judge(st, &r)); /* one is missing */
		r.n = 3, r.v[0] = 0, r.v[1] = 1, r.v[2] = 2;
		CHECK(!lesson_step_judge(st, &r)); /* one too many */
		r.n = 2, r.v[0] = 0, r.v[1] = 9;
		CHECK(!lesson_step_judge(st, &r));
	}
	lesson_destroy(l);

	/* No picture: the step says so, at the step. */
	l = parse("    spots:\n"
	          "      - {x: 0, y: 0, w: 10, h: 10, label: {nl: \"A\"}, correct: true}\n",
	          &s);
	CHECK(!l && lrig_has(&s, 9, 5, "no 'picture'"));
	/* No spots at all, and a list that is too long. */
	l = parse("    picture: p.svg\n", &s);
	CHECK(!l && lrig_has(&s, 9, 5, "no 'spots'"));
	l = parse("    picture: p.svg\n"
	          "    spots:\n"
	          "      - {x: 0, y: 0, w: 5, h: 5, label: {nl: \"1\"}, correct: true}\n"
	          "      - {x: 10, y: 0, w: 5, h: 5, label: {nl: \"2\"}}\n"
	          "      - {x: 20, y: 0, w: 5, h: 5, label: {nl: \"3\"}}\n"
	          "      - {x: 30, y: 0, w: 5, h: 5, label: {nl: \"4\"}}\n"
	          "      - {x: 40, y: 0, w: 5, h: 5, label: {nl: \"5\"}}\n"
	          "      - {x: 50, y: 0, w: 5, h: 5, label: {nl: \"6\"}}\n"
	          "      - {x: 60, y: 0, w: 5, h: 5, label: {nl: \"7\"}}\n",
	          &s);
	CHECK(!l && lrig_has(&s, 14, 7, "1 to 6, not 7"));
	l = parse("    picture: p.svg\n    spots: []\n", &s);
	CHECK(!l && lrig_has(&s, 13, 12, "1 to 6, not 0"));
	/* Numbers out of range, missing keys, the edges, overlap, no right spot. */
	l = parse("    picture: p.svg\n"
	          "    spots:\n"
	          "      - {x: 96, y: 0, w: 4, h: 5, label: {nl: \"A\"}}\n"
	          "      - {x: 0, y: 0, w: 5, label: {nl: \"B\"}, correct: true, colour: red}\n"
	          "      - {x: 90, y: 50, w: 20, h: 10, label: {nl: \"C\"}}\n"
	          "      - {x: 0, y: 90, w: 10, h: 20, label: {nl: \"D\"}}\n"
	          "      - {x: 40, y: 40, w: 10, h: 10}\n",
	          &s);
	CHECK(!l);
	CHECK(lrig_has(&s, 14, 13, "from 0 to 95, not '96'"));
	CHECK(lrig_has(&s, 14, 26, "from 5 to 100, not '4'"));
	CHECK(lrig_has(&s, 15, 61, "unknown key 'colour'"));
	CHECK(lrig_has(&s, 15, 9, "no 'h'"));
	CHECK(lrig_has(&s, 16, 27, "right edge of the picture: x + w is 110"));
	CHECK(lrig_has(&s, 17, 33, "bottom of the picture: y + h is 110"));
	CHECK(lrig_has(&s, 18, 9, "no 'label'"));
	l = parse("    picture: p.svg\n"
	          "    spots:\n"
	          "      - {x: 10, y: 10, w: 30, h: 30, label: {nl: \"Groot\"}}\n"
	          "      - {x: 39, y: 39, w: 10, h: 10, label: {nl: \"Klein\"}}\n"
	          "      - {x: 40, y: 10, w: 10, h: 29, label: {nl: \"Naast\"}}\n",
	          &s);
	CHECK(!l && lrig_has(&s, 15, 9, "overlaps spot 1 ('Groot')"));
	CHECK(lrig_has(&s, 14, 7, "no spot is right"));
	CHECK(s.n == 2); /* the third one only touches the first */
	/* A picture that is not there is reported once, by the common check. */
	l = parse("    picture: nothere.svg\n"
	          "    spots:\n"
	          "      - {x: 0, y: 0, w: 10, h: 10, label: {nl: \"A\"}, correct: true}\n",
	          &s);
	CHECK(!l && s.n == 1 && lrig_has(&s, 12, 14, "is missing"));
}

/* The picture's shape, as nanosvg and the PNG header give it. */
static int aspect_of(const char *name)
{
	char body[512];
	struct lrig_seen s;
	snprintf(body, sizeof body,
	         "    picture: %s\n"
	         "    spots:\n"
	         "      - {x: 0, y: 0, w: 10, h: 10, label: {nl: \"A\"}, correct: true}\n",
	         name);
	struct lesson *l = parse(body, &s);
	int a = l && l->steps[0].data ? ((const struct hotspot_data *)l->steps[0].data)->aspect_milli : -1;
	if (s.n)
		a = -2 - s.n; /* a warning (or worse) was given */
	lesson_destroy(l);
	return a;
}

static void test_aspect(void)
{
	static const char vb[] = "<?xml version=\"1.0\"?>\n<!-- a comment -->\n"
	                         "<svg xmlns=\"http://www.w3.org/2000/svg\"\n  viewBox=\"0 0 200,100\">\n</svg>\n";
	write_file("vb.svg", vb, sizeof vb - 1);
	CHECK(aspect_of("vb.svg") == 2000);
	static const char units[] = "<svg xmlns='http://www.w3.org/2000/svg' width='40mm' height='3cm' viewBox='0 0 9 9'/>";
	write_file("units.svg", units, sizeof units - 1);
	CHECK(aspect_of("units.svg") == 1333);
	/* stroke-width is not width; percentages fall back to the viewBox */
	static const char pct[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" stroke-width=\"3\" width=\"100%\" height=\"100%\" "
	                          "viewBox=\"0 0 300 400\"><rect width=\"9\" height=\"9\"/></svg>";
	write_file("pct.svg", pct, sizeof pct - 1);
	CHECK(aspect_of("pct.svg") == 750);
	static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
	                                    0, 0, 0x03, 0x20, 0, 0, 0x02, 0x58, 8, 6, 0, 0, 0};
	write_file("pic.png", png, sizeof png);
	CHECK(aspect_of("pic.png") == 1333); /* 800 x 600 */
	/* Without any size: a warning, and the lesson still loads. */
	static const char none[] = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"9\" height=\"9\"/></svg>";
	write_file("none.svg", none, sizeof none - 1);
	struct lrig_seen s;
	struct lesson *l = parse("    picture: none.svg\n"
	                         "    spots:\n"
	                         "      - {x: 0, y: 0, w: 10, h: 10, label: {nl: \"A\"}, correct: true}\n",
	                         &s);
	CHECK(l && s.n == 1 && !s.error[0] && lrig_has(&s, 12, 14, "viewBox"));
	lesson_destroy(l);
}

/* ---- the view, in the running ui ---- */

/* The screen rules of tests/unit/test_ui.c that concern the view. */
static const struct rig_rules rules = {.border = RIG_BORDER_NONE};

static bool open_rig(struct rig *r, const char *lessons, int w, int h)
{
	rig_init(r, w, h);
	r->rules = rules;
	r->kiosk = true;
	if (!rig_open(r, "lp-hs", lessons))
		return false;
	CHECK(r->set.n == 1);
	rig_tap(r, "Ali");
	return r->set.n == 1 && rig_tap(r, r->set.items[0]->title.s[1]);
}

/* The fixture lesson: one right spot, then two. */
static void test_view(int w, int h)
{
	struct rig r;
	if (!open_rig(&r, FIXTURE, w, h))
		return;
	CHECK(rig_elem(&r, "You want to take a photo", false) != NULL);
	rig_check_screen(&r, "hotspot fresh");
	const struct ui_elem *cam = rig_elem(&r, "Camera", true), *mail = rig_elem(&r, "Mail", true);
	CHECK(cam && mail);
	/* Beside every spot (on the picture, between the icons): nothing. */
	if (cam && mail) {
		int x = cam->rect.x + cam->rect.w / 2, y = (cam->rect.y + cam->rect.h + mail->rect.y) / 2;
		rig_click(&r, x, y);
		CHECK(!rig_elem(&r, "Not quite.", false) && !rig_elem(&r, "Well done!", false));
	}
	CHECK(rig_elem(&r, "Check", false) == NULL); /* one right spot: no Check */
	rig_tap(&r, "Tip");
	rig_tap(&r, "Tip");
	rig_check_screen(&r, "hotspot rung 2");
	rig_tap(&r, "Tip");
	rig_check_screen(&r, "hotspot rung 3");
	/* Rung 3 shows the right spot's label (besides the spot's own label). */
	int labels = 0;
	const struct ui_drawlist *dl = ui_app_frame(r.app);
	for (int i = 0; i < dl->n; i++)
		labels += dl->v[i].text && !strcmp(dl->v[i].text, "Camera");
	CHECK(labels == 1);
	rig_tap(&r, "Mail");
	CHECK(rig_elem(&r, "Not quite.", false) != NULL);
	rig_check_screen(&r, "hotspot wrong");
	rig_tap(&r, "Try again");
	rig_tap(&r, "Camera");
	CHECK(rig_elem(&r, "Well done!", false) != NULL);
	rig_check_screen(&r, "hotspot right");
	rig_tap(&r, "Next");

	/* Two right spots: taps frame and unframe, Check sends. */
	CHECK(rig_elem(&r, "Which apps send a message?", false) != NULL);
	const struct ui_elem *check = rig_elem(&r, "Check", false);
	CHECK(check && !check->tappable); /* nothing chosen yet */
	rig_tap(&r, "Messages");
	rig_tap(&r, "Phone");
	rig_tap(&r, "Phone");
	CHECK(!rig_elem(&r, "Well done!", false) && !rig_elem(&r, "Not quite.", false));
	rig_check_screen(&r, "hotspot multiple");
	rig_tap(&r, "Mail");
	rig_tap(&r, "Check");
	CHECK(rig_elem(&r, "Well done!", false) != NULL);
	rig_close(&r);
}

/* Small spots side by side: each tappable rectangle grows to 20 mm around
 * its spot, and where two would overlap they meet halfway instead. */
static void test_small_spots(void)
{
	static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 300\"/>\n";
	write_file("wide.svg", svg, sizeof svg - 1);
	char path[256];
	snprintf(path, sizeof path, "%s/lesson.yaml", dir);
	FILE *f = fopen(path, "w");
	fprintf(f, "%s", "id: small-spots\nversion: 1\ntitle: {nl: \"Klein\", en: \"Small\"}\n"
	                  "summary: {nl: \"S\", en: \"S\"}\ncompetences: [\"5.1\"]\nroles: [worker]\nminutes: 1\nsteps:\n"
	                  "  - type: hotspot\n"
	                  "    question: {nl: \"Tik.\", en: \"Tap.\"}\n"
	                  "    feedback: {right: {nl: \"Ja\", en: \"Yes\"}, wrong: {nl: \"Nee\", en: \"No\"}}\n"
	                  "    picture: wide.svg\n"
	                  "    spots:\n"
	                  "      - {x: 10, y: 10, w: 5, h: 5, label: {nl: \"Een\", en: \"One\"}, correct: true}\n"
	                  "      - {x: 15, y: 10, w: 5, h: 5, label: {nl: \"Twee\", en: \"Two\"}}\n"
	                  "      - {x: 60, y: 60, w: 5, h: 5, label: {nl: \"Drie\", en: \"Three\"}}\n"
	                  "      - {x: 0, y: 90, w: 5, h: 10, label: {nl: \"Vier\", en: \"Four\"}}\n");
	fclose(f);
	struct rig r;
	if (!open_rig(&r, dir, 1280, 800))
		return;
	const struct ui_elem *e[4] = {rig_elem(&r, "One", true), rig_elem(&r, "Two", true),
	                              rig_elem(&r, "Three", true), rig_elem(&r, "Four", true)};
	CHECK(e[0] && e[1] && e[2] && e[3]);
	if (e[0] && e[1] && e[2] && e[3]) {
		int min = (int)lround(20 * r.u);
		/* alone: 20 mm both ways, centred on the spot */
		CHECK(e[2]->rect.w >= min - 1 && e[2]->rect.h >= min - 1);
		CHECK(e[3]->rect.w >= min - 1 && e[3]->rect.h >= min - 1);
		/* side by side: 20 mm high, and split where the spots touch */
		CHECK(e[0]->rect.h >= min - 1 && e[1]->rect.h >= min - 1);
		CHECK(e[0]->rect.x + e[0]->rect.w <= e[1]->rect.x);
		CHECK(e[0]->rect.x + e[0]->rect.w == e[1]->rect.x); /* touching spots: no room for a gap */
		for (int i = 0; i < 4; i++)
			for (int j = i + 1; j < 4; j++)
				CHECK(!rig_overlap(e[i]->rect, e[j]->rect, 0));
		/* the one at the bottom edge stays inside the view */
		CHECK(e[3]->rect.y + e[3]->rect.h <= r.h);
		/* taps reach them: "One" is the answer */
		rig_tap(&r, "One");
		CHECK(rig_elem(&r, "Well done!", false) != NULL);
	}
	rig_close(&r);
}

/* Rung 3 with three right spots in a row: each label shown once, none
 * over another, all on screen. */
static void test_labels(int w, int h)
{
	static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 400\"/>\n";
	char sub[128], path[256];
	snprintf(sub, sizeof sub, "%s/row", dir);
	mkdir(sub, 0700);
	snprintf(path, sizeof path, "%s/row/tall.svg", dir);
	FILE *f = fopen(path, "w");
	fputs(svg, f);
	fclose(f);
	snprintf(path, sizeof path, "%s/row/lesson.yaml", dir);
	f = fopen(path, "w");
	fprintf(f, "%s", "id: row-of-spots\nversion: 1\ntitle: {nl: \"Rij\", en: \"Row\"}\n"
	                  "summary: {nl: \"S\", en: \"S\"}\ncompetences: [\"5.1\"]\nroles: [worker]\nminutes: 1\nsteps:\n"
	                  "  - type: hotspot\n"
	                  "    question: {nl: \"Tik op alle drie.\", en: \"Tap all three.\"}\n"
	                  "    feedback: {right: {nl: \"Ja\", en: \"Yes\"}, wrong: {nl: \"Nee\", en: \"No\"}}\n"
	                  "    picture: tall.svg\n"
	                  "    spots:\n"
	                  "      - {x: 10, y: 35, w: 20, h: 15, label: {nl: \"Bellen\", en: \"Phone calls\"}, correct: true}\n"
	                  "      - {x: 40, y: 35, w: 20, h: 15, label: {nl: \"Berichten\", en: \"Messages\"}, correct: true}\n"
	                  "      - {x: 70, y: 35, w: 20, h: 15, label: {nl: \"Camera\", en: \"Camera\"}, correct: true}\n"
	                  "      - {x: 40, y: 60, w: 20, h: 15, label: {nl: \"Mail\", en: \"Mail\"}}\n");
	fclose(f);
	struct rig r;
	if (!open_rig(&r, sub, w, h))
		return;
	rig_tap(&r, "Tip");
	rig_tap(&r, "Tip");
	rig_check_screen(&r, "row, rung 2");
	rig_tap(&r, "Tip");
	rig_check_screen(&r, "row, rung 3");
	const struct ui_drawlist *dl = ui_app_frame(r.app);
	const struct ui_elem *shown[3] = {NULL, NULL, NULL};
	const char *names[3] = {"Phone calls", "Messages", "Camera"};
	for (int i = 0; i < dl->n; i++)
		for (int k = 0; k < 3; k++)
			if (dl->v[i].text && !strcmp(dl->v[i].text, names[k])) {
				CHECK(shown[k] == NULL);
				shown[k] = &dl->v[i];
			}
	CHECK(shown[0] && shown[1] && shown[2]);
	for (int i = 0; i < 3; i++)
		for (int j = i + 1; j < 3; j++)
			if (shown[i] && shown[j])
				CHECK(!rig_overlap(shown[i]->rect, shown[j]->rect, 0));
	rig_tap(&r, "Phone calls");
	rig_tap(&r, "Messages");
	rig_tap(&r, "Camera");
	rig_tap(&r, "Check");
	CHECK(rig_elem(&r, "Well done!", false) != NULL);
	rig_close(&r);
}

int main(void)
{
	ui_i18n_init("/nonexistent"); /* English msgids, no catalogue */
	ui_i18n_set_language("en");
	char tmpl[] = "/tmp/lp-hotspot-XXXXXX";
	snprintf(dir, sizeof dir, "%s", mkdtemp(tmpl));
	test_parse();
	test_aspect();
	test_view(1920, 1080);
	test_view(1280, 800);
	test_view(1024, 768);
	test_small_spots();
	test_labels(1920, 1080);
	test_labels(1280, 800);
	test_labels(1024, 768);
	return test_done();
}
