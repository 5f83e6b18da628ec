/* Step `markwords`: a passage in which the parts to find are written
 * between square brackets (read by step_marks_scan in step_blanks.c).
 * Every word of the passage can be framed; words are split at spaces, so a
 * sign like `,` stays with its word, and a word belongs to every marked
 * part it touches.
 *
 * Word numbers differ per language, so the response says which language
 * the learner saw: r->v[0] is its index in the lesson's languages, and
 * r->v[1..n-1] are the framed words of that language's passage, counted
 * from 0. It is right when every marked part has at least one framed word
 * and no framed word lies outside the marked parts. */
#include "step_markwords.h"
#include "step.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* From step_blanks.c, and for the view; they belong in step.h, which this
 * module does not own. */

#define MAX_PASSAGE 300
#define MAX_PARTS 8 /* fits the bits of a word's marks */

struct passage {
	int n_words;
	char **word;
	uint8_t *marks; /* per word: bit k set when it touches marked part k */
};

struct step_markwords {
	int n_parts;
	struct passage lang[LESSON_MAX_LANGS]; /* per language of the lesson; n_words 0 where not read */
};

static const char *const keys[] = {"passage", NULL};

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

struct scan {
	struct lesson_parse *p;
	struct step_markwords *d;
	int first_lang; /* the first language read, whose number of parts the rest must have; -1: none yet */
};

/* Splits plain at spaces into words; a word belongs to every part (byte
 * ranges start..end in plain) it touches. */
static void split(struct passage *ps, const char *s, int n_parts, const size_t *pstart, const size_t *pend)
{
	size_t len = strlen(s);
	ps->word = calloc(len / 2 + 1, sizeof *ps->word);
	ps->marks = calloc(len / 2 + 1, 1);
	for (size_t i = 0; i < len;) {
		while (i < len && is_space(s[i]))
			i++;
		size_t start = i;
		while (i < len && !is_space(s[i]))
			i++;
		if (i == start)
			break;
		int w = ps->n_words++;
		ps->word[w] = util_strndup(s + start, i - start);
		for (int k = 0; k < n_parts; k++)
			if (pstart[k] < i && pend[k] > start)
				ps->marks[w] |= (uint8_t)(1u << k);
	}
}

static void scan_passage(void *ud, int lang, yaml_node_t *value)
{
	struct scan *sc = ud;
	const struct lesson *l = step_lesson(sc->p);
	char *plain;
	int n;
	size_t start[MAX_PARTS], end[MAX_PARTS];
	if (!step_marks_scan(sc->p, value, l->langs[lang], "the passage", "marked parts", MAX_PARTS, MAX_PASSAGE, &plain,
	                     &n, start, end)) {
		free(plain);
		return;
	}
	if (sc->first_lang < 0) {
		sc->first_lang = lang;
		sc->d->n_parts = n;
	} else if (n != sc->d->n_parts) {
		step_report(sc->p, value, true,
		            "the '%s' passage has %d marked part%s and the '%s' passage %d: give every language the same number",
		            l->langs[lang], n, n == 1 ? "" : "s", l->langs[sc->first_lang], sc->d->n_parts);
		free(plain);
		return;
	}
	struct passage *ps = &sc->d->lang[lang];
	split(ps, plain, n, start, end);
	free(plain);
	bool free_word = false;
	for (int w = 0; w < ps->n_words; w++)
		free_word |= ps->marks[w] == 0;
	if (!free_word) {
		step_report(sc->p, value, true,
		            "every word of the '%s' passage is marked: leave at least one word outside the brackets",
		            l->langs[lang]);
	}
}

static void destroy(struct lesson_step *st)
{
	struct step_markwords *d = st->data;
	for (int l = 0; l < LESSON_MAX_LANGS; l++) {
		for (int w = 0; w < d->lang[l].n_words; w++)
			free(d->lang[l].word[w]);
		free(d->lang[l].word);
		free(d->lang[l].marks);
	}
	free(d);
	st->data = NULL;
}

static void parse(struct lesson_parse *p, yaml_node_t *n, yaml_node_t **v, struct lesson_step *st)
{
	struct step_markwords *d = calloc(1, sizeof *d);
	st->data = d;
	if (!v[0]) {
		step_missing(p, n, "passage", "this markwords step");
		return;
	}
	struct lesson_text whole = {{0}};
	step_get_text(p, v[0], "the passage", SIZE_MAX, &whole); /* languages; the length comes below */
	step_text_free(&whole);
	struct scan sc = {.p = p, .d = d, .first_lang = -1};
	step_each_text(p, v[0], scan_passage, &sc);
}

static bool judge(const struct lesson_step *st, const struct step_response *r)
{
	const struct step_markwords *d = st->data;
	if (!d || r->n < 2 || r->v[0] < 0 || r->v[0] >= LESSON_MAX_LANGS)
		return false;
	const struct passage *ps = &d->lang[r->v[0]];
	if (ps->n_words == 0)
		return false;
	unsigned found = 0;
	for (int i = 1; i < r->n; i++) {
		int w = r->v[i];
		if (w < 0 || w >= ps->n_words || ps->marks[w] == 0)
			return false;
		found |= ps->marks[w];
	}
	return found == (1u << d->n_parts) - 1;
}

int step_markwords_parts(const struct lesson_step *st)
{
	const struct step_markwords *d = st->data;
	return d ? d->n_parts : 0;
}

int step_markwords_words(const struct lesson_step *st, int lang)
{
	const struct step_markwords *d = st->data;
	return d && lang >= 0 && lang < LESSON_MAX_LANGS ? d->lang[lang].n_words : 0;
}

const char *step_markwords_word(const struct lesson_step *st, int lang, int i)
{
	const struct step_markwords *d = st->data;
	return d->lang[lang].word[i];
}

unsigned step_markwords_marks(const struct lesson_step *st, int lang, int i)
{
	const struct step_markwords *d = st->data;
	return d->lang[lang].marks[i];
}

const struct step_kind step_markwords = {
	.name = "markwords", .type = LESSON_STEP_MARKWORDS, .built = true, .question = true, .keys = keys,
	.parse = parse, .destroy = destroy, .judge = judge,
};
