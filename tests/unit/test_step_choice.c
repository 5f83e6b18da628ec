/* Steps `choice` and `truefalse` on the lesson screen: each answer with
 * its box, also when the step scrolls; the step's picture
 * is drawn (FORMAT.md: "a picture drawn beside the step"), beside the
 * answers where the screen is wide enough and above them on a narrow
 * area, in the room it gets, never over an answer; the answers stay main
 * actions (at least 20 mm tall), also when the step is tight for room.
 * The steps come from the fixture with the longest texts FORMAT.md allows
 * (tests/ui/fixtures/steps/limits). */
#include "../../app/core/lesson.h"
#include "../../app/ui/player.h"
#include "test.h"
#include "ui_rig.h"

#include <stdbool.h>

#define FIXTURE "../ui/fixtures/steps/limits/every-type/lesson.yaml"

static const struct ui_elem *picture_of(const struct ui_drawlist *dl, const struct lesson_step *st)
{
	for (int i = 0; i < dl->n; i++)
		if (dl->v[i].role == UI_ROLE_IMAGE && dl->v[i].image && !strcmp(dl->v[i].image, st->picture))
			return &dl->v[i];
	return NULL;
}

/* The round or square box on an answer, where its tick goes. */
static bool has_box(const struct ui_drawlist *dl, struct ui_rect r)
{
	for (int i = 0; i < dl->n; i++) {
		struct ui_rect q = dl->v[i].rect;
		if (dl->v[i].role == UI_ROLE_PANEL && q.x > r.x && q.y > r.y && q.x + q.w < r.x + r.w && q.y + q.h < r.y + r.h)
			return true;
	}
	return false;
}

/* The picture is there, whole, apart from every answer shown, which is at
 * least 20 mm tall and has its box; beside: to the right of the answers, else above them.
 * Returns the picture's width in mm, 0 when it is not there. */
static double check_picture(const struct ui_drawlist *dl, const struct lesson_step *st, double u, bool beside,
                            struct ui_rect area)
{
	const struct ui_elem *p = picture_of(dl, st);
	if (!p)
		return 0;
	struct ui_rect r = p->rect;
	CHECK(r.x >= area.x && r.y >= area.y && r.x + r.w <= area.x + area.w);
	int answers = 0;
	for (int i = 0; i < dl->n; i++) {
		const struct ui_elem *e = &dl->v[i];
		if (e->role != UI_ROLE_BUTTON || e->action != PLAYER_A_VIEW || e->arg >= PLAYER_ARG_OWN)
			continue;
		answers++;
		CHECK(has_box(dl, e->rect));
		CHECK(!rig_overlap(e->rect, r, 0));
		CHECK(e->rect.h >= 20 * u - 1);
		if (beside)
			CHECK(r.x >= e->rect.x + e->rect.w + (int)(10 * u));
		else
			CHECK(r.y + r.h <= e->rect.y);
	}
	CHECK(answers > 0);
	return r.w / u;
}

int main(void)
{
	ui_i18n_init("/nonexistent"); /* English msgids, no catalogue */
	struct lesson_diag d = {0};
	struct lesson *l = lesson_load(FIXTURE, &d);
	CHECK(l != NULL && d.errors == 0);
	if (!l)
		return test_done();
	int tested = 0;
	for (int k = 0; k < l->n_steps; k++) {
		const struct lesson_step *st = &l->steps[k];
		if ((st->type != LESSON_STEP_CHOICE && st->type != LESSON_STEP_TRUEFALSE) || !st->picture)
			continue;
		tested++;
		/* The whole lesson screen, fresh and with the hint banner: beside,
		 * at the reference screen, at 1280x800 and at 5 px/mm. */
		static const struct {
			int w, h;
			double u;
		} sizes[] = {{1920, 1080, 4.0}, {1280, 800, 1280 / 480.0}, {1920, 1080, 5.0}};
		for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++)
			for (int rung = 0; rung <= 2; rung += 2) {
				struct rig_screen sc;
				rig_screen_init(&sc, sizes[z].w, sizes[z].h, sizes[z].u);
				struct player pl = {.lesson = l, .lang = "nl"};
				player_begin(&pl, k);
				pl.hints = rung;
				/* On the first page that has room for it, and on every page
				 * it is shown on, beside the answers and apart from them. */
				int shown = 0, first = -1;
				for (int page = 0; page < 20; page++) {
					const struct ui_drawlist *dl = rig_lay_player(&sc, &pl);
					rig_check_player(&sc, &pl, "choice with a picture");
					double w = check_picture(dl, st, sizes[z].u, true, (struct ui_rect){0, 0, sc.w, sc.h});
					if (w > 0) {
						CHECK(w >= 70);
						shown++;
						if (first < 0)
							first = page;
					}
					if (pl.scroll_down < 0)
						break;
					step_view_of(st->type)->tap(&pl, PLAYER_ARG_OWN + 1);
				}
				CHECK(shown > 0);
				CHECK(first >= 0 && first <= 1);
				rig_screen_finish(&sc);
			}
		/* Answered with the last answer, after scrolling down to it: once
		 * answered the step cannot scroll, so the answer, marked right or
		 * wrong, is what stays in view, uncovered. */
		for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
			struct rig_screen sc;
			rig_screen_init(&sc, sizes[z].w, sizes[z].h, sizes[z].u);
			struct player pl = {.lesson = l, .lang = "nl"};
			player_begin(&pl, k);
			rig_lay_player(&sc, &pl);
			for (int page = 0; page < 20 && pl.scroll_down >= 0; page++) {
				step_view_of(st->type)->tap(&pl, PLAYER_ARG_OWN + 1);
				rig_lay_player(&sc, &pl);
			}
			int last = st->n_answers - 1;
			pl.sel[0] = last;
			pl.n_sel = 1;
			CHECK(rig_check_answer(&pl));
			const struct ui_drawlist *dl = rig_lay_player(&sc, &pl);
			rig_check_player(&sc, &pl, "choice answered with its last answer");
			const char *t = st->type == LESSON_STEP_TRUEFALSE ? "Not true" : lesson_str(l, &st->answers[last].text, "nl");
			CHECK(rig_find(dl, t, false) != NULL);
			rig_screen_finish(&sc);
		}
		/* The view alone in a narrow area (250 mm): above the answers,
		 * and smaller when the step is tight for room. */
		for (int tight = 0; tight < 2; tight++) {
			struct rig_screen sc;
			rig_screen_init(&sc, 0, 0, 4.0);
			struct player pl = {.lesson = l, .lang = "nl"};
			player_begin(&pl, k);
			pl.tight = tight;
			struct ui_rect area = {40, 200, 1000, 4000};
			rig_lay_view(&sc, step_view_of(st->type), &pl, area);
			double w = check_picture(&sc.dl, st, 4.0, false, area);
			CHECK(tight ? w > 0 && w <= 60 : w >= 70);
			rig_check_view(&sc, area, true);
			rig_screen_finish(&sc);
		}
	}
	CHECK(tested >= 3); /* two choices and a truefalse */
	lesson_destroy(l);
	return test_done();
}
