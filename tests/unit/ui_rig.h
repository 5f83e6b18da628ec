/* What the ui tests share: a fake font, a rig that drives a ui_app over a
 * temporary store, a screen that lays out one player or one step view
 * without the app, and the screen rules of UX.md checked on a drawlist.
 * The checks count in the test's own tally through test_record() (test.h),
 * so each test program still ends with its one "N passed, N failed". */
#ifndef LP_UI_RIG_H
#define LP_UI_RIG_H

#include "../../app/core/lesson.h"
#include "../../app/core/store.h"
#include "../../app/ui/player.h"
#include "../../app/ui/ui.h"

#include <stdbool.h>
#include <stdint.h>

/* Provided by test.h in the test's translation unit. */
bool test_record(bool ok, const char *file, int line, const char *expr);

/* Every code point is half the text size wide. */
int rig_fake_width(void *ud, const char *s, size_t n, int px, bool bold);
extern const struct ui_text_metrics rig_fake;

/* The rules every screen keeps; where copies of the checker differed, the
 * difference is a field here. Always checked: inside the screen (or area),
 * tappable things at least 20 mm and labelled, not overlapping, text at
 * least 9 mm and 7:1, nothing painted over (rig_covered). */
enum rig_border {
	RIG_BORDER_NONE, /* borders not checked */
	RIG_BORDER_ALL,  /* a tappable thing's border or fill 3:1 on the screen */
	RIG_BORDER_KEYS, /* the same, keys of a keyboard exempt */
};

struct rig_rules {
	int gap_mm;              /* tappable things this far apart (0: may touch) */
	bool lines;              /* each line inside its element, at most 62 characters */
	enum rig_border border;
	bool veil;               /* a translucent tappable panel makes what is under it unreachable */
	const struct ui_color *exempt_fg; /* text in this colour skips 7:1 (say why at the caller) */
};

void rig_check_rules(const struct ui_drawlist *dl, int w, int h, double u, const struct rig_rules *rules,
                     const char *where);

const struct ui_elem *rig_find(const struct ui_drawlist *dl, const char *label, bool tappable);
/* Whether an opaque element paints over text or a thing to tap or look at
 * drawn before it; *a is the one covered, *b the one over it. Checked by
 * rig_check_rules on every screen. */
bool rig_covered(const struct ui_drawlist *dl, int *a, int *b);
bool rig_overlap(struct ui_rect a, struct ui_rect b, int gap);

/* ---- a whole ui_app ---- */

struct rig {
	struct ui_app *app;
	struct store *store; /* owned when rig_open made it */
	struct lesson_set set;
	bool has_set;
	char data[64];               /* the store's directory */
	char learner[LP_ID_LEN + 1]; /* Ali's id, after rig_open */
	int w, h;
	double u;
	int64_t t;
	int screens;
	bool kiosk;          /* as the kiosk's loop: a frame after each event, a tick after a click */
	struct rig_rules rules;
};

/* w x h at 4 px/mm on 1920x1080, scaled; no app yet. */
void rig_init(struct rig *r, int w, int h);
/* A store in a new directory under /tmp named after prefix. */
bool rig_open_store(struct rig *r, const char *prefix);
/* Lessons from dir (cards: the step-type fixtures' layout). */
bool rig_load(struct rig *r, const char *dir, bool cards);
/* The app over store and set with the fake font, in English. */
struct ui_app *rig_create(struct rig *r, struct store *store, const struct lesson_set *set);
/* A store, the lessons in dir (cards), the learner "Ali", and the app. */
bool rig_open(struct rig *r, const char *prefix, const char *dir);
/* The new learner "K" with the boat, up to the home page. */
void rig_onboard(struct rig *r);
void rig_close(struct rig *r);

bool rig_visible(struct rig *r, const char *text);
const struct ui_elem *rig_elem(struct rig *r, const char *label, bool tappable);
/* A finger down and, 80 ms later, up at x, y. */
void rig_press(struct rig *r, int x, int y);
/* A press, then a second passes. */
void rig_click(struct rig *r, int x, int y);
bool rig_tap(struct rig *r, const char *label);
void rig_type(struct rig *r, const char *s);
void rig_check_screen(struct rig *r, const char *where);

/* ---- one player or one step view, without the app ---- */

struct rig_screen {
	struct arena arena;
	struct ui_drawlist dl;
	struct build b;
	int w, h;
	double u;
};

void rig_screen_init(struct rig_screen *sc, int w, int h, double u);
void rig_screen_finish(struct rig_screen *sc);
/* The whole player at w x h. */
const struct ui_drawlist *rig_lay_player(struct rig_screen *sc, struct player *pl);
/* One view in area. */
void rig_lay_view(struct rig_screen *sc, const struct step_view *view, struct player *pl, struct ui_rect area);
/* Lays the player out and checks it: the rules, 3 mm between targets. */
void rig_check_player(struct rig_screen *sc, struct player *pl, const char *where);
/* Taps the view's element labelled label. */
bool rig_tap_view(struct rig_screen *sc, struct player *pl, const char *label);
/* Judges the view's response as the Check button does. */
bool rig_check_answer(struct player *pl);
/* The rules for a view alone in area: inside it, 3 mm apart, at least one
 * tappable thing; border_on_bg: each tappable border 3:1 on C_BG. */
void rig_check_view(const struct rig_screen *sc, struct ui_rect area, bool border_on_bg);

#endif
