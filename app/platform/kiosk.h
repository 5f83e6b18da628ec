/* The kiosk: window, event loop, signals and the seams the script driver
 * uses (pushing input through SDL's own queue, reading the frame, moving
 * the application clock). */
#ifndef LP_KIOSK_H
#define LP_KIOSK_H

#include "../ui/ui.h"

#include <stdbool.h>
#include <stdint.h>

struct kiosk_options {
	bool windowed;
	int width, height;
	const char *data_dir;
	const char *lessons_dir;
	const char *assets_dir;
	const char *lang;
	const char *script;
	bool bench; /* print the time of the first frame */
};

/* Runs until SIGTERM (or `quit` in a script); returns the exit code. */
int kiosk_run(const struct kiosk_options *opt);

struct kiosk;
const struct ui_drawlist *kiosk_drawlist(struct kiosk *k);
void kiosk_size(struct kiosk *k, int *w, int *h);
void kiosk_push_pointer(struct kiosk *k, enum ui_event_type type, int x, int y);
void kiosk_push_text(struct kiosk *k, const char *utf8);
bool kiosk_push_key(struct kiosk *k, const char *name);
bool kiosk_save_png(struct kiosk *k, const char *path, char *err, size_t errlen);
void kiosk_advance_clock(struct kiosk *k, int64_t ms);
/* A USB stick was found mounted at dir (the path right after detection,
 * for `stick insert`), or went away (NULL: the current one). */
void kiosk_stick_insert(struct kiosk *k, const char *dir);
void kiosk_stick_remove(struct kiosk *k, const char *dir);

#endif
