/* The kiosk shell. It owns the SDL window and renderer and runs an event
 * loop that sleeps in SDL_WaitEventTimeout until input, a timer of the ui
 * (long press) or the script needs it, and draws only when the ui says the
 * screen changed: an idle kiosk uses no CPU.
 *
 * Kiosk rules: the window is borderless and desktop-sized (true fullscreen
 * needs a window manager), it grabs the keyboard and does not minimise on
 * focus loss, and closing it does not end the program. Only SIGTERM (or
 * SIGINT/SIGHUP) ends it: the signals are blocked in every thread and a
 * small thread waits for them with sigwait() and posts an SDL event, so
 * the loop ends between two commits, never inside one. */
#include "kiosk.h"
#include "../core/lesson.h"
#include "../core/log.h"
#include "../core/store.h"
#include "../core/util.h"
#include "render.h"
#include "script.h"
#include "stick.h"
#include "text.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>
#include <libintl.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct kiosk {
	const struct kiosk_options *opt;
	SDL_Window *win;
	SDL_Renderer *ren;
	struct text *text;
	struct render *render;
	struct store *store;
	struct lesson_set lessons;
	struct ui_app *app;
	const struct ui_drawlist *dl;
	int w, h;
	int64_t clock_offset_ms;
	Uint32 signal_event;
	/* USB sticks: the watcher and sync threads push stick_event and write
	 * a byte to wake_fd; the loop then takes what they found. */
	Uint32 stick_event;
	int wake_fd;
	struct stick_watcher *watcher;
	struct stick_sync *sync;
	char *stick_dir;     /* the stick last found, or NULL */
	bool stick_present;  /* still mounted */
	bool stick_pulled;   /* went away while its sync ran */
	int sync_delay_ms;   /* LEERPLEK_SYNC_DELAY_MS in script mode: a slow stick */
	int last_x, last_y;
	bool script_mode;
	bool script_fingers; /* LEERPLEK_SCRIPT_POINTER=finger: taps as touch */
};

/* ---- signals ---- */

struct signal_ctx {
	Uint32 type;
	int wake_fd; /* written after the event is pushed: wakes a poll() */
};

static void *signal_thread(void *arg)
{
	const struct signal_ctx *ctx = arg;
	Uint32 type = ctx->type;
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	int sig = 0;
	if (sigwait(&set, &sig) == 0) {
		SDL_Event ev = {.type = type};
		ev.user.code = sig;
		SDL_PushEvent(&ev);
		if (write(ctx->wake_fd, "s", 1) < 0)
			LOG(WARN, "cannot wake the event loop");
	}
	return NULL;
}

/* ---- seams for the script driver ---- */

const struct ui_drawlist *kiosk_drawlist(struct kiosk *k)
{
	return k->dl;
}

void kiosk_size(struct kiosk *k, int *w, int *h)
{
	*w = k->w;
	*h = k->h;
}

void kiosk_push_pointer(struct kiosk *k, enum ui_event_type type, int x, int y)
{
	if (x < 0 || y < 0) {
		x = k->last_x;
		y = k->last_y;
	}
	k->last_x = x;
	k->last_y = y;
	SDL_Event ev = {0};
	Uint32 win = SDL_GetWindowID(k->win);
	if (k->script_fingers) {
		/* The path a touchscreen takes: SDL makes no mouse events of these. */
		ev.type = type == UI_EV_POINTER_MOVE ? SDL_FINGERMOTION
		        : type == UI_EV_POINTER_DOWN ? SDL_FINGERDOWN
		                                     : SDL_FINGERUP;
		ev.tfinger.touchId = 1;
		ev.tfinger.fingerId = 1;
		ev.tfinger.x = (float)x / (float)k->w;
		ev.tfinger.y = (float)y / (float)k->h;
		ev.tfinger.pressure = 1.0f;
		ev.tfinger.windowID = win;
	} else if (type == UI_EV_POINTER_MOVE) {
		ev.type = SDL_MOUSEMOTION;
		ev.motion.windowID = win;
		ev.motion.x = x;
		ev.motion.y = y;
		ev.motion.state = SDL_BUTTON_LMASK;
	} else {
		ev.type = type == UI_EV_POINTER_DOWN ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
		ev.button.windowID = win;
		ev.button.button = SDL_BUTTON_LEFT;
		ev.button.state = type == UI_EV_POINTER_DOWN ? SDL_PRESSED : SDL_RELEASED;
		ev.button.clicks = 1;
		ev.button.x = x;
		ev.button.y = y;
	}
	ev.common.timestamp = SDL_GetTicks();
	SDL_PushEvent(&ev);
}

void kiosk_push_text(struct kiosk *k, const char *s)
{
	size_t n = strlen(s);
	while (n > 0) {
		/* SDL text events hold 31 bytes; cut between code points. */
		size_t take = 0;
		while (take < n) {
			uint32_t cp;
			size_t len = (size_t)util_utf8_decode(s + take, n - take, &cp);
			if (take + len > SDL_TEXTINPUTEVENT_TEXT_SIZE - 1)
				break;
			take += len;
		}
		SDL_Event ev = {0};
		ev.type = SDL_TEXTINPUT;
		ev.text.windowID = SDL_GetWindowID(k->win);
		memcpy(ev.text.text, s, take);
		SDL_PushEvent(&ev);
		s += take;
		n -= take;
	}
}

bool kiosk_push_key(struct kiosk *k, const char *name)
{
	SDL_Keycode key = SDL_GetKeyFromName(name);
	if (key == SDLK_UNKNOWN)
		return false;
	for (int i = 0; i < 2; i++) {
		SDL_Event ev = {0};
		ev.type = i ? SDL_KEYUP : SDL_KEYDOWN;
		ev.key.windowID = SDL_GetWindowID(k->win);
		ev.key.state = i ? SDL_RELEASED : SDL_PRESSED;
		ev.key.keysym.sym = key;
		ev.key.keysym.scancode = SDL_GetScancodeFromKey(key);
		SDL_PushEvent(&ev);
	}
	return true;
}

bool kiosk_save_png(struct kiosk *k, const char *path, char *err, size_t errlen)
{
	int w, h;
	if (SDL_GetRendererOutputSize(k->ren, &w, &h) != 0) {
		snprintf(err, errlen, "cannot read the screen: %s", SDL_GetError());
		return false;
	}
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!s || SDL_RenderReadPixels(k->ren, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) != 0) {
		snprintf(err, errlen, "cannot read the screen: %s", SDL_GetError());
		SDL_FreeSurface(s);
		return false;
	}
	/* Read pixels carry no alpha on some drivers: make the shot opaque. */
	SDL_SetSurfaceBlendMode(s, SDL_BLENDMODE_NONE);
	for (int y = 0; y < h; y++) {
		Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
		for (int x = 0; x < w; x++)
			row[x] |= 0xFF000000u;
	}
	char *tmp = util_printf("%s.tmp.png", path);
	int rc = IMG_SavePNG(s, tmp);
	SDL_FreeSurface(s);
	if (rc != 0 || rename(tmp, path) != 0) {
		snprintf(err, errlen, "cannot save %s: %s", path, rc ? IMG_GetError() : "rename failed");
		remove(tmp);
		free(tmp);
		return false;
	}
	free(tmp);
	return true;
}

void kiosk_advance_clock(struct kiosk *k, int64_t ms)
{
	k->clock_offset_ms += ms;
	if (k->store)
		store_set_clock_offset(k->store, k->clock_offset_ms);
}

static int64_t now_ms(const struct kiosk *k)
{
	return util_monotonic_ms() + k->clock_offset_ms;
}

/* ---- scale ---- */

/* Pixels per millimetre: from the display's DPI where SDL knows it, else
 * the reference terminal (21.5" 1080p, 4 px/mm). The result stays within a
 * quarter of what makes the reference layout fill the window, so a small
 * window on a big screen still shows the whole screen. */
static double px_per_mm(struct kiosk *k)
{
	double fit = 4.0 * (k->w / 1920.0 < k->h / 1080.0 ? k->w / 1920.0 : k->h / 1080.0);
	const char *env = getenv("LEERPLEK_PX_PER_MM");
	if (env && atof(env) > 0.5)
		return atof(env);
	float ddpi = 0, hdpi = 0, vdpi = 0;
	int display = SDL_GetWindowDisplayIndex(k->win);
	double u = fit;
	if (display >= 0 && SDL_GetDisplayDPI(display, &ddpi, &hdpi, &vdpi) == 0 && hdpi > 50 && hdpi < 400)
		u = hdpi / 25.4;
	if (u > fit * 1.25)
		u = fit * 1.25;
	if (u < fit * 0.8)
		u = fit * 0.8;
	return u;
}

/* ---- events ---- */

static void to_ui(struct kiosk *k, const SDL_Event *e)
{
	struct ui_event ev = {.time_ms = now_ms(k), .pointer = -1};
	switch (e->type) {
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
		if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT)
			return;
		ev.type = e->type == SDL_MOUSEBUTTONDOWN ? UI_EV_POINTER_DOWN : UI_EV_POINTER_UP;
		ev.x = e->button.x;
		ev.y = e->button.y;
		break;
	case SDL_MOUSEMOTION:
		if (e->motion.which == SDL_TOUCH_MOUSEID || !(e->motion.state & SDL_BUTTON_LMASK))
			return;
		ev.type = UI_EV_POINTER_MOVE;
		ev.x = e->motion.x;
		ev.y = e->motion.y;
		break;
	case SDL_FINGERDOWN:
	case SDL_FINGERUP:
	case SDL_FINGERMOTION:
		/* Finger positions are 0..1 of the window. */
		ev.type = e->type == SDL_FINGERDOWN ? UI_EV_POINTER_DOWN
		        : e->type == SDL_FINGERUP   ? UI_EV_POINTER_UP
		                                    : UI_EV_POINTER_MOVE;
		ev.x = (int)(e->tfinger.x * k->w);
		ev.y = (int)(e->tfinger.y * k->h);
		ev.pointer = (int)(e->tfinger.fingerId & 0x7fffffff);
		break;
	case SDL_TEXTINPUT:
		ev.type = UI_EV_TEXT;
		snprintf(ev.text, sizeof ev.text, "%s", e->text.text);
		break;
	case SDL_KEYDOWN:
		ev.type = UI_EV_KEY;
		switch (e->key.keysym.sym) {
		case SDLK_RETURN:
		case SDLK_KP_ENTER: ev.key = UI_KEY_RETURN; break;
		case SDLK_ESCAPE: ev.key = UI_KEY_ESCAPE; break;
		case SDLK_BACKSPACE: ev.key = UI_KEY_BACKSPACE; break;
		default: return;
		}
		break;
	default:
		return;
	}
	ui_app_input(k->app, &ev);
}

/* ---- USB sticks ---- */

/* Called from the watcher and sync threads. */
static void stick_wake(void *ud)
{
	struct kiosk *k = ud;
	SDL_Event ev = {.type = k->stick_event};
	SDL_PushEvent(&ev);
	if (write(k->wake_fd, "k", 1) < 0)
		LOG(WARN, "cannot wake the event loop");
}

static void stick_show(struct kiosk *k, enum ui_stick_state state, const struct stick_status *st)
{
	struct ui_stick u = {.state = state};
	if (st) {
		u.phase = (int)st->progress.phase;
		u.done = st->progress.done;
		u.total = st->progress.total;
		u.received = st->sum.records_received;
		u.sent = st->sum.records_sent;
		u.learners_received = st->sum.learners_received;
		u.erasures_received = st->sum.erasures_received;
		u.bundles_read = st->sum.bundles_read;
		u.rejected_foreign = st->rejected_foreign;
		u.rejected_damaged = st->rejected_damaged;
		int counted = st->rejected_foreign + st->rejected_damaged + st->rejected_other;
		u.rejected = st->sum.rejected > counted ? st->sum.rejected : counted;
		u.complete = st->sum.complete;
		snprintf(u.message, sizeof u.message, "%s", st->message);
	}
	ui_app_stick(k->app, &u);
}

/* A finished sync: its thread is joined and its outcome shown (in script
 * mode also logged, for tests). */
static void stick_collect(struct kiosk *k)
{
	struct stick_status st;
	if (!k->sync || !stick_sync_status(k->sync, &st))
		return;
	stick_sync_destroy(k->sync);
	k->sync = NULL;
	if (k->script_mode) {
		if (st.outcome == STICK_DONE)
			fprintf(stderr, "stick: synced, %d received, %d sent, %d rejected\n", st.sum.records_received,
			        st.sum.records_sent, st.sum.rejected);
		else
			fprintf(stderr, "stick: %s%s%s\n",
			        st.outcome == STICK_NO_ORG ? "no organisation" : st.outcome == STICK_FAILED ? "could not sync" : "stopped",
			        st.message[0] ? ": " : "", st.message);
	}
	if (k->stick_pulled)
		return; /* said when it was pulled */
	switch (st.outcome) {
	case STICK_DONE: stick_show(k, UI_STICK_DONE, &st); break;
	case STICK_NO_ORG: stick_show(k, UI_STICK_NO_ORG, &st); break;
	case STICK_FAILED: stick_show(k, UI_STICK_FAILED, &st); break;
	case STICK_CANCELLED:
	case STICK_RUNNING: stick_show(k, UI_STICK_NONE, NULL); break;
	}
}

/* A stick was found at dir: the path real detection and the script's
 * `stick insert` share. One sync at a time. */
void kiosk_stick_insert(struct kiosk *k, const char *dir)
{
	stick_collect(k);
	if (k->sync) {
		LOG(INFO, "stick %s: a sync is running already", dir);
		return;
	}
	char *d = util_strdup(dir);
	free(k->stick_dir);
	k->stick_dir = d;
	k->stick_present = true;
	k->stick_pulled = false;
	if (!k->store)
		return; /* the screen says the kiosk cannot work */
	k->sync = stick_sync_start(k->opt->data_dir, dir, k->sync_delay_ms, stick_wake, k);
	if (!k->sync) {
		struct stick_status st = {.outcome = STICK_FAILED};
		snprintf(st.message, sizeof st.message, "cannot start a thread for it");
		stick_show(k, UI_STICK_FAILED, &st);
		return;
	}
	struct stick_status st = {.progress = {.phase = SYNC_LOOKING}};
	stick_show(k, UI_STICK_SYNCING, &st);
}

/* The stick at dir (NULL: the current one) went away. */
void kiosk_stick_remove(struct kiosk *k, const char *dir)
{
	if (!k->stick_dir || (dir && strcmp(dir, k->stick_dir) != 0))
		return;
	k->stick_present = false;
	stick_collect(k); /* finished just before: that result stands */
	if (k->sync) {
		/* Pulled mid-sync: stop at the next safe point; the stick and the
		 * terminal's data stay usable (the engine's promise). */
		stick_sync_cancel(k->sync);
		k->stick_pulled = true;
		stick_show(k, UI_STICK_PULLED, NULL);
	} else {
		stick_show(k, UI_STICK_NONE, NULL);
	}
}

static void stick_poll(struct kiosk *k)
{
	if (k->watcher) {
		struct stick_change *v;
		int n = stick_watcher_take(k->watcher, &v);
		for (int i = 0; i < n; i++) {
			if (v[i].kind == STICK_INSERTED)
				kiosk_stick_insert(k, v[i].dir);
			else
				kiosk_stick_remove(k, v[i].dir);
		}
		stick_changes_free(v, n);
	}
	struct stick_status st;
	if (k->sync && !stick_sync_status(k->sync, &st)) {
		if (!k->stick_pulled)
			stick_show(k, UI_STICK_SYNCING, &st);
	} else {
		stick_collect(k);
	}
}

/* "Update the stick" in supervisor mode: the stick that is in, or any
 * removable file system mounted now; on an empty stick the LEERPLEK
 * folder is made first (SPEC.md). */
static void stick_sync_now(struct kiosk *k)
{
	stick_collect(k);
	if (k->sync) {
		struct stick_status st;
		stick_sync_status(k->sync, &st);
		stick_show(k, k->stick_pulled ? UI_STICK_PULLED : UI_STICK_SYNCING, &st);
		return;
	}
	if (k->stick_present && k->stick_dir && stick_has_folder(k->stick_dir)) {
		char *d = util_strdup(k->stick_dir);
		kiosk_stick_insert(k, d);
		free(d);
		return;
	}
	bool has = false;
	char *dir = k->watcher ? stick_watcher_any(k->watcher, &has) : NULL;
	if (!dir) {
		stick_show(k, UI_STICK_ABSENT, NULL);
		return;
	}
	char *folder = util_path_join(dir, STICK_FOLDER);
	if (!has && mkdir(folder, 0755) != 0 && !stick_has_folder(dir)) {
		struct stick_status st = {.outcome = STICK_FAILED};
		snprintf(st.message, sizeof st.message, "the folder LEERPLEK cannot be made on the stick: %s", strerror(errno));
		stick_show(k, UI_STICK_FAILED, &st);
	} else {
		kiosk_stick_insert(k, dir);
	}
	free(folder);
	free(dir);
}

/* Returns false when the kiosk should end. */
static bool handle(struct kiosk *k, const SDL_Event *e)
{
	if (e->type == k->signal_event) {
		LOG(INFO, "signal %d: ending", e->user.code);
		return false;
	}
	if (e->type == k->stick_event) {
		stick_poll(k);
		return true;
	}
	switch (e->type) {
	case SDL_QUIT:
		/* Closing the window does not end a kiosk. */
		LOG(INFO, "close request ignored (kiosk)");
		return true;
	case SDL_WINDOWEVENT:
		if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
			SDL_GetRendererOutputSize(k->ren, &k->w, &k->h);
			ui_app_resize(k->app, k->w, k->h, px_per_mm(k));
		} else if (e->window.event == SDL_WINDOWEVENT_EXPOSED) {
			ui_app_resize(k->app, k->w, k->h, px_per_mm(k));
		}
		return true;
	default:
		to_ui(k, e);
		if (ui_app_stick_wanted(k->app))
			stick_sync_now(k);
		return true;
	}
}

static void on_commit(void *ud, const char *kind, const char *id)
{
	(void)ud;
	fprintf(stderr, "saved %s %s\n", kind, id);
}

static void lesson_diag(void *ud, const char *path, int line, int col, bool is_error, const char *msg)
{
	(void)ud;
	fprintf(stderr, "%s:%d:%d: %s: %s\n", path, line, col, is_error ? "error" : "warning", msg);
}

/* ---- set-up ---- */

/* Reads the lesson cards and tells the screen; a file with errors is left
 * out and named in a notice. */
static void load_lessons(struct kiosk *k, const char *dir)
{
	struct lesson_diag diag = {.report = lesson_diag};
	const char *paths[] = {dir};
	lesson_set_finish(&k->lessons);
	lesson_set_load_cards(&k->lessons, paths, 1, &diag);
	LOG(INFO, "%d lessons loaded from %s, %d skipped", k->lessons.n, dir, k->lessons.n_skipped);
	ui_app_set_lessons(k->app, &k->lessons);
	if (k->lessons.n_skipped) {
		char *msg = k->lessons.n_skipped == 1
			? util_printf(dgettext("leerplek", "A lesson file could not be read and was left out: %s. "
			                                   "A supervisor can run \"leerplek check\" on it to see why."),
			              k->lessons.skipped[0])
			: util_printf(dgettext("leerplek", "%d lesson files could not be read and were left out, for example %s. "
			                                   "A supervisor can run \"leerplek check\" to see why."),
			              k->lessons.n_skipped, k->lessons.skipped[0]);
		ui_app_notice(k->app, msg);
		free(msg);
	}
}

static bool open_window(struct kiosk *k, char *err, size_t errlen)
{
	const struct kiosk_options *o = k->opt;
	Uint32 flags = SDL_WINDOW_SHOWN;
	int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED, w = o->width, h = o->height;
	if (!o->windowed) {
		SDL_DisplayMode mode;
		if (SDL_GetDesktopDisplayMode(0, &mode) != 0) {
			snprintf(err, errlen, "cannot read the screen size: %s", SDL_GetError());
			return false;
		}
		w = mode.w;
		h = mode.h;
		x = y = 0;
		flags |= SDL_WINDOW_BORDERLESS | SDL_WINDOW_INPUT_GRABBED;
	}
	k->win = SDL_CreateWindow("Leerplek", x, y, w, h, flags);
	if (!k->win) {
		snprintf(err, errlen, "cannot open a window: %s", SDL_GetError());
		return false;
	}
	/* The screens are still pictures that change on a tap, so SDL's software
	 * renderer is fast enough and spares the 90 MB that Mesa takes (see the
	 * README's figures); SDL_RENDER_DRIVER chooses another. */
	k->ren = SDL_CreateRenderer(k->win, -1, getenv("SDL_RENDER_DRIVER") ? 0 : SDL_RENDERER_SOFTWARE);
	if (!k->ren)
		k->ren = SDL_CreateRenderer(k->win, -1, 0);
	if (!k->ren) {
		snprintf(err, errlen, "cannot draw in the window: %s", SDL_GetError());
		return false;
	}
	SDL_GetRendererOutputSize(k->ren, &k->w, &k->h);
	SDL_ShowCursor(o->windowed ? SDL_ENABLE : SDL_DISABLE);
	SDL_StartTextInput();
	return true;
}

static void draw(struct kiosk *k)
{
	k->dl = ui_app_frame(k->app);
	render_draw(k->render, k->dl);
	SDL_RenderPresent(k->ren);
}

int kiosk_run(const struct kiosk_options *opt)
{
	const char *pointer = getenv("LEERPLEK_SCRIPT_POINTER");
	struct kiosk k = {.opt = opt, .script_mode = opt->script != NULL,
	                  .script_fingers = pointer && !strcmp(pointer, "finger")};
	char err[600];
	int code = 3;
	struct script *script = NULL;
	char *fatal = NULL;
	pthread_t sig_thread;
	bool have_thread = false;
	int wake_pipe[2] = {-1, -1};
	struct signal_ctx sig_ctx;

	if (opt->script) {
		script = script_load(opt->script, err, sizeof err);
		if (!script) {
			fprintf(stderr, "%s\n", err);
			return 1;
		}
	}
	/* Block the ending signals before SDL starts threads, so that only the
	 * signal thread ever receives them. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);

	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
	SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
	SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
	SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0"); /* fingers are handled as fingers */
	SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
	SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
	SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
	if (!getenv("SDL_RENDER_DRIVER"))
		SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0"); /* no OpenGL behind the window surface */
	if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
		fprintf(stderr, "leerplek: cannot start the display: %s\n"
		                "Run it in a graphical session, or headless with SDL_VIDEODRIVER=dummy.\n",
		        SDL_GetError());
		script_destroy(script);
		return 3;
	}
	k.signal_event = SDL_RegisterEvents(2);
	k.stick_event = k.signal_event + 1;
	if (pipe(wake_pipe) != 0 || fcntl(wake_pipe[0], F_SETFL, O_NONBLOCK) != 0 ||
	    fcntl(wake_pipe[0], F_SETFD, FD_CLOEXEC) != 0 || fcntl(wake_pipe[1], F_SETFD, FD_CLOEXEC) != 0) {
		fprintf(stderr, "leerplek: cannot make a pipe: %s\n", strerror(errno));
		goto out;
	}
	sig_ctx = (struct signal_ctx){.type = k.signal_event, .wake_fd = wake_pipe[1]};
	k.wake_fd = wake_pipe[1];
	have_thread = pthread_create(&sig_thread, NULL, signal_thread, &sig_ctx) == 0;
	/* SDL's dummy driver cannot sleep in SDL_WaitEvent (it polls every
	 * millisecond); headless, nothing but our own thread makes events, so
	 * the loop sleeps in poll() on its pipe instead. */
	const char *driver = SDL_GetCurrentVideoDriver();
	bool headless = driver && !strcmp(driver, "dummy");
	if (!open_window(&k, err, sizeof err)) {
		fprintf(stderr, "leerplek: %s\n", err);
		goto out;
	}
	k.text = text_create(k.ren, err, sizeof err);
	if (!k.text) {
		fprintf(stderr, "leerplek: %s\n", err);
		goto out;
	}
	k.render = render_create(k.ren, k.text, opt->assets_dir);

	const char *lang = opt->lang ? opt->lang : "nl";
	ui_i18n_set_language(lang);
	bool damaged = false;
	char *damaged_msg = NULL;
	k.store = store_open_checked(opt->data_dir, err, sizeof err, &damaged);
	if (!k.store && damaged) {
		/* Never start over silently: the damaged file is kept aside under
		 * a new name, a new database is started, and the screen says so. */
		char aside[1024];
		LOG(ERROR, "%s", err);
		if (store_put_aside(opt->data_dir, util_wall_ms(), aside, sizeof aside))
			k.store = store_open_checked(opt->data_dir, err, sizeof err, NULL);
		if (k.store)
			damaged_msg = util_printf(
				dgettext("leerplek", "The data of this screen were damaged. They are kept in %s, and Leerplek has "
				                     "started again with no learners. A supervisor should tell the person who looks "
				                     "after this screen."),
				aside);
	}
	if (!k.store) {
		fatal = util_printf(dgettext("leerplek", "Leerplek cannot save work in %s.\n%s\n"
		                                         "Ask the person who set up this screen to fix it."),
		                    opt->data_dir, err);
		fprintf(stderr, "leerplek: %s\n", err);
	} else {
		if (k.script_mode)
			store_on_commit(k.store, on_commit, NULL);
		/* Without --lang, the language chosen at set-up. */
		char chosen[16];
		const struct ui_language *l;
		if (!opt->lang && store_setting_text(k.store, "lang", chosen, sizeof chosen) && (l = ui_language_find(chosen))) {
			lang = l->code;
			ui_i18n_set_language(lang);
		}
	}
	struct ui_app_config cfg = {
		.store = k.store,
		.lessons = &k.lessons,
		.lang = lang,
		.metrics = text_metrics(k.text),
		.w = k.w,
		.h = k.h,
		.fatal = fatal,
		.idle_seconds = k.store ? store_setting_int(k.store, "idle_seconds", 120) : 0,
	};
	cfg.px_per_mm = px_per_mm(&k);
	k.app = ui_app_create(&cfg);
	if (damaged_msg) {
		fprintf(stderr, "leerplek: %s\n", damaged_msg);
		ui_app_notice(k.app, damaged_msg);
		free(damaged_msg);
	}
	if (k.store) {
		const char *delay = getenv("LEERPLEK_SYNC_DELAY_MS");
		k.sync_delay_ms = k.script_mode && delay ? atoi(delay) : 0;
		k.watcher = stick_watcher_start("/proc/self/mountinfo", stick_wake, &k, err, sizeof err);
		if (!k.watcher)
			LOG(WARN, "%s; sticks can still be synced with 'leerplek sync'", err);
	}
	bool running = true, first = true;
	int64_t script_wake = -1;
	code = fatal ? 3 : 0;
	while (running) {
		if (ui_app_dirty(k.app) || first) {
			draw(&k);
			if (first && opt->bench) {
				struct timespec ts;
				clock_gettime(CLOCK_MONOTONIC, &ts);
				fprintf(stderr, "first-frame-ns %lld\n", (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
			}
			if (first) {
				/* The lessons are read after the first frame: the start
				 * screen needs none, and start-up does not grow with
				 * their number. */
				load_lessons(&k, opt->lessons_dir);
			}
			first = false;
		}
		if (script) {
			int64_t wake = -1;
			enum script_status st = script_step(script, &k, now_ms(&k), &wake);
			if (st == SCRIPT_DONE) {
				break;
			} else if (st == SCRIPT_FAILED) {
				char *fp = script_failure_path(script);
				if (kiosk_save_png(&k, fp, err, sizeof err))
					fprintf(stderr, "frame saved as %s\n", fp);
				free(fp);
				code = 1;
				break;
			} else if (st == SCRIPT_RAN) {
				/* Let the pushed events in, then step again after drawing. */
				SDL_Event e;
				while (running && SDL_PollEvent(&e))
					running = handle(&k, &e);
				ui_app_tick(k.app, now_ms(&k));
				continue;
			}
			script_wake = wake;
		}
		int64_t deadline = ui_app_deadline(k.app);
		if (script && script_wake >= 0 && (deadline < 0 || script_wake < deadline))
			deadline = script_wake;
		int timeout = -1;
		if (deadline >= 0) {
			int64_t d = deadline - now_ms(&k);
			timeout = d < 0 ? 0 : d > 60000 ? 60000 : (int)d;
		}
		SDL_Event e;
		int got;
		if (headless) {
			struct pollfd pfd = {.fd = wake_pipe[0], .events = POLLIN};
			if (!SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT))
				poll(&pfd, 1, timeout);
			char drain[16];
			while (read(wake_pipe[0], drain, sizeof drain) > 0)
				;
			got = SDL_PollEvent(&e);
		} else {
			got = timeout < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, timeout);
		}
		if (got) {
			running = handle(&k, &e);
			while (running && SDL_PollEvent(&e))
				running = handle(&k, &e);
		}
		ui_app_tick(k.app, now_ms(&k));
	}
	/* Nothing to write here: every answer and step was committed when it
	 * happened. */
out:
	/* A sync still running stops at its next safe point. */
	stick_sync_destroy(k.sync);
	stick_watcher_stop(k.watcher);
	free(k.stick_dir);
	ui_app_destroy(k.app);
	lesson_set_finish(&k.lessons);
	store_destroy(k.store);
	render_destroy(k.render);
	text_destroy(k.text);
	if (k.ren)
		SDL_DestroyRenderer(k.ren);
	if (k.win)
		SDL_DestroyWindow(k.win);
	if (have_thread) {
		pthread_kill(sig_thread, SIGTERM); /* wake sigwait so the thread ends */
		pthread_join(sig_thread, NULL);
	}
	if (wake_pipe[0] >= 0) {
		close(wake_pipe[0]);
		close(wake_pipe[1]);
	}
	TTF_Quit();
	FcFini(); /* fontconfig's caches, so leak checkers see a clean exit */
	SDL_Quit();
	script_destroy(script);
	free(fatal);
	return code;
}
