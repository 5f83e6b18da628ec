/* A small test harness: CHECK records a failure with file:line and goes on;
 * each test program ends with the line "N passed, N failed". */
#ifndef LP_TEST_H
#define LP_TEST_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int test_passed, test_failed;

#define CHECK(cond)                                                                    \
	do {                                                                               \
		if (cond) {                                                                    \
			test_passed++;                                                             \
		} else {                                                                       \
			test_failed++;                                                             \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
		}                                                                              \
	} while (0)

#define CHECK_STR(a, b)                                                                \
	do {                                                                               \
		const char *a_ = (a), *b_ = (b);                                               \
		if (a_ && b_ && strcmp(a_, b_) == 0) {                                         \
			test_passed++;                                                             \
		} else {                                                                       \
			test_failed++;                                                             \
			fprintf(stderr, "%s:%d: \"%s\" != \"%s\"\n", __FILE__, __LINE__,           \
			        a_ ? a_ : "(null)", b_ ? b_ : "(null)");                           \
		}                                                                              \
	} while (0)

/* One check made elsewhere (ui_rig.c), counted here; returns ok. */
bool test_record(bool ok, const char *file, int line, const char *expr);
bool test_record(bool ok, const char *file, int line, const char *expr)
{
	if (ok) {
		test_passed++;
	} else {
		test_failed++;
		fprintf(stderr, "%s:%d: check failed: %s\n", file, line, expr);
	}
	return ok;
}

static inline int test_done(void)
{
	printf("%d passed, %d failed\n", test_passed, test_failed);
	return test_failed ? 1 : 0;
}

#endif
