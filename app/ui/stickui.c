/* The USB stick and the organisation on screen.
 *
 * The stick's strip: while a stick syncs and after, a calm strip at the
 * bottom of the start screen and of the supervisor's list says what
 * happens, what came of it in plain words, when the stick can be taken
 * out, and what to do about a problem. Those screens are laid out in the
 * height above it (app.c), so the strip covers no button and takes no
 * focus. Screens where a learner works (signing in, lessons) do not show
 * it: the sync goes on behind them and the result waits on the start
 * screen. A finished strip goes away when the stick is taken out or
 * "OK" is tapped.
 *
 * The organisation (supervisor mode, from Settings): whether this terminal
 * has one, make a new one (its code shown large, in groups, to write
 * down), or join one by typing its code on a pad of the 32 characters a
 * code uses. The key is derived and kept by core/sync_org.c; the code is
 * kept beside it ("org_code") so a supervisor can read it again here for
 * the next terminal; it is worth no more than the key next to it. */
#include "app_internal.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#define STRIP_TEXT_MM 250.0 /* at most about 60 characters a line (UX.md) */

void ui_app_stick(struct ui_app *a, const struct ui_stick *st)
{
	bool news = st->state == UI_STICK_DONE && a->stick.state != UI_STICK_DONE && st->received > 0;
	a->stick = *st;
	a->dirty = true;
	/* New learners or an erasure from the stick: the lists show them. */
	if (news && (a->screen == SCREEN_START || a->screen == SCREEN_SV_HOME))
		app_load_learners(a);
}

bool ui_app_stick_wanted(struct ui_app *a)
{
	bool w = a->stick_wanted;
	a->stick_wanted = false;
	return w;
}

/* ---- the strip ---- */

static bool strip_here(const struct ui_app *a)
{
	return a->stick.state != UI_STICK_NONE && (a->screen == SCREEN_START || a->screen == SCREEN_SV_HOME);
}

/* What the strip says: a first line in bold, then the details. */
static void strip_texts(struct ui_app *a, struct build *b, const char **head, const char **detail, bool *problem)
{
	const struct ui_stick *s = &a->stick;
	*problem = false;
	*detail = NULL;
	switch (s->state) {
	case UI_STICK_NONE:
		*head = "";
		break;
	case UI_STICK_SYNCING: {
		*head = _("Stick found. Updating…");
		const char *what = s->phase == SYNC_READING ? (s->total > 0 ? arena_printf(b->arena, _("Reading from the stick: %d of %d."), s->done, s->total)
		                                                            : _("Reading from the stick."))
		                 : s->phase == SYNC_WRITING ? _("Writing to the stick.")
		                 : s->phase == SYNC_TIDYING ? _("Tidying up the stick.")
		                                            : _("Looking at what is on the stick.");
		*detail = arena_printf(b->arena, "%s %s", what, _("Do not take the stick out yet."));
		break;
	}
	case UI_STICK_DONE:
		if (s->rejected_foreign > 0 && s->bundles_read == 0 && s->received == 0 && s->sent == 0) {
			*problem = true;
			*head = _("This stick belongs to another organisation.");
			*detail = arena_printf(b->arena, "%s\n%s", _("Nothing was taken from it. Use a stick of your own organisation."),
			                       _("You can take the stick out now."));
			break;
		}
		*head = _("Done. You can take the stick out now.");
		{
			const char *sum = s->received == 0 && s->sent == 0
				? _("Everything was up to date already.")
				: arena_printf(b->arena, dngettext("leerplek", "%d new result received, %d sent.",
				                                   "%d new results received, %d sent.", (unsigned long)s->received),
				               s->received, s->sent);
			if (s->rejected > 0) {
				*problem = true;
				sum = arena_printf(b->arena, "%s %s", sum,
				                   arena_printf(b->arena,
				                                dngettext("leerplek",
				                                          "%d file on the stick was not used: it is damaged, not complete "
				                                          "or from another organisation. Nothing is lost here.",
				                                          "%d files on the stick were not used: they are damaged, not "
				                                          "complete or from another organisation. Nothing is lost here.",
				                                          (unsigned long)s->rejected),
				                                s->rejected));
			}
			if (!s->complete && s->message[0]) {
				*problem = true;
				sum = arena_printf(b->arena, "%s %s %s", sum,
				                   arena_printf(b->arena, _("Not everything is up to date yet: %s."), s->message),
				                   _("Put the stick in once more."));
			}
			*detail = sum;
		}
		break;
	case UI_STICK_NO_ORG:
		*problem = true;
		*head = _("This terminal does not belong to an organisation yet. A supervisor sets that up.");
		*detail = arena_printf(b->arena, "%s\n%s", _("Supervisor: Settings, then Organisation."),
		                       _("You can take the stick out now."));
		break;
	case UI_STICK_FAILED:
		*problem = true;
		*head = _("The stick could not be updated. Nothing is lost.");
		*detail = arena_printf(b->arena, "%s%s%s",
		                       s->message[0] ? arena_printf(b->arena, _("The reason: %s."), s->message) : "",
		                       s->message[0] ? "\n" : "",
		                       _("You can take the stick out. Try again later, or ask the person who looks after "
		                         "the terminals."));
		break;
	case UI_STICK_PULLED:
		*problem = true;
		*head = _("The stick was taken out before it was done. Nothing is lost. Put it back in.");
		break;
	case UI_STICK_ABSENT:
		*problem = true;
		*head = _("There is no stick in this terminal.");
		*detail = _("Put in a USB stick: one with a LEERPLEK folder, or an empty one.");
		break;
	}
}

static int text_w(struct ui_app *a, struct build *b, bool closable)
{
	int m = mm(b, MM_MARGIN), W = a->cfg.w;
	int w = W - 2 * m - mm(b, 18) - (closable ? button_width(b, _("OK"), true, 40) + mm(b, 8) : 0);
	return w > mm(b, STRIP_TEXT_MM) ? mm(b, STRIP_TEXT_MM) : w;
}

int stick_strip_height(struct ui_app *a, struct build *b)
{
	if (!strip_here(a))
		return 0;
	const char *head, *detail;
	bool problem, closable = a->stick.state != UI_STICK_SYNCING;
	strip_texts(a, b, &head, &detail, &problem);
	int tw = text_w(a, b, closable), pad = mm(b, 5);
	int h = text_height(b, head, tw, MM_TEXT, true);
	if (detail && detail[0])
		h += text_height(b, detail, tw, MM_TEXT, false);
	if (a->stick.state == UI_STICK_SYNCING)
		h += mm(b, 9);
	h += 2 * pad;
	return h < mm(b, MM_MAIN_BUTTON) + 2 * pad ? mm(b, MM_MAIN_BUTTON) + 2 * pad : h;
}

void stick_strip(struct ui_app *a, struct build *b, int y)
{
	const char *head, *detail;
	bool problem, syncing = a->stick.state == UI_STICK_SYNCING;
	strip_texts(a, b, &head, &detail, &problem);
	int W = a->cfg.w, m = mm(b, MM_MARGIN), pad = mm(b, 5), h = a->cfg.h - y;
	struct ui_color bg = problem ? C_NOTICE_BG : C_SURFACE, edge = problem ? C_NOTICE : C_PRIMARY;
	struct ui_elem *p = add_elem(b, UI_ROLE_NOTICE, (struct ui_rect){0, y, W, h});
	p->bg = bg;
	p->border = bg;
	p->label = head;
	add_panel(b, (struct ui_rect){0, y, W, mm(b, 1)}, edge, edge, 0, 0);
	int ic = mm(b, 12);
	struct ui_elem *icon = add_elem(b, UI_ROLE_IMAGE, (struct ui_rect){m, y + pad, ic, ic});
	icon->image = problem ? "icon:warning" : syncing ? "icon:stick" : "icon:check";
	icon->tint_image = true;
	icon->fg = edge;
	icon->image_rect = icon->rect;
	int tx = m + mm(b, 18), tw = text_w(a, b, !syncing), ty = y + pad;
	ty += add_text(b, UI_ROLE_TEXT, head, tx, ty, tw, MM_TEXT, true, C_TEXT, bg, ALIGN_START);
	if (detail && detail[0])
		ty += add_text(b, UI_ROLE_TEXT, detail, tx, ty, tw, MM_TEXT, false, C_TEXT, bg, ALIGN_START);
	if (syncing) {
		const struct ui_stick *s = &a->stick;
		/* Four phases; reading moves on bundle by bundle. */
		int step = s->phase == SYNC_LOOKING ? 0 : s->phase == SYNC_READING ? 1 : s->phase == SYNC_WRITING ? 2 : 3;
		int done = step * 100 + (s->phase == SYNC_READING && s->total > 0 ? s->done * 100 / s->total : 0);
		add_progress(b, (struct ui_rect){tx, ty + mm(b, 2), tw, mm(b, 5)}, done, 400, head);
	} else {
		/* "OK", not "Close": the supervisor's list has a Close of its own. */
		const char *close = _("OK");
		int bw = button_width(b, close, true, 40), bh = mm(b, MM_MAIN_BUTTON);
		add_button(b, (struct ui_rect){W - m - bw, y + (h - bh) / 2, bw, bh}, close, "icon:check", BUTTON_SECONDARY,
		           A_STICK_CLOSE, 0);
	}
}

/* ---- the organisation ---- */

static bool has_org(struct ui_app *a)
{
	uint8_t key[SYNC_KEY_BYTES];
	bool ok = sync_org_load(a->cfg.store, key);
	sodium_memzero(key, sizeof key);
	return ok;
}

/* A code with a dash after every group of four, as it is written down. */
static char *grouped(struct build *b, const char *chars)
{
	char out[ORG_CODE_CHARS * 2 + 2];
	int n = 0;
	for (int i = 0; chars[i] && n < (int)sizeof out - 2; i++) {
		if (i && i % 4 == 0)
			out[n++] = '-';
		out[n++] = chars[i];
	}
	out[n] = 0;
	return arena_strdup(b->arena, out);
}

static bool save_org(struct ui_app *a, const char *code)
{
	uint8_t key[SYNC_KEY_BYTES];
	bool ok = sync_org_key(code, key) && sync_org_save(a->cfg.store, key) &&
	          store_setting_set_text(a->cfg.store, "org_code", code);
	sodium_memzero(key, sizeof key);
	return ok;
}

static void org_new(struct ui_app *a)
{
	char code[SYNC_CODE_MAX];
	if (!sync_org_code_new(code) || !save_org(a, code)) {
		app_store_failed(a, _("The new organisation could not be saved."));
		a->org_mode = ORG_VIEW;
		return;
	}
	snprintf(a->org_code, sizeof a->org_code, "%s", code);
	a->org_mode = ORG_NEW_CODE;
}

static void org_join(struct ui_app *a)
{
	int n;
	char bad, code[SYNC_CODE_MAX];
	switch (org_code_check(a->org_typed, &n, &bad)) {
	case ORG_CODE_OK:
		break;
	case ORG_CODE_EMPTY:
		return;
	case ORG_CODE_BAD_CHAR: /* not from the pad; a physical keyboard drops them */
	case ORG_CODE_TOO_SHORT:
	case ORG_CODE_TOO_LONG:
		snprintf(a->org_msg, sizeof a->org_msg,
		         dngettext("leerplek", "This is not a whole code: a code has 21 characters, and you typed %d.",
		                   "This is not a whole code: a code has 21 characters, and you typed %d.", (unsigned long)n),
		         n);
		return;
	case ORG_CODE_TYPO:
		snprintf(a->org_msg, sizeof a->org_msg, "%s",
		         _("There is a typing mistake in this code. Check each character against the code on paper."));
		return;
	}
	if (!sync_org_code_parse(a->org_typed, code) || !save_org(a, code)) {
		app_store_failed(a, _("The organisation could not be saved."));
		return;
	}
	a->org_mode = ORG_VIEW;
	a->org_typed[0] = a->org_msg[0] = 0;
	app_set_info(a, _("This terminal now belongs to the organisation. Put a stick in to share results."));
}

static void org_type(struct ui_app *a, char c)
{
	size_t n = strlen(a->org_typed);
	c = org_code_char(c);
	if (c && n < ORG_CODE_CHARS) {
		a->org_typed[n] = c;
		a->org_typed[n + 1] = 0;
		a->org_msg[0] = 0;
	}
}

void org_text(struct ui_app *a, const char *utf8)
{
	if (a->org_mode != ORG_JOIN)
		return;
	for (const char *p = utf8; *p; p++)
		org_type(a, *p);
	a->dirty = true;
}

bool org_key(struct ui_app *a, enum ui_key key)
{
	if (a->org_mode != ORG_JOIN || (key != UI_KEY_BACKSPACE && key != UI_KEY_RETURN))
		return false;
	act_stick(a, key == UI_KEY_RETURN ? A_ORG_JOIN_OK : A_ORG_KEY, -1);
	return true;
}

static const char pad_keys[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

void act_stick(struct ui_app *a, int action, int arg)
{
	a->dirty = true;
	if (action == A_STICK_CLOSE) {
		a->stick.state = UI_STICK_NONE;
		return;
	}
	if (!a->supervisor)
		return;
	switch (action) {
	case A_STICK_SYNC:
		/* The list shows the strip; the platform takes the request. */
		a->stick_wanted = true;
		a->stick = (struct ui_stick){.state = UI_STICK_SYNCING, .phase = SYNC_LOOKING};
		app_load_learners(a);
		a->screen = SCREEN_SV_HOME;
		break;
	case A_SV_ORG:
		a->org_mode = ORG_VIEW;
		a->org_code[0] = a->org_typed[0] = a->org_msg[0] = 0;
		a->screen = SCREEN_SV_ORG;
		break;
	case A_ORG_NEW:
		if (has_org(a))
			a->org_mode = ORG_CONFIRM_NEW;
		else
			org_new(a);
		break;
	case A_ORG_NEW_YES:
		org_new(a);
		break;
	case A_ORG_NEW_NO:
		a->org_mode = ORG_VIEW;
		break;
	case A_ORG_JOIN:
		a->org_typed[0] = a->org_msg[0] = 0;
		a->org_mode = ORG_JOIN;
		break;
	case A_ORG_KEY: {
		size_t n = strlen(a->org_typed);
		if (arg < 0 && n > 0)
			a->org_typed[n - 1] = 0;
		else if (arg >= 0 && arg < (int)sizeof pad_keys - 1)
			org_type(a, pad_keys[arg]);
		if (arg < 0)
			a->org_msg[0] = 0;
		break;
	}
	case A_ORG_JOIN_OK:
		org_join(a);
		break;
	case A_ORG_BACK:
		if (a->org_mode == ORG_VIEW) {
			a->screen = SCREEN_SV_SETTINGS;
		} else {
			a->org_mode = ORG_VIEW;
			a->org_code[0] = 0;
		}
		break;
	}
}

static void confirm_dialog(struct ui_app *a, struct build *b)
{
	add_question(b, a->cfg.w, a->cfg.h, _("Make a new organisation?"),
	             _("This terminal already belongs to an organisation. With a new one, it no longer shares "
	               "results with the other terminals until they get the new code too."),
	             C_NOTICE, _("No, keep it"), A_ORG_NEW_NO, _("Yes, a new one"), "icon:plus", A_ORG_NEW_YES);
}

/* The code large, in groups of four, on a white card. */
static int code_card(struct build *b, const char *code, int x, int y, int w)
{
	int pad = mm(b, 6);
	int th = text_height(b, code, w - 2 * pad, MM_TITLE * 1.2, true);
	add_panel(b, (struct ui_rect){x, y, w, th + 2 * pad}, C_SURFACE, C_PRIMARY, mm(b, 0.75), mm(b, MM_RADIUS));
	struct ui_elem *e = &b->dl->v[b->dl->n - 1];
	e->label = code;
	add_text(b, UI_ROLE_TEXT, code, x + pad, y + pad, w - 2 * pad, MM_TITLE * 1.2, true, C_TEXT, C_SURFACE,
	         ALIGN_CENTER);
	return th + 2 * pad;
}

static void org_view(struct ui_app *a, struct build *b, int y, int tw)
{
	int W = a->cfg.w, H = a->cfg.h, m = mm(b, MM_MARGIN), bh = mm(b, MM_MAIN_BUTTON + 2), gap = mm(b, 6);
	bool have = has_org(a);
	char code[SYNC_CODE_MAX] = "";
	if (have)
		store_setting_text(a->cfg.store, "org_code", code, sizeof code);
	if (have) {
		y += add_text(b, UI_ROLE_TEXT,
		              _("This terminal belongs to an organisation. Terminals with the same code share their results "
		                "through the USB stick."),
		              m, y, tw, MM_TEXT, false, C_TEXT, C_BG, ALIGN_START);
		if (code[0]) {
			y += mm(b, 4);
			y += add_text(b, UI_ROLE_TEXT, _("The code of the organisation:"), m, y, tw, MM_TEXT, true, C_TEXT, C_BG,
			              ALIGN_START);
			y += mm(b, 2);
			int cw = mm(b, 330) < W - 2 * m ? mm(b, 330) : W - 2 * m;
			y += code_card(b, arena_strdup(b->arena, code), m, y, cw);
		}
	} else {
		y += add_text(b, UI_ROLE_TEXT,
		              _("This terminal does not belong to an organisation yet. Make a new organisation on the first "
		                "terminal; then type its code on every other terminal."),
		              m, y, tw, MM_TEXT, false, C_TEXT, C_BG, ALIGN_START);
	}
	const char *make = _("Make a new organisation"), *join = _("Type a code");
	int w1 = button_width(b, make, true, 80), w2 = button_width(b, join, true, 70);
	int by = H - m - bh;
	if (by < y + mm(b, 8))
		by = y + mm(b, 8);
	add_button(b, (struct ui_rect){m, by, w1, bh}, make, "icon:plus", have ? BUTTON_SECONDARY : BUTTON_PRIMARY,
	           A_ORG_NEW, 0);
	add_button(b, (struct ui_rect){m + w1 + gap, by, w2, bh}, join, "icon:key", have ? BUTTON_SECONDARY : BUTTON_PRIMARY,
	           A_ORG_JOIN, 0);
}

static void org_new_code(struct ui_app *a, struct build *b, int y, int tw)
{
	int W = a->cfg.w, H = a->cfg.h, m = mm(b, MM_MARGIN);
	y += add_text(b, UI_ROLE_TEXT, _("This is the code of your new organisation. Write it down and keep it safe."), m,
	              y, tw, MM_TEXT, true, C_TEXT, C_BG, ALIGN_START);
	y += mm(b, 4);
	int cw = mm(b, 330) < W - 2 * m ? mm(b, 330) : W - 2 * m;
	y += code_card(b, a->org_code, m, y, cw);
	y += mm(b, 6);
	add_text(b, UI_ROLE_TEXT,
	         _("On every other terminal of your organisation, type it in: Settings, Organisation, Type a code. "
	           "Anyone with this code can read the results on a stick."),
	         m, y, tw, MM_TEXT, false, C_TEXT, C_BG, ALIGN_START);
	const char *done = _("I wrote it down");
	int bw = button_width(b, done, true, 80), bh = mm(b, MM_MAIN_BUTTON + 2);
	add_button(b, (struct ui_rect){W - m - bw, H - m - bh, bw, bh}, done, "icon:check", BUTTON_PRIMARY, A_ORG_BACK, 0);
}

static void org_join_screen(struct ui_app *a, struct build *b, int y, int tw)
{
	int W = a->cfg.w, H = a->cfg.h, m = mm(b, MM_MARGIN);
	int kw = mm(b, 26), kh = mm(b, 20), gap = mm(b, 3), cols = 11;
	int pad_w = cols * kw + (cols - 1) * gap;
	if (pad_w > W - 2 * m) {
		kw = (W - 2 * m - (cols - 1) * gap) / cols;
		pad_w = cols * kw + (cols - 1) * gap;
	}
	int x0 = (W - pad_w) / 2;
	y += add_text(b, UI_ROLE_TEXT, _("Type the code of your organisation. Dashes are added for you."), x0, y, tw,
	              MM_TEXT, true, C_TEXT, C_BG, ALIGN_START);
	y += mm(b, 3);
	y += app_text_field(b, _("Code"), grouped(b, a->org_typed), x0, y, pad_w);
	y += mm(b, 2);
	const char *msg = a->org_msg[0] ? a->org_msg
	                                : arena_printf(b->arena, _("%d of 21 characters."), (int)strlen(a->org_typed));
	y += add_text(b, UI_ROLE_TEXT, msg, x0, y, pad_w, MM_TEXT, false, a->org_msg[0] ? C_NOTICE : C_TEXT_MUTED, C_BG,
	              ALIGN_START);
	y += mm(b, 3);
	/* 0-9 and erase, then the 22 letters a code uses, 11 a row. */
	bool full = strlen(a->org_typed) >= ORG_CODE_CHARS;
	for (int i = 0; i < 33; i++) {
		struct ui_rect r = {x0 + (i % cols) * (kw + gap), y + (i / cols) * (kh + gap), kw, kh};
		struct ui_elem *k;
		if (i == 10) {
			k = add_icon_button(b, r, _("Erase"), "icon:backspace", a->org_typed[0] ? BUTTON_SECONDARY : BUTTON_DISABLED,
			                    A_ORG_KEY, -1);
		} else {
			int key = i < 10 ? i : i - 1;
			k = add_button(b, r, arena_printf(b->arena, "%c", pad_keys[key]), NULL,
			               full ? BUTTON_DISABLED : BUTTON_SECONDARY, A_ORG_KEY, key);
		}
		k->role = UI_ROLE_KEY;
	}
	const char *ok = _("Join");
	int bw = button_width(b, ok, true, 80), bh = mm(b, MM_MAIN_BUTTON + 2);
	add_button(b, (struct ui_rect){W - m - bw, H - m - bh, bw, bh}, ok, "icon:check",
	           full ? BUTTON_PRIMARY : BUTTON_DISABLED, A_ORG_JOIN_OK, 0);
}

void screen_sv_org(struct ui_app *a, struct build *b)
{
	int W = a->cfg.w, m = mm(b, MM_MARGIN);
	add_header(b, W, _("Supervisor"), NULL);
	add_button(b, top_right_rect(b, W, _("Back")), _("Back"), "icon:back", BUTTON_QUIET, A_ORG_BACK, 0);
	int y = mm(b, MM_HEADER) + mm(b, 8), tw = W - 2 * m < mm(b, 240) ? W - 2 * m : mm(b, 240);
	y += add_text(b, UI_ROLE_HEADING, _("Organisation"), m, y, tw, MM_HEADING, true, C_TEXT, C_BG, ALIGN_START);
	y += mm(b, 4);
	switch (a->org_mode) {
	case ORG_VIEW:
	case ORG_CONFIRM_NEW:
		org_view(a, b, y, tw);
		if (a->org_mode == ORG_CONFIRM_NEW)
			confirm_dialog(a, b);
		break;
	case ORG_NEW_CODE:
		org_new_code(a, b, y, tw);
		break;
	case ORG_JOIN:
		org_join_screen(a, b, y, tw);
		break;
	}
}
