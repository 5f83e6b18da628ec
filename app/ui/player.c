/* The lesson screen around every step: progress, the question, the hint
 * ladder (read again, where to look, the answer shown and then done by the
 * learner), the feedback panel and the way on. What is inside the step is
 * the view's (view_*.c); this file knows no step type but explain. */
#include "player.h"

#include <libintl.h>
#include <stdio.h>
#include <string.h>

#define _(s) dgettext("leerplek", s)

const struct step_view *step_view_of(enum lesson_step_type type)
{
	static const struct step_view *const views[LESSON_STEP_COUNT] = {
		[LESSON_STEP_CHOICE] = &view_choice,     [LESSON_STEP_TRUEFALSE] = &view_truefalse,
		[LESSON_STEP_ORDER] = &view_order,       [LESSON_STEP_MATCH] = &view_match,
		[LESSON_STEP_HOTSPOT] = &view_hotspot,   [LESSON_STEP_BLANKS] = &view_blanks,
		[LESSON_STEP_MARKWORDS] = &view_markwords, [LESSON_STEP_KEYBOARD] = &view_keyboard,
		[LESSON_STEP_GESTURE] = &view_gesture,   [LESSON_STEP_SIM] = &view_sim,
		[LESSON_STEP_SCENARIO] = &view_scenario,
	};
	const struct step_view *v = (unsigned)type < LESSON_STEP_COUNT ? views[type] : NULL;
	return v && v->layout ? v : NULL; /* explain has none */
}

const struct lesson_step *player_step(const struct player *pl)
{
	return &pl->lesson->steps[pl->step];
}

const char *player_text(const struct player *pl, const struct lesson_text *t)
{
	return lesson_str(pl->lesson, t, pl->lang);
}

void player_begin(struct player *pl, int step)
{
	pl->step = step;
	pl->n_sel = 0;
	pl->pick = -1;
	pl->typed[0] = 0;
	pl->answered = pl->right = pl->submit = false;
	pl->hints = 0;
	pl->coach = NULL;
	pl->shift = false;
	pl->n_aux = 0;
	pl->node = 0;
	const struct step_view *v = pl->lesson ? step_view_of(player_step(pl)->type) : NULL;
	if (v && v->begin)
		v->begin(pl);
}

bool player_complete(const struct player *pl)
{
	const struct step_view *v = step_view_of(player_step(pl)->type);
	struct step_response r;
	return v && v->response(pl, &r);
}

static void progress_row(struct player *pl, struct build *b, int W)
{
	const struct lesson *l = pl->lesson;
	int m = mm(b, MM_MARGIN), y = mm(b, MM_HEADER) + mm(b, 5);
	int at = pl->review_len ? pl->review_pos : pl->step, of = pl->review_len ? pl->review_len : l->n_steps;
	char *s = arena_printf(b->arena, pl->review_len ? _("Question %d of %d") : _("Step %d of %d"), at + 1, of);
	int tw = mm(b, 64);
	add_text(b, UI_ROLE_TEXT, s, W - m - tw, y, tw, MM_TEXT, false, C_TEXT, C_BG, ALIGN_START);
	add_progress(b, (struct ui_rect){m, y + mm(b, 4), W - 2 * m - tw - mm(b, 8), mm(b, 5)}, at + 1, of, s);
}

static void layout_explain(struct player *pl, struct build *b, int W, int H)
{
	const struct lesson_step *st = player_step(pl);
	int m = mm(b, MM_MARGIN);
	int y = mm(b, MM_HEADER) + mm(b, 22);
	int bh = mm(b, MM_MAIN_BUTTON + 2);
	int pic_w = st->picture ? mm(b, 160) : 0;
	int text_w = W - 2 * m - (pic_w ? pic_w + mm(b, 16) : 0);
	if (text_w > mm(b, 270))
		text_w = mm(b, 270); /* about 60 characters a line */
	const char *text = player_text(pl, &st->text);
	int content_h = text_height(b, text, text_w, MM_TEXT + 1, false);
	int pic_h = pic_w * 3 / 4;
	int block_w = text_w + (pic_w ? pic_w + mm(b, 16) : 0);
	int x0 = (W - block_w) / 2;
	int avail = H - m - bh - mm(b, 8) - y;
	int block_h = content_h > pic_h ? content_h : pic_h;
	int top = y + (avail - block_h) / 3;
	if (top < y)
		top = y;
	add_text(b, UI_ROLE_TEXT, text, x0, top + (block_h - content_h) / 2, text_w, MM_TEXT + 1, false, C_TEXT, C_BG,
	         ALIGN_START);
	if (pic_w) {
		struct ui_rect r = {x0 + text_w + mm(b, 16), top + (block_h - pic_h) / 2, pic_w, pic_h};
		add_panel(b, (struct ui_rect){r.x - mm(b, 2), r.y - mm(b, 2), r.w + mm(b, 4), r.h + mm(b, 4)}, C_SURFACE,
		          C_LINE, mm(b, 0.5), mm(b, MM_RADIUS));
		add_image(b, r, st->picture, NULL);
	}
	int bw = mm(b, 80);
	add_button(b, (struct ui_rect){W - m - bw, H - m - bh, bw, bh}, _("Next"), "icon:next", BUTTON_PRIMARY,
	           PLAYER_A_NEXT, 0);
	if (pl->step > 0)
		add_button(b, (struct ui_rect){m, H - m - bh, bw, bh}, _("Back"), "icon:back", BUTTON_QUIET, PLAYER_A_BACK, 0);
}

/* The rung of the hint ladder the learner is on, as a calm banner. */
static int hint_banner(struct player *pl, struct build *b, int x, int y, int w)
{
	const struct lesson_step *st = player_step(pl);
	const char *msg;
	if (pl->hints == 1)
		msg = _("Read the question again, slowly.");
	else if (pl->hints == 2)
		msg = st->hint.s[0] ? player_text(pl, &st->hint) : _("Look closely at each part before you choose.");
	else
		msg = _("This is the right answer. Now do it yourself.");
	int pad = mm(b, 4), ic = mm(b, 10);
	int th = text_height(b, msg, w - 3 * pad - ic, MM_TEXT, false);
	struct ui_rect r = {x, y, w, th + 2 * pad};
	struct ui_elem *p = add_elem(b, UI_ROLE_NOTICE, r);
	p->bg = C_NOTICE_BG;
	p->border = C_NOTICE;
	p->border_w = mm(b, 0.5);
	p->radius = mm(b, 3);
	p->label = msg;
	struct ui_elem *icon = add_elem(b, UI_ROLE_IMAGE, (struct ui_rect){x + pad, y + pad + (mm(b, 13.5) - ic) / 2, ic, ic});
	icon->image = "icon:hint";
	icon->tint_image = true;
	icon->fg = C_NOTICE;
	icon->image_rect = icon->rect;
	add_text(b, UI_ROLE_TEXT, msg, x + 2 * pad + ic, y + pad, w - 3 * pad - ic, MM_TEXT, false, C_TEXT, C_NOTICE_BG,
	         ALIGN_START);
	return r.h;
}

static void feedback_panel(struct player *pl, struct build *b, int W, int H)
{
	const struct lesson_step *st = player_step(pl);
	int m = mm(b, MM_MARGIN), pad = mm(b, 5);
	int bh = mm(b, MM_MAIN_BUTTON + 2);
	/* After a tip the answer counts as practice (for mastery), but the
	 * learner hears the same praise: the tip was the program's offer. */
	const char *head = pl->right ? _("Well done!") : _("Not quite.");
	const char *why = player_text(pl, pl->right ? &st->right : &st->wrong);
	const char *button = pl->right ? _("Next") : _("Try again");
	int bw = button_width(b, button, true, 80);
	int panel_w = W - 2 * m, ic = mm(b, 14);
	int text_w = panel_w - 2 * pad - ic - mm(b, 6) - bw - mm(b, 8);
	if (text_w > mm(b, 270))
		text_w = mm(b, 270);
	int th = text_height(b, head, text_w, MM_TEXT, true) + text_height(b, why, text_w, MM_TEXT, false);
	int ph = th + 2 * mm(b, 6);
	if (ph < bh + 2 * mm(b, 5))
		ph = bh + 2 * mm(b, 5);
	struct ui_rect p = {m, H - m - ph, panel_w, ph};
	struct ui_color pbg = pl->right ? C_RIGHT_BG : C_WRONG_BG, pfg = pl->right ? C_RIGHT : C_WRONG;
	struct ui_elem *panel = add_elem(b, UI_ROLE_NOTICE, p);
	panel->bg = pbg;
	panel->border = pfg;
	panel->border_w = mm(b, 0.75);
	panel->radius = mm(b, MM_RADIUS);
	panel->label = head;
	struct ui_elem *mark = add_elem(b, UI_ROLE_IMAGE, (struct ui_rect){p.x + pad, p.y + mm(b, 6), ic, ic});
	mark->bg = pfg;
	mark->radius = ic / 2;
	mark->image = pl->right ? "icon:check" : "icon:cross";
	mark->tint_image = true;
	mark->fg = C_ON_PRIMARY;
	mark->image_rect = (struct ui_rect){mark->rect.x + ic / 5, mark->rect.y + ic / 5, ic * 3 / 5, ic * 3 / 5};
	int tx = p.x + pad + ic + mm(b, 6), ty = p.y + (ph - th) / 2;
	ty += add_text(b, UI_ROLE_HEADING, head, tx, ty, text_w, MM_TEXT, true, C_TEXT, pbg, ALIGN_START);
	add_text(b, UI_ROLE_TEXT, why, tx, ty, text_w, MM_TEXT, false, C_TEXT, pbg, ALIGN_START);
	struct ui_rect br = {p.x + p.w - pad - bw, p.y + (ph - bh) / 2, bw, bh};
	add_button(b, br, button, pl->right ? "icon:next" : "icon:back", BUTTON_PRIMARY,
	           pl->right ? PLAYER_A_NEXT : PLAYER_A_RETRY, 0);
}

static void layout_question(struct player *pl, struct build *b, int W, int H)
{
	const struct lesson_step *st = player_step(pl);
	const struct step_view *v = step_view_of(st->type);
	int m = mm(b, MM_MARGIN);
	int y = mm(b, MM_HEADER) + mm(b, 20);
	int col_w = W - 2 * m;
	if (col_w > mm(b, 300))
		col_w = mm(b, 300);
	int x0 = (W - col_w) / 2;
	int bh = mm(b, MM_MAIN_BUTTON + 2), bw = mm(b, 80);
	const char *q = player_text(pl, &st->text);
	int qw = col_w > mm(b, 280) ? mm(b, 280) : col_w; /* about 60 characters a line */
	y += add_text(b, UI_ROLE_HEADING, q, x0, y, qw, MM_TEXT + 1, true, C_TEXT, C_BG, ALIGN_START);
	y += mm(b, 4);
	if (pl->hints > 0 && !pl->answered) {
		y += hint_banner(pl, b, x0, y, col_w);
		y += mm(b, 4);
	}
	if (pl->coach && !pl->answered) {
		y += add_text(b, UI_ROLE_TEXT, pl->coach, x0, y, qw, MM_TEXT, true, C_NOTICE, C_BG, ALIGN_START);
		y += mm(b, 3);
	}
	int bottom = H - m - bh - mm(b, 8);
	v->layout(pl, b, (struct ui_rect){x0, y, col_w, bottom - y});
	if (pl->answered) {
		feedback_panel(pl, b, W, H);
		return;
	}
	/* The way on: a tip on the left, Check on the right when the view needs it. */
	const char *tip = _("Tip");
	int tw = button_width(b, tip, true, 56);
	add_button(b, (struct ui_rect){m, H - m - bh, tw, bh}, tip, "icon:hint", pl->hints < 3 ? BUTTON_QUIET : BUTTON_DISABLED,
	           PLAYER_A_HINT, 0);
	if (pl->step > 0 && !pl->review_len)
		add_button(b, (struct ui_rect){m + tw + mm(b, 6), H - m - bh, bw, bh}, _("Back"), "icon:back", BUTTON_QUIET,
		           PLAYER_A_BACK, 0);
	if (v->check_button || st->multiple)
		add_button(b, (struct ui_rect){W - m - bw, H - m - bh, bw, bh}, _("Check"), "icon:check",
		           player_complete(pl) ? BUTTON_PRIMARY : BUTTON_DISABLED, PLAYER_A_CHECK, 0);
}

void player_layout(struct player *pl, struct build *b, int w, int h)
{
	pl->u = b->u;
	progress_row(pl, b, w);
	if (step_view_of(player_step(pl)->type))
		layout_question(pl, b, w, h);
	else
		layout_explain(pl, b, w, h);
}
