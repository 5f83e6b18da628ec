/* Step `keyboard`: the learner types an `answer` (or one of the texts in
 * `accept`) on the on-screen keyboard. The comparison ignores capitals and
 * spaces at both ends; accents and every other sign count.
 *
 * The response is the typed text, with r->v[0] the index (into the
 * lesson's languages) of the language the learner saw, r->n = 1: an
 * answer is compared with the answers of that language only. Without it
 * (r->n = 0) any language's answer is accepted.
 *
 * This file also owns step_same_text, the comparison with capitals
 * ignored that `blanks` uses as well. Capitals are folded by a small table
 * of the scripts the kiosk offers (Latin, Greek, Cyrillic); the C library's
 * towlower depends on the process locale, which a kiosk cannot rely on. */
#include "step_keyboard.h"
#include "step.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Shared with the other step modules and the views, which declare them too:
 * they belong in step.h, which this module does not own. */

#define MAX_ANSWER 40
#define MAX_ACCEPT 5

struct step_keyboard {
	struct lesson_text answer;
	struct lesson_text accept[MAX_ACCEPT];
	int n_accept;
};

static const char *const keys[] = {"answer", "accept", NULL};

/* ---- capitals ignored ---- */

static uint32_t fold(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 32; /* À..Þ */
	if (c == 0x130)
		return 'i'; /* İ */
	if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
		return c | 1; /* pairs: capital even, small odd */
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
		return c & 1 ? c + 1 : c; /* pairs: capital odd */
	if (c == 0x178)
		return 0xFF; /* Ÿ */
	if (c == 0x1E9E)
		return 0xDF; /* ẞ */
	if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
		return c + 32; /* Greek */
	if (c >= 0x410 && c <= 0x42F)
		return c + 32; /* Cyrillic А..Я */
	if (c >= 0x400 && c <= 0x40F)
		return c + 80; /* Ѐ..Џ (Є, І, Ї) */
	if (c >= 0x460 && c <= 0x4BF && c != 0x482 && !(c >= 0x483 && c <= 0x489))
		return c | 1; /* Ѡ..ҿ pairs, Ґ among them */
	return c;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool step_same_text(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	while (na && is_blank(*a))
		a++, na--;
	while (nb && is_blank(*b))
		b++, nb--;
	while (na && is_blank(a[na - 1]))
		na--;
	while (nb && is_blank(b[nb - 1]))
		nb--;
	size_t i = 0, j = 0;
	while (i < na && j < nb) {
		uint32_t ca, cb;
		i += (size_t)util_utf8_decode(a + i, na - i, &ca);
		j += (size_t)util_utf8_decode(b + j, nb - j, &cb);
		if (fold(ca) != fold(cb))
			return false;
	}
	return i == na && j == nb;
}

/* ---- the step ---- */

struct one_line {
	struct lesson_parse *p;
	const char *what;
};

static void one_line(void *ud, int lang, yaml_node_t *value)
{
	const struct one_line *ol = ud;
	const char *s = step_scalar(value);
	/* Line breaks at the ends are trimmed off like in every text. */
	size_t lead = strspn(s, " \t\n"), end = strlen(s);
	while (end > lead && (s[end - 1] == '\n' || s[end - 1] == ' '))
		end--;
	for (size_t i = lead; i < end; i++)
		if (s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
			step_report_at(ol->p, value, i, "the '%s' text of %s must be one line: no line breaks and no tabs",
			               step_lesson(ol->p)->langs[lang], ol->what);
			return;
		}
}

static void get_answer(struct lesson_parse *p, yaml_node_t *n, const char *what, struct lesson_text *out)
{
	struct one_line ol = {.p = p, .what = what};
	if (step_get_text(p, n, what, MAX_ANSWER, out))
		step_each_text(p, n, one_line, &ol);
}

static void destroy(struct lesson_step *st)
{
	struct step_keyboard *d = st->data;
	step_text_free(&d->answer);
	for (int i = 0; i < MAX_ACCEPT; i++)
		step_text_free(&d->accept[i]);
	free(d);
	st->data = NULL;
}

static void parse(struct lesson_parse *p, yaml_node_t *n, yaml_node_t **v, struct lesson_step *st)
{
	struct step_keyboard *d = calloc(1, sizeof *d);
	st->data = d;
	if (v[0])
		get_answer(p, v[0], "the answer", &d->answer);
	else
		step_missing(p, n, "answer", "this keyboard step");
	if (!v[1])
		return;
	int count;
	yaml_node_item_t *items = step_list(p, v[1], "accept", 0, MAX_ACCEPT, &count);
	if (!items)
		return;
	for (int i = 0; i < count; i++) {
		yaml_node_t *a = step_node(p, items[i]);
		static const char *const ok_keys[] = {"text", NULL};
		yaml_node_t *av[1];
		if (!step_map_keys(p, a, "an item of accept", ok_keys, av))
			continue;
		if (av[0])
			get_answer(p, av[0], "the accepted answer", &d->accept[d->n_accept++]);
		else
			step_missing(p, a, "text", "this item of accept");
	}
}

static bool matches(const struct lesson_text *t, int lang, const char *typed)
{
	for (int i = 0; i < LESSON_MAX_LANGS; i++)
		if ((lang < 0 || lang == i) && t->s[i] && step_same_text(t->s[i], typed))
			return true;
	return false;
}

static bool judge(const struct lesson_step *st, const struct step_response *r)
{
	const struct step_keyboard *d = st->data;
	if (!d || !memchr(r->text, 0, sizeof r->text))
		return false;
	int lang = r->n >= 1 ? r->v[0] : -1;
	if (r->n > 1 || lang >= LESSON_MAX_LANGS || (r->n == 1 && lang < 0))
		return false;
	const char *t = r->text;
	if (t[strspn(t, " \t\n")] == 0)
		return false; /* nothing typed is never right */
	if (matches(&d->answer, lang, t))
		return true;
	for (int i = 0; i < d->n_accept; i++)
		if (matches(&d->accept[i], lang, t))
			return true;
	return false;
}

const struct lesson_text *step_keyboard_answer(const struct lesson_step *st)
{
	const struct step_keyboard *d = st->data;
	return &d->answer;
}

int step_keyboard_accepts(const struct lesson_step *st)
{
	const struct step_keyboard *d = st->data;
	return d ? d->n_accept : 0;
}

const struct lesson_text *step_keyboard_accept(const struct lesson_step *st, int i)
{
	const struct step_keyboard *d = st->data;
	return &d->accept[i];
}

const struct step_kind step_keyboard = {
	.name = "keyboard", .type = LESSON_STEP_KEYBOARD, .built = true, .question = true, .keys = keys,
	.parse = parse, .destroy = destroy, .judge = judge,
};
