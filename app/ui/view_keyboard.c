/* View of the `keyboard` step: a field that shows what is typed, with a
 * cursor, and the large on-screen keyboard (keyboard.h) under it; a
 * physical keyboard works too. At the top of the hint ladder the answer
 * stands above the field, and the learner types it themselves. Once
 * answered the keyboard goes away and the field shows right or wrong.
 *
 * The keyboard's keys arrive in tap() with the keyboard's own arguments;
 * this view adds no other tappable element. */
#include "../core/step_keyboard.h"
#include "keyboard.h"
#include "player.h"

#include <libintl.h>
#include <stdio.h>
#include <string.h>

#define _(s) dgettext("leerplek", s)

#define FIELD_H 20.0
#define KEYBOARD_H (4 * 21.0 + 3 * 3.0) /* keyboard.c: four rows of 21 mm keys, 3 mm apart */

/* Index of the language the learner sees t in. */
static int shown_lang(const struct player *pl, const struct lesson_text *t)
{
	const char *s = player_text(pl, t);
	for (int i = 0; i < pl->lesson->n_langs; i++)
		if (t->s[i] == s)
			return i;
	return 0;
}

static bool blank(const char *s)
{
	return s[strspn(s, " ")] == 0;
}

/* The end of s that fits in w pixels, with "…" before it when cut. */
static const char *tail_that_fits(struct build *b, const char *s, int w, int px)
{
	const struct ui_text_metrics *m = b->metrics;
	size_t n = strlen(s);
	if (m->width(m->ud, s, n, px, false) <= w)
		return s;
	const char *t = s;
	while (*t) {
		t++;
		while (((unsigned char)*t & 0xC0) == 0x80)
			t++;
		char *shown = arena_printf(b->arena, "…%s", t);
		if (m->width(m->ud, shown, strlen(shown), px, false) <= w)
			return shown;
	}
	return "";
}

/* A round mark with a check or a cross, so right and wrong are not told
 * by colour alone. */
static void mark(struct build *b, int x, int y, int d, bool right)
{
	struct ui_elem *e = add_elem(b, UI_ROLE_IMAGE, (struct ui_rect){x, y, d, d});
	e->bg = right ? C_RIGHT : C_WRONG;
	e->radius = d / 2;
	e->image = right ? "icon:check" : "icon:cross";
	e->tint_image = true;
	e->fg = C_ON_PRIMARY;
	e->image_rect = (struct ui_rect){x + d / 5, y + d / 5, d * 3 / 5, d * 3 / 5};
}

/* Every sign in the answers (in the language on show), so the digit layer
 * of the keyboard offers them first. */
static const char *collect_signs(const struct player *pl, char *out, size_t cap)
{
	const struct lesson_step *st = player_step(pl);
	snprintf(out, cap, "%s", player_text(pl, step_keyboard_answer(st)));
	for (int i = 0; i < step_keyboard_accepts(st); i++)
		snprintf(out + strlen(out), cap - strlen(out), "%s", player_text(pl, step_keyboard_accept(st, i)));
	return out;
}

static const char *answer_signs(const struct player *pl, struct arena *a)
{
	char *buf = arena_alloc(a, 256);
	return collect_signs(pl, buf, 256);
}

static void layout(struct player *pl, struct build *b, struct ui_rect area)
{
	const struct lesson_step *st = player_step(pl);
	int kb_w = keyboard_width(b), kb_h = mm(b, KEYBOARD_H);
	int cx = area.x + area.w / 2, fx = cx - kb_w / 2, fw = kb_w;
	int y = area.y;
	bool show = pl->hints >= 3 && !pl->answered;
	/* The area ends 8 mm above the bottom bar; the keyboard may use 5 of
	 * them and still keep the 3 mm between targets. */
	int room = area.h + mm(b, 5);
	int field_h = mm(b, FIELD_H), gap = mm(b, 6), pad = mm(b, 5);
	double text_mm = MM_HEADING;
	const char *ans = show ? player_text(pl, step_keyboard_answer(st)) : NULL;
	char *line = show ? arena_printf(b->arena, _("Type this: %s"), ans) : NULL;
	int line_h = show ? text_height(b, line, kb_w, MM_TEXT, true) + mm(b, 2) : 0;
	/* When it is tight (a long question and the hint banner at 1080p),
	 * in this order: less gap, the answer beside the field rather than
	 * above it, a lower field. */
	if (line_h + field_h + gap + kb_h > room)
		gap = mm(b, 3);
	int chip_w = 0;
	if (show && line_h + field_h + gap + kb_h > room) {
		int aw = b->metrics->width(b->metrics->ud, ans, strlen(ans), mm(b, MM_TEXT), true) + 2 * mm(b, 4);
		int typed_room = b->metrics->width(b->metrics->ud, ans, strlen(ans), mm(b, text_mm), false) * 5 / 4 +
		                 2 * pad + mm(b, 3);
		if (aw + mm(b, 4) + typed_room <= kb_w) {
			chip_w = aw;
			line_h = 0;
		}
	}
	if (line_h + field_h + gap + kb_h > room) {
		field_h = mm(b, FIELD_H - 4);
		text_mm = MM_TEXT + 1;
	}
	if (chip_w) {
		int th = text_height(b, ans, chip_w, MM_TEXT, true);
		struct ui_elem *chip = add_elem(b, UI_ROLE_NOTICE, (struct ui_rect){fx, y, chip_w, field_h});
		chip->label = line;
		chip->bg = C_RIGHT_BG;
		chip->border = C_RIGHT;
		chip->border_w = mm(b, 0.5);
		chip->radius = mm(b, 3);
		add_text(b, UI_ROLE_TEXT, ans, fx, y + (field_h - th) / 2, chip_w, MM_TEXT, true, C_TEXT, C_RIGHT_BG,
		         ALIGN_CENTER);
		fx += chip_w + mm(b, 4);
		fw -= chip_w + mm(b, 4);
	} else if (show) {
		add_text(b, UI_ROLE_TEXT, line, fx, y, kb_w, MM_TEXT, true, C_TEXT, C_BG, ALIGN_START);
		y += line_h;
	}
	struct ui_color bg = C_SURFACE, edge = C_PRIMARY;
	if (pl->answered) {
		bg = pl->right ? C_RIGHT_BG : C_WRONG_BG;
		edge = pl->right ? C_RIGHT : C_WRONG;
	}
	struct ui_elem *f = add_elem(b, UI_ROLE_FIELD, (struct ui_rect){fx, y, fw, field_h});
	f->label = _("Your answer");
	f->bg = bg;
	f->border = edge;
	f->border_w = mm(b, pl->answered ? 1 : 0.75);
	f->radius = mm(b, 3);
	int px = mm(b, text_mm), th = px * 3 / 2, ty = y + (field_h - th) / 2, ic = mm(b, 11);
	int inner = fw - 2 * pad - (pl->answered ? ic + mm(b, 3) : mm(b, 3)); /* room for the cursor or the mark */
	int typed_w = 0;
	if (pl->typed[0]) {
		const char *shown = tail_that_fits(b, arena_strdup(b->arena, pl->typed), inner, px);
		add_text(b, UI_ROLE_TEXT, shown, fx + pad, ty, inner, text_mm, false, C_TEXT, bg, ALIGN_START);
		const struct ui_elem *t = &b->dl->v[b->dl->n - 1];
		typed_w = t->n_lines ? t->lines[0].w : 0;
	}
	if (pl->answered) {
		mark(b, fx + fw - pad - ic, y + (field_h - ic) / 2, ic, pl->right);
		return;
	}
	/* The cursor: a bar after the last letter, as on the name screen. */
	int cur = mm(b, 2) * field_h / mm(b, FIELD_H);
	add_panel(b, (struct ui_rect){fx + pad + typed_w + mm(b, 1), ty + cur, mm(b, 0.75), th - 2 * cur}, C_PRIMARY,
	          C_PRIMARY, 0, 0);
	y += field_h + gap;
	add_keyboard_layers(b, cx, y, pl->shift, pl->n_aux > 0, answer_signs(pl, b->arena), PLAYER_A_VIEW);
}

static void tap(struct player *pl, int arg)
{
	/* pl->n_aux > 0: the digit layer shows */
	bool digits = pl->n_aux > 0;
	char signs[256];
	keyboard_press_layers(pl->typed, sizeof pl->typed, &pl->shift, &digits, collect_signs(pl, signs, sizeof signs), arg);
	pl->n_aux = digits;
}

static bool response(const struct player *pl, struct step_response *r)
{
	r->n = 1;
	r->v[0] = shown_lang(pl, step_keyboard_answer(player_step(pl)));
	snprintf(r->text, sizeof r->text, "%s", pl->typed);
	return !blank(pl->typed);
}

/* A physical keyboard: letters as typed, Backspace erases, Return checks. */
static void input(struct player *pl, const struct ui_event *ev)
{
	if (ev->type == UI_EV_TEXT) {
		for (size_t i = 0; ev->text[i];) {
			uint32_t cp;
			int len = util_utf8_decode(ev->text + i, strlen(ev->text + i), &cp);
			char one[5] = {0};
			memcpy(one, ev->text + i, (size_t)len);
			if (cp >= 0x20 && cp != 0x7F && cp != 0xFFFD)
				keyboard_type(pl->typed, sizeof pl->typed, &pl->shift, one);
			i += (size_t)len;
		}
	} else if (ev->type == UI_EV_KEY && ev->key == UI_KEY_BACKSPACE) {
		keyboard_press(pl->typed, sizeof pl->typed, &pl->shift, KEYBOARD_ERASE);
	} else if (ev->type == UI_EV_KEY && ev->key == UI_KEY_RETURN && !blank(pl->typed)) {
		pl->submit = true;
	}
}

const struct step_view view_keyboard = {
	.layout = layout, .tap = tap, .response = response, .input = input, .check_button = true,
};
