/* The step types of a lesson, each a module of its own (step_*.c): what
 * keys it takes, how it parses and checks them, and how an answer to it is
 * judged. lesson.c parses what all steps share (type, question, picture,
 * hint, feedback) and hands the rest to the module. Internal to core and to
 * the ui's step views; trainers see it through lessons/FORMAT.md. */
#ifndef LP_STEP_H
#define LP_STEP_H

#include "lesson.h"

#include <yaml.h>

struct lesson_parse;

struct step_kind {
	const char *name;
	enum lesson_step_type type;
	bool built;    /* false: `check` says the type is not built yet */
	bool question; /* takes question, hint and feedback, and is judged */
	const char *const *keys; /* its own keys, NULL-terminated */
	/* values[i] is the node of keys[i], or NULL when absent. */
	void (*parse)(struct lesson_parse *p, yaml_node_t *step, yaml_node_t **values, struct lesson_step *st);
	void (*destroy)(struct lesson_step *st);
	bool (*judge)(const struct lesson_step *st, const struct step_response *r);
};

const struct step_kind *step_kind_named(const char *name);
const struct step_kind *step_kind_of(enum lesson_step_type type);

/* Parsing helpers for the modules; each reports its own problems. */
void step_report(struct lesson_parse *p, const yaml_node_t *n, bool is_error, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
yaml_node_t *step_node(struct lesson_parse *p, int idx);
const char *step_scalar(const yaml_node_t *n);
bool step_expect_kind(struct lesson_parse *p, const yaml_node_t *n, yaml_node_type_t t, const char *what);
bool step_map_keys(struct lesson_parse *p, yaml_node_t *map, const char *what, const char *const *allowed,
                   yaml_node_t **values);
void step_missing(struct lesson_parse *p, yaml_node_t *map, const char *key, const char *what);
bool step_get_int(struct lesson_parse *p, yaml_node_t *n, const char *what, int lo, int hi, int *out);
bool step_get_bool(struct lesson_parse *p, yaml_node_t *n, const char *what, bool *out);
bool step_get_text(struct lesson_parse *p, yaml_node_t *n, const char *what, size_t max, struct lesson_text *out);
void step_get_picture(struct lesson_parse *p, yaml_node_t *n, char **out);
/* The items of a list node, checked to number lo..hi; NULL (reported) if
 * it is not a list. *n is capped at hi. */
yaml_node_item_t *step_list(struct lesson_parse *p, yaml_node_t *list, const char *what, int lo, int hi, int *n);
/* The value of lang in a texts mapping, to point at; the mapping itself
 * when that language is not there. */
yaml_node_t *step_text_node(struct lesson_parse *p, yaml_node_t *texts, const char *lang);
int step_n_langs(const struct lesson_parse *p);
const struct lesson *step_lesson(const struct lesson_parse *p);
void step_text_free(struct lesson_text *t);

/* Helpers of the bracket and text steps (blanks, markwords, keyboard). */
bool step_same_text(const char *a, const char *b);
void step_report_at(struct lesson_parse *p, const yaml_node_t *value, size_t byte_off, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void step_each_text(struct lesson_parse *p, yaml_node_t *n, void (*fn)(void *ud, int lang, yaml_node_t *value),
                    void *ud);
bool step_marks_scan(struct lesson_parse *p, yaml_node_t *value, const char *lang, const char *what,
                     const char *parts, int max_parts, size_t max_chars, char **plain, int *n, size_t *start,
                     size_t *end);

#endif
