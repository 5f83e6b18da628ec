/* Step `sim`: a simulated app, drawn by the program from screens of parts.
 * Parts are numbered across the whole sim (screen after screen, in the
 * written order), and those numbers are what a response holds:
 *
 * - go somewhere: the taps that led from the first screen to the last tap,
 *   in order. Each must be a part of the screen on show: a part with `go`
 *   opens its screen, and the last must be a `correct` part. Fields travel
 *   in the response's text: the typed values of the fields (and code
 *   entries) that have an answer, in part order, one a line; a button with
 *   `go` or `correct` works only when its screen's fields hold their
 *   answers. A tap on a part that leads nowhere is a wrong answer.
 * - find the suspicious parts: the framed parts, in any order; right when
 *   they are exactly the suspicious ones. */
#include "step_sim.h"

#include "step.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const keys[] = {"screens", NULL};

static const char *const app_names[SIM_N_APPS] = {"phone", "messages", "message", "email",   "form",
                                                  "login", "chat",     "videocall", "payslip", "roster"};
static const char *const kind_names[SIM_N_KINDS] = {
	"app-icon", "message-row",  "sender", "subject", "body",    "link", "button", "address", "text",
	"field",    "code-entry",   "chat-message", "person", "control", "heading", "line", "total", "shift"};
static const char *const icon_names[] = {"phone", "messages", "mail",     "camera", "photos",
                                         "browser", "settings", "bank", "calendar", "chat", NULL};
/* The buttons of a video call (assets/icons/call-NAME.svg). */
static const char *const control_icons[] = {"mic", "mic-off", "camera", "camera-off", "hangup",
                                            "chat", "speaker", "hand", NULL};

/* The kinds each app has (FORMAT.md), as bits. */
#define K(k) (1u << (k))
static const unsigned app_kinds[SIM_N_APPS] = {
	[SIM_PHONE] = K(SIM_APP_ICON),
	[SIM_MESSAGES] = K(SIM_MESSAGE_ROW),
	[SIM_MESSAGE] = K(SIM_SENDER) | K(SIM_BODY) | K(SIM_LINK) | K(SIM_BUTTON),
	[SIM_EMAIL] = K(SIM_SENDER) | K(SIM_SUBJECT) | K(SIM_BODY) | K(SIM_LINK) | K(SIM_BUTTON),
	[SIM_FORM] = K(SIM_ADDRESS) | K(SIM_TEXT) | K(SIM_FIELD) | K(SIM_LINK) | K(SIM_BUTTON),
	[SIM_LOGIN] = K(SIM_ADDRESS) | K(SIM_TEXT) | K(SIM_FIELD) | K(SIM_CODE_ENTRY) | K(SIM_LINK) | K(SIM_BUTTON),
	[SIM_CHAT] = K(SIM_HEADING) | K(SIM_CHAT_MESSAGE) | K(SIM_FIELD) | K(SIM_BUTTON),
	[SIM_VIDEOCALL] = K(SIM_PERSON) | K(SIM_CONTROL) | K(SIM_TEXT),
	[SIM_PAYSLIP] = K(SIM_HEADING) | K(SIM_LINE) | K(SIM_TOTAL) | K(SIM_BUTTON),
	[SIM_ROSTER] = K(SIM_HEADING) | K(SIM_SHIFT) | K(SIM_TEXT) | K(SIM_BUTTON),
};

/* The apps of text (a list, a message, a page) hold 8 parts; the others 12:
 * the home screen and a call are grids, and a payslip or a week's roster
 * has many short rows. */
static int most_parts(enum sim_app app)
{
	return app <= SIM_LOGIN && app != SIM_PHONE ? 8 : 12;
}

bool step_sim_tappable(enum sim_kind kind)
{
	switch (kind) {
	case SIM_APP_ICON:
	case SIM_MESSAGE_ROW:
	case SIM_LINK:
	case SIM_BUTTON:
	case SIM_CHAT_MESSAGE:
	case SIM_CONTROL:
	case SIM_LINE:
	case SIM_TOTAL:
	case SIM_SHIFT:
		return true;
	default:
		return false;
	}
}

/* The keys of each kind, after `kind`; a key of another kind is reported
 * as unknown with the kind's own list. */
enum { PK_KIND, PK_LABEL, PK_TEXT, PK_VALUE, PK_ANSWER, PK_ICON, PK_GO, PK_CORRECT, PK_SUSPICIOUS, PK_N };
static const char *const pk_names[PK_N] = {"kind", "label", "text",    "value",     "answer",
                                           "icon", "go",    "correct", "suspicious"};
#define P(k) (1u << (k))
#define TAP (P(PK_GO) | P(PK_CORRECT))
static const struct {
	unsigned keys, required;
	int label_max, text_max, value_max;
} kind_keys[SIM_N_KINDS] = {
	[SIM_APP_ICON] = {P(PK_LABEL) | P(PK_ICON) | P(PK_GO) | P(PK_CORRECT), P(PK_LABEL), 20, 0, 0},
	[SIM_MESSAGE_ROW] = {P(PK_LABEL) | P(PK_TEXT) | P(PK_GO) | P(PK_CORRECT), P(PK_LABEL) | P(PK_TEXT), 40, 60, 0},
	[SIM_SENDER] = {P(PK_TEXT), P(PK_TEXT), 0, 60, 0},
	[SIM_SUBJECT] = {P(PK_TEXT), P(PK_TEXT), 0, 80, 0},
	[SIM_BODY] = {P(PK_TEXT), P(PK_TEXT), 0, 300, 0},
	[SIM_LINK] = {P(PK_TEXT) | P(PK_GO) | P(PK_CORRECT), P(PK_TEXT), 0, 80, 0},
	[SIM_BUTTON] = {P(PK_LABEL) | P(PK_GO) | P(PK_CORRECT), P(PK_LABEL), 30, 0, 0},
	[SIM_ADDRESS] = {P(PK_TEXT), P(PK_TEXT), 0, 60, 0},
	[SIM_TEXT] = {P(PK_TEXT), P(PK_TEXT), 0, 160, 0},
	[SIM_FIELD] = {P(PK_LABEL) | P(PK_TEXT) | P(PK_ANSWER), P(PK_LABEL), 40, 40, 0},
	[SIM_CODE_ENTRY] = {P(PK_LABEL) | P(PK_ANSWER), P(PK_LABEL), 40, 0, 0},
	[SIM_CHAT_MESSAGE] = {P(PK_LABEL) | P(PK_TEXT) | TAP, P(PK_LABEL) | P(PK_TEXT), 30, 200, 0},
	[SIM_PERSON] = {P(PK_LABEL), P(PK_LABEL), 30, 0, 0},
	[SIM_CONTROL] = {P(PK_LABEL) | P(PK_ICON) | TAP, P(PK_LABEL) | P(PK_ICON), 20, 0, 0},
	[SIM_HEADING] = {P(PK_TEXT), P(PK_TEXT), 0, 60, 0},
	[SIM_LINE] = {P(PK_LABEL) | P(PK_VALUE) | TAP, P(PK_LABEL) | P(PK_VALUE), 40, 0, 20},
	[SIM_TOTAL] = {P(PK_LABEL) | P(PK_VALUE) | TAP, P(PK_LABEL) | P(PK_VALUE), 40, 0, 20},
	[SIM_SHIFT] = {P(PK_LABEL) | P(PK_TEXT) | TAP, P(PK_LABEL) | P(PK_TEXT), 30, 60, 0},
};

static bool valid_id(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > SIM_ID_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return true;
}

/* Small letters for the scripts a lesson may be in: Latin (with Latin-1
 * and Latin Extended-A), Greek and Cyrillic. Other code points stay. */
static uint32_t fold(uint32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2) ||
	    (c >= 0x410 && c <= 0x42F))
		return c + 0x20;
	if (c >= 0x400 && c <= 0x40F)
		return c + 0x50;
	if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x178 &&
	    c != 0x17F) {
		/* pairs: even capital, odd small, except 0x139..0x148 and 0x179..0x17E where it is the other way round */
		bool odd_capital = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
		if (odd_capital ? (c & 1) : !(c & 1))
			return c + 1;
		return c;
	}
	if (c == 0x178)
		return 0xFF;
	return c;
}

/* Compares a and b, ignoring capitals and spaces at the start and end. */
static bool same_typed(const char *a, const char *b)
{
	while (*a == ' ')
		a++;
	while (*b == ' ')
		b++;
	size_t na = strlen(a), nb = strlen(b);
	while (na && a[na - 1] == ' ')
		na--;
	while (nb && b[nb - 1] == ' ')
		nb--;
	size_t i = 0, j = 0;
	while (i < na && j < nb) {
		uint32_t ca, cb;
		i += (size_t)util_utf8_decode(a + i, na - i, &ca);
		j += (size_t)util_utf8_decode(b + j, nb - j, &cb);
		if (fold(ca) != fold(cb))
			return false;
	}
	return i == na && j == nb;
}

bool step_sim_field_ok(const struct sim_part *p, const char *typed)
{
	if (p->kind == SIM_CODE_ENTRY)
		return !p->code[0] || same_typed(p->code, typed);
	if (p->kind != SIM_FIELD || !p->has_answer)
		return true;
	/* Any language's answer will do: the learner may read the task in one
	 * language and know the app in another. */
	for (int i = 0; i < LESSON_MAX_LANGS; i++)
		if (p->answer.s[i] && same_typed(p->answer.s[i], typed))
			return true;
	return false;
}

/* What parsing left to check once every screen is known. */
struct pending {
	yaml_node_t *screen[SIM_MAX_SCREENS];
	yaml_node_t *parts_list[SIM_MAX_SCREENS];
	yaml_node_t **part;    /* each part's mapping */
	yaml_node_t **go;      /* each part's go value, or NULL */
	yaml_node_t **answer;  /* each part's answer value, or NULL */
	yaml_node_t **susp;    /* each part's `suspicious` value, when true */
	bool whole;
};

static void parse_part(struct lesson_parse *p, yaml_node_t *n, struct sim *s, struct pending *pd, int si)
{
	struct sim_screen *sc = &s->screens[si];
	int pi = s->n_parts;
	struct sim_part *part = &s->parts[pi];
	part->screen = si;
	part->go = -1;
	part->field = -1;
	pd->part[pi] = n;
	if (!step_expect_kind(p, n, YAML_MAPPING_NODE, "a part")) {
		pd->whole = false;
		return;
	}
	yaml_node_t *kind = NULL;
	for (yaml_node_pair_t *pair = n->data.mapping.pairs.start; pair < n->data.mapping.pairs.top; pair++) {
		const char *key = step_scalar(step_node(p, pair->key));
		if (key && !strcmp(key, "kind"))
			kind = step_node(p, pair->value);
	}
	if (!kind) {
		step_report(p, n, true, "this part has no 'kind' (sender, body, link, button, ...)");
		pd->whole = false;
		return;
	}
	const char *k = step_scalar(kind);
	int ki = -1;
	for (int i = 0; k && i < SIM_N_KINDS; i++)
		if (!strcmp(k, kind_names[i]))
			ki = i;
	char allowed[200] = "";
	for (int i = 0; i < SIM_N_KINDS; i++)
		if (app_kinds[sc->app] & K(i))
			snprintf(allowed + strlen(allowed), sizeof allowed - strlen(allowed), "%s%s", allowed[0] ? ", " : "",
			         kind_names[i]);
	const char *app = app_names[sc->app], *an_app = strchr("aeiou", app[0]) ? "an" : "a";
	if (ki < 0) {
		step_report(p, kind, true, "unknown kind of part '%s'; on %s %s screen use: %s", k ? k : "?", an_app, app,
		            allowed);
		pd->whole = false;
		return;
	}
	if (!(app_kinds[sc->app] & K(ki)))
		step_report(p, kind, true, "%s '%s' part does not belong on %s %s screen (there: %s)",
		            strchr("aeiou", k[0]) ? "an" : "a", k, an_app, app, allowed);
	part->kind = (enum sim_kind)ki;
	/* The keys of this kind only: any other is reported with this list. */
	const char *names[PK_N + 1];
	int idx[PK_N], nn = 0;
	for (int i = 0; i < PK_N; i++)
		if (i == PK_KIND || i == PK_SUSPICIOUS || (kind_keys[ki].keys & P(i))) {
			idx[nn] = i;
			names[nn++] = pk_names[i];
		}
	names[nn] = NULL;
	yaml_node_t *got[PK_N], *v[PK_N] = {NULL};
	char what[40];
	snprintf(what, sizeof what, "%s %s part", strchr("aeiou", k[0]) ? "an" : "a", k);
	if (!step_map_keys(p, n, what, names, got)) {
		pd->whole = false;
		return;
	}
	for (int i = 0; i < nn; i++)
		v[idx[i]] = got[i];
	for (int i = 0; i < PK_N; i++)
		if ((kind_keys[ki].required & P(i)) && !v[i]) {
			char this[40];
			snprintf(this, sizeof this, "this %s part", k);
			step_missing(p, n, pk_names[i], this);
		}
	if (v[PK_LABEL])
		step_get_text(p, v[PK_LABEL], "the label", (size_t)kind_keys[ki].label_max, &part->label);
	if (v[PK_TEXT])
		step_get_text(p, v[PK_TEXT], "the text", (size_t)kind_keys[ki].text_max, &part->text);
	if (v[PK_VALUE])
		step_get_text(p, v[PK_VALUE], "the value", (size_t)kind_keys[ki].value_max, &part->value);
	if (v[PK_ICON]) {
		const char *ic = step_scalar(v[PK_ICON]);
		const char *const *known_names = ki == SIM_CONTROL ? control_icons : icon_names;
		bool known = false;
		char list[120] = "";
		for (int i = 0; known_names[i]; i++) {
			known |= ic && !strcmp(ic, known_names[i]);
			snprintf(list + strlen(list), sizeof list - strlen(list), "%s, ", known_names[i]);
		}
		if (known)
			snprintf(part->icon, sizeof part->icon, "%s", ic);
		else
			step_report(p, v[PK_ICON], true, "icon must be one of %snot '%s'", list, ic ? ic : "a list");
	}
	if (ki == SIM_FIELD || ki == SIM_CODE_ENTRY)
		part->field = s->n_fields++;
	pd->answer[pi] = v[PK_ANSWER];
	if (v[PK_ANSWER] && ki == SIM_FIELD) {
		if (v[PK_TEXT])
			step_report(p, v[PK_ANSWER], true,
			            "a field has a 'text' (already filled in) or an 'answer' (to type), not both");
		if (step_get_text(p, v[PK_ANSWER], "the answer", SIM_FIELD_MAX, &part->answer)) {
			part->has_answer = true;
			for (int i = 0; i < step_n_langs(p); i++)
				if (part->answer.s[i] && strpbrk(part->answer.s[i], "\n\t"))
					step_report(p, v[PK_ANSWER], true, "the '%s' answer must be one line, without tabs",
					            step_lesson(p)->langs[i]);
		}
	} else if (v[PK_ANSWER]) {
		const char *c = step_scalar(v[PK_ANSWER]);
		size_t len = c ? strlen(c) : 0;
		if (!c || len < 4 || len > 8 || strspn(c, "0123456789") != len)
			step_report(p, v[PK_ANSWER], true, "the answer of a code-entry is 4 to 8 digits in quotes, like \"4821\"");
		else {
			snprintf(part->code, sizeof part->code, "%s", c);
			part->has_answer = true;
		}
	}
	pd->go[pi] = v[PK_GO];
	if (v[PK_GO] && !step_scalar(v[PK_GO])) {
		step_report(p, v[PK_GO], true, "go must be the id of a screen");
		pd->go[pi] = NULL;
	}
	if (v[PK_CORRECT] && step_get_bool(p, v[PK_CORRECT], "correct", &part->correct) && part->correct) {
		if (v[PK_GO])
			step_report(p, v[PK_CORRECT], true,
			            "a part either opens a screen (go) or finishes the task (correct: true), not both");
	}
	if (v[PK_SUSPICIOUS] && step_get_bool(p, v[PK_SUSPICIOUS], "suspicious", &part->suspicious) && part->suspicious)
		pd->susp[pi] = v[PK_SUSPICIOUS];
}

static void parse_screen(struct lesson_parse *p, yaml_node_t *n, struct sim *s, struct pending *pd, int si)
{
	struct sim_screen *sc = &s->screens[si];
	sc->first = s->n_parts;
	sc->best = -1;
	pd->screen[si] = n;
	static const char *const sk[] = {"id", "app", "parts", NULL};
	yaml_node_t *v[3];
	if (!step_map_keys(p, n, "a screen", sk, v)) {
		pd->whole = false;
		return;
	}
	if (!v[0]) {
		step_missing(p, n, "id", "this screen");
		pd->whole = false;
	} else {
		const char *id = step_scalar(v[0]);
		if (!id || !valid_id(id)) {
			step_report(p, v[0], true, "a screen id must be 1 to 32 lower-case letters, digits or '-', like mail");
			pd->whole = false;
		} else {
			for (int k = 0; k < si; k++)
				if (!strcmp(s->screens[k].id, id))
					step_report(p, v[0], true, "the id '%s' is used by two screens; every screen needs its own id", id);
			snprintf(sc->id, sizeof sc->id, "%s", id);
		}
	}
	if (!v[1]) {
		step_missing(p, n, "app", "this screen");
		pd->whole = false;
		return;
	}
	const char *app = step_scalar(v[1]);
	int ai = -1;
	for (int i = 0; app && i < SIM_N_APPS; i++)
		if (!strcmp(app, app_names[i]))
			ai = i;
	if (ai < 0) {
		step_report(p, v[1], true,
		            "app must be phone, messages, message, email, form, login, chat, videocall, payslip or roster, "
		            "not '%s'",
		            app ? app : "a list");
		pd->whole = false;
		return;
	}
	sc->app = (enum sim_app)ai;
	if (!v[2]) {
		step_missing(p, n, "parts", "this screen");
		pd->whole = false;
		return;
	}
	pd->parts_list[si] = v[2];
	int count;
	int most = most_parts(sc->app);
	char what[48];
	snprintf(what, sizeof what, "parts on %s %s screen", strchr("aeiou", app[0]) ? "an" : "a", app_names[ai]);
	yaml_node_item_t *items = step_list(p, v[2], what, 1, most, &count);
	if (!items) {
		pd->whole = false;
		return;
	}
	if (v[2]->data.sequence.items.top - items > most)
		pd->whole = false; /* the parts left out could hold the task: no more checks that need them all */
	int once[SIM_N_KINDS] = {0};
	for (int i = 0; i < count; i++) {
		yaml_node_t *pn = step_node(p, items[i]);
		parse_part(p, pn, s, pd, si);
		struct sim_part *part = &s->parts[s->n_parts++];
		enum sim_kind k = part->kind;
		if (!pd->part[s->n_parts - 1] || pn->type != YAML_MAPPING_NODE)
			continue;
		if ((k == SIM_SENDER || k == SIM_SUBJECT || k == SIM_ADDRESS) && once[k]++)
			step_report(p, pn, true, "a screen has at most one %s", kind_names[k]);
		if (k == SIM_ADDRESS && i > 0)
			step_report(p, pn, true, "the address is the first part of its screen (the browser's bar is at the top)");
	}
	sc->n = s->n_parts - sc->first;
}

/* dist[i]: fewest taps from screen i to a correct part, or -1; and each
 * screen's best part on that way. */
static void best_parts(struct sim *s)
{
	int dist[SIM_MAX_SCREENS];
	for (int i = 0; i < s->n_screens; i++) {
		dist[i] = -1;
		struct sim_screen *sc = &s->screens[i];
		for (int k = sc->first; k < sc->first + sc->n; k++)
			if (s->parts[k].correct) {
				dist[i] = 1;
				sc->best = k;
				break;
			}
	}
	for (bool changed = true; changed;) {
		changed = false;
		for (int i = 0; i < s->n_screens; i++) {
			struct sim_screen *sc = &s->screens[i];
			for (int k = sc->first; k < sc->first + sc->n; k++) {
				int to = s->parts[k].go;
				if (to >= 0 && dist[to] >= 0 && (dist[i] < 0 || dist[to] + 1 < dist[i])) {
					dist[i] = dist[to] + 1;
					sc->best = k;
					changed = true;
				}
			}
		}
	}
}

static void check_sim(struct lesson_parse *p, yaml_node_t *list, struct sim *s, struct pending *pd)
{
	for (int i = 0; i < s->n_parts; i++) {
		const char *go = step_scalar(pd->go[i]);
		if (!go)
			continue;
		for (int k = 0; k < s->n_screens; k++)
			if (!strcmp(s->screens[k].id, go))
				s->parts[i].go = k;
		if (s->parts[i].go < 0) {
			char ids[300] = "";
			for (int k = 0; k < s->n_screens; k++)
				if (s->screens[k].id[0])
					snprintf(ids + strlen(ids), sizeof ids - strlen(ids), "%s%s", ids[0] ? ", " : "",
					         s->screens[k].id);
			step_report(p, pd->go[i], true, "go: '%s' is not a screen of this sim (its screens: %s)", go, ids);
			pd->whole = false;
		}
	}
	if (!pd->whole)
		return;
	/* Every screen can be reached from the first. */
	bool seen[SIM_MAX_SCREENS] = {true};
	for (bool changed = true; changed;) {
		changed = false;
		for (int i = 0; i < s->n_parts; i++)
			if (seen[s->parts[i].screen] && s->parts[i].go >= 0 && !seen[s->parts[i].go])
				seen[s->parts[i].go] = changed = true;
	}
	for (int i = 1; i < s->n_screens; i++)
		if (!seen[i])
			step_report(p, pd->screen[i], true,
			            "screen '%s' cannot be reached: no part leads to it (go) from the first screen on",
			            s->screens[i].id);
	/* One task: go somewhere, or find the suspicious parts. */
	int first_correct = -1, first_susp = -1;
	for (int i = 0; i < s->n_parts; i++) {
		if (s->parts[i].correct && first_correct < 0)
			first_correct = i;
		if (s->parts[i].suspicious && first_susp < 0)
			first_susp = i;
	}
	if (first_correct < 0 && first_susp < 0) {
		step_report(p, list, true,
		            "no part has 'correct: true' (go somewhere) or 'suspicious: true' (find the suspicious parts): "
		            "say what the learner must do");
		return;
	}
	if (first_correct >= 0 && first_susp >= 0) {
		step_report(p, pd->susp[first_susp], true,
		            "this sim has parts with 'correct: true' and parts with 'suspicious: true'; "
		            "give it one task: go somewhere or find the suspicious parts");
		return;
	}
	s->find = first_susp >= 0;
	if (!s->find) {
		best_parts(s);
		return;
	}
	int at = s->parts[first_susp].screen;
	const struct sim_screen *sc = &s->screens[at];
	int plain = 0;
	for (int i = 0; i < s->n_parts; i++) {
		if (s->parts[i].suspicious && s->parts[i].screen != at)
			step_report(p, pd->susp[i], true,
			            "all suspicious parts are on one screen; this one is not on screen '%s' with the first", sc->id);
		if (s->parts[i].screen == at && pd->go[i])
			step_report(p, pd->go[i], true,
			            "the screen with the suspicious parts cannot lead on (go): there the learner frames parts");
		if (s->parts[i].screen == at && !s->parts[i].suspicious)
			plain++;
		if (pd->answer[i])
			step_report(p, pd->answer[i], true,
			            "to find suspicious parts nothing needs typing: leave out the 'answer' of fields");
	}
	if (plain == 0)
		step_report(p, pd->parts_list[at], true,
		            "every part of this screen is suspicious; give it at least one part that is fine");
}

static void parse(struct lesson_parse *p, yaml_node_t *n, yaml_node_t **v, struct lesson_step *st)
{
	if (!v[0]) {
		step_missing(p, n, "screens", "this sim step");
		return;
	}
	int count;
	yaml_node_item_t *items = step_list(p, v[0], "screens", 1, SIM_MAX_SCREENS, &count);
	if (!items)
		return;
	struct sim *s = calloc(1, sizeof *s);
	st->data = s;
	int most = count * SIM_MAX_PARTS; /* room for every part the screens can have */
	s->parts = calloc((size_t)(most ? most : 1), sizeof *s->parts);
	struct pending pd = {.whole = true};
	pd.part = calloc((size_t)(most ? most : 1), sizeof *pd.part);
	pd.go = calloc((size_t)(most ? most : 1), sizeof *pd.go);
	pd.answer = calloc((size_t)(most ? most : 1), sizeof *pd.answer);
	pd.susp = calloc((size_t)(most ? most : 1), sizeof *pd.susp);
	for (int i = 0; i < count; i++)
		parse_screen(p, step_node(p, items[i]), s, &pd, s->n_screens++);
	check_sim(p, v[0], s, &pd);
	/* Find the suspicious parts: the learner frames several, then Check
	 * (the player shows Check for st->multiple, as for a choice). */
	st->multiple = s->find;
	free(pd.part);
	free(pd.go);
	free(pd.answer);
	free(pd.susp);
}

static void destroy(struct lesson_step *st)
{
	struct sim *s = st->data;
	for (int i = 0; i < s->n_parts; i++) {
		step_text_free(&s->parts[i].label);
		step_text_free(&s->parts[i].text);
		step_text_free(&s->parts[i].answer);
		step_text_free(&s->parts[i].value);
	}
	free(s->parts);
	free(s);
	st->data = NULL;
}

/* The typed value of the k-th field with an answer: the k-th line of text. */
static void typed_value(const char *text, int k, char *out, size_t cap)
{
	const char *at = text;
	for (int i = 0; i < k && at; i++) {
		at = strchr(at, '\n');
		if (at)
			at++;
	}
	size_t len = at ? strcspn(at, "\n") : 0;
	if (len >= cap)
		len = cap - 1;
	memcpy(out, at ? at : "", len);
	out[len] = 0;
}

/* Do the fields with answers on screen si hold them? */
static bool screen_filled(const struct sim *s, int si, const char *text)
{
	int k = 0;
	for (int i = 0; i < s->n_parts; i++) {
		const struct sim_part *p = &s->parts[i];
		if (!p->has_answer)
			continue;
		char typed[4 * SIM_FIELD_MAX + 1];
		typed_value(text, k++, typed, sizeof typed);
		if (p->screen == si && !step_sim_field_ok(p, typed))
			return false;
	}
	return true;
}

static bool judge_go(const struct sim *s, const struct step_response *r)
{
	int at = 0;
	for (int i = 0; i < r->n; i++) {
		int k = r->v[i];
		if (k < 0 || k >= s->n_parts)
			return false;
		const struct sim_part *p = &s->parts[k];
		if (p->screen != at || !step_sim_tappable(p->kind))
			return false;
		if (p->kind == SIM_BUTTON && (p->go >= 0 || p->correct) && !screen_filled(s, at, r->text))
			return false;
		if (p->correct)
			return i == r->n - 1;
		if (p->go < 0)
			return false;
		at = p->go;
	}
	return false;
}

static bool judge(const struct lesson_step *st, const struct step_response *r)
{
	const struct sim *s = st->data;
	if (!s || s->n_parts == 0)
		return false;
	if (!s->find)
		return judge_go(s, r);
	bool framed[SIM_MAX_SCREENS * SIM_MAX_PARTS] = {false};
	for (int i = 0; i < r->n; i++) {
		if (r->v[i] < 0 || r->v[i] >= s->n_parts)
			return false;
		framed[r->v[i]] = true;
	}
	for (int i = 0; i < s->n_parts; i++)
		if (framed[i] != s->parts[i].suspicious)
			return false;
	return true;
}

const struct step_kind step_sim = {
	.name = "sim", .type = LESSON_STEP_SIM, .built = true, .question = true, .keys = keys,
	.parse = parse, .destroy = destroy, .judge = judge,
};
