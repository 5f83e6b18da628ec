/* Step `truefalse`: the question is a statement; `answer` says whether it
 * is true. The parser makes the two answers ("true", "not true") so that
 * the choice view shows them; the response is the index chosen. */
#include "step.h"

#include <stdlib.h>

static const char *const keys[] = {"answer", NULL};

static void parse(struct lesson_parse *p, yaml_node_t *n, yaml_node_t **v, struct lesson_step *st)
{
	bool answer = false;
	if (!v[0]) {
		step_missing(p, n, "answer", "this truefalse step");
		return;
	}
	if (!step_get_bool(p, v[0], "answer", &answer))
		return;
	st->answers = calloc(2, sizeof *st->answers);
	st->n_answers = 2;
	st->answers[0].correct = answer;
	st->answers[1].correct = !answer;
}

static bool judge(const struct lesson_step *st, const struct step_response *r)
{
	return r->n == 1 && r->v[0] >= 0 && r->v[0] < st->n_answers && st->answers[r->v[0]].correct;
}

const struct step_kind step_truefalse = {
	.name = "truefalse", .type = LESSON_STEP_TRUEFALSE, .built = true, .question = true, .keys = keys,
	.parse = parse, .judge = judge,
};
