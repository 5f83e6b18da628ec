/* Lessons: the YAML format of lessons/FORMAT.md, parsed with libyaml into
 * plain structs, and checked as it is parsed. A lesson with errors is never
 * returned; every problem is reported with file, line and column through a
 * callback so that `leerplek check` and the kiosk share one validator. */
#ifndef LP_LESSON_H
#define LP_LESSON_H

#include <stdbool.h>
#include <stddef.h>

#define LESSON_MAX_LANGS 8
#define LESSON_FILE_MAX (256 * 1024)

/* Limits in characters (code points), so every text fits the screen at the
 * normal text size (lessons/FORMAT.md). */
#define LESSON_MAX_TITLE 60
#define LESSON_MAX_SUMMARY 120
#define LESSON_MAX_EXPLAIN 300
#define LESSON_MAX_QUESTION 160
#define LESSON_MAX_ANSWER 80
#define LESSON_MAX_FEEDBACK 200

struct lesson_text {
	char *s[LESSON_MAX_LANGS]; /* indexed like lesson.langs */
};

enum lesson_step_type {
	LESSON_STEP_EXPLAIN,
	LESSON_STEP_CHOICE,
	LESSON_STEP_TRUEFALSE,
	LESSON_STEP_ORDER,
	LESSON_STEP_MATCH,
	LESSON_STEP_HOTSPOT,
	LESSON_STEP_BLANKS,
	LESSON_STEP_MARKWORDS,
	LESSON_STEP_KEYBOARD,
	LESSON_STEP_GESTURE,
	LESSON_STEP_SIM,
	LESSON_STEP_SCENARIO,
	LESSON_STEP_COUNT
};

#define LESSON_MAX_HINT 160

/* What a learner answered: the chosen or placed item indexes in order,
 * or typed text; each step type says what its numbers mean. */
#define STEP_RESPONSE_MAX 64
struct step_response {
	int n;
	int v[STEP_RESPONSE_MAX];
	char text[160];
};

struct lesson_answer {
	struct lesson_text text;
	bool correct;
};

struct lesson_step {
	enum lesson_step_type type;
	int line;
	struct lesson_text text; /* explain: the text; the others: the question */
	char *picture;           /* full path, or NULL */
	struct lesson_text hint; /* "where to look"; empty when not given */
	struct lesson_text right, wrong;
	/* choice (and the answers of truefalse, as "true"/"false") */
	bool multiple;
	struct lesson_answer *answers;
	int n_answers;
	void *data; /* the other step types: their own struct (step_*.c) */
};

/* Is this response to a question step right? */
bool lesson_step_judge(const struct lesson_step *st, const struct step_response *r);
/* Whether the step asks something (has feedback and is judged). */
bool lesson_step_is_question(const struct lesson_step *st);

enum lesson_role {
	LESSON_ROLE_WORKER = 1,
	LESSON_ROLE_SUPERVISOR = 2,
	LESSON_ROLE_MANAGER = 4,
};

struct lesson {
	char *id;
	int id_line, id_col; /* where the id is, for messages */
	int version;
	char *path;
	char langs[LESSON_MAX_LANGS][8];
	int n_langs;
	struct lesson_text title, summary;
	char competences[8][4];
	int n_competences;
	unsigned roles;
	int minutes;
	struct lesson_step *steps; /* NULL in a catalogue card (lesson_strip) */
	int n_steps;
	int n_questions;
};

struct lesson_diag {
	/* line and column are 1-based; 0 when the problem has no place. */
	void (*report)(void *ud, const char *path, int line, int col, bool is_error, const char *msg);
	void *ud;
	int errors, warnings;
};

struct lesson *lesson_parse(const char *path, const char *data, size_t len, struct lesson_diag *d);
struct lesson *lesson_load(const char *path, struct lesson_diag *d);
void lesson_destroy(struct lesson *l);

/* The text in lang, else in Dutch (the language every lesson has). */
const char *lesson_str(const struct lesson *l, const struct lesson_text *t, const char *lang);

struct lesson_set {
	struct lesson **items; /* full lessons, or cards when loaded with cards_only */
	int n;
	char **skipped; /* paths of files that had errors */
	int n_skipped;
	int n_files;
};

/* Loads every *.yaml / *.yml file under each path (a file or a folder),
 * in name order, skipping files with errors and duplicate ids. */
void lesson_set_load(struct lesson_set *set, const char *const *paths, int n_paths, struct lesson_diag *d);
/* The same, keeping only what a lesson card needs (lesson_strip): the
 * kiosk's catalogue. A lesson's steps are read again when it opens. */
void lesson_set_load_cards(struct lesson_set *set, const char *const *paths, int n_paths, struct lesson_diag *d);
/* Frees the steps, keeping id, version, path, texts of the card, counts. */
void lesson_strip(struct lesson *l);
void lesson_set_finish(struct lesson_set *set);
const struct lesson *lesson_set_find(const struct lesson_set *set, const char *id);

/* True for the 21 competences of DigComp 2.2 ("1.1" ... "5.4"). */
bool lesson_competence_valid(const char *id);

#endif
