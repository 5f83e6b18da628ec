/* Mastery rules; see mastery.h. "Later day" is a local calendar day, so a
 * review at 8:00 the morning after a lesson at 16:00 counts. */
#include "mastery.h"

#include <time.h>

int64_t mastery_local_day(int64_t at_ms)
{
	time_t t = (time_t)(at_ms / 1000);
	struct tm tm;
	if (!localtime_r(&t, &tm))
		return at_ms / 86400000;
	/* Days since 1970 of the local date (civil-from-days inverse). */
	int64_t y = tm.tm_year + 1900, m = tm.tm_mon + 1, d = tm.tm_mday;
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

enum mastery mastery_state(const struct mastery_answer *a, int n, bool started, int64_t (*day_of)(int64_t),
                           int64_t *practised_at)
{
	int64_t when = -1;
	bool mastered = false;
	for (int i = 0; i < n; i++) {
		if (when >= 0 && a[i].review && a[i].correct && a[i].hints == 0 && day_of(a[i].at_ms) > day_of(when)) {
			mastered = true;
			break;
		}
		if (when < 0) {
			/* the last five answers up to this one */
			int from = i - 4 < 0 ? 0 : i - 4, right = 0;
			for (int k = from; k <= i; k++)
				right += a[k].correct && a[k].hints == 0;
			if (right >= 3)
				when = a[i].at_ms;
		}
	}
	if (practised_at)
		*practised_at = when;
	if (mastered)
		return MASTERY_MASTERED;
	if (when >= 0)
		return MASTERY_PRACTISED;
	return started || n > 0 ? MASTERY_STARTED : MASTERY_NEW;
}

const char *mastery_name(enum mastery m)
{
	static const char *const names[] = {"new", "started", "practised", "mastered"};
	return names[m];
}
