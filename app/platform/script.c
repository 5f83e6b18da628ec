/* The script driver. Commands act through the same paths a person uses:
 * taps become SDL mouse events in SDL's queue, text becomes SDL text input,
 * and what is "visible" is the draw list the screen was drawn from. A
 * command runs only after the frame before it has been drawn, so `expect`
 * sees what a person would see. */
#include "script.h"
#include "kiosk.h"
#include "../core/log.h"
#include "../core/util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 8
#define EXPECT_MS 3000

struct line {
	int no;
	int argc;
	char *argv[MAX_WORDS];
};

struct script {
	char *path;
	struct line *lines;
	int n, pc;
	/* a command in progress */
	int64_t deadline, until;
	bool started;
	int hold_phase;
	char *last_output;
};

int script_split(const char *s, char **words, int max, char *err, size_t errlen)
{
	int n = 0;
	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		if (!*s || *s == '#')
			return n;
		if (n == max) {
			snprintf(err, errlen, "too many words on one line");
			goto fail;
		}
		size_t cap = strlen(s) + 1, len = 0;
		char *w = malloc(cap);
		if (*s == '"') {
			s++;
			while (*s && *s != '"') {
				if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
					s++;
				w[len++] = *s++;
			}
			if (*s != '"') {
				free(w);
				snprintf(err, errlen, "a quoted string has no closing \"");
				goto fail;
			}
			s++;
		} else {
			while (*s && *s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
				w[len++] = *s++;
		}
		w[len] = 0;
		words[n++] = w;
	}
fail:
	for (int i = 0; i < n; i++)
		free(words[i]);
	return -1;
}

static const struct {
	const char *name;
	int min, max; /* words after the command */
} commands[] = {
	{"expect", 1, 1}, {"absent", 1, 1}, {"tap", 1, 2},   {"hold", 2, 2},  {"drag", 2, 2},
	{"swipe", 1, 1},  {"type", 1, 1},   {"key", 1, 1},   {"wait", 1, 1},  {"clock", 1, 1},
	{"stick", 1, 2},  {"shot", 1, 1},   {"dump", 1, 1},  {"quit", 0, 0},
};

struct script *script_load(const char *path, char *err, size_t errlen)
{
	char *data = util_read_file(path, 1 << 20, NULL, err, errlen);
	if (!data)
		return NULL;
	struct script *s = calloc(1, sizeof *s);
	s->path = util_strdup(path);
	int cap = 0, no = 0;
	for (char *line = data, *next; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		no++;
		struct line l = {.no = no};
		char why[200];
		l.argc = script_split(line, l.argv, MAX_WORDS, why, sizeof why);
		if (l.argc < 0) {
			snprintf(err, errlen, "%s:%d: %s", path, no, why);
			goto fail;
		}
		if (l.argc == 0)
			continue;
		int known = -1;
		for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++)
			if (!strcmp(l.argv[0], commands[c].name))
				known = (int)c;
		if (known < 0 || l.argc - 1 < commands[known].min || l.argc - 1 > commands[known].max) {
			snprintf(err, errlen, known < 0 ? "%s:%d: unknown command '%s'" : "%s:%d: wrong number of words for '%s'",
			         path, no, l.argv[0]);
			for (int i = 0; i < l.argc; i++)
				free(l.argv[i]);
			goto fail;
		}
		if (s->n == cap) {
			cap = cap ? cap * 2 : 64;
			s->lines = realloc(s->lines, (size_t)cap * sizeof *s->lines);
		}
		s->lines[s->n++] = l;
	}
	free(data);
	return s;
fail:
	free(data);
	script_destroy(s);
	return NULL;
}

void script_destroy(struct script *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->n; i++)
		for (int j = 0; j < s->lines[i].argc; j++)
			free(s->lines[i].argv[j]);
	free(s->lines);
	free(s->path);
	free(s->last_output);
	free(s);
}

char *script_failure_path(const struct script *s)
{
	if (s->last_output) {
		char *dir = util_dirname(s->last_output);
		char *p = util_path_join(dir, "script-failure.png");
		free(dir);
		return p;
	}
	return util_strdup("script-failure.png");
}

/* ---- finding elements ---- */

static bool contains(const char *hay, const char *needle)
{
	return hay && strstr(hay, needle);
}

static bool visible(const struct ui_drawlist *dl, const char *text)
{
	for (int i = 0; i < dl->n; i++)
		if (contains(dl->v[i].text, text) || contains(dl->v[i].label, text))
			return true;
	return false;
}

/* The tappable element for TEXT: an exact label or text first, else the
 * first that contains it, in reading order (top to bottom, then left to
 * right). */
static const struct ui_elem *find_tappable(const struct ui_drawlist *dl, const char *text)
{
	const struct ui_elem *best = NULL;
	for (int pass = 0; pass < 2 && !best; pass++) {
		for (int i = 0; i < dl->n; i++) {
			const struct ui_elem *e = &dl->v[i];
			if (!e->tappable || !e->action)
				continue;
			bool match = pass == 0 ? ((e->label && !strcmp(e->label, text)) || (e->text && !strcmp(e->text, text)))
			                       : (contains(e->label, text) || contains(e->text, text));
			if (!match)
				continue;
			if (!best || e->rect.y < best->rect.y || (e->rect.y == best->rect.y && e->rect.x < best->rect.x))
				best = e;
		}
	}
	return best;
}

/* ---- dump ---- */

static void json_str(FILE *f, const char *s)
{
	if (!s) {
		fputs("null", f);
		return;
	}
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p < 0x20)
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

static bool dump(const struct ui_drawlist *dl, const char *path, char *err, size_t errlen)
{
	char *tmp = util_printf("%s.tmp", path);
	FILE *f = fopen(tmp, "w");
	if (!f) {
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
		free(tmp);
		return false;
	}
	fputs("[\n", f);
	for (int i = 0; i < dl->n; i++) {
		const struct ui_elem *e = &dl->v[i];
		/* The fill of a text element is what it stands on. */
		struct ui_color bg = e->bg;
		fprintf(f, "  {\"role\": \"%s\", \"label\": ", ui_role_name(e->role));
		json_str(f, e->label);
		fputs(", \"text\": ", f);
		json_str(f, e->text);
		fprintf(f,
		        ", \"rect\": [%d, %d, %d, %d], \"text_px\": %d, \"fg\": \"#%02x%02x%02x\", \"bg\": \"#%02x%02x%02x\","
		        " \"tappable\": %s}%s\n",
		        e->rect.x, e->rect.y, e->rect.w, e->rect.h, e->text ? e->text_px : 0, e->fg.r, e->fg.g, e->fg.b, bg.r,
		        bg.g, bg.b, e->tappable && e->action ? "true" : "false", i + 1 < dl->n ? "," : "");
	}
	fputs("]\n", f);
	bool ok = fflush(f) == 0 && !ferror(f);
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp, path) != 0) {
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
		remove(tmp);
		free(tmp);
		return false;
	}
	free(tmp);
	return true;
}

/* ---- running ---- */

static enum script_status fail(struct script *s, const struct line *l, const char *fmt, const char *arg)
{
	fprintf(stderr, "%s:%d: ", s->path, l->no);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	return SCRIPT_FAILED;
}

static void centre(const struct ui_elem *e, int *x, int *y)
{
	*x = e->rect.x + e->rect.w / 2;
	*y = e->rect.y + e->rect.h / 2;
}

static bool parse_num(const char *s, long *out)
{
	char *end;
	errno = 0;
	*out = strtol(s, &end, 10);
	return *s && !*end && !errno;
}

static void next(struct script *s)
{
	s->pc++;
	s->started = false;
	s->hold_phase = 0;
}

static void drag_path(struct kiosk *k, int x0, int y0, int x1, int y1)
{
	kiosk_push_pointer(k, UI_EV_POINTER_DOWN, x0, y0);
	for (int i = 1; i <= 8; i++)
		kiosk_push_pointer(k, UI_EV_POINTER_MOVE, x0 + (x1 - x0) * i / 8, y0 + (y1 - y0) * i / 8);
	kiosk_push_pointer(k, UI_EV_POINTER_UP, x1, y1);
}

enum script_status script_step(struct script *s, struct kiosk *k, int64_t now, int64_t *wake_at)
{
	if (s->pc >= s->n)
		return SCRIPT_DONE;
	const struct line *l = &s->lines[s->pc];
	const char *cmd = l->argv[0], *a1 = l->argc > 1 ? l->argv[1] : NULL, *a2 = l->argc > 2 ? l->argv[2] : NULL;
	const struct ui_drawlist *dl = kiosk_drawlist(k);
	char err[512];
	long num;
	if (!s->started) {
		s->started = true;
		s->deadline = now + EXPECT_MS;
	}
	if (!strcmp(cmd, "expect")) {
		if (visible(dl, a1)) {
			next(s);
			return SCRIPT_RAN;
		}
		if (now >= s->deadline)
			return fail(s, l, "expected \"%s\" on screen within 3 s, but it is not there", a1);
		*wake_at = now + 50 < s->deadline ? now + 50 : s->deadline;
		return SCRIPT_WAIT;
	}
	if (!strcmp(cmd, "absent")) {
		if (visible(dl, a1))
			return fail(s, l, "\"%s\" is on screen, but should not be", a1);
		next(s);
		return SCRIPT_RAN;
	}
	if (!strcmp(cmd, "tap")) {
		int x, y;
		long lx, ly;
		if (a2 && parse_num(a1, &lx) && parse_num(a2, &ly)) {
			x = (int)lx;
			y = (int)ly;
		} else if (a2) {
			return fail(s, l, "tap takes TEXT or X Y, not \"%s ...\"", a1);
		} else {
			const struct ui_elem *e = find_tappable(dl, a1);
			if (!e)
				return fail(s, l, "nothing tappable labelled \"%s\" on screen", a1);
			centre(e, &x, &y);
		}
		kiosk_push_pointer(k, UI_EV_POINTER_DOWN, x, y);
		kiosk_push_pointer(k, UI_EV_POINTER_UP, x, y);
		next(s);
		return SCRIPT_RAN;
	}
	if (!strcmp(cmd, "hold")) {
		if (!parse_num(a2, &num) || num < 0)
			return fail(s, l, "hold needs a number of milliseconds, not \"%s\"", a2);
		if (s->hold_phase == 0) {
			const struct ui_elem *e = find_tappable(dl, a1);
			if (!e)
				return fail(s, l, "nothing tappable labelled \"%s\" on screen", a1);
			int x, y;
			centre(e, &x, &y);
			kiosk_push_pointer(k, UI_EV_POINTER_DOWN, x, y);
			s->hold_phase = 1;
			s->until = now + num;
			*wake_at = s->until;
			return SCRIPT_WAIT;
		}
		if (now < s->until) {
			*wake_at = s->until;
			return SCRIPT_WAIT;
		}
		kiosk_push_pointer(k, UI_EV_POINTER_UP, -1, -1); /* -1: where it went down */
		next(s);
		return SCRIPT_RAN;
	}
	if (!strcmp(cmd, "drag")) {
		const struct ui_elem *from = find_tappable(dl, a1), *to;
		if (!from)
			return fail(s, l, "nothing to drag labelled \"%s\" on screen", a1);
		int x0, y0, x1, y1;
		centre(from, &x0, &y0);
		to = find_tappable(dl, a2);
		if (!to) {
			for (int i = 0; i < dl->n && !to; i++)
				if (contains(dl->v[i].label, a2) || contains(dl->v[i].text, a2))
					to = &dl->v[i];
		}
		if (!to)
			return fail(s, l, "no place labelled \"%s\" to drag onto", a2);
		centre(to, &x1, &y1);
		drag_path(k, x0, y0, x1, y1);
		next(s);
		return SCRIPT_RAN;
	}
	if (!strcmp(cmd, "swipe")) {
		int w, h;
		kiosk_size(k, &w, &h);
		int dx = 0, dy = 0;
		if (!strcmp(a1, "left"))
			dx = -w / 3;
		else if (!strcmp(a1, "right"))
			dx = w / 3;
		else if (!strcmp(a1, "up"))
			dy = -h / 3;
		else if (!strcmp(a1, "down"))
			dy = h / 3;
		else
			return fail(s, l, "swipe goes left, right, up or down, not \"%s\"", a1);
		drag_path(k, w / 2 - dx / 2, h / 2 - dy / 2, w / 2 + dx / 2, h / 2 + dy / 2);
		next(s);
		return SCRIPT_RAN;
	}
	if (!strcmp(cmd, "type")) {
		kiosk_push_text(k, a1);
		next(s);
		return SCRIPT_RAN;
	}
	if (!strcmp(cmd, "key")) {
		if (!kiosk_push_key(k, a1))
			return fail(s, l, "\"%s\" is not an SDL key name", a1);
		next(s);
		return SCRIPT_RAN;
	}
	if (!strcmp(cmd, "wait")) {
		if (!parse_num(a1, &num) || num < 0)
			return fail(s, l, "wait needs a number of milliseconds, not \"%s\"", a1);
		if (s->hold_phase == 0) {
			s->hold_phase = 1;
			s->until = now + num;
		}
		if (now < s->until) {
			*wake_at = s->until;
			return SCRIPT_WAIT;
		}
		next(s);
		return SCRIPT_RAN;
	}
	if (!strcmp(cmd, "clock")) {
		if (a1[0] != '+' || !parse_num(a1 + 1, &num) || num < 0)
			return fail(s, l, "clock needs +SECONDS, not \"%s\"", a1);
		kiosk_advance_clock(k, (int64_t)num * 1000);
		next(s);
		return SCRIPT_RAN;
	}
	if (!strcmp(cmd, "stick")) {
		/* The path right after detection. The command does not wait for
		 * the sync: a script can look at the progress or pull the stick
		 * mid-sync, and `expect` waits for the summary (README). */
		if (!strcmp(a1, "insert") && a2) {
			kiosk_stick_insert(k, a2);
		} else if (!strcmp(a1, "remove") && !a2) {
			kiosk_stick_remove(k, NULL);
		} else {
			return fail(s, l, "%s", "stick takes \"insert DIR\" or \"remove\"");
		}
		next(s);
		return SCRIPT_RAN;
	}
	if (!strcmp(cmd, "shot")) {
		if (!kiosk_save_png(k, a1, err, sizeof err))
			return fail(s, l, "%s", err);
		free(s->last_output);
		s->last_output = util_strdup(a1);
		next(s);
		return SCRIPT_RAN;
	}
	if (!strcmp(cmd, "dump")) {
		if (!dump(dl, a1, err, sizeof err))
			return fail(s, l, "%s", err);
		free(s->last_output);
		s->last_output = util_strdup(a1);
		next(s);
		return SCRIPT_RAN;
	}
	if (!strcmp(cmd, "quit"))
		return SCRIPT_DONE;
	return fail(s, l, "unknown command '%s'", cmd);
}
