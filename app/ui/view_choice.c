/* View of `choice` and `truefalse`: answers as large buttons, stacked,
 * with the step's picture beside them (or above them on a narrow area).
 * Single choice answers on the tap; multiple choice toggles and waits for
 * Check. At the top of the hint ladder the right answers are marked so the
 * learner can then choose them. truefalse is a choice between "True" and
 * "Not true" (its answers are made by the parser). */
#include "player.h"

#include <libintl.h>
#include <string.h>

#define _(s) dgettext("leerplek", s)

static bool chosen(const struct player *pl, int i)
{
	for (int k = 0; k < pl->n_sel; k++)
		if (pl->sel[k] == i)
			return true;
	return false;
}

static const char *answer_text(const struct player *pl, const struct lesson_step *st, int i)
{
	if (st->type == LESSON_STEP_TRUEFALSE)
		return i == 0 ? _("True") : _("Not true");
	return player_text(pl, &st->answers[i].text);
}

static void layout(struct player *pl, struct build *b, struct ui_rect area)
{
	const struct lesson_step *st = player_step(pl);
	int y = area.y, x0 = area.x, col_w = area.w > mm(b, 280) ? mm(b, 280) : area.w;
	/* The picture: beside the answers where the area leaves them at least
	 * 200 mm (the player widens the area for it where the screen can),
	 * else above them; 4:3 room, which the picture fills in its own shape. */
	struct ui_rect pic = {0};
	int between = mm(b, 12);
	if (st->picture) {
		int room = area.w - between - mm(b, 200);
		if (room >= mm(b, 80)) {
			int most = mm(b, pl->tight ? 80 : 120); /* tight: 60 mm tall, as the rows beside it */
			pic.w = room < most ? room : most;
			if (col_w > area.w - between - pic.w)
				col_w = area.w - between - pic.w;
			pic.x = x0 + col_w + between;
		} else {
			pic.w = mm(b, pl->tight ? 53 : 80);
			if (pic.w > col_w)
				pic.w = col_w;
			pic.x = x0;
		}
		pic.h = pic.w * 3 / 4;
		pic.y = y;
	}
	if (st->multiple) {
		y += add_text(b, UI_ROLE_TEXT, _("More than one answer can be right. Tap all that are right, then tap Check."),
		              x0, y, col_w, MM_TEXT, false, C_TEXT_MUTED, C_BG, ALIGN_START);
		y += mm(b, 3);
	}
	if (st->picture) {
		if (pic.x == x0) { /* above the answers, under the line that says what to do */
			pic.y = y;
			y += pic.h + mm(b, 3);
		}
		add_picture(b, pic, st->picture);
	}
	y += mm(b, pl->tight ? 1 : 3);
	/* Answers are main actions: at least 20 mm tall, also when tight. */
	int gap = mm(b, pl->tight ? 3 : 4), pad = mm(b, 5), vpad = mm(b, pl->tight ? 4 : 5), ic = mm(b, 10);
	int least = mm(b, pl->tight ? 20.5 : MM_MAIN_BUTTON);
	for (int i = 0; i < st->n_answers; i++) {
		const char *t = answer_text(pl, st, i);
		int tw = col_w - 3 * pad - ic;
		int h = text_height(b, t, tw, MM_TEXT, false) + 2 * vpad;
		if (h < least)
			h = least;
		struct ui_rect r = {x0, y, col_w, h};
		struct ui_elem *e = add_elem(b, UI_ROLE_BUTTON, r);
		bool on = chosen(pl, i);
		bool shown = pl->hints >= 3 && st->answers[i].correct && !pl->answered;
		e->label = t;
		e->radius = mm(b, MM_RADIUS);
		e->border_w = mm(b, on || shown ? 1.25 : 0.5);
		e->tappable = !pl->answered;
		e->action = e->tappable ? PLAYER_A_VIEW : 0;
		e->arg = i;
		const char *icon = NULL;
		struct ui_color mark = C_PRIMARY;
		if (pl->answered && on && st->answers[i].correct) {
			e->bg = C_RIGHT_BG, e->border = C_RIGHT, icon = "icon:check", mark = C_RIGHT;
		} else if (pl->answered && on) {
			e->bg = C_WRONG_BG, e->border = C_WRONG, icon = "icon:cross", mark = C_WRONG;
		} else {
			e->bg = is_pressed(b, PLAYER_A_VIEW, i) ? C_PRESSED : on ? C_SELECTED : shown ? C_RIGHT_BG : C_SURFACE;
			e->border = on ? C_PRIMARY : shown ? C_RIGHT : C_CONTROL_EDGE;
			icon = on ? "icon:check" : NULL;
		}
		struct ui_elem *box = add_elem(b, UI_ROLE_PANEL, (struct ui_rect){r.x + pad, r.y + (h - ic) / 2, ic, ic});
		box->bg = icon ? mark : C_SURFACE;
		box->border = icon ? mark : C_CONTROL_EDGE;
		box->border_w = mm(b, 0.75);
		box->radius = st->multiple ? mm(b, 2) : ic / 2;
		if (icon) {
			box->image = icon;
			box->tint_image = true;
			box->fg = C_ON_PRIMARY;
			box->image_rect = (struct ui_rect){box->rect.x + ic / 6, box->rect.y + ic / 6, ic * 2 / 3, ic * 2 / 3};
		}
		int th = text_height(b, t, tw, MM_TEXT, false);
		add_text(b, UI_ROLE_TEXT, t, r.x + 2 * pad + ic, r.y + (h - th) / 2, tw, MM_TEXT, false, C_TEXT, e->bg,
		         ALIGN_START);
		y += h + gap;
	}
}

static void tap(struct player *pl, int arg)
{
	const struct lesson_step *st = player_step(pl);
	if (arg < 0 || arg >= st->n_answers)
		return;
	if (!st->multiple) {
		pl->sel[0] = arg;
		pl->n_sel = 1;
		pl->submit = true;
		return;
	}
	for (int k = 0; k < pl->n_sel; k++)
		if (pl->sel[k] == arg) {
			pl->sel[k] = pl->sel[--pl->n_sel];
			return;
		}
	if (pl->n_sel < STEP_RESPONSE_MAX)
		pl->sel[pl->n_sel++] = arg;
}

static bool response(const struct player *pl, struct step_response *r)
{
	r->n = pl->n_sel;
	memcpy(r->v, pl->sel, sizeof(int) * (size_t)pl->n_sel);
	r->text[0] = 0;
	return pl->n_sel > 0;
}

/* A multiple choice also gets Check: player.c asks the step. The picture
 * goes beside the answers: 12 mm from them, up to 120 mm wide. */
const struct step_view view_choice = {.layout = layout, .tap = tap, .response = response, .aside_mm = 132};
const struct step_view view_truefalse = {.layout = layout, .tap = tap, .response = response, .aside_mm = 132};
