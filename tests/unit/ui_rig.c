/* The helpers the ui tests share (ui_rig.h). Each check goes through
 * test_record(), which the test program's test.h defines, so the counts
 * stay in the test's translation unit; a failure names this file and line,
 * and the screen checkers add the screen it was on. */
#include "ui_rig.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RIG_CHECK(cond) test_record((cond), __FILE__, __LINE__, #cond)

int rig_fake_width(void *ud, const char *s, size_t n, int px, bool bold)
{
	(void)ud;
	(void)bold;
	int count = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count * px / 2;
}

const struct ui_text_metrics rig_fake = {.width = rig_fake_width};

const struct ui_elem *rig_find(const struct ui_drawlist *dl, const char *label, bool tappable)
{
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < dl->n; i++) {
			const struct ui_elem *e = &dl->v[i];
			if (tappable && (!e->tappable || !e->action))
				continue;
			const char *t = e->label ? e->label : e->text;
			if (t && (pass == 0 ? !strcmp(t, label) : strstr(t, label) != NULL))
				return e;
		}
	return NULL;
}

bool rig_overlap(struct ui_rect a, struct ui_rect b, int gap)
{
	return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

static size_t chars(const char *s, int n)
{
	size_t c = 0;
	for (int i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

static bool same_rgb(struct ui_color a, struct ui_color b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b;
}

/* Whether e, drawn before o, is painted over by o: o is an opaque card,
 * panel or control and overlaps a line of e's text (its middle half, where
 * the letters are) or, if e is a control, e itself. A mark drawn inside e
 * (a tick in its box) is part of it; marks on a picture (frames, labels,
 * badges: images and thin bars) annotate rather than cover. */
static bool painted_over(const struct ui_elem *e, const struct ui_elem *o)
{
	if (o->bg.a != 255 || o->role == UI_ROLE_TEXT || o->role == UI_ROLE_IMAGE || o->rect.w <= 0 || o->rect.h <= 0)
		return false;
	struct ui_rect q = e->rect, r = o->rect;
	if (r.x >= q.x && r.y >= q.y && r.x + r.w <= q.x + q.w && r.y + r.h <= q.y + q.h)
		return false;
	if (e->text && e->n_lines) {
		for (int k = 0; k < e->n_lines; k++) {
			const struct ui_line *l = &e->lines[k];
			if (l->len && rig_overlap((struct ui_rect){l->x, l->y + l->h / 4, l->w, l->h / 2}, r, 0))
				return true;
		}
		return false;
	}
	bool control = (e->tappable && e->action && e->role != UI_ROLE_IMAGE) || e->role == UI_ROLE_BUTTON ||
	               e->role == UI_ROLE_KEY || e->role == UI_ROLE_FIELD || e->role == UI_ROLE_TILE;
	return control && rig_overlap(q, r, 0);
}

bool rig_covered(const struct ui_drawlist *dl, int *a, int *b)
{
	/* What lies under a veil (a dialog's translucent panel) is meant to be
	 * covered: only what comes after the last veil counts. */
	int from = 0;
	for (int i = 0; i < dl->n; i++)
		if (dl->v[i].role == UI_ROLE_PANEL && dl->v[i].tappable && dl->v[i].bg.a < 255)
			from = i + 1;
	for (int i = from; i < dl->n; i++)
		for (int j = i + 1; j < dl->n; j++)
			if (painted_over(&dl->v[i], &dl->v[j])) {
				*a = i, *b = j;
				return true;
			}
	return false;
}

void rig_check_rules(const struct ui_drawlist *dl, int w, int h, double u, const struct rig_rules *rules,
                     const char *where)
{
	int fails = 0;
	double min_tap = 20 * u - 1; /* main actions; keys and tiles too */
	int body_px = (int)lround(9 * u);
	int gap = rules->gap_mm ? (int)(rules->gap_mm * u) - 1 : 0;
	bool modal = false;
	for (int i = 0; i < dl->n; i++) {
		const struct ui_elem *e = &dl->v[i];
		if (rules->veil && e->role == UI_ROLE_PANEL && e->tappable && e->bg.a < 255)
			modal = true; /* what is under the veil is not reachable */
		struct ui_rect q = e->rect;
		fails += !RIG_CHECK(q.x >= 0 && q.y >= 0 && q.x + q.w <= w && q.y + q.h <= h);
		if (e->tappable && e->action) {
			fails += !RIG_CHECK(q.w >= min_tap && q.h >= min_tap);
			fails += !RIG_CHECK(e->label && e->label[0]);
			for (int j = i + 1; j < dl->n; j++) {
				const struct ui_elem *o = &dl->v[j];
				if (rules->veil && o->role == UI_ROLE_PANEL && o->tappable && o->bg.a < 255)
					break; /* a veil: what lies above it is out of reach of what lies below */
				if (o->tappable && o->action && !modal)
					fails += !RIG_CHECK(!rig_overlap(q, o->rect, gap));
			}
		}
		if (e->text && e->n_lines) {
			fails += !RIG_CHECK(e->text_px >= body_px);
			if (!rules->exempt_fg || !same_rgb(e->fg, *rules->exempt_fg))
				fails += !RIG_CHECK(ui_contrast(e->fg, e->bg) >= 7.0);
			for (int k = 0; rules->lines && k < e->n_lines; k++) {
				const struct ui_line *l = &e->lines[k];
				fails += !RIG_CHECK(l->x >= q.x && l->x + l->w <= q.x + q.w);
				fails += !RIG_CHECK(chars(e->text + l->off, l->len) <= 62);
			}
		}
		bool border = rules->border == RIG_BORDER_ALL ||
		              (rules->border == RIG_BORDER_KEYS && e->role != UI_ROLE_KEY);
		if (border && e->tappable && e->action && e->border_w > 0)
			fails += !RIG_CHECK(ui_contrast(e->border, dl->clear) >= 3.0 || ui_contrast(e->bg, dl->clear) >= 3.0);
	}
	/* Nothing is painted over what was drawn before it (a feedback panel
	 * over the last row, the bottom bar over the keyboard). */
	int a = 0, b = 0;
	if (!RIG_CHECK(!rig_covered(dl, &a, &b))) {
		fails++;
		const struct ui_elem *e = &dl->v[a], *o = &dl->v[b];
		fprintf(stderr, "  covered: %s '%s' at %d,%d %dx%d under %s '%s' at %d,%d %dx%d\n", ui_role_name(e->role),
		        e->label ? e->label : e->text ? e->text : "", e->rect.x, e->rect.y, e->rect.w, e->rect.h,
		        ui_role_name(o->role), o->label ? o->label : "", o->rect.x, o->rect.y, o->rect.w, o->rect.h);
	}
	if (fails)
		fprintf(stderr, "  on screen: %s at %dx%d\n", where, w, h);
}

/* ---- a whole ui_app ---- */

void rig_init(struct rig *r, int w, int h)
{
	*r = (struct rig){.w = w, .h = h, .u = 4.0 * fmin(w / 1920.0, h / 1080.0), .t = 1000};
}

bool rig_open_store(struct rig *r, const char *prefix)
{
	char err[600];
	snprintf(r->data, sizeof r->data, "/tmp/%s-XXXXXX", prefix);
	if (!RIG_CHECK(mkdtemp(r->data) != NULL))
		return false;
	r->store = store_open(r->data, err, sizeof err);
	if (!RIG_CHECK(r->store != NULL))
		return false;
	/* set up as the wizard would, learners without codes */
	return RIG_CHECK(store_setting_set_int(r->store, "setup_done", 1) && store_setting_set_int(r->store, "codes", 2));
}

bool rig_load(struct rig *r, const char *dir, bool cards)
{
	struct lesson_diag d = {0};
	const char *paths[] = {dir};
	if (cards)
		lesson_set_load_cards(&r->set, paths, 1, &d);
	else
		lesson_set_load(&r->set, paths, 1, &d);
	r->has_set = true;
	return RIG_CHECK(d.errors == 0);
}

struct ui_app *rig_create(struct rig *r, struct store *store, const struct lesson_set *set)
{
	ui_i18n_set_language("en");
	struct ui_app_config cfg = {.store = store, .lessons = set, .lang = "en", .metrics = rig_fake, .w = r->w,
	                            .h = r->h, .px_per_mm = r->u};
	r->app = ui_app_create(&cfg);
	return r->app;
}

bool rig_open(struct rig *r, const char *prefix, const char *dir)
{
	if (!rig_open_store(r, prefix))
		return false;
	rig_load(r, dir, true);
	RIG_CHECK(store_learner_add(r->store, "Ali", 2, r->learner));
	rig_create(r, r->store, &r->set);
	return true;
}

void rig_onboard(struct rig *r)
{
	rig_tap(r, "I am new");
	rig_tap(r, "K");
	rig_tap(r, "Next");
	rig_tap(r, "Boat");
	rig_tap(r, "Done");
}

void rig_close(struct rig *r)
{
	ui_app_destroy(r->app);
	r->app = NULL;
	if (r->has_set)
		lesson_set_finish(&r->set);
	r->has_set = false;
	store_destroy(r->store);
	r->store = NULL;
}

const struct ui_elem *rig_elem(struct rig *r, const char *label, bool tappable)
{
	return rig_find(ui_app_frame(r->app), label, tappable);
}

bool rig_visible(struct rig *r, const char *text)
{
	return rig_find(ui_app_frame(r->app), text, false) != NULL;
}

static void input(struct rig *r, struct ui_event *ev)
{
	ui_app_input(r->app, ev);
	if (r->kiosk)
		ui_app_frame(r->app);
}

void rig_press(struct rig *r, int x, int y)
{
	struct ui_event ev = {.type = UI_EV_POINTER_DOWN, .time_ms = r->t, .x = x, .y = y, .pointer = -1};
	input(r, &ev);
	ev.type = UI_EV_POINTER_UP;
	ev.time_ms = r->t += 80;
	input(r, &ev);
}

void rig_click(struct rig *r, int x, int y)
{
	rig_press(r, x, y);
	r->t += 1000;
	if (r->kiosk) {
		ui_app_tick(r->app, r->t);
		ui_app_frame(r->app);
	}
}

bool rig_tap(struct rig *r, const char *label)
{
	const struct ui_elem *e = rig_elem(r, label, true);
	if (!e) {
		fprintf(stderr, "nothing tappable labelled '%s' at %dx%d\n", label, r->w, r->h);
		RIG_CHECK(e != NULL);
		return false;
	}
	rig_click(r, e->rect.x + e->rect.w / 2, e->rect.y + e->rect.h / 2);
	return true;
}

void rig_type(struct rig *r, const char *s)
{
	struct ui_event ev = {.type = UI_EV_TEXT};
	snprintf(ev.text, sizeof ev.text, "%s", s);
	ui_app_input(r->app, &ev);
}

void rig_check_screen(struct rig *r, const char *where)
{
	rig_check_rules(ui_app_frame(r->app), r->w, r->h, r->u, &r->rules, where);
	r->screens++;
}

/* ---- one player or one step view, without the app ---- */

void rig_screen_init(struct rig_screen *sc, int w, int h, double u)
{
	*sc = (struct rig_screen){.w = w, .h = h, .u = u};
	arena_init(&sc->arena);
}

void rig_screen_finish(struct rig_screen *sc)
{
	arena_finish(&sc->arena);
}

const struct ui_drawlist *rig_lay_player(struct rig_screen *sc, struct player *pl)
{
	arena_reset(&sc->arena);
	sc->dl = (struct ui_drawlist){.clear = C_BG};
	sc->b = (struct build){.arena = &sc->arena, .dl = &sc->dl, .metrics = &rig_fake, .u = sc->u};
	player_layout(pl, &sc->b, sc->w, sc->h);
	return &sc->dl;
}

void rig_lay_view(struct rig_screen *sc, const struct step_view *view, struct player *pl, struct ui_rect area)
{
	arena_reset(&sc->arena);
	sc->dl = (struct ui_drawlist){0};
	sc->b = (struct build){.arena = &sc->arena, .dl = &sc->dl, .metrics = &rig_fake, .u = sc->u};
	pl->u = sc->u;
	view->layout(pl, &sc->b, area);
}

void rig_check_player(struct rig_screen *sc, struct player *pl, const char *where)
{
	static const struct rig_rules rules = {.gap_mm = 3, .lines = true, .border = RIG_BORDER_ALL};
	rig_check_rules(rig_lay_player(sc, pl), sc->w, sc->h, sc->u, &rules, where);
}

bool rig_tap_view(struct rig_screen *sc, struct player *pl, const char *label)
{
	rig_lay_player(sc, pl);
	const struct ui_elem *e = rig_find(&sc->dl, label, true);
	if (!e || e->action != PLAYER_A_VIEW) {
		fprintf(stderr, "nothing of the view labelled '%s'\n", label);
		RIG_CHECK(e != NULL);
		return false;
	}
	step_view_of(player_step(pl)->type)->tap(pl, e->arg);
	return true;
}

bool rig_check_answer(struct player *pl)
{
	struct step_response r;
	if (!step_view_of(player_step(pl)->type)->response(pl, &r))
		return false;
	pl->answered = true;
	pl->right = lesson_step_judge(player_step(pl), &r);
	return true;
}

void rig_check_view(const struct rig_screen *sc, struct ui_rect area, bool border_on_bg)
{
	int taps = 0, gap = (int)lround(3 * sc->u); /* 12 px at 4 px/mm */
	double min_tap = 20 * sc->u;                 /* 80 px */
	for (int i = 0; i < sc->dl.n; i++) {
		const struct ui_elem *e = &sc->dl.v[i];
		struct ui_rect q = e->rect;
		bool in = q.x >= area.x && q.y >= area.y && q.x + q.w <= area.x + area.w && q.y + q.h <= area.y + area.h;
		if (!in)
			fprintf(stderr, "  outside the area: %s %d,%d %dx%d\n", e->text ? e->text : "", q.x, q.y, q.w, q.h);
		RIG_CHECK(in);
		if (e->text && e->n_lines)
			RIG_CHECK(ui_contrast(e->fg, e->bg) >= 7.0);
		if (!e->tappable)
			continue;
		taps++;
		RIG_CHECK(q.w >= min_tap && q.h >= min_tap);
		RIG_CHECK(e->label && e->label[0]);
		if (border_on_bg)
			RIG_CHECK(ui_contrast(e->border, C_BG) >= 3.0);
		for (int j = i + 1; j < sc->dl.n; j++) {
			const struct ui_rect o = sc->dl.v[j].rect;
			if (!sc->dl.v[j].tappable)
				continue;
			/* 3 mm apart at least, on one axis */
			bool apart = o.x >= q.x + q.w + gap || q.x >= o.x + o.w + gap || o.y >= q.y + q.h + gap ||
			             q.y >= o.y + o.h + gap;
			RIG_CHECK(apart);
		}
	}
	RIG_CHECK(taps > 0);
}
