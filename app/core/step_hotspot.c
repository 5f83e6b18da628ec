/* Step `hotspot`: the learner taps the right place on a picture. A spot is
 * a rectangle in percent of the picture, so it stays on the same part of
 * the picture at any screen size; the view therefore needs the picture's
 * shape, which this module reads from the file's header (an SVG's
 * width/height or viewBox, a PNG's IHDR) while the lesson is checked.
 *
 * What the view gets: the spots as st->answers (the label as the answer's
 * text, `correct` as given), st->multiple when more than one spot is right
 * (so the player shows Check, as for a multiple choice), and st->data, a
 * struct hotspot_data (step_hotspot.h) with the rectangles. The response lists the indexes
 * of the chosen spots; it is right when it holds exactly the right ones. */
#include "step_hotspot.h"
#include "step.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SPOTS HOTSPOT_MAX_SPOTS

static const char *const keys[] = {"spots", NULL};

/* A length in an SVG attribute, in CSS pixels as nanosvg counts them (96
 * per inch); false for percentages and anything it cannot read. */
static bool svg_length(const char *s, double *out)
{
	char *end;
	double v = strtod(s, &end);
	if (end == s || !(v > 0 && v < 1e9))
		return false;
	static const struct {
		const char *unit;
		double px;
	} units[] = {{"", 1}, {"px", 1}, {"pt", 96 / 72.0}, {"pc", 16}, {"mm", 96 / 25.4}, {"cm", 96 / 2.54}, {"in", 96}};
	size_t n = strspn(end, "abcdefghijklmnopqrstuvwxyz%");
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strlen(units[i].unit) == n && !strncmp(end, units[i].unit, n)) {
			*out = v * units[i].px;
			return true;
		}
	return false;
}

/* The value of attribute name in the tag that starts at tag (up to '>'),
 * copied into out; false when the tag does not have it. */
static bool svg_attr(const char *tag, const char *name, char *out, size_t len)
{
	size_t nl = strlen(name);
	for (const char *c = tag; *c && *c != '>'; c++) {
		if (strncmp(c, name, nl) || (c[-1] != ' ' && c[-1] != '\n' && c[-1] != '\t' && c[-1] != '\r'))
			continue;
		const char *v = c + nl;
		while (*v == ' ')
			v++;
		if (*v++ != '=')
			continue;
		while (*v == ' ')
			v++;
		char q = *v++;
		if (q != '"' && q != '\'')
			continue;
		const char *e = strchr(v, q);
		if (!e || (size_t)(e - v) >= len)
			return false;
		memcpy(out, v, (size_t)(e - v));
		out[e - v] = 0;
		return true;
	}
	return false;
}

/* The shape of the picture at path, as nanosvg and libpng will draw it:
 * width over height, or 0 when the header says nothing usable. */
static double picture_aspect(const char *path)
{
	char head[4097];
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	size_t n = fread(head, 1, sizeof head - 1, f);
	fclose(f);
	head[n] = 0;
	const unsigned char *u = (const unsigned char *)head;
	if (n >= 24 && !memcmp(head, "\x89PNG\r\n\x1a\n", 8) && !memcmp(head + 12, "IHDR", 4)) {
		unsigned long w = (unsigned long)u[16] << 24 | (unsigned long)u[17] << 16 | (unsigned long)u[18] << 8 | u[19];
		unsigned long h = (unsigned long)u[20] << 24 | (unsigned long)u[21] << 16 | (unsigned long)u[22] << 8 | u[23];
		return w && h ? (double)w / (double)h : 0;
	}
	const char *tag = strstr(head, "<svg");
	if (!tag)
		return 0;
	tag += 4;
	char a[64], b[64];
	double w, h;
	if (svg_attr(tag, "width", a, sizeof a) && svg_attr(tag, "height", b, sizeof b) && svg_length(a, &w) &&
	    svg_length(b, &h))
		return w / h;
	if (svg_attr(tag, "viewBox", a, sizeof a)) {
		double vb[4];
		char *c = a;
		for (int i = 0; i < 4; i++) {
			char *end;
			vb[i] = strtod(c, &end);
			if (end == c)
				return 0;
			c = end + strspn(end, " ,\t\n");
		}
		if (vb[2] > 0 && vb[3] > 0 && vb[2] < 1e9 && vb[3] < 1e9)
			return vb[2] / vb[3];
	}
	return 0;
}

static yaml_node_t *value_of(struct lesson_parse *p, yaml_node_t *map, const char *key)
{
	for (yaml_node_pair_t *pair = map->data.mapping.pairs.start; pair < map->data.mapping.pairs.top; pair++) {
		const char *k = step_scalar(step_node(p, pair->key));
		if (k && !strcmp(k, key))
			return step_node(p, pair->value);
	}
	return NULL;
}

static void parse(struct lesson_parse *p, yaml_node_t *n, yaml_node_t **v, struct lesson_step *st)
{
	yaml_node_t *picture = value_of(p, n, "picture");
	if (!picture) {
		step_missing(p, n, "picture", "this hotspot step");
	} else if (st->picture) {
		double aspect = picture_aspect(st->picture);
		if (aspect > 0.05 && aspect < 20) {
			struct hotspot_data *d = calloc(1, sizeof *d);
			d->aspect_milli = (int)(aspect * 1000 + 0.5);
			st->data = d;
		} else {
			step_report(p, picture, false,
			            "the size of picture '%s' cannot be read, so the spots may land in the wrong place: "
			            "give its <svg> a viewBox (or width and height)",
			            step_scalar(picture));
		}
	}
	if (!st->data)
		st->data = calloc(1, sizeof(struct hotspot_data));
	struct hotspot_data *d = st->data;
	if (!v[0]) {
		step_missing(p, n, "spots", "this hotspot step");
		return;
	}
	int count;
	yaml_node_item_t *items = step_list(p, v[0], "spots", 1, MAX_SPOTS, &count);
	if (!items)
		return;
	st->answers = calloc((size_t)(count ? count : 1), sizeof *st->answers);
	int right = 0;
	for (int i = 0; i < count; i++) {
		yaml_node_t *s = step_node(p, items[i]);
		static const char *const sk[] = {"x", "y", "w", "h", "label", "correct", NULL};
		enum { X, Y, W, H, LABEL, CORRECT };
		yaml_node_t *sv[6];
		if (!step_map_keys(p, s, "a spot", sk, sv))
			continue;
		int k = st->n_answers++;
		struct lesson_answer *a = &st->answers[k];
		int *box = d->box[k];
		static const char *const what[] = {"x", "y", "w", "h"};
		static const int lo[] = {0, 0, 5, 5}, hi[] = {95, 95, 100, 100};
		bool whole = true;
		for (int j = X; j <= H; j++) {
			if (!sv[j]) {
				step_missing(p, s, what[j], "this spot");
				whole = false;
			} else if (!step_get_int(p, sv[j], what[j], lo[j], hi[j], &box[j])) {
				whole = false;
			}
		}
		if (sv[LABEL])
			step_get_text(p, sv[LABEL], "the label of a spot", 60, &a->text);
		else
			step_missing(p, s, "label", "this spot");
		if (sv[CORRECT])
			step_get_bool(p, sv[CORRECT], "correct", &a->correct);
		right += a->correct;
		if (!whole) {
			box[W] = 0; /* not placed: no overlap to report */
			continue;
		}
		if (box[X] + box[W] > 100) {
			step_report(p, sv[W], true, "this spot goes past the right edge of the picture: x + w is %d, at most 100",
			            box[X] + box[W]);
			box[W] = 0;
			continue;
		}
		if (box[Y] + box[H] > 100) {
			step_report(p, sv[H], true, "this spot goes past the bottom of the picture: y + h is %d, at most 100",
			            box[Y] + box[H]);
			box[W] = 0;
			continue;
		}
		for (int j = 0; j < k; j++) {
			const int *o = d->box[j];
			if (o[W] && box[X] < o[X] + o[W] && o[X] < box[X] + box[W] && box[Y] < o[Y] + o[H] &&
			    o[Y] < box[Y] + box[H]) {
				const char *name = lesson_str(step_lesson(p), &st->answers[j].text, "nl");
				step_report(p, s, true, "this spot overlaps spot %d%s%s%s; spots may touch, but not overlap", j + 1,
				            *name ? " ('" : "", name, *name ? "')" : "");
				break;
			}
		}
	}
	if (right == 0 && st->n_answers > 0)
		step_report(p, v[0], true, "no spot is right: mark at least one with 'correct: true'");
	st->multiple = right > 1;
}

static void destroy(struct lesson_step *st)
{
	free(st->data);
	st->data = NULL;
}

static bool judge(const struct lesson_step *st, const struct step_response *r)
{
	bool chosen[MAX_SPOTS] = {false};
	for (int i = 0; i < r->n; i++) {
		if (r->v[i] < 0 || r->v[i] >= st->n_answers)
			return false;
		chosen[r->v[i]] = true;
	}
	for (int i = 0; i < st->n_answers; i++)
		if (chosen[i] != st->answers[i].correct)
			return false;
	return r->n > 0;
}

const struct step_kind step_hotspot = {
	.name = "hotspot", .type = LESSON_STEP_HOTSPOT, .built = true, .question = true, .keys = keys,
	.parse = parse, .destroy = destroy, .judge = judge,
};
