/* Step `blanks`: a sentence with 1 to 4 gaps, each written as its missing
 * word between square brackets, and up to 4 wrong words to choose from.
 *
 * This file also owns the reading of "words between brackets" that
 * `markwords` shares (step_marks_scan), and step_report_at, which places a
 * message on the very character inside a text. libyaml gives only where a
 * text node starts and ends, so a character can be placed exactly when the
 * text sits on one line and its source is as long as its value (no escapes,
 * no folding); otherwise the message points at the start of the text.
 *
 * The response lists, for each place in sentence order, the word put
 * there: 0..g-1 are the missing words in sentence order, g..g+o-1 the
 * `others` in their written order. It is right when every place holds its
 * own word, or a word that is the same in every language (capitals
 * ignored), so places with the same word may swap. */
#include "step_blanks.h"
#include "step.h"
#include "util.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Shared with step_markwords.c, step_keyboard.c and the views, which
 * declare them too: they belong in step.h, which this module does not own. */

#define STEP_BLANKS_MAX_GAPS 4
#define STEP_BLANKS_MAX_OTHERS 4
#define STEP_BLANKS_MAX_WORD 30

struct step_blanks {
	int n_gaps, n_others;
	/* piece[k] is the text before gap k; piece[n_gaps] the text after
	 * the last gap. Pieces may be empty, never NULL once parsed. */
	struct lesson_text piece[STEP_BLANKS_MAX_GAPS + 1];
	struct lesson_text gap[STEP_BLANKS_MAX_GAPS];
	struct lesson_text other[STEP_BLANKS_MAX_OTHERS];
};

static const char *const keys[] = {"sentence", "others", NULL};

/* ---- placing messages inside a text ---- */

void step_report_at(struct lesson_parse *p, const yaml_node_t *value, size_t byte_off, const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* step_report places a message at a node's start mark; a copy of the
	 * node with its mark moved places it inside the text. */
	yaml_node_t at = *value;
	const char *s = step_scalar(value);
	yaml_scalar_style_t style = s ? value->data.scalar.style : YAML_ANY_SCALAR_STYLE;
	bool quoted = style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	if ((quoted || style == YAML_PLAIN_SCALAR_STYLE) && value->start_mark.line == value->end_mark.line &&
	    value->end_mark.column - value->start_mark.column == util_utf8_count(s) + (quoted ? 2 : 0)) {
		char *head = util_strndup(s, byte_off);
		at.start_mark.column += (quoted ? 1 : 0) + util_utf8_count(head);
		free(head);
	}
	step_report(p, &at, true, "%s", msg);
}

/* ---- words between brackets ---- */

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Reads the parts between brackets of one text (value) in language lang;
 * what names the text ("the sentence"), parts what its parts are called
 * ("gaps"). Gives the text without brackets (*plain_out, trimmed like
 * step_get_text, for the caller to free), the number of parts (*n) and
 * the byte range of each part in it (start, end: room for max_parts).
 * Reports every problem; false when there was one. */
bool step_marks_scan(struct lesson_parse *p, yaml_node_t *value, const char *lang, const char *what,
                     const char *parts, int max_parts, size_t max_chars, char **plain_out, int *n, size_t *start,
                     size_t *end_out)
{
	const char *s = step_scalar(value);
	*plain_out = NULL;
	*n = 0;
	if (!s)
		return false;
	size_t len = strlen(s);
	char *plain = malloc(len + 1);
	size_t o = 0;
	bool ok = true;
	long open = -1; /* byte offset of the '[' that is open */
	size_t open_plain = 0;
	bool too_many = false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '[') {
			if (open >= 0) {
				/* Most often a ']' was forgotten: say so at the '[' that
				 * lacks it, and go on from the new one. */
				step_report_at(p, value, (size_t)open,
				               "this '[' has no ']' before the next '['; brackets cannot hold brackets");
				ok = false;
				(*n)--;
			}
			open = (long)i;
			open_plain = o;
			if (++*n > max_parts && !too_many) {
				too_many = true;
				step_report_at(p, value, i, "the '%s' text of %s has more than %d %s; give 1 to %d", lang, what,
				               max_parts, parts, max_parts);
				ok = false;
			}
			continue;
		}
		if (c == ']') {
			if (open < 0) {
				step_report_at(p, value, i, "this ']' closes nothing: put a '[' before the words it belongs to");
				ok = false;
				continue;
			}
			const char *in = s + open + 1;
			size_t in_len = i - (size_t)open - 1;
			char *inner = util_strndup(in, in_len);
			size_t chars = util_utf8_count(inner);
			free(inner);
			if (in_len == 0) {
				step_report_at(p, value, (size_t)open, "empty brackets: write the word between them, like [wachtwoord]");
				ok = false;
			} else if (is_space(in[0])) {
				step_report_at(p, value, (size_t)open + 1, "no space just inside a bracket: write [word], not [ word]");
				ok = false;
			} else if (is_space(in[in_len - 1])) {
				step_report_at(p, value, i - 1, "no space just inside a bracket: write [word], not [word ]");
				ok = false;
			} else if (chars > 30) {
				step_report_at(p, value, (size_t)open, "%zu characters between these brackets; at most 30", chars);
				ok = false;
			}
			int k = *n - 1;
			if (k < max_parts) {
				start[k] = open_plain;
				end_out[k] = o;
			}
			open = -1;
			continue;
		}
		plain[o++] = c;
	}
	plain[o] = 0;
	if (open >= 0) {
		step_report_at(p, value, (size_t)open, "this '[' has no ']' after it");
		ok = false;
	}
	/* The same trimming as step_get_text; the parts move with it. */
	size_t lead = strspn(plain, " \t\n");
	size_t end = o;
	while (end > lead && (plain[end - 1] == ' ' || plain[end - 1] == '\n'))
		end--;
	memmove(plain, plain + lead, end - lead);
	plain[end - lead] = 0;
	size_t chars = util_utf8_count(plain); /* what the screen shows */
	if (chars > max_chars) {
		step_report(p, value, true,
		            "the '%s' text of %s is too long to fit the screen: %zu characters without the brackets, at most %zu",
		            lang, what, chars, max_chars);
		ok = false;
	}
	if (ok && *n == 0) {
		step_report(p, value, true, "the '%s' text of %s has no %s: put each of them between [ and ]", lang, what,
		            parts);
		ok = false;
	}
	for (int k = 0; k < *n && k < max_parts; k++) {
		start[k] = start[k] > lead ? start[k] - lead : 0;
		end_out[k] = end_out[k] > lead ? end_out[k] - lead : 0;
		if (end_out[k] > end - lead)
			end_out[k] = end - lead;
	}
	*plain_out = plain;
	return ok;
}

/* Calls fn with the language index and the value node of each text of a
 * per-language node that is sound as a text (a language of the lesson,
 * given once, not empty); step_get_text has reported the others. */
void step_each_text(struct lesson_parse *p, yaml_node_t *n, void (*fn)(void *ud, int lang, yaml_node_t *value),
                    void *ud)
{
	if (!n || n->type != YAML_MAPPING_NODE)
		return;
	const struct lesson *l = step_lesson(p);
	bool seen[LESSON_MAX_LANGS] = {false};
	for (yaml_node_pair_t *pair = n->data.mapping.pairs.start; pair < n->data.mapping.pairs.top; pair++) {
		const char *lang = step_scalar(step_node(p, pair->key));
		yaml_node_t *v = step_node(p, pair->value);
		const char *s = step_scalar(v);
		int idx = -1;
		for (int i = 0; lang && i < l->n_langs; i++)
			if (!strcmp(lang, l->langs[i]))
				idx = i;
		if (idx < 0 || seen[idx] || !s || s[strspn(s, " \t\n")] == 0)
			continue;
		seen[idx] = true;
		fn(ud, idx, v);
	}
}

/* ---- the step ---- */

struct scan {
	struct lesson_parse *p;
	struct step_blanks *d;
	int first_lang; /* the first language read (-1: none yet) ... */
	int gaps;       /* ... and its number of gaps, which the rest must have */
};

static void scan_sentence(void *ud, int lang, yaml_node_t *value)
{
	struct scan *sc = ud;
	const struct lesson *l = step_lesson(sc->p);
	char *plain;
	int n;
	size_t start[STEP_BLANKS_MAX_GAPS], end[STEP_BLANKS_MAX_GAPS];
	if (!step_marks_scan(sc->p, value, l->langs[lang], "the sentence", "gaps", STEP_BLANKS_MAX_GAPS,
	                     LESSON_MAX_QUESTION, &plain, &n, start, end)) {
		free(plain);
		return;
	}
	if (sc->first_lang < 0) {
		sc->first_lang = lang;
		sc->gaps = n;
	} else if (n != sc->gaps) {
		step_report(sc->p, value, true,
		            "the '%s' sentence has %d gap%s and the '%s' sentence %d: give every language the same number",
		            l->langs[lang], n, n == 1 ? "" : "s", l->langs[sc->first_lang], sc->gaps);
		free(plain);
		return;
	}
	struct step_blanks *d = sc->d;
	size_t at = 0;
	for (int k = 0; k < n; k++) {
		d->piece[k].s[lang] = util_strndup(plain + at, start[k] - at);
		d->gap[k].s[lang] = util_strndup(plain + start[k], end[k] - start[k]);
		at = end[k];
	}
	d->piece[n].s[lang] = util_strdup(plain + at);
	free(plain);
}

struct other_check {
	struct lesson_parse *p;
	const struct step_blanks *d;
};

static void check_other(void *ud, int lang, yaml_node_t *value)
{
	struct other_check *oc = ud;
	const char *s = step_scalar(value);
	for (int k = 0; k < oc->d->n_gaps; k++) {
		const char *gap = oc->d->gap[k].s[lang];
		if (gap && step_same_text(s, gap)) {
			step_report(oc->p, value, true,
			            "'%s' is also a missing word of the '%s' sentence; a wrong word must differ from the right ones",
			            gap, step_lesson(oc->p)->langs[lang]);
			return;
		}
	}
}

static void destroy(struct lesson_step *st)
{
	struct step_blanks *d = st->data;
	for (int k = 0; k <= STEP_BLANKS_MAX_GAPS; k++)
		step_text_free(&d->piece[k]);
	for (int k = 0; k < STEP_BLANKS_MAX_GAPS; k++)
		step_text_free(&d->gap[k]);
	for (int k = 0; k < STEP_BLANKS_MAX_OTHERS; k++)
		step_text_free(&d->other[k]);
	free(d);
	st->data = NULL;
}

static void parse(struct lesson_parse *p, yaml_node_t *n, yaml_node_t **v, struct lesson_step *st)
{
	struct step_blanks *d = calloc(1, sizeof *d);
	st->data = d;
	struct scan sc = {.p = p, .d = d, .first_lang = -1};
	if (!v[0]) {
		step_missing(p, n, "sentence", "this blanks step");
	} else {
		/* Languages, empty texts and the like; the length is checked
		 * without the brackets by step_marks_scan. */
		struct lesson_text whole = {{0}};
		step_get_text(p, v[0], "the sentence", SIZE_MAX, &whole);
		step_text_free(&whole);
		step_each_text(p, v[0], scan_sentence, &sc);
		if (sc.first_lang >= 0)
			d->n_gaps = sc.gaps;
	}
	if (!v[1])
		return;
	int count;
	yaml_node_item_t *items = step_list(p, v[1], "others", 0, STEP_BLANKS_MAX_OTHERS, &count);
	if (!items)
		return;
	for (int i = 0; i < count; i++) {
		yaml_node_t *a = step_node(p, items[i]);
		static const char *const ok_keys[] = {"text", NULL};
		yaml_node_t *av[1];
		if (!step_map_keys(p, a, "an item of others", ok_keys, av))
			continue;
		if (!av[0]) {
			step_missing(p, a, "text", "this item of others");
			continue;
		}
		struct lesson_text *t = &d->other[d->n_others++];
		/* Compared in each language whose sentence was read well. */
		if (step_get_text(p, av[0], "the word", STEP_BLANKS_MAX_WORD, t)) {
			struct other_check oc = {.p = p, .d = d};
			step_each_text(p, av[0], check_other, &oc);
		}
	}
}

/* Missing words i and j are the same in every language. */
static bool same_word(const struct step_blanks *d, int i, int j)
{
	bool any = false;
	for (int lang = 0; lang < LESSON_MAX_LANGS; lang++) {
		const char *a = d->gap[i].s[lang], *b = d->gap[j].s[lang];
		if (!a && !b)
			continue;
		if (!a || !b || !step_same_text(a, b))
			return false;
		any = true;
	}
	return any;
}

static bool judge(const struct lesson_step *st, const struct step_response *r)
{
	const struct step_blanks *d = st->data;
	if (!d || d->n_gaps == 0 || r->n != d->n_gaps)
		return false;
	bool used[STEP_BLANKS_MAX_GAPS + STEP_BLANKS_MAX_OTHERS] = {false};
	for (int i = 0; i < r->n; i++) {
		int w = r->v[i];
		if (w < 0 || w >= d->n_gaps + d->n_others || used[w])
			return false;
		used[w] = true;
		if (w != i && (w >= d->n_gaps || !same_word(d, i, w)))
			return false;
	}
	return true;
}

int step_blanks_gaps(const struct lesson_step *st)
{
	const struct step_blanks *d = st->data;
	return d ? d->n_gaps : 0;
}

int step_blanks_others(const struct lesson_step *st)
{
	const struct step_blanks *d = st->data;
	return d ? d->n_others : 0;
}

const struct lesson_text *step_blanks_piece(const struct lesson_step *st, int k)
{
	const struct step_blanks *d = st->data;
	return &d->piece[k];
}

const struct lesson_text *step_blanks_word(const struct lesson_step *st, int w)
{
	const struct step_blanks *d = st->data;
	return w < d->n_gaps ? &d->gap[w] : &d->other[w - d->n_gaps];
}

const struct step_kind step_blanks = {
	.name = "blanks", .type = LESSON_STEP_BLANKS, .built = true, .question = true, .keys = keys,
	.parse = parse, .destroy = destroy, .judge = judge,
};
