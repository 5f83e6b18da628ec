/* The screens as data. The ui layer turns application state into a draw
 * list (one element per thing on screen, with its role, label, rectangle,
 * colours and wrapped text lines) and turns its own input events into
 * actions. It knows nothing of SDL: text width comes in through a callback,
 * so layout runs in tests with a fake font, and every screen can be dumped
 * and inspected. */
#ifndef LP_UI_H
#define LP_UI_H

#include "../core/util.h"

#include <stdbool.h>
#include <stdint.h>

struct store;
struct lesson_set;

struct ui_color {
	uint8_t r, g, b, a;
};

struct ui_rect {
	int x, y, w, h;
};

enum ui_role {
	UI_ROLE_PANEL,
	UI_ROLE_TEXT,
	UI_ROLE_HEADING,
	UI_ROLE_BUTTON,
	UI_ROLE_TILE,
	UI_ROLE_KEY,
	UI_ROLE_FIELD,
	UI_ROLE_IMAGE,
	UI_ROLE_PROGRESS,
	UI_ROLE_NOTICE,
};

/* One wrapped line of an element's text, in screen pixels. */
struct ui_line {
	int off, len; /* bytes of the element's text */
	int x, y, w, h;
};

struct ui_elem {
	enum ui_role role;
	const char *label; /* what read-aloud says and scripts find; NULL for decoration */
	const char *text;  /* visible text, or NULL */
	struct ui_rect rect;
	struct ui_color bg, fg, border;
	int radius, border_w;
	int text_px;
	bool bold, rtl;
	struct ui_line *lines;
	int n_lines;
	const char *image; /* "icon:NAME", "avatar:NAME" or a file path */
	struct ui_rect image_rect;
	bool tint_image; /* draw the (white) image in fg */
	bool tappable;
	int action, arg;
};

struct ui_drawlist {
	struct ui_elem *v;
	int n, cap;
	struct ui_color clear;
};

const char *ui_role_name(enum ui_role role);

/* Text measurement, provided by the platform (or a fake in tests). */
struct ui_text_metrics {
	int (*width)(void *ud, const char *s, size_t n, int px, bool bold);
	void *ud;
};

/* Wraps text to max_w at px using Unicode line breaking (libunibreak);
 * lines come from the arena. Line height is 1.5 times px. Returns the
 * number of lines; *rtl tells whether the paragraph runs right to left. */
int ui_text_wrap(const struct ui_text_metrics *m, struct arena *a, const char *text, int px, bool bold,
                 int max_w, struct ui_line **lines, bool *rtl);

/* Input: the platform turns mouse and finger events into these. */
enum ui_event_type {
	UI_EV_POINTER_DOWN,
	UI_EV_POINTER_MOVE,
	UI_EV_POINTER_UP,
	UI_EV_POINTER_CANCEL,
	UI_EV_TEXT,
	UI_EV_KEY,
};

enum ui_key {
	UI_KEY_NONE,
	UI_KEY_RETURN,
	UI_KEY_ESCAPE,
	UI_KEY_BACKSPACE,
};

struct ui_event {
	enum ui_event_type type;
	int64_t time_ms; /* monotonic */
	int x, y;
	int pointer; /* -1 for the mouse, the finger id otherwise */
	char text[32];
	enum ui_key key;
};

/* The pointer model: one pointer at a time (mouse or first finger) made
 * into tap, long press and drag, with a generous movement tolerance. */
enum ui_gesture_type {
	UI_GESTURE_PRESS,
	UI_GESTURE_TAP,
	UI_GESTURE_LONG_PRESS,
	UI_GESTURE_DRAG_START,
	UI_GESTURE_DRAG_MOVE,
	UI_GESTURE_DRAG_END,
	UI_GESTURE_RELEASE, /* up after a long press */
	UI_GESTURE_CANCEL,
};

struct ui_gesture {
	enum ui_gesture_type type;
	int x, y;   /* where the pointer is now */
	int x0, y0; /* where it went down */
};

#define UI_LONG_PRESS_MS 700

struct ui_pointer {
	bool down, dragging, long_fired;
	int id;
	int x0, y0, x, y;
	int64_t t0;
	int slop; /* pixels the pointer may move and still tap */
};

void ui_pointer_init(struct ui_pointer *p, int slop_px);
/* Feeds one pointer event; writes up to 2 gestures, returns how many. */
int ui_pointer_feed(struct ui_pointer *p, const struct ui_event *ev, struct ui_gesture out[2]);
/* Reports a long press once its time has come; returns 0 or 1. */
int ui_pointer_tick(struct ui_pointer *p, int64_t now_ms, struct ui_gesture *out);
/* When the next tick is due (monotonic ms), or -1. */
int64_t ui_pointer_deadline(const struct ui_pointer *p);

/* The application's screens. */
struct ui_app;

struct ui_app_config {
	struct store *store;
	const struct lesson_set *lessons;
	const char *lang; /* terminal language, e.g. "nl" */
	struct ui_text_metrics metrics;
	int w, h;
	double px_per_mm;
	/* When set, the kiosk cannot work (no database): the screen says this
	 * and nothing else. */
	const char *fatal;
	/* Seconds without a touch before a signed-in learner is asked whether
	 * they are still there (then 30 s to answer); 0 means 120. */
	int idle_seconds;
};

struct ui_app *ui_app_create(const struct ui_app_config *cfg);
void ui_app_destroy(struct ui_app *app);
void ui_app_resize(struct ui_app *app, int w, int h, double px_per_mm);
/* Handles one event; the app marks itself dirty when the screen changes. */
void ui_app_input(struct ui_app *app, const struct ui_event *ev);
void ui_app_tick(struct ui_app *app, int64_t now_ms);
int64_t ui_app_deadline(const struct ui_app *app);
bool ui_app_dirty(const struct ui_app *app);
/* Lays out the current screen (only when dirty) and returns it. */
const struct ui_drawlist *ui_app_frame(struct ui_app *app);
/* The lessons (cards) were read or read again: the home screen follows. */
void ui_app_set_lessons(struct ui_app *app, const struct lesson_set *lessons);
/* A message for the person at the screen, shown above everything. */
void ui_app_notice(struct ui_app *app, const char *msg);

/* USB stick sync as the screens show it. The platform runs the sync in a
 * thread and tells the screens what happens; they show a strip at the
 * bottom of the start screen and the supervisor's list (app/ui/stickui.c). */
enum ui_stick_state {
	UI_STICK_NONE,    /* nothing to show */
	UI_STICK_SYNCING, /* phase, done, total */
	UI_STICK_DONE,    /* it ran: the counts below */
	UI_STICK_NO_ORG,  /* this terminal has no organisation yet */
	UI_STICK_FAILED,  /* it could not run: message */
	UI_STICK_PULLED,  /* the stick went away before the end */
	UI_STICK_ABSENT,  /* "update the stick" with no stick in */
};

struct ui_stick {
	enum ui_stick_state state;
	int phase, done, total; /* enum sync_phase, bundles */
	int received, sent, learners_received, erasures_received, bundles_read;
	int rejected, rejected_foreign, rejected_damaged;
	bool complete;
	char message[300]; /* from the sync, for a supervisor */
};

void ui_app_stick(struct ui_app *app, const struct ui_stick *st);
/* A supervisor asked to update the stick now: true once per request. */
bool ui_app_stick_wanted(struct ui_app *app);

/* Sets the language of the UI strings (gettext) for this process. */
void ui_i18n_init(const char *localedir);
void ui_i18n_set_language(const char *lang);
struct ui_language {
	const char *code, *name; /* "nl", "Nederlands" */
};
/* The UI languages there are; returns their number. */
int ui_languages(const struct ui_language **out);
const struct ui_language *ui_language_find(const char *code);

/* Contrast ratio of two colours, WCAG 2 definition (1 to 21). */
double ui_contrast(struct ui_color a, struct ui_color b);

#endif
