/* Step `keyboard`: one-line answers (with the exact place of a tab or a
 * line break where it can be known), the limits, the comparison (capitals
 * and outer spaces ignored, accents and signs counted, in the language the
 * learner saw), and the view: the screen rules at three sizes on every
 * rung of the hint ladder, the keys, a physical keyboard, the answer shown
 * at rung 3, and the answered screen. */
#include "../../app/core/step_keyboard.h"
#include "../../app/core/step.h"
#include "../../app/core/lesson.h"
#include "../../app/ui/keyboard.h"
#include "../../app/ui/player.h"
#include "test.h"

#include <math.h>

/* From step_keyboard.c. */

/* ---- parsing ---- */

struct seen {
	int n;
	int line[16], col[16];
	char msg[16][300];
};

static void record(void *ud, const char *path, int line, int col, bool is_error, const char *msg)
{
	struct seen *s = ud;
	(void)path;
	if (!is_error || s->n == 16)
		return;
	s->line[s->n] = line;
	s->col[s->n] = col;
	snprintf(s->msg[s->n], sizeof s->msg[0], "%s", msg);
	s->n++;
}

#define HEAD                                                                                                        \
	"id: keyboard-test\n"                                                                                           \
	"version: 1\n"                                                                                                  \
	"title: {nl: \"Typen\", en: \"Typing\"}\n"                                                                      \
	"summary: {nl: \"Kort\", en: \"Short\"}\n"                                                                      \
	"competences: [\"3.1\"]\n"                                                                                      \
	"roles: [worker]\n"                                                                                             \
	"minutes: 5\n"                                                                                                  \
	"steps:\n"

/* Question and hint both take two lines: the tightest a keyboard step gets
 * that still fits at 1920x1080 on every rung. */
static const char good[] = HEAD
	"  - type: keyboard\n"                                                                            /* 9 */
	"    question:\n"
	"      nl: \"Je maakt een nieuwe map voor je foto's. Typ de naam van de map: privé-foto\"\n"
	"      en: \"You make a new folder for your photos. Type the name of the folder: private-photo\"\n"
	"    answer: {nl: \"privé-foto\", en: \"private-photo\"}\n"                                         /* 13 */
	"    accept:\n"                                                                                   /* 14 */
	"      - text: {nl: \"privé foto\", en: \"private photo\"}\n"                                       /* 15 */
	"    hint:\n"
	"      nl: \"Kijk goed naar de e aan het eind van privé. Daar staat een streepje op.\"\n"
	"      en: \"Look closely at the end of private. Between the two words is a dash.\"\n"
	"    feedback:\n"
	"      right: {nl: \"Goed.\", en: \"Good.\"}\n"
	"      wrong: {nl: \"Nog niet.\", en: \"Not yet.\"}\n";

static struct lesson *parse(const char *text, struct seen *seen)
{
	struct lesson_diag d = {.report = record, .ud = seen};
	struct lesson *l = lesson_parse("t.yaml", text, strlen(text), &d);
	CHECK((l != NULL) == (d.errors == 0));
	return l;
}

static bool judge(const struct lesson_step *st, int lang, const char *typed)
{
	struct step_response r = {.n = lang >= -1 ? 1 : 0, .v = {lang}};
	snprintf(r.text, sizeof r.text, "%s", typed);
	return lesson_step_judge(st, &r);
}

static void test_good(void)
{
	struct seen seen = {0};
	struct lesson *l = parse(good, &seen);
	CHECK(l != NULL && seen.n == 0);
	if (!l) {
		for (int i = 0; i < seen.n; i++)
			fprintf(stderr, "  %d:%d %s\n", seen.line[i], seen.col[i], seen.msg[i]);
		return;
	}
	const struct lesson_step *st = &l->steps[0];
	CHECK(st->type == LESSON_STEP_KEYBOARD && step_keyboard_accepts(st) == 1);
	CHECK_STR(lesson_str(l, step_keyboard_answer(st), "en"), "private-photo");
	CHECK(judge(st, 0, "privé-foto"));
	CHECK(judge(st, 0, "PRIVÉ-FOTO"));     /* capitals, accented ones too */
	CHECK(judge(st, 0, "  Privé-foto  ")); /* spaces at both ends */
	CHECK(judge(st, 0, "privé foto"));     /* an accepted answer */
	CHECK(!judge(st, 0, "prive-foto"));    /* accents count */
	CHECK(!judge(st, 0, "privéfoto"));     /* so do signs */
	CHECK(!judge(st, 0, "privé  foto"));   /* and spaces inside */
	CHECK(!judge(st, 0, "privé-foto."));
	CHECK(!judge(st, 0, ""));
	CHECK(!judge(st, 0, "   "));
	CHECK(!judge(st, 0, "private-photo")); /* the English answer, to the Dutch question */
	CHECK(judge(st, 1, "Private-Photo"));
	CHECK(judge(st, -2, "private-photo")); /* no language given: any */
	CHECK(!judge(st, 9, "privé-foto"));
	lesson_destroy(l);

	CHECK(step_same_text("ÇA VA", "ça va"));
	CHECK(step_same_text("ŁÓDŹ", "łódź"));
	CHECK(step_same_text("İstanbul", "istanbul"));
	CHECK(step_same_text("ПРИВІТ ҐАНОК", "привіт ґанок"));
	CHECK(step_same_text("ΑΘΗΝΑ", "αθηνα"));
	CHECK(!step_same_text("ı", "i")); /* the dotless i is a letter of its own */
	CHECK(!step_same_text("é", "e"));
}

/* good with one text replaced; the first error must be at line:col. */
static void expect_error(const char *from, const char *to, int line, int col, const char *words)
{
	char buf[4096];
	const char *at = strstr(good, from);
	if (!at) {
		fprintf(stderr, "test bug: '%s' not in the sample\n", from);
		CHECK(at != NULL);
		return;
	}
	snprintf(buf, sizeof buf, "%.*s%s%s", (int)(at - good), good, to, at + strlen(from));
	struct seen s = {0};
	struct lesson *l = parse(buf, &s);
	CHECK(l == NULL);
	lesson_destroy(l);
	CHECK(s.n >= 1);
	if (s.n < 1)
		return;
	if (s.line[0] != line || s.col[0] != col || !strstr(s.msg[0], words))
		fprintf(stderr, "  for '%s' -> '%s': got %d:%d %s\n", from, to, s.line[0], s.col[0], s.msg[0]);
	CHECK(s.line[0] == line);
	CHECK(s.col[0] == col);
	CHECK(strstr(s.msg[0], words) != NULL);
}

static void test_errors(void)
{
	/* Line 13 is `    answer: {nl: "privé-foto", ...`: the text starts at
	 * column 19. A real tab in it is found where it is... */
	expect_error("\"privé-foto\"", "\"privé\tfoto\"", 13, 24, "one line");
	/* ...an escaped one, or a line break, at the start of the text. */
	expect_error("\"privé-foto\"", "\"privé\\tfoto\"", 13, 18, "one line");
	expect_error("\"privé foto\"", "\"privé\\nfoto\"", 15, 20, "one line");
	expect_error("    answer: {nl: \"privé-foto\", en: \"private-photo\"}\n",
	             "    answer:\n      nl: |\n        privé\n        foto\n      en: private-photo\n", 14, 11, "one line");
	expect_error("\"privé-foto\"", "\"privé-foto-privé-foto-privé-foto-privé-foto\"", 13, 18,
	             "43 characters, at most 40");
	expect_error("    answer: {nl: \"privé-foto\", en: \"private-photo\"}\n", "", 9, 5, "no 'answer'");
	expect_error("{nl: \"privé foto\", en: \"private photo\"}", "{nl: \"privé foto\"}", 15, 15, "no 'en' version");
	expect_error("      - text: {nl: \"privé foto\", en: \"private photo\"}\n",
	             "      - text: {nl: \"a\", en: \"a\"}\n      - text: {nl: \"b\", en: \"b\"}\n"
	             "      - text: {nl: \"c\", en: \"c\"}\n      - text: {nl: \"d\", en: \"d\"}\n"
	             "      - text: {nl: \"e\", en: \"e\"}\n      - text: {nl: \"f\", en: \"f\"}\n",
	             15, 7, "give 0 to 5");
	expect_error("      - text: {nl: \"privé foto\", en: \"private photo\"}\n", "      - answer: ja\n", 15, 9,
	             "unknown key 'answer' in an item of accept");
}

/* ---- the view ---- */

static int fake_width(void *ud, const char *s, size_t n, int px, bool bold)
{
	(void)ud;
	(void)bold;
	int count = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count * px / 2;
}

static const struct ui_text_metrics fake = {.width = fake_width};
static struct arena arena;
static struct ui_drawlist dl;
static int W, H;
static double U;

static const struct ui_drawlist *lay(struct player *pl)
{
	arena_reset(&arena);
	dl = (struct ui_drawlist){.clear = C_BG};
	struct build b = {.arena = &arena, .dl = &dl, .metrics = &fake, .u = U};
	player_layout(pl, &b, W, H);
	return &dl;
}

static bool overlap(struct ui_rect a, struct ui_rect b, int gap)
{
	return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

/* The rules of every screen (as in test_ui.c), and 3 mm between targets. */
static void check_screen(struct player *pl, const char *where)
{
	const struct ui_drawlist *d = lay(pl);
	int fails = test_failed, gap = (int)(3 * U) - 1;
	for (int i = 0; i < d->n; i++) {
		const struct ui_elem *e = &d->v[i];
		struct ui_rect q = e->rect;
		CHECK(q.x >= 0 && q.y >= 0 && q.x + q.w <= W && q.y + q.h <= H);
		if (e->tappable && e->action) {
			CHECK(q.w >= 20 * U - 1 && q.h >= 20 * U - 1);
			CHECK(e->label && e->label[0]);
			for (int j = i + 1; j < d->n; j++)
				if (d->v[j].tappable && d->v[j].action)
					CHECK(!overlap(q, d->v[j].rect, gap));
		}
		if (e->text && e->n_lines) {
			CHECK(e->text_px >= (int)lround(9 * U));
			CHECK(ui_contrast(e->fg, e->bg) >= 7.0);
			for (int k = 0; k < e->n_lines; k++) {
				const struct ui_line *l = &e->lines[k];
				CHECK(l->x >= q.x && l->x + l->w <= q.x + q.w);
				int chars = 0;
				for (int c = 0; c < l->len; c++)
					chars += ((unsigned char)e->text[l->off + c] & 0xC0) != 0x80;
				CHECK(chars <= 62);
			}
		}
		if (e->tappable && e->action && e->border_w > 0)
			CHECK(ui_contrast(e->border, d->clear) >= 3.0 || ui_contrast(e->bg, d->clear) >= 3.0);
	}
	if (test_failed > fails)
		fprintf(stderr, "  on screen: %s at %dx%d\n", where, W, H);
}

static const struct ui_elem *find(const char *label, bool tappable)
{
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < dl.n; i++) {
			const struct ui_elem *e = &dl.v[i];
			if (tappable && (!e->tappable || !e->action))
				continue;
			const char *t = e->label ? e->label : e->text;
			if (t && (pass == 0 ? !strcmp(t, label) : strstr(t, label) != NULL))
				return e;
		}
	return NULL;
}

static bool tap(struct player *pl, const char *label)
{
	lay(pl);
	const struct ui_elem *e = find(label, true);
	if (!e || e->action != PLAYER_A_VIEW) {
		fprintf(stderr, "nothing of the view labelled '%s'\n", label);
		CHECK(e != NULL);
		return false;
	}
	step_view_of(player_step(pl)->type)->tap(pl, e->arg);
	return true;
}

static bool check_answer(struct player *pl)
{
	struct step_response r;
	if (!step_view_of(player_step(pl)->type)->response(pl, &r))
		return false;
	pl->answered = true;
	pl->right = lesson_step_judge(player_step(pl), &r);
	return true;
}

static void type(struct player *pl, const char *s)
{
	struct ui_event ev = {.type = UI_EV_TEXT};
	snprintf(ev.text, sizeof ev.text, "%s", s);
	step_view_of(LESSON_STEP_KEYBOARD)->input(pl, &ev);
}

static void key(struct player *pl, enum ui_key k)
{
	struct ui_event ev = {.type = UI_EV_KEY, .key = k};
	step_view_of(LESSON_STEP_KEYBOARD)->input(pl, &ev);
}

static void test_view(int w, int h)
{
	W = w, H = h, U = 4.0 * fmin(w / 1920.0, h / 1080.0);
	struct seen seen = {0};
	struct lesson *l = parse(good, &seen);
	if (!l)
		return;
	struct player pl = {.lesson = l, .lang = "nl"};
	player_begin(&pl, 0);
	lay(&pl);
	CHECK(find("Your answer", false) != NULL);
	CHECK(find("q", true) && find("Space", true) && find("Erase", true) && find("é", true));
	CHECK(!player_complete(&pl));
	for (int rung = 0; rung <= 3; rung++) {
		pl.hints = rung;
		char where[32];
		snprintf(where, sizeof where, "fresh, rung %d", rung);
		check_screen(&pl, where);
	}
	pl.hints = 0;
	tap(&pl, "p");
	tap(&pl, "r");
	type(&pl, "ivè");
	key(&pl, UI_KEY_BACKSPACE);
	type(&pl, "é");
	CHECK_STR(pl.typed, "privé");
	lay(&pl);
	CHECK(find("privé", false) != NULL);
	check_screen(&pl, "typing");
	/* Return checks only what is there; a space alone is nothing. */
	key(&pl, UI_KEY_RETURN);
	CHECK(pl.submit);
	pl.submit = false;
	CHECK(check_answer(&pl) && !pl.right);
	check_screen(&pl, "wrong");
	CHECK(find("q", true) == NULL); /* the keyboard is gone */

	/* Rung 3: the answer stands above (or beside) the field. */
	player_begin(&pl, 0);
	pl.hints = 3;
	lay(&pl);
	CHECK(find("Type this: privé-foto", false) != NULL);
	key(&pl, UI_KEY_RETURN);
	CHECK(!pl.submit);
	tap(&pl, "Space");
	CHECK(pl.typed[0] == 0); /* never a space first */
	tap(&pl, "Capital");
	type(&pl, "privé");
	tap(&pl, "-");
	type(&pl, "foto");
	CHECK_STR(pl.typed, "Privé-foto");
	check_screen(&pl, "rung 3, typed");
	struct step_response r;
	CHECK(step_view_of(LESSON_STEP_KEYBOARD)->response(&pl, &r) && r.n == 1 && r.v[0] == 0);
	CHECK_STR(r.text, "Privé-foto");
	CHECK(check_answer(&pl) && pl.right);
	check_screen(&pl, "right");

	/* A long text shows its end. */
	player_begin(&pl, 0);
	for (int i = 0; i < 12; i++)
		type(&pl, "abcdefghij");
	lay(&pl);
	CHECK(find("…", false) != NULL && find("ghij", false) != NULL);
	check_screen(&pl, "long text");
	lesson_destroy(l);
}

int main(void)
{
	arena_init(&arena);
	test_good();
	test_errors();
	test_view(1920, 1080);
	test_view(1280, 800);
	test_view(1024, 768);
	arena_finish(&arena);
	return test_done();
}
