/* Step `order`: 3 to 6 items, written in the file in the right order; the
 * learner puts them back in that order. The items are kept as the step's
 * answers (their texts; `correct` is unused), so an item's index is its
 * right place. A response lists the item indexes from the first place to
 * the last and is right when it reads 0, 1, 2, ... The view (view_order.c)
 * shuffles the items and turns taps and drags into that list. */
#include "step.h"

#include <stdlib.h>
#include <string.h>

#define ORDER_MIN 3
#define ORDER_MAX 6
#define ORDER_MAX_ITEM 60

static const char *const keys[] = {"items", NULL};

/* Two items with one text could never be told apart on the screen, and
 * either order of them would be judged wrong. Compared exactly, after the
 * trimming step_get_text does. */
static void no_repeats(struct lesson_parse *p, const struct lesson_answer *items, yaml_node_t *const *nodes, int n)
{
	const struct lesson *l = step_lesson(p);
	for (int j = 1; j < n; j++)
		for (int lang = 0; lang < l->n_langs; lang++)
			for (int i = 0; i < j; i++) {
				const char *a = items[i].text.s[lang], *b = items[j].text.s[lang];
				if (a && b && nodes[j] && !strcmp(a, b)) {
					step_report(p, step_text_node(p, nodes[j], l->langs[lang]), true,
					            "this item has the same '%s' text as item %d; every item needs a text of its own",
					            l->langs[lang], i + 1);
					break;
				}
			}
}

static void parse(struct lesson_parse *p, yaml_node_t *n, yaml_node_t **v, struct lesson_step *st)
{
	if (!v[0]) {
		step_missing(p, n, "items", "this order step");
		return;
	}
	int count;
	yaml_node_item_t *list = step_list(p, v[0], "items", ORDER_MIN, ORDER_MAX, &count);
	if (!list || count == 0)
		return;
	/* Every slot exists from the start, so lesson_strip can free what a
	 * broken item left half made. */
	st->answers = calloc((size_t)count, sizeof *st->answers);
	st->n_answers = count;
	yaml_node_t *texts[ORDER_MAX] = {NULL};
	int shown = 0; /* how to write an item: said once */
	for (int i = 0; i < count; i++) {
		yaml_node_t *item = step_node(p, list[i]);
		static const char *const ik[] = {"text", NULL};
		yaml_node_t *iv[1];
		if (!step_map_keys(p, item, "an item", ik, iv)) {
			if (item->type == YAML_SCALAR_NODE && !shown++)
				step_report(p, item, false, "write an item as:  - text: { nl: \"...\" }");
			continue;
		}
		if (!iv[0]) {
			step_missing(p, item, "text", "this item");
			continue;
		}
		if (step_get_text(p, iv[0], "the item", ORDER_MAX_ITEM, &st->answers[i].text))
			texts[i] = iv[0];
	}
	no_repeats(p, st->answers, texts, count);
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

const struct step_kind step_order = {
	.name = "order", .type = LESSON_STEP_ORDER, .built = true, .question = true, .keys = keys,
	.parse = parse, .judge = judge,
};
