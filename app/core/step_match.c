/* Step `match`: 2 to 5 pairs; the learner joins each left item to its
 * right item. The left items are kept as the step's answers (their texts;
 * `correct` is unused) and the right items as st->data, an array of
 * struct lesson_text indexed like them: pair i is answers[i] with
 * right[i]. A response gives, for each left item in turn, the index of the
 * right item joined to it, and is right when it reads 0, 1, 2, ... The
 * view (view_match.c) shuffles the right column. */
#include "step.h"

#include <stdlib.h>
#include <string.h>

#define MATCH_MIN 2
#define MATCH_MAX 5
#define MATCH_MAX_LEFT 40
#define MATCH_MAX_RIGHT 60

static const char *const keys[] = {"pairs", NULL};

/* Two left (or two right) items with one text could not be told apart on
 * the screen. Compared exactly, after the trimming step_get_text does. */
static void no_repeats(struct lesson_parse *p, const struct lesson_text *const *t, yaml_node_t *const *nodes, int n,
                       const char *side)
{
	const struct lesson *l = step_lesson(p);
	for (int j = 1; j < n; j++)
		for (int lang = 0; lang < l->n_langs; lang++)
			for (int i = 0; i < j; i++) {
				const char *a = t[i]->s[lang], *b = t[j]->s[lang];
				if (a && b && nodes[j] && !strcmp(a, b)) {
					step_report(p, step_text_node(p, nodes[j], l->langs[lang]), true,
					            "this %s item has the same '%s' text as the %s item of pair %d; every %s item needs a "
					            "text of its own",
					            side, l->langs[lang], side, i + 1, side);
					break;
				}
			}
}

static void parse(struct lesson_parse *p, yaml_node_t *n, yaml_node_t **v, struct lesson_step *st)
{
	if (!v[0]) {
		step_missing(p, n, "pairs", "this match step");
		return;
	}
	int count;
	yaml_node_item_t *list = step_list(p, v[0], "pairs", MATCH_MIN, MATCH_MAX, &count);
	if (!list || count == 0)
		return;
	/* Every slot exists from the start, so lesson_strip and destroy can
	 * free what a broken pair left half made. */
	st->answers = calloc((size_t)count, sizeof *st->answers);
	struct lesson_text *right = calloc((size_t)count, sizeof *right);
	st->n_answers = count;
	st->data = right;
	yaml_node_t *left_nodes[MATCH_MAX] = {NULL}, *right_nodes[MATCH_MAX] = {NULL};
	int shown = 0; /* how to write a pair: said once */
	for (int i = 0; i < count; i++) {
		yaml_node_t *pair = step_node(p, list[i]);
		static const char *const pk[] = {"left", "right", NULL};
		yaml_node_t *pv[2];
		if (!step_map_keys(p, pair, "a pair", pk, pv)) {
			if (pair->type == YAML_SCALAR_NODE && !shown++)
				step_report(p, pair, false, "write a pair as:  - left: { nl: \"...\" }  right: { nl: \"...\" }");
			continue;
		}
		if (!pv[0])
			step_missing(p, pair, "left", "this pair");
		else if (step_get_text(p, pv[0], "the left item", MATCH_MAX_LEFT, &st->answers[i].text))
			left_nodes[i] = pv[0];
		if (!pv[1])
			step_missing(p, pair, "right", "this pair");
		else if (step_get_text(p, pv[1], "the right item", MATCH_MAX_RIGHT, &right[i]))
			right_nodes[i] = pv[1];
	}
	const struct lesson_text *lt[MATCH_MAX], *rt[MATCH_MAX];
	for (int i = 0; i < count; i++) {
		lt[i] = &st->answers[i].text;
		rt[i] = &right[i];
	}
	no_repeats(p, lt, left_nodes, count, "left");
	no_repeats(p, rt, right_nodes, count, "right");
}

static void destroy(struct lesson_step *st)
{
	struct lesson_text *right = st->data;
	for (int i = 0; i < st->n_answers; i++)
		step_text_free(&right[i]);
	free(right);
	st->data = NULL;
}

static bool judge(const struct lesson_step *st, const struct step_response *r)
{
	if (st->n_answers < 1 || r->n != st->n_answers)
		return false;
	for (int i = 0; i < r->n; i++)
		if (r->v[i] != i)
			return false;
	return true;
}

const struct step_kind step_match = {
	.name = "match", .type = LESSON_STEP_MATCH, .built = true, .question = true, .keys = keys,
	.parse = parse, .destroy = destroy, .judge = judge,
};
