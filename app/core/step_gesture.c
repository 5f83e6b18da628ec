/* Step `gesture`: the learner practises one of ten gestures on a practice
 * area. The core only knows the names; recognising them is the ui's
 * (app/ui/gesture.c), which core may not use, so the names are listed here
 * once more, in the order of lessons/FORMAT.md, which is also the order of
 * enum gesture_kind (tap = 1 ... pinch-out = 10; tests/unit/
 * test_step_gesture.c holds the two together).
 *
 * st->data is an int: the gesture asked, numbered like that. The response
 * is one number, the gesture done; it is right when it is the one asked. */
#include "step.h"

#include <stdlib.h>
#include <string.h>

static const char *const keys[] = {"gesture", NULL};

static const char *const names[] = {
	"tap", "double-tap", "long-press", "drag", "swipe-left", "swipe-right", "swipe-up", "swipe-down",
	"pinch-in", "pinch-out",
};
#define N_NAMES (int)(sizeof names / sizeof names[0])

static void parse(struct lesson_parse *p, yaml_node_t *n, yaml_node_t **v, struct lesson_step *st)
{
	if (!v[0]) {
		step_missing(p, n, "gesture", "this gesture step");
		return;
	}
	const char *s = step_scalar(v[0]);
	for (int i = 0; s && i < N_NAMES; i++)
		if (!strcmp(s, names[i])) {
			int *asked = malloc(sizeof *asked);
			*asked = i + 1;
			st->data = asked;
			return;
		}
	char list[200] = "";
	for (int i = 0; i < N_NAMES; i++)
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", names[i]);
	if (s)
		step_report(p, v[0], true, "'%s' is not a gesture; use one of: %s", s, list);
	else
		step_report(p, v[0], true, "gesture must be one name: %s", list);
}

static void destroy(struct lesson_step *st)
{
	free(st->data);
	st->data = NULL;
}

static bool judge(const struct lesson_step *st, const struct step_response *r)
{
	const int *asked = st->data;
	return asked && r->n == 1 && r->v[0] == *asked;
}

const struct step_kind step_gesture = {
	.name = "gesture", .type = LESSON_STEP_GESTURE, .built = true, .question = true, .keys = keys,
	.parse = parse, .destroy = destroy, .judge = judge,
};
