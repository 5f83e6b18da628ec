/* The table of step types. Each type lives in its own step_*.c; a type
 * whose module says built = false is rejected by `check` with a message
 * that says so. */
#include "step.h"

#include <string.h>

extern const struct step_kind step_explain, step_choice, step_truefalse, step_order, step_match, step_hotspot,
	step_blanks, step_markwords, step_keyboard, step_gesture, step_sim, step_scenario;

static const struct step_kind *const kinds[LESSON_STEP_COUNT] = {
	[LESSON_STEP_EXPLAIN] = &step_explain,     [LESSON_STEP_CHOICE] = &step_choice,
	[LESSON_STEP_TRUEFALSE] = &step_truefalse, [LESSON_STEP_ORDER] = &step_order,
	[LESSON_STEP_MATCH] = &step_match,         [LESSON_STEP_HOTSPOT] = &step_hotspot,
	[LESSON_STEP_BLANKS] = &step_blanks,       [LESSON_STEP_MARKWORDS] = &step_markwords,
	[LESSON_STEP_KEYBOARD] = &step_keyboard,   [LESSON_STEP_GESTURE] = &step_gesture,
	[LESSON_STEP_SIM] = &step_sim,             [LESSON_STEP_SCENARIO] = &step_scenario,
};

const struct step_kind *step_kind_named(const char *name)
{
	for (int i = 0; i < LESSON_STEP_COUNT; i++)
		if (!strcmp(kinds[i]->name, name))
			return kinds[i];
	return NULL;
}

const struct step_kind *step_kind_of(enum lesson_step_type type)
{
	return kinds[(unsigned)type < LESSON_STEP_COUNT ? type : 0];
}
