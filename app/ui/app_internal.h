/* The state of the kiosk's screens, shared by the files that lay them out:
 * app.c (start, sign-up, home, lessons), signin.c (picture codes),
 * setup.c (the first-start wizard) and supervisor.c (supervisor mode).
 * Internal to ui. */
#ifndef LP_APP_INTERNAL_H
#define LP_APP_INTERNAL_H

#include "../core/guard.h"
#include "../core/lesson.h"
#include "../core/mastery.h"
#include "../core/org_code.h"
#include "../core/store.h"
#include "../core/sync.h"
#include "player.h"
#include "widgets.h"

#include <libintl.h>

#define _(s) dgettext("leerplek", s)
#define N_(s) (s)

enum screen {
	SCREEN_SETUP,      /* first start: language, organisation, site, PIN */
	SCREEN_START,      /* learner tiles */
	SCREEN_NEW_NAME,   /* a name on the keyboard (sign-up, or a supervisor renaming) */
	SCREEN_NEW_AVATAR, /* a picture (sign-up, or a supervisor changing it) */
	SCREEN_NEW_CODE,   /* choosing a picture code, then repeating it */
	SCREEN_CODE,       /* signing in with the picture code */
	SCREEN_LOCKED,     /* 5 wrong codes: wait for a supervisor */
	SCREEN_HOME,
	SCREEN_LESSON,
	SCREEN_END,
	SCREEN_PIN,        /* the supervisor PIN */
	SCREEN_SV_HOME,    /* supervisor: learners */
	SCREEN_SV_LEARNER, /* supervisor: one learner */
	SCREEN_SV_SETTINGS,
	SCREEN_SV_ORG,     /* supervisor: the organisation (stickui.c) */
	SCREEN_LANGUAGE,   /* a learner picks the language of their session */
};

/* Where the name, picture and code screens lead when done. */
enum flow { FLOW_SIGNUP, FLOW_SV_ADD, FLOW_SV_RENAME, FLOW_SV_AVATAR, FLOW_SV_CODE };

enum action {
	A_NONE,
	A_LEARNER,
	A_PAGE,
	A_NEW,
	A_BACK,
	A_KEY,
	A_NAME_NEXT,
	A_AVATAR,
	A_AVATAR_DONE,
	A_STOP,
	A_OPEN_LESSON,
	A_LESSON_PAGE,
	A_END_HOME,
	A_REVIEW,
	A_STILL_HERE,
	A_NOTICE_OK,
	/* signin.c */
	A_CODE_PICTURE,
	A_CODE_ERASE,
	A_CODE_BACK,
	A_NO_CODE,
	/* setup.c */
	A_SETUP_LANG,
	A_SETUP_KEY,
	A_SETUP_NEXT,
	A_SETUP_BACK,
	/* supervisor.c */
	A_CORNER,
	A_PIN_KEY,
	A_PIN_OK,
	A_SV_LEAVE,
	A_SV_LEARNER,
	A_SV_PAGE,
	A_SV_ADD,
	A_SV_SETTINGS,
	A_SV_RENAME,
	A_SV_AVATAR,
	A_SV_CODE,
	A_SV_NO_CODE,
	A_SV_UNLOCK,
	A_SV_ERASE,
	A_SV_ERASE_YES,
	A_SV_ERASE_NO,
	A_SV_BACK,
	A_SV_IDLE,
	A_SV_CODES,
	A_SV_ROUTE,
	/* app.c: the session's language */
	A_LANGUAGE,
	A_LANGUAGE_PICK,
	/* stickui.c: the USB stick and the organisation */
	A_STICK_CLOSE,
	A_STICK_SYNC,
	A_SV_ORG,
	A_ORG_NEW,
	A_ORG_NEW_YES,
	A_ORG_NEW_NO,
	A_ORG_JOIN,
	A_ORG_KEY,
	A_ORG_JOIN_OK,
	A_ORG_BACK,
};

struct avatar_info {
	const char *name, *label;
};
extern const struct avatar_info app_avatars[STORE_AVATARS];

#define REVIEW_MAX 5
#define PIN_MAX 12
#define SETUP_TEXT_MAX 80
#define CORNER_HOLD_MS 3000 /* the supervisor's hidden entry (README) */

struct ui_app {
	struct ui_app_config cfg;
	struct arena arena;
	struct ui_drawlist dl;
	bool dirty;
	double u;
	struct ui_pointer ptr;
	int pressed_action, pressed_arg;

	enum screen screen;
	struct store_learner *learners;
	int n_learners, page;

	struct store_learner me;
	char name[STORE_NAME_MAX + 1];
	bool shift;
	int avatar;
	enum flow flow;

	/* picture codes: the pictures tapped so far; when choosing a new
	 * code, the first round is kept in code_first while it is repeated */
	int code[GUARD_CODE_LEN], code_n;
	int code_first[GUARD_CODE_LEN];
	bool code_repeat;
	char code_msg[300];
	/* The last wrong code of this sign-in: the same code again (a hand
	 * hammering one picture) is not counted as another try. */
	int code_wrong[GUARD_CODE_LEN];
	bool has_code_wrong;

	/* lessons of the home screen, in order, with their progress */
	const struct lesson **lessons;
	struct store_progress *progress;
	int n_lessons, lesson_page;
	int resume; /* index into lessons, or -1 */
	enum mastery *mastery;
	int64_t *practised_at;
	bool review_due;

	/* a mixed review: question steps from practised lessons */
	const struct lesson *rv_lesson[REVIEW_MAX];
	int rv_step[REVIEW_MAX];
	int rv_n, rv_right;
	bool end_review; /* the end screen is a review's */

	struct player pl; /* pl.lesson is NULL outside a lesson */
	struct lesson *open;                 /* the lesson being played, read in full */
	struct lesson *rv_loaded[REVIEW_MAX]; /* the lessons a review draws from */
	int64_t now_ms, step_shown_ms; /* for the time an answer took */
	/* Idle sign-out: a warning after idle_ms without input, then back to
	 * the start screen after IDLE_WARN_MS more. */
	int64_t last_input_ms, idle_ms, warn_since;
	bool idle_warning;
	int end_attempts, end_first_right, end_questions;

	/* the wizard */
	int setup_step;
	char setup_lang[8];
	char org[SETUP_TEXT_MAX + 1], site[SETUP_TEXT_MAX + 1];
	bool setup_digits;
	char pin_first[PIN_MAX + 1];

	/* supervisor entry and mode */
	int64_t corner_since; /* when a press on the hidden corner began, or 0 */
	char pin[PIN_MAX + 1];
	char pin_msg[300];
	int64_t pin_wait_until; /* no guesses before this (a->now_ms clock) */
	bool supervisor;
	struct store_learner sv; /* the learner a supervisor is looking at */
	int sv_page;
	bool sv_confirm_erase;

	/* The terminal's language (set-up); cfg.lang is the session's, which a
	 * learner may change until they sign out. */
	char terminal_lang[8];
	enum screen lang_back; /* where the language screen returns to */

	char notice[600];
	bool notice_good; /* good news (done, saved) rather than a problem */

	/* the USB stick and the organisation (stickui.c) */
	struct ui_stick stick;
	bool stick_wanted; /* "update the stick" tapped; the platform takes it */
	enum { ORG_VIEW, ORG_CONFIRM_NEW, ORG_NEW_CODE, ORG_JOIN } org_mode;
	char org_code[SYNC_CODE_MAX];        /* the new code, while it is shown */
	char org_typed[ORG_CODE_CHARS + 1];  /* the code being typed: its characters only */
	char org_msg[300];
};

/* app.c */
void app_go(struct ui_app *a, enum screen s);
/* Saves the learner of the sign-up (or a supervisor's "add") with this
 * code ("" for none) and goes on. */
void app_create_learner(struct ui_app *a, const char *code_hash);
void app_set_notice(struct ui_app *a, const char *msg);
/* The same for good news: a check mark instead of a warning. */
void app_set_info(struct ui_app *a, const char *msg);
void app_store_failed(struct ui_app *a, const char *what);
void app_load_learners(struct ui_app *a);
char *app_avatar_key(struct build *b, int avatar);
/* A learner's name shortened with "…" to fit one line of w pixels. */
const char *app_fit_line(struct build *b, const char *text, int w, double size_mm, bool bold);
/* A text field showing value with a cursor; returns its height. */
int app_text_field(struct build *b, const char *label, const char *value, int x, int y, int w);
/* The keyboard that types names and the wizard's texts (at most max
 * characters); returns whether text changed. */
bool app_type_key(char *buf, size_t cap, size_t max_chars, bool *shift, int arg);

/* signin.c */
void signin_begin(struct ui_app *a, const struct store_learner *l);
void signin_choose(struct ui_app *a); /* a new code for a->me or a->sv */
void screen_code(struct ui_app *a, struct build *b);
void screen_new_code(struct ui_app *a, struct build *b);
void screen_locked(struct ui_app *a, struct build *b);
void act_signin(struct ui_app *a, int action, int arg);
/* Whether learners on this terminal need a picture code. */
bool signin_codes_required(struct ui_app *a);

/* setup.c */
bool setup_needed(struct ui_app *a);
void screen_setup(struct ui_app *a, struct build *b);
void act_setup(struct ui_app *a, int action, int arg);
void setup_text(struct ui_app *a, const char *utf8);
void setup_erase(struct ui_app *a);

/* stickui.c */
/* The height of the stick's strip on this screen (0: not shown here). */
int stick_strip_height(struct ui_app *a, struct build *b);
void stick_strip(struct ui_app *a, struct build *b, int y);
void screen_sv_org(struct ui_app *a, struct build *b);
void act_stick(struct ui_app *a, int action, int arg);
/* Typing on a physical keyboard on the organisation screen. */
void org_text(struct ui_app *a, const char *utf8);
bool org_key(struct ui_app *a, enum ui_key key);

/* supervisor.c */
void supervisor_corner(struct ui_app *a, struct build *b);
void supervisor_tick(struct ui_app *a);
void screen_pin(struct ui_app *a, struct build *b);
void screen_sv_home(struct ui_app *a, struct build *b);
void screen_sv_learner(struct ui_app *a, struct build *b);
void screen_sv_settings(struct ui_app *a, struct build *b);
void act_supervisor(struct ui_app *a, int action, int arg);
void pin_text(struct ui_app *a, const char *utf8);
/* The PIN as dots and a number pad (keys send action with 0-9, or -1 to
 * erase); not mirrored in right-to-left languages. Returns its height. */
int add_pin_pad(struct ui_app *a, struct build *b, int x, int y, int action);
/* The name/picture/code screens are done for a supervisor's flow. */
void supervisor_flow_done(struct ui_app *a);

#endif
