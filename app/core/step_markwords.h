/* What the `markwords` view and tests read of a parsed markwords step. */
#ifndef LP_STEP_MARKWORDS_H
#define LP_STEP_MARKWORDS_H

#include "lesson.h"

const char *step_markwords_word(const struct lesson_step *st, int lang, int i);
int step_markwords_parts(const struct lesson_step *st);
int step_markwords_words(const struct lesson_step *st, int lang);
unsigned step_markwords_marks(const struct lesson_step *st, int lang, int i);

#endif
