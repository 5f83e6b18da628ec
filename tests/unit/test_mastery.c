/* The mastery rules of UX.md, as tables of answers. */
#include "../../app/core/mastery.h"
#include "test.h"

#define DAY 86400000LL

/* Days are whole UTC days here, so the tests do not depend on the zone. */
static int64_t utc_day(int64_t at_ms)
{
	return at_ms / DAY;
}

struct row {
	const char *name;
	const char *answers; /* one letter each: R right, W wrong, H right after a hint, r right in a review, w wrong in a review */
	int review_day;      /* the day of the review answers (others are on day 0) */
	bool started;
	enum mastery want;
};

static const struct row rows[] = {
	{"nothing yet", "", 0, false, MASTERY_NEW},
	{"opened, no answers", "", 0, true, MASTERY_STARTED},
	{"two right", "RR", 0, false, MASTERY_STARTED},
	{"three right", "RRR", 0, false, MASTERY_PRACTISED},
	{"three of five", "RWRWR", 0, false, MASTERY_PRACTISED},
	{"two of five", "WRWRW", 0, false, MASTERY_STARTED},
	{"hints do not count", "HHRRH", 0, false, MASTERY_STARTED},
	{"three right within five, with wrong ones between", "RRWWR", 0, false, MASTERY_PRACTISED},
	{"spread out: never three in five", "RWWRWWRWW", 0, false, MASTERY_STARTED},
	{"review the same day: not yet", "RRRr", 0, false, MASTERY_PRACTISED},
	{"review on a later day", "RRRr", 1, false, MASTERY_MASTERED},
	{"wrong review on a later day", "RRRw", 1, false, MASTERY_PRACTISED},
	{"review before practised does not count", "rRRR", 1, false, MASTERY_PRACTISED},
};

static void test_rows(void)
{
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct row *r = &rows[i];
		struct mastery_answer a[32];
		int n = 0;
		for (const char *c = r->answers; *c; c++, n++) {
			bool review = *c == 'r' || *c == 'w';
			/* "review before practised": its review letter comes first but
			 * on a later day, so order by time would move it; keep order. */
			a[n] = (struct mastery_answer){.at_ms = (review ? r->review_day * DAY : 0) + n * 1000,
			                               .correct = *c == 'R' || *c == 'H' || *c == 'r',
			                               .hints = *c == 'H',
			                               .review = review};
		}
		int64_t when;
		enum mastery m = mastery_state(a, n, r->started, utc_day, &when);
		if (m != r->want)
			fprintf(stderr, "  %s: got %s, want %s\n", r->name, mastery_name(m), mastery_name(r->want));
		CHECK(m == r->want);
		CHECK((m >= MASTERY_PRACTISED) == (when >= 0));
	}
}

static void test_local_day(void)
{
	/* Consecutive local days differ by one, whatever the zone. */
	int64_t t = 1790000000000LL;
	CHECK(mastery_local_day(t + DAY) - mastery_local_day(t) == 1);
	CHECK(mastery_local_day(t + 7 * DAY) - mastery_local_day(t) == 7);
	CHECK(mastery_local_day(0) <= 1 && mastery_local_day(0) >= -1);
}

int main(void)
{
	test_rows();
	test_local_day();
	return test_done();
}
