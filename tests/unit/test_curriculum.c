/* The curriculum's claims, checked against the lesson files themselves so
 * they cannot drift: the three routes and their sizes, the six soft-skill
 * lessons (folders 80-89) built around scenarios, every one of the 21
 * DigComp 2.2 competences, Dutch and English in every lesson, 5 to 8
 * minutes and 3 to 7 practice items each, and the tables in
 * lessons/README.md, which this test writes out when they differ:
 *
 *   LEERPLEK_WRITE_TABLES=1 build/tests/unit/test-curriculum lessons
 *
 * rewrites the part of lessons/README.md between its markers. */
#include "../../app/core/lesson.h"
#include "../../app/core/util.h"
#include "test.h"

#include <stdarg.h>

static const char *const type_names[LESSON_STEP_COUNT] = {
	"explain", "choice", "truefalse", "order", "match", "hotspot",
	"blanks", "markwords", "keyboard", "gesture", "sim", "scenario",
};

static const char *const competences[21] = {
	"1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "3.1", "3.2",
	"3.3", "3.4", "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "5.4",
};

struct buf {
	char *s;
	size_t n, cap;
};

static void put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char tmp[2048];
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (b->n + (size_t)n + 1 > b->cap) {
		b->cap = (b->n + (size_t)n + 1) * 2;
		b->s = realloc(b->s, b->cap);
	}
	memcpy(b->s + b->n, tmp, (size_t)n + 1);
	b->n += (size_t)n;
}

/* "lessons/84-work-together/lesson.yaml" -> "84-work-together" */
static const char *folder(const struct lesson *l, char *out, size_t len)
{
	const char *end = strrchr(l->path, '/');
	const char *start = end;
	while (start && start > l->path && start[-1] != '/')
		start--;
	snprintf(out, len, "%.*s", end && start ? (int)(end - start) : 0, start ? start : "");
	return out;
}

static bool soft(const struct lesson *l)
{
	char f[128];
	folder(l, f, sizeof f);
	return f[0] == '8' && f[1] >= '0' && f[1] <= '9' && f[2] == '-';
}

static const char *route_names(unsigned roles, char *out, size_t len)
{
	snprintf(out, len, "%s%s%s%s%s", roles & LESSON_ROLE_WORKER ? "worker" : "",
	         (roles & LESSON_ROLE_WORKER) && (roles & 6) ? ", " : "", roles & LESSON_ROLE_SUPERVISOR ? "supervisor" : "",
	         (roles & LESSON_ROLE_SUPERVISOR) && (roles & LESSON_ROLE_MANAGER) ? ", " : "",
	         roles & LESSON_ROLE_MANAGER ? "manager" : "");
	return out;
}

static int scenarios(const struct lesson *l)
{
	int n = 0;
	for (int i = 0; i < l->n_steps; i++)
		n += l->steps[i].type == LESSON_STEP_SCENARIO;
	return n;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: test-curriculum LESSONS_DIR\n");
		return 2;
	}
	struct lesson_set set;
	struct lesson_diag d = {0};
	const char *paths[] = {argv[1]};
	lesson_set_load(&set, paths, 1, &d);
	CHECK(d.errors == 0 && d.warnings == 0 && set.n_skipped == 0);

	int workers = 0, supervisors = 0, managers = 0, softs = 0, per[21] = {0};
	struct buf t = {0};
	put(&t, "| folder | title | route | DigComp | minutes | practice items | step types |\n");
	put(&t, "|---|---|---|---|---|---|---|\n");
	for (int i = 0; i < set.n; i++) {
		const struct lesson *l = set.items[i];
		char f[128], r[64];
		folder(l, f, sizeof f);
		bool is_soft = soft(l);
		workers += (l->roles & LESSON_ROLE_WORKER) && !is_soft;
		supervisors += (l->roles & LESSON_ROLE_SUPERVISOR) != 0;
		managers += (l->roles & LESSON_ROLE_MANAGER) != 0;
		if (is_soft) {
			softs++;
			if (scenarios(l) < 2)
				fprintf(stderr, "%s: a soft-skill lesson needs 2 or more scenario steps\n", f);
			CHECK(scenarios(l) >= 2);
		}
		/* both languages, exactly */
		bool nl = false, en = false;
		for (int k = 0; k < l->n_langs; k++)
			nl |= !strcmp(l->langs[k], "nl"), en |= !strcmp(l->langs[k], "en");
		if (!nl || !en || l->minutes < 5 || l->minutes > 8 || l->n_questions < 3 || l->n_questions > 7)
			fprintf(stderr, "%s: languages nl+en, 5-8 minutes, 3-7 practice items (has %d min, %d items)\n", f,
			        l->minutes, l->n_questions);
		CHECK(nl && en);
		CHECK(l->minutes >= 5 && l->minutes <= 8);
		CHECK(l->n_questions >= 3 && l->n_questions <= 7);
		char comp[64] = "";
		for (int k = 0; k < l->n_competences; k++) {
			snprintf(comp + strlen(comp), sizeof comp - strlen(comp), "%s%s", k ? ", " : "", l->competences[k]);
			for (int c = 0; c < 21; c++)
				per[c] += !strcmp(l->competences[k], competences[c]);
		}
		bool used[LESSON_STEP_COUNT] = {false};
		for (int k = 0; k < l->n_steps; k++)
			used[l->steps[k].type] = true;
		char types[200] = "";
		for (int k = 0; k < LESSON_STEP_COUNT; k++)
			if (used[k])
				snprintf(types + strlen(types), sizeof types - strlen(types), "%s%s", types[0] ? ", " : "",
				         type_names[k]);
		put(&t, "| %s | %s | %s%s | %s | %d | %d | %s |\n", f, lesson_str(l, &l->title, "en"),
		    route_names(l->roles, r, sizeof r), is_soft ? " (soft skills)" : "", comp, l->minutes, l->n_questions,
		    types);
	}
	put(&t, "\n%d lessons: worker route %d (and %d soft-skill lessons), supervisor route %d, manager route %d.\n\n",
	    set.n, workers, softs, supervisors, managers);
	put(&t, "| DigComp 2.2 competence | lessons |\n|---|---|\n");
	for (int c = 0; c < 21; c++) {
		put(&t, "| %s | %d |\n", competences[c], per[c]);
		if (!per[c])
			fprintf(stderr, "competence %s is not trained by any lesson\n", competences[c]);
		CHECK(per[c] > 0);
	}
	printf("%d lessons: worker %d, soft skills %d, supervisor %d, manager %d\n", set.n, workers, softs, supervisors,
	       managers);
	CHECK(workers >= 24);
	CHECK(softs >= 6);
	CHECK(supervisors >= 6);
	CHECK(managers >= 4);

	/* lessons/README.md holds the same tables between its markers */
	static const char begin[] = "<!-- tables: written by tests/unit/test_curriculum.c -->\n";
	static const char end[] = "<!-- end of tables -->";
	char *readme_path = util_printf("%s/README.md", argv[1]), err[300];
	size_t len = 0;
	char *readme = util_read_file(readme_path, 1 << 20, &len, err, sizeof err);
	const char *b = readme ? strstr(readme, begin) : NULL;
	const char *e = b ? strstr(b, end) : NULL;
	bool same = b && e && (size_t)(e - (b + strlen(begin))) == t.n && !memcmp(b + strlen(begin), t.s, t.n);
	if (!same && b && e && getenv("LEERPLEK_WRITE_TABLES")) {
		FILE *out = fopen(readme_path, "w");
		if (out) {
			fwrite(readme, 1, (size_t)(b - readme) + strlen(begin), out);
			fwrite(t.s, 1, t.n, out);
			fputs(e, out);
			fclose(out);
			printf("wrote the tables into %s\n", readme_path);
			same = true;
		}
	}
	if (!same)
		fprintf(stderr, "%s does not hold these tables (between its markers); run with LEERPLEK_WRITE_TABLES=1:\n%s",
		        readme_path, t.s);
	CHECK(same);
	free(readme);
	free(readme_path);
	free(t.s);
	lesson_set_finish(&set);
	return test_done();
}
