/* What the `keyboard` view and tests read of a parsed keyboard step. */
#ifndef LP_STEP_KEYBOARD_H
#define LP_STEP_KEYBOARD_H

#include "lesson.h"

const struct lesson_text *step_keyboard_answer(const struct lesson_step *st);
int step_keyboard_accepts(const struct lesson_step *st);
const struct lesson_text *step_keyboard_accept(const struct lesson_step *st, int i);

#endif
