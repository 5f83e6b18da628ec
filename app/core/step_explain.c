/* Step `explain`: a short text, with a picture if there is one. Nothing to
 * answer. */
#include "step.h"

static const char *const keys[] = {"text", NULL};

static void parse(struct lesson_parse *p, yaml_node_t *n, yaml_node_t **v, struct lesson_step *st)
{
	if (v[0])
		step_get_text(p, v[0], "this step's text", LESSON_MAX_EXPLAIN, &st->text);
	else
		step_missing(p, n, "text", "this explain step");
}

const struct step_kind step_explain = {
	.name = "explain", .type = LESSON_STEP_EXPLAIN, .built = true, .keys = keys, .parse = parse,
};
