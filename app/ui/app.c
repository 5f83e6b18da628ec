/* The learner's path through the kiosk: start screen with tiles, a new
 * learner (name on an on-screen keyboard, then an avatar), the home screen
 * with lessons and progress, the lesson player (explain and choice) and the
 * end screen. State lives in struct ui_app; each screen is a function that
 * lays it out into the draw list. Every answer is committed to the store
 * before its feedback is shown; if the commit fails, the learner sees why
 * and nothing moves on. */
#include "../core/lesson.h"
#include "../core/mastery.h"
#include "../core/log.h"
#include "../core/store.h"
#include "keyboard.h"
#include "player.h"
#include "widgets.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "app_internal.h"

const struct avatar_info app_avatars[STORE_AVATARS] = {
	{"cat", N_("Cat")},     {"dog", N_("Dog")},   {"bird", N_("Bird")},       {"fish", N_("Fish")},
	{"tulip", N_("Tulip")}, {"tree", N_("Tree")}, {"sun", N_("Sun")},         {"moon", N_("Moon")},
	{"bicycle", N_("Bicycle")}, {"house", N_("House")}, {"cup", N_("Cup")},   {"boat", N_("Boat")},
};

void app_set_info(struct ui_app *a, const char *msg)
{
	app_set_notice(a, msg);
	a->notice_good = true;
}

void app_set_notice(struct ui_app *a, const char *msg)
{
	a->notice_good = false;
	snprintf(a->notice, sizeof a->notice, "%s", msg);
	a->dirty = true;
}

void app_store_failed(struct ui_app *a, const char *what)
{
	char msg[600];
	const char *why;
	switch (store_problem(a->cfg.store)) {
	case STORE_PROBLEM_FULL:
		why = _("The disk of this screen is full. Nothing is lost, but new work cannot be saved now. Ask your supervisor.");
		break;
	case STORE_PROBLEM_READONLY:
		why = _("This screen cannot save right now. Nothing is lost, but new work cannot be saved. Ask your supervisor.");
		break;
	default:
		why = store_error(a->cfg.store); /* for the supervisor; rare */
	}
	snprintf(msg, sizeof msg, "%s %s", what, why);
	app_set_notice(a, msg);
}

void app_load_learners(struct ui_app *a)
{
	free(a->learners);
	a->learners = NULL;
	a->n_learners = store_learner_list(a->cfg.store, &a->learners);
	if (a->n_learners < 0) {
		a->n_learners = 0;
		app_store_failed(a, _("The list of learners could not be read."));
	}
}

static void load_home(struct ui_app *a)
{
	const struct lesson_set *set = a->cfg.lessons;
	free(a->lessons);
	free(a->progress);
	free(a->mastery);
	free(a->practised_at);
	size_t cap = (size_t)(set->n ? set->n : 1);
	a->lessons = calloc(cap, sizeof *a->lessons);
	a->progress = calloc(cap, sizeof *a->progress);
	a->mastery = calloc(cap, sizeof *a->mastery);
	a->practised_at = calloc(cap, sizeof *a->practised_at);
	a->review_due = false;
	int64_t today = mastery_local_day(store_now_ms(a->cfg.store));
	a->n_lessons = 0;
	a->resume = -1;
	char open[64] = "";
	bool has_open = store_last_open_lesson(a->cfg.store, a->me.id, open, sizeof open);
	for (int i = 0; i < set->n; i++) {
		const struct lesson *l = set->items[i];
		if (!(l->roles & (a->me.route ? a->me.route : LESSON_ROLE_WORKER)))
			continue; /* another route's lesson */
		int k = a->n_lessons++;
		a->lessons[k] = l;
		if (!store_progress_get(a->cfg.store, a->me.id, l->id, &a->progress[k]))
			app_store_failed(a, _("Your progress could not be read."));
		struct mastery_answer *ans;
		int n = store_lesson_answers(a->cfg.store, a->me.id, l->id, &ans);
		a->mastery[k] = mastery_state(ans, n > 0 ? n : 0, a->progress[k].started || a->progress[k].completed,
		                              mastery_local_day, &a->practised_at[k]);
		free(ans);
		/* A review is offered from the day after a lesson was practised. */
		if (a->mastery[k] == MASTERY_PRACTISED && mastery_local_day(a->practised_at[k]) < today)
			a->review_due = true;
		if (has_open && !strcmp(open, l->id) && a->progress[k].started && a->progress[k].step > 0 &&
		    a->progress[k].step < l->n_steps)
			a->resume = k;
	}
	a->lesson_page = 0;
}

/* Lessons read in full for playing are let go when the learner leaves. */
static void close_lessons(struct ui_app *a)
{
	a->pl.lesson = NULL;
	a->pl.review_len = 0;
	lesson_destroy(a->open);
	a->open = NULL;
	for (int i = 0; i < REVIEW_MAX; i++) {
		lesson_destroy(a->rv_loaded[i]);
		a->rv_loaded[i] = NULL;
	}
}

/* A lesson card's full lesson, read from its file; NULL (with a notice)
 * when the file can no longer be read. */
static struct lesson *read_lesson(struct ui_app *a, const struct lesson *card)
{
	struct lesson_diag d = {0};
	struct lesson *l = lesson_load(card->path, &d);
	if (!l || strcmp(l->id, card->id) != 0) {
		lesson_destroy(l);
		app_set_notice(a, _("This lesson cannot be opened now: its file has changed or is damaged. Ask your supervisor."));
		return NULL;
	}
	return l;
}

void app_go(struct ui_app *a, enum screen s)
{
	enum screen prev = a->screen;
	a->screen = s;
	a->dirty = true;
	a->corner_since = 0;
	if (s == SCREEN_START) {
		/* Leaving, for a learner or a supervisor: nothing of theirs stays,
		 * and the terminal's language comes back. */
		const struct ui_language *tl = ui_language_find(a->terminal_lang);
		if (tl && strcmp(a->cfg.lang, tl->code) != 0 && prev != SCREEN_START && prev != SCREEN_SETUP &&
		    prev != SCREEN_LANGUAGE) {
			a->cfg.lang = tl->code;
			ui_i18n_set_language(tl->code);
		}
		memset(&a->me, 0, sizeof a->me);
		memset(&a->sv, 0, sizeof a->sv);
		a->supervisor = false;
		a->sv_confirm_erase = false;
		a->pin[0] = a->pin_msg[0] = a->code_msg[0] = 0;
		a->code_n = 0;
		a->flow = FLOW_SIGNUP;
		close_lessons(a);
		app_load_learners(a);
		if (a->page * 12 >= a->n_learners)
			a->page = 0;
	} else if (s == SCREEN_HOME) {
		close_lessons(a);
		load_home(a);
	}
}

#define IDLE_WARN_MS 30000 /* at least 20 s to stay with one tap (UX.md) */

static bool signed_in(const struct ui_app *a)
{
	return a->screen != SCREEN_START && a->screen != SCREEN_SETUP && !a->cfg.fatal;
}

struct ui_app *ui_app_create(const struct ui_app_config *cfg)
{
	struct ui_app *a = calloc(1, sizeof *a);
	if (!a)
		return NULL;
	a->cfg = *cfg;
	snprintf(a->terminal_lang, sizeof a->terminal_lang, "%s", cfg->lang ? cfg->lang : "nl");
	a->idle_ms = (cfg->idle_seconds > 0 ? cfg->idle_seconds : 120) * (int64_t)1000;
	arena_init(&a->arena);
	ui_app_resize(a, cfg->w, cfg->h, cfg->px_per_mm);
	if (!cfg->fatal)
		app_go(a, setup_needed(a) ? SCREEN_SETUP : SCREEN_START);
	return a;
}

void ui_app_destroy(struct ui_app *a)
{
	if (!a)
		return;
	arena_finish(&a->arena);
	free(a->learners);
	free(a->lessons);
	free(a->progress);
	free(a->mastery);
	free(a->practised_at);
	close_lessons(a);
	free(a);
}

void ui_app_resize(struct ui_app *a, int w, int h, double px_per_mm)
{
	a->cfg.w = w;
	a->cfg.h = h;
	a->u = px_per_mm;
	ui_pointer_init(&a->ptr, (int)lround(5 * px_per_mm));
	a->dirty = true;
}

bool ui_app_dirty(const struct ui_app *a)
{
	return a->dirty;
}

void ui_app_set_lessons(struct ui_app *a, const struct lesson_set *lessons)
{
	a->cfg.lessons = lessons;
	if (a->screen == SCREEN_HOME)
		app_go(a, SCREEN_HOME);
	a->dirty = true;
}

void ui_app_notice(struct ui_app *a, const char *msg)
{
	app_set_notice(a, msg);
}

/* ---- lesson flow ---- */

static void start_step(struct ui_app *a, int step)
{
	player_begin(&a->pl, step);
	a->step_shown_ms = a->now_ms;
	a->dirty = true;
}

static void open_lesson(struct ui_app *a, int k)
{
	struct lesson *l = read_lesson(a, a->lessons[k]);
	if (!l)
		return;
	const struct store_progress *p = &a->progress[k];
	int step = p->started && p->step > 0 && p->step < l->n_steps ? p->step : 0;
	if (step == 0 && !store_progress_set(a->cfg.store, a->me.id, l->id, l->version, 0, false)) {
		lesson_destroy(l);
		app_store_failed(a, _("The lesson could not be started."));
		return;
	}
	close_lessons(a);
	a->open = l;
	a->pl.lesson = l;
	a->pl.lang = a->cfg.lang;
	start_step(a, step);
	a->screen = SCREEN_LESSON;
}

static void finish_lesson(struct ui_app *a)
{
	const struct lesson *l = a->pl.lesson;
	if (!store_progress_set(a->cfg.store, a->me.id, l->id, l->version, l->n_steps, true)) {
		app_store_failed(a, _("Your progress could not be saved."));
		return;
	}
	a->end_questions = l->n_questions;
	if (!store_attempt_counts(a->cfg.store, a->me.id, l->id, &a->end_attempts, &a->end_first_right))
		a->end_first_right = -1;
	a->end_review = false;
	a->screen = SCREEN_END;
	a->dirty = true;
}

static void next_step(struct ui_app *a, int delta)
{
	const struct lesson *l = a->pl.lesson;
	int step = a->pl.step + delta;
	if (step < 0)
		return;
	if (step >= l->n_steps) {
		finish_lesson(a);
		return;
	}
	if (!store_progress_set(a->cfg.store, a->me.id, l->id, l->version, step, false)) {
		app_store_failed(a, _("Your progress could not be saved."));
		return;
	}
	start_step(a, step);
}

static void answer(struct ui_app *a)
{
	struct player *pl = &a->pl;
	const struct lesson_step *st = player_step(pl);
	const struct step_view *v = step_view_of(st->type);
	struct step_response r;
	pl->submit = false;
	if (!v || pl->answered || !v->response(pl, &r))
		return;
	char given[sizeof r.text + STEP_RESPONSE_MAX * 4];
	given[0] = 0;
	/* The chosen items, then what was typed (a sim stores both). */
	for (int i = 0; i < r.n; i++)
		snprintf(given + strlen(given), sizeof given - strlen(given), "%s%d", i ? "," : "", r.v[i]);
	if (r.text[0])
		snprintf(given + strlen(given), sizeof given - strlen(given), "%s%s", r.n ? "|" : "", r.text);
	bool right = lesson_step_judge(st, &r);
	struct store_attempt at = {
		.learner_id = a->me.id,
		.lesson_id = pl->lesson->id,
		.lesson_version = pl->lesson->version,
		.step = pl->step,
		.correct = right,
		.answer = given,
		.hints = pl->hints,
		.ms = a->now_ms - a->step_shown_ms,
		.review = pl->review_len > 0,
	};
	char id[LP_ID_LEN + 1];
	/* The answer is durable before the learner sees any feedback. */
	if (!store_attempt_add(a->cfg.store, &at, id)) {
		app_store_failed(a, _("Your answer could not be saved."));
		return;
	}
	pl->answered = true;
	pl->right = right;
	a->dirty = true;
}

/* A mixed review: up to five question steps, taken in turn from the
 * lessons that are practised but not yet mastered, the first lesson and
 * the first step chosen by the day so that reviews differ from day to day. */
static void start_review(struct ui_app *a)
{
	int64_t day = mastery_local_day(store_now_ms(a->cfg.store));
	const struct lesson *from[REVIEW_MAX];
	int nf = 0;
	close_lessons(a);
	for (int k = 0; k < a->n_lessons && nf < REVIEW_MAX; k++)
		if (a->mastery[k] == MASTERY_PRACTISED && (a->rv_loaded[nf] = read_lesson(a, a->lessons[k])))
			from[nf] = a->rv_loaded[nf], nf++;
	a->rv_n = a->rv_right = 0;
	for (int round = 0; round < 40 && a->rv_n < REVIEW_MAX && nf > 0; round++) {
		const struct lesson *l = from[(round + day) % nf];
		int questions = l->n_questions;
		if (!questions)
			continue;
		int want = (int)((day + round / nf) % questions), seen = 0;
		for (int i = 0; i < l->n_steps; i++) {
			if (!lesson_step_is_question(&l->steps[i]) || seen++ != want)
				continue;
			bool dup = false;
			for (int j = 0; j < a->rv_n; j++)
				dup |= a->rv_lesson[j] == l && a->rv_step[j] == i;
			if (!dup) {
				a->rv_lesson[a->rv_n] = l;
				a->rv_step[a->rv_n] = i;
				a->rv_n++;
			}
		}
	}
	if (a->rv_n == 0)
		return;
	a->pl.review_len = a->rv_n;
	a->pl.review_pos = 0;
	a->pl.lesson = a->rv_lesson[0];
	a->pl.lang = a->cfg.lang;
	start_step(a, a->rv_step[0]);
	a->screen = SCREEN_LESSON;
}

static void next_review(struct ui_app *a)
{
	a->rv_right += a->pl.right && a->pl.hints == 0;
	int i = ++a->pl.review_pos;
	if (i >= a->rv_n) {
		a->pl.review_len = 0;
		a->end_questions = a->rv_n;
		a->end_first_right = a->rv_right;
		a->end_review = true;
		a->screen = SCREEN_END;
		a->dirty = true;
		return;
	}
	a->pl.lesson = a->rv_lesson[i];
	start_step(a, a->rv_step[i]);
}

/* The lesson screen's own actions. */
static void act_lesson(struct ui_app *a, int action, int arg)
{
	struct player *pl = &a->pl;
	const struct lesson_step *st = player_step(pl);
	const struct step_view *v = step_view_of(st->type);
	switch (action) {
	case PLAYER_A_VIEW:
		if (v && !pl->answered) {
			v->tap(pl, arg);
			if (pl->submit)
				answer(a);
		}
		break;
	case PLAYER_A_HINT:
		if (pl->hints < 3)
			pl->hints++;
		break;
	case PLAYER_A_CHECK:
		answer(a);
		break;
	case PLAYER_A_RETRY: {
		/* After a wrong answer the ladder goes up a rung by itself, so
		 * mistakes do not pile up (errorless learning). */
		int hints = pl->hints < 3 ? pl->hints + 1 : 3;
		player_begin(pl, pl->step);
		pl->hints = hints;
		a->step_shown_ms = a->now_ms;
		break;
	}
	case PLAYER_A_NEXT:
		if (pl->review_len)
			next_review(a);
		else
			next_step(a, 1);
		break;
	case PLAYER_A_BACK:
		next_step(a, -1);
		break;
	}
}

/* ---- input ---- */

void app_create_learner(struct ui_app *a, const char *code_hash)
{
	char id[LP_ID_LEN + 1];
	if (a->flow == FLOW_SV_ADD) {
		if (!store_learner_add_code(a->cfg.store, a->name, a->avatar, code_hash, id)) {
			app_store_failed(a, _("The new learner could not be saved."));
			return;
		}
		if (store_learner_get(a->cfg.store, id, &a->sv))
			supervisor_flow_done(a);
		return;
	}
	if (!store_learner_add_code(a->cfg.store, a->name, a->avatar, code_hash, id)) {
		app_store_failed(a, _("The new learner could not be saved."));
		return;
	}
	if (!store_learner_get(a->cfg.store, id, &a->me)) {
		app_store_failed(a, _("The new learner could not be read."));
		return;
	}
	app_go(a, SCREEN_HOME);
}

bool app_type_key(char *buf, size_t cap, size_t max_chars, bool *shift, int arg)
{
	char before[SETUP_TEXT_MAX * 4 + 8];
	snprintf(before, sizeof before, "%s", buf);
	bool changed = keyboard_press(buf, cap, shift, arg);
	if (changed && util_utf8_count(buf) > max_chars) {
		snprintf(buf, cap, "%s", before); /* full: the key does nothing */
		return false;
	}
	return changed;
}

/* Another learner with this name has this picture: two Fatmas must be
 * told apart by their pictures. */
static bool avatar_taken(struct ui_app *a, int avatar)
{
	const char *name = a->flow == FLOW_SV_AVATAR ? a->sv.name : a->name;
	const char *self = a->flow == FLOW_SV_AVATAR ? a->sv.id : "";
	for (int i = 0; i < a->n_learners; i++)
		if (a->learners[i].avatar == avatar && !strcmp(a->learners[i].name, name) && strcmp(a->learners[i].id, self))
			return true;
	return false;
}

static void name_next(struct ui_app *a)
{
	size_t n = strlen(a->name);
	while (n && a->name[n - 1] == ' ')
		a->name[--n] = 0;
	switch (store_name_check(a->name)) {
	case STORE_NAME_OK:
		break;
	case STORE_NAME_EMPTY:
		return;
	case STORE_NAME_TOO_LONG:
		app_set_notice(a, _("This name is too long. Use at most 30 letters."));
		return;
	case STORE_NAME_SPACES:
	case STORE_NAME_BAD_CHAR:
		app_set_notice(a, _("A name can only have letters, numbers, spaces, - and '."));
		return;
	}
	if (a->flow == FLOW_SV_RENAME) {
		if (!store_learner_rename(a->cfg.store, a->sv.id, a->name))
			app_store_failed(a, _("The new name could not be saved."));
		else
			supervisor_flow_done(a);
		return;
	}
	app_load_learners(a); /* for the pictures others of this name have */
	if (a->avatar >= 0 && avatar_taken(a, a->avatar))
		a->avatar = -1;
	a->screen = SCREEN_NEW_AVATAR;
}

static void act(struct ui_app *a, int action, int arg)
{
	a->dirty = true;
	if (a->idle_warning && action != A_STILL_HERE)
		return;
	if (action >= PLAYER_A_VIEW) {
		if (a->screen == SCREEN_LESSON && a->pl.lesson)
			act_lesson(a, action, arg);
		return;
	}
	if (action >= A_CODE_PICTURE && action <= A_NO_CODE) {
		act_signin(a, action, arg);
		return;
	}
	if (action >= A_SETUP_LANG && action <= A_SETUP_BACK) {
		act_setup(a, action, arg);
		return;
	}
	if (action == A_LANGUAGE) {
		a->lang_back = a->screen;
		a->screen = SCREEN_LANGUAGE;
		return;
	}
	if (action == A_LANGUAGE_PICK) {
		const struct ui_language *l;
		int n = ui_languages(&l);
		if (arg >= 0 && arg < n) {
			a->cfg.lang = l[arg].code;
			ui_i18n_set_language(l[arg].code);
			a->pl.lang = l[arg].code;
		}
		/* on the start screen the choice holds for the next learner's session */
		a->screen = a->lang_back;
		if (a->screen == SCREEN_HOME)
			load_home(a);
		return;
	}
	if (action >= A_STICK_CLOSE && action <= A_ORG_BACK) {
		act_stick(a, action, arg);
		return;
	}
	if (action >= A_CORNER) {
		act_supervisor(a, action, arg);
		return;
	}
	switch ((enum action)action) {
	case A_NONE:
		break;
	case A_NOTICE_OK:
		a->notice[0] = 0;
		break;
	case A_LEARNER:
		if (arg >= 0 && arg < a->n_learners)
			signin_begin(a, &a->learners[arg]);
		break;
	case A_PAGE:
		a->page += arg;
		break;
	case A_NEW:
		a->name[0] = 0;
		a->shift = true;
		a->avatar = -1;
		a->flow = FLOW_SIGNUP;
		a->screen = SCREEN_NEW_NAME;
		break;
	case A_BACK:
		if (a->flow != FLOW_SIGNUP && a->flow != FLOW_SV_ADD)
			supervisor_flow_done(a); /* nothing changed */
		else if (a->screen == SCREEN_NEW_AVATAR)
			a->screen = SCREEN_NEW_NAME;
		else if (a->screen == SCREEN_NEW_CODE)
			a->screen = SCREEN_NEW_AVATAR;
		else if (a->flow == FLOW_SV_ADD)
			supervisor_flow_done(a);
		else
			app_go(a, SCREEN_START);
		break;
	case A_KEY:
		app_type_key(a->name, sizeof a->name, STORE_NAME_CHARS, &a->shift, arg);
		break;
	case A_NAME_NEXT:
		name_next(a);
		break;
	case A_AVATAR:
		if (arg >= 0 && arg < STORE_AVATARS && !avatar_taken(a, arg))
			a->avatar = arg;
		break;
	case A_AVATAR_DONE:
		if (a->avatar < 0)
			break;
		if (a->flow == FLOW_SV_AVATAR) {
			if (!store_learner_set_avatar(a->cfg.store, a->sv.id, a->avatar))
				app_store_failed(a, _("The picture could not be saved."));
			else
				supervisor_flow_done(a);
		} else if (signin_codes_required(a)) {
			signin_choose(a);
		} else {
			app_create_learner(a, "");
		}
		break;
	case A_STOP:
		/* Progress is saved at every step; stopping only leaves. */
		app_go(a, SCREEN_START);
		break;
	case A_OPEN_LESSON:
		if (arg >= 0 && arg < a->n_lessons)
			open_lesson(a, arg);
		break;
	case A_LESSON_PAGE:
		a->lesson_page += arg;
		break;
	case A_REVIEW:
		start_review(a);
		break;
	case A_STILL_HERE:
		a->idle_warning = false;
		break;
	case A_END_HOME:
		app_go(a, SCREEN_HOME);
		break;
	default:
		break;
	}
}

static const struct ui_elem *hit(const struct ui_app *a, int x, int y)
{
	for (int i = a->dl.n - 1; i >= 0; i--) {
		const struct ui_elem *e = &a->dl.v[i];
		if (e->tappable && x >= e->rect.x && y >= e->rect.y && x < e->rect.x + e->rect.w && y < e->rect.y + e->rect.h)
			return e;
	}
	return NULL;
}

static void gesture(struct ui_app *a, const struct ui_gesture *g)
{
	const struct ui_elem *e;
	switch (g->type) {
	case UI_GESTURE_PRESS:
		e = hit(a, g->x, g->y);
		a->pressed_action = e ? e->action : 0;
		a->pressed_arg = e ? e->arg : 0;
		if (e && e->action == A_CORNER && !a->notice[0])
			a->corner_since = a->now_ms ? a->now_ms : 1;
		if (e)
			a->dirty = true;
		break;
	case UI_GESTURE_TAP:
	case UI_GESTURE_RELEASE:
	case UI_GESTURE_DRAG_END: {
		/* A press that ends on the element it began on activates it, however
		 * long it was held or however much the hand shook in between. */
		int action = a->pressed_action, arg = a->pressed_arg;
		a->pressed_action = 0;
		a->corner_since = 0;
		a->dirty = true;
		e = hit(a, g->x, g->y);
		if (action && e && e->action == action && e->arg == arg)
			act(a, action, arg);
		break;
	}
	case UI_GESTURE_CANCEL:
		a->corner_since = 0;
		a->pressed_action = 0;
		a->dirty = true;
		break;
	case UI_GESTURE_DRAG_START:
		a->corner_since = 0; /* the hidden corner wants a still finger */
		break;
	case UI_GESTURE_LONG_PRESS:
	case UI_GESTURE_DRAG_MOVE:
		break;
	}
}

void ui_app_input(struct ui_app *a, const struct ui_event *ev)
{
	struct ui_gesture g[2];
	if (ev->time_ms)
		a->now_ms = ev->time_ms;
	a->last_input_ms = a->now_ms;
	if (a->screen == SCREEN_LESSON && a->pl.lesson && !a->notice[0]) {
		const struct step_view *v = step_view_of(player_step(&a->pl)->type);
		if (v && v->input && !a->pl.answered) {
			v->input(&a->pl, ev);
			a->dirty = true;
			if (a->pl.submit)
				answer(a);
		}
	}
	switch (ev->type) {
	case UI_EV_POINTER_DOWN:
	case UI_EV_POINTER_MOVE:
	case UI_EV_POINTER_UP:
	case UI_EV_POINTER_CANCEL: {
		/* Hit testing needs the screen as it is now: taps that arrive
		 * faster than frames (a hammering hand, a burst of queued events)
		 * must not reach the buttons of the screen before. */
		if (a->dirty || a->dl.n == 0)
			ui_app_frame(a);
		int n = ui_pointer_feed(&a->ptr, ev, g);
		for (int i = 0; i < n; i++)
			gesture(a, &g[i]);
		break;
	}
	case UI_EV_TEXT:
		if (a->screen == SCREEN_SETUP)
			setup_text(a, ev->text);
		else if (a->screen == SCREEN_PIN)
			pin_text(a, ev->text);
		else if (a->screen == SCREEN_SV_ORG)
			org_text(a, ev->text);
		else if (a->screen == SCREEN_NEW_NAME) {
			for (size_t i = 0; ev->text[i];) {
				uint32_t cp;
				int len = util_utf8_decode(ev->text + i, strlen(ev->text + i), &cp);
				char one[5] = {0};
				memcpy(one, ev->text + i, (size_t)len);
				char before[sizeof a->name];
				memcpy(before, a->name, sizeof before);
				if (cp >= 0x20 && cp != 0xFFFD && keyboard_type(a->name, sizeof a->name, &a->shift, one))
					a->dirty = true;
				if (util_utf8_count(a->name) > STORE_NAME_CHARS)
					memcpy(a->name, before, sizeof before);
				i += (size_t)len;
			}
		}
		break;
	case UI_EV_KEY:
		if (a->screen == SCREEN_SV_ORG && !a->notice[0] && org_key(a, ev->key))
			break;
		if (a->screen == SCREEN_SETUP && (ev->key == UI_KEY_BACKSPACE || ev->key == UI_KEY_RETURN))
			act(a, ev->key == UI_KEY_BACKSPACE ? A_SETUP_KEY : A_SETUP_NEXT, KEYBOARD_ERASE);
		else if (a->screen == SCREEN_PIN && (ev->key == UI_KEY_BACKSPACE || ev->key == UI_KEY_RETURN))
			act(a, ev->key == UI_KEY_BACKSPACE ? A_PIN_KEY : A_PIN_OK, -1);
		else if (ev->key == UI_KEY_BACKSPACE && a->screen == SCREEN_NEW_NAME)
			a->dirty |= keyboard_press(a->name, sizeof a->name, &a->shift, KEYBOARD_ERASE);
		else if (ev->key == UI_KEY_RETURN && a->screen == SCREEN_NEW_NAME)
			act(a, A_NAME_NEXT, 0);
		else if (ev->key == UI_KEY_ESCAPE && a->notice[0])
			act(a, A_NOTICE_OK, 0);
		break;
	}
}

void ui_app_tick(struct ui_app *a, int64_t now_ms)
{
	struct ui_gesture g;
	a->now_ms = now_ms;
	if (!signed_in(a)) {
		a->idle_warning = false;
	} else if (!a->idle_warning && now_ms - a->last_input_ms >= a->idle_ms) {
		a->idle_warning = true;
		a->warn_since = now_ms;
		a->dirty = true;
	} else if (a->idle_warning && now_ms - a->warn_since >= IDLE_WARN_MS) {
		/* Everything was saved when it happened: leaving loses nothing. */
		a->idle_warning = false;
		app_go(a, SCREEN_START);
	} else if (a->idle_warning) {
		a->dirty = true; /* the countdown */
	}
	if (a->screen == SCREEN_LESSON && a->pl.lesson && !a->pl.answered) {
		const struct step_view *v = step_view_of(player_step(&a->pl)->type);
		if (v && v->tick) {
			bool before = a->pl.submit;
			v->tick(&a->pl, now_ms);
			a->dirty = true;
			if (a->pl.submit && !before)
				answer(a);
		}
	}
	if (ui_pointer_tick(&a->ptr, now_ms, &g))
		gesture(a, &g);
	supervisor_tick(a);
}

int64_t ui_app_deadline(const struct ui_app *a)
{
	int64_t d = ui_pointer_deadline(&a->ptr);
	if (signed_in(a)) {
		/* the warning, then each second of its countdown */
		int64_t id = a->idle_warning ? a->warn_since + ((a->now_ms - a->warn_since) / 1000 + 1) * 1000
		                             : a->last_input_ms + a->idle_ms;
		if (d < 0 || id < d)
			d = id;
	}
	if (a->screen == SCREEN_LESSON && a->pl.lesson && !a->pl.answered) {
		const struct step_view *v = step_view_of(player_step(&a->pl)->type);
		int64_t vd = v && v->deadline ? v->deadline(&a->pl) : -1;
		if (vd >= 0 && (d < 0 || vd < d))
			d = vd;
	}
	int64_t sd = a->corner_since ? a->corner_since + CORNER_HOLD_MS : -1;
	if (a->screen == SCREEN_PIN && a->pin_wait_until > a->now_ms) /* the countdown, each second */
		sd = a->now_ms + 1000 - (a->pin_wait_until - a->now_ms) % 1000;
	if (sd >= 0 && (d < 0 || sd < d))
		d = sd;
	return d;
}

/* ---- layout ---- */

char *app_avatar_key(struct build *b, int avatar)
{
	if (avatar < 0 || avatar >= STORE_AVATARS)
		avatar = 0;
	return arena_printf(b->arena, "avatar:%s", app_avatars[avatar].name);
}

const char *app_fit_line(struct build *b, const char *text, int w, double size_mm, bool bold)
{
	int px = mm(b, size_mm);
	size_t n = strlen(text);
	if (b->metrics->width(b->metrics->ud, text, n, px, bold) <= w)
		return text;
	char *t = arena_printf(b->arena, "%s\xe2\x80\xa6", text); /* "…" */
	while (n > 0) {
		n -= util_utf8_last_len(t, n);
		memcpy(t + n, "\xe2\x80\xa6", 4);
		if (b->metrics->width(b->metrics->ud, t, n + 3, px, bold) <= w)
			break;
	}
	return t;
}

int app_text_field(struct build *b, const char *label, const char *value, int x, int y, int w)
{
	int field_h = mm(b, 22);
	struct ui_elem *f = add_elem(b, UI_ROLE_FIELD, (struct ui_rect){x, y, w, field_h});
	f->label = label;
	f->bg = C_SURFACE;
	f->border = C_PRIMARY;
	f->border_w = mm(b, 0.75);
	f->radius = mm(b, 3);
	int tx = x + mm(b, 5);
	int th = text_height(b, "Hg", w, MM_HEADING, false);
	int ty = y + (field_h - th) / 2;
	int text_w = 0;
	if (value[0]) {
		add_text(b, UI_ROLE_TEXT, app_fit_line(b, arena_strdup(b->arena, value), w - mm(b, 10), MM_HEADING, false), tx,
		         ty, w - mm(b, 10), MM_HEADING, false, C_TEXT, C_SURFACE, ALIGN_START);
		text_w = b->dl->v[b->dl->n - 1].lines[0].w;
	}
	/* The text cursor: a bar after the last letter. */
	add_panel(b, (struct ui_rect){tx + text_w + mm(b, 1), ty + mm(b, 2), mm(b, 0.75), th - mm(b, 4)}, C_PRIMARY,
	          C_PRIMARY, 0, 0);
	return field_h;
}

/* The language button at the top right: a globe and the language's own
 * name, so a learner who cannot read this one still finds theirs. */
static const char *language_name(const struct ui_app *a)
{
	const struct ui_language *cur = ui_language_find(a->cfg.lang);
	return cur ? cur->name : a->cfg.lang;
}

/* Where the language button's left edge will be. */
static int language_button_x(const struct ui_app *a, struct build *b, int right)
{
	return right - button_width(b, language_name(a), true, 56);
}

static void language_button(struct ui_app *a, struct build *b, int right)
{
	const char *name = language_name(a);
	int w = button_width(b, name, true, 56), h = mm(b, 20);
	struct ui_elem *e = add_button(b, (struct ui_rect){right - w, (mm(b, MM_HEADER) - h) / 2, w, h}, name,
	                               "icon:language", BUTTON_QUIET, A_LANGUAGE, 0);
	e->label = arena_printf(b->arena, "%s: %s", _("Language"), name);
}

static void screen_language(struct ui_app *a, struct build *b)
{
	int W = a->cfg.w, m = mm(b, MM_MARGIN);
	add_header(b, W, _("Language"), NULL);
	add_button(b, top_right_rect(b, W, _("Back")), _("Back"), "icon:back", BUTTON_QUIET, A_LANGUAGE_PICK, -1);
	int y = mm(b, MM_HEADER) + mm(b, 8);
	y += add_text(b, UI_ROLE_HEADING, _("Choose your language."), m, y, W - 2 * m, MM_HEADING, true, C_TEXT, C_BG,
	              ALIGN_START);
	y += mm(b, 6);
	const struct ui_language *l;
	int n = ui_languages(&l);
	int bw = mm(b, 110), bh = mm(b, MM_MAIN_BUTTON), gap = mm(b, 6);
	int cols = (W - 2 * m + gap) / (bw + gap);
	if (cols > 3)
		cols = 3;
	if (cols < 1)
		cols = 1;
	for (int i = 0; i < n; i++) {
		bool sel = !strcmp(a->cfg.lang, l[i].code);
		add_button(b, (struct ui_rect){m + (i % cols) * (bw + gap), y + (i / cols) * (bh + gap), bw, bh}, l[i].name,
		           sel ? "icon:check" : NULL, sel ? BUTTON_PRIMARY : BUTTON_SECONDARY, A_LANGUAGE_PICK, i);
	}
}

static void screen_start(struct ui_app *a, struct build *b)
{
	int W = a->cfg.w, H = a->cfg.h, m = mm(b, MM_MARGIN);
	add_header(b, a->cfg.w, "Leerplek", NULL);
	supervisor_corner(a, b);
	language_button(a, b, W - m);
	int y = mm(b, MM_HEADER) + mm(b, 8);
	const char *title = a->n_learners ? _("Tap your name") : _("Welcome!");
	y += add_text(b, UI_ROLE_HEADING, title, m, y, W - 2 * m, MM_TITLE, true, C_TEXT, C_BG, ALIGN_START);
	y += mm(b, 6);

	int bar_h = mm(b, 24), bar_y = H - m - bar_h;
	add_button(b, (struct ui_rect){m, bar_y, mm(b, 96), bar_h}, _("I am new"), "icon:plus", BUTTON_PRIMARY, A_NEW, 0);

	if (a->n_learners == 0) {
		add_text(b, UI_ROLE_TEXT, _("Nobody has signed up on this screen yet. Tap \"I am new\" to start."), m, y,
		         mm(b, 260), MM_TEXT, false, C_TEXT, C_BG, ALIGN_START);
		return;
	}
	int tile_w = mm(b, 64), tile_h = mm(b, 68), gap = mm(b, 6);
	int cols = (W - 2 * m + gap) / (tile_w + gap);
	if (cols > 6)
		cols = 6;
	if (cols < 1)
		cols = 1;
	int rows = (bar_y - mm(b, 6) - y + gap) / (tile_h + gap);
	if (rows < 1)
		rows = 1;
	int per_page = cols * rows > 12 ? 12 : cols * rows;
	int pages = (a->n_learners + per_page - 1) / per_page;
	if (a->page >= pages)
		a->page = pages - 1;
	if (a->page < 0)
		a->page = 0;
	int x0 = (W - (cols * tile_w + (cols - 1) * gap)) / 2;
	int first = a->page * per_page;
	for (int i = first; i < a->n_learners && i < first + per_page; i++) {
		int k = i - first;
		struct ui_rect r = {x0 + (k % cols) * (tile_w + gap), y + (k / cols) * (tile_h + gap), tile_w, tile_h};
		struct ui_elem *t = add_elem(b, UI_ROLE_TILE, r);
		bool down = is_pressed(b, A_LEARNER, i);
		t->bg = down ? C_PRESSED : C_SURFACE;
		t->border = C_CONTROL_EDGE;
		t->border_w = mm(b, 0.5);
		t->radius = mm(b, MM_RADIUS);
		t->label = a->learners[i].name;
		t->tappable = true;
		t->action = A_LEARNER;
		t->arg = i;
		int s = mm(b, 40);
		add_image(b, (struct ui_rect){r.x + (r.w - s) / 2, r.y + mm(b, 5), s, s}, app_avatar_key(b, a->learners[i].avatar), NULL);
		add_text(b, UI_ROLE_TEXT, app_fit_line(b, a->learners[i].name, r.w - mm(b, 4), MM_TEXT, true), r.x + mm(b, 2),
		         r.y + mm(b, 48), r.w - mm(b, 4), MM_TEXT, true, C_TEXT, t->bg, ALIGN_CENTER);
		if (guard_code_locked(&a->learners[i])) {
			int c = mm(b, 12);
			struct ui_elem *lock = add_elem(b, UI_ROLE_IMAGE, (struct ui_rect){r.x + r.w - c - mm(b, 2), r.y + mm(b, 2), c, c});
			lock->bg = C_NOTICE;
			lock->radius = c / 2;
			lock->image = "icon:lock";
			lock->tint_image = true;
			lock->fg = C_ON_PRIMARY;
			lock->image_rect = (struct ui_rect){lock->rect.x + c / 5, lock->rect.y + c / 5, c * 3 / 5, c * 3 / 5};
		}
	}
	if (pages > 1) {
		int bw = mm(b, 60);
		int x = W - m - bw;
		add_button(b, (struct ui_rect){x, bar_y, bw, bar_h}, _("Next"), "icon:right",
		           a->page + 1 < pages ? BUTTON_SECONDARY : BUTTON_DISABLED, A_PAGE, 1);
		char *pg = arena_printf(b->arena, _("Page %d of %d"), a->page + 1, pages);
		int tw = mm(b, 64);
		int th = text_height(b, pg, tw, MM_TEXT, false);
		add_text(b, UI_ROLE_TEXT, pg, x - tw - mm(b, 4), bar_y + (bar_h - th) / 2, tw, MM_TEXT, false, C_TEXT, C_BG,
		         ALIGN_CENTER);
		add_button(b, (struct ui_rect){x - tw - mm(b, 8) - bw, bar_y, bw, bar_h}, _("Back"), "icon:left",
		           a->page > 0 ? BUTTON_SECONDARY : BUTTON_DISABLED, A_PAGE, -1);
	}
}

static void screen_new_name(struct ui_app *a, struct build *b)
{
	int W = a->cfg.w, H = a->cfg.h, m = mm(b, MM_MARGIN);
	bool sv = a->flow != FLOW_SIGNUP;
	add_header(b, a->cfg.w, sv ? _("Supervisor") : _("New on Leerplek"), NULL);
	add_button(b, top_right_rect(b, a->cfg.w, _("Back")), _("Back"), "icon:back", BUTTON_QUIET, A_BACK, 0);
	int y = mm(b, MM_HEADER) + mm(b, 8);
	int kb_w = keyboard_width(b);
	int x0 = (W - kb_w) / 2;
	y += add_text(b, UI_ROLE_HEADING, sv ? _("What is the learner's first name?") : _("What is your first name?"), x0, y,
	              kb_w, MM_HEADING, true, C_TEXT, C_BG, ALIGN_START);
	y += mm(b, 4);
	int field_h = app_text_field(b, _("First name"), a->name, x0, y, kb_w);
	y += field_h + mm(b, 8);
	add_keyboard(b, W / 2, y, a->shift, A_KEY);
	int bw = mm(b, 80), bh = mm(b, MM_MAIN_BUTTON + 2);
	add_button(b, (struct ui_rect){W - m - bw, H - m - bh, bw, bh}, _("Next"), "icon:next",
	           a->name[0] ? BUTTON_PRIMARY : BUTTON_DISABLED, A_NAME_NEXT, 0);
}

static void screen_new_avatar(struct ui_app *a, struct build *b)
{
	int W = a->cfg.w, H = a->cfg.h, m = mm(b, MM_MARGIN);
	bool sv = a->flow != FLOW_SIGNUP;
	add_header(b, a->cfg.w, sv ? _("Supervisor") : _("New on Leerplek"), NULL);
	add_button(b, top_right_rect(b, a->cfg.w, _("Back")), _("Back"), "icon:back", BUTTON_QUIET, A_BACK, 0);
	int y = mm(b, MM_HEADER) + mm(b, 8);
	const char *who = a->flow == FLOW_SV_AVATAR ? a->sv.name : a->name;
	char *prompt = sv ? arena_printf(b->arena, _("Pick a picture for %s."), who)
	                  : arena_printf(b->arena, _("%s, pick a picture for yourself."), who);
	y += add_text(b, UI_ROLE_HEADING, prompt, m, y, W - 2 * m, MM_HEADING, true, C_TEXT, C_BG, ALIGN_START);
	y += mm(b, 6);
	int tile_w = mm(b, 58), tile_h = mm(b, 62), gap = mm(b, 6);
	int cols = (W - 2 * m + gap) / (tile_w + gap);
	if (cols > 6)
		cols = 6;
	int x0 = (W - (cols * tile_w + (cols - 1) * gap)) / 2;
	for (int i = 0; i < STORE_AVATARS; i++) {
		struct ui_rect r = {x0 + (i % cols) * (tile_w + gap), y + (i / cols) * (tile_h + gap), tile_w, tile_h};
		struct ui_elem *t = add_elem(b, UI_ROLE_TILE, r);
		bool sel = a->avatar == i, taken = avatar_taken(a, i);
		t->bg = is_pressed(b, A_AVATAR, i) ? C_PRESSED : sel ? C_SELECTED : C_SURFACE;
		t->border = sel ? C_PRIMARY : C_CONTROL_EDGE;
		t->border_w = sel ? mm(b, 1.5) : mm(b, 0.5);
		t->radius = mm(b, MM_RADIUS);
		t->label = taken ? arena_printf(b->arena, _("%s (taken)"), _(app_avatars[i].label)) : _(app_avatars[i].label);
		t->tappable = !taken;
		t->action = taken ? 0 : A_AVATAR;
		t->arg = i;
		if (taken)
			t->bg = C_BG;
		int s = mm(b, 36);
		add_image(b, (struct ui_rect){r.x + (r.w - s) / 2, r.y + mm(b, 5), s, s}, app_avatar_key(b, i), NULL);
		if (taken) /* greyed: a veil over the picture */
			add_panel(b, (struct ui_rect){r.x + (r.w - s) / 2, r.y + mm(b, 5), s, s}, (struct ui_color){243, 240, 233, 190},
			          (struct ui_color){0, 0, 0, 0}, 0, s / 2);
		add_text(b, UI_ROLE_TEXT, taken ? _("Taken") : _(app_avatars[i].label), r.x, r.y + mm(b, 44), r.w, MM_TEXT,
		         false, taken ? C_TEXT_MUTED : C_TEXT, t->bg, ALIGN_CENTER);
		if (sel) {
			int c = mm(b, 11);
			struct ui_elem *mark = add_elem(b, UI_ROLE_IMAGE, (struct ui_rect){r.x + r.w - c - mm(b, 2), r.y + mm(b, 2), c, c});
			mark->bg = C_PRIMARY;
			mark->radius = c / 2;
			mark->image = "icon:check";
			mark->tint_image = true;
			mark->fg = C_ON_PRIMARY;
			mark->image_rect = (struct ui_rect){mark->rect.x + c / 6, mark->rect.y + c / 6, c * 2 / 3, c * 2 / 3};
		}
	}
	int bw = mm(b, 80), bh = mm(b, MM_MAIN_BUTTON + 2);
	bool more = a->flow != FLOW_SV_AVATAR && signin_codes_required(a);
	add_button(b, (struct ui_rect){W - m - bw, H - m - bh, bw, bh}, more ? _("Next") : _("Done"),
	           more ? "icon:next" : "icon:check", a->avatar >= 0 ? BUTTON_PRIMARY : BUTTON_DISABLED, A_AVATAR_DONE, 0);
	int any = 0;
	for (int i = 0; i < STORE_AVATARS; i++)
		any |= avatar_taken(a, i);
	if (any) {
		int ty = y + ((STORE_AVATARS + cols - 1) / cols) * (tile_h + gap);
		add_text(b, UI_ROLE_TEXT, arena_printf(b->arena, _("There is another %s. Pick a picture that is not taken, so you can tell them apart."), who),
		         m, ty, W - 2 * m - bw - mm(b, 8), MM_TEXT, false, C_TEXT, C_BG, ALIGN_START);
	}
}

static void lesson_card(struct ui_app *a, struct build *b, int k, struct ui_rect r, int inner, int pad)
{
	const struct lesson *l = a->lessons[k];
	const struct store_progress *p = &a->progress[k];
	const char *title = lesson_str(l, &l->title, a->cfg.lang);
	const char *summary = lesson_str(l, &l->summary, a->cfg.lang);
	struct ui_elem *card = add_elem(b, UI_ROLE_TILE, r);
	card->bg = is_pressed(b, A_OPEN_LESSON, k) ? C_PRESSED : C_SURFACE;
	card->border = C_CONTROL_EDGE;
	card->border_w = mm(b, 0.5);
	card->radius = mm(b, MM_RADIUS);
	card->label = title;
	card->tappable = true;
	card->action = A_OPEN_LESSON;
	card->arg = k;
	int ic = mm(b, 12);
	struct ui_elem *icon = add_elem(b, UI_ROLE_IMAGE, (struct ui_rect){r.x + pad, r.y + pad, ic, ic});
	bool star = a->mastery[k] == MASTERY_MASTERED;
	icon->bg = star ? RGB(0x8A5A12) : p->completed ? C_RIGHT : C_PRIMARY;
	icon->radius = mm(b, 3);
	icon->image = star ? "icon:star" : p->completed ? "icon:check" : "icon:lesson";
	icon->tint_image = true;
	icon->fg = C_ON_PRIMARY;
	icon->image_rect = (struct ui_rect){r.x + pad + ic / 6, r.y + pad + ic / 6, ic * 2 / 3, ic * 2 / 3};
	int tx = r.x + pad + mm(b, 18), ty = r.y + pad;
	ty += add_text(b, UI_ROLE_TEXT, title, tx, ty, inner, MM_TEXT, true, C_TEXT, card->bg, ALIGN_START);
	ty += mm(b, 2);
	add_text(b, UI_ROLE_TEXT, summary, tx, ty, inner, MM_TEXT, false, C_TEXT_MUTED, card->bg, ALIGN_START);
	/* The status line sits at the bottom so cards in a row line up. */
	ty = r.y + r.h - pad - mm(b, 14);
	char *status;
	int done;
	bool in_progress = p->started && p->step > 0 && p->step < l->n_steps;
	if (a->mastery[k] == MASTERY_MASTERED) {
		status = arena_printf(b->arena, _("Mastered · %d min"), l->minutes);
		done = l->n_steps;
	} else if (a->mastery[k] == MASTERY_PRACTISED && !in_progress) {
		status = arena_printf(b->arena, _("Practised · %d min"), l->minutes);
		done = l->n_steps;
	} else if (in_progress) {
		status = arena_printf(b->arena, _("Step %d of %d · %d min"), p->step + 1, l->n_steps, l->minutes);
		done = p->step;
	} else if (p->completed) {
		status = arena_printf(b->arena, _("Done · %d min"), l->minutes);
		done = l->n_steps;
	} else {
		status = arena_printf(b->arena, _("New · %d min"), l->minutes);
		done = 0;
	}
	/* the box as wide as the words, so they sit in the same place in a
	 * right-to-left language and the bar never runs over them */
	int sw = b->metrics->width(b->metrics->ud, status, strlen(status), mm(b, MM_TEXT), false) + mm(b, 1);
	if (sw > mm(b, 110))
		sw = mm(b, 110);
	add_text(b, UI_ROLE_TEXT, status, tx, ty, sw, MM_TEXT, false, C_TEXT, card->bg, ALIGN_START);
	int bx = tx + sw + mm(b, 6);
	if (r.x + r.w - pad - bx > mm(b, 20))
		add_progress(b, (struct ui_rect){bx, ty + mm(b, 4), r.x + r.w - pad - bx, mm(b, 5)}, done, l->n_steps, status);
}

static void screen_home(struct ui_app *a, struct build *b)
{
	int W = a->cfg.w, H = a->cfg.h, m = mm(b, MM_MARGIN);
	struct ui_rect stop = top_right_rect(b, a->cfg.w, _("Stop"));
	int lx = language_button_x(a, b, stop.x - mm(b, 4));
	add_header_beside(b, a->cfg.w, arena_printf(b->arena, _("Hello %s"), a->me.name), app_avatar_key(b, a->me.avatar),
	                  W - lx + mm(b, 4));
	add_button(b, stop, _("Stop"), "icon:stop", BUTTON_SECONDARY, A_STOP, 0);
	language_button(a, b, stop.x - mm(b, 4));
	int y = mm(b, MM_HEADER) + mm(b, 8);
	if (a->resume >= 0) {
		const struct lesson *l = a->lessons[a->resume];
		int h = mm(b, 30);
		struct ui_rect r = {m, y, W - 2 * m, h};
		char *label = arena_printf(b->arena, _("Go on with %s, step %d of %d"), lesson_str(l, &l->title, a->cfg.lang),
		                           a->progress[a->resume].step + 1, l->n_steps);
		add_button(b, r, label, "icon:play", BUTTON_PRIMARY, A_OPEN_LESSON, a->resume);
		y += h + mm(b, 8);
	}
	if (a->review_due) {
		int h = mm(b, 26);
		add_button(b, (struct ui_rect){m, y, W - 2 * m, h}, _("Review: a few questions from your lessons"), "icon:star",
		           a->resume >= 0 ? BUTTON_SECONDARY : BUTTON_PRIMARY, A_REVIEW, 0);
		y += h + mm(b, 8);
	}
	y += add_text(b, UI_ROLE_HEADING, _("Your lessons"), m, y, W - 2 * m, MM_HEADING, true, C_TEXT, C_BG, ALIGN_START);
	y += mm(b, 4);
	int gap = mm(b, 6);
	int cols = W - 2 * m > mm(b, 300) ? 2 : 1;
	int card_w = (W - 2 * m - (cols - 1) * gap) / cols;
	int pad = mm(b, 6), inner = card_w - 2 * pad - mm(b, 18);
	int bar_h = mm(b, 24), bar_y = H - m - bar_h;
	int bottom = bar_y - mm(b, 6);
	/* Cards go in rows of cols; a page holds the rows that fit, and the
	 * pages are found by laying out from the first lesson every time. */
	int page = 0, row_y = y, k = 0, n_pages = 1;
	while (k < a->n_lessons) {
		int row_h = 0, n = 0;
		for (; n < cols && k + n < a->n_lessons; n++) {
			const struct lesson *l = a->lessons[k + n];
			int h = 2 * pad + text_height(b, lesson_str(l, &l->title, a->cfg.lang), inner, MM_TEXT, true) + mm(b, 2) +
			        text_height(b, lesson_str(l, &l->summary, a->cfg.lang), inner, MM_TEXT, false) + mm(b, 6) +
			        mm(b, 14);
			if (h > row_h)
				row_h = h;
		}
		if (row_y + row_h > bottom && row_y > y) {
			page++;
			n_pages++;
			row_y = y;
			continue;
		}
		for (int j = 0; j < n && page == a->lesson_page; j++)
			lesson_card(a, b, k + j, (struct ui_rect){m + j * (card_w + gap), row_y, card_w, row_h}, inner, pad);
		row_y += row_h + gap;
		k += n;
	}
	if (n_pages > 1) {
		int bw = mm(b, 60), x = W - m - bw;
		add_button(b, (struct ui_rect){x, bar_y, bw, bar_h}, _("Next"), "icon:right",
		           a->lesson_page + 1 < n_pages ? BUTTON_SECONDARY : BUTTON_DISABLED, A_LESSON_PAGE, 1);
		char *pg = arena_printf(b->arena, _("Page %d of %d"), a->lesson_page + 1, n_pages);
		int tw = mm(b, 64), th = text_height(b, pg, tw, MM_TEXT, false);
		add_text(b, UI_ROLE_TEXT, pg, x - tw - mm(b, 4), bar_y + (bar_h - th) / 2, tw, MM_TEXT, false, C_TEXT, C_BG,
		         ALIGN_CENTER);
		add_button(b, (struct ui_rect){x - tw - mm(b, 8) - bw, bar_y, bw, bar_h}, _("Back"), "icon:left",
		           a->lesson_page > 0 ? BUTTON_SECONDARY : BUTTON_DISABLED, A_LESSON_PAGE, -1);
	}
	if (a->n_lessons == 0)
		add_text(b, UI_ROLE_TEXT, _("There are no lessons on this screen yet. Ask your supervisor."), m, y, W - 2 * m,
		         MM_TEXT, false, C_TEXT, C_BG, ALIGN_START);
}

static void screen_lesson(struct ui_app *a, struct build *b)
{
	const struct lesson *l = a->pl.lesson;
	add_header(b, a->cfg.w, lesson_str(l, &l->title, a->cfg.lang), NULL);
	add_button(b, top_right_rect(b, a->cfg.w, _("Stop")), _("Stop"), "icon:stop", BUTTON_SECONDARY, A_STOP, 0);
	player_layout(&a->pl, b, a->cfg.w, a->cfg.h);
}

static void screen_end(struct ui_app *a, struct build *b)
{
	int W = a->cfg.w, H = a->cfg.h, m = mm(b, MM_MARGIN);
	const struct lesson *l = a->pl.lesson;
	add_header(b, a->cfg.w, a->end_review ? _("Review") : lesson_str(l, &l->title, a->cfg.lang), NULL);
	int s = mm(b, 44);
	int y = mm(b, MM_HEADER) + mm(b, 20);
	struct ui_elem *star = add_elem(b, UI_ROLE_IMAGE, (struct ui_rect){(W - s) / 2, y, s, s});
	star->bg = C_STAR_BG;
	star->radius = s / 2;
	star->image = "icon:star";
	star->tint_image = true;
	star->fg = RGB(0xB7791F);
	star->image_rect = (struct ui_rect){star->rect.x + s / 5, y + s / 5, s * 3 / 5, s * 3 / 5};
	y += s + mm(b, 8);
	int w = mm(b, 300);
	y += add_text(b, UI_ROLE_HEADING, arena_printf(b->arena, _("Well done, %s!"), a->me.name), (W - w) / 2, y, w,
	              MM_TITLE, true, C_TEXT, C_BG, ALIGN_CENTER);
	y += mm(b, 4);
	const char *done = a->end_review
		? _("You went over what you learnt before.")
		: arena_printf(b->arena, _("You finished the lesson \"%s\"."), lesson_str(l, &l->title, a->cfg.lang));
	y += add_text(b, UI_ROLE_TEXT, done, (W - w) / 2, y, w, MM_TEXT, false, C_TEXT, C_BG, ALIGN_CENTER);
	if (a->end_questions > 0 && a->end_first_right >= 0)
		y += add_text(b, UI_ROLE_TEXT,
		              arena_printf(b->arena, _("%d of %d questions right the first time."), a->end_first_right,
		                           a->end_questions),
		              (W - w) / 2, y, w, MM_TEXT, false, C_TEXT, C_BG, ALIGN_CENTER);
	int bh = mm(b, MM_MAIN_BUTTON + 2), bw = mm(b, 100), gap = mm(b, 10);
	int by = y + mm(b, 14);
	if (by + bh > H - m)
		by = H - m - bh;
	add_button(b, (struct ui_rect){W / 2 - gap / 2 - bw, by, bw, bh}, _("My lessons"), "icon:home", BUTTON_PRIMARY,
	           A_END_HOME, 0);
	add_button(b, (struct ui_rect){W / 2 + gap / 2, by, bw, bh}, _("Stop"), "icon:stop", BUTTON_SECONDARY, A_STOP, 0);
}

static void notice(struct ui_app *a, struct build *b)
{
	int W = a->cfg.w, H = a->cfg.h, m = mm(b, MM_MARGIN);
	/* A veil keeps taps from reaching the screen below until OK. */
	struct ui_elem *veil = add_elem(b, UI_ROLE_PANEL, (struct ui_rect){0, 0, W, H});
	veil->bg = (struct ui_color){28, 39, 48, 140};
	veil->tappable = true;
	veil->action = A_NONE;
	veil->label = NULL;
	int w = W - 2 * m > mm(b, 300) ? mm(b, 300) : W - 2 * m, pad = mm(b, 8);
	int bw = mm(b, 60), bh = mm(b, MM_MAIN_BUTTON);
	int th = text_height(b, a->notice, w - 2 * pad - mm(b, 18), MM_TEXT, false);
	int h = pad + th + mm(b, 8) + bh + pad;
	struct ui_rect r = {(W - w) / 2, (H - h) / 2, w, h};
	struct ui_elem *p = add_elem(b, UI_ROLE_NOTICE, r);
	struct ui_color bg = a->notice_good ? C_SURFACE : C_NOTICE_BG, edge = a->notice_good ? C_PRIMARY : C_NOTICE;
	p->bg = bg;
	p->border = edge;
	p->border_w = mm(b, 0.75);
	p->radius = mm(b, MM_RADIUS);
	p->label = a->notice;
	int ic = mm(b, 12);
	struct ui_elem *icon = add_elem(b, UI_ROLE_IMAGE, (struct ui_rect){r.x + pad, r.y + pad, ic, ic});
	icon->image = a->notice_good ? "icon:check" : "icon:warning";
	icon->tint_image = true;
	icon->fg = edge;
	icon->image_rect = icon->rect;
	add_text(b, UI_ROLE_TEXT, a->notice, r.x + pad + mm(b, 18), r.y + pad, w - 2 * pad - mm(b, 18), MM_TEXT, false,
	         C_TEXT, bg, ALIGN_START);
	add_button(b, (struct ui_rect){r.x + r.w - pad - bw, r.y + r.h - pad - bh, bw, bh}, _("OK"), "icon:check",
	           BUTTON_PRIMARY, A_NOTICE_OK, 0);
}

static void idle_warning(struct ui_app *a, struct build *b)
{
	int left = (int)((IDLE_WARN_MS - (a->now_ms - a->warn_since) + 999) / 1000);
	if (left < 1)
		left = 1;
	const char *button = _("I am still here");
	int bh = mm(b, 26), y;
	struct dialog d = {_("Are you still there?"),
	                   arena_printf(b->arena, _("In %d seconds you go back to the start. Your work is saved."), left),
	                   C_PRIMARY, ALIGN_CENTER, 280, 160, bh};
	struct ui_rect r = add_dialog(b, a->cfg.w, a->cfg.h, &d, &y);
	int bw = button_width(b, button, true, 120);
	add_button(b, (struct ui_rect){r.x + (r.w - bw) / 2, y, bw, bh}, button, "icon:check", BUTTON_PRIMARY, A_STILL_HERE,
	           0);
}

static void screen_fatal(struct ui_app *a, struct build *b)
{
	int W = a->cfg.w, m = mm(b, MM_MARGIN);
	add_header(b, a->cfg.w, "Leerplek", NULL);
	int w = W - 2 * m > mm(b, 320) ? mm(b, 320) : W - 2 * m;
	int x = (W - w) / 2, y = mm(b, MM_HEADER) + mm(b, 24);
	int ic = mm(b, 20);
	struct ui_elem *icon = add_elem(b, UI_ROLE_IMAGE, (struct ui_rect){x, y, ic, ic});
	icon->image = "icon:warning";
	icon->tint_image = true;
	icon->fg = C_NOTICE;
	icon->image_rect = icon->rect;
	y += ic + mm(b, 6);
	y += add_text(b, UI_ROLE_HEADING, _("This screen cannot be used right now."), x, y, w, MM_HEADING, true, C_TEXT,
	              C_BG, ALIGN_START);
	y += mm(b, 6);
	add_text(b, UI_ROLE_TEXT, a->cfg.fatal, x, y, w, MM_TEXT, false, C_TEXT, C_BG, ALIGN_START);
}

const struct ui_drawlist *ui_app_frame(struct ui_app *a)
{
	if (!a->dirty && a->dl.n)
		return &a->dl;
	arena_reset(&a->arena);
	a->dl = (struct ui_drawlist){.clear = C_BG};
	struct build b = {.arena = &a->arena, .dl = &a->dl, .metrics = &a->cfg.metrics, .u = a->u,
	                  .pressed_action = a->pressed_action, .pressed_arg = a->pressed_arg};
	if (a->cfg.fatal) {
		screen_fatal(a, &b);
		a->dirty = false;
		return &a->dl;
	}
	/* The stick's strip takes the bottom of the screens that show it;
	 * they are laid out in the height above it, so it covers nothing. */
	int strip_h = stick_strip_height(a, &b), full_h = a->cfg.h;
	a->cfg.h -= strip_h;
	switch (a->screen) {
	case SCREEN_SETUP: screen_setup(a, &b); break;
	case SCREEN_NEW_CODE: screen_new_code(a, &b); break;
	case SCREEN_CODE: screen_code(a, &b); break;
	case SCREEN_LOCKED: screen_locked(a, &b); break;
	case SCREEN_PIN: screen_pin(a, &b); break;
	case SCREEN_SV_HOME: screen_sv_home(a, &b); break;
	case SCREEN_SV_LEARNER: screen_sv_learner(a, &b); break;
	case SCREEN_SV_SETTINGS: screen_sv_settings(a, &b); break;
	case SCREEN_START: screen_start(a, &b); break;
	case SCREEN_LANGUAGE: screen_language(a, &b); break;
	case SCREEN_NEW_NAME: screen_new_name(a, &b); break;
	case SCREEN_NEW_AVATAR: screen_new_avatar(a, &b); break;
	case SCREEN_HOME: screen_home(a, &b); break;
	case SCREEN_LESSON: screen_lesson(a, &b); break;
	case SCREEN_END: screen_end(a, &b); break;
	case SCREEN_SV_ORG: screen_sv_org(a, &b); break;
	}
	a->cfg.h = full_h;
	if (strip_h)
		stick_strip(a, &b, full_h - strip_h);
	if (a->notice[0])
		notice(a, &b);
	if (a->idle_warning)
		idle_warning(a, &b);
	a->dirty = false;
	return &a->dl;
}
