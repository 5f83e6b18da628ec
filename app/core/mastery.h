/* Mastery (UX.md, as Kolibri and Khan Academy do it): a lesson is
 * practised once 3 of the learner's last 5 answers in it were right without
 * a hint, and mastered once an answer is right, without a hint, in a mixed
 * review on a later day than the day it became practised. Pure functions
 * over a learner's answers, so the rules are tested with tables. */
#ifndef LP_MASTERY_H
#define LP_MASTERY_H

#include <stdbool.h>
#include <stdint.h>

enum mastery { MASTERY_NEW, MASTERY_STARTED, MASTERY_PRACTISED, MASTERY_MASTERED };

struct mastery_answer {
	int64_t at_ms; /* wall clock of the answer */
	bool correct;
	int hints;
	bool review; /* given in a mixed review */
};

/* answers in the order given; started tells whether the lesson was ever
 * opened (a lesson can be started before anything is answered). day_of
 * maps a time to a day number (local calendar days in the program). */
enum mastery mastery_state(const struct mastery_answer *answers, int n, bool started,
                           int64_t (*day_of)(int64_t at_ms), int64_t *practised_at);
/* Local calendar day of a wall-clock time. */
int64_t mastery_local_day(int64_t at_ms);
const char *mastery_name(enum mastery m);

#endif
