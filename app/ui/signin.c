/* Picture codes (UX.md, "Signing in"): after tapping their tile a learner
 * taps their 3 pictures on a grid of 12. A new code is chosen at sign-up
 * (or by a supervisor) and repeated once. After 5 wrong codes the profile
 * waits for a supervisor. While signing in, the slots show dots, not the
 * pictures, so nobody behind the learner sees the code. */
#include "app_internal.h"

#include <stdio.h>
#include <string.h>

static const char *const picture_labels[GUARD_PICTURES] = {
	N_("Apple"), N_("Pear"), N_("Key"), N_("Star"), N_("Bell"), N_("Umbrella"),
	N_("Car"), N_("Ball"), N_("Hat"), N_("Heart"), N_("Kite"), N_("Shoe"),
};

bool signin_codes_required(struct ui_app *a)
{
	return store_setting_int(a->cfg.store, "codes", 1) != 2;
}

void signin_begin(struct ui_app *a, const struct store_learner *l)
{
	a->me = *l;
	a->code_n = 0;
	a->code_msg[0] = 0;
	a->has_code_wrong = false;
	if (guard_code_locked(l))
		a->screen = SCREEN_LOCKED;
	else if (l->has_code)
		a->screen = SCREEN_CODE;
	else
		app_go(a, SCREEN_HOME);
	a->dirty = true;
}

void signin_choose(struct ui_app *a)
{
	a->code_n = 0;
	a->code_repeat = false;
	a->code_msg[0] = 0;
	a->screen = SCREEN_NEW_CODE;
	a->dirty = true;
}

static void code_entered(struct ui_app *a)
{
	int left = 0;
	if (a->has_code_wrong && !memcmp(a->code, a->code_wrong, sizeof a->code)) {
		a->code_n = 0; /* the message about it still stands */
		return;
	}
	switch (guard_code_try(a->cfg.store, a->me.id, a->code, &left)) {
	case GUARD_OK:
		a->code_n = 0;
		app_go(a, SCREEN_HOME);
		return;
	case GUARD_WRONG:
		snprintf(a->code_msg, sizeof a->code_msg,
		         dngettext("leerplek", "That is not your code. Try again. You can try %d more time.",
		                  "That is not your code. Try again. You can try %d more times.", (unsigned long)left),
		         left);
		memcpy(a->code_wrong, a->code, sizeof a->code);
		a->has_code_wrong = true;
		break;
	case GUARD_LOCKED:
		a->screen = SCREEN_LOCKED;
		break;
	case GUARD_WAIT:
	case GUARD_ERROR:
		app_store_failed(a, _("Your code could not be checked."));
		break;
	}
	a->code_n = 0;
}

static void new_code_entered(struct ui_app *a)
{
	if (!a->code_repeat) {
		memcpy(a->code_first, a->code, sizeof a->code);
		a->code_repeat = true;
		a->code_n = 0;
		a->code_msg[0] = 0;
		return;
	}
	if (memcmp(a->code_first, a->code, sizeof a->code) != 0) {
		snprintf(a->code_msg, sizeof a->code_msg, "%s",
		         _("That was not the same. Choose your 3 pictures again."));
		a->code_repeat = false;
		a->code_n = 0;
		return;
	}
	char hash[STORE_CODE_HASH_MAX];
	a->code_n = 0;
	if (!guard_code_hash(a->code, hash)) {
		app_set_notice(a, _("The code could not be made safe for saving. Ask your supervisor."));
		return;
	}
	if (a->flow == FLOW_SV_CODE) {
		if (!store_learner_set_code(a->cfg.store, a->sv.id, hash))
			app_store_failed(a, _("The code could not be saved."));
		else
			supervisor_flow_done(a);
		return;
	}
	app_create_learner(a, hash);
}

void act_signin(struct ui_app *a, int action, int arg)
{
	switch (action) {
	case A_CODE_PICTURE:
		if (arg < 0 || arg >= GUARD_PICTURES || a->code_n >= GUARD_CODE_LEN)
			break;
		a->code[a->code_n++] = arg; /* the last message stays until the next result */
		if (a->code_n == GUARD_CODE_LEN) {
			if (a->screen == SCREEN_CODE)
				code_entered(a);
			else
				new_code_entered(a);
		}
		break;
	case A_CODE_ERASE:
		if (a->code_n > 0)
			a->code_n--;
		break;
	case A_CODE_BACK:
		app_go(a, SCREEN_START);
		break;
	}
}

/* The grid of 12 pictures, right of x, from y; four in a row. */
static void picture_grid(struct ui_app *a, struct build *b, int x, int y, int w, int h)
{
	int gap = mm(b, 5), cols = 4, rows = 3;
	int tw = (w - (cols - 1) * gap) / cols, th = (h - (rows - 1) * gap) / rows;
	if (tw > mm(b, 52))
		tw = mm(b, 52);
	if (th > tw + mm(b, 10))
		th = tw + mm(b, 10);
	int x0 = x + (w - (cols * tw + (cols - 1) * gap)) / 2;
	for (int i = 0; i < GUARD_PICTURES; i++) {
		struct ui_rect r = {x0 + (i % cols) * (tw + gap), y + (i / cols) * (th + gap), tw, th};
		struct ui_elem *t = add_elem(b, UI_ROLE_TILE, r);
		t->bg = is_pressed(b, A_CODE_PICTURE, i) ? C_PRESSED : C_SURFACE;
		t->border = C_CONTROL_EDGE;
		t->border_w = mm(b, 0.5);
		t->radius = mm(b, MM_RADIUS);
		t->label = _(picture_labels[i]);
		t->tappable = a->code_n < GUARD_CODE_LEN;
		t->action = A_CODE_PICTURE;
		t->arg = i;
		int word_h = mm(b, MM_TEXT) * 3 / 2;
		int s = th - word_h - mm(b, 6);
		if (s > tw - mm(b, 6))
			s = tw - mm(b, 6);
		add_image(b, (struct ui_rect){r.x + (r.w - s) / 2, r.y + mm(b, 2), s, s},
		          arena_printf(b->arena, "code:%s", guard_picture_name(i)), NULL);
		add_text(b, UI_ROLE_TEXT, app_fit_line(b, _(picture_labels[i]), r.w - mm(b, 2), MM_TEXT, false), r.x + mm(b, 1),
		         r.y + r.h - word_h - mm(b, 2), r.w - mm(b, 2), MM_TEXT, false, C_TEXT, t->bg, ALIGN_CENTER);
	}
}

/* The three places of the code: a picture (show) or a dot, or empty. */
static int code_slots(struct ui_app *a, struct build *b, int x, int y, int w, bool show)
{
	int gap = mm(b, 4), s = (w - 2 * gap) / 3;
	if (s > mm(b, 30))
		s = mm(b, 30);
	for (int i = 0; i < GUARD_CODE_LEN; i++) {
		struct ui_rect r = {x + i * (s + gap), y, s, s};
		bool filled = i < a->code_n;
		struct ui_elem *slot = add_elem(b, UI_ROLE_PANEL, r);
		slot->bg = filled ? C_SELECTED : C_SURFACE;
		slot->border = filled ? C_PRIMARY : C_CONTROL_EDGE;
		slot->border_w = filled ? mm(b, 1) : mm(b, 0.5);
		slot->radius = mm(b, 3);
		slot->label = filled ? (show ? _(picture_labels[a->code[i]]) : _("filled")) : _("empty");
		if (filled && show) {
			add_image(b, (struct ui_rect){r.x + mm(b, 2), r.y + mm(b, 2), s - mm(b, 4), s - mm(b, 4)},
			          arena_printf(b->arena, "code:%s", guard_picture_name(a->code[i])), NULL);
		} else if (filled) {
			int d = s / 3;
			add_panel(b, (struct ui_rect){r.x + (s - d) / 2, r.y + (s - d) / 2, d, d}, C_PRIMARY, C_PRIMARY, 0, d / 2);
		} else {
			char *n = arena_printf(b->arena, "%d", i + 1);
			int th = text_height(b, n, s, MM_HEADING, true);
			add_text(b, UI_ROLE_TEXT, n, r.x, r.y + (s - th) / 2, s, MM_HEADING, true, C_TEXT_MUTED, C_SURFACE,
			         ALIGN_CENTER);
		}
	}
	return s;
}

/* The left column (instructions, slots, message, erase) and the grid. */
static void code_screen(struct ui_app *a, struct build *b, const char *prompt, bool show)
{
	int W = a->cfg.w, H = a->cfg.h, m = mm(b, MM_MARGIN);
	int top = mm(b, MM_HEADER) + mm(b, 8);
	int col_w = mm(b, 130);
	if (col_w > W / 3)
		col_w = W / 3;
	int y = top;
	y += add_text(b, UI_ROLE_HEADING, prompt, m, y, col_w, MM_HEADING, true, C_TEXT, C_BG, ALIGN_START);
	y += mm(b, 6);
	y += code_slots(a, b, m, y, col_w, show) + mm(b, 6);
	if (a->code_msg[0]) {
		int ic = mm(b, 10);
		struct ui_elem *icon = add_elem(b, UI_ROLE_IMAGE, (struct ui_rect){m, y, ic, ic});
		icon->image = "icon:warning";
		icon->tint_image = true;
		icon->fg = C_NOTICE;
		icon->image_rect = icon->rect;
		y += add_text(b, UI_ROLE_TEXT, a->code_msg, m + ic + mm(b, 3), y, col_w - ic - mm(b, 3), MM_TEXT, false,
		              C_NOTICE, C_BG, ALIGN_START) + mm(b, 6);
	}
	int bh = mm(b, MM_MAIN_BUTTON);
	int by = H - m - bh;
	if (y > by - mm(b, 4))
		by = y;
	add_button(b, (struct ui_rect){m, by, button_width(b, _("Erase"), true, 50), bh}, _("Erase"), "icon:backspace",
	           a->code_n > 0 ? BUTTON_SECONDARY : BUTTON_DISABLED, A_CODE_ERASE, 0);
	int gx = m + col_w + mm(b, 10);
	picture_grid(a, b, gx, top, W - m - gx, H - m - top);
}

void screen_code(struct ui_app *a, struct build *b)
{
	add_header(b, a->cfg.w, arena_printf(b->arena, _("Hello %s"), a->me.name), app_avatar_key(b, a->me.avatar));
	add_button(b, top_right_rect(b, a->cfg.w, _("Back")), _("Back"), "icon:back", BUTTON_QUIET, A_CODE_BACK, 0);
	code_screen(a, b, _("Tap your 3 pictures."), false);
}

void screen_new_code(struct ui_app *a, struct build *b)
{
	bool sv = a->flow == FLOW_SV_CODE || a->flow == FLOW_SV_ADD;
	const char *who = a->flow == FLOW_SV_CODE ? a->sv.name : a->name;
	add_header(b, a->cfg.w, sv ? _("Supervisor") : _("New on Leerplek"), NULL);
	add_button(b, top_right_rect(b, a->cfg.w, _("Back")), _("Back"), "icon:back", BUTTON_QUIET, A_BACK, 0);
	const char *prompt;
	if (a->code_repeat)
		prompt = _("Tap the same 3 pictures again.");
	else if (sv)
		prompt = arena_printf(b->arena, _("Choose a secret code for %s: tap 3 pictures."), who);
	else
		prompt = _("Choose your secret code: tap 3 pictures. Remember them well.");
	code_screen(a, b, prompt, !a->code_repeat);
}

void screen_locked(struct ui_app *a, struct build *b)
{
	int W = a->cfg.w, m = mm(b, MM_MARGIN);
	add_header(b, a->cfg.w, arena_printf(b->arena, _("Hello %s"), a->me.name), app_avatar_key(b, a->me.avatar));
	int w = W - 2 * m > mm(b, 300) ? mm(b, 300) : W - 2 * m;
	int x = (W - w) / 2, y = mm(b, MM_HEADER) + mm(b, 20);
	int ic = mm(b, 24);
	struct ui_elem *icon = add_elem(b, UI_ROLE_IMAGE, (struct ui_rect){(W - ic) / 2, y, ic, ic});
	icon->bg = C_NOTICE;
	icon->radius = ic / 2;
	icon->image = "icon:lock";
	icon->tint_image = true;
	icon->fg = C_ON_PRIMARY;
	icon->image_rect = (struct ui_rect){icon->rect.x + ic / 5, y + ic / 5, ic * 3 / 5, ic * 3 / 5};
	y += ic + mm(b, 8);
	y += add_text(b, UI_ROLE_HEADING, _("Your profile is locked."), x, y, w, MM_TITLE, true, C_TEXT, C_BG,
	              ALIGN_CENTER);
	y += mm(b, 4);
	y += add_text(b, UI_ROLE_TEXT,
	              _("The code was wrong 5 times. Ask your supervisor to open your profile again. Your work is safe."), x,
	              y, w, MM_TEXT, false, C_TEXT, C_BG, ALIGN_CENTER);
	y += mm(b, 12);
	int bw = button_width(b, _("Back to the start"), true, 90), bh = mm(b, MM_MAIN_BUTTON + 2);
	add_button(b, (struct ui_rect){(W - bw) / 2, y, bw, bh}, _("Back to the start"), "icon:home", BUTTON_PRIMARY,
	           A_CODE_BACK, 0);
}
