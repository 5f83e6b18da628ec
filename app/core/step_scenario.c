/* Step `scenario`: a short conversation at work. The nodes form a small
 * graph (at most 12), so the checks walk it directly: every `go` must name a
 * node, every node must be reachable from the first, and from every node an
 * end must be reachable, or a learner could be stuck in a circle with no way
 * out. The response is the path: the index of the choice taken at each node,
 * from the first node on; it is right when that path ends at `end: good`. */
#include "step_scenario.h"

#include "step.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const keys[] = {"nodes", NULL};

static bool valid_id(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > SCEN_ID_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return true;
}

/* What parsing left to check once every node is known. */
struct pending {
	yaml_node_t *node[SCEN_MAX_NODES];                  /* the node's mapping */
	yaml_node_t *go[SCEN_MAX_NODES][SCEN_MAX_CHOICES]; /* each choice's go value */
	bool whole;                                         /* every node and go could be read */
};

static void parse_choices(struct lesson_parse *p, yaml_node_t *list, struct scen_node *node, struct pending *pd,
                          int ni)
{
	int count;
	yaml_node_item_t *items = step_list(p, list, "choices", 1, SCEN_MAX_CHOICES, &count);
	if (!items) {
		pd->whole = false;
		return;
	}
	int langs = step_n_langs(p);
	for (int i = 0; i < count; i++) {
		yaml_node_t *c = step_node(p, items[i]);
		static const char *const ck[] = {"text", "go", "feedback", NULL};
		yaml_node_t *cv[3];
		if (!step_map_keys(p, c, "a choice", ck, cv)) {
			pd->whole = false;
			continue;
		}
		struct scen_choice *ch = &node->choices[node->n_choices];
		if (cv[0] && step_get_text(p, cv[0], "the choice", LESSON_MAX_ANSWER, &ch->text)) {
			/* The learner tells choices apart by their words alone. */
			for (int k = 0; k < node->n_choices; k++)
				for (int l = 0; l < langs; l++)
					if (ch->text.s[l] && node->choices[k].text.s[l] &&
					    !strcmp(ch->text.s[l], node->choices[k].text.s[l]))
						step_report(p, cv[0], true,
						            "two choices of this node have the same text in '%s': \"%s\"; "
						            "make each choice say something else",
						            step_lesson(p)->langs[l], ch->text.s[l]);
		} else if (!cv[0]) {
			step_missing(p, c, "text", "this choice");
		}
		if (cv[1]) {
			if (!step_scalar(cv[1])) {
				step_report(p, cv[1], true, "go must be the id of a node, not a list or a set of keys");
				pd->whole = false;
			}
			pd->go[ni][node->n_choices] = cv[1];
		} else {
			step_missing(p, c, "go", "this choice");
			pd->whole = false;
		}
		if (cv[2])
			step_get_text(p, cv[2], "the feedback of a choice", LESSON_MAX_FEEDBACK, &ch->feedback);
		node->n_choices++;
	}
}

static void parse_node(struct lesson_parse *p, yaml_node_t *n, struct scenario *s, struct pending *pd, int ni)
{
	struct scen_node *node = &s->nodes[ni];
	node->best = -1;
	pd->node[ni] = n;
	static const char *const nk[] = {"id", "speaker", "says", "choices", "end", NULL};
	yaml_node_t *v[5];
	if (!step_map_keys(p, n, "a node", nk, v)) {
		pd->whole = false;
		return;
	}
	if (!v[0]) {
		step_missing(p, n, "id", "this node");
		pd->whole = false;
	} else {
		const char *id = step_scalar(v[0]);
		if (!id || !valid_id(id)) {
			step_report(p, v[0], true, "a node id must be 1 to 32 lower-case letters, digits or '-', like start");
			pd->whole = false;
		} else {
			for (int k = 0; k < ni; k++)
				if (!strcmp(s->nodes[k].id, id))
					step_report(p, v[0], true, "the id '%s' is used by two nodes; every node needs its own id", id);
			snprintf(node->id, sizeof node->id, "%s", id);
		}
	}
	if (v[1])
		step_get_text(p, v[1], "the speaker", 40, &node->speaker);
	if (v[2])
		step_get_text(p, v[2], "what is said", 200, &node->says);
	else
		step_missing(p, n, "says", "this node");
	if (v[3] && v[4]) {
		step_report(p, v[4], true, "a node has 'choices' or an 'end', not both");
		pd->whole = false;
	} else if (!v[3] && !v[4]) {
		step_report(p, n, true, "this node has no 'choices' and no 'end': give the learner choices, or end here");
		pd->whole = false;
	}
	if (v[4]) {
		const char *e = step_scalar(v[4]);
		if (e && !strcmp(e, "good"))
			node->end = SCEN_GOOD;
		else if (e && !strcmp(e, "ok"))
			node->end = SCEN_OK;
		else if (e && !strcmp(e, "bad"))
			node->end = SCEN_BAD;
		else
			step_report(p, v[4], true, "end must be good, ok or bad, not '%s'", e ? e : "a list");
		if (ni == 0 && !v[3])
			step_report(p, v[4], true, "the first node is where the conversation starts: it needs choices, not an end");
	}
	if (v[3])
		parse_choices(p, v[3], node, pd, ni);
}

/* dist[i]: the fewest choices from node i to a good end, or -1. */
static void distances(const struct scenario *s, int dist[SCEN_MAX_NODES])
{
	for (int i = 0; i < s->n_nodes; i++)
		dist[i] = s->nodes[i].end == SCEN_GOOD ? 0 : -1;
	for (bool changed = true; changed;) {
		changed = false;
		for (int i = 0; i < s->n_nodes; i++)
			for (int c = 0; c < s->nodes[i].n_choices; c++) {
				int d = dist[s->nodes[i].choices[c].go];
				if (d >= 0 && (dist[i] < 0 || d + 1 < dist[i])) {
					dist[i] = d + 1;
					changed = true;
				}
			}
	}
}

static void check_graph(struct lesson_parse *p, yaml_node_t *list, struct scenario *s, struct pending *pd)
{
	/* Every go names a node. */
	for (int i = 0; i < s->n_nodes; i++)
		for (int c = 0; c < s->nodes[i].n_choices; c++) {
			const char *go = step_scalar(pd->go[i][c]);
			int to = -1;
			for (int k = 0; go && k < s->n_nodes; k++)
				if (!strcmp(s->nodes[k].id, go))
					to = k;
			if (to < 0 && go) {
				char ids[400] = "";
				for (int k = 0; k < s->n_nodes; k++)
					if (s->nodes[k].id[0])
						snprintf(ids + strlen(ids), sizeof ids - strlen(ids), "%s%s", ids[0] ? ", " : "",
						         s->nodes[k].id);
				step_report(p, pd->go[i][c], true, "go: '%s' is not a node of this scenario (its nodes: %s)", go, ids);
				pd->whole = false;
			}
			s->nodes[i].choices[c].go = to < 0 ? 0 : to;
		}
	if (!pd->whole)
		return; /* the walks below would only repeat what is said above */
	bool seen[SCEN_MAX_NODES] = {true};
	for (bool changed = true; changed;) {
		changed = false;
		for (int i = 0; i < s->n_nodes; i++)
			for (int c = 0; seen[i] && c < s->nodes[i].n_choices; c++)
				if (!seen[s->nodes[i].choices[c].go])
					seen[s->nodes[i].choices[c].go] = changed = true;
	}
	bool ends[SCEN_MAX_NODES] = {false};
	bool any_good = false;
	for (int i = 0; i < s->n_nodes; i++) {
		ends[i] = s->nodes[i].end != SCEN_NO_END;
		any_good |= s->nodes[i].end == SCEN_GOOD;
	}
	for (bool changed = true; changed;) {
		changed = false;
		for (int i = 0; i < s->n_nodes; i++)
			for (int c = 0; !ends[i] && c < s->nodes[i].n_choices; c++)
				if (ends[s->nodes[i].choices[c].go])
					ends[i] = changed = true;
	}
	for (int i = 0; i < s->n_nodes; i++) {
		if (!seen[i])
			step_report(p, pd->node[i], true,
			            "node '%s' cannot be reached: no choice goes to it from the first node on", s->nodes[i].id);
		if (!ends[i])
			step_report(p, pd->node[i], true,
			            "from node '%s' no end can be reached: its choices go round in a circle; "
			            "let one of them lead to an end",
			            s->nodes[i].id);
	}
	if (!any_good)
		step_report(p, list, true, "no node has 'end: good': the learner needs a way to end the conversation well");
	int dist[SCEN_MAX_NODES];
	distances(s, dist);
	for (int i = 0; i < s->n_nodes; i++)
		for (int c = 0; c < s->nodes[i].n_choices; c++) {
			struct scen_node *node = &s->nodes[i];
			int d = dist[node->choices[c].go];
			node->choices[c].to_good = d >= 0;
			if (d >= 0 && (node->best < 0 || d < dist[node->choices[node->best].go]))
				node->best = c;
		}
}

static void parse(struct lesson_parse *p, yaml_node_t *n, yaml_node_t **v, struct lesson_step *st)
{
	if (!v[0]) {
		step_missing(p, n, "nodes", "this scenario step");
		return;
	}
	int count;
	yaml_node_item_t *items = step_list(p, v[0], "nodes", 2, SCEN_MAX_NODES, &count);
	if (!items)
		return;
	struct scenario *s = calloc(1, sizeof *s);
	st->data = s;
	struct pending pd = {.whole = true};
	for (int i = 0; i < count; i++)
		parse_node(p, step_node(p, items[i]), s, &pd, s->n_nodes++);
	if (count >= 1)
		check_graph(p, v[0], s, &pd);
}

static void destroy(struct lesson_step *st)
{
	struct scenario *s = st->data;
	for (int i = 0; i < s->n_nodes; i++) {
		step_text_free(&s->nodes[i].speaker);
		step_text_free(&s->nodes[i].says);
		for (int c = 0; c < s->nodes[i].n_choices; c++) {
			step_text_free(&s->nodes[i].choices[c].text);
			step_text_free(&s->nodes[i].choices[c].feedback);
		}
	}
	free(s);
	st->data = NULL;
}

static bool judge(const struct lesson_step *st, const struct step_response *r)
{
	const struct scenario *s = st->data;
	if (!s || s->n_nodes == 0)
		return false;
	int at = 0;
	for (int i = 0; i < r->n; i++) {
		const struct scen_node *node = &s->nodes[at];
		if (node->end != SCEN_NO_END || r->v[i] < 0 || r->v[i] >= node->n_choices)
			return false;
		at = node->choices[r->v[i]].go;
	}
	return s->nodes[at].end == SCEN_GOOD;
}

const struct step_kind step_scenario = {
	.name = "scenario", .type = LESSON_STEP_SCENARIO, .built = true, .question = true, .keys = keys,
	.parse = parse, .destroy = destroy, .judge = judge,
};
