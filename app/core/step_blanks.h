/* What the `blanks` view and tests read of a parsed blanks step. */
#ifndef LP_STEP_BLANKS_H
#define LP_STEP_BLANKS_H

#include "lesson.h"

int step_blanks_gaps(const struct lesson_step *st);
int step_blanks_others(const struct lesson_step *st);
const struct lesson_text *step_blanks_piece(const struct lesson_step *st, int k);
const struct lesson_text *step_blanks_word(const struct lesson_step *st, int w);

#endif
