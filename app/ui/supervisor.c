/* Supervisor mode. The way in is hidden from learners but documented
 * (README, the set-up's last screen): hold the top left corner of the
 * start screen for 3 seconds, then type the supervisor PIN (throttled in
 * core/guard.c). Supervisor mode manages learners (add, rename, picture,
 * new code or none, unlock, erase) and the terminal's settings, and goes
 * back to the start screen when left alone, like a learner's session. */
#include "app_internal.h"

#include <stdio.h>
#include <string.h>

static const int idle_choices[] = {60, 120, 300, 600};
#define N_IDLE ((int)(sizeof idle_choices / sizeof idle_choices[0]))

void supervisor_corner(struct ui_app *a, struct build *b)
{
	struct ui_elem *e = add_elem(b, UI_ROLE_BUTTON, (struct ui_rect){0, 0, mm(b, 34), mm(b, MM_HEADER)});
	e->label = _("Supervisor");
	e->tappable = true;
	e->action = A_CORNER;
	(void)a;
}

static void open_pin(struct ui_app *a)
{
	a->pin[0] = 0;
	a->pin_msg[0] = 0;
	int wait = guard_pin_wait(a->cfg.store);
	a->pin_wait_until = wait > 0 ? a->now_ms + wait * 1000LL : 0;
	a->screen = SCREEN_PIN;
	a->dirty = true;
}

void supervisor_tick(struct ui_app *a)
{
	if (a->corner_since && a->screen == SCREEN_START && a->now_ms - a->corner_since >= CORNER_HOLD_MS) {
		a->corner_since = 0;
		a->pressed_action = 0; /* the finger's release does nothing */
		open_pin(a);
	}
	if (a->screen == SCREEN_PIN && a->pin_wait_until) {
		if (a->now_ms >= a->pin_wait_until) {
			a->pin_wait_until = 0;
			a->pin_msg[0] = 0;
		}
		a->dirty = true;
	}
}

void supervisor_flow_done(struct ui_app *a)
{
	struct store_learner l;
	a->flow = FLOW_SIGNUP;
	a->code_n = 0;
	app_load_learners(a);
	if (a->sv.id[0] && store_learner_get(a->cfg.store, a->sv.id, &l)) {
		a->sv = l;
		a->screen = SCREEN_SV_LEARNER;
	} else {
		a->screen = SCREEN_SV_HOME;
	}
	a->dirty = true;
}

void pin_text(struct ui_app *a, const char *utf8)
{
	a->dirty = true;
	for (const char *p = utf8; *p; p++)
		if (*p >= '0' && *p <= '9')
			act_supervisor(a, A_PIN_KEY, *p - '0');
}

static void pin_entered(struct ui_app *a)
{
	int wait = 0;
	if (strlen(a->pin) < 6) {
		snprintf(a->pin_msg, sizeof a->pin_msg, "%s", _("A PIN has 6 to 12 digits."));
		return;
	}
	enum guard_result r = guard_pin_try(a->cfg.store, a->pin, &wait);
	memset(a->pin, 0, sizeof a->pin);
	switch (r) {
	case GUARD_OK:
		a->supervisor = true;
		a->sv_page = 0;
		a->pin_msg[0] = 0;
		app_load_learners(a);
		a->screen = SCREEN_SV_HOME;
		return;
	case GUARD_WRONG:
		snprintf(a->pin_msg, sizeof a->pin_msg, "%s", _("This PIN is not right."));
		break;
	case GUARD_WAIT:
	case GUARD_LOCKED:
		break;
	case GUARD_ERROR:
		app_store_failed(a, _("The PIN could not be checked."));
		return;
	}
	if (wait > 0) {
		a->pin_wait_until = a->now_ms + wait * 1000LL;
		snprintf(a->pin_msg, sizeof a->pin_msg, "%s", _("Too many wrong PINs."));
	}
}

static void refresh_sv(struct ui_app *a)
{
	struct store_learner l;
	app_load_learners(a);
	if (store_learner_get(a->cfg.store, a->sv.id, &l))
		a->sv = l;
}

void act_supervisor(struct ui_app *a, int action, int arg)
{
	struct store *s = a->cfg.store;
	/* Only the entry works outside supervisor mode. */
	if (!a->supervisor && action != A_CORNER && action != A_PIN_KEY && action != A_PIN_OK && action != A_SV_LEAVE)
		return;
	switch (action) {
	case A_CORNER: /* a tap: only holding opens the PIN */
		break;
	case A_PIN_KEY: {
		if (a->screen == SCREEN_PIN && a->pin_wait_until > a->now_ms)
			break;
		size_t n = strlen(a->pin);
		if (arg < 0 && n > 0)
			a->pin[n - 1] = 0;
		else if (arg >= 0 && arg <= 9 && n < PIN_MAX) {
			a->pin[n] = (char)('0' + arg);
			a->pin[n + 1] = 0;
		}
		break;
	}
	case A_PIN_OK:
		if (a->screen == SCREEN_PIN && a->pin_wait_until <= a->now_ms)
			pin_entered(a);
		break;
	case A_SV_LEAVE:
		app_go(a, SCREEN_START);
		break;
	case A_SV_LEARNER:
		if (arg >= 0 && arg < a->n_learners) {
			a->sv = a->learners[arg];
			a->sv_confirm_erase = false;
			a->screen = SCREEN_SV_LEARNER;
		}
		break;
	case A_SV_PAGE:
		a->sv_page += arg;
		break;
	case A_SV_ADD:
		memset(&a->sv, 0, sizeof a->sv);
		a->flow = FLOW_SV_ADD;
		a->name[0] = 0;
		a->shift = true;
		a->avatar = -1;
		a->screen = SCREEN_NEW_NAME;
		break;
	case A_SV_SETTINGS:
		a->screen = SCREEN_SV_SETTINGS;
		break;
	case A_SV_RENAME:
		a->flow = FLOW_SV_RENAME;
		snprintf(a->name, sizeof a->name, "%s", a->sv.name);
		a->shift = false;
		a->screen = SCREEN_NEW_NAME;
		break;
	case A_SV_AVATAR:
		a->flow = FLOW_SV_AVATAR;
		a->avatar = a->sv.avatar;
		app_load_learners(a);
		a->screen = SCREEN_NEW_AVATAR;
		break;
	case A_SV_CODE:
		a->flow = FLOW_SV_CODE;
		signin_choose(a);
		break;
	case A_SV_NO_CODE:
		if (!store_learner_set_code(s, a->sv.id, ""))
			app_store_failed(a, _("The change could not be saved."));
		refresh_sv(a);
		break;
	case A_SV_UNLOCK:
		if (!store_learner_set_fails(s, a->sv.id, 0))
			app_store_failed(a, _("The change could not be saved."));
		refresh_sv(a);
		break;
	case A_SV_ERASE:
		a->sv_confirm_erase = true;
		break;
	case A_SV_ERASE_NO:
		a->sv_confirm_erase = false;
		break;
	case A_SV_ERASE_YES:
		a->sv_confirm_erase = false;
		if (!store_learner_erase(s, a->sv.id)) {
			app_store_failed(a, _("The learner could not be erased."));
			break;
		}
		app_set_info(a, _("The learner is erased: name, code and answers. Other screens erase them too at their "
		                    "next sync."));
		memset(&a->sv, 0, sizeof a->sv);
		app_load_learners(a);
		a->screen = SCREEN_SV_HOME;
		break;
	case A_SV_BACK:
		a->sv_confirm_erase = false;
		app_load_learners(a);
		a->screen = SCREEN_SV_HOME;
		break;
	case A_SV_IDLE:
		if (arg >= 0 && arg < N_IDLE) {
			if (store_setting_set_int(s, "idle_seconds", idle_choices[arg]))
				a->idle_ms = idle_choices[arg] * 1000LL;
			else
				app_store_failed(a, _("The setting could not be saved."));
		}
		break;
	case A_SV_ROUTE:
		if (!store_learner_set_route(s, a->sv.id, arg))
			app_store_failed(a, _("The change could not be saved."));
		refresh_sv(a);
		break;
	case A_SV_CODES:
		if (!store_setting_set_int(s, "codes", arg ? 1 : 2))
			app_store_failed(a, _("The setting could not be saved."));
		break;
	}
}

int add_pin_pad(struct ui_app *a, struct build *b, int x, int y, int action)
{
	bool waiting = a->screen == SCREEN_PIN && a->pin_wait_until > a->now_ms;
	int kw = mm(b, 30), kh = mm(b, 20), gap = mm(b, 4), y0 = y;
	int pad_w = 3 * kw + 2 * gap;
	/* The PIN as dots, never as digits. */
	int n = (int)strlen(a->pin), d = mm(b, 6), dg = mm(b, 4);
	struct ui_elem *f = add_elem(b, UI_ROLE_FIELD, (struct ui_rect){x, y, pad_w, mm(b, 16)});
	f->label = _("PIN");
	f->bg = C_SURFACE;
	f->border = C_PRIMARY;
	f->border_w = mm(b, 0.75);
	f->radius = mm(b, 3);
	for (int i = 0; i < n; i++)
		add_panel(b, (struct ui_rect){x + mm(b, 6) + i * (d + dg), y + (mm(b, 16) - d) / 2, d, d}, C_TEXT, C_TEXT, 0,
		          d / 2);
	y += mm(b, 16) + mm(b, 5);
	static const int keys[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, -2, 0, -1};
	for (int i = 0; i < 12; i++) {
		if (keys[i] == -2)
			continue;
		struct ui_rect r = {x + (i % 3) * (kw + gap), y + (i / 3) * (kh + gap), kw, kh};
		if (keys[i] == -1) {
			add_icon_button(b, r, _("Erase"), "icon:backspace", n && !waiting ? BUTTON_SECONDARY : BUTTON_DISABLED,
			                action, -1);
		} else {
			char *label = arena_printf(b->arena, "%d", keys[i]);
			add_button(b, r, label, NULL, waiting ? BUTTON_DISABLED : BUTTON_SECONDARY, action, keys[i]);
		}
	}
	return y + 4 * kh + 3 * gap - y0;
}

void screen_pin(struct ui_app *a, struct build *b)
{
	int W = a->cfg.w, H = a->cfg.h, m = mm(b, MM_MARGIN);
	add_header(b, W, _("Supervisor"), NULL);
	add_button(b, top_right_rect(b, W, _("Back")), _("Back"), "icon:back", BUTTON_QUIET, A_SV_LEAVE, 0);
	int pad_w = 3 * mm(b, 30) + 2 * mm(b, 4);
	int x = (W - pad_w) / 2, y = mm(b, MM_HEADER) + mm(b, 8);
	int tw = mm(b, 200) < W - 2 * m ? mm(b, 200) : W - 2 * m;
	y += add_text(b, UI_ROLE_HEADING, _("Type the supervisor PIN."), (W - tw) / 2, y, tw, MM_HEADING, true, C_TEXT,
	              C_BG, ALIGN_CENTER);
	y += mm(b, 3);
	const char *msg = a->pin_msg;
	if (a->pin_wait_until > a->now_ms) {
		int left = (int)((a->pin_wait_until - a->now_ms + 999) / 1000);
		char *wait = left >= 120 ? arena_printf(b->arena, _("You can try again in %d minutes."), (left + 59) / 60)
		                         : arena_printf(b->arena, _("You can try again in %d seconds."), left);
		msg = arena_printf(b->arena, "%s%s%s", a->pin_msg, a->pin_msg[0] ? " " : "", wait);
	}
	if (msg[0])
		y += add_text(b, UI_ROLE_TEXT, msg, (W - tw) / 2, y, tw, MM_TEXT, false, C_NOTICE, C_BG, ALIGN_CENTER);
	y += mm(b, 5);
	add_pin_pad(a, b, x, y, A_PIN_KEY);
	int bw = mm(b, 80), bh = mm(b, MM_MAIN_BUTTON + 2);
	bool ready = strlen(a->pin) >= 6 && a->pin_wait_until <= a->now_ms;
	add_button(b, (struct ui_rect){W - m - bw, H - m - bh, bw, bh}, _("Open"), "icon:check",
	           ready ? BUTTON_PRIMARY : BUTTON_DISABLED, A_PIN_OK, 0);
}

static const char *status_of(struct build *b, const struct store_learner *l)
{
	if (guard_code_locked(l))
		return _("Locked: 5 wrong codes");
	if (!l->has_code)
		return arena_printf(b->arena, dngettext("leerplek", "No code · %d lesson done", "No code · %d lessons done",
		                                        (unsigned long)l->lessons_done), l->lessons_done);
	return arena_printf(b->arena, dngettext("leerplek", "%d lesson done", "%d lessons done", (unsigned long)l->lessons_done),
	                    l->lessons_done);
}

static void round_icon(struct build *b, struct ui_rect r, const char *icon, struct ui_color bg)
{
	struct ui_elem *e = add_elem(b, UI_ROLE_IMAGE, r);
	e->bg = bg;
	e->radius = r.w / 2;
	e->image = icon;
	e->tint_image = true;
	e->fg = C_ON_PRIMARY;
	e->image_rect = (struct ui_rect){r.x + r.w / 5, r.y + r.h / 5, r.w * 3 / 5, r.h * 3 / 5};
}

void screen_sv_home(struct ui_app *a, struct build *b)
{
	int W = a->cfg.w, H = a->cfg.h, m = mm(b, MM_MARGIN);
	char site[SETUP_TEXT_MAX + 1] = "";
	store_setting_text(a->cfg.store, "site", site, sizeof site);
	add_header(b, W, site[0] ? arena_printf(b->arena, _("Supervisor · %s"), site) : _("Supervisor"), NULL);
	add_button(b, top_right_rect(b, W, _("Close")), _("Close"), "icon:stop", BUTTON_SECONDARY, A_SV_LEAVE, 0);
	int y = mm(b, MM_HEADER) + mm(b, 8);
	y += add_text(b, UI_ROLE_HEADING,
	              arena_printf(b->arena, dngettext("leerplek", "%d learner", "%d learners", (unsigned long)a->n_learners),
	                           a->n_learners),
	              m, y, W - 2 * m, MM_HEADING, true, C_TEXT, C_BG, ALIGN_START);
	y += mm(b, 4);
	int bar_h = mm(b, MM_MAIN_BUTTON + 2), bar_y = H - m - bar_h;
	int gap = mm(b, 4), cols = W - 2 * m > mm(b, 300) ? 2 : 1;
	int row_w = (W - 2 * m - (cols - 1) * gap) / cols, row_h = mm(b, 24);
	int rows = (bar_y - mm(b, 6) - y + gap) / (row_h + gap);
	if (rows < 1)
		rows = 1;
	int per_page = rows * cols, pages = (a->n_learners + per_page - 1) / per_page;
	if (a->sv_page >= pages)
		a->sv_page = pages - 1;
	if (a->sv_page < 0)
		a->sv_page = 0;
	int first = a->sv_page * per_page;
	for (int i = first; i < a->n_learners && i < first + per_page; i++) {
		const struct store_learner *l = &a->learners[i];
		int k = i - first;
		/* down the first column, then the second */
		struct ui_rect r = {m + (k / rows) * (row_w + gap), y + (k % rows) * (row_h + gap), row_w, row_h};
		struct ui_elem *t = add_elem(b, UI_ROLE_TILE, r);
		t->bg = is_pressed(b, A_SV_LEARNER, i) ? C_PRESSED : C_SURFACE;
		t->border = C_CONTROL_EDGE;
		t->border_w = mm(b, 0.5);
		t->radius = mm(b, 3);
		t->label = l->name;
		t->tappable = true;
		t->action = A_SV_LEARNER;
		t->arg = i;
		int s = row_h - mm(b, 6);
		add_image(b, (struct ui_rect){r.x + mm(b, 3), r.y + mm(b, 3), s, s}, app_avatar_key(b, l->avatar), NULL);
		int tx = r.x + s + mm(b, 8), tw = r.w - (tx - r.x) - mm(b, 4);
		int half = tw * 9 / 20;
		int th = text_height(b, "Hg", tw, MM_TEXT, true);
		add_text(b, UI_ROLE_TEXT, app_fit_line(b, l->name, half, MM_TEXT, true), tx, r.y + (r.h - th) / 2, half,
		         MM_TEXT, true, C_TEXT, t->bg, ALIGN_START);
		bool locked = guard_code_locked(l);
		int sx = tx + half + mm(b, 3), sw = tw - half - mm(b, 3);
		if (locked) {
			int c = mm(b, 9);
			round_icon(b, (struct ui_rect){sx, r.y + (r.h - c) / 2, c, c}, "icon:lock", C_NOTICE);
			sx += c + mm(b, 2);
			sw -= c + mm(b, 2);
		}
		const char *status = status_of(b, l);
		add_text(b, UI_ROLE_TEXT, app_fit_line(b, status, sw, MM_TEXT, false), sx, r.y + (r.h - th) / 2, sw,
		         MM_TEXT, false, locked ? C_NOTICE : C_TEXT_MUTED, t->bg, ALIGN_START);
		b->dl->v[b->dl->n - 1].label = status; /* whole, when the line is shortened */
	}
	if (a->n_learners == 0)
		add_text(b, UI_ROLE_TEXT, _("There are no learners yet. Add one, or let learners sign up with \"I am new\"."), m,
		         y, W - 2 * m, MM_TEXT, false, C_TEXT, C_BG, ALIGN_START);
	int x = m;
	int aw = button_width(b, _("Add a learner"), true, 70);
	add_button(b, (struct ui_rect){x, bar_y, aw, bar_h}, _("Add a learner"), "icon:plus", BUTTON_PRIMARY, A_SV_ADD, 0);
	x += aw + gap * 2;
	int sw = button_width(b, _("Settings"), true, 50);
	add_button(b, (struct ui_rect){x, bar_y, sw, bar_h}, _("Settings"), "icon:sim-settings", BUTTON_SECONDARY, A_SV_SETTINGS,
	           0);
	if (pages > 1) {
		int bw = button_width(b, _("Next"), true, 44), bw2 = button_width(b, _("Back"), true, 44), nx = W - m - bw;
		add_button(b, (struct ui_rect){nx, bar_y, bw, bar_h}, _("Next"), "icon:right",
		           a->sv_page + 1 < pages ? BUTTON_SECONDARY : BUTTON_DISABLED, A_SV_PAGE, 1);
		char *pg = arena_printf(b->arena, _("Page %d of %d"), a->sv_page + 1, pages);
		int tw = b->metrics->width(b->metrics->ud, pg, strlen(pg), mm(b, MM_TEXT), false) + mm(b, 4);
		int th = text_height(b, pg, tw, MM_TEXT, false);
		add_text(b, UI_ROLE_TEXT, pg, nx - tw - mm(b, 2), bar_y + (bar_h - th) / 2, tw, MM_TEXT, false, C_TEXT, C_BG,
		         ALIGN_CENTER);
		add_button(b, (struct ui_rect){nx - tw - mm(b, 4) - bw2, bar_y, bw2, bar_h}, _("Back"), "icon:left",
		           a->sv_page > 0 ? BUTTON_SECONDARY : BUTTON_DISABLED, A_SV_PAGE, -1);
	}
}

static void erase_dialog(struct ui_app *a, struct build *b)
{
	const char *head = arena_printf(b->arena, _("Erase %s?"), a->sv.name);
	const char *body = _("The name, the code and all answers are removed from this screen, and from the other screens "
	                     "at their next sync. This cannot be undone.");
	struct ui_elem *yes = add_question(b, a->cfg.w, a->cfg.h, head, body, C_WRONG, _("No, keep"), A_SV_ERASE_NO,
	                                   _("Yes, erase"), "icon:cross", A_SV_ERASE_YES);
	yes->bg = yes->border = is_pressed(b, A_SV_ERASE_YES, 0) ? RGB(0x5E1F10) : RGB(0x7F2D19); /* 7:1 with white */
}

void screen_sv_learner(struct ui_app *a, struct build *b)
{
	int W = a->cfg.w, m = mm(b, MM_MARGIN);
	const struct store_learner *l = &a->sv;
	add_header(b, W, _("Supervisor"), NULL);
	add_button(b, top_right_rect(b, W, _("Back")), _("Back"), "icon:back", BUTTON_QUIET, A_SV_BACK, 0);
	int y = mm(b, MM_HEADER) + mm(b, 10);
	int s = mm(b, 40);
	add_image(b, (struct ui_rect){m, y, s, s}, app_avatar_key(b, l->avatar), NULL);
	int tx = m + s + mm(b, 8), tw = W - m - tx;
	int ty = y;
	ty += add_text(b, UI_ROLE_HEADING, l->name, tx, ty, tw, MM_TITLE, true, C_TEXT, C_BG, ALIGN_START);
	ty += mm(b, 2);
	const char *how = guard_code_locked(l) ? _("Locked after 5 wrong codes. Unlock it, or give a new code.")
	                  : l->has_code       ? _("Signs in with a picture code.")
	                                      : _("Signs in without a code.");
	ty += add_text(b, UI_ROLE_TEXT, how, tx, ty, tw, MM_TEXT, false, guard_code_locked(l) ? C_NOTICE : C_TEXT, C_BG,
	               ALIGN_START);
	ty += add_text(b, UI_ROLE_TEXT,
	               arena_printf(b->arena, dngettext("leerplek", "%d lesson done.", "%d lessons done.",
	                                                (unsigned long)l->lessons_done), l->lessons_done),
	               tx, ty, tw, MM_TEXT, false, C_TEXT, C_BG, ALIGN_START);
	y = (ty > y + s ? ty : y + s) + mm(b, 12);
	struct {
		const char *label, *icon;
		int action;
		bool show, primary;
	} acts[] = {
		{_("Unlock"), "icon:lock", A_SV_UNLOCK, guard_code_locked(l), true},
		{_("Change name"), "icon:person", A_SV_RENAME, true, false},
		{_("Change picture"), "icon:sim-photos", A_SV_AVATAR, true, false},
		{l->has_code ? _("New code") : _("Give a code"), "icon:lock", A_SV_CODE, true, false},
		{_("No code"), "icon:cross", A_SV_NO_CODE, l->has_code, false},
		{_("Erase"), "icon:warning", A_SV_ERASE, true, false},
	};
	int bw = mm(b, 80), bh = mm(b, MM_MAIN_BUTTON), gap = mm(b, 6);
	for (size_t i = 0; i < sizeof acts / sizeof acts[0]; i++) {
		int w = button_width(b, acts[i].label, true, 80);
		if (w > bw)
			bw = w;
	}
	int cols = (W - 2 * m + gap) / (bw + gap);
	if (cols > 3)
		cols = 3;
	if (cols < 1)
		cols = 1;
	int k = 0;
	for (size_t i = 0; i < sizeof acts / sizeof acts[0]; i++) {
		if (!acts[i].show)
			continue;
		struct ui_rect r = {m + (k % cols) * (bw + gap), y + (k / cols) * (bh + gap), bw, bh};
		add_button(b, r, acts[i].label, acts[i].icon, acts[i].primary ? BUTTON_PRIMARY : BUTTON_SECONDARY,
		           acts[i].action, 0);
		k++;
	}
	y += ((k + cols - 1) / cols) * (bh + gap) + mm(b, 8);
	/* The route: whose lessons the learner's home screen shows. */
	y += add_text(b, UI_ROLE_TEXT, _("Lessons for:"), m, y, W - 2 * m, MM_TEXT, true, C_TEXT, C_BG, ALIGN_START);
	y += mm(b, 3);
	static const struct {
		const char *label;
		int route;
	} routes[] = {
		{N_("Workers"), STORE_ROUTE_WORKER},
		{N_("Supervisors"), STORE_ROUTE_SUPERVISOR},
		{N_("Managers"), STORE_ROUTE_MANAGER},
	};
	int x = m;
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		bool sel = (l->route ? l->route : STORE_ROUTE_WORKER) == routes[i].route;
		int rw = button_width(b, _(routes[i].label), true, 50);
		add_button(b, (struct ui_rect){x, y, rw, bh}, _(routes[i].label), sel ? "icon:check" : NULL,
		           sel ? BUTTON_PRIMARY : BUTTON_SECONDARY, A_SV_ROUTE, routes[i].route);
		x += rw + gap;
	}
	if (a->sv_confirm_erase)
		erase_dialog(a, b);
}

void screen_sv_settings(struct ui_app *a, struct build *b)
{
	int W = a->cfg.w, m = mm(b, MM_MARGIN);
	struct store *s = a->cfg.store;
	add_header(b, W, _("Supervisor"), NULL);
	add_button(b, top_right_rect(b, W, _("Back")), _("Back"), "icon:back", BUTTON_QUIET, A_SV_BACK, 0);
	int y = mm(b, MM_HEADER) + mm(b, 8), tw = W - 2 * m < mm(b, 220) ? W - 2 * m : mm(b, 220);
	y += add_text(b, UI_ROLE_HEADING, _("Settings"), m, y, tw, MM_HEADING, true, C_TEXT, C_BG, ALIGN_START);
	y += mm(b, 4);
	char org[SETUP_TEXT_MAX + 1] = "", site[SETUP_TEXT_MAX + 1] = "";
	store_setting_text(s, "org", org, sizeof org);
	store_setting_text(s, "site", site, sizeof site);
	y += add_text(b, UI_ROLE_TEXT, arena_printf(b->arena, _("Organisation: %s. Place: %s."), org, site), m, y, tw,
	              MM_TEXT, false, C_TEXT, C_BG, ALIGN_START);
	y += mm(b, 8);
	{
		/* The USB stick and the organisation's code (stickui.c). */
		const char *sync = _("Update the stick"), *org_label = _("Organisation");
		int w1 = button_width(b, sync, true, 60), w2 = button_width(b, org_label, true, 60);
		int bh0 = mm(b, MM_MAIN_BUTTON);
		add_button(b, (struct ui_rect){m, y, w1, bh0}, sync, "icon:stick", BUTTON_SECONDARY, A_STICK_SYNC, 0);
		add_button(b, (struct ui_rect){m + w1 + mm(b, 5), y, w2, bh0}, org_label, "icon:key", BUTTON_SECONDARY, A_SV_ORG,
		           0);
		y += bh0 + mm(b, 8);
	}
	y += add_text(b, UI_ROLE_TEXT, _("Go back to the start after this time without a touch:"), m, y, tw, MM_TEXT, true,
	              C_TEXT, C_BG, ALIGN_START);
	y += mm(b, 3);
	int cur = store_setting_int(s, "idle_seconds", 120), bh = mm(b, MM_MAIN_BUTTON), gap = mm(b, 5), x = m;
	for (int i = 0; i < N_IDLE; i++) {
		char *label = arena_printf(b->arena, dngettext("leerplek", "%d minute", "%d minutes",
		                                               (unsigned long)(idle_choices[i] / 60)), idle_choices[i] / 60);
		int bw = button_width(b, label, true, 44);
		bool sel = cur == idle_choices[i];
		add_button(b, (struct ui_rect){x, y, bw, bh}, label, sel ? "icon:check" : NULL,
		           sel ? BUTTON_PRIMARY : BUTTON_SECONDARY, A_SV_IDLE, i);
		x += bw + gap;
	}
	y += bh + mm(b, 10);
	y += add_text(b, UI_ROLE_TEXT, _("Do learners need a picture code to sign in?"), m, y, tw, MM_TEXT, true, C_TEXT,
	              C_BG, ALIGN_START);
	y += mm(b, 3);
	bool codes = signin_codes_required(a);
	const char *yes = _("Yes, a code"), *no = _("No code needed");
	int w1 = button_width(b, yes, true, 60), w2 = button_width(b, no, true, 60);
	add_button(b, (struct ui_rect){m, y, w1, bh}, yes, codes ? "icon:check" : NULL, codes ? BUTTON_PRIMARY : BUTTON_SECONDARY,
	           A_SV_CODES, 1);
	add_button(b, (struct ui_rect){m + w1 + gap, y, w2, bh}, no, !codes ? "icon:check" : NULL,
	           !codes ? BUTTON_PRIMARY : BUTTON_SECONDARY, A_SV_CODES, 0);
	y += bh + mm(b, 4);
	add_text(b, UI_ROLE_TEXT,
	         _("Without codes, anyone at this screen can open any learner's lessons. Learners who have a code keep it."),
	         m, y, tw, MM_TEXT, false, C_TEXT_MUTED, C_BG, ALIGN_START);
}
