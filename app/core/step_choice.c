/* Step `choice`: one right answer, or several with `multiple: true`. The
 * response lists the chosen answers' indexes; it is right when it holds
 * exactly the right ones. */
#include "step.h"

#include <stdlib.h>

static const char *const keys[] = {"multiple", "answers", NULL};

static void parse(struct lesson_parse *p, yaml_node_t *n, yaml_node_t **v, struct lesson_step *st)
{
	if (v[0])
		step_get_bool(p, v[0], "multiple", &st->multiple);
	if (!v[1]) {
		step_missing(p, n, "answers", "this choice step");
		return;
	}
	int count;
	yaml_node_item_t *items = step_list(p, v[1], "answers", 2, 6, &count);
	if (!items)
		return;
	st->answers = calloc((size_t)(count ? count : 1), sizeof *st->answers);
	int right = 0;
	for (int i = 0; i < count; i++) {
		yaml_node_t *a = step_node(p, items[i]);
		static const char *const ak[] = {"text", "correct", NULL};
		yaml_node_t *av[2];
		if (!step_map_keys(p, a, "an answer", ak, av))
			continue;
		struct lesson_answer *ans = &st->answers[st->n_answers++];
		if (av[0])
			step_get_text(p, av[0], "the answer", LESSON_MAX_ANSWER, &ans->text);
		else
			step_missing(p, a, "text", "this answer");
		if (av[1])
			step_get_bool(p, av[1], "correct", &ans->correct);
		right += ans->correct;
	}
	if (st->multiple && right == 0)
		step_report(p, v[1], true, "this choice has no right answer: mark at least one with 'correct: true'");
	else if (!st->multiple && right == 0)
		step_report(p, v[1], true, "this choice has no right answer: mark one with 'correct: true'");
	else if (!st->multiple && right > 1)
		step_report(p, v[1], true, "this choice has %d right answers; mark exactly one, or add 'multiple: true'",
		            right);
}

static bool judge(const struct lesson_step *st, const struct step_response *r)
{
	bool chosen[6] = {false};
	for (int i = 0; i < r->n; i++) {
		if (r->v[i] < 0 || r->v[i] >= st->n_answers)
			return false;
		chosen[r->v[i]] = true;
	}
	for (int i = 0; i < st->n_answers; i++)
		if (chosen[i] != st->answers[i].correct)
			return false;
	return r->n > 0;
}

const struct step_kind step_choice = {
	.name = "choice", .type = LESSON_STEP_CHOICE, .built = true, .question = true, .keys = keys,
	.parse = parse, .judge = judge,
};
